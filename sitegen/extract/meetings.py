"""Finding the meetings an article reports: who met whom, when and where.

The unit is the sentence. A sentence reports a meeting when it holds a meeting
word (met, meeting, hosted, talks with ...) that is not future, hypothetical or
a back-reference ("following meetings with ..."), and names at least two
people outside quotes, back-references and attributions ("..., Miller said").
A delegation meeting one person is split into bilateral meetings, as
diplomatic reporting means it ("Gallant and Lapid met with Blinken").
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from .dates import FoundDate, date_in_sentence
from .discover import countries_named
from .people import Mention
from .places import PlaceFinder, PlaceMention
from .quick import folded_words

TRIGGER = re.compile(
    r"\b(met|meets?|meetings?|hosted|hosts?|hosting|(?:held|holds|holding)\s+(?:[\w-]+\s+){0,4}?talks|talks (?:with|between)|sat down with"
    r"|sit-down|working (?:lunch|dinner|breakfast)|conferred with|received|receives|welcomed|co-chair(?:ed|s)?"
    # "was granted an audience with King Abdullah": a royal's or a pope's way of meeting.
    r"|audience with"
    # Being together told by what was done together: "shook hands with", "had lunch at the Elysee", "held a joint
    # press conference", "paid a courtesy call on". (Not "greeted": a greeting at the airport is no meeting.)
    r"|shook hands with|(?:had|shared|over) (?:a |an )?(?:[\w-]+ )?(?:lunch|dinner|breakfast)"
    r"|joint (?:press|news) conference|paid (?:a |an )?(?:[\w-]+ )?(?:visit|call) (?:to|on)"
    # "spent four and a half hours at Diriyah Palace with Lavrov": time spent with someone is a meeting.
    r"|spent\s+(?:[\w-]+\s+){1,4}?(?:hours?|minutes)\b[^.;]{0,40}?\swith)\b",
    re.I,
)
#: Every match of TRIGGER or AFTER_OWN_TALKS has one of these words: a sentence with none reports no meeting.
MEETING_WORDS = frozenset((
    "closeted", "spent", "met", "meet", "meets", "meeting", "meetings", "hosted", "host", "hosts", "hosting", "talks", "sat", "sit", "working",
    "conferred", "received", "receives", "welcomed", "chaired", "chairs", "chair", "audience", "shook",
    "lunch", "dinner", "breakfast", "conference", "paid",
))
#: Words just before a meeting word that make it not (yet) have happened.
NOT_HAPPENED = re.compile(
    r"\b(will|would|shall|scheduled|expected|plans?|planned|planning|upcoming|next|set to|due to|hopes? to"
    r"|intends? to|could|might|may|not|never|cancel\w*|postpon\w*|invited|invitation|whether|if|was to|were to|is to|are to"
    r"|refus\w*|declin\w*|ruled out|rejected)\b[^.;]{0,20}$"
    # "Blinken will travel to Ankara on Tuesday to meet Fidan", "... for talks with Scholz": the purpose of a trip still to come.
    r"|\b(?:will|would|(?:due|expected|scheduled|set) to|plans? to)\b[^.;]{0,80}\b(?:to|for)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?$"
    # "... after El-Sisi hosted ...", "since Netanyahu met ...": an earlier meeting named as background.
    r"|\b(?:after|before|following|since|prior to|ahead of)\b(?! the two\b| they\b| their\b| both\b)[^,;]{0,60}$"
    # "Netanyahu flies to Florida for Friday meeting with Trump": a day's meeting still to come.
    r"|\bfor (?:a |his |her |their )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|tomorrow)(?:['’]s)?\s+$",
    re.I,
)
#: "received a phone call from", "welcomed a call from": a call, which is not a meeting (the text would call it one).
CALL_AFTER = re.compile(r"\s+(?:on \w+\s+)?(?:an?\s+|two\s+|several\s+)?(?:(?:tele)?phone\s+|video\s+)?calls?\b", re.I)
#: "A meeting with Netanyahu was not on his schedule": a meeting denied.
DENIED_AFTER = re.compile(r"[^,;.]{0,80}?\b(?:was|were) not\b(?!\s+only)", re.I)
#: "welcomed the two delegations", "hosting the US-Russia talks": a host receiving an event or a group, not a person.
HOSTED_EVENT = re.compile(
    r"\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:delegations?|summit|conference|forum|ceremony|(?:talks|meeting)(?!\s+(?:between|with|of)\b))\b",
    re.I,
)
HOST_WORDS = frozenset(("hosted", "hosts", "host", "hosting", "welcomed", "received", "receives"))
#: A meeting word followed by a modal is a plan ("the meeting would be held at ...").
PLANNED_AFTER = re.compile(r"^\w*\s+(?:would|will|is expected|is scheduled|is due|could|might|may|was planned|was scheduled)\b", re.I)
#: A meeting mentioned as background to another one.
BACK_REFERENCE = re.compile(
    r"\b(following|followed|after|before|prior to|ahead of|since|on the sidelines of|in addition to|on top of)\s+"
    r"(?:(?:his|her|their|the|a|an|its|earlier|separate|previous)\s+)*(?:[\w-]+\s+)?(?:meetings?|talks|meeting)\b",
    re.I,
)
#: "after holding talks with", "following his meeting with": the subject's own meeting, when nothing else is reported.
AFTER_OWN_TALKS = re.compile(
    r"\b(?:after|following)\s+(?:holding\s+|his\s+|her\s+|their\s+)?(?:talks|meetings?)\b|\bafter\s+meeting\b"
    # "said Monday after nearly three hours of talks with", "After roughly three hours closeted with": a meeting timed is one held.
    r"|\bafter\s+(?:(?:roughly|nearly|about|almost|some|over|more than|less than)\s+)?(?:[\w-]+\s+){1,3}?(?:hours?|minutes)\s+(?:of\s+(?:[\w-]+\s+)?(?:talks|meetings?)|closeted)\b",
    re.I,
)
#: "he then held talks with ...": the sentence's subject is the person the article follows.
SUBJECT_PRONOUN = re.compile(r"(?:^|[,;]\s*(?:where|when|and|then)?\s*)(?:he|she)\b(?!\s+(?:said|says|told|added))", re.I)
#: "received A and B separately", "in two separate meetings": each met the host alone.
SEPARATELY = re.compile(r"\bseparately\b|\bseparate (?:meetings|talks)\b", re.I)
#: The words after a possessive name, up to its noun: "Trump's incoming Middle East envoy", "Biden's ceasefire proposal".
OWNED = re.compile(r"(?:\s+[\w-]+){1,4}")
#: What a person in the room may own: "Netanyahu's meeting with Biden", "Blinken's talks", "Sisi's guest".
MEETING_NOUNS = frozenset(("meeting", "meetings", "talks", "visit", "trip", "tour", "sit-down", "guest", "guests", "host", "hosts"))
#: Where a sentence's second clause begins: "..., and Foreign Minister Lapid held talks with ...".
CLAUSE_BREAK = re.compile(r",\s+(?:and|while|but|whereas)\s+")
#: Capitalised words: "His Highness Sayyid Badr" calls Badr Albusaidi by his given name.
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")
NOT_GIVEN_NAMES = frozenset(("Al", "El", "The", "His", "Her", "Highness", "Prince", "Sheikh", "King", "President", "Minister"))
#: People who came along: "joined by IDF chief Herzi Halevi" did not hold the meeting.
ATTENDEES = re.compile(
    r"\b(?:joined|accompanied|flanked|attended|escorted) by\b|\balong with\b|\bin the (?:presence|company) of\b", re.I
)
#: "with Ron Dermer and Tzachi Hanegbi also present": people named as being in the room, not as holding the meeting.
PRESENT = re.compile(
    r"\bwith\b(?:(?!\bwith\b)[^.;]){0,160}?\b(?:(?:also|were|was)\s+)?(?:present|in attendance|attending|looking on|sitting in|in tow)\b", re.I
)
PRESENT_WORDS = frozenset(("present", "attendance", "attending", "looking", "sitting", "tow"))
#: "proposed by US President Joe Biden": the doer of another act, named after its participle and "by".
AGENT_BEFORE = re.compile(r"\b([a-z][a-z-]*(?:ed|en|wn|de|nt|ld|ght))\s+by\s+(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,5}$")
#: Participles whose doer holds or joins the meeting: "was received by Erdogan", "a delegation led by Witkoff".
MEETING_AGENTS = frozenset((
    "received", "hosted", "welcomed", "greeted", "met", "joined", "accompanied", "led", "headed", "chaired", "co-chaired", "invited",
    "represented", "flanked", "attended", "escorted", "visited", "held", "organised", "organized", "convened", "seen",
))
#: "Netanyahu, a close ally of Donald Trump": a person named as whom someone else is related to.
RELATED_TO = re.compile(
    r"\b(?:ally|allies|envoy|adviser|advisor|aide|son|daughter|wife|husband|brother|father|son-in-law|nephew|cousin|representative"
    r"|deputy|successor|predecessor|rival|critic|opponent|friend|confidant|supporter|backer)\s+of\s+(?:(?:[A-Z][\w.'’-]*|the)\s+){0,4}$",
    re.I,
)
#: "..., days after Yahya Sinwar rejected the proposal": a clause, after the meeting word, about what came before or after;
#: "Ahmed al-Sharaa, a onetime insurgent whose forces ousted Bashar Assad": one about someone who met.
SIDE_CLAUSE = re.compile(r"\b(?:after|before|since|until)\s+(?=[A-Z])|\b(?:who|whose)\b")
#: "... hosted him at his family home": the person the article follows, met by someone it names.
OBJECT_PRONOUN = re.compile(r"\s+(?:him|her)\b")
#: "..., telling him that Joe Biden remained committed": what was said at the meeting, after its word, names no one in the room.
SPEECH_AFTER = re.compile(r"\b(?:said|saying|told|telling|warned|warning|stressed|stressing|urged|urging|assured|assuring|noted|noting)\b")
SPEECH_WORDS = frozenset(("said", "saying", "told", "telling", "warned", "warning", "stressed", "stressing", "urged", "urging", "assured",
                          "assuring", "noted", "noting"))
#: "handed over a message from Khamenei", "on behalf of Trump": a sender named, not someone in the room.
SENDER = re.compile(r"\b(?:message|letter|invitation|greetings|regards) from\b|\bon behalf of\b|\bat the invitation of\b", re.I)
SENDER_WORDS = frozenset(("message", "letter", "invitation", "greetings", "regards", "behalf"))
#: "while Erdogan joined by phone", "took part via video link": someone not in the room, whatever the meeting.
REMOTE = re.compile(
    r"\b(?:joined|joining|participated|participating|took part|taking part|attended|attending)\s+(?:[\w-]+\s+){0,3}?(?:by|via|over)\s+"
    r"(?:(?:tele)?phone|video\w*|video link|teleconference)\b|\b(?:joined|participated|took part) (?:virtually|remotely)\b",
    re.I,
)
REMOTE_WORDS = frozenset(("phone", "telephone", "video", "videoconference", "teleconference", "virtually", "remotely"))
#: Where the clause of someone who joined from afar begins: "..., while Erdogan joined by phone".
CLAUSE_START = re.compile(r".*(?:[,;]|\bwhile\b|\bas\b|\band\b)", re.S)
#: "Witkoff has held four rounds of talks with Araghchi": a series of meetings over time, not one.
ROUNDS = re.compile(r"\brounds? of\b", re.I)
#: "met with Blinken on Monday and with Burns": the preposition said again, a meeting again.
AND_WITH = re.compile(r",?\s+and (?:then |later |also )?with\b", re.I)
LIST_CONTINUES = re.compile(r"^\s*(including|and|as well as|such as|among them|both|with)\b", re.I)
ATTRIBUTION = re.compile(
    r"(?:,|[”\"])\s*(?:according to\b[^.]*|[^,”\"]{0,80}?\b(?:said|says|stated|told|added|noted|wrote|tweeted)\b[^,”\"]{0,40})[.!?]?$"
)
QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
#: "the meeting", "their talks": a meeting already reported.
REFERS_BACK = re.compile(r"\b(?:the|this|that|their|his|her|its)\s+(?:[\w-]+\s+)?(?:meeting|talks|sit-down)$", re.I)
JOINT = re.compile(
    r"\b(trilateral|three-way|four-way|quadrilateral|quartet|joint meeting|jointly|summit|brought together"
    r"|the (?:three|four|five) (?:leaders|men|ministers|officials|sides|delegations|heads|chiefs)|all (?:three|four))\b",
    re.I,
)
#: Every match of JOINT has one of these words.
JOINT_WORDS = frozenset(("trilateral", "three", "four", "five", "quadrilateral", "quartet", "joint", "jointly", "summit", "brought"))
#: "on the sidelines of the summit": meetings held apart from a summit are its side meetings, each its own.
SIDELINES = re.compile(r"\b(?:sidelines|margins|margin|side) of (?:the |a |this )?(?:[\w-]+ ){0,3}$", re.I)


def _says_joint(text: str) -> bool:
    """True when `text` says its people met together ("a trilateral meeting"), not beside a summit."""
    return any(not SIDELINES.search(text, max(0, m.start() - 40), m.start()) for m in JOINT.finditer(text))


#: "met here on Monday with a delegation of foreign ministers": whom, the article says next.
DELEGATION_MET = re.compile(
    r"\b(?:met|meets|received|receives|hosted|hosts|welcomed)\b[^.;]{0,60}?\bdelegation\b"
    r"|\bdelegation\b[^.;]{0,80}?\b(?:met|meets|was received|held talks)\b",  # "A delegation of ministers met with Wang Yi"
    re.I,
)
#: "The delegation includes ...", "The delegation, led by ..., comprised ...".
DELEGATION_LIST = re.compile(
    r"^(?:The|This|That|Its|The visiting) delegation\b[^.;]{0,60}?\b(?:includes?|included|including|comprises?|comprised|consists? of"
    r"|consisted of|(?:is|was) made up of|(?:is|was) composed of|(?:is|was) led by|members? (?:are|were))\b"
    r"|^(?:The|This|That|Its) delegation\s*[—–(:]"  # "The delegation — A, B and C — was mandated ..."
)
DELEGATION_LIST_REACH = 2
BACK_REFERENCE_AT_START = 20
COMMA = re.compile(",")


@dataclass
class MeetingCandidate:
    """A meeting as found in the sentences of one article, before it becomes a ReportedMeeting."""

    participants: tuple[str, ...]
    sentence: str
    block: int
    date: FoundDate | None = None
    place: PlaceMention | None = None
    sentences: list[str] = field(default_factory=list)
    #: The sentence the date was read from (the meeting's own, or one around it).
    date_sentence: str = ""
    #: For "A and B (one country) met C": C, in case the article later shows C met them one by one.
    hub: str | None = None


def find_meetings(
    sentences: Sequence[tuple[int, str]],
    mentions: Sequence[list[Mention]],
    places: PlaceFinder,
    country_of: Callable[[str], str],
    anchor,
) -> list[MeetingCandidate]:
    """Meetings reported in `sentences` ((block index, sentence) pairs, with their `mentions`), merged by participants."""
    by_people: dict[frozenset, MeetingCandidate] = {}
    texts = [s for _, s in sentences]
    all_mentions = mentions  # the loop names each sentence's own `mentions`
    for index, ((block, sentence), mentions) in enumerate(zip(sentences, mentions)):
        if MEETING_WORDS.isdisjoint(folded_words(sentence)[1]):
            continue  # no meeting word: participants_of_sentence would find no one
        around = texts[index : index + 3]
        joint = any(not JOINT_WORDS.isdisjoint(folded_words(text)[1]) for text in around) and _says_joint(" ".join(around))
        protagonist = _protagonist(index, sentences, all_mentions, by_people, country_of)
        groups, anaphoric = participants_of_sentence(sentence, mentions, country_of, joint, protagonist, anchor)
        if not groups and "delegation" in folded_words(sentence)[1]:
            groups, joint = _delegation_listed_after(index, sentences, all_mentions), True
        if not groups:
            if anaphoric and by_people:
                _date_meeting_told(next(reversed(by_people.values())), sentence, anchor)
            continue
        hub = _hub_of_delegation(groups, sentence, mentions, country_of) if not joint else None
        found_date = date_in_sentence(_without_relative_clauses(_unquoted(sentence)), anchor)
        found_place = places.meeting_place(without_other_times(_without_had_met(sentence))) or _place_travelled_to(index, sentences, places)
        for group in groups:
            key = frozenset(group)
            current = by_people.get(key)
            if anaphoric and by_people:
                # "During their meeting, ...": more about a meeting already reported, never a new one.
                current = current or next((c for k, c in by_people.items() if key <= k), None)
                if current is None:
                    continue
            if current is None:
                by_people[key] = MeetingCandidate(group, sentence, block, found_date, found_place, date_sentence=sentence if found_date else "", hub=hub)
                continue
            if current.date is None or (found_date and found_date.explicit and not current.date.explicit):
                if found_date:
                    current.date, current.date_sentence = found_date, sentence
                    # The sentence that says when the meeting was also says best where it was.
                    current.place = found_place or current.place
            current.place = current.place or found_place
    candidates = _split_delegations(list(by_people.values()))
    _date_from_context(candidates, sentences, anchor)
    return candidates


def _protagonist(index: int, sentences, mentions, by_people: dict, country_of: Callable[[str], str]) -> str | None:
    """Whom "he" stands for: the one participant so far the sentence before, in the same paragraph, names ("The
    Jordanian monarch has been on a tour of Western capitals. He met Biden ..."), else the host of the last meeting."""
    if not by_people:
        return None
    participants = {p for group in by_people for p in group}
    if index and sentences[index - 1][0] == sentences[index][0]:
        named = {m.person for m in mentions[index - 1] if not m.attributive} & participants
        if not named and (countries := countries_named(sentences[index - 1][1])):
            named = {p for p in participants if country_of(p) in countries}
        if len(named) == 1:
            return next(iter(named))
    return next(reversed(by_people.values())).participants[0]


#: "Blinken then headed to the Prime Minister's Office in Jerusalem.": someone going somewhere.
TRAVELLED = re.compile(
    r"\b(?:head(?:s|ed)?|travel(?:s|led|ed)|flew|fl(?:y|ies)|drove|went|arrived|arrives|landed|lands|returned|proceeded)\b(?:\s+[\w-]+){0,2}?\s+(?:to|in|at)\b",
    re.I,
)


def _place_travelled_to(index: int, sentences, places: PlaceFinder) -> PlaceMention | None:
    """The place the sentence before, in the same paragraph, says someone travelled to: where the meeting told next was."""
    if index == 0 or sentences[index - 1][0] != sentences[index][0]:
        return None
    before = sentences[index - 1][1]
    return places.meeting_place(before) if TRAVELLED.search(before) else None


def _date_meeting_told(meeting: MeetingCandidate, sentence: str, anchor) -> None:
    """"The closed-door meeting on Saturday lasted two hours": the day of the meeting just told, if it had none."""
    if meeting.date is None and (found := date_in_sentence(_without_relative_clauses(_unquoted(sentence)), anchor)):
        meeting.date, meeting.date_sentence = found, sentence


def _delegation_listed_after(index: int, sentences, mentions) -> list[tuple[str, ...]]:
    """"Wang Yi met a delegation of foreign ministers. The delegation includes A, B and C": one meeting of them all."""
    sentence = sentences[index][1]
    hosts = list(dict.fromkeys(m.person for m in mentions[index] if not m.attributive))
    met = DELEGATION_MET.search(sentence)
    if len(hosts) != 1 or met is None or not _is_live_trigger(sentence, met, _excluded_spans(sentence)):
        return []
    for later in range(index + 1, min(index + 1 + DELEGATION_LIST_REACH, len(sentences))):
        if DELEGATION_LIST.match(sentences[later][1]):
            members = [p for p in dict.fromkeys(m.person for m in mentions[later]) if p != hosts[0]]
            return [(hosts[0], *members)] if members else []
    return []


def _hub_of_delegation(groups, sentence, mentions, country_of) -> str | None:
    """The one person a same-country delegation met, where the sentence reads that way."""
    if len(groups) != 1 or len(groups[0]) < 3:
        return None
    sides: dict[str, list[str]] = {}
    for person in groups[0]:
        sides.setdefault(country_of(person), []).append(person)
    singles = [side[0] for side in sides.values() if len(side) == 1]
    return singles[0] if len(sides) == 2 and len(singles) == 1 else None


def _split_delegations(candidates: list[MeetingCandidate]) -> list[MeetingCandidate]:
    """A delegation meeting whose hub the article also shows meeting one member alone was, in truth, meetings one by one.

    "Defense Minister Gallant and Opposition Leader Lapid met with Blinken ... Shortly
    after, Lapid also met with Blinken": two meetings, Gallant-Blinken and Lapid-Blinken.
    """
    by_people = {frozenset(c.participants): c for c in candidates}
    result = []
    for candidate in candidates:
        group = frozenset(candidate.participants)
        alone = candidate.hub and any(len(other) == 2 and candidate.hub in other and other < group for other in by_people)
        if not alone:
            result.append(candidate)
            continue
        for member in candidate.participants:
            if member == candidate.hub:
                continue
            pair = frozenset((candidate.hub, member))
            if pair not in by_people:
                split = MeetingCandidate((member, candidate.hub), candidate.sentence, candidate.block, candidate.date, candidate.place, date_sentence=candidate.date_sentence)
                by_people[pair] = split
                result.append(split)
            else:
                existing = by_people[pair]
                existing.date = existing.date or candidate.date
                existing.date_sentence = existing.date_sentence or candidate.date_sentence
                existing.place = existing.place or candidate.place
                if existing not in result:
                    # keep the article's order: the pair takes the delegation meeting's place
                    result.append(existing)
    seen: set[int] = set()
    return [c for c in result if not (id(c) in seen or seen.add(id(c)))]


#: "Later in the day, X met Y": the meeting is on the day of the one reported before it.
SAME_DAY_AS_BEFORE = re.compile(
    r"\b(later|then|afterwards|after that|separately|earlier in the day|the same day)\b|^Earlier\b"
    # "Before his audience with the crown prince, Araghchi held talks with ...": timed by the meeting just told.
    r"|^(?:Before|After|Following|Ahead of)\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:audience|meeting|talks|visit|sit-down|summit)\b",
    re.I,
)
ALSO = re.compile(r"\balso\b", re.I)
LEDE_SENTENCES = 3
#: "Pezeshkian has met Qatar's emir": news in the present perfect happened on the day it was published.
PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:also|now|just)\s+)?(?:met|hosted|received|welcomed|held)\b", re.I)


