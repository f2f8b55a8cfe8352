"""Link-preview pictures: a 1200x630 PNG per meeting (who, when, where) and one for the archive.

Chat apps and mail clients show the og:image of a pasted link; a card that names
the people, the date and the place tells the reader what the link is before
they open it. Drawn with Pillow in DejaVu Sans (Debian's fonts-dejavu-core, on
every Debian machine); where that font is missing, Pillow's own bundled font.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from typing import Iterator, Sequence

from PIL import Image, ImageDraw, ImageFont

from .config import Config
from .model import Archive, Meeting
from .wording import long_date

#: Where the archive's own card goes; every page without a card of its own uses it.
SITE_IMAGE = "share.png"
SIZE = (1200, 630)
MARGIN = 72
#: The stylesheet's light palette, so a card looks like the site it links to.
INK, MUTED, PAPER, ACCENT = "#1c1c1e", "#52525b", "#fdfdfc", "#0b4fa0"
#: Headline sizes to try, largest first, until the names fit in HEADLINE_LINES lines.
HEADLINE_SIZES = (76, 66, 58, 50, 44)
HEADLINE_LINES = 4
#: Lines each detail (date and place, topics) may take.
DETAIL_LINES = 2


@dataclass(frozen=True)
class Card:
    """What a card says: a small kicker, a headline, and lines under it."""

    kicker: str
    headline: str
    details: tuple[str, ...]


def site_image(archive: Archive, config: Config) -> tuple[str, bytes]:
    return SITE_IMAGE, draw_card(site_card(archive, config))


def meeting_images(meetings: Sequence[Meeting], config: Config) -> Iterator[tuple[str, bytes]]:
    """(output file, PNG bytes) for each of `meetings`."""
    for meeting in meetings:
        yield meeting.share_image, draw_card(meeting_card(meeting, config))


def site_card(archive: Archive, config: Config) -> Card:
    counts = f"{len(archive.meetings)} meetings · {len(archive.people)} people · {len(archive.articles)} source articles"
    return Card("", config.title, (config.description, counts))


def meeting_card(meeting: Meeting, config: Config) -> Card:
    when = long_date(meeting.date, unknown="Date unknown")
    where = ""
    if meeting.place:
        where = meeting.place.name + (f", {meeting.place.country}" if meeting.place.country else "")
    topics = ", ".join(t.topic.label for t in meeting.topics)
    details = (" · ".join(p for p in (when, where) if p), f"Topics: {topics}" if topics else "")
    return Card(config.title, meeting.title, tuple(d for d in details if d))


def draw_card(card: Card) -> bytes:
    """The card as PNG bytes.

    Drawn in shades of one channel (0 the accent, 1 to 255 ink to paper) and
    saved with a palette of those colours: the same picture as full colour,
    in half the time and half the bytes, which counts at thousands of meetings.
    """
    image, y = _blank_card(card.kicker)
    image = image.copy()
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    size, lines = _fit_headline(card.headline, width)
    y = _write(draw, lines, _font(size, bold=True), _INK_LEVEL, y) + 36
    detail_font = _font(38, bold=False)
    for detail in card.details:
        wrapped = _clip_lines(_wrap(detail, detail_font, width), DETAIL_LINES, detail_font, width)
        if y + len(wrapped) * detail_font.size * 1.22 > SIZE[1] - MARGIN / 2:
            break
        y = _write(draw, wrapped, detail_font, _MUTED_LEVEL if detail.startswith("Topics") else _INK_LEVEL, y) + 12
    card_image = Image.frombytes("P", SIZE, image.tobytes())
    card_image.putpalette(_PALETTE)
    out = io.BytesIO()
    # The least zlib effort: a quarter of the encoding time of the default (1.8 against 4.4 ms
    # a card) for a file a quarter larger (36 against 28 KB), at thousands of meetings a build.
    card_image.save(out, "PNG", compress_level=1)
    return out.getvalue()


@functools.lru_cache(maxsize=4)
def _blank_card(kicker: str) -> tuple[Image.Image, float]:
    """The part every card of a site shares (the accent bar and the site's name), drawn once,
    and the y where a card's own text starts."""
    image = Image.new("L", SIZE, _PAPER_LEVEL)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, SIZE[0], 16), fill=_ACCENT_LEVEL)
    y = MARGIN
    if kicker:
        y = _write(draw, [kicker], _font(34, bold=False), _MUTED_LEVEL, y) + 28
    return image, y


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _shade(level: int) -> list[int]:
    """The colour of a level between ink (1) and paper (255); text edges blend along it."""
    ink, paper, t = _rgb(INK), _rgb(PAPER), (level - 1) / 254
    return [round(ink[k] + (paper[k] - ink[k]) * t) for k in range(3)]


_ACCENT_LEVEL, _INK_LEVEL, _PAPER_LEVEL = 0, 1, 255
_MUTED_LEVEL = 1 + round((_rgb(MUTED)[0] - _rgb(INK)[0]) / (_rgb(PAPER)[0] - _rgb(INK)[0]) * 254)
_PALETTE = [*_rgb(ACCENT)] + [value for level in range(1, 256) for value in _shade(level)]


def _fit_headline(text: str, width: int) -> tuple[int, list[str]]:
    for size in HEADLINE_SIZES:
        lines = _wrap(text, _font(size, bold=True), width)
        if len(lines) <= HEADLINE_LINES:
            return size, lines
    font = _font(HEADLINE_SIZES[-1], bold=True)
    return HEADLINE_SIZES[-1], _clip_lines(_wrap(text, font, width), HEADLINE_LINES, font, width)


def _clip_lines(lines: list[str], most: int, font, width: int) -> list[str]:
    """At most `most` lines, the last ending in an ellipsis where text was cut."""
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    if ", " in last:  # a list (topics) is cut between its items, not inside one
        last = last.rsplit(", ", 1)[0]
    while " " in last and font.getlength(last + " …") > width:
        last = last.rsplit(" ", 1)[0].rstrip(",")
    return lines[: most - 1] + [last.rstrip(",") + " …"]


def _write(draw: ImageDraw.ImageDraw, lines: list[str], font, colour: str, y: float) -> float:
    """Draw `lines` from `y` down; return the y below the last."""
    step = font.size * 1.22
    for line in lines:
        draw.text((MARGIN, y), line, font=font, fill=colour)
        y += step
    return y


def _wrap(text: str, font, width: int) -> list[str]:
    """Greedy word wrap to `width` pixels."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


_FONTS: dict[tuple[int, bool], ImageFont.FreeTypeFont] = {}


def _font(size: int, *, bold: bool) -> ImageFont.FreeTypeFont:
    """DejaVu Sans (Pillow finds it in the system font folders) or Pillow's bundled font."""
    key = (size, bold)
    if key not in _FONTS:
        try:
            _FONTS[key] = ImageFont.truetype("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf", size)
        except OSError:
            _FONTS[key] = ImageFont.load_default(size)
    return _FONTS[key]
