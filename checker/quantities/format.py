"""How an interval is shown to a person, in the units the text used: "hours to days" reads "1 h–7 d".

Unit sizes and short names come from the vocabulary (``data/quantities.yaml``), nowhere else; ages
read in years ("age 30–50 y"), shares in percent, counts as numbers.
"""
from __future__ import annotations

from typing import Optional

from .tokens import tokenize
from .vocabulary import Vocabulary, default_vocabulary

YEAR = 31557600.0
SHORT = {"second": "s", "minute": "min", "hour": "h", "day": "d", "night": "d", "week": "wk", "fortnight": "wk",
         "month": "mo", "quarter": "mo", "year": "y", "decade": "y", "weekend": "d"}
LADDER = ("year", "month", "week", "day", "hour", "minute", "second")


def _number(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def format_seconds(seconds: Optional[float], vocab: Optional[Vocabulary] = None) -> str:
    """A short reading of a duration: 90 -> '1.5 min', 604800 -> '1 wk'; None -> 'open'."""
    if seconds is None:
        return "open"
    if seconds == 0:
        return "0"
    vocab = vocab or default_vocabulary()
    for unit in LADDER:
        size = vocab.unit_seconds(unit)
        if seconds >= size * 0.999 or unit == "second":
            return f"{_number(seconds / size)} {SHORT[unit]}"
    return f"{seconds:g} s"


def format_interval(low: Optional[float], high: Optional[float], unit: Optional[str], kind: str = "") -> str:
    if unit == "ratio":
        return _span(_percent(low), _percent(high))
    if unit == "s" and kind == "age":
        lo = "0" if not low else _number(low / YEAR)
        if high is None:
            return f"age ≥ {lo} y"
        hi = _number(high / YEAR)
        return f"age {lo} y" if lo == hi else f"age {lo}–{hi} y"
    if unit == "s":
        lo, hi = format_seconds(low if low is not None else 0), format_seconds(high)
        if high is None:
            return f"≥ {lo}"
        return lo if lo == hi else f"{lo}–{hi}"
    lo = "?" if low is None else f"{low:,.6g}"
    hi = "open" if high is None else f"{high:,.6g}"
    return lo if lo == hi else f"{lo}–{hi}"


def _percent(value: Optional[float]) -> str:
    if value is None:
        return "?"
    pct = value * 100
    if pct and pct < 0.1:
        return f"1 in {round(1 / value):,}"
    return f"{_number(pct, 1 if pct < 10 else 0)}%"


def _span(lo: str, hi: str) -> str:
    return lo if lo == hi else f"{lo}–{hi}"


def reading(value_text: str, low: Optional[float], high: Optional[float], unit: Optional[str], kind: str = "",
            vocab: Optional[Vocabulary] = None) -> str:
    """The interval in the units the text itself used ('hours to days' -> '1 h–7 d', 'about 12 weeks'
    -> '10–14 wk'), rounded as a person would."""
    if unit != "s" or kind == "age":
        return format_interval(low, high, unit, kind)
    vocab = vocab or default_vocabulary()
    named = [vocab.unit_alias[token.low] for token in tokenize(value_text) if token.low in vocab.unit_alias]
    if not named:
        return format_interval(low, high, unit)

    def fmt(value: float, name: str) -> str:
        size = vocab.unit_seconds(name)
        if value and value < size * 0.999:
            return format_seconds(value, vocab)
        return f"{_number(value / size, 0 if value / size >= 10 else 1)} {SHORT.get(name, name)}"

    lo = fmt(low, named[0]) if low else "0"
    if high is None:
        return f"≥ {lo}"
    hi = fmt(high, named[-1])
    if lo == hi:
        return lo
    lo_num, _, lo_unit = lo.partition(" ")
    hi_num, _, hi_unit = hi.partition(" ")
    if lo_unit and lo_unit == hi_unit:
        return f"{lo_num}–{hi_num} {hi_unit}"
    return f"{lo}–{hi}"


def claim_reading(claim) -> str:
    return reading(claim.value_text, claim.low, claim.high, claim.unit, claim.kind)