#: Time words that put a meeting before the story's days: "in November", "last month", "in 2022".
ELSEWHEN = re.compile(
    r"\b(?:last (?:week|month|year)|(?:in|since) (?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b(?!\s+\d)|in (?:19|20)\d\d\b|(?:weeks|months|years) ago|earlier this (?:month|year))",
    re.I,
)


ELSEWHEN_REACH = 50
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|where)\b")
#: A clause about someone or something named, up to the next comma: its day is not the meeting's.
RELATIVE_CLAUSE_SPAN = re.compile(r",\s*(?:who|whose)\b[^,]*")
#: ", where he had met Safadi on Saturday,": a meeting before the one told, in a clause of its own; its people, day and
#: place are not the sentence's meeting's.
HAD_MET_CLAUSE = re.compile(
    r",\s*(?:where|when|who|after which)\b[^,;]*?\bhad\s+(?:(?:already|previously|earlier|also|just|first)\s+)?"
    r"(?:met|held|hosted|received|visited)\b[^,;]*",
    re.I,
)


def _elsewhen(sentence: str, trigger: re.Match, anchor) -> bool:
    """True when the meeting is dated to another time than the story's, with no day given.

    "Burns and Barnea met the Qatari prime minister in Doha in November": the
    time words must follow the meeting word closely, before any "who"/"which"
    clause that speaks of something else.
    """
    after = sentence[trigger.start() : trigger.end() + ELSEWHEN_REACH]
    after = RELATIVE_CLAUSE.split(after)[0]
    match = ELSEWHEN.search(after)
    if match is None or date_in_sentence(_unquoted(sentence), anchor):
        return False
    month = match.group("month")
    return not (month and anchor and month.lower() == f"{anchor:%B}".lower())


