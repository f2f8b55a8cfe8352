"""`sitegen serve`: the editor's preview, rebuilt on every change and reloaded in the open browser.

The preview builds into a temporary folder of its own (never the site's
output folder, and without recording addresses in the URL manifest: nothing
is published) and serves it on 127.0.0.1 under the sub-path of `base_url`, as
GitHub Pages will. Every change to the articles, the data files, the templates,
the static files or sitegen.yaml starts a full rebuild.

Each HTML page is served with one script added, `serve_assets/livereload.js`,
a file (the pages' Content-Security-Policy forbids inline script). It listens
to ``__sitegen__/events`` for the number of the latest build and reloads the
page when that differs from the build the page came from. While the build
fails, every page is replaced by a list of its problems (which the terminal
prints too); the server keeps running, and the fix brings the pages back.
"""

from __future__ import annotations

import http.server
import mimetypes
import posixpath
import secrets
import shutil
import signal
import tempfile
import threading
import traceback
from dataclasses import replace
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

import jinja2

from .build import BuildSummary, build
from .config import CONFIG_FILE, Config
from .console import Console
from .problems import BuildFailed, Problem
from .theme import search_path
from .watch import Watcher

HOST = "127.0.0.1"
#: Under the site's sub-path: the reload script, its event stream and the error page's stylesheet.
LIVE = "__sitegen__/"
ASSETS = Path(__file__).resolve().parent / "serve_assets"
#: Seconds between keep-alive comments on an event stream, so a dead connection is noticed.
KEEPALIVE = 15
TYPES = {".wasm": "application/wasm", ".js": "text/javascript", ".json": "application/json", ".csv": "text/csv",
         ".xml": "application/xml", ".svg": "image/svg+xml", ".css": "text/css", ".html": "text/html"}


class Preview:
    """The latest build of the site (or why it failed), rebuilt on change, served over HTTP."""

    def __init__(self, load: Callable[[], Config], console: Console, *, port: int = 8000, host: str = HOST):
        self._load, self.console = load, console
        self._folder = Path(tempfile.mkdtemp(prefix="sitegen-serve-"))
        self.out_dir = self._folder / "site"
        self.config = load()
        self.prefix = _prefix(self.config)
        #: Changes with every finished build, good or failed; a new server starts a new series.
        self.version = f"{secrets.token_hex(3)}-0"
        self.problems: list[Problem] = []
        self.crash = ""
        self._builds = 0
        self._news = threading.Condition()
        self.stopped = threading.Event()
        self._errors = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ASSETS)), autoescape=True, undefined=jinja2.StrictUndefined)
        try:
            self.server = http.server.ThreadingHTTPServer((host, port), _Handler)
        except OSError as exc:
            self.close()
            raise BuildFailed([Problem(f"{host}:{port}", f"cannot serve there ({exc.strerror}): choose another port with --port")]) from exc
        self.server.daemon_threads = True
        self.server.preview = self

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{self.prefix}"

    @property
    def failed(self) -> bool:
        return bool(self.problems or self.crash)

    def rebuild(self) -> BuildSummary | None:
        """A full build into the preview folder; its problems are kept for the pages and printed."""
        try:
            self.config = self._load()
            self.prefix = _prefix(self.config)
            summary = build(replace(self.config, output_dir=str(self.out_dir)), publish=False, progress=self.console.progress())
            problems, crash = [], ""
        except BuildFailed as failed:
            summary, problems, crash = None, failed.problems, ""
        except Exception:  # a bug in sitegen: shown in the page and the terminal; the preview keeps running
            summary, problems, crash = None, [], traceback.format_exc()
        with self._news:
            self.problems, self.crash = problems, crash
            self._builds += 1
            self.version = f"{self.version.split('-')[0]}-{self._builds}"
            self._news.notify_all()
        self._report(summary)
        return summary

    def watched(self) -> tuple[list[Path], list[Path]]:
        """What a build reads: the articles, the data, the theme's folders (the site's own, made or not), the config file."""
        root = self.config.root
        folders = [self.config.path(self.config.content_dir), self.config.path(self.config.data_dir)]
        folders += [*search_path(root, "templates"), *search_path(root, "static"), root / "templates", root / "static"]
        return folders, [root / CONFIG_FILE]

    def run(self) -> None:
        """Build, serve and rebuild on every change until stopped (Ctrl-C, SIGTERM or `stop`)."""
        threading.Thread(target=self.server.serve_forever, name="sitegen-serve", daemon=True).start()
        watched = self.watched()
        watcher = Watcher(*watched)
        watcher.start()
        try:
            self.console.result(f"Serving {self.url} (a preview built in {self.out_dir}: the site's own output folder is not touched). Ctrl-C stops.")
            self.rebuild()
            while not self.stopped.is_set():
                changed = watcher.wait(self.stopped)
                if not changed:
                    continue
                self.console.result(f"changed: {', '.join(_shown(p, self.config.root) for p in changed)}")
                self.rebuild()
                if self.watched() != watched:  # sitegen.yaml moved the content or data folder
                    watcher.stop()
                    watched = self.watched()
                    watcher = Watcher(*watched)
                    watcher.start()
        finally:
            self.stop()
            watcher.stop()
            self.server.shutdown()
            self.close()

    def stop(self) -> None:
        self.stopped.set()
        with self._news:
            self._news.notify_all()

    def close(self) -> None:
        """Stop listening and remove the preview folder."""
        if getattr(self, "server", None):
            self.server.server_close()
        shutil.rmtree(self._folder, ignore_errors=True)

    def next_version(self, seen: str | None, timeout: float) -> str:
        """The latest build's number, as soon as it differs from `seen` (or after `timeout`)."""
        with self._news:
            self._news.wait_for(lambda: self.version != seen or self.stopped.is_set(), timeout)
            return self.version

    def error_page(self) -> bytes:
        return self._errors.get_template("error.html").render(
            problems=self.problems, crash=self.crash, version=self.version, assets=self.prefix + LIVE).encode("utf-8")

    def reload_tag(self) -> bytes:
        assets = self.prefix + LIVE
        return f'<script src="{assets}livereload.js" data-version="{self.version}" data-events="{assets}events" defer></script>'.encode()

    def _report(self, summary: BuildSummary | None) -> None:
        if summary:
            self.console.problems(summary.warnings)
            self.console.success(f"rebuilt in {summary.seconds:.2f}s: {summary.articles} articles, {summary.meetings} meetings, "
                                 f"{summary.pages} pages, {len(summary.warnings)} warnings")
        elif self.crash:
            self.console.failure(f"sitegen failed (a bug; the page shows it too):\n{self.crash}")
        else:
            self.console.problems(self.problems)
            self.console.failure(f"build failed: {len(self.problems)} problem(s); the pages show them until they are fixed")


