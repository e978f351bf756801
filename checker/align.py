"""Align stage: resolve each claim's subject and group claims that speak of the same thing.

``resolve_subjects(claims, lexicon)`` picks, for each claim, the first of its subject candidates
(sentence, paragraph, headings, title) that the lexicon resolves, and records which mention it was.
``align(claims)`` groups claims by (subject, attribute, condition, qualifier, unit). Generic subjects
("nerve block") form groups of their own: a statement about nerve blocks in general never sits in a
group with one about medial branch blocks, so it can never conflict with it.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .lexicon import SubjectLexicon
from .model import Claim, ClaimGroup


def resolve_subject(claim: Claim, lexicon: SubjectLexicon) -> Claim:
    candidates = list(claim.subject_candidates)
    for index, (mention, origin) in enumerate(candidates):
        if mention.startswith("*"):
            # "the ablation": the nearest procedure in the context whose name has that head noun
            head = mention[1:]
            for later, later_origin in candidates[index + 1:]:
                if later.startswith("*"):
                    continue
                subject = _resolve(lexicon, later.lstrip("^"), later_origin)
                if subject and subject.split()[-1] == head:
                    return claim.replace(subject=subject, subject_text=later.lstrip("^"))
            continue
        if origin == "context":
            continue  # earlier mentions only serve a head-noun reference such as "the ablation"
        pointing = mention.startswith("^")
        mention = mention.lstrip("^")
        subject = _resolve(lexicon, mention, origin)
        if subject and pointing and lexicon.is_generic(subject):
            # "this nerve block" on a stellate ganglion block page is the stellate ganglion block
            for later, later_origin in candidates[index + 1:]:
                if later_origin == "context" or later.startswith("*"):
                    continue
                specific = _resolve(lexicon, later.lstrip("^"), later_origin)
                if specific and subject in lexicon.ancestors(specific):
                    return claim.replace(subject=specific, subject_text=later.lstrip("^"))
        if subject:
            return claim.replace(subject=subject, subject_text=mention)
    return claim.replace(subject=None, subject_text=None)


def _resolve(lexicon: SubjectLexicon, mention: str, origin: str):
    # a procedure the lexicon does not know is trusted only where pages name procedures: in headings,
    # titles and table labels ("Basivertebral Nerve Ablation"), not in running text ("people need injections")
    return lexicon.resolve(mention, allow_unknown=origin in ("heading", "title", "table"))


def resolve_subjects(claims: Iterable[Claim], lexicon: SubjectLexicon) -> list[Claim]:
    return [resolve_subject(c, lexicon) for c in claims]


def group_key(claim: Claim) -> tuple:
    return (claim.subject or "", claim.attribute, claim.condition or "", claim.qualifier or "", claim.unit or "")


def align(claims: Iterable[Claim]) -> list[ClaimGroup]:
    """Groups of claims about the same subject, attribute, condition and qualifier, sorted by key.

    Claims without a subject or with attribute ``other`` are not comparable and form no group.
    """
    groups: dict = defaultdict(list)
    for claim in claims:
        if not claim.subject or claim.attribute == "other" or claim.low is None and claim.high is None:
            continue
        groups[group_key(claim)].append(claim)
    out = []
    for key in sorted(groups):
        members = tuple(sorted(groups[key], key=lambda c: (c.source, c.start, c.value_start)))
        out.append(ClaimGroup(subject=key[0], attribute=key[1], condition=key[2] or None, qualifier=key[3] or None,
                              claims=members))
    return out
