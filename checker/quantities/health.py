"""Quantities health pages use beyond durations and rates: ages, shares of a population, counts of people.

``find_health_quantities(text, found)`` takes what the duration-and-rate scanner found in ``text`` and
returns the list completed and corrected:

- ages ("at age 5", "between ages 30 and 50", "in their forties", "in infancy", "in the fifth decade
  of life") become quantities of kind ``age``, unit ``s`` (time since birth); "65 years old" and
  "20 years of age" turn from durations into ages;
- shares with a written denominator ("25 per million", "5 per 100,000 people"), ranges of "1 in"
  shares ("1 in 50,000 to 100,000", "1 in 2,500 to 1 in 5,000") and shares in words before a group
  ("most people", "almost all cases") are rates;
- counts of people ("fewer than 1,000 people", "about 200 cases") are counts;
- a duration written as an adjective before what it describes ("5-year survival", "a 12-week
  study") is dropped: it is not a claim of its own.

Every word comes from ``data/health_quantities.yaml``; pure Python, linear in the text.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Optional

from ..model import Quantity
from .health_patterns import NUMBER, _ORDINALS, _Patterns, _find, _patterns, _triggers, _Triggers, _words_of, number_value
from .health_readers import (APPROX, _age, _age_bounded, _bare_measure, _count, _decade, _denominator_of,
                             _first_of_life, _measure, _per, _things, _times)
from .health_vocabulary import YEAR, HealthVocabulary, default_health_vocabulary, load_health_vocabulary

__all__ = ["APPROX", "NUMBER", "YEAR", "HealthVocabulary", "default_health_vocabulary", "find_health_quantities",
           "load_health_vocabulary", "number_value"]

_AGE_OR_OVER = re.compile(r"\b(?:aged?|are|is|you're|were)\s+(?P<n>\d{1,3})\s+(?:or|and)\s+(?P<d>over|older|above|under|"
                          r"younger)\b", re.I)


def _span_free(taken: list, start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in taken)


class _Kept:
    """Readings kept so far and the spans they cover: a later reading that overlaps one is dropped, so
    the reader that runs first owns a stretch of text."""

    def __init__(self, spans: Iterable[tuple] = ()) -> None:
        self.readings: list[Quantity] = []
        self.spans: list = list(spans)

    def add(self, q: Optional[Quantity]) -> None:
        if q is not None and _span_free(self.spans, q.start, q.end):
            self.readings.append(q)
            self.spans.append((q.start, q.end))


class _Scan:
    """One text with what every reader needs: its words (to skip patterns that cannot match) and the
    vocabulary's patterns and trigger words."""

    def __init__(self, text: str, hv: HealthVocabulary) -> None:
        self.text = text
        self.hv = hv
        self.pats: _Patterns = _patterns(hv)
        self.trig: _Triggers = _triggers(hv)
        self.words = _words_of(text)

    def find(self, pattern: re.Pattern, triggers: frozenset, needs_number: bool = False):
        return _find(pattern, self.text, self.words, triggers, needs_number)


def find_health_quantities(text: str, found: list, hv: Optional[HealthVocabulary] = None,
                           standalone: bool = False) -> list:
    """``found`` (from the duration-and-rate scanner) corrected and completed; sorted, non-overlapping."""
    hv = hv or default_health_vocabulary()
    scan = _Scan(text, hv)
    base = _corrected(text, found, hv, scan.pats)
    # ages read first: "between the ages of 30 and 50 years" is an age, not the duration "50 years"
    ages = _ages(scan)
    age_spans = [(q.start, q.end) for q in ages]
    base = [q for q in base if q.kind not in ("duration", "count") or _span_free(age_spans, q.start, q.end)]
    extra = _Kept((q.start, q.end) for q in base)
    for q in ages:
        extra.add(q)
    _add_population_shares(scan, extra, standalone)
    _add_amounts(scan, extra)
    return sorted(base + extra.readings, key=lambda q: (q.start, q.end))


