"""Claims about the same thing conflict; look-alikes do not (issue 4's cases, in our own sentences).

Each test writes a small corpus and runs the whole pipeline (`checker.check`), then looks at the
claims' subjects, attributes and qualifiers and at the conflicts reported.
"""
from __future__ import annotations

from checker import Config, check


def run(tmp_path, **pages):
    for name, text in pages.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return check([str(tmp_path)], Config())


def claim(result, value_text):
    found = [c for c in result.claims if c.value_text == value_text]
    assert found, f"no claim {value_text!r} in {[c.value_text for c in result.claims]}"
    return found[0]


def test_judgement_rfa_sentence_naming_medial_branch_nerves_is_an_rfa_claim(tmp_path):
    result = run(tmp_path,
                 a="Medial Branch Blocks\n\nA medial branch block numbs the medial branch nerves for a few hours.\n\n"
                   "If the test block works, radiofrequency ablation heats the same medial branch nerves, "
                   "giving relief that may last 9 to 14 months.\n",
                 b="Medial Branch Blocks\n\nRelief from a medial branch block lasts hours, not months.\n")
    rfa = claim(result, "9 to 14 months")
    assert rfa.subject == "radiofrequency ablation"
    assert rfa.attribute == "relief_duration"
    assert not [c for c in result.conflicts if c.subject == "medial branch block"]


def test_judgement_anesthetic_and_steroid_phases_do_not_conflict(tmp_path):
    result = run(tmp_path,
                 a="Facet Joint Injections\n\nThe local anesthetic in a facet joint injection lasts 4-6 hours.\n\n"
                   "Later on, the steroid may give relief for 2 to 3 months.\n")
    anesthetic = claim(result, "4-6 hours")
    steroid = claim(result, "2 to 3 months")
    assert anesthetic.qualifier == "anesthetic phase"
    assert steroid.qualifier is None  # the steroid's effect is the injection's ordinary relief
    assert result.conflicts == ()


def test_judgement_steroid_relief_is_compared_with_plain_relief(tmp_path):
    result = run(tmp_path,
                 a="Epidural Steroid Injections\n\nThe steroid in an epidural steroid injection gives relief for weeks to months.\n",
                 b="Epidural Steroid Injections\n\nRelief from an epidural steroid injection usually lasts only a few days.\n")
    [conflict] = result.conflicts
    assert {cc.claim.value_text for cc in conflict.claims} == {"weeks to months", "a few days"}


def test_judgement_injection_time_and_whole_visit_do_not_conflict(tmp_path):
    result = run(tmp_path,
                 a="Trigger Point Injections\n\nThe injection itself takes a few minutes.\n\n"
                   "Please plan on about an hour at the clinic for check-in and recovery.\n",
                 b="Trigger Point Injections\n\nEach trigger point injection takes only 5 to 10 minutes.\n")
    visit = claim(result, "about an hour")
    assert visit.attribute == "procedure_time" and visit.qualifier == "whole visit"
    assert claim(result, "a few minutes").qualifier == "injection itself"
    assert result.conflicts == ()


def test_judgement_generic_some_others_statement_is_about_nerve_blocks(tmp_path):
    result = run(tmp_path,
                 a="Nerve Blocks for Pain\n\nSome blocks last from a few hours up to a day. Others last for months.\n",
                 b="Genicular Nerve Block\n\nRelief from a genicular nerve block usually lasts 3 to 6 months.\n")
    assert claim(result, "from a few hours up to a day").subject == "nerve block"
    assert claim(result, "months").subject == "nerve block"
    assert claim(result, "3 to 6 months").subject == "genicular nerve block"
    assert result.conflicts == ()


def test_judgement_two_typical_statements_that_disagree_conflict_even_when_hedged_elsewhere(tmp_path):
    result = run(tmp_path,
                 a="Sacroiliac Joint Injection\n\nRelief from an SI joint injection typically lasts a few days.\n",
                 b="Sacroiliac Joint Injection\n\nRelief from a sacroiliac joint injection typically lasts 8 to 12 months.\n")
    [conflict] = result.conflicts
    assert conflict.subject == "sacroiliac joint injection" and conflict.severity == "error"
    assert conflict.kind == "cross-document"


def test_judgement_abbreviation_defined_in_the_text_is_resolved(tmp_path):
    result = run(tmp_path,
                 a="Knee Pain Treatments\n\nA genicular nerve block (GNB) targets the nerves around the knee. "
                   "GNB relief often lasts several weeks.\n")
    assert claim(result, "several weeks").subject == "genicular nerve block"


