"""Screenshots of built pages in headless Chromium, at desktop and phone widths, light and dark.

    python scripts/screenshots.py site/ out/ index.html meetings/2023-01-31-antony-blinken-yoav-gallant/index.html

Look at the PNGs after changing a template or the stylesheet.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
WIDTHS = {"desktop": 1280, "phone": 375}


def main(site: Path, out: Path, pages: list[str], schemes=("light", "dark")) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for scheme in schemes:
            for label, width in WIDTHS.items():
                page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
                for name in pages:
                    page.goto((site / name).resolve().as_uri())
                    stem = name.replace("/index.html", "").replace("/", "_").replace(".html", "") or "home"
                    page.screenshot(path=str(out / f"{stem}-{label}-{scheme}.png"), full_page=True)
                page.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:] or ["index.html"])
