from sitegen.urls import absolute_url, make_slug, output_file, relative_url


def test_slugs_are_lowercase_ascii_and_never_a_path():
    assert make_slug("Yoav Gallant") == "yoav-gallant"
    assert make_slug("Benjamin Netanyahu’s") == "benjamin-netanyahus"
    assert make_slug("../../etc/passwd") == "etc-passwd"
    assert make_slug("Ελλάδα") == "ellada"
    assert make_slug("!!!") == "untitled"


def test_long_slugs_keep_word_order():
    slug = make_slug("Gantz Returns to Israel After Flash Meeting on Security Issues With Biden Officials in Washington")
    assert slug.startswith("gantz-returns-to-israel-after-flash-meeting")
    assert len(slug) <= 72 and not slug.endswith("-in")


def test_folder_pages_are_index_files():
    assert output_file("") == "index.html"
    assert output_file("people/yoav-gallant/") == "people/yoav-gallant/index.html"
    assert output_file("404.html") == "404.html"


def test_links_are_relative_to_the_page_they_sit_on():
    assert relative_url("people/yoav-gallant/", "") == "people/yoav-gallant/index.html"
    assert relative_url("", "people/yoav-gallant/") == "../../index.html"
    assert relative_url("meetings/x/", "people/yoav-gallant/") == "../../meetings/x/index.html"
    assert relative_url("static/style.css?v=1", "topics/iron-dome/") == "../../static/style.css?v=1"
    assert relative_url("people/#g", "404.html") == "people/index.html#g"


def test_absolute_urls_keep_the_sub_path():
    assert absolute_url("people/x/", "https://example.org/archive/") == "https://example.org/archive/people/x/"
    assert absolute_url("", "https://example.org/archive/") == "https://example.org/archive/"


def test_relative_links_agree_with_posixpath_for_every_pair_of_page_kinds():
    import posixpath

    pages = ["", "404.html", "people/", "people/a/", "people/b/", "meetings/2023-01-31-x/", "years/2023/", "a/b/c/", "a/b/d/", "a/"]
    for target in pages + ["static/style.css"]:
        for page in pages:
            expected = posixpath.relpath(output_file(target), posixpath.dirname(output_file(page)) or ".")
            assert relative_url(target, page) == expected, (target, page)
