"""Topics of the vocabulary, found by their signal phrases, each with the sentence that shows it."""

from __future__ import annotations

import functools
import re
from typing import Iterable, Sequence

from ..article import Evidence
from ..refdata import TopicRecord
from .quick import SENTENCE_CACHE, WORD, folded_words


class TopicFinder:
    """A topic shows in a sentence where one of its signals matches; each signal is looked for only where its word is.

    A signal's pattern can only match where each run of letters and digits in the
    signal stands in the folded sentence as a whole word: the pattern's other
    characters are spaces, hyphens, apostrophes, punctuation or word boundaries,
    none of which folds to a letter or digit. So each signal is filed under one
    such word (its longest), and only the signals whose word a sentence has are
    searched for in it; 'word*' is filed under a prefix the text must contain.
    """

    def __init__(self, topics: Sequence[TopicRecord], cities: Iterable[str] = ()):
        """`cities`: the places' names, whose signals do not count where they say where a meeting was."""
        cities = frozenset(cities)
        self._ids = [topic.id for topic in topics]
        by_word: dict[str, dict[int, list[str]]] = {}
        by_prefix: dict[str, dict[int, list[str]]] = {}
        always: dict[int, list[str]] = {}
        for index, topic in enumerate(topics):
            for signal in topic.signals:
                runs = WORD.findall(signal.rstrip("*").lower())
                if not runs or not signal.isascii():
                    always.setdefault(index, []).append(signal)  # no word to look for first: always searched
                elif signal.endswith("*") and len(runs) == 1:
                    by_prefix.setdefault(runs[0], {}).setdefault(index, []).append(signal)
                else:
                    whole = runs[:-1] if signal.endswith("*") else runs
                    by_word.setdefault(max(whole, key=len), {}).setdefault(index, []).append(signal)
        self._by_word = {word: _patterns(signals, cities) for word, signals in by_word.items()}
        #: The words signals are filed under, as a set: intersected with a sentence's few words, it is walked by those.
        self._signal_words = frozenset(self._by_word)
        self._by_prefix = [(prefix, _patterns(signals, cities)) for prefix, signals in by_prefix.items()]
        self._always = _patterns(always, cities)
        self._topics_in = functools.lru_cache(maxsize=SENTENCE_CACHE)(self._match_sentence)

    def find(self, sentences: Iterable[str]) -> dict[str, Evidence]:
        """topic id -> first sentence that shows it, in vocabulary order."""
        first: dict[int, str] = {}
        for sentence in sentences:
            for index in self._topics_in(sentence):
                first.setdefault(index, sentence)
        return {self._ids[index]: Evidence(first[index]) for index in sorted(first)}

    def _match_sentence(self, sentence: str) -> frozenset[int]:
        """The topics (by index) whose signals `sentence` holds; none in a sentence about another event."""
        folded, words = folded_words(sentence)
        candidates = list(self._always)
        for word in words & self._signal_words:
            candidates.extend(self._by_word[word])
        for prefix, patterns in self._by_prefix:
            if prefix in folded:
                candidates.extend(patterns)
        # A sentence with no signal to look for has no topic, about another event or not.
        if not candidates or about_another_event(sentence, words):
            return frozenset()
        found: set[int] = set()
        for index, pattern in candidates:
            if index not in found and pattern.search(sentence):
                found.add(index)
        return frozenset(found)


