"""Plain numbers and number ranges, read the way number recognizers (Recognizers-Text, Duckling) read them.

The runtime package reads numbers as health prose writes them (`checker.quantities.numbers`), where
'-' is a range dash ('3-6') and 'COVID-19' is a label. Number recognizers read numbers on their own:
signs ('-4/5'), notations ('10k', '1e10', '1,3', '1 234 567'), 'one over three', 'point five', 'one
twenty two'. `RecognizerNumberReader` is the same reader with its dialect hooks filled in, so there is
one number grammar; `find_number_matches` and `find_number_ranges` scan a text with it.
"""
from __future__ import annotations

import math
from typing import NamedTuple, Optional

from checker.quantities.durations import AmountReader
from checker.quantities.number_words import CardinalState
from checker.quantities.numbers import Number, NumberReader
from checker.quantities.tokens import COMPARISON_SYMBOLS, HYPHENS, TokenStream
from checker.quantities.vocabulary import Vocabulary, default_vocabulary

SPACE_GROUP_SEPARATORS = {" ", "\u00a0", "\u202f", "\u2009"}  # "1 234 567", "40 000"


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


def _power_of_ten(value: float, exponent: float) -> Optional[float]:
    """``value`` × 10^``exponent``, None when no float holds it ('1e400')."""
    try:
        scaled = value * 10 ** exponent
    except OverflowError:
        return None
    return scaled if math.isfinite(scaled) else None


