import pytest

from checker.errors import DataFileError
from checker.lexicon import load_cues, load_subjects
from checker.normalize import load_vocabulary


def test_datafiles_packaged_files_load():
    assert load_subjects().resolve("medial branch block") == "medial branch block"
    assert "relief_duration" in load_cues().attributes
    assert load_vocabulary().units["month"].seconds == 2629800


def test_datafiles_unknown_key_is_reported_with_path_and_line(tmp_path):
    f = tmp_path / "subjects.yaml"
    f.write_text("heads: [block]\nsubjects:\n  nerve block:\n    aliases: [nerve block]\n    parnet: x\n")
    with pytest.raises(DataFileError, match=r"subjects\.yaml:5: unknown key 'parnet'"):
        load_subjects(f)


def test_datafiles_duplicate_alias_across_subjects_is_an_error(tmp_path):
    f = tmp_path / "subjects.yaml"
    f.write_text("heads: [block]\nsubjects:\n  a block:\n    aliases: [x block]\n  b block:\n    aliases: [x block]\n")
    with pytest.raises(DataFileError, match=r"subjects\.yaml:6: alias 'x block'"):
        load_subjects(f)


def test_datafiles_unknown_parent_is_an_error(tmp_path):
    f = tmp_path / "subjects.yaml"
    f.write_text("heads: [block]\nsubjects:\n  a block:\n    parent: nothing\n")
    with pytest.raises(DataFileError, match=r":4: parent 'nothing'"):
        load_subjects(f)


def test_datafiles_bad_cue_weight_names_the_line(tmp_path):
    f = tmp_path / "cues.yaml"
    f.write_text("attributes:\n  relief_duration:\n    units: [s]\n    cues:\n      relief: 2\n      lasts: heavy\n")
    with pytest.raises(DataFileError, match=r"cues\.yaml:6: .*weight of 'lasts'"):
        load_cues(f)


def test_datafiles_yaml_syntax_error_names_the_line(tmp_path):
    f = tmp_path / "quantities.yaml"
    f.write_text("units:\n  second: {seconds: 1\n")
    with pytest.raises(DataFileError, match=r"quantities\.yaml:\d+:"):
        load_vocabulary(f)


def test_datafiles_vague_interval_must_be_ordered(tmp_path):
    f = tmp_path / "quantities.yaml"
    f.write_text("units:\n  day: {seconds: 86400, aliases: [day, days]}\nvague_amounts:\n  - {words: few, low: 4, high: 2}\n")
    with pytest.raises(DataFileError, match=r":4: .*high \(2\) is below low \(4\)"):
        load_vocabulary(f)
