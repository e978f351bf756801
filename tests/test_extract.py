"""checker.extract: what a number is about (subject), what it measures (attribute), who it is for
(condition), how it is stated (modality), and where it stands in the file.

Each test checks short pages of our own through the library API (`Checker.check_texts`), which runs
extraction, normalization and subject resolution as a real run does; one `Checker` (one spaCy
pipeline) serves the whole module.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import Checker, Config
from checker.extract.context import clean_title

H, D, W, M, Y = 3600.0, 86400.0, 604800.0, 30.44 * 86400.0, 365.25 * 86400.0


@pytest.fixture(scope="module")
def checker():
    return Checker(Config())


@pytest.fixture(scope="module")
def check(checker):
    def run(pages=None, **named):
        """Check pages given as {name: text}; a single text becomes ``page.md``."""
        if isinstance(pages, str):
            pages = {"page.md": pages}
        return checker.check_texts({**(pages or {}), **named})

    return run


def claim(result, value_text, source=None):
    found = [c for c in result.claims if c.value_text == value_text and (source is None or c.source == source)]
    assert len(found) == 1, (value_text, [(c.source, c.value_text) for c in result.claims])
    return found[0]


# ---------------------------------------------------------------------------------------------- subjects


def test_extract_page_topic_is_the_subject_when_the_sentence_names_nothing(check):
    result = check("# Gout\n\nDuring an attack, the joint usually stays swollen for 3 to 10 days.\n")
    c = claim(result, "3 to 10 days")
    assert (c.subject, c.subject_origin, c.attribute) == ("gout", "topic", "illness_duration")


def test_extract_name_of_the_wanted_kind_wins_over_a_topic_of_another_kind(check):
    """How long the flu lasts, on a flu vaccine page, is about the flu; how soon the vaccine works is not."""
    result = check("# Flu vaccine\n\nThe flu vaccine takes about 2 weeks to start working.\n\n"
                   "The flu itself usually lasts about a week.\n")
    vaccine, flu = claim(result, "about 2 weeks"), claim(result, "about a week")
    assert (vaccine.subject, vaccine.attribute) == ("flu vaccine", "onset_time")
    assert (flu.subject, flu.attribute) == ("flu", "illness_duration")


def test_extract_treatment_a_which_clause_hangs_on_is_the_subject_on_a_condition_page(check):
    result = check("# Urinary tract infection\n\nA simple urinary tract infection is treated with nitrofurantoin, "
                   "which is taken for 5 days.\n")
    c = claim(result, "5 days")
    assert (c.subject, c.attribute) == ("nitrofurantoin", "treatment_duration")


def test_extract_condition_after_people_with_is_the_subject(check):
    result = check("# Heart failure\n\nAbout half of people with diabetes develop nerve damage.\n")
    assert claim(result, "About half of").subject == "diabetes"


def test_extract_symptom_is_never_the_subject_on_a_condition_page(check):
    """'Facial weakness' says what the number is for; the page's condition is what it is about."""
    result = check("# Bell's palsy\n\nFacial weakness usually improves within 3 weeks.\n")
    c = claim(result, "within 3 weeks")
    assert c.subject == "bell palsy"
    assert c.condition == "facial weakness"  # the event it is for keeps it apart from other durations


def test_extract_name_that_holds_the_topic_is_the_topic_and_its_extra_words_a_variant(check):
    result = check("# Hepatitis B\n\nAcute hepatitis B usually lasts a few weeks.\n")
    c = claim(result, "a few weeks")
    assert (c.subject, c.condition) == ("hepatitis b", "acute")


def test_extract_section_heading_scopes_the_claims_under_it(check):
    result = check("# Knee surgery\n\n## Arthroscopy\n\nThe operation takes about 45 minutes.\n\n"
                   "## Knee replacement\n\nThe operation takes 1 to 2 hours.\n")
    assert claim(result, "about 45 minutes").subject == "arthroscopy"
    assert claim(result, "1 to 2 hours").subject == "knee replacement"


