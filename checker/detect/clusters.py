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
from typing import Optional

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
    lo_centre: Optional[Claim] = None  # set with the first cluster
    hi_centre: Optional[Claim] = None
    for claim in ordered:
        low, high = widened(claim, policy)
        if clusters and lo_centre is not None and hi_centre is not None and low <= lowest_high \
                and agree(claim, lo_centre, policy) and agree(claim, hi_centre, policy):
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


def signature(claim: Claim) -> tuple:
    """What `compare.verdict` reads of a claim: claims with one signature agree with the same claims."""
    return (claim.low, claim.high, claim.unit, claim.vague, claim.subset, claim.maximum, claim.hedged, claim.typical)


class Agreement:
    """`compare.agree` between signatures, memoized: large groups repeat a few readings thousands of
    times. ``of`` maps each claim id to its signature."""

    def __init__(self, claims: list, policy: Policy) -> None:
        self.policy = policy
        self.of: dict = {}  # claim id -> signature
        self.sample: dict = {}  # signature -> a claim with it
        for claim in claims:
            sig = signature(claim)
            self.of[claim.id] = sig
            self.sample.setdefault(sig, claim)
        self._agree: dict = {}

    def agree(self, a: tuple, b: tuple) -> bool:
        key = (a, b)
        known = self._agree.get(key)
        if known is None:
            known = self._agree[key] = agree(self.sample[a], self.sample[b], self.policy)
        return known


class _Signatures(Agreement):
    """Per signature, computed once: the widened interval, centre and log width."""

    def __init__(self, claims: list, policy: Policy) -> None:
        super().__init__(claims, policy)
        self.bounds = {sig: widened(c, policy) for sig, c in self.sample.items()}
        self.centre = {sig: centre(c, policy) for sig, c in self.sample.items()}
        self.width = {sig: _log_width(c, policy) for sig, c in self.sample.items()}


class _Cluster:
    """A cluster being separated: its members in order, the ids of its members by signature (sorted, so
    the greatest is at hand), and its members with the lowest and highest centre (the first such member,
    as min() and max() pick them)."""

    def __init__(self, members: list, sigs: _Signatures) -> None:
        self.members = list(members)
        self.size = len(self.members)
        self.removed: set = set()
        self.ids: dict = {}
        for claim in self.members:
            self.ids.setdefault(sigs.of[claim.id], []).append(claim.id)
        for ids in self.ids.values():
            ids.sort()
        self.ends = self._ends(sigs)

    def _ends(self, sigs: _Signatures) -> tuple:
        alive = [c for c in self.members if c.id not in self.removed]
        return (min(alive, key=lambda c: sigs.centre[sigs.of[c.id]]),
                max(alive, key=lambda c: sigs.centre[sigs.of[c.id]]))

    def remove_top(self, sig: tuple, sigs: _Signatures) -> str:
        """Remove the member of this signature with the greatest id; return its id."""
        claim_id = self.ids[sig].pop()
        if not self.ids[sig]:
            del self.ids[sig]
        self.removed.add(claim_id)
        self.size -= 1
        if self.size and any(end.id == claim_id for end in self.ends):
            self.ends = self._ends(sigs)
        return claim_id

    def alive(self) -> list:
        return [c for c in self.members if c.id not in self.removed]


def separate(clusters: list, policy: Policy) -> tuple[list, list]:
    """Leave out claims that overlap members of another cluster, the widest first, until claims in
    different clusters all disagree.

    Each round leaves out the claim with the greatest (between two others it agrees with, log width,
    claims it overlaps beyond its own cluster's size, id) among those that agree with an extreme member of
    another cluster. Everything a claim's standing depends on but its id is fixed by its signature and its
    cluster, so a round looks at each (cluster, signature) once, not at every claim; interval ends stay
    sorted (bisect) and each signature's "between" is recomputed only when a signature runs out. A
    group of thousands of claims with a few dozen readings costs rounds × readings, not rounds × claims².
    """
    clusters = [list(c) for c in clusters if c]
    everyone = [c for members in clusters for c in members]
    by_id = {c.id: c for c in everyone}
    sigs = _Signatures(everyone, policy)
    live = [_Cluster(members, sigs) for members in clusters]
    lows = sorted(sigs.bounds[sigs.of[c.id]][0] for c in everyone)
    highs = sorted(sigs.bounds[sigs.of[c.id]][1] for c in everyone)
    total: dict = {}
    for claim in everyone:
        total[sigs.of[claim.id]] = total.get(sigs.of[claim.id], 0) + 1
    between = _between_all(total, sigs)
    left_out: list[Claim] = []
    while len(live) >= 2:
        best = _best_to_leave_out(live, sigs, lows, highs, between)
        if best is None:
            break
        cl, sig = best
        claim_id = cl.remove_top(sig, sigs)
        left_out.append(by_id[claim_id])
        between = _forget(sig, sigs, lows, highs, total, between)
        live = [c for c in live if c.size]
    return [c.alive() for c in live], left_out


def _best_to_leave_out(live: list, sigs: _Signatures, lows: list, highs: list, between: dict) -> Optional[tuple]:
    """The (cluster, signature) whose top claim a round leaves out, or None when none qualifies."""
    best, best_key = None, None
    for k, cl in enumerate(live):
        for sig, ids in cl.ids.items():
            low, high = sigs.bounds[sig]
            across = bisect.bisect_right(lows, high) - bisect.bisect_left(highs, low) - cl.size
            if across <= 0 or not _agrees_across(sig, k, live, sigs):
                continue
            key = (between[sig], sigs.width[sig], across, ids[-1])
            if best_key is None or key > best_key:
                best, best_key = (cl, sig), key
    return best


def _forget(sig, sigs: _Signatures, lows: list, highs: list, total: dict, between: dict) -> dict:
    """Take one claim of signature `sig` out of the sorted ends and the counts; returns `between`,
    recomputed when the signature runs out."""
    low, high = sigs.bounds[sig]
    del lows[bisect.bisect_left(lows, low)]
    del highs[bisect.bisect_left(highs, high)]
    total[sig] -= 1
    if not total[sig]:
        del total[sig]
        between = _between_all(total, sigs, between)  # a reading is gone: it may have been a witness
    return between


def _between_all(present: dict, sigs: _Signatures, before: Optional[dict] = None) -> dict:
    """Per signature present, whether its claims agree with claims on both sides of them: "20-30 minutes"
    between "10-20" and "30-45 minutes" is the one to leave out, so that the two ends, which disagree,
    stay apart. Claims of one signature share a centre, so only other signatures can be on a side. A
    signature that was not between ``before`` a reading went away is not between after it."""
    out = {}
    for sig in present:
        if before is not None and not before[sig]:
            out[sig] = False
            continue
        mine = sigs.centre[sig]
        below = above = False
        for other in present:
            if other == sig or not sigs.agree(sig, other):
                continue
            theirs = sigs.centre[other]
            below = below or theirs < mine
            above = above or theirs > mine
            if below and above:
                break
        out[sig] = below and above
    return out


def _agrees_across(sig: tuple, own: int, clusters: list, sigs: _Signatures) -> bool:
    """Whether claims of this signature agree with some member of another cluster (the extremes decide)."""
    for k, cl in enumerate(clusters):
        if k == own:
            continue
        if any(sigs.agree(sig, sigs.of[end.id]) for end in cl.ends):
            return True
    return False
