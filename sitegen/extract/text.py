"""Cleaning copied news text: headline, byline, date lines and site debris apart from the prose."""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from ..article import Block
from .dates import find_absolute_dates, find_numeric_dates
from .sentences import sentence_spans

DATE_PREFIX = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b\s*")
CAPTION = re.compile(
    r"Credit:|\((?:photo )?credit:|\bPhoto: |\bPhoto credit\b|\bPhoto by\b|\(AP Photo|/Getty Images|/Reuters$|/AFP$"
    r"|^\[\d+/\d+\]|\b[A-Z]{2,}/[A-Z][a-z]+ [A-Z][a-z]+$|\((?:[A-Z]{2,6}|[A-Z][a-z]+(?: [A-Z][a-z]+)?|File|file)\)$|©",
)
#: Every alternative of CAPTION holds one of these: a line with none of them is no caption (most prose). Looked
#: for as substrings, which is quicker than a pattern's scan of a long line.
CAPTION_CLUES = ("redit:", "Photo", "/", ")", "©")
TEASER_END = re.compile(r"[.?!]\s*(LISTEN|WATCH|READ MORE|Read more)$")
#: The words TEASER_END ends with: a line that does not end with one (most) is not searched.
TEASER_END_WORDS = ("LISTEN", "WATCH", "READ MORE", "Read more")
BYLINE = re.compile(r"^(By [A-Z][\w .,'’-]{2,60}|[A-Z][\w&]*(?: [A-Z][\w&]*)* Staff(?: Report| Writer)?)$")
DATE_LINE = re.compile(r"^(Published|Updated|Last updated|Last modified|Modified|Posted|Issued)(?: on| at)?\s*:?\s*(.+)$", re.I)
#: Navigation bars and breadcrumbs: "News | Opinion | Sport", "World > Europe".
SPACED_MENU = re.compile(r"\S(?:\s{2,}|\t)\S.*\S(?:\s{2,}|\t)\S")
#: A line of words without sentence punctuation in the middle of the prose: a teaser of another article.
TEASER_MIN_WORDS = 13
NAV_LINE = re.compile(r"(?:\s[|>»]\s.*){2,}|\s//\s|^[\w&' -]+ > [\w&' -]+")
DATE_LINE_MAX_OTHER_WORDS = 8
DATE_LINE_MAX_LENGTH = 120
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
SHARE_LINE = re.compile(
    r"^(?:(?:Send in e-mail)+|Share(?: on \w+| this article)?|Tweet|Print|Email|Copy link|Listen to this article|Skip to (?:main )?content|Press play to listen.*|Listen to this story.*"
    r"|Comments?|Advertisement|Subscribe(?: now)?|Sign up.*|Follow us.*)$",
    re.I,
)
#: Page furniture after which nothing belongs to the article (teasers, comments, offers).
TAIL_MARKERS = re.compile(
    r"^(Click the alert icon to follow topics|Leave a Reply|Leave a comment|Automatic approval of subscriber comments"
    r"|Already signed up\?|Related (?:articles|stories|news)|Recommended(?: for you)?|More from|Read more:?|Most popular"
    r"|Comments \(\d+\)|Join our newsletter|Want to read more|You may also like|Trending|Latest news)\b",
    re.I,
)
OFFER = re.compile(r"^From \$\d+.*first month|^Subscribe for|^Get unlimited access|^Only \$\d+", re.I)
NON_LATIN = re.compile(r"[\u0590-\u05FF\u0600-\u06FF]")
SENTENCE_END = re.compile(r"[.!?…][”\"’')\]]*$")
#: A full stop at the end, inside closing quotes or not: prose ('... Blinken said.', '..., he said: "It must end."'), never a headline.
FULL_STOP_END = re.compile(r"[.…][”\"’')\]]*$")
#: What SENTENCE_END allows after the end mark.
CLOSING = "”\"’')]"
HEADING_MAX_WORDS = 12
#: How many lines back a repeated caption is looked for.
CAPTION_LOOKBACK = 8
#: How far down a page the headline may sit below mastheads and menus.
HEAD_LINES = 10
#: The site's name and slogan sit in the first lines, above the first menu, in a few words.
SITE_HEAD_LINES = 3
SITE_NAME_MAX_WORDS = 10
TITLE_MAX_WORDS = 30


@dataclass(frozen=True)
class CleanText:
    """The parts of a copied page, sorted out."""

    title: str | None
    blocks: tuple[Block, ...]
    #: Lines recognised as date lines ("Published: ...", a lone date, the "date" prefix).
    date_lines: tuple[str, ...]
    #: Masthead, byline and share-button lines, where an outlet shows itself.
    furniture: tuple[str, ...]


