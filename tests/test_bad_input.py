"""The bad-input corpus: every kind of broken file an editor can drop in, with the message it must get.

Each case starts from a good published site, adds its bad input and runs
`sitegen build` as a user would. The build must fail with the expected message
(file, line and key where there is one), print no traceback and leave the
previous site byte for byte as it was. Inputs that are odd but fine (other
encodings, line ends, file names) must build.
"""

from __future__ import annotations

import codecs
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from conftest import SEEDS, make_site
from sitegen.cli import main
from test_build import GOOD, snapshot

ARTICLE = "Gallant hosts Blinken\nDefense Minister Yoav Gallant hosted US Secretary of State Antony Blinken in Jerusalem on Tuesday.\n"
DATED = "---\ndate: 2023-02-07\n---\n" + ARTICLE

#: Nine levels of nine aliases: 9**9 strings if anything expanded them.
BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join(['lol'] * 9)}]\n"
    for prev, name in zip([None, *"abcdefgh"], "abcdefghi")
)


@dataclass
class Case:
    id: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    #: Lines stderr must hold, each the start of a line; "{seeds}" is the content folder's path.
    expect: list[str] = field(default_factory=list)
    #: Builds that must succeed: a path under site/ that must exist afterwards.
    builds: str | None = None
    setup: Callable[[Path], None] | None = None


def _people_plus(extra: str) -> str:
    return (SEEDS / "people.yaml").read_text(encoding="utf-8") + extra


def _appended_line() -> int:
    """The line of people.yaml on which a record appended by _people_plus starts."""
    return (SEEDS / "people.yaml").read_text(encoding="utf-8").count("\n") + 1