def _nearest_dated(candidate: MeetingCandidate, candidates: list[MeetingCandidate]):
    """The day of the closest meeting in the same article: reports keep to one day unless they say otherwise."""
    dated = [c for c in candidates if c.date is not None and c is not candidate]
    if not dated:
        return None
    nearest = min(dated, key=lambda c: abs(c.block - candidate.block))
    return nearest.date_sentence, nearest.date


def lede_date(sentences: Sequence[tuple[int, str]], anchor) -> tuple[str, FoundDate] | None:
    """The day the opening sentences give (the day of the story's main event), with the sentence giving it."""
    lede = [s for _, s in sentences[:LEDE_REACH] if _is_prose(s)][:LEDE_SENTENCES]
    return next(((s, d) for s in lede if (d := date_in_sentence(_unquoted(s), anchor))), None)


#: How far into an article its lede is looked for, past bylines, share buttons and credits left in the text.
LEDE_REACH = 8
PROSE_MIN_WORDS = 6
SENTENCE_END = re.compile(r"[.!?][”\"’')\]*]*$")


def _is_prose(sentence: str) -> bool:
    """A sentence of the story, not a byline, a row of share buttons or a photo credit left in the text."""
    return len(sentence.split()) >= PROSE_MIN_WORDS and SENTENCE_END.search(sentence) is not None


