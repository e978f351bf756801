"""Detect stage: within each group, cluster agreeing claims and report clusters that disagree.

Pure functions over `ClaimGroup` and `Claim`; no spaCy. One `Conflict` per group, listing every claim
with its cluster, never N² pairs.

- Repeats: a claim that restates an earlier claim of the same source (same interval, quotes alike by
  rapidfuzz) is marked ``repeat_of`` and counts once.
- Agreement: two claims agree when their intervals overlap once each is widened by a tolerance
  (``tolerance``, plus ``vague_tolerance`` for a vague expression such as "a few" or "months").
  Agreement is transitive within a cluster (intervals merged in order), so a chain of overlapping
  values is one cluster.
- A conflict needs two clusters with a disagreeing pair that is not inside one paragraph: a paragraph
  that says "some blocks last hours, others months" describes a spread, it does not contradict itself.
- Severity grows with the distance between the disagreeing values (ratio of their geometric
  centres for times, difference for rates) and drops one step when every disagreeing pair is hedged on
  both sides. Hedging never lowers a clash between two typical statements.
"""
from __future__ import annotations

import bisect
import hashlib
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from rapidfuzz import fuzz

from .model import SEVERITIES, Claim, ClaimGroup, Conflict, ConflictClaim
from .normalize import default_vocabulary, format_interval, format_seconds, tokenize

REPEAT_SIMILARITY = 85  # rapidfuzz token_set_ratio of two quotes that say the same thing


@dataclass(frozen=True)
class DetectConfig:
    tolerance: float = 0.2
    vague_tolerance: float = 0.1
    error_ratio: float = 10.0  # centres an order of magnitude apart
    warning_ratio: float = 3.0
    error_rate_gap: float = 0.25  # rates: 25 percentage points
    warning_rate_gap: float = 0.10
    labels: Optional[dict] = None  # attribute -> label for messages


def _bounds(claim: Claim) -> tuple[float, float]:
    low = claim.low if claim.low is not None else 0.0
    high = claim.high if claim.high is not None else math.inf
    return low, high


_HEDGED_MAXIMUM = ("up to", "for up to", "as long as", "as much as", "as many as", "lasting up to")


def _bounds_for_comparison(claim: Claim) -> tuple[float, float]:
    """The interval a claim is compared with. "Up to a year" is a hedged maximum: it says some
    patients get about a year, so it is read as within an order of magnitude below its bound,
    not as "anything from zero"; otherwise it would agree with every shorter value."""
    low, high = _bounds(claim)
    if claim.unit == "s" and low == 0 and not math.isinf(high) and \
            claim.value_text.lower().lstrip().startswith(_HEDGED_MAXIMUM):
        low = high / 10
    return low, high


def _widened(claim: Claim, config: DetectConfig) -> tuple[float, float]:
    low, high = _bounds_for_comparison(claim)
    tol = config.tolerance + (config.vague_tolerance if claim.vague else 0.0)
    if claim.unit == "ratio":
        return low - tol * 0.2, high + tol * 0.2  # rates: 4 points each way, 6 when vague
    return low / (1 + tol), high * (1 + tol)


def find_repeats(claims: Iterable[Claim]) -> dict:
    """Map claim id -> id of the earlier claim in the same source that it restates."""
    repeats: dict = {}
    seen: dict = {}  # (source, low, high) -> earlier claims with that reading
    for claim in sorted(claims, key=lambda c: (c.source, c.start, c.value_start)):
        key = (claim.source, claim.low, claim.high)
        for earlier in seen.get(key, ()):
            if (earlier.value_text.lower() == claim.value_text.lower()
                    or fuzz.token_set_ratio(earlier.quote, claim.quote) >= REPEAT_SIMILARITY):
                repeats[claim.id] = repeats.get(earlier.id, earlier.id)
                break
        seen.setdefault(key, []).append(claim)
    return repeats


def agree(a: Claim, b: Claim, config: DetectConfig) -> bool:
    a_low, a_high = _widened(a, config)
    b_low, b_high = _widened(b, config)
    return a_low <= b_high and b_low <= a_high


def cluster(claims: list[Claim], config: DetectConfig) -> list[list[Claim]]:
    """Clusters of claims that all agree with each other, ordered by their lowest value.

    A claim joins the cluster being built only when it agrees with every member, so one wide claim
    ("from a week to a year") cannot chain "a few days" and "two years" into one cluster.
    """
    ordered = sorted(claims, key=lambda c: (_widened(c, config), c.source, c.start))
    clusters: list[list[Claim]] = []
    lowest_high = highest_low = 0.0
    for claim in ordered:
        low, high = _widened(claim, config)
        # claims come by rising low, so the newcomer agrees with every member exactly when its low is
        # under every member's high (and its high over every member's low, which that implies)
        if clusters and low <= lowest_high and high >= highest_low:
            clusters[-1].append(claim)
            lowest_high = min(lowest_high, high)
            highest_low = max(highest_low, low)
        else:
            clusters.append([claim])
            lowest_high, highest_low = high, low
    return clusters


