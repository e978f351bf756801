"""Start-up: how long `checker` takes before it does any work, and what it imports.

Times, each in a fresh process and from one run (these machines are shared and noisy: read the
ratios, and the seconds only as an order of magnitude):

- `checker --help` (the aim: under 0.5 s);
- `checker check` on a handful of pages whose claims are all in a warm claim store (the aim: under
  1 s, and spaCy not imported at all: the pre-commit hook pays this on every commit);
- the same check with a cold store (spaCy imported, the pipeline built, every page extracted).

Then the slowest imports of the first two, from `python -X importtime`.
Run: python bench/startup.py [--top N]
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "rules"  # seven short pages, four conflicts between them


class Timing:
    """Wall-clock seconds, and the CPU seconds of the child process (user + system): on a machine
    other people are using, the CPU time says more about checker than the wall-clock time does."""

    def __init__(self, wall: float, cpu: float) -> None:
        self.wall, self.cpu = wall, cpu

    def __str__(self) -> str:
        return f"{self.wall:6.2f} s wall {self.cpu:6.2f} s CPU"


def run(argv: list[str], cwd: Path, importtime: bool = False) -> tuple[Timing, subprocess.CompletedProcess]:
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), "-m", "checker", *argv]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(elapsed, cpu), proc


def slowest_imports(stderr: str, top: int) -> list[tuple[int, str]]:
    """(microseconds, name) of what took longest to import, by its own time (not counting what it
    imports in turn): each checker module on its own, other packages summed by top-level name."""
    totals: dict[str, int] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, _cumulative, name = line[len("import time:"):].split("|")
        if not own.strip().isdigit():
            continue  # the header line
        name = name.strip()
        key = name if name.startswith("checker") else name.split(".")[0]
        totals[key] = totals.get(key, 0) + int(own)
    return sorted(((micros, name) for name, micros in totals.items()), reverse=True)[:top]


def imported(stderr: str, module: str) -> bool:
    return any(line.split("|")[-1].strip() == module for line in stderr.splitlines() if "|" in line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=8, help="how many of the slowest imports to list")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(PAGES, work / "sources")
        pages = len(list((work / "sources").rglob("*.txt")))
        check = ["check", "sources", "--store", "claims", "--quiet"]
        help_s, _ = run(["--help"], work)
        cold_s, _ = run(check, work)  # builds the store
        warm_s, _ = run(check, work)
        _, help_trace = run(["--help"], work, importtime=True)
        _, warm_trace = run(check, work, importtime=True)
    print(f"checker start-up, {sys.executable}, one run each in a fresh process")
    print(f"  checker --help                        {help_s}")
    print(f"  checker check, {pages} pages, warm store    {warm_s}  "
          f"(spaCy imported: {'yes' if imported(warm_trace.stderr, 'spacy') else 'no'})")
    print(f"  checker check, {pages} pages, cold store    {cold_s}")
    print(f"  CPU time ratios: warm/cold {warm_s.cpu / cold_s.cpu:.2f}, help/warm {help_s.cpu / warm_s.cpu:.2f}")
    for title, trace in (("--help", help_trace), ("warm check", warm_trace)):
        imports = slowest_imports(trace.stderr, args.top)
        total = sum(int(line.split("|")[0].split(":")[1]) for line in trace.stderr.splitlines()
                    if line.startswith("import time:") and line.split("|")[0].split(":")[1].strip().isdigit())
        print(f"slowest imports of {title} (own time; all imports {total / 1e6:.2f} s):")
        for micros, name in imports:
            print(f"  {micros / 1e6:6.3f} s  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
