"""A deterministic corpus of seed-like articles for benchmarks.

    python bench/generate.py OUT_DIR --articles 10000 [--format text|markdown] [--seed 1]

Each article reports one meeting of 2-4 people from the seeds' people data, in
one place, about 2-5 topics, in about 900 words of news prose with the debris
copied pages carry. Every paragraph is different (sentences put together from
varied fragments, names, places, numbers and the topics' signal phrases), so
the cleaning stage keeps all of them and extraction reads the whole text, as it
does a real article. `text` writes raw copied pages (extraction does all the
work); `markdown` writes Markdown with complete front matter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import re
import shutil
import string
from dataclasses import dataclass
from pathlib import Path

import yaml

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DATA_FILES = ("people.yaml", "topics.yaml", "places.yaml", "outlets.yaml")
FIRST_DAY = dt.date(2021, 1, 26)
DAYS = 1400
WORDS_PER_ARTICLE = 900

# -- the fragments prose is put together from --------------------------------
# None of them holds a meeting word (met, hosted, received, talks with ...), and a sentence that
# happens to name another topic ("since October 7") is drawn again: the meeting an article reports
# is the one its lede reports, about the topics it chose. No city stands before a comma and a
# titled name ("In Rome, Ambassador X said"), which extraction would read as "Rome, ambassador".

LEDES = (
    "{host} met with {guests} in {place} on {when}, officials said.",
    "{host_role} {host} held talks with {guests} in {place} on {when}.",
    "{host} hosted {guests} in {place} on {when} for discussions on {signal} and {signal2}.",
    "{guests} met with {host} in {place} on {when}, according to a statement from {host_last}'s office.",
    "{host_role} {host} met {guests} in {place} on {when}, the first such visit in {number} months.",
)
DATELINE = "{city}, {month} {day_number} ({agency}) - "
AGENCIES = ("Reuters", "AFP", "AP")
TOPIC_SENTENCES = (
    "During the meeting, {host_last} and {guest_last} discussed {signal}, according to a readout issued after the talks.",
    "The two sides also addressed {signal}, a readout from {host_last}'s office said.",
    "{guest_last} raised {signal}, officials said, and {host_last} promised a detailed answer within {number} weeks.",
    "A large part of the session was devoted to {signal}, according to {two} people briefed on it.",
    "{host_last} and {guest_last} spent {minutes} minutes on {signal} alone, a diplomat in {city} said.",
)
TOPIC_QUOTES = (
    "\"We spoke at length about {signal},\" {speaker} said.",
    "“On {signal}, we are closer than we were in {month},” {speaker} told reporters.",
    "“Nobody in this room underestimates {signal},” {speaker} said, adding that {number} proposals were on the table.",
    "{speaker} called {signal} “a question we cannot leave for later” and said work would continue by {weekday}.",
)
OPENERS = (
    "", "", "", "On {weekday}, ", "Earlier in the week, ", "Speaking to reporters afterwards, ", "In remarks carried by state television, ",
    "According to {two} officials briefed on the discussions, ", "At a news conference, ", "In a statement late on {weekday}, ",
    "Asked about the timetable, ", "Before leaving, ",
)
SPEAKERS = (
    "{host_last}", "{guest_last}", "{host}", "{guest}", "a senior official who asked not to be named", "a spokesperson for {host_last}",
    "{bystander}", "{official}", "one of the diplomats present", "an aide to {guest_last}",
)
SAYING = (
    "said", "told reporters", "stressed", "noted", "argued", "warned", "added", "insisted", "acknowledged", "told a news conference",
    "wrote in a statement", "said in an interview",
)
CLAIMS = (
    "{signal} would stay at the top of the agenda for months to come",
    "any progress on {signal} depended on steps both governments had yet to take",
    "{number} officials from {two} ministries were now working on {signal}",
    "the two governments had agreed to set up a joint committee on {signal} by {month}",
    "the discussions in {place} had gone further than anyone expected a year ago",
    "a follow-up round of consultations could take place in {city} before the end of {month}",
    "there was no substitute for patient diplomacy on {signal}",
    "{percent} percent of the commitments made in {year} had been carried out",
    "a draft text of {pages} pages was circulating among the delegations",
    "the next steps would be decided by experts rather than ministers",
    "the public mood had shifted sharply since {month} {day_number}",
    "{amount} million dollars had been set aside for the first phase",
    "{guest_last} had come with a list of {number} concrete requests",
    "nothing had been signed and nothing would be until every detail was settled",
)
BACKGROUND = (
    "The visit was the {ordinal} by a senior foreign official to {place} since {month}.",
    "Officials spent {number} weeks preparing the agenda, which ran to {pages} pages.",
    "Security was tight around the venue, where some {hundreds} police officers were deployed.",
    "Protesters gathered outside, some of them carrying banners about {signal}.",
    "{host_last} arrived late on {weekday} after a {hours}-hour flight from {city}.",
    "Diplomats said a joint statement was still being drafted late into the night.",
    "The discussions on {signal} lasted nearly {hours} hours, far longer than planned.",
    "Since {month} {day_number}, at least {number} rounds of consultations have taken place, {two} of them in {city}.",
    "A poll published on {weekday} found that {percent} percent of respondents favoured a deal on {signal}.",
    "The two governments signed {two} memorandums of understanding, on subjects from tourism to health care.",
    "{bystander}, who was not part of the delegation, followed the discussions from {city}.",
    "Analysts at a research institute in {city} said the visit was the most substantive in {number} years.",
    "{official} described the mood in the room as businesslike and, at times, tense.",
    "Neither side gave details of what was said about {signal} behind closed doors.",
    "Local newspapers led with the visit on {weekday}, most of them with a photograph of {host_last} and {guest_last}.",
    "The delegations included {number} ministers and more than {hundreds} advisers, interpreters and security staff.",
)
QUOTES = (
    "“We have made real progress on {signal}, and we intend to keep going,” {speaker} said.",
    "“This is not the end of the road, it is the beginning of a long one,” {speaker} said.",
    "“Let me be clear: {signal} is not a side issue for us,” {speaker} told reporters in {city}.",
    "“I expect results within {number} weeks, not {number2} months,” {speaker} said.",
)
OFFICES = ("Deputy Foreign Minister", "Special Envoy", "Ambassador", "National Security Adviser", "Deputy Chief of Staff", "spokesperson")
FIRST_NAMES = ("Daniel", "Miriam", "Omar", "Leila", "Tomas", "Yael", "Karim", "Sofia", "Jonas", "Amal", "Peter", "Nadia", "Hugo", "Rania")
LAST_NAMES = ("Halvorsen", "Mansouri", "Okafor", "Brennan", "Castellano", "Weisberg", "Haddadi", "Lindqvist", "Moreau", "Tanaka", "Rahimi", "Kowalczyk")
ORDINALS = ("second", "third", "fourth", "fifth", "sixth")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.articles, args.format, args.seed)


def generate(out: Path, count: int, kind: str, seed: int = 1) -> Path:
    """Write a site folder at `out` with `count` articles and the seeds' data; return it."""
    content = out / "seeds"
    content.mkdir(parents=True, exist_ok=True)
    for name in DATA_FILES:
        shutil.copy(SEEDS / name, content / name)
    people = yaml.safe_load((SEEDS / "people.yaml").read_text(encoding="utf-8"))
    topics = yaml.safe_load((SEEDS / "topics.yaml").read_text(encoding="utf-8"))
    places = yaml.safe_load((SEEDS / "places.yaml").read_text(encoding="utf-8"))
    data = _Data(people, topics, places)
    rng = random.Random(seed)
    for number in range(count):
        article = _article(rng, number, data, kind)
        suffix = "md" if kind == "markdown" else "txt"
        (content / f"{number:06d}.{suffix}").write_text(article, encoding="utf-8")
    return out


