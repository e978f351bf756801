"""checker.quantities.health: ages, shares of a population, counts of people, measurements.

Pure Python: `find_quantities` over short texts, and `normalize` for one expression. Ages are times
since birth in seconds; shares are fractions; counts and measurements keep their number.
"""
from __future__ import annotations

import pytest

from checker.errors import DataFileError
from checker.knowledge.yamlio import DATA_DIR
from checker.quantities import find_quantities, normalize
from checker.quantities.health import load_health_vocabulary, number_value

YEAR = 365.25 * 86400


def only(text: str):
    """The one quantity found in ``text``."""
    found = find_quantities(text)
    assert len(found) == 1, [(q.text, q.kind) for q in found]
    return found[0]


def years(value):
    return None if value is None else round(value / YEAR, 3)


def age_of(text: str) -> tuple:
    q = only(text)
    assert q.kind == "age" and q.unit == "s", (q.kind, q.unit)
    return years(q.low), years(q.high)


# ---------------------------------------------------------------------------------------------- ages


@pytest.mark.parametrize("text, value, low, high", [
    ("Symptoms first show at age 7.", "at age 7", 7, 7),
    ("Children are usually diagnosed by age 4.", "by age 4", 0, 4),
    ("The risk climbs after age 60.", "after age 60", 60, None),
    ("It is rare under age 18.", "under age 18", 0, 18),
    ("It usually starts between the ages of 25 and 45.", "between the ages of 25 and 45", 25, 45),
    ("Women aged 50 to 74 are invited.", "aged 50 to 74", 50, 74),
    ("Cases peak from age 70.", "from age 70", 70, None),
])
def test_health_ages_after_age_words_are_bounded_by_their_preposition(text, value, low, high):
    q = only(text)
    assert q.text == value and q.kind == "age"
    assert (years(q.low), years(q.high)) == (low, high)


def test_health_around_an_age_is_an_interval_about_it():
    low, high = age_of("Onset is around age 40.")
    assert low < 40 < high
    assert (low, high) == pytest.approx((34, 46))


@pytest.mark.parametrize("text, low, high", [
    # decades are ten years; early, mid and late take a part of one
    ("Symptoms begin when people are in their thirties.", 30, 40),
    ("It is found in their early sixties.", 60, 64),
    ("Most are diagnosed in their late 40s.", 46, 50),
    ("Signs appear in their mid-twenties.", 23, 27),
    ("It often starts in their teens.", 13, 20),
    ("Onset is usually in the fourth decade of life.", 30, 40),
    # life stages, as data/health_quantities.yaml reads them
    ("Signs appear in infancy.", 0, 1),
    ("It is usually noticed in early childhood.", 1, 5),
    ("Symptoms often begin in adolescence.", 12, 18),
    ("It tends to start in middle age.", 40, 65),
    ("The condition is present at birth.", 0, 0),
    ("It can also start in adulthood.", 18, None),
    ("Feeding problems start in the first 6 months of life.", 0, 0.5),
    ("It shows in the first 2 years of life.", 0, 2),
])
def test_health_decades_and_life_stages_are_ages(text, low, high):
    assert age_of(text) == (low, high)


def test_health_decade_ages_are_vague_and_an_exact_age_is_not():
    assert only("in their fifties").vague
    assert not only("at age 52").vague


def test_health_two_decades_joined_are_one_age_spanning_both():
    """'in their 30s or 40s' is one age from 30 to 50, not two ages that contradict each other."""
    q = only("It tends to begin in their 30s or 40s.")
    assert q.text == "in their 30s or 40s"
    assert (years(q.low), years(q.high)) == (30, 50)


def test_health_two_life_stages_joined_span_both():
    q = only("It appears in infancy or early childhood.")
    assert (years(q.low), years(q.high)) == (0, 5)
    assert q.rule == "age_joined"


@pytest.mark.parametrize("text, value, age", [
    ("The patient was 67 years old.", "67 years old", 67),
    ("He was diagnosed at 30 years of age.", "30 years of age", 30),
    ("A 9-year-old girl had the rash.", "9-year-old", 9),
])
def test_health_years_old_turns_a_duration_into_an_age(text, value, age):
    q = only(text)
    assert (q.text, q.kind, years(q.low), years(q.high)) == (value, "age", age, age)


def test_health_ages_a_group_is_made_of_are_open_ages():
    q = only("The vaccine is offered to adults 65 years and older.")
    assert (q.kind, q.rule, years(q.low), q.high) == ("age", "age_population", 65, None)
    q = only("It is given to people aged 12 or over.")
    assert (q.kind, q.rule, years(q.low), q.high) == ("age", "age_population", 12, None)


