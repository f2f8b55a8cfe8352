"""The search bundle of an unchanged site is reused, so consecutive builds are byte-identical."""

import shutil
import sys

from conftest import REPO, build_site
from sitegen.search import BUNDLE, FINGERPRINT, index_site
from test_build import snapshot

sys.path.insert(0, str(REPO / "bench"))
from generate import generate  # noqa: E402


def test_an_unchanged_site_keeps_its_bundle_and_a_changed_one_is_indexed_again(tmp_path):
    site = generate(tmp_path / "a", 120, "markdown", seed=5)
    build_site(site)
    first = snapshot(site / "site" / BUNDLE)
    assert FINGERPRINT in first
    build_site(site)
    assert snapshot(site / "site" / BUNDLE) == first  # Pagefind alone would reorder its filter index

    staging = tmp_path / "staging"
    shutil.copytree(site / "site", staging)
    shutil.rmtree(staging / BUNDLE)
    page = next(staging.glob("meetings/*/index.html"))
    page.write_text(page.read_text().replace("</main>", "<p>A new paragraph.</p></main>"))
    index_site(staging, previous=site / "site")
    assert (staging / BUNDLE / FINGERPRINT).read_text() != (site / "site" / BUNDLE / FINGERPRINT).read_text()
    assert (staging / BUNDLE / "pagefind.js").exists()