def test_extract_alias_in_the_sentence_resolves_through_the_lexicon(check):
    result = check("# Tennis elbow\n\nA steroid injection can relieve the pain for up to 6 weeks.\n")
    c = claim(result, "up to 6 weeks")
    assert (c.subject, c.subject_text, c.attribute) == ("cortisone injection", "steroid injection", "relief_duration")


def test_extract_name_wrapped_across_lines_is_still_one_name(check):
    result = check("# Shoulder pain\n\nRecovery from rotator\ncuff repair takes about 6 months.\n")
    c = claim(result, "about 6 months")
    assert (c.subject, c.attribute) == ("rotator cuff repair", "recovery_time")


def test_extract_the_procedure_points_back_to_a_name_followed_by_a_verb(check):
    result = check("# Foot problems\n\nBunion surgery straightens the big toe. The procedure takes about an hour.\n")
    assert claim(result, "about an hour").subject == "bunion surgery"


GCA_PAGE = "# Vasculitis\n\nGiant cell arteritis (GCA) inflames the arteries of the head.\n\n{} affects about 1 in 500 people.\n"


def test_extract_condition_that_opens_the_clause_wins_over_the_topic(check):
    result = check(GCA_PAGE.format("Giant cell arteritis"))
    c = claim(result, "about 1 in 500")
    assert (c.subject, c.subject_origin, c.attribute) == ("giant cell arteritis", "sentence", "prevalence")


def test_extract_abbreviation_defined_on_the_page_names_its_subject(check):
    assert claim(check(GCA_PAGE.format("GCA")), "about 1 in 500").subject == "giant cell arteritis"


@pytest.mark.parametrize("title, topic", [
    ("Psoriasis (Patient Version) | Skin Center", "Psoriasis"),
    ("What is Sciatica?", "Sciatica"),
    ("Understanding Glaucoma: causes and care", "Glaucoma"),
    ("Conditions - Plantar Fasciitis", "Plantar Fasciitis"),
    ("Sciatica - Mayo Clinic", "Sciatica"),
])
def test_extract_title_is_cleaned_of_site_furniture(knowledge, title, topic):
    assert clean_title(title, knowledge) == topic


def test_extract_topic_from_the_h1_of_an_html_page(check):
    page = ("<html><head><title>Colonoscopy | City Clinic</title></head><body><h1>Colonoscopy</h1>\n"
            "<p>It usually takes 30 to 45 minutes.</p></body></html>")
    c = claim(check({"scope.html": page}), "30 to 45 minutes")
    assert (c.subject, c.attribute) == ("colonoscopy", "procedure_time")


# ---------------------------------------------------------------------------------------------- attributes


def test_extract_each_clause_gets_its_own_attribute_and_hedge(check):
    result = check("# Eczema\n\nThe cream usually starts working within 2 days, and the relief can last up to 3 months.\n")
    onset, relief = claim(result, "within 2 days"), claim(result, "up to 3 months")
    assert (onset.attribute, onset.hedged, onset.typical) == ("onset_time", False, True)
    assert (relief.attribute, relief.hedged, relief.maximum) == ("relief_duration", True, True)


def test_extract_pronoun_clause_takes_the_attribute_of_the_clause_before(check):
    result = check("# Dermabrasion\n\nYou may feel some soreness on the skin, but it should fade within two days.\n")
    c = claim(result, "within two days")
    assert c.attribute == "side_effect_duration" and c.hedged


@pytest.mark.parametrize("heading, attribute", [("How long does the rash last?", "illness_duration"),
                                                ("Rash and fever", "other")])
def test_extract_answer_takes_its_attribute_from_a_question_heading_only(check, heading, attribute):
    result = check(f"# Roseola\n\n## {heading}\n\nUsually 3 to 5 days.\n")
    assert claim(result, "3 to 5 days").attribute == attribute


def test_extract_question_heading_about_how_many_gives_prevalence(check):
    result = check("# Scarlet fever\n\n## How many children get scarlet fever?\n\nAbout 1 in 20 children.\n")
    c = claim(result, "About 1 in 20")
    assert (c.attribute, c.condition) == ("prevalence", "children")


