"""Finding the people of the data in text: full names, aliases, surnames and near-misses."""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..article import Block
from ..refdata import PersonRecord

#: A capitalised word (accents, hyphens, initials with a dot allowed), or a particle inside a name
#: ("Mohammed bin Salman", "Ursula von der Leyen", "Abdel Fattah el-Sisi"); consecutive ones form a name run.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_PARTICLES = "bin|bint|ibn|al|el|de|da|di|du|van|von|der|den|la|le|abu"
_STARTS = _UPPER + "".join(sorted({particle[0] for particle in _PARTICLES.split("|")}))
_PARTICLE_LENGTHS = sorted(len(particle) for particle in _PARTICLES.split("|"))
#: What follows the capital of a name token: letters, hyphenated parts, a dot, an apostrophe's part ("O'Brien").
_AFTER_CAPITAL = r"[^\W\d_]*(?:-[^\W\d_]+)*\.?(?:['’][^\W\d_]+)?"
_NAME_TOKEN = (
    # The look-aheads change no match: every token starts with a capital, or with a particle that is
    # either a word of its own (no word character before it) or joined on by a hyphen ("al-Assad").
    # They let the scan pass quickly over the characters that cannot start one.
    rf"(?=[{_STARTS}])(?=[{_UPPER}]|(?<!\w)|[a-z]{{{_PARTICLE_LENGTHS[0]},{_PARTICLE_LENGTHS[-1]}}}-)"
    rf"(?:(?:(?:{_PARTICLES})-)?[{_UPPER}]{_AFTER_CAPITAL}|[A-Z]\.|\b(?:{_PARTICLES})\b)"
)
#: A run of name tokens apart by single spaces ("Abdel Fattah el-Sisi", "Gaza. Blinken"), found as one match:
#: a token holds no space, so the run's words are its text split at the spaces. The run is found from its first
#: capitalised token, which lets the scan skip to the capitals rather than try a match at every character: a
#: particle on its own before it ("de Gaulle") is trimmed off a run anyway, and one joined to it by a hyphen
#: ("al-Assad") is taken back on by _run_start.
NAME_RUN = re.compile(rf"[{_UPPER}]{_AFTER_CAPITAL}(?: {_NAME_TOKEN})*")
#: The particles, by the end of the text before a hyphen that they may be.
_PARTICLE_LIST = tuple(_PARTICLES.split("|"))
ROMAN_NUMERAL = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$")
POSSESSIVE = re.compile(r"['’]s?$")
#: Words after a surname that make it an adjective ("the Biden administration"), not a person in the room.
ATTRIBUTIVE_AFTER = re.compile(r"\s+(administration|officials?|government|team|aides?|era|camp|White House|cabinet|doctrine|policy)\b", re.I)
#: The most words a name is looked up with ("Mohammed bin Abdulrahman bin Jassim Al Thani").
MAX_NAME_WORDS = 6
FULL_NAME_RATIO = 0.88
SURNAME_RATIO = 0.8
MIN_FUZZY_LENGTH = 5
_UNSEEN = object()
#: A name token of a run: (word, start, end).
Token = tuple[str, int, int]