def _date_from_context(candidates: list[MeetingCandidate], sentences: Sequence[tuple[int, str]], anchor) -> None:
    """A meeting whose own sentences give no day takes it from the meeting before, the sentences before it in its
    paragraph ("Macron began his tour in Israel on Tuesday. In Jerusalem, he met Netanyahu"), the lede, or the rest
    of its paragraph."""
    lede = lede_date(sentences, anchor)
    previous: MeetingCandidate | None = None
    for candidate in candidates:
        if candidate.date is None:
            paragraph = [s for b, s in sentences if b == candidate.block]
            at = paragraph.index(candidate.sentence) if candidate.sentence in paragraph else len(paragraph)
            before, after = paragraph[:at][::-1], paragraph[at + 1 :]
            around = None
            if previous and previous.date and _same_day_as_before(candidate.sentence):
                around = (previous.date_sentence, previous.date)
                candidate.place = candidate.place or previous.place  # the same day, and where it gives no other place, there
            around = around or _first_dated(before, anchor) or lede or _first_dated(after, anchor)
            around = around or _nearest_dated(candidate, candidates)
            if around is None and anchor and PRESENT_PERFECT.search(candidate.sentence):
                around = (candidate.sentence, FoundDate(anchor, 0, 0, False))
            if around:
                candidate.date_sentence, candidate.date = around
        previous = candidate


