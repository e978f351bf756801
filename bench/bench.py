"""Benchmark: whole-process runs of `checker` on real and generated corpora, in one run.

For each corpus (the MedQuAD pages, generated corpora of 1k, 5k and 20k pages; `--corpora` picks):

- cold `report` and cold `check` (a new claim store), with `--jobs 2` (and `--jobs 1` where asked:
  the pool's gain on two cores);
- warm `report` and warm `check` (the store from the cold run; nothing changed);
- one changed page: a sentence appended to one page, then `check --changed PAGE` with the store;
- on MedQuAD, the Dask engine on a local cluster of two workers, whose conflicts.json must be the
  local engine's bytes.

Each run is a fresh process. Printed per run: wall and CPU seconds (the process and its workers), cores
used (CPU/wall), words per second and per CPU-second, the peak resident memory of the process tree
(sampled from /proc, summed over checker and its workers), and the time as a share of the cold
`check`. Then spaCy's bare tokenizer on the same texts (words per CPU-second, one core) as the yardstick,
and the start-up of `checker --help` and of a warm `check` of the five default pages.

These machines are shared and noisy: read ratios measured in one run, and CPU seconds over wall seconds.
Run: python bench/bench.py [--corpora medquad,1000,5000,20000] [--jobs1 medquad,1000,5000] [--json FILE]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate_corpus  # noqa: E402

MEDQUAD = ROOT.parent / "shared" / "corpora" / "medquad" / "pages"
EDIT = "\nRelief from medial branch blocks typically lasts 2 years.\n"
LONG_AGO = time.time() - 3600
# As installed: Python may cache compiled modules (an installed package has them; without, every start
# compiles checker's modules again, a third of a warm run)
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Run:
    corpus: str
    what: str
    jobs: str
    wall: float
    cpu: float
    peak_mb: float  # checker and its workers together
    main_mb: float  # the checker process alone
    words: int
    code: int
    main_cpu: float = 0.0  # CPU seconds of the checker process alone (the rest is its workers')
    extra: dict = field(default_factory=dict)

    @property
    def cores(self) -> float:
        return self.cpu / self.wall if self.wall else 0.0


class TreeMemory(threading.Thread):
    """Samples the resident memory of a process and all its descendants (Linux /proc), keeping the peak."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak, self.peak_main, self.done = pid, every, 0, 0, False
        self.main_cpu = 0.0  # the process's own CPU seconds, as last sampled

    def run(self) -> None:
        while not self.done:
            self.peak = max(self.peak, sum(_rss(p) for p in _tree(self.pid)))
            self.peak_main = max(self.peak_main, _rss(self.pid))
            self.main_cpu = max(self.main_cpu, _cpu(self.pid))
            time.sleep(self.every)


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as handle:
                    todo += [int(c) for c in handle.read().split()]
        except OSError:
            pass
    return out


def _cpu(pid: int) -> float:
    """User and system CPU seconds of the process itself (not its children), from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def run(corpus: str, what: str, jobs: str, argv: list[str], words: int, cwd: Path) -> Run:
    """One `python -m checker ...` in a fresh process: wall, CPU of it and its children, peak tree RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "checker", *argv], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, env=ENV)
    sampler = TreeMemory(proc.pid)
    sampler.start()
    _out, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.done = True
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"checker {' '.join(argv)} exited {proc.returncode}: {err.strip()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(corpus, what, jobs, wall, cpu, sampler.peak / 2**20, sampler.peak_main / 2**20, words, proc.returncode,
               min(sampler.main_cpu, cpu))