def test_extract_table_header_gives_the_attribute_and_condition_column_the_condition(check):
    page = ("# Splints\n\n| Condition | Typical recovery time | Success rate |\n|---|---|---|\n"
            "| Wrist fracture | 6 to 8 weeks | 90% |\n| Ankle sprain | 2 to 4 weeks | 85% |\n")
    result = check(page)
    wrist, share = claim(result, "6 to 8 weeks"), claim(result, "85%")
    assert (wrist.attribute, wrist.condition, wrist.context) == ("recovery_time", "wrist fracture", "table")
    assert (share.attribute, share.condition) == ("success_rate", "ankle sprain")
    assert page[wrist.start:wrist.end].startswith("| Wrist fracture")


def test_extract_age_is_an_age_at_onset(check):
    c = claim(check("# Gout\n\nGout usually starts after age 40.\n"), "after age 40")
    assert (c.attribute, c.kind, c.low, c.high) == ("age_at_onset", "age", 40 * Y, None)


def test_extract_share_of_a_population_is_prevalence(check):
    c = claim(check("# Gout\n\nAbout 4 percent of adults have gout.\n"), "About 4 percent")
    assert (c.attribute, c.condition, c.unit) == ("prevalence", "adults", "ratio")


def test_extract_share_of_the_people_who_have_it_is_never_prevalence(check):
    """'30 percent of people with gout' says how cases are spread, not how common gout is ('have' alone
    would make it a prevalence)."""
    c = claim(check("# Gout\n\nAbout 30 percent of people with gout have it in the big toe.\n"), "About 30 percent")
    assert c.attribute != "prevalence"


def test_extract_share_of_patients_who_develop_something_is_a_risk_of_it(check):
    c = claim(check("# Gout\n\nAbout 30 percent of people with gout develop kidney stones.\n"), "About 30 percent")
    assert c.attribute == "risk"
    assert c.condition == "kidney stone"  # the chance of what: compared only with chances of that


def test_extract_how_long_a_symptom_lasted_before_seeing_a_doctor_is_an_indication(check):
    result = check("# Gout\n\nSee a doctor if joint pain has lasted more than 2 weeks.\n\n"
                   "A gout attack usually lasts 3 to 5 days.\n")
    assert claim(result, "more than 2 weeks").attribute == "indication_duration"
    assert claim(result, "3 to 5 days").attribute == "illness_duration"


@pytest.mark.parametrize("sentence, value", [
    ("A fasting glucose level below 100 mg/dL is normal.", "below 100 mg/dL"),  # a measurement
    ("The vaccine is given as 3 doses.", "3 doses"),  # a count of things taken
])
def test_extract_measurements_and_counts_of_doses_are_never_compared(check, sentence, value):
    result = check(f"# Hepatitis B\n\n{sentence}\n")
    c = claim(result, value)
    assert c.attribute == "other"
    assert [reason for u, reason in result.uncompared if u.id == c.id] == ["attribute other"]


def test_extract_count_of_people_can_only_be_prevalence(check):
    c = claim(check("# Sickle cell disease\n\nWorldwide, about 300,000 babies are born with it each year.\n"),
              "about 300,000 babies")
    assert (c.attribute, c.unit, c.condition) == ("prevalence", "count", "worldwide")


def test_extract_anesthetic_phase_qualifier_and_a_phase_that_has_ended(check):
    result = check("# Dental filling\n\nThe local anesthetic wears off in 2 to 3 hours. "
                   "After the anesthetic wears off, the tooth may be sensitive for 2 days.\n")
    assert claim(result, "2 to 3 hours").qualifier == "anesthetic phase"
    assert claim(result, "2 days").qualifier is None


def test_extract_activity_restriction_is_qualified_by_the_activity(check):
    result = check("# Tonsillectomy\n\nAvoid swimming for 2 weeks.\n\nDo not drive for 24 hours.\n")
    swim, drive = claim(result, "2 weeks"), claim(result, "24 hours")
    assert (swim.attribute, swim.qualifier) == ("activity_restriction", "bathing")
    assert (drive.attribute, drive.qualifier) == ("activity_restriction", "driving")


# ---------------------------------------------------------------------------------------------- conditions


