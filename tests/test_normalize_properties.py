"""Properties of the normalizer, checked with Hypothesis on arbitrary text and on text made of the
vocabulary's own words (numbers, units, joiners, comparators), where the grammar does real work."""
from __future__ import annotations

import math

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.quantities.expressions import find_expressions, read_expression
from checker.quantities.vocabulary import default_vocabulary
from tools.conformance.numbers import find_number_matches, find_number_ranges, find_numbers

VOCAB = default_vocabulary()
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = [
    "a", "an", "one", "two", "three", "twenty", "twenty-four", "hundred", "thousand", "half", "quarter", "dozen",
    "a few", "several", "a couple of", "some", "many", "hours", "hour", "days", "day", "weeks", "week", "months",
    "month", "years", "year", "minutes", "min", "h", "hrs", "sec", "s", "m", "mo", "business days", "night",
    "to", "-", "–", "or", "and", "between", "from", "up to", "less than", "more than", "at least", "at most",
    "within", "about", "approximately", "~", "over", "under", "or longer", "or more", "or less", "or so", "+",
    "%", "percent", "of", "out of", "in", "every", "other", "per", "a year", "times", "injections", "twice",
    "once", "daily", "the same day", "the next day", "overnight", "immediately", "permanent", "the", "(", ")",
    ",", ".", "/", "^", "e", "point", "minus", "negative", "k", "M", "½", "¼", "pain", "score", "patients",
    "period", "a 6-month period", "apart", "than", "later", "ago", "for", "lasting", "then", "\n",
]
number_token = st.one_of(
    st.integers(min_value=0, max_value=2000).map(str),
    st.floats(min_value=0, max_value=500, allow_nan=False).map(lambda x: f"{x:.2f}".rstrip("0").rstrip(".")),
    st.tuples(st.integers(1, 9), st.integers(2, 12)).map(lambda t: f"{t[0]}/{t[1]}"),
)
token = st.one_of(st.sampled_from(WORDS), number_token)
separator = st.sampled_from([" ", " ", " ", "", "-", ", ", "\u00a0"])
vocabulary_text = st.lists(st.tuples(token, separator), min_size=1, max_size=12).map(
    lambda parts: "".join(t + s for t, s in parts).strip())
any_text = st.one_of(st.text(max_size=80), vocabulary_text)


def _ordered(low, high) -> bool:
    return low is None or high is None or low <= high


@SETTINGS
@given(any_text)
def test_normalize_never_raises_and_keeps_low_below_high(text):
    for q in find_expressions(text, kinds={"duration", "rate", "frequency", "count", "relative", "rate_mention"}):
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start:q.end]
        assert _ordered(q.low, q.high), q
        assert q.unit in ("s", "ratio", "count")
    single = read_expression(text)
    assert single is None or _ordered(single.low, single.high)
    for m in find_number_matches(text):
        assert m.low <= m.high and 0 <= m.start < m.end <= len(text)
    for r in find_number_ranges(text):
        assert _ordered(r.low, r.high) and 0 <= r.start < r.end <= len(text)
    assert all(start < end for start, end, _value in find_numbers(text))


@SETTINGS
@given(vocabulary_text)
def test_normalize_reads_a_found_span_again_to_the_same_interval(text):
    for q in find_expressions(text):
        again = read_expression(q.text)
        assert again is not None, q
        assert (again.low, again.high, again.unit) == (q.low, q.high, q.unit), (q, again)


UNITS = ["seconds", "minutes", "hours", "days", "weeks", "months", "years"]
DASHES = ["-", "–", " to ", " - ", "—"]


@SETTINGS
@given(st.integers(0, 500), st.integers(1, 500), st.sampled_from(UNITS), st.sampled_from(DASHES),
       st.sampled_from(["", "about ", "between ", "from ", "lasting "]))
def test_normalize_range_interval_holds_both_ends(first, extra, unit, dash, lead):
    a, b = first, first + extra
    if lead == "between ":
        text = f"between {a} and {b} {unit}"
    elif lead == "from ":
        text = f"from {a} to {b} {unit}"
    else:
        text = f"{lead}{a}{dash}{b} {unit}"
    found = find_expressions(text)
    assert len(found) == 1, (text, found)
    q = found[0]
    seconds = VOCAB.units[VOCAB.unit_alias[unit]].seconds
    for end in (a, b):
        assert q.low <= end * seconds <= q.high, (text, q)
    assert math.isclose(q.low, a * seconds) and math.isclose(q.high, b * seconds)


@SETTINGS
@given(st.integers(0, 100), st.integers(1, 100), st.sampled_from(["%", " percent", "% to ", "–"]))
def test_normalize_rate_range_holds_both_ends(first, extra, style):
    a, b = first, min(first + extra, 100)
    assume(a != b)  # "99% to 100%" is a range; "100% to 100%" is not
    text = f"{a}% to {b}%" if style == "% to " else f"{a}{'-' if style != '–' else '–'}{b}{'%' if style == '–' else style}"
    found = find_expressions(text, kinds={"rate"})
    assert len(found) == 1, (text, found)
    q = found[0]
    assert q.low <= a / 100 <= q.high and q.low <= b / 100 <= q.high, (text, q)


@SETTINGS
@given(st.integers(1, 200), st.sampled_from(UNITS),
       st.sampled_from(["less than", "up to", "at least", "more than", "within", "about"]))
def test_normalize_bound_keeps_the_number_at_its_edge(n, unit, comparator):
    q = read_expression(f"{comparator} {n} {unit}")
    seconds = n * VOCAB.units[VOCAB.unit_alias[unit]].seconds
    if comparator in ("less than", "up to", "within"):
        assert q.low == 0 and math.isclose(q.high, seconds)
    elif comparator in ("at least", "more than"):
        assert math.isclose(q.low, seconds) and q.high is None
    else:
        assert q.low < seconds < q.high and q.approx
