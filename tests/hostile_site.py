"""A site built from hostile text: every payload of hostile/xss.txt in every place an editor's text reaches.

Used by test_hostile.py (the markup) and test_hostile_browser.py (a real browser).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from conftest import SEEDS, build_site, make_site

PAYLOADS = [line for line in (Path(__file__).parent / "hostile/xss.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("# ")]
HOSTILE_PERSON = "Eve <img src=x onerror=alert(101)> Mallory"
HOSTILE_TOPIC = "hostile"
#: Names and places take every seventh payload in turn: each gets a page, and the site stays small enough to browse.
NAMES = [f"{payload} {k}" for k, payload in enumerate(PAYLOADS[::7])]
PLACES = [f"{payload} {k}" for k, payload in enumerate(PAYLOADS[3::7])]
MARKDOWN_ARTICLES = 4


def _quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text)


def _text_article(number: int, payload: str) -> str:
    day = dt.date(2020, 1, 1) + dt.timedelta(days=number)
    return (
        "---\n"
        f"date: {day.isoformat()}\n"
        f"title: {_quoted(payload)}\n"
        f"outlet: {_quoted(payload)}\n"
        f"summary: {_quoted(payload)}\n"
        f"source: {_quoted('https://example.com/?q=' + payload)}\n"
        f"meetings:\n  - date: {day.isoformat()}\n    place: {_quoted(PLACES[number % len(PLACES)])}\n"
        f"    participants: [Antony Blinken, {_quoted(NAMES[number % len(NAMES)])}]\n"
        "---\n"
        f"{payload}\n"
        f"Antony Blinken met {HOSTILE_PERSON} in Jerusalem on Tuesday to discuss hostile payloads. {payload}\n"
        f"{payload}\n"
    )


def _markdown_article(number: int, payloads: list[str]) -> str:
    day = dt.date(2022, 1, 1) + dt.timedelta(days=number)
    parts = [f"---\ndate: {day.isoformat()}\nparticipants: [Antony Blinken, {_quoted(HOSTILE_PERSON)}]\n---\n",
             f"# Markdown {number} {payloads[0]}\n\n"]
    for k, payload in enumerate(payloads):
        parts.append(f"{payload}\n\n[a link](javascript:alert({200 + k})) ![an image](javascript:alert({300 + k})) <{payload}>\n\n"
                     f"* {payload}\n\n> {payload}\n\n`{payload}`\n\n")
    return "".join(parts)


def _hostile_data(content: Path) -> None:
    with open(content / "people.yaml", "a", encoding="utf-8") as people:
        people.write(f"- name: {_quoted(HOSTILE_PERSON)}\n  country: {_quoted(PAYLOADS[0])}\n"
                     f"  roles:\n    - {{title: {_quoted(PAYLOADS[4])}, from: 2019-01-01, to: null}}\n")
    with open(content / "topics.yaml", "a", encoding="utf-8") as topics:
        topics.write(f"- id: {HOSTILE_TOPIC}\n  label: {_quoted(PAYLOADS[2])}\n  description: {_quoted(PAYLOADS[9])}\n"
                     "  signals: [hostile payload*]\n")


def make_hostile_site(root: Path) -> Path:
    """Build the hostile site in `root`; returns the built site folder."""
    files: dict[str, str] = {}
    for number, payload in enumerate(PAYLOADS):
        files[f"seeds/text-{number:02}.txt"] = _text_article(number, payload)
    for number in range(MARKDOWN_ARTICLES):
        files[f"seeds/markdown-{number}.md"] = _markdown_article(number, PAYLOADS[number::MARKDOWN_ARTICLES])
    make_site(root, {})
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    _hostile_data(root / "seeds")
    assert (SEEDS / "people.yaml").read_text(encoding="utf-8") in (root / "seeds/people.yaml").read_text(encoding="utf-8")
    build_site(root, base_url="http://127.0.0.1/archive/")
    return root / "site"