def serve(load: Callable[[], Config], console: Console, *, port: int = 8000) -> None:
    """Run the preview until Ctrl-C or SIGTERM; `load` reads the config afresh before every build."""
    preview = Preview(load, console, port=port)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: preview.stop())
    try:
        preview.run()
    except KeyboardInterrupt:
        preview.stop()
    console.result("stopped")


class _Handler(http.server.BaseHTTPRequestHandler):
    server_version = "sitegen-serve"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        preview: Preview = self.server.preview
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(preview.prefix):
            if path == "/":  # the site lives under a sub-path: lead there
                self.send_response(302)
                self.send_header("Location", preview.prefix)
                self.end_headers()
                return
            return self._send(404, "text/plain", f"Nothing here: the site is served under {preview.prefix}\n".encode(), body)
        rest = path[len(preview.prefix):]
        if rest.startswith(LIVE):
            return self._live(preview, rest[len(LIVE):], body)
        target = _file_in(preview.out_dir, rest)
        is_page = target is None or target.suffix == ".html"
        if preview.failed and is_page:
            return self._send(500, "text/html", preview.error_page(), body)
        if target is None:
            not_found = preview.out_dir / "404.html"
            page = _with_reload(not_found.read_bytes(), preview) if not_found.is_file() else b"Not found\n"
            return self._send(404, "text/html" if not_found.is_file() else "text/plain", page, body)
        data = target.read_bytes()
        if target.suffix == ".html":
            data = _with_reload(data, preview)
        self._send(200, TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream", data, body)

    def _live(self, preview: Preview, name: str, body: bool) -> None:
        if name == "events":
            return self._events(preview)
        if name in ("livereload.js", "serve.css"):
            return self._send(200, TYPES[Path(name).suffix], (ASSETS / name).read_bytes(), body)
        self._send(404, "text/plain", b"Not found\n", body)

    def _events(self, preview: Preview) -> None:
        """A server-sent event stream: the latest build's number now, and each new one as it comes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = None
        try:
            while not preview.stopped.is_set():
                version = preview.next_version(seen, KEEPALIVE)
                self.wfile.write(f"data: {version}\n\n".encode() if version != seen else b": still here\n\n")
                self.wfile.flush()
                seen = version
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded

    def _send(self, status: int, kind: str, data: bytes, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") or kind.endswith(("json", "xml", "javascript")) else kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:
        pass  # the terminal is for the editor's problems, not for every request


def _file_in(site: Path, rest: str) -> Path | None:
    """The file of the site a request names, never outside it; a folder means its index.html."""
    parts = [p for p in rest.split("/") if p]
    if any(p in (".", "..") or "\\" in p for p in parts):
        return None
    target = site.joinpath(*parts) if parts else site
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and site.resolve() in target.resolve().parents else None


def _with_reload(html: bytes, preview: Preview) -> bytes:
    """The page with the reload script added at the end of its head."""
    head = html.find(b"</head>")
    return html[:head] + preview.reload_tag() + html[head:] if head >= 0 else html + preview.reload_tag()


def _prefix(config: Config) -> str:
    path = urlsplit(config.base_url).path or "/"
    return posixpath.join(path, "") if path.startswith("/") else "/" + path


def _shown(path: str, root: Path) -> str:
    try:
        return str(Path(path).relative_to(root.resolve()))
    except ValueError:
        return path
