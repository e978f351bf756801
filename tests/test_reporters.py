"""Reporters: golden files for every format, and the properties each format must keep.

Every golden report is rendered from one serialized `CheckResult`, tests/golden/result.json, built
once from the pages of tests/fixtures/reports/ by tests/make_golden_result.py (a cross-document
conflict, a same-document one, an open bound, a rate, an unreadable file, claims that were not
compared, HTML-like text, and three reviewer decisions: accepted, rejected, stale). No pipeline runs
here, so a change to extraction never touches a golden file; the volatile fields (tool version,
timestamp) are passed in through ReportOptions.

After an intended change to a reporter,
    CHECKER_UPDATE_GOLDEN=1 python -m pytest tests/test_reporters.py
writes tests/golden/<name>.new beside each golden file that differs, and fails: read each diff, then
rename the .new file over the golden one.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checker.model import CheckResult, Conflict, ConflictClaim, SourceError
from checker.report import CLAIM_REPORTERS, REPORTERS, ReportOptions
from checker.rules import RULES
from tests.conftest import SHARED, make_claim

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GOLDEN = HERE / "golden"
RESULT = GOLDEN / "result.json"
UPDATE_ENV = "CHECKER_UPDATE_GOLDEN"


@functools.lru_cache(maxsize=1)
def _fixture_text() -> str:
    return RESULT.read_text(encoding="utf-8")


def fixture_result() -> CheckResult:
    """The fixture corpus as checked when tests/golden/result.json was built, decisions applied."""
    return CheckResult.from_dict(json.loads(_fixture_text()))


OPTIONS = ReportOptions(tool_version="9.9.9", generated="2024-01-01T00:00:00Z", title="checker report")

# golden file -> (table, format); the claims formats come from CLAIM_REPORTERS
GOLDEN_FILES = {
    "report.txt": (REPORTERS, "text"),
    "conflicts.json": (REPORTERS, "json"),
    "report.md": (REPORTERS, "markdown"),
    "conflicts.csv": (REPORTERS, "csv"),
    "conflicts.sarif": (REPORTERS, "sarif"),
    "annotations.txt": (REPORTERS, "github"),
    "report.html": (REPORTERS, "html"),
    "claims.csv": (CLAIM_REPORTERS, "csv"),
    "claims.json": (CLAIM_REPORTERS, "json"),
    "claims.txt": (CLAIM_REPORTERS, "table"),
    "uncompared.txt": (CLAIM_REPORTERS, "table"),
}
ONLY_UNCOMPARED = {"uncompared.txt"}


def render(name: str, result=None, options: ReportOptions = OPTIONS) -> str:
    table, fmt = GOLDEN_FILES[name]
    if name in ONLY_UNCOMPARED:
        options = dataclasses.replace(options, only_uncompared=True)
    return table[fmt](fixture_result() if result is None else result, options)


def _first_difference(got: str, want: str, width: int = 160) -> str:
    """The first differing line of each, cut around the first differing character: an HTML line is
    tens of thousands of characters long."""
    got_lines, want_lines = got.splitlines(), want.splitlines()
    row = next((k for k, (a, b) in enumerate(zip(got_lines, want_lines)) if a != b),
               min(len(got_lines), len(want_lines)))
    a = got_lines[row] if row < len(got_lines) else "<end>"
    b = want_lines[row] if row < len(want_lines) else "<end>"
    col = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    lo = max(0, col - width // 2)
    return f"line {row + 1}, column {col + 1}:\n  got:  {a[lo:lo + width]!r}\n  want: {b[lo:lo + width]!r}"


def compare_with_golden(path: Path, text: str, update: bool) -> None:
    """Fail unless ``text`` is the golden file's content. With ``update``, a differing (or missing)
    golden file gets ``<name>.new`` beside it for review, and the test still fails: a golden file is
    only ever replaced by a person who read the diff."""
    expected = path.read_text(encoding="utf-8") if path.exists() else None
    if text == expected:
        return
    if update:
        new = path.with_name(path.name + ".new")
        new.write_text(text, encoding="utf-8", newline="\n")
        pytest.fail(f"wrote {new.name} for review: read `diff {path} {new}`, then rename it to {path.name}")
    if expected is None:
        pytest.fail(f"{path} is missing; run with {UPDATE_ENV}=1 to write {path.name}.new for review")
    pytest.fail(f"{path.name} differs from its golden file at {_first_difference(text, expected)}\n"
                f"If the change is intended: {UPDATE_ENV}=1 python -m pytest tests/test_reporters.py writes "
                f"{path.name}.new for review")


@pytest.mark.parametrize("name", sorted(GOLDEN_FILES))
def test_reporters_output_matches_golden_file(name):
    compare_with_golden(GOLDEN / name, render(name), update=os.environ.get(UPDATE_ENV) == "1")


def test_reporters_golden_update_writes_a_new_file_and_never_overwrites(tmp_path):
    golden = tmp_path / "report.txt"
    golden.write_text("reviewed\n", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="wrote report.txt.new for review"):
        compare_with_golden(golden, "changed\n", update=True)
    assert golden.read_text(encoding="utf-8") == "reviewed\n"
    assert (tmp_path / "report.txt.new").read_text(encoding="utf-8") == "changed\n"
    with pytest.raises(pytest.fail.Exception, match="line 1, column 1"):
        compare_with_golden(golden, "changed\n", update=False)
    compare_with_golden(golden, "reviewed\n", update=True)  # equal: passes, writes nothing more


def test_reporters_fixture_result_round_trips_through_its_json():
    data = json.loads(_fixture_text())
    result = CheckResult.from_dict(data)
    assert result.to_dict() == data
    assert result.uncompared and result.errors and result.conflicts
    assert {c.decision["status"] for c in result.conflicts if c.decision} == {"accepted", "rejected"}


RENDER_ALL = """
import json, sys
from tests.test_reporters import GOLDEN_FILES, render
json.dump({name: render(name) for name in sorted(GOLDEN_FILES)}, sys.stdout)
"""


@pytest.mark.parametrize("seed", ["1", "2"])
def test_reporters_same_input_gives_byte_identical_output_whatever_the_hash_seed(seed):
    # set and dict orders that depend on string hashing change with PYTHONHASHSEED: a reporter that
    # relied on one would differ between two runs
    env = dict(os.environ, PYTHONHASHSEED=seed)
    proc = subprocess.run([sys.executable, "-c", RENDER_ALL], cwd=REPO, env=env, capture_output=True, text=True,
                          encoding="utf-8", check=True)
    assert json.loads(proc.stdout) == {name: render(name) for name in sorted(GOLDEN_FILES)}


def test_reporters_print_no_timestamp_unless_one_is_passed_in():
    plain = ReportOptions(tool_version="9.9.9")
    for name in GOLDEN_FILES:
        text = render(name, options=plain)
        assert not re.search(r"\b20\d\d-\d\d-\d\d", text), f"{name} contains a date nobody passed in"
    for name in ("report.md", "report.html", "conflicts.json"):
        assert "2024-01-01T00:00:00Z" in render(name)


def test_reporters_tool_version_comes_from_options():
    assert '"version": "9.9.9"' in render("conflicts.sarif")
    assert "checker 9.9.9" in render("report.html")
    assert "9.9.9" not in render("conflicts.sarif", options=ReportOptions(tool_version="1.2.3"))


# --------------------------------------------------------------------------------------------------
# text and JSON


def test_reporters_text_summary_counts_decisions_and_unreadable_sources():
    lines = render("report.txt").splitlines()
    assert lines[-2] == ("4 conflicts (3 error, 1 warning) in 19 claims from 7 sources; 1 accepted; 1 rejected; "
                         "1 stale (a value changed since the decision); 1 source could not be read")
    assert lines[0] == "tests/fixtures/reports/unreadable.txt:3: error: not valid UTF-8 (byte 0xff at offset 38)"


UNCOMPARED = "4 claims were not compared: 2 negated value, 1 attribute other, 1 no subject"


@pytest.mark.parametrize("name", ["report.txt", "annotations.txt", "report.md", "report.html", "claims.txt"])
def test_reporters_human_formats_count_uncompared_claims_by_reason(name):
    assert UNCOMPARED in render(name)


def test_reporters_machine_formats_count_uncompared_claims_by_reason():
    expected = {"count": 4, "by_reason": {"negated value": 2, "attribute other": 1, "no subject": 1}}
    data = json.loads(render("conflicts.json"))
    assert data["uncompared"] == expected
    assert list(data["uncompared"]["by_reason"]) == ["negated value", "attribute other", "no subject"]
    run = json.loads(render("conflicts.sarif"))["runs"][0]
    assert run["properties"]["uncompared"] == expected
    assert run["invocations"][0]["toolExecutionNotifications"][-1] == {"level": "note", "message": {"text": UNCOMPARED}}


def test_reporters_every_format_reports_no_uncompared_when_all_were_compared():
    result = dataclasses.replace(fixture_result(), uncompared=())
    for fmt in ("text", "markdown", "github", "html"):
        assert "not compared:" not in REPORTERS[fmt](result, OPTIONS), fmt
    assert json.loads(REPORTERS["json"](result, OPTIONS))["uncompared"] == {"count": 0, "by_reason": {}}


@pytest.mark.parametrize("fmt", sorted(CLAIM_REPORTERS))
def test_reporters_claims_formats_list_only_uncompared_claims_with_their_reason(fmt):
    result = fixture_result()
    text = CLAIM_REPORTERS[fmt](result, dataclasses.replace(OPTIONS, only_uncompared=True))
    expected = [(c.id, reason) for c, reason in result.uncompared]
    if fmt == "json":
        got = [(c["id"], c["uncompared"]) for c in json.loads(text)]
    elif fmt == "csv":
        got = [(row["claim_id"], row["uncompared"]) for row in csv.DictReader(io.StringIO(text))]
    else:  # the table shows places, not ids: one row per claim left out, its reason in the last column
        rows = text.splitlines()[2:-1]
        places = {f"{Path(c.source).name}:{c.line}": c.id for c, _reason in result.uncompared}
        got = [(places[row.split()[0]], re.split(r"\s{2,}", row)[-1]) for row in rows]
    assert got == expected
    assert {reason for _id, reason in got} == {"negated value", "attribute other", "no subject"}


def test_reporters_claims_formats_mark_which_claims_were_compared():
    result = fixture_result()
    reasons = {c.id: reason for c, reason in result.uncompared}
    rows = json.loads(CLAIM_REPORTERS["json"](result, OPTIONS))
    assert len(rows) == len(result.claims)
    assert {row["id"]: row["uncompared"] for row in rows if row["uncompared"]} == reasons


def test_reporters_json_keeps_the_contract_and_adds_decisions():
    data = json.loads(render("conflicts.json"))
    assert list(data)[:5] == ["version", "sources", "claims", "errors", "conflicts"]
    decisions = {c["subject"] + "/" + c["attribute"]: c.get("decision") for c in data["conflicts"]}
    assert decisions["genicular nerve block/relief_duration"]["status"] == "accepted"
    assert decisions["genicular nerve block/relief_duration"]["stale"] is False
    assert decisions["radiofrequency ablation/relief_duration"]["stale"] is True
    assert decisions["genicular nerve block/success_rate"] is None


# --------------------------------------------------------------------------------------------------
# CSV


def _hostile_result():
    """Claims whose text a spreadsheet would run as a formula, plus an open bound (a None cell)."""
    quotes = ['=HYPERLINK("http://evil.invalid","click")', "+1+2", "-2+3 days", "@SUM(A1:A9)",
              "\t=1+1", " =cmd|' /C calc'!A0"]
    claims = [make_claim(id=f"x{k}", source=f"sources/{q[:1].strip() or 'w'}{k}.txt", quote=q, value_text=q,
                         value_start=0, value_end=len(q), start=0, end=len(q), high=None if k == 0 else 7200.0,
                         low=3600.0) for k, q in enumerate(quotes)]
    conflict = Conflict(id="f" * 16, rule="CC001", severity="error", subject="=evil()", attribute="relief_duration",
                        condition=None, qualifier=None, kind="cross-document", message="-message",
                        claims=tuple(ConflictClaim(c, k % 2) for k, c in enumerate(claims)))
    return CheckResult(sources=tuple(c.source for c in claims), claims=tuple(claims), conflicts=(conflict,))


def test_reporters_csv_neutralizes_formula_injection():
    result = _hostile_result()
    for text in (REPORTERS["csv"](result, OPTIONS), CLAIM_REPORTERS["csv"](result, OPTIONS)):
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows
        for row in rows:
            for column, cell in row.items():
                assert not cell.lstrip().startswith(("=", "+", "-", "@")), f"{column}: {cell!r} could run"
        assert rows[0]["quote"] == '\'=HYPERLINK("http://evil.invalid","click")'
        assert rows[4]["quote"] == "'\t=1+1"


def test_reporters_csv_keeps_integers_when_a_bound_is_open():
    rows = list(csv.DictReader(io.StringIO(REPORTERS["csv"](_hostile_result(), OPTIONS))))
    assert [r["high"] for r in rows[:2]] == ["", "7200"]
    assert rows[0]["low"] == "3600"


def test_reporters_csv_reads_back_through_pandas_with_one_row_per_conflict_claim():
    import pandas as pd

    frame = pd.read_csv(io.StringIO(render("conflicts.csv")))
    result = fixture_result()
    assert len(frame) == sum(len(c.claims) for c in result.conflicts)
    assert set(frame["decision"].dropna()) == {"accepted", "rejected", "stale"}


# --------------------------------------------------------------------------------------------------
# SARIF


def test_reporters_sarif_validates_against_the_sarif_schema():
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip("../shared/schemas/sarif-schema-2.1.0.json is not beside the checkout")
    import jsonschema

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    for result in (fixture_result(), _hostile_result()):
        jsonschema.Draft4Validator(schema).validate(json.loads(REPORTERS["sarif"](result, OPTIONS)))


def test_reporters_sarif_has_rule_metadata_and_both_sides_as_locations():
    sarif = json.loads(render("conflicts.sarif"))
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(RULES)
    for rule in rules:
        assert rule["fullDescription"]["text"] == RULES[rule["id"]].doc
        assert rule["name"] == RULES[rule["id"]].name
    result = fixture_result()
    for conflict, entry in zip(result.conflicts, run["results"]):
        assert entry["ruleId"] == conflict.rule
        assert rules[entry["ruleIndex"]]["id"] == conflict.rule
        sides = {cc.cluster for cc in conflict.claims}
        assert len(entry["locations"]) == len(sides) >= 2
        uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for loc in entry["relatedLocations"]}
        assert uris == {cc.claim.source for cc in conflict.claims}
        first = conflict.claims[0].claim
        region = entry["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["snippet"]["text"]) == \
            (first.line, first.column, first.quote)
        assert entry["partialFingerprints"]["checkerConflict/v1"] == conflict.id
    suppressed = [e for e in run["results"] if e.get("suppressions")]
    assert [e["properties"]["decision"]["status"] for e in suppressed] == ["accepted"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["invocations"][0]["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"] == "tests/fixtures/reports/unreadable.txt"


def test_reporters_sarif_uris_are_encoded():
    claim = make_claim(source="my docs/a#1.txt")
    other = make_claim(id="c2", source="/abs path/b.txt", low=1e7, high=1e7)
    conflict = Conflict(id="a" * 16, rule="CC001", severity="warning", subject="s", attribute="relief_duration",
                        condition=None, qualifier=None, kind="cross-document", message="m",
                        claims=(ConflictClaim(claim, 0), ConflictClaim(other, 1)))
    sarif = json.loads(REPORTERS["sarif"](CheckResult(("a", "b"), (claim, other), (conflict,)), OPTIONS))
    uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for loc in sarif["runs"][0]["results"][0]["locations"]]
    assert uris == ["my%20docs/a%231.txt", "file:///abs%20path/b.txt"]


# --------------------------------------------------------------------------------------------------
# GitHub annotations


def test_reporters_github_annotates_the_line_and_column_of_each_value():
    lines = render("annotations.txt").splitlines()
    result = fixture_result()
    annotations = [line for line in lines if line.startswith("::") and "title=CC" in line]
    assert len(annotations) == sum(len(c.claims) for c in result.conflicts)
    for line in annotations:
        match = re.match(r"::(\w+) file=([^,]+),line=(\d+),col=(\d+),endColumn=(\d+),title=[^:]*::(.*)", line)
        assert match, line
        source, row, col, end = match.group(2), int(match.group(3)), int(match.group(4)), int(match.group(5))
        text = (REPO / source).read_text(encoding="utf-8").splitlines()[row - 1]
        value = re.search(r'^"([^"]+)"', match.group(6)).group(1).replace("%25", "%")
        assert text[col - 1:end - 1] == value
    kinds = {re.search(r"title=CC\d+ ([^%]+)%3A", line).group(1) + "/" + line[2:line.index(" ")]
             for line in annotations}
    assert "genicular nerve block/notice" in kinds  # the accepted conflict is a notice, not an error
    assert "trigger point injection/error" in kinds
    assert lines[0] == ("::error file=tests/fixtures/reports/unreadable.txt,line=3,title=checker%3A unreadable source::"
                        "not valid UTF-8 (byte 0xff at offset 38)")


def test_reporters_github_escapes_workflow_command_syntax():
    claim = make_claim(source="a,b:c.txt", value_text="50%", quote="50%\nof them", value_start=0, value_end=3, end=12)
    other = make_claim(id="c2", source="d.txt", low=1e7, high=1e7)
    conflict = Conflict(id="b" * 16, rule="CC001", severity="error", subject="x, y: z", attribute="relief_duration",
                        condition=None, qualifier=None, kind="cross-document", message="m",
                        claims=(ConflictClaim(claim, 0), ConflictClaim(other, 1)))
    out = REPORTERS["github"](CheckResult(("a", "d"), (claim, other), (conflict,)), OPTIONS)
    first = out.splitlines()[0]
    assert first.startswith("::error file=a%2Cb%3Ac.txt,line=1,col=1,endColumn=4,title=CC001 x%2C y%3A z%3A relief")
    assert '::"50%25" (' in first


# --------------------------------------------------------------------------------------------------
# Markdown


def test_reporters_markdown_escapes_markup_and_keeps_the_table_intact():
    text = render("report.md")
    assert "<wears off>" not in text and "\\<wears off\\>" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| severity")]
    assert len(rows) == len(fixture_result().conflicts)
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 7, row  # six cells: no stray cell boundary
    assert text.startswith("## checker report: 3 open conflicts\n")
    assert "**a few hours**, until" in text  # the value is bold in the quote, punctuation stays attached


def test_reporters_markdown_for_a_clean_run_says_so():
    text = REPORTERS["markdown"](CheckResult(("a",), (), ()), OPTIONS)
    assert text.startswith("## checker report: no conflicting claims")
    assert "|" not in text


# --------------------------------------------------------------------------------------------------
# HTML


def test_reporters_html_escapes_all_source_text():
    quote = '<script>alert("x")</script> lasts 3 days'
    claim = make_claim(quote=quote, value_text="3 days", value_start=quote.index("3 days"), value_end=len(quote),
                       end=len(quote), source="sources/<img src=x>.txt")
    other = make_claim(id="c2", source="b.txt", low=1e7, high=1e7, quote="</textarea><b>raw</b>", subject="</style>")
    conflict = Conflict(id="c" * 16, rule="CC001", severity="error", subject="<i>s</i>", attribute="relief_duration",
                        condition="<u>c</u>", qualifier=None, kind="cross-document", message="<svg onload=x>",
                        claims=(ConflictClaim(claim, 0), ConflictClaim(other, 1)),
                        decision={"status": "accepted", "note": "<b>ok</b>", "stale": False})
    html = REPORTERS["html"](CheckResult(("a", "b"), (claim, other), (conflict,),
                                         (SourceError("<x>.txt", "<bad>"),)), OPTIONS)
    for raw in ("<script>alert", "<img src=x>", "</textarea>", "<b>raw", "<i>s</i>", "<u>c</u>", "<svg onload",
                "<x>", "<bad>", "<b>ok</b>"):
        assert raw not in html, raw
    assert html.count("</style>") == 1  # our own stylesheet's end only
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; lasts <mark>3 days</mark>" in html
    assert html.count("<script>") == 1  # our own filter script only


def test_reporters_html_is_self_contained():
    html = render("report.html")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "@import" not in html and "url(http" not in html
    assert "default-src 'none'" in html  # and the page forbids loading anything else
    assert re.findall(r"https?://[^\s\"'<>]+", html) == ["http://www.w3.org/2000/svg"] * html.count("<svg")


def test_reporters_html_shows_summary_decisions_and_every_claim():
    html = render("report.html")
    result = fixture_result()
    assert html.count('<article class="conflict') == len(result.conflicts) == 4
    # one bar per side and distinct value in each chart (the fixture states no value twice on a side);
    # each conflict has a wide chart and a narrow one for a phone
    for layout in ("wide", "narrow"):
        charts = re.findall(rf'<svg class="range {layout}".*?</svg>', html)
        assert len(charts) == 4
        assert sum(chart.count('class="bar"') for chart in charts) == sum(len(c.claims) for c in result.conflicts)
    assert "Accepted by a reviewer: “Phases differ: the anesthetic &lt;wears off&gt;" in html
    assert "Rejected by a reviewer" in html and "a value changed since" in html
    assert '<div class="card bad"><b>1</b><span>unreadable</span>' in html
    for claim in result.claims:
        assert f"{claim.source.rsplit('/', 1)[-1]}:{claim.line}</td>" in html  # the file name: unambiguous
    # conflicts in the order the result has them: most severe first
    severities = re.findall(r'<article class="conflict (\w+)', html)
    assert severities == ["error", "error", "error", "warning"]


def test_reporters_html_range_chart_places_values_on_a_log_axis():
    from checker.report.html import range_chart

    hours = make_claim(id="h", low=3600.0, high=3600.0 * 4, value_text="a few hours")
    months = make_claim(id="m", source="sources/b.txt", low=2629800.0 * 3, high=2629800.0 * 6, value_text="3 to 6 months")
    conflict = Conflict(id="d" * 16, rule="CC001", severity="error", subject="s", attribute="relief_duration",
                        condition=None, qualifier=None, kind="cross-document", message="m",
                        claims=(ConflictClaim(hours, 0), ConflictClaim(months, 1)))
    svg = range_chart(conflict)
    bars = [(float(x), float(w)) for x, w in re.findall(r'class="bar" data-cluster="\d" x="([\d.]+)" y="[\d.]+" '
                                                        r'width="([\d.]+)"', svg)]
    assert len(bars) == 2 and bars[0][0] + bars[0][1] < bars[1][0]
    # log scale: 4x (hours) and 2x (months) give widths in the ratio log 4 : log 2
    assert bars[0][1] / bars[1][1] == pytest.approx(2.0, rel=0.02)
    labels = re.findall(r'class="axis"[^>]*>([^<]+)<', svg)
    assert labels[:3] == ["1 min", "1 h", "1 d"] and "log time scale →" in labels


# --------------------------------------------------------------------------------------------------
# text from a page, a file name or a note is inert in a CI log and a pull-request comment

HOSTILE_SOURCE = "sources/evil\n::error file=x.txt,line=1::owned\n.txt"
HOSTILE_QUOTE = "::stop-commands::token\nRelief lasts 3\x1b[31m days\u2028::warning::x ##[error]legacy"
HOSTILE_NOTE = "fine\r\n::error::from a note"


def _ci_hostile_result() -> CheckResult:
    claim = make_claim(id="h1", source=HOSTILE_SOURCE, quote=HOSTILE_QUOTE, value_text="3\x1b[31m days",
                       value_start=HOSTILE_QUOTE.index("3\x1b"), value_end=HOSTILE_QUOTE.index(" days") + 5,
                       end=len(HOSTILE_QUOTE), subject="::debug::s")
    other = make_claim(id="h2", source="::group::b.txt", low=1e7, high=1e7, value_text="\n::endgroup::4 months")
    conflict = Conflict(id="e" * 16, rule="CC001", severity="error", subject="::debug::s", attribute="relief_duration",
                        condition=None, qualifier=None, kind="cross-document",
                        message="Relief disagrees:\n::error::from the message",
                        claims=(ConflictClaim(claim, 0), ConflictClaim(other, 1)),
                        decision={"status": "accepted", "note": HOSTILE_NOTE, "stale": False})
    return CheckResult((claim.source, other.source), (claim, other), (conflict,),
                       (SourceError("bad\n::error::name.txt", "bad\n::error::name.txt: not valid UTF-8\x1b[0m"),),
                       uncompared=((claim, "no subject"),))


def _workflow_commands(text: str) -> list[str]:
    """The lines GitHub Actions would run: '::' after leading blanks, or the legacy '##[' anywhere."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::") or "##[" in line]


