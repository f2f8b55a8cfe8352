"""Topics of the vocabulary, found by their signal phrases, each with the sentence that shows it."""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..article import Evidence
from ..refdata import TopicRecord


class TopicFinder:
    def __init__(self, topics: Sequence[TopicRecord]):
        self._patterns = [(topic.id, _signal_pattern(topic.signals)) for topic in topics]

    def find(self, sentences: Iterable[str]) -> dict[str, Evidence]:
        """topic id -> first sentence that shows it, in vocabulary order."""
        sentences = list(sentences)
        found: dict[str, Evidence] = {}
        for topic_id, pattern in self._patterns:
            for sentence in sentences:
                if pattern.search(sentence):
                    found[topic_id] = Evidence(sentence)
                    break
        return found


#: "Palestinian Authority President Mahmoud Abbas": a signal used in someone's title is not the topic.
IN_A_TITLE = r"(?!\s+(?:\([A-Z]+\)\s+)?(?:[Pp]resident|[Cc]hairman|[Ll]eader|[Pp]rime [Mm]inister|[Ff]oreign [Mm]inister|[Mm]inister|official|officials|[Ss]pokes\w+|[Ee]nvoy|[Cc]hief|[Aa]mbassador)\b)"


def _signal_pattern(signals: Sequence[str]) -> re.Pattern:
    """One case-insensitive pattern for all signals; 'word*' matches any ending."""
    parts = []
    for signal in signals:
        text = re.escape(signal.rstrip("*")).replace("'", "['’]").replace("\\ ", r"[\s-]+")
        parts.append(text + (r"\w*" if signal.endswith("*") else r"\b"))
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + ")" + IN_A_TITLE, re.I)
