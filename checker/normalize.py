"""Normalize stage: quantity expressions become intervals in a canonical unit.

Pure Python, no spaCy: ``find_quantities(text)`` scans plain text for durations, rates, frequencies,
counts and relative time phrases and returns `Quantity` records (span, ``[low, high]``, flags and the
rule that produced it); ``normalize(value_text)`` reads one expression; ``normalize_claims(claims)``
is the pipeline stage, reading each claim's ``value_text`` on its own, so that a claim's interval
depends on what it says and not on the text around it (the Hypothesis property "normalizing a
matched span again gives the same interval" holds the two readings together). ``find_numbers`` / ``find_number_matches`` and
``find_number_ranges`` read plain numbers and bounds on them ("between 20 and 30", "at most 100").

Every word the scanner knows comes from ``data/quantities.yaml`` (see `Vocabulary`). Time is in
seconds, rates are fractions (0.7 for 70 %), frequencies are counts with a period in seconds, counts
are counts. ``None`` is an open bound.

How the scanner works: text is split into tokens once (digits, words, single symbols); at each token
that can start an expression (a digit, or a word listed in `Vocabulary.starters`) the scanner tries a
small grammar, longest reading first, and moves past what it read. Nothing is compiled per call and
no phrase list is scanned linearly: phrases are indexed by their first word.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

from .knowledge import yamlio as datafiles
from .knowledge.yamlio import check_keys, expect_list_of_str, expect_mapping, fail
from .model import Claim, Quantity

APPROX_FRACTION = 0.15  # "about X" reads as X ± 15 % (DESIGN.md)

# Kinds that find_quantities returns only when asked for them: a percent word with no number ("a
# small percentage") names a rate but carries no value, so it can never be a claim.
MENTION_KINDS = frozenset({"rate_mention"})

# Tokens: numbers with thousands separators and decimals, words (with inner apostrophes), and single
# symbols. Non-breaking and other unicode spaces are whitespace to `\s`, so they separate tokens.
_TOKEN_RE = re.compile(
    r"\d+(?:,\d{3})+(?:\.\d+)?(?!\d)"  # 1,234,567.5
    r"|\d*\.\d+|\d+"  # 3.5 .5 42
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"  # words
    r"|\S",
    re.UNICODE,
)
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)\S+", re.IGNORECASE)
_SPACE_GROUP_SEPARATORS = {" ", "\u00a0", "\u202f", "\u2009"}  # "1 234 567", "40 000"
_HYPHENS = frozenset({"-", "–", "—", "‑", "−"})
_COMPARISON_SYMBOLS = frozenset({"<", ">", "=", "≤", "≥"})
_PAD = 12  # empty tokens after the text, so that look-ahead never runs off the end


class Tok(NamedTuple):
    text: str
    low: str  # lower-case text
    start: int
    end: int


def tokenize(text: str) -> list[Tok]:
    return [Tok(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


class _Phrases:
    """Phrases (token tuples) indexed by their first token; `match` finds the longest one at a position."""

    __slots__ = ("by_first",)

    def __init__(self, items: Iterable[tuple[tuple, object]] = ()):
        by_first: dict = {}
        for tokens, payload in items:
            by_first.setdefault(tokens[0], []).append((tokens, payload))
        for entries in by_first.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.by_first = by_first

    def match(self, words: list, i: int) -> Optional[tuple[int, object]]:
        """(length, payload) of the longest phrase starting at token i, None if none does."""
        entries = self.by_first.get(words[i]) if 0 <= i < len(words) else None
        if not entries:
            return None
        for tokens, payload in entries:
            size = len(tokens)
            if size == 1 or tuple(words[i:i + size]) == tokens:
                return size, payload
        return None

    def length(self, words: list, i: int) -> int:
        found = self.match(words, i)
        return found[0] if found else 0

    def firsts(self) -> set:
        return set(self.by_first)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_first.values())


def _token_tuple(phrase: str) -> tuple:
    return tuple(t.low for t in tokenize(phrase))


# --------------------------------------------------------------------------------------------------
# Vocabulary


@dataclass(frozen=True)
class Unit:
    name: str
    seconds: float
    next: Optional[str]
    bare_plural: bool = True


@dataclass(frozen=True)
class _Denominator:
    n: float
    plural: bool
    ordinal: bool  # an ordinal word ("fifths"), not "half"/"quarter"


@dataclass
class Vocabulary:
    """Everything the normalizer knows about words, loaded and validated from one YAML file."""

    units: dict  # name -> Unit
    unit_alias: dict  # one-token alias (lower) -> unit name
    unit_phrases: _Phrases  # multi-token aliases ("business days") -> unit name
    plural_aliases: set  # plural aliases ("hours", "business days" as "business days")
    bare_plurals: set  # plural one-token aliases that read as a duration on their own ("hours")
    need_number: set
    alias_not_before: dict
    decade_suffixes: set
    ambiguous_singular: set
    ambiguous_singular_ok_before: set
    numbers: dict
    numbers_alone: dict
    multipliers: dict
    plural_multipliers: set
    number_nouns: dict
    ordinals: dict
    denominators: dict  # word -> _Denominator
    unit_ordinals: dict  # "first".."ninth" and plurals -> (n, plural), the ends of compound ordinals
    unicode_fractions: dict
    sign_words: dict
    one_pronoun_after: set
    number_suffixes: dict  # case-sensitive
    decimal_point_words: set
    fraction_joiners: _Phrases
    vague: _Phrases  # -> (low, high, alone)
    amount_fillers: set
    whole_unit_words: set
    one_unit_words: set
    upper: _Phrases
    lower: _Phrases
    over_after: set
    open_high: _Phrases
    close_high: _Phrases
    approx_suffix: _Phrases
    approximators: _Phrases
    range_joiners: _Phrases
    range_openers: set
    bare_after: set
    relative: _Phrases  # -> (low, high, attributive)
    determiners: set
    relative_not_after: set
    relative_not_before: _Phrases
    percent_words: _Phrases
    rate_joiners: _Phrases
    score_words: set
    population_nouns: set
    count_nouns: _Phrases
    times_words: dict
    per_words: set
    per_alone: set
    period_prepositions: set
    period_determiners: _Phrases
    period_nouns: _Phrases
    period_adverbs: dict  # word -> unit name
    range_comparators: _Phrases  # -> "above" | "at_least" | "below" | "at_most" | "equal"
    range_or_more: _Phrases
    range_or_less: _Phrases
    range_or_equal: _Phrases
    range_joiners_numbers: _Phrases
    range_bound_joiners: _Phrases
    sixtieth: dict = None  # unit -> the unit sixty of which make it ("hour" -> "minute"): "1 hour thirty"
    starters: frozenset = frozenset()  # words any expression can begin with
    value_starters: frozenset = frozenset()  # words a value (not a comparator or relative phrase) can begin with
    path: str = ""

    def unit_seconds(self, name: str) -> float:
        return self.units[name].seconds

    def next_unit_seconds(self, name: str) -> Optional[float]:
        nxt = self.units[name].next
        return self.units[nxt].seconds if nxt else None


def _number_value(path, container, key, allow_none=False) -> Optional[float]:
    value = container.get(key)
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise fail(path, container, key, f"{key!r} must be a number" + (" or null" if allow_none else ""))
    return float(value)


def _word_table(path, data, key, lower=True, positive=False) -> dict:
    table = expect_mapping(path, data.get(key, {}), key)
    out = {}
    for word, value in table.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail(path, table, word, f"{key}: value of {word!r} must be a number")
        if positive and value <= 0:
            raise fail(path, table, word, f"{key}: value of {word!r} must be positive")
        out[str(word).lower() if lower else str(word)] = float(value)
    return out


def _phrase_list(path, container, key) -> list[tuple]:
    """A list of phrases as token tuples; an entry that has no tokens is an error at its line."""
    words = expect_list_of_str(path, container, key, True)
    out = []
    for index, phrase in enumerate(words):
        tokens = _token_tuple(phrase)
        if not tokens:
            raise fail(path, container.get(key), index, f"{key}: {phrase!r} has no words")
        out.append(tokens)
    return out


def _phrases(path, container, key, payload=None) -> _Phrases:
    return _Phrases((tokens, payload) for tokens in _phrase_list(path, container, key))


def _word_set(path, container, key) -> set:
    return {w.lower() for w in expect_list_of_str(path, container, key, True)}


def _interval_list(path, data, key, extra_keys=()) -> list:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise fail(path, data, key, f"{key!r} must be a list")
    out = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise fail(path, items, index, f"{key}: each entry must be a mapping with words, low, high")
        check_keys(path, item, ("words", "low", "high", *extra_keys), key)
        words = item.get("words")
        if not isinstance(words, str) or not words.strip() or not _token_tuple(words):
            raise fail(path, item, None, f"{key}: 'words' must be a non-empty string")
        low = _number_value(path, item, "low")
        high = _number_value(path, item, "high", allow_none=True)
        if high is not None and high < low:
            raise fail(path, item, "high", f"{key}: high ({high:g}) is below low ({low:g}) for {words!r}")
        out.append((item, _token_tuple(words), low, high))
    return out


_TOP_KEYS = (
    "units", "abbreviations_need_number", "alias_not_before", "decade_suffixes", "ambiguous_singular_units",
    "ambiguous_singular_ok_before", "numbers", "numbers_alone", "multipliers", "number_nouns", "ordinals", "ordinals_not_fractions",
    "fraction_words", "unicode_fractions", "sign_words", "one_pronoun_after", "number_suffixes",
    "decimal_point_words", "fraction_joiners", "vague_amounts", "amount_unit_fillers", "whole_unit_words",
    "one_unit_words", "comparators", "over_is_more_than_after", "suffixes", "approximators", "range_joiners",
    "range_openers", "bare_plural_after", "relative", "relative_not_after", "relative_not_before", "percent_words",
    "rate_joiners", "score_words", "population_nouns", "count_nouns", "times_words", "per_words", "per_alone",
    "period_prepositions", "period_determiners", "period_nouns", "period_adverbs", "number_ranges", "determiners",
)
_RANGE_SIDES = ("above", "at_least", "below", "at_most", "equal")


def _load_units(path, data):
    units_raw = expect_mapping(path, data.get("units"), "units")
    units, alias, phrases, plural, bare = {}, {}, [], set(), set()
    spellings: dict = {}  # token tuple -> unit name, to find plurals and duplicates
    for name, spec in units_raw.items():
        if not isinstance(spec, dict):
            raise fail(path, units_raw, name, f"unit {name!r} must be a mapping")
        check_keys(path, spec, ("seconds", "next", "aliases", "bare_plural"), f"unit {name!r}")
        seconds = _number_value(path, spec, "seconds")
        if seconds <= 0:
            raise fail(path, spec, "seconds", f"unit {name!r}: seconds must be positive")
        bare_ok = spec.get("bare_plural", True)
        if not isinstance(bare_ok, bool):
            raise fail(path, spec, "bare_plural", f"unit {name!r}: bare_plural must be true or false")
        units[name] = Unit(name, seconds, spec.get("next"), bare_ok)
        for a in expect_list_of_str(path, spec, "aliases"):
            tokens = _token_tuple(a)
            if not tokens:
                raise fail(path, spec, "aliases", f"unit {name!r}: alias {a!r} has no words")
            if tokens in spellings and spellings[tokens] != name:
                raise fail(path, spec, "aliases",
                           f"alias {a.lower()!r} of unit {name!r} is already a {spellings[tokens]!r} alias")
            spellings[tokens] = name
    for tokens, name in spellings.items():
        last = tokens[-1]
        is_plural = len(last) > 3 and last.endswith("s") and tokens[:-1] + (last[:-1],) in spellings
        if is_plural:
            plural.add(" ".join(tokens))
            if len(tokens) == 1 and units[name].bare_plural:
                bare.add(last)
        if len(tokens) == 1:
            alias[tokens[0]] = name
        else:
            phrases.append((tokens, name))
    for name, spec in units_raw.items():
        nxt = spec.get("next")
        if nxt is not None and nxt not in units:
            raise fail(path, spec, "next", f"unit {name!r}: next unit {nxt!r} is not defined")
    return units, alias, _Phrases(phrases), plural, bare


def load_vocabulary(path: Path | str | None = None) -> Vocabulary:
    path = datafiles.data_path("quantities.yaml", path)
    data = expect_mapping(path, datafiles.load_yaml(path), "the file")
    check_keys(path, data, _TOP_KEYS, "quantities vocabulary")
    units, alias, unit_phrases, plural, bare = _load_units(path, data)

    def known_alias(key: str, words: Iterable[str], container=data) -> None:
        for w in words:
            if w not in alias:
                raise fail(path, container, key, f"{key}: {w!r} is not a one-word unit alias")

    need_number = _word_set(path, data, "abbreviations_need_number")
    known_alias("abbreviations_need_number", need_number)
    not_before_raw = expect_mapping(path, data.get("alias_not_before", {}), "alias_not_before")
    alias_not_before = {}
    for word in not_before_raw:
        known_alias("alias_not_before", [str(word).lower()], not_before_raw)
        alias_not_before[str(word).lower()] = _word_set(path, not_before_raw, word)
    decade_suffixes = _word_set(path, data, "decade_suffixes")
    known_alias("decade_suffixes", decade_suffixes)

    numbers = _word_table(path, data, "numbers")
    multipliers = _word_table(path, data, "multipliers", positive=True)
    plural_multipliers = {w for w in multipliers if w.endswith("s") and w[:-1] in multipliers}
    ordinals = _word_table(path, data, "ordinals", positive=True)
    not_fractions = _word_set(path, data, "ordinals_not_fractions")
    for w in not_fractions:
        if w not in ordinals:
            raise fail(path, data, "ordinals_not_fractions", f"ordinals_not_fractions: {w!r} is not in ordinals")
    denominators = {}
    for word, n in _word_table(path, data, "fraction_words", positive=True).items():
        denominators[word] = _Denominator(n, word.endswith("s"), False)
    unit_ordinals = {}
    for word, n in ordinals.items():
        if n < 10:
            unit_ordinals[word] = (n, False)
            unit_ordinals[word + "s"] = (n, True)
        if word not in not_fractions:
            denominators.setdefault(word, _Denominator(n, False, True))
            denominators.setdefault(word + "s", _Denominator(n, True, True))

    vague = []
    for item, words, low, high in _interval_list(path, data, "vague_amounts", ("alone",)):
        if high is None:
            raise fail(path, item, "high", "vague amounts need a high bound")
        alone = item.get("alone", True)
        if not isinstance(alone, bool):
            raise fail(path, item, "alone", "vague_amounts: 'alone' must be true or false")
        vague.append((words, (low, high, alone)))
    relative = []
    for item, words, low, high in _interval_list(path, data, "relative", ("attributive",)):
        attributive = item.get("attributive", False)
        if not isinstance(attributive, bool):
            raise fail(path, item, "attributive", "relative: 'attributive' must be true or false")
        relative.append((words, (low, high, attributive)))

    comps = expect_mapping(path, data.get("comparators", {}), "comparators")
    check_keys(path, comps, ("upper", "lower"), "comparators")
    sufs = expect_mapping(path, data.get("suffixes", {}), "suffixes")
    check_keys(path, sufs, ("open_high", "close_high", "approx"), "suffixes")
    ranges = expect_mapping(path, data.get("number_ranges", {}), "number_ranges")
    check_keys(path, ranges, (*_RANGE_SIDES, "or_more", "or_less", "or_equal", "joiners", "bound_joiners"),
               "number_ranges")
    range_comparators = []
    for side in _RANGE_SIDES:
        range_comparators.extend((tokens, side) for tokens in _phrase_list(path, ranges, side))

    times_words = _word_table(path, data, "times_words", positive=True)
    adverbs_raw = expect_mapping(path, data.get("period_adverbs", {}), "period_adverbs")
    period_adverbs = {}
    for word, unit in adverbs_raw.items():
        if unit not in units:
            raise fail(path, adverbs_raw, word, f"period_adverbs: unit {unit!r} of {word!r} is not defined")
        period_adverbs[str(word).lower()] = unit
    sign_words = _word_table(path, data, "sign_words")
    for word, value in sign_words.items():
        if value not in (1.0, -1.0):
            raise fail(path, data.get("sign_words"), word, f"sign_words: {word!r} must be 1 or -1")

    vocab = Vocabulary(
        units=units,
        unit_alias=alias,
        unit_phrases=unit_phrases,
        plural_aliases=plural,
        bare_plurals=bare,
        need_number=need_number,
        alias_not_before=alias_not_before,
        decade_suffixes=decade_suffixes,
        ambiguous_singular=_word_set(path, data, "ambiguous_singular_units"),
        ambiguous_singular_ok_before=_word_set(path, data, "ambiguous_singular_ok_before"),
        numbers=numbers,
        numbers_alone=_word_table(path, data, "numbers_alone"),
        multipliers=multipliers,
        plural_multipliers=plural_multipliers,
        number_nouns=_word_table(path, data, "number_nouns", positive=True),
        ordinals=ordinals,
        denominators=denominators,
        unit_ordinals=unit_ordinals,
        unicode_fractions=_word_table(path, data, "unicode_fractions"),
        sign_words=sign_words,
        one_pronoun_after=_word_set(path, data, "one_pronoun_after"),
        number_suffixes=_word_table(path, data, "number_suffixes", lower=False, positive=True),
        decimal_point_words=_word_set(path, data, "decimal_point_words"),
        fraction_joiners=_phrases(path, data, "fraction_joiners"),
        vague=_Phrases(vague),
        amount_fillers=_word_set(path, data, "amount_unit_fillers"),
        whole_unit_words=_word_set(path, data, "whole_unit_words"),
        one_unit_words=_word_set(path, data, "one_unit_words"),
        upper=_phrases(path, comps, "upper"),
        lower=_phrases(path, comps, "lower"),
        over_after=_word_set(path, data, "over_is_more_than_after"),
        open_high=_phrases(path, sufs, "open_high"),
        close_high=_phrases(path, sufs, "close_high"),
        approx_suffix=_phrases(path, sufs, "approx"),
        approximators=_phrases(path, data, "approximators"),
        range_joiners=_phrases(path, data, "range_joiners"),
        range_openers=_word_set(path, data, "range_openers"),
        bare_after=_word_set(path, data, "bare_plural_after"),
        relative=_Phrases(relative),
        determiners=_word_set(path, data, "determiners"),
        relative_not_after=_word_set(path, data, "relative_not_after"),
        relative_not_before=_phrases(path, data, "relative_not_before"),
        percent_words=_phrases(path, data, "percent_words"),
        rate_joiners=_phrases(path, data, "rate_joiners"),
        score_words=_word_set(path, data, "score_words"),
        population_nouns=_word_set(path, data, "population_nouns"),
        count_nouns=_phrases(path, data, "count_nouns"),
        times_words=times_words,
        per_words=_word_set(path, data, "per_words"),
        per_alone=_word_set(path, data, "per_alone"),
        period_prepositions=_word_set(path, data, "period_prepositions"),
        period_determiners=_phrases(path, data, "period_determiners"),
        period_nouns=_phrases(path, data, "period_nouns"),
        period_adverbs=period_adverbs,
        range_comparators=_Phrases(range_comparators),
        range_or_more=_phrases(path, ranges, "or_more"),
        range_or_less=_phrases(path, ranges, "or_less"),
        range_or_equal=_phrases(path, ranges, "or_equal"),
        range_joiners_numbers=_phrases(path, ranges, "joiners"),
        range_bound_joiners=_phrases(path, ranges, "bound_joiners"),
        path=str(path),
    )
    vocab.sixtieth = {u.next: u.name for u in units.values()
                      if u.next and abs(units[u.next].seconds - 60 * u.seconds) < 1e-9}
    vocab.value_starters = _value_starters(vocab)
    vocab.starters = vocab.value_starters | vocab.upper.firsts() | vocab.lower.firsts() \
        | vocab.approximators.firsts() | vocab.relative.firsts()
    return vocab


def _value_starters(v: Vocabulary) -> frozenset:
    """Every word a value can begin with (with digits); the scanner skips any other word without trying."""
    words = set(v.numbers) | set(v.numbers_alone) | set(v.unicode_fractions) | set(v.times_words) | set(v.sign_words)
    words |= {w for w, d in v.denominators.items() if not d.ordinal}  # "half", "quarter"
    words |= {"a", "an", "every"} | v.one_unit_words | v.whole_unit_words | v.range_openers
    words |= set(v.unit_alias) | v.unit_phrases.firsts() | v.vague.firsts() | v.percent_words.firsts()
    return frozenset(words)


_default_vocabulary: Optional[Vocabulary] = None


def default_vocabulary() -> Vocabulary:
    global _default_vocabulary
    if _default_vocabulary is None:
        _default_vocabulary = load_vocabulary()
    return _default_vocabulary


# --------------------------------------------------------------------------------------------------
# Parsing


class _Num(NamedTuple):
    """A number read from the text: the token after it, its value and how it was written."""

    end: int
    value: float
    fraction: bool = False  # written as or with a fraction ("a half", "3/4", "one and a half")
    whole: bool = True  # an integer as written (a count can be made of it)


class _Card(NamedTuple):
    """A cardinal read from number words, with what the fraction reader needs to re-split it."""

    end: int
    value: float
    last: str  # kind of the last element: unit, teen, tens, hundred, big, noun, digits
    last_big: float  # the multiplier of the last element when it is one ("five billion")
    tens_at: int  # token of the last element when it is a tens word, else -1
    before_tens: float  # the value before that tens word
    tens_after_and: bool
    elements: int


@dataclass(frozen=True)
class _Amount:
    end: int  # token index after the amount
    low: float
    high: float
    vague: bool = False
    fraction: bool = False
    whole: bool = True


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


class _Scanner:
    """Reads quantity expressions from one text. ``numbers_mode`` reads plain numbers the way number
    recognizers do (signs, "10k", "1e10", "one over three", "point five"), for find_numbers and
    find_number_ranges; the quantity scanner leaves those out, since "-" is a range dash in "3-6"."""

    def __init__(self, text: str, vocab: Vocabulary, standalone: bool = False, numbers_mode: bool = False,
                 mentions: bool = False):
        self.text = text
        self.v = vocab
        self.standalone = standalone
        self.ext = numbers_mode
        self.mentions = mentions
        raw, words, starts, ends = [], [], [], []
        for m in _TOKEN_RE.finditer(text):
            token = m.group()
            raw.append(token)
            words.append(token.lower())
            starts.append(m.start())
            ends.append(m.end())
        self.n = len(words)
        self.raw = raw + [""] * _PAD
        self.w = words + [""] * _PAD
        self.s = starts
        self.e = ends
        self.skip = self._url_tokens() if ("://" in text or "www." in text.lower()) else None
        self._numbers: dict = {}
        self._amounts: dict = {}
        self._glued_ok = -1

    # -- token helpers -----------------------------------------------------------------------------
    def _url_tokens(self) -> set:
        """Tokens inside web addresses: '%28' and '/2013/' in a URL are not quantities."""
        inside = set()
        for m in _URL_RE.finditer(self.text):
            k = bisect.bisect_left(self.s, m.start())
            while k < self.n and self.e[k] <= m.end():
                inside.add(k)
                k += 1
        return inside

    def adjacent(self, i: int, j: int) -> bool:
        """No whitespace between token i and token j."""
        return 0 <= i < self.n and 0 <= j < self.n and self.e[i] == self.s[j]

    def is_letter(self, i: int) -> bool:
        return 0 <= i < self.n and self.w[i][:1].isalpha()

    def is_digit(self, i: int) -> bool:
        return 0 <= i < self.n and self.w[i][:1].isdecimal()

    def prev(self, i: int) -> str:
        return self.w[i - 1] if i > 0 else ""

    def same_line(self, i: int, j: int) -> bool:
        return 0 <= i < self.n and 0 <= j < self.n and "\n" not in self.text[self.e[i]:self.s[j]]

    def glued_word_after(self, i: int) -> bool:
        """Token i runs straight into a letter-word ('3 s-shaped' is not '3 s')."""
        return self.adjacent(i, i + 1) and self.is_letter(i + 1)

    # -- numbers -----------------------------------------------------------------------------------
    def number(self, i: int, glued_ok: bool = False) -> Optional[_Num]:
        """A number written with digits, words or both, with its sign; memoized per token.
        ``glued_ok``: the caller knows a hyphen before it is not part of a label ('1-in-3')."""
        if glued_ok:
            self._glued_ok = i
            found = self._signed(i) if 0 <= i < self.n else None
            self._glued_ok = -1
            return found
        if i in self._numbers:
            return self._numbers[i]
        found = self._signed(i) if 0 <= i < self.n else None
        self._numbers[i] = found
        return found

    def _signed(self, i: int) -> Optional[_Num]:
        w = self.w[i]
        sign = self.v.sign_words.get(w)
        if sign is not None:
            num = self._unsigned(i + 1)
            return num._replace(value=sign * num.value) if num else None
        if self.ext and w in _HYPHENS and self._sign_position(i):
            num = self._unsigned(i + 1)
            return num._replace(value=-num.value) if num else None
        return self._unsigned(i)

    def _sign_position(self, i: int) -> bool:
        """A dash is a minus sign only where no number or word is glued before it ('1995-01',
        'SCP-173', 'three-nought' are not negative) and no number comes just before ('3 - 5')."""
        if i == 0:
            return True
        prev = self.w[i - 1]
        if prev[:1].isdecimal() or prev in self.v.numbers or prev in self.v.multipliers:
            return False
        if self.adjacent(i - 1, i) and prev[:1].isalpha():
            return False
        return prev not in _HYPHENS

    def _unsigned(self, i: int) -> Optional[_Num]:
        w = self.w[i]
        first = w[:1]
        if first.isdecimal() or (first == "." and w[1:2].isdecimal()):
            return self._digits(i)
        if w in self.v.unicode_fractions:
            return self._number_tail(i + 1, self.v.unicode_fractions[w], fraction=True, whole=False)
        if first.isalpha():
            return self._words(i)
        return None

    def _is_label_digit(self, i: int) -> bool:
        """'C5', 'L2', 'A1B2': digits glued to a word before them are part of a label. In prose,
        'COVID-19' and 'C5-C6' are labels too; number recognizers read 'SCP-173' as 173."""
        if i == 0 or not self.adjacent(i - 1, i) or i == self._glued_ok:
            return False
        prev = self.w[i - 1]
        if prev[:1].isalpha():
            return True
        if not self.ext and prev in _HYPHENS | {"/"} and i > 1 and self.adjacent(i - 2, i - 1):
            return self.w[i - 2][:1].isalpha()
        return False

    def _in_chain(self, first: int, last: int) -> bool:
        """Token run first..last is part of a longer run of numbers glued by '/', '-' or '.'
        ('5/17/2018', '+1-222-2222/2222', '192.168.1.2')."""
        w = self.w
        before = first - 1
        if before > 0 and w[before] in _HYPHENS | {"/", "."} and self.adjacent(before, first) \
                and self.adjacent(before - 1, before) and self.is_digit(before - 1):
            return True
        after = last + 1
        return w[after] in _HYPHENS | {"/", "."} and self.adjacent(last, after) and self.adjacent(after, after + 1) \
            and self.is_digit(after + 1)

    def _glued_run(self, i: int) -> int:
        """How many numbers are glued by '/' or dashes in the run token i is part of, counted up to 3
        (all a caller asks): 3 in '05/08/2023' and '1-800-555', 2 in '3-6' and '1/2'. Stopping at 3
        keeps a run of 20,000 '1-' linear instead of walking the whole run from each of its numbers."""
        w = self.w
        count, k = 1, i
        while count < 3 and k >= 2 and (w[k - 1] == "/" or w[k - 1] in _HYPHENS) and self.adjacent(k - 1, k) \
                and self.adjacent(k - 2, k - 1) and self.is_digit(k - 2):
            count, k = count + 1, k - 2
        k = i
        while count < 3 and (w[k + 1] == "/" or w[k + 1] in _HYPHENS) and self.adjacent(k, k + 1) \
                and self.adjacent(k + 1, k + 2) and self.is_digit(k + 2):
            count, k = count + 1, k + 2
        return count

    def _digits(self, i: int) -> Optional[_Num]:
        v, w = self.v, self.w
        if self._is_label_digit(i):
            return None
        if not self.ext and self._glued_run(i) >= 3:
            return None  # a date, a phone number or a code: "05/08/2023", "1-800-555-0100"
        token = w[i]
        value = float(token.replace(",", ""))
        if not math.isfinite(value):
            return None  # 400 digits: too large to be a float, and no claim
        whole = "." not in token
        j = i + 1
        if self.ext:
            read = self._digits_notation(i, value)
            if read is None:
                return None
            j, value, whole = read
            if j != i + 1:
                return self._number_tail(j, value, whole=whole)
        # "1½"
        if self.adjacent(i, j) and w[j] in v.unicode_fractions:
            return self._number_tail(j + 1, value + v.unicode_fractions[w[j]], fraction=True, whole=False)
        # "3/4", "1/2 hour": a proper fraction; '24/7', '120/80' and dates are not
        if whole and token.isdecimal() and w[j] == "/" and self.adjacent(i, j) and self.adjacent(j, j + 1) \
                and w[j + 1].isdecimal() and not self._in_chain(i, j + 1):
            denominator = float(w[j + 1])
            if 0 < value < denominator:
                return self._number_tail(j + 2, value / denominator, fraction=True, whole=False)
            return _Num(j, value)
        # "2 1/4", "1 1/2 hours"
        if whole and token.isdecimal() and not self.adjacent(i, j) and w[j].isdecimal() and w[j + 1] == "/" \
                and self.adjacent(j, j + 1) and self.adjacent(j + 1, j + 2) and w[j + 2].isdecimal() \
                and self.same_line(i, j) and not self._in_chain(j, j + 2):
            numerator, denominator = float(w[j]), float(w[j + 2])
            if 0 < numerator < denominator:
                return self._number_tail(j + 3, value + numerator / denominator, fraction=True, whole=False)
        # "2 million", "322 hundred", "2.12 hundred", "3 dozens", "4 thousand 3 hundred and 21"
        if w[j] in v.multipliers or w[j] in v.number_nouns:
            card = self._cardinal(j, seed=value)
            if card is not None:
                return self._after_cardinal(card, j)
        if self.ext:
            if w[j] in v.decimal_point_words and whole:
                pointed = self._point(j, value)  # "1 point 1"
                if pointed is not None:
                    return pointed
            if whole:
                over = self._over_fraction(j, value)  # "2000 over 3", "1 over twenty-one"
                if over is not None:
                    return over
        return self._number_tail(j, value, whole=whole)

    def _digits_notation(self, i: int, value: float) -> Optional[tuple[int, float, bool]]:
        """Numbers mode: '1e10', '1.1^23', '10k', '1,3', '1 234 567', and no number in '180ml'."""
        v, w, raw = self.v, self.w, self.raw
        token = w[i]
        j = i + 1
        whole = "." not in token
        # "1 234 567", "40 000": groups of three digits after a short first group, one space apart
        if token.isdecimal() and len(token) <= 3:
            k = i
            while (k + 1 < self.n and w[k + 1][:3].isdecimal()
                   and (len(w[k + 1]) == 3 or (w[k + 1][3:4] == "." and w[k + 1][4:].isdecimal()))
                   and self.text[self.e[k]:self.s[k + 1]] in _SPACE_GROUP_SEPARATORS
                   and "." not in w[k] and not self.glued_word_after(k + 1)):
                k += 1
            if k > i:
                digits = "".join(w[i:k + 1])
                return k + 1, float(digits), "." not in digits
        # "1,3", "5,00": a decimal comma (one comma, one or two digits, no run of groups)
        if token.isdecimal() and w[j] == "," and self.adjacent(i, j) and self.adjacent(j, j + 1) \
                and w[j + 1].isdecimal() and len(w[j + 1]) <= 2 and not self._comma_run(i, j + 1):
            return j + 2, float(f"{token}.{w[j + 1]}"), False
        # "1e10", "12.32e+14", "-12e-1"
        if w[j] == "e" and self.adjacent(i, j):
            k = j + 1
            sign = 1.0
            if w[k] in ("+", "-") and self.adjacent(j, k):
                sign, k = (-1.0 if w[k] == "-" else 1.0), k + 1
            if w[k].isdecimal() and self.adjacent(k - 1, k):
                value *= 10 ** (sign * float(w[k]))
                j, whole = k + 1, value == int(value)
        # "1.3x10^6", "6.23×10^-4"
        if w[j] in ("x", "×") and w[j + 1] == "10" and w[j + 2] == "^" and self.adjacent(i, j) \
                and self.adjacent(j, j + 1) and self.adjacent(j + 1, j + 2):
            k = j + 3
            sign = 1.0
            if w[k] in ("+", "-") and self.adjacent(k - 1, k):
                sign, k = (-1.0 if w[k] == "-" else 1.0), k + 1
            if w[k].isdecimal() and self.adjacent(k - 1, k):
                value *= 10 ** (sign * float(w[k]))
                j, whole = k + 1, value == int(value)
        # "1.1^23", "2.5^-1", "1.1^--23"
        if w[j] == "^" and self.adjacent(i, j):
            k = j + 1
            sign = 1.0
            while w[k] in ("+", "-") and self.adjacent(k - 1, k):
                sign = -sign if w[k] == "-" else sign
                k += 1
            if w[k].isdecimal() and self.adjacent(k - 1, k):
                try:
                    value = value ** (sign * float(w[k]))
                except (OverflowError, ZeroDivisionError):
                    return None
                j, whole = k + 1, False
        # "10k", "1.2M", "1MM", "2mil", "2.33 k", "10 bln" (case matters: "1m" is not a million)
        suffix = v.number_suffixes.get(raw[j])
        if suffix and (self.adjacent(j - 1, j) or self.same_line(j - 1, j)) and not self.glued_word_after(j) \
                and not (self.adjacent(j, j + 1) and self.is_digit(j + 1)):
            value *= suffix
            j, whole = j + 1, True
        # "180ml", "4th", "29km": a number glued to a word is a measurement or an ordinal
        if self.adjacent(j - 1, j) and self.is_letter(j):
            return None
        return j, value, whole

    def _comma_run(self, first: int, last: int) -> bool:
        w = self.w
        if first > 1 and w[first - 1] == "," and self.adjacent(first - 1, first) and self.is_digit(first - 2):
            return True
        return w[last + 1] == "," and self.adjacent(last, last + 1) and self.is_digit(last + 2)

    def _number_tail(self, j: int, value: float, fraction: bool = False, whole: bool = True) -> _Num:
        """What may follow any number: 'and a half', 'and three quarters', a restatement '(30)'."""
        mixed = self._mixed_fraction(j)
        if mixed is not None and value >= 1 and whole:
            j, add = mixed
            value += add
            fraction, whole = True, False
        return _Num(self._restated(j, value), value, fraction, whole)

    def _restated(self, j: int, value: float) -> int:
        """'thirty (30) days', '45 (forty five)': a number repeated in brackets is one number."""
        w = self.w
        if w[j] != "(":
            return j
        k = j + 1
        if w[k][:1].isdecimal():
            try:
                again = float(w[k].replace(",", ""))
            except ValueError:
                return j
            end = k + 1
        else:
            card = self._cardinal(k) if w[k] in self.v.numbers else None
            if card is None:
                return j
            again, end = card.value, card.end
        return end + 1 if again == value and w[end] == ")" else j

    def _mixed_fraction(self, j: int) -> Optional[tuple[int, float]]:
        """'and a half', 'and half', 'and three quarters', 'and a third' after a whole number;
        hyphenated too ('three-and-a-half')."""
        w = self.w
        if w[j] in _HYPHENS and w[j + 1] == "and" and self.adjacent(j - 1, j) and self.adjacent(j, j + 1):
            if w[j + 2] in _HYPHENS and w[j + 4] in _HYPHENS and self.adjacent(j + 3, j + 4) \
                    and w[j + 3] in ("a", "an", "one"):
                den = self._denominator(j + 5)
                if den and not den[3] and self.adjacent(j + 4, j + 5):
                    return den[0], 1.0 / den[1]
            return None
        if w[j] != "and":
            return None
        frac = self._simple_fraction(j + 1)
        if frac is None:
            return None
        end, value = frac
        return end, value

    def _simple_fraction(self, k: int) -> Optional[tuple[int, float]]:
        """A proper fraction: 'a half', 'half', 'one quarter', 'three fifths', 'a thirtieth',
        'fifty-four hundredths'. 'thirty fifths' is not one: in 'one hundred and thirty fifths' the
        thirty belongs to the numerator (130/5)."""
        v, w = self.v, self.w
        numerator = 1.0
        if w[k] in ("a", "an", "one"):
            k += 1
        elif w[k] in v.numbers:
            card = self._cardinal(k)
            if card is None or card.last in ("big", "noun") or card.value <= 0:
                return None
            numerator, k = card.value, card.end
        elif not (w[k] in v.denominators and not v.denominators[w[k]].ordinal):
            return None  # bare denominators: only "half", "quarter"
        den = self._denominator(k, compound=numerator == 1.0)
        if den is None:
            return None
        end, n, _plural, ordinal = den
        if numerator >= n or (ordinal and not self._ordinal_fraction_ok(end)):
            return None
        return end, numerator / n

    def _ordinal_fraction_ok(self, end: int) -> bool:
        """In prose, 'a third injection' is an ordinal; only 'a third of' is a fraction. Number
        recognizers read 'two thirds' alone."""
        return self.ext or self.w[end] == "of"

    def _denominator(self, j: int, compound: bool = True) -> Optional[tuple[int, float, bool, bool]]:
        """A denominator word at j: (end, n, plural, ordinal). 'fifths', 'half', and compounds
        'twenty-first', 'twenty fifths', 'one hundred fifth'."""
        v, w = self.v, self.w
        d = v.denominators.get(w[j])
        if d is not None:
            return j + 1, d.n, d.plural, d.ordinal
        if not compound:
            return None
        t = w[j]
        n = v.numbers.get(t)
        if n is not None and 20 <= n <= 90 and n % 10 == 0:
            k = j + 1
            if w[k] in _HYPHENS and self.adjacent(j, k):
                k += 1
            unit_ordinal = v.unit_ordinals.get(w[k])
            if unit_ordinal:
                return k + 1, n + unit_ordinal[0], unit_ordinal[1], True
        if t in ("one", "a") and w[j + 1] in v.multipliers and w[j + 1] not in v.plural_multipliers:
            m = v.multipliers[w[j + 1]]
            k = j + 2
            if w[k] == "and":
                k += 1
            rest = self._denominator(k) if w[k] not in ("one", "a") else None
            if rest and rest[1] < m:
                return rest[0], m + rest[1], rest[2], True
            unit_ordinal = v.unit_ordinals.get(w[k])
            if unit_ordinal:
                return k + 1, m + unit_ordinal[0], unit_ordinal[1], True
        return None

    def _words(self, i: int) -> Optional[_Num]:
        v, w = self.v, self.w
        t = w[i]
        if t in ("a", "an"):
            nxt = w[i + 1]
            if (nxt in v.multipliers and nxt not in v.plural_multipliers) or nxt in v.number_nouns:
                card = self._cardinal(i + 1, seed=1.0)  # "a hundred and two", "a dozen"
                return self._after_cardinal(card, i + 1) if card else None
            den = self._denominator(i + 1)  # "a half", "a fifth", "a twenty-first"
            if den and not den[2] and (not den[3] or self._ordinal_fraction_ok(den[0])):
                return self._fraction_end(den[0], 1.0 / den[1])
            return None
        d = v.denominators.get(t)
        if d is not None and not d.ordinal and not d.plural:
            # "half a dozen", "half million", "quarter million", "half" alone
            k = i + 1
            if w[k] in ("a", "an"):
                k += 1
            if (w[k] in v.multipliers and w[k] not in v.plural_multipliers) or w[k] in v.number_nouns:
                card = self._cardinal(k, seed=1.0 / d.n)
                if card is not None:
                    return _Num(card.end, card.value, True, card.value == int(card.value))
            if d.n == 2:
                return _Num(i + 1, 0.5, True, False)
            return None
        if self.ext and t in v.decimal_point_words:
            return self._point(i, 0.0)  # "point 77"
        if self.ext and t in v.multipliers and t not in v.plural_multipliers and self.prev(i) not in v.numbers:
            card = self._cardinal(i, seed=1.0, bare_multiplier=True)  # "hundred thousand dollars"
            return self._after_cardinal(card, i) if card else None
        if t in v.numbers_alone:
            return _Num(self._restated(i + 1, v.numbers_alone[t]), v.numbers_alone[t])
        if t not in v.numbers:
            return None
        if t == "one" and self.ext and (self.prev(i) in v.one_pronoun_after):
            return None
        card = self._cardinal(i)
        return self._after_cardinal(card, i) if card else None

    def _after_cardinal(self, card: _Card, start: int) -> Optional[_Num]:
        """A cardinal may be the numerator of a fraction, take decimals or a mixed fraction."""
        v, w = self.v, self.w
        j = card.end
        if self.ext and w[j] in v.decimal_point_words:
            pointed = self._point(j, card.value)
            if pointed is not None:
                return pointed
        # "one hundred thirty fifths" = 100/35: a tens word right before a one-digit ordinal belongs
        # to the denominator when a numerator is left before it
        if card.tens_at >= 0 and not card.tens_after_and and card.elements > 1 and card.tens_at == j - 1:
            k = j
            if w[k] in _HYPHENS and self.adjacent(j - 1, k):
                k += 1
            unit_ordinal = v.unit_ordinals.get(w[k])
            if unit_ordinal and (self.ext or w[k + 1] == "of"):
                n = v.numbers[w[card.tens_at]] + unit_ordinal[0]
                return self._fraction_end(k + 1, card.before_tens / n)
        k = j
        if w[k] in _HYPHENS and (self.adjacent(k - 1, k) or self.ext) and w[k + 1] in v.denominators:
            k += 1  # "one-fourth", "two-thirds", "five - eighths"
        den = self._denominator(k)
        if den is not None and card.last != "noun":
            end, n, plural, ordinal = den
            big_ordinal = ordinal and n >= 100 and n in v.multipliers.values()
            if (not big_ordinal or plural or card.value == 1) and (not ordinal or self._ordinal_fraction_ok(end)):
                return self._fraction_end(end, card.value / n)
        # "one billion and three quarters million", "five billion and three quarters", "3 million and a half"
        mixed = self._mixed_fraction(j)
        if mixed is not None:
            end, add = mixed
            value = card.value + add
            if w[end] in v.multipliers and w[end] not in v.plural_multipliers:
                m = v.multipliers[w[end]]
                # the fraction belongs to the multiplier after it when one came before
                value = card.value + add * m if card.last in ("big", "hundred") else value * m
                end += 1
            elif card.last == "big" and card.last_big >= 1_000_000:
                value = card.value + add * card.last_big
            return _Num(self._restated(end, value), value, True, False)
        if w[j] == "of" and card.last == "noun" and not self.is_letter(j + 1):
            j += 1  # "a dozen of"
        if self.ext and card.elements == 1 and card.last == "unit":
            over = self._over_fraction(j, card.value)
            if over is not None:
                return over
        return _Num(self._restated(j, card.value), card.value, False, card.value == int(card.value))

    def _fraction_end(self, end: int, value: float) -> _Num:
        """After a fraction: 'three quarters million', 'two thirds of a million'."""
        v, w = self.v, self.w
        if w[end] in v.multipliers and w[end] not in v.plural_multipliers:
            value, end = value * v.multipliers[w[end]], end + 1
        elif self.ext and w[end] == "of" and w[end + 1] in ("a", "an") and w[end + 2] in v.multipliers:
            value, end = value * v.multipliers[w[end + 2]], end + 3
        return _Num(end, value, True, value == int(value))

    def _over_fraction(self, j: int, numerator: float) -> Optional[_Num]:
        """Numbers mode: 'one over three', '2000 over 3', 'one out of three' (not '$2000 over 3 years')."""
        k = self.v.fraction_joiners.length(self.w, j)
        if not k:
            return None
        b = self._unsigned(j + k)
        if b is None or b.value == 0 or self.is_letter(b.end):
            return None
        if self.w[j] != "over" and not numerator < b.value:
            return None
        return _Num(b.end, numerator / b.value, True, False)

    def _point(self, j: int, value: float) -> Optional[_Num]:
        """Numbers mode: 'two hundred point zero three', 'point 77', 'nine point nought four'."""
        v, w = self.v, self.w
        k = j + 1
        if w[k].isdecimal():
            digits, k = w[k], k + 1
        else:
            digits = ""
            while w[k] in v.numbers:
                n = v.numbers[w[k]]
                if n < 10:
                    digits += str(int(n))
                    k += 1
                    continue
                card = self._cardinal(k)  # "point seventy-one", "point eleven"
                if card is None or digits:
                    break
                digits, k = str(int(card.value)), card.end
                break
        if not digits:
            return None
        value = value + float("0." + digits)
        if w[k] in v.multipliers and w[k] not in v.plural_multipliers:
            value, k = value * v.multipliers[w[k]], k + 1
        return _Num(k, value, False, False)

    def _cardinal(self, i: int, seed: Optional[float] = None, bare_multiplier: bool = False) -> Optional[_Card]:
        """Number words from token i: 'twenty-four', 'one hundred and five', 'two hundred and two
        thousand', 'three lakh crore'. ``seed`` is a value already read ('3' in '3 hundred and 21',
        '1' for 'a hundred') that the words after it multiply."""
        v, w = self.v, self.w
        numbers, multipliers, nouns = v.numbers, v.multipliers, v.number_nouns
        total = 0.0
        current = seed or 0.0
        small = current  # the part of `current` below its hundred, what "dozens" multiplies
        largest = 0.0
        used: set = set()
        has_hundred = and_used = False
        last = "digits" if seed is not None else None
        last_big = 0.0
        tens_at, before_tens, tens_after_and = -1, 0.0, False
        elements = 1 if seed is not None else 0
        j = end = i
        while True:
            t = w[j]
            if j > i and not self.same_line(j - 1, j):
                break
            if t in numbers:
                n = numbers[t]
                kind = "unit" if n < 10 else ("teen" if n < 20 else "tens")
                if last in (None, "hundred", "big", "and") or (last == "tens" and kind == "unit"):
                    pass
                elif (self.ext and last == "unit" and kind in ("tens", "teen") and elements == 1
                      and self._colloquial_hundreds(j)):
                    current, small = current * 100, 0.0  # "one twenty two" = 122
                else:
                    break
                if kind == "tens":
                    tens_at, before_tens, tens_after_and = j, total + current, last == "and"
                else:
                    tens_at = -1
                current += n
                small += n
                last = kind
            elif t in multipliers:
                m = multipliers[t]
                if last is None:
                    if not bare_multiplier:
                        break
                    current = small = 1.0
                elif last == "and" or (t in v.plural_multipliers and last == "hundred" and m == 100):
                    break
                if m == 100:
                    if has_hundred or current >= 1000:
                        break
                    current = (current or 1.0) * 100
                    has_hundred, small = True, 0.0
                else:
                    if m in used:
                        break
                    if current == 0:
                        if not (total and m > largest):
                            break
                        total *= m  # "three lakh crore", "three thousand millions"
                    elif largest and m > largest:
                        break
                    else:
                        total += current * m
                    largest = max(largest, m)
                    used.add(m)
                    current = small = 0.0
                    has_hundred = and_used = False
                last, last_big, tens_at = ("hundred" if m == 100 else "big"), m, -1
            elif t in nouns:
                if last in (None, "and"):
                    break
                n = nouns[t]
                current = current - small + small * n if small else (current or 1.0) * n
                small = 0.0
                last, tens_at = "noun", -1
                elements += 1
                j += 1
                end = j
                break
            elif t == "and":
                nxt = w[j + 1]
                if and_used or last in (None, "and") or not self.same_line(j - 1, j + 1):
                    break
                joinable = current >= 100 or total > 0 or (last == "tens" and numbers.get(nxt, 99) < 10)
                next_is_number = (nxt in numbers and numbers[nxt] > 0) or (nxt.isdecimal() and int(nxt) > 0
                                                                             and last in ("hundred", "big"))
                after = multipliers.get(w[j + 2], 0)
                if (after == 100 and has_hundred) or (after > 100 and after in used):
                    break
                if not joinable or not next_is_number or self._simple_fraction(j + 1) is not None:
                    break
                and_used, last = True, "and"
                j += 1
                continue
            elif t in _HYPHENS and last == "tens" and numbers.get(w[j + 1], 99) < 10 \
                    and ((self.adjacent(j - 1, j) and self.adjacent(j, j + 1)) or self.ext):
                j += 1  # "twenty-four", "fifty - two"
                continue
            elif t.isdecimal() and last in ("hundred", "big", "and") and not self.adjacent(j - 1, j):
                n = float(t)
                limit = 100 if (last == "hundred" or has_hundred) else 1000
                if n >= limit or n == 0 or self.glued_word_after(j):
                    break
                current += n
                small = n
                last, tens_at = "digits", -1
            else:
                break
            elements += 1
            j += 1
            end = j
        if elements == 0 or (seed is not None and end == i):
            return None
        if last == "and":
            last = "hundred" if has_hundred else last
        return _Card(end, total + current, last or "unit", last_big, tens_at, before_tens, tens_after_and, elements)

    def _colloquial_hundreds(self, j: int) -> bool:
        """'one twenty two' (122) in numbers mode, unless the tens word starts a denominator
        ('one twenty-fifth')."""
        w = self.w
        k = j + 1
        if w[k] in _HYPHENS:
            k += 1
        if w[k] in self.v.unit_ordinals or w[k] in self.v.denominators:
            return False
        return True

    # -- amounts -------------------------------------------------------------------------------------
    def vague_amount(self, i: int, alone: bool = False) -> Optional[_Amount]:
        found = self.v.vague.match(self.w, i)
        if not found:
            return None
        size, (low, high, can_stand_alone) = found
        if alone and not can_stand_alone:
            return None
        return _Amount(i + size, low, high, vague=True, whole=True)

    def joiner(self, i: int) -> int:
        return self.v.range_joiners.length(self.w, i)

    def amount(self, i: int, allow_vague: bool = True) -> Optional[_Amount]:
        """A number, a range of numbers ('3-6', '3 to 6', 'between 3 and 6') or a vague amount;
        memoized, since frequencies, rates and durations all start by reading one."""
        key = (i, allow_vague)
        if key not in self._amounts:
            self._amounts[key] = self._amount(i, allow_vague)
        return self._amounts[key]

    def _amount(self, i: int, allow_vague: bool) -> Optional[_Amount]:
        w = self.w
        if w[i] in self.v.range_openers:
            a = self.number(i + 1)
            if a:
                k = a.end
                if w[k] in ("and", "to") or w[k] in _HYPHENS:
                    b = self.number(k + 1)
                    if b and b.value >= a.value:
                        return _Amount(b.end, a.value, b.value, whole=a.whole and b.whole)
        if allow_vague:
            vague = self.vague_amount(i)
            if vague:
                return vague
        a = self.number(i)
        if not a:
            return None
        j = a.end
        k = self.joiner(j)
        if k and w[j] != "up" and self.same_line(j - 1, j + k):
            b = self.number(j + k)
            if b and b.value > a.value and not self._in_chain(i, b.end - 1):
                return _Amount(b.end, a.value, b.value, whole=a.whole and b.whole,
                               fraction=a.fraction or b.fraction)
        return _Amount(j, a.value, a.value, fraction=a.fraction, whole=a.whole)

    # -- units ------------------------------------------------------------------------------------------
    def unit(self, i: int, after_number: bool) -> Optional[tuple[int, str]]:
        """A time unit at token i: (end, unit name)."""
        v, w = self.v, self.w
        t = w[i]
        name = v.unit_alias.get(t)
        end = i + 1
        if name is None:
            found = v.unit_phrases.match(w, i)
            if not found:
                return None
            end, name = i + found[0], found[1]
        elif t in v.need_number:
            if not after_number:
                return None
            if t not in v.bare_plurals and self.adjacent(i, i + 1) and (self.w[i + 1][:1].isalnum()
                                                                       or self.w[i + 1] in ("²", "³")):
                return None  # "3 s-shaped", "30 mg/m2", "1.8 m²"
        not_before = v.alias_not_before.get(t)
        if not_before and w[end] in not_before:
            return None
        return end, name

    def is_plural_unit(self, i: int) -> bool:
        return self.w[i] in self.v.plural_aliases or " ".join(self.w[i:i + 2]) in self.v.plural_aliases

    def unit_after_amount(self, j: int) -> Optional[tuple[int, str]]:
        w = self.w
        # "24-hour", "6-week", "30-minutes"
        if w[j] in _HYPHENS and self.adjacent(j - 1, j) and self.adjacent(j, j + 1):
            u = self.unit(j + 1, True)
            if u:
                return u
        u = self.unit(j, True)
        if u and w[j] in self.v.decade_suffixes and self.adjacent(j - 1, j) and w[j - 1].endswith("0"):
            return None  # "the 1960s", "in their 40s"
        return u

    # -- durations --------------------------------------------------------------------------------------
    def duration(self, i: int, allow_bare: bool) -> Optional[_Value]:
        v, w = self.v, self.w
        t = w[i]
        # "half an hour", "half a day", "half hour", "half-day", "half year"
        if t == "half":
            k = i + 1
            if w[k] in ("a", "an") or (w[k] in _HYPHENS and self.adjacent(i, k)):
                k += 1
            u = self.unit(k, False)
            if u and (k > i + 1 or not self.is_plural_unit(k)):
                seconds = 0.5 * v.unit_seconds(u[1])
                return _Value(u[0], seconds, seconds, "s", "duration", "duration", unit_name=u[1])
        # "all day", "all-day", "full week", "whole day", "entire month"
        if t in v.whole_unit_words:
            k = i + 1
            if w[k] in _HYPHENS and self.adjacent(i, k):
                k += 1
            u = self.unit(k, False)
            if u and not self.is_plural_unit(k):
                seconds = v.unit_seconds(u[1])
                return _Value(u[0], seconds, seconds, "s", "duration", "duration", unit_name=u[1])
        # "a day", "an hour", "one week", "another month", "a full day", "a half hour", "a day or two",
        # "an hour and a half"
        if t in v.one_unit_words:
            value = self._one_unit(i)
            if value is not None:
                return value
        amt = self.amount(i)
        if amt:
            value = self._amount_unit(amt, i)
            if value is not None:
                return value
        # bare plural: "hours", "months"; not after a number that could not be read ("9999...9 days",
        # a number too large to be one): that is no bare unit, and no claim
        if t in v.bare_plurals and (allow_bare or self._bare_context(i)) and not self.is_digit(i - 1):
            name = v.unit_alias[t]
            return _Value(i + 1, v.unit_seconds(name), v.next_unit_seconds(name), "s", "duration", "bare_plural",
                          vague=True, unit_name=name)
        return None

    def _one_unit(self, i: int) -> Optional[_Value]:
        v, w = self.v, self.w
        t = w[i]
        k = i + 1
        while w[k] in v.amount_fillers and k < i + 3:
            k += 1
        half = w[k] == "half"
        if half:
            k += 1
        u = self.unit(k, t == "one")
        if not u or self.is_plural_unit(k) or not (t == "one" or self._singular_ok(k)):
            return None
        j, name = u
        seconds = v.unit_seconds(name)
        low = high = seconds * (0.5 if half else 1.0)
        vague = False
        if w[j] == "or" and w[j + 1] in ("two", "2"):
            high, j, vague = 2 * seconds, j + 2, True  # "a day or two"
        else:
            extra = self._and_fraction(j)
            if extra:
                j, add = extra
                low = high = low + add * seconds
        value = _Value(j, low, high, "s", "duration", "vague" if vague else "duration", vague=vague, unit_name=name)
        return self.compound(value) if not vague else value

    def _and_fraction(self, j: int) -> Optional[tuple[int, float]]:
        """'and a half', 'and half', 'and a quarter' after a unit ('an hour and a half')."""
        if self.w[j] != "and":
            return None
        frac = self._simple_fraction(j + 1)
        if frac is None or frac[1] >= 1:
            return None
        return frac

    def _amount_unit(self, amt: _Amount, start: int) -> Optional[_Value]:
        """An amount and its unit: '3 hours', '3-6 months', 'a few days', '3+ months', '3 or more
        days', '2 more weeks', 'three quarters of an hour'."""
        v, w = self.v, self.w
        j = amt.end
        low, high = amt.low, amt.high
        rule = "vague" if amt.vague else ("duration_range" if low != high else "duration")
        if low == high and not amt.vague:
            if w[j] == "+" and self.adjacent(j - 1, j):  # "3+ months"
                u = self.unit(j + 1, True)
                if u:
                    seconds = v.unit_seconds(u[1])
                    return _Value(u[0], low * seconds, None, "s", "duration", "duration:open", unit_name=u[1])
            for phrases, suffix in ((v.open_high, ":open"), (v.close_high, ":or_less")):
                k = phrases.length(w, j)  # "3 or more days", "2 or fewer weeks"
                if k and w[j] != "+" and w[j] != "plus":
                    u = self.unit(j + k, True)
                    if u:
                        seconds = v.unit_seconds(u[1])
                        lo, hi = (low * seconds, None) if suffix == ":open" else (0.0, low * seconds)
                        return _Value(u[0], lo, hi, "s", "duration", "duration" + suffix, unit_name=u[1])
        k = j
        while w[k] in v.amount_fillers and k < j + 2:
            k += 1
        if k == j and amt.fraction and w[k] == "of":
            k += 2 if w[k + 1] in ("a", "an") else 1  # "three quarters of an hour"
        u = self.unit_after_amount(k) if k == j else self.unit(k, True)
        if not u or (amt.vague and w[k] in v.need_number):
            return None
        if start == j - 1 and w[start] == "half" and self.is_plural_unit(k):
            return None  # "works half days": not half of one
        end, name = u
        seconds = v.unit_seconds(name)
        low, high = low * seconds, high * seconds
        extra = self._and_fraction(end)
        if extra and amt.whole:
            end = extra[0]
            low, high = low + extra[1] * seconds, high + extra[1] * seconds
        if w[end] in ("'", "’") and self.adjacent(end - 1, end) and w[end - 1].endswith("s") \
                and not self.glued_word_after(end):
            end += 1  # "six weeks' time"
        value = _Value(end, low, high, "s", "duration", rule, vague=amt.vague, unit_name=name)
        value = self.compound(value) if low == high else value
        return self._per_period(value)

    def _per_period(self, value: _Value) -> _Value:
        """'3 days a week', '2 hours per day': a duration that repeats every period."""
        v, w = self.v, self.w
        j = value.end
        if w[j] not in v.per_words:
            return value
        u = self.unit(j + 1, False)
        if not u or self.is_plural_unit(j + 1) or v.unit_seconds(u[1]) <= v.unit_seconds(value.unit_name):
            return value
        return replace(value, end=u[0], period=v.unit_seconds(u[1]))

    def _singular_ok(self, k: int) -> bool:
        """'a second injection' and 'a minute amount' are not durations."""
        if self.w[k] not in self.v.ambiguous_singular:
            return True
        nxt = k + 1
        return not self.is_letter(nxt) or self.w[nxt] in self.v.ambiguous_singular_ok_before

    def _bare_context(self, i: int) -> bool:
        if self.standalone and i == 0:
            return True
        return self.prev(i) in self.v.bare_after

    def compound(self, value: _Value) -> _Value:
        """'1 year and 2 months', '2 hours 30 minutes', '1 year, 2 days, 3 hours and 4 seconds',
        '1 hour thirty': smaller units add up."""
        v, w = self.v, self.w
        j = value.end
        total = value.low
        last_unit = value.unit_name
        used = {last_unit}
        while True:
            k = j
            if w[k] == "," and self.same_line(j - 1, k):
                k += 1
            if w[k] == "and":
                k += 1
            if k > j and not self.same_line(j - 1, k):
                break
            a = self.number(k)
            if not a or a.value < 0:
                break
            u = self.unit_after_amount(a.end)
            if not u:
                # "1 hour thirty", "2 hours and 10": a bare number after hours is minutes
                smaller = v.sixtieth.get(last_unit)
                nxt = w[a.end]
                ends_here = not (nxt[:1].isalnum() or nxt in ("%", "/", "+") or nxt in _HYPHENS)
                if smaller and a.whole and 0 < a.value < 60 and ends_here:
                    total += a.value * v.unit_seconds(smaller)
                    j = a.end
                break
            seconds = v.unit_seconds(u[1])
            if u[1] in used or (seconds >= v.unit_seconds(last_unit) and k > j):
                break  # "3 days, 2 weeks": with a comma or "and", parts go from larger to smaller
            if w[u[0]] in v.per_words and self.unit(u[0] + 1, False):
                break  # "2 weeks, 3 days a week": a frequency follows, not a part of the duration
            total += a.value * seconds
            j, last_unit = u[0], u[1]
            used.add(last_unit)
        if j == value.end:
            return value
        return replace(value, end=j, low=total, high=total, rule="compound")

    def duration_or_range(self, i: int) -> Optional[_Value]:
        """A duration, or two durations joined into a range ('several hours to a few days')."""
        w = self.w
        opener = w[i] in self.v.range_openers
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
        k = self.joiner(j) or (1 if w[j] == "and" and opener else 0)
        if k and not self.v.open_high.length(w, j) and not self.v.close_high.length(w, j) \
                and self.same_line(j - 1, j + k):
            second = self.duration(j + k, allow_bare=True)
            if second is not None and second.high is not None and first.low is not None \
                    and second.high >= first.low and second.unit_name and first.unit_name:
                return _Value(second.end, first.low, second.high, "s", "duration", "unit_range",
                              vague=first.vague or second.vague, unit_name=second.unit_name)
        if first.rule == "bare_plural" and not (self._bare_context(start) or opener):
            return None
        if opener:
            return None if first.low != first.high else first
        return first

    # -- rates ----------------------------------------------------------------------------------------
    def rate(self, i: int, bounded: bool = False) -> Optional[_Value]:
        v, w = self.v, self.w
        if w[i] in v.range_openers:
            # "between 50% and 70%", "from 70% to 90%"
            first = self._percent(i + 1)
            if first and (w[first[0]] in ("and", "to") or w[first[0]] in _HYPHENS):
                second = self._percent(first[0] + 1)
                if second and second[1] >= first[1]:
                    return _Value(second[0], first[1] / 100.0, second[1] / 100.0, "ratio", "rate", "rate_range")
        # "percent of 10", "per cent of twenty-two" (the number after the word)
        k = v.percent_words.length(w, i)
        if k and w[i + k] == "of":
            b = self.number(i + k + 1)
            if b and not self.is_letter(b.end) and w[b.end] not in _HYPHENS:
                return _Value(b.end, b.value / 100.0, b.value / 100.0, "ratio", "rate", "rate")
        amt = self.amount(i, allow_vague=False)
        if amt is None:
            return None
        k = v.percent_words.length(w, amt.end)
        if k:
            j = amt.end + k
            low, high = amt.low, amt.high
            jn = self.joiner(j)  # "70% to 80%", "70%-80%"
            if jn and low == high and w[j] != "or":
                b = self.number(j + jn)
                if b and b.value > low:
                    k2 = v.percent_words.length(w, b.end)
                    if k2:
                        high, j = b.value, b.end + k2
            if low <= high:
                rule = "rate_range" if low != high else "rate"
                return _Value(j, low / 100.0, high / 100.0, "ratio", "rate", rule)
            return None
        # "7 out of 10", "1 in 3", "3 of every 10"; not "rated their pain 7 out of 10"
        if amt.low == amt.high and amt.whole and amt.low >= 0:
            k = v.rate_joiners.length(w, amt.end)
            if k:
                b = self.number(amt.end + k, glued_ok=w[amt.end + k - 1] in _HYPHENS)
                if b and w[b.end] not in v.population_nouns \
                        and any(w[back] in v.score_words for back in range(max(0, i - 8), i)):
                    b = None  # "rated their pain 7 out of 10": a score
                if b and b.value > amt.low > 0 and b.whole and not self.unit(b.end, True) \
                        and not (1900 <= b.value <= 2100):
                    return _Value(b.end, amt.low / b.value, amt.low / b.value, "ratio", "rate", "rate_fraction")
        # "two thirds of", "1/4 of", "half of"; with a comparator the "of" may go: "more than half"
        if amt.fraction and amt.low == amt.high and 0 < amt.low <= 1:
            if w[amt.end] == "of" and not self._unit_after_of(amt.end):
                return _Value(amt.end + 1, amt.low, amt.low, "ratio", "rate", "rate_words")
            if bounded and not self.unit(amt.end, True) and not self._unit_after_of(amt.end):
                return _Value(amt.end, amt.low, amt.low, "ratio", "rate", "rate_words")
        return None

    def _percent(self, i: int) -> Optional[tuple[int, float]]:
        """'70%', '70 percent': (end, 70.0)."""
        a = self.number(i)
        if a is None:
            return None
        k = self.v.percent_words.length(self.w, a.end)
        return (a.end + k, a.value) if k else None

    def _unit_after_of(self, j: int) -> bool:
        """'three quarters of an hour' is a duration, not a rate."""
        if self.w[j] != "of":
            return False
        k = j + 1
        if self.w[k] in ("a", "an", "the"):
            k += 1
        return self.unit(k, True) is not None

    def rate_mention(self, i: int) -> Optional[_Value]:
        """'a small percentage', 'the % of increase': a rate named without a value."""
        k = self.v.percent_words.length(self.w, i)
        if not k or (i > 0 and self.number(i - 1) is not None):
            return None
        return _Value(i + k, None, None, "ratio", "rate_mention", "rate_mention", vague=True)

    # -- frequencies ----------------------------------------------------------------------------------
    def frequency(self, i: int, bounded: bool = False) -> Optional[_Value]:
        """'3 times a year', 'twice a week', 'no more than 3 injections in 6 months', 'once yearly';
        with a comparator and no period, a count ('at most 4 injections')."""
        v, w = self.v, self.w
        t = w[i]
        if t in v.times_words:
            low = high = v.times_words[t]
            j = i + 1
            counted = True
        else:
            amt = self.amount(i, allow_vague=True)
            if not amt or not amt.whole:
                return None
            low, high, j = amt.low, amt.high, amt.end
            if low == high and not amt.vague:  # "3 or more injections", "2 or fewer visits"
                k = v.open_high.length(w, j)
                if k and w[j] not in ("+", "plus") and v.count_nouns.length(w, j + k):
                    high, j = None, j + k
                else:
                    k = v.close_high.length(w, j)
                    if k and v.count_nouns.length(w, j + k):
                        low, j = 0.0, j + k
            k = v.count_nouns.length(w, j)
            if k:
                j += k
            elif w[j] not in v.per_alone and not (w[j] in v.period_prepositions and self._named_period(j)):
                return None  # "3 per year", "3 in a 6-month window"; not "3 in 6 patients"
            counted = bool(k)
        period = self._period(j)
        if period is not None:
            end, seconds = period
            return _Value(end, low, high, "count", "frequency", "frequency", period=seconds)
        if bounded and t not in v.times_words and counted:
            return _Value(j, low, high, "count", "count", "count")
        return None

    def _named_period(self, j: int) -> bool:
        """'in a 6-month period', 'in any 12-month window': a period that names itself."""
        v, w = self.v, self.w
        size = v.period_determiners.length(w, j + 1)
        d = self.duration(j + 1 + size, allow_bare=False) if size else None
        return d is not None and bool(v.period_nouns.length(w, d.end))

    def _period(self, j: int) -> Optional[tuple[int, float]]:
        v, w = self.v, self.w
        if w[j] in v.period_adverbs:
            return j + 1, v.unit_seconds(v.period_adverbs[w[j]])
        if w[j] in v.per_words or w[j] in v.period_prepositions:
            k = j + 1
            u = self.unit(k, False)
            if u and not self.is_plural_unit(k):
                return u[0], v.unit_seconds(u[1])
            d = self.duration(k, allow_bare=False)
            if d is None and w[j] in v.period_prepositions:
                size = v.period_determiners.length(w, k)  # "in a 6-month period"
                d = self.duration(k + size, allow_bare=False) if size else None
                if d is not None:
                    noun = v.period_nouns.length(w, d.end)
                    d = replace(d, end=d.end + noun) if noun or w[k + size].isdecimal() else None
            if d and d.low is not None and d.low == d.high:
                return d.end, d.low
        return None

    def every(self, i: int) -> Optional[_Value]:
        """'every 3 months', 'every few weeks', 'every other day': the time between repeats."""
        w = self.w
        if w[i] != "every":
            return None
        k = i + 1
        other = w[k] == "other"
        if other:
            k += 1
        u = self.unit(k, False)
        if u and not self.is_plural_unit(k):
            seconds = self.v.unit_seconds(u[1]) * (2 if other else 1)
            return _Value(u[0], seconds, seconds, "s", "duration", "every", unit_name=u[1])
        if other:
            return None
        d = self.duration_or_range(k)
        if d:
            return replace(d, rule="every")
        return None

    def relative(self, i: int) -> Optional[_Value]:
        if self.prev(i) in self.v.relative_not_after:
            return None
        found = self.v.relative.match(self.w, i)
        if not found:
            return None
        size, (low, high, attributive) = found
        if self.v.relative_not_before.length(self.w, i + size):
            return None
        if attributive and self.prev(i) in self.v.determiners:
            return None  # "the permanent implant", "the immediate effect"
        return _Value(i + size, low, high, "s", "relative", "relative", vague=True)

    # -- whole expressions ------------------------------------------------------------------------------
    def core(self, i: int, bounded: bool = False) -> Optional[_Value]:
        t = self.w[i]
        if t[:1].isdecimal() or t in self.v.value_starters or (t[:1] == "." and t[1:2].isdecimal()):
            found = (self.frequency(i, bounded) or self.every(i) or self.rate(i, bounded)
                     or self.duration_or_range(i))
            if found:
                return found
        return self.relative(i) or (self.rate_mention(i) if self.mentions else None)

    def expression(self, i: int) -> Optional[tuple[int, _Value]]:
        """Comparator or approximator, then a core expression, then suffixes. Returns (start, value)."""
        v, w = self.v, self.w
        for phrases, side in ((v.upper, "upper"), (v.lower, "lower")):
            k = phrases.length(w, i)
            if not k:
                continue
            if w[i] in _COMPARISON_SYMBOLS and i > 0 and self.adjacent(i - 1, i) and self.prev(i) in _COMPARISON_SYMBOLS:
                continue
            j = i + k
            approx = v.approximators.length(w, j) if not self.vague_amount(j) else 0
            value = self.core(j + approx, bounded=True)
            if not value or value.kind in ("relative", "rate_mention"):
                continue
            if side == "lower" and w[i] == "over" and k == 1 and value.unit == "s" \
                    and not (self.prev(i) in v.over_after or (self.standalone and i == 0)):
                # "heals over 6 weeks": the period, not a bound
                return j, self.suffixes(_approx(value) if approx else value)
            if side == "upper" and value.high is not None:
                bound = replace(value, low=0.0, rule="upper:" + value.rule, approx=value.approx or bool(approx))
                return i, self.suffixes(bound)
            if side == "lower" and value.low is not None:
                bound = replace(value, high=1.0 if value.unit == "ratio" else None, rule="lower:" + value.rule,
                                approx=value.approx or bool(approx))
                return i, self.suffixes(bound)
        k = v.approximators.length(w, i)
        if k and not self.vague_amount(i):
            value = self.core(i + k, bounded=True)
            if value and value.kind not in ("relative", "rate_mention"):
                return i, self.suffixes(_approx(value))
        value = self.core(i)
        if value:
            return i, self.suffixes(value)
        return None

    def _comparison_follows(self, j: int) -> bool:
        """'or more than 4 days': the words after a value start another comparison, not a suffix."""
        return self.w[j] in ("than", "that") or self.is_digit(j) or self.w[j] in self.v.numbers

    def suffixes(self, value: _Value) -> _Value:
        v, w = self.v, self.w
        j = value.end
        if value.kind == "rate_mention":
            return value
        k = v.open_high.length(w, j)
        if k and (w[j] != "+" or self.adjacent(j - 1, j)) and not self._comparison_follows(j + k):
            high = 1.0 if value.unit == "ratio" else None
            return replace(value, end=j + k, high=high, rule=value.rule + ":open")
        k = v.close_high.length(w, j)
        if k and not self._comparison_follows(j + k):
            return replace(value, end=j + k, low=0.0, rule=value.rule + ":or_less")
        k = v.approx_suffix.length(w, j)
        if k:
            return replace(_approx(value), end=j + k)
        return value

    def scan(self) -> list[Quantity]:
        out: list[Quantity] = []
        w, n, starters, skip = self.w, self.n, self.v.starters, self.skip
        i = 0
        while i < n:
            t = w[i]
            first = t[:1]
            if (skip and i in skip) or not (first.isdecimal() or t in starters or (first == "." and t[1:2].isdecimal())):
                i += 1
                continue
            found = self.expression(i)
            if found is None:
                i += 1
                continue
            start_tok, value = found
            start = self.s[start_tok]
            end = self.e[value.end - 1]
            out.append(Quantity(start=start, end=end, text=self.text[start:end], low=value.low, high=value.high,
                                unit=value.unit, kind=value.kind, vague=value.vague, approx=value.approx,
                                rule=value.rule, period=value.period))
            i = value.end
        return out

    # -- plain numbers and number ranges ------------------------------------------------------------------
    def dotted_run(self, i: int) -> Optional[tuple[int, list]]:
        """'192.168.1.2': numbers joined by dots are separate numbers (an address, a version)."""
        w = self.w
        if "." not in w[i] or not w[i][0].isdecimal() or not (self.adjacent(i, i + 1) and w[i + 1].startswith(".")):
            return None
        j = i
        while self.adjacent(j, j + 1) and w[j + 1].startswith(".") and w[j + 1][1:].isdecimal():
            j += 1
        if w[j + 1] == "." and self.adjacent(j, j + 1) and self.is_digit(j + 2) and self.adjacent(j + 1, j + 2):
            return None
        pieces, offset = [], self.s[i]
        for part in self.text[self.s[i]:self.e[j]].split("."):
            if part:
                pieces.append((offset, offset + len(part), float(part)))
            offset += len(part) + 1
        return j + 1, pieces

    def scan_numbers(self, vague: bool) -> list:
        out = []
        i = 0
        skip = self.skip
        while i < self.n:
            if skip and i in skip:
                i += 1
                continue
            run = self.dotted_run(i)
            if run:
                end, pieces = run
                out.extend(NumberMatch(s, e, val, val, val, False) for s, e, val in pieces)
                i = end
                continue
            amount = self.vague_amount(i, alone=True) if vague else None
            if amount is not None:
                out.append(NumberMatch(self.s[i], self.e[amount.end - 1], None, amount.low, amount.high, True))
                i = amount.end
                continue
            num = self.number(i)
            if num is None:
                i += 1
                continue
            out.append(NumberMatch(self.s[i], self.e[num.end - 1], num.value, num.value, num.value, False))
            i = num.end
        return out

    def range_value(self, i: int) -> Optional[tuple[int, float]]:
        """A number, or an ordinal after 'the' ('between the tenth and the fifteenth')."""
        w = self.w
        if w[i] == "the":
            n = self.v.ordinals.get(w[i + 1])
            if n is not None:
                return i + 2, n
            tens = self.v.numbers.get(w[i + 1])
            if tens and tens >= 20 and w[i + 2] in _HYPHENS and w[i + 3] in self.v.unit_ordinals:
                return i + 4, tens + self.v.unit_ordinals[w[i + 3]][0]
            return None
        num = self.number(i)
        return (num.end, num.value) if num else None

    def _number_follows(self, j: int) -> bool:
        if self.w[j] == "than":
            j += 1
        return self.range_value(j) is not None

    def range_bound(self, i: int) -> Optional[tuple[int, "NumberRange"]]:
        """One bound or range at token i: (end token, NumberRange with token offsets filled later)."""
        v, w = self.v, self.w
        found = v.range_comparators.match(w, i)
        if found:
            size, side = found
            if w[i] in _COMPARISON_SYMBOLS and self.prev(i) in _COMPARISON_SYMBOLS and self.adjacent(i - 1, i):
                return None  # "<>30", "=>30"
            value = self.range_value(i + size)
            if value is None:
                return None
            end, x = value
            if side in ("above", "below"):
                k = v.range_or_equal.length(w, end)  # "less than 5000 or equal (to)"
                if k and not self._number_follows(end + k):
                    side, end = ("at_least" if side == "above" else "at_most"), end + k
            elif side == "equal":
                for phrases, new_side in ((v.range_or_more, "at_least"), (v.range_or_less, "at_most")):
                    k = phrases.length(w, end)  # "equal to 5000 or less"
                    if k and not self._number_follows(end + k):
                        side, end = new_side, end + k
                        break
            return end, _range_from_side(side, x)
        if w[i] in v.range_openers:
            a = self.range_value(i + 1)
            if a is not None:
                k = 1 if w[a[0]] == "and" and w[i] == "between" else v.range_joiners_numbers.length(w, a[0])
                b = self.range_value(a[0] + k) if k else None
                if b is not None and a[1] <= b[1]:
                    return b[0], NumberRange(0, 0, a[1], b[1], True, True)
        a = self.range_value(i)
        if a is None:
            return None
        end, x = a
        k = v.range_joiners_numbers.length(w, end)
        if k and self.same_line(end - 1, end + k):
            b = self.range_value(end + k)
            if b is not None and x < b[1] and not self._in_chain(i, b[0] - 1):
                return b[0], NumberRange(0, 0, x, b[1], True, True)
        for phrases, side in ((v.range_or_more, "at_least"), (v.range_or_less, "at_most")):
            k = phrases.length(w, end)  # "500 or more", "200 or greater than"
            if k and not self._number_follows(end + k):
                return end + k, _range_from_side(side, x)
        return None

    def scan_number_ranges(self) -> list:
        out = []
        i = 0
        v, w = self.v, self.w
        while i < self.n:
            if self.skip and i in self.skip:
                i += 1
                continue
            found = self.range_bound(i)
            if found is None:
                num = self.number(i)
                i = num.end if num is not None else i + 1
                continue
            end, bound = found
            one_sided = (bound.low is None) != (bound.high is None)
            k = v.range_bound_joiners.length(w, end)
            if one_sided and k:
                other = self.range_bound(end + k)  # "above 10 and below 20", "at most 100 and at least 20"
                if other is not None:
                    end2, second = other[0], other[1]
                    if (second.low is None) != (second.high is None) and (second.low is None) != (bound.low is None):
                        lower, upper = (bound, second) if bound.low is not None else (second, bound)
                        if lower.low < upper.high or (lower.low == upper.high and lower.low_inclusive
                                                      and upper.high_inclusive):
                            bound = NumberRange(0, 0, lower.low, upper.high, lower.low_inclusive,
                                                upper.high_inclusive)
                            end = end2
            start_char, end_char = self.s[i], self.e[end - 1]
            out.append(bound._replace(start=start_char, end=end_char))
            i = end
        return out


