from checker.extract import extract
from checker.read import parse_document


def claims_of(nlp, text, name="doc.txt"):
    return extract(parse_document(name, text), nlp)


def test_extract_claim_carries_quote_offsets_line_and_value(nlp):
    text = "Recovery Guide\n\nMost people feel fine. The injection itself takes about 10 minutes.\n"
    [claim] = claims_of(nlp, text)
    assert claim.value_text == "about 10 minutes"
    assert text[claim.start:claim.end] == claim.quote == "The injection itself takes about 10 minutes."
    assert text[claim.value_start:claim.value_end] == "about 10 minutes"
    assert (claim.line, claim.column) == (3, text.split("\n")[2].index("The") + 1)
    assert claim.attribute == "procedure_time"


def test_extract_table_row_reads_attribute_from_header_and_condition_from_row_label(nlp):
    text = ("Genicular Nerve Blocks\n"
            "| Condition | Response Rate | Typical Relief Duration |\n"
            "| Knee Osteoarthritis | 65% | 8-12 weeks |\n")
    claims = claims_of(nlp, text)
    by_value = {c.value_text: c for c in claims}
    assert by_value["65%"].attribute == "success_rate"
    assert by_value["8-12 weeks"].attribute == "relief_duration"
    assert by_value["8-12 weeks"].condition == "knee osteoarthritis"
    row_start = text.index("| Knee")
    assert by_value["8-12 weeks"].start == row_start
    assert by_value["8-12 weeks"].quote.endswith("| 8-12 weeks |")


def test_extract_key_value_table_reads_attribute_from_row_label(nlp):
    text = "Stellate Ganglion Block\n| Aspect | Detail |\n| Recovery Time | 1-2 days |\n"
    [claim] = claims_of(nlp, text)
    assert claim.attribute == "recovery_time" and claim.condition is None


def test_extract_pronoun_clause_takes_the_attribute_of_the_clause_before(nlp):
    text = "You may feel some tenderness at the site, but it should fade within two days.\n"
    [claim] = claims_of(nlp, text)
    assert claim.attribute == "side_effect_duration"
    assert claim.hedged


def test_extract_each_clause_gets_its_own_attribute(nlp):
    text = "The steroid usually starts working within 3 days, and relief can last up to 6 months.\n"
    claims = {c.value_text: c for c in claims_of(nlp, text)}
    assert claims["within 3 days"].attribute == "onset_time"
    assert claims["up to 6 months"].attribute == "relief_duration"
    assert not claims["within 3 days"].hedged and claims["up to 6 months"].hedged


def test_extract_weak_expression_without_cue_is_not_a_claim(nlp):
    text = "The clinic keeps office hours on weekdays, and you can go home the same day.\n"
    assert claims_of(nlp, text) == []


def test_extract_spatial_immediately_is_not_a_time(nlp):
    text = "The target nerve lies immediately anterior to the vertebral body, which gives immediate relief.\n"
    claims = claims_of(nlp, text)
    assert [c.value_text for c in claims] == ["immediate"]
    assert claims[0].attribute == "onset_time"


def test_extract_indication_duration_versus_relief(nlp):
    text = ("Doctors recommend the injection when back pain has lasted more than 3 months. "
            "Afterwards relief lasts about 6 months.\n")
    claims = {c.value_text: c for c in claims_of(nlp, text)}
    assert claims["more than 3 months"].attribute == "indication_duration"
    assert claims["about 6 months"].attribute == "relief_duration"


def test_extract_subject_candidates_follow_sentence_then_heading_then_title(nlp):
    text = ("Occipital Nerve Blocks Explained\n\n"
            "What to Expect\n\n"
            "The shot takes a few minutes. Relief often lasts several weeks.\n")
    claims = claims_of(nlp, text)
    assert claims and all(c.subject_candidates[0] == ("Occipital Nerve Blocks", "heading") or
                          c.subject_candidates[0][1] in ("heading", "title") for c in claims)
    assert all(any("Occipital" in m for m, _o in c.subject_candidates) for c in claims)


def test_extract_sentence_subject_beats_heading(nlp):
    text = ("Medial Branch Blocks\n\n"
            "If the block helps, radiofrequency ablation (RFA) may follow. RFA relief can last 9 to 14 months.\n")
    [claim] = claims_of(nlp, text)
    assert claim.subject_candidates[0][1] == "sentence"
    assert claim.subject_candidates[0][0] in ("RFA", "radiofrequency ablation")


