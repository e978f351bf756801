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
from typing import Iterable, Optional

from spacy.tokens import Span, Token

from ..knowledge import Knowledge
from .context import name_key
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
    if site.column is not None:
        scores: dict = {}
        add_scores(scores, header_cues, weights, k, takes, 0, 0)
        add_scores(scores, site.clause_cues, weights, k, takes, q.start, q.end)
        return scores
    scores = _cue_scores(site, weights, heading_cues, takes)
    _add_reading_priors(site, scores, takes)
    _add_clause_word_priors(site, scores, takes)
    return scores


def _cue_scores(site: Site, weights: dict, heading_cues: list, takes: str) -> dict:
    """The scores of the cues: the clause's, those a pronoun opening the clause or the sentence points
    back to, the sentence's when nothing else says, and the headings above."""
    k = site.ctx.knowledge
    q, doc = site.q, site.doc
    scores = add_scores({}, site.clause_cues, weights, k, takes, q.start, q.end)
    _add_pointed_back(site, scores, weights, takes)
    if share_of_patients(site):
        scores.pop("prevalence", None)
    weak = site.quantity.kind == "relative" or site.quantity.rule.endswith("bare_plural")
    if not scores and not weak:
        add_scores(scores, site.sentence_cues, weights, k, takes, q.start, q.end, scale=SENTENCE_WEIGHT)
    if heading_cues:
        add_scores(scores, heading_cues, weights, k, takes, len(doc), len(doc),
                   scale=HEADING_WEIGHT if scores else HEADING_ALONE_WEIGHT)
    return scores


def _add_pointed_back(site: Site, scores: dict, weights: dict, takes: str) -> None:
    """A clause or sentence that opens with a pronoun takes the cues of what it points back to."""
    k = site.ctx.knowledge
    q, doc = site.q, site.doc
    previous = site.previous_clauses()
    if previous and PRONOUN_START_RE.match(site.clause_text()):
        # "..., but this should subside within a few hours": "this" is what the sentence named before it;
        # cues nearer the pronoun count more
        clause = doc.char_span(site.clause[0], site.clause[1], alignment_mode="expand")
        assert clause is not None  # "expand" finds the tokens of any clause inside the text
        pronoun_at = clause.start
        add_scores(scores, cues_in(doc, previous[0][0], previous[-1][1]), weights, k, takes, pronoun_at, pronoun_at)
    sentences = site.bd.sentences()
    index = site.bd.sentence_index(site.sent)
    if index > 0 and site.clause[0] == site.sent.start_char and \
            PRONOUN_START_RE.match(site.bd.text[site.sent.start_char:site.sent.end_char]):
        before = sentences[index - 1]
        add_scores(scores, cues_in(doc, before.start_char, before.end_char), weights, k, takes, q.start, q.end,
                   scale=SENTENCE_WEIGHT)


def _add_reading_priors(site: Site, scores: dict, takes: str) -> None:
    """What the reading itself says: whose share it is, an age, a frequency."""
    k = site.ctx.knowledge
    if share_of_patients(site):
        scores.pop("prevalence", None)
    elif share_of_population(site) and "ratio" in k.attributes.get("prevalence", _NONE).takes:
        scores["prevalence"] = scores.get("prevalence", 0.0) + POPULATION_PRIOR
    if takes == "age" and "age_at_onset" in k.attributes:
        scores["age_at_onset"] = scores.get("age_at_onset", 0.0) + AGE_PRIOR
    if site.quantity.kind == "frequency" or site.quantity.rule == "every":
        scores["repeat_interval"] = scores.get("repeat_interval", 0.0) + FREQUENCY_PRIOR


def _add_clause_word_priors(site: Site, scores: dict, takes: str) -> None:
    """What the words of the clause say: a sign named with a share, a symptom getting better, a
    frequency that belongs to another number."""
    if takes == "ratio" and not scores and _names_a_feature(site):
        scores["risk"] = FEATURE_SHARE_PRIOR
    if takes == "ratio" and _symptom_gets_better(site):
        # "80% report less knee pain", "pain improved in 60%": a symptom getting better is success
        scores["success_rate"] = scores.get("success_rate", 0.0) + BETTER_PRIOR
    if site.quantity.kind != "frequency" and site.quantity.rule != "every" and _frequency_in_clause(site):
        # "inject a hormone every day for 10 to 12 days": "every" belongs to the other number
        scores.pop("repeat_interval", None)