@pytest.mark.parametrize("table,fmt", [(REPORTERS, "text"), (CLAIM_REPORTERS, "table")])
def test_reporters_text_formats_print_no_workflow_command_and_no_control_character(table, fmt):
    out = table[fmt](_ci_hostile_result(), dataclasses.replace(OPTIONS, only_uncompared=fmt == "table"))
    assert _workflow_commands(out) == []
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", out)  # no ESC, CR, line separator
    assert "3\\x1b[31m days" in out  # shown as an escape, not sent to the terminal


def test_reporters_text_escapes_names_quotes_messages_and_notes_where_they_stand():
    out = REPORTERS["text"](_ci_hostile_result(), OPTIONS)
    assert "sources/evil\\n::error file=x.txt,line=1::owned\\n.txt:1:1: error CC001" in out
    assert "Relief disagrees:\\n::error::from the message" in out
    assert "[accepted: fine\\r\\n::error::from a note]" in out
    assert "        \\::stop-commands::token Relief lasts" in out  # a quote that starts with '::'
    assert "##\\[error]legacy" in out


def test_reporters_github_annotations_are_the_only_workflow_commands():
    result = _ci_hostile_result()
    out = REPORTERS["github"](result, OPTIONS)
    commands = _workflow_commands(out)
    assert len(commands) == len(result.errors) + sum(len(c.claims) for c in result.conflicts)
    assert all(re.match(r"::(error|warning|notice) file=", line) for line in commands)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", out)
    assert "##[" not in out and "3\\x1b[31m days" in out
    # a newline in a file name travels in GitHub's own escape, so the annotation still finds the file
    assert "file=sources/evil%0A%3A%3Aerror file=x.txt%2Cline=1%3A%3Aowned%0A.txt," in out