@dataclass(frozen=True)
class _DependsOnArticle:
    """A phrase that names someone only if the article has already named them: the people it might be, by data.

    Worked out once a phrase, so that each time it recurs, what the article has named is
    intersected with these few rather than each person named tested against the phrase.
    """

    #: The people the phrase is the surname of.
    surname_of: frozenset[str]
    #: The people of the data whose surname the phrase might misspell (same initial, length within 2).
    near: frozenset[str]


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
        #: phrase -> what it resolves to on its own; names recur across articles, so this pays.
        self._cache: dict[str, object] = {}
        self._add(people)

    def with_people(self, people: Sequence[PersonRecord]) -> PersonMatcher:
        """A matcher that also knows `people` (those discovered in one article), sharing this one's cache."""
        return _WithDiscovered(self, people)

    def _add(self, people: Sequence[PersonRecord]) -> None:
        for person in people:
            for alias in (person.name, *person.aliases):
                self._by_alias[_key(alias)] = person.name
                self._by_surname.setdefault(_surname(alias), set()).add(person.name)
            self._full_names[_key(person.name)] = person.name
        self._full_names_by_initial: dict[str, list[str]] = {}
        for name in self._full_names:
            self._full_names_by_initial.setdefault(name[:1], []).append(name)
        self._names = frozenset(self._full_names.values())
        self._names_by_surname_initial: dict[str, list[str]] = {}
        for name in self._names:
            self._names_by_surname_initial.setdefault(_surname(name)[:1], []).append(name)
        self._letters = {name: Counter(name) for name in self._full_names}
        self._letter_sets = {name: frozenset(name) for name in self._full_names}

    def find(self, text: str, known: Iterable[str] = ()) -> list[Mention]:
        """Every person named in `text`; `known` (already named in the article) settles surnames."""
        known = set(known)
        mentions = []
        for run in _name_runs(text):
            mentions.extend(self._match_run(text, run, known))
        return mentions

    def _match_run(self, text: str, run: list[Token], known: set[str]) -> list[Mention]:
        return [Mention(person, start, end, bool(ATTRIBUTIVE_AFTER.match(text, end))) for person, start, end in self._people_in_run(run, known)]

    def _people_in_run(self, run: list[Token], known: set[str]) -> list[tuple[str, int, int]]:
        """(person, start, end) of each name in a run of capitalised words, the longest first; each joins `known`."""
        if len(run) == 1:  # most runs: one capitalised word
            word, start, end = run[0]
            person = self._resolve_key(_word_key(word), 1, known)
            if not person:
                return []
            known.add(person)
            return [(person, start, end)]
        found = []
        words = [_without_possessive(word) for word, _, _ in run]
        i = 0
        while i < len(words):
            for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
                person = self._resolve_key(_key(words[i] if size == 1 else " ".join(words[i : i + size])), size, known)
                if person:
                    found.append((person, run[i][1], run[i + size - 1][2]))
                    known.add(person)
                    i += size
                    break
            else:
                i += 1
        return found

    def _resolve_key(self, key: str, size: int, known: set[str]) -> str | None:
        """The person the phrase of `key` (of `size` words) names, given the people already named (`known`)."""
        cached = self._cache.get(key, _UNSEEN)
        if cached is _UNSEEN:
            cached = self._cache[key] = self._resolve_alone(key, size)
        if type(cached) is _DependsOnArticle:
            return self._resolve_in_article(key, cached, known)
        return cached

    def _resolve_alone(self, key: str, size: int):
        """What a phrase means whatever the article: a name, nothing, or what it depends on in the article."""
        if key in self._by_alias:
            return self._by_alias[key]
        if size >= 2:
            return self._close_full_name(key)
        candidates = self._by_surname.get(key, set())
        if len(candidates) == 1:
            return next(iter(candidates))
        if not candidates and len(key) < MIN_FUZZY_LENGTH:
            return None
        near = [name for name in self._names_by_surname_initial.get(key[:1], ()) if _is_near(key, name)] if len(key) >= MIN_FUZZY_LENGTH else []
        return _DependsOnArticle(frozenset(candidates), frozenset(near))

    def _close_full_name(self, key: str) -> str | None:
        """A full name within a small edit of one in the data ("anthony blinken")."""
        near = [name for name in self._full_names_by_initial.get(key[:1], ()) if abs(len(name) - len(key)) <= 3]
        if near:
            # get_close_matches turns down a name whose quick_ratio (the letters the two share) is under
            # the cutoff before it works out the true ratio: the same test, without building a matcher. Most
            # names fail a bound of it first: the characters of the key that the name has at all.
            near = [name for name in near if 2.0 * _present(key, self._letter_sets[name]) / (len(key) + len(name)) >= FULL_NAME_RATIO]
        if near:
            letters = Counter(key)
            near = [name for name in near if _quick_ratio(letters, self._letters[name], len(key) + len(name)) >= FULL_NAME_RATIO]
        close = difflib.get_close_matches(key, near, n=1, cutoff=FULL_NAME_RATIO) if near else []
        return self._full_names[close[0]] if close else None

    def _resolve_in_article(self, key: str, depends: _DependsOnArticle, known: set[str]) -> str | None:
        if not depends.surname_of.isdisjoint(known):
            return min(depends.surname_of & known)
        if len(key) >= MIN_FUZZY_LENGTH:
            # A misspelt surname only resolves to someone the article has already named; people
            # outside the data (discovered in this article) are tested as they come.
            near = known & depends.near
            near.update(name for name in known - self._names if _is_near(key, name))
            for name in sorted(near):
                surname = _surname(name)
                if key.startswith(surname):
                    continue  # "Saudi" after "Al Saud", "Abbasi" after "Abbas": another word, not a misspelling
                if _similarity(key, surname) >= SURNAME_RATIO:
                    return name
        return None