def _range_from_side(side: str, x: float) -> "NumberRange":
    if side == "above":
        return NumberRange(0, 0, x, None, False, None)
    if side == "at_least":
        return NumberRange(0, 0, x, None, True, None)
    if side == "below":
        return NumberRange(0, 0, None, x, None, False)
    if side == "at_most":
        return NumberRange(0, 0, None, x, None, True)
    return NumberRange(0, 0, x, x, True, True)


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


class NumberMatch(NamedTuple):
    """A plain number: its character span, its value (None for a vague amount) and interval."""

    start: int
    end: int
    value: Optional[float]
    low: float
    high: float
    vague: bool


class NumberRange(NamedTuple):
    """A bound or range on plain numbers; None is an open end, inclusivity is None there."""

    start: int
    end: int
    low: Optional[float]
    high: Optional[float]
    low_inclusive: Optional[bool]
    high_inclusive: Optional[bool]


def find_quantities(text: str, vocab: Optional[Vocabulary] = None, kinds: Optional[Iterable[str]] = None) -> list[Quantity]:
    """Every quantity expression in ``text``, left to right, non-overlapping.

    ``kinds`` keeps only those kinds (duration, rate, frequency, count, relative); mentions such as a
    percent word without a number ('a small percentage', kind ``rate_mention``) are returned only
    when asked for by kind, since they carry no value.
    """
    wanted = set(kinds) if kinds is not None else None
    mentions = bool(wanted and wanted & MENTION_KINDS)
    found = _Scanner(text, vocab or default_vocabulary(), mentions=mentions).scan()
    if wanted is not None:
        found = [q for q in found if q.kind in wanted]
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
    readings: dict = {}  # pages repeat the same expressions; each is read once per call
    for claim in claims:
        if claim.value_text not in readings:
            readings[claim.value_text] = normalize(claim.value_text, vocab)
        q = readings[claim.value_text]
        if q is None:
            out.append(claim)
            continue
        out.append(claim.replace(low=q.low, high=q.high, unit=q.unit, vague=q.vague, approx=q.approx, rule=q.rule))
    return out


def find_number_matches(text: str, vocab: Optional[Vocabulary] = None, vague: bool = True) -> list[NumberMatch]:
    """Plain numbers in ``text``, the way number recognizers read them: digits ('1,234.5', '-4/5',
    '10k', '1e10'), words ('one hundred and six', 'a dozen', 'two thirds', 'minus five point five')
    and, with ``vague``, vague amounts that stand alone ('a few', 'a couple of') as intervals."""
    return _Scanner(text, vocab or default_vocabulary(), numbers_mode=True).scan_numbers(vague)


def find_numbers(text: str, vocab: Optional[Vocabulary] = None) -> list[tuple[int, int, float]]:
    """Plain numbers (digits or words) in ``text`` as (start, end, value); vague amounts are left out."""
    return [(m.start, m.end, m.value) for m in find_number_matches(text, vocab, vague=False)]


def find_number_ranges(text: str, vocab: Optional[Vocabulary] = None) -> list[NumberRange]:
    """Bounds and ranges on plain numbers: 'between 20 and 30', '1000-5000', 'more than 40',
    'at most 100 and at least 20', '200 or greater', '<= -30'."""
    return _Scanner(text, vocab or default_vocabulary(), numbers_mode=True).scan_number_ranges()


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
