"""Suppressions written in the page: `<!-- checker: ignore [CODE...] -->` for the next block and
`<!-- checker: off -->` ... `<!-- checker: on -->` for a region, in Markdown and HTML."""
from __future__ import annotations

import json

import pytest

from checker import Checker
from checker.report import REPORTERS, ReportOptions
from checker.suppress import find_suppressions
from tests.conftest import make_claim

CLINIC = "# Medial branch blocks\n\nRelief usually lasts hours to days.\n"
HOSPITAL = "Relief lasts several weeks or months."


def covered(source: str, text: str, phrase: str, rule: str = "CC001") -> str:
    """'off' when the phrase lies in an off region, 'ignored' when an ignore comment covers it for
    ``rule``, else ''."""
    start = text.index(phrase)
    claim = make_claim(source=source, value_start=start, value_end=start + len(phrase))
    page = find_suppressions(source, text)
    assert not page.errors, page.errors
    if page.region_of(claim):
        return "off"
    return "ignored" if page.ignores(claim, rule) else ""


MARKDOWN = """# Title

<!-- checker: ignore -->
First paragraph says 3 days
and goes on to a second line with 4 days.

Second paragraph says 5 days.

- item one lasts 6 days
<!-- checker: ignore CC001 -->
- item two lasts 7 days
  and wraps to 8 days
- item three lasts 9 days

| Condition | Duration |
|---|---|
<!-- checker: ignore CC002 -->
| Sciatica | 10 days |
| Facet pain | 11 days |

<!-- checker: off -->
Off says 12 days.

Still off: 13 days.
<!-- checker: on -->
Back on: 14 days.
"""


@pytest.mark.parametrize("phrase, rule, expected", [
    ("3 days", "CC001", "ignored"), ("4 days", "CC004", "ignored"),  # the whole paragraph, any rule
    ("5 days", "CC001", ""),  # the next paragraph is not covered
    ("6 days", "CC001", ""), ("7 days", "CC001", "ignored"), ("8 days", "CC001", "ignored"),  # a list item
    ("7 days", "CC002", ""),  # only the codes named
    ("9 days", "CC001", ""),
    ("10 days", "CC002", "ignored"), ("11 days", "CC002", ""),  # one table row
    ("12 days", "CC001", "off"), ("13 days", "CC001", "off"), ("14 days", "CC001", ""),
])
def test_suppress_markdown_blocks_and_regions(phrase, rule, expected):
    assert covered("page.md", MARKDOWN, phrase, rule) == expected


HTML = """<html><body><h1>Title</h1>
<!-- checker: ignore -->
<p>First says <b>3 days</b>
and 4 days.</p>
<p>Second says 5 days.</p>
<ul><li>one 6 days</li>
<!--checker:ignore CC001-->
<li>two <i>7 days</i></li><li>three 8 days</li></ul>
<table><tr><td>a</td><td>9 days</td></tr>
<!-- checker: ignore CC003 -->
<tr><td>b</td><td>10 days</td></tr>
<tr><td>c</td><td>11 days</td></tr></table>
<!-- checker: off --><div><p>12 days</p></div><!-- checker: on --><p>13 days</p>
<!-- checker: off --><p>14 days to the end</p>
</body></html>
"""


@pytest.mark.parametrize("phrase, rule, expected", [
    ("3 days", "CC002", "ignored"), ("4 days", "CC002", "ignored"), ("5 days", "CC002", ""),
    ("6 days", "CC001", ""), ("7 days", "CC001", "ignored"), ("8 days", "CC001", ""),
    ("9 days", "CC003", ""), ("10 days", "CC003", "ignored"), ("11 days", "CC003", ""),
    ("12 days", "CC001", "off"), ("13 days", "CC001", ""), ("14 days", "CC001", "off"),  # off to the end
])
def test_suppress_html_elements_and_regions(phrase, rule, expected):
    assert covered("page.html", HTML, phrase, rule) == expected


def test_suppress_plain_text_pages_have_no_directives():
    page = find_suppressions("page.txt", "<!-- checker: off -->\nRelief lasts 3 days.\n")
    assert page.spans == () and page.errors == ()


@pytest.mark.parametrize("comment, message", [
    ("<!-- checker: ignore CC01 -->", "b.md:3: unknown rule code CC01 in 'checker: ignore'"),
    ("<!-- checker: ignroe -->", "b.md:3: unknown directive 'checker: ignroe'"),
])
def test_suppress_a_typo_in_a_directive_is_an_error_naming_the_line(comment, message):
    result = Checker().check_texts({"a.md": CLINIC, "b.md": f"# Medial branch blocks\n\n{comment}\n{HOSPITAL}\n"})
    assert [e.message.split(" (known")[0] for e in result.errors] == [message]
    assert len(result.conflicts) == 1  # nothing was suppressed by the broken comment


@pytest.fixture(scope="module")
def checker():
    return Checker()


def test_suppress_ignore_hides_the_conflict_and_every_report_counts_it(checker):
    result = checker.check_texts({"a.md": CLINIC,
                                  "b.md": f"# Medial branch blocks\n\n<!-- checker: ignore CC001 -->\n{HOSPITAL}\n"})
    assert result.conflicts == () and [c.rule for c in result.suppressed] == ["CC001"]
    assert not result.fails("info")
    data = json.loads(REPORTERS["json"](result, ReportOptions()))
    assert data["suppressed"] == {"claims": 0, "conflicts": 1, "ids": [result.suppressed[0].id]}
    line = "1 conflict suppressed by checker comments in the pages"
    for fmt in ("text", "github", "markdown", "html"):
        assert line in REPORTERS[fmt](result, ReportOptions()), fmt
    sarif = json.loads(REPORTERS["sarif"](result, ReportOptions()))
    [entry] = sarif["runs"][0]["results"]
    assert entry["suppressions"][0]["kind"] == "inSource"


def test_suppress_ignore_of_another_rule_leaves_the_conflict(checker):
    result = checker.check_texts({"a.md": CLINIC,
                                  "b.md": f"# Medial branch blocks\n\n<!-- checker: ignore CC002 -->\n{HOSPITAL}\n"})
    assert len(result.conflicts) == 1 and result.suppressed == ()


def test_suppress_off_region_leaves_its_claims_unchecked_and_counts_them(checker):
    page = (f"<h1>Medial branch blocks</h1>\n<!-- checker: off -->\n<p>{HOSPITAL}</p>\n<!-- checker: on -->\n"
            "<p>Relief lasts a few days.</p>\n")
    result = checker.check_texts({"a.md": CLINIC, "b.html": page})
    assert result.conflicts == ()
    assert [c.value_text for c in result.suppressed_claims] == ["several weeks or months"]
    assert all(c.value_text != "several weeks or months" for c in result.claims)
    assert "1 claim suppressed by checker comments in the pages" in REPORTERS["text"](result, ReportOptions())


def test_suppress_sarif_with_a_suppressed_conflict_validates_against_the_schema(checker):
    from tests.conftest import SHARED

    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip("the shared SARIF schema is not beside the checkout")
    import jsonschema

    result = checker.check_texts({"a.md": CLINIC,
                                  "b.md": f"# Medial branch blocks\n\n<!-- checker: ignore -->\n{HOSPITAL}\n"})
    sarif = json.loads(REPORTERS["sarif"](result, ReportOptions()))
    jsonschema.Draft4Validator(json.loads(schema_path.read_text(encoding="utf-8"))).validate(sarif)
    assert sarif["runs"][0]["properties"]["suppressed"]["conflicts"] == 1
