"""The stages of a build that has something to do: load -> extract -> model -> render -> write.

build.py has checked the inputs (and found a change); here every stage runs,
taking from the cache (cache.py) what an earlier build made of unchanged inputs.
"""

from __future__ import annotations

import dataclasses
import itertools
import time
from pathlib import Path

from . import cache, collection
from .article import Article
from .build import BuildSummary, Options, as_remembered, build_key, log_stage
from .cache import BuildState, FileStamp, SpareState, code_version, per_output
from .config import Config
from .depends import ModelIndex
from .export import export_files
from .extract import Extractor
from .keepgoing import build_archive_skipping, skippable
from .linkdata import structured_data
from .load import article_name, scan_content
from .manifest import MANIFEST_FILE, read_manifest, write_manifest
from .model import build_archive
from .parallel import Extracted, extract_files, in_slices, render_all
from .problems import BuildFailed, Problems, Severity
from .progress import Progress
from .redirects import plan_links, published_entries, redirect_pages
from .refdata import DATA_FILES, ReferenceData, load_reference_data
from .render import make_environment, plan_pages, render_documents, render_pages, with_structured
from .reuse import Renders
from .search import BUNDLE, index_site
from .shareimage import draw_card, meeting_card, site_image
from .theme import search_path, static_files
from .write import KEEP, folder_id, spare_folder, write_site


def make_site(config: Config, content_dir: Path, data_dir: Path, out_dir: Path, options: Options, progress: Progress,
              inputs: dict[str, FileStamp], present: dict, site_files: dict[str, FileStamp],
              started: float) -> BuildSummary:
    """Run every stage; `inputs` and `present` are what is there now, `site_files` the files of the
    current site that are as the last build recorded them."""
    strict, keep_going, publish, use_cache = options.strict, options.keep_going, options.publish, options.use_cache
    problems = Problems()
    store = cache.cache_dir(config.root)
    state_file = store / per_output("state", out_dir)
    key = build_key(config, options, inputs)

    # 1. Load the reference data, and 2. extract every article: declared front matter
    # first, the rest from the text (from the cache where nothing it depends on changed).
    data = load_reference_data(data_dir, problems)
    articles = _extract(content_dir, data_dir, data, inputs, store, problems, progress, use_cache)
    log_stage("extract", started, f"{len(articles)} articles, {sum(len(a.meetings) for a in articles)} meeting reports")

    # 3. Model: merge meetings, link everything, fix every address (with keep_going, without the articles in error).
    archive = build_archive_skipping(articles, data, problems) if keep_going else build_archive(articles, data, problems)
    pages = plan_pages(archive, config)
    log_stage("model", started, f"{len(archive.meetings)} meetings")

    # Every address published before keeps answering: a redirect where its page moved.
    manifest = content_dir / MANIFEST_FILE
    links = plan_links(read_manifest(manifest, problems), published_entries(pages, archive), data.people, str(manifest), problems)
    data_files = {str(data_dir / name) for name in DATA_FILES}
    skipped = [p for p in problems.errors if keep_going and skippable(p, data_files)]
    fatal = [p for p in problems.errors if p not in skipped]
    if fatal or (strict and (problems.warnings or skipped)):
        raise BuildFailed(problems.errors + (problems.warnings if strict else []))

    # 4. Render every page, feed and share image, then 5. write them as the new site
    # in one swap, indexed for search before it replaces the old one. What the
    # cache shows unchanged, and still intact in the current site, is kept.
    static = static_files(config.root)
    env = make_environment(search_path(config.root, "templates"), config, archive, static)
    renders_file = store / per_output("renders", out_dir)
    renders = Renders.remembered(
        cache.load(renders_file, tuple) if use_cache else None,
        salt=_render_salt(config, inputs, content_dir, data_dir),
        index=ModelIndex(archive, env.globals["counts"]),
        present=site_files,
    )
    env.index = renders.index
    pending = [page for page in pages if not renders.reusable(page, structured_data(page, config))]
    cards = [(meeting.share_image, meeting_card(meeting, config)) for meeting in archive.meetings]
    cards_pending = [card for card in cards if not renders.reusable_card(*card)]
    # Pages and pictures are independent once the model exists: rendered on every core. Rendering leaves
    # garbage (reference cycles of template contexts) where planning left none: collected from here on.
    collection.resume()
    outputs = render_all([
        *in_slices(pending, lambda part: renders.render([with_structured(page, config) for page in part], env)),
        lambda: render_pages(redirect_pages(links, pages), env),  # made as written where there is no pool
        lambda: render_documents(pages, env),
        lambda: [site_image(archive, config)],
        lambda: export_files(archive, config),  # data/: the archive as JSON and CSV
        *in_slices(cards_pending, lambda part: [(path, draw_card(card)) for path, card in part], size=50),
    ], items=len(pending) + len(cards_pending))
    outputs = renders.collect(outputs)
    kept = [(page, KEEP) for page in renders.kept]
    # About that many files: every page, a share image a meeting, a feed a person and a topic.
    files = progress.track(itertools.chain(kept, outputs), "files", total=len(pages) + len(archive.meetings) + len(archive.people) + len(archive.topics), stage="render")

    search_file = store / per_output("search", out_dir)
    shard_table: dict = {}

    def before_swap(staging: Path, written: dict[str, FileStamp]) -> None:
        progress.stage("search index")
        # Each page's shard, as the last build found it for the same bytes (only changed pages are read).
        remembered = (cache.load(search_file, tuple) if use_cache else None) or ("", {})
        known = remembered[1] if remembered[0] == code_version() else {}
        shard_table.update(index_site(staging, previous=out_dir, written=written, known=known))
        # Order matters: the manifest records the new addresses before they go live, so none is ever
        # published unrecorded (a build killed in between only leaves a harmless extra redirect later).
        if publish:
            write_manifest(manifest, links.manifest)

    spare_file = store / per_output("spare", out_dir)
    spare = cache.load(spare_file, SpareState) or SpareState()
    strays = [name for name in present if name not in site_files and not name.startswith(f"{BUNDLE}/")]
    written = write_site(out_dir, files, static, before_swap=before_swap, previous=site_files,
                         spare=spare.files if use_cache else None, strays=strays, spare_folder_id=spare.folder_id)
    log_stage("render+write", started, f"{len(written)} files, {len(pending)} pages rendered, {len(renders.kept)} kept")

    summary = BuildSummary(
        articles=len(archive.articles),
        meetings=len(archive.meetings),
        people=len(archive.people),
        topics=len(archive.topics),
        places=len(archive.places),
        pages=len(pages),
        files=len(written),
        seconds=time.perf_counter() - started,
        warnings=problems.warnings,
        skipped=skipped,
        redirects=links.redirects,
        archive=archive,
    )
    # The manifest was rewritten by this build: stamp what it holds now, so the next build sees no change.
    manifest_stamp = cache.stamp(str(manifest), None, time.time_ns()) if publish else None
    if manifest_stamp is not None:
        inputs[str(manifest)] = manifest_stamp
        key = build_key(config, options, inputs)
    cache.save(renders_file, renders.remember(), shared=False)  # strings and arrays, each its own
    cache.save(search_file, (code_version(), shard_table))
    folders: dict[str, cache.FolderStamp] = {}
    outputs = cache.recorded(cache.survey(out_dir, folders), written)
    # The site that was live is now the spare: its files as they were checked at the start.
    cache.save(spare_file, SpareState(folder_id(spare_folder(out_dir)), site_files) if present else SpareState())
    cache.save(state_file, BuildState(key=key, inputs=inputs, outputs=outputs, summary=as_remembered(summary), folders=folders))
    return summary



