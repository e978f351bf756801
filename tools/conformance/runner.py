"""Conformance: the normalizer against other projects' test cases, with a pass rate per file.

``python -m tools.conformance`` runs every case of ``../shared/conformance`` (Microsoft
Recognizers-Text, Duckling and quantulum3 cases converted to one JSONL schema, see the README there)
through the part of the normalizer that matches the file's category, and prints one table:

- duration files: ``find_quantities(kinds={"duration"})``; values in seconds;
- percent files: ``find_quantities(kinds={"rate", "rate_mention"})``; values in percent;
- number files: ``find_number_matches``; range files: ``find_number_ranges`` (`tools.conformance.numbers`).

A case passes when every expected span is found (same offsets, or the same text up to surrounding
whitespace), each value is right (equal; for a vague reading such as "a few hours", inside our
interval; for a bound such as "less than 2 hours", the bound) and nothing else of that category is
found. Cases we fail on purpose are listed with a reason in ``tests/conformance_waivers.yaml``; a
waived case that starts to pass is reported, so that the list stays true. Exit code 0 when every
target is met and every failure is waived, 1 otherwise, 2 when the cases or the waiver file cannot be
read. ``tests/test_conformance.py`` runs the same logic under pytest.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from checker.errors import CheckerError, DataFileError
from checker.knowledge import yamlio as datafiles
from checker.quantities.expressions import find_expressions
from checker.quantities.vocabulary import Vocabulary, default_vocabulary

from .numbers import find_number_matches, find_number_ranges

REPO = Path(__file__).resolve().parent.parent.parent
ENV_DIR = "CHECKER_CONFORMANCE_DIR"
DEFAULT_WAIVERS = REPO / "tests" / "conformance_waivers.yaml"

# Months and years: the sources use month = 30 d and year = 365 d, we use a year / 12 and 365.25 d.
# Where the source gives its unit (Recognizers' timex "P3M", Duckling's grain) the expected value is
# re-read in our calendar; otherwise values of four weeks and more may differ by this much.
CALENDAR_TOLERANCE = 0.015
NUMBER_TOLERANCE = 1e-9  # the sources print 15 significant digits


@dataclass(frozen=True)
class FileSpec:
    name: str  # path relative to the conformance folder
    category: str  # duration | percent | number | range | mixed (quantulum3: per expected item)
    target: Optional[float]  # minimum case pass rate, None: reported only
    upstream_unsupported: bool = False


FILES = (
    FileSpec("recognizers_duration.jsonl", "duration", 0.95),
    FileSpec("duckling_duration.jsonl", "duration", 0.95),
    FileSpec("recognizers_percent.jsonl", "percent", 0.95),
    FileSpec("recognizers_number.jsonl", "number", 0.90),
    FileSpec("duckling_number.jsonl", "number", 0.90),
    FileSpec("quantulum3_quantities.jsonl", "mixed", None),
    FileSpec("upstream_py_unsupported/recognizers_duration.jsonl", "duration", 0.85, True),
    FileSpec("upstream_py_unsupported/recognizers_percent.jsonl", "percent", 0.85, True),
    FileSpec("upstream_py_unsupported/recognizers_number_range.jsonl", "range", 0.85, True),
    FileSpec("upstream_py_unsupported/recognizers_number.jsonl", "number", None, True),
)
_QUANTULUM_CATEGORIES = {"time": "duration", "percent": "percent", "number_words": "number"}


class ConformanceError(CheckerError):
    """The conformance cases or the waiver list cannot be read."""

    code = "E301"


@dataclass(frozen=True)
class Found:
    """One item the normalizer found, in the file's unit (seconds, percent, plain number)."""

    start: int
    end: int
    low: Optional[float]
    high: Optional[float]
    vague: bool = False
    exact: Optional[float] = None  # a single value as written (numbers), else None


@dataclass
class CaseResult:
    id: str
    input: str
    passed: bool
    problems: list = field(default_factory=list)
    expected: int = 0
    found: int = 0
    matched: int = 0
    right_value: int = 0


