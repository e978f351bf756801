"""checker.knowledge: the packaged data files, overlays that add to them, and path:line errors.

Pure Python (no spaCy): every test loads the knowledge files directly with `load_knowledge`.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker.errors import DataFileError
from checker.knowledge import alias_key, default_knowledge, load_knowledge, norm_phrase, singular
from checker.knowledge.yamlio import DATA_DIR


def overlay(tmp_path, text: str, name: str = "overlay.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def load_error(tmp_path, text: str, name: str = "overlay.yaml", builtin: bool = False) -> str:
    """The error loading an overlay gives; read on its own unless it clashes with the packaged files
    (reading those costs a third of a second)."""
    path = overlay(tmp_path, text, name)
    with pytest.raises(DataFileError) as info:
        load_knowledge(("builtin", path) if builtin else (path,))
    message = str(info.value)
    assert message.startswith("E003 "), message  # every data-file error carries its code
    return message


# ---------------------------------------------------------------------------------------------- packaged


def test_knowledge_packaged_files_define_the_design_vocabulary(knowledge):
    for attribute in ("relief_duration", "onset_time", "procedure_time", "recovery_time", "success_rate",
                      "prevalence", "risk", "survival_rate", "age_at_onset", "life_expectancy", "illness_duration",
                      "incubation_period", "contagious_period", "treatment_duration", "other"):
        assert attribute in knowledge.attributes, attribute
    assert knowledge.attributes["age_at_onset"].takes == frozenset({"age"})
    assert knowledge.attributes["prevalence"].takes == frozenset({"ratio", "count"})
    assert knowledge.labels()["side_effect_duration"] == "side-effect duration"
    assert {Path(f).name for f in knowledge.files} >= {
        "entities.yaml", "populations.yaml", "subjects.yaml", "cues.yaml"}


def test_knowledge_default_is_loaded_once():
    assert default_knowledge() is default_knowledge()


def test_knowledge_kind_of_reads_head_nouns_then_suffixes(knowledge):
    assert knowledge.kind_of("syndrome") == "condition"
    assert knowledge.kind_of("Syndromes") == "condition"  # case and plural do not matter
    assert knowledge.kind_of("colectomy") == "procedure"  # a suffix ("-ectomy"), not a listed head
    assert knowledge.kind_of("pancreatitis") == "condition"  # "-itis"
    assert knowledge.kind_of("infliximab") == "treatment"  # "-mab"
    assert knowledge.kind_of("rash") == "feature"
    assert knowledge.kind_of("vaccine") == "treatment"
    assert knowledge.kind_of("table") is None


def test_knowledge_suffix_needs_the_minimum_word_length(knowledge):
    assert knowledge.min_suffix_length == 7
    assert knowledge.kind_of("mab") is None  # the ending alone is no name
    assert knowledge.kind_of("coma") is None  # "-oma", but shorter than 7 letters


def test_knowledge_parents_and_abbreviations_of_the_packaged_subjects(knowledge):
    assert knowledge.ancestors("stellate ganglion block") == ["sympathetic block", "nerve block"]
    assert knowledge.ancestors("nerve block") == []
    assert knowledge.abbreviations["IVF"] == "in vitro fertilization"
    assert knowledge.aliases["total hip arthroplasty"] == "hip replacement"


def test_knowledge_condition_name_is_singular_lower_case_and_follows_aliases(knowledge):
    assert knowledge.condition_name("Spinal Stenosis") == "spinal stenosis"
    assert knowledge.condition_name("Herniated Discs") == "herniated disc"
    assert knowledge.condition_name("slipped disc") == "herniated disc"
    assert knowledge.condition_name("PTSD") == "post-traumatic stress disorder"
    assert knowledge.condition_name("  ") is None


@pytest.mark.parametrize("plural, one", [("blocks", "block"), ("therapies", "therapy"), ("crutches", "crutch"),
                                         ("boxes", "box"), ("illness", "illness"), ("virus", "virus"),
                                         ("diagnosis", "diagnosis"), ("orthopedics", "orthopedics"), ("gas", "gas")])
def test_knowledge_singular_of_the_last_word(plural, one):
    assert singular(plural) == one


def test_knowledge_alias_key_folds_case_punctuation_possessive_and_plural():
    assert alias_key("Tommy John Surgeries") == "tommy john surgery"
    assert alias_key("Bell's palsy") == "bell palsy"
    assert alias_key("Graves' disease") == "graves disease"
    assert alias_key("  ") == ""
    assert norm_phrase("Post\u2013traumatic\u00a0 Stress") == "post-traumatic stress"


# ---------------------------------------------------------------------------------------------- overlays


def test_knowledge_overlay_adds_a_subject_without_copying_the_packaged_ones(tmp_path):
    path = overlay(tmp_path, "subjects:\n  shock wave lithotripsy:\n    aliases: [lithotripsy, ESWL]\n")
    k = load_knowledge(("builtin", path))
    assert k.aliases["lithotripsy"] == "shock wave lithotripsy"
    assert k.abbreviations["ESWL"] == "shock wave lithotripsy"
    assert k.aliases["total hip arthroplasty"] == "hip replacement"  # the packaged subjects stay
    assert "ESWL" not in default_knowledge().abbreviations  # an overlay never changes the shared default
    assert k.files[-1] == path


def test_knowledge_overlay_adds_aliases_and_a_parent_to_a_packaged_subject(tmp_path):
    path = overlay(tmp_path, "subjects:\n  hip replacement:\n    aliases: [new hip]\n"
                             "  joint surgery:\n    aliases: [joint operation]\n"
                             "  knee replacement:\n    parent: joint surgery\n")
    k = load_knowledge(("builtin", path))
    assert k.aliases["new hip"] == "hip replacement"
    assert k.aliases["hip arthroplasty"] == "hip replacement"
    assert k.ancestors("knee replacement") == ["joint surgery"]
    assert k.abbreviations["TKR"] == "knee replacement"  # the packaged aliases of the subject are kept


def test_knowledge_overlay_adds_cues_and_takes_to_an_attribute(tmp_path):
    path = overlay(tmp_path, "attributes:\n  recovery_time:\n    takes: [count]\n    cues: {convalesce: 2.5}\n")
    k = load_knowledge(("builtin", path))
    spec = k.attributes["recovery_time"]
    assert spec.cues["convalesce"] == 2.5
    assert spec.cues["recovery"] == 3  # the packaged cues stay
    assert spec.takes == frozenset({"time", "count"})
    assert spec.label == "recovery time"  # a label not given is kept


def test_knowledge_overlay_adds_a_new_attribute_with_its_label(tmp_path):
    path = overlay(tmp_path, "attributes:\n  itch_duration:\n    takes: [time]\n    label: itching\n"
                             "    cues: {itch: 2, itches: 2}\n")
    k = load_knowledge(("builtin", path))
    assert k.labels()["itch_duration"] == "itching"
    assert k.attributes["itch_duration"].takes == frozenset({"time"})


def test_knowledge_overlay_adds_populations_places_heads_and_names(tmp_path):
    path = overlay(tmp_path, "groups:\n  veterans: [veteran, veterans, ex-service members]\n"
                             "places:\n  new zealand: [new zealand, NZ]\n"
                             "heads:\n  procedure: [lithotripsy]\n"
                             "names:\n  treatment: [zyrtecix]\n"
                             "variants: [genotype]\n")
    k = load_knowledge(("builtin", path))
    assert k.groups["ex-service members"] == "veterans"
    assert k.groups["women"] == "women"  # packaged groups stay
    assert k.places["NZ"] == "new zealand"  # a name in capitals keeps its capitals
    assert k.places["new zealand"] == "new zealand"
    assert k.kind_of("lithotripsy") == "procedure"
    assert k.kind_of("zyrtecix") == "treatment"
    assert "genotype" in k.variants and "stage" in k.variants


def test_knowledge_overlays_apply_in_order_and_an_empty_file_adds_nothing(tmp_path):
    first = overlay(tmp_path, "hedges: [perhaps]\n", "first.yaml")
    empty = overlay(tmp_path, "", "empty.yaml")
    k = load_knowledge(("builtin", first, empty))
    assert "perhaps" in k.hedges and "may" in k.hedges
    assert k.files[-2:] == (first, empty)
    assert load_knowledge(("builtin", empty)).hedges == default_knowledge().hedges


def test_knowledge_relative_overlay_paths_are_read_from_the_base_folder(tmp_path):
    overlay(tmp_path, "subjects:\n  nasal irrigation:\n    aliases: [sinus rinse]\n", "mine.yaml")
    k = load_knowledge(("builtin", "mine.yaml"), base=tmp_path)
    assert k.aliases["sinus rinse"] == "nasal irrigation"


def test_knowledge_subjects_file_replaces_the_packaged_one(tmp_path):
    path = overlay(tmp_path, "subjects:\n  nasal irrigation:\n    aliases: [sinus rinse]\n", "subjects.yaml")
    k = load_knowledge(subjects=path)
    assert k.aliases == {"nasal irrigation": "nasal irrigation", "sinus rinse": "nasal irrigation"}
    assert "relief_duration" in k.attributes  # the other packaged files are still read


def test_knowledge_overlay_without_builtin_holds_only_its_own_sections(tmp_path):
    path = overlay(tmp_path, "attributes:\n  recovery_time:\n    takes: [time]\n    cues: {recover: 3}\n")
    k = load_knowledge((path,))
    assert list(k.attributes) == ["recovery_time"]
    assert k.aliases == {}


# ---------------------------------------------------------------------------------------------- errors


BAD_OVERLAYS = [  # (id, overlay text, what the message must say, path:line first)
    ("unknown-section", "hedges: [perhaps]\nsubject:\n  x ray:\n    aliases: [xray]\n",
     r"overlay\.yaml:2: unknown key 'subject'"),
    ("unknown-key-in-subject", "subjects:\n  nasal irrigation:\n    aliases: [sinus rinse]\n    parnet: x\n",
     r"overlay\.yaml:4: .*unknown key 'parnet'"),
    ("duplicate-key", "hedges: [perhaps]\ntypical: [mostly]\nhedges: [maybe]\n",
     r"overlay\.yaml:3: duplicate key 'hedges'"),
    ("yaml-syntax", "hedges: [perhaps]\ntypical: [mostly\nsubset: [few]\n", r"overlay\.yaml:3: "),
    ("not-a-mapping", "- hedges\n- typical\n", r"overlay\.yaml:1: the file must be a mapping"),
    ("alias-of-two-subjects", "subjects:\n  nasal irrigation:\n    aliases: [sinus rinse]\n"
                              "  saline spray:\n    aliases: [sinus rinses]\n",
     r"overlay\.yaml:4: alias 'sinus rinses' of 'saline spray' is already an alias of 'nasal irrigation'"),
    ("abbreviation-of-two-subjects", "subjects:\n  kidney biopsy:\n    aliases: [KBX]\n  knee brace:\n    aliases: [KBX]\n",
     r"overlay\.yaml:4: abbreviation 'KBX' of 'knee brace' is already used by 'kidney biopsy'"),
    ("unknown-parent", "subjects:\n  knee brace:\n    aliases: [knee support]\n    parent: orthosis\n",
     r"overlay\.yaml:2: parent 'orthosis' of 'knee brace' is not a subject"),
    ("attribute-without-takes", "hedges: [perhaps]\nattributes:\n  itch_duration:\n    cues: {itch: 2}\n",
     r"overlay\.yaml:3: attribute 'itch_duration' needs `takes`"),
    ("takes-outside-the-kinds", "attributes:\n  itch_duration:\n    takes: [weeks]\n",
     r"overlay\.yaml:3: attributes\.itch_duration\.takes"),
    ("cue-weight-not-a-number", "attributes:\n  recovery_time:\n    cues:\n      convalesce: 2\n      recuperates: heavy\n",
     r"overlay\.yaml:5: .*recuperates"),
    ("qualifier-of-unknown-attribute", "qualifiers:\n  at night:\n    applies_to: [sleep_time]\n    cues: [night]\n",
     r"overlay\.yaml:2: qualifier 'at night': unknown attribute 'sleep_time'"),
    ("canonical-name-in-capitals", "subjects:\n  Knee Brace:\n    aliases: [knee support]\n",
     r"overlay\.yaml:\d+: .*canonical name 'Knee Brace' must be lower case"),
    ("empty-alias", "subjects:\n  knee brace:\n    aliases: ['  ']\n", r"overlay\.yaml:3: .*an empty word"),
    ("suffix-min-length", "suffixes:\n  min_length: 1\n",
     r"overlay\.yaml:2: min_length must be a whole number of at least 2"),
]


@pytest.mark.parametrize("text, expected", [pytest.param(text, expected, id=case) for case, text, expected in BAD_OVERLAYS])
def test_knowledge_bad_overlay_is_rejected_with_path_and_line(tmp_path, text, expected):
    message = load_error(tmp_path, text)
    assert re.search(r"E003 \S*" + expected, message), message


def test_knowledge_missing_overlay_is_reported(tmp_path):
    with pytest.raises(DataFileError, match=r"nowhere\.yaml: data file not found"):
        load_knowledge((str(tmp_path / "nowhere.yaml"),))


def test_knowledge_alias_taken_by_a_packaged_subject_is_an_error(tmp_path):
    message = load_error(tmp_path, "subjects:\n  joint surgery:\n    aliases: [knee arthroplasty]\n", builtin=True)
    assert "overlay.yaml:2: alias 'knee arthroplasty' of 'joint surgery' is already an alias of 'knee replacement'" \
        in message


def test_knowledge_cue_weight_out_of_range_names_the_cue_line(tmp_path):
    message = load_error(tmp_path, "attributes:\n  recovery_time:\n    cues:\n      convalesce: 2\n"
                                   "      recuperates: 9\n")
    assert "weight of 'recuperates'" in message
    assert re.search(r"overlay\.yaml:5: ", message), message


def test_knowledge_names_of_an_unknown_kind_name_the_file_and_line(tmp_path):
    message = load_error(tmp_path, "hedges: [perhaps]\nnames:\n  gadget: [fitbit]\n")
    assert "unknown kind 'gadget'" in message
    assert re.search(r"overlay\.yaml:3: ", message), message


def test_knowledge_packaged_data_folder_is_the_one_loaded(knowledge):
    assert all(str(DATA_DIR) in f for f in knowledge.files)


def test_knowledge_an_attribute_span_must_be_shortest_then_longest(tmp_path):
    message = load_error(tmp_path, "attributes:\n  procedure_time:\n    takes: [time]\n    span: [86400, 60]\n")
    assert "overlay.yaml:" in message and "span" in message


def test_knowledge_an_overlay_span_replaces_the_packaged_one(tmp_path):
    path = overlay(tmp_path, "attributes:\n  procedure_time:\n    span: [null, 604800]\n")
    knowledge = load_knowledge(("builtin", path))
    assert knowledge.attributes["procedure_time"].span == (None, 604800)
    assert load_knowledge(("builtin",)).attributes["procedure_time"].span == (None, 259200)
