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
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import DataFileError
from ..knowledge.yamlio import DATA_DIR, load_yaml, where
from ..model import Quantity

YEAR = 31557600.0
APPROX = 0.15

_SMALL = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}
_WORD_NUMBER = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(k for k in _SMALL if _SMALL[k] < 10 and k != "zero")
                + r"))?|" + "|".join(sorted(_SMALL, key=len, reverse=True)) + r")")
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
NUMBER = rf"(?:{_DIGITS}|{_WORD_NUMBER})"
_MULT = r"(?:\s+(?:hundred|thousand|million|billion))?"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Stage(_Model):
    years: Tuple[Optional[float], Optional[float]]
    phrases: List[str]


class _File(_Model):
    life_stages: Dict[str, _Stage]
    decades: Dict[str, int]
    decade_parts: Dict[str, Tuple[int, int]]
    age_words: List[str]
    age_bounds: Dict[str, Tuple[object, object]]
    vague_shares: Dict[str, Tuple[float, float]]
    share_groups: List[str]
    count_groups: List[str]
    count_words_before: List[str]
    per_words: List[str]
    denominator_words: Dict[str, int]
    duration_descriptors: List[str]
    measure_units: List[str] = []
    measure_words: List[str] = []
    count_things: List[str] = []
    share_adverbs: Dict[str, Tuple[float, float]] = {}
    multiplier_words: Dict[str, int] = {}


@dataclass(frozen=True, eq=False)  # compared by identity: its tables compile once
class HealthVocabulary:
    stages: tuple  # (phrase, low seconds, high seconds or None), longest phrase first
    decades: dict
    decade_parts: dict
    age_words: tuple
    age_bounds: dict  # preposition -> (low, high) with "n", 0 or None
    shares: tuple  # (phrase, low, high), longest first
    share_groups: tuple
    count_groups: tuple
    count_words_before: tuple
    per_words: tuple
    denominator_words: dict
    descriptors: frozenset
    measure_units: tuple = ()
    measure_words: tuple = ()
    count_things: tuple = ()
    share_adverbs: tuple = ()  # (phrase, low, high), longest first
    multipliers: dict = None  # type: ignore[assignment]
    path: str = ""


