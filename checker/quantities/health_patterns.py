"""The health-quantity patterns: numbers in digits and words, one compiled pattern per form, and the
trigger words without which a pattern cannot match (so most patterns never read most texts)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .health_vocabulary import HealthVocabulary


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
