"""Two builds of the same input are byte-identical: no time stamp, hash order or set order leaks out."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from conftest import REPO, SEEDS
from test_build import snapshot

#: Pagefind writes its filter index (and so the file names that point at it) in a different order each
#: run (upstream: Pagefind/pagefind#638); its fragments, the bulk of the bundle, are stable and compared.
#: The same holds in every shard's bundle (pagefind/<shard>/...).
_PAGEFIND_UNSTABLE = re.compile(r"pagefind/(?:[^/]+/)?(?:filter/|pagefind-entry\.json|pagefind\.)")


def pagefind_unstable(name: str) -> bool:
    """Whether a site file is one Pagefind writes differently on each run."""
    return _PAGEFIND_UNSTABLE.match(name) is not None


def _build(site, hash_seed: str) -> None:
    """A whole build (--no-cache: the second build must not just keep the first one's files)."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, "-m", "sitegen", "build", "--no-cache", str(site)], cwd=REPO, env=env, check=True, capture_output=True)


def _comparable(folder) -> dict[str, str]:
    return {name: digest for name, digest in snapshot(folder).items() if not pagefind_unstable(name)}


def test_two_consecutive_builds_are_byte_identical(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    _build(tmp_path, "1")
    first = {"site": _comparable(tmp_path / "site"), "manifest": (tmp_path / "seeds/urls.tsv").read_bytes()}
    _build(tmp_path, "2")  # another hash seed: set and dict order differ in this process
    second = {"site": _comparable(tmp_path / "site"), "manifest": (tmp_path / "seeds/urls.tsv").read_bytes()}
    assert first == second
    assert any(name.startswith("pagefind/fragment/") for name in first["site"])
    assert len(first["site"]) > 60
