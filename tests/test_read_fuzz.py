"""Fuzzing the readers (txt, md, html) and the normalizer with Hypothesis: whatever the text, no
exception, and every offset inside the text (blocks, cells, quantities), views of the text's length."""
from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.limits import Limits
from checker.quantities import find_quantities
from checker.read import parse_document
from checker.read.decode import decode
from checker.errors import InputError

# pieces that open and close what the readers look for, mixed with words, numbers and odd characters
_PIECES = ["<", ">", "</", "<!--", "-->", "<script>", "</script>", "<style", "<![CDATA[", "]]>", "<!x", "<?",
           "<iframe>", "</iframe>", "<code>", "</code>", "<p>", "</p>", "<td>", "<th>", "<tr>", "</tr>",
           "<table>", "<h1>", "</h1>", "<title>", "</title>", "<li>", "<br/>", "&amp;", "&#99999999;", "&ndash;",
           "&", ";", "```", "~~~", "`", "``", "---", "+++", "title: x", "    ", "\t", "\n", "\n\n", "\r\n", " ",
           "|", "| a | b |", "|---|---|", "#", "# ", "- ", "* ", "1. ", "> ", ">>>", "\ufeff", "\u00a0", "\u2013",
           "\x1b[31m", "\x00", "a", "Relief", "lasts", "3", "6 to 12", "months", "days", "%", "1-", "1/2", "9" * 40,
           "=" * 40, "İ", "ß", "\U0001F600", "\ud800"]
texts = st.one_of(st.lists(st.sampled_from(_PIECES), max_size=60).map("".join), st.text(max_size=300))
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SMALL = Limits(max_block_size=40)  # small, so that block cutting runs too


def _check_document(name: str, text: str) -> None:
    doc = parse_document(name, text, limits=SMALL)
    view = doc.view or doc.text
    assert len(view) == len(text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(text)
        assert block.text == view[block.start:block.end]
        assert len(block.text) <= SMALL.max_block_size or block.kind in ("table_row", "table_header")
        for a, b, cell in block.cells:
            assert 0 <= a <= b <= len(text) and view[a:b] == cell
        line, column = doc.line_col(block.start)
        assert line >= 1 and column >= 1
        if not name.endswith(".html"):  # HTML views add newlines where block tags were
            assert block.line == line
    assert "\n" not in doc.title


@FUZZ
@given(texts)
def test_read_fuzz_text_pages(text):
    _check_document("page.txt", text)


@FUZZ
@given(texts)
def test_read_fuzz_markdown_pages(text):
    _check_document("page.md", text)


@FUZZ
@given(texts)
def test_read_fuzz_html_pages(text):
    _check_document("page.html", text)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from(["text", "markdown", "html"]))
def test_read_fuzz_decoding_gives_text_or_one_line_error(data, fmt):
    try:
        decoded = decode("page", data, fmt)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("E101 page")
    else:
        assert isinstance(decoded.text, str) and decoded.encoding


@FUZZ
@given(texts)
def test_read_fuzz_normalizer_offsets_inside_and_bounds_finite(text):
    for q in find_quantities(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert all(b is None or math.isfinite(b) for b in (q.low, q.high))