def _frequency_in_clause(site: Site) -> bool:
    return any(other.start != site.q.start and site.clause[0] <= other.start_char < site.clause[1]
               and (other.label_ == "frequency" or other[0].lower_ in ("every", "each"))
               for other in site.doc.spans.get("quantities", []))


def _names_a_feature(site: Site) -> bool:
    """A sign, symptom or side effect named with the value: in its clause, or as its table row's label."""
    block = site.block
    if site.column is not None and block.cells:
        a, b = block.cells[0][0] - block.start, block.cells[0][1] - block.start
        if any(m.kind == "feature" and a <= m.start and m.end <= b for m in site.ctx.mentions(block.index)):
            return True
    topic_key = site.ctx.topic_key
    if any(m.kind == "feature" and not m.is_topic and not (topic_key and topic_key.endswith(name_key(m.text)))
           and site.clause[0] <= m.start and m.end <= site.clause[1] for m in site.ctx.mentions(block.index)):
        return True  # not "jaundice" on a page about newborn jaundice
    # a symptom word that names no subject on its own ("some pain", "ongoing aching"), unless it is
    # what gets better ("less pain", "pain relief")
    return any(not better for better in _symptom_words(site))


def _symptom_gets_better(site: Site) -> bool:
    return any(_symptom_words(site, skip_measured=True))


def _symptom_words(site: Site, skip_measured: bool = False) -> list[bool]:
    """For each symptom word in the clause: whether the words around it say it gets better.
    ``skip_measured``: leave out a symptom right after the value ("80% pain relief", "a 50% reduction
    in pain"), which the value measures rather than counts people for."""
    span: Iterable[Token] = site.doc.char_span(site.clause[0], site.clause[1], alignment_mode="expand") or []
    topic_words = set(site.ctx.topic_key.split())  # on a page about jaundice, jaundice is no harm of its own
    out = []
    for token in span:
        if skip_measured and site.q.end <= token.i <= site.q.end + 4 or token.lower_ in topic_words:
            continue
        if token.is_alpha and site.ctx.knowledge.kind_of(token.lower_) == "feature":
            before = {t.lower_ for t in token.doc[max(0, token.i - 2): token.i]}
            after = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
            out.append(bool(before & _BETTER_BEFORE) or after in _BETTER_AFTER)
    return out


_BETTER_BEFORE = {"less", "reduced", "lower", "no", "fewer", "decreased", "without", "reduce", "reduces", "relieve",
                  "relieves", "ease", "eases", "improved", "improve", "improves", "reduction", "relief",
                  "improvement", "decrease"}
_BETTER_AFTER = {"relief", "free", "reduction", "improved", "improves", "improvement", "eased", "scores", "control"}


names_a_feature = _names_a_feature


_PATIENT_DENOMINATOR = re.compile(
    r"^\s*(?:of\s+)?(?:all\s+|these\s+|those\s+|the\s+|such\s+|reported\s+|affected\s+)*(?:\w+\s+)?"
    r"(?:cases|patients|sufferers|carriers|survivors|(?:people|persons|individuals|children|adults|women|men|infants|"
    r"babies|newborns|those|males|females)\s+(?:with|who|affected|diagnosed)|affected\s+(?:people|individuals|"
    r"persons|children)|those\s+affected)\b", re.I)
_IN_CASES = re.compile(r"\b(?:in|of)\s*$", re.I)