@pytest.mark.parametrize("sentence, value, condition", [
    ("Psoriasis affects about 3 percent of women.", "about 3 percent", "women"),
    ("In the United States, about 1 in 50 adults have psoriasis.", "about 1 in 50", "adults, united states"),
    ("Worldwide, psoriasis affects about 2 percent of people.", "about 2 percent", "worldwide"),
    ("Type 1 diabetes usually appears in childhood.", "in childhood", "type 1"),
    ("Stage II sickle cell crisis lasts 5 to 7 days.", "5 to 7 days", "stage 2"),
    ("If left untreated, the infection can last about 3 weeks.", "about 3 weeks", "untreated"),
])
def test_extract_population_place_variant_or_hypothetical_is_the_condition(check, sentence, value, condition):
    c = claim(check(f"# Psoriasis\n\n{sentence}\n"), value)
    assert c.condition == condition


def test_extract_numbers_for_different_populations_are_not_compared(check):
    result = check({"a.md": "# Psoriasis\n\nPsoriasis affects about 3 percent of women.\n",
                    "b.md": "# Psoriasis\n\nPsoriasis affects about 9 percent of men.\n"})
    assert (claim(result, "about 3 percent").condition, claim(result, "about 9 percent").condition) == ("women", "men")
    assert result.conflicts == ()


def test_extract_age_that_says_who_is_counted_is_not_a_claim(check):
    result = check("# Shingles\n\nAmong people over 60, about 1 in 3 will get shingles.\n")
    assert [c.value_text for c in result.claims] == ["about 1 in 3"]


# ---------------------------------------------------------------------------------------------- modality


def test_extract_typical_subset_maximum_and_personal_statements(check):
    result = check("# Carpal tunnel release\n\nThe operation usually takes about 20 minutes.\n\n"
                   "Some patients need up to 6 weeks to recover.\n\n"
                   "In one study, 90% of patients were satisfied.\n\n"
                   "It took me about 8 weeks to recover.\n")
    typical, some, study, mine = (claim(result, v) for v in ("about 20 minutes", "up to 6 weeks", "90%",
                                                             "about 8 weeks"))
    assert (typical.typical, typical.hedged, typical.subset, typical.maximum) == (True, False, False, False)
    assert (some.subset, some.maximum, some.hedge) == (True, True, "up to")
    assert (study.subset, study.attribute) == (True, "success_rate")
    assert mine.personal and not typical.personal
    assert [(u.value_text, reason) for u, reason in result.uncompared] == [("about 8 weeks", "personal account")]


def test_extract_negated_upper_bound_reads_as_at_most(check):
    c = claim(check("# Carpal tunnel release\n\nNumbness does not usually last more than a week.\n"), "more than a week")
    assert (c.low, c.high, c.negated) == (0.0, W, False)


def test_extract_a_negation_written_without_its_apostrophe_still_negates(check):
    c = claim(check("# Carpal tunnel release\n\nNumbness doesnt usually last more than a week.\n"), "more than a week")
    assert (c.low, c.high) == (0.0, W)


def test_extract_no_sooner_than_is_a_minimum(check):
    c = claim(check("# Botox\n\nBotox injections should be repeated no sooner than 3 months apart.\n"),
              "no sooner than 3 months")
    assert c.attribute == "repeat_interval"
    assert c.low == pytest.approx(3 * M, rel=0.01) and c.high is None


def test_extract_not_permanent_is_never_compared(check):
    result = check({"a.md": "# Hip replacement\n\nThe pain relief from a hip replacement is not permanent.\n",
                    "b.md": "# Hip replacement\n\nPain relief from a hip replacement typically lasts 15 to 20 years.\n"})
    assert result.conflicts == ()
    assert [(u.value_text, reason) for u, reason in result.uncompared] == [("permanent", "negated value")]


def test_extract_most_common_in_a_group_is_not_a_share(check):
    result = check({"a.md": "# Shingles\n\nShingles is most common in people over 60.\n",
                    "b.md": "# Shingles\n\nAbout 1 in 3 people get shingles.\n"})
    assert [c.value_text for c in result.claims if c.unit == "ratio"] == ["About 1 in 3"]
    assert result.conflicts == ()


# ---------------------------------------------------------------------------------------------- claims and positions


