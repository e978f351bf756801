"""Normalize stage: quantity expressions become intervals in a canonical unit.

Pure Python, no spaCy: ``find_quantities(text)`` scans plain text for durations, rates, frequencies
and relative time phrases and returns `Quantity` records (span, ``[low, high]``, flags and the rule
that produced it); ``normalize(value_text)`` reads one expression; ``normalize_claims(claims)`` is the
pipeline stage, re-reading each claim's ``value_text`` so that a stored claim always carries the
interval the current vocabulary gives it.

Every word the scanner knows comes from ``data/quantities.yaml`` (see `Vocabulary`). Time is in
seconds, rates are fractions 0..1, frequencies are counts with a period in seconds. ``None`` is an
open bound.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Optional

from . import datafiles
from .datafiles import check_keys, expect_list_of_str, expect_mapping, fail
from .errors import DataFileError
from .model import Claim, Quantity

APPROX_FRACTION = 0.15  # "about X" reads as X ± 15 % (DESIGN.md)

# Tokens: numbers with thousands separators and decimals, words (with inner apostrophes), and single
# symbols. Non-breaking and other unicode spaces are whitespace to `\s`, so they separate tokens.
_TOKEN_RE = re.compile(
    r"\d+(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 1,234,567.5
    r"|\d*\.\d+|\d+"  # 3.5 .5 42
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # words
    r"|\S",
    re.UNICODE,
)


@dataclass(frozen=True)
class Tok:
    text: str
    low: str  # lower-case text
    start: int
    end: int


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


# --------------------------------------------------------------------------------------------------
# Vocabulary


@dataclass(frozen=True)
class Unit:
    name: str
    seconds: float
    next: Optional[str]


@dataclass
class Vocabulary:
    """Everything the normalizer knows about words, loaded and validated from one YAML file."""

    units: dict  # name -> Unit
    unit_alias: dict  # alias (lower) -> unit name
    plural_aliases: set  # full-word plural aliases ("hours"), the only ones read bare
    need_number: set
    ambiguous_singular: set
    numbers: dict
    multipliers: dict
    number_nouns: dict
    fraction_words: dict
    unicode_fractions: dict
    vague: list  # (tokens, low, high), longest first
    upper: list  # token tuples, longest first
    lower: list
    open_high: list
    close_high: list
    approx_suffix: list
    approximators: list
    range_joiners: list
    range_openers: set
    bare_after: set
    relative: list  # (tokens, low, high)
    relative_not_after: set
    relative_not_before: list
    percent_words: list
    path: str = ""

    def unit_seconds(self, name: str) -> float:
        return self.units[name].seconds

    def next_unit_seconds(self, name: str) -> Optional[float]:
        nxt = self.units[name].next
        return self.units[nxt].seconds if nxt else None


def _phrases(words: Iterable[str]) -> list[tuple]:
    """Split phrases into token tuples the way the scanner tokenizes text; longest first."""
    out = {tuple(t.low for t in tokenize(w)) for w in words}
    return sorted(out, key=lambda p: (-len(p), p))


def _number(path, container, key, allow_none=False) -> Optional[float]:
    value = container.get(key)
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(path, container, key, f"{key!r} must be a number" + (" or null" if allow_none else ""))
    return float(value)


def _word_table(path, data, key) -> dict:
    table = expect_mapping(path, data.get(key, {}), key)
    out = {}
    for word, value in table.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail(path, table, word, f"{key}: value of {word!r} must be a number")
        out[str(word).lower()] = float(value)
    return out


def _interval_list(path, data, key) -> list:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise fail(path, data, key, f"{key!r} must be a list")
    out = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise fail(path, items, index, f"{key}: each entry must be a mapping with words, low, high")
        check_keys(path, item, ("words", "low", "high"), key)
        words = item.get("words")
        if not isinstance(words, str) or not words.strip():
            raise fail(path, item, None, f"{key}: 'words' must be a non-empty string")
        low = _number(path, item, "low")
        high = _number(path, item, "high", allow_none=True)
        if high is not None and high < low:
            raise fail(path, item, "high", f"{key}: high ({high:g}) is below low ({low:g}) for {words!r}")
        out.append((_phrases([words])[0], low, high))
    return sorted(out, key=lambda e: -len(e[0]))


def load_vocabulary(path: Path | str | None = None) -> Vocabulary:
    path = datafiles.data_path("quantities.yaml", path)
    data = expect_mapping(path, datafiles.load_yaml(path), "the file")
    check_keys(
        path,
        data,
        (
            "units", "abbreviations_need_number", "ambiguous_singular_units", "numbers", "multipliers",
            "number_nouns", "fraction_words", "unicode_fractions", "vague_amounts", "comparators",
            "suffixes", "approximators", "range_joiners", "range_openers", "bare_plural_after",
            "relative", "percent_words", "relative_not_after", "relative_not_before",
        ),
        "quantities vocabulary",
    )
    units_raw = expect_mapping(path, data.get("units"), "units")
    units, alias = {}, {}
    plural = set()
    for name, spec in units_raw.items():
        if not isinstance(spec, dict):
            raise fail(path, units_raw, name, f"unit {name!r} must be a mapping")
        check_keys(path, spec, ("seconds", "next", "aliases"), f"unit {name!r}")
        seconds = _number(path, spec, "seconds")
        if seconds <= 0:
            raise fail(path, spec, "seconds", f"unit {name!r}: seconds must be positive")
        units[name] = Unit(name, seconds, spec.get("next"))
        for a in expect_list_of_str(path, spec, "aliases"):
            a = a.lower()
            if a in alias and alias[a] != name:
                raise fail(path, spec, "aliases", f"alias {a!r} of unit {name!r} is already a {alias[a]!r} alias")
            alias[a] = name
            if len(a) > 3 and a.endswith("s") and a[:-1] in alias:
                plural.add(a)
    for name, spec in units_raw.items():
        nxt = spec.get("next")
        if nxt is not None and nxt not in units:
            raise fail(path, spec, "next", f"unit {name!r}: next unit {nxt!r} is not defined")
    need_number = {w.lower() for w in expect_list_of_str(path, data, "abbreviations_need_number", True)}
    for w in need_number:
        if w not in alias:
            raise fail(path, data, "abbreviations_need_number", f"{w!r} is not a unit alias")
    comps = expect_mapping(path, data.get("comparators", {}), "comparators")
    check_keys(path, comps, ("upper", "lower"), "comparators")
    sufs = expect_mapping(path, data.get("suffixes", {}), "suffixes")
    check_keys(path, sufs, ("open_high", "close_high", "approx"), "suffixes")
    vague = []
    for words, low, high in _interval_list(path, data, "vague_amounts"):
        if high is None:
            raise DataFileError(f"{path}:{data.lines.get('vague_amounts', 0)}: vague amounts need a high bound")
        vague.append((words, low, high))
    return Vocabulary(
        units=units,
        unit_alias=alias,
        plural_aliases=plural,
        need_number=need_number,
        ambiguous_singular={w.lower() for w in expect_list_of_str(path, data, "ambiguous_singular_units", True)},
        numbers=_word_table(path, data, "numbers"),
        multipliers=_word_table(path, data, "multipliers"),
        number_nouns=_word_table(path, data, "number_nouns"),
        fraction_words=_word_table(path, data, "fraction_words"),
        unicode_fractions=_word_table(path, data, "unicode_fractions"),
        vague=vague,
        upper=_phrases(expect_list_of_str(path, comps, "upper", True)),
        lower=_phrases(expect_list_of_str(path, comps, "lower", True)),
        open_high=_phrases(expect_list_of_str(path, sufs, "open_high", True)),
        close_high=_phrases(expect_list_of_str(path, sufs, "close_high", True)),
        approx_suffix=_phrases(expect_list_of_str(path, sufs, "approx", True)),
        approximators=_phrases(expect_list_of_str(path, data, "approximators", True)),
        range_joiners=_phrases(expect_list_of_str(path, data, "range_joiners", True)),
        range_openers={w.lower() for w in expect_list_of_str(path, data, "range_openers", True)},
        bare_after={w.lower() for w in expect_list_of_str(path, data, "bare_plural_after", True)},
        relative=_interval_list(path, data, "relative"),
        relative_not_after={w.lower() for w in expect_list_of_str(path, data, "relative_not_after", True)},
        relative_not_before=_phrases(expect_list_of_str(path, data, "relative_not_before", True)),
        percent_words=_phrases(expect_list_of_str(path, data, "percent_words", True)),
        path=str(path),
    )


_default_vocabulary: Optional[Vocabulary] = None


def default_vocabulary() -> Vocabulary:
    global _default_vocabulary
    if _default_vocabulary is None:
        _default_vocabulary = load_vocabulary()
    return _default_vocabulary


# --------------------------------------------------------------------------------------------------
# Parsing


@dataclass(frozen=True)
class _Amount:
    end: int  # token index after the amount
    low: float
    high: float
    vague: bool = False
    approx: bool = False


@dataclass(frozen=True)
class _Value:
    end: int
    low: Optional[float]
    high: Optional[float]
    unit: str  # "s" | "ratio" | "count"
    kind: str
    rule: str
    vague: bool = False
    approx: bool = False
    period: Optional[float] = None
    unit_name: Optional[str] = None  # the largest time unit named, for ranges of units


_COUNT_NOUNS = {
    "times", "injections", "injection", "treatments", "treatment", "sessions", "session", "procedures",
    "shots", "shot", "blocks", "visits", "doses", "dose", "rounds",
}
_TIMES_WORDS = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_PER_WORDS = {"a", "an", "per", "each", "every"}
_RATE_OF = {"out", "in"}


class _Scanner:
    def __init__(self, text: str, vocab: Vocabulary, standalone: bool = False):
        self.text = text
        self.v = vocab
        self.toks = tokenize(text)
        self.n = len(self.toks)
        self.standalone = standalone

    # -- token helpers -----------------------------------------------------------------------------
    def low(self, i: int) -> str:
        return self.toks[i].low if 0 <= i < self.n else ""

    def adjacent(self, i: int, j: int) -> bool:
        """No whitespace between token i and token j (j = i + 1)."""
        return 0 <= i < self.n and 0 <= j < self.n and self.toks[i].end == self.toks[j].start

    def phrase_at(self, i: int, phrases: list) -> int:
        """Length (in tokens) of the longest phrase starting at i, 0 if none."""
        for p in phrases:
            if tuple(self.low(i + k) for k in range(len(p))) == p:
                return len(p)
        return 0

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].text[0].isalpha()

    # -- numbers -----------------------------------------------------------------------------------
    def number(self, i: int) -> Optional[tuple[int, float]]:
        """A number written with digits, words or both; returns (end, value)."""
        if i >= self.n:
            return None
        t = self.toks[i]
        if t.low[0].isdigit() or (t.low[0] == "." and len(t.low) > 1):
            # "C5", "L2", "COVID-19": a digit glued to a word before it is a label, not a number.
            if i > 0 and self.adjacent(i - 1, i) and (self.is_word(i - 1) or self.low(i - 1) in {"-", "/"}
                                                      and i > 1 and self.adjacent(i - 2, i - 1) and self.is_word(i - 2)):
                return None
            value = float(t.low.replace(",", ""))
            j = i + 1
            if j < self.n and self.adjacent(i, j) and self.low(j) in self.v.unicode_fractions:
                value += self.v.unicode_fractions[self.low(j)]
                j += 1
            elif (self.low(j) == "/" and self.adjacent(i, j) and j + 1 < self.n and self.adjacent(j, j + 1)
                  and self.low(j + 1).isdigit() and self.low(j + 1) in {"2", "3", "4", "8"} and "." not in t.low):
                return j + 2, value / float(self.low(j + 1))
            elif self.low(j) == "and" and self.low(j + 1) == "a" and self.low(j + 2) in {"half", "quarter"}:
                value += self.v.fraction_words[self.low(j + 2)]
                j += 3
            return j, value
        if t.low in self.v.unicode_fractions:
            return i + 1, self.v.unicode_fractions[t.low]
        return self.number_words(i)

    def number_words(self, i: int) -> Optional[tuple[int, float]]:
        v = self.v
        total, current, j, seen = 0.0, 0.0, i, False
        if self.low(i) in {"a", "an"} and (self.low(i + 1) in v.multipliers or self.low(i + 1) in v.number_nouns):
            current, j, seen = 1.0, i + 1, True
        last_end = None
        while j < self.n:
            w = self.low(j)
            if w in v.numbers:
                if seen and current % 100 != 0 and current < 100 and v.numbers[w] >= 10 and current >= 10:
                    break  # "twenty thirty" is two numbers
                if seen and current % 10 != 0 and current < 100:
                    break
                current += v.numbers[w]
            elif w in v.multipliers and seen:
                current = max(current, 1.0) * v.multipliers[w]
                if v.multipliers[w] >= 1000:
                    total, current = total + current, 0.0
            elif w in v.number_nouns:
                current = max(current, 1.0) * v.number_nouns[w]
            else:
                break
            seen = True
            j += 1
            last_end = j
            # joiners inside a number: "twenty-four", "one hundred and five"
            if self.low(j) == "-" and self.low(j + 1) in v.numbers and self.adjacent(j - 1, j):
                j += 1
            elif self.low(j) == "and" and self.low(j + 1) in v.numbers and (total or current >= 100):
                j += 1
        if not seen:
            return None
        value = total + current
        j = last_end
        if self.low(j) == "and" and self.low(j + 1) == "a" and self.low(j + 2) in {"half", "quarter"}:
            value += v.fraction_words[self.low(j + 2)]
            j += 3
        return j, value

    # -- amounts -------------------------------------------------------------------------------------
    def vague_amount(self, i: int) -> Optional[_Amount]:
        for words, low, high in self.v.vague:
            if tuple(self.low(i + k) for k in range(len(words))) == words:
                return _Amount(i + len(words), low, high, vague=True)
        return None

    def joiner(self, i: int) -> int:
        return self.phrase_at(i, self.v.range_joiners)

    def amount(self, i: int, allow_vague: bool = True) -> Optional[_Amount]:
        if self.low(i) in self.v.range_openers:
            a = self.number(i + 1)
            if a:
                k = a[0]
                if self.low(k) in {"and", "to", "-", "–", "—"}:
                    b = self.number(k + 1)
                    if b and b[1] >= a[1]:
                        return _Amount(b[0], a[1], b[1])
        if allow_vague:
            vague = self.vague_amount(i)
            if vague:
                return vague
        a = self.number(i)
        if not a:
            return None
        j, value = a
        k = self.joiner(j)
        if k and self.low(j) != "up":
            b = self.number(j + k)
            if b and b[1] > value:
                return _Amount(b[0], value, b[1])
        return _Amount(j, value, value)

    # -- units ------------------------------------------------------------------------------------------
    def unit(self, i: int, after_number: bool) -> Optional[tuple[int, str]]:
        w = self.low(i)
        name = self.v.unit_alias.get(w)
        if not name:
            return None
        if w in self.v.need_number and not after_number:
            return None
        if w in self.v.need_number and w not in self.v.plural_aliases:
            # "3 h" or "3h" but not "3 s-shaped"; an abbreviation must not run into a word
            if i + 1 < self.n and self.adjacent(i, i + 1) and self.is_word(i + 1):
                return None
        return i + 1, name

    def unit_after_amount(self, j: int) -> Optional[tuple[int, str]]:
        # "24-hour", "6-week"; possessive "six weeks'"
        if self.low(j) in {"-", "‑"} and self.adjacent(j - 1, j) and self.adjacent(j, j + 1):
            u = self.unit(j + 1, True)
            if u:
                return u
        return self.unit(j, True)

    # -- durations --------------------------------------------------------------------------------------
    def duration(self, i: int, allow_bare: bool) -> Optional[_Value]:
        v = self.v
        w = self.low(i)
        # "half an hour", "half a day"
        if w == "half" and self.low(i + 1) in {"a", "an"}:
            u = self.unit(i + 2, True)
            if u:
                sec = 0.5 * v.unit_seconds(u[1])
                return _Value(u[0], sec, sec, "s", "duration", "duration", unit_name=u[1])
        # "a day", "an hour", "a day or two", "an hour and a half", "a half hour"
        if w in {"a", "an", "one"}:
            k = i + 1
            half = False
            if self.low(k) == "half":
                half, k = True, k + 1
            u = self.unit(k, True)
            if u and self.low(k) not in v.plural_aliases and self._singular_ok(k):
                j, name = u
                sec = v.unit_seconds(name)
                low = high = sec * (0.5 if half else 1.0)
                vague = False
                if self.low(j) == "or" and self.low(j + 1) in {"two", "2"}:
                    high, j, vague = 2 * sec, j + 2, True
                elif self.low(j) == "or" and self.low(j + 1) == "so":
                    pass  # left for the approx suffix
                elif self.low(j) == "and" and self.low(j + 1) == "a" and self.low(j + 2) in {"half", "quarter"}:
                    low = high = sec * (1 + v.fraction_words[self.low(j + 2)])
                    j += 3
                value = _Value(j, low, high, "s", "duration", "vague" if vague else "duration", vague=vague,
                               unit_name=name)
                return self.compound(value)
        amt = self.amount(i)
        if amt and self.low(amt.end) == "+" and self.adjacent(amt.end - 1, amt.end) and amt.low == amt.high:
            u = self.unit(amt.end + 1, True)  # "3+ months"
            if u:
                sec = v.unit_seconds(u[1])
                return _Value(u[0], amt.low * sec, None, "s", "duration", "duration:open", unit_name=u[1])
        if amt:
            u = self.unit_after_amount(amt.end)
            if u and not (amt.vague and self.low(amt.end) in v.need_number):
                j, name = u
                sec = v.unit_seconds(name)
                low, high = amt.low * sec, amt.high * sec
                rule = "vague" if amt.vague else ("duration_range" if amt.low != amt.high else "duration")
                if self.low(j) == "and" and self.low(j + 1) == "a" and self.low(j + 2) in {"half", "quarter"}:
                    extra = v.fraction_words[self.low(j + 2)] * sec
                    low, high, j = low + extra, high + extra, j + 3
                value = _Value(j, low, high, "s", "duration", rule, vague=amt.vague, unit_name=name)
                return self.compound(value) if low == high else value
        # bare plural: "hours", "months"
        if w in v.plural_aliases and (allow_bare or self._bare_context(i)):
            name = v.unit_alias[w]
            nxt = v.next_unit_seconds(name)
            return _Value(i + 1, v.unit_seconds(name), nxt, "s", "duration", "bare_plural", vague=True, unit_name=name)
        return None

    def _singular_ok(self, k: int) -> bool:
        """'a second injection' and 'a minute amount' are not durations."""
        if self.low(k) not in self.v.ambiguous_singular:
            return True
        nxt = k + 1
        return not self.is_word(nxt) or self.low(nxt) in {"or", "and", "to", "later", "ago", "long", "for", "before",
                                                          "after", "until", "of", "in", "at"}

    def _bare_context(self, i: int) -> bool:
        if self.standalone and i == 0:
            return True
        return self.low(i - 1) in self.v.bare_after

    def compound(self, value: _Value) -> _Value:
        """'1 year and 2 months', '2 hours 30 minutes', '1 year, 2 months': add smaller units."""
        j = value.end
        total = value.low
        last_unit = value.unit_name
        while True:
            k = j
            if self.low(k) in {"and", ","}:
                k += 1
                if self.low(k) == "and":
                    k += 1
            a = self.number(k)
            if not a:
                break
            u = self.unit_after_amount(a[0])
            if not u or self.v.unit_seconds(u[1]) >= self.v.unit_seconds(last_unit):
                break
            total += a[1] * self.v.unit_seconds(u[1])
            j, last_unit = u[0], u[1]
        if j == value.end:
            return value
        return replace(value, end=j, low=total, high=total, rule="compound")

    def duration_or_range(self, i: int) -> Optional[_Value]:
        """A duration, or two durations joined into a range ('several hours to a few days')."""
        opener = self.low(i) in self.v.range_openers
        if opener:
            # "between 3 and 6 weeks": the amount reads the range, the unit follows
            whole = self.duration(i, allow_bare=False)
            if whole is not None:
                return whole
        start = i + 1 if opener else i
        first = self.duration(start, allow_bare=True)
        if first is None:
            return None
        j = first.end
        k = self.joiner(j) or (self.low(j) == "and" and opener and 1)
        if k and not self.phrase_at(j, self.v.open_high) and not self.phrase_at(j, self.v.close_high):
            second = self.duration(j + k, allow_bare=True)
            if second is not None and second.high is not None and first.low is not None \
                    and (second.high >= first.low) and second.unit_name and first.unit_name:
                high = second.high
                return _Value(second.end, first.low, high, "s", "duration", "unit_range",
                              vague=first.vague or second.vague, unit_name=second.unit_name)
        if first.rule == "bare_plural" and not (self._bare_context(start) or opener):
            return None
        if opener:
            return None if first.low != first.high else first
        return first

    # -- rates ----------------------------------------------------------------------------------------
    def rate(self, i: int) -> Optional[_Value]:
        amt = self.amount(i, allow_vague=False)
        if amt:
            k = self.phrase_at(amt.end, self.v.percent_words)
            if k:
                j = amt.end + k
                low, high = amt.low, amt.high
                # "70% to 80%", "70%-80%"
                jn = self.joiner(j)
                if jn and low == high and self.low(j) not in {"or"}:
                    b = self.number(j + jn)
                    if b and b[1] > low:
                        k2 = self.phrase_at(b[0], self.v.percent_words)
                        if k2:
                            high, j = b[1], b[0] + k2
                if 0 <= low <= high:
                    rule = "rate_range" if low != high else "rate"
                    return _Value(j, low / 100.0, high / 100.0, "ratio", "rate", rule)
            # "7 out of 10", "1 in 3", "3 of every 10"
            if amt.low == amt.high:
                j = amt.end
                if self.low(j) == "out" and self.low(j + 1) == "of":
                    j += 2
                elif self.low(j) == "in" or (self.low(j) == "of" and self.low(j + 1) == "every"):
                    j += 1 if self.low(j) == "in" else 2
                else:
                    return None
                b = self.number(j)
                if b and b[1] > amt.low > 0 and not self.unit(b[0], True) and not (1900 <= b[1] <= 2100):
                    return _Value(b[0], amt.low / b[1], amt.low / b[1], "ratio", "rate", "rate_fraction")
        # "half of", "two-thirds of", "one in three"
        k = i
        num = self.number_words(k)
        frac_num = 1.0
        if num and self.low(num[0]) in self.v.fraction_words and num[0] == k + 1:
            frac_num, k = num[1], num[0]
        elif self.low(k) in {"a", "one"} and self.low(k + 1) in self.v.fraction_words:
            k += 1
        elif self.low(k) == "-":
            return None
        w = self.low(k)
        if self.low(k + 1) == "-" and self.low(k + 2) in self.v.fraction_words and num:
            w, k = self.low(k + 2), k + 2
        if w in self.v.fraction_words and self.low(k + 1) == "of" and (k == i or num or self.low(i) in {"a", "one"}):
            value = frac_num * self.v.fraction_words[w]
            if 0 < value <= 1:
                return _Value(k + 1, value, value, "ratio", "rate", "rate_words")
        return None

    # -- frequencies ----------------------------------------------------------------------------------
    def frequency(self, i: int) -> Optional[_Value]:
        """'3 times a year', 'twice a week', 'no more than 3 injections in 6 months'."""
        w = self.low(i)
        if w in _TIMES_WORDS:
            count, j = _TIMES_WORDS[w], i + 1
            low = high = count
        else:
            amt = self.amount(i, allow_vague=True)
            if not amt or self.low(amt.end) not in _COUNT_NOUNS:
                return None
            low, high, j = amt.low, amt.high, amt.end + 1
        if self.low(j) in _PER_WORDS or self.low(j) in {"in", "within", "over"}:
            k = j + 1
            u = self.unit(k, True)
            if u:
                period = self.v.unit_seconds(u[1])
                return _Value(u[0], low, high, "count", "frequency", "frequency", period=period)
            d = self.duration(k, allow_bare=False)
            if d and d.low is not None and d.low == d.high:
                return _Value(d.end, low, high, "count", "frequency", "frequency", period=d.low)
        return None

    def every(self, i: int) -> Optional[_Value]:
        """'every 3 months', 'every few weeks': an interval between repeats, read as a duration."""
        if self.low(i) != "every":
            return None
        u = self.unit(i + 1, False)
        if u and self.low(i + 1) not in self.v.plural_aliases:
            sec = self.v.unit_seconds(u[1])
            return _Value(u[0], sec, sec, "s", "duration", "every", unit_name=u[1])
        d = self.duration_or_range(i + 1)
        if d:
            return replace(d, rule="every")
        return None

    def relative(self, i: int) -> Optional[_Value]:
        if self.low(i - 1) in self.v.relative_not_after:
            return None
        for words, low, high in self.v.relative:
            if tuple(self.low(i + k) for k in range(len(words))) == words:
                if self.phrase_at(i + len(words), self.v.relative_not_before):
                    return None
                return _Value(i + len(words), low, high, "s", "relative", "relative", vague=True)
        return None

    # -- whole expressions ------------------------------------------------------------------------------
    def core(self, i: int) -> Optional[_Value]:
        return (self.frequency(i) or self.every(i) or self.rate(i) or self.duration_or_range(i)
                or self.relative(i))

    def expression(self, i: int) -> Optional[tuple[int, _Value]]:
        """Comparator or approximator, then a core expression, then suffixes. Returns (start, value)."""
        v = self.v
        k = self.phrase_at(i, v.upper)
        if k:
            value = self.core(i + k)
            if value and value.kind != "relative" and value.high is not None:
                bound = _Value(value.end, 0.0, value.high, value.unit, value.kind, "upper:" + value.rule,
                               vague=value.vague, period=value.period, unit_name=value.unit_name)
                return i, self.suffixes(bound)
        k = self.phrase_at(i, v.lower)
        if k:
            value = self.core(i + k)
            if value and value.kind != "relative" and value.low is not None:
                high = 1.0 if value.unit == "ratio" else None
                bound = _Value(value.end, value.low, high, value.unit, value.kind, "lower:" + value.rule,
                               vague=value.vague, period=value.period, unit_name=value.unit_name)
                return i, self.suffixes(bound)
        k = self.phrase_at(i, v.approximators)
        if k and not self.vague_amount(i):
            value = self.core(i + k)
            if value and value.kind != "relative":
                return i, self.suffixes(_approx(value))
        value = self.core(i)
        if value:
            return i, self.suffixes(value)
        return None

    def suffixes(self, value: _Value) -> _Value:
        j = value.end
        k = self.phrase_at(j, self.v.open_high)
        if k and (self.toks[j].low != "+" or self.adjacent(j - 1, j)):
            high = 1.0 if value.unit == "ratio" else None
            return replace(value, end=j + k, high=high, rule=value.rule + ":open")
        k = self.phrase_at(j, self.v.close_high)
        if k:
            return replace(value, end=j + k, low=0.0, rule=value.rule + ":or_less")
        k = self.phrase_at(j, self.v.approx_suffix)
        if k:
            return replace(_approx(value), end=j + k)
        return value

    def scan(self) -> list[Quantity]:
        out: list[Quantity] = []
        i = 0
        while i < self.n:
            found = self.expression(i)
            if found is None:
                i += 1
                continue
            start_tok, value = found
            start = self.toks[start_tok].start
            end = self.toks[value.end - 1].end
            out.append(
                Quantity(
                    start=start,
                    end=end,
                    text=self.text[start:end],
                    low=value.low,
                    high=value.high,
                    unit=value.unit,
                    kind=value.kind,
                    vague=value.vague,
                    approx=value.approx,
                    rule=value.rule,
                    period=value.period,
                )
            )
            i = value.end
        return out


def _approx(value: _Value) -> _Value:
    if value.low is not None and value.low == value.high:
        low = value.low * (1 - APPROX_FRACTION)
        high = value.high * (1 + APPROX_FRACTION)
        if value.unit == "ratio":
            high = min(high, 1.0)
        return replace(value, low=low, high=high, approx=True, rule=value.rule + ":approx")
    return replace(value, approx=True, rule=value.rule + ":approx")


# --------------------------------------------------------------------------------------------------
# Public entry points


def find_quantities(text: str, vocab: Optional[Vocabulary] = None, kinds: Optional[Iterable[str]] = None) -> list[Quantity]:
    """Every quantity expression in ``text``, left to right, non-overlapping."""
    found = _Scanner(text, vocab or default_vocabulary()).scan()
    if kinds is not None:
        kinds = set(kinds)
        found = [q for q in found if q.kind in kinds]
    return found


def normalize(value_text: str, vocab: Optional[Vocabulary] = None) -> Optional[Quantity]:
    """Read one expression as written ('several weeks or months'); None when it is not a quantity.

    The text is read on its own, so a bare plural at its start counts ("months"), and the widest
    expression found wins.
    """
    found = _Scanner(value_text, vocab or default_vocabulary(), standalone=True).scan()
    if not found:
        return None
    return max(found, key=lambda q: (q.end - q.start, -q.start))


def normalize_claims(claims: Iterable[Claim], vocab: Optional[Vocabulary] = None) -> list[Claim]:
    """Pipeline stage: give each claim the interval its ``value_text`` reads as."""
    out = []
    for claim in claims:
        q = normalize(claim.value_text, vocab)
        if q is None:
            out.append(claim)
            continue
        out.append(claim.replace(low=q.low, high=q.high, unit=q.unit if q.unit != "count" else "count",
                                 vague=q.vague, approx=q.approx, rule=q.rule))
    return out


def find_numbers(text: str, vocab: Optional[Vocabulary] = None) -> list[tuple[int, int, float]]:
    """Plain numbers (digits or words) in ``text`` as (start, end, value); used by conformance tests."""
    sc = _Scanner(text, vocab or default_vocabulary())
    out = []
    i = 0
    while i < sc.n:
        num = sc.number(i)
        if num is None:
            i += 1
            continue
        j, value = num
        out.append((sc.toks[i].start, sc.toks[j - 1].end, value))
        i = j
    return out


def format_seconds(seconds: Optional[float]) -> str:
    """A short human reading of a duration: 90 -> '1.5 min', 604800 -> '7 d'; None -> 'open'."""
    if seconds is None:
        return "open"
    if seconds == 0:
        return "0"
    for unit, size in (("y", 31557600), ("mo", 2629800), ("wk", 604800), ("d", 86400), ("h", 3600),
                       ("min", 60), ("s", 1)):
        if seconds >= size * 0.999 or unit == "s":
            value = seconds / size
            text = f"{value:.1f}".rstrip("0").rstrip(".")
            return f"{text} {unit}"
    return f"{seconds:g} s"


def format_interval(low: Optional[float], high: Optional[float], unit: Optional[str]) -> str:
    if unit == "ratio":
        lo = "?" if low is None else f"{low * 100:.0f}%"
        hi = "?" if high is None else f"{high * 100:.0f}%"
        return lo if lo == hi else f"{lo}–{hi}"
    if unit == "s":
        lo, hi = format_seconds(low if low is not None else 0), format_seconds(high)
        if high is None:
            return f"≥ {lo}"
        return lo if lo == hi else f"{lo}–{hi}"
    lo = "?" if low is None else f"{low:g}"
    hi = "open" if high is None else f"{high:g}"
    return lo if lo == hi else f"{lo}–{hi}"