def test_judgement_this_injection_refers_back_to_the_heading(tmp_path):
    result = run(tmp_path,
                 a="Overview of Spine Care\n\nStellate Ganglion Block\n\nThis injection takes about 15 minutes. "
                   "Most people return to normal activities the next day.\n")
    assert claim(result, "about 15 minutes").subject == "stellate ganglion block"
    recovery = claim(result, "the next day")
    assert recovery.subject == "stellate ganglion block" and recovery.attribute == "recovery_time" and recovery.hedged


def test_judgement_statement_repeated_in_a_page_counts_once(tmp_path):
    text = ("Epidural Steroid Injections\n\nRelief from an epidural steroid injection may last several months.\n\n"
            "More text about the spine.\n\nRelief from an epidural steroid injection may last several months.\n")
    result = run(tmp_path, a=text,
                 b="Epidural Steroid Injections\n\nAn epidural steroid injection gives relief for a few hours only.\n")
    [conflict] = result.conflicts
    repeats = [cc for cc in conflict.claims if cc.repeat_of]
    assert len(repeats) == 1
    assert "several months" in conflict.message and conflict.message.count("several months") == 1


def test_judgement_message_names_documents_and_readings(tmp_path):
    result = run(tmp_path,
                 **{"004_mbb": "Medial Branch Blocks\n\nRelief from a medial branch block lasts hours to days.\n",
                    "002_mbb": "Medial Branch Blocks\n\nRelief from medial branch blocks may last several weeks or months.\n"})
    [conflict] = result.conflicts
    assert "004 says hours to days (1 h–7 d)" in conflict.message
    assert "002 says several weeks or months (2 wk–12 mo)" in conflict.message


def test_judgement_relative_clause_belongs_to_the_phrase_before_it(tmp_path):
    result = run(tmp_path,
                 a="Comparing Injections\n\nUnlike epidural steroid injections, which can provide relief for months, "
                   "trigger point injections give relief for a few days.\n")
    assert claim(result, "months").subject == "epidural steroid injection"
    assert claim(result, "a few days").subject == "trigger point injection"


def test_judgement_alias_interrupted_by_its_abbreviation(tmp_path):
    result = run(tmp_path, a="Pain Treatments\n\nA spinal cord stimulator (SCS) trial lets you test the device. "
                             "The trial typically lasts 5 to 7 days.\n")
    trial = claim(result, "5 to 7 days")
    assert trial.subject == "spinal cord stimulator trial" and trial.attribute == "procedure_time"


def test_judgement_permanent_describing_a_device_is_not_a_time(tmp_path):
    result = run(tmp_path, a="Spinal Cord Stimulation\n\nAfter the permanent implant, recovery takes 2 to 4 weeks. "
                             "For a few patients the relief is permanent.\n")
    assert [c.value_text for c in result.claims] == ["2 to 4 weeks", "permanent"]
    assert claim(result, "permanent").attribute == "relief_duration"


def test_judgement_rate_of_a_side_effect_is_a_complication_rate(tmp_path):
    result = run(tmp_path, a="Epidural Steroid Injection\n\nA headache may occur in less than 1% of patients. "
                             "About 60% of patients report good relief.\n")
    assert claim(result, "less than 1%").attribute == "complication_rate"
    assert claim(result, "About 60%").attribute == "success_rate"


def test_judgement_pronoun_clause_inherits_the_topic_of_the_clause_before(tmp_path):
    result = run(tmp_path, a="Epidural Steroid Injection\n\nThe steroid typically takes 2 to 3 days to start working; "
                             "for some people it can take up to a week.\n")
    assert claim(result, "up to a week").attribute == "onset_time"


def test_judgement_unknown_procedure_names_come_from_headings_not_running_text(tmp_path):
    result = run(tmp_path, a="Basivertebral Nerve Ablation\n\nSome people need injections every few weeks, "
                             "but relief from this procedure lasts 5 years.\n")
    assert {c.subject for c in result.claims} == {"basivertebral nerve ablation"}


def test_judgement_table_rows_labelled_with_procedures_give_each_row_its_subject(tmp_path):
    result = run(tmp_path, a=("Spinal Injections Compared\n\n"
                              "| Injection | Time in procedure room | Relief typically lasts |\n"
                              "| Facet joint injection | 15–20 minutes | 1 to 3 months |\n"
                              "| Medial branch block | about 15 minutes | 6–8 hours (diagnostic) |\n"))
    assert claim(result, "1 to 3 months").subject == "facet joint injection"
    mbb = claim(result, "6–8 hours")
    assert mbb.subject == "medial branch block" and mbb.attribute == "relief_duration"
    assert mbb.qualifier == "anesthetic phase"
    assert claim(result, "15–20 minutes").attribute == "procedure_time"


