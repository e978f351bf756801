"""The CI check, scripted: a content repository under git, pull-request-sized changes, and the
commands a workflow runs (`checker check --since REF --format github`, `checker review accept`).

Also: changed-files mode extracts only the changed documents (the rest comes from the claim store),
and the command line in .pre-commit-hooks.yaml really runs (the CI recipes: tests/test_ci_recipes.py).
"""
from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from checker import Config
from checker.cli import main
from checker.pipeline import check
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GENICULAR = "Genicular Nerve Blocks\n\nRelief from a genicular nerve block usually lasts 3 to 6 months.\n"
LEAFLET = ("Genicular Nerve Blocks: After Your Visit\n\n"
           "Rest your knee for the remainder of the day.\n\n"
           "Call us if the swelling does not settle.\n")
STELLATE = "Stellate Ganglion Block\n\nThe injection itself takes about 10 minutes.\n"


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-c", "user.name=CI", "-c", "user.email=ci@example.invalid", *args], cwd=repo,
                          capture_output=True, text=True, check=True)
    return proc.stdout


@pytest.fixture
def content_repo(tmp_path, monkeypatch):
    """A content repository as a team keeps it: sources/, claims/ (store and decisions), committed."""
    repo = tmp_path / "content"
    (repo / "sources").mkdir(parents=True)
    (repo / "claims").mkdir()
    (repo / "sources" / "genicular.txt").write_text(GENICULAR, encoding="utf-8")
    (repo / "sources" / "leaflet.txt").write_text(LEAFLET, encoding="utf-8")
    (repo / "sources" / "stellate.txt").write_text(STELLATE, encoding="utf-8")
    (repo / ".gitignore").write_text("/claims/*\n!/claims/decisions.json\n/reports/\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "content")
    monkeypatch.chdir(repo)
    return repo


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def test_ci_scenario_conflict_fails_accept_passes_unrelated_passes_value_edit_fails(content_repo, capsys):
    repo = content_repo
    assert run(capsys, "check", "--since", "HEAD", "--format", "github")[0] == 0  # nothing changed yet

    # 1. a pull request adds a sentence to the leaflet that contradicts the genicular page
    leaflet = repo / "sources" / "leaflet.txt"
    leaflet.write_text(LEAFLET + "\nRelief from a genicular nerve block lasts a few hours.\n", encoding="utf-8")
    changed_line = leaflet.read_text(encoding="utf-8").splitlines().index(
        "Relief from a genicular nerve block lasts a few hours.") + 1
    code, out, _ = run(capsys, "check", "--since", "HEAD", "--format", "github")
    assert code == 1
    annotation = [line for line in out.splitlines() if line.startswith("::error file=sources/leaflet.txt,")]
    assert len(annotation) == 1
    assert f",line={changed_line}," in annotation[0] and '"a few hours"' in annotation[0]
    conflict_id = re.search(r"\[([0-9a-f]{16})\]", annotation[0]).group(1)

    # 2. a reviewer accepts the difference; the same change passes, shown as a notice
    code, out, _ = run(capsys, "review", "accept", conflict_id, "--note", "Leaflet describes the anesthetic phase")
    assert code == 0 and conflict_id in out
    decisions = json.loads((repo / "claims" / "decisions.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in decisions["decisions"]] == [conflict_id]
    code, out, _ = run(capsys, "check", "--since", "HEAD", "--format", "github")
    assert code == 0
    assert "::error" not in out and f"::notice file=sources/leaflet.txt,line={changed_line}," in out
    assert "Leaflet describes the anesthetic phase" in out
    commit_all(repo, "leaflet: anesthetic phase (accepted)")

    # 3. an unrelated change passes: a new page about another procedure, and an edit of text without values
    (repo / "sources" / "occipital.txt").write_text(
        "Occipital Nerve Blocks\n\nThe injection takes about 5 minutes.\n", encoding="utf-8")
    with (repo / "sources" / "genicular.txt").open("a", encoding="utf-8") as handle:
        handle.write("\nAsk your doctor whether a genicular nerve block suits you.\n")
    assert run(capsys, "check", "--since", "HEAD", "--format", "github")[0] == 0
    commit_all(repo, "unrelated edits")

    # 4. editing an accepted value brings the conflict back: the decision is stale, CI fails again
    text = leaflet.read_text(encoding="utf-8").replace("lasts a few hours.", "lasts a few days.")
    leaflet.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--since", "HEAD", "--format", "github")
    assert code == 1
    assert re.search(rf"::error file=sources/leaflet.txt,line={changed_line},.*a few days.*was accepted; "
                     r"a value changed since", out)


def test_ci_scenario_review_unknown_id_is_a_usage_error(content_repo, capsys):
    code, out, err = run(capsys, "review", "accept", "0123456789abcdef", "--note", "x")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "unknown conflict id '0123456789abcdef'" in err
    assert not (content_repo / "claims" / "decisions.json").exists()


def test_ci_scenario_since_outside_git_is_a_clear_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sources").mkdir()
    code, _out, err = run(capsys, "check", "--since", "HEAD")
    assert code == 2 and err.count("\n") == 1
    assert "--since needs a git repository" in err


def test_ci_scenario_since_unknown_ref_is_a_clear_error(content_repo, capsys):
    code, _out, err = run(capsys, "check", "--since", "no-such-branch")
    assert code == 2 and err.count("\n") == 1 and "--since no-such-branch" in err


def test_ci_scenario_since_includes_untracked_and_committed_changes(content_repo, capsys):
    from checker.pipeline import changed_since

    base = git(content_repo, "rev-parse", "HEAD").strip()
    (content_repo / "sources" / "stellate.txt").write_text(STELLATE + "\nMore text.\n", encoding="utf-8")
    commit_all(content_repo, "edit")
    (content_repo / "sources" / "new.md").write_text("# New\n", encoding="utf-8")
    (content_repo / "sources" / "leaflet.txt").unlink()  # deleted: no claims to judge
    changed = [Path(p).relative_to(content_repo.resolve()).as_posix() for p in changed_since(base)]
    assert changed == ["sources/new.md", "sources/stellate.txt"]


def test_ci_scenario_changed_mode_extracts_only_the_changed_document(tmp_path, monkeypatch, capsys):
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate_corpus

    monkeypatch.chdir(tmp_path)
    paths = generate_corpus(tmp_path / "sources", 30)
    (tmp_path / "claims").mkdir()
    first = check(["sources"], Config(), store="claims", write_store=True)
    assert len(first.extracted) == 30

    target = paths[7]
    target.write_text(target.read_text(encoding="utf-8") +
                      "\nRelief from medial branch blocks typically lasts 2 years.\n", encoding="utf-8")
    second = check(["sources"], Config(), store="claims", write_store=True)
    assert second.extracted == ("sources/page_00007.txt",)
    assert len(second.sources) == 30

    # and the CLI's changed mode goes through the same store: only the changed page reaches spaCy
    from checker.extract import Extractor

    seen: list = []
    real = Extractor.extract_documents

    def recording(self, documents, *args, **kwargs):
        documents = list(documents)
        seen.extend(d.source for d in documents)
        return real(self, documents, *args, **kwargs)

    monkeypatch.setattr(Extractor, "extract_documents", recording)
    target.write_text(target.read_text(encoding="utf-8").replace("2 years", "3 years"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--changed", str(target), "--format", "json")
    assert seen == ["sources/page_00007.txt"]
    data = json.loads(out)
    assert data["sources"] == 30
    assert data["conflicts"] and all(any(c["source"] == "sources/page_00007.txt" for c in k["claims"])
                                     for k in data["conflicts"])
    assert code == 1
    seen.clear()
    assert run(capsys, "check", "--changed", str(target), "--format", "json")[0] == 1
    assert seen == []  # the store was updated by the previous run


# --------------------------------------------------------------------------------------------------
# the documented integrations run as written


def _checker_argv(command: str, substitutions: dict) -> list[str]:
    """The argv of a `checker ...` shell line from a YAML file, with ${{ ... }} expressions replaced and
    any output redirection left out."""
    for expression, value in substitutions.items():
        command = command.replace(expression, value)
    assert "${{" not in command, f"unexpected expression in {command!r}"
    words = shlex.split(command.split(">>")[0].split(">")[0])
    assert words[0] == "checker", command
    return words[1:]


def test_ci_scenario_pre_commit_hook_entry_runs(content_repo, capsys):
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} >= {"checker"}
    for hook in hooks:
        assert hook["language"] == "python" and re.search(hook["files"], "sources/a.md")
        argv = _checker_argv(hook["entry"], {})
        # pre-commit appends the staged file names to the entry
        clean = run(capsys, *argv, "sources/stellate.txt")[0]
        (content_repo / "sources" / "leaflet.txt").write_text(
            LEAFLET + "\nRelief from a genicular nerve block lasts a few hours.\n", encoding="utf-8")
        failing = run(capsys, *argv, "sources/leaflet.txt")[0]
        (content_repo / "sources" / "leaflet.txt").write_text(LEAFLET, encoding="utf-8")
        assert (clean, failing) == (0, 1), hook["id"]

# docs/github-workflow.yml, docs/gitlab-ci.yml and docs/ci.md run in tests/test_ci_recipes.py.
