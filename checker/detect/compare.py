"""The comparison policy: when two claims about the same thing disagree, and how badly.

A claim is compared as what it says:

- a statement of what happens ("usually 3 to 5 days", "most people", "relief may last weeks") is
  *firm*; a subset ("some patients", "in one study", "in successful cases") or a maximum ("up to a
  year", "can last as long as two years") is *soft*;
- a maximum is read as the upper part of its range: "up to a year" says some people get about a
  year, so for times it reads as a tenth of its bound up to the bound, for shares from half of it;
- a subset may differ from the typical value by up to three times (shares: 15 points) without
  contradicting it;
- a hedge word alone ("may", "can") does not make a statement soft, but two hedged statements
  that disagree are one step less severe.

Two claims *disagree* when their intervals, each widened by the tolerance (20 % each way for a
single figure, 12 % for the ends of a stated range, 30 % for vague words; 4 and 6 points for
shares), do not overlap; or, for two firm statements, when the
intervals overlap only at an edge: neither holds the other's centre and the centres are three times
apart (shares: 10 points). A vague range ("hours to days") holds a precise value inside it, so it
disagrees only with a value outside it.

Severity (the table `checker rules` prints):

| disagreement | both firm | one soft | both soft |
|---|---|---|---|
| no overlap | error (warning when both are hedged) | warning for a maximum, info for a subset | info |
| edge only, centres 3x apart | warning | - | - |
| two lower bounds 3x apart ("more than 2 weeks" / "more than 8 weeks") | warning | - | - |
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

from ..model import Claim

NO_OVERLAP, EDGE = "no overlap", "edge"
SMALL_SHARE = 0.05  # below this a share is compared by ratio ("1 in 400" vs "1 in 40,000")
LEVELS = ("info", "warning", "error")


@dataclass(frozen=True)
class Policy:
    tolerance: float = 0.2
    range_tolerance: float = 0.12
    vague_tolerance: float = 0.1
    rate_points: float = 0.04  # shares: slack each way, in fraction points (4 points; 6 when vague)
    vague_rate_points: float = 0.02
    edge_ratio: float = 3.0  # centres this many times apart make an edge overlap a disagreement
    edge_rate_gap: float = 0.10
    subset_factor: float = 3.0  # a subset may differ by up to three times
    subset_rate_points: float = 0.15
    maximum_floor: float = 10.0  # "up to X" reads as X/10..X for times
    maximum_rate_floor: float = 0.5  # ... and X/2..X for shares


def is_soft(claim: Claim) -> bool:
    """A subset or a maximum: not a statement of what typically happens."""
    return bool(claim.subset or claim.maximum)


def is_hedged(claim: Claim) -> bool:
    return claim.hedged and not claim.typical


def bounds(claim: Claim) -> tuple[float, float]:
    low = claim.low if claim.low is not None else 0.0
    high = claim.high if claim.high is not None else math.inf
    return low, high


def compared_bounds(claim: Claim, policy: Policy) -> tuple[float, float]:
    """The interval a claim is compared as: a maximum reads as the upper part of its range."""
    low, high = bounds(claim)
    if claim.maximum and low == 0 and not math.isinf(high):
        low = high * policy.maximum_rate_floor if claim.unit == "ratio" else high / policy.maximum_floor
    return low, high


def widened(claim: Claim, policy: Policy) -> tuple[float, float]:
    low, high = compared_bounds(claim, policy)
    if claim.unit == "ratio":
        slack = policy.rate_points + (policy.vague_rate_points if claim.vague else 0.0)
        if claim.subset:
            slack = max(slack, policy.subset_rate_points)
        # small shares ("1 in 40,000") are compared by ratio, not by points: 4 points would make 1 in
        # 40,000 and 1 in 400 agree
        factor = 1 + policy.tolerance + (policy.vague_tolerance if claim.vague else 0.0)
        wide_low = low / factor if low < SMALL_SHARE else low - slack
        wide_high = high * factor if high < SMALL_SHARE else high + slack
        return wide_low, wide_high
    factor = 1 + _tolerance(claim, low, high, policy) + (policy.vague_tolerance if claim.vague else 0.0)
    if claim.subset:
        factor = max(factor, policy.subset_factor)
    return low / factor, high * factor


def _tolerance(claim: Claim, low: float, high: float, policy: Policy) -> float:
    """A single figure ("about 6 hours") stands for the values that round to it; a range ("4 to 6
    hours") already says how far it spreads, so its ends are widened only by the range slack. A vague
    word's range ("a few hours" = 2 to 4 hours) is checker's reading, not the page's, and keeps the
    full slack."""
    if 0 < low < high < math.inf and not claim.maximum and not claim.vague:
        return policy.range_tolerance
    return policy.tolerance


def centre(claim: Claim, policy: Policy = Policy()) -> float:
    """Where a claim's value sits: the middle of a bounded range, one and a half times the bound of
    an open one ("6 months or longer" ~ 9 months)."""
    low, high = compared_bounds(claim, policy)
    if claim.unit == "ratio":
        return (low + min(high, 1.0)) / 2
    if math.isinf(high):
        return max(low, 1.0) * 1.5
    return (low + high) / 2


def overlap(a: Claim, b: Claim, policy: Policy) -> bool:
    a_low, a_high = widened(a, policy)
    b_low, b_high = widened(b, policy)
    return a_low <= b_high and b_low <= a_high


def _holds(claim: Claim, value: float, policy: Policy) -> bool:
    low, high = compared_bounds(claim, policy)
    return low <= value <= high


def _one_sided(claim: Claim) -> bool:
    """A bound, not a range: "less than 10 days" (from 0) or "more than 10 days" (open above)."""
    return claim.high is None or (claim.low in (0, 0.0) and claim.high is not None and not claim.maximum)


def edge_only(a: Claim, b: Claim, policy: Policy) -> bool:
    """Overlapping ranges that only meet at an edge, with centres far apart ("3 to 5 hours" and "6 to
    18 hours"): neither holds the other's centre and the centres are three times (10 points) apart."""
    if _one_sided(a) and _one_sided(b):
        return False  # "do not use for more than 10 days" and "see a doctor after 10 days": one threshold
    ca, cb = centre(a, policy), centre(b, policy)
    if _holds(a, cb, policy) or _holds(b, ca, policy):
        return False
    if a.unit == "ratio" and max(ca, cb) >= SMALL_SHARE:
        return abs(ca - cb) >= policy.edge_rate_gap
    return max(ca, cb) >= policy.edge_ratio * max(min(ca, cb), 1e-9)


@dataclass(frozen=True)
class Verdict:
    disagree: bool
    how: Optional[str] = None  # NO_OVERLAP or EDGE
    level: int = 0  # index in LEVELS

    @property
    def severity(self) -> Optional[str]:
        return LEVELS[self.level] if self.disagree else None


def verdict(a: Claim, b: Claim, policy: Policy = Policy()) -> Verdict:
    soft = is_soft(a) + is_soft(b)
    if not overlap(a, b, policy):
        return Verdict(True, NO_OVERLAP, _apart_level(a, b, soft))
    if soft == 0 and edge_only(a, b, policy):
        return Verdict(True, EDGE, 1)
    if soft == 0 and thresholds_apart(a, b, policy):
        return Verdict(True, EDGE, 1)
    return Verdict(False)


def _apart_level(a: Claim, b: Claim, soft: int) -> int:
    """How bad two values that do not overlap are: an error between typical statements; a warning when
    one is a maximum ("up to 3 days" against "usually 2 to 3 weeks") or both are hedged ("may", "can");
    info when one holds for a subset only ("in some patients", "in successful cases") or both are soft."""
    if soft == 2 or a.subset or b.subset:
        return 0
    if soft == 1 or (is_hedged(a) and is_hedged(b)):
        return 1
    return 2


def thresholds_apart(a: Claim, b: Claim, policy: Policy) -> bool:
    """Two thresholds in the same direction, far apart: "a chronic cough lasts longer than 2 to 3
    weeks" and "more than 8 weeks" define the same thing differently. Their open ends overlap, so only
    their bounds can be compared: they disagree when one is three times the other (like an edge)."""
    if a.unit == "ratio" or not (a.high is None and b.high is None) or a.low is None or b.low is None:
        return False
    if is_hedged(a) or is_hedged(b):
        return False  # "relief can last more than a year": a possibility, not a definition
    low, high = sorted((a.low, b.low))
    return low > 0 and high >= policy.edge_ratio * low


def agree(a: Claim, b: Claim, policy: Policy = Policy()) -> bool:
    return not verdict(a, b, policy).disagree
