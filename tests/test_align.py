from checker.align import align, resolve_subject
from tests.conftest import make_claim


def test_align_resolves_first_candidate_the_lexicon_knows(lexicons):
    claim = make_claim(subject=None, subject_candidates=(("these procedures", "sentence"),
                                                         ("Lumbar Medial Branch Nerve Blocks", "heading"),
                                                         ("nerve block", "title")))
    resolved = resolve_subject(claim, lexicons.subjects)
    assert resolved.subject == "medial branch block"
    assert resolved.subject_text == "Lumbar Medial Branch Nerve Blocks"


def test_align_abbreviation_and_spelling_variant(lexicons):
    lex = lexicons.subjects
    assert lex.resolve("RFA") == "radiofrequency ablation"
    assert lex.resolve("rfa") is None  # a capital abbreviation does not match ordinary lower-case words
    assert lex.resolve("medial brnach blocks") == "medial branch block"
    assert lex.resolve("Epidural Nerve Blocks") == "epidural steroid injection"


def test_align_unknown_procedure_with_modifier_is_its_own_subject(lexicons):
    assert lexicons.subjects.resolve("basivertebral nerve ablation") == "basivertebral nerve ablation"
    assert lexicons.subjects.resolve("the procedure") is None
    assert lexicons.subjects.resolve("Pain Injections") is None  # generic words name no procedure
    assert lexicons.subjects.resolve("knee injection") is None


def test_align_generic_parent_hierarchy(lexicons):
    lex = lexicons.subjects
    assert "nerve block" in lex.ancestors("lumbar sympathetic block")
    assert lex.is_generic("nerve block")
    assert not lex.is_generic("medial branch block")


def test_align_groups_by_subject_attribute_condition_and_skips_other():
    a = make_claim(id="a", subject="medial branch block", attribute="relief_duration")
    b = make_claim(id="b", subject="medial branch block", attribute="relief_duration", source="sources/b.txt")
    c = make_claim(id="c", subject="nerve block", attribute="relief_duration")
    d = make_claim(id="d", subject="medial branch block", attribute="other")
    e = make_claim(id="e", subject="medial branch block", attribute="relief_duration", condition="sciatica")
    groups = align([a, b, c, d, e])
    keys = [(g.subject, g.attribute, g.condition) for g in groups]
    assert keys == [("medial branch block", "relief_duration", None),
                    ("medial branch block", "relief_duration", "sciatica"),
                    ("nerve block", "relief_duration", None)]
    assert [x.id for x in groups[0].claims] == ["a", "b"]