class _Data:
    """The seeds' people, topics and places, with what the prose must keep out of its sentences."""

    def __init__(self, people: list[dict], topics: list[dict], places: list[dict]):
        self.people, self.topics, self.places = people, topics, places
        self.any_signal = _signal_words(topics)
        #: Each topic's signals, lowercased for a quick look, and as a pattern to confirm what the look finds.
        self.phrases_of = {t["id"]: [s.rstrip("*").lower() for s in t["signals"]] for t in topics}
        self.pattern_of = {t["id"]: _signal_words([t]) for t in topics}


@dataclass(frozen=True)
class Meeting:
    """What an article reports: who met, when, where, about what."""

    day: dt.date
    place: str
    host: dict
    guests: list[dict]
    topics: list[dict]

    @property
    def participants(self) -> list[str]:
        return [self.host["name"], *(g["name"] for g in self.guests)]


def choose_meeting(rng: random.Random, people: list[dict], topics: list[dict], places: list[dict]) -> Meeting:
    """A host, one to three guests of another country, a day, a place and two to five topics."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    place = rng.choice(places)["name"]
    by_country: dict[str, list[dict]] = {}
    for person in people:
        by_country.setdefault(person["country"], []).append(person)
    host_country, guest_country = rng.sample(sorted(c for c in by_country if c != "unknown"), 2)
    host = rng.choice(by_country[host_country])
    guests = rng.sample(by_country[guest_country], min(len(by_country[guest_country]), rng.choice((1, 1, 2, 3))))
    return Meeting(day, place, host, guests, rng.sample(topics, rng.randint(2, 5)))


def _article(rng: random.Random, number: int, data: _Data, kind: str) -> str:
    """One article: headline, date line and debris around the prose (text), or front matter and the prose (markdown)."""
    meeting = choose_meeting(rng, data.people, data.topics, data.places)
    slots = _Slots(rng, meeting, data)
    paragraphs = [_lede(rng, slots)]
    for topic in meeting.topics:
        paragraphs.append(_topic_paragraph(rng, slots, topic))
    while sum(len(p.split()) for p in paragraphs) < WORDS_PER_ARTICLE:
        paragraphs.append(_prose_paragraph(rng, slots, paragraphs))
    host_last, guest_last = _surname(meeting.host), _surname(meeting.guests[0])
    # The number comes early: a slug is cut at MAX_SLUG_LENGTH, and two articles of a day whose titles
    # differed only past the cut would claim one address (four did at 100,000 articles).
    title = f"{host_last} hosts {guest_last} ({number}) for talks on {meeting.topics[0]['label']}"
    if kind == "markdown":
        meta = {
            "title": title,
            "date": meeting.day.isoformat(),
            "meetings": [{"date": meeting.day.isoformat(), "place": meeting.place, "participants": meeting.participants, "topics": [t["id"] for t in meeting.topics]}],
        }
        return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n\n" + "\n\n".join(paragraphs) + "\n"
    debris = ["Send in e-mailSend in e-mail", f"{meeting.host['name']} and {meeting.guests[0]['name']} in {meeting.place}Credit: Reuters"]
    tail = ["Click the alert icon to follow topics:", "Automatic approval of subscriber comments.", "Ten things to know this week"]
    return "\n\n".join([title, f"Published: {meeting.day:%B %d, %Y} 10:11", *debris, *paragraphs, *tail]) + "\n"


class _Slots:
    """The values one article's fragments are filled with, drawn afresh for every slot a fragment has."""

    def __init__(self, rng: random.Random, meeting: Meeting, data: _Data):
        self.rng = rng
        self.meeting = meeting
        named = set(meeting.participants)
        bystanders = [p["name"] for p in data.people if p["name"] not in named]
        # Other cities the prose may name, but none that is itself a topic's signal ("Beijing", "Moscow").
        cities = [p["name"] for p in data.places if p["name"] != meeting.place and not data.any_signal.search(p["name"])]
        self.host_role = next((r["title"] for r in reversed(meeting.host.get("roles") or []) if not data.any_signal.search(r["title"])), "")
        #: One signal phrase of each of the meeting's topics, for sentences about them in general.
        self.signals = [rng.choice(t["signals"]).rstrip("*") for t in meeting.topics]
        chosen = {t["id"] for t in meeting.topics}
        self.other_topics = [(data.phrases_of[t], data.pattern_of[t]) for t in data.phrases_of if t not in chosen]
        #: The sentences written so far: a sentence is used once an article.
        self.used: set[str] = set()
        guests = meeting.guests
        self._draw = {
            "host": lambda: meeting.host["name"], "host_last": lambda: _surname(meeting.host), "host_role": lambda: self.host_role,
            "guest": lambda: rng.choice(guests)["name"], "guest_last": lambda: _surname(rng.choice(guests)),
            "guests": lambda: _joined([g["name"] for g in guests]), "place": lambda: meeting.place,
            "city": lambda: rng.choice(cities), "bystander": lambda: rng.choice(bystanders),
            "official": lambda: f"{rng.choice(OFFICES)} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
            "signal": lambda: rng.choice(self.signals), "signal2": lambda: self.signals[-1],
            "month": lambda: rng.choice(MONTHS), "weekday": lambda: rng.choice(WEEKDAYS), "day_number": lambda: rng.randint(1, 28),
            "year": lambda: rng.randint(2015, 2020), "number": lambda: rng.randint(3, 12), "number2": lambda: rng.randint(2, 9),
            "two": lambda: rng.choice(("two", "three", "four")), "minutes": lambda: rng.randrange(20, 95, 5),
            "percent": lambda: rng.randint(11, 89), "pages": lambda: rng.randint(8, 140), "amount": lambda: rng.randint(15, 900),
            "hundreds": lambda: rng.randrange(200, 3000, 50), "hours": lambda: rng.randint(2, 7), "ordinal": lambda: rng.choice(ORDINALS),
        }

    def fill(self, template: str, signal: str | None = None, **given: str) -> str:
        """`template` with every slot filled; `signal` and `given` fix some of them."""
        values = {}
        for slot in _slots_of(template):
            if slot in given:
                values[slot] = given[slot]
            elif slot == "signal" and signal:
                values[slot] = signal
            elif slot == "speaker":
                values[slot] = self.fill(self.rng.choice(SPEAKERS), signal)
            else:
                values[slot] = self._draw[slot]()
        return template.format(**values)

    def names_other_topic(self, sentence: str) -> bool:
        """True if a signal phrase in `sentence` belongs to none of the meeting's topics."""
        lower = sentence.lower()
        return any(any(p in lower for p in phrases) and pattern.search(sentence) for phrases, pattern in self.other_topics)


