"""Shared fixtures: small sites made from a files dict, the seeds' build, and outside tools."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

from sitegen.build import build
from sitegen.config import load_config

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA_FILES = ("people.yaml", "topics.yaml", "places.yaml", "outlets.yaml")
ARCHIVE_BASE = "http://127.0.0.1/archive/"


def require_tool(found: bool, what: str) -> None:
    """Skip a test whose outside tool is missing, except in CI, where that is a failure."""
    if found:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing in CI: .ci/run must install it")
    pytest.skip(f"{what} is not installed (.ci/run installs it)")


def make_site(root: Path, files: dict[str, str | bytes], *, with_seed_data: bool = True) -> Path:
    """A site folder at `root` holding `files` (path -> text), plus the seeds' reference data."""
    content = root / "seeds"
    content.mkdir(parents=True, exist_ok=True)
    if with_seed_data:
        for name in DATA_FILES:
            shutil.copy(SEEDS / name, content / name)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def build_site(root: Path, **overrides):
    """Build the site folder `root`; returns the summary."""
    return build(load_config(root, **overrides))


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The repository's seeds built once, for a host serving it under /archive/."""
    root = tmp_path_factory.mktemp("seedsite")
    shutil.copytree(SEEDS, root / "seeds")
    build(load_config(root, base_url=ARCHIVE_BASE))
    return root / "site"