def _ages(scan: _Scan) -> list[Quantity]:
    """Every age in the text, left to right, parts joined ("in infancy or early childhood")."""
    text, hv, pats, trig = scan.text, scan.hv, scan.pats, scan.trig
    ages = _Kept()
    for m in scan.find(pats.between, trig.age, needs_number=True):
        ages.add(_age(m.start(), m.end(), text, number_value(m.group("a")), number_value(m.group("b")), "age_between"))
    for m in scan.find(pats.age, trig.age, needs_number=True):
        ages.add(_age_bounded(m, text, hv))
    for m in scan.find(pats.decade, trig.decade):
        ages.add(_decade(m, text, hv))
    for m in scan.find(pats.decade_ordinal, trig.decade):
        n = _decade_number(m.group("n"))
        ages.add(_age(m.start(), m.end(), text, (n - 1) * 10, n * 10, "age_decade"))
    for m in scan.find(pats.first_of_life, frozenset({"life"})):
        ages.add(_first_of_life(m))
    for m in scan.find(pats.stage, trig.stage):
        stage = _listed(hv.stages, m.group())
        if stage is not None:
            ages.add(Quantity(m.start(), m.end(), m.group(), stage[0], stage[1], "s", "age", vague=True,
                              rule="age_stage"))
    return _joined_ages(text, sorted(ages.readings, key=lambda q: q.start), hv)


def _decade_number(word: str) -> int:
    """'fifth' -> 5, '5th' -> 5 (the pattern reads nothing else)."""
    n = _ORDINALS.get(word.lower())
    if n:
        return n
    digits = re.match(r"\d+", word)
    assert digits is not None
    return int(digits.group())


def _listed(table: tuple, phrase: str) -> Optional[tuple]:
    """(low, high) of a phrase in a (phrase, low, high) table, the phrase's spaces folded; None when absent."""
    phrase = re.sub(r"\s+", " ", phrase.lower())
    for p, low, high in table:
        if p == phrase:
            return low, high
    return None


def _add_population_shares(scan: _Scan, kept: _Kept, standalone: bool) -> None:
    """The ages a group is made of ("aged 65 or older") and the shares of a population ("5 per 100,000",
    "most people"); a text that is only a share word ("most") when it stands alone."""
    text, hv, pats, trig = scan.text, scan.hv, scan.pats, scan.trig
    for m in scan.find(_AGE_OR_OVER, frozenset({"over", "older", "above", "under", "younger"}), True):
        n = float(m.group("n"))
        older = m.group("d").lower() in ("over", "older", "above")
        kept.add(Quantity(m.start("n"), m.end(), text[m.start("n"):m.end()], n * YEAR if older else 0.0,
                          None if older else n * YEAR, "s", "age", rule="age_population"))
    for m in scan.find(pats.per, trig.per, needs_number=True):
        kept.add(_per(m, text, hv))
    for m in scan.find(pats.share, trig.share):
        share = _listed(hv.shares, m.group("s"))
        if share is not None:
            kept.add(Quantity(m.start("s"), m.end("s"), m.group("s"), share[0], share[1], "ratio", "rate", vague=True,
                              rule="share_words"))
    if standalone:
        for p, low, high in hv.shares:
            if re.fullmatch(re.escape(p).replace(r"\ ", r"\s+") + r"\W*", text.strip(), re.I):
                kept.add(Quantity(0, len(text.rstrip()), text.rstrip(), low, high, "ratio", "rate", vague=True,
                                  rule="share_words"))


