"""checker.align: a subject's identity (`subject_key`), lexicon resolution, and grouping of plain Claims.

No spaCy: claims are built with `make_claim`; the packaged knowledge is the session fixture.
"""
from __future__ import annotations

import pytest

from checker.align import align, display_name, group_key, lexicon_subject, resolve_subject, resolve_subjects, subject_key
from checker.align import why_not_compared
from tests.conftest import make_claim


def candidates(*entries):
    """Subject candidates as extraction writes them: (text, origin, kind, variant, pointing)."""
    return tuple((text, origin, kind, "", pointing) for text, origin, kind, pointing in entries)


# ---------------------------------------------------------------------------------------------- subject_key


@pytest.mark.parametrize("a, b", [
    ("Kidney Stones", "kidney stone"),  # case, plural
    ("Tay-Sachs disease", "Tay Sachs Disease"),  # hyphen
    ("Hodgkin's lymphoma", "Hodgkin lymphoma"),  # possessive 's
    ("Parkinson\u2019s disease", "parkinson disease"),  # curly apostrophe
    ("Graves' disease", "graves disease"),  # plural possessive
    ("cancer of the bladder", "bladder cancer"),  # X of the Y
    ("removal of the gallbladder", "gallbladder removal"),
    ("Paediatric Leukaemia", "pediatric leukemia"),  # British spelling
    ("lumbar spinal fusion", "spinal fusion"),  # a region modifier narrows, it does not rename
    ("knee replacement surgery", "knee replacement"),  # a redundant generic head
    ("the flu", "flu"),  # determiner
])
def test_align_subject_key_treats_spelling_differences_as_one_name(a, b):
    assert subject_key(a) == subject_key(b)


@pytest.mark.parametrize("a, b", [
    ("type 1 diabetes", "type 2 diabetes"),
    ("hemophilia A", "hemophilia B"),
    ("bladder cancer", "kidney cancer"),
    ("knee replacement", "hip replacement"),
])
def test_align_subject_key_keeps_different_subjects_apart(a, b):
    assert subject_key(a) != subject_key(b)


@pytest.mark.parametrize("name", ["shingles", "measles", "diabetes", "psoriasis"])
def test_align_names_that_end_in_s_are_not_made_singular(name):
    assert subject_key(name) == name
    assert display_name(name.capitalize()) == name


def test_align_display_name_is_lower_case_without_possessive_or_determiner():
    assert display_name("The Crohn's Disease") == "crohn disease"
    assert display_name("Cataracts") == "cataract"
    assert display_name("cancer of the bladder") == "cancer of the bladder"  # shown as written, keyed in order
    assert display_name("Tay-Sachs disease") == "tay-sachs disease"


# ---------------------------------------------------------------------------------------------- lexicon


def test_align_abbreviation_of_the_lexicon_resolves_to_its_canonical_name(knowledge):
    assert lexicon_subject("RFA", knowledge) == "radiofrequency ablation"
    assert lexicon_subject("ivf", knowledge) == "in vitro fertilization"  # a short abbreviation in lower case


def test_align_alias_with_modifiers_and_plural_resolves(knowledge):
    assert lexicon_subject("Total Knee Arthroplasties", knowledge) == "knee replacement"
    assert lexicon_subject("bilateral lumbar medial branch blocks", knowledge) == "medial branch block"
    assert lexicon_subject("Zoloft", knowledge) == "sertraline"


def test_align_spelling_variant_of_an_alias_resolves_but_not_a_different_number(knowledge):
    assert lexicon_subject("stellate ganglian block", knowledge) == "stellate ganglion block"
    assert lexicon_subject("hip replacement 2", knowledge) is None  # digits must agree


def test_align_name_the_lexicon_does_not_know_is_not_resolved(knowledge):
    assert lexicon_subject("rotator cuff repair", knowledge) is None
    assert lexicon_subject("   ", knowledge) is None


