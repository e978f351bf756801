"""Reading numbers: digits, number words, fractions and multipliers, the way health prose writes them.

`NumberReader.number(at)` reads the number that starts at a token: "3", "1,200", "3.5", "1½", "3/4",
"2 1/4", "twenty-four", "one hundred and five", "a dozen", "two thirds", "half a million", "3 million
and a half", "forty-five (45)". It leaves out what prose writes with digits but does not mean as a
number: labels ("C5", "COVID-19"), dates, phone numbers and codes ("05/08/2023", "1-800-555").

Every reader of quantities (durations, rates, frequencies) starts from this one. The hooks marked
"dialect" do nothing here; a number recognizer that reads numbers on their own (signs, "10k", "1e10",
"one over three", "point five") overrides them, so both share one grammar.
"""
from __future__ import annotations

import math
from typing import NamedTuple, Optional

from .number_words import Cardinal, NumberWordReader
from .tokens import HYPHENS, TokenStream
from .vocabulary import Denominator, Vocabulary


class Number(NamedTuple):
    """A number read from the text: the token after it, its value and how it was written."""

    end: int
    value: float
    fraction: bool = False  # written as or with a fraction ("a half", "3/4", "one and a half")
    whole: bool = True  # an integer as written (a count can be made of it)


class NumberReader(NumberWordReader):
    """Reads numbers from one token stream; results are memoized per token, since durations, rates
    and frequencies all start by reading the number at the same place."""

    def __init__(self, tokens: TokenStream, vocab: Vocabulary):
        super().__init__(tokens, vocab)
        self._memo: dict[int, Optional[Number]] = {}
        self._glued_ok_at = -1

    # -- entry point ------------------------------------------------------------------------------------
    def number(self, at: int, glued_ok: bool = False) -> Optional[Number]:
        """A number written with digits, words or both, with its sign; memoized per token.
        ``glued_ok``: the caller knows a hyphen before it is not part of a label ('1-in-3')."""
        inside = 0 <= at < self.tokens.count
        if glued_ok:
            self._glued_ok_at = at
            found = self._signed(at) if inside else None
            self._glued_ok_at = -1
            return found
        if at not in self._memo:
            self._memo[at] = self._signed(at) if inside else None
        return self._memo[at]

    def _signed(self, at: int) -> Optional[Number]:
        sign = self.vocab.sign_words.get(self.words[at])
        if sign is not None:
            unsigned = self.unsigned(at + 1)
            return unsigned._replace(value=sign * unsigned.value) if unsigned else None
        return self.dash_signed(at) or self.unsigned(at)

    def unsigned(self, at: int) -> Optional[Number]:
        word = self.words[at]
        if self.tokens.starts_number(at):
            return self.digits(at)
        if word in self.vocab.unicode_fractions:
            return self.number_tail(at + 1, self.vocab.unicode_fractions[word], fraction=True, whole=False)
        if word[:1].isalpha():
            return self.number_words(at)
        return None

    # -- dialect hooks: nothing in prose ----------------------------------------------------------------
    def dash_signed(self, at: int) -> Optional[Number]:
        """Dialect: a dash as a minus sign. In prose '-' is a range dash ('3-6')."""
        return None

    def hyphenated_label(self, at: int) -> bool:
        """'COVID-19', 'C5-C6': digits after a dash or slash glued to a word are part of a label."""
        words, tokens = self.words, self.tokens
        return words[at - 1] in HYPHENS | {"/"} and at > 1 and tokens.adjacent(at - 2, at - 1) \
            and words[at - 2][:1].isalpha()

    def is_code_or_date(self, at: int) -> bool:
        """'05/08/2023', '1-800-555-0100': three numbers glued by slashes or dashes."""
        return self.glued_run(at) >= 3

    def digits_notation(self, at: int) -> Optional[tuple[int, float, bool]]:
        """Dialect: how digits are written beyond decimals ('1e10', '10k'); (end, value, whole)."""
        token = self.words[at]
        return at + 1, float(token.replace(",", "")), "." not in token

    def decimals_after(self, end: int, value: float) -> Optional[Number]:
        """Dialect: decimals in words after a whole number ('1 point 1')."""
        return None

    def over_fraction(self, end: int, numerator: float) -> Optional[Number]:
        """Dialect: a fraction written with a joiner ('one over three')."""
        return None

    def number_word_extras(self, at: int) -> Optional[Number]:
        """Dialect: number words that start with a decimal point or a bare multiplier ('point 77')."""
        return None

    def is_pronoun_one(self, at: int) -> bool:
        """Dialect: 'the one you mentioned' is a pronoun; in prose 'one' before a unit is a number."""
        return False

    def multiplier_of(self, end: int) -> Optional[tuple[int, float]]:
        """Dialect: 'two thirds of a million'; (end, multiplier)."""
        return None

    # -- digits -------------------------------------------------------------------------------------------
    def _is_label_digit(self, at: int) -> bool:
        """'C5', 'L2', 'A1B2': digits glued to a word before them are part of a label."""
        if at == 0 or not self.tokens.adjacent(at - 1, at) or at == self._glued_ok_at:
            return False
        return self.words[at - 1][:1].isalpha() or self.hyphenated_label(at)

    def in_chain(self, first: int, last: int) -> bool:
        """Token run first..last is part of a longer run of numbers glued by '/', '-' or '.'
        ('5/17/2018', '+1-222-2222/2222', '192.168.1.2')."""
        words, tokens = self.words, self.tokens
        glue = HYPHENS | {"/", "."}
        before = first - 1
        if before > 0 and words[before] in glue and tokens.adjacent(before, first) \
                and tokens.adjacent(before - 1, before) and tokens.is_digit(before - 1):
            return True
        after = last + 1
        return words[after] in glue and tokens.adjacent(last, after) and tokens.adjacent(after, after + 1) \
            and tokens.is_digit(after + 1)

    def glued_run(self, at: int) -> int:
        """How many numbers are glued by '/' or dashes in the run token ``at`` is part of, counted up to
        3 (all a caller asks): 3 in '05/08/2023' and '1-800-555', 2 in '3-6' and '1/2'. Stopping at 3
        keeps a run of 20,000 '1-' linear instead of walking the whole run from each of its numbers."""
        words, tokens = self.words, self.tokens

        def glue(position: int) -> bool:
            return words[position] == "/" or words[position] in HYPHENS

        count, position = 1, at
        while count < 3 and position >= 2 and glue(position - 1) and tokens.adjacent(position - 1, position) \
                and tokens.adjacent(position - 2, position - 1) and tokens.is_digit(position - 2):
            count, position = count + 1, position - 2
        position = at
        while count < 3 and glue(position + 1) and tokens.adjacent(position, position + 1) \
                and tokens.adjacent(position + 1, position + 2) and tokens.is_digit(position + 2):
            count, position = count + 1, position + 2
        return count

    def digits(self, at: int) -> Optional[Number]:
        if self._is_label_digit(at) or self.is_code_or_date(at):
            return None
        written = self.digits_notation(at)
        if written is None:
            return None
        end, value, whole = written
        if not math.isfinite(value):
            return None  # 400 digits: too large to be a float, and no claim
        if end != at + 1:
            return self.number_tail(end, value, whole=whole)
        return self._digit_fraction(at, value, whole) or self._digits_then_words(at, value, whole)

    def _digit_fraction(self, at: int, value: float, whole: bool) -> Optional[Number]:
        """'1½', '3/4', '1/2 hour', '2 1/4'; '24/7', '120/80' and dates are not fractions."""
        words, vocab = self.words, self.vocab
        after = at + 1
        if self.tokens.adjacent(at, after) and words[after] in vocab.unicode_fractions:
            return self.number_tail(after + 1, value + vocab.unicode_fractions[words[after]], fraction=True,
                                    whole=False)
        if not whole or not words[at].isdecimal():
            return None
        if self._slash_fraction_at(at) and not self.in_chain(at, after + 1):
            denominator = float(words[after + 1])
            if 0 < value < denominator:
                return self.number_tail(after + 2, value / denominator, fraction=True, whole=False)
            return Number(after, value)
        if not self.tokens.adjacent(at, after) and self.tokens.same_line(at, after) and self._slash_fraction_at(after) \
                and not self.in_chain(after, after + 2):
            numerator, denominator = float(words[after]), float(words[after + 2])
            if 0 < numerator < denominator:
                return self.number_tail(after + 3, value + numerator / denominator, fraction=True, whole=False)
        return None

    def _slash_fraction_at(self, at: int) -> bool:
        """Digits, '/' and digits glued together start at ``at`` ('3/4')."""
        words, tokens = self.words, self.tokens
        return words[at].isdecimal() and words[at + 1] == "/" and tokens.adjacent(at, at + 1) \
            and tokens.adjacent(at + 1, at + 2) and words[at + 2].isdecimal()

    def _digits_then_words(self, at: int, value: float, whole: bool) -> Number:
        """'2 million', '322 hundred', '3 dozens', '4 thousand 3 hundred and 21'."""
        end = at + 1
        if self.words[end] in self.vocab.multipliers or self.words[end] in self.vocab.number_nouns:
            cardinal = self.cardinal(end, seed=value)
            if cardinal is not None:
                return self.after_cardinal(cardinal)
        if whole:
            extended = self.decimals_after(end, value) or self.over_fraction(end, value)
            if extended is not None:
                return extended
        return self.number_tail(end, value, whole=whole)

    # -- what may follow a number ---------------------------------------------------------------------------
    def number_tail(self, end: int, value: float, fraction: bool = False, whole: bool = True) -> Number:
        """What may follow any number: 'and a half', 'and three quarters', a restatement '(30)'."""
        mixed = self.mixed_fraction(end)
        if mixed is not None and value >= 1 and whole:
            end, added = mixed
            value += added
            fraction, whole = True, False
        return Number(self.restated(end, value), value, fraction, whole)

    def restated(self, end: int, value: float) -> int:
        """'thirty (30) days', '45 (forty five)': a number repeated in brackets is one number."""
        words = self.words
        if words[end] != "(":
            return end
        inside = end + 1
        if words[inside][:1].isdecimal():
            try:
                again = float(words[inside].replace(",", ""))
            except ValueError:
                return end
            closing = inside + 1
        else:
            cardinal = self.cardinal(inside) if words[inside] in self.vocab.numbers else None
            if cardinal is None:
                return end
            again, closing = cardinal.value, cardinal.end
        return closing + 1 if again == value and words[closing] == ")" else end

    def mixed_fraction(self, at: int) -> Optional[tuple[int, float]]:
        """'and a half', 'and half', 'and three quarters', 'and a third' after a whole number;
        hyphenated too ('three-and-a-half'). (end, the fraction)."""
        words, tokens = self.words, self.tokens
        if words[at] in HYPHENS and words[at + 1] == "and" and tokens.adjacent(at - 1, at) \
                and tokens.adjacent(at, at + 1):
            return self._hyphenated_fraction(at + 2)
        if words[at] != "and":
            return None
        return self.simple_fraction(at + 1)

    def _hyphenated_fraction(self, at: int) -> Optional[tuple[int, float]]:
        """'-a-half' after 'three-and': the dashes around the article, the denominator glued on."""
        words, tokens = self.words, self.tokens
        if words[at] in HYPHENS and words[at + 2] in HYPHENS and tokens.adjacent(at + 1, at + 2) \
                and words[at + 1] in ("a", "an", "one"):
            denominator = self.denominator(at + 3)
            if denominator and not denominator.ordinal and tokens.adjacent(at + 2, at + 3):
                return denominator.end, 1.0 / denominator.size
        return None

    # -- number words -------------------------------------------------------------------------------------------
    def _single_multiplier(self, word: str) -> bool:
        """'hundred', 'million', 'dozen': a word that multiplies the number before it."""
        vocab = self.vocab
        return (word in vocab.multipliers and word not in vocab.plural_multipliers) or word in vocab.number_nouns

    def number_words(self, at: int) -> Optional[Number]:
        vocab, word = self.vocab, self.words[at]
        if word in ("a", "an"):
            return self._after_article(at)
        known = vocab.denominators.get(word)
        if known is not None and not known.ordinal and not known.plural:
            return self._half_of_number(at, known)
        extra = self.number_word_extras(at)
        if extra is not None:
            return extra
        if word in vocab.numbers_alone:
            value = vocab.numbers_alone[word]
            return Number(self.restated(at + 1, value), value)
        if word not in vocab.numbers or self.is_pronoun_one(at):
            return None
        cardinal = self.cardinal(at)
        return self.after_cardinal(cardinal) if cardinal else None

    def _after_article(self, at: int) -> Optional[Number]:
        """'a hundred and two', 'a dozen', 'a half', 'a fifth', 'a twenty-first'."""
        if self._single_multiplier(self.words[at + 1]):
            cardinal = self.cardinal(at + 1, seed=1.0)
            return self.after_cardinal(cardinal) if cardinal else None
        denominator = self.denominator(at + 1)
        if denominator and not denominator.plural and \
                (not denominator.ordinal or self.ordinal_fraction_ok(denominator.end)):
            return self.fraction_end(denominator.end, 1.0 / denominator.size)
        return None

    def _half_of_number(self, at: int, known: Denominator) -> Optional[Number]:
        """'half a dozen', 'half million', 'quarter million', 'half' alone."""
        after = at + 1
        if self.words[after] in ("a", "an"):
            after += 1
        if self._single_multiplier(self.words[after]):
            cardinal = self.cardinal(after, seed=1.0 / known.size)
            if cardinal is not None:
                return Number(cardinal.end, cardinal.value, True, cardinal.value == int(cardinal.value))
        if known.size == 2:
            return Number(at + 1, 0.5, True, False)
        return None

    def after_cardinal(self, cardinal: Cardinal) -> Number:
        """A cardinal may be the numerator of a fraction, take decimals or a mixed fraction."""
        return (self.decimals_after(cardinal.end, cardinal.value) or self._split_tens_denominator(cardinal)
                or self._over_denominator(cardinal) or self._cardinal_and_fraction(cardinal)
                or self._plain_cardinal(cardinal))

    def _split_tens_denominator(self, cardinal: Cardinal) -> Optional[Number]:
        """'one hundred thirty fifths' = 100/35: a tens word right before a one-digit ordinal belongs
        to the denominator when a numerator is left before it."""
        end = cardinal.end
        if cardinal.tens_at < 0 or cardinal.tens_after_and or cardinal.elements <= 1 or cardinal.tens_at != end - 1:
            return None
        position = end
        if self.words[position] in HYPHENS and self.tokens.adjacent(end - 1, position):
            position += 1
        unit_ordinal = self.vocab.unit_ordinals.get(self.words[position])
        if unit_ordinal and self.ordinal_fraction_ok(position + 1):
            size = self.vocab.numbers[self.words[cardinal.tens_at]] + unit_ordinal[0]
            return self.fraction_end(position + 1, cardinal.before_tens / size)
        return None

    def _over_denominator(self, cardinal: Cardinal) -> Optional[Number]:
        """'two thirds', 'one-fourth', 'three hundredths', 'one thousandth' (not 'five thousandth')."""
        words, vocab = self.words, self.vocab
        position = cardinal.end
        if words[position] in HYPHENS and words[position + 1] in vocab.denominators \
                and (self.spaced_hyphens or self.tokens.adjacent(position - 1, position)):
            position += 1  # "one-fourth", "two-thirds"
        denominator = self.denominator(position)
        if denominator is None or cardinal.last == "noun":
            return None
        big_ordinal = denominator.ordinal and denominator.size >= 100 and denominator.size in vocab.multipliers.values()
        if big_ordinal and not denominator.plural and cardinal.value != 1:
            return None
        if denominator.ordinal and not self.ordinal_fraction_ok(denominator.end):
            return None
        return self.fraction_end(denominator.end, cardinal.value / denominator.size)

    def _cardinal_and_fraction(self, cardinal: Cardinal) -> Optional[Number]:
        """'one billion and three quarters million', 'five billion and three quarters', '3 million and a half'."""
        vocab = self.vocab
        mixed = self.mixed_fraction(cardinal.end)
        if mixed is None:
            return None
        end, added = mixed
        value = cardinal.value + added
        word = self.words[end]
        if word in vocab.multipliers and word not in vocab.plural_multipliers:
            multiplier = vocab.multipliers[word]
            # the fraction belongs to the multiplier after it when one came before
            value = cardinal.value + added * multiplier if cardinal.last in ("big", "hundred") else value * multiplier
            end += 1
        elif cardinal.last == "big" and cardinal.last_multiplier >= 1_000_000:
            value = cardinal.value + added * cardinal.last_multiplier
        return Number(self.restated(end, value), value, True, False)

    def _plain_cardinal(self, cardinal: Cardinal) -> Number:
        end, value = cardinal.end, cardinal.value
        if self.words[end] == "of" and cardinal.last == "noun" and not self.tokens.is_letter(end + 1):
            end += 1  # "a dozen of"
        if cardinal.elements == 1 and cardinal.last == "unit":
            over = self.over_fraction(end, value)
            if over is not None:
                return over
        return Number(self.restated(end, value), value, False, value == int(value))

    def fraction_end(self, end: int, value: float) -> Number:
        """After a fraction: 'three quarters million', 'two thirds of a million'."""
        vocab, word = self.vocab, self.words[end]
        if word in vocab.multipliers and word not in vocab.plural_multipliers:
            value, end = value * vocab.multipliers[word], end + 1
        else:
            scaled = self.multiplier_of(end)
            if scaled is not None:
                end, multiplier = scaled
                value *= multiplier
        return Number(end, value, True, value == int(value))
