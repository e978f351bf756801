"""Quantity expressions: find them in text and read them into intervals in a canonical unit.

``find_quantities(text)`` returns every quantity in a text (durations, ages, rates and shares,
frequencies, counts) and ``normalize(value_text)`` reads one expression on its own; both combine the
duration-and-rate grammar (`checker.quantities.expressions`) with the health forms of
`checker.quantities.health`.

The package, bottom up: `tokens` (the text as tokens), `schema` and `vocabulary` (data/quantities.yaml,
declared and loaded), `numbers` (digits, number words, fractions, multipliers), `durations` (amounts,
units, durations), `expressions` (rates, frequencies, comparators, approximators, the scan), `health`
(ages, shares, counts of people) and `format` (intervals as a person reads them).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..model import Quantity
from .expressions import find_expressions, read_expression
from .health import HealthVocabulary, default_health_vocabulary, find_health_quantities, load_health_vocabulary
from .vocabulary import Vocabulary, default_vocabulary, load_vocabulary


def find_quantities(text: str, vocab: Optional[Vocabulary] = None,
                    health: Optional[HealthVocabulary] = None) -> list[Quantity]:
    """Every quantity expression in ``text``, left to right, non-overlapping."""
    return join_ranges(text, find_health_quantities(text, find_expressions(text, vocab or default_vocabulary()), health))


_RANGE_TO = re.compile(r"\s+(?:to|up\s+to)\s+")


def join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """"from 1–2 hours to 5–7 hours": two ranges of one unit joined by "to" are one range, from the
    first's low to the second's high (each on its own would halve what the sentence says)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if prev is not None and _joinable(text, prev, q):
            out[-1] = replace(prev, end=q.end, text=text[prev.start:q.end], high=q.high,
                              vague=prev.vague or q.vague, rule="range_of_ranges")
        else:
            out.append(q)
    return out


def _joinable(text: str, first: Quantity, second: Quantity) -> bool:
    if first.kind != second.kind or first.unit != second.unit or first.kind not in ("duration", "rate"):
        return False
    if None in (first.low, first.high, second.low, second.high) or first.low == first.high:
        return False  # a single value followed by a range is "3 to 5-7 days" at best; leave it
    if not (first.high <= second.low and _RANGE_TO.fullmatch(text[first.end:second.start])):
        return False
    return second.low < second.high


def normalize(value_text: str, vocab: Optional[Vocabulary] = None,
              health: Optional[HealthVocabulary] = None) -> Optional[Quantity]:
    """Read one expression as written ("several weeks", "1 in 40,000", "in their forties")."""
    vocab = vocab or default_vocabulary()
    found = join_ranges(value_text, find_health_quantities(value_text, find_expressions(value_text, vocab), health,
                                                           standalone=True))
    single = read_expression(value_text, vocab)
    candidates = found + ([single] if single is not None else [])
    if not candidates:
        return None
    return max(candidates, key=lambda found: (found.end - found.start, found.kind == "age", -found.start))


__all__ = ["find_quantities", "normalize", "normalize_claims", "negated_reading", "Vocabulary", "HealthVocabulary",
           "default_vocabulary", "load_vocabulary", "default_health_vocabulary", "load_health_vocabulary"]


def negated_reading(low: Optional[float], high: Optional[float], value_text: str) -> Optional[tuple]:
    """The interval a negated value reads as, or None when it cannot be turned around.

    "does not last more than a week" -> at most a week; "no sooner than 3 months" or "not less than
    3 months" -> at least 3 months; "is not permanent" cannot be turned.
    """
    text = value_text.lower()
    if high is None and low is not None:  # "more than X", negated: at most X
        return 0.0, low
    if low in (0, 0.0) and high is not None and any(word in text for word in ("less", "fewer", "under", "within",
                                                                         "sooner", "before", "shorter")):
        return high, None
    return None


def normalize_claims(claims, vocab: Optional[Vocabulary] = None, health: Optional[HealthVocabulary] = None) -> list:
    """Pipeline stage: give each claim the interval its ``value_text`` reads as (a negated value turned
    around where it can be; where it cannot, the claim stays ``negated`` and is never compared)."""
    out = []
    readings: dict = {}  # pages repeat the same expressions; each is read once per call
    for claim in claims:
        if claim.value_text not in readings:
            readings[claim.value_text] = normalize(claim.value_text, vocab, health)
        read = readings[claim.value_text]
        if read is not None:
            # an age found by extraction stays an age unless the value text itself reads as one
            kind = read.kind if claim.kind != "age" or read.kind == "age" else claim.kind
            claim = claim.replace(low=read.low, high=read.high, unit=read.unit, vague=read.vague, approx=read.approx,
                                  rule=read.rule, kind=kind)
        if claim.negated and claim.kind != "relative":  # "is not permanent" cannot be turned around
            turned = negated_reading(claim.low, claim.high, claim.value_text)
            if turned is not None:
                claim = claim.replace(low=turned[0], high=turned[1], negated=False)
        out.append(claim)
    return out
