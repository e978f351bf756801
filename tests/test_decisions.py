"""Reviewer decisions and baselines: keyed by conflict id, expired by a change of value."""
from __future__ import annotations

import dataclasses
import json

import pytest

from checker.decisions import (Decision, DecisionFile, apply_decisions, conflict_signature, decide, in_baseline,
                               is_accepted, is_rejected, load_baseline, resolve_id, signature, json_values)
from checker.errors import UsageError
from checker.model import CheckResult, Conflict, ConflictClaim
from checker.report.json import report_json
from tests.conftest import make_claim


def conflict(short_high: float = 14400.0, line: int = 3, extra: tuple = ()) -> Conflict:
    short = make_claim(id="s", source="sources/a.txt", value_text="a few hours", low=7200.0, high=short_high, line=line)
    long_ = make_claim(id="l", source="sources/b.txt", value_text="3 to 6 months", low=7889400.0, high=15778800.0)
    claims = (ConflictClaim(short, 0), ConflictClaim(long_, 1)) + extra
    return Conflict(id="0123456789abcdef", rule="CC001", severity="error", subject="genicular nerve block",
                    attribute="relief_duration", condition=None, qualifier=None, kind="cross-document",
                    message="m", claims=claims)


def result_of(*conflicts: Conflict) -> CheckResult:
    return CheckResult(sources=("sources/a.txt", "sources/b.txt"), claims=(), conflicts=conflicts)


def test_decisions_signature_ignores_position_but_not_values():
    base = conflict_signature(conflict())
    assert conflict_signature(conflict(line=40)) == base  # text moved: same decision
    assert conflict_signature(conflict(short_high=18000.0)) != base  # a value changed
    third = ConflictClaim(make_claim(id="t", source="sources/c.txt", value_text="a year", low=3e7, high=3e7), 1)
    assert conflict_signature(conflict(extra=(third,))) != base  # a new page joined the disagreement
    repeat = ConflictClaim(make_claim(id="r", source="sources/b.txt", value_text="3 to 6 months", low=7889400.0,
                                      high=15778800.0, line=30), 1, repeat_of="l")
    assert conflict_signature(conflict(extra=(repeat,))) == base  # the same page saying it again


def test_decisions_signature_from_json_equals_signature_from_conflict():
    c = conflict()
    data = json.loads(report_json(result_of(c)))["conflicts"][0]
    assert signature(json_values(data)) == conflict_signature(c)


def test_decisions_accepted_until_a_value_changes():
    decisions = {"0123456789abcdef": decide(conflict(), "accepted", "intended")}
    same = apply_decisions(result_of(conflict(line=9)), decisions).conflicts[0]
    assert same.decision == {"status": "accepted", "note": "intended", "stale": False}
    assert is_accepted(same) and not is_rejected(same)
    changed = apply_decisions(result_of(conflict(short_high=86400.0)), decisions).conflicts[0]
    assert changed.decision["stale"] is True and not is_accepted(changed)


def test_decisions_rejected_is_a_confirmed_problem():
    decided = apply_decisions(result_of(conflict()), {"0123456789abcdef": decide(conflict(), "rejected")}).conflicts[0]
    assert is_rejected(decided) and not is_accepted(decided)


def test_decisions_file_round_trip_is_sorted_and_deterministic(tmp_path):
    file = DecisionFile(tmp_path / "claims" / "decisions.json")
    assert file.load() == {}
    a = decide(conflict(), "accepted", "  two   spaces\nand a newline ")
    b = dataclasses.replace(decide(conflict(), "rejected", "x"), id="00000000000000ff")
    file.save({a.id: a, b.id: b})
    first = file.path.read_bytes()
    file.save({b.id: b, a.id: a})  # insertion order does not matter
    assert file.path.read_bytes() == first
    data = json.loads(first)
    assert [d["id"] for d in data["decisions"]] == sorted([a.id, b.id])
    assert data["decisions"][1]["note"] == "two spaces and a newline"
    loaded = file.load()
    assert loaded == {a.id: dataclasses.replace(a, note="two spaces and a newline"), b.id: b}
    assert [p.name for p in file.path.parent.iterdir()] == ["decisions.json"]  # no temporary file left


@pytest.mark.parametrize("text, message", [
    ("{not json", "not valid JSON"),
    ('{"decisions": {}}', "not a checker decisions file"),
    ('{"decisions": [{"id": "x", "status": "maybe", "signature": "s"}]}', "status must be one of"),
    ('{"decisions": [{"id": "x", "status": "accepted"}]}', "without 'signature'"),
])
def test_decisions_damaged_file_is_a_one_line_usage_error(tmp_path, text, message):
    path = tmp_path / "decisions.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as info:
        DecisionFile(path).load()
    assert message in str(info.value) and "\n" not in str(info.value)
    assert str(path.as_posix()) in str(info.value)


def test_decisions_id_may_be_a_unique_prefix():
    known = ["0123456789abcdef", "0123ffffffffffff", "fedcba9876543210"]
    assert resolve_id("fedc", known) == "fedcba9876543210"
    assert resolve_id("0123456789abcdef", known) == "0123456789abcdef"
    assert resolve_id("fed", known) is None  # too short to be taken as a prefix
    assert resolve_id("aaaa", known) is None
    with pytest.raises(UsageError, match="ambiguous"):
        resolve_id("0123", known)


def test_decisions_baseline_entry_with_changed_values_counts_as_new(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(report_json(result_of(conflict())), encoding="utf-8")
    baseline = load_baseline(path)
    assert in_baseline(conflict(line=77), baseline)
    assert not in_baseline(conflict(short_high=86400.0), baseline)
    assert not in_baseline(dataclasses.replace(conflict(), id="ffffffffffffffff"), baseline)


@pytest.mark.parametrize("text", ["[]", '{"conflicts": [{"no": "id"}]}', "nonsense"])
def test_decisions_bad_baseline_is_a_usage_error(tmp_path, text):
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError, match="not a checker baseline"):
        load_baseline(path)
    with pytest.raises(UsageError, match="baseline file not found"):
        load_baseline(tmp_path / "missing.json")


def test_decisions_decision_json_shape():
    d = decide(conflict(), "accepted", "ok")
    assert Decision.from_json(d.to_json(), "x") == d
    assert d.to_json()["values"] == [["sources/a.txt", "a few hours", 7200, 14400],
                                     ["sources/b.txt", "3 to 6 months", 7889400, 15778800]]
    with pytest.raises(UsageError):
        decide(conflict(), "maybe")