def _same_day_as_before(sentence: str) -> bool:
    """"Later, X met Y", "He also met Y": a meeting told as one more of the day just told.

    "also" counts only before the meeting word: "he met Netanyahu and proposed that the coalition should also
    fight Hamas" says nothing of the day."""
    if SAME_DAY_AS_BEFORE.search(sentence):
        return True
    trigger = TRIGGER.search(_without_had_met(sentence))
    return ALSO.search(sentence, 0, trigger.start() if trigger else len(sentence)) is not None


#: "..., a day after talks in Riyadh with ...", "following talks in Doha": after the meeting word, a clause of another time.
OTHER_TIME_AFTER = re.compile(r"\b(?:after|before|since|following)\b")
OTHER_TIME_AFTER_WORDS = frozenset(("after", "before", "since", "following"))


def without_other_times(sentence: str) -> str:
    """The sentence with its clauses of another time after the meeting word blanked: "Blinken met Sisi on Tuesday, a day
    after talks in Riyadh" names Riyadh as where the talks before were, not this meeting. Before the meeting word
    such a clause tells where the subject was ("After arriving in Riyadh, Blinken met ..."), and is kept."""
    words = folded_words(sentence)[1]
    if OTHER_TIME_AFTER_WORDS.isdisjoint(words) or MEETING_WORDS.isdisjoint(words):
        return sentence  # most sentences: no meeting word, or no clause of another time
    trigger = TRIGGER.search(sentence)
    if trigger is None:
        return sentence
    for clause in OTHER_TIME_AFTER.finditer(sentence, trigger.end()):
        end = _clause_end(sentence, clause.end())
        sentence = sentence[: clause.start()] + " " * (end - clause.start()) + sentence[end:]
    return sentence