@dataclass
class FileResult:
    spec: FileSpec
    cases: list = field(default_factory=list)  # CaseResult
    waivers: dict = field(default_factory=dict)  # id -> reason

    @property
    def total(self) -> int:
        return len(self.cases)

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.cases)

    @property
    def waived(self) -> list:
        return [c for c in self.cases if not c.passed and c.id in self.waivers]

    @property
    def unwaived(self) -> list:
        return [c for c in self.cases if not c.passed and c.id not in self.waivers]

    @property
    def stale_waivers(self) -> list:
        """Waived ids that now pass or that name no case: the waiver list must stay true."""
        by_id = {c.id: c for c in self.cases}
        return sorted(i for i in self.waivers if i not in by_id or by_id[i].passed)

    @property
    def pass_rate(self) -> float:
        return self.passed / self.total if self.total else 1.0

    @property
    def target_met(self) -> bool:
        return self.spec.target is None or self.pass_rate >= self.spec.target

    def ratio(self, numerator: str, denominator: str) -> Optional[float]:
        top = sum(getattr(c, numerator) for c in self.cases)
        bottom = sum(getattr(c, denominator) for c in self.cases)
        return top / bottom if bottom else None


@dataclass
class Report:
    folder: Path
    files: list  # FileResult

    def problems(self) -> list[str]:
        out = []
        for f in self.files:
            if not f.target_met:
                out.append(f"{f.spec.name}: pass rate {f.pass_rate:.1%} is below the target {f.spec.target:.0%}")
            if f.spec.target is not None:
                for case in f.unwaived:
                    out.append(f"{f.spec.name}: {case.id} fails and is not waived: {'; '.join(case.problems)}")
            for case_id in f.stale_waivers:
                out.append(f"{f.spec.name}: waiver {case_id} is stale (the case passes or does not exist)")
        return out

    @property
    def ok(self) -> bool:
        return not self.problems()


# --------------------------------------------------------------------------------------------------
# Locating and loading


def conformance_dir(override: Optional[str | Path] = None) -> Path:
    """The cases folder: the argument, $CHECKER_CONFORMANCE_DIR, else ``<repo>/../shared/conformance``."""
    if override:
        return Path(override)
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    return REPO.parent / "shared" / "conformance"