def test_extract_claim_carries_quote_offsets_line_and_value(check):
    text = "# Bunion surgery\n\nMost people feel fine. The operation itself takes about 50 minutes.\n"
    c = claim(check({"bunion.md": text}), "about 50 minutes")
    assert text[c.start:c.end] == c.quote == "The operation itself takes about 50 minutes."
    assert text[c.value_start:c.value_end] == "about 50 minutes"
    assert (c.line, c.column) == (3, text.split("\n")[2].index("The") + 1)
    assert (c.source, c.attribute, c.subject) == ("bunion.md", "procedure_time", "bunion surgery")


def test_extract_claim_ids_are_stable_when_other_text_moves(check):
    base = "# Gout\n\nA gout attack usually lasts 3 to 5 days.\n"
    moved = "# Gout\n\nA new paragraph about diet was added here.\n\nA gout attack usually lasts 3 to 5 days.\n"
    a, b = claim(check(base), "3 to 5 days"), claim(check(moved), "3 to 5 days")
    assert a.id == b.id and a.start != b.start


def test_extract_same_sentence_twice_in_a_page_gets_two_ids(check):
    text = "# Gout\n\nA gout attack usually lasts 3 to 5 days.\n\nA gout attack usually lasts 3 to 5 days.\n"
    ids = [c.id for c in check(text).claims]
    assert len(ids) == 2 and len(set(ids)) == 2


def test_extract_quantities_that_date_or_describe_the_page_are_not_claims(check):
    result = check("# Gout\n\nUpdated 12 March 2024. 5 min read.\n\nI was diagnosed two years ago. "
                   "A gout attack usually lasts about a week.\n")
    assert [c.value_text for c in result.claims] == ["about a week"]


def test_extract_html_quote_is_text_without_markup_at_file_offsets(check):
    page = ("<html><body><h1>Cataract surgery</h1>\n<p>Cataract surgery <b>usually</b> takes&nbsp;15&ndash;20 "
            "minutes.</p></body></html>")
    c = claim(check({"eye.html": page}), "15–20 minutes")
    assert c.quote == "Cataract surgery usually takes 15–20 minutes."
    assert page[c.start:c.start + 8] == "Cataract" and page[c.end - 1] == "."
    assert (c.line, c.attribute, c.subject) == (2, "procedure_time", "cataract surgery")
    assert (c.value_line, c.value_column) == (2, page.split("\n")[1].index("15&ndash;") + 1)


def test_extract_long_paragraph_lists_each_candidate_once(check):
    text = "# Knee pain\n\n" + "Recovery from knee replacement takes 3 months. " * 40 + "\n"
    result = check(text)
    assert len(result.claims) == 40
    for c in result.claims:
        assert len(set(c.subject_candidates)) == len(c.subject_candidates) <= 16


PIECES = ["|", " | ", "\n", "Relief lasts", " 3-6 months", " (GCA)", " knee replacement", "%", "70", " a few",
          " hours", "<p>", "</p>", "<td>", "<tr>", "&nbsp;", "&ndash;", "—", "-", " which", ", but it", "?", ".",
          "# ", "- ", "•", "\u00a0", "TKA", "(", ")", " within", " the same day", " permanent", "\r\n", "\t", "½",
          "between", " and", " up to", " or longer", "Type 2", " 24/7", "[3]", " in their forties", " 1 in 2,000",
          " per 100,000", " people", " aged 40"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PIECES), max_size=40), suffix=st.sampled_from(["txt", "md", "html"]))
def test_extract_any_mix_of_structure_and_quantities_gives_claims_inside_the_text(check, parts, suffix):
    text = "".join(parts)
    result = check({f"doc.{suffix}": text})
    assert not result.errors
    for c in result.claims:
        assert 0 <= c.start <= c.value_start <= c.value_end <= c.end <= len(text)
        assert c.line == text.count("\n", 0, c.start) + 1
        if suffix != "html":
            assert text[c.start:c.end] == c.quote
            assert text[c.value_start:c.value_end] == c.value_text


# ---------------------------------------------------------------------------------------------- voices and titles