def _first_dated(sentences: list[str], anchor) -> tuple[str, FoundDate] | None:
    return next(((s, d) for s in sentences if (d := date_in_sentence(_unquoted(s), anchor))), None)


def participants_of_sentence(
    sentence: str,
    mentions: list[Mention],
    country_of: Callable[[str], str],
    joint: bool = False,
    protagonist: str | None = None,
    anchor=None,
) -> tuple[list[tuple[str, ...]], bool]:
    """The groups of people a sentence says met (empty if it reports no meeting).

    Who stands before the meeting word met each of those after it: "Gallant
    and Lapid met with Blinken" is two meetings, "Blinken held talks with King
    Abdullah and Abbas" too. People all on one side ("Biden and Netanyahu met",
    "the meeting brought together A, B and C") met together, unless the word
    is plural ("the meetings between Gantz and Blinken and Austin"); everyone
    met together when the text says it was one meeting (`joint`: "trilateral").
    Also says whether the sentence only refers back to a meeting ("during their meeting").
    "He then held talks with X": `he` is the `protagonist`, the host of the meetings before.
    """
    excluded = _excluded_spans(sentence)
    trigger = next((t for t in TRIGGER.finditer(sentence) if _is_live_trigger(sentence, t, excluded)), None)
    if trigger is None and (own_talks := AFTER_OWN_TALKS.search(sentence)):
        # "Cameron said ..., after holding talks with Netanyahu": with no other meeting in the
        # sentence, the talks it speaks of are the subject's own, the ones reported: the speaker held them.
        excluded = _excluded_spans(sentence, back_references=False, attributions=False)
        trigger = own_talks
    if trigger is None or _elsewhen(sentence, trigger, anchor):
        return [], False
    anaphoric = bool(REFERS_BACK.search(sentence[max(0, trigger.start() - 25) : trigger.end()]))
    # "..., days after Sinwar rejected the proposal": a clause after the meeting word about another time names no one in the room.
    excluded = excluded + [range(m.start(), _clause_end(sentence, m.end())) for m in SIDE_CLAUSE.finditer(sentence, trigger.end())]
    if not SPEECH_WORDS.isdisjoint(folded_words(sentence)[1]) and (speech := SPEECH_AFTER.search(sentence, trigger.end())):
        excluded.append(range(speech.start(), len(sentence)))
    taking_part = [
        m for m in mentions
        if not m.attributive and not any(m.start in span for span in excluded) and not _owner_only(sentence, m) and not _not_in_the_room(sentence, m)
    ]
    people = tuple(dict.fromkeys(m.person for m in taking_part))
    head = sentence[: trigger.start()]
    by_protagonist = bool(protagonist and (SUBJECT_PRONOUN.search(head) or _calls_by_given_name(head, protagonist)))
    guest = None
    if protagonist and not by_protagonist and protagonist not in people and OBJECT_PRONOUN.match(sentence, trigger.end()):
        guest = protagonist  # "..., where Mitsotakis hosted him": the one the article follows is the guest
        people = (*people, guest)
    if len(people) < (1 if by_protagonist else 2):
        return [], anaphoric
    before = tuple(dict.fromkeys(m.person for m in taking_part if m.start < trigger.start()))
    after = tuple(p for p in dict.fromkeys(m.person for m in taking_part if m.start >= trigger.start()) if p not in before)
    if guest:
        after = (*after, guest)
    if not before and by_protagonist and protagonist not in after:
        before = (protagonist,)
        people = (protagonist, *people)
    if len(people) < 2:
        return [], anaphoric
    if joint:
        return [people], anaphoric
    if not before and SEPARATELY.search(sentence, trigger.end()):
        return [], anaphoric  # "Prime minister receives Cameron and Baerbock separately": they did not meet each other
    if not before or not after:
        return (split_bilateral(people, country_of) if trigger.group().lower() == "meetings" else [people]), anaphoric
    # "talks with Fidan, and was then received by Erdogan": a second meeting word, a second meeting.
    later_triggers = [t.start() for t in TRIGGER.finditer(sentence, trigger.end()) if _is_live_trigger(sentence, t, excluded)]
    clauses = _own_clauses(sentence, trigger, later_triggers, taking_part)
    if clauses:
        # "Bennett met the king in Amman, and Foreign Minister Lapid held talks with Safadi": two meetings, each its own.
        groups = [g for text, found in clauses for g in participants_of_sentence(text, found, country_of, False, protagonist, anchor)[0]]
        return groups, anaphoric
    again = bool(AND_WITH.search(sentence, trigger.end()))
    for hub, spokes in ((before, after), (after, before)):
        if len(hub) == 1 and len(spokes) > 1 and len({country_of(p) for p in spokes}) == 1 and not later_triggers and not again:
            return [people], anaphoric  # a delegation of one country: one meeting, unless the article says otherwise
    if len(before) > 1 and len(after) > 1 and not later_triggers and not again and _one_country_each(before, after, country_of):
        return [people], anaphoric  # "Rubio, Waltz and Witkoff spent hours with Lavrov and Ushakov": two delegations, one meeting
    return [(host, guest) for host in before for guest in after], anaphoric