class RecognizerNumberReader(NumberReader):
    """`NumberReader` in the dialect of number recognizers (see the module docstring)."""

    spaced_hyphens = True

    def dash_signed(self, at: int) -> Optional[Number]:
        if self.words[at] not in HYPHENS or not self._sign_position(at):
            return None
        unsigned = self.unsigned(at + 1)
        return unsigned._replace(value=-unsigned.value) if unsigned else None

    def _sign_position(self, at: int) -> bool:
        """A dash is a minus sign only where no number or word is glued before it ('1995-01',
        'SCP-173', 'three-nought' are not negative) and no number comes just before ('3 - 5')."""
        if at == 0:
            return True
        previous = self.words[at - 1]
        if previous[:1].isdecimal() or previous in self.vocab.numbers or previous in self.vocab.multipliers:
            return False
        if self.tokens.adjacent(at - 1, at) and previous[:1].isalpha():
            return False
        return previous not in HYPHENS

    def hyphenated_label(self, at: int) -> bool:
        return False  # 'SCP-173' is 173

    def is_code_or_date(self, at: int) -> bool:
        return False

    def ordinal_fraction_ok(self, end: int) -> bool:
        return True  # 'two thirds' alone

    def is_pronoun_one(self, at: int) -> bool:
        return self.words[at] == "one" and self.tokens.previous(at) in self.vocab.one_pronoun_after

    def multiplier_of(self, end: int) -> Optional[tuple[int, float]]:
        words = self.words
        if words[end] == "of" and words[end + 1] in ("a", "an") and words[end + 2] in self.vocab.multipliers:
            return end + 3, self.vocab.multipliers[words[end + 2]]
        return None

    def colloquial_hundreds(self, state: CardinalState, at: int, kind: str) -> bool:
        """'one twenty two' (122), unless the tens word starts a denominator ('one twenty-fifth')."""
        if not (state.last == "unit" and kind in ("tens", "teen") and state.elements == 1):
            return False
        after = at + 1
        if self.words[after] in HYPHENS:
            after += 1
        return self.words[after] not in self.vocab.unit_ordinals and self.words[after] not in self.vocab.denominators

    def decimals_after(self, end: int, value: float) -> Optional[Number]:
        return self._point(end, value) if self.words[end] in self.vocab.decimal_point_words else None

    def number_word_extras(self, at: int) -> Optional[Number]:
        """'point 77'; 'hundred thousand dollars' (a multiplier with no number before it)."""
        vocab, word = self.vocab, self.words[at]
        if word in vocab.decimal_point_words:
            return self._point(at, 0.0)
        if word in vocab.multipliers and word not in vocab.plural_multipliers \
                and self.tokens.previous(at) not in vocab.numbers:
            cardinal = self.cardinal(at, seed=1.0, bare_multiplier=True)
            return self.after_cardinal(cardinal) if cardinal else None
        return None

    def over_fraction(self, end: int, numerator: float) -> Optional[Number]:
        """'one over three', '2000 over 3', 'one out of three' (not '$2000 over 3 years')."""
        size = self.vocab.fraction_joiners.length(self.words, end)
        if not size:
            return None
        denominator = self.unsigned(end + size)
        if denominator is None or denominator.value == 0 or self.tokens.is_letter(denominator.end):
            return None
        if self.words[end] != "over" and not numerator < denominator.value:
            return None
        return Number(denominator.end, numerator / denominator.value, True, False)

    def _point(self, at: int, value: float) -> Optional[Number]:
        """'two hundred point zero three', 'point 77', 'nine point nought four'."""
        vocab, words = self.vocab, self.words
        position = at + 1
        if words[position].isdecimal():
            digits, position = words[position], position + 1
        else:
            digits, position = self._digit_words(position)
        if not digits:
            return None
        value = value + float("0." + digits)
        if words[position] in vocab.multipliers and words[position] not in vocab.plural_multipliers:
            value, position = value * vocab.multipliers[words[position]], position + 1
        return Number(position, value, False, False)

    def _digit_words(self, at: int) -> tuple[str, int]:
        """'nought four' -> '04'; 'seventy-one' -> '71' (one cardinal, only first)."""
        digits, position = "", at
        while self.words[position] in self.vocab.numbers:
            value = self.vocab.numbers[self.words[position]]
            if value < 10:
                digits += str(int(value))
                position += 1
                continue
            cardinal = self.cardinal(position)
            if cardinal is not None and not digits:
                digits, position = str(int(cardinal.value)), cardinal.end
            break
        return digits, position

    # -- notations ----------------------------------------------------------------------------------------
    def digits_notation(self, at: int) -> Optional[tuple[int, float, bool]]:
        """'1e10', '1.1^23', '10k', '1,3', '1 234 567'; and no number in '180ml'."""
        token = self.words[at]
        grouped = self._space_grouped(at) or self._decimal_comma(at)
        if grouped is not None:
            return grouped
        end, value, whole = at + 1, float(token.replace(",", "")), "." not in token
        for step in (self._exponent, self._times_ten_power, self._power):
            stepped = step(at, end, value, whole)
            if stepped is None:
                return None
            end, value, whole = stepped
        end, value, whole = self._suffix(end, value, whole)
        if self.tokens.adjacent(end - 1, end) and self.tokens.is_letter(end):
            return None  # "180ml", "4th", "29km": a measurement or an ordinal
        return end, value, whole

    def _space_grouped(self, at: int) -> Optional[tuple[int, float, bool]]:
        """'1 234 567', '40 000': groups of three digits after a short first group, one space apart."""
        words, tokens = self.words, self.tokens
        token = words[at]
        if not (token.isdecimal() and len(token) <= 3):
            return None
        last = at
        while (last + 1 < tokens.count and words[last + 1][:3].isdecimal()
               and (len(words[last + 1]) == 3 or (words[last + 1][3:4] == "." and words[last + 1][4:].isdecimal()))
               and tokens.text[tokens.ends[last]:tokens.starts[last + 1]] in SPACE_GROUP_SEPARATORS
               and "." not in words[last] and not tokens.glued_word_after(last + 1)):
            last += 1
        if last == at:
            return None
        digits = "".join(words[at:last + 1])
        return last + 1, float(digits), "." not in digits

    def _decimal_comma(self, at: int) -> Optional[tuple[int, float, bool]]:
        """'1,3', '5,00': a decimal comma (one comma, one or two digits, no run of groups)."""
        words, tokens = self.words, self.tokens
        token, comma = words[at], at + 1
        if token.isdecimal() and words[comma] == "," and tokens.adjacent(at, comma) \
                and tokens.adjacent(comma, comma + 1) and words[comma + 1].isdecimal() \
                and len(words[comma + 1]) <= 2 and not self._comma_run(at, comma + 1):
            return comma + 2, float(f"{token}.{words[comma + 1]}"), False
        return None

    def _comma_run(self, first: int, last: int) -> bool:
        words, tokens = self.words, self.tokens
        if first > 1 and words[first - 1] == "," and tokens.adjacent(first - 1, first) and tokens.is_digit(first - 2):
            return True
        return words[last + 1] == "," and tokens.adjacent(last, last + 1) and tokens.is_digit(last + 2)

    def _signed_exponent(self, at: int) -> Optional[tuple[int, float]]:
        """The exponent at ``at``, glued to what comes before: '10', '-4', '+14'; (end, exponent)."""
        words, tokens = self.words, self.tokens
        sign = 1.0
        if words[at] in ("+", "-") and tokens.adjacent(at - 1, at):
            sign, at = (-1.0 if words[at] == "-" else 1.0), at + 1
        if words[at].isdecimal() and tokens.adjacent(at - 1, at):
            return at + 1, sign * float(words[at])
        return None

    # The notations below apply only right after the digits, glued to them (``at`` is the digits' token).
    def _exponent(self, at: int, end: int, value: float, whole: bool) -> Optional[tuple[int, float, bool]]:
        """'1e10', '12.32e+14', '-12e-1'."""
        if self.words[end] == "e" and self.tokens.adjacent(at, end):
            return self._with_exponent(end + 1, end, value, whole)
        return end, value, whole

    def _times_ten_power(self, at: int, end: int, value: float, whole: bool) -> Optional[tuple[int, float, bool]]:
        """'1.3x10^6', '6.23×10^-4'."""
        words, tokens = self.words, self.tokens
        if words[end] in ("x", "×") and words[end + 1] == "10" and words[end + 2] == "^" \
                and tokens.adjacent(at, end) and tokens.adjacent(end, end + 1) and tokens.adjacent(end + 1, end + 2):
            return self._with_exponent(end + 3, end, value, whole)
        return end, value, whole

    def _with_exponent(self, exponent_at: int, end: int, value: float, whole: bool) -> Optional[tuple[int, float, bool]]:
        """``value`` times ten to the exponent at ``exponent_at``; unchanged when there is none there."""
        exponent = self._signed_exponent(exponent_at)
        if exponent is None:
            return end, value, whole
        scaled = _power_of_ten(value, exponent[1])
        return None if scaled is None else (exponent[0], scaled, scaled == int(scaled))

    def _power(self, at: int, end: int, value: float, whole: bool) -> Optional[tuple[int, float, bool]]:
        """'1.1^23', '2.5^-1', '1.1^--23'."""
        words, tokens = self.words, self.tokens
        if words[end] != "^" or not tokens.adjacent(at, end):
            return end, value, whole
        position, sign = end + 1, 1.0
        while words[position] in ("+", "-") and tokens.adjacent(position - 1, position):
            sign = -sign if words[position] == "-" else sign
            position += 1
        if not (words[position].isdecimal() and tokens.adjacent(position - 1, position)):
            return end, value, whole
        try:
            return position + 1, value ** (sign * float(words[position])), False
        except (OverflowError, ZeroDivisionError):
            return None

    def _suffix(self, end: int, value: float, whole: bool) -> tuple[int, float, bool]:
        """'10k', '1.2M', '1MM', '2mil', '2.33 k', '10 bln' (case matters: '1m' is not a million)."""
        tokens = self.tokens
        multiplier = self.vocab.number_suffixes.get(tokens.raw[end])
        if multiplier and (tokens.adjacent(end - 1, end) or tokens.same_line(end - 1, end)) \
                and not tokens.glued_word_after(end) and not (tokens.adjacent(end, end + 1) and tokens.is_digit(end + 1)):
            return end + 1, value * multiplier, True
        return end, value, whole


