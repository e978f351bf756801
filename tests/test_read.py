from pathlib import Path

import pytest

from checker.errors import InputError, UsageError
from checker.read import discover, html_view, parse_document, read_document


def test_read_discover_lists_supported_files_sorted_and_reports_the_rest(tmp_path):
    (tmp_path / "b.md").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.html").write_text("<p>x</p>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    found, skipped = discover([tmp_path])
    assert [Path(f).name for f in found] == ["a.txt", "b.md", "c.html"]
    assert [Path(f).name for f in skipped] == ["notes.pdf"]


def test_read_discover_missing_path_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        discover([tmp_path / "nope"])


def test_read_invalid_utf8_names_file_line_and_byte(tmp_path):
    # UTF-8 characters and a byte that is not UTF-8: a damaged page, not a page in another encoding
    bad = tmp_path / "bad.txt"
    bad.write_bytes("fine line \u2013 UTF-8\nbroken \xff here\n".encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    with pytest.raises(InputError) as info:
        read_document(bad)
    message = str(info.value)
    assert "bad.txt:2" in message and "0xff" in message and "\n" not in message


def test_read_binary_file_is_rejected_clearly(tmp_path):
    f = tmp_path / "x.txt"
    f.write_bytes(b"\x00\x01\x02")
    with pytest.raises(InputError, match="binary"):
        read_document(f)


def test_read_keeps_text_exact_with_nbsp_and_crlf(tmp_path):
    raw = "Title\r\n\r\nRelief lasts\u00a03 months.\r\n"
    f = tmp_path / "doc.txt"
    f.write_bytes(raw.encode("utf-8"))
    doc = read_document(f)
    assert doc.text == raw  # no newline translation: offsets point into the file as it is on disk
    para = [b for b in doc.blocks if b.kind == "paragraph"][0]
    assert doc.text[para.start:para.end] == para.text == "Relief lasts\u00a03 months."
    assert para.line == 3


def test_read_finds_headings_list_items_and_table_rows_with_header():
    text = ("Type 2: Medial Branch Blocks\n"
            "Medial branch blocks numb the nerves. They are quick.\n"
            "- Relief may last hours\n"
            "| Condition | Success Rate |\n"
            "| Herniated Discs | 70-80% |\n")
    doc = parse_document("x.txt", text)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "paragraph", "list_item", "table_header", "table_row"]
    row = doc.blocks[4]
    assert row.header == 3
    assert [c[2] for c in row.cells] == ["Herniated Discs", "70-80%"]
    assert all(text[a:b] == t for a, b, t in row.cells)
    assert doc.blocks[2].text == "Relief may last hours"
    assert doc.blocks[1].heading == 0


def test_read_markdown_table_separator_row_is_skipped():
    text = "# Title\n\n| Condition | Rate |\n|---|---|\n| Sciatica | 60% |\n"
    doc = parse_document("x.md", text)
    assert [b.kind for b in doc.blocks] == ["heading", "table_header", "table_row"]
    assert doc.title == "Title"


def test_read_short_sentence_is_not_a_heading():
    doc = parse_document("x.txt", "Recovery is quick and easy for most people.\n")
    assert doc.blocks[0].kind == "paragraph"


def test_read_html_view_keeps_offsets_of_the_page():
    page = "<html><head><title>RFA &amp; you</title></head><body><h2>Results</h2><p>Relief lasts 6&ndash;12 months.</p></body></html>"
    view = html_view(page)
    assert len(view) == len(page)
    start = page.index("Relief")
    assert view[start:start + len("Relief lasts 6")] == "Relief lasts 6"
    doc = parse_document("page.html", page)
    assert doc.title == "RFA & you"
    para = [b for b in doc.blocks if "Relief" in b.text][0]
    assert "6–" in para.text and "<" not in para.text
    assert [b.kind for b in doc.blocks if b.text.strip() == "Results"] == ["heading"]


def test_read_html_script_and_style_are_not_text():
    page = "<p>Takes 20 minutes.</p><script>var x = '3 days';</script><style>p{}</style>"
    doc = parse_document("p.html", page)
    assert all("3 days" not in b.text for b in doc.blocks)


def test_read_html_table_rows_keep_their_header():
    page = ("<table>\n<thead><tr><th>Treatment</th><th>Typical relief</th></tr></thead>\n<tbody>\n"
            "<tr><td>Genicular nerve block</td><td>A few hours</td></tr>\n"
            "<tr><td>Genicular nerve ablation</td><td>6&ndash;12 months</td></tr>\n</tbody>\n</table>\n<p>After.</p>")
    doc = parse_document("t.html", page)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["table_header", "table_row", "table_row", "paragraph"]
    assert doc.blocks[2].header == 0
    assert [c[2] for c in doc.blocks[1].cells] == ["Genicular nerve block", "A few hours"]


def test_read_numbered_section_title_is_a_heading_but_numbered_steps_are_list_items():
    text = ("1. Epidural steroid injections (ESI)\n\nCovered when pain has been present for 4 weeks.\n"
            "  1. Insert a needle into your back.\n")
    doc = parse_document("policy.txt", text)
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "list_item"]
    assert doc.blocks[1].heading == 0


def test_read_hard_wrapped_paragraphs_are_one_block_in_text_markdown_and_html():
    txt = parse_document("a.txt", "Relief from a medial\nbranch block usually lasts\n6 to 12 months.\n")
    assert [b.kind for b in txt.blocks] == ["paragraph"]
    md = parse_document("a.md", "Relief from a medial branch block usually lasts\nSix To Twelve months.\n")
    assert [b.kind for b in md.blocks] == ["paragraph"]
    page = parse_document("a.html", "<p>Relief from a medial branch block lasts\n<strong>1 to 2 years</strong>.</p>")
    assert [b.kind for b in page.blocks] == ["paragraph"]