def _one_country_each(before: tuple[str, ...], after: tuple[str, ...], country_of: Callable[[str], str]) -> bool:
    """True when each side is of one known country, and the two differ: two delegations across a table."""
    sides = [{country_of(p) for p in side} for side in (before, after)]
    return all(len(side) == 1 and "unknown" not in side for side in sides) and sides[0] != sides[1]


def _own_clauses(sentence: str, trigger: re.Match, later_triggers: list[int], taking_part: list[Mention]):
    """The sentence cut in two where a second meeting word has a subject of its own after ", and": each half with its people."""
    for later in later_triggers:
        breaks = list(CLAUSE_BREAK.finditer(sentence, trigger.end(), later))
        if breaks and any(breaks[-1].end() <= m.start < later for m in taking_part):
            cut, resume = breaks[-1].start(), breaks[-1].end()
            first = [m for m in taking_part if m.end <= cut]
            second = [dataclasses.replace(m, start=m.start - resume, end=m.end - resume) for m in taking_part if m.start >= resume]
            return [(sentence[:cut], first), (sentence[resume:], second)]
    return None


def _calls_by_given_name(head: str, protagonist: str) -> bool:
    """True when the words before the meeting word name `protagonist` by a word of their name other than the last.

    "His Highness Sayyid Badr also received Steven Witkoff", after "Badr bin Hamad Albusaidi received ...".
    """
    given = set(protagonist.split()[:-1]) - NOT_GIVEN_NAMES
    return bool(given) and not given.isdisjoint(CAPITALISED.findall(head))


def _clause_end(sentence: str, start: int) -> int:
    comma = sentence.find(",", start)
    return comma if comma != -1 else len(sentence)