def _log_width(claim: Claim) -> float:
    low, high = _bounds_for_comparison(claim)
    if claim.unit == "ratio":
        return min(high, 1.0) - low
    return math.log(min(high, 1e12) + 1) - math.log(low + 1)


def separate(clusters: list[list[Claim]], config: DetectConfig) -> tuple[list[list[Claim]], list[Claim]]:
    """Leave out claims that agree with members of another cluster ("weeks to months" next to both
    "a few days" and "a year"), the widest first ("at least 6 months" agrees with every longer value), until
    claims in different clusters all disagree. Returns the clusters left and the claims left out.

    Agreements are counted with sorted interval ends (bisect), so a group of thousands of claims
    costs n log n per claim left out, not n².
    """
    clusters = [list(c) for c in clusters if c]
    left_out: list[Claim] = []
    while True:
        everyone = [(c, k) for k, members in enumerate(clusters) for c in members]
        if len({k for _c, k in everyone}) < 2:
            return [c for c in clusters if c], left_out
        bounds = {c.id: _widened(c, config) for c, _k in everyone}
        lows = sorted(b[0] for b in bounds.values())
        highs = sorted(b[1] for b in bounds.values())
        best, best_key = None, None
        for c, k in everyone:
            low, high = bounds[c.id]
            # all claims minus those ending before it starts and those starting after it ends
            overlapping = bisect.bisect_right(lows, high) - bisect.bisect_left(highs, low)
            across = overlapping - len(clusters[k])  # members of its own cluster all agree with it
            if across > 0:
                key = (_log_width(c), across, c.id)
                if best_key is None or key > best_key:
                    best, best_key = c, key
        if best is None:
            return [c for c in clusters if c], left_out
        left_out.append(best)
        clusters = [[c for c in members if c.id != best.id] for members in clusters]
        clusters = [c for c in clusters if c]


def _centre(claim: Claim) -> float:
    low, high = _bounds(claim)
    if claim.unit == "ratio":
        return (low + min(high, 1.0)) / 2
    if math.isinf(high):
        high = max(low, 1.0) * 2
    return math.sqrt(max(low, 1.0) * max(high, 1.0))


def _pair_severity(a: Claim, b: Claim, config: DetectConfig) -> int:
    if a.unit == "ratio":
        gap = abs(_centre(a) - _centre(b))
        level = 2 if gap >= config.error_rate_gap else 1 if gap >= config.warning_rate_gap else 0
    else:
        ca, cb = _centre(a), _centre(b)
        ratio = max(ca, cb) / max(min(ca, cb), 1e-9)
        level = 2 if ratio >= config.error_ratio else 1 if ratio >= config.warning_ratio else 0
    return level


def short_source(source: str) -> str:
    return Path(source).stem


def short_labels(sources: Iterable[str]) -> dict:
    """The shortest prefix of each file name, cut at '_', '-' or '.', that tells the files apart:
    '004_f26dbb.txt' and '002_8bae45.txt' become '004' and '002'."""
    stems = {s: Path(s).stem for s in sources}
    labels = {}
    for source, stem in stems.items():
        cuts = [k for k, ch in enumerate(stem) if ch in "_-."] + [len(stem)]
        others = [o for s, o in stems.items() if o != stem]
        labels[source] = stem
        for cut in cuts:
            prefix = stem[:cut]
            if prefix and not any(o.startswith(prefix) and (len(o) == cut or o[cut:cut + 1] in "_-.")
                                  for o in others):
                labels[source] = prefix
                break
    return labels


_UNIT_ABBREVIATION = {"second": "s", "minute": "min", "hour": "h", "day": "d", "week": "wk", "month": "mo",
                      "year": "y", "decade": "decades"}


def reading(claim: Claim) -> str:
    """The interval in the units the text itself used: 'hours to days' reads '1 h–7 d'."""
    if claim.unit != "s":
        return format_interval(claim.low, claim.high, claim.unit)
    vocab = default_vocabulary()
    named = [vocab.unit_alias[t.low] for t in tokenize(claim.value_text) if t.low in vocab.unit_alias]
    if not named:
        return format_interval(claim.low, claim.high, claim.unit)

    def fmt(value: float, unit: str) -> str:
        size = vocab.unit_seconds(unit)
        if value and value < size * 0.999:
            return format_seconds(value)
        number = f"{value / size:.1f}".rstrip("0").rstrip(".")
        return f"{number} {_UNIT_ABBREVIATION.get(unit, unit)}"

    low = fmt(claim.low or 0.0, named[0]) if claim.low else "0"
    if claim.high is None:
        return f"≥ {low}"
    high = fmt(claim.high, named[-1])
    return low if low == high else f"{low}–{high}"