def test_health_an_age_is_not_also_read_as_a_duration():
    """'between ages 40 and 60 years': one age, not the age and the duration '60 years'."""
    found = find_quantities("It starts between ages 40 and 60 years.")
    assert [(q.kind, q.text) for q in found] == [("age", "between ages 40 and 60 years")]


def test_health_an_age_above_any_lifetime_is_not_an_age():
    assert not [q for q in find_quantities("at age 300") if q.kind == "age"]


# ---------------------------------------------------------------------------------------------- shares


@pytest.mark.parametrize("text, value, low, high", [
    ("It affects 12 per million people.", "12 per million", 12e-6, 12e-6),
    ("The rate is 4 per 100,000 people.", "4 per 100,000", 4e-5, 4e-5),
    ("It occurs in 30 per 1,000 live births.", "30 per 1,000", 0.03, 0.03),
    ("About 3 to 6 in every 10,000 babies are affected.", "3 to 6 in every 10,000", 3e-4, 6e-4),
    ("It affects 15 people in every million.", "15 people in every million", 15e-6, 15e-6),
    ("between 2 and 4 per 1,000 adults", "between 2 and 4 per 1,000", 0.002, 0.004),
])
def test_health_shares_per_denominator_including_ranges(text, value, low, high):
    q = only(text)
    assert (q.text, q.unit, q.kind) == (value, "ratio", "rate")
    assert (q.low, q.high) == pytest.approx((low, high))


def test_health_two_numbers_per_denominator_without_between_are_not_a_range():
    assert not [q for q in find_quantities("2 and 4 per 1,000") if q.unit == "ratio"]


def test_health_per_day_is_a_frequency_not_a_share():
    q = only("Take it 3 per day.")
    assert q.unit == "count" and q.kind == "frequency"


@pytest.mark.parametrize("text, value, share", [
    ("It affects 1 in 2,000 people.", "1 in 2,000", 1 / 2000),
    ("It affects 1 in 2,000.", "1 in 2,000", 1 / 2000),
    ("It affects 1 in 2000 people.", "1 in 2000", 1 / 2000),
    ("It affects 1 in 1,900 newborns.", "1 in 1,900", 1 / 1900),
])
def test_health_one_in_two_thousand_is_a_share_not_a_year(text, value, share):
    q = only(text)
    assert (q.text, q.unit) == (value, "ratio")
    assert q.low == q.high == pytest.approx(share)


def test_health_a_year_after_in_is_not_a_share():
    assert find_quantities("The syndrome was first described in 1932.") == []
    q = only("In 2018, about 1 in 44 children were diagnosed.")
    assert q.text == "about 1 in 44" and q.unit == "ratio"


def test_health_approximate_one_in_two_thousand_at_the_end_of_a_sentence_is_a_share():
    q = only("The chance of a second affected child is about 1 in 2000.")
    assert q.unit == "ratio"
    assert q.low < 1 / 2000 < q.high


def test_health_ranges_of_one_in_shares():
    q = only("It affects 1 in 3,000 to 1 in 6,000 people.")
    assert (q.low, q.high) == pytest.approx((1 / 6000, 1 / 3000))
    q = only("It affects 1 in 20,000 to 40,000 people.")
    assert (q.low, q.high) == pytest.approx((1 / 40000, 1 / 20000))


@pytest.mark.parametrize("text, value, low, high", [
    ("Most people recover.", "Most", 0.5, 1),
    ("Almost all cases are mild.", "Almost all", 0.9, 1),
    ("The vast majority of patients respond.", "The vast majority of", 0.8, 1),
    ("A small number of children are affected.", "A small number of", 0, 0.1),
])
def test_health_shares_in_words_before_a_group(text, value, low, high):
    q = only(text)
    assert (q.text, q.unit, q.vague) == (value, "ratio", True)
    assert (q.low, q.high) == pytest.approx((low, high))


def test_health_share_word_without_a_group_is_no_share():
    assert find_quantities("Most of the time it is harmless.") == []


def test_health_share_words_read_alone_by_normalize():
    q = normalize("most")
    assert (q.low, q.high, q.unit) == (0.5, 1.0, "ratio")


def test_health_about_a_share_near_the_whole_is_bounded_by_the_whole():
    """'about 98 percent' may be a little more or less, but never more than all."""
    q = only("It works in about 98 percent of cases.")
    assert q.low < 0.98 and q.high == 1.0


# ---------------------------------------------------------------------------------------------- counts


