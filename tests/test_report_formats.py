"""The formats added for adoption: the reviewers' workbook, GitLab Code Quality, reviewdog's rdjson,
colour on a terminal, and the claims.csv columns added compatibly."""
from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest

from checker.report import REPORT_FILES, REPORTERS, ReportOptions
from tests.test_reporters import fixture_result


@pytest.fixture(scope="module")
def result():
    return fixture_result()


@pytest.fixture(scope="module")
def workbook(result):
    import openpyxl

    data = REPORT_FILES["report.xlsx"](result, ReportOptions())
    return data, openpyxl.load_workbook(io.BytesIO(data))


def test_report_xlsx_has_a_conflicts_and_a_claims_sheet_with_links_to_the_html_report(result, workbook):
    _data, book = workbook
    assert book.sheetnames == ["conflicts", "claims"]
    conflicts = book["conflicts"]
    ids = [row[0].value for row in conflicts.iter_rows(min_row=2)]
    assert ids == [c.id for c in result.conflicts]
    assert [row[0].hyperlink.target for row in conflicts.iter_rows(min_row=2)] == [f"report.html#c-{i}" for i in ids]
    claims = book["claims"]
    header = [cell.value for cell in claims[1]]
    rows = [dict(zip(header, (cell.value for cell in row))) for row in claims.iter_rows(min_row=2)]
    assert len(rows) == len(result.claims)
    in_conflict = {cc.claim.id: c.id for c in result.conflicts for cc in c.claims}
    assert {r["claim_id"]: r["conflict_id"] for r in rows if r["conflict_id"]} == in_conflict
    few_hours = next(r for r in rows if r["value_text"] == "a few hours")
    bounds = (few_hours["low"], few_hours["high"], few_hours["low_human"], few_hours["high_human"])
    assert bounds == (7200, 14400, "2 h", "4 h")


def test_report_xlsx_sheets_have_a_frozen_header_filters_and_fitted_widths(workbook):
    _data, book = workbook
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        widths = {sheet.cell(1, k).value: sheet.column_dimensions[sheet.cell(1, k).column_letter].width
                  for k in range(1, sheet.max_column + 1)}
        assert widths.get("message", widths.get("quote")) == 60  # the long text column is capped
        assert widths["conflict_id"] == len("0123456789abcdef") + 2  # fitted to the ids


def test_report_xlsx_is_byte_identical_with_no_clock_in_it(result, workbook, monkeypatch):
    import time

    data, _book = workbook
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)  # 2033: a zip stamp from the clock would change
    monkeypatch.setattr(time, "localtime", lambda *a: time.struct_time((2033, 5, 18, 3, 33, 20, 2, 138, 0)))
    assert REPORT_FILES["report.xlsx"](result, ReportOptions()) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2  # created and modified
    stamped = REPORT_FILES["report.xlsx"](result, ReportOptions(generated="2024-03-05T06:07:08Z"))
    with zipfile.ZipFile(io.BytesIO(stamped)) as archive:
        assert archive.read("docProps/core.xml").decode().count("2024-03-05T06:07:08Z") == 2


def test_report_xlsx_neutralizes_formulas(result):
    import dataclasses

    import openpyxl

    conflict = result.conflicts[0]
    evil = dataclasses.replace(conflict, message="=HYPERLINK(\"http://x.invalid\",\"click\")")
    data = REPORT_FILES["report.xlsx"](dataclasses.replace(result, conflicts=(evil,)), ReportOptions())
    book = openpyxl.load_workbook(io.BytesIO(data))
    header = [c.value for c in book["conflicts"][1]]
    cell = book["conflicts"].cell(2, header.index("message") + 1)
    assert cell.data_type == "s" and cell.value.startswith("'=")


def test_report_claims_csv_adds_conflict_id_and_human_bounds_after_the_old_columns(result):
    text = REPORTERS["csv"](result, ReportOptions())  # conflicts.csv is unchanged
    assert text.splitlines()[0].endswith("decision,decision_note")
    from checker.report import CLAIM_REPORTERS

    rows = list(csv.DictReader(io.StringIO(CLAIM_REPORTERS["csv"](result, ReportOptions()))))
    header = list(rows[0])
    assert header[:19][-1] == "uncompared" and header[19:] == ["conflict_id", "low_human", "high_human"]
    in_conflict = {cc.claim.id: c.id for c in result.conflicts for cc in c.claims}
    assert {r["claim_id"]: r["conflict_id"] for r in rows if r["conflict_id"]} == in_conflict
    open_bound = next(r for r in rows if r["value_text"] == "6–12 months or longer")
    assert (open_bound["low_human"], open_bound["high_human"]) == ("6 mo", "open")


def test_report_codequality_follows_gitlabs_format(result):
    issues = json.loads(REPORTERS["codequality"](result, ReportOptions()))
    assert len(issues) == sum(len(c.claims) for c in result.conflicts)
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # GitLab needs each to be unique
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["path"]
    accepted = {c.id for c in result.conflicts if c.decision and c.decision.get("status") == "accepted"
                and not c.decision.get("stale")}
    for issue in issues:
        if any(f"[{cid}]" in issue["description"] for cid in accepted):
            assert issue["severity"] == "info"
    first = result.conflicts[1].claims[0].claim  # an error conflict, not accepted
    assert {"path": first.source, "lines": {"begin": first.line}} in [i["location"] for i in issues
                                                                       if i["severity"] == "major"]


RDJSON_SEVERITIES = {"UNKNOWN_SEVERITY", "ERROR", "WARNING", "INFO"}


