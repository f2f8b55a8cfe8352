"""Splitting prose into sentences without breaking at 'U.S.' or 'Min.'."""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "min", "amb",
    "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "pres", "prof", "sec", "dept", "jr", "sr", "inc", "co", "corp", "mk",
}
INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")
INITIAL = re.compile(r"[A-Z]\.")
#: The end mark, then (group 1) closing quotes or brackets and the space before a capital or digit. Opening
#: with the end mark itself, rather than looking back for it, lets the scan skip to end marks.
BOUNDARY = re.compile(r"[.!?]([”\"’')\]]*\s+)(?=[“\"‘'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, in order; clauses joined by a semicolon count as sentences."""
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Where each sentence of split_sentences(text) stands in `text`, as (start, end)."""
    if "; " not in text:
        return _split(text)  # most paragraphs: no clause to split off
    return [clause for start, end in _split(text) for clause in _semicolon_clauses(text, start, end)]


def _semicolon_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if "; " not in text[start:end]:
        return [(start, end)]  # a sentence span is already stripped
    clauses = []
    for part in text[start:end].split("; "):
        clause = _stripped(part, start)
        if clause[0] < clause[1]:
            clauses.append(clause)
        start += len(part) + len("; ")
    return clauses


def _split(text: str) -> list[tuple[int, int]]:
    sentences = []
    start = 0
    for match in BOUNDARY.finditer(text):
        mark_end, after = match.start(1), match.end(1)
        sentence = text[start:mark_end]
        before = sentence.rsplit(None, 1)
        last_word = before[-1] if before else ""
        if _is_abbreviation(last_word):
            continue
        # The sentence runs to its end mark and any closing quotes or brackets, not the space after them.
        closing = len(match.group(1).rstrip())
        sentences.append((start + len(sentence) - len(sentence.lstrip()), mark_end + closing))
        start = after
    tail = _stripped(text[start:], start)
    if tail[0] < tail[1]:
        sentences.append(tail)
    return sentences


def _stripped(part: str, offset: int) -> tuple[int, int]:
    """Where part.strip() stands, `part` standing at `offset`."""
    start = offset + len(part) - len(part.lstrip())
    return start, max(start, offset + len(part.rstrip()))


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("(“\"")
    # An initial is two characters, and initials have a dot second: the patterns only where the word has that shape.
    if (len(word) == 2 and INITIAL.fullmatch(word)) or (word[1:2] == "." and INITIALS.fullmatch(word)):
        return True  # U.S., D.C., an initial
    return word.rstrip(".").lower() in ABBREVIATIONS