def test_reporters_markdown_neutralizes_mentions_and_autolinks():
    quote = "Ask @org/team or @someone, see https://evil.example/x, www.evil.example or a@b.example for 3 days."
    claim = make_claim(quote=quote, value_text="3 days", value_start=quote.index("3 days"),
                       value_end=quote.index("3 days") + 6, end=len(quote), subject="@subject-owner")
    other = make_claim(id="c2", source="b.txt", low=1e7, high=1e7, value_text="http://x.example")
    conflict = Conflict(id="f" * 16, rule="CC001", severity="error", subject="@subject-owner",
                        attribute="relief_duration", condition="see www.c.example", qualifier=None,
                        kind="cross-document", message="cc @maintainers https://m.example",
                        claims=(ConflictClaim(claim, 0), ConflictClaim(other, 1)),
                        decision={"status": "accepted", "note": "ok @reviewer", "stale": False})
    out = REPORTERS["markdown"](CheckResult(("a", "b"), (claim, other), (conflict,)), OPTIONS)
    assert not re.search(r"@(?!\u200d)", out), "a mention would notify"
    assert not re.search(r"(?i)[a-z]://|\bwww\.", out), "a bare URL would autolink"
    assert "@\u200dorg/team" in out and "https\u200d://evil.example/x" in out and "www\u200d.evil.example" in out


def test_reporters_html_time_ticks_come_from_the_vocabulary_units(monkeypatch):
    from checker.quantities import default_vocabulary
    from checker.report import html as html_report

    vocab = default_vocabulary()
    units = dict(vocab.units)  # a vocabulary whose week is followed by a fortnight, then a month
    units["week"] = dataclasses.replace(units["week"], next="fortnight")
    units["fortnight"] = dataclasses.replace(units["fortnight"], next="month")
    monkeypatch.setattr(html_report, "default_vocabulary", lambda: dataclasses.replace(vocab, units=units))
    html_report.time_ticks.cache_clear()
    try:
        labels = [label for _seconds, label in html_report.time_ticks()]
    finally:
        html_report.time_ticks.cache_clear()
    assert labels == ["1 s", "1 min", "1 h", "1 d", "1 wk", "2 wk", "1 mo", "1 y", "10 y"]