def clean_text(body: str) -> CleanText:
    """Sort the lines of a copied news page into headline, prose and debris."""
    furniture: list[str] = []
    lines = []
    menu_at = None  # how many lines stand above the first menu of runs of spaces
    for line in body.split("\n"):
        stripped = line.strip()
        words = stripped if _single_spaced(stripped) else " ".join(stripped.split())
        # Menus copied as words apart by runs of spaces or tabs ("World  Business  Markets") are furniture.
        # SPACED_MENU needs a tab or two whitespace characters together: a line of single spaces has neither.
        if words != stripped and SPACED_MENU.search(stripped):
            menu_at = len(lines) if menu_at is None else menu_at
            furniture.append(stripped)
        elif words:
            lines.append(words)
    date_lines: list[str] = []
    if lines:
        prefix = DATE_PREFIX.match(lines[0])
        if prefix:
            date_lines.append(prefix.group(1))
            rest = lines[0][prefix.end():].strip()
            is_prose = _ends_sentence(rest) and len(rest.split()) >= 8 and not _is_masthead(rest)
            lines[0:1] = [rest] if is_prose else []
            if rest and not is_prose:
                furniture.append(rest)
    lines = _without_site_name(lines, menu_at, furniture)
    title, lines = _split_head(lines, date_lines, furniture)
    blocks: list[Block] = []
    seen: list[str] = [title] if title else []
    for line in lines:
        if TAIL_MARKERS.match(line):
            break
        if _is_debris(line, seen, date_lines, furniture):
            # A caption often comes twice: bare, then with its credit glued on.
            blocks = [b for b in blocks if not (len(b.text) > 20 and line.startswith(b.text))]
            seen.append(line)
            continue
        seen.append(line)
        if blocks and _looks_like_teaser(line):
            furniture.append(line)
            continue
        kind = "h" if _looks_like_subheading(line) else "p"
        blocks.append(Block(kind, line))
    while blocks and blocks[-1].kind == "h":  # a trailing teaser headline is not part of the article
        furniture.append(blocks.pop().text)
    return CleanText(title, tuple(blocks), tuple(date_lines), tuple(furniture))


def _ends_sentence(line: str) -> bool:
    """Whether SENTENCE_END finds an end mark in `line`, read off its last characters rather than by scanning it.

    `$` stands at the end of the text, or before a newline that ends it."""
    return line.removesuffix("\n").rstrip(CLOSING).endswith((".", "!", "?", "…"))


def _single_spaced(line: str) -> bool:
    """True when `line` (stripped) has no whitespace but single spaces, so splitting and joining it changes nothing.

    Every whitespace character other than the space is unprintable, so a printable line has none; most prose is.
    """
    return "  " not in line and line.isprintable()


def _without_site_name(lines: list[str], menu_at: int | None, furniture: list[str]) -> list[str]:
    """The lines less the site's name and slogan above the page's first menu ("The Times of Israel", "UN News").

    They are taken for the site's only where a headline follows the menu.
    """
    menu = next((i for i, line in enumerate(lines[:SITE_HEAD_LINES]) if i == menu_at or NAV_LINE.search(line) or " | " in line), menu_at)
    if not menu or menu > SITE_HEAD_LINES:
        return lines
    above = lines[:menu]
    if any(len(line.split()) > SITE_NAME_MAX_WORDS or _ends_sentence(line) for line in above):
        return lines
    below = [line for line in lines[menu : menu + SITE_HEAD_LINES] if not (NAV_LINE.search(line) or " | " in line)]
    if not any(_looks_like_headline(line) for line in below):
        return lines
    furniture.extend(above)
    return lines[menu:]


def _split_head(lines: list[str], date_lines: list[str], furniture: list[str]) -> tuple[str | None, list[str]]:
    """The headline, found past the masthead, navigation and section labels above it."""
    for index, line in enumerate(lines[:HEAD_LINES]):
        if DATE_LINE.match(line) or _is_date_line(line):
            # "Published: 3.4.2025, 14:48", "June 24, 2024", "Fri 3 Mar 2023": a date line, not a section label
            date_lines.append(line)
            continue
        if NAV_LINE.search(line) or " | " in line or _is_section_label(line) or _is_masthead(line):
            furniture.append(line)
            continue
        if _is_debris(line, [], date_lines, furniture):
            continue
        if _looks_like_headline(line):
            return line, lines[index + 1 :]
        return None, lines[index:]
    return None, lines[HEAD_LINES:]