def test_align_resolve_takes_the_first_candidate_through_the_lexicon(knowledge):
    claim = make_claim(subject=None, subject_candidates=candidates(("Epidural Nerve Blocks", "sentence", "procedure", False),
                                                                   ("Back pain", "topic", None, False)))
    resolved = resolve_subject(claim, knowledge)
    assert (resolved.subject, resolved.subject_text, resolved.subject_origin) == (
        "epidural steroid injection", "Epidural Nerve Blocks", "sentence")


def test_align_resolve_unknown_name_becomes_its_display_name(knowledge):
    claim = make_claim(subject=None, subject_candidates=candidates(("Rotator Cuff Repairs", "topic", "procedure", False)))
    assert resolve_subject(claim, knowledge).subject == "rotator cuff repair"


def test_align_resolve_without_candidates_has_no_subject(knowledge):
    claim = make_claim(subject="left over", subject_candidates=())
    resolved = resolve_subject(claim, knowledge)
    assert resolved.subject is None and resolved.subject_origin is None


def test_align_general_name_pointing_at_a_specific_one_takes_the_specific(knowledge):
    """'this nerve block' on a stellate ganglion block page is the stellate ganglion block."""
    cands = candidates(("this nerve block", "sentence", "procedure", True),
                       ("Stellate Ganglion Blocks", "topic", "procedure", False))
    resolved = resolve_subject(make_claim(subject=None, subject_candidates=cands), knowledge)
    assert (resolved.subject, resolved.subject_origin) == ("stellate ganglion block", "topic")


def test_align_general_name_not_pointing_stays_general(knowledge):
    """'some nerve blocks last hours' speaks of nerve blocks in general."""
    cands = candidates(("nerve blocks", "sentence", "procedure", False),
                       ("Stellate Ganglion Blocks", "topic", "procedure", False))
    assert resolve_subject(make_claim(subject=None, subject_candidates=cands), knowledge).subject == "nerve block"


def test_align_pointing_name_stays_when_the_later_one_is_not_its_kind(knowledge):
    cands = candidates(("this nerve block", "sentence", "procedure", True),
                       ("Hip Replacement", "topic", "procedure", False))
    assert resolve_subject(make_claim(subject=None, subject_candidates=cands), knowledge).subject == "nerve block"


def test_align_resolve_subjects_resolves_each_claim(knowledge):
    claims = [make_claim(id=str(k), subject=None, subject_candidates=candidates((name, "topic", None, False)))
              for k, name in enumerate(["TKA", "Gout"])]
    assert [c.subject for c in resolve_subjects(claims, knowledge)] == ["knee replacement", "gout"]


# ---------------------------------------------------------------------------------------------- align


def test_align_groups_by_subject_attribute_condition_qualifier_and_unit(knowledge):
    claims = [
        make_claim(id="a", subject="gout", attribute="illness_duration", source="a.md"),
        make_claim(id="b", subject="Gout", attribute="illness_duration", source="b.md"),
        make_claim(id="c", subject="gout", attribute="illness_duration", condition="women", source="c.md"),
        make_claim(id="d", subject="gout", attribute="age_at_onset", source="d.md"),
        make_claim(id="e", subject="gout", attribute="illness_duration", qualifier="median", source="e.md"),
        make_claim(id="f", subject="gout", attribute="illness_duration", unit="ratio", low=0.1, high=0.2, source="f.md"),
        make_claim(id="g", subject="pseudogout", attribute="illness_duration", source="g.md"),
    ]
    alignment = align(claims, knowledge)
    keys = [(g.subject, g.attribute, g.condition, g.qualifier, [c.id for c in g.claims]) for g in alignment.groups]
    assert keys == [
        ("gout", "age_at_onset", None, None, ["d"]),
        ("gout", "illness_duration", None, None, ["f"]),  # a share is never compared with a time
        ("gout", "illness_duration", None, None, ["a", "b"]),
        ("gout", "illness_duration", None, "median", ["e"]),
        ("gout", "illness_duration", "women", None, ["c"]),
        ("pseudogout", "illness_duration", None, None, ["g"]),
    ]
    assert group_key(claims[0], knowledge) == group_key(claims[1], knowledge)