def _add_amounts(scan: _Scan, kept: _Kept) -> None:
    """Counts of people and things, measurements, multipliers ("twice as likely") and shares said as
    adverbs."""
    text, hv, pats, trig = scan.text, scan.hv, scan.pats, scan.trig
    for m in scan.find(pats.count, trig.count, needs_number=True):
        kept.add(_count(m, text))
    for m in scan.find(pats.measure, trig.measure, needs_number=True):
        kept.add(_measure(m.start(), m.end(), text, m.group("cmp"), m.group("a"), m.group("b"), m.group("tail")))
    for m in scan.find(pats.measure_bare, trig.measure, needs_number=True):
        kept.add(_bare_measure(m, text))
    for m in scan.find(pats.things, trig.things, needs_number=True):
        kept.add(_things(m, text))
    for m in scan.find(pats.times, trig.times):
        kept.add(_times(m, text, hv))
    for m in scan.find(pats.adverb, trig.adverb):
        share = _listed(hv.share_adverbs, m.group())
        if share is not None:
            kept.add(Quantity(m.start(), m.end(), m.group(), share[0], share[1], "ratio", "rate", vague=True,
                              rule="share_adverb"))


_OPEN_AGE_TAIL = re.compile(r"^\s*(?:(?:years?|yrs?)\s+)?(?:of\s+age\s+)?(?P<w>and|or)\s+(?P<d>older|over|up|above|"
                            r"younger|under|below)\b", re.I)
_AGE_JOIN = re.compile(r"^\s*(?:,\s*(?:(?:or|and)\s+)?|(?:or|and|to|through|-|–)\s*)"
                       r"(?:in\s+|during\s+|the\s+|their\s+|his\s+|her\s+)*$", re.I)  # "in childhood, adolescence, or adulthood"
_BARE_DECADE = re.compile(r"^\s*(?:or|and|to|-|–)\s*(?:in\s+)?(?:their\s+|the\s+)?(?P<d>[1-9]0'?s)\b", re.I)


def _joined_ages(text: str, ages: list, hv: HealthVocabulary) -> list:
    """'in infancy or early childhood', 'in their 40s and 50s', 'between infancy and adolescence': one
    age spanning both parts, not two ages that would contradict each other."""
    out: list = []
    for q in ages:
        if out and out[-1].kind == "age" and _AGE_JOIN.match(text[out[-1].end:q.start]):
            q = _age_joined(text, out.pop(), q)
        if q.low == q.high:
            q = _open_age(text, q) or q
        if q.rule in ("age_decade", "age_joined"):
            q = _with_bare_decade(text, q)
        out.append(q)
    return out


def _age_joined(text: str, first: Quantity, q: Quantity) -> Quantity:
    high = None if first.high is None or q.high is None else max(first.high, q.high)
    return Quantity(first.start, q.end, text[first.start:q.end], min(first.low or 0.0, q.low or 0.0), high, "s",
                    "age", vague=first.vague or q.vague, rule="age_joined")


def _open_age(text: str, q: Quantity) -> Optional[Quantity]:
    """'adults 50 years and older', 'everyone 6 months and older': the ages a group is made of, open at one
    end; None when no "and older" or "or younger" follows."""
    open_age = _OPEN_AGE_TAIL.match(text[q.end:q.end + 40])
    if not open_age:
        return None
    end = q.end + open_age.end()
    older = open_age.group("d").lower() in ("older", "over", "up", "above")
    return Quantity(q.start, end, text[q.start:end], q.low if older else 0.0, None if older else q.high, "s",
                    "age", rule="age_population")


def _with_bare_decade(text: str, q: Quantity) -> Quantity:
    """'in their 40s or 50s': a decade written bare after an age widens it."""
    tail = _BARE_DECADE.match(text[q.end:q.end + 20])
    if not tail:
        return q
    base = int(tail.group("d")[:2].rstrip("s").rstrip("'"))
    end = q.end + tail.end()
    return Quantity(q.start, end, text[q.start:end], min(q.low or 0.0, base * YEAR),
                    max(q.high or 0.0, (base + 10) * YEAR), "s", "age", vague=True, rule="age_joined")