def _describe(claims: list[Claim], repeats: dict, labels: dict) -> str:
    parts, seen = [], set()
    for c in claims:
        key = (c.source, c.value_text.lower())
        if key in seen or c.id in repeats:
            continue
        seen.add(key)
        parts.append(f"{labels[c.source]} says {c.value_text.strip()} ({reading(c)})")
    if len(parts) > MESSAGE_VALUES_PER_SIDE:
        parts = parts[:MESSAGE_VALUES_PER_SIDE] + [f"and {len(parts) - MESSAGE_VALUES_PER_SIDE} more"]
    return ", ".join(parts)


def conflict_id(rule: str, group: ClaimGroup) -> str:
    """Stable fingerprint: what the conflict is about, not where the text stands."""
    unit = group.claims[0].unit if group.claims else ""
    # the rule is left out: a same-document conflict that another page joins (CC002 -> CC001) is still
    # the same conflict, and a reviewer's decision on it must follow it
    key = "|".join((group.subject, group.attribute, group.condition or "", group.qualifier or "", unit or ""))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


MESSAGE_VALUES_PER_SIDE = 4  # a side with more distinct statements ends "and N more"


def detect_group(group: ClaimGroup, config: DetectConfig = DetectConfig()) -> Optional[Conflict]:
    repeats = find_repeats(group.claims)
    originals = [c for c in group.claims if c.id not in repeats]
    clusters = cluster(originals, config)
    if len(clusters) < 2:
        return None
    clusters, _bridges = separate(clusters, config)
    if len(clusters) < 2:
        return None
    cluster_of = {c.id: k for k, members in enumerate(clusters) for c in members}
    for repeat_id, original_id in repeats.items():
        if original_id in cluster_of:
            cluster_of[repeat_id] = cluster_of[original_id]

    # After `separate`, any two claims in different clusters disagree, so the question is only which
    # pairs of clusters hold a pair that counts: not two statements of one paragraph ("some blocks
    # last hours, others months" describes a spread, it does not contradict itself).
    places = [{(c.source, c.block) for c in members} for members in clusters]
    sources = [{c.source for c in members} for members in clusters]
    counted = [(i, j) for i in range(len(clusters)) for j in range(i + 1, len(clusters))
               if len(places[i] | places[j]) > 1]
    if not counted:
        return None
    level = max(_clusters_severity(clusters[i], clusters[j], config) for i, j in counted)
    involved_clusters = sorted({k for pair in counted for k in pair})
    every_side_typical = all(any(c.typical for c in clusters[k]) for k in involved_clusters)
    if all(c.hedged for k in involved_clusters for c in clusters[k]) and not every_side_typical:
        # hedged on every side: a reviewer should look, CI need not fail; but two statements of what
        # typically happens clash whatever their hedges ("most patients typically ..." on both pages)
        level = max(level - 1, 0)
    cross = any(len(sources[i] | sources[j]) > 1 for i, j in counted)
    rule = "CC001" if cross else "CC002"
    kind = "cross-document" if cross else "same-document"

    # every claim of a cluster that takes part in a disagreement is listed, with its repeats
    members = [c for c in group.claims if cluster_of.get(c.id) in set(involved_clusters)]
    members.sort(key=lambda c: (cluster_of[c.id], c.source, c.start, c.value_start))
    labels = config.labels or {}
    label = labels.get(group.attribute, group.attribute.replace("_", " "))
    about = group.subject
    if group.condition:
        about += f" for {group.condition}"
    if group.qualifier:
        about += f" ({group.qualifier})"
    labels_by_source = short_labels({c.source for c in members})
    sides = [_describe([c for c in members if cluster_of[c.id] == k], repeats, labels_by_source)
             for k in involved_clusters]
    message = f"{label.capitalize()} of {about} disagrees: " + "; ".join(sides) + "."
    renumber = {k: n for n, k in enumerate(involved_clusters)}
    return Conflict(
        id=conflict_id(rule, group),
        rule=rule,
        severity=SEVERITIES[level],
        subject=group.subject,
        attribute=group.attribute,
        condition=group.condition,
        qualifier=group.qualifier,
        kind=kind,
        message=message,
        claims=tuple(ConflictClaim(c, renumber[cluster_of[c.id]], repeats.get(c.id)) for c in members),
    )


def _clusters_severity(a: list[Claim], b: list[Claim], config: DetectConfig) -> int:
    """Severity of the farthest pair between two clusters: their extreme centres decide it."""
    def extremes(members):
        ordered = sorted(members, key=_centre)
        return {ordered[0].id: ordered[0], ordered[-1].id: ordered[-1]}.values()
    return max(_pair_severity(x, y, config) for x in extremes(a) for y in extremes(b))


def detect(groups: Iterable[ClaimGroup], config: DetectConfig = DetectConfig()) -> list[Conflict]:
    """Conflicts of all groups, most severe first, then by subject and attribute."""
    conflicts = [c for c in (detect_group(g, config) for g in groups) if c is not None]
    return sort_conflicts(conflicts)


def sort_conflicts(conflicts: Iterable[Conflict]) -> list[Conflict]:
    return sorted(conflicts, key=lambda c: (-SEVERITIES.index(c.severity), c.subject, c.attribute,
                                            c.condition or "", c.qualifier or "", c.id))
