"""Robustness: SIGKILL `checker report` at random moments, then check that the next uninterrupted run
writes the store and every report byte-identical to a run that was never interrupted.

By default on the MedQuAD pages of ../shared/corpora/medquad (the issue's 100 kills), else on any
folder given. Before each run a few pages are edited, so that every run extracts and writes the store
again; each kill lands at a random moment of the run (start-up, reading, extracting, writing) and the
runs go on from whatever the killed one left. At the end the same pages are reported once, never
interrupted, in another folder. Run: python bench/kills.py [--kills 100] [--pages 150]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = [sys.executable, "-m", "checker", "report", "src", "-q"]
MEDQUAD = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared")) / "corpora" / "medquad" / "pages"


def outputs(folder: Path) -> dict:
    files = sorted(p for sub in ("reports", "claims") for p in (folder / sub).rglob("*") if p.is_file())
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in files}


def _timed_run(folder: Path, env: dict) -> float:
    """A first full run, then one with three pages edited: how long the runs to be killed take."""
    subprocess.run(COMMAND, cwd=folder, env=env, check=True)
    page = sorted((folder / "src").iterdir())[0]
    page.write_text(page.read_text(encoding="utf-8") + "\nRelief lasts 3 weeks.\n", encoding="utf-8")
    started = time.perf_counter()
    subprocess.run(COMMAND, cwd=folder, env=env, check=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--pages", type=int, default=150, help="pages of the corpus to copy")
    parser.add_argument("--corpus", type=Path, default=MEDQUAD)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    pages = sorted(p for p in args.corpus.iterdir() if p.suffix in (".md", ".txt", ".html"))[: args.pages]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        killed_src = Path(tmp) / "killed" / "src"
        killed_src.mkdir(parents=True)
        for page in pages:
            shutil.copy(page, killed_src / page.name)
        copies = sorted(killed_src.iterdir())
        rng = random.Random(args.seed)
        duration = _timed_run(Path(tmp) / "killed", env)
        finished = 0
        for k in range(args.kills):
            for page in rng.sample(copies, min(3, len(copies))):
                with page.open("a", encoding="utf-8") as handle:
                    handle.write(f"\nRelief lasts {k % 11 + 2} weeks.\n")
            child = subprocess.Popen(COMMAND, cwd=Path(tmp) / "killed", env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, 1.0) * duration)
            finished += child.poll() is not None
            child.send_signal(signal.SIGKILL)
            child.wait()
        subprocess.run(COMMAND, cwd=Path(tmp) / "killed", env=env, check=True)
        shutil.copytree(killed_src, Path(tmp) / "clean" / "src")
        subprocess.run(COMMAND, cwd=Path(tmp) / "clean", env=env, check=True)
        clean, killed = outputs(Path(tmp) / "clean"), outputs(Path(tmp) / "killed")
        same = clean == killed
        print(f"{len(pages)} pages, a run with three pages edited {duration:.1f}s; {args.kills} kills ({finished} runs had already "
              f"ended); the next run {'IS' if same else 'is NOT'} byte-identical to the clean one "
              f"({len(clean)} files)")
        if not same:
            for name in sorted(set(clean) | set(killed)):
                if clean.get(name) != killed.get(name):
                    print(f"  differs: {name}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
