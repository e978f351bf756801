"""Detection's clustering: `separate` (made linear for large groups) leaves out exactly the claims the
plain version left out, in the same order, on groups with repeated readings, open bounds, shares, soft
and hedged statements (Hypothesis against the plain version, kept here as the reference)."""
from __future__ import annotations

import bisect
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.detect.clusters import _log_width, cluster, separate
from checker.detect.compare import Policy, agree, centre, widened
from checker.model import Claim

DAY = 86400.0
TIMES = [None, 0.0, 600.0, 3600.0, DAY, 2 * DAY, 7 * DAY, 30 * DAY, 90 * DAY, 180 * DAY, 365 * DAY]
SHARES = [None, 0.0, 0.00002, 0.001, 0.05, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0]


@st.composite
def groups(draw):
    unit = draw(st.sampled_from(["s", "ratio"]))
    values = TIMES if unit == "s" else SHARES
    readings = draw(st.lists(st.tuples(st.sampled_from(values), st.sampled_from(values), st.booleans(),
                                       st.sampled_from(["", "subset", "maximum", "hedged", "typical"])),
                             min_size=1, max_size=8))
    count = draw(st.integers(min_value=2, max_value=60))
    picks = draw(st.lists(st.integers(min_value=0, max_value=len(readings) - 1), min_size=count, max_size=count))
    claims = []
    for n, pick in enumerate(picks):
        low, high, vague, how = readings[pick]
        if low is not None and high is not None and low > high:
            low, high = high, low
        if low is None and high is None:
            high = values[3]
        claims.append(Claim(id=f"c{draw(st.integers(0, 10**6)):07d}{n:03d}", source=f"p{n % 7}.txt", line=1,
                            column=1, start=n, end=n + 1, quote="q", value_text="v", value_start=n, value_end=n + 1,
                            low=low, high=high, unit=unit, vague=vague, subset=how == "subset",
                            maximum=how == "maximum", hedged=how == "hedged", typical=how == "typical"))
    return claims


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(groups())
def test_clusters_separate_leaves_out_what_the_plain_version_left_out(claims):
    policy = Policy()
    clusters = cluster(claims, policy)
    fast_clusters, fast_left = separate(clusters, policy)
    plain_clusters, plain_left = reference_separate(clusters, policy)
    assert [[c.id for c in members] for members in fast_clusters] == \
        [[c.id for c in members] for members in plain_clusters]
    assert [c.id for c in fast_left] == [c.id for c in plain_left]


# --------------------------------------------------------------------------------------------------
# the plain version, as it was before it was made linear: n² per round, obviously what the docstring says

def reference_separate(clusters: list, policy: Policy) -> tuple[list, list]:
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
