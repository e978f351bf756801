"""Reading amounts and durations: '3-6 months', 'a few days', 'an hour and a half', '1 year and 2 months',
'several hours to a few days', bare plurals ('months') where the context says they are a duration.

`Reading` is what every expression reader returns: where it ends and the interval it reads as.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple, Optional

from .numbers import Number, NumberReader
from .tokens import HYPHENS


@dataclass(frozen=True)
class Amount:
    """A number, a range of numbers or a vague amount, before its unit or percent sign."""

    end: int  # token index after the amount
    low: float
    high: float
    vague: bool = False
    fraction: bool = False
    whole: bool = True


@dataclass(frozen=True)
class Reading:
    """An expression read from tokens: the token after it and its interval in a canonical unit."""

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


class UnitMatch(NamedTuple):
    end: int
    name: str


class AmountReader:
    """Amounts: numbers, ranges of numbers ('3-6', '3 to 6', 'between 3 and 6') and vague amounts."""

    def __init__(self, numbers: NumberReader):
        self.numbers = numbers
        self.tokens = numbers.tokens
        self.vocab = numbers.vocab
        self.words = numbers.tokens.words
        self._memo: dict[tuple[int, bool], Optional[Amount]] = {}

    def vague_amount(self, at: int, alone: bool = False) -> Optional[Amount]:
        found = self.vocab.vague.match(self.words, at)
        if not found:
            return None
        size, vague = found
        if alone and not vague.alone:
            return None
        return Amount(at + size, vague.low, vague.high, vague=True, whole=True)

    def joiner(self, at: int) -> int:
        return self.vocab.range_joiners.length(self.words, at)

    def amount(self, at: int, allow_vague: bool = True) -> Optional[Amount]:
        """Memoized, since frequencies, rates and durations all start by reading one."""
        key = (at, allow_vague)
        if key not in self._memo:
            self._memo[key] = self._amount(at, allow_vague)
        return self._memo[key]

    def _amount(self, at: int, allow_vague: bool) -> Optional[Amount]:
        if self.words[at] in self.vocab.range_openers:
            between = self._between(at)
            if between is not None:
                return between
        if allow_vague:
            vague = self.vague_amount(at)
            if vague:
                return vague
        first = self.numbers.number(at)
        if not first:
            return None
        return self._range_from(at, first)

    def _between(self, at: int) -> Optional[Amount]:
        """'between 3 and 6', 'from 3 to 6'."""
        first = self.numbers.number(at + 1)
        if not first:
            return None
        joiner = self.words[first.end]
        if joiner in ("and", "to") or joiner in HYPHENS:
            second = self.numbers.number(first.end + 1)
            if second and second.value >= first.value:
                return Amount(second.end, first.value, second.value, whole=first.whole and second.whole)
        return None

    def _range_from(self, at: int, first: Number) -> Amount:
        """'3-6', '3 to 6', '3 or 4'; '3' alone when no larger number is joined to it."""
        end = first.end
        size = self.joiner(end)
        if size and self.words[end] != "up" and self.tokens.same_line(end - 1, end + size):
            second = self.numbers.number(end + size)
            if second and second.value > first.value and not self.numbers.in_chain(at, second.end - 1):
                return Amount(second.end, first.value, second.value, whole=first.whole and second.whole,
                              fraction=first.fraction or second.fraction)
        return Amount(end, first.value, first.value, fraction=first.fraction, whole=first.whole)


class DurationReader:
    """Durations and the time units they are made of."""

    def __init__(self, amounts: AmountReader, standalone: bool):
        self.amounts = amounts
        self.numbers = amounts.numbers
        self.tokens = amounts.tokens
        self.vocab = amounts.vocab
        self.words = amounts.words
        self.standalone = standalone  # the text is one expression: a bare plural at its start counts

    # -- units ------------------------------------------------------------------------------------------
    def unit(self, at: int, after_number: bool) -> Optional[UnitMatch]:
        """A time unit at token ``at``."""
        vocab, words = self.vocab, self.words
        word = words[at]
        name = vocab.unit_alias.get(word)
        end = at + 1
        if name is None:
            found = vocab.unit_phrases.match(words, at)
            if not found:
                return None
            end, name = at + found[0], found[1]
        elif word in vocab.need_number and not self._abbreviation_ok(at, after_number):
            return None
        not_before = vocab.alias_not_before.get(word)
        if not_before and words[end] in not_before:
            return None
        return UnitMatch(end, name)

    def _abbreviation_ok(self, at: int, after_number: bool) -> bool:
        """'3 h' is a unit; 'h' alone is not, nor 's' in '3 s-shaped', 'm' in '30 mg/m2', '1.8 m²'."""
        if not after_number:
            return False
        following = self.words[at + 1]
        glued = self.tokens.adjacent(at, at + 1) and (following[:1].isalnum() or following in ("²", "³"))
        return self.words[at] in self.vocab.bare_plurals or not glued

    def is_plural_unit(self, at: int) -> bool:
        plural = self.vocab.plural_aliases
        return self.words[at] in plural or " ".join(self.words[at:at + 2]) in plural

    def unit_after_amount(self, at: int) -> Optional[UnitMatch]:
        words, tokens = self.words, self.tokens
        if words[at] in HYPHENS and tokens.adjacent(at - 1, at) and tokens.adjacent(at, at + 1):
            hyphenated = self.unit(at + 1, True)  # "24-hour", "6-week", "30-minutes"
            if hyphenated:
                return hyphenated
        found = self.unit(at, True)
        if found and words[at] in self.vocab.decade_suffixes and tokens.adjacent(at - 1, at) \
                and words[at - 1].endswith("0"):
            return None  # "the 1960s", "in their 40s"
        return found

    def _singular_ok(self, at: int) -> bool:
        """'a second injection' and 'a minute amount' are not durations."""
        if self.words[at] not in self.vocab.ambiguous_singular:
            return True
        return not self.tokens.is_letter(at + 1) or self.words[at + 1] in self.vocab.ambiguous_singular_ok_before

    def bare_context(self, at: int) -> bool:
        """'for months', 'within hours': a bare plural reads as a duration after these words."""
        if self.standalone and at == 0:
            return True
        return self.tokens.previous(at) in self.vocab.bare_after

    def _one_unit_reading(self, unit: UnitMatch, fraction: float = 1.0) -> Reading:
        seconds = fraction * self.vocab.unit_seconds(unit.name)
        return Reading(unit.end, seconds, seconds, "s", "duration", "duration", unit_name=unit.name)

    # -- durations ----------------------------------------------------------------------------------------------
    def duration(self, at: int, allow_bare: bool) -> Optional[Reading]:
        vocab, word = self.vocab, self.words[at]
        found: Optional[Reading] = None
        if word == "half":
            found = self._half_unit(at)
        if found is None and word in vocab.whole_unit_words:
            found = self._whole_unit(at)
        if found is None and word in vocab.one_unit_words:
            found = self._one_unit(at)
        if found is None:
            amount = self.amounts.amount(at)
            found = self._amount_unit(amount, at) if amount else None
        # a bare plural: "hours", "months"; not after a number that could not be read ("9999...9 days", a
        # number too large to be one): that is no bare unit, and no claim
        if found is None and word in vocab.bare_plurals and (allow_bare or self.bare_context(at)) \
                and not self.tokens.is_digit(at - 1):
            name = vocab.unit_alias[word]
            found = Reading(at + 1, vocab.unit_seconds(name), vocab.next_unit_seconds(name), "s", "duration",
                            "bare_plural", vague=True, unit_name=name)
        return found

    def _half_unit(self, at: int) -> Optional[Reading]:
        """'half an hour', 'half a day', 'half hour', 'half-day', 'half year'."""
        after = at + 1
        if self.words[after] in ("a", "an") or (self.words[after] in HYPHENS and self.tokens.adjacent(at, after)):
            after += 1
        found = self.unit(after, False)
        if found and (after > at + 1 or not self.is_plural_unit(after)):
            return self._one_unit_reading(found, 0.5)
        return None

    def _whole_unit(self, at: int) -> Optional[Reading]:
        """'all day', 'all-day', 'full week', 'whole day', 'entire month'."""
        after = at + 1
        if self.words[after] in HYPHENS and self.tokens.adjacent(at, after):
            after += 1
        found = self.unit(after, False)
        if found and not self.is_plural_unit(after):
            return self._one_unit_reading(found)
        return None

    def _one_unit(self, at: int) -> Optional[Reading]:
        """'a day', 'an hour', 'one week', 'another month', 'a full day', 'a half hour', 'a day or two',
        'an hour and a half'."""
        words = self.words
        position = at + 1
        while words[position] in self.vocab.amount_fillers and position < at + 3:
            position += 1
        half = words[position] == "half"
        if half:
            position += 1
        found = self.unit(position, words[at] == "one")
        if not found or self.is_plural_unit(position) or not (words[at] == "one" or self._singular_ok(position)):
            return None
        seconds = self.vocab.unit_seconds(found.name)
        low = seconds * (0.5 if half else 1.0)
        end = found.end
        if words[end] == "or" and words[end + 1] in ("two", "2"):  # "a day or two"
            return Reading(end + 2, low, 2 * seconds, "s", "duration", "vague", vague=True, unit_name=found.name)
        extra = self._and_fraction(end)
        if extra:
            end, added = extra
            low += added * seconds
        return self.compound(Reading(end, low, low, "s", "duration", "duration", unit_name=found.name))

    def _and_fraction(self, at: int) -> Optional[tuple[int, float]]:
        """'and a half', 'and half', 'and a quarter' after a unit ('an hour and a half')."""
        if self.words[at] != "and":
            return None
        fraction = self.numbers.simple_fraction(at + 1)
        if fraction is None or fraction[1] >= 1:
            return None
        return fraction

    def _bounded_unit(self, amount: Amount) -> Optional[Reading]:
        """'3+ months', '3 or more days', '2 or fewer weeks': a single amount with its open side."""
        vocab, words, end = self.vocab, self.words, amount.end
        if words[end] == "+" and self.tokens.adjacent(end - 1, end):
            found = self.unit(end + 1, True)
            if found:
                seconds = vocab.unit_seconds(found.name)
                return Reading(found.end, amount.low * seconds, None, "s", "duration", "duration:open",
                               unit_name=found.name)
        if words[end] in ("+", "plus"):
            return None
        for phrases, suffix in ((vocab.open_high, ":open"), (vocab.close_high, ":or_less")):
            size = phrases.length(words, end)
            found = self.unit(end + size, True) if size else None
            if found:
                seconds = vocab.unit_seconds(found.name)
                low, high = (amount.low * seconds, None) if suffix == ":open" else (0.0, amount.low * seconds)
                return Reading(found.end, low, high, "s", "duration", "duration" + suffix, unit_name=found.name)
        return None

    def _unit_of_amount(self, amount: Amount) -> Optional[tuple[int, UnitMatch]]:
        """Where the unit after an amount starts and the unit, past fillers ('2 more weeks') and 'of'
        ('three quarters of an hour')."""
        words, end = self.words, amount.end
        position = end
        while words[position] in self.vocab.amount_fillers and position < end + 2:
            position += 1
        if position == end and amount.fraction and words[position] == "of":
            position += 2 if words[position + 1] in ("a", "an") else 1
        found = self.unit_after_amount(position) if position == end else self.unit(position, True)
        if not found or (amount.vague and words[position] in self.vocab.need_number):
            return None
        return position, found

    def _amount_unit(self, amount: Amount, start: int) -> Optional[Reading]:
        """An amount and its unit: '3 hours', '3-6 months', 'a few days', '3 or more days', '2 more
        weeks', 'three quarters of an hour'."""
        if amount.low == amount.high and not amount.vague:
            bounded = self._bounded_unit(amount)
            if bounded is not None:
                return self._per_period(bounded)  # "15 or more days a month"
        unit_of_amount = self._unit_of_amount(amount)
        if unit_of_amount is None:
            return None
        unit_at, found = unit_of_amount
        if start == amount.end - 1 and self.words[start] == "half" and self.is_plural_unit(unit_at):
            return None  # "works half days": not half of one
        seconds = self.vocab.unit_seconds(found.name)
        low, high, end = amount.low * seconds, amount.high * seconds, found.end
        extra = self._and_fraction(end) if amount.whole else None
        if extra:
            end = extra[0]
            low, high = low + extra[1] * seconds, high + extra[1] * seconds
        end = self._after_possessive(end)
        rule = "vague" if amount.vague else ("duration_range" if amount.low != amount.high else "duration")
        reading = Reading(end, low, high, "s", "duration", rule, vague=amount.vague, unit_name=found.name)
        return self._per_period(self.compound(reading) if low == high else reading)

    def _after_possessive(self, end: int) -> int:
        """'six weeks' time': the apostrophe after a plural unit belongs to it."""
        words, tokens = self.words, self.tokens
        if words[end] in ("'", "’") and tokens.adjacent(end - 1, end) and words[end - 1].endswith("s") \
                and not tokens.glued_word_after(end):
            return end + 1
        return end

    def _per_period(self, reading: Reading) -> Reading:
        """'3 days a week', '2 hours per day': a duration that repeats every period."""
        vocab, end = self.vocab, reading.end
        if self.words[end] not in vocab.per_words or reading.unit_name is None:
            return reading
        found = self.unit(end + 1, False)
        if not found or self.is_plural_unit(end + 1) \
                or vocab.unit_seconds(found.name) <= vocab.unit_seconds(reading.unit_name):
            return reading
        return replace(reading, end=found.end, period=vocab.unit_seconds(found.name))

    def compound(self, reading: Reading) -> Reading:
        """'1 year and 2 months', '2 hours 30 minutes', '1 year, 2 days, 3 hours and 4 seconds',
        '1 hour thirty': smaller units add up."""
        if reading.low is None or reading.unit_name is None:
            return reading
        end, total, last_unit = reading.end, reading.low, reading.unit_name
        used = {last_unit}
        while True:
            part = self._compound_part(end, last_unit, used)
            if part is None:
                break
            part_end, seconds, unit_name = part
            total += seconds
            end = part_end
            if unit_name is None:
                break  # a bare number of minutes ends the duration
            last_unit = unit_name
            used.add(unit_name)
        if end == reading.end:
            return reading
        return replace(reading, end=end, low=total, high=total, rule="compound")

    def _compound_part(self, end: int, last_unit: str, used: set[str]) -> Optional[tuple[int, float, Optional[str]]]:
        """The next part of a compound duration after token ``end``: (end, seconds, its unit or None)."""
        vocab, words, tokens = self.vocab, self.words, self.tokens
        position = end
        if words[position] == "," and tokens.same_line(end - 1, position):
            position += 1
        if words[position] == "and":
            position += 1
        if position > end and not tokens.same_line(end - 1, position):
            return None
        number = self.numbers.number(position)
        if not number or number.value < 0:
            return None
        found = self.unit_after_amount(number.end)
        if not found:
            return self._bare_sixtieths(number, last_unit)
        seconds = vocab.unit_seconds(found.name)
        if found.name in used or (seconds >= vocab.unit_seconds(last_unit) and position > end):
            return None  # "3 days, 2 weeks": with a comma or "and", parts go from larger to smaller
        if words[found.end] in vocab.per_words and self.unit(found.end + 1, False):
            return None  # "2 weeks, 3 days a week": a frequency follows, not a part of the duration
        return found.end, number.value * seconds, found.name

    def _bare_sixtieths(self, number: Number, last_unit: str) -> Optional[tuple[int, float, Optional[str]]]:
        """'1 hour thirty', '2 hours and 10': a bare number after hours is minutes."""
        smaller = self.vocab.sixtieth.get(last_unit)
        following = self.words[number.end]
        ends_here = not (following[:1].isalnum() or following in ("%", "/", "+") or following in HYPHENS)
        if smaller and number.whole and 0 < number.value < 60 and ends_here:
            return number.end, number.value * self.vocab.unit_seconds(smaller), None
        return None

    def duration_or_range(self, at: int) -> Optional[Reading]:
        """A duration, or two durations joined into a range ('several hours to a few days')."""
        opener = self.words[at] in self.vocab.range_openers
        if opener:
            whole = self.duration(at, allow_bare=False)  # "between 3 and 6 weeks": one amount, one unit
            if whole is not None:
                return whole
        start = at + 1 if opener else at
        first = self.duration(start, allow_bare=True)
        if first is None:
            return None
        joined = self._second_duration(first, opener)
        if joined is not None:
            return joined
        if first.rule == "bare_plural" and not (self.bare_context(start) or opener):
            return None
        if opener:
            return None if first.low != first.high else first
        return first

    def _second_duration(self, first: Reading, opener: bool) -> Optional[Reading]:
        vocab, words, end = self.vocab, self.words, first.end
        size = self.amounts.joiner(end) or (1 if words[end] == "and" and opener else 0)
        if not size or vocab.open_high.length(words, end) or vocab.close_high.length(words, end) \
                or not self.tokens.same_line(end - 1, end + size):
            return None
        second = self.duration(end + size, allow_bare=True)
        if second is not None and second.high is not None and first.low is not None \
                and second.high >= first.low and second.unit_name and first.unit_name:
            return Reading(second.end, first.low, second.high, "s", "duration", "unit_range",
                           vague=first.vague or second.vague, unit_name=second.unit_name)
        return None
