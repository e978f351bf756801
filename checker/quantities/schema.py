"""The declared schema of ``data/quantities.yaml`` (pydantic), validated in one pass with ``path:line`` errors.

Every section is optional except ``units``. The models check shapes and values one entry at a time
(a unit's size is positive, a vague amount has a high bound, a sign word is 1 or -1);
`checker.quantities.vocabulary` then checks what spans sections (an abbreviation names a unit alias, a
unit's ``next`` unit exists) and indexes the words for the readers.
"""
from __future__ import annotations

from typing import Annotated, Any, Dict, List, Optional

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, StrictBool, ValidationError, model_validator

from ..errors import DataFileError
from ..knowledge.yamlio import locate


def _not_a_bool(value: object) -> object:
    if isinstance(value, bool):  # YAML reads "yes" and "true" as booleans; Python counts them as 1
        raise ValueError("must be a number, not true or false")
    return value


def _positive(value: float) -> float:
    if value <= 0:
        raise ValueError("must be positive")
    return value


def _a_word(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _plus_or_minus_one(value: float) -> float:
    if value not in (1.0, -1.0):
        raise ValueError("must be 1 or -1")
    return value


Number = Annotated[float, BeforeValidator(_not_a_bool)]
PositiveNumber = Annotated[Number, AfterValidator(_positive)]
Word = Annotated[str, AfterValidator(_a_word)]
Words = List[Word]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitSpec(_Strict):
    seconds: PositiveNumber
    next: Optional[str] = None  # the unit a bare plural reaches up to ("hours" = 1 h..1 day)
    aliases: Words
    bare_plural: StrictBool = True


class IntervalSpec(_Strict):
    words: Word
    low: Number
    high: Optional[Number]

    @model_validator(mode="after")
    def _ordered(self) -> "IntervalSpec":
        if self.high is not None and self.high < self.low:
            raise ValueError(f"high ({self.high:g}) is below low ({self.low:g}) for {self.words!r}")
        return self


class VagueAmountSpec(IntervalSpec):
    high: Number  # a vague amount always has a high bound
    alone: StrictBool = True  # false: an amount only before a unit ("some days", not "some patients")


class RelativeSpec(IntervalSpec):
    attributive: StrictBool = False  # an adjective that names a thing after a determiner ("the permanent implant")


class ComparatorsSpec(_Strict):
    upper: Words = []
    lower: Words = []


class SuffixesSpec(_Strict):
    open_high: Words = []
    close_high: Words = []
    approx: Words = []


class NumberRangesSpec(_Strict):
    above: Words = []
    at_least: Words = []
    below: Words = []
    at_most: Words = []
    equal: Words = []
    or_more: Words = []
    or_less: Words = []
    or_equal: Words = []
    joiners: Words = []
    bound_joiners: Words = []


class QuantitiesFile(_Strict):
    """Every section of the vocabulary file; the file's own comments say what each one does."""

    units: Dict[str, UnitSpec]
    abbreviations_need_number: Words = []
    alias_not_before: Dict[str, Words] = {}
    decade_suffixes: Words = []
    ambiguous_singular_units: Words = []
    ambiguous_singular_ok_before: Words = []
    numbers: Dict[str, Number] = {}
    numbers_alone: Dict[str, Number] = {}
    multipliers: Dict[str, PositiveNumber] = {}
    number_nouns: Dict[str, PositiveNumber] = {}
    ordinals: Dict[str, PositiveNumber] = {}
    ordinals_not_fractions: Words = []
    fraction_words: Dict[str, PositiveNumber] = {}
    unicode_fractions: Dict[str, Number] = {}
    sign_words: Dict[str, Annotated[Number, AfterValidator(_plus_or_minus_one)]] = {}
    one_pronoun_after: Words = []
    number_suffixes: Dict[str, PositiveNumber] = {}  # case-sensitive: "10M" is ten million, "10m" is not
    decimal_point_words: Words = []
    fraction_joiners: Words = []
    vague_amounts: List[VagueAmountSpec] = []
    amount_unit_fillers: Words = []
    whole_unit_words: Words = []
    one_unit_words: Words = []
    comparators: ComparatorsSpec = ComparatorsSpec()
    over_is_more_than_after: Words = []
    suffixes: SuffixesSpec = SuffixesSpec()
    approximators: Words = []
    range_joiners: Words = []
    range_openers: Words = []
    bare_plural_after: Words = []
    relative: List[RelativeSpec] = []
    determiners: Words = []
    relative_not_after: Words = []
    relative_not_before: Words = []
    percent_words: Words = []
    rate_joiners: Words = []
    score_words: Words = []
    population_nouns: Words = []
    count_nouns: Words = []
    times_words: Dict[str, PositiveNumber] = {}
    per_words: Words = []
    per_alone: Words = []
    period_prepositions: Words = []
    period_determiners: Words = []
    period_nouns: Words = []
    period_adverbs: Dict[str, str] = {}
    number_ranges: NumberRangesSpec = NumberRangesSpec()


def validate_quantities_file(path: str, data: object) -> QuantitiesFile:
    """The file's content as a `QuantitiesFile`, or a `DataFileError` at ``path:line`` of the first problem."""
    if not isinstance(data, dict):
        raise DataFileError(f"{path}:{getattr(data, 'line', 1)}: the file must be a mapping of sections")
    try:
        return QuantitiesFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise DataFileError(f"{locate(path, data, first['loc'])}: {_explanation(first)}") from None


def _explanation(error: Any) -> str:
    """One line a domain expert understands: 'unknown key 'colour' in units.night', 'units.second.seconds:
    must be positive'."""
    *context, last = error["loc"] or ("file",)
    where_in_file = ".".join(str(part) for part in context)
    if error["type"] == "extra_forbidden":
        return f"unknown key {last!r} in {where_in_file or 'the file'}"
    if error["type"] == "missing":
        return f"{where_in_file or 'the file'}: missing {last!r}"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return f"{'.'.join(str(part) for part in error['loc'])}: {message}"
