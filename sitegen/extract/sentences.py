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
BOUNDARY = re.compile(r"(?<=[.!?])[”\"’')\]]*\s+(?=[“\"‘'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, in order; clauses joined by a semicolon count as sentences."""
    return [part for sentence in _split(text) for part in _semicolon_clauses(sentence)]


def _semicolon_clauses(sentence: str) -> list[str]:
    return [clause.strip() for clause in sentence.split("; ") if clause.strip()]


def _split(text: str) -> list[str]:
    sentences = []
    start = 0
    for match in BOUNDARY.finditer(text):
        before = text[start : match.start()].split()
        last_word = before[-1] if before else ""
        if _is_abbreviation(last_word):
            continue
        sentences.append(text[start : match.start()].strip() + text[match.start() : match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return [s for s in sentences if s]


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("(“\"")
    if INITIALS.fullmatch(word) or INITIAL.fullmatch(word):
        return True  # U.S., D.C., an initial
    return word.rstrip(".").lower() in ABBREVIATIONS
