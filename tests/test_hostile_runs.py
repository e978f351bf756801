"""Whole runs of the installed command on hostile folders (issue 11, "Done when"):

- a folder mixing the five default pages with every hostile kind: `check --format json` exits 2,
  reports the medial branch block conflict, names every bad file, stays under 1 GB resident, and takes
  less than ten times the five pages alone plus a few times ordinary prose of the same size;
- SIGKILLs at random moments during `report` leave the next run byte-identical to an uninterrupted one
  (``bench/kills.py`` does 100 of them on the MedQuAD pages).
"""
from __future__ import annotations

import json
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from hostile_corpus import ENTRIES, KINDS, ordinary_page, write_kind

from tests.conftest import REPO

COMMAND = [sys.executable, "-m", "checker"]


def _run(argv: list, cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    proc = subprocess.run(COMMAND + argv, cwd=cwd, capture_output=True, text=True, timeout=600)
    return time.perf_counter() - started, proc


def _five_pages(folder: Path) -> None:
    folder.mkdir(parents=True)
    for page in sorted((REPO / "sources").glob("*.txt")):
        shutil.copy(page, folder / page.name)


def test_hostile_mixed_folder_exits_2_names_every_bad_file_and_keeps_the_conflict(tmp_path):
    _five_pages(tmp_path / "five")
    mixed = tmp_path / "mixed"
    shutil.copytree(tmp_path / "five", mixed)
    bad = []
    for kind in KINDS:
        path = write_kind(mixed, kind)
        if kind.error:
            bad.append(path.relative_to(tmp_path).as_posix())
    for maker, _reason in ENTRIES.values():
        maker(mixed)
    size = sum(p.stat().st_size for p in mixed.iterdir() if p.is_file() and not p.is_symlink())
    (tmp_path / "prose").mkdir()
    (tmp_path / "prose" / "prose.txt").write_text(ordinary_page(size))

    five, proc = _run(["check", "five", "--format", "json"], tmp_path)
    assert proc.returncode == 1
    prose, proc = _run(["check", "prose", "--format", "json"], tmp_path)
    elapsed, proc = _run(["check", "mixed", "--format", "json"], tmp_path)
    data = json.loads(proc.stdout)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert any(c["subject"] == "medial branch block" and c["attribute"] == "relief_duration"
               for c in data["conflicts"])
    assert sorted(e["source"] for e in data["errors"]) == sorted(bad)
    assert len(data["notes"]) >= len(ENTRIES)
    assert elapsed <= 10 * five + 3 * prose, f"{elapsed:.1f}s; five pages {five:.1f}s, prose {prose:.1f}s"
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far
    assert peak_kib < 1024 * 1024


def _outputs(folder: Path) -> dict:
    files = sorted(p for sub in ("reports", "claims") for p in (folder / sub).rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def test_hostile_sigkill_during_report_leaves_the_next_run_byte_identical(tmp_path):
    killed = tmp_path / "killed"
    _five_pages(killed / "src")
    shutil.copytree(REPO / "tests/data/dev/sources", killed / "src" / "dev")
    duration, proc = _run(["report", "src", "-q"], killed)
    assert proc.returncode == 0, proc.stderr
    pages = sorted((killed / "src").rglob("*.txt"))
    rng = random.Random(11)
    for k in range(5):
        # a page edited before each run, so that every run extracts and writes the store again
        with rng.choice(pages).open("a", encoding="utf-8") as page:
            page.write(f"\nRelief from the injection lasts {k + 2} weeks.\n")
        child = subprocess.Popen(COMMAND + ["report", "src", "-q"], cwd=killed,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.0) * duration)
        child.send_signal(signal.SIGKILL)
        child.wait()
    _, proc = _run(["report", "src", "-q"], killed)
    assert proc.returncode == 0, proc.stderr
    shutil.copytree(killed / "src", tmp_path / "clean" / "src")  # the same pages, never interrupted
    _, proc = _run(["report", "src", "-q"], tmp_path / "clean")
    assert proc.returncode == 0, proc.stderr
    assert _outputs(killed) == _outputs(tmp_path / "clean")  # no .tmp left either