def test_judgement_the_ablation_refers_to_the_ablation_named_earlier(tmp_path):
    result = run(tmp_path, a="Genicular Nerve Blocks\n\nA genicular nerve block numbs the knee. Genicular nerve ablation "
                             "heats the same nerves.\n\nMy block took 20 minutes. The ablation took about an hour.\n")
    assert claim(result, "about an hour").subject == "genicular nerve ablation"
    assert claim(result, "20 minutes").subject == "genicular nerve block"


def test_judgement_table_header_and_row_label_together_say_what_a_cell_measures(tmp_path):
    result = run(tmp_path, a="SI Joint Injection Aftercare\n\n| Activity | When you can resume it |\n"
                             "| Driving | The next day |\n| Work | 1-2 days |\n")
    assert claim(result, "The next day").attribute == "activity_restriction"
    assert claim(result, "1-2 days").attribute == "recovery_time"


def test_judgement_condition_names_and_abbreviations_are_one_condition(tmp_path):
    result = run(tmp_path,
                 a="Stellate Ganglion Block\n\nFor PTSD, relief from a stellate ganglion block lasts a few weeks.\n",
                 b="Stellate Ganglion Block\n\nFor post-traumatic stress disorder, relief from a stellate ganglion block "
                   "lasts 3 to 6 months.\n")
    assert claim(result, "a few weeks").condition == claim(result, "3 to 6 months").condition \
        == "post-traumatic stress disorder"
    assert len(result.conflicts) == 1


def test_judgement_side_effects_are_compared_symptom_by_symptom(tmp_path):
    result = run(tmp_path,
                 a="Lumbar Sympathetic Block\n\nYour leg may feel numb for 4 to 8 hours.\n\n"
                   "Soreness at the injection site can last 1-2 days.\n",
                 b="Lumbar Sympathetic Block\n\nLeg numbness usually wears off within 2 hours.\n")
    assert claim(result, "4 to 8 hours").qualifier == "numbness or weakness"
    assert claim(result, "1-2 days").qualifier == "injection-site soreness"
    [conflict] = result.conflicts  # numb for 4-8 hours versus numbness gone within 2 hours
    assert conflict.qualifier == "numbness or weakness"
    assert "1-2 days" not in {cc.claim.value_text for cc in conflict.claims}


def test_judgement_activity_restrictions_are_compared_activity_by_activity(tmp_path):
    result = run(tmp_path,
                 a="SI Joint Injection\n\nDo not drive for 24 hours. Avoid swimming for 2 weeks.\n",
                 b="SI Joint Injection\n\nAvoid driving for 24 hours after the injection.\n")
    assert claim(result, "2 weeks").qualifier == "bathing"
    assert result.conflicts == ()


def test_judgement_alias_split_by_its_abbreviation_in_the_middle(tmp_path):
    result = run(tmp_path, a="Back Pain Treatments\n\nA sacroiliac (SI) joint injection can relieve buttock pain. "
                             "Its relief often lasts 3 to 4 months.\n")
    assert claim(result, "3 to 4 months").subject == "sacroiliac joint injection"


def test_judgement_time_in_the_recovery_room_is_part_of_the_visit_not_recovery(tmp_path):
    result = run(tmp_path, a="Medial Branch Blocks\n\nYou will stay in recovery for about 30 minutes.\n\n"
                             "You can return to work the next day.\n")
    observed = claim(result, "about 30 minutes")
    assert (observed.attribute, observed.qualifier) == ("procedure_time", "whole visit")
    assert claim(result, "the next day").attribute == "recovery_time"
    assert result.conflicts == ()


def test_judgement_this_nerve_block_on_a_specific_page_is_the_specific_block(tmp_path):
    result = run(tmp_path, a="Stellate Ganglion Block\n\nThis nerve block takes about 10 minutes. "
                             "Some nerve blocks last a few hours.\n")
    assert claim(result, "about 10 minutes").subject == "stellate ganglion block"
    assert claim(result, "a few hours").subject == "nerve block"  # "some nerve blocks": blocks in general


def test_judgement_page_title_below_a_site_name_and_trial_references(tmp_path):
    result = run(tmp_path, a="University Medical Center\n\nYour Spinal Cord Stimulator Trial: A Guide\n\n"
                             "What is a stimulator?\n\nA stimulator is a small device.\n\n"
                             "Placing the trial leads takes about 30 to 60 minutes.\n")
    assert claim(result, "about 30 to 60 minutes").subject == "spinal cord stimulator trial"


def test_judgement_for_a_duration_is_how_long_not_how_soon(tmp_path):
    result = run(tmp_path, a="Epidural Steroid Injection\n\nMany patients notice the steroid's effect for one to "
                             "three weeks. Most notice relief within 3 days.\n")
    assert claim(result, "one to three weeks").attribute == "relief_duration"
    assert claim(result, "within 3 days").attribute == "onset_time"
