"""Topics of the vocabulary, found by their signal phrases, each with the sentence that shows it."""

from __future__ import annotations

import functools
import re
from typing import Iterable, Sequence

from ..article import Evidence
from ..refdata import TopicRecord
from .quick import WORD, fold

#: How many sentences' topics are remembered: the meetings of one article share their sentences.
SENTENCE_CACHE = 4096


class TopicFinder:
    def __init__(self, topics: Sequence[TopicRecord]):
        self._patterns = [(topic.id, _signal_pattern(topic.signals)) for topic in topics]
        self._clues = _Clues([topic.signals for topic in topics])
        self._topics_in = functools.lru_cache(maxsize=SENTENCE_CACHE)(self._match_sentence)

    def find(self, sentences: Iterable[str]) -> dict[str, Evidence]:
        """topic id -> first sentence that shows it, in vocabulary order."""
        first: dict[str, str] = {}
        for sentence in sentences:
            for topic_id in self._topics_in(sentence):
                first.setdefault(topic_id, sentence)
        return {topic_id: Evidence(first[topic_id]) for topic_id, _ in self._patterns if topic_id in first}

    def _match_sentence(self, sentence: str) -> frozenset[str]:
        """The topics whose signals `sentence` holds; a topic's pattern runs only where its signals' words are."""
        return frozenset(self._patterns[i][0] for i in self._clues.topics_maybe_in(sentence) if self._patterns[i][1].search(sentence))


#: "Palestinian Authority President Mahmoud Abbas": a signal used in someone's title is not the topic.
IN_A_TITLE = r"(?!\s+(?:\([A-Z]+\)\s+)?(?:[Pp]resident|[Cc]hairman|[Ll]eader|[Pp]rime [Mm]inister|[Ff]oreign [Mm]inister|[Mm]inister|official|officials|[Ss]pokes\w+|[Ee]nvoy|[Cc]hief|[Aa]mbassador)\b)"


def _signal_pattern(signals: Sequence[str]) -> re.Pattern:
    """One case-insensitive pattern for all signals; 'word*' matches any ending."""
    parts = []
    for signal in signals:
        text = re.escape(signal.rstrip("*")).replace("'", "['’]").replace("\\ ", r"[\s-]+")
        parts.append(text + (r"\w*" if signal.endswith("*") else r"\b"))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + ")" + IN_A_TITLE, re.I)


# -- the quick look before a pattern runs --------------------------------------------------------
# A signal's pattern can only match where each run of letters and digits in the signal stands in the
# folded text as a whole word: the pattern's other characters are spaces, hyphens, apostrophes,
# punctuation or word boundaries, none of which folds to a letter or digit.
class _Clues:
    """For each signal, one word a text must have for its pattern to match: whole, or as a prefix for 'word*'."""

    def __init__(self, signals_of_topics: Sequence[Sequence[str]]):
        self._by_word: dict[str, set[int]] = {}
        self._prefixes: list[tuple[str, int]] = []
        #: Topics with a signal that has no usable word (not ASCII, or no letters): their pattern always runs.
        self._always: set[int] = set()
        for index, signals in enumerate(signals_of_topics):
            for signal in signals:
                runs = WORD.findall(signal.rstrip("*").lower())
                if not runs or not signal.isascii():
                    self._always.add(index)
                elif signal.endswith("*") and len(runs) == 1:
                    self._prefixes.append((runs[0], index))  # 'hostage*': "hostages" has it as a prefix
                else:
                    whole = runs[:-1] if signal.endswith("*") else runs
                    self._by_word.setdefault(max(whole, key=len), set()).add(index)

    def topics_maybe_in(self, text: str) -> list[int]:
        """The topics (by index, in order) whose patterns may match `text`; no other can."""
        folded = fold(text)
        found = set(self._always)
        for word in WORD.findall(folded):
            found.update(self._by_word.get(word, ()))
        found.update(index for prefix, index in self._prefixes if prefix in folded)
        return sorted(found)