_POPULATION_DENOMINATOR = re.compile(
    r"^\s*(?:of\s+|out\s+of\s+every\s+\S+\s+|in\s+every\s+\S+\s+)?(?:all\s+|the\s+)?"
    r"(?:(?!in\b|among\b|for\b|with\b|who\b|aged?\b)\w+\s+){0,2}?"
    r"(?:people|persons|individuals|adults|women|men|children|kids|americans|newborns|infants|babies|births|"
    r"live\s+births|girls|boys|teenagers|adolescents|population|residents)\b(?!\s+(?:with|who|affected|diagnosed))",
    re.I)
POPULATION_PRIOR = 1.2  # a share of the people of a population: how common something is
AGE_PRIOR = 0.6  # an age with no cue is most often when something starts
FREQUENCY_PRIOR = 2.0  # "once a day", "every 6 hours": how often something is repeated
BETTER_PRIOR = 2.0  # a symptom said to get better with a share: how often a treatment works
WEAK_SUCCESS = 2.0  # below this, the words for success are too weak to outweigh a harm named with the share
FEATURE_SHARE_PRIOR = 1.0  # "Dizziness: 12%": a share of people with a sign or side effect


def share_of_population(site: Site) -> bool:
    """A share of a whole population ("1 in 3 American adults", "2 percent of women", "out of every
    million people"), not of the people who have something."""
    if site.quantity.unit != "ratio":
        return False
    after = site.bd.text[site.q.end_char: site.q.end_char + 60]
    return bool(_POPULATION_DENOMINATOR.match(after)) and not share_of_patients(site)


def share_of_patients(site: Site) -> bool:
    """A share counted among people who have the condition ("90 percent of cases", "half of people with
    X", "in most cases"): it says how cases are spread or what happens to patients, never how common the
    condition is."""
    if site.quantity.unit != "ratio":
        return False
    doc = site.doc
    after = site.bd.text[site.q.end_char: site.q.end_char + 60]
    return bool(_PATIENT_DENOMINATOR.match(after))


def best(scores: dict) -> Optional[str]:
    if not scores:
        return None
    return max(sorted(scores), key=lambda name: scores[name])


# Quantities that can only be some attributes, whatever the cues say: a measurement ("200 mg/dL"), a
# share written as an adverb ("mainly affects girls"), a count of doses or visits, a multiplier ("five
# times more common") say something checker does not compare, unless named here.
ONLY = {"measure": (), "share_adverb": (), "count_things": (), "times": ("risk",), "age_population": (),
        "count_people": ("prevalence",)}


PER_PERIOD = ("repeat_interval",)  # "30 minutes a day", "3 days a week": an amount per period


def restricted(quantity, attribute: Optional[str], scores: dict) -> Optional[str]:
    allowed = ONLY.get(quantity.kind) if quantity.kind == "measure" else ONLY.get(quantity.rule)
    if allowed is None and quantity.kind == "duration" and getattr(quantity, "period", None):
        allowed = PER_PERIOD
    if allowed is None:
        return attribute
    for name in sorted(allowed, key=lambda n: -scores.get(n, 0.0)):
        if scores.get(name, 0.0) >= 1.5:
            return name
    return "other"


PLAUSIBLE_MIN_SCORE = 1.0  # a second-best attribute needs at least one real cue to take over


def plausible(quantity, attribute: str, scores: dict, knowledge: Knowledge) -> str:
    """The attribute, or the next best whose span holds the time: a "procedure" of about two weeks is
    a course of treatment, a "hospital stay" of ten minutes a wait, "every 15 minutes" no repeat
    interval of a treatment. The spans are in the data files (``span`` of an attribute)."""
    if quantity_takes(quantity) != "time" or _within(quantity, attribute, knowledge):
        return attribute
    for name in sorted(scores, key=lambda n: (-scores[n], n)):
        if name != attribute and scores[name] >= PLAUSIBLE_MIN_SCORE and _within(quantity, name, knowledge):
            return name
    return "other"


def _within(quantity, attribute: str, knowledge: Knowledge) -> bool:
    spec = knowledge.attributes.get(attribute)
    if spec is None or quantity.low is None:
        return True
    shortest, longest = spec.span
    reach = quantity.high if quantity.high is not None else quantity.low
    return not (shortest is not None and reach < shortest) and not (longest is not None and quantity.low > longest)


