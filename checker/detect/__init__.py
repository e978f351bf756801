"""Detect stage: within each group of claims about the same thing, find the values that disagree.

Pure functions over `ClaimGroup` and `Claim`; no spaCy. One `Conflict` per group, listing every claim
with its cluster, never N² pairs. The policy (what disagrees, how badly) is in `compare`; clustering
in `clusters`.

- A statement repeated in a page counts once (``repeat_of``).
- An unqualified statement is compared with the qualified group it most plausibly means: when it
  agrees with one qualified group of its subject and attribute ("the numbing wears off in 4 to 6
  hours") but not with the unqualified statements, it is read as that group's and the message says
  so; otherwise it stays with the unqualified ones.
- A disagreement only between statements of one paragraph ("some blocks last hours, others
  months") describes a spread and is not reported; nor is one only between cells of a page's
  tables, whose rows are different arms, doses or groups by construction; nor one within a page
  between values it sets side by side, in one paragraph or table and again in another (a trial's
  arms in the text and in a table).
- The rule: CC001 / CC002 for firm statements whose values do not overlap (across documents / in
  one), CC003 when the values only meet at an edge, CC004 when a hedged, subset or maximum statement
  is the one that disagrees. Severity from the table in `compare`.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Optional

from ..labels import source_labels
from ..model import SEVERITIES, Claim, ClaimGroup, Conflict, ConflictClaim
from ..quantities.format import claim_reading
from .clusters import Agreement, cluster, find_repeats, separate
from .compare import EDGE, Policy, agree, centre, is_soft, verdict

MESSAGE_VALUES_PER_SIDE = 4  # a side with more distinct statements ends "and N more"


@dataclass(frozen=True)
class DetectConfig:
    tolerance: float = 0.2
    vague_tolerance: float = 0.1
    labels: Optional[dict] = None  # attribute -> label for messages

    def policy(self) -> Policy:
        return Policy(tolerance=self.tolerance, vague_tolerance=self.vague_tolerance)


def conflict_id(group: ClaimGroup) -> str:
    """Stable fingerprint: what the conflict is about, not where the text stands nor which rule fired
    (a same-document conflict that another page joins is still the same conflict)."""
    from ..align.names import subject_key

    unit = group.claims[0].unit if group.claims else ""
    key = "|".join((subject_key(group.subject), group.attribute, group.condition or "", group.qualifier or "",
                    unit or ""))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def reassign_unqualified(groups: Iterable[ClaimGroup], policy: Policy = Policy()) -> tuple[list, dict]:
    """Move each unqualified claim that agrees with exactly one qualified group of its subject and
    attribute, and with none of its unqualified peers that disagree among themselves, into that group.
    Returns the groups and, per moved claim id, the qualifier it was read as."""
    families: dict = defaultdict(list)
    for g in groups:
        families[(g.subject, g.attribute, g.condition, g.claims[0].unit if g.claims else "")].append(g)
    out: list = []
    read_as: dict = {}
    for family in families.values():
        _reassign_family(family, policy, out, read_as)
    return sorted(out, key=lambda g: (g.subject, g.attribute, g.condition or "", g.qualifier or "")), read_as


def _reassign_family(family: list, policy: Policy, out: list, read_as: dict) -> None:
    """One family's groups (same subject, attribute, condition and unit), appended to `out` with the
    unqualified claims moved; each moved claim's qualifier is recorded in `read_as`."""
    plain = [g for g in family if g.qualifier is None]
    qualified = [g for g in family if g.qualifier is not None]
    if not plain or not qualified:
        out += family
        return
    base = plain[0]
    moved, stay = _moves(family, base, qualified, policy, read_as)
    if stay:
        out.append(replace(base, claims=tuple(stay)))
    for g in qualified:
        extra = moved.get(g.qualifier, [])
        out.append(replace(g, claims=tuple(sorted(g.claims + tuple(extra),
                                                  key=lambda c: (c.source, c.start, c.value_start, c.id)))))