def _is_masthead(line: str) -> bool:
    """"The Jerusalem Post - Israel News Health & Wellness WORLD NEWS ...": a row of capitalised menu words."""
    words = [w for w in line.split() if w[:1].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    return len(words) >= 7 and capitalised >= 0.9 * len(words) and not _ends_sentence(line)


def _is_section_label(line: str) -> bool:
    """"Israel", "International - Middle East": a few capitalised words, no sentence."""
    words = [w for w in line.split() if w.isalpha()]
    return len(line.split()) <= 4 and all(w[0].isupper() for w in words) and not _ends_sentence(line)


def _is_debris(line: str, seen: list[str], date_lines: list[str], furniture: list[str]) -> bool:
    """True for lines that are page furniture; date and byline lines are kept aside as evidence."""
    if DATE_LINE.match(line) or _is_date_line(line):
        date_lines.append(line)
        return True
    if BYLINE.match(line) or SHARE_LINE.match(line) or OFFER.match(line):
        furniture.append(line)
        return True
    if _is_caption(line) or (line.rstrip("\n").endswith(TEASER_END_WORDS) and TEASER_END.search(line)):
        return True
    if not line.isascii() and len(NON_LATIN.findall(line)) * 3 > len(line):
        return True
    # Captions repeat a line seen just before, or glue a credit onto one: the last few lines are enough to
    # compare, and keep a long article linear.
    # A line equal to or starting with one of them is found by one startswith of them all; one of them can only
    # start with the line if it is longer.
    recent = tuple(earlier for earlier in seen[-CAPTION_LOOKBACK:] if len(earlier) > 20)
    return line.startswith(recent) or any(earlier.startswith(line) for earlier in recent if len(earlier) > len(line))


def _is_caption(line: str) -> bool:
    return any(clue in line for clue in CAPTION_CLUES) and CAPTION.search(line) is not None


def _is_date_line(line: str) -> bool:
    """A byline or dateline that is mostly a date: "Ahram Online , Monday 13 Sep 2021", "(October 27, 2022 / JNS)"."""
    if len(line) > DATE_LINE_MAX_LENGTH:
        return False
    found = [f for f in find_absolute_dates(line) if f.explicit] or find_numeric_dates(line)
    if not found or (_ends_sentence(line) and not line.endswith(")")):
        return False
    other = line
    for date in reversed(found):
        other = other[: date.start] + " " + other[date.end :]
    return len(LATIN_WORD.findall(other)) <= DATE_LINE_MAX_OTHER_WORDS


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= TITLE_MAX_WORDS or FULL_STOP_END.search(line) or _is_caption(line):
        return False
    if len(sentence_spans(line)) > 1:
        return False  # 'Blinken met Gallant on Monday. "The hostages must come home."': a brief's prose, not its headline
    # Title-case labels ("International - Middle East") are not headlines; headlines have a small word or length.
    return any(w[:1].islower() for w in words) or len(words) >= 6


def _looks_like_teaser(line: str) -> bool:
    return not _ends_sentence(line) and not line.endswith((":", ",")) and len(line.split()) >= TEASER_MIN_WORDS


def _looks_like_subheading(line: str) -> bool:
    return not _ends_sentence(line) and not line.endswith((":", ",")) and len(line.split()) <= HEADING_MAX_WORDS


# -- Markdown -----------------------------------------------------------------

_CONVERTER = threading.local()
BLOCK_TAGS = re.compile(r"<(p|h[1-6]|li|blockquote|td|th)\b[^>]*>(.*?)</\1>", re.S)
TAG = re.compile(r"<[^>]+>")


def render_markdown(body: str) -> str:
    """Markdown to HTML, passed through a real sanitizer: no script, handler or javascript: URL survives.

    Footnotes keep their ids, so their links work, under a prefix that no id of the page
    around them has; links within the article get the same prefix.
    """
    clean = nh3.clean(markdown_converter().render(body), link_rel="noopener noreferrer nofollow",
                      url_schemes={"http", "https", "mailto"}, attributes=_ATTRIBUTES, id_prefix=ID_PREFIX)
    return clean.replace('href="#', f'href="#{ID_PREFIX}')


#: Before every id of an article's own HTML (footnotes and their references).
ID_PREFIX = "article-"
_ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "a": {*nh3.ALLOWED_ATTRIBUTES["a"], "id"}, "li": {"id"}}


def markdown_converter() -> MarkdownIt:
    """This thread's converter, built once: its rules cost more to set up than most articles to convert.

    CommonMark with the parts of Markdown Extra that articles use (tables, footnotes,
    definition lists). Its parser caps nesting, so no input can exhaust the stack."""
    if getattr(_CONVERTER, "markdown", None) is None:
        _CONVERTER.markdown = MarkdownIt("commonmark", {"html": True}).enable("table").use(footnote_plugin).use(deflist_plugin)
    return _CONVERTER.markdown


def markdown_blocks(body_html: str) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """The text of each block of rendered Markdown, for extraction, and the date lines among them."""
    blocks, date_lines = [], []
    for tag, inner in BLOCK_TAGS.findall(body_html):
        text = " ".join(html.unescape(TAG.sub("", inner)).split())
        if not text:
            continue
        if TAIL_MARKERS.match(text):
            break
        if DATE_LINE.match(text) or _is_date_line(text):
            date_lines.append(text)
        elif not _is_markdown_furniture(text):
            blocks.append(Block("h" if tag.startswith("h") else "p", text))
    return tuple(blocks), tuple(date_lines)


def _is_markdown_furniture(text: str) -> bool:
    """Menus, bylines and share prompts pasted into a Markdown article."""
    return bool(NAV_LINE.search(text) or " | " in text or SHARE_LINE.match(text) or BYLINE.match(text) or _is_masthead(text))