def load_health_vocabulary(path: Optional[str | Path] = None) -> HealthVocabulary:
    path = Path(path) if path else DATA_DIR / "health_quantities.yaml"
    raw = load_yaml(path)
    try:
        data = _File.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        container, key = raw, None
        for part in first["loc"]:
            if isinstance(container, (dict, list)) and (part in container if isinstance(container, dict)
                                                        else isinstance(part, int) and part < len(container)):
                parent, key = container, part
                container = container[part]
        location = where(path, parent, key) if key is not None else f"{path}:1"  # type: ignore[possibly-undefined]
        raise DataFileError(f"{location}: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    for prep, bounds in data.age_bounds.items():
        for b in bounds:
            if b not in ("n", 0, None):
                raise DataFileError(f"{where(path, raw['age_bounds'], prep)}: age bound {b!r} must be n, 0 or null")
    stages = []
    for spec in data.life_stages.values():
        low, high = spec.years
        for phrase in spec.phrases:
            stages.append((phrase.lower(), (low or 0) * YEAR, None if high is None else high * YEAR))
    return HealthVocabulary(
        stages=tuple(sorted(stages, key=lambda s: -len(s[0]))),
        decades=dict(data.decades),
        decade_parts={k: tuple(v) for k, v in data.decade_parts.items()},
        age_words=tuple(data.age_words),
        age_bounds={k: tuple(v) for k, v in data.age_bounds.items()},
        shares=tuple(sorted(((k.lower(), lo, hi) for k, (lo, hi) in data.vague_shares.items()), key=lambda s: -len(s[0]))),
        share_groups=tuple(sorted((g.lower() for g in data.share_groups), key=len, reverse=True)),
        count_groups=tuple(sorted((g.lower() for g in data.count_groups), key=len, reverse=True)),
        count_words_before=tuple(sorted((w.lower() for w in data.count_words_before), key=len, reverse=True)),
        per_words=tuple(sorted((w.lower() for w in data.per_words), key=len, reverse=True)),
        denominator_words=dict(data.denominator_words),
        descriptors=frozenset(w.lower() for w in data.duration_descriptors),
        measure_units=tuple(sorted(data.measure_units, key=len, reverse=True)),
        measure_words=tuple(sorted((w.lower() for w in data.measure_words), key=len, reverse=True)),
        count_things=tuple(sorted((w.lower() for w in data.count_things), key=len, reverse=True)),
        share_adverbs=tuple(sorted(((k.lower(), lo, hi) for k, (lo, hi) in data.share_adverbs.items()),
                                   key=lambda s: -len(s[0]))),
        multipliers={k.lower(): v for k, v in data.multiplier_words.items()},
        path=str(path),
    )


@lru_cache(maxsize=1)
def default_health_vocabulary() -> HealthVocabulary:
    return load_health_vocabulary()


def number_value(text: str) -> Optional[float]:
    """'1,000' -> 1000, 'twenty-five' -> 25, '3 million' -> 3e6; None when it is not a number."""
    text = text.strip().lower()
    mult = 1.0
    for word, size in (("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9)):
        if text.endswith(" " + word):
            mult, text = size, text[: -len(word) - 1].strip()
            break
    if re.fullmatch(_DIGITS, text):
        return float(text.replace(",", "")) * mult
    parts = re.split(r"[- ]", text)
    total = 0
    for p in parts:
        if p in _TENS:
            total += _TENS[p]
        elif p in _SMALL:
            total += _SMALL[p]
        else:
            return None
    return float(total) * mult


def _alternation(phrases) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    age: re.Pattern
    between: re.Pattern
    decade: re.Pattern
    decade_ordinal: re.Pattern
    first_of_life: re.Pattern
    stage: re.Pattern
    per: re.Pattern
    share: re.Pattern
    count: re.Pattern
    fraction_tail: re.Pattern
    measure: re.Pattern
    measure_bare: re.Pattern
    things: re.Pattern
    adverb: re.Pattern
    times: re.Pattern


@dataclass(frozen=True)
class _Triggers:
    """Words without which a pattern cannot match (every word of its phrases: a superset is safe)."""

    age: frozenset
    stage: frozenset
    decade: frozenset
    per: frozenset
    share: frozenset
    count: frozenset
    measure: frozenset
    things: frozenset
    times: frozenset
    adverb: frozenset


@lru_cache(maxsize=8)
def _triggers(hv: HealthVocabulary) -> _Triggers:
    def last_words(phrases) -> tuple:
        return tuple(sorted({p.split()[-1] for p in phrases if p.split()}))

    def words(phrases) -> frozenset:
        return _trigger_words(tuple(phrases))

    return _Triggers(
        age=words(hv.age_words),
        stage=words(p for p, _l, _h in hv.stages),
        decade=words(hv.decades) | {"s", "decade"},
        per=words(hv.per_words),
        share=words(p for p, _l, _h in hv.shares),
        count=words(hv.count_groups),
        measure=words(hv.measure_units) | words(hv.measure_words),
        things=words(hv.count_things),
        times=frozenset({"times"}) | words(hv.multipliers or {}),
        adverb=words(p for p, _l, _h in hv.share_adverbs),
    )


_WORD_RE = re.compile(r"[a-z]+|\d")
_NUMBER_WORDS = frozenset(_SMALL) | frozenset(_TENS) | {"\\d", "several", "few", "single", "twice", "double", "half"}


def _words_of(text: str) -> set:
    """The words of a text (and "\\d" when it holds a digit), to tell which patterns can match at all."""
    words = set(_WORD_RE.findall(text.lower()))
    if any(w.isdigit() for w in words):
        words.add("\\d")
    return words


def _trigger_words(words: tuple) -> frozenset:
    return frozenset(w2 for w in words for w2 in _WORD_RE.findall(w.lower()))


def _find(pattern: re.Pattern, text: str, words: set, triggers: frozenset, needs_number: bool = False):
    """``pattern.finditer(text)`` when the text holds one of the pattern's trigger words (and a number when
    it needs one): most patterns then never read most texts."""
    if not (words & triggers) or needs_number and not (words & _NUMBER_WORDS):
        return iter(())
    return pattern.finditer(text)


@lru_cache(maxsize=8)
def _patterns(hv: HealthVocabulary) -> _Patterns:
    preps = _alternation(hv.age_bounds)
    ages = _alternation(hv.age_words)
    decade_words = _alternation(hv.decades)
    parts = _alternation(hv.decade_parts)
    groups = _alternation(hv.share_groups)
    count_groups = _alternation(hv.count_groups)
    before = _alternation(hv.count_words_before)
    per = _alternation(hv.per_words)
    denominators = _alternation(hv.denominator_words)
    shares = _alternation(p for p, _lo, _hi in hv.shares)
    flags = re.I
    return _Patterns(
        age=re.compile(rf"\b(?:(?P<prep>{preps})\s+)?(?:the\s+)?(?:{ages})\s+(?:of\s+)?(?P<a>{NUMBER})"
                       rf"(?:\s*(?:to|-|–|—|or|and)\s*(?P<b>{NUMBER}))?(?:\s+(?:years?|yrs?)(?:\s+(?:old|of\s+age))?)?(?![\w%])",
                       flags),
        between=re.compile(rf"\bbetween\s+(?:the\s+)?(?:{ages})\s+(?:of\s+)?(?P<a>{NUMBER})\s+and\s+(?P<b>{NUMBER})"
                           rf"(?:\s+(?:years?|yrs?)(?:\s+(?:old|of\s+age))?)?\b", flags),
        decade=re.compile(rf"\b(?:in|into|until)\s+(?:their|his|her|the|your|one's)\s+(?:(?P<part>{parts})[- ]?)?"
                          rf"(?P<d>{decade_words}|[1-9]0'?s)\b", flags),
        first_of_life=re.compile(rf"\b(?:for\s+|during\s+|in\s+|within\s+)?the\s+first\s+(?P<n>{NUMBER}|few|several)"
                                 rf"(?:\s*(?:to|-|–)\s*(?P<m>{NUMBER}))?\s+(?P<u>days|weeks|months|years)\s+of\s+life\b",
                                 flags),
        decade_ordinal=re.compile(r"\b(?:in|during)\s+(?:the|their|his|her)\s+(?P<n>" + "|".join(_ORDINALS)
                                  + r"|\d(?:st|nd|rd|th))\s+decade(?:\s+of\s+life)?\b", flags),
        stage=re.compile(rf"\b(?:{_alternation(p for p, _l, _h in hv.stages)})\b", flags),
        per=re.compile(rf"(?:\b(?P<btw>between)\s+)?(?P<n>{_DIGITS}|{_WORD_NUMBER})(?:\s*(?:to|-|–|and)\s*(?P<m>{_DIGITS}|{_WORD_NUMBER}))?"
                       rf"\s+(?:(?:{count_groups})\s+)?(?:{per})\s+(?P<d>{_DIGITS}(?:\s+(?:{denominators}))?|"
                       rf"(?:a\s+|one\s+)?(?:{denominators}))\b", flags),
        # "most affected people", not "most common in people" (an adjective's degree, then a preposition)
        share=re.compile(rf"\b(?P<s>{shares})\s+(?:of\s+)?(?:the\s+|these\s+|those\s+|all\s+)?"
                         rf"(?:(?!(?:in|among|for|to|than|common|commonly|likely|often|frequent|frequently)\b)"
                         rf"[a-z][\w-]*\s+){{0,2}}?(?:{groups})\b", flags),
        count=re.compile(rf"(?:\b(?P<w>{before})\s+)?(?P<n>{_DIGITS}{_MULT}|{_WORD_NUMBER}\s+(?:hundred|thousand|million))"
                         rf"\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<g>{count_groups})\b", flags),
        measure=re.compile(
            rf"(?:\b(?P<cmp>less than|more than|greater than|higher than|lower than|below|above|under|over|"
            rf"up to|at least|at most|between|about|around|approximately)\s+)?(?P<a>{_DIGITS}(?:/\d+)?)"
            rf"(?:\s*(?:-|–|to|and)\s*(?P<b>{_DIGITS}(?:/\d+)?))?\s*(?P<u>{_units(hv.measure_units)})"
            rf"(?P<tail>\s+or\s+(?:more|higher|greater|less|lower|above|below))?(?![\w/])"),
        measure_bare=re.compile(
            rf"\b(?:{_alternation(hv.measure_words)})(?:\s+(?:is|are|of|was|should\s+be|from|that\s+is))?\s+"
            rf"(?P<q>(?:(?:less than|more than|greater than|higher than|lower than|below|above|under|over|at least|"
            rf"between|from)\s+)?{_DIGITS}(?:/\d+)?(?:\s*(?:-|–|to|and)\s*{_DIGITS}(?:/\d+)?)?"
            rf"(?:\s+or\s+(?:more|higher|greater|less|lower|above|below))?)(?![\w/%])", flags),
        things=re.compile(rf"(?:\b(?P<w>{before})\s+)?(?P<n>{_DIGITS}|{_WORD_NUMBER}|a\s+single|one\s+or\s+two|"
                          rf"{_WORD_NUMBER}\s+or\s+more|{_DIGITS}\s+or\s+more|several|a\s+few)\s+"
                          rf"(?:[a-z][\w-]*\s+)?(?P<g>{_alternation(hv.count_things)})\b", flags),
        adverb=re.compile(rf"\b(?:{_alternation(p for p, _l, _h in hv.share_adverbs)})\b", flags),
        times=re.compile(rf"(?:\b(?P<n>{_DIGITS}|{_WORD_NUMBER})(?:\s*(?:to|-|–)\s*(?P<m>{_DIGITS}|{_WORD_NUMBER}))?"
                         rf"\s+times\s+(?:more|higher|greater|less|lower|as)\b|\b(?P<w>{_alternation(hv.multipliers or {'twice': 2})})"
                         rf"(?:\s+(?:as|the|that|their|the\s+risk))?\b(?=\s+\w))", flags),
        fraction_tail=re.compile(rf"\s*(?:to|-|–|—|and)\s*(?:(?:1|one)\s+in\s+)?(?P<d>{_DIGITS})\b(?!\s*(?:in|out)\b)", flags),
    )


def _units(units) -> str:
    """Unit names after a number: case matters for names in capitals ("L", "IU"), not for the rest."""
    parts = []
    for u in units:
        escaped = re.escape(u).replace(r"\ ", r"\s+")
        parts.append(escaped if any(c.isupper() for c in u) and len(u) <= 3 else f"(?i:{escaped})")
    return "|".join(parts)


_AGE_OR_OVER = re.compile(r"\b(?:aged?|are|is|you're|were)\s+(?P<n>\d{1,3})\s+(?:or|and)\s+(?P<d>over|older|above|under|"
                          r"younger)\b", re.I)


def _span_free(taken: list, start: int, end: int) -> bool:
    return all(end <= a or start >= b for a, b in taken)


def find_health_quantities(text: str, found: list, hv: Optional[HealthVocabulary] = None,
                           standalone: bool = False) -> list:
    """``found`` (from the duration-and-rate scanner) corrected and completed; sorted, non-overlapping."""
    hv = hv or default_health_vocabulary()
    pats = _patterns(hv)
    base = _corrected(text, found, hv, pats)
    # ages read first: "between the ages of 30 and 50 years" is an age, not the duration "50 years"
    ages: list[Quantity] = []
    age_spans: list = []

    def add_age(q: Optional[Quantity]) -> None:
        if q is not None and _span_free(age_spans, q.start, q.end):
            ages.append(q)
            age_spans.append((q.start, q.end))

    trig = _triggers(hv)
    segs = _words_of(text)
    for m in _find(pats.between, text, segs, trig.age, needs_number=True):
        add_age(_age(m.start(), m.end(), text, number_value(m.group("a")), number_value(m.group("b")), "age_between"))
    for m in _find(pats.age, text, segs, trig.age, needs_number=True):
        add_age(_age_bounded(m, text, hv))
    for m in _find(pats.decade, text, segs, trig.decade):
        add_age(_decade(m, text, hv))
    for m in _find(pats.decade_ordinal, text, segs, trig.decade):
        n = _ORDINALS.get(m.group("n").lower()) or int(re.match(r"\d+", m.group("n")).group())
        add_age(_age(m.start(), m.end(), text, (n - 1) * 10, n * 10, "age_decade"))
    for m in _find(pats.first_of_life, text, segs, frozenset({"life"})):
        add_age(_first_of_life(m))
    for m in _find(pats.stage, text, segs, trig.stage):
        phrase = re.sub(r"\s+", " ", m.group().lower())
        for p, low, high in hv.stages:
            if p == phrase:
                add_age(Quantity(m.start(), m.end(), m.group(), low, high, "s", "age", vague=True, rule="age_stage"))
                break
    ages = _joined_ages(text, sorted(ages, key=lambda q: q.start), hv)
    age_spans = [(q.start, q.end) for q in ages]
    base = [q for q in base if q.kind not in ("duration", "count") or _span_free(age_spans, q.start, q.end)]
    taken = [(q.start, q.end) for q in base]
    extra: list[Quantity] = []

    def add(q: Optional[Quantity]) -> None:
        if q is not None and _span_free(taken, q.start, q.end):
            extra.append(q)
            taken.append((q.start, q.end))

    for q in ages:
        add(q)
    for m in _find(_AGE_OR_OVER, text, segs, frozenset({"over", "older", "above", "under", "younger"}), True):
        n = float(m.group("n"))
        older = m.group("d").lower() in ("over", "older", "above")
        add(Quantity(m.start("n"), m.end(), text[m.start("n"):m.end()], n * YEAR if older else 0.0,
                     None if older else n * YEAR, "s", "age", rule="age_population"))
    for m in _find(pats.per, text, segs, trig.per, needs_number=True):
        add(_per(m, text, hv))
    for m in _find(pats.share, text, segs, trig.share):
        share = re.sub(r"\s+", " ", m.group("s").lower())
        for p, low, high in hv.shares:
            if p == share:
                add(Quantity(m.start("s"), m.end("s"), m.group("s"), low, high, "ratio", "rate", vague=True,
                             rule="share_words"))
                break
    if standalone:
        for p, low, high in hv.shares:
            if re.fullmatch(re.escape(p).replace(r"\ ", r"\s+") + r"\W*", text.strip(), re.I):
                add(Quantity(0, len(text.rstrip()), text.rstrip(), low, high, "ratio", "rate", vague=True,
                             rule="share_words"))
    for m in _find(pats.count, text, segs, trig.count, needs_number=True):
        add(_count(m, text))
    for m in _find(pats.measure, text, segs, trig.measure, needs_number=True):
        add(_measure(m.start(), m.end(), text, m.group("cmp"), m.group("a"), m.group("b"), m.group("tail")))
    for m in _find(pats.measure_bare, text, segs, trig.measure, needs_number=True):
        add(_bare_measure(m, text))
    for m in _find(pats.things, text, segs, trig.things, needs_number=True):
        add(_things(m, text))
    for m in _find(pats.times, text, segs, trig.times):
        add(_times(m, text, hv))
    for m in _find(pats.adverb, text, segs, trig.adverb):
        phrase = re.sub(r"\s+", " ", m.group().lower())
        for p, low, high in hv.share_adverbs:
            if p == phrase:
                add(Quantity(m.start(), m.end(), m.group(), low, high, "ratio", "rate", vague=True, rule="share_adverb"))
                break
    return sorted(base + extra, key=lambda q: (q.start, q.end))


def _num(text: Optional[str]) -> Optional[float]:
    if not text:
        return None
    if "/" in text:
        text = text.split("/")[0]
    return number_value(text)


def _measure(start: int, end: int, text: str, cmp: Optional[str], a: str, b: Optional[str],
             tail: Optional[str]) -> Optional[Quantity]:
    low, high = _num(a), _num(b) if b else None
    if low is None:
        return None
    if high is None:
        high = low
    cmp = (cmp or "").lower()
    tail = (tail or "").lower()
    if cmp in ("less than", "below", "under", "lower than", "up to", "at most") or any(w in tail for w in ("less", "lower", "below")):
        low = 0.0
    elif cmp in ("more than", "greater than", "higher than", "above", "over", "at least") or tail:
        high = None
    elif cmp in ("about", "around", "approximately"):
        low, high = low * (1 - APPROX), high * (1 + APPROX)
    return Quantity(start, end, text[start:end], low, high, "count", "measure", rule="measure")


def _bare_measure(m: re.Match, text: str) -> Optional[Quantity]:
    q = m.group("q")
    start = m.start("q")
    inner = re.match(rf"(?:(?P<cmp>less than|more than|greater than|higher than|lower than|below|above|under|over|"
                     rf"at least|between|from)\s+)?(?P<a>{_DIGITS}(?:/\d+)?)(?:\s*(?:-|–|to|and)\s*"
                     rf"(?P<b>{_DIGITS}(?:/\d+)?))?(?P<tail>\s+or\s+\w+)?", q, re.I)
    if inner is None:
        return None
    value = _num(inner.group("a"))
    if value is not None and 1900 <= value <= 2100 and not inner.group("b"):
        return None  # a year
    return _measure(start, m.end("q"), text, inner.group("cmp"), inner.group("a"), inner.group("b"), inner.group("tail"))


def _things(m: re.Match, text: str) -> Optional[Quantity]:
    n_text = re.sub(r"\s+", " ", m.group("n").lower())
    low: Optional[float]
    high: Optional[float]
    if n_text == "a single":
        low = high = 1.0
    elif n_text == "one or two":
        low, high = 1.0, 2.0
    elif n_text == "several":
        low, high = 2.0, 7.0
    elif n_text == "a few":
        low, high = 2.0, 4.0
    elif n_text.endswith(" or more"):
        low, high = number_value(n_text[: -len(" or more")]), None
    else:
        low = high = number_value(n_text)
    if low is None:
        return None
    start = m.start("w") if m.group("w") else m.start("n")
    return Quantity(start, m.end("g"), text[start:m.end("g")], low, high, "count", "count",
                    vague=n_text in ("several", "a few"), rule="count_things")


def _times(m: re.Match, text: str, hv: HealthVocabulary) -> Optional[Quantity]:
    if m.group("w"):
        value = float((hv.multipliers or {}).get(m.group("w").lower(), 2))
        return Quantity(m.start("w"), m.end("w"), m.group("w"), value, value, "count", "multiplier", rule="times")
    low = number_value(m.group("n"))
    high = number_value(m.group("m")) if m.group("m") else low
    if low is None or high is None:
        return None
    end = m.start() + m.group().lower().rfind("times") + len("times")
    return Quantity(m.start(), end, text[m.start():end], low, high, "count", "multiplier", rule="times")


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
            first = out.pop()
            highs = [h for h in (first.high, q.high)]
            high = None if None in highs else max(highs)
            q = Quantity(first.start, q.end, text[first.start:q.end], min(first.low or 0.0, q.low or 0.0), high, "s",
                         "age", vague=first.vague or q.vague, rule="age_joined")
        open_age = _OPEN_AGE_TAIL.match(text[q.end:q.end + 40])
        if open_age and q.low == q.high:
            end = q.end + open_age.end()
            older = open_age.group("d").lower() in ("older", "over", "up", "above")
            q = Quantity(q.start, end, text[q.start:end], q.low if older else 0.0, None if older else q.high, "s",
                         "age", rule="age_population")
        tail = _BARE_DECADE.match(text[q.end:q.end + 20]) if q.rule in ("age_decade", "age_joined") else None
        if tail:
            base = int(tail.group("d")[:2].rstrip("s").rstrip("'"))
            end = q.end + tail.end()
            q = Quantity(q.start, end, text[q.start:end], min(q.low or 0.0, base * YEAR),
                         max(q.high or 0.0, (base + 10) * YEAR), "s", "age", vague=True, rule="age_joined")
        out.append(q)
    return out


def _corrected(text: str, found: list, hv: HealthVocabulary, pats: _Patterns) -> list:
    out: list = []
    for q in found:
        if out and q.start < out[-1].end:
            continue  # swallowed by the range before it ("1 in 2,500 to 1 in 5,000")
        if out and q.kind == "duration" == out[-1].kind and q.period and not out[-1].period \
                and re.fullmatch(r"\s+and\s+", text[out[-1].end:q.start]) and q.low == q.high \
                and out[-1].low == out[-1].high and out[-1].low is not None and q.low is not None:
            # "2 hours and 30 minutes per week": one amount per week, not "2 hours" and "30 minutes per week"
            first = out.pop()
            q = replace(q, start=first.start, text=text[first.start:q.end], low=first.low + q.low,
                        high=first.low + q.low, rule="compound_per_period")
        open_age = _OPEN_AGE_TAIL.match(text[q.end:q.end + 40]) if q.kind in ("duration", "age") else None
        if open_age and (q.kind == "age" or q.low == q.high):
            # "adults 50 years and older", "everyone 6 months and older": the ages a group is made of
            end = q.end + open_age.end()
            older = open_age.group("d").lower() in ("older", "over", "up", "above")
            low, high = (q.low, None) if older else (0.0, q.high)
            out.append(Quantity(q.start, end, text[q.start:end], low, high, "s", "age", rule="age_population"))
            continue
        after = text[q.end: q.end + 24].lower()
        word_after = re.match(r"[\s-]*([a-z][a-z-]*)", after)
        next_word = word_after.group(1) if word_after else ""
        hyphenated = q.kind == "duration" and re.search(r"\d\s*-\s*[a-z]", q.text.lower()) is not None \
            and "-" in q.text and not re.search(r"\s(to|or|and)\s", q.text.lower())
        if q.kind == "duration" and re.match(r"\s*(?:old\b|of\s+age\b)", after):
            tail = re.match(r"\s*(?:old|of\s+age)", after)
            low = q.low
            q = Quantity(q.start, q.end + tail.end(), text[q.start:q.end + tail.end()], low, q.high, "s", "age",
                         vague=q.vague, approx=q.approx, rule="age_years")
        elif q.kind == "duration" and q.rule == "unit_range" and re.search(
                r"\b(?:children|kids|babies|infants|adults|people|patients|everyone|anyone|aged?)\s*$",
                text[max(0, q.start - 30):q.start], re.I):
            # "children 6 months through 8 years": the ages a group is made of
            q = Quantity(q.start, q.end, q.text, q.low, q.high, "s", "age", rule="age_population")
        elif q.kind == "duration" and re.match(r"-?olds?\b", after):
            end = q.end + re.match(r"-?olds?", after).end()
            q = Quantity(q.start, end, text[q.start:end], q.low, q.high, "s", "age", rule="age_years_old")
        elif hyphenated and next_word in hv.descriptors:
            continue  # "5-year survival", "a 12-week study": a description, not a claim
        elif q.rule.startswith("rate_fraction") and q.low is not None and q.high is not None:
            tail = pats.fraction_tail.match(text, q.end)
            other = number_value(tail.group("d")) if tail else None
            if tail and other:
                numerator = round((q.low + q.high) / 2 * _denominator_of(q.text))
                second = numerator / other
                q = replace(q, end=tail.end(), text=text[q.start:tail.end()], low=min(q.low, second),
                            high=max(q.high, second), rule=q.rule.split(":")[0] + "_range")
        out.append(q)
    return out


def _denominator_of(text: str) -> float:
    numbers = re.findall(_DIGITS, text)
    if len(numbers) >= 2:
        return float(numbers[-1].replace(",", ""))
    return 1.0 / 1.0 if not numbers else float(numbers[-1].replace(",", ""))


def _age(start: int, end: int, text: str, a: Optional[float], b: Optional[float], rule: str) -> Optional[Quantity]:
    if a is None or (b is not None and b < a) or a > 130:
        return None
    high = a if b is None else b
    return Quantity(start, end, text[start:end], a * YEAR, high * YEAR, "s", "age", rule=rule)


def _age_bounded(m: re.Match, text: str, hv: HealthVocabulary) -> Optional[Quantity]:
    a, b = number_value(m.group("a")), number_value(m.group("b")) if m.group("b") else None
    if a is None or a > 130 or (b is not None and (b < a or b > 130)):
        return None
    prep = (m.group("prep") or "at").lower()
    prep = re.sub(r"\s+", " ", prep)
    low_rule, high_rule = hv.age_bounds.get(prep, ("n", "n"))
    top = b if b is not None else a

    def bound(rule, value):
        return None if rule is None else 0.0 if rule == 0 else value * YEAR

    low = bound(low_rule, a) or 0.0
    high = bound(high_rule, top)
    approx = prep in ("around", "about")
    if approx:
        low, high = low * (1 - APPROX), (high or low) * (1 + APPROX)
    return Quantity(m.start(), m.end(), m.group(), low, high, "s", "age", approx=approx, rule="age_" + prep.replace(" ", "_"))


_UNIT_YEARS = {"days": 1 / 365.25, "weeks": 7 / 365.25, "months": 1 / 12, "years": 1.0}


def _first_of_life(m: re.Match) -> Optional[Quantity]:
    """'the first 6 to 18 months of life', 'the first few months of life': an age from birth."""
    size = _UNIT_YEARS[m.group("u").lower()]
    n = m.group("n").lower()
    if n in ("few", "several"):
        low, high, vague = 0.0, (4 if n == "few" else 7) * size, True
    else:
        first = number_value(n)
        last = number_value(m.group("m")) if m.group("m") else None
        if first is None:
            return None
        low, high = (first * size, last * size) if last else (0.0, first * size)
        vague = False
    return Quantity(m.start(), m.end(), m.group(), low * YEAR, high * YEAR, "s", "age", vague=vague,
                    rule="age_first_of_life")


def _decade(m: re.Match, text: str, hv: HealthVocabulary) -> Optional[Quantity]:
    word = m.group("d").lower().replace("'", "")
    if word in hv.decades:
        base = hv.decades[word]
        span = 20 - base if word == "teens" else 10
    else:
        base, span = int(word[:2].rstrip("s")), 10
    part = (m.group("part") or "").lower()
    low, high = base, base + span
    if part in hv.decade_parts and word != "teens":
        a, b = hv.decade_parts[part]
        low, high = base + a, base + b
    return Quantity(m.start(), m.end(), m.group(), low * YEAR, high * YEAR, "s", "age", vague=True, rule="age_decade")


def _per(m: re.Match, text: str, hv: HealthVocabulary) -> Optional[Quantity]:
    n = number_value(m.group("n"))
    d_text = m.group("d").lower().strip()
    d_text = re.sub(r"^(?:a|one)\s+", "", d_text)
    d = hv.denominator_words.get(d_text)
    if d is None:
        parts = d_text.split()
        d = number_value(parts[0]) if parts else None
        if d is not None and len(parts) > 1:
            d *= hv.denominator_words.get(parts[1], 1)
    top = number_value(m.group("m")) if m.group("m") else n
    if m.group("m") and " and " in m.group() and not m.group("btw"):
        return None  # "2 and 5 per 1,000" without "between" is two numbers, not a range
    if n is None or top is None or not d or d < 100 or top > d or top < n:
        return None  # "3 times per day" is a frequency; a share needs a population-sized denominator
    return Quantity(m.start(), m.end(), m.group(), n / d, top / d, "ratio", "rate", rule="rate_per")


def _count(m: re.Match, text: str) -> Optional[Quantity]:
    n = number_value(m.group("n"))
    if n is None:
        return None
    group = m.group("g").lower()
    if n < 10 and group not in ("cases", "families", "kindreds"):
        return None
    before = text[max(0, m.start() - 12): m.start()].lower()
    if re.search(r"\b(?:per|in|of|out of)\s*$", before):
        return None  # "1 in 200 people": the rate reader owns it
    word = (m.group("w") or "").lower()
    low: Optional[float] = n
    high: Optional[float] = n
    if word in ("fewer than", "less than", "under", "up to"):
        low = 0.0
    elif word in ("more than", "over", "at least"):
        high = None
    elif word:
        low, high = n * (1 - APPROX), n * (1 + APPROX)
    start = m.start("w") if m.group("w") else m.start("n")
    return Quantity(start, m.end("g"), text[start:m.end("g")], low, high, "count", "count", approx=bool(word),
                    rule="count_people")