def _symlink_outside(root: Path) -> None:
    (root / "outside.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "seeds/link.txt").symlink_to(root / "outside.txt")


def _symlink_loop(root: Path) -> None:
    (root / "seeds/loop.txt").symlink_to("loop.txt")


def _fifty_megabytes(root: Path) -> None:
    with open(root / "seeds/huge.txt", "wb") as out:  # sparse: nothing is really written
        out.truncate(50_000_000)


def _undecodable_name(root: Path) -> None:
    (root / os.fsdecode(b"seeds/caf\xe9.txt")).write_text(DATED, encoding="utf-8")


CASES = [
    # Front matter.
    Case("front matter not YAML", {"seeds/bad.txt": "---\ntitle: [unclosed\ndate: 2023-02-07\n---\n" + ARTICLE},
         ["bad.txt:3: error: front matter is not valid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts on line 2"]),
    Case("front matter a list", {"seeds/bad.txt": "---\n- title\n- date\n---\n" + ARTICLE},
         ["bad.txt:2: error: front matter must be a mapping, one 'key: value' a line, not a list"]),
    Case("front matter a string", {"seeds/bad.txt": "---\nGallant hosts Blinken\n---\n" + ARTICLE},
         ["bad.txt:2: error: front matter must be a mapping, one 'key: value' a line, not a single text"]),
    Case("key of the wrong type", {"seeds/bad.txt": "---\ndate: 2023-02-07\ntitle: 2023\nparticipants: {a: 1}\n---\n" + ARTICLE},
         ["bad.txt:3: error [title]: 'title' must be non-empty text, not int 2023: put it in quotes",
          "bad.txt:4: error [participants]: 'participants' must be a list of names, not dict"]),
    Case("unknown key", {"seeds/bad.txt": "---\ndate: 2023-02-07\ndat: 2023-02-07\n---\n" + ARTICLE},
         ["bad.txt:3: warning [dat]: unknown front-matter key 'dat' is ignored: did you mean 'date'?"]),
    Case("date that does not exist", {"seeds/bad.txt": "---\ndate: 2023-02-30\n---\n" + ARTICLE},
         ["bad.txt:2: error [date]: 'date' must be a real date written YYYY-MM-DD, not '2023-02-30'"]),
    Case("date in the future", {"seeds/bad.txt": "---\ndate: 2999-01-01\n---\n" + ARTICLE},
         ["bad.txt:2: error [date]: 'date' 2999-01-01 is in the future; check the year"]),
    Case("front matter never closed", {"seeds/bad.txt": "---\ndate: 2023-02-07\n" + ARTICLE},
         ["bad.txt:1: error: the front matter opened here with '---' is never closed: add a line '---' after it"]),
    Case("alias bomb in front matter", {"seeds/bad.txt": "---\n" + BOMB + "---\n" + ARTICLE},
         ["bad.txt:7: error: front matter is an alias bomb: its aliases (&name / *name) expand to more than 100,000 values"]),
    # Bodies.
    Case("empty file", {"seeds/bad.txt": b""}, ["bad.txt:1: error: has no article text: paste the article or delete the file"]),
    Case("front matter and no text", {"seeds/bad.txt": "---\ndate: 2023-02-07\n---\n\n  \n"},
         ["bad.txt:4: error: has no article text: paste the article below the front matter or delete the file"]),
    Case("not UTF-8", {"seeds/bad.txt": "Gallant hosts Blinken\nCaf\xe9 talks".encode("latin-1")},
         ["bad.txt:2: error: is not UTF-8 text (byte 0xe9 at offset 25): save it as UTF-8"]),
    Case("NUL bytes", {"seeds/bad.txt": ARTICLE.encode() + b"\x00\x00"},
         ["bad.txt:3: error: contains NUL bytes: this looks like a binary file"]),
    Case("a binary file", {"seeds/photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
         ["photo.txt: error: is a PNG image, not text: copy the article's text into a .txt or .md file"]),
    Case("a 50 MB file", setup=_fifty_megabytes,
         expect=["huge.txt: error: is 50.0 MB; an article file is at most 2 MB: is this the right file?"]),
    Case("a line of 1 MB", {"seeds/bad.txt": DATED + "word " * 209_716},
         ["bad.txt:6: error: line 6 is 1,048,580 characters long (at most 100,000)"]),
    # Addresses.
    Case("two people whose names slugify alike",
         {"seeds/c.txt": "---\ndate: 2023-02-07\nparticipants: [Antony Blinken, Jean-Luc Picard]\n---\nBlinken met Jean-Luc Picard.\n",
          "seeds/d.txt": "---\ndate: 2023-03-07\nparticipants: [Antony Blinken, Jean Luc Picard]\n---\nBlinken met Jean Luc Picard.\n"},
         ["d.txt: error [people]: 'Jean Luc Picard' would have the same address people/jean-luc-picard/ as 'Jean-Luc Picard'"]),
    Case("two people.yaml records on one address", {"seeds/people.yaml": _people_plus("- name: YOAV GALLANT\n  country: Israel\n")},
         [f"{{seeds}}/people.yaml:{_appended_line()}: error: 'YOAV GALLANT' would have the same address people/yoav-gallant/ as 'Yoav Gallant'"]),
    # File names and links.
    Case("a file name with a control character", {"seeds/bad\nname.txt": DATED},
         ["bad\\nname.txt: error: the file name has a control character or bytes that are not UTF-8: rename the file"]),
    Case("a file name that is not UTF-8", setup=_undecodable_name,
         expect=["caf\\xe9.txt: error: the file name has a control character or bytes that are not UTF-8"]),
    Case("a symlink out of the content folder", setup=_symlink_outside,
         expect=["link.txt: error: is a symbolic link to ", "outside the content folder; sitegen reads only articles inside it"]),
    Case("a symlink that loops", setup=_symlink_loop, expect=["loop.txt: error: is a symbolic link that loops or points nowhere (loop.txt): remove it"]),
    # Reference data.
    Case("people.yaml not YAML", {"seeds/people.yaml": "- name: Antony Blinken\n  country: [United States\n"},
         ["{seeds}/people.yaml:3: error: is not valid YAML"]),
    Case("people.yaml with a bad record", {"seeds/people.yaml": _people_plus("- name: Ron Dermer\n  country: Israel\n  roles: minister\n")},
         [f"{{seeds}}/people.yaml:{_appended_line()}: error [roles]: 'roles' must be a list of mappings with title, from and to; this record is skipped"]),
    Case("topics.yaml a mapping", {"seeds/topics.yaml": "iran: Iran\n"}, ["{seeds}/topics.yaml:1: error: must be a list of records"]),
    Case("alias bomb in people.yaml", {"seeds/people.yaml": BOMB}, ["{seeds}/people.yaml:6: error: is an alias bomb"]),
    Case("places.yaml not UTF-8", {"seeds/places.yaml": "- name: K\xf6ln\n".encode("latin-1")},
         ["{seeds}/places.yaml: error: is not UTF-8 text (byte at offset 9): save it as UTF-8"]),
]

GOOD_CASES = [
    Case("UTF-16 with BOM", {"seeds/b.txt": codecs.BOM_UTF16_LE + DATED.encode("utf-16-le")}, builds="articles/2023-02-07-gallant-hosts-blinken/index.html"),
    Case("UTF-8 with BOM", {"seeds/b.txt": codecs.BOM_UTF8 + DATED.encode()}, builds="articles/2023-02-07-gallant-hosts-blinken/index.html"),
    Case("CRLF line ends", {"seeds/b.txt": DATED.replace("\n", "\r\n").encode()}, builds="articles/2023-02-07-gallant-hosts-blinken/index.html"),
    Case("CR line ends", {"seeds/b.txt": DATED.replace("\n", "\r").encode()}, builds="articles/2023-02-07-gallant-hosts-blinken/index.html"),
    Case("a file name with spaces", {"seeds/my article (1).txt": DATED}, builds="articles/2023-02-07-gallant-hosts-blinken/index.html"),
    Case("a file name in unicode", {"seeds/גלנט ובלינקן — 會談.txt": DATED}, builds="articles/2023-02-07-gallant-hosts-blinken/index.html"),
    Case("a file name with shell characters", {"seeds/$(touch pwned); rm -rf ~ `id` 'q\" |x& >y.txt": DATED},
         builds="articles/2023-02-07-gallant-hosts-blinken/index.html"),
]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """A good site, built once; each case starts from a copy of it."""
    root = make_site(tmp_path_factory.mktemp("published"), GOOD)
    assert main(["build", str(root)]) == 0
    return root


def _start(published: Path, tmp_path: Path, case: Case) -> Path:
    root = tmp_path / "site-folder"
    shutil.copytree(published, root, symlinks=True)
    make_site(root, case.files, with_seed_data=False)
    if case.setup:
        case.setup(root)
    return root


def _build(root: Path, capsys, *flags: str) -> tuple[int, str]:
    code = main(["build", str(root), *flags])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_input_gets_its_message_and_leaves_the_site_alone(published, tmp_path, capsys, case):
    root = _start(published, tmp_path, case)
    before = snapshot(root / "site")
    strict = ("--strict",) if all(": warning" in e for e in case.expect) else ()
    code, output = _build(root, capsys, *strict)
    assert code == 1
    lines = output.splitlines()
    for expected in case.expect:
        expected = expected.format(seeds=root / "seeds")
        assert any(line.startswith(expected) or expected in line for line in lines), f"{expected!r} not in:\n{output}"
    assert "Traceback" not in output
    assert snapshot(root / "site") == before
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site.") and p.name != ".site.spare"  and not p.name.endswith(".lock")]


@pytest.mark.parametrize("case", GOOD_CASES, ids=lambda c: c.id)
def test_odd_but_good_input_builds(published, tmp_path, capsys, case):
    root = _start(published, tmp_path, case)
    code, output = _build(root, capsys)
    assert code == 0, output
    page = (root / "site" / case.builds).read_text(encoding="utf-8")
    assert "<h1>Gallant hosts Blinken</h1>" in page and "7 February 2023" in page  # front matter read, text decoded
    assert not (root / "pwned").exists() and not (Path.cwd() / "pwned").exists()


def test_two_spellings_of_one_place_share_its_page_and_lose_nothing(published, tmp_path, capsys):
    spelled = {f"seeds/{name}.txt": f"---\ndate: 2023-0{month}-07\nplace: {place}\n---\nAustin meets Gallant {month}\nYoav Gallant met Lloyd Austin on Tuesday.\n"
               for name, month, place in (("b", 3, "Tel Aviv"), ("c", 4, "Tel-Aviv"), ("d", 5, "Tel  aviv"))}
    root = _start(published, tmp_path, Case("places", spelled))
    assert _build(root, capsys)[0] == 0
    page = (root / "site/places/tel-aviv/index.html").read_text(encoding="utf-8")
    assert "Meetings (3)" in page and page.count('<a href="../../meetings/2023-0') == 3


def test_every_problem_of_a_build_is_reported_at_once(published, tmp_path, capsys):
    case = Case("several", {name: CASES[i].files["seeds/bad.txt"] for i, name in ((0, "seeds/x.txt"), (6, "seeds/y.txt"), (9, "seeds/z.txt"))})
    code, output = _build(_start(published, tmp_path, case), capsys)
    assert code == 1
    assert "x.txt:3: error" in output and "y.txt:2: error [date]" in output and "z.txt:1: error" in output
