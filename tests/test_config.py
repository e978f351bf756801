"""Configuration like ruff's: the nearest checker.toml / [tool.checker] upward, paths relative to the
file, --config anywhere, `checker config` and `checker data dump`."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from checker.cli import main
from checker.config import Config, find_config, load_config
from checker.errors import ConfigError
from checker.pipeline import packaged_data_files

CONFLICT = {
    "a.txt": "Trigger Point Injections\n\nRelief from a trigger point injection usually lasts a few hours.\n",
    "b.txt": "Trigger Point Injections\n\nRelief from trigger point injections typically lasts 3 to 4 months.\n",
}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def content_repo(tmp_path: Path) -> Path:
    """A content repository: pages under pages/ (not the default sources/), the configuration at the
    root, and a subfolder to run from."""
    repo = tmp_path / "repo"
    (repo / "pages").mkdir(parents=True)
    for name, text in CONFLICT.items():
        (repo / "pages" / name).write_text(text, encoding="utf-8")
    (repo / "docs" / "guides").mkdir(parents=True)
    (repo / "checker.toml").write_text('# the team\'s settings\npaths = ["pages"]\n\nstore = "cache/claims"\n',
                                       encoding="utf-8")
    return repo


def test_config_found_from_a_subfolder_with_paths_relative_to_the_file(content_repo, monkeypatch, capsys):
    monkeypatch.chdir(content_repo / "docs" / "guides")
    config = load_config()
    assert config.source == "../../checker.toml"
    assert config.paths == ("../../pages",) and config.store == "../../cache/claims"
    code, out, _ = run(capsys, "check", "--format", "json")
    assert code == 1 and json.loads(out)["sources"] == 2
    monkeypatch.chdir(content_repo)
    assert load_config().paths == ("pages",)  # from the root, the paths read as written


def test_config_default_folders_are_the_projects_too(content_repo, monkeypatch, capsys):
    (content_repo / "pages").rename(content_repo / "sources")
    (content_repo / "checker.toml").write_text("# defaults only\n", encoding="utf-8")
    monkeypatch.chdir(content_repo / "docs")
    config = load_config()
    assert (config.paths, config.store, config.out) == (("../sources",), "../claims", "../reports")
    assert config.origin("paths") == "default"
    code, out, _ = run(capsys, "check", "--format", "json")
    assert code == 1 and json.loads(out)["sources"] == 2


def test_config_found_from_the_first_path_given(content_repo, tmp_path, monkeypatch, capsys):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    (content_repo / "checker.toml").write_text('fail_on = "info"\nignore = ["CC001"]\n', encoding="utf-8")
    code, out, _ = run(capsys, "check", str(content_repo / "pages"), "--format", "json")
    assert code == 0 and json.loads(out)["conflicts"] == []  # CC001 ignored by the repository's file
    assert run(capsys, "check", str(content_repo / "pages"), "--config", str(elsewhere / "none.toml"))[0] == 2


def test_config_pyproject_without_a_checker_table_is_passed_over(tmp_path):
    (tmp_path / "checker.toml").write_text("tolerance = 0.3\n", encoding="utf-8")
    inner = tmp_path / "project"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(inner) == (tmp_path / "checker.toml").resolve()
    assert load_config(inner).tolerance == 0.3
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.checker]\ntolerance = 0.5\n',
                                          encoding="utf-8")
    assert load_config(inner).tolerance == 0.5
    (inner / "checker.toml").write_text("tolerance = 0.7\n", encoding="utf-8")
    assert load_config(inner).tolerance == 0.7  # checker.toml before pyproject.toml in one folder


def test_config_none_found_is_the_defaults(tmp_path):
    if find_config(tmp_path) is not None:
        pytest.skip("a configuration file above the temporary folder applies to it")
    assert load_config(tmp_path) == Config()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path / "not" / "yet") is None and load_config(tmp_path) == Config()


@pytest.mark.parametrize("before", [True, False])
def test_config_option_before_or_after_the_command(content_repo, tmp_path, monkeypatch, capsys, before):
    other = tmp_path / "strict.toml"
    other.write_text('paths = ["repo/pages"]\nignore = ["CC001"]\n', encoding="utf-8")
    monkeypatch.chdir(content_repo)
    argv = ["--config", str(other), "check"] if before else ["check", "--config", str(other)]
    code, out, _ = run(capsys, *argv, "--format", "json")
    assert code == 0 and json.loads(out)["sources"] == 2 and json.loads(out)["conflicts"] == []


def test_config_command_prints_each_setting_and_where_it_came_from(content_repo, monkeypatch, capsys):
    monkeypatch.chdir(content_repo / "docs")
    code, out, _ = run(capsys, "config")
    assert code == 0
    lines = {line.split(" = ")[0]: line for line in out.splitlines() if " = " in line}
    assert out.startswith("# configuration file: ../checker.toml\n")
    assert lines["paths"].startswith('paths = ["../pages"]') and lines["paths"].endswith("# ../checker.toml:2")
    assert lines["store"].endswith("# ../checker.toml:4")
    assert lines["fail_on"].startswith('fail_on = "error"') and lines["fail_on"].endswith("# default")
    code, out, _ = run(capsys, "config", "--json")
    data = json.loads(out)
    assert data["file"] == "../checker.toml"
    assert data["settings"]["paths"] == {"value": ["../pages"], "from": "../checker.toml:2"}
    assert data["settings"]["tolerance"] == {"value": 0.2, "from": "default"}


def test_config_origin_lines_inside_the_tool_table_of_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\nfail_on = 1\n\n[tool.checker]\n# comment\nfail_on = "warning"\n'
        'data = ["builtin", "t.yaml"]\n'
        '\n[tool.other]\nfail_on = 2\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert config.fail_on == "warning" and config.origin("fail_on").endswith("pyproject.toml:7")
    assert config.origin("data").endswith("pyproject.toml:8") and config.origin("tolerance") == "default"
    assert config.data[0] == "builtin" and config.data[1].endswith("t.yaml")


@pytest.mark.parametrize("text, message", [
    ('tolerence = 0.3', "unknown setting 'tolerence'"),
    ('ignore = ["CC999"]', "CC999"),
    ('fail_on = "fatal"', "fail_on must be one of"),
    ('tolerance = "big"', "tolerance must be a number"),
    ('paths = "sources"', "paths must be a list of paths"),
    ('data = ["builtin", 3]', 'data must be a list of paths (and "builtin"'),
    ('store = 3', "store must be a file or folder path"),
    ('fail_on = ', "invalid TOML"),
])
def test_config_bad_values_are_errors_naming_the_file(tmp_path, text, message):
    (tmp_path / "checker.toml").write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)) as info:
        load_config(tmp_path)
    assert "checker.toml" in str(info.value) and str(info.value).startswith("E002 ")


def test_config_data_overlay_is_relative_to_the_file_and_adds_to_the_packaged_files(content_repo, monkeypatch, capsys):
    (content_repo / "checker" / "topics.yaml").parent.mkdir()
    (content_repo / "checker" / "topics.yaml").write_text("subjects:\n  trigger point injection:\n    aliases: [TPX]\n",
                                                          encoding="utf-8")
    (content_repo / "checker.toml").write_text('paths = ["pages"]\ndata = ["builtin", "checker/topics.yaml"]\n',
                                               encoding="utf-8")
    (content_repo / "pages" / "c.txt").write_text("TPX\n\nRelief from a TPX typically lasts 2 years.\n",
                                                  encoding="utf-8")
    monkeypatch.chdir(content_repo / "docs")
    code, out, _ = run(capsys, "check", "--format", "json")
    sources = {c["source"] for conflict in json.loads(out)["conflicts"] for c in conflict["claims"]}
    assert code == 1 and "../pages/c.txt" in sources


def test_data_dump_prints_every_packaged_file_as_one_yaml_stream(capsys):
    code, out, _ = run(capsys, "data", "dump")
    assert code == 0
    files = packaged_data_files()
    assert {p.name for p in files} >= {"subjects.yaml", "cues.yaml", "quantities.yaml"}
    documents = list(yaml.safe_load_all(out))
    assert documents == [yaml.safe_load(p.read_text(encoding="utf-8")) for p in files]
    assert [line for line in out.splitlines() if line.startswith("--- # ")] == [
        f"--- # checker/data/{p.name}" for p in files]


def test_data_dump_one_file_by_name_and_unknown_names(capsys):
    cues = next(p for p in packaged_data_files() if p.name == "cues.yaml")
    for name in ("cues", "cues.yaml"):
        code, out, _ = run(capsys, "data", "dump", name)
        assert code == 0 and out == cues.read_text(encoding="utf-8")
    code, out, err = run(capsys, "data", "dump", "topics")
    assert code == 2 and out == "" and "no packaged data file 'topics'" in err and "cues.yaml" in err


def test_data_dump_and_rules_work_despite_a_broken_configuration(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "checker.toml").write_text("tolerence = 1\n", encoding="utf-8")
    assert run(capsys, "data", "dump", "cues")[0] == 0
    assert run(capsys, "rules", "CC001")[0] == 0
    assert run(capsys, "config")[0] == 2


def test_config_decisions_and_baselines_hold_from_any_folder_of_the_project(content_repo, monkeypatch, capsys):
    monkeypatch.chdir(content_repo / "docs" / "guides")
    # the baseline is recorded from a subfolder, with the configured baseline file
    (content_repo / "checker.toml").write_text('paths = ["pages"]\nbaseline = "checker-baseline.json"\n',
                                               encoding="utf-8")
    assert run(capsys, "baseline")[0] == 0
    recorded = json.loads((content_repo / "checker-baseline.json").read_text(encoding="utf-8"))
    assert {c["source"] for c in recorded["conflicts"][0]["claims"]} == {"pages/a.txt", "pages/b.txt"}
    assert run(capsys, "check")[0] == 0
    monkeypatch.chdir(content_repo)
    assert run(capsys, "check")[0] == 0
    # a decision taken at the root holds in a subfolder, and one taken there holds at the root
    (content_repo / "checker.toml").write_text('paths = ["pages"]\n', encoding="utf-8")
    _code, out, _ = run(capsys, "check", "--format", "json")
    cid = json.loads(out)["conflicts"][0]["id"]
    assert run(capsys, "review", "accept", cid, "--note", "two products")[0] == 0
    monkeypatch.chdir(content_repo / "docs")
    code, out, _ = run(capsys, "check", "--format", "json")
    assert code == 0 and json.loads(out)["conflicts"][0]["decision"]["stale"] is False
    assert run(capsys, "review", "reject", cid)[0] == 0
    monkeypatch.chdir(content_repo)
    code, out, _ = run(capsys, "check", "--format", "json")
    assert code == 1 and json.loads(out)["conflicts"][0]["decision"] == {"status": "rejected", "note": "",
                                                                         "stale": False}