class _WithDiscovered(PersonMatcher):
    """The reference-data matcher plus one article's discovered people, looked up first.

    Copying the whole matcher per article would also drop its cache of resolved
    names, which is what keeps extraction fast over thousands of articles.
    """

    def __init__(self, base: PersonMatcher, people: Sequence[PersonRecord]):
        self._base = base
        self._discovered: dict[str, str] = {}
        for person in people:
            for alias in (person.name, *person.aliases):
                self._discovered[_key(alias)] = person.name
                self._discovered.setdefault(_surname(alias), person.name)

    def with_people(self, people: Sequence[PersonRecord]) -> PersonMatcher:
        return _WithDiscovered(self._base, [*people])

    def _resolve_key(self, key: str, size: int, known: set[str]) -> str | None:
        return self._discovered.get(key) or self._base._resolve_key(key, size, known)


def _is_near(key: str, name: str) -> bool:
    """Whether `key` could be a misspelling of the surname of `name`: the same initial, a length within 2."""
    surname = _surname(name)
    return surname[:1] == key[:1] and abs(len(surname) - len(key)) <= 2


def _present(text: str, letters: frozenset[str]) -> int:
    """How many characters of `text` are among `letters`: never fewer than those it shares with a word of those letters."""
    return sum(map(letters.__contains__, text))


def _quick_ratio(letters: Counter, other: Counter, length: int) -> float:
    """difflib.SequenceMatcher.quick_ratio of two strings, from their letter counts and summed length."""
    matches = sum((letters & other).values())
    return 2.0 * matches / length if length else 1.0


@functools.lru_cache(maxsize=65536)
def _similarity(a: str, b: str) -> float:
    """difflib's ratio of two words; the same unknown word meets the same surnames in article after article."""
    return difflib.SequenceMatcher(None, a, b).ratio()


@functools.lru_cache(maxsize=65536)
def _key(text: str) -> str:
    words = text.lower().replace("’", "'").split()
    return " ".join(w.rstrip(".") if len(w) > 2 else w for w in words)


@functools.lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """_key of a name token less its possessive: one cached call for the commonest lookup, a run of one word."""
    return _key(_without_possessive(word))


@functools.lru_cache(maxsize=65536)
def _surname(name: str) -> str:
    """The word a name is shortened to: its last, skipping numerals ("Abdullah II") and initials."""
    words = [w for w in _key(name).split() if not ROMAN_NUMERAL.match(w) and len(w.rstrip(".")) > 1]
    return words[-1] if words else _key(name)


def _name_runs(text: str) -> list[list[Token]]:
    """Groups of capitalised words separated only by single spaces."""
    return [trimmed for run in _untrimmed_runs(text) if (trimmed := _trimmed(run))]


def _untrimmed_runs(text: str) -> list[list[Token]]:
    """The runs of name tokens in `text`, as NAME_TOKEN reads them, less particles on their own before a run."""
    runs = []
    end = 0
    for match in NAME_RUN.finditer(text):
        start = match.start()
        if text[start - 1 : start] == "-":
            start = _run_start(text, start, end)
        end = match.end()
        runs.append(_tokens(text[start:end], start))
    return runs


def _run_start(text: str, start: int, after: int) -> int:
    """Where a run found from its capital at `start`, after a hyphen, begins: at a particle joined to it by the hyphen
    ("al-Assad", "Sheikh bin-Zayed"), as NAME_TOKEN reads it, if that particle lies past the run before (`after`).

    NAME_TOKEN would have found the particle's token first: the scan reaches it (no capital stands between
    `after` and `start`, or the run would begin there), and no two particles end alike, so only one can stand there.
    """
    for particle in _PARTICLE_LIST:
        begin = start - 1 - len(particle)
        if begin >= after and text.startswith(particle, begin):
            return begin
    return start


def _tokens(words: str, start: int) -> list[Token]:
    """The tokens of a run of them, apart by single spaces, that stands at `start`."""
    if " " not in words:
        return [(words, start, start + len(words))]  # most runs: one word
    tokens = []
    for word in words.split(" "):
        tokens.append((word, start, start + len(word)))
        start += len(word) + 1
    return tokens


def _trimmed(run: list[Token]) -> list[Token]:
    """A particle belongs to a name only between capitalised words."""
    if len(run) == 1:
        return [] if _is_particle(run[0]) else run
    while run and _is_particle(run[0]):
        run = run[1:]
    while run and _is_particle(run[-1]):
        run = run[:-1]
    return run


