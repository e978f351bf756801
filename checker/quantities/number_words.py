"""Number words: cardinals ('twenty-four', 'one hundred and five', 'three lakh crore'), denominators
('fifths', 'twenty-first', 'one hundred fifth') and proper fractions ('three quarters', 'a half').

`NumberWordReader` is the base of `checker.quantities.numbers.NumberReader`, which adds digits and
what may follow a number. A cardinal is read one word at a time into a `CardinalState`, each word by
the step for its kind (number, multiplier, noun such as 'dozen', 'and', hyphen, digits).
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from .tokens import HYPHENS, TokenStream
from .vocabulary import Denominator, Vocabulary

# What a cardinal step did with its token.
_STOP, _TAKEN, _JOINED, _LAST = range(4)


class Cardinal(NamedTuple):
    """A cardinal read from number words, with what the fraction reader needs to re-split it."""

    end: int
    value: float
    last: str  # kind of the last element: unit, teen, tens, hundred, big, noun, digits
    last_multiplier: float  # the multiplier of the last element when it is one ("five billion")
    tens_at: int  # token of the last element when it is a tens word, else -1
    before_tens: float  # the value before that tens word
    tens_after_and: bool
    elements: int


class FractionWord(NamedTuple):
    """A denominator read at a token: 'fifths', 'half', 'twenty-first', 'one hundred fifth'."""

    end: int
    size: float
    plural: bool
    ordinal: bool


class CardinalState:
    """The running sum of number words: 'two hundred and five thousand' is read one word at a time."""

    __slots__ = ("total", "current", "small", "largest", "used", "has_hundred", "and_used", "last",
                 "last_multiplier", "tens_at", "before_tens", "tens_after_and", "elements")

    def __init__(self, seed: Optional[float]):
        self.total = 0.0
        self.current = seed or 0.0
        self.small = self.current  # the part of `current` below its hundred, what "dozens" multiplies
        self.largest = 0.0  # the largest multiplier above a hundred used so far
        self.used: set[float] = set()
        self.has_hundred = self.and_used = False
        self.last: Optional[str] = "digits" if seed is not None else None
        self.last_multiplier = 0.0
        self.tens_at, self.before_tens, self.tens_after_and = -1, 0.0, False
        self.elements = 1 if seed is not None else 0

    def result(self, end: int) -> Cardinal:
        last = self.last
        if last == "and":
            last = "hundred" if self.has_hundred else last
        return Cardinal(end, self.total + self.current, last or "unit", self.last_multiplier, self.tens_at,
                        self.before_tens, self.tens_after_and, self.elements)


class NumberWordReader:
    """Reads cardinals, denominators and proper fractions from one token stream."""

    spaced_hyphens = False  # dialect: "fifty - two" and "five - eighths" join across spaces

    def __init__(self, tokens: TokenStream, vocab: Vocabulary):
        self.tokens = tokens
        self.vocab = vocab
        self.words = tokens.words

    # -- dialect hooks ----------------------------------------------------------------------------------
    def ordinal_fraction_ok(self, end: int) -> bool:
        """In prose, 'a third injection' is an ordinal; only 'a third of' is a fraction."""
        return self.words[end] == "of"

    def colloquial_hundreds(self, state: CardinalState, at: int, kind: str) -> bool:
        """Dialect: 'one twenty two' is 122."""
        return False

    # -- fractions ---------------------------------------------------------------------------------------
    def simple_fraction(self, at: int) -> Optional[tuple[int, float]]:
        """A proper fraction: 'a half', 'half', 'one quarter', 'three fifths', 'a thirtieth',
        'fifty-four hundredths'. 'thirty fifths' is not one: in 'one hundred and thirty fifths' the
        thirty belongs to the numerator (130/5)."""
        vocab, words = self.vocab, self.words
        numerator = 1.0
        if words[at] in ("a", "an", "one"):
            at += 1
        elif words[at] in vocab.numbers:
            cardinal = self.cardinal(at)
            if cardinal is None or cardinal.last in ("big", "noun") or cardinal.value <= 0:
                return None
            numerator, at = cardinal.value, cardinal.end
        elif not (words[at] in vocab.denominators and not vocab.denominators[words[at]].ordinal):
            return None  # bare denominators: only "half", "quarter"
        denominator = self.denominator(at, compound=numerator == 1.0)
        if denominator is None:
            return None
        if numerator >= denominator.size or (denominator.ordinal and not self.ordinal_fraction_ok(denominator.end)):
            return None
        return denominator.end, numerator / denominator.size

    # -- denominators -----------------------------------------------------------------------------------------
    def denominator(self, at: int, compound: bool = True) -> Optional[FractionWord]:
        """A denominator word at ``at``: 'fifths', 'half', and compounds 'twenty-first',
        'twenty fifths', 'one hundred fifth'."""
        known: Optional[Denominator] = self.vocab.denominators.get(self.words[at])
        if known is not None:
            return FractionWord(at + 1, known.size, known.plural, known.ordinal)
        if not compound:
            return None
        return self._tens_ordinal(at) or self._hundred_ordinal(at)

    def _tens_ordinal(self, at: int) -> Optional[FractionWord]:
        """'twenty-first', 'thirty fifths'."""
        tens = self.vocab.numbers.get(self.words[at])
        if tens is None or not (20 <= tens <= 90 and tens % 10 == 0):
            return None
        end = at + 1
        if self.words[end] in HYPHENS and self.tokens.adjacent(at, end):
            end += 1
        unit_ordinal = self.vocab.unit_ordinals.get(self.words[end])
        if unit_ordinal:
            return FractionWord(end + 1, tens + unit_ordinal[0], unit_ordinal[1], True)
        return None

    def _hundred_ordinal(self, at: int) -> Optional[FractionWord]:
        """'one hundred fifth', 'a thousand and twenty-first'."""
        vocab, words = self.vocab, self.words
        multiplier_word = words[at + 1]
        if words[at] not in ("one", "a") or multiplier_word not in vocab.multipliers \
                or multiplier_word in vocab.plural_multipliers:
            return None
        multiplier = vocab.multipliers[multiplier_word]
        end = at + 2
        if words[end] == "and":
            end += 1
        rest = self.denominator(end) if words[end] not in ("one", "a") else None
        if rest and rest.size < multiplier:
            return FractionWord(rest.end, multiplier + rest.size, rest.plural, True)
        unit_ordinal = vocab.unit_ordinals.get(words[end])
        if unit_ordinal:
            return FractionWord(end + 1, multiplier + unit_ordinal[0], unit_ordinal[1], True)
        return None

    # -- cardinals ------------------------------------------------------------------------------------------------
    def cardinal(self, at: int, seed: Optional[float] = None, bare_multiplier: bool = False) -> Optional[Cardinal]:
        """Number words from token ``at``: 'twenty-four', 'one hundred and five', 'two hundred and two
        thousand', 'three lakh crore'. ``seed`` is a value already read ('3' in '3 hundred and 21',
        '1' for 'a hundred') that the words after it multiply."""
        state = CardinalState(seed)
        position = end = at
        while position == at or self.tokens.same_line(position - 1, position):
            outcome = self._cardinal_step(state, position, bare_multiplier)
            if outcome == _STOP:
                break
            position += 1
            if outcome == _JOINED:
                continue
            state.elements += 1
            end = position
            if outcome == _LAST:
                break
        if state.elements == 0 or (seed is not None and end == at):
            return None
        return state.result(end)

    def _cardinal_step(self, state: CardinalState, at: int, bare_multiplier: bool) -> int:
        vocab, word = self.vocab, self.words[at]
        if word in vocab.numbers:
            return self._cardinal_number(state, at)
        if word in vocab.multipliers:
            return self._cardinal_multiplier(state, word, bare_multiplier)
        if word in vocab.number_nouns:
            return self._cardinal_noun(state, word)
        if word == "and":
            return self._cardinal_and(state, at)
        if word in HYPHENS and state.last == "tens" and vocab.numbers.get(self.words[at + 1], 99) < 10 \
                and (self.spaced_hyphens or (self.tokens.adjacent(at - 1, at) and self.tokens.adjacent(at, at + 1))):
            return _JOINED  # "twenty-four"
        if word.isdecimal() and state.last in ("hundred", "big", "and") and not self.tokens.adjacent(at - 1, at):
            return self._cardinal_digits(state, at)
        return _STOP

    def _cardinal_number(self, state: CardinalState, at: int) -> int:
        value = self.vocab.numbers[self.words[at]]
        kind = "unit" if value < 10 else ("teen" if value < 20 else "tens")
        if state.last in (None, "hundred", "big", "and") or (state.last == "tens" and kind == "unit"):
            pass
        elif self.colloquial_hundreds(state, at, kind):
            state.current, state.small = state.current * 100, 0.0
        else:
            return _STOP
        if kind == "tens":
            state.tens_at, state.before_tens, state.tens_after_and = at, state.total + state.current, state.last == "and"
        else:
            state.tens_at = -1
        state.current += value
        state.small += value
        state.last = kind
        return _TAKEN

    def _cardinal_multiplier(self, state: CardinalState, word: str, bare_multiplier: bool) -> int:
        multiplier = self.vocab.multipliers[word]
        if state.last is None:
            if not bare_multiplier:
                return _STOP
            state.current = state.small = 1.0
        elif state.last == "and" or (word in self.vocab.plural_multipliers and state.last == "hundred"
                                     and multiplier == 100):
            return _STOP
        taken = self._hundred(state) if multiplier == 100 else self._big_multiplier(state, multiplier)
        if not taken:
            return _STOP
        state.last, state.last_multiplier, state.tens_at = ("hundred" if multiplier == 100 else "big"), multiplier, -1
        return _TAKEN

    @staticmethod
    def _hundred(state: CardinalState) -> bool:
        if state.has_hundred or state.current >= 1000:
            return False
        state.current = (state.current or 1.0) * 100
        state.has_hundred, state.small = True, 0.0
        return True

    @staticmethod
    def _big_multiplier(state: CardinalState, multiplier: float) -> bool:
        """'thousand', 'million', 'lakh': each once, larger before smaller ('three lakh crore' aside)."""
        if multiplier in state.used:
            return False
        if state.current == 0:
            if not (state.total and multiplier > state.largest):
                return False
            state.total *= multiplier  # "three lakh crore", "three thousand millions"
        elif state.largest and multiplier > state.largest:
            return False
        else:
            state.total += state.current * multiplier
        state.largest = max(state.largest, multiplier)
        state.used.add(multiplier)
        state.current = state.small = 0.0
        state.has_hundred = state.and_used = False
        return True

    def _cardinal_noun(self, state: CardinalState, word: str) -> int:
        """'dozen', 'score', 'gross': the last word of a cardinal ('three dozen')."""
        if state.last in (None, "and"):
            return _STOP
        size = self.vocab.number_nouns[word]
        small = state.small
        state.current = state.current - small + small * size if small else (state.current or 1.0) * size
        state.small = 0.0
        state.last, state.tens_at = "noun", -1
        return _LAST

    def _cardinal_and(self, state: CardinalState, at: int) -> int:
        """'one hundred and five', 'two thousand and ten'; not 'two and a half' (a mixed fraction)."""
        if state.and_used or state.last in (None, "and") or not self.tokens.same_line(at - 1, at + 1):
            return _STOP
        multiplier_after = self.vocab.multipliers.get(self.words[at + 2], 0)
        if (multiplier_after == 100 and state.has_hundred) or (multiplier_after > 100 and multiplier_after in state.used):
            return _STOP  # "two hundred and three hundred", "a thousand and a thousand"
        if not self._and_joins(state, self.words[at + 1]) or self.simple_fraction(at + 1) is not None:
            return _STOP
        state.and_used, state.last = True, "and"
        return _JOINED

    def _and_joins(self, state: CardinalState, following: str) -> bool:
        """'and' joins a number after a hundred or more ('one hundred and five') or a tens word to a
        unit ('twenty and one'), when a positive number follows."""
        numbers = self.vocab.numbers
        joinable = state.current >= 100 or state.total > 0 or (state.last == "tens" and numbers.get(following, 99) < 10)
        next_is_number = (following in numbers and numbers[following] > 0) or \
            (following.isdecimal() and int(following) > 0 and state.last in ("hundred", "big"))
        return joinable and next_is_number

    def _cardinal_digits(self, state: CardinalState, at: int) -> int:
        """'4 thousand 3 hundred and 21': digits after a multiplier."""
        value = float(self.words[at])
        limit = 100 if (state.last == "hundred" or state.has_hundred) else 1000
        if value >= limit or value == 0 or self.tokens.glued_word_after(at):
            return _STOP
        state.current += value
        state.small = value
        state.last, state.tens_at = "digits", -1
        return _TAKEN
