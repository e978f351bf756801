"""How a number is stated: hedged ("may", "up to"), typical ("usually", "most people"), for a subset
("some patients", "in one study"), as a maximum ("up to", "as long as"), or negated ("does not usually
last more than a week"), and what it is specific to beyond its attribute (the qualifier: a phase,
a part of the visit, a symptom, an activity, a statistic, a technique).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from ..knowledge import Knowledge
from .site import Site

NEGATION_WINDOW = 6  # words before the value in its clause that a negation can govern it from


@dataclass(frozen=True)
class Modality:
    hedge: Optional[str]
    typical: bool
    subset: bool
    maximum: bool
    negated: bool
    personal: bool  # someone's own experience ("it took me 6 weeks")


def _labels(spans: list[Span], category: str) -> list[Span]:
    return [s for s in spans if s.label_.startswith(category + "|")]


def modality(site: Site, extra_cues: list) -> Modality:
    """``extra_cues``: cues of the clause before when this one opens with a pronoun (its hedge holds too)."""
    cues = list(site.clause_cues) + list(extra_cues)
    q = site.quantity
    text = q.text.lower().lstrip()
    hedges = sorted(_labels(cues, "hedges"), key=lambda s: s.start)
    hedge = "up to" if q.rule.startswith("upper:") and text.startswith("up to") else \
        (hedges[0].label_.split("|", 2)[2] if hedges else None)
    maximum = any(text.startswith(m) for m in site.ctx.knowledge.maximum) or any(
        s.end <= site.q.start + 1 and site.q.start - s.end <= 3 for s in _labels(cues, "maximum"))
    return Modality(
        hedge=hedge,
        typical=bool(_labels(cues, "typical")),
        subset=bool(_labels(cues, "subset")),
        maximum=maximum,
        negated=_negated(site, cues),
        # "it took me 6 weeks" is one person's experience; "my consultant said half ..." passes a claim on
        personal=bool(_labels(site.clause_cues, "personal")) and not _labels(site.sentence_cues, "hearsay"),
    )


def _negated(site: Site, cues: list) -> bool:
    """A negation a few words before the value in its clause: "not more than", "doesn't last longer than"."""
    q = site.q
    for s in _labels(cues, "neg"):
        if s.end <= q.start and q.start - s.end <= NEGATION_WINDOW and s.start_char >= site.clause[0] \
                and not any(t.lower_ in _NEGATION_ENDS or t.text in (",", ";") for t in site.doc[s.end: q.start]):
            return True
    return False


# "not permanent and usually wears off within 3 to 6 months": a negation ends with its phrase
_NEGATION_ENDS = {"and", "but", "although", "though", "while", "whereas"}


def qualifier(site: Site, attribute: str, knowledge: Knowledge, header_cues: list = ()) -> Optional[str]:
    """The qualifiers the clause (for a table cell: also its row label and column header) names for this
    attribute, joined ("hospital stay", "median")."""
    found = set()
    doc = site.doc
    for s in _labels(list(site.clause_cues) + list(header_cues), "qual"):
        _k, name, _phrase = s.label_.split("|", 2)
        spec = knowledge.qualifiers.get(name)
        if spec is None or attribute not in spec.applies_to:
            continue
        before = {t.lower_ for t in s.doc[max(0, s.start - 6): s.start]}
        if before & knowledge.qualifier_negators:
            continue  # "after the anesthetic wears off" names the phase that has ended
        found.add(name)
    if not found:
        return None
    return ", ".join(sorted(found))