def words_of(folder: Path) -> tuple[int, list[str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.suffix in (".md", ".txt", ".html")]
    return sum(len(t.split()) for t in texts), texts


def tokenizer_speed(texts: list[str]) -> float:
    """spaCy's blank English tokenizer on the texts, words per CPU-second of this process."""
    import spacy

    nlp = spacy.blank("en")
    words = sum(len(t.split()) for t in texts)
    start = time.process_time()
    for text in texts:
        nlp.make_doc(text)
    return words / (time.process_time() - start)


def normalizer_speed(texts: list[str]) -> float:
    """checker's quantity finder alone (`checker.quantities.find_quantities`, which reads every block the
    pipeline reads), words per CPU-second of this process."""
    from checker.quantities import find_quantities

    words = sum(len(t.split()) for t in texts)
    start = time.process_time()
    for text in texts:
        find_quantities(text)
    return words / (time.process_time() - start)


def measure_corpus(name: str, source: Path, work: Path, jobs1: bool, dask: bool) -> list[Run]:
    pages = work / "pages"
    shutil.copytree(source, pages)
    for page in pages.rglob("*.*"):  # as a checkout that is not brand new: times older than the run
        os.utime(page, (LONG_AGO, LONG_AGO))
    words, _texts = words_of(pages)
    runs: list[Run] = []

    def go(what: str, jobs: str, *argv: str) -> Run:
        r = run(name, what, jobs, list(argv), words, work)
        runs.append(r)
        print(row(r, runs), flush=True)
        return r

    go("cold report", "2", "report", "pages", "--store", "store-r", "--out", "out", "-q", "--jobs", "2")
    go("warm report", "2", "report", "pages", "--store", "store-r", "--out", "out", "-q", "--jobs", "2")
    go("cold check", "2", "check", "pages", "--store", "store-c", "-q", "--jobs", "2", "--format", "json")
    go("warm check", "2", "check", "pages", "--store", "store-c", "-q", "--jobs", "2", "--format", "json")
    edited = sorted(pages.rglob("*.*"))[len(list(pages.rglob("*.*"))) // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    go("one changed page", "2", "check", "pages", "--store", "store-c", "-q", "--jobs", "2", "--format", "json",
       "--changed", str(edited.relative_to(work)))
    if jobs1:
        go("cold check", "1", "check", "pages", "--store", "store-1", "-q", "--jobs", "1", "--format", "json")
    if dask:
        edited.write_text(edited.read_text(encoding="utf-8")[: -len(EDIT)], encoding="utf-8")
        local = go("cold report", "2", "report", "pages", "--store", "store-l", "--out", "out-local", "-q",
                   "--jobs", "2")
        d = go("cold report, dask", "2 workers", "report", "pages", "--store", "store-d", "--out", "out-dask", "-q",
               "--engine", "dask", "--jobs", "2")
        same = (work / "out-dask" / "conflicts.json").read_bytes() == (work / "out-local" / "conflicts.json").read_bytes()
        d.extra["identical_to_local"] = same
        local.extra["reference_for_dask"] = True
        print(f"{'':<16} dask conflicts.json byte-identical to the local engine's: {'yes' if same else 'NO'}; "
              f"{words / d.wall / 2:,.0f} words/s per worker", flush=True)
    shutil.rmtree(pages)
    return runs


HEADER = (f"{'corpus':<16} {'run':<22} {'jobs':>9} {'wall s':>8} {'CPU s':>8} {'main CPU':>8} {'CPU/wall':>8} "
          f"{'words/s':>9} {'w/CPU-s':>9} {'peak MB':>8} {'main MB':>8} {'of cold check: wall, CPU':>24}")


def row(r: Run, runs: list[Run]) -> str:
    """One run; "main CPU" is the checker process's own share of the CPU seconds (the rest is its workers'),
    and warm runs show their wall and CPU seconds as shares of the cold check's."""
    cold = next((x for x in runs if x.corpus == r.corpus and x.what == "cold check" and x.jobs == "2"), None)
    share = f"{r.wall / cold.wall:.1%}, {r.cpu / cold.cpu:.1%}" if cold and r.what in ("warm check", "one changed page") \
        else ""
    return (f"{r.corpus:<16} {r.what:<22} {r.jobs:>9} {r.wall:8.2f} {r.cpu:8.2f} {r.main_cpu:8.2f} {r.cores:8.2f} "
            f"{r.words / r.wall:9,.0f} {r.words / r.cpu:9,.0f} {r.peak_mb:8.0f} {r.main_mb:8.0f} {share:>24}")


def startup(work: Path) -> list[Run]:
    """`checker --help`, and `check` on the five default pages with a warm store (bench/startup.py lists
    the slowest imports)."""
    shutil.copytree(ROOT / "sources", work / "sources")
    words, _ = words_of(work / "sources")
    runs = [run("5 default pages", "--help", "-", ["--help"], 0, work)]
    run("5 default pages", "cold check", "1", ["check", "sources", "--store", "claims", "-q"], words, work)
    runs.append(run("5 default pages", "warm check", "1", ["check", "sources", "--store", "claims", "-q"], words, work))
    return runs


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpora", default="medquad,1000,5000,20000",
                        help="comma-separated: medquad and/or sizes of generated corpora")
    parser.add_argument("--jobs1", default="medquad,1000,5000", help="corpora that also get a cold --jobs 1 check")
    parser.add_argument("--no-dask", action="store_true", help="leave out the Dask engine")
    parser.add_argument("--medquad", default=str(MEDQUAD), help="the MedQuAD pages (default: %(default)s)")
    parser.add_argument("--json", help="also write every run as JSON to this file")
    args = parser.parse_args(argv)
    corpora = [c for c in args.corpora.split(",") if c]
    jobs1 = set(args.jobs1.split(","))
    print(f"checker benchmark on {os.cpu_count()} cores; {sys.executable}")
    print(HEADER)
    runs: list[Run] = []
    tokenizer: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in corpora:
            work = Path(tmp) / name
            work.mkdir()
            if name == "medquad":
                source, label = Path(args.medquad), "medquad"
                if not source.is_dir():
                    print(f"medquad: {source} not found, skipped")
                    continue
            else:
                source, label = work / "generated", f"generated {int(name):,}"
                generate_corpus(source, int(name))
            runs += measure_corpus(label, source, work, name in jobs1, name == "medquad" and not args.no_dask)
            _words, texts = words_of(source)
            tokenizer[label] = (tokenizer_speed(texts), normalizer_speed(texts))
            if name != "medquad":
                shutil.rmtree(source)
        (Path(tmp) / "startup").mkdir()
        runs += startup(Path(tmp) / "startup")
    print()
    print("spaCy's bare tokenizer on the same texts, one core, and checker's cold report against it (and the")
    print("normalizer, checker.quantities.find_quantities, alone):")
    for label, (speed, normalizer) in tokenizer.items():
        cold = next(r for r in runs if r.corpus == label and r.what == "cold report")
        print(f"  {label:<16} tokenizer {speed:10,.0f} words/CPU-s; checker cold report {cold.words / cold.cpu:8,.0f} "
              f"words/CPU-s = {cold.words / cold.cpu / speed:.3f} of the tokenizer; normalizer {normalizer:8,.0f} "
              f"words/CPU-s")
    summary(runs)
    for r in runs:
        if r.corpus == "5 default pages":
            print(f"  start-up: checker {r.what:<12} {r.wall:5.2f} s wall, {r.cpu:5.2f} s CPU")
    if args.json:
        Path(args.json).write_text(json.dumps([dict(asdict(r), cores=r.cores) for r in runs], indent=1) + "\n")
    return 0


