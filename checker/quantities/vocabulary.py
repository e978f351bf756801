"""Everything the quantity readers know about words, loaded from ``data/quantities.yaml``.

`load_vocabulary` validates the file against its declared schema (`checker.quantities.schema`), checks
what spans sections (an abbreviation must name a unit alias, a unit's ``next`` unit must exist) with
``path:line`` errors, and indexes every word and phrase for the readers: one-word tables are dicts and
sets, phrases are `PhraseIndex` tables keyed by their first word.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, NamedTuple, Optional

from ..knowledge import yamlio
from ..knowledge.yamlio import fail
from .schema import QuantitiesFile, validate_quantities_file
from .tokens import PhraseIndex, token_tuple

RANGE_SIDES = ("above", "at_least", "below", "at_most", "equal")


@dataclass(frozen=True)
class Unit:
    name: str
    seconds: float
    next: Optional[str]  # the unit a bare plural of this one reaches up to
    bare_plural: bool = True


class Denominator(NamedTuple):
    """A word that names the denominator of a fraction: 'half' (2), 'fifths' (5, plural, ordinal)."""

    size: float
    plural: bool
    ordinal: bool  # an ordinal word ("fifths"), not "half"/"quarter"


class VagueAmount(NamedTuple):
    low: float
    high: float
    alone: bool  # an amount on its own too ("a few"), not only before a unit ("some days")


class RelativeTime(NamedTuple):
    low: float
    high: Optional[float]
    attributive: bool  # not a time after a determiner ("the permanent implant")


@dataclass
class Vocabulary:
    """Everything the normalizer knows about words, loaded and validated from one YAML file."""

    units: dict[str, Unit]
    unit_alias: dict[str, str]  # one-token alias (lower) -> unit name
    unit_phrases: PhraseIndex[str]  # multi-token aliases ("business days") -> unit name
    plural_aliases: set[str]  # plural aliases ("hours", "business days" as "business days")
    bare_plurals: set[str]  # plural one-token aliases that read as a duration on their own ("hours")
    need_number: set[str]
    alias_not_before: dict[str, set[str]]
    decade_suffixes: set[str]
    ambiguous_singular: set[str]
    ambiguous_singular_ok_before: set[str]
    numbers: dict[str, float]
    numbers_alone: dict[str, float]
    multipliers: dict[str, float]
    plural_multipliers: set[str]
    number_nouns: dict[str, float]
    ordinals: dict[str, float]
    denominators: dict[str, Denominator]
    unit_ordinals: dict[str, tuple[float, bool]]  # "first".."ninth" and plurals -> (n, plural): ends of compounds
    unicode_fractions: dict[str, float]
    sign_words: dict[str, float]
    one_pronoun_after: set[str]
    number_suffixes: dict[str, float]  # case-sensitive
    decimal_point_words: set[str]
    fraction_joiners: PhraseIndex[None]
    vague: PhraseIndex[VagueAmount]
    amount_fillers: set[str]
    whole_unit_words: set[str]
    one_unit_words: set[str]
    upper: PhraseIndex[None]  # comparators that bound a value from above ("up to", "less than")
    lower: PhraseIndex[None]  # ... and from below ("at least", "more than")
    over_after: set[str]
    open_high: PhraseIndex[None]
    close_high: PhraseIndex[None]
    approx_suffix: PhraseIndex[None]
    approximators: PhraseIndex[None]
    range_joiners: PhraseIndex[None]
    range_openers: set[str]
    bare_after: set[str]
    relative: PhraseIndex[RelativeTime]
    determiners: set[str]
    relative_not_after: set[str]
    relative_not_before: PhraseIndex[None]
    percent_words: PhraseIndex[None]
    rate_joiners: PhraseIndex[None]
    score_words: set[str]
    population_nouns: set[str]
    count_nouns: PhraseIndex[None]
    times_words: dict[str, float]
    per_words: set[str]
    per_alone: set[str]
    period_prepositions: set[str]
    period_determiners: PhraseIndex[None]
    period_nouns: PhraseIndex[None]
    period_adverbs: dict[str, str]  # word -> unit name
    range_comparators: PhraseIndex[str]  # -> "above" | "at_least" | "below" | "at_most" | "equal"
    range_or_more: PhraseIndex[None]
    range_or_less: PhraseIndex[None]
    range_or_equal: PhraseIndex[None]
    range_joiners_numbers: PhraseIndex[None]
    range_bound_joiners: PhraseIndex[None]
    sixtieth: dict[str, str] = field(default_factory=dict)  # "hour" -> "minute": "1 hour thirty"
    starters: frozenset[str] = frozenset()  # words any expression can begin with
    value_starters: frozenset[str] = frozenset()  # words a value (not a comparator or relative phrase) begins with
    path: str = ""

    def unit_seconds(self, name: str) -> float:
        return self.units[name].seconds

    def next_unit_seconds(self, name: str) -> Optional[float]:
        following = self.units[name].next
        return self.units[following].seconds if following else None


class _UnitTables(NamedTuple):
    units: dict[str, Unit]
    alias: dict[str, str]
    phrases: PhraseIndex[str]
    plural: set[str]
    bare_plurals: set[str]


class _NumberTables(NamedTuple):
    denominators: dict[str, Denominator]
    unit_ordinals: dict[str, tuple[float, bool]]


def _phrases(words: Iterable[str]) -> PhraseIndex[None]:
    return PhraseIndex((token_tuple(phrase), None) for phrase in words)


def _lower(words: Iterable[str]) -> set[str]:
    return {word.lower() for word in words}


def _lower_keys(table: dict[str, Any]) -> dict[str, Any]:
    return {str(word).lower(): value for word, value in table.items()}


def _unit_spellings(path: str, raw: dict, spec: QuantitiesFile) -> dict[tuple[str, ...], str]:
    """Every alias of every unit as tokens -> unit name; an alias of two units is an error."""
    spellings: dict[tuple[str, ...], str] = {}
    for name, unit in spec.units.items():
        for alias in unit.aliases:
            tokens = token_tuple(alias)
            if spellings.get(tokens, name) != name:
                raise fail(path, raw["units"][name], "aliases",
                           f"alias {alias.lower()!r} of unit {name!r} is already a {spellings[tokens]!r} alias")
            spellings[tokens] = name
        if unit.next is not None and unit.next not in spec.units:
            raise fail(path, raw["units"][name], "next", f"unit {name!r}: next unit {unit.next!r} is not defined")
    return spellings


def _unit_tables(path: str, raw: dict, spec: QuantitiesFile) -> _UnitTables:
    units = {name: Unit(name, unit.seconds, unit.next, unit.bare_plural) for name, unit in spec.units.items()}
    spellings = _unit_spellings(path, raw, spec)
    alias: dict[str, str] = {}
    phrases, plural, bare = [], set(), set()
    for tokens, name in spellings.items():
        last = tokens[-1]
        if len(last) > 3 and last.endswith("s") and tokens[:-1] + (last[:-1],) in spellings:
            plural.add(" ".join(tokens))
            if len(tokens) == 1 and units[name].bare_plural:
                bare.add(last)
        if len(tokens) == 1:
            alias[tokens[0]] = name
        else:
            phrases.append((tokens, name))
    return _UnitTables(units, alias, PhraseIndex(phrases), plural, bare)


def _check_unit_words(path: str, raw: dict, spec: QuantitiesFile, alias: dict[str, str]) -> None:
    """Sections that name unit aliases must name known one-word aliases."""
    for key in ("abbreviations_need_number", "decade_suffixes"):
        for word in _lower(getattr(spec, key)):
            if word not in alias:
                raise fail(path, raw, key, f"{key}: {word!r} is not a one-word unit alias")
    for word in spec.alias_not_before:
        if str(word).lower() not in alias:
            raise fail(path, raw["alias_not_before"], word,
                       f"alias_not_before: {str(word).lower()!r} is not a one-word unit alias")
    for word, unit in spec.period_adverbs.items():
        if unit not in spec.units:
            raise fail(path, raw["period_adverbs"], word, f"period_adverbs: unit {unit!r} of {word!r} is not defined")


def _number_tables(path: str, raw: dict, spec: QuantitiesFile) -> _NumberTables:
    """Fraction words and ordinals: 'half', 'fifths', 'twenty-first' are built from these."""
    ordinals = _lower_keys(spec.ordinals)
    not_fractions = _lower(spec.ordinals_not_fractions)
    for word in not_fractions:
        if word not in ordinals:
            raise fail(path, raw, "ordinals_not_fractions", f"ordinals_not_fractions: {word!r} is not in ordinals")
    denominators = {word: Denominator(size, word.endswith("s"), False)
                    for word, size in _lower_keys(spec.fraction_words).items()}
    unit_ordinals: dict[str, tuple[float, bool]] = {}
    for word, size in ordinals.items():
        if size < 10:
            unit_ordinals[word] = (size, False)
            unit_ordinals[word + "s"] = (size, True)
        if word not in not_fractions:
            denominators.setdefault(word, Denominator(size, False, True))
            denominators.setdefault(word + "s", Denominator(size, True, True))
    return _NumberTables(denominators, unit_ordinals)


def _range_comparators(spec: QuantitiesFile) -> PhraseIndex[str]:
    sides = spec.number_ranges
    return PhraseIndex((token_tuple(phrase), side) for side in RANGE_SIDES for phrase in getattr(sides, side))


def load_vocabulary(path: Path | str | None = None) -> Vocabulary:
    path = yamlio.data_path("quantities.yaml", path)
    raw = yamlio.load_yaml(path)
    spec = validate_quantities_file(str(path), raw)
    unit_tables = _unit_tables(str(path), raw, spec)
    _check_unit_words(str(path), raw, spec, unit_tables.alias)
    vocab = _vocabulary(spec, unit_tables, _number_tables(str(path), raw, spec), str(path))
    vocab.sixtieth = {unit.next: unit.name for unit in vocab.units.values()
                      if unit.next and abs(vocab.units[unit.next].seconds - 60 * unit.seconds) < 1e-9}
    vocab.value_starters = _value_starters(vocab)
    vocab.starters = vocab.value_starters | vocab.upper.first_words() | vocab.lower.first_words() \
        | vocab.approximators.first_words() | vocab.relative.first_words()
    return vocab


def _vocabulary(spec: QuantitiesFile, units: _UnitTables, numbers: _NumberTables, path: str) -> Vocabulary:
    multipliers = _lower_keys(spec.multipliers)
    ranges = spec.number_ranges
    return Vocabulary(
        units=units.units, unit_alias=units.alias, unit_phrases=units.phrases, plural_aliases=units.plural,
        bare_plurals=units.bare_plurals, need_number=_lower(spec.abbreviations_need_number),
        alias_not_before={str(word).lower(): _lower(after) for word, after in spec.alias_not_before.items()},
        decade_suffixes=_lower(spec.decade_suffixes), ambiguous_singular=_lower(spec.ambiguous_singular_units),
        ambiguous_singular_ok_before=_lower(spec.ambiguous_singular_ok_before),
        numbers=_lower_keys(spec.numbers), numbers_alone=_lower_keys(spec.numbers_alone), multipliers=multipliers,
        plural_multipliers={word for word in multipliers if word.endswith("s") and word[:-1] in multipliers},
        number_nouns=_lower_keys(spec.number_nouns), ordinals=_lower_keys(spec.ordinals),
        denominators=numbers.denominators, unit_ordinals=numbers.unit_ordinals,
        unicode_fractions=_lower_keys(spec.unicode_fractions), sign_words=_lower_keys(spec.sign_words),
        one_pronoun_after=_lower(spec.one_pronoun_after), number_suffixes=dict(spec.number_suffixes),
        decimal_point_words=_lower(spec.decimal_point_words), fraction_joiners=_phrases(spec.fraction_joiners),
        vague=PhraseIndex((token_tuple(amount.words), VagueAmount(amount.low, amount.high, amount.alone))
                          for amount in spec.vague_amounts),
        amount_fillers=_lower(spec.amount_unit_fillers), whole_unit_words=_lower(spec.whole_unit_words),
        one_unit_words=_lower(spec.one_unit_words), upper=_phrases(spec.comparators.upper),
        lower=_phrases(spec.comparators.lower), over_after=_lower(spec.over_is_more_than_after),
        open_high=_phrases(spec.suffixes.open_high), close_high=_phrases(spec.suffixes.close_high),
        approx_suffix=_phrases(spec.suffixes.approx), approximators=_phrases(spec.approximators),
        range_joiners=_phrases(spec.range_joiners), range_openers=_lower(spec.range_openers),
        bare_after=_lower(spec.bare_plural_after),
        relative=PhraseIndex((token_tuple(phrase.words), RelativeTime(phrase.low, phrase.high, phrase.attributive))
                             for phrase in spec.relative),
        determiners=_lower(spec.determiners), relative_not_after=_lower(spec.relative_not_after),
        relative_not_before=_phrases(spec.relative_not_before), percent_words=_phrases(spec.percent_words),
        rate_joiners=_phrases(spec.rate_joiners), score_words=_lower(spec.score_words),
        population_nouns=_lower(spec.population_nouns), count_nouns=_phrases(spec.count_nouns),
        times_words=_lower_keys(spec.times_words), per_words=_lower(spec.per_words), per_alone=_lower(spec.per_alone),
        period_prepositions=_lower(spec.period_prepositions), period_determiners=_phrases(spec.period_determiners),
        period_nouns=_phrases(spec.period_nouns), period_adverbs=_lower_keys(spec.period_adverbs),
        range_comparators=_range_comparators(spec), range_or_more=_phrases(ranges.or_more),
        range_or_less=_phrases(ranges.or_less), range_or_equal=_phrases(ranges.or_equal),
        range_joiners_numbers=_phrases(ranges.joiners), range_bound_joiners=_phrases(ranges.bound_joiners),
        path=path,
    )


def _value_starters(vocab: Vocabulary) -> frozenset[str]:
    """Every word a value can begin with (with digits); the scanner skips any other word without trying."""
    words = set(vocab.numbers) | set(vocab.numbers_alone) | set(vocab.unicode_fractions) | set(vocab.times_words)
    words |= set(vocab.sign_words)
    words |= {word for word, denominator in vocab.denominators.items() if not denominator.ordinal}  # "half"
    words |= {"a", "an", "every"} | vocab.one_unit_words | vocab.whole_unit_words | vocab.range_openers
    words |= set(vocab.unit_alias) | vocab.unit_phrases.first_words() | vocab.vague.first_words()
    words |= vocab.percent_words.first_words()
    return frozenset(words)


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    """The packaged vocabulary, loaded once per process."""
    return load_vocabulary()
