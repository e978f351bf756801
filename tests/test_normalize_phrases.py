"""The health-phrase table (tests/data/health_phrases.jsonl): every quantity a sentence from a pain
management page states, with the interval it must read as; an empty list means nothing may be found.

Values are written the way a reviewer reads them: "3 mo", "80%", "0 s"; counts are plain numbers;
null is an open bound. "per" is the period of a frequency; "kind", "vague" and "approx" are checked
when given.
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

from checker.quantities.expressions import find_expressions

TABLE = Path(__file__).parent / "data" / "health_phrases.jsonl"
# The sizes are written out here, independently of the vocabulary the normalizer loads.
SECONDS = {"s": 1, "min": 60, "h": 3600, "d": 86400, "wk": 604800, "mo": 2629800, "y": 31557600}
_VALUE_RE = re.compile(r"(-?\d+(?:\.\d+)?)\s*(%|s|min|h|d|wk|mo|y)")


def read_value(value):
    """'3 mo' -> (7889400.0, 's'); '80%' -> (0.8, 'ratio'); 3 -> (3.0, 'count'); None -> (None, None)."""
    if value is None:
        return None, None
    if isinstance(value, (int, float)):
        return float(value), "count"
    m = _VALUE_RE.fullmatch(value)
    assert m, f"unreadable value {value!r} in {TABLE.name}"
    number, unit = float(m.group(1)), m.group(2)
    if unit == "%":
        return number / 100, "ratio"
    return number * SECONDS[unit], "s"


def load_table() -> list[dict]:
    cases = []
    for line_number, line in enumerate(TABLE.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            case = json.loads(line)
            case["line"] = line_number
            cases.append(case)
    return cases


CASES = load_table()


def _close(got, want) -> bool:
    if want is None or got is None:
        return got is None and want is None
    return math.isclose(got, want, rel_tol=1e-4, abs_tol=1e-9)


def test_normalize_phrase_table_is_large_and_has_negatives():
    assert len(CASES) >= 200
    negatives = [c for c in CASES if not c["expect"]]
    assert len(negatives) >= 30


@pytest.mark.parametrize("case", CASES, ids=[f"line{c['line']}" for c in CASES])
def test_normalize_reads_health_phrase(case):
    text = case["text"]
    found = find_expressions(text)
    assert [q.text for q in found] == [e["span"] for e in case["expect"]], text
    for q, want in zip(found, case["expect"]):
        low, low_unit = read_value(want["low"])
        high, high_unit = read_value(want["high"])
        unit = low_unit or high_unit
        assert q.unit == unit, f"{q.text!r}: unit {q.unit} != {unit}"
        assert _close(q.low, low) and _close(q.high, high), \
            f"{q.text!r}: [{q.low}, {q.high}] != [{low}, {high}]"
        assert q.low is None or q.high is None or q.low <= q.high
        if "per" in want:
            assert _close(q.period, read_value(want["per"])[0]), f"{q.text!r}: period {q.period}"
        if "kind" in want:
            assert q.kind == want["kind"], f"{q.text!r}: kind {q.kind}"
        for flag in ("vague", "approx"):
            if flag in want:
                assert getattr(q, flag) == want[flag], f"{q.text!r}: {flag} is {getattr(q, flag)}"