def _moves(family: list, base: ClaimGroup, qualified: list, policy: Policy, read_as: dict) -> tuple[dict, list]:
    """Per qualifier, the claims of `base` moved to its group, and the claims that stay."""
    moved: dict = defaultdict(list)
    stay = []
    # agreement depends on a claim's reading alone (its signature): each pair of readings is judged
    # once, so a group of thousands of claims with a few readings costs readings², not claims²
    memo = Agreement([c for g in family for c in g.claims], policy)
    base_sigs = Counter(memo.of[c.id] for c in base.claims)
    home_sigs = [(g, {memo.of[m.id] for m in g.claims}) for g in qualified]
    for claim in base.claims:
        sig = memo.of[claim.id]
        # a peer is another claim: one of another reading, or of this one when it is not alone
        disagrees_here = any(not memo.agree(sig, other) for other, n in base_sigs.items()
                             if other != sig or n > 1)
        homes = [g for g, sigs in home_sigs if all(memo.agree(sig, other) for other in sigs)]
        if disagrees_here and len(homes) == 1:
            moved[homes[0].qualifier].append(claim)
            read_as[claim.id] = homes[0].qualifier
        else:
            stay.append(claim)
    return moved, stay


def detect_group(group: ClaimGroup, config: DetectConfig = DetectConfig(), read_as: Optional[dict] = None
                 ) -> Optional[Conflict]:
    policy = config.policy()
    repeats = find_repeats(group.claims)
    clusters = _separated_clusters(group, repeats, policy)
    if clusters is None:
        return None
    cluster_of = _cluster_of(clusters, repeats)
    places = _places(group, clusters, cluster_of)
    sources = [{c.source for c in members} for members in clusters]
    counted = _counted(clusters, places, sources, policy)
    if not counted:
        return None
    level = max(v.level for _i, _j, v in counted)
    involved = sorted({k for i, j, _v in counted for k in (i, j)})
    cross = any(len(sources[i] | sources[j]) > 1 for i, j, _v in counted)
    rule = _rule(counted, level, cross)
    members = [c for c in group.claims if cluster_of.get(c.id) in set(involved)]
    members.sort(key=lambda c: (cluster_of[c.id], c.source, c.start, c.value_start))
    renumber = {k: n for n, k in enumerate(involved)}
    message = _message(group, members, cluster_of, involved, repeats, config, read_as or {})
    return Conflict(
        id=conflict_id(group), rule=rule, severity=SEVERITIES[level], subject=group.subject,
        attribute=group.attribute, condition=group.condition, qualifier=group.qualifier,
        kind="cross-document" if cross else "same-document", message=message,
        claims=tuple(ConflictClaim(c, renumber[cluster_of[c.id]], repeats.get(c.id)) for c in members),
    )


def _separated_clusters(group: ClaimGroup, repeats: dict, policy: Policy) -> Optional[list]:
    """The group's original (non-repeat) claims clustered and separated, or None when fewer than two
    clusters remain at either step."""
    originals = [c for c in group.claims if c.id not in repeats]
    clusters = cluster(originals, policy)
    if len(clusters) < 2:
        return None
    clusters, _bridges = separate(clusters, policy)
    if len(clusters) < 2:
        return None
    return clusters


def _cluster_of(clusters: list, repeats: dict) -> dict:
    """Claim id -> cluster index; a repeat goes with its original."""
    cluster_of = {c.id: k for k, members in enumerate(clusters) for c in members}
    for repeat_id, original_id in repeats.items():
        if original_id in cluster_of:
            cluster_of[repeat_id] = cluster_of[original_id]
    return cluster_of


def _places(group: ClaimGroup, clusters: list, cluster_of: dict) -> list:
    places: list[set] = [set() for _ in clusters]  # a repeat's place counts: it sets its value beside others there
    for c in group.claims:
        if c.id in cluster_of:
            places[cluster_of[c.id]].add(_place(c))
    return places


def _counted(clusters: list, places: list, sources: list, policy: Policy) -> list:
    """(i, j, verdict) for each pair of clusters that disagree, leaving out the pairs not reported."""
    side_by_side = _side_by_side(places)
    counted = []
    for i in range(len(clusters)):
        for j in range(i + 1, len(clusters)):
            if len(places[i] | places[j]) <= 1:
                continue  # one paragraph describing a spread
            if len(sources[i] | sources[j]) == 1 and side_by_side[i] == side_by_side[j]:
                continue  # one page setting values side by side (its arms, in a paragraph and a table)
            v = _strongest(clusters[i], clusters[j], policy)
            if v.disagree:
                counted.append((i, j, v))
    return counted


