"""Cheap tests that rule a text out before a costly pattern runs on it.

A test here may say "perhaps" where the pattern then finds nothing, but never
"no" where the pattern would match: extraction finds exactly what it would
without them, sooner.
"""

from __future__ import annotations

import functools
import re
from typing import Sequence

#: Under re.I an ASCII letter matches its other case and these four characters, and nothing else
#: (checked over every code point); after this table and str.lower(), a case-insensitive match of
#: ASCII letters and digits is a plain substring of the folded text.
ASCII_LOOKALIKES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
#: A run of ASCII letters and digits in folded text.
WORD = re.compile(r"[a-z0-9]+")
#: How many sentences' folded words are remembered: the stages of one article share them.
SENTENCE_CACHE = 4096


def fold(text: str) -> str:
    """`text` in lower case, with the characters that re.I takes for ASCII letters made those letters."""
    return text.lower() if text.isascii() else text.translate(ASCII_LOOKALIKES).lower()


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def folded_words(text: str) -> tuple[str, frozenset[str]]:
    """fold(text) and its words (runs of ASCII letters and digits), worked out once a sentence.

    A case-insensitive pattern matching a word of ASCII letters between word boundaries
    ("\\bmet\\b") can only match a text whose words have it: the characters beside it are not
    word characters, and folding makes none of them a letter or digit.
    """
    folded = fold(text)
    return folded, frozenset(WORD.findall(folded))


def any_of(pieces: Sequence[str]) -> re.Pattern:
    """A pattern finding any of `pieces` as written: a quicker test than looking for each in turn."""
    return re.compile("|".join(re.escape(piece) for piece in pieces))