#: A sentence about another event than the one reported: where someone goes next ("was due to fly on to Doha
#: for talks with ...", "will head on Monday to ..."), or what the meeting followed ("The visit came a day after
#: Israeli strikes ..."). What it names was not discussed at the meeting.
ELSEWHERE = re.compile(
    r"\b(?:will|would|(?:is|was|are|were) (?:due|expected|scheduled|set) to|plans? to)\s+(?:(?:later|then|also|next|on)\s+)?"
    r"(?:head|fly|travel|go|leave|move on|depart|visit)\b"
    r"|\bbefore (?:heading|flying|travell?ing|departing|moving on)\b"
    r"|\b(?:came|comes|coming)\s+(?:(?:a|one|two|three|several|just|only|shortly|hours|days|day|week|weeks)\s+){0,3}(?:after|before)\b",
    re.I,
)
#: Every match of ELSEWHERE has one of these words.
ELSEWHERE_WORDS = frozenset(("will", "would", "due", "expected", "scheduled", "set", "plan", "plans", "before", "came", "comes", "coming"))
#: Each alternative of ELSEWHERE holds, whole, a word of both sets of one of these pairs: "will" and "fly", "before"
#: and "heading", "came" and "after". A sentence without (most) is not searched.
PLANNED, MOVE = (
    frozenset(("will", "would", "due", "expected", "scheduled", "set", "plan", "plans")),
    frozenset(("head", "fly", "travel", "go", "leave", "move", "depart", "visit")),
)
BEFORE, MOVING = frozenset(("before",)), frozenset(("heading", "flying", "travelling", "traveling", "departing", "moving"))
CAME, AFTER = frozenset(("came", "comes", "coming")), frozenset(("after", "before"))


def about_another_event(sentence: str, words: frozenset[str]) -> bool:
    """Whether `sentence` (of folded `words`) tells of another event: where someone goes next, what a meeting came after."""
    return _may_be_elsewhere(words) and ELSEWHERE.search(sentence) is not None


def _may_be_elsewhere(words: frozenset[str]) -> bool:
    """False where a sentence of these (folded) words has no match of ELSEWHERE."""
    return (
        (not PLANNED.isdisjoint(words) and not MOVE.isdisjoint(words))
        or (not BEFORE.isdisjoint(words) and not MOVING.isdisjoint(words))
        or (not CAME.isdisjoint(words) and not AFTER.isdisjoint(words))
    )


#: Quotes may stand between a signal's words ('the "day after" in Gaza', 'its "unwavering commitment" to Israel's security').
BETWEEN_WORDS = r"[\"“”'‘’]?[\s-]+[\"“”'‘’]?"

#: "Palestinian Authority President Mahmoud Abbas": a signal used in someone's title is not the topic.
IN_A_TITLE = r"(?!\s+(?:\([A-Z]+\)\s+)?(?:[Pp]resident|[Dd]eputy|[Cc]hairman|[Ll]eader|[Pp]rime [Mm]inister|[Ff]oreign [Mm]inister|[Mm]inister|official|officials|[Ss]pokes\w+|[Ee]nvoy|[Cc]hief|[Aa]mbassador)\b)"


#: A country named as where someone comes from ("his Russian counterpart", "the Chinese capital"), or a
#: city as where they met ("in Moscow"), not as what was discussed: a one-word signal there does not count.
AS_A_CITY_BEFORE = r"(?<!\bin )(?<!\bto )(?<!\bat )(?<!from )(?<!visit )"
AS_A_PLACE_AFTER = r"(?!\s+(?:counterpart|capital|embassy|side|delegation|state media|news agency)\b)"
PROPER_NOUN = re.compile(r"[A-Z][a-z]+")


def _signal_pattern(signals: Sequence[str], cities: frozenset[str]) -> re.Pattern:
    """One case-insensitive pattern for all signals; 'word*' matches any ending."""
    parts = []
    for signal in signals:
        text = re.escape(signal.rstrip("*")).replace("'", "['’]").replace("\\ ", BETWEEN_WORDS)
        if PROPER_NOUN.fullmatch(signal):
            text = (AS_A_CITY_BEFORE if signal in cities else "") + text + r"\b" + AS_A_PLACE_AFTER
        parts.append(text + (r"\w*" if signal.endswith("*") else r"\b"))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + ")" + IN_A_TITLE, re.I)


def _patterns(signals_of_topics: dict[int, list[str]], cities: frozenset[str]) -> list[tuple[int, re.Pattern]]:
    """(topic index, one pattern for its signals) for each topic: a topic matches where any one of its signals does."""
    return [(index, _signal_pattern(signals, cities)) for index, signals in signals_of_topics.items()]
