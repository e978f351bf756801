"""`checker explain`: the numbers of the comparison policy for each disagreeing pair, and the row and
column of the severity table, from plain claims (no pipeline)."""
from __future__ import annotations

import json

import pytest

from checker.detect.compare import Policy
from checker.model import Conflict, ConflictClaim
from checker.report.explain import explain, explain_json, explain_text, table_cell
from checker.rules import SEVERITY_TABLE
from tests.conftest import make_claim

HOUR, DAY = 3600.0, 86400.0


def conflict_of(*sides, rule="CC001", severity="error", **fields) -> Conflict:
    claims = tuple(ConflictClaim(claim, k) for k, side in enumerate(sides) for claim in side)
    return Conflict(id="e" * 16, rule=rule, severity=severity, subject="medial branch block",
                    attribute="relief_duration", condition=None, qualifier=None, kind="cross-document",
                    message="Relief duration of medial branch block disagrees.", claims=claims, **fields)


def pair_of(data: dict) -> dict:
    return data["comparisons"][0]["pairs"][0]


def test_explain_edge_overlap_reports_centres_ratio_and_the_edge_row():
    # "3 to 5 hours" and "6 to 18 hours": the ranges' ends widened by 12 % meet, the centres are 3x apart
    short = make_claim(id="a", value_text="3 to 5 hours", low=3 * HOUR, high=5 * HOUR, typical=True)
    long_ = make_claim(id="b", source="sources/b.txt", value_text="6 to 18 hours", low=6 * HOUR, high=18 * HOUR,
                       typical=True)
    data = explain(conflict_of([short], [long_], rule="CC003", severity="warning"))
    pair = pair_of(data)
    assert pair["how"] == "edge" and pair["severity"] == "warning"
    assert pair["widened"] == [[pytest.approx(3 * HOUR / 1.12), pytest.approx(5 * HOUR * 1.12)],
                               [pytest.approx(6 * HOUR / 1.12), pytest.approx(18 * HOUR * 1.12)]]
    assert pair["centres"] == [4 * HOUR, 12 * HOUR] and pair["ratio"] == 3
    assert "edge" in pair["table"]["row"] and pair["table"]["column"] == "both firm"
    assert "warning" in pair["table"]["cell"]
    text = explain_text(data)
    assert "centres      4 h and 12 h: 3.0 times apart" in text
    assert "overlap      only at an edge" in text


def test_explain_shares_are_apart_in_points_and_a_subset_is_soft():
    most = make_claim(id="a", value_text="80%", low=0.8, high=0.8, unit="ratio", kind="rate",
                      attribute="success_rate")
    some = make_claim(id="b", source="sources/b.txt", value_text="20%", low=0.2, high=0.2, unit="ratio",
                      kind="rate", attribute="success_rate", subset=True)
    data = explain(conflict_of([most], [some], rule="CC004", severity="info"))
    pair = pair_of(data)
    assert pair["gap_points"] == 60 and pair["ratio"] is None
    assert pair["soft"] == 1 and pair["table"]["column"] == "one soft" and pair["severity"] == "info"
    assert [c["stated_as"] for c in data["claims"]] == ["firm", "subset"]
    assert pair["widened"][1] == [pytest.approx(0.2 - 0.15), pytest.approx(0.2 + 0.15)]  # a subset's 15 points
    assert "60 points apart" in explain_text(data)


def test_explain_both_hedged_is_one_step_lower_and_says_so():
    a = make_claim(id="a", value_text="a few hours", low=2 * HOUR, high=4 * HOUR, hedged=True, hedge="may")
    b = make_claim(id="b", source="sources/b.txt", value_text="3 months", low=90 * DAY, high=90 * DAY, hedged=True,
                   hedge="can")
    pair = pair_of(explain(conflict_of([a], [b], rule="CC004", severity="warning")))
    assert pair["both_hedged"] and pair["severity"] == "warning" and pair["table"]["column"] == "both firm"
    assert "both hedged: one step lower -> warning" in explain_text(explain(conflict_of([a], [b])))


def test_explain_open_bounds_are_null_in_json_and_repeats_are_not_paired():
    open_ = make_claim(id="a", value_text="6 months or longer", low=180 * DAY, high=None)
    again = make_claim(id="a2", value_text="6 months or longer", low=180 * DAY, high=None, start=50, end=60)
    short = make_claim(id="b", source="sources/b.txt", value_text="a few days", low=2 * DAY, high=4 * DAY)
    conflict = conflict_of([open_], [short])
    conflict = Conflict(**{**conflict.__dict__, "claims": conflict.claims[:1] + (ConflictClaim(again, 0, "a"),)
                           + conflict.claims[1:]})
    data = json.loads(explain_json(explain(conflict)))
    assert data["claims"][1]["repeat_of"] == 1
    comparison = data["comparisons"][0]
    assert comparison["compared"] == 1 and comparison["disagreeing"] == 1
    assert comparison["pairs"][0]["widened"][0][1] is None  # an open bound, not Infinity
    assert "Infinity" not in explain_json(explain(conflict))


def test_explain_uses_the_policy_it_is_given():
    a = make_claim(id="a", value_text="2 days", low=2 * DAY, high=2 * DAY)
    b = make_claim(id="b", source="sources/b.txt", value_text="3 days", low=3 * DAY, high=3 * DAY)
    strict = explain(conflict_of([a], [b]), Policy(tolerance=0.1))
    assert pair_of(strict)["widened"][0] == [pytest.approx(2 * DAY / 1.1), pytest.approx(2 * DAY * 1.1)]
    assert "widened by 10% each way" in explain_text(strict)
    loose = explain(conflict_of([a], [b]), Policy(tolerance=0.5))  # 3 days is within 2 days x 1.5
    assert loose["comparisons"][0]["disagreeing"] == 0 and loose["policy"]["tolerance"] == 0.5


def test_explain_table_cells_come_from_the_rules_severity_table():
    for how, soft in (("no overlap", 0), ("no overlap", 1), ("no overlap", 2), ("edge", 0)):
        cell = table_cell(how, soft)
        assert cell is not None
        row = next(line for line in SEVERITY_TABLE.splitlines() if line.startswith(f"| {cell['row']} |"))
        assert f"| {cell['cell']} |" in row + " |"


def test_explain_text_keeps_page_text_inert_in_a_ci_log():
    quote = "Relief lasts 3 days.\n::error file=x.txt::owned \x1b[31m##[warning]x"
    a = make_claim(id="a", source="evil\n::stop-commands::tok.txt", quote=quote, value_text="3 days",
                   subject="\n::error::s", subject_text="::error::t", subject_origin="sentence")
    b = make_claim(id="b", source="sources/b.txt", value_text="3 months", low=90 * DAY, high=90 * DAY)
    text = explain_text(explain(conflict_of([a], [b], decision={"status": "accepted", "stale": False,
                                                                  "note": "fine\n::error::note"})))
    for line in text.splitlines():
        assert not line.lstrip().startswith("::"), line
    assert "\x1b" not in text and "##[" not in text