def _without_possessive(word: str) -> str:
    return POSSESSIVE.sub("", word) if "'" in word or "’" in word else word


def _is_particle(token: Token) -> bool:
    return token[0][:1].islower() and "-" not in token[0]


def distinct(names: Iterable[str]) -> tuple[str, ...]:
    """Names in first-seen order, each once."""
    return tuple(dict.fromkeys(names))


def canonical_names(names: Iterable[str], matcher: PersonMatcher) -> tuple[str, ...]:
    """Declared names resolved to people.yaml's spelling where they match someone."""
    resolved = []
    for name in names:
        found = distinct(m.person for m in matcher.find(name))
        resolved.append(found[0] if len(found) == 1 else name)
    return distinct(resolved)


def marks_and_mentions(
    blocks: Sequence[Block], spans: Sequence[Sequence[tuple[int, int]]], matcher: PersonMatcher
) -> tuple[tuple[Block, ...], list[list[Mention]]]:
    """Each block with the first mention of each person in the article marked, for linking, and the
    people named in each sentence (each block's sentences being its `spans`), from one scan of the blocks.

    The marks are what reading block by block finds, the mentions what reading sentence by sentence
    does (mentions_in): a sentence holds exactly its block's name tokens between its ends (no token
    crosses the spaces or "; " between sentences), so both readings find the same runs of capitalised
    words but for a run that crosses from one sentence into the next ("... in Gaza. Blinken said").
    There each reading is worked out; while they agree, one set of people already named serves both.
    """
    marked, by_sentence = [], []
    known: set[str] = set()  # people named so far, as the blocks are read
    known_by_sentence = known  # ... and as the sentences are: the same set while the readings agree
    first_named: set[str] = set()
    for block, block_spans in zip(blocks, spans):
        text = block.text
        ends = [end for _, end in block_spans]
        mentions: list[list[Mention]] = [[] for _ in block_spans]
        first = []
        sentence = 0  # the sentence the runs have reached
        for run in _untrimmed_runs(text):
            while run[0][1] >= ends[sentence]:
                sentence += 1
            if run[-1][1] < ends[sentence] and known_by_sentence is known:  # a run within one sentence
                found = matcher._people_in_run(whole, known) if (whole := _trimmed(run)) else []
                if not found:
                    continue  # most runs: no one
                in_sentences = [(sentence, found)]
            else:
                pieces = _by_sentence(run, ends, sentence)
                agreed = known_by_sentence is known
                known_by_sentence = set(known) if agreed else known_by_sentence
                found = matcher._people_in_run(whole, known) if (whole := _trimmed(run)) else []
                in_sentences = [(i, matcher._people_in_run(part, known_by_sentence) if (part := _trimmed(piece)) else []) for i, piece in pieces]
                if agreed and found == [f for _, part_found in in_sentences for f in part_found]:
                    known_by_sentence = known
            for person, start, end in found:
                if person not in first_named:
                    first.append((start, end, person))
                    first_named.add(person)
            for i, part_found in in_sentences:
                if not part_found:
                    continue
                sentence_start, sentence_end = block_spans[i]
                mentions[i].extend(
                    Mention(person, start - sentence_start, end - sentence_start, bool(ATTRIBUTIVE_AFTER.match(text, end, sentence_end)))
                    for person, start, end in part_found
                )
        marked.append(Block(block.kind, block.text, tuple(first)))
        by_sentence.extend(mentions)
    return tuple(marked), by_sentence


def _by_sentence(run: list[Token], ends: list[int], i: int) -> list[tuple[int, list[Token]]]:
    """The run's tokens grouped by the sentence they stand in (an index into `ends`, from `i` on)."""
    pieces: list[tuple[int, list[Token]]] = []
    for token in run:
        while token[1] >= ends[i]:
            i += 1
        if pieces and pieces[-1][0] == i:
            pieces[-1][1].append(token)
        else:
            pieces.append((i, [token]))
    return pieces


def mentions_in(texts: Iterable[str], matcher: PersonMatcher) -> list[list[Mention]]:
    """The people named in each text, each surname settled by the names before it."""
    known: set[str] = set()
    found = []
    for text in texts:
        mentions = matcher.find(text, known)
        known.update(m.person for m in mentions)
        found.append(mentions)
    return found