def _render_salt(config: Config, inputs: dict[str, FileStamp], content_dir: Path, data_dir: Path) -> str:
    """What every page depends on besides the model: sitegen's code, the settings, templates and static files.

    Articles and data files reach pages only through the model, whose reads are recorded (depends.py).
    """
    content = (f"{content_dir}/", f"{data_dir}/")
    return cache.digest(code_version(), config, sorted((path, s.sha) for path, s in inputs.items() if not path.startswith(content)))


def _extract(content_dir: Path, data_dir: Path, data: ReferenceData, inputs: dict[str, FileStamp], store: Path,
             problems: Problems, progress: Progress, use_cache: bool) -> list[Article]:
    """Every article extracted, in file order; an article whose bytes, data files and sitegen are
    as at an earlier build takes that build's extraction from the cache."""
    salt = cache.digest(code_version(), [inputs[p].sha for p in (str(data_dir / name) for name in DATA_FILES) if p in inputs])
    parts = [(cache.load(_articles_file(store, part), dict) if use_cache else None) or {} for part in range(ARTICLE_PARTS)]
    known: dict[str, Extracted] = {key: extracted for part in parts for key, extracted in part.items()}
    paths = scan_content(content_dir, problems)
    names = [article_name(path, content_dir) for path in paths]
    keys = [cache.digest(salt, name, inputs[str(path)].sha) if str(path) in inputs else None for path, name in zip(paths, names)]
    todo = [(path, name) for path, name, key in zip(paths, names, keys) if key not in known]
    progress.stage("extract", f"{len(todo)} of {len(paths)} articles")
    fresh = iter(extract_files(todo, Extractor(data)) if todo else [])
    articles, remembered = [], {}
    for key in keys:
        article, found = known[key] if key in known else next(fresh)
        if article is not None and key is not None and article.fingerprint != key:
            article = dataclasses.replace(article, fingerprint=key)
        problems.items.extend(found)
        if article is not None:
            articles.append(article)
        # Errors are not remembered: they are few, and one may depend on the day (a date "in the future").
        if key is not None and not any(p.severity is Severity.ERROR for p in found):
            remembered[key] = (article, found)
    # Only the parts whose articles changed are written again: an edit rewrites one part, not 65 MB.
    now: list[dict[str, Extracted]] = [{} for _ in range(ARTICLE_PARTS)]
    for key, extracted in remembered.items():
        now[_article_part(key)][key] = extracted
    for part, (extracted, before) in enumerate(zip(now, parts)):
        if extracted.keys() != before.keys():
            cache.save(_articles_file(store, part), extracted)
    return articles


#: The extraction cache is cut into this many files, by each article's key.
ARTICLE_PARTS = 16


def _article_part(key: str) -> int:
    return int(key[:4], 16) % ARTICLE_PARTS


def _articles_file(store: Path, part: int) -> Path:
    return store / f"articles-{part:02d}.pickle"
