"""The editor's review loop: `sitegen extract --report` and `sitegen import`."""

import datetime as dt

import yaml

from conftest import make_site
from sitegen.cli import main

RAW = """Macron meets Netanyahu in Jerusalem
Published: 24/10/2023 - 19:55

French President Emmanuel Macron met Israeli Prime Minister Benjamin Netanyahu in Jerusalem on Tuesday.
Later in the day, Macron travelled to Ramallah for talks with Palestinian President Mahmoud Abbas.
"""


def test_extract_report_shows_each_fact_with_its_sentence(tmp_path, capsys):
    root = make_site(tmp_path, {"raw/a.txt": RAW})
    assert main(["extract", "--site", str(root), "--report", str(root / "raw/a.txt")]) == 0
    out = capsys.readouterr().out
    assert "published: 2023-10-24" in out
    assert "meeting 1: Emmanuel Macron + Benjamin Netanyahu" in out
    assert "from: French President Emmanuel Macron met Israeli Prime Minister" in out
    assert "people:    Emmanuel Macron, Benjamin Netanyahu, Mahmoud Abbas" in out


def test_a_meeting_without_its_own_day_takes_the_day_of_the_one_before(tmp_path, capsys):
    root = make_site(tmp_path, {"raw/a.txt": RAW})
    main(["extract", "--site", str(root), str(root / "raw/a.txt")])
    assert capsys.readouterr().out.strip() == (
        "a.txt: 2023-10-24 Jerusalem: Emmanuel Macron + Benjamin Netanyahu; 2023-10-24 Ramallah: Emmanuel Macron + Mahmoud Abbas"
    )


def test_import_writes_the_extraction_as_front_matter_that_the_build_then_uses(tmp_path, capsys):
    root = make_site(tmp_path, {"raw/a.txt": RAW})
    assert main(["import", "--site", str(root), str(root / "raw/a.txt")]) == 0
    imported = root / "seeds/2023-10-24-macron-meets-netanyahu-in-jerusalem.txt"
    text = imported.read_text()
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["date"] == dt.date(2023, 10, 24)
    assert meta["meetings"][1] == {"date": dt.date(2023, 10, 24), "place": "Ramallah", "participants": ["Emmanuel Macron", "Mahmoud Abbas"]}
    assert text.endswith(RAW)
    assert main(["import", "--site", str(root), str(root / "raw/a.txt")]) == 1  # never overwrites
    assert main(["build", str(root)]) == 0
    assert (root / "site/meetings/2023-10-24-emmanuel-macron-mahmoud-abbas/index.html").exists()


def test_extract_of_a_missing_file_or_a_folder_is_a_message_not_a_traceback(tmp_path, capsys):
    root = make_site(tmp_path, {"raw/a.txt": RAW})
    assert main(["extract", "--site", str(root), str(root / "raw/missing.txt"), str(root / "raw")]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    assert "is not an article file" in out.out + out.err