def test_extract_anesthetic_phase_qualifier(nlp):
    text = "The local anesthetic wears off in 4 to 6 hours. After the anesthetic wears off, relief may last 2 weeks.\n"
    claims = {c.value_text: c for c in claims_of(nlp, text)}
    assert claims["4 to 6 hours"].qualifier == "anesthetic phase"
    assert claims["2 weeks"].qualifier is None


def test_extract_claim_ids_are_stable_when_other_text_moves(nlp):
    base = "Relief lasts 3 to 6 months.\n"
    a = claims_of(nlp, base)
    b = claims_of(nlp, "A new introduction paragraph was added here.\n\n" + base)
    assert [c.id for c in a] == [c.id for c in b]
    assert a[0].start != b[0].start


def test_extract_dates_and_labels_are_not_claims(nlp):
    text = ("Last updated 8 May 2023. Type 2 diabetes, the L2 vertebra and C5-C6 are mentioned; "
            "call 555-1234 (24/7). See reference [3] and COVID-19 guidance, step 1.\n")
    assert claims_of(nlp, text) == []


def test_extract_faq_answer_takes_attribute_from_the_question_heading(nlp):
    text = "Genicular Nerve Block FAQ\n\nHow long does the relief last?\n\nUsually 3 to 6 months.\n"
    [claim] = claims_of(nlp, text)
    assert claim.attribute == "relief_duration"


def test_extract_answer_under_a_statement_heading_stays_other(nlp):
    text = "Genicular Nerve Block FAQ\n\nRelief and Recovery\n\nUsually 3 to 6 months.\n"
    [claim] = claims_of(nlp, text)
    assert claim.attribute == "other"


def test_extract_onset_with_take_effect_beats_procedure_time(nlp):
    text = "It may take 2-3 days for the steroid to take effect.\n"
    [claim] = claims_of(nlp, text)
    assert claim.attribute == "onset_time" and claim.qualifier is None


def test_extract_html_quote_is_text_without_markup_at_file_offsets(nlp):
    page = ("<html><body><h1>Occipital Nerve Block</h1>\n<p>Relief from an <b>occipital nerve block</b> "
            "usually lasts&nbsp;6&ndash;8 weeks.</p></body></html>")
    [claim] = claims_of(nlp, page, name="onb.html")
    assert claim.quote == "Relief from an occipital nerve block usually lasts 6–8 weeks."
    assert page[claim.start:claim.start + 6] == "Relief"
    assert page[claim.end - 1] == "."
    assert claim.value_text.startswith("6") and claim.attribute == "relief_duration"
    assert claim.line == 2


def test_extract_quantities_that_date_or_describe_the_page_are_not_claims(nlp):
    text = ("Posted by Dr. Lee · 7 min read\n\nTwo years ago I had my first block. I am now 8 months out from my "
            "ablation. The injection takes 10 minutes.\n")
    assert [c.value_text for c in claims_of(nlp, text)] == ["10 minutes"]


def test_extract_name_wrapped_across_lines_is_still_one_name(nlp):
    text = "Relief from a medial\nbranch block usually lasts hours to days.\n"
    [claim] = claims_of(nlp, text, name="a.md")
    assert claim.subject_candidates[0] == ("medial branch block", "sentence")


def test_extract_long_paragraph_keeps_subject_candidates_bounded(nlp):
    text = "Relief from a medial branch block lasts 3 weeks. " * 60 + "\n"
    claims = claims_of(nlp, text)
    assert len(claims) == 60
    assert max(len(c.subject_candidates) for c in claims) <= 5  # each distinct mention once


def test_extract_html_quote_keeps_words_apart_across_tags(nlp):
    page = "<table><tr><th>Procedure</th><th>Relief</th></tr><tr><td>Medial branch block</td><td>6 to 12 months</td></tr></table>"
    [claim] = claims_of(nlp, page, name="t.html")
    assert "block 6 to 12" in claim.quote


def test_extract_positions_of_value_and_quote_end_come_from_the_file(nlp):
    page = "<html><body>\n<p>Relief from an <b>occipital\nnerve block</b> lasts\n  <em>6&ndash;8 weeks</em>.</p>\n</body></html>"
    [claim] = claims_of(nlp, page, name="onb.html")
    lines = page.split("\n")
    assert (claim.value_line, claim.value_column) == (4, lines[3].index("6&ndash;") + 1)
    assert claim.end_line == 4 and page[claim.end - 1] == "."
