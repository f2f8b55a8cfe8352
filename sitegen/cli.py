"""The command line: parse arguments, load the config, call the library, map errors to exit codes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path

from . import __version__
from .build import build
from .config import load_config
from .console import NORMAL, QUIET, VERBOSE, Console
from .listing import KINDS
from .problems import BuildFailed, Severity

EXIT_OK, EXIT_CONTENT_ERROR, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # what shells report for a command stopped by Ctrl-C
DEFAULT_PORT = 8000


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.verbose and args.quiet:
        parser.error("--verbose and --quiet cannot go together")
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    args.console = Console(VERBOSE if args.verbose else QUIET if args.quiet else NORMAL)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitegen", description="Build a cross-linked archive of diplomatic meetings from news articles.")
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}")
    _verbosity(parser, default=False)
    commands = parser.add_subparsers(dest="command")

    build_cmd = _command(commands, "build", "build the site", _run_build)
    _site_arguments(build_cmd)
    build_cmd.add_argument("--out", dest="output_dir", help="output folder")
    build_cmd.add_argument("--strict", action="store_true", help="fail on warnings too (and on anything --keep-going would leave out)")
    build_cmd.add_argument("--keep-going", action="store_true", help="leave out articles and data records with errors, build the rest, list what was left out")
    build_cmd.add_argument("--no-cache", dest="use_cache", action="store_false", help="build everything afresh, ignoring the build cache (.sitegen-cache/)")

    serve_cmd = _command(commands, "serve", "preview the site on 127.0.0.1, rebuilt and reloaded on every change", _run_serve)
    _site_arguments(serve_cmd)
    serve_cmd.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to serve on (default {DEFAULT_PORT}; 0: any free port)")

    new_cmd = _command(commands, "new", "create an article file with front matter to fill in", _run_new)
    new_cmd.add_argument("title", help="the article's headline")
    new_cmd.add_argument("--site", type=Path, default=Path("."), help="the site folder")
    new_cmd.add_argument("--date", type=dt.date.fromisoformat, help="publication date, YYYY-MM-DD (default: today)")
    new_cmd.add_argument("--participants", nargs="+", default=(), metavar="NAME", help="the people who met, if it reports a meeting")
    new_cmd.add_argument("--met", type=dt.date.fromisoformat, help="the day they met, YYYY-MM-DD (default: the publication date)")
    new_cmd.add_argument("--place", help="city where the meeting took place")
    new_cmd.add_argument("--topics", nargs="+", default=(), metavar="ID", help="topic ids from topics.yaml")
    new_cmd.add_argument("--source", help="address of the original article")
    new_cmd.add_argument("--outlet", help="the news outlet")

    check_cmd = _command(commands, "check", "check the content and the site built from it: links, anchors, orphan pages, missing data", _run_check)
    _site_arguments(check_cmd)
    check_cmd.add_argument("--built", type=Path, metavar="DIR", help="check this already built site folder instead of building a preview")

    list_cmd = _command(commands, "list", "print what the archive holds: meetings, people or topics", _run_list)
    list_cmd.add_argument("kind", choices=KINDS)
    _site_arguments(list_cmd)
    list_cmd.add_argument("--json", action="store_true", help="JSON records (the fields of data/archive.json) instead of a table")

    extract_cmd = _command(commands, "extract", "show what extraction finds in articles, without building", _run_extract)
    extract_cmd.add_argument("files", nargs="*", type=Path, help="article files (default: every article of the site)")
    extract_cmd.add_argument("--site", type=Path, default=Path("."), help="the site folder (for its data files)")
    extract_cmd.add_argument("--report", action="store_true", help="per article: each fact with the sentence it came from")
    import_cmd = _command(commands, "import", "copy raw articles into the content folder with extracted front matter to review", _run_import)
    import_cmd.add_argument("files", nargs="+", type=Path)
    import_cmd.add_argument("--site", type=Path, default=Path("."), help="the site folder")
    return parser


def _command(commands, name: str, help: str, run) -> argparse.ArgumentParser:
    command = commands.add_parser(name, help=help, description=help[0].upper() + help[1:] + ".")
    _verbosity(command, default=argparse.SUPPRESS)  # accepted before or after the command's name
    command.set_defaults(run=run)
    return command


def _verbosity(parser: argparse.ArgumentParser, default) -> None:
    parser.add_argument("-v", "--verbose", action="store_true", default=default, help="print each stage with its timing")
    parser.add_argument("-q", "--quiet", action="store_true", default=default, help="print errors only: no warnings, progress or summary")


def _site_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (holding sitegen.yaml); default: here")
    command.add_argument("--config", type=Path, help="config file (default: SITE/sitegen.yaml)")
    command.add_argument("--content", dest="content_dir", help="folder of articles")
    command.add_argument("--data", dest="data_dir", help="folder of people.yaml, topics.yaml, places.yaml")
    command.add_argument("--base-url", dest="base_url", help="public address of the site root, sub-path included")
    command.add_argument("--title", help="the archive's title")


def _config(args: argparse.Namespace):
    return load_config(
        args.site.resolve(), args.config,
        content_dir=args.content_dir, data_dir=args.data_dir, output_dir=getattr(args, "output_dir", None),
        base_url=args.base_url, title=args.title,
    )


def _run_extract(args: argparse.Namespace) -> int:
    from .report import extraction_report
    from .review import extract_files

    try:
        results = extract_files(load_config(args.site.resolve()), args.files)
    except BuildFailed as failed:
        return _report_failure(args.console, failed)
    unreadable = 0
    for result in results:
        errors = [p for p in result.problems if p.severity is Severity.ERROR]
        unreadable += bool(errors)
        if args.report:
            print(extraction_report(result.article, result.problems))
        elif errors:
            for problem in errors:
                print(problem, file=sys.stderr)
        else:
            meetings = "; ".join(f"{m.date or '?'} {m.place or '?'}: {' + '.join(m.participants)}" for m in result.article.meetings)
            print(f"{result.article.name}: {meetings or 'no meeting found'}")
    return EXIT_CONTENT_ERROR if unreadable else EXIT_OK


def _run_import(args: argparse.Namespace) -> int:
    from .review import import_files

    try:
        written = import_files(load_config(args.site.resolve()), args.files)
    except BuildFailed as failed:
        return _report_failure(args.console, failed)
    for path in written:
        args.console.result(f"imported {path}: review its front matter, then build")
    return EXIT_OK


def _report_failure(console: Console, failed: BuildFailed) -> int:
    console.problems(failed.problems)
    return EXIT_CONTENT_ERROR


def _run_build(args: argparse.Namespace) -> int:
    console: Console = args.console
    try:
        config = _config(args)
        summary = build(config, strict=args.strict, keep_going=args.keep_going, progress=console.progress(), use_cache=args.use_cache)
    except KeyboardInterrupt:
        console.failure("build interrupted; the previous site was left as it was")
        return EXIT_INTERRUPTED
    except BuildFailed as failed:
        console.problems(failed.problems)
        console.failure(f"build failed: {len(failed.problems)} problem(s); the previous site was left as it was")
        return EXIT_CONTENT_ERROR
    console.problems(summary.skipped + summary.warnings)
    if summary.skipped:
        left_out = sorted({p.path for p in summary.skipped})
        console.note(f"skipped (--keep-going), for the errors above: {', '.join(left_out)}")
    for moved in (r for r in summary.redirects if r.changed):
        console.result(f"redirect: /{moved.old} now leads to /{moved.new}")
    if summary.unchanged:
        console.success(f"nothing changed since the last build: {config.output_dir}/ is up to date ({summary.pages} pages, {len(summary.warnings)} warnings) in {summary.seconds:.2f}s")
        return EXIT_OK
    console.success(
        f"built {config.output_dir}/: {summary.articles} articles, {summary.meetings} meetings, "
        f"{summary.people} people, {summary.topics} topics, {summary.places} places, "
        f"{summary.pages} pages, {len(summary.warnings)} warnings in {summary.seconds:.2f}s"
    )
    return EXIT_OK


def _run_serve(args: argparse.Namespace) -> int:
    from .serve import serve  # the file watcher is loaded only for this command

    try:
        _config(args)  # a broken config stops here, before anything listens
        serve(lambda: _config(args), args.console, port=args.port)
    except BuildFailed as failed:
        return _report_failure(args.console, failed)
    return EXIT_OK


def _run_new(args: argparse.Namespace) -> int:
    from .new import new_article

    try:
        path = new_article(load_config(args.site.resolve()), args.title, day=args.date, participants=tuple(args.participants),
                           place=args.place, topics=tuple(args.topics), source=args.source, outlet=args.outlet, met=args.met)
    except BuildFailed as failed:
        return _report_failure(args.console, failed)
    args.console.result(f"created {path}: fill in its front matter and text, then build (or watch it with sitegen serve)")
    return EXIT_OK


def _run_check(args: argparse.Namespace) -> int:
    from .check import check_built, check_site, severity_counts

    console: Console = args.console
    try:
        config = _config(args)
        report = check_built(args.built, config.base_url, shown_as=str(args.built)) if args.built else check_site(config, console.progress())
    except BuildFailed as failed:
        return _report_failure(console, failed)
    console.problems(report.problems)
    if report.problems:
        errors, warnings = severity_counts(report.problems)
        console.failure(f"check found {len(report.problems)} problem(s): {errors} error(s), {warnings} warning(s)")
        return EXIT_CONTENT_ERROR
    console.success(f"check passed: {report.pages} pages, {report.links} links, nothing missing")
    return EXIT_OK


def _run_list(args: argparse.Namespace) -> int:
    from .gather import gather
    from .listing import records, rows, table

    try:
        archive, problems = gather(_config(args))
    except BuildFailed as failed:
        return _report_failure(args.console, failed)
    if args.json:
        print(json.dumps(records(archive, args.kind), ensure_ascii=False, indent=1))
    else:
        print(table(*rows(archive, args.kind)))
    if problems.errors:
        args.console.failure(f"{len(problems.errors)} error(s) in the content: `sitegen check` lists them")
        return EXIT_CONTENT_ERROR
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