def load_cases(path: Path) -> list[dict]:
    cases = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConformanceError(f"{path}: cannot read: {exc.strerror or exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConformanceError(f"{path}:{number}: not JSON: {exc.msg}") from None
        if not isinstance(case, dict) or not {"id", "input", "expected"} <= set(case):
            raise ConformanceError(f"{path}:{number}: a case needs id, input and expected")
        cases.append(case)
    return cases


def load_waivers(path: Optional[str | Path] = None) -> dict:
    """{file name: {case id: reason}} from the waiver list; every entry needs a written reason."""
    path = Path(path) if path else DEFAULT_WAIVERS
    if not path.exists():
        return {}
    data = datafiles.load_yaml(path) or {}
    data = datafiles.expect_mapping(path, data, "the waiver list")
    known = {spec.name for spec in FILES}
    out = {}
    for name, entries in data.items():
        if name not in known:
            raise DataFileError(f"{datafiles.where(path, data, name)}: unknown conformance file {name!r} "
                                f"(known: {', '.join(sorted(known))})")
        entries = datafiles.expect_mapping(path, entries, f"waivers of {name}")
        for case_id, reason in entries.items():
            if not isinstance(reason, str) or len(reason.strip()) < 10:
                raise DataFileError(f"{datafiles.where(path, entries, case_id)}: waiver {case_id!r} needs a "
                                    "written reason")
        out[name] = {str(k): v.strip() for k, v in entries.items()}
    return out


# --------------------------------------------------------------------------------------------------
# Running the normalizer on a case


def _finder(category: str, vocab: Vocabulary) -> Callable[[str], list[Found]]:
    if category == "duration":
        return lambda text: [Found(q.start, q.end, q.low, q.high, q.vague)
                             for q in find_expressions(text, vocab, kinds={"duration"})]
    if category == "percent":
        return lambda text: [Found(q.start, q.end, _scaled(q.low, 100), _scaled(q.high, 100), q.vague)
                             for q in find_expressions(text, vocab, kinds={"rate", "rate_mention"})]
    if category == "number":
        return lambda text: [Found(m.start, m.end, m.low, m.high, m.vague, m.value)
                             for m in find_number_matches(text, vocab)]
    if category == "range":
        return lambda text: [Found(r.start, r.end, r.low, r.high) for r in find_number_ranges(text, vocab)]
    raise ValueError(category)


def _scaled(value: Optional[float], factor: float) -> Optional[float]:
    return None if value is None else value * factor


def _close(a: Optional[float], b: Optional[float], tolerance: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=tolerance, abs_tol=1e-9)


_TIMEX_RE = re.compile(r"(\d+(?:\.\d+)?)(WE|BD|[YMWDHS])")
_TIMEX_UNITS = {"Y": "year", "W": "week", "D": "day", "BD": "day", "H": "hour", "S": "second"}
_GRAIN_UNITS = {"second": "second", "minute": "minute", "hour": "hour", "day": "day", "week": "week",
                "month": "month", "quarter": "quarter", "year": "year"}


def _our_calendar(item: dict, vocab: Vocabulary) -> Optional[float]:
    """The expected duration re-read with our month and year, from the unit the source states."""
    seconds = vocab.units
    if item.get("grain") in _GRAIN_UNITS and item.get("grain_value") is not None:
        return float(item["grain_value"]) * seconds[_GRAIN_UNITS[item["grain"]]].seconds
    timex = item.get("timex")
    if not timex or not timex.startswith("P"):
        return None
    date_part, _, time_part = timex[1:].partition("T")
    total = 0.0
    for part, in_time in ((date_part, False), (time_part, True)):
        for amount, designator in _TIMEX_RE.findall(part):
            if designator == "M":
                name = "minute" if in_time else "month"
            elif designator == "WE":
                name = "weekend"
            else:
                name = _TIMEX_UNITS[designator]
            if name not in seconds:
                return None
            total += float(amount) * seconds[name].seconds
    return total


def _value_problem(category: str, item: dict, found: Found, vocab: Vocabulary) -> Optional[str]:
    """None when the found value is right for the expected item, else what is wrong."""
    if category == "range":
        want = item.get("value") or {}
        return _interval_problem(item, found, _num(want.get("low")), _num(want.get("high")))
    if category == "mixed_range":  # quantulum3 percent ranges: low/high given
        return _interval_problem(item, found, item.get("low"), item.get("high"))
    if item.get("value") is None:
        return None  # span only (Recognizers extractor cases, percent mentions)
    value = float(item["value"])
    candidates = [value]
    tolerance = NUMBER_TOLERANCE
    if category == "duration":
        ours = _our_calendar(item, vocab)
        if ours is not None:
            candidates.append(ours)
        if value >= 28 * 86400:
            tolerance = CALENDAR_TOLERANCE
        if item.get("mod") in ("less", "more"):
            return _bound_problem(item, found, candidates, tolerance)
    return _point_problem(item, found, candidates, tolerance)


def _interval_problem(item: dict, found: Found, low: Optional[float], high: Optional[float]) -> Optional[str]:
    if _close(found.low, low, NUMBER_TOLERANCE) and _close(found.high, high, NUMBER_TOLERANCE):
        return None
    return f"{item['text']!r}: expected [{low}, {high}], got [{found.low}, {found.high}]"


def _bound_problem(item: dict, found: Found, candidates: list, tolerance: float) -> Optional[str]:
    """'less than 2 hours' must read as 0..2 h, 'more than 4 days' as 4 d..open."""
    value = candidates[0]
    if item["mod"] == "less":
        if any(_close(found.high, c, tolerance) for c in candidates) and (found.low or 0) == 0:
            return None
        return f"{item['text']!r}: expected at most {value:g}, got [{found.low}, {found.high}]"
    if any(_close(found.low, c, tolerance) for c in candidates) and found.high is None:
        return None
    return f"{item['text']!r}: expected at least {value:g}, got [{found.low}, {found.high}]"


def _point_problem(item: dict, found: Found, candidates: list, tolerance: float) -> Optional[str]:
    """A single expected value: equal to ours, or inside our interval for a vague reading."""
    value = candidates[0]
    if found.vague and found.low is not None and found.high is not None:
        if any(found.low * (1 - tolerance) <= c <= found.high * (1 + tolerance) for c in candidates):
            return None
        return f"{item['text']!r}: {value:g} is outside our vague reading [{found.low:g}, {found.high:g}]"
    if any(_close(found.low, c, tolerance) and _close(found.high, c, tolerance) for c in candidates):
        return None
    return f"{item['text']!r}: expected {value:g}, got [{found.low}, {found.high}]"


def _num(value) -> Optional[float]:
    return None if value is None else float(value)


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _quantulum_expected(item: dict, vocab: Vocabulary) -> tuple[str, dict]:
    """quantulum3 items in our terms: time values in seconds, percent ranges by low/high."""
    category = _QUANTULUM_CATEGORIES[item["category"]]
    item = dict(item)
    if category == "duration":
        alias = vocab.unit_alias.get(str(item.get("unit", "")).lower())
        item["value"] = float(item["value"]) * vocab.units[alias].seconds if alias else math.nan
    if category == "percent" and item.get("low") is not None:
        return "mixed_range", item
    return category, item


def _expected_by_category(case: dict, spec: FileSpec, vocab: Vocabulary) -> tuple[dict, list]:
    """The expected items grouped by category, and the spans inside which nothing found is an extra:
    spans the source found as something else (dates) or as another category."""
    groups: dict = {}  # category -> expected items
    context_spans = [(o["start"], o["end"]) for o in case.get("other_entities") or [] if "start" in o]
    context_spans += [(item["start"], item["end"]) for item in case["expected"]]
    for item in case["expected"]:
        category = spec.category
        if spec.category == "mixed":
            if item.get("category") not in _QUANTULUM_CATEGORIES:
                context_spans.append((item["start"], item["end"]))
                continue
            category, item = _quantulum_expected(item, vocab)
        groups.setdefault(category, []).append(item)
    return groups, context_spans


_FINDER_OF = {"mixed_range": "percent"}  # categories read by another category's finder


def _match_expected(text: str, category: str, items: list, found: list, used: set, result: CaseResult,
                    vocab: Vocabulary) -> None:
    """Match each expected item of a category with an unused found item of the same span."""
    finder = _FINDER_OF.get(category, category)
    for item in items:
        result.expected += 1
        want = _stripped(text, item["start"], item["end"])
        match = next((index for index, f in enumerate(found) if (finder, index) not in used
                      and _stripped(text, f.start, f.end) == want), None)
        if match is None:
            result.problems.append(f"not found: {item['text']!r}")
            continue
        used.add((finder, match))
        result.matched += 1
        problem = _value_problem(category, item, found[match], vocab)
        if problem:
            result.problems.append(problem)
        else:
            result.right_value += 1


def run_case(case: dict, spec: FileSpec, vocab: Vocabulary, finders: dict) -> CaseResult:
    text = case["input"]
    result = CaseResult(case["id"], text, True)
    groups, context_spans = _expected_by_category(case, spec, vocab)
    categories = set(groups) if spec.category == "mixed" else {spec.category}
    if spec.category == "mixed":
        categories |= {_QUANTULUM_CATEGORIES[c] for c in case.get("categories", []) if c in _QUANTULUM_CATEGORIES}
    found_by_finder: dict = {}
    for category in categories:
        finder = _FINDER_OF.get(category, category)
        if finder not in found_by_finder:
            found_by_finder[finder] = finders[finder](text)
    used: set = set()
    for category in categories:
        found = found_by_finder[_FINDER_OF.get(category, category)]
        _match_expected(text, category, groups.get(category, []), found, used, result, vocab)
    for finder, found in found_by_finder.items():
        for index, f in enumerate(found):
            result.found += 1
            if (finder, index) in used or any(s <= f.start and f.end <= e for s, e in context_spans):
                continue
            result.problems.append(f"extra: {text[f.start:f.end]!r}")
    result.passed = not result.problems
    return result


def run(folder: Optional[str | Path] = None, waivers: Optional[str | Path] = None,
        vocab: Optional[Vocabulary] = None, only: Optional[Iterable[str]] = None) -> Report:
    """Run every conformance file found in the folder; raises ConformanceError when it is missing."""
    folder = conformance_dir(folder)
    if not folder.is_dir():
        raise ConformanceError(f"{folder}: conformance folder not found (set ${ENV_DIR} or pass --dir)")
    vocab = vocab or default_vocabulary()
    waiver_table = load_waivers(waivers)
    finders = {name: _finder(name, vocab) for name in ("duration", "percent", "number", "range")}
    only = set(only) if only else None
    files = []
    for spec in FILES:
        path = folder / spec.name
        if (only and spec.name not in only) or not path.exists():
            continue
        result = FileResult(spec, waivers=waiver_table.get(spec.name, {}))
        for case in load_cases(path):
            result.cases.append(run_case(case, spec, vocab, finders))
        files.append(result)
    if not files:
        raise ConformanceError(f"{folder}: no conformance files found")
    return Report(folder, files)


# --------------------------------------------------------------------------------------------------
# Reporting


def _pct(value: Optional[float]) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def format_table(report: Report) -> str:
    header = (f"{'file':<52} {'cases':>5} {'passed':>6} {'waived':>6} {'failed':>6} {'pass rate':>9} "
              f"{'target':>6}  {'span P':>6} {'span R':>6} {'value':>6}  status")
    lines = [f"conformance cases: {report.folder}", ""]
    for upstream in (False, True):
        group = [f for f in report.files if f.spec.upstream_unsupported == upstream]
        if not group:
            continue
        lines.append("upstream_py_unsupported (cases Recognizers-Text's Python port skips; reported separately)"
                     if upstream else "main files")
        lines.append(header)
        for f in group:
            target = "–" if f.spec.target is None else f"{f.spec.target:.0%}"
            problems = (not f.target_met) or (f.spec.target is not None and f.unwaived) or f.stale_waivers
            status = "report only" if f.spec.target is None else ("FAIL" if problems else "ok")
            if f.stale_waivers:
                status += f" ({len(f.stale_waivers)} stale waiver(s))"
            lines.append(
                f"{f.spec.name:<52} {f.total:>5} {f.passed:>6} {len(f.waived):>6} {len(f.unwaived):>6} "
                f"{_pct(f.pass_rate):>9} {target:>6}  {_pct(f.ratio('matched', 'found')):>6} "
                f"{_pct(f.ratio('matched', 'expected')):>6} {_pct(f.ratio('right_value', 'matched')):>6}  {status}")
        lines.append("")
    lines.append("pass rate = passed / cases (waived cases count as failed); span P/R = span precision and recall; "
                 "value = right values among matched spans")
    return "\n".join(lines)


def format_failures(report: Report, include_waived: bool = False) -> str:
    lines = []
    for f in report.files:
        for case in f.cases:
            if case.passed or (case.id in f.waivers and not include_waived):
                continue
            mark = "waived" if case.id in f.waivers else "FAIL"
            lines.append(f"{f.spec.name} {case.id} [{mark}] {case.input[:100]!r}")
            lines.extend(f"    {p}" for p in case.problems)
    return "\n".join(lines)


def to_json(report: Report) -> dict:
    return {
        "folder": str(report.folder),
        "ok": report.ok,
        "files": [{
            "file": f.spec.name, "category": f.spec.category, "upstream_unsupported": f.spec.upstream_unsupported,
            "cases": f.total, "passed": f.passed, "waived": len(f.waived), "failed": len(f.unwaived),
            "pass_rate": f.pass_rate, "target": f.spec.target, "target_met": f.target_met,
            "span_precision": f.ratio("matched", "found"), "span_recall": f.ratio("matched", "expected"),
            "value_accuracy": f.ratio("right_value", "matched"), "stale_waivers": f.stale_waivers,
            "failures": [{"id": c.id, "waived": c.id in f.waivers, "problems": c.problems}
                         for c in f.cases if not c.passed],
        } for f in report.files],
        "problems": report.problems(),
    }


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.conformance",
                                     description="Pass rate of the normalizer on the shared conformance cases.")
    parser.add_argument("--dir", help=f"conformance folder (default: ${ENV_DIR} or <repo>/../shared/conformance)")
    parser.add_argument("--waivers", help="waiver list (default: tests/conformance_waivers.yaml)")
    parser.add_argument("--file", action="append", help="only this file (repeatable), e.g. duckling_number.jsonl")
    parser.add_argument("--failures", action="store_true", help="list the failing cases that are not waived")
    parser.add_argument("--all-failures", action="store_true", help="list every failing case, waived ones too")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    try:
        report = run(args.dir, args.waivers, only=args.file)
    except CheckerError as exc:
        print(f"tools.conformance: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(to_json(report), indent=2))
        return 0 if report.ok else 1
    print(format_table(report))
    if args.failures or args.all_failures:
        listed = format_failures(report, include_waived=args.all_failures)
        if listed:
            print("\n" + listed)
    problems = report.problems()
    if problems:
        print(f"\n{len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
