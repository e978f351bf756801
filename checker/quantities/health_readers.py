"""Readers for the health-quantity patterns: each turns one match into a Quantity (ages, rates,
counts, measurements, multipliers), or None when the match is not such a claim after all."""
from __future__ import annotations

import re
from typing import Optional

from ..model import Quantity
from .health_patterns import _DIGITS, _ORDINALS, number_value
from .health_vocabulary import YEAR, HealthVocabulary

APPROX = 0.15



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
