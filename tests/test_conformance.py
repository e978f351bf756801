"""Conformance of the normalizer with other projects' cases (../shared/conformance).

The first test runs the whole suite with the same logic as ``python -m tools.conformance`` and
prints its table; it fails when a file misses its target, when a failing case is not waived in
tests/conformance_waivers.yaml, or when a waiver is stale. The others check the runner's own rules on
small case files written to a temporary folder.
"""
from __future__ import annotations

import json

import pytest

from checker.errors import DataFileError
from tools.conformance import runner as conformance


def test_conformance_targets_are_met_and_every_failure_is_waived(capsys):
    folder = conformance.conformance_dir()
    if not folder.is_dir():
        pytest.skip(f"conformance cases not found at {folder}; set ${conformance.ENV_DIR} to run them")
    report = conformance.run(folder)
    table = conformance.format_table(report)
    with capsys.disabled():
        print("\n" + table)
    assert report.ok, table + "\n" + "\n".join(report.problems())
    assert {f.spec.name for f in report.files} >= {"recognizers_duration.jsonl", "duckling_duration.jsonl",
                                                  "recognizers_percent.jsonl", "recognizers_number.jsonl",
                                                  "duckling_number.jsonl"}


def write_cases(folder, name, cases):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(json.dumps(c) for c in cases) + "\n", encoding="utf-8")


def item(text, sentence, value, **extra):
    start = sentence.index(text)
    return {"text": text, "start": start, "end": start + len(text), "value": value, **extra}


def duration_case(case_id, sentence, *items):
    return {"id": case_id, "input": sentence, "expected": list(items)}


def run_one(tmp_path, cases, waivers=""):
    write_cases(tmp_path / "cases", "recognizers_duration.jsonl", cases)
    waiver_file = tmp_path / "waivers.yaml"
    waiver_file.write_text(waivers, encoding="utf-8")
    report = conformance.run(tmp_path / "cases", waiver_file)
    return report, report.files[0]


def test_conformance_exact_value_and_span_pass(tmp_path):
    s = "I'll leave for 3 hours"
    _report, result = run_one(tmp_path, [duration_case("a#1", s, item("3 hours", s, 10800))])
    assert result.passed == 1 and result.pass_rate == 1.0


def test_conformance_vague_reading_passes_when_the_value_is_inside_our_interval(tmp_path):
    s = "I'll leave for a few hours"
    inside = duration_case("a#1", s, item("a few hours", s, 10800))
    outside = duration_case("a#2", s, item("a few hours", s, 36000))
    _report, result = run_one(tmp_path, [inside, outside])
    assert [c.passed for c in result.cases] == [True, False]


def test_conformance_months_are_reread_in_our_calendar_from_the_timex(tmp_path):
    s = "I'll leave for 3 months"
    case = duration_case("a#1", s, item("3 months", s, 7776000, timex="P3M"))  # the source's 3 × 30 days
    _report, result = run_one(tmp_path, [case])
    assert result.cases[0].passed, result.cases[0].problems
    assert conformance._our_calendar({"timex": "P1Y1M21D"}, conformance.default_vocabulary()) == \
        31557600 + 2629800 + 21 * 86400


def test_conformance_bound_is_compared_with_the_open_side(tmp_path):
    s = "records more than 4 days"
    right = duration_case("a#1", s, item("more than 4 days", s, 345600, mod="more"))
    wrong = duration_case("a#2", s, item("more than 4 days", s, 345600, mod="less"))
    _report, result = run_one(tmp_path, [right, wrong])
    assert [c.passed for c in result.cases] == [True, False]


def test_conformance_extra_span_fails_the_case(tmp_path):
    s = "for 3 hours and then 2 days"
    _report, result = run_one(tmp_path, [duration_case("a#1", s, item("3 hours", s, 10800))])
    assert not result.cases[0].passed
    assert any("extra" in p for p in result.cases[0].problems)


def test_conformance_unwaived_failure_is_a_problem_and_a_waiver_clears_it(tmp_path):
    s = "I'll leave for 10D"
    case = duration_case("a#1", s, item("10D", s, 864000))
    report, _ = run_one(tmp_path, [case])
    assert not report.ok
    report, result = run_one(tmp_path, [case], 'recognizers_duration.jsonl:\n  "a#1": "D is a dimension in 3D"\n')
    assert result.waived and not result.unwaived
    assert result.pass_rate == 0.0  # a waived case still counts as failed
    assert not report.ok  # 0 % is below the 95 % target


def test_conformance_stale_waiver_is_reported(tmp_path):
    s = "I'll leave for 3 hours"
    case = duration_case("a#1", s, item("3 hours", s, 10800))
    report, result = run_one(tmp_path, [case], 'recognizers_duration.jsonl:\n  "a#1": "it used to fail here"\n')
    assert result.stale_waivers == ["a#1"]
    assert any("stale" in p for p in report.problems())


def test_conformance_waiver_needs_a_reason_and_a_known_file(tmp_path):
    bad = tmp_path / "w.yaml"
    bad.write_text('recognizers_duration.jsonl:\n  "a#1": ""\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"w\.yaml:2: waiver 'a#1' needs a written reason"):
        conformance.load_waivers(bad)
    bad.write_text('no_such_file.jsonl:\n  "a#1": "a reason long enough"\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"w\.yaml:1: unknown conformance file"):
        conformance.load_waivers(bad)


def test_conformance_folder_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(conformance.ENV_DIR, str(tmp_path))
    assert conformance.conformance_dir() == tmp_path


def test_conformance_command_prints_the_table_and_exits_by_outcome(tmp_path, capsys):
    s = "I'll leave for 3 hours"
    write_cases(tmp_path / "ok", "recognizers_duration.jsonl", [duration_case("a#1", s, item("3 hours", s, 10800))])
    none = tmp_path / "none.yaml"
    none.write_text("", encoding="utf-8")
    assert conformance.main(["--dir", str(tmp_path / "ok"), "--waivers", str(none)]) == 0
    out = capsys.readouterr().out
    assert "recognizers_duration.jsonl" in out and "100.0%" in out and "95%" in out
    assert conformance.main(["--dir", str(tmp_path / "missing")]) == 2
    assert "conformance folder not found" in capsys.readouterr().err
    write_cases(tmp_path / "bad", "recognizers_duration.jsonl",
                [duration_case("a#1", s, item("3 hours", s, 7200))])
    assert conformance.main(["--dir", str(tmp_path / "bad"), "--waivers", str(none), "--failures"]) == 1
    captured = capsys.readouterr()
    assert "a#1 [FAIL]" in captured.out and "not waived" in captured.err
