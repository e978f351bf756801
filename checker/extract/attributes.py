"""What a number measures: the attribute, scored from cue phrases around it.

Each cue of ``cues.yaml`` in the number's clause adds its weight divided by (1 + 0.1 x its distance
in words); the clause before adds when this one opens with a pronoun ("..., but it usually clears
up within days"); the sentence adds when the clause has no cue; the question heading above an
answer always adds a little ("How many people are affected by X?" -> prevalence) and decides when
nothing else does; a table's column header and row label speak for its cells. Only attributes that
can take the quantity's kind (a time, an age, a share, a count) are scored. No cue: ``other``.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span

from ..knowledge import Knowledge
from .site import PRONOUN_START_RE, Site, cues_in

class _NoAttribute:
    takes: frozenset = frozenset()


_NONE = _NoAttribute()
HEADING_WEIGHT = 0.5  # a question heading's cues, next to the sentence's own
HEADING_ALONE_WEIGHT = 0.8  # ... when the sentence has none
SENTENCE_WEIGHT = 0.8


def quantity_takes(quantity) -> str:
    """The kind of value an attribute must be able to take for this quantity."""
    if quantity.kind == "age":
        return "age"
    if quantity.unit == "ratio":
        return "ratio"
    if quantity.unit == "count":
        return "count"
    return "time"


def _longest(spans: list[Span]) -> list[Span]:
    """Among overlapping attribute cues keep the longest ('pain lasts' over 'lasts')."""
    attr = sorted((s for s in spans if s.label_.startswith("attr|")), key=lambda s: (-(s.end - s.start), s.start))
    kept: list[Span] = []
    owner: dict = {}  # token -> the kept range covering it: one look per token, not per kept span (was cubic)
    for s in attr:
        here = (s.start, s.end)
        if all(owner.get(t, here) == here for t in range(s.start, s.end)):
            kept.append(s)
            owner.update(dict.fromkeys(range(s.start, s.end), here))
    return kept


def add_scores(scores: dict, spans: list, weights: dict, knowledge: Knowledge, takes: str, q_start: int, q_end: int,
               scale: float = 1.0) -> dict:
    for s in _longest(spans):
        _kind, name, _phrase = s.label_.split("|", 2)
        spec = knowledge.attributes.get(name)
        if spec is None or takes not in spec.takes:
            continue
        distance = q_start - s.end if s.end <= q_start else s.start - q_end if s.start >= q_end else 0
        scores[name] = scores.get(name, 0.0) + scale * weights[s.label_] / (1 + 0.1 * max(distance, 0))
    return scores


def score(site: Site, weights: dict, heading_cues: list, header_cues: list) -> dict:
    k = site.ctx.knowledge
    takes = quantity_takes(site.quantity)
    q = site.q
    doc = site.doc
    if site.column is not None:
        scores: dict = {}
        add_scores(scores, header_cues, weights, k, takes, 0, 0)
        add_scores(scores, site.clause_cues, weights, k, takes, q.start, q.end)
        return scores
    scores = add_scores({}, site.clause_cues, weights, k, takes, q.start, q.end)
    previous = site.previous_clauses()
    if previous and PRONOUN_START_RE.match(site.clause_text()):
        # "..., but this should subside within a few hours": "this" is what the clause before named
        pronoun_at = doc.char_span(site.clause[0], site.clause[1], alignment_mode="expand").start
        add_scores(scores, cues_in(doc, *previous[-1]), weights, k, takes, pronoun_at, pronoun_at)
    sentences = site.bd.sentences()
    index = site.bd.sentence_index(site.sent)
    if index > 0 and site.clause[0] == site.sent.start_char and PRONOUN_START_RE.match(site.sent.text):
        before = sentences[index - 1]
        add_scores(scores, cues_in(doc, before.start_char, before.end_char), weights, k, takes, q.start, q.end,
                   scale=SENTENCE_WEIGHT)
    if share_of_patients(site):
        scores.pop("prevalence", None)
    weak = site.quantity.kind == "relative" or site.quantity.rule.endswith("bare_plural")
    if not scores and not weak:
        add_scores(scores, site.sentence_cues, weights, k, takes, q.start, q.end, scale=SENTENCE_WEIGHT)
    if heading_cues:
        add_scores(scores, heading_cues, weights, k, takes, len(doc), len(doc),
                   scale=HEADING_WEIGHT if scores else HEADING_ALONE_WEIGHT)
    if share_of_patients(site):
        scores.pop("prevalence", None)
    elif share_of_population(site) and "ratio" in k.attributes.get("prevalence", _NONE).takes:
        scores["prevalence"] = scores.get("prevalence", 0.0) + POPULATION_PRIOR
    if takes == "age" and "age_at_onset" in k.attributes:
        scores["age_at_onset"] = scores.get("age_at_onset", 0.0) + AGE_PRIOR
    return scores


_PATIENT_DENOMINATOR = re.compile(
    r"^\s*(?:of\s+)?(?:all\s+|these\s+|those\s+|the\s+|such\s+|reported\s+|affected\s+)*(?:\w+\s+)?"
    r"(?:cases|patients|sufferers|carriers|survivors|(?:people|persons|individuals|children|adults|women|men|infants|"
    r"babies|newborns|those|males|females)\s+(?:with|who|affected|diagnosed)|affected\s+(?:people|individuals|"
    r"persons|children)|those\s+affected)\b", re.I)
_IN_CASES = re.compile(r"\b(?:in|of)\s*$", re.I)


_POPULATION_DENOMINATOR = re.compile(
    r"^\s*(?:of\s+|out\s+of\s+every\s+\S+\s+|in\s+every\s+\S+\s+)?(?:all\s+|the\s+)?(?:\w+\s+){0,2}?"
    r"(?:people|persons|individuals|adults|women|men|children|kids|americans|newborns|infants|babies|births|"
    r"live\s+births|girls|boys|teenagers|adolescents|population|residents)\b(?!\s+(?:with|who|affected|diagnosed))",
    re.I)
POPULATION_PRIOR = 2.0  # a share of the people of a population: how common something is
AGE_PRIOR = 0.6  # an age with no cue is most often when something starts


def share_of_population(site: Site) -> bool:
    """A share of a whole population ("1 in 3 American adults", "2 percent of women", "out of every
    million people"), not of the people who have something."""
    if site.quantity.unit != "ratio":
        return False
    after = site.doc.text[site.q.end_char: site.q.end_char + 60]
    return bool(_POPULATION_DENOMINATOR.match(after)) and not share_of_patients(site)


def share_of_patients(site: Site) -> bool:
    """A share counted among people who have the condition ("90 percent of cases", "half of people with
    X", "in most cases"): it says how cases are spread or what happens to patients, never how common the
    condition is."""
    if site.quantity.unit != "ratio":
        return False
    doc = site.doc
    after = doc.text[site.q.end_char: site.q.end_char + 60]
    return bool(_PATIENT_DENOMINATOR.match(after))


def best(scores: dict) -> Optional[str]:
    if not scores:
        return None
    return max(sorted(scores), key=lambda name: scores[name])


# Quantities that can only be some attributes, whatever the cues say: a measurement ("200 mg/dL"), a
# share written as an adverb ("mainly affects girls"), a count of doses or visits, a multiplier ("five
# times more common") say something checker does not compare, unless named here.
ONLY = {"measure": (), "share_adverb": (), "count_things": ("repeat_interval",), "times": ("risk",)}


def restricted(quantity, attribute: Optional[str], scores: dict) -> Optional[str]:
    allowed = ONLY.get(quantity.kind) if quantity.kind == "measure" else ONLY.get(quantity.rule)
    if allowed is None:
        return attribute
    for name in sorted(allowed, key=lambda n: -scores.get(n, 0.0)):
        if scores.get(name, 0.0) >= 1.5:
            return name
    return "other"


KIND_BOOST = 1.3  # an attribute about the kind of thing the clause is about weighs this much more
_TREATMENT_SIDE = frozenset({"relief_duration", "onset_time", "procedure_time", "recovery_time", "treatment_duration",
                             "side_effect_duration", "success_rate"})
_CONDITION_SIDE = frozenset({"illness_duration", "age_at_onset", "prevalence", "life_expectancy",
                             "incubation_period", "contagious_period"})


def adjust_for_kind(scores: dict, kind: Optional[str]) -> dict:
    """'It lasts two weeks' is how long relief lasts when the clause is about a treatment, how long an
    illness lasts when it is about a condition: the kind of the clause's subject tips the balance."""
    if kind in ("procedure", "treatment", "test"):
        side = _TREATMENT_SIDE
    elif kind in ("condition", "feature"):
        side = _CONDITION_SIDE
    else:
        return scores
    return {name: value * (KIND_BOOST if name in side else 1.0) for name, value in scores.items()}
