"""People not in people.yaml, found where the press names them with their office.

"CIA director William Burns", "Qatari Prime Minister Mohammed bin Abdulrahman
Al Thani", "press secretary Jen Psaki": an office word just before a
capitalised name makes that name a person, with that office as their role
and, where the office says it ("Qatari"), their country. They are marked as
discovered so an editor can confirm them.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..refdata import PersonRecord, Role
from .people import PersonMatcher
from .quick import any_of, folded_words

OFFICES = (
    r"President|Vice President|Prime Minister|PM|Premier|Foreign Minister|Defen[cs]e Minister|Minister(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
    r"|Secretary(?: of [A-Z][a-z]+)?|Foreign Secretary|Chancellor|King|Queen|Crown Prince|Emir|Sheikh|Sultan"
    r"|[Dd]irector|[Cc]hief|(?:[Pp]olicy |[Ss]enior |[Kk]remlin )?[Aa]ide|[Ss]pokes(?:man|woman|person)|[Ee]nvoy|[Aa]mbassador|[Aa]dvis[eo]r|[Cc]oordinator"
    r"|Senator|Sen\.|Rep\.|Speaker|[Cc]hairman|[Cc]hair|[Hh]ead|Commissioner|Secretary-General|General|Gen\.|Lt\. Gen\.|[Ss]ecretary|[Cc]ommander"
)
_PARTICLE = r"(?:bin|bint|ibn|al|el|de|da|van|von|der|Al|El|Abu)"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
#: A capitalised word, accents allowed ("Dubravka Šuica", "Hakan Fidan").
_WORD = rf"[{_UPPER}][\w'’-]+"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)*(?:{_PARTICLE}-)?{_WORD}){{1,4}}"
#: Lowercase words that may stand in an office before a name ("press secretary", "foreign policy chief").
_OFFICE_WORD = r"(?:press|foreign|policy|national|security|senior|deputy|defen[cs]e|intelligence|spy|army|military|special|top|former|acting|crown|prime|state|affairs|presidential|royal|house|white|envoy|[A-Z][\w.’'-]*)"
#: "Minister Dr. Faisal Mekdad": a courtesy title between the office and the name.
_COURTESY = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
TITLED_NAME = re.compile(rf"(?P<office>(?:{_OFFICE_WORD}\s+){{0,4}}?(?:{OFFICES})),?\s+{_COURTESY}(?P<name>{NAME})")
#: Every office OFFICES names holds one of these, as written; "head" counts only before a capitalised word.
#: A sentence with neither has no TITLED_NAME in it, which spares most sentences that pattern's cost.
_CLUES = (
    "President", "Minister", "PM", "Premier", "ecretary", "Chancellor", "King", "Queen", "Prince", "Emir", "Sheikh", "Sultan",
    "irector", "hief", "pokes", "nvoy", "mbassador", "dvis", "oordinator", "Sen", "Rep.", "Speaker", "hair", "Commissioner",
    "Gen", "ommander", "aide", "Aide",
)
OFFICE_CLUES = any_of(_CLUES)
HEAD_BEFORE_NAME = re.compile(r"[Hh]ead,?\s+[A-Z]")
#: A piece of the last word of each office OFFICES names, in each case OFFICES allows ("cretary" for "Secretary" and
#: "secretary", "ctor" for "Director"), each beginning with a capital or a letter rare in prose: a search for them
#: stops at few characters.
_OFFICE_ENDS = (
    "President", "Minister", "PM", "Premier", "cretary", "Chancellor", "King", "Queen", "Prince", "Emir", "Sheikh", "Sultan",
    "ctor", "hief", "Aide", "aide", "pokes", "voy", "Ambassador", "ambassador", "Advis", "advis", "Coordinator", "coordinator",
    "Sen", "Rep.", "Speaker", "hair", "Head", "head", "Commissioner", "Gen", "Commander", "commander",
)
#: What a TITLED_NAME match holds: a piece of its office's last word, the rest of the office (the word may run on with
#: a hyphen, and "of Defence" or "of State" follow it), a comma or a space, and a capital (a courtesy title or the
#: name). Most sentences with an office clue have an office without a name after it ("an aide to"); searched first,
#: it leaves OFFICE_CLUES to the few sentences it finds.
OFFICE_BEFORE_NAME = re.compile(rf"(?:{any_of(_OFFICE_ENDS).pattern})[\w.-]*(?: of [A-Z][a-z]+(?: [A-Z][a-z]+)?)?,?\s+[{_UPPER}]")
#: "Jasem Albudaiwi, secretary general of the Gulf Cooperation Council": the office after the name.
NAME_THEN_OFFICE = re.compile(
    rf"(?P<name>{NAME}),\s+(?:the\s+)?(?P<office>(?:[\w'’-]+\s+){{0,3}}?(?:secretary[- ]general|foreign minister|defen[cs]e minister"
    rf"|prime minister|minister|president|envoy|ambassador|chief|head|director|spokes(?:man|woman|person)|advis[eo]r|chancellor"
    rf"|commissioner|king|emir|crown prince)(?:\s+(?:of|to|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)\b"
)
#: "the secretary general of the Gulf Cooperation Council, Jasem Albudaiwi": an office of a body, a comma, the name.
OFFICE_OF_THEN_NAME = re.compile(
    rf"\bthe\s+(?P<office>(?:[\w'’-]+\s+){{0,2}}?(?:secretary[- ]general|president|chairman|chair|head|director|chief|commissioner"
    rf"|minister|speaker|ambassador|envoy)\s+(?:of|for|to)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,5}}),\s+(?P<name>{NAME})"
)
#: "Dubravka Šuica, the Commissioner for the Mediterranean": an office written in capitals, after "the".
NAME_THEN_THE_OFFICE = re.compile(
    rf"(?P<name>{NAME}),\s+the\s+(?P<office>(?:[A-Z][\w'’-]+\s+){{0,3}}?(?:Secretary[- ]General|Commissioner|High Representative"
    rf"|Special Envoy|Envoy|Ambassador|Director|Chairman|Chair|President|Minister|Spokes(?:man|woman|person))"
    rf"(?:\s+(?:of|to|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?)\b"
)
#: Every office NAME_THEN_OFFICE names has one of these words, whole (after a space, before a space or the end of
#: the office), and the pattern a comma.
OFFICE_AFTER_WORDS = frozenset((
    "secretary", "minister", "president", "envoy", "ambassador", "chief", "head", "director", "spokesman", "spokeswoman",
    "spokesperson", "adviser", "advisor", "chancellor", "commissioner", "king", "emir", "crown",
))
#: Every office OFFICE_OF_THEN_NAME names has one of these words whole, then "of", "for" or "to".
OFFICE_OF_WORDS = frozenset(("secretary", "president", "chairman", "chair", "head", "director", "chief", "commissioner", "minister", "speaker", "ambassador", "envoy"))
BODY_WORDS = frozenset(("of", "for", "to"))
#: Every office NAME_THEN_THE_OFFICE names has one of these words whole.
THE_OFFICE_WORDS = frozenset((
    "secretary", "commissioner", "representative", "envoy", "ambassador", "director", "chairman", "chair", "president", "minister",
    "spokesman", "spokeswoman", "spokesperson",
))
COMMA_THE = re.compile(r",\s+the\s")
#: Capitalised words that open a sentence or clause rather than an office.
NOT_OFFICE = {"He", "She", "They", "The", "It", "On", "In", "After", "Before", "During", "When", "While", "And", "But",
              "A", "An", "His", "Her", "Their", "Also", "Meet", "Meets", "Met", "With", "As", "At", "For", "From", "Then"}
#: Capitalised words that end a name run but are not names.
NOT_NAME = re.compile(
    r"\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July"
    r"|August|September|October|November|December|Jr\.?)\b.*$"
)
#: Office demonyms -> the country they name.
DEMONYMS = {
    "US": "United States", "U.S.": "United States", "American": "United States", "Israeli": "Israel",
    "Qatari": "Qatar", "Egyptian": "Egypt", "Jordanian": "Jordan", "Saudi": "Saudi Arabia", "Emirati": "United Arab Emirates",
    "UAE": "United Arab Emirates", "Bahraini": "Bahrain", "Moroccan": "Morocco", "Omani": "Oman", "Turkish": "Turkey",
    "Lebanese": "Lebanon", "Syrian": "Syria", "Iranian": "Iran", "Iraqi": "Iraq", "Palestinian": "Palestinian territories",
    "PA": "Palestinian territories", "British": "United Kingdom", "UK": "United Kingdom", "French": "France",
    "German": "Germany", "Italian": "Italy", "Spanish": "Spain", "Dutch": "Netherlands", "Greek": "Greece",
    "Cypriot": "Cyprus", "Russian": "Russia", "Ukrainian": "Ukraine", "Chinese": "China", "Indian": "India",
    "Japanese": "Japan", "Canadian": "Canada", "Australian": "Australia", "EU": "European Union", "European": "European Union",
    "UN": "United Nations", "U.N.": "United Nations", "CIA": "United States", "Mossad": "Israel", "Shin Bet": "Israel",
    "IDF": "Israel", "Pentagon": "United States", "White House": "United States", "State Department": "United States",
    "Kremlin": "Russia", "NATO": "NATO",
}
DEMONYM_PATTERNS = [(demonym, re.compile(rf"(?<![\w.]){re.escape(demonym)}(?![\w])"), country) for demonym, country in DEMONYMS.items()]
# In DEMONYMS order, so the first country named wins the same way on every run.
COUNTRY_NAMES = dict.fromkeys(DEMONYMS.values())
MIN_NAME_LENGTH = 6
POSSESSIVE_END = re.compile(r"['’]s$")
OFFICE = re.compile(OFFICES)
HONORIFIC = re.compile(r"^(?:(?:Sheikh|Sheikha|King|Queen|Prince|Crown Prince|President|Dr\.|Mr\.|Mrs\.|Ms\.|Gen\.|HRH|Emir|Sultan)\s+)+")


def discover_people(sentences: Iterable[str], matcher: PersonMatcher) -> list[PersonRecord]:
    """People named with an office in `sentences` who are not in the reference data."""
    found: dict[str, PersonRecord] = {}
    for sentence in sentences:
        office = OFFICE_BEFORE_NAME.search(sentence)
        titled = _titled_names(sentence, office) if office and _may_name_an_office(sentence) else ()
        # The other three need a comma, and each one of its office words, whole.
        words = folded_words(sentence)[1] if "," in sentence else frozenset()
        office_after = NAME_THEN_OFFICE.finditer(sentence) if not OFFICE_AFTER_WORDS.isdisjoint(words) else ()
        office_of = OFFICE_OF_THEN_NAME.finditer(sentence) if not OFFICE_OF_WORDS.isdisjoint(words) and not BODY_WORDS.isdisjoint(words) else ()
        the_office = NAME_THEN_THE_OFFICE.finditer(sentence) if not THE_OFFICE_WORDS.isdisjoint(words) and COMMA_THE.search(sentence) else ()
        for match in [*titled, *office_after, *office_of, *the_office]:
            name = NOT_NAME.sub("", match.group("name")).strip(" ’'")
            name = HONORIFIC.sub("", POSSESSIVE_END.sub("", name))
            # "In Riyadh, the crown prince ...": a name run opening a sentence may begin with a capitalised function word.
            while name.split(" ", 1)[0] in NOT_OFFICE:
                name = name.split(" ", 1)[1] if " " in name else ""
            if any(word in DEMONYMS or OFFICE.fullmatch(word) for word in name.split()):
                continue  # "Qatari PM" is an office, not a name
            if len(name) < MIN_NAME_LENGTH or len(name.split()) < 2 or name in found:
                continue
            if matcher.find(name):  # a known person, or part of one
                continue
            words = match.group("office").split()
            while words and (words[0] in NOT_OFFICE or words[0].lower() in {"met", "meets", "meeting", "also"}):
                words = words[1:]
            office = " ".join(words)
            found[name] = PersonRecord(
                name=name,
                country=_country(office) or "unknown",
                roles=(Role(_tidy_office(office), None, None),),
                discovered=True,
            )
    return list(found.values())


#: "the Syrian leader", "the Jordanian monarch", "the Qatari premier": someone named by country and office.
BY_COUNTRY = re.compile(
    r"\b[Tt]he (" + "|".join(re.escape(d) for d in sorted(DEMONYMS, key=len, reverse=True) if d[:1].isupper() and d.isalpha() and d[-1].islower())
    + r") (?:[\w-]+ )?(?:leader|president|prime minister|premier|foreign minister|minister|king|monarch|emir|crown prince|sultan"
    r"|chancellor|head of state|counterpart|envoy|guest|host)\b"
)
#: Every match of BY_COUNTRY has one of these words, and one of DEMONYM_WORDS.
BY_COUNTRY_WORDS = frozenset((
    "leader", "president", "prime", "premier", "minister", "king", "monarch", "emir", "prince", "sultan", "chancellor", "state",
    "counterpart", "envoy", "guest", "host",
))
DEMONYM_WORDS = frozenset(d.lower() for d in DEMONYMS if d.isalpha())


def countries_named(sentence: str) -> set[str]:
    """The countries whose leader or minister `sentence` names by office alone ("the Jordanian monarch": Jordan)."""
    words = folded_words(sentence)[1]
    if BY_COUNTRY_WORDS.isdisjoint(words) or DEMONYM_WORDS.isdisjoint(words):
        return set()
    return {DEMONYMS[m.group(1)] for m in BY_COUNTRY.finditer(sentence)}


#: How many runs of spaces a TITLED_NAME match may hold before its office's clue: four office words, and one
#: inside the office ("Prime Minister", "Lt. Gen.").
TITLED_SPACES = 5


def _titled_names(sentence: str, office: re.Match | None) -> Iterator[re.Match]:
    """TITLED_NAME.finditer(sentence), the first OFFICE_BEFORE_NAME match being `office`, searched from near each office.

    Each match holds an OFFICE_BEFORE_NAME match no more than TITLED_SPACES runs of spaces after its start. So none
    starts before that reach back from the first OFFICE_BEFORE_NAME match past the one before, and with no such
    match left there is no more: the search skips what would be TITLED_NAME's costly scan of the rest.
    """
    end = 0
    while office is not None:
        # The office's clue may stand inside its word: that word, and TITLED_SPACES words before it.
        words = sentence[: office.start()].rsplit(None, TITLED_SPACES + 1)
        reach = len(words[0]) if len(words) > TITLED_SPACES + 1 else 0
        match = TITLED_NAME.search(sentence, max(end, reach))
        if match is None:
            return
        yield match
        end = match.end()
        office = OFFICE_BEFORE_NAME.search(sentence, end)


def _may_name_an_office(sentence: str) -> bool:
    return OFFICE_CLUES.search(sentence) is not None or ("ead" in sentence and HEAD_BEFORE_NAME.search(sentence) is not None)


def _country(office: str) -> str | None:
    for demonym, pattern, country in DEMONYM_PATTERNS:
        if demonym in office and pattern.search(office):
            return country
    for country in COUNTRY_NAMES:
        if country in office:
            return country
    return None


def _tidy_office(office: str) -> str:
    """'press secretary' -> 'Press secretary'."""
    return office[:1].upper() + office[1:]