def test_extract_reported_speech_is_a_claim_but_own_experience_is_not(check):
    result = check({"forum.txt": "Knee replacement forum\n\nMy surgeon said recovery takes about 12 weeks. "
                                 "It took me 6 weeks to walk without crutches.\n"})
    assert claim(result, "about 12 weeks").personal is False
    assert claim(result, "6 weeks").personal is True


def test_extract_blog_name_in_capitals_is_not_the_topic_but_a_plain_name_is(check):
    blog = check("# Sunny Sam\n\nHello from Sunny Sam again. Recovery from hip replacement took about 3 months "
                 "for me and for most people I met.\n")
    assert claim(blog, "about 3 months").subject == "hip replacement"
    plain = check("# Strep throat\n\nA person with strep throat is contagious for about 2 weeks without any "
                  "treatment at all.\n")
    assert claim(plain, "about 2 weeks").subject == "strep throat"


def test_extract_share_of_a_named_thing_is_about_that_thing(check):
    result = check({"forum.txt": "# Knee replacement forum\n\nAbout 1 in 20 hip replacement patients need a second "
                                 "operation within 10 years.\n"})
    assert claim(result, "About 1 in 20").subject == "hip replacement"


def test_extract_name_before_affects_a_share_of_people_is_a_condition(check):
    result = check("# Rare blood disorders\n\nBernard-Soulier syndrome is rare. Kostmann neutropenia affects about "
                   "1 in 300,000 people.\n\nSevere bleeding occurs in about 2% of operations.\n")
    assert claim(result, "about 1 in 300,000").subject == "kostmann neutropenia"
    assert claim(result, "about 2%").subject != "severe bleeding"  # a share of operations: how often, not how common


def test_extract_unknown_heading_among_named_siblings_names_its_section(check):
    page = ("# Childhood infections\n\nWhat parents can expect.\n\n## Impetigo\n\nThe sores usually clear up in "
            "about 10 days.\n\n## Chickenpox\n\nThe spots crust over within 5 days.\n\n## Hand, foot and mouth "
            "disease\n\nThe illness lasts 7 to 10 days.\n")
    assert claim(check(page), "about 10 days").subject == "impetigo"
    # a section heading ("Aftercare") is not a name, however its siblings read
    care = page.replace("## Impetigo", "## Aftercare")
    assert claim(check(care), "about 10 days").subject != "aftercare"


def test_extract_a_sibling_section_above_is_not_the_heading_a_claim_sits_under(check):
    page = ("# Childhood infections\n\n## Chickenpox\n\nThe spots crust over within 5 days.\n\n"
            "## Looking after your child\n\nThe illness usually lasts 7 to 10 days.\n")
    assert claim(check(page), "within 5 days").subject == "chickenpox"
    assert claim(check(page), "7 to 10 days").subject != "chickenpox"
    # a sub-section sits under its section: "### At home" under "## Chickenpox" is about chickenpox
    nested = page.replace("## Looking after your child", "### At home")
    assert claim(check(nested), "7 to 10 days").subject == "chickenpox"


def test_extract_words_of_the_title_heading_are_the_topic_not_a_section(check):
    page = ("# Sacroiliac (SI) Joint Injection\n\n## What happens\n\nThe injection takes 10 to 15 minutes.\n")
    assert claim(check(page), "10 to 15 minutes").subject == "sacroiliac joint injection"


def test_extract_a_treatment_opening_its_own_clause_takes_the_number_from_a_topic_named_in_another(check):
    result = check("# Ibuprofen vs naproxen\n\nThe effects of a single dose of ibuprofen last 4 to 6 hours, while "
                   "naproxen's last 8 to 12 hours.\n")
    assert claim(result, "4 to 6 hours").subject == "ibuprofen"
    assert claim(result, "8 to 12 hours").subject == "naproxen"


def test_extract_a_time_outside_an_attributes_span_goes_to_the_next_attribute_that_holds_it(check):
    result = check("# IVF\n\nEgg collection takes 20 to 30 minutes. From the start of medicines to the pregnancy "
                   "test, the whole process takes 4 to 6 weeks.\n")
    assert claim(result, "20 to 30 minutes").attribute == "procedure_time"
    assert claim(result, "4 to 6 weeks").attribute != "procedure_time"