def test_read_two_html_tables_each_have_their_own_header():
    page = ("<table><tr><th>Procedure</th><th>Recovery Time</th></tr><tr><td>MBB</td><td>1 to 2 days</td></tr></table>\n"
            "<table><tr><th>Procedure</th><th>Relief Duration</th></tr><tr><td>MBB</td><td>6 to 12 months</td></tr></table>")
    doc = parse_document("t.html", page)
    assert [b.kind for b in doc.blocks] == ["table_header", "table_row", "table_header", "table_row"]
    assert doc.blocks[3].header == 2


def test_read_byte_order_mark_does_not_hide_the_first_heading():
    doc = parse_document("a.md", "\ufeff# Medial Branch Block\n\nRelief lasts hours.\n")
    assert doc.blocks[0].kind == "heading" and doc.title == "Medial Branch Block"


def test_read_hidden_folder_given_explicitly_is_read_but_hidden_folders_below_are_not(tmp_path):
    hidden = tmp_path / ".drafts"
    (hidden / ".git").mkdir(parents=True)
    (hidden / "page.txt").write_text("x")
    (hidden / ".git" / "HEAD.txt").write_text("x")
    found, _ = discover([hidden])
    assert [Path(f).name for f in found] == ["page.txt"]
    assert discover([hidden / "page.txt"])[0] == [(hidden / "page.txt").as_posix()]


def test_read_unsupported_file_named_explicitly_is_a_usage_error(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    with pytest.raises(UsageError, match="not a .txt, .md or .html"):
        discover([tmp_path / "notes.pdf"])


def test_read_markdown_code_is_blanked_but_list_continuations_are_not():
    text = ("# Page\n\nRelief lasts `3 days` here.\n\n```\n4 weeks\n```\n\n    5 weeks in code\n\n"
            "- item one\n\n    still item one: 6 weeks\n\nEnd.\n")
    doc = parse_document("a.md", text)
    words = " ".join(b.text for b in doc.blocks)
    assert "3 days" not in words and "4 weeks" not in words and "5 weeks" not in words
    assert "still item one: 6 weeks" in words and "Relief lasts" in words
    assert len(doc.view) == len(text)


def test_read_code_span_never_runs_into_the_next_paragraph():
    doc = parse_document("a.md", "An odd ` backtick.\n\nRelief lasts 3 days ` here.\n")
    assert "Relief lasts 3 days" in " ".join(b.text for b in doc.blocks)


def test_read_toml_front_matter_gives_the_title_and_is_not_prose():
    doc = parse_document("a.md", '+++\ntitle = "Genicular Nerve Block"\ndate = 2020-01-02\n+++\n\nRelief lasts.\n')
    assert (doc.title, doc.title_source) == ("Genicular Nerve Block", "front_matter")
    assert all("2020" not in b.text for b in doc.blocks)


def test_read_page_in_windows_1252_is_read_and_its_encoding_named(tmp_path):
    page = tmp_path / "old.txt"
    page.write_bytes("Caf\u00e9 au lait spots fade in 3\u20135 days.\n".encode("cp1252"))
    doc = read_document(page)
    assert doc.text == "Caf\u00e9 au lait spots fade in 3\u20135 days.\n"
    assert (doc.encoding, doc.encoding_source) == ("cp1252", "detected")


def test_read_html_declared_charset_is_used(tmp_path):
    page = tmp_path / "p.html"
    page.write_bytes('<meta charset="ISO-8859-1"><p>Relief lasts 3\u20135 days \u00b1 1.</p>'.encode("cp1252"))
    doc = read_document(page)
    assert "3\u20135 days \u00b1 1" in doc.text and (doc.encoding, doc.encoding_source) == ("cp1252", "declared")


def test_read_utf16_with_a_byte_order_mark_keeps_it_as_the_first_character(tmp_path):
    page = tmp_path / "u.txt"
    page.write_bytes("\ufeffTitle\n\nRelief lasts 3 days.\n".encode("utf-16-le"))
    doc = read_document(page)
    assert doc.text.startswith("\ufeffTitle") and doc.encoding == "utf-16-le"
    para = [b for b in doc.blocks if b.kind == "paragraph"][0]
    assert doc.text[para.start:para.end] == "Relief lasts 3 days."


def test_read_line_and_column_come_from_one_index_and_match_a_recount():
    text = "a\n\nbc\r\nd\n" * 50
    doc = parse_document("x.txt", text)
    for offset in range(len(text) + 1):
        assert doc.line_col(offset) == (text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset))


def test_read_paragraph_over_the_block_size_is_cut_at_sentence_ends():
    from checker.limits import Limits

    text = "Relief lasts three days after the block. " * 30
    doc = parse_document("x.txt", text, limits=Limits(max_block_size=200))
    assert len(doc.blocks) > 5 and all(len(b.text) <= 200 for b in doc.blocks)
    assert all(b.text.endswith("block.") for b in doc.blocks)
    assert all(text[b.start:b.end] == b.text for b in doc.blocks)


def test_read_a_menu_line_of_links_is_not_a_heading():
    doc = parse_document("page.txt", "WellnessPedia\nConditions A–Z  |  Symptom checker  |  Drugs & supplements\n\n"
                             "Cataract surgery\nMost people are fully healed in about 4 to 8 weeks.\n")
    kinds = {b.text.strip(): b.kind for b in doc.blocks}
    assert kinds["Conditions A–Z  |  Symptom checker  |  Drugs & supplements"] != "heading"
    assert kinds["Cataract surgery"] == "heading"
