"""Align stage: name each claim's subject, and group the claims that speak of the same thing.

``resolve_subjects(claims, knowledge)`` turns each claim's first subject candidate into a subject
name: an alias or abbreviation of ``subjects.yaml`` becomes its canonical name ("MBB" -> "medial
branch block"), a spelling variant of an alias too (rapidfuzz), anything else its display name
("Graves' disease" -> "graves disease"). A general name that points at something specific ("this
nerve block" on a stellate ganglion block page) takes the specific one from the later candidates.

``align(claims, knowledge)`` groups the comparable claims by subject key, attribute, condition,
qualifier and unit; names that differ only in spelling ("Graves' disease", "Graves disease", "graves
disease") share a key, and a key's name is the form the pages use most. Claims that cannot be
compared (no subject, attribute ``other``, no value, a negation that could not be read) are
returned apart, with the reason, so that reports can say what the check did not cover.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

from rapidfuzz import fuzz, process

from ..knowledge import Knowledge, alias_key, default_knowledge
from ..model import Claim, ClaimGroup
from .names import display_name, subject_key

FUZZY_ALIAS = 90  # rapidfuzz ratio for a spelling variant of a lexicon alias ("medial brach block")

__all__ = ["resolve_subject", "resolve_subjects", "align", "Alignment", "group_key", "subject_key", "display_name"]


def lexicon_subject(text: str, k: Knowledge) -> Optional[str]:
    """The canonical subject of ``subjects.yaml`` a name stands for, or None."""
    raw = text.strip()
    if raw in k.abbreviations:
        return k.abbreviations[raw]
    if raw.upper() in k.abbreviations and raw.isalpha() and len(raw) <= 5 and raw.lower() == raw:
        return k.abbreviations[raw.upper()]  # "ivf" written in lower case
    key = alias_key(raw)
    if not key:
        return None
    words = key.split()
    for start in range(len(words)):
        candidate = " ".join(words[start:])
        if candidate in k.aliases:
            return k.aliases[candidate]
        if words[start] not in k.modifiers:
            break
    if len(key) >= 8 and k.aliases:
        best = process.extractOne(key, sorted(k.aliases), scorer=fuzz.ratio, score_cutoff=FUZZY_ALIAS)
        if best and not _differ_in_numbers(key, best[0]):
            return k.aliases[best[0]]
    return None


def _differ_in_numbers(a: str, b: str) -> bool:
    return [w for w in a.split() if any(c.isdigit() for c in w)] != [w for w in b.split() if any(c.isdigit() for c in w)]


def _name(text: str, k: Knowledge) -> str:
    return lexicon_subject(text, k) or display_name(text, k)


def resolve_subject(claim: Claim, knowledge: Optional[Knowledge] = None) -> Claim:
    k = knowledge or default_knowledge()
    cands = list(claim.subject_candidates)
    if not cands:
        return claim.replace(subject=None, subject_text=None, subject_origin=None)
    text, origin = cands[0][0], cands[0][1]
    pointing = len(cands[0]) > 4 and bool(cands[0][4])
    subject = _name(text, k)
    if pointing and any(parent == subject for parent in k.canonical.values()):
        # "this nerve block" on a stellate ganglion block page is the stellate ganglion block
        for later in cands[1:]:
            specific = lexicon_subject(later[0], k)
            if specific and subject in k.ancestors(specific):
                return claim.replace(subject=specific, subject_text=later[0], subject_origin=later[1])
    return claim.replace(subject=subject or None, subject_text=text, subject_origin=origin)


def resolve_subjects(claims: Iterable[Claim], knowledge: Optional[Knowledge] = None) -> list[Claim]:
    k = knowledge or default_knowledge()
    return [resolve_subject(c, k) for c in claims]


def group_key(claim: Claim, knowledge: Optional[Knowledge] = None) -> tuple:
    return (subject_key(claim.subject or "", knowledge), claim.attribute, claim.condition or "",
            claim.qualifier or "", claim.unit or "")


def why_not_compared(claim: Claim) -> Optional[str]:
    """Why a claim is left out of every comparison, or None when it is compared."""
    if not claim.subject:
        return "no subject"
    if claim.attribute == "other":
        return "attribute other"
    if claim.low is None and claim.high is None:
        return "no value"
    if claim.negated:
        return "negated value"
    if claim.personal:
        return "personal account"
    return None


@dataclass(frozen=True)
class Alignment:
    groups: tuple  # of ClaimGroup, sorted by key
    names: dict  # subject key -> the name shown for it
    uncompared: tuple  # of (Claim, reason)


def align(claims: Iterable[Claim], knowledge: Optional[Knowledge] = None) -> Alignment:
    k = knowledge or default_knowledge()
    compared, uncompared = _split_compared(claims)
    keys = {c.id: subject_key(c.subject or "", k) for c in compared}
    merged = _merge_spellings(Counter(keys.values()))
    names = _shown_names(compared, keys, merged)
    groups: dict = defaultdict(list)
    for c in compared:
        key = merged.get(keys[c.id], keys[c.id])
        groups[(key, c.attribute, c.condition or "", c.qualifier or "", c.unit or "")].append(c)
    out = []
    for gkey in sorted(groups):
        members = tuple(sorted(groups[gkey], key=lambda c: (c.source, c.start, c.value_start, c.id)))
        name = names[gkey[0]]
        members = tuple(c.replace(subject=name) if c.subject != name else c for c in members)
        out.append(ClaimGroup(subject=name, attribute=gkey[1], condition=gkey[2] or None, qualifier=gkey[3] or None,
                              claims=members))
    return Alignment(tuple(out), names, tuple(sorted(uncompared, key=lambda u: (u[0].source, u[0].start, u[0].id))))


def _split_compared(claims: Iterable[Claim]) -> tuple[list[Claim], list[tuple]]:
    """The claims that can be compared, and the others with the reason they cannot."""
    compared: list[Claim] = []
    uncompared: list[tuple] = []
    for claim in claims:
        reason = why_not_compared(claim)
        if reason:
            uncompared.append((claim, reason))
        else:
            compared.append(claim)
    return compared, uncompared


def _shown_names(compared: list[Claim], keys: dict, merged: dict) -> dict:
    """Subject key -> the name shown for it: the spelling written most often, then the shortest."""
    shown: dict = defaultdict(Counter)
    for c in compared:
        shown[merged.get(keys[c.id], keys[c.id])][c.subject] += 1
    return {key: min(counts, key=lambda n: (-counts[n], len(n), n)) for key, counts in shown.items()}


def _merge_spellings(counts: Counter) -> dict:
    """Keys that are spelling variants of a more common key ("choroideremia"/"choroidermia") map to it.

    Only names of the same number of words that differ in one long word without digits (sharing its
    first two letters) are merged, so "type 1 diabetes" and "type 2 diabetes", or "hemophilia a" and
    "hemophilia b", stay apart. Candidates are found through those shared parts, not by comparing
    every pair of names.
    """
    ordered = sorted(counts, key=lambda key: (-counts[key], key))
    buckets: dict = defaultdict(list)
    out: dict = {}
    for key in ordered:
        words = key.split()
        signatures = [(tuple(words[:i]), tuple(words[i + 1:]), words[i][:2]) for i in range(len(words))]
        target = None
        for sig in signatures:
            for other in buckets.get(sig, ()):
                if _spelling_variant(words, other.split()):
                    target = other
                    break
            if target:
                break
        if target is None:
            for sig in signatures:
                buckets[sig].append(key)
        else:
            out[key] = target
    return out


def _spelling_variant(a: list, b: list) -> bool:
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 6 or any(ch.isdigit() for ch in x + y):
        return False
    return fuzz.ratio(x, y) >= 85