def test_align_group_members_are_sorted_by_source_and_position(knowledge):
    claims = [make_claim(id="late", source="b.md", start=90), make_claim(id="early", source="b.md", start=5),
              make_claim(id="first", source="a.md", start=400)]
    [group] = align(claims, knowledge).groups
    assert [c.id for c in group.claims] == ["first", "early", "late"]


def test_align_group_is_named_by_the_form_the_pages_use_most(knowledge):
    claims = [make_claim(id="a", subject="hodgkin lymphoma", source="a.md"),
              make_claim(id="b", subject="hodgkin lymphoma", source="b.md"),
              make_claim(id="c", subject="Hodgkin's lymphoma", source="c.md")]
    alignment = align(claims, knowledge)
    [group] = alignment.groups
    assert group.subject == "hodgkin lymphoma"
    assert {c.subject for c in group.claims} == {"hodgkin lymphoma"}  # every member carries the shown name
    assert alignment.names == {"hodgkin lymphoma": "hodgkin lymphoma"}


def test_align_spelling_variants_merge_into_the_commoner_spelling(knowledge):
    claims = [make_claim(id="a", subject="retinoblastoma", source="a.md"),
              make_claim(id="b", subject="retinoblastoma", source="b.md"),
              make_claim(id="c", subject="retinoblastomma", source="c.md")]
    [group] = align(claims, knowledge).groups
    assert group.subject == "retinoblastoma" and len(group.claims) == 3


def test_align_dropped_apostrophe_in_a_long_name_merges(knowledge):
    claims = [make_claim(id="a", subject="parkinson disease", source="a.md"),
              make_claim(id="b", subject="parkinsons disease", source="b.md")]
    assert len(align(claims, knowledge).groups) == 1


def test_align_dropped_apostrophe_in_a_short_name_merges(knowledge):
    claims = [make_claim(id="a", subject="crohn disease", source="a.md"),
              make_claim(id="b", subject="crohns disease", source="b.md")]
    assert len(align(claims, knowledge).groups) == 1


@pytest.mark.parametrize("a, b", [("type 1 diabetes", "type 2 diabetes"), ("hemophilia a", "hemophilia b"),
                                  ("renal cancer", "rectal cancer"), ("osteoma", "osteomas disease")])
def test_align_names_that_differ_in_a_number_letter_short_or_extra_word_are_not_merged(knowledge, a, b):
    claims = [make_claim(id="a", subject=a, source="a.md"), make_claim(id="b", subject=b, source="b.md")]
    assert len(align(claims, knowledge).groups) == 2


@pytest.mark.parametrize("fields, reason", [
    (dict(subject=None), "no subject"),
    (dict(attribute="other"), "attribute other"),
    (dict(low=None, high=None), "no value"),
    (dict(negated=True), "negated value"),
    (dict(personal=True), "personal account"),
])
def test_align_claims_that_cannot_be_compared_are_returned_with_the_reason(knowledge, fields, reason):
    left_out = make_claim(id="x", **fields)
    kept = make_claim(id="y", source="b.md")
    assert why_not_compared(left_out) == reason
    alignment = align([left_out, kept], knowledge)
    assert alignment.uncompared == ((left_out, reason),)
    assert [c.id for g in alignment.groups for c in g.claims] == ["y"]


def test_align_an_open_interval_is_still_a_value(knowledge):
    assert why_not_compared(make_claim(low=3600.0, high=None)) is None


def test_align_nothing_in_nothing_out(knowledge):
    alignment = align([], knowledge)
    assert (alignment.groups, alignment.uncompared, alignment.names) == ((), (), {})