@functools.lru_cache(maxsize=None)
def _slots_of(template: str) -> tuple[str, ...]:
    return tuple(field for _, field, _, _ in string.Formatter().parse(template) if field)


def _lede(rng: random.Random, slots: _Slots) -> str:
    """The opening sentence, which reports the meeting: who, where and the day (a weekday or a date)."""
    meeting = slots.meeting
    when = f"{meeting.day:%A}" if rng.random() < 0.7 else f"{meeting.day:%B} {meeting.day.day}"
    templates = [t for t in LEDES if slots.host_role or "{host_role}" not in t]
    lede = slots.fill(rng.choice(templates), slots.signals[0], when=when)
    if rng.random() < 0.3:
        dateline = DATELINE.format(city=meeting.place.upper(), month=f"{meeting.day:%B}", day_number=meeting.day.day, agency=rng.choice(AGENCIES))
        lede = dateline + lede
    return lede


def _topic_paragraph(rng: random.Random, slots: _Slots, topic: dict) -> str:
    """What the two sides said about one of the meeting's topics."""
    signal = rng.choice(topic["signals"]).rstrip("*")
    sentences = [_capitalised(slots.fill(rng.choice(template), signal)) for template in (TOPIC_SENTENCES, TOPIC_QUOTES)]
    if rng.random() < 0.5:
        sentences.append(_claim(rng, slots, signal))
    return " ".join(sentences)


