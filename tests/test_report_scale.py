"""Reports on a large corpus: 1,000 generated pages (bench/generate.py) give 70 conflicts of about 60
claims each and 15,000 claims. The HTML report must stay small enough to mail and open (under 2 MB),
and the Markdown summary must fit a pull-request comment (GitHub's limit, 65,536 characters).
"""
from __future__ import annotations

import re
import sys

import pytest

from checker import Checker, Config
from checker.report import REPORTERS, ReportOptions
from tests.conftest import REPO

PAGES = 1000
HTML_LIMIT = 2_000_000  # bytes
COMMENT_LIMIT = 65_536  # characters


@pytest.fixture(scope="module")
def large_result(tmp_path_factory):
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate_corpus

    folder = tmp_path_factory.mktemp("large") / "sources"
    generate_corpus(folder, PAGES)
    result = Checker(Config()).check_paths([folder])
    assert len(result.sources) == PAGES and len(result.conflicts) >= 50  # the corpus is as large as claimed
    return result


def test_report_scale_html_for_1000_pages_is_under_2_mb(large_result):
    page = REPORTERS["html"](large_result, ReportOptions())
    size = len(page.encode("utf-8"))
    assert size < HTML_LIMIT, f"report.html is {size:,} bytes"
    # every conflict is still there, with the repeated statements folded ("and N more")
    assert page.count('<article class="conflict') == len(large_result.conflicts)
    assert re.search(r"\(\d+ places\)", page) and " and " in page


def test_report_scale_markdown_for_1000_pages_fits_a_pull_request_comment(large_result):
    text = REPORTERS["markdown"](large_result, ReportOptions(report_url="https://ci.example.invalid/run/7"))
    assert len(text) <= COMMENT_LIMIT, f"report.md is {len(text):,} characters"
    assert "](https://ci.example.invalid/run/7)" in text  # what is cut is one click away
    assert len(re.findall(r"^\| (error|warning|info) \|", text, flags=re.M)) >= 1


def test_report_scale_markdown_cuts_at_a_conflict_and_says_how_many_more(large_result):
    small = REPORTERS["markdown"](large_result, ReportOptions(max_chars=8000))
    assert len(small) <= 8000
    rows = len(re.findall(r"^\| (error|warning|info) \|", small, flags=re.M))
    left = len(large_result.conflicts) - rows
    assert 0 < rows < len(large_result.conflicts)
    assert f"and {left} more conflicts: see [the full report](report.html)" in small
    assert small.count("<details>") == small.count("</details>")  # never cut inside a conflict's block