def summary(runs: list[Run]) -> None:
    """The figures of issue 12's "Done when", as measured above."""
    def find(corpus: str, what: str, jobs: str = "2"):
        return next((r for r in runs if r.corpus == corpus and r.what == what and r.jobs == jobs), None)

    print("\nsummary:")
    cold = find("medquad", "cold report")
    for r in runs:
        if r.corpus == "medquad" and r.what.startswith("cold"):
            print(f"  medquad {r.what} (--jobs {r.jobs}): {r.words / r.wall:,.0f} words/s end to end, "
                  f"{r.words / r.cpu:,.0f} words/CPU-s, CPU/wall {r.cores:.2f}")
            if r.jobs == "2" and r.main_cpu:
                # the checker process's own work cannot be shared with its workers: on two idle cores the
                # wall is at least max(its CPU, half of all CPU)
                bound = r.cpu / max(r.main_cpu, r.cpu / 2)
                print(f"    the checker process's own CPU {r.main_cpu:.1f} s of {r.cpu:.1f} s: CPU/wall at most "
                      f"{bound:.2f} on two idle cores")
    if cold:
        check, warm, one = find("medquad", "cold check"), find("medquad", "warm check"), find("medquad", "one changed page")
        print(f"  medquad warm check {warm.wall / check.wall:.1%} and one changed page {one.wall / check.wall:.1%} "
              f"of a cold check (CPU: {warm.cpu / check.cpu:.1%}, {one.cpu / check.cpu:.1%})")
        single = find("medquad", "cold check", "1")
        if single:
            print(f"  medquad cold check --jobs 2 against --jobs 1: {single.wall / check.wall:.2f} times as fast")
    small, large = "generated 1,000", "generated 20,000"
    for what in ("cold report", "warm report", "cold check", "warm check"):
        a, b = find(small, what), find(large, what)
        if a and b:
            print(f"  {what}: CPU per word at 20k pages / at 1k pages {(b.cpu / b.words) / (a.cpu / a.words):.2f}, "
                  f"wall per word {(b.wall / b.words) / (a.wall / a.words):.2f}")
    peak = max((r.peak_mb for r in runs if r.corpus == large), default=None)
    main = max((r.main_mb for r in runs if r.corpus == large), default=None)
    if peak is not None:
        print(f"  peak resident memory on 20,000 generated pages: checker process {main:.0f} MB, with its workers "
              f"{peak:.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
