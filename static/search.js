// The search page: runs the Pagefind index (built by `sitegen build` into pagefind/) in the browser.
// A file, not an inline script, so the pages' Content-Security-Policy can forbid inline scripts.
// Without JavaScript (the page says so) or where Pagefind cannot load (a page opened from disk),
// the page keeps its A to Z lists.

const PAGE_SIZE = 20;
const FILTERS = ["person", "topic", "year"];

const form = document.getElementById("search");
const results = document.getElementById("search-results");
// The A to Z lists, shown while no search is made.
const browse = document.getElementById("browse");

// Listeners are attached at once, before Pagefind has loaded, so no early choice is lost.
function start() {
  const loading = load();
  const params = new URLSearchParams(location.search);
  form.elements.q.value = params.get("q") || "";
  for (const name of FILTERS) {
    form.elements[name].value = params.get(name) || "";
  }

  let pending = 0;
  async function run() {
    const ticket = ++pending;
    const query = form.elements.q.value.trim();
    const filters = {};
    for (const name of FILTERS) {
      if (form.elements[name].value) filters[name] = form.elements[name].value;
    }
    history.replaceState(null, "", "?" + new URLSearchParams({ q: query, ...filters }).toString());
    if (!query && Object.keys(filters).length === 0) {
      results.replaceChildren();
      browse.hidden = false;
      return;
    }
    results.setAttribute("aria-busy", "true");
    const pagefind = await loading;
    if (!pagefind) return;
    const search = await pagefind.search(query || null, { filters });
    const first = await Promise.all(search.results.slice(0, PAGE_SIZE).map((found) => found.data()));
    if (ticket !== pending) return; // a newer search has started
    show(search.results, first, query);
    results.setAttribute("aria-busy", "false");
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  let typing;
  form.elements.q.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(run, 250);
  });
  for (const name of FILTERS) form.elements[name].addEventListener("change", run);
  if (form.elements.q.value || FILTERS.some((name) => form.elements[name].value)) run();
}

// The Pagefind module, or null (with a note on the page) where it cannot load.
async function load() {
  try {
    const pagefind = await import(new URL(form.dataset.bundle, location.href).href);
    // Result addresses under the site's own root, whatever sub-path it is served from.
    const home = new URL(form.dataset.home, location.href);
    await pagefind.options({ baseUrl: home.pathname.replace(/index\.html$/, "") });
    return pagefind;
  } catch (error) {
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = "Search could not start here (it needs the archive served over the web, not opened from disk): every page is reachable from the lists below.";
    results.replaceChildren(note);
    results.setAttribute("aria-busy", "false");
    return null;
  }
}

// Results replace the A to Z lists in one step, so nothing on screen is pushed down as they arrive.
function show(found, first, query) {
  const status = document.createElement("p");
  status.className = "search-count";
  const words = query ? ` for “${query}”` : "";
  const count = found.length === 0 ? "No page" : found.length === 1 ? "1 page" : `${found.length} pages`;
  status.textContent = `${count} found${words}.`;
  const list = document.createElement("ol");
  list.className = "search-hits";
  list.append(...first.map(hit));
  const more = document.createElement("button");
  more.type = "button";
  more.textContent = "More results";
  more.hidden = first.length >= found.length;
  more.addEventListener("click", async () => {
    const next = found.slice(list.children.length, list.children.length + PAGE_SIZE);
    list.append(...(await Promise.all(next.map((item) => item.data()))).map(hit));
    more.hidden = list.children.length >= found.length;
  });
  results.replaceChildren(status, list, more);
  browse.hidden = true;
}

function hit(data) {
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  const excerpt = document.createElement("p");
  excerpt.append(...marked(data.excerpt));
  item.append(link, excerpt);
  return item;
}

// Pagefind's excerpt is text with <mark> around the matched words: keep the text and the
// marks, nothing else, so no markup from an indexed page can reach this one.
function marked(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  return Array.from(parsed.body.childNodes, (node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent);
  });
}

if (form) start();
