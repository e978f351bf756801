"""Clusters of claims that agree with each other, and the claims that bridge two clusters.

Claims are taken by the low end of their widened interval; a claim joins the cluster being built
when it agrees with every member. Overlap is checked against the lowest high end of the members,
and an edge disagreement against the members with the lowest and highest centre, so building the
clusters costs n log n, not n². A claim that agrees with members of two clusters ("weeks to months"
between "a few days" and "a year") is left out, the widest first, until claims in different clusters
all disagree.
"""
from __future__ import annotations

import bisect
import math


from ..model import Claim
from .compare import Policy, agree, centre, compared_bounds, widened



def find_repeats(claims) -> dict:
    """Map claim id -> id of the earlier claim in the same source that it restates: the same reading
    about the same thing ("8.3 hours" in the text, "8.3 h" in the page's table), whatever the words."""
    repeats: dict = {}
    seen: dict = {}  # (source, low, high, how it is hedged) -> the first claim with that reading
    for claim in sorted(claims, key=lambda c: (c.source, c.start, c.value_start)):
        key = (claim.source, claim.low, claim.high, bool(claim.subset), bool(claim.maximum))
        if key in seen:
            repeats[claim.id] = seen[key].id
        else:
            seen[key] = claim
    return repeats


def cluster(claims: list, policy: Policy) -> list[list[Claim]]:
    ordered = sorted(claims, key=lambda c: (widened(c, policy), c.source, c.start, c.id))
    clusters: list[list[Claim]] = []
    lowest_high = 0.0
    lo_centre = hi_centre = None
    for claim in ordered:
        low, high = widened(claim, policy)
        joins = bool(clusters) and low <= lowest_high and agree(claim, lo_centre, policy) \
            and agree(claim, hi_centre, policy)
        if joins:
            clusters[-1].append(claim)
            lowest_high = min(lowest_high, high)
            if centre(claim, policy) < centre(lo_centre, policy):
                lo_centre = claim
            if centre(claim, policy) > centre(hi_centre, policy):
                hi_centre = claim
        else:
            clusters.append([claim])
            lowest_high = high
            lo_centre = hi_centre = claim
    return clusters


def _log_width(claim: Claim, policy: Policy) -> float:
    low, high = compared_bounds(claim, policy)
    if claim.unit == "ratio":
        return min(high, 1.0) - low
    return math.log(min(high, 1e12) + 1) - math.log(low + 1)


def separate(clusters: list, policy: Policy) -> tuple[list, list]:
    """Leave out claims that overlap members of another cluster, the widest first, until claims in
    different clusters all disagree. Overlaps are counted with sorted interval ends (bisect)."""
    clusters = [list(c) for c in clusters if c]
    left_out: list[Claim] = []
    while len(clusters) >= 2:
        everyone = [(c, k) for k, members in enumerate(clusters) for c in members]
        bounds = {c.id: widened(c, policy) for c, _k in everyone}
        lows = sorted(b[0] for b in bounds.values())
        highs = sorted(b[1] for b in bounds.values())
        best, best_key = None, None
        for c, k in everyone:
            low, high = bounds[c.id]
            overlapping = bisect.bisect_right(lows, high) - bisect.bisect_left(highs, low)
            across = overlapping - len(clusters[k])
            if across > 0 and _agrees_across(c, k, clusters, policy):
                key = (_between(c, everyone, policy), _log_width(c, policy), across, c.id)
                if best_key is None or key > best_key:
                    best, best_key = c, key
        if best is None:
            break
        left_out.append(best)
        clusters = [[c for c in members if c.id != best.id] for members in clusters]
        clusters = [c for c in clusters if c]
    return clusters, left_out


def _between(claim: Claim, everyone: list, policy: Policy) -> bool:
    """Whether the claim agrees with claims on both sides of it: "20-30 minutes" between "10-20" and
    "30-45 minutes" is the one to leave out, so that the two ends, which disagree, stay apart."""
    mine = centre(claim, policy)
    below = above = False
    for other, _k in everyone:
        if other.id == claim.id or not agree(claim, other, policy):
            continue
        theirs = centre(other, policy)
        below = below or theirs < mine
        above = above or theirs > mine
        if below and above:
            return True
    return False


def _agrees_across(claim: Claim, own: int, clusters: list, policy: Policy) -> bool:
    """Whether the claim agrees with some member of another cluster (the extremes decide)."""
    for k, members in enumerate(clusters):
        if k == own:
            continue
        ends = (min(members, key=lambda c: centre(c, policy)), max(members, key=lambda c: centre(c, policy)))
        if any(agree(claim, other, policy) for other in ends):
            return True
    return False