def _prose_paragraph(rng: random.Random, slots: _Slots, earlier: list[str]) -> str:
    """Three to five sentences the article has not used, in a paragraph no other starts with or is the start of."""
    while True:
        sentences = [_new_sentence(rng, slots) for _ in range(rng.randint(3, 5))]
        paragraph = " ".join(sentences)
        if not any(paragraph.startswith(p) or p.startswith(paragraph) for p in earlier):
            return paragraph


def _new_sentence(rng: random.Random, slots: _Slots) -> str:
    """A claim, a line of background or a quote, not yet in the article and about no other topic."""
    while True:
        kind = rng.random()
        if kind < 0.45:
            sentence = _claim(rng, slots, None)
        else:
            sentence = _capitalised(slots.fill(rng.choice(BACKGROUND if kind < 0.85 else QUOTES)))
        if sentence not in slots.used and not slots.names_other_topic(sentence):
            slots.used.add(sentence)
            return sentence


def _claim(rng: random.Random, slots: _Slots, signal: str | None) -> str:
    """'Blinken told reporters that ...': someone saying one of the CLAIMS."""
    opener = slots.fill(rng.choice(OPENERS))
    speaker = slots.fill(rng.choice(SPEAKERS))
    return _capitalised(f"{opener}{speaker} {rng.choice(SAYING)} that {slots.fill(rng.choice(CLAIMS), signal)}.")


def _capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _signal_words(topics: list[dict]) -> re.Pattern:
    """Any topic's signal phrase as a whole word, to keep it out of names and roles."""
    phrases = sorted((s.rstrip("*") for t in topics for s in t["signals"]), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + ")", re.I)


def _surname(person: dict) -> str:
    """The word the press shortens a name to: "Blinken", "el-Sisi"."""
    return person["name"].split()[-1]


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


if __name__ == "__main__":
    main()
