import re
from pathlib import Path

from sitegen.extract.text import clean_text, markdown_blocks, render_markdown

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _body(name: str) -> str:
    text = (SEEDS / name).read_text(encoding="utf-8")
    return text.split("---\n", 2)[2] if text.startswith("---\n") else text


def test_a_date_prefixed_lede_is_prose_not_a_headline():
    clean = clean_text(_body("000_5cbf725f2a1e63d2.txt"))
    assert clean.title is None
    assert clean.date_lines == ("2022-03-27",)
    assert clean.blocks[0].text.startswith("US Secretary of State Antony Blinken met with")


def test_navigation_bylines_and_captions_are_not_shown():
    clean = clean_text(_body("003_6e4a1bc3b3cb28f5.txt"))
    shown = " ".join(b.text for b in clean.blocks)
    assert clean.title.startswith("Defense Min. Gallant to Blinken")
    for debris in ("Health & Wellness", "By JERUSALEM POST STAFF", "photo credit", "Published:", "Updated:"):
        assert debris not in shown
    assert "Published: JANUARY 31, 2023 10:11" in clean.date_lines
    assert any("JERUSALEM POST STAFF" in line for line in clean.furniture)


def test_share_buttons_teasers_and_comment_prompts_are_cut():
    clean = clean_text(_body("001_5d6da31c5601ee12.txt"))
    shown = " ".join(b.text for b in clean.blocks)
    for debris in ("Send in e-mail", "Credit:", "LISTEN", "subscriber comments", "From $1", "LOG IN", "Ken Burns", "נתניהו"):
        assert debris not in shown
    assert shown.rstrip().endswith("Reuters contributed to this article.")
    # The bare caption before its credited copy goes too.
    assert "Antony Blinken at the State Department in Washington, Thursday" not in shown
    assert [b.text for b in clean.blocks if b.kind == "h"] == ["Rebuilding Gaza", "Iran, AIPAC and elections in whirlwind tour"]


def test_a_caption_glued_to_the_headline_is_dropped():
    clean = clean_text(_body("002_16d755ad347ce88d.txt"))
    assert clean.title == "Antony Blinken meets with Gabi Ashkenazi"
    assert not any("Matty Stern" in b.text for b in clean.blocks)


def test_leave_a_reply_ends_the_article():
    clean = clean_text(_body("004_e9b1ab91a7619350.txt"))
    assert clean.blocks[-1].text.startswith("“We are discussing a variety of issues,” said the defense minister")
    assert "June 24, 2024" in clean.date_lines and "JNS Staff Report" in clean.furniture


def test_markdown_is_sanitised():
    html = render_markdown('# Head\n\nText <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>')
    # A javascript: link may stay as the words the author typed, but never as an address.
    assert "<script" not in html and "onerror" not in html and not re.search(r"=\s*[\"']?\s*javascript:", html)
    assert [b.text for b in markdown_blocks(html)[0]][0] == "Head"


def test_markdown_footnote_links_lead_to_their_notes_and_back():
    html = render_markdown('Gallant hosted Blinken.[^1]\n\n[^1]: Officials said so.\n\n<p id="participants">x</p>')
    targets = set(re.findall(r'href="#([^"]+)"', html))
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert len(targets) == 2 and targets <= ids  # the note, and the way back to where it is cited
    assert all(i.startswith("article-") for i in ids)  # never the id of a section of the page around it


def test_markdown_date_lines_are_evidence_not_text():
    blocks, date_lines = markdown_blocks(render_markdown("(October 27, 2022 / JNS)\n\nBiden met Herzog on October 26."))
    assert date_lines == ("(October 27, 2022 / JNS)",) and [b.text for b in blocks] == ["Biden met Herzog on October 26."]


def test_navigation_bars_and_section_labels_above_the_headline_are_furniture():
    clean = clean_text("News | Opinion | Sport | Culture\nIsrael\nCameron says Israel is making a decision to act\n\nWed 17 Apr 2024 13.05 BST\n\nThe foreign secretary met Netanyahu.")
    assert clean.title == "Cameron says Israel is making a decision to act"
    assert clean.date_lines == ("Wed 17 Apr 2024 13.05 BST",)
    assert [b.text for b in clean.blocks] == ["The foreign secretary met Netanyahu."]


def test_spaced_menus_and_teasers_of_other_articles_are_not_text():
    clean = clean_text("Reuters\nWorld  Business  Markets  Legal\nScholz urges Netanyahu to seek compromise\n\nScholz met Netanyahu.\n"
                       "Blinken returns to Israel after six-nation Arab tour and meets Netanyahu for seven hours\nHe left.")
    assert clean.title == "Scholz urges Netanyahu to seek compromise"
    assert [b.text for b in clean.blocks] == ["Scholz met Netanyahu.", "He left."]


def test_markdown_menus_and_share_prompts_are_not_text():
    html = render_markdown("POLITICO | Europe | Newsletters | Podcasts\n\n# Netanyahu pitches gas to Meloni\n\nPress play to listen to this article\n\nNetanyahu met Meloni in Rome on Friday.")
    blocks, _ = markdown_blocks(html)
    assert [b.text for b in blocks] == ["Netanyahu pitches gas to Meloni", "Netanyahu met Meloni in Rome on Friday."]


def test_the_site_name_and_slogan_above_the_first_menu_are_not_the_headline():
    page = ("The Times of Israel\nIsrael at War  Israel & the Region  Opinion  Liveblog\n\n"
            "Gallant tells Austin Israel prefers diplomacy with Hezbollah\n\nYoav Gallant met Lloyd Austin on Tuesday.")
    assert clean_text(page).title == "Gallant tells Austin Israel prefers diplomacy with Hezbollah"
    page = ("UN News\nGlobal perspective Human stories\nHome | Topics | In depth | Audio hub\n\n"
            "Ukraine: Guterres meets Zelenskyy and Erdogan in Lviv\n\nAntonio Guterres met them on Thursday.")
    cleaned = clean_text(page)
    assert cleaned.title == "Ukraine: Guterres meets Zelenskyy and Erdogan in Lviv"
    assert "UN News" in cleaned.furniture


def test_a_bare_date_above_the_first_line_is_a_date_line_not_a_section_label():
    for line in ("June 24, 2024", "Fri 3 Mar 2023", "06.11.2023"):
        clean = clean_text(f"{line}\nAntony Blinken met Yoav Gallant in Washington on Monday, officials said after the talks.")
        assert clean.date_lines == (line,), line


def test_a_one_paragraph_brief_ending_in_a_quotation_is_prose_not_a_headline():
    for brief in ('Antony Blinken met Yoav Gallant in Washington on Monday. "It was a good meeting."',
                  "Antony Blinken met Yoav Gallant in Washington on Monday. “The hostages must come home.”",
                  'The King stressed the need for a ceasefire, saying: "The catastrophe must end."'):
        clean = clean_text(brief)
        assert clean.title is None and clean.blocks[0].text == brief, brief
    assert clean_text('Blinken: "We will not stop"\n\nAntony Blinken met Yoav Gallant on Monday.').title == 'Blinken: "We will not stop"'
