"""Finding the people of the data in text: full names, aliases, surnames and near-misses."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..article import Block
from ..refdata import PersonRecord

#: A capitalised word (initials with a dot allowed); consecutive ones form a name run.
NAME_TOKEN = re.compile(r"[A-Z][A-Za-z\-]*\.?(?:['’][A-Za-z]+)?|[A-Z]\.")
POSSESSIVE = re.compile(r"['’]s?$")
#: Words after a surname that make it an adjective ("the Biden administration"), not a person in the room.
ATTRIBUTIVE_AFTER = re.compile(r"^\s+(administration|officials?|government|team|aides?|era|camp|White House|cabinet|doctrine|policy)\b", re.I)
FULL_NAME_RATIO = 0.88
SURNAME_RATIO = 0.8
MIN_FUZZY_LENGTH = 5


@dataclass(frozen=True)
class Mention:
    """One person named in a text, at [start, end)."""

    person: str
    start: int
    end: int
    #: "the Biden administration": named, but as an adjective.
    attributive: bool = False


class PersonMatcher:
    """Resolves names in text to the canonical names of people.yaml."""

    def __init__(self, people: Sequence[PersonRecord]):
        self._by_alias: dict[str, str] = {}
        self._by_surname: dict[str, set[str]] = {}
        self._full_names: dict[str, str] = {}
        self._add(people)

    def with_people(self, people: Sequence[PersonRecord]) -> PersonMatcher:
        """A matcher that also knows `people` (those discovered in one article)."""
        extended = PersonMatcher(())
        extended._by_alias = dict(self._by_alias)
        extended._by_surname = {k: set(v) for k, v in self._by_surname.items()}
        extended._full_names = dict(self._full_names)
        extended._add(people)
        return extended

    def _add(self, people: Sequence[PersonRecord]) -> None:
        for person in people:
            for alias in (person.name, *person.aliases):
                self._by_alias[_key(alias)] = person.name
                self._by_surname.setdefault(_key(alias.split()[-1]), set()).add(person.name)
            self._full_names[_key(person.name)] = person.name

    def find(self, text: str, known: Iterable[str] = ()) -> list[Mention]:
        """Every person named in `text`; `known` (already named in the article) settles surnames."""
        known = set(known)
        mentions = []
        for run in _name_runs(text):
            mentions.extend(self._match_run(text, run, known))
        return mentions

    def _match_run(self, text: str, run: list[re.Match], known: set[str]) -> list[Mention]:
        found = []
        i = 0
        while i < len(run):
            for size in (4, 3, 2, 1):
                if i + size > len(run):
                    continue
                words = run[i : i + size]
                person = self._resolve(" ".join(POSSESSIVE.sub("", w.group()) for w in words), size, known)
                if person:
                    end = words[-1].end()
                    attributive = bool(ATTRIBUTIVE_AFTER.match(text[end:]))
                    found.append(Mention(person, words[0].start(), end, attributive))
                    known.add(person)
                    i += size
                    break
            else:
                i += 1
        return found

    def _resolve(self, phrase: str, size: int, known: set[str]) -> str | None:
        key = _key(phrase)
        if key in self._by_alias:
            return self._by_alias[key]
        if size >= 2:
            close = difflib.get_close_matches(key, self._full_names, n=1, cutoff=FULL_NAME_RATIO)
            return self._full_names[close[0]] if close else None
        candidates = self._by_surname.get(key, set())
        if len(candidates) == 1:
            return next(iter(candidates))
        if candidates & known:
            return sorted(candidates & known)[0]
        if len(key) >= MIN_FUZZY_LENGTH:
            # A misspelt surname only resolves to someone the article has already named.
            known_surnames = {_key(name.split()[-1]): name for name in known}
            close = difflib.get_close_matches(key, known_surnames, n=1, cutoff=SURNAME_RATIO)
            if close and close[0][0] == key[0]:
                return known_surnames[close[0]]
        return None


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _name_runs(text: str) -> list[list[re.Match]]:
    """Groups of capitalised words separated only by single spaces."""
    runs: list[list[re.Match]] = []
    for match in NAME_TOKEN.finditer(text):
        if runs and text[runs[-1][-1].end() : match.start()] == " ":
            runs[-1].append(match)
        else:
            runs.append([match])
    return runs


def distinct(names: Iterable[str]) -> tuple[str, ...]:
    """Names in first-seen order, each once."""
    return tuple(dict.fromkeys(names))


def canonical_names(names: Iterable[str], matcher: PersonMatcher) -> tuple[str, ...]:
    """Declared names resolved to people.yaml's spelling where they match someone."""
    resolved = []
    for name in names:
        found = matcher.find(name)
        resolved.append(found[0].person if len(found) == 1 else name)
    return distinct(resolved)


def mark_first_mentions(blocks: Iterable[Block], matcher: PersonMatcher) -> tuple[Block, ...]:
    """Each block with the first mention of each person in the article marked, for linking."""
    known: set[str] = set()
    marked = []
    for block in blocks:
        first = []
        for mention in matcher.find(block.text, known):
            if mention.person not in known:
                first.append((mention.start, mention.end, mention.person))
            known.add(mention.person)
        marked.append(Block(block.kind, block.text, tuple(first)))
    return tuple(marked)


def mentioned_people(texts: Iterable[str], matcher: PersonMatcher) -> tuple[str, ...]:
    """Everyone named in `texts`, in order of first mention."""
    known: set[str] = set()
    names = []
    for text in texts:
        for mention in matcher.find(text, known):
            known.add(mention.person)
            names.append(mention.person)
    return distinct(names)
