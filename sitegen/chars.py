"""Characters that are not content: controls and invisible formatting that pasted text drags along.

Text copied from web pages, PDFs and chat tools carries control characters
(form feeds, escape sequences) that HTML forbids, and bidirectional overrides
that make the text after them display in a misleading order. They are removed
at load time, and the editor is told so; everything visible is kept.
"""

from __future__ import annotations

import re

#: Characters that end a line in pasted text besides \n (vertical tab, form feed, Unicode separators).
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"})
_NONCHARACTERS = "".join(chr(plane << 16 | low) for plane in range(17) for low in (0xFFFE, 0xFFFF))
#: C0 and C1 controls (but tab and newline), bidi embeddings, overrides and isolates, and noncharacters.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef" + _NONCHARACTERS + "]")
#: Zero-width characters: harmless in running text, but in a name or title they make two look-alike spellings.
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff]")


def remove_invisible(text: str) -> tuple[str, list[tuple[int, str]]]:
    """`text` without controls and bidi overrides; also (offset, character) of each one removed."""
    text = text.translate(_LINE_BREAKS)
    removed = [(m.start(), m.group()) for m in _INVISIBLE.finditer(text)]
    return (_INVISIBLE.sub("", text), removed) if removed else (text, [])


def plain_line(text: str) -> str:
    """A one-line value (a title, a name) without invisible characters or repeated spaces."""
    return " ".join(_ZERO_WIDTH.sub("", remove_invisible(text)[0]).split())


def describe(char: str) -> str:
    return f"U+{ord(char):04X}"