class NumberScanner:
    """Scans one text for plain numbers and for bounds and ranges on them."""

    def __init__(self, text: str, vocab: Vocabulary):
        self.tokens = TokenStream(text)
        self.vocab = vocab
        self.words = self.tokens.words
        self.numbers = RecognizerNumberReader(self.tokens, vocab)
        self.amounts = AmountReader(self.numbers)

    def _dotted_run(self, at: int) -> Optional[tuple[int, list[tuple[int, int, float]]]]:
        """'192.168.1.2': numbers joined by dots are separate numbers (an address, a version)."""
        words, tokens = self.words, self.tokens
        if "." not in words[at] or not words[at][0].isdecimal() \
                or not (tokens.adjacent(at, at + 1) and words[at + 1].startswith(".")):
            return None
        last = at
        while tokens.adjacent(last, last + 1) and words[last + 1].startswith(".") and words[last + 1][1:].isdecimal():
            last += 1
        if words[last + 1] == "." and tokens.adjacent(last, last + 1) and tokens.is_digit(last + 2) \
                and tokens.adjacent(last + 1, last + 2):
            return None
        pieces, offset = [], tokens.starts[at]
        for part in tokens.text[tokens.starts[at]:tokens.ends[last]].split("."):
            if part:
                pieces.append((offset, offset + len(part), float(part)))
            offset += len(part) + 1
        return last + 1, pieces

    def _match_at(self, at: int, vague: bool) -> tuple[int, list[NumberMatch]]:
        """What starts at token ``at``: (the token after it, the numbers read)."""
        tokens = self.tokens
        run = self._dotted_run(at)
        if run:
            return run[0], [NumberMatch(start, end, value, value, value, False) for start, end, value in run[1]]
        amount = self.amounts.vague_amount(at, alone=True) if vague else None
        if amount is not None:
            return amount.end, [NumberMatch(tokens.starts[at], tokens.ends[amount.end - 1], None, amount.low,
                                            amount.high, True)]
        number = self.numbers.number(at)
        if number is None:
            return at + 1, []
        return number.end, [NumberMatch(tokens.starts[at], tokens.ends[number.end - 1], number.value, number.value,
                                        number.value, False)]

    def numbers_in_text(self, vague: bool) -> list[NumberMatch]:
        found: list[NumberMatch] = []
        at = 0
        while at < self.tokens.count:
            if at in self.tokens.web_address_tokens:
                at += 1
                continue
            at, matches = self._match_at(at, vague)
            found.extend(matches)
        return found

    # -- ranges ------------------------------------------------------------------------------------------
    def _range_value(self, at: int) -> Optional[tuple[int, float]]:
        """A number, or an ordinal after 'the' ('between the tenth and the fifteenth')."""
        vocab, words = self.vocab, self.words
        if words[at] == "the":
            ordinal = vocab.ordinals.get(words[at + 1])
            if ordinal is not None:
                return at + 2, ordinal
            tens = vocab.numbers.get(words[at + 1])
            if tens and tens >= 20 and words[at + 2] in HYPHENS and words[at + 3] in vocab.unit_ordinals:
                return at + 4, tens + vocab.unit_ordinals[words[at + 3]][0]
            return None
        number = self.numbers.number(at)
        return (number.end, number.value) if number else None

    def _number_follows(self, at: int) -> bool:
        if self.words[at] == "than":
            at += 1
        return self._range_value(at) is not None

    def _or_side(self, end: int, sides: tuple) -> Optional[tuple[int, str]]:
        """'or more', 'or less', 'or equal' after a number, not followed by another number."""
        for phrases, side in sides:
            size = phrases.length(self.words, end)
            if size and not self._number_follows(end + size):
                return end + size, side
        return None

    def _compared_range(self, at: int, size: int, side: str) -> Optional[tuple[int, NumberRange]]:
        """'more than 40', 'at most 100', 'less than 5000 or equal to', 'equal to 5000 or less'."""
        vocab, words, tokens = self.vocab, self.words, self.tokens
        if words[at] in COMPARISON_SYMBOLS and tokens.previous(at) in COMPARISON_SYMBOLS and tokens.adjacent(at - 1, at):
            return None  # "<>30", "=>30"
        value = self._range_value(at + size)
        if value is None:
            return None
        end, bound = value
        widened = None
        if side in ("above", "below"):
            widened = self._or_side(end, ((vocab.range_or_equal, "at_least" if side == "above" else "at_most"),))
        elif side == "equal":
            widened = self._or_side(end, ((vocab.range_or_more, "at_least"), (vocab.range_or_less, "at_most")))
        if widened is not None:
            end, side = widened
        return end, _range_from_side(side, bound)

    def _between_range(self, at: int) -> Optional[tuple[int, NumberRange]]:
        """'between 20 and 30', 'from 1000 to 5000'."""
        first = self._range_value(at + 1)
        if first is None:
            return None
        joiner = 1 if self.words[first[0]] == "and" and self.words[at] == "between" \
            else self.vocab.range_joiners_numbers.length(self.words, first[0])
        second = self._range_value(first[0] + joiner) if joiner else None
        if second is not None and first[1] <= second[1]:
            return second[0], NumberRange(0, 0, first[1], second[1], True, True)
        return None

    def _joined_range(self, at: int) -> Optional[tuple[int, NumberRange]]:
        """'1000-5000', '20 to 30', '500 or more', '200 or greater than'."""
        vocab = self.vocab
        first = self._range_value(at)
        if first is None:
            return None
        end, low = first
        size = vocab.range_joiners_numbers.length(self.words, end)
        if size and self.tokens.same_line(end - 1, end + size):
            second = self._range_value(end + size)
            if second is not None and low < second[1] and not self.numbers.in_chain(at, second[0] - 1):
                return second[0], NumberRange(0, 0, low, second[1], True, True)
        side = self._or_side(end, ((vocab.range_or_more, "at_least"), (vocab.range_or_less, "at_most")))
        return (side[0], _range_from_side(side[1], low)) if side else None

    def range_bound(self, at: int) -> Optional[tuple[int, NumberRange]]:
        """One bound or range at token ``at``: (end token, NumberRange with offsets filled in later)."""
        found = self.vocab.range_comparators.match(self.words, at)
        if found:
            size, side = found
            return self._compared_range(at, size, side)
        if self.words[at] in self.vocab.range_openers:
            between = self._between_range(at)
            if between is not None:
                return between
        return self._joined_range(at)

    def _joined_bounds(self, bound: NumberRange, end: int) -> tuple[NumberRange, int]:
        """'above 10 and below 20', 'at most 100 and at least 20': two one-sided bounds make a range."""
        size = self.vocab.range_bound_joiners.length(self.words, end)
        if (bound.low is None) == (bound.high is None) or not size:
            return bound, end
        other = self.range_bound(end + size)
        if other is None:
            return bound, end
        other_end, second = other
        if (second.low is None) == (second.high is None) or (second.low is None) == (bound.low is None):
            return bound, end
        lower, upper = (bound, second) if bound.low is not None else (second, bound)
        assert lower.low is not None and upper.high is not None
        if lower.low < upper.high or (lower.low == upper.high and lower.low_inclusive and upper.high_inclusive):
            return NumberRange(0, 0, lower.low, upper.high, lower.low_inclusive, upper.high_inclusive), other_end
        return bound, end

    def ranges_in_text(self) -> list[NumberRange]:
        found: list[NumberRange] = []
        tokens = self.tokens
        at = 0
        while at < tokens.count:
            if at in tokens.web_address_tokens:
                at += 1
                continue
            bound = self.range_bound(at)
            if bound is None:
                number = self.numbers.number(at)
                at = number.end if number is not None else at + 1
                continue
            end, first = bound
            joined, end = self._joined_bounds(first, end)
            found.append(joined._replace(start=tokens.starts[at], end=tokens.ends[end - 1]))
            at = end
        return found


