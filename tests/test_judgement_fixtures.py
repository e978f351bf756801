"""Judgement fixtures, in Vale's style: one folder per case under tests/fixtures/judgement/<case>/.

Each folder holds 1-4 short pages (.txt, .md, .html) and an ``expect.yaml`` written from the
requirements (issues 8 and 9), by reading the pages as a careful reviewer would, without looking at
how checker does it. This runner checks checker's output against each folder's expectations.

``expect.yaml`` (every section optional):

    about: one line on the behaviour the case is about
    claims:                      # claims checker must find, and what they must say
      - value: "1 in 40,000"     # the value as written on the page (a substring of the page text)
        page: a.txt              # optional when the value occurs on one page only
        in: "about 1 in 40,000 newborns"   # optional: a longer text that holds the value, to pick one occurrence
        subject: galactosemia    # a name or a list of acceptable names; case, hyphens, apostrophes ignored
        attribute: prevalence    # a name or a list of acceptable names
        condition: newborns      # a name, a list of acceptable names, or null (no condition)
        low: 2.5e-5              # seconds for times and ages, a fraction for shares, a count for counts;
        high: 2.5e-5             #   or a string "<n> <unit>" (s, min, h, d, wk, mo, y); null = open bound
        tolerance: 0.25          # relative tolerance on the bounds (default 0.25)
    not_claims:                  # text that is not a quantitative claim: no claim's value may overlap it
      - value: "trisomy 21"
    conflicts:                   # pairs that must sit in different clusters of one conflict
      - a: {value: "1 to 2 hours", page: a.txt}
        b: {value: "4 to 5 hours", page: b.txt}
        severity: error          # a severity or a list of acceptable ones; omitted = any
    not_conflicts:               # pairs that must not sit in different clusters of any conflict
      - a: {value: "...", page: ...}
        b: {value: "...", page: ...}
        max_severity: info       # optional: being reported at or below this severity is acceptable
        unclaimed_ok: true       # optional: a side may also be no claim at all (e.g. "is not permanent");
                                 #   by default both sides of a look-alike pair must be found as claims

A value is located in the page text; the claim picked for it is the one whose value span overlaps
that location (the gold format's matching rule, applied to the value rather than the quote).

Expectations checker is known to miss are listed, with the reason, in ``KNOWN_GAPS.yaml`` beside the
cases: such a case is reported as xfail while its other expectations must still pass, and a listed
gap that starts passing fails the run until its entry is removed.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker import Config
from checker.evaluate import same_subject
from checker.model import severity_rank
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "judgement"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expect.yaml").is_file()) if FIXTURES.is_dir() else []
PAGE_SUFFIXES = {".txt", ".md", ".html"}

_UNITS = {
    "s": 1.0, "sec": 1.0, "second": 1.0, "seconds": 1.0,
    "min": 60.0, "minute": 60.0, "minutes": 60.0,
    "h": 3600.0, "hour": 3600.0, "hours": 3600.0,
    "d": 86400.0, "day": 86400.0, "days": 86400.0,
    "wk": 604800.0, "week": 604800.0, "weeks": 604800.0,
    "mo": 30.44 * 86400.0, "month": 30.44 * 86400.0, "months": 30.44 * 86400.0,
    "y": 365.25 * 86400.0, "year": 365.25 * 86400.0, "years": 365.25 * 86400.0,
    "%": 0.01, "percent": 0.01,
}


@pytest.fixture(scope="module")
def resources():
    """One set of loaded data files and one spaCy pipeline for every case (what `check` builds itself)."""
    from checker import Checker

    return Checker(Config())


# ---------------------------------------------------------------------------------------------- helpers


def norm_name(text) -> str:
    """Lower case; apostrophes dropped; hyphens, dashes and other punctuation read as spaces."""
    if text is None:
        return ""
    text = str(text).lower().replace("\u2019", "").replace("'", "")
    text = re.sub(r"[\-\u2010-\u2015/]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


def same_name(actual, expected) -> bool:
    a, e = norm_name(actual), norm_name(expected)
    return a == e or a.replace(" ", "") == e.replace(" ", "")


def as_list(value) -> list:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def to_number(value):
    """A bound as written in expect.yaml: a number, a fraction "a/b", or "<n> <unit>"; None stays None."""
    if value is None or (isinstance(value, str) and value.strip().lower() in {"open", "null", "none"}):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace(",", "")
    m = re.fullmatch(r"([\d.eE+-]+)\s*/\s*([\d.eE+-]+)", text)
    if m:
        return float(m.group(1)) / float(m.group(2))
    m = re.fullmatch(r"([\d.eE+-]+)\s*([A-Za-z%]+)?", text)
    if not m:
        raise ValueError(f"cannot read the bound {value!r}")
    number = float(m.group(1))
    unit = m.group(2)
    if unit is None:
        return number
    if unit.lower() not in _UNITS:
        raise ValueError(f"unknown unit in bound {value!r}")
    return number * _UNITS[unit.lower()]


def bound_ok(actual, expected, other_expected, tolerance: float) -> bool:
    if expected is None:
        return actual is None
    if expected == 0:
        # "less than X", "before age 2": a closed 0 or an open lower bound both say the same
        if actual is None:
            return True
        scale = abs(other_expected) if other_expected else 1.0
        return abs(actual) <= tolerance * scale
    if actual is None:
        return False
    return abs(actual - expected) <= tolerance * abs(expected)


def show(claim) -> str:
    def num(v):
        return "open" if v is None else f"{v:.6g}"

    flags = [f for f in ("hedged", "typical", "subset", "maximum", "negated", "personal", "vague") if getattr(claim, f, False)]
    return (f"{Path(claim.source).name}@{claim.value_start}: {claim.value_text!r} -> subject={claim.subject!r} "
            f"attribute={claim.attribute!r} condition={claim.condition!r} qualifier={claim.qualifier!r} "
            f"[{num(claim.low)}, {num(claim.high)}] {claim.unit}"
            + (f" ({', '.join(flags)})" if flags else "")
            + f"\n        quote: {claim.quote!r}")


class Case:
    def __init__(self, name: str, resources):
        self.name = name
        self.folder = FIXTURES / name
        self.expect = yaml.safe_load((self.folder / "expect.yaml").read_text(encoding="utf-8")) or {}
        self.pages = {p.name: p.read_text(encoding="utf-8") for p in sorted(self.folder.iterdir())
                      if p.suffix in PAGE_SUFFIXES}
        assert 1 <= len(self.pages) <= 4, f"{name}: a case has 1 to 4 pages, found {sorted(self.pages)}"
        self.result = resources.check_paths([str(self.folder)])
        assert not self.result.errors, f"{name}: checker could not read a page: {self.result.errors}"

    # -- locating a value in a page and the claims that hold it

    def locate(self, ref: dict) -> tuple[str, int, int]:
        value = str(ref["value"])
        pages = [ref["page"]] if ref.get("page") else list(self.pages)
        for page in pages:
            assert page in self.pages, f"{self.name}: expect.yaml names page {page!r}, not in the folder"
        hits = []
        for page in pages:
            text = self.pages[page]
            anchor = ref.get("in")
            if anchor:
                positions = [m.start() for m in re.finditer(re.escape(anchor), text)]
                for pos in positions:
                    inner = anchor.find(value)
                    assert inner >= 0, f"{self.name}: {value!r} is not inside its 'in' text {anchor!r}"
                    hits.append((page, pos + inner, pos + inner + len(value)))
            else:
                hits.extend((page, m.start(), m.end()) for m in re.finditer(re.escape(value), text))
        assert hits, f"{self.name}: the value {value!r} does not occur in {pages} (fix the fixture)"
        assert len(hits) == 1, (f"{self.name}: the value {value!r} occurs {len(hits)} times in {pages}; "
                                f"name the page or add an 'in' text (fix the fixture)")
        return hits[0]

    def claims_at(self, ref: dict) -> list:
        """The claims whose value span overlaps the located value, best overlap first."""
        page, start, end = self.locate(ref)
        found = []
        for claim in self.result.claims:
            if Path(claim.source).name != page:
                continue
            overlap = min(end, claim.value_end) - max(start, claim.value_start)
            if overlap > 0:
                found.append((-overlap, claim.value_start, claim))
        return [c for _, _, c in sorted(found, key=lambda t: (t[0], t[1]))]

    def describe_ref(self, ref: dict) -> str:
        return f"{ref['value']!r}" + (f" ({ref['page']})" if ref.get("page") else "")

    def claims_near(self, ref: dict) -> str:
        page, start, _ = self.locate(ref)
        near = [c for c in self.result.claims if Path(c.source).name == page]
        if not near:
            return f"    checker found no claim at all on {page}"
        return "    claims checker found on " + page + ":\n" + "\n".join("      " + show(c) for c in near)

    # -- the three kinds of expectation

    def check_claim(self, exp: dict) -> list[str]:
        found = self.claims_at(exp)
        label = f"claim {self.describe_ref(exp)}"
        if not found:
            return [f"{label}: checker found no claim there\n{self.claims_near(exp)}"]
        claim = found[0]
        problems = []
        if "subject" in exp:
            names = as_list(exp["subject"])
            # a name, or an alias of it in subjects.yaml ("botox" for "botulinum toxin injection"): the
            # identity alignment and `checker eval` use
            if not any(same_name(claim.subject, n) or same_subject(claim.subject, n) for n in names):
                problems.append(f"subject {' | '.join(map(str, names))!s} expected, got {claim.subject!r}")
        if "attribute" in exp:
            names = as_list(exp["attribute"])
            if claim.attribute not in names:
                problems.append(f"attribute {' | '.join(names)} expected, got {claim.attribute!r}")
        if "condition" in exp:
            names = as_list(exp["condition"])
            ok = any((n is None and not claim.condition) or (n is not None and same_name(claim.condition, n))
                     for n in names)
            if not ok:
                problems.append(f"condition {' | '.join('null' if n is None else str(n) for n in names)} expected, "
                                f"got {claim.condition!r}")
        tolerance = float(exp.get("tolerance", 0.25))
        low = to_number(exp["low"]) if "low" in exp else "skip"
        high = to_number(exp["high"]) if "high" in exp else "skip"
        if low != "skip" and not bound_ok(claim.low, low, None if high == "skip" else high, tolerance):
            problems.append(f"low bound {exp['low']} (={low}) expected within {tolerance:.0%}, got {claim.low}")
        if high != "skip" and not bound_ok(claim.high, high, None if low == "skip" else low, tolerance):
            problems.append(f"high bound {exp['high']} (={high}) expected within {tolerance:.0%}, got {claim.high}")
        if problems:
            return [f"{label}: " + "; ".join(problems) + "\n      checker: " + show(claim)]
        return []

    def check_not_claim(self, exp: dict) -> list[str]:
        found = self.claims_at(exp)
        if found:
            return [f"not a claim {self.describe_ref(exp)}: checker made a claim of it\n      checker: " + show(found[0])]
        return []

    def split_pairs(self, a: dict, b: dict) -> list:
        """Every conflict that puts a claim at `a` and a claim at `b` in different clusters."""
        ids_a = {c.id for c in self.claims_at(a)}
        ids_b = {c.id for c in self.claims_at(b)}
        out = []
        for conflict in self.result.conflicts:
            clusters_a = {cc.cluster for cc in conflict.claims if cc.claim.id in ids_a}
            clusters_b = {cc.cluster for cc in conflict.claims if cc.claim.id in ids_b}
            if any(x != y for x in clusters_a for y in clusters_b):
                out.append(conflict)
        return out

    def conflicts_touching(self, *refs) -> str:
        ids = {c.id for ref in refs for c in self.claims_at(ref)}
        touching = [c for c in self.result.conflicts if any(cc.claim.id in ids for cc in c.claims)]
        if not touching:
            return f"    no conflict involves these claims ({len(self.result.conflicts)} conflicts in the case)"
        lines = []
        for c in touching:
            lines.append(f"    {c.rule} {c.severity}: {c.message}")
            for cc in c.claims:
                lines.append(f"      cluster {cc.cluster}: {Path(cc.claim.source).name} {cc.claim.value_text!r}")
        return "\n".join(lines)

    def check_conflict(self, exp: dict) -> list[str]:
        a, b = exp["a"], exp["b"]
        label = f"conflict {self.describe_ref(a)} vs {self.describe_ref(b)}"
        missing = [ref for ref in (a, b) if not self.claims_at(ref)]
        if missing:
            return [f"{label}: expected, but checker found no claim at "
                    + ", ".join(self.describe_ref(r) for r in missing)
                    + "\n" + "\n".join(self.claims_near(r) for r in missing)]
        split = self.split_pairs(a, b)
        if not split:
            a0, b0 = self.claims_at(a)[0], self.claims_at(b)[0]
            return [f"{label}: expected a conflict (severity {exp.get('severity', 'any')}), checker reported none\n"
                    f"      checker: {show(a0)}\n      checker: {show(b0)}\n" + self.conflicts_touching(a, b)]
        if "severity" in exp:
            wanted = as_list(exp["severity"])
            if not any(c.severity in wanted for c in split):
                got = ", ".join(f"{c.rule} {c.severity}" for c in split)
                return [f"{label}: severity {' | '.join(wanted)} expected, checker reported {got}\n"
                        + self.conflicts_touching(a, b)]
        return []

    def check_not_conflict(self, exp: dict) -> list[str]:
        a, b = exp["a"], exp["b"]
        label = f"not a conflict {self.describe_ref(a)} vs {self.describe_ref(b)}"
        if not exp.get("unclaimed_ok"):
            # a look-alike pair: both are claims that checker must read and then judge compatible
            missing = [ref for ref in (a, b) if not self.claims_at(ref)]
            if missing:
                return [f"{label}: both sides are claims, but checker found no claim at "
                        + ", ".join(self.describe_ref(r) for r in missing)
                        + "\n" + "\n".join(self.claims_near(r) for r in missing)]
        split = self.split_pairs(a, b)
        allowed = exp.get("max_severity")
        if allowed:
            split = [c for c in split if severity_rank(c.severity) > severity_rank(allowed)]
        if split:
            got = ", ".join(f"{c.rule} {c.severity}" for c in split)
            limit = f" above {allowed}" if allowed else ""
            return [f"{label}: checker reported them as disagreeing{limit} ({got})\n" + self.conflicts_touching(a, b)]
        return []

    def run(self) -> dict[tuple[str, int], list[str]]:
        """The problems of each failing expectation, keyed by (section, index in that section)."""
        checks = {"claims": self.check_claim, "not_claims": self.check_not_claim,
                  "conflicts": self.check_conflict, "not_conflicts": self.check_not_conflict}
        failing = {}
        for section, check_one in checks.items():
            for index, exp in enumerate(self.expect.get(section) or []):
                problems = check_one(exp)
                if problems:
                    failing[(section, index)] = problems
        return failing


def load_known_gaps() -> dict[str, dict]:
    """KNOWN_GAPS.yaml: expectations checker is known to miss, each with the reason, so that the rest of
    a case still guards against regressions and a gap that closes is noticed (the test then fails until
    its entry is removed)."""
    path = FIXTURES / "KNOWN_GAPS.yaml"
    if not path.is_file():
        return {}
    gaps = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for case, entry in gaps.items():
        assert case in CASES, f"KNOWN_GAPS.yaml names {case!r}, which is not a case"
        assert entry.get("reason"), f"KNOWN_GAPS.yaml: {case} gives no reason"
    return gaps


KNOWN_GAPS = load_known_gaps()


def known_keys(case: str) -> set[tuple[str, int]]:
    entry = KNOWN_GAPS.get(case) or {}
    return {(section, int(i)) for section in ("claims", "not_claims", "conflicts", "not_conflicts")
            for i in entry.get(section) or []}


def test_judgement_fixtures_exist():
    assert len(CASES) >= 50, f"expected at least 50 judgement cases, found {len(CASES)}"


@pytest.mark.parametrize("case", CASES)
def test_judgement_fixture(case, resources):
    runner = Case(case, resources)
    sections = ("claims", "not_claims", "conflicts", "not_conflicts")
    assert any(runner.expect.get(s) for s in sections), f"{case}: expect.yaml states no expectation"
    failing = runner.run()
    known = known_keys(case)
    about = runner.expect.get("about", "")
    unexpected = [p for key, problems in failing.items() if key not in known for p in problems]
    if unexpected:
        pytest.fail(f"{case}: {about}\n  " + "\n  ".join(unexpected), pytrace=False)
    closed = sorted(known - set(failing))
    if closed:
        pytest.fail(f"{case}: known gaps now pass, remove them from KNOWN_GAPS.yaml: "
                    + ", ".join(f"{s}[{i}]" for s, i in closed), pytrace=False)
    if known:
        pytest.xfail(f"known gap: {KNOWN_GAPS[case]['reason']}")
