"""The command line: parse arguments, load the config, call the library, map errors to exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from . import __version__
from .build import build
from .config import load_config
from .problems import BuildFailed
from .report import extraction_report
from .review import extract_files, import_files

EXIT_OK, EXIT_CONTENT_ERROR, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # what shells report for a command stopped by Ctrl-C


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitegen", description="Build a cross-linked archive of diplomatic meetings from news articles.")
    parser.add_argument("--version", action="version", version=f"sitegen {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="print each stage with its timing")
    commands = parser.add_subparsers(dest="command")
    build_cmd = commands.add_parser("build", help="build the site")
    build_cmd.add_argument("site", nargs="?", default=".", type=Path, help="the site folder (holding sitegen.yaml); default: here")
    build_cmd.add_argument("--config", type=Path, help="config file (default: SITE/sitegen.yaml)")
    build_cmd.add_argument("--content", dest="content_dir", help="folder of articles")
    build_cmd.add_argument("--data", dest="data_dir", help="folder of people.yaml, topics.yaml, places.yaml")
    build_cmd.add_argument("--out", dest="output_dir", help="output folder")
    build_cmd.add_argument("--base-url", dest="base_url", help="public address of the site root, sub-path included")
    build_cmd.add_argument("--title", help="the archive's title")
    build_cmd.add_argument("--strict", action="store_true", help="fail on warnings too (and on anything --keep-going would leave out)")
    build_cmd.add_argument("--keep-going", action="store_true", help="leave out articles and data records with errors, build the rest, list what was left out")
    build_cmd.set_defaults(run=_run_build)
    extract_cmd = commands.add_parser("extract", help="show what extraction finds in articles, without building")
    extract_cmd.add_argument("files", nargs="*", type=Path, help="article files (default: every article of the site)")
    extract_cmd.add_argument("--site", type=Path, default=Path("."), help="the site folder (for its data files)")
    extract_cmd.add_argument("--report", action="store_true", help="per article: each fact with the sentence it came from")
    extract_cmd.set_defaults(run=_run_extract)
    import_cmd = commands.add_parser("import", help="copy raw articles into the content folder with extracted front matter to review")
    import_cmd.add_argument("files", nargs="+", type=Path)
    import_cmd.add_argument("--site", type=Path, default=Path("."), help="the site folder")
    import_cmd.set_defaults(run=_run_import)
    return parser


def _run_extract(args: argparse.Namespace) -> int:
    try:
        results = extract_files(load_config(args.site.resolve()), args.files)
    except BuildFailed as failed:
        return _report_failure(failed)
    for result in results:
        if args.report:
            print(extraction_report(result.article, result.problems))
        else:
            meetings = "; ".join(f"{m.date or '?'} {m.place or '?'}: {' + '.join(m.participants)}" for m in result.article.meetings)
            print(f"{result.article.name}: {meetings or 'no meeting found'}")
    return EXIT_OK


def _run_import(args: argparse.Namespace) -> int:
    try:
        written = import_files(load_config(args.site.resolve()), args.files)
    except BuildFailed as failed:
        return _report_failure(failed)
    for path in written:
        print(f"imported {path}: review its front matter, then build")
    return EXIT_OK


def _report_failure(failed: BuildFailed) -> int:
    for problem in failed.problems:
        print(problem, file=sys.stderr)
    return EXIT_CONTENT_ERROR


def _run_build(args: argparse.Namespace) -> int:
    try:
        config = load_config(
            args.site.resolve(), args.config,
            content_dir=args.content_dir, data_dir=args.data_dir, output_dir=args.output_dir,
            base_url=args.base_url, title=args.title,
        )
        summary = build(config, strict=args.strict, keep_going=args.keep_going)
    except KeyboardInterrupt:
        print("build interrupted; the previous site was left as it was", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BuildFailed as failed:
        for problem in failed.problems:
            print(problem, file=sys.stderr)
        print(f"build failed: {len(failed.problems)} problem(s); the previous site was left as it was", file=sys.stderr)
        return EXIT_CONTENT_ERROR
    for problem in summary.skipped + summary.warnings:
        print(problem, file=sys.stderr)
    if summary.skipped:
        left_out = sorted({p.path for p in summary.skipped})
        print(f"skipped (--keep-going), for the errors above: {', '.join(left_out)}", file=sys.stderr)
    for moved in (r for r in summary.redirects if r.changed):
        print(f"redirect: /{moved.old} now leads to /{moved.new}")
    print(
        f"built {config.output_dir}/: {summary.articles} articles, {summary.meetings} meetings, "
        f"{summary.people} people, {summary.topics} topics, {summary.places} places, "
        f"{summary.pages} pages, {len(summary.warnings)} warnings in {summary.seconds:.2f}s"
    )
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
