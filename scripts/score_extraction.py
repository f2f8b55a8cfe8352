"""Score extraction against a truth file, split into tuned and held-out articles.

    python scripts/score_extraction.py tests/corpus/truth.yaml tests/corpus/articles seeds [--misses]
    python scripts/score_extraction.py tests/data/seeds_truth.yaml seeds seeds

Held-out articles (split: heldout) are for scoring only: look at their misses
only after the tuned ones are done, and never tune on them.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sitegen.scoring import score


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("data", type=Path)
    parser.add_argument("--misses", action="store_true", help="list every miss (tuned articles only unless --heldout-misses)")
    parser.add_argument("--heldout-misses", action="store_true")
    parser.add_argument("--no-front-matter", action="store_true", help="ignore declared keys except the publication date")
    args = parser.parse_args()
    tallies = score(args.truth, args.articles, args.data, ignore_front_matter=args.no_front_matter)
    names = sorted(tallies)
    print(f"{'':24}" + "".join(f"{n:>10}" for n in names))
    print(f"{'articles':24}" + "".join(f"{tallies[n].articles:>10}" for n in names))
    print(f"{'truth meetings':24}" + "".join(f"{tallies[n].truth_meetings:>10}" for n in names))
    print(f"{'extra meetings':24}" + "".join(f"{tallies[n].spurious:>10}" for n in names))
    for metric in tallies["all"].ratios():
        print(f"{metric:24}" + "".join(f"{tallies[n].ratios()[metric]:>10.3f}" for n in names))
    for name in names:
        if name == "all" or (name == "heldout" and not args.heldout_misses) or not args.misses:
            continue
        print(f"\n-- misses ({name})")
        for miss in tallies[name].misses:
            print("  ", miss)


if __name__ == "__main__":
    main()