def _owner_only(sentence: str, mention: Mention) -> bool:
    """"Trump's envoy Witkoff met ...", "to discuss Biden's proposal": a person named as the owner of something, not in the room.

    "Netanyahu's meeting with Biden" keeps him: the thing he owns is the meeting.
    """
    if sentence[mention.end - 2 : mention.end] not in ("'s", "’s"):
        return False
    owned = OWNED.match(sentence, mention.end)
    return owned is None or MEETING_NOUNS.isdisjoint(owned.group().lower().split())


def split_bilateral(people: tuple[str, ...], country_of: Callable[[str], str]) -> list[tuple[str, ...]]:
    """One person meeting several of another country is several bilateral meetings."""
    sides: dict[str, list[str]] = {}
    for person in people:
        sides.setdefault(country_of(person), []).append(person)
    if len(sides) == 2:
        first, second = sides.values()
        if len(first) == 1 and len(second) > 1:
            return [(first[0], other) for other in second]
        if len(second) == 1 and len(first) > 1:
            return [(other, second[0]) for other in first]
    return [people]


def _is_live_trigger(sentence: str, trigger: re.Match, excluded: list[range]) -> bool:
    if any(trigger.start() in span for span in excluded) or ROUNDS.search(trigger.group()):
        return False
    if PLANNED_AFTER.match(sentence[trigger.start() :]) or CALL_AFTER.match(sentence, trigger.end()):
        return False
    if DENIED_AFTER.match(sentence, trigger.end()) or (trigger.group().lower() in HOST_WORDS and HOSTED_EVENT.match(sentence, trigger.end())):
        return False
    return not NOT_HAPPENED.search(sentence[max(0, trigger.start() - 60) : trigger.start()])


def _excluded_spans(sentence: str, back_references: bool = True, attributions: bool = True) -> list[range]:
    """Stretches whose names did not take part: quotes, back-references, attributions."""
    spans = [range(m.start(), m.end()) for m in QUOTED.finditer(sentence)]
    for match in BACK_REFERENCE.finditer(sentence) if back_references else ():
        end = len(sentence)
        if match.start() < BACK_REFERENCE_AT_START:
            # "After meeting X, Y met Z": the back-reference ends where the main clause begins.
            for comma in COMMA.finditer(sentence[match.end() :]):
                after = match.end() + comma.end()
                if not LIST_CONTINUES.match(sentence[after:]):
                    end = after
                    break
        spans.append(range(match.start(), end))
    for match in ATTENDEES.finditer(sentence):
        spans.append(range(match.start(), _aside_end(sentence, match.end())))
    if " had " in sentence:
        spans.extend(range(m.start(), m.end()) for m in HAD_MET_CLAUSE.finditer(sentence))
    if not PRESENT_WORDS.isdisjoint(folded_words(sentence)[1]):
        spans.extend(range(m.start(), m.end()) for m in PRESENT.finditer(sentence))
    if not REMOTE_WORDS.isdisjoint(folded_words(sentence)[1]):
        for match in REMOTE.finditer(sentence):
            opening = CLAUSE_START.match(sentence, 0, match.start())
            spans.append(range(opening.end() if opening else 0, match.end()))
    if not SENDER_WORDS.isdisjoint(folded_words(sentence)[1]):
        for match in SENDER.finditer(sentence):
            end = sentence.find(",", match.end())
            spans.append(range(match.start(), end if end != -1 else len(sentence)))
    attribution = ATTRIBUTION.search(sentence) if attributions else None
    if attribution:
        spans.append(range(attribution.start(), len(sentence)))
    return spans


def _aside_end(sentence: str, start: int) -> int:
    """Where a phrase of people who came along ends: before the clause that holds the meeting word, or at the end.

    "Blinken, accompanied by Ambassador Jack Lew, met Netanyahu": the aside ends at the comma before "met";
    "... met Netanyahu, joined by A, B and C." runs to the end.
    """
    for comma in COMMA.finditer(sentence, start):
        if TRIGGER.search(sentence, comma.end(), _clause_end(sentence, comma.end())):
            return comma.start()
    return len(sentence)


def _not_in_the_room(sentence: str, mention: Mention) -> bool:
    """A person named only as the doer of another act ("the plan announced by Biden") or as someone's relation ("an ally of Trump")."""
    before = sentence[max(0, mention.start - 60) : mention.start]
    if " by " in before and (agent := AGENT_BEFORE.search(before)) and agent.group(1).lower() not in MEETING_AGENTS:
        return True
    return " of " in before and RELATED_TO.search(before) is not None


def _unquoted(sentence: str) -> str:
    return QUOTED.sub(" ", sentence)


def _without_had_met(sentence: str) -> str:
    """The sentence with its clauses of a meeting before blanked (", where he had met Safadi in Amman,")."""
    return HAD_MET_CLAUSE.sub(lambda m: " " * len(m.group()), sentence) if " had " in sentence else sentence


def _without_relative_clauses(sentence: str) -> str:
    """The sentence less its ", who ..." clauses: "al-Shaibani, who was named minister on Saturday" dates the naming;
    ", where he had met Safadi on Saturday" dates the meeting before."""
    sentence = _without_had_met(sentence)
    return RELATIVE_CLAUSE_SPAN.sub(" ", sentence) if ", who" in sentence else sentence
