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

from typing import NamedTuple, Optional

from .tokens import HYPHENS, TokenStream
from .vocabulary import Denominator, Vocabulary

# What a cardinal step did with its token.
_STOP, _TAKEN, _JOINED, _LAST = range(4)


class Number(NamedTuple):
    """A number read from the text: the token after it, its value and how it was written."""

    end: int
    value: float
    fraction: bool = False  # written as or with a fraction ("a half", "3/4", "one and a half")
    whole: bool = True  # an integer as written (a count can be made of it)


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


class _CardinalState:
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


class NumberReader:
    """Reads numbers from one token stream; results are memoized per token, since durations, rates
    and frequencies all start by reading the number at the same place."""

    spaced_hyphens = False  # dialect: "fifty - two" and "five - eighths" join across spaces

    def __init__(self, tokens: TokenStream, vocab: Vocabulary):
        self.tokens = tokens
        self.vocab = vocab
        self.words = tokens.words
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

    def ordinal_fraction_ok(self, end: int) -> bool:
        """In prose, 'a third injection' is an ordinal; only 'a third of' is a fraction."""
        return self.words[end] == "of"

    def multiplier_of(self, end: int) -> Optional[tuple[int, float]]:
        """Dialect: 'two thirds of a million'; (end, multiplier)."""
        return None

    def colloquial_hundreds(self, state: _CardinalState, at: int, kind: str) -> bool:
        """Dialect: 'one twenty two' is 122."""
        return False

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
        """How many numbers are glued by '/' or dashes in the run token ``at`` is part of: 3 in
        '05/08/2023' and '1-800-555', 2 in '3-6' and '1/2'."""
        words, tokens = self.words, self.tokens

        def glue(position: int) -> bool:
            return words[position] == "/" or words[position] in HYPHENS

        count, position = 1, at
        while position >= 2 and glue(position - 1) and tokens.adjacent(position - 1, position) \
                and tokens.adjacent(position - 2, position - 1) and tokens.is_digit(position - 2):
            count, position = count + 1, position - 2
        position = at
        while glue(position + 1) and tokens.adjacent(position, position + 1) \
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
        if end != at + 1:
            return self.number_tail(end, value, whole=whole)
        return self._digit_fraction(at, value, whole) or self._digits_then_words(at, value, whole)

    def _digit_fraction(self, at: int, value: float, whole: bool) -> Optional[Number]:
        """'1½', '3/4', '1/2 hour', '2 1/4'; '24/7', '120/80' and dates are not fractions."""
        words, tokens, vocab = self.words, self.tokens, self.vocab
        after = at + 1
        if tokens.adjacent(at, after) and words[after] in vocab.unicode_fractions:
            return self.number_tail(after + 1, value + vocab.unicode_fractions[words[after]], fraction=True,
                                    whole=False)
        if not whole or not words[at].isdecimal():
            return None
        if words[after] == "/" and tokens.adjacent(at, after) and tokens.adjacent(after, after + 1) \
                and words[after + 1].isdecimal() and not self.in_chain(at, after + 1):
            denominator = float(words[after + 1])
            if 0 < value < denominator:
                return self.number_tail(after + 2, value / denominator, fraction=True, whole=False)
            return Number(after, value)
        if not tokens.adjacent(at, after) and words[after].isdecimal() and words[after + 1] == "/" \
                and tokens.adjacent(after, after + 1) and tokens.adjacent(after + 1, after + 2) \
                and words[after + 2].isdecimal() and tokens.same_line(at, after) \
                and not self.in_chain(after, after + 2):
            numerator, denominator = float(words[after]), float(words[after + 2])
            if 0 < numerator < denominator:
                return self.number_tail(after + 3, value + numerator / denominator, fraction=True, whole=False)
        return None

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

    # -- cardinals ------------------------------------------------------------------------------------------------
    def cardinal(self, at: int, seed: Optional[float] = None, bare_multiplier: bool = False) -> Optional[Cardinal]:
        """Number words from token ``at``: 'twenty-four', 'one hundred and five', 'two hundred and two
        thousand', 'three lakh crore'. ``seed`` is a value already read ('3' in '3 hundred and 21',
        '1' for 'a hundred') that the words after it multiply."""
        state = _CardinalState(seed)
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

    def _cardinal_step(self, state: _CardinalState, at: int, bare_multiplier: bool) -> int:
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

    def _cardinal_number(self, state: _CardinalState, at: int) -> int:
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

    def _cardinal_multiplier(self, state: _CardinalState, word: str, bare_multiplier: bool) -> int:
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
    def _hundred(state: _CardinalState) -> bool:
        if state.has_hundred or state.current >= 1000:
            return False
        state.current = (state.current or 1.0) * 100
        state.has_hundred, state.small = True, 0.0
        return True

    @staticmethod
    def _big_multiplier(state: _CardinalState, multiplier: float) -> bool:
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

    def _cardinal_noun(self, state: _CardinalState, word: str) -> int:
        """'dozen', 'score', 'gross': the last word of a cardinal ('three dozen')."""
        if state.last in (None, "and"):
            return _STOP
        size = self.vocab.number_nouns[word]
        small = state.small
        state.current = state.current - small + small * size if small else (state.current or 1.0) * size
        state.small = 0.0
        state.last, state.tens_at = "noun", -1
        return _LAST

    def _cardinal_and(self, state: _CardinalState, at: int) -> int:
        """'one hundred and five', 'two thousand and ten'; not 'two and a half' (a mixed fraction)."""
        vocab, words = self.vocab, self.words
        following = words[at + 1]
        if state.and_used or state.last in (None, "and") or not self.tokens.same_line(at - 1, at + 1):
            return _STOP
        joinable = state.current >= 100 or state.total > 0 or \
            (state.last == "tens" and vocab.numbers.get(following, 99) < 10)
        next_is_number = (following in vocab.numbers and vocab.numbers[following] > 0) or \
            (following.isdecimal() and int(following) > 0 and state.last in ("hundred", "big"))
        multiplier_after = vocab.multipliers.get(words[at + 2], 0)
        if (multiplier_after == 100 and state.has_hundred) or (multiplier_after > 100 and multiplier_after in state.used):
            return _STOP
        if not joinable or not next_is_number or self.simple_fraction(at + 1) is not None:
            return _STOP
        state.and_used, state.last = True, "and"
        return _JOINED

    def _cardinal_digits(self, state: _CardinalState, at: int) -> int:
        """'4 thousand 3 hundred and 21': digits after a multiplier."""
        value = float(self.words[at])
        limit = 100 if (state.last == "hundred" or state.has_hundred) else 1000
        if value >= limit or value == 0 or self.tokens.glued_word_after(at):
            return _STOP
        state.current += value
        state.small = value
        state.last, state.tens_at = "digits", -1
        return _TAKEN