@pytest.mark.parametrize("text, value, kind, low, high", [
    # counts of people
    ("Fewer than 500 people have it.", "Fewer than 500 people", "count", 0, 500),
    ("More than 2 million Americans live with it.", "More than 2 million Americans", "count", 2e6, None),
    ("Only 40 families are known.", "40 families", "count", 40, 40),
    ("There are 4 families reported.", "4 families", "count", 4, 4),
    ("about 300 cases", "about 300 cases", "count", 255, 345),
    # measurements keep the number in the unit written
    ("Fasting glucose below 100 mg/dL is normal.", "below 100 mg/dL", "measure", 0, 100),
    ("A reading of 140/90 mmHg or higher is high.", "140/90 mmHg or higher", "measure", 140, None),
    ("A waist of more than 35 inches raises the risk.", "more than 35 inches", "measure", 35, None),
    ("Adults need about 1,000 mg of calcium.", "about 1,000 mg", "measure", 850, 1150),
    ("A BMI of 30 or more is obesity.", "30 or more", "measure", 30, None),  # a measurement word, no unit
])
def test_health_counts_and_measurements(text, value, kind, low, high):
    q = only(text)
    assert (q.text, q.kind, q.unit) == (value, kind, "count")
    assert q.low == pytest.approx(low)
    assert q.high == (None if high is None else pytest.approx(high))


def test_health_a_handful_of_people_is_no_count_but_a_handful_of_cases_is():
    assert find_quantities("8 people attended.") == []
    assert only("8 cases were reported.").low == 8


def test_health_one_in_n_people_is_a_share_not_a_count():
    q = only("It affects 1 in 250 people.")
    assert q.unit == "ratio" and q.text == "1 in 250"


def test_health_counts_of_things_taken_or_done():
    q = only("Most need two or more medicines.")
    assert (q.unit, q.kind, q.rule, q.low, q.high) == ("count", "count", "count_things", 2, None)
    q = only("It takes a few sessions.")
    assert (q.low, q.high, q.vague) == (2, 4, True)


def test_health_multipliers_are_counts_of_times():
    q = only("Men are three times more likely to have it.")
    assert (q.kind, q.low, q.high) == ("multiplier", 3, 3)
    q = only("It is two to four times higher in smokers.")
    assert (q.kind, q.low, q.high) == ("multiplier", 2, 4)
    q = only("It makes a stroke twice as likely.")
    assert (q.kind, q.low) == ("multiplier", 2)


def test_health_share_adverbs_are_vague_shares():
    q = only("It mainly affects boys.")
    assert (q.text, q.rule, q.low, q.high, q.vague) == ("mainly", "share_adverb", 0.5, 1.0, True)


# ---------------------------------------------------------------------------------------------- measurements


def test_health_a_year_after_a_measurement_word_is_not_a_measurement():
    assert find_quantities("Cholesterol levels in 2019 were lower.") == []


# ---------------------------------------------------------------------------------------------- descriptors


@pytest.mark.parametrize("text", ["The 10-year survival is good.", "A 6-month study followed them.",
                                  "The 5-year relative survival is known."])
def test_health_duration_as_an_adjective_before_a_descriptor_is_no_claim(text):
    assert not [q for q in find_quantities(text) if q.kind == "duration"]


def test_health_duration_as_an_adjective_before_other_words_stays_a_duration():
    q = only("She finished a 10-day course.")
    assert (q.kind, q.low) == ("duration", 10 * 86400)


def test_health_range_of_ranges_is_one_range():
    q = only("It lasts from 2-3 days to 8-10 days.")
    assert (q.low, q.high, q.rule) == (2 * 86400, 10 * 86400, "range_of_ranges")


# ---------------------------------------------------------------------------------------------- numbers, data file


@pytest.mark.parametrize("text, value", [("1,500", 1500), ("forty-two", 42), ("2.5 million", 2.5e6),
                                         ("nineteen", 19), ("several", None)])
def test_health_number_value(text, value):
    assert number_value(text) == value


def _bad_copy(tmp_path, old: str, new: str):
    text = (DATA_DIR / "health_quantities.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "health.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    return path, line


def test_health_vocabulary_bad_age_bound_names_its_line(tmp_path):
    path, line = _bad_copy(tmp_path, "  by: [0, n]", "  by: [0, m]")
    with pytest.raises(DataFileError, match=rf"health\.yaml:{line}: age bound 'm'"):
        load_health_vocabulary(path)


def test_health_vocabulary_unknown_section_is_rejected(tmp_path):
    path, _line = _bad_copy(tmp_path, "per_words:", "extra_words: [x]\nper_words:")
    with pytest.raises(DataFileError, match=r"health\.yaml:\d+: extra_words"):
        load_health_vocabulary(path)


def test_health_vocabulary_bad_stage_years_name_their_line(tmp_path):
    path, line = _bad_copy(tmp_path, "years: [1, 5]", "years: [one, 5]")
    with pytest.raises(DataFileError, match=rf"health\.yaml:{line}: life_stages\.early childhood\.years"):
        load_health_vocabulary(path)
