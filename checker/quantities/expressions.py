"""The health-quantity grammar: durations, rates, frequencies, counts and relative phrases, with their
comparators ('up to', 'at least'), approximators ('about') and suffixes ('or longer', 'or so').

``find_expressions(text)`` scans a text: it is split into tokens once, and at each token that can
start an expression (a digit, or a word listed in `Vocabulary.starters`) the readers try the grammar,
longest reading first, and move past what they read. ``read_expression(value_text)`` reads one
expression on its own. Time is in seconds, rates are fractions (0.7 for 70 %), frequencies are counts
with a period in seconds, counts are counts; ``None`` is an open bound. The health forms (ages, shares
of a population, counts of people) are added by `checker.quantities.health`; `checker.quantities`
combines both.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Optional

from ..model import Quantity
from .durations import Amount, AmountReader, DurationReader, Reading
from .numbers import Number, NumberReader
from .tokens import COMPARISON_SYMBOLS, HYPHENS, TokenStream
from .vocabulary import Vocabulary, default_vocabulary

APPROX_FRACTION = 0.15  # "about X" reads as X ± 15 % (DESIGN.md)

# Kinds that find_expressions returns only when asked for them: a percent word with no number ("a
# small percentage") names a rate but carries no value, so it can never be a claim.
MENTION_KINDS = frozenset({"rate_mention"})
_NOT_BOUNDABLE = ("relative", "rate_mention")  # kinds a comparator or approximator cannot apply to


def approximate(reading: Reading) -> Reading:
    """'about 3 months': a single value widens by APPROX_FRACTION on each side (a share near 100 %
    by at most twice its distance to 100 %)."""
    if reading.low is not None and reading.high is not None and reading.low == reading.high:
        margin = reading.low * APPROX_FRACTION
        if reading.unit == "ratio":
            # near 100 % the writer's uncertainty is bounded by what is left: "about 99 percent" means
            # 97 to 100, not 84 to 100
            margin = min(margin, max(2 * (1.0 - reading.low), 0.01))
        low, high = reading.low - margin, reading.high + margin
        if reading.unit == "ratio":
            high = min(high, 1.0)
        return replace(reading, low=low, high=high, approx=True, rule=reading.rule + ":approx")
    return replace(reading, approx=True, rule=reading.rule + ":approx")


class _OverDurations:
    """A reader that needs units and durations (a rate is not '3 out of 6 months')."""

    def __init__(self, durations: DurationReader):
        self.durations = durations
        self.amounts = durations.amounts
        self.numbers = durations.numbers
        self.tokens = durations.tokens
        self.vocab = durations.vocab
        self.words = durations.words


class RateReader(_OverDurations):
    """Rates: '70%', '70-80%', 'between 50% and 70%', '7 out of 10', 'two thirds of', 'more than half'."""

    def rate(self, at: int, bounded: bool = False) -> Optional[Reading]:
        return self._percent_range(at) or self._percent_of(at) or self._amount_rate(at, bounded)

    def _percent(self, at: int) -> Optional[tuple[int, float]]:
        """'70%', '70 percent': (end, 70.0)."""
        number = self.numbers.number(at)
        if number is None:
            return None
        size = self.vocab.percent_words.length(self.words, number.end)
        return (number.end + size, number.value) if size else None

    def _percent_range(self, at: int) -> Optional[Reading]:
        """'between 50% and 70%', 'from 70% to 90%'."""
        if self.words[at] not in self.vocab.range_openers:
            return None
        first = self._percent(at + 1)
        if not first or not (self.words[first[0]] in ("and", "to") or self.words[first[0]] in HYPHENS):
            return None
        second = self._percent(first[0] + 1)
        if second and second[1] >= first[1]:
            return Reading(second[0], first[1] / 100.0, second[1] / 100.0, "ratio", "rate", "rate_range")
        return None

    def _percent_of(self, at: int) -> Optional[Reading]:
        """'percent of 10', 'per cent of twenty-two' (the number after the word)."""
        size = self.vocab.percent_words.length(self.words, at)
        if not size or self.words[at + size] != "of":
            return None
        number = self.numbers.number(at + size + 1)
        if number and not self.tokens.is_letter(number.end) and self.words[number.end] not in HYPHENS:
            return Reading(number.end, number.value / 100.0, number.value / 100.0, "ratio", "rate", "rate")
        return None

    def _amount_rate(self, at: int, bounded: bool) -> Optional[Reading]:
        amount = self.amounts.amount(at, allow_vague=False)
        if amount is None:
            return None
        if self.vocab.percent_words.length(self.words, amount.end):
            return self._percent_amount(amount)
        return self._rate_fraction(at, amount) or self._fraction_share(amount, bounded)

    def _percent_amount(self, amount: Amount) -> Optional[Reading]:
        """'70%', '70-80%', '70% to 80%'."""
        vocab, words = self.vocab, self.words
        end = amount.end + vocab.percent_words.length(words, amount.end)
        low, high = amount.low, amount.high
        joiner = self.amounts.joiner(end)
        if joiner and low == high and words[end] != "or":
            second = self.numbers.number(end + joiner)
            if second and second.value > low:
                size = vocab.percent_words.length(words, second.end)
                if size:
                    high, end = second.value, second.end + size
        if low > high:
            return None
        return Reading(end, low / 100.0, high / 100.0, "ratio", "rate", "rate_range" if low != high else "rate")

    def _rate_fraction(self, at: int, amount: Amount) -> Optional[Reading]:
        """'7 out of 10', '1 in 3', '3 of every 10'; not 'rated their pain 7 out of 10', not '1 in 2019'."""
        vocab, words = self.vocab, self.words
        if not (amount.whole and 0 <= amount.low <= amount.high):
            return None  # "2 to 3 in 10" is a range of shares
        size = vocab.rate_joiners.length(words, amount.end)
        if not size:
            return None
        of = self.numbers.number(amount.end + size, glued_ok=words[amount.end + size - 1] in HYPHENS)
        if of is None:
            return None
        if words[of.end] not in vocab.population_nouns and \
                any(words[back] in vocab.score_words for back in range(max(0, at - 8), at)):
            return None  # "rated their pain 7 out of 10": a score
        if of.value > amount.low > 0 and of.value >= amount.high and of.whole and not self.durations.unit(of.end, True) \
                and not (self._looks_like_year(amount.end + size, of) and not self._approximated(at)):
            return Reading(of.end, amount.low / of.value, amount.high / of.value, "ratio", "rate", "rate_fraction")
        return None

    def _approximated(self, at: int) -> bool:
        """'about 1 in 2000': a year is never 'about'."""
        return at > 0 and bool(self.vocab.approximators.length(self.words, at - 1))

    def _looks_like_year(self, at: int, number: Number) -> bool:
        """'1 in 2019' is a date; '1 in 2,000' (a thousands comma) and '1 in 2000 people' are shares."""
        if not 1900 <= number.value <= 2100 or self.words[number.end] in self.vocab.population_nouns:
            return False
        return "," not in "".join(self.words[at:number.end])

    def _fraction_share(self, amount: Amount, bounded: bool) -> Optional[Reading]:
        """'two thirds of', '1/4 of', 'half of'; with a comparator the 'of' may go: 'more than half'."""
        if not (amount.fraction and amount.low == amount.high and 0 < amount.low <= 1):
            return None
        end = amount.end
        if self.words[end] == "of" and not self._unit_after_of(end):
            return Reading(end + 1, amount.low, amount.low, "ratio", "rate", "rate_words")
        if bounded and not self.durations.unit(end, True) and not self._unit_after_of(end):
            return Reading(end, amount.low, amount.low, "ratio", "rate", "rate_words")
        return None

    def _unit_after_of(self, at: int) -> bool:
        """'three quarters of an hour' is a duration, not a rate."""
        if self.words[at] != "of":
            return False
        after = at + 1
        if self.words[after] in ("a", "an", "the"):
            after += 1
        return self.durations.unit(after, True) is not None

    def rate_mention(self, at: int) -> Optional[Reading]:
        """'a small percentage', 'the % of increase': a rate named without a value."""
        size = self.vocab.percent_words.length(self.words, at)
        if not size or (at > 0 and self.numbers.number(at - 1) is not None):
            return None
        return Reading(at + size, None, None, "ratio", "rate_mention", "rate_mention", vague=True)


class FrequencyReader(_OverDurations):
    """Frequencies and bounded counts: '3 times a year', 'twice a week', 'no more than 3 injections in
    6 months', 'once yearly', 'every 3 months'; with a comparator and no period, 'at most 4 injections'."""

    def frequency(self, at: int, bounded: bool = False) -> Optional[Reading]:
        word = self.words[at]
        low: float
        high: Optional[float]
        if word in self.vocab.times_words:
            low = high = self.vocab.times_words[word]
            end, counted = at + 1, True
        else:
            count = self._count(at)
            if count is None:
                return None
            low, high, end, counted = count
        period = self._period(end)
        if period is not None:
            return Reading(period[0], low, high, "count", "frequency", "frequency", period=period[1])
        if bounded and word not in self.vocab.times_words and counted:
            return Reading(end, low, high, "count", "count", "count")
        return None

    def _count(self, at: int) -> Optional[tuple[float, Optional[float], int, bool]]:
        """A whole amount of things before a period: (low, high, end, named what it counts)."""
        vocab, words = self.vocab, self.words
        amount = self.amounts.amount(at, allow_vague=True)
        if not amount or not amount.whole:
            return None
        low: float = amount.low
        high: Optional[float] = amount.high
        end = amount.end
        if low == high and not amount.vague:
            low, high, end = self._open_count(low, end)
        size = vocab.count_nouns.length(words, end)
        if size:
            end += size
        elif words[end] not in vocab.per_alone and not (words[end] in vocab.period_prepositions
                                                        and self._named_period(end)):
            return None  # "3 per year", "3 in a 6-month window"; not "3 in 6 patients"
        return low, high, end, bool(size)

    def _open_count(self, value: float, end: int) -> tuple[float, Optional[float], int]:
        """'3 or more injections', '2 or fewer visits'."""
        vocab, words = self.vocab, self.words
        size = vocab.open_high.length(words, end)
        if size and words[end] not in ("+", "plus") and vocab.count_nouns.length(words, end + size):
            return value, None, end + size
        size = vocab.close_high.length(words, end)
        if size and vocab.count_nouns.length(words, end + size):
            return 0.0, value, end + size
        return value, value, end

    def _named_period(self, at: int) -> bool:
        """'in a 6-month period', 'in any 12-month window': a period that names itself."""
        vocab, words = self.vocab, self.words
        size = vocab.period_determiners.length(words, at + 1)
        duration = self.durations.duration(at + 1 + size, allow_bare=False) if size else None
        return duration is not None and bool(vocab.period_nouns.length(words, duration.end))

    def _period(self, at: int) -> Optional[tuple[int, float]]:
        """'a year', 'per week', 'in 6 months', 'in a 6-month period', 'yearly': (end, seconds)."""
        vocab, words = self.vocab, self.words
        if words[at] in vocab.period_adverbs:
            return at + 1, vocab.unit_seconds(vocab.period_adverbs[words[at]])
        if words[at] not in vocab.per_words and words[at] not in vocab.period_prepositions:
            return None
        found = self.durations.unit(at + 1, False)
        if found and not self.durations.is_plural_unit(at + 1):
            return found.end, vocab.unit_seconds(found.name)
        duration = self.durations.duration(at + 1, allow_bare=False)
        if duration is None and words[at] in vocab.period_prepositions:
            duration = self._period_phrase(at + 1)
        if duration and duration.low is not None and duration.low == duration.high:
            return duration.end, duration.low
        return None

    def _period_phrase(self, at: int) -> Optional[Reading]:
        """'a 6-month period', 'any 12-month window', 'a 6 month' (after 'in')."""
        vocab, words = self.vocab, self.words
        size = vocab.period_determiners.length(words, at)
        duration = self.durations.duration(at + size, allow_bare=False) if size else None
        if duration is None:
            return None
        noun = vocab.period_nouns.length(words, duration.end)
        return replace(duration, end=duration.end + noun) if noun or words[at + size].isdecimal() else None

    def every(self, at: int) -> Optional[Reading]:
        """'every 3 months', 'every few weeks', 'every other day': the time between repeats."""
        if self.words[at] != "every":
            return None
        after = at + 1
        other = self.words[after] == "other"
        if other:
            after += 1
        found = self.durations.unit(after, False)
        if found and not self.durations.is_plural_unit(after):
            seconds = self.vocab.unit_seconds(found.name) * (2 if other else 1)
            return Reading(found.end, seconds, seconds, "s", "duration", "every", unit_name=found.name)
        if other:
            return None
        duration = self.durations.duration_or_range(after)
        return replace(duration, rule="every") if duration else None


