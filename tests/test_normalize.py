"""The normalize stage (`checker.quantities`): its public API, the vocabulary file it reads and how it
fails, and the readings the phrase table does not show (mentions, context); and the number-recognizer
dialect of the conformance tools (plain numbers, number ranges)."""
from __future__ import annotations

from pathlib import Path

import pytest

import checker.quantities as nz
from checker.errors import DataFileError
from checker.model import Claim
from checker.quantities.expressions import find_expressions, read_expression
from checker.quantities.tokens import tokenize
from checker.quantities.vocabulary import load_vocabulary
from tests.conftest import make_claim
from tools.conformance.numbers import find_number_matches, find_number_ranges, find_numbers

PACKAGED = Path(nz.__file__).parent.parent / "data" / "quantities.yaml"


def vocabulary_with(tmp_path, old: str, new: str) -> nz.Vocabulary:
    """The packaged vocabulary with one edit, the way a domain expert would make it."""
    text = PACKAGED.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "quantities.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return load_vocabulary(path)


def spans(text, **kw):
    return [(q.text, q.low, q.high) for q in find_expressions(text, **kw)]


# -- vocabulary as data -------------------------------------------------------------------------------


def test_normalize_count_nouns_come_from_the_vocabulary_file(tmp_path):
    assert nz.find_quantities("3 infiltrations per year") == []
    vocab = vocabulary_with(tmp_path, "count_nouns: [times,", "count_nouns: [infiltrations, times,")
    [q] = nz.find_quantities("3 infiltrations per year", vocab)
    assert (q.kind, q.low, q.period) == ("frequency", 3.0, 31557600.0)


def test_normalize_vague_word_interval_comes_from_the_vocabulary_file(tmp_path):
    vocab = vocabulary_with(tmp_path, '{words: "a few", low: 2, high: 4}', '{words: "a few", low: 2, high: 5}')
    [q] = nz.find_quantities("a few days", vocab)
    assert (q.low, q.high) == (2 * 86400, 5 * 86400)


def test_normalize_minimal_vocabulary_still_reads_a_duration(tmp_path):
    path = tmp_path / "quantities.yaml"
    path.write_text("units:\n  day: {seconds: 86400, next: week, aliases: [day, days]}\n"
                    "  week: {seconds: 604800, aliases: [week, weeks]}\n", encoding="utf-8")
    vocab = load_vocabulary(path)
    assert spans("for 3 days", vocab=vocab) == [("3 days", 259200.0, 259200.0)]


@pytest.mark.parametrize("edit, message", [
    (("  night: {seconds: 86400,", "  night: {seconds: 86400, colour: blue,"), r":\d+: unknown key 'colour' in units\.night"),
    (("abbreviations_need_number: [", "abbreviations_need_number: [fortnite, "),
     r":\d+: abbreviations_need_number: 'fortnite' is not a one-word unit alias"),
    (("  daily: day", "  daily: sol"), r":\d+: period_adverbs: unit 'sol' of 'daily' is not defined"),
    (("  minus: -1", "  minus: -2"), r":\d+: sign_words\.minus: must be 1 or -1"),
    (('{words: "permanent", low: 31557600, high: null, attributive: true}',
      '{words: "permanent", low: 31557600, high: null, attributive: maybe}'), r":\d+: relative\.\d+\.attributive: Input should be a valid boolean"),
    (("  second: {seconds: 1,", "  second: {seconds: 0,"), r":\d+: units\.second\.seconds: must be positive"),
    (("  fortnight: {seconds: 1209600, next: month, aliases: [fortnight, fortnights]}",
      "  fortnight: {seconds: 1209600, next: month, aliases: [fortnight, weeks]}"),
     r":\d+: alias 'weeks' of unit 'fortnight' is already a 'week' alias"),
    (("number_ranges:\n", "number_ranges:\n  sideways: [x]\n"), r":\d+: unknown key 'sideways' in number_ranges"),
    (('{words: "a few", low: 2, high: 4}', '{words: "a few", low: 5, high: 4}'),
     r":\d+: vague_amounts\.0: high \(4\) is below low \(5\) for 'a few'"),
    (("  zero: 0", "  zero: yes"), r":\d+: numbers\.zero: must be a number, not true or false"),
    (("units:\n", "unit:\n"), r":\d+: the file: missing 'units'"),
])
def test_normalize_bad_vocabulary_names_file_and_line(tmp_path, edit, message):
    with pytest.raises(DataFileError, match=r"quantities\.yaml" + message):
        vocabulary_with(tmp_path, *edit)


def test_normalize_vocabulary_error_points_at_the_right_line(tmp_path):
    text = PACKAGED.read_text(encoding="utf-8")
    line = next(n for n, l in enumerate(text.splitlines(), 1) if l.startswith("  minus: -1"))
    with pytest.raises(DataFileError, match=rf"quantities\.yaml:{line}: sign_words"):
        vocabulary_with(tmp_path, "  minus: -1", "  minus: -2")


# -- public API ------------------------------------------------------------------------------------------


