"""--keep-going builds what it can and lists what it left out; --strict fails on anything less than clean."""

from __future__ import annotations

from conftest import make_site
from sitegen.cli import main
from test_build import GOOD, snapshot

BROKEN = {"seeds/broken.txt": "---\ndate: 2023-02-30\n---\nSome text.\n"}
LATER = {"seeds/later.txt": "---\ndate: 2023-03-09\n---\nAustin meets Gallant\nYoav Gallant met Lloyd Austin in Tel Aviv on Thursday.\n"}


def _build(root, capsys, *flags):
    code = main(["build", str(root), *flags])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_keep_going_builds_the_good_articles_and_lists_the_bad(tmp_path, capsys):
    root = make_site(tmp_path, {**GOOD, **BROKEN, **LATER})
    code, out, err = _build(root, capsys, "--keep-going")
    assert code == 0
    assert "broken.txt:2: error [date]: 'date' must be a real date" in err
    assert "skipped (--keep-going), for the errors above: broken.txt" in err
    assert (root / "site/articles/2023-03-09-austin-meets-gallant/index.html").exists()
    assert (root / "site/meetings/2023-01-31-antony-blinken-yoav-gallant/index.html").exists()
    assert "2 articles" in out and "Traceback" not in err


def test_without_keep_going_the_same_input_fails_and_keeps_the_old_site(tmp_path, capsys):
    root = make_site(tmp_path, GOOD)
    assert _build(root, capsys)[0] == 0
    before = snapshot(root / "site")
    make_site(root, {**BROKEN, **LATER}, with_seed_data=False)
    code, out, err = _build(root, capsys)
    assert code == 1 and "previous site was left as it was" in err
    assert snapshot(root / "site") == before


def test_strict_overrides_keep_going(tmp_path, capsys):
    root = make_site(tmp_path, GOOD)
    assert _build(root, capsys)[0] == 0
    before = snapshot(root / "site")
    make_site(root, {**BROKEN, **LATER}, with_seed_data=False)
    code, out, err = _build(root, capsys, "--keep-going", "--strict")
    assert code == 1 and "broken.txt:2: error [date]" in err
    assert snapshot(root / "site") == before


def test_a_bad_data_record_is_left_out_with_keep_going(tmp_path, capsys):
    root = make_site(tmp_path, GOOD)
    with open(root / "seeds/people.yaml", "a", encoding="utf-8") as people:
        people.write("- name: Ron Dermer\n  country: [Israel]\n")
    assert _build(root, capsys)[0] == 1
    code, out, err = _build(root, capsys, "--keep-going")
    assert code == 0 and "error [country]: 'country' must be non-empty text" in err
    assert "skipped (--keep-going), for the errors above: " + str(root / "seeds/people.yaml") in err


def test_keep_going_cannot_skip_a_broken_url_manifest(tmp_path, capsys):
    root = make_site(tmp_path, GOOD)
    (root / "seeds/urls.tsv").write_text("/meetings/../../etc/\tmeeting\t-\ta.txt\n", encoding="utf-8")
    code, out, err = _build(root, capsys, "--keep-going")
    assert code == 1
    assert "urls.tsv:1: error: '/meetings/../../etc/' is not an address of this site" in err


def test_warnings_pass_unless_strict(tmp_path, capsys):
    root = make_site(tmp_path, {"seeds/a.txt": "Yoav Gallant met Antony Blinken in Jerusalem on Tuesday.\n"})
    code, out, err = _build(root, capsys)
    assert code == 0 and "a.txt: warning [date]: no publication date found in the text: add 'date: YYYY-MM-DD'" in err
    code, out, err = _build(root, capsys, "--strict")
    assert code == 1 and "a.txt: warning [date]" in err


def test_keep_going_does_not_publish_a_site_without_a_whole_data_file(tmp_path):
    from conftest import make_site
    from sitegen.cli import main

    root = make_site(tmp_path, {"seeds/a.txt": "---\ndate: 2023-01-31\n---\nYoav Gallant hosted Antony Blinken in Jerusalem on Tuesday.\n"})
    (root / "seeds/topics.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    assert main(["build", str(root), "--keep-going"]) == 1
    assert not (root / "site").exists()