def _rule(counted: list, level: int, cross: bool) -> str:
    strongest = [v for _i, _j, v in counted if v.level == level]
    firm_apart = any(v.how != EDGE and v.level == 2 for _i, _j, v in counted)
    if firm_apart:
        return "CC001" if cross else "CC002"
    elif all(v.how == EDGE for v in strongest):
        return "CC003"
    else:
        return "CC004"


def _side_by_side(places: list) -> list:
    """For each cluster, a label shared by the clusters that a page sets side by side: two clusters
    are linked when they share a place (a paragraph or the page's tables), and linked clusters chain
    ("median 8.3 hours with the combination versus 5.1 hours alone", then the same arms in a table)."""
    label = list(range(len(places)))

    def root(k: int) -> int:
        while label[k] != k:
            label[k] = label[label[k]]
            k = label[k]
        return k

    owner: dict = {}
    for k, where in enumerate(places):
        for place in where:
            if place in owner:
                label[root(k)] = root(owner[place])
            else:
                owner[place] = k
    return [root(k) for k in range(len(places))]


def _place(claim: Claim) -> tuple:
    """Where a statement stands, for the one-place rule: its paragraph, or for a table cell the page's
    tables (rows of a table are different arms, doses or groups by construction, not rival answers)."""
    return (claim.source, "table") if claim.context == "table" else (claim.source, claim.block)


def _extremes(members: list, policy: Policy) -> list:
    ordered = sorted(members, key=lambda c: (centre(c, policy), c.id))
    firm = [c for c in ordered if not is_soft(c)]
    picks = {ordered[0].id: ordered[0], ordered[-1].id: ordered[-1]}
    if firm:
        picks.setdefault(firm[0].id, firm[0])
        picks.setdefault(firm[-1].id, firm[-1])
    return list(picks.values())


def _strongest(a: list, b: list, policy: Policy):
    """The most severe verdict between the extreme members of two clusters."""
    best = None
    for x in _extremes(a, policy):
        for y in _extremes(b, policy):
            v = verdict(x, y, policy)
            if v.disagree and (best is None or v.level > best.level):
                best = v
    return best if best is not None else verdict(a[0], b[0], policy)


def _message(group: ClaimGroup, members: list, cluster_of: dict, involved: list, repeats: dict,
             config: DetectConfig, read_as: dict) -> str:
    labels = config.labels or {}
    label = labels.get(group.attribute, group.attribute.replace("_", " "))
    about = group.subject
    if group.condition:
        about += f" for {group.condition}"
    if group.qualifier:
        about += f" ({group.qualifier})"
    names = source_labels({c.source for c in members})
    sides = [_describe([c for c in members if cluster_of[c.id] == k], repeats, names, read_as) for k in involved]
    return f"{label[:1].upper()}{label[1:]} of {about} disagrees: " + "; but ".join(sides) + "."


def _describe(claims: list, repeats: dict, names: dict, read_as: dict) -> str:
    parts, seen = [], set()
    for c in claims:
        key = (c.source, c.value_text.lower())
        if key in seen or c.id in repeats:
            continue
        seen.add(key)
        note = f", read as {read_as[c.id]}" if c.id in read_as else ""
        parts.append(f"{names[c.source]} says {c.value_text.strip()} ({claim_reading(c)}{note})")
    if len(parts) > MESSAGE_VALUES_PER_SIDE:
        parts = parts[:MESSAGE_VALUES_PER_SIDE] + [f"and {len(parts) - MESSAGE_VALUES_PER_SIDE} more"]
    return ", ".join(parts)


def detect(groups: Iterable[ClaimGroup], config: DetectConfig = DetectConfig()) -> list[Conflict]:
    """Conflicts of all groups, most severe first, then by subject and attribute."""
    groups, read_as = reassign_unqualified(list(groups), config.policy())
    conflicts = [c for c in (detect_group(g, config, read_as) for g in groups) if c is not None]
    return sort_conflicts(conflicts)


def sort_conflicts(conflicts: Iterable[Conflict]) -> list[Conflict]:
    return sorted(conflicts, key=lambda c: (-SEVERITIES.index(c.severity), c.subject, c.attribute,
                                            c.condition or "", c.qualifier or "", c.id))


__all__ = ["DetectConfig", "detect", "detect_group", "sort_conflicts", "conflict_id", "reassign_unqualified"]
