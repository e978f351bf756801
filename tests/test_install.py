"""Installing checker as a content team would: the wheel under the distribution's name, and the
pre-commit hook by tag from a clone of this repository.

The release tag is made here, in a temporary copy of the repository (the tag to create on merge is
documented in docs/release.md), so the test does not depend on the tags of the checkout it runs in.
pre-commit builds the hook's environment itself (``pip install .`` of the tagged clone), so this is
the slowest test: it needs the package index, as every install does.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import checker
from checker.config import tomllib  # the standard library's, or tomli on Python 3.10
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
DISTRIBUTION = PYPROJECT["project"]["name"]
TAG = f"v{checker.__version__}"
BIN = Path(sys.executable).parent

GENICULAR = "Genicular Nerve Blocks\n\nRelief from a genicular nerve block usually lasts 3 to 6 months.\n"
LEAFLET = "Genicular Nerve Blocks: After Your Visit\n\nRelief from a genicular nerve block lasts a few hours.\n"
STELLATE = "Stellate Ganglion Block\n\nThe injection itself takes about 10 minutes.\n"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=Release", "-c", "user.email=release@example.invalid",
                           "-c", "init.defaultBranch=main", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def tracked_files() -> list[str]:
    """The repository's files as a clone has them (tracked, and new ones not ignored), without the
    annotated corpora under tests/data/, which a release does not need."""
    names = git(REPO, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    return [n for n in names if n and not n.startswith("tests/data/") and (REPO / n).is_file()]


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> Path:
    """A copy of this repository, committed and tagged as the release is tagged on merge."""
    repo = tmp_path_factory.mktemp("release") / "checker"
    for name in tracked_files():
        target = repo / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, target)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", f"checker {checker.__version__}")
    git(repo, "tag", "-a", TAG, "-m", f"checker {checker.__version__}")
    return repo


def test_install_the_distribution_name_is_the_one_documented_and_not_the_taken_one():
    assert DISTRIBUTION == "health-claims-checker"
    release_doc = (REPO / "docs" / "release.md").read_text(encoding="utf-8")
    assert f"git tag -a {TAG}" in release_doc  # the tag to create on merge matches the version
    assert f"pip install {DISTRIBUTION}" in (REPO / "README.md").read_text(encoding="utf-8")
    assert PYPROJECT["project"]["scripts"] == {"checker": "checker.cli:main_entry"}


def test_install_wheel_under_its_name_gives_the_checker_command(release, tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(release)],
                   check=True, capture_output=True, text=True)
    [wheel] = wheels.glob("*.whl")
    assert wheel.name.startswith(f"{DISTRIBUTION.replace('-', '_')}-{checker.__version__}-")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = archive.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert f"Name: {DISTRIBUTION}\n" in metadata and "Requires-Dist: openpyxl" in metadata
    assert "checker = checker.cli:main_entry" in entry_points
    assert "checker/report/assets/report.css" in names and "checker/data/subjects.yaml" in names

    # installed by its name from a folder of wheels, as from an index; the dependencies are those of
    # this test's environment (made visible to the new one), so that nothing is downloaded twice
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    outer = [p for p in sys.path if p.endswith("site-packages")]
    Path(site, "outer-environment.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    # --ignore-installed: this test's environment has the checkout installed under the same name; pip
    # must install the wheel beside it, not call that one satisfied (nor uninstall it)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-index", "--no-deps", "--ignore-installed",
                    "--find-links", str(wheels), DISTRIBUTION],
                   check=True, capture_output=True, text=True, cwd=tmp_path)
    shown = subprocess.run([str(python), "-m", "pip", "show", "-f", DISTRIBUTION], check=True, capture_output=True,
                           text=True, cwd=tmp_path).stdout
    assert f"Name: {DISTRIBUTION}" in shown and f"Version: {checker.__version__}" in shown
    assert f"Location: {site}" in shown
    # run from elsewhere than the checkout: `python -c` looks in the working directory first
    where = subprocess.run([str(python), "-c", "import checker; print(checker.__file__)"], check=True,
                           capture_output=True, text=True, cwd=tmp_path).stdout
    assert where.startswith(site), where  # the installed wheel, not this checkout
    command = venv / "bin" / "checker"
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert version.stdout.strip() == f"checker {checker.__version__}"
    pages = REPO / "tests" / "fixtures" / "rules" / "CC001"
    run = subprocess.run([str(command), "check", str(pages), "--format", "json"], capture_output=True, text=True,
                         cwd=tmp_path)
    assert run.returncode == 1 and '"rule": "CC001"' in run.stdout, run.stderr[-800:]


@pytest.mark.skipif(not (BIN / "pre-commit").exists(), reason="pre-commit is not installed (pip install '.[test]')")
def test_install_pre_commit_hook_by_tag_from_a_clone(release, tmp_path):
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    (content / "sources" / "genicular.txt").write_text(GENICULAR, encoding="utf-8")
    (content / "sources" / "stellate.txt").write_text(STELLATE, encoding="utf-8")
    (content / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {release.as_posix()}\n    rev: {TAG}\n    hooks:\n      - id: checker\n",
        encoding="utf-8")
    git(content, "init", "-q")
    git(content, "add", "-A")
    git(content, "commit", "-q", "-m", "content")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"), PATH=f"{BIN}{os.pathsep}"
               f"{os.environ.get('PATH', '')}")

    def pre_commit(*files: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(BIN / "pre-commit"), "run", "--color", "never", "--files", *files], cwd=content,
                              env=env, capture_output=True, text=True, timeout=900)

    clean = pre_commit("sources/stellate.txt")
    assert clean.returncode == 0, clean.stdout[-2000:] + clean.stderr[-2000:]
    assert re.search(r"checker \(conflicting claims in changed pages\)\.+Passed", clean.stdout), clean.stdout

    (content / "sources" / "leaflet.txt").write_text(LEAFLET, encoding="utf-8")
    git(content, "add", "sources/leaflet.txt")
    failing = pre_commit("sources/leaflet.txt")
    assert failing.returncode == 1, failing.stdout[-2000:]
    assert re.search(r"checker \(conflicting claims in changed pages\)\.+Failed", failing.stdout)
    assert "sources/leaflet.txt:3:" in failing.stdout and "CC001" in failing.stdout