def _corrected(text: str, found: list, hv: HealthVocabulary, pats: _Patterns) -> list:
    out: list = []
    for q in found:
        if out and q.start < out[-1].end:
            continue  # swallowed by the range before it ("1 in 2,500 to 1 in 5,000")
        if out and _amount_then_amount_per_period(text, out[-1], q):
            # "2 hours and 30 minutes per week": one amount per week, not "2 hours" and "30 minutes per week"
            first = out.pop()
            q = replace(q, start=first.start, text=text[first.start:q.end], low=first.low + q.low,
                        high=first.low + q.low, rule="compound_per_period")
        population = _open_age(text, q) if q.kind in ("duration", "age") and (q.kind == "age" or q.low == q.high) \
            else None
        if population is not None:
            out.append(population)  # the ages a group is made of
            continue
        reread = _reread(text, q, hv, pats)
        if reread is not None:
            out.append(reread)
    return out


def _amount_then_amount_per_period(text: str, first: Quantity, q: Quantity) -> bool:
    return bool(q.kind == "duration" == first.kind and q.period and not first.period
                and re.fullmatch(r"\s+and\s+", text[first.end:q.start]) and q.low == q.high
                and first.low == first.high and first.low is not None and q.low is not None)


def _reread(text: str, q: Quantity, hv: HealthVocabulary, pats: _Patterns) -> Optional[Quantity]:
    """A scanner reading as health pages mean it: a duration that is an age, a "1 in N" share that goes on
    to a second denominator; None for a duration that only describes the next word."""
    after = text[q.end: q.end + 24].lower()
    if q.kind == "duration":
        age = _duration_as_age(text, q, after)
        if age is not None:
            return age
        if _describes_next_word(q, after, hv):
            return None  # "5-year survival", "a 12-week study": a description, not a claim
    if q.rule.startswith("rate_fraction"):
        return _fraction_range(text, q, pats)
    return q


def _duration_as_age(text: str, q: Quantity, after: str) -> Optional[Quantity]:
    """'65 years old', '20 years of age', 'children 6 months through 8 years', '5-year-olds': an age."""
    old = re.match(r"\s*(?:old\b|of\s+age\b)", after)
    if old:
        end = q.end + old.end()
        return Quantity(q.start, end, text[q.start:end], q.low, q.high, "s", "age",
                        vague=q.vague, approx=q.approx, rule="age_years")
    if q.rule == "unit_range" and re.search(
            r"\b(?:children|kids|babies|infants|adults|people|patients|everyone|anyone|aged?)\s*$",
            text[max(0, q.start - 30):q.start], re.I):
        # "children 6 months through 8 years": the ages a group is made of
        return Quantity(q.start, q.end, q.text, q.low, q.high, "s", "age", rule="age_population")
    olds = re.match(r"-?olds?\b", after)
    if olds:
        end = q.end + olds.end()
        return Quantity(q.start, end, text[q.start:end], q.low, q.high, "s", "age", rule="age_years_old")
    return None


def _describes_next_word(q: Quantity, after: str, hv: HealthVocabulary) -> bool:
    """A hyphenated duration ("5-year", "12-week") before a descriptor word ("survival", "study")."""
    word_after = re.match(r"[\s-]*([a-z][a-z-]*)", after)
    next_word = word_after.group(1) if word_after else ""
    hyphenated = re.search(r"\d\s*-\s*[a-z]", q.text.lower()) is not None \
        and "-" in q.text and not re.search(r"\s(to|or|and)\s", q.text.lower())
    return hyphenated and next_word in hv.descriptors


def _fraction_range(text: str, q: Quantity, pats: _Patterns) -> Quantity:
    """'1 in 2,500 to 5,000', '1 in 2,500 to 1 in 5,000': one share from the first to the second."""
    low, high = q.low, q.high
    if low is None or high is None:
        return q
    tail = pats.fraction_tail.match(text, q.end)
    other = number_value(tail.group("d")) if tail else None
    if not (tail and other):
        return q
    numerator = round((low + high) / 2 * _denominator_of(q.text))
    second = numerator / other
    return replace(q, end=tail.end(), text=text[q.start:tail.end()], low=min(low, second),
                   high=max(high, second), rule=q.rule.split(":")[0] + "_range")
