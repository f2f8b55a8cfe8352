import codecs

from sitegen.load import find_article_files, read_source
from sitegen.problems import Problems


def _read(raw: bytes, name="a.txt"):
    problems = Problems()
    return read_source(name, raw, problems), problems


def test_front_matter_is_split_from_the_body():
    source, problems = _read(b"---\ntitle: T\n---\nFirst line\n")
    assert source.front_matter == {"title": "T"} and source.body == "First line\n"
    assert source.body_line == 4 and source.key_lines == {"title": 2}


def test_a_file_without_front_matter_is_all_body():
    source, _ = _read(b" date 2022-03-27 Blinken met Gantz.")
    assert source.front_matter == {} and source.body.startswith(" date")


def test_unclosed_front_matter_is_an_error_on_line_1():
    source, problems = _read(b"---\ntitle: T\nBody\n")
    assert source is None
    assert str(problems.errors[0]).startswith("a.txt:1: error: the front matter opened here with '---' is never closed")


def test_front_matter_that_is_not_a_mapping_is_an_error():
    source, problems = _read(b"---\n- a\n- b\n---\nBody\n")
    assert source is None and "must be a mapping" in problems.errors[0].message
    source, problems = _read(b"---\ntitle: [unclosed\n---\nBody\n")
    assert source is None and "not valid YAML" in problems.errors[0].message and problems.errors[0].line == 3


def test_encodings_and_line_ends_are_normalised():
    for raw in (codecs.BOM_UTF8 + "Tést\r\nline".encode(), codecs.BOM_UTF16_LE + "Tést\rline".encode("utf-16-le")):
        source, problems = _read(raw)
        assert source.body == "Tést\nline" and not problems.items


def test_binary_and_non_utf8_files_are_refused_with_a_reason():
    source, problems = _read(b"abc\x00def")
    assert source is None and "NUL bytes" in problems.errors[0].message
    source, problems = _read(b"ok\nbad \xff byte")
    assert source is None and "not UTF-8" in problems.errors[0].message and problems.errors[0].line == 2


def test_only_article_files_are_found(tmp_path):
    for name in ("a.txt", "b.md", "people.yaml", "_draft.txt", ".hidden.md", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in find_article_files(tmp_path)] == ["a.txt", "b.md", "sub/c.txt"]