def test_normalize_tokenize_gives_lower_case_and_offsets():
    toks = tokenize("Relief: 3-6 Months")
    assert [(t.low, t.start, t.end) for t in toks][-3:] == [("-", 9, 10), ("6", 10, 11), ("months", 12, 18)]
    assert toks[0].text == "Relief"


def test_normalize_reads_one_expression_and_bare_plural_at_its_start():
    assert nz.normalize("months").low == 2629800
    assert nz.normalize("no quantity here") is None
    assert nz.normalize("several weeks or months").high == 31557600


def test_normalize_over_is_a_bound_when_read_alone_and_after_lasting():
    assert spans("lasting over 3 months") == [("over 3 months", 7889400.0, None)]
    assert spans("it heals over 6 weeks") == [("6 weeks", 3628800.0, 3628800.0)]
    assert nz.normalize("over 3 months").high is None


def test_normalize_claims_takes_the_interval_of_the_value_text():
    claim = make_claim(value_text="about 30 minutes", low=None, high=None)
    [out] = nz.normalize_claims([claim])
    assert isinstance(out, Claim)
    assert (out.low, out.high, out.approx) == (1530.0, 2070.0, True)
    [same] = nz.normalize_claims([make_claim(value_text="no number")])
    assert same.low == 259200.0  # unreadable value text: the claim is left as it was


def test_normalize_rate_mentions_only_when_asked():
    text = "Only a small percentage of patients need surgery."
    assert find_expressions(text) == []
    [q] = find_expressions(text, kinds={"rate_mention"})
    assert (q.text, q.low, q.high, q.kind) == ("percentage", None, None, "rate_mention")


def test_normalize_kinds_filter_keeps_only_those_kinds():
    text = "Relief lasts 3 months in 70% of patients."
    assert [q.kind for q in find_expressions(text)] == ["duration", "rate"]
    assert [q.text for q in find_expressions(text, kinds={"rate"})] == ["70%"]


def test_normalize_ignores_numbers_inside_web_addresses():
    assert nz.find_quantities("See https://example.org/pain?relief=80%25&weeks=6 weeks") == []
    assert spans("See www.example.org for 6 weeks") == [("6 weeks", 3628800.0, 3628800.0)]


def test_normalize_dates_and_codes_are_not_numbers_even_before_a_unit():
    """Three or more numbers glued by slashes or dashes are a date, a phone number or a code."""
    assert find_expressions("Seen 05/08/2023 night shift") == []
    assert find_expressions("read as 90/50/7.5/5 % of cases") == []
    assert [q.text for q in find_expressions("call 1-800-555-0100 within 3-6 days")] == ["within 3-6 days"]


def test_normalize_does_not_join_number_words_across_lines():
    assert [q.text for q in nz.find_quantities("Step three\ntwenty minutes later")] == ["twenty minutes"]


# -- plain numbers and number ranges ----------------------------------------------------------------------


def test_normalize_find_numbers_keeps_its_three_tuple_shape():
    assert find_numbers("wait 3 to twenty-four hours, a few times") == [(5, 6, 3.0), (10, 21, 24.0)]


@pytest.mark.parametrize("text, value", [
    ("one hundred and six", 106), ("twenty-one trillion three hundred", 21_000_000_000_300), ("a dozen", 12),
    ("two thirds", 2 / 3), ("one and a half", 1.5), ("-4/5", -0.8), ("2  1/4", 2.25), ("10k", 10_000),
    ("1,234,567", 1_234_567), ("1 234 567", 1_234_567), ("1.3e6", 1_300_000), ("minus five point five", -5.5),
    ("three lakh crore", 3e12), ("one over three", 1 / 3), ("forty-five (45)", 45), ("half a dozen", 6),
])
def test_normalize_numbers_mode_reads_written_numbers(text, value):
    [m] = find_number_matches(text)
    assert m.value == pytest.approx(value) and (m.start, m.end) == (0, len(text))


def test_normalize_numbers_mode_skips_an_exponent_no_float_holds():
    assert [m.value for m in find_number_matches("1e400 and 2e3")] == [2000.0]
    assert find_number_ranges("between 1e999 and 2") == []


def test_normalize_numbers_mode_reads_vague_amounts_as_intervals_and_skips_measurements():
    [few] = find_number_matches("a few")
    assert (few.value, few.low, few.high, few.vague) == (None, 2, 4, True)
    assert find_number_matches("the 180ml liquid and the 4th floor") == []
    assert find_number_matches("the one you mentioned") == []


def test_normalize_number_ranges_keep_their_open_side_and_inclusivity():
    def read(text):
        return [(text[r.start:r.end], r.low, r.high, r.low_inclusive, r.high_inclusive)
                for r in find_number_ranges(text)]
    assert read("between 20 and 30") == [("between 20 and 30", 20, 30, True, True)]
    assert read("x is larger than 10 and at most 20") == [("larger than 10 and at most 20", 10, 20, False, True)]
    assert read("more than 40 and less than 10") == [("more than 40", 40, None, False, None),
                                                     ("less than 10", None, 10, None, False)]
    assert read("200 or greater than 190") == [("greater than 190", 190, None, False, None)]
    assert read("call +1-222-2222-2222") == []
