"""A deterministic corpus of seed-like articles for benchmarks.

    python bench/generate.py OUT_DIR --articles 10000 [--format text|markdown] [--seed 1]

Each article reports one or two meetings of 2-4 people from the seeds' people
data, in one place, about 2-5 topics, in about 900 words of news prose with
the debris copied pages carry. `text` writes raw copied pages (extraction does
all the work); `markdown` writes Markdown with complete front matter.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path

import yaml

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DATA_FILES = ("people.yaml", "topics.yaml", "places.yaml", "outlets.yaml")
FIRST_DAY = dt.date(2021, 1, 26)
DAYS = 1400
WORDS_PER_ARTICLE = 900
FILLER = (
    "Officials on both sides described the talks as frank and constructive, and said working groups would meet again "
    "in the coming weeks to follow up on the understandings reached. Analysts noted that the visit came at a sensitive "
    "moment for the region, with diplomats pressing for progress on several fronts at once. "
)


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
    rng = random.Random(seed)
    for number in range(count):
        article = _article(rng, number, people, topics, places, kind)
        suffix = "md" if kind == "markdown" else "txt"
        (content / f"{number:06d}.{suffix}").write_text(article, encoding="utf-8")
    return out


def _article(rng, number, people, topics, places, kind) -> str:
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    place = rng.choice(places)
    by_country: dict[str, list[dict]] = {}
    for person in people:
        by_country.setdefault(person["country"], []).append(person)
    host_country, guest_country = rng.sample(sorted(c for c in by_country if c != "unknown"), 2)
    host = rng.choice(by_country[host_country])
    guests = rng.sample(by_country[guest_country], min(len(by_country[guest_country]), rng.choice((1, 1, 2))))
    chosen_topics = rng.sample(topics, rng.randint(2, 5))
    weekday = f"{day:%A}"
    guest_names = " and ".join(g["name"] for g in guests)
    lede = f"{host['name']} met with {guest_names} in {place['name']} on {weekday}, officials said."
    paragraphs = [lede]
    for topic in chosen_topics:
        signal = rng.choice(topic["signals"]).rstrip("*")
        paragraphs.append(
            f"During the meeting, {host['name'].split()[-1]} and {guests[0]['name'].split()[-1]} discussed {signal}, "
            f"according to a readout issued after the talks. \"We spoke at length about {signal},\" "
            f"{host['name'].split()[-1]} said."
        )
    while sum(len(p.split()) for p in paragraphs) < WORDS_PER_ARTICLE:
        paragraphs.append(FILLER * rng.randint(1, 2))
    title = f"{host['name'].split()[-1]} hosts {guests[0]['name'].split()[-1]} for talks on {chosen_topics[0]['label']} ({number})"
    if kind == "markdown":
        meta = {
            "title": title,
            "date": day.isoformat(),
            "meetings": [{"date": day.isoformat(), "place": place["name"], "participants": [host["name"], *(g["name"] for g in guests)], "topics": [t["id"] for t in chosen_topics]}],
        }
        return "---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n\n" + "\n\n".join(paragraphs) + "\n"
    debris = ["Send in e-mailSend in e-mail", f"{host['name']} and {guests[0]['name']} in {place['name']}Credit: Reuters"]
    tail = ["Click the alert icon to follow topics:", "Automatic approval of subscriber comments.", "Ten things to know this week"]
    return "\n\n".join([title, f"Published: {day:%B %d, %Y} 10:11", *debris, *paragraphs, *tail]) + "\n"


if __name__ == "__main__":
    main()