KIND_BOOST = 1.3  # an attribute about the kind of thing the clause is about weighs this much more
_PROCEDURE_SIDE = frozenset({"relief_duration", "onset_time", "procedure_time", "recovery_time", "treatment_duration",
                             "side_effect_duration", "success_rate"})
# a medicine or vaccine is taken, not performed: "it takes 2 weeks" is how soon it works
_TREATMENT_SIDE = frozenset({"relief_duration", "onset_time", "treatment_duration", "side_effect_duration",
                             "success_rate", "repeat_interval"})
_NOT_FOR_TREATMENTS = frozenset({"procedure_time", "recovery_time"})
_CONDITION_SIDE = frozenset({"illness_duration", "age_at_onset", "prevalence", "life_expectancy",
                             "incubation_period", "contagious_period"})
# what only a treatment has: on a condition's clause with no treatment named, "lasts longer than 3 weeks"
# is how long the illness lasts
_NOT_FOR_CONDITIONS = frozenset({"relief_duration", "procedure_time", "indication_duration"})


def adjust_for_kind(scores: dict, kind: Optional[str], treatment_named: bool = True, harm_named: bool = False) -> dict:
    """'It lasts two weeks' is how long relief lasts when the clause is about a treatment, how long an
    illness lasts when it is about a condition: the kind of the clause's subject tips the balance."""
    scores = _treatment_outcome(scores, kind, harm_named)
    if kind == "treatment":
        return {name: value * (KIND_BOOST if name in _TREATMENT_SIDE else 0.5 if name in _NOT_FOR_TREATMENTS else 1.0)
                for name, value in scores.items()}
    if kind in ("procedure", "test"):
        side = _PROCEDURE_SIDE
    elif kind in ("condition", "feature"):
        side = _CONDITION_SIDE
        scores = _condition_moves(scores, treatment_named, harm_named)
    else:
        return scores
    weaker = _NOT_FOR_CONDITIONS if side is _CONDITION_SIDE and not treatment_named else frozenset()
    return {name: value * (KIND_BOOST if name in side else 0.5 if name in weaker else 1.0)
            for name, value in scores.items()}


def _treatment_outcome(scores: dict, kind: Optional[str], harm_named: bool) -> dict:
    """Under a treatment, a share of people is an outcome: success, or a risk when a harm is named.
    Returns a new dict when it moves anything, ``scores`` itself otherwise."""
    if kind in ("treatment", "procedure", "test") and "prevalence" in scores:
        # how many people something happens to under a treatment is its success, or a risk when the words
        # say harm (a side effect, a complication); never how common a condition is
        scores = dict(scores)
        outcome = "risk" if scores.get("risk", 0.0) >= 1.0 or harm_named else "success_rate"
        scores[outcome] = scores.get(outcome, 0.0) + scores.pop("prevalence")
    if kind in ("treatment", "procedure", "test", "feature") and harm_named \
            and 0 < scores.get("success_rate", 0.0) < WEAK_SUCCESS:
        # "neck pain was reported by 7% of patients": a harm named, and nothing that says success
        scores = dict(scores)
        scores["risk"] = scores.get("risk", 0.0) + scores.pop("success_rate")
    return scores


def _condition_moves(scores: dict, treatment_named: bool, harm_named: bool) -> dict:
    """On a condition's clause: a share with a harm named is a risk, a symptom's time with no treatment
    named is how long the illness lasts. Returns a new dict when it moves anything."""
    if harm_named and "prevalence" in scores:
        # "Seizures occur in about 15 percent of males" on a page about a syndrome: how often a sign
        # comes with the condition, not how common the condition is
        scores = dict(scores)
        scores["risk"] = scores.get("risk", 0.0) + scores.pop("prevalence")
    if "side_effect_duration" in scores and not treatment_named:
        # side effects belong to treatments: on a page about a condition, how long a symptom lasts
        scores = dict(scores)
        scores["illness_duration"] = scores.get("illness_duration", 0.0) + scores.pop("side_effect_duration")
    return scores