def _range_from_side(side: str, bound: float) -> NumberRange:
    if side == "above":
        return NumberRange(0, 0, bound, None, False, None)
    if side == "at_least":
        return NumberRange(0, 0, bound, None, True, None)
    if side == "below":
        return NumberRange(0, 0, None, bound, None, False)
    if side == "at_most":
        return NumberRange(0, 0, None, bound, None, True)
    return NumberRange(0, 0, bound, bound, True, True)


def find_number_matches(text: str, vocab: Optional[Vocabulary] = None, vague: bool = True) -> list[NumberMatch]:
    """Plain numbers in ``text``, the way number recognizers read them: digits ('1,234.5', '-4/5',
    '10k', '1e10'), words ('one hundred and six', 'a dozen', 'two thirds', 'minus five point five')
    and, with ``vague``, vague amounts that stand alone ('a few', 'a couple of') as intervals."""
    return NumberScanner(text, vocab or default_vocabulary()).numbers_in_text(vague)


def find_numbers(text: str, vocab: Optional[Vocabulary] = None) -> list[tuple[int, int, float]]:
    """Plain numbers (digits or words) in ``text`` as (start, end, value); vague amounts are left out."""
    return [(m.start, m.end, m.value) for m in find_number_matches(text, vocab, vague=False) if m.value is not None]


def find_number_ranges(text: str, vocab: Optional[Vocabulary] = None) -> list[NumberRange]:
    """Bounds and ranges on plain numbers: 'between 20 and 30', '1000-5000', 'more than 40',
    'at most 100 and at least 20', '200 or greater', '<= -30'."""
    return NumberScanner(text, vocab or default_vocabulary()).ranges_in_text()
