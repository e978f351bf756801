"""Robustness: SIGKILL `checker report` at random moments, then check that the next uninterrupted run
writes the store and every report byte-identical to a run that was never interrupted.

By default on the MedQuAD pages of ../shared/corpora/medquad (the issue's 100 kills), else on any
folder given. Each kill lands at a random moment of a run (start-up, reading, extracting, writing); the
runs go on from whatever the killed one left. Run: python bench/kills.py [--kills 100] [--pages 300]
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--pages", type=int, default=300, help="pages of the corpus to copy")
    parser.add_argument("--corpus", type=Path, default=MEDQUAD)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    pages = sorted(p for p in args.corpus.iterdir() if p.suffix in (".md", ".txt", ".html"))[: args.pages]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("clean", "killed"):
            (Path(tmp) / name / "src").mkdir(parents=True)
            for page in pages:
                shutil.copy(page, Path(tmp) / name / "src" / page.name)
        started = time.perf_counter()
        subprocess.run(COMMAND, cwd=Path(tmp) / "clean", env=env, check=True)
        duration = time.perf_counter() - started
        rng = random.Random(args.seed)
        finished = 0
        for _ in range(args.kills):
            child = subprocess.Popen(COMMAND, cwd=Path(tmp) / "killed", env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0.0, 1.0) * duration)
            finished += child.poll() is not None
            child.send_signal(signal.SIGKILL)
            child.wait()
        subprocess.run(COMMAND, cwd=Path(tmp) / "killed", env=env, check=True)
        clean, killed = outputs(Path(tmp) / "clean"), outputs(Path(tmp) / "killed")
        same = clean == killed
        print(f"{len(pages)} pages, a clean run {duration:.1f}s; {args.kills} kills ({finished} runs had already "
              f"ended); the next run {'IS' if same else 'is NOT'} byte-identical to the clean one "
              f"({len(clean)} files)")
        if not same:
            for name in sorted(set(clean) | set(killed)):
                if clean.get(name) != killed.get(name):
                    print(f"  differs: {name}")
        return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
