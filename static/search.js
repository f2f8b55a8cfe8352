// The search page: runs the Pagefind index (built by `sitegen build` into pagefind/, in shards) in the browser.
// A file, not an inline script, so the pages' Content-Security-Policy can forbid inline scripts.
// Without JavaScript (the page says so) or where Pagefind cannot load (a page opened from disk),
// the page keeps its A to Z lists.

const PAGE_SIZE = 20;
const FILTERS = ["person", "topic", "year"];
// The filter each shard of the index gives its pages: its name.
const SHARD = "index-shard";

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
    const found = await searchShards(pagefind, query, filters);
    const first = await Promise.all(found.slice(0, PAGE_SIZE).map((item) => item.data()));
    if (ticket !== pending) return; // a newer search has started
    show(found, first, query);
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
// The index comes in shards (sitegen/search.py): the bundle named by the form is the primary one,
// and its shards.json names the others, each in a folder inside it, which are merged into it. Each
// shard tags its pages with its name (a filter of its own), so a search can leave a shard out.
async function load() {
  try {
    const bundle = new URL(form.dataset.bundle, location.href);
    const listed = await fetch(new URL("shards.json", bundle));
    if (!listed.ok) throw new Error(`the list of search shards is missing (${listed.status})`);
    const { primary, shards } = await listed.json();
    const pagefind = await import(bundle.href);
    // Result addresses under the site's own root, whatever sub-path it is served from.
    const home = new URL(form.dataset.home, location.href);
    const baseUrl = home.pathname.replace(/index\.html$/, "");
    await pagefind.options({ baseUrl, mergeFilter: { [SHARD]: primary } });
    await Promise.all(shards.map((name) => pagefind.mergeIndex(new URL(`${name}/`, bundle).href, { baseUrl, mergeFilter: { [SHARD]: name } })));
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

// The pages found for `query` and `filters`, best first, as one index of the whole site would find them.
// Pagefind reads a word its index does not hold as the longest word it does hold that the word begins
// with ("ashkenazi" as "a"), or leaves it out of a search of several words. With the index in shards,
// a shard without the word would then find pages without it. So the search is made only in the shards
// that hold every word of the query that some shard holds (a quoted phrase already needs every word).
// A word no shard holds whole (the beginning of one, typed so far) leaves every shard in, so until it
// is complete a shard without any word so beginning may show loose matches.
async function searchShards(pagefind, query, filters) {
  const words = query.startsWith('"') ? [] : query.split(/\s+/).filter(Boolean);
  const holding = await Promise.all(words.map(async (word) => {
    const exact = await pagefind.search(`"${word}"`);
    return Object.entries(exact.totalFilters[SHARD] || {}).filter(([, count]) => count > 0).map(([name]) => name);
  }));
  const known = holding.filter((shards) => shards.length > 0);
  if (known.length === 0) return (await pagefind.search(query || null, { filters })).results;
  const shards = known.reduce((common, next) => common.filter((name) => next.includes(name)));
  if (shards.length === 0) return [];
  return (await pagefind.search(query, { filters: { ...filters, [SHARD]: { any: shards } } })).results;
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
