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
#: The characters ASCII_LOOKALIKES changes: a text with none of them (curly quotes and accents are not) needs only lower().
LOOKALIKE = re.compile("[\u0130\u0131\u017f\u212a]")
#: A run of ASCII letters and digits in folded text.
WORD = re.compile(r"[a-z0-9]+")
#: How many sentences' folded words are remembered: the stages of one article share them.
SENTENCE_CACHE = 4096
#: Bytes table keeping ASCII lower-case letters and digits and making every other byte a space: splitting
#: a text translated with it gives WORD's runs, at a fraction of the cost of WORD.findall.
_WORD_BYTES = bytes(b if chr(b).isascii() and (chr(b).islower() or chr(b).isdigit()) else ord(" ") for b in range(256))


def fold(text: str) -> str:
    """`text` in lower case, with the characters that re.I takes for ASCII letters made those letters."""
    if text.isascii() or LOOKALIKE.search(text) is None:
        return text.lower()  # translating with a table character by character costs more than the rest of folding
    return text.translate(ASCII_LOOKALIKES).lower()


@functools.lru_cache(maxsize=SENTENCE_CACHE)
def folded_words(text: str) -> tuple[str, frozenset[str]]:
    """fold(text) and its words (runs of ASCII letters and digits), worked out once a sentence.

    A case-insensitive pattern matching a word of ASCII letters between word boundaries
    ("\\bmet\\b") can only match a text whose words have it: the characters beside it are not
    word characters, and folding makes none of them a letter or digit.
    """
    folded = fold(text)
    # A character outside ASCII is in no word: encoded as "?", it becomes a space like every other non-word byte.
    spaced = folded.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii")
    return folded, frozenset(spaced.split())


def any_of(pieces: Sequence[str]) -> re.Pattern:
    """A pattern finding any of `pieces` as written: a quicker test than looking for each in turn.

    Only whether it finds one counts, not which: the pieces are merged by their opening letters
    ("P(?:M|r(?:emier|esident|ince))"), so at each place in a text one branch is tried per letter
    rather than every piece in turn.
    """
    return re.compile(_merged(pieces))


def _merged(pieces: Sequence[str]) -> str:
    """An alternation of `pieces` as a tree of shared beginnings; a piece that begins another stands for both."""
    by_first: dict[str, list[str]] = {}
    for piece in pieces:
        by_first.setdefault(piece[0], []).append(piece[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:  # the piece is this one letter: whatever follows, it is found
            branches.append(re.escape(first))
        elif len(rests) == 1:
            branches.append(re.escape(first + rests[0]))
        else:
            branches.append(re.escape(first) + "(?:" + _merged(rests) + ")")
    return "|".join(branches)