class ExpressionReader:
    """Whole expressions in one text: a comparator or approximator, a value, then suffixes."""

    def __init__(self, text: str, vocab: Vocabulary, standalone: bool = False, mentions: bool = False,
                 numbers: type[NumberReader] = NumberReader):
        self.tokens = TokenStream(text)
        self.vocab = vocab
        self.words = self.tokens.words
        self.standalone = standalone
        self.mentions = mentions
        self.numbers = numbers(self.tokens, vocab)
        self.amounts = AmountReader(self.numbers)
        self.durations = DurationReader(self.amounts, standalone)
        self.rates = RateReader(self.durations)
        self.frequencies = FrequencyReader(self.durations)

    def relative(self, at: int) -> Optional[Reading]:
        """'the same day', 'immediately', 'overnight', 'permanent'; not 'the permanent implant'."""
        vocab, words = self.vocab, self.words
        if self.tokens.previous(at) in vocab.relative_not_after:
            return None
        found = vocab.relative.match(words, at)
        if not found:
            return None
        size, relative = found
        if vocab.relative_not_before.length(words, at + size):
            return None
        if relative.attributive and self.tokens.previous(at) in vocab.determiners:
            return None  # "the permanent implant", "the immediate effect"
        return Reading(at + size, relative.low, relative.high, "s", "relative", "relative", vague=True)

    def core(self, at: int, bounded: bool = False) -> Optional[Reading]:
        word = self.words[at]
        if self.tokens.starts_number(at) or word in self.vocab.value_starters:
            found = (self.frequencies.frequency(at, bounded) or self.frequencies.every(at)
                     or self.rates.rate(at, bounded) or self.durations.duration_or_range(at))
            if found:
                return found
        return self.relative(at) or (self.rates.rate_mention(at) if self.mentions else None)

    def expression(self, at: int) -> Optional[tuple[int, Reading]]:
        """Comparator or approximator, then a core expression, then suffixes: (start token, reading)."""
        for phrases, side in ((self.vocab.upper, "upper"), (self.vocab.lower, "lower")):
            size = phrases.length(self.words, at)
            compared = self._compared(at, size, side) if size else None
            if compared is not None:
                return compared
        size = self.vocab.approximators.length(self.words, at)
        if size and not self.amounts.vague_amount(at):
            reading = self.core(at + size, bounded=True)
            if reading and reading.kind not in _NOT_BOUNDABLE:
                return at, self.suffixes(approximate(reading))
        reading = self.core(at)
        return (at, self.suffixes(reading)) if reading else None

    def _compared(self, at: int, size: int, side: str) -> Optional[tuple[int, Reading]]:
        """'up to 3 months', 'at least about 2 weeks', '> 50%'; 'heals over 6 weeks' is a period."""
        words, tokens = self.words, self.tokens
        if words[at] in COMPARISON_SYMBOLS and at > 0 and tokens.adjacent(at - 1, at) \
                and tokens.previous(at) in COMPARISON_SYMBOLS:
            return None
        after = at + size
        approx = self.vocab.approximators.length(words, after) if not self.amounts.vague_amount(after) else 0
        reading = self.core(after + approx, bounded=True)
        if not reading or reading.kind in _NOT_BOUNDABLE:
            return None
        if side == "lower" and self._over_is_a_period(at, size, reading):
            return after, self.suffixes(approximate(reading) if approx else reading)
        bound = self._bounded(reading, side, bool(approx))
        return (at, self.suffixes(bound)) if bound is not None else None

    def _over_is_a_period(self, at: int, size: int, reading: Reading) -> bool:
        """'heals over 6 weeks': the period, not a bound; 'lasting over 3 months' is a bound."""
        previous = self.tokens.previous(at)
        return self.words[at] == "over" and size == 1 and reading.unit == "s" \
            and not (previous in self.vocab.over_after or (self.standalone and at == 0))

    @staticmethod
    def _bounded(reading: Reading, side: str, approx: bool) -> Optional[Reading]:
        """'up to X' reads 0..X; 'at least X' reads X..open (X..100 % for a rate)."""
        if side == "upper" and reading.high is not None:
            return replace(reading, low=0.0, rule="upper:" + reading.rule, approx=reading.approx or approx)
        if side == "lower" and reading.low is not None:
            return replace(reading, high=1.0 if reading.unit == "ratio" else None, rule="lower:" + reading.rule,
                           approx=reading.approx or approx)
        return None

    def _comparison_follows(self, at: int) -> bool:
        """'or more than 4 days': the words after a value start another comparison, not a suffix."""
        return self.words[at] in ("than", "that") or self.tokens.is_digit(at) or self.words[at] in self.vocab.numbers

    def suffixes(self, reading: Reading) -> Reading:
        """'or longer', 'or more', '+' (open above); 'or less' (down to zero); 'or so' (approximate)."""
        vocab, words, end = self.vocab, self.words, reading.end
        if reading.kind == "rate_mention":
            return reading
        size = vocab.open_high.length(words, end)
        if size and (words[end] != "+" or self.tokens.adjacent(end - 1, end)) \
                and not self._comparison_follows(end + size):
            high = 1.0 if reading.unit == "ratio" else None
            return replace(reading, end=end + size, high=high, rule=reading.rule + ":open")
        size = vocab.close_high.length(words, end)
        if size and not self._comparison_follows(end + size):
            return replace(reading, end=end + size, low=0.0, rule=reading.rule + ":or_less")
        size = vocab.approx_suffix.length(words, end)
        if size:
            return replace(approximate(reading), end=end + size)
        return reading

    def scan(self) -> list[Quantity]:
        """Every expression, left to right, non-overlapping."""
        found: list[Quantity] = []
        tokens, starters = self.tokens, self.vocab.starters
        at = 0
        while at < tokens.count:
            if at in tokens.web_address_tokens or not (tokens.starts_number(at) or self.words[at] in starters):
                at += 1
                continue
            expression = self.expression(at)
            if expression is None:
                at += 1
                continue
            start_token, reading = expression
            found.append(self._quantity(start_token, reading))
            at = reading.end
        return found

    def _quantity(self, start_token: int, reading: Reading) -> Quantity:
        tokens = self.tokens
        start, end = tokens.starts[start_token], tokens.ends[reading.end - 1]
        return Quantity(start=start, end=end, text=tokens.text[start:end], low=reading.low, high=reading.high,
                        unit=reading.unit, kind=reading.kind, vague=reading.vague, approx=reading.approx,
                        rule=reading.rule, period=reading.period)


def find_expressions(text: str, vocab: Optional[Vocabulary] = None,
                     kinds: Optional[Iterable[str]] = None) -> list[Quantity]:
    """Every quantity expression in ``text``, left to right, non-overlapping.

    ``kinds`` keeps only those kinds (duration, rate, frequency, count, relative); mentions such as a
    percent word without a number ('a small percentage', kind ``rate_mention``) are returned only
    when asked for by kind, since they carry no value.
    """
    wanted = set(kinds) if kinds is not None else None
    mentions = bool(wanted and wanted & MENTION_KINDS)
    found = ExpressionReader(text, vocab or default_vocabulary(), mentions=mentions).scan()
    if wanted is not None:
        found = [q for q in found if q.kind in wanted]
    return found


def read_expression(value_text: str, vocab: Optional[Vocabulary] = None) -> Optional[Quantity]:
    """Read one expression as written ('several weeks or months'); None when it is not a quantity.

    The text is read on its own, so a bare plural at its start counts ("months"), and the widest
    expression found wins.
    """
    found = ExpressionReader(value_text, vocab or default_vocabulary(), standalone=True).scan()
    if not found:
        return None
    return max(found, key=lambda q: (q.end - q.start, -q.start))