def test_report_rdjson_follows_reviewdogs_diagnostic_format(result):
    data = json.loads(REPORTERS["rdjson"](result, ReportOptions()))
    assert data["source"]["name"] == "checker"
    diagnostics = data["diagnostics"]
    assert len(diagnostics) == sum(len(c.claims) for c in result.conflicts)
    for d in diagnostics:
        assert d["severity"] in RDJSON_SEVERITIES and d["message"]
        assert d["code"]["value"].startswith("CC") and d["code"]["url"].startswith("https://")
        start, end = d["location"]["range"]["start"], d["location"]["range"]["end"]
        assert start["line"] >= 1 and start["column"] >= 1
        assert (end["line"], end["column"]) > (start["line"], start["column"])


def test_report_rdjson_columns_count_utf8_bytes():
    from checker.model import Conflict, ConflictClaim
    from tests.conftest import make_claim

    quote = "Café – relief lasts 3 days."  # 'é' and '–' take 2 and 3 bytes before the value
    start = quote.index("3 days")
    claim = make_claim(quote=quote, start=0, end=len(quote), line=4, column=1, value_start=start,
                       value_end=start + 6, value_text="3 days")
    conflict = Conflict("f" * 16, "CC001", "error", "x", "relief_duration", None, None, "cross-document", "m",
                        (ConflictClaim(claim, 0), ConflictClaim(claim.replace(id="c2"), 1)))
    from checker.model import CheckResult

    data = json.loads(REPORTERS["rdjson"](CheckResult(("a",), (claim,), (conflict,)), ReportOptions()))
    position = data["diagnostics"][0]["location"]["range"]
    assert position["start"] == {"line": 4, "column": len(quote[:start].encode("utf-8")) + 1}
    assert position["end"]["column"] - position["start"]["column"] == len("3 days")


def test_report_text_colours_only_when_asked_and_never_from_page_text(result):
    plain = REPORTERS["text"](result, ReportOptions())
    assert "\x1b[" not in plain
    coloured = REPORTERS["text"](result, ReportOptions(color=True))
    assert "\x1b[1;31merror\x1b[0m" in coloured and "\x1b[1;33mwarning\x1b[0m" in coloured
    last = coloured.rstrip("\n").splitlines()
    summary = next(line for line in last if "conflicts (" in line)
    assert summary.startswith("\x1b[1;31m") and summary.endswith("\x1b[0m")  # the worst severity's colour
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


@pytest.mark.parametrize("flag, tty, no_color, coloured", [
    ("auto", False, None, False),  # a pipe or a CI log
    ("auto", True, None, True),  # a person at a terminal
    ("auto", True, "1", False),  # NO_COLOR (https://no-color.org)
    ("always", False, "1", True),
    ("never", True, None, False),
])
def test_report_cli_color_follows_the_terminal_no_color_and_the_flag(capsys, monkeypatch, flag, tty, no_color,
                                                                    coloured):
    import sys

    from checker.cli import main
    from tests.conftest import REPO

    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    assert main(["check", str(REPO / "tests" / "fixtures" / "rules" / "CC001"), "--color", flag, "-q"]) == 1
    assert ("\x1b[" in capsys.readouterr().out) is coloured


@pytest.mark.parametrize("value_text, low, high, unit, shown", [
    ("about 12 weeks", 12 * 604800 * 0.85, 12 * 604800 * 1.15, "s", "about 12 wk"),
    ("about 3 days", 3 * 86400 * 0.85, 3 * 86400 * 1.15, "s", "about 3 d"),
    ("about 40%", 0.34, 0.46, "ratio", "about 40%"),
    ("10 to 14 weeks", 10 * 604800, 14 * 604800, "s", "10–14 wk"),  # a range stays a range
])
def test_report_about_x_reads_as_a_person_says_it(value_text, low, high, unit, shown):
    from checker.report.common import display_reading
    from tests.conftest import make_claim

    claim = make_claim(value_text=value_text, low=low, high=high, unit=unit, approx=value_text.startswith("about"),
                       kind="rate" if unit == "ratio" else "duration")
    assert display_reading(claim) == shown
    assert (claim.low, claim.high) == (low, high)  # display only: the stored interval is untouched


def test_report_page_names_are_the_shortest_unique_path_ends():
    from checker.report.common import page_names

    names = page_names(["site/a/botox.md", "site/b/botox.md", "site/botox-for-migraine.md", "x/botox-for.md"])
    assert names == {"site/a/botox.md": "a/botox.md", "site/b/botox.md": "b/botox.md",
                     "site/botox-for-migraine.md": "botox-for-migraine.md", "x/botox-for.md": "botox-for.md"}


def test_report_counts_read_in_the_singular_for_one():
    import dataclasses

    from checker.report.common import summary_line

    result = fixture_result()
    one = dataclasses.replace(result, conflicts=result.conflicts[:1])
    assert summary_line(one).startswith("1 conflict (1 error)")
    page = REPORTERS["html"](one, ReportOptions())
    assert "<b>1</b><span>conflict</span>" in page and "1 conflicts" not in page


def test_report_messages_name_pages_by_a_real_path_ending_not_a_cut_stem():
    from checker import Checker

    result = Checker().check_texts({
        "botox-for-migraine.md": "# Medial branch blocks\n\nRelief usually lasts hours to days.\n",
        "botox-for-sweating.md": "# Medial branch blocks\n\nRelief lasts several weeks or months.\n",
    })
    [conflict] = result.conflicts
    assert "botox-for-migraine.md says" in conflict.message and "botox-for-sweating.md says" in conflict.message
