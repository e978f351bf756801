"""Benchmark: the pipeline's words per second against spaCy's bare tokenizer on the same texts, and
changed-files mode (one page edited, the rest from the claim store) against a full run.

Prints ratios measured in one run (these machines are noisy; never compare absolute figures across
runs) and peak memory. Run: python bench/bench.py [--docs N] [--changed-docs N]
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import spacy  # noqa: E402

from checker import Config  # noqa: E402
from checker import Checker  # noqa: E402
from checker.pipeline import only_changed  # noqa: E402
from checker.quantities import find_quantities  # noqa: E402
from checker.read import discover  # noqa: E402
from generate import generate_corpus  # noqa: E402


def words_in(paths: list[str]) -> tuple[int, list[str]]:
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    return sum(len(t.split()) for t in texts), texts


def measure(label: str, folder: str, checker: Checker) -> dict:
    files, _ = discover([folder])
    words, texts = words_in(files)
    tokenizer = spacy.blank("en")
    start = time.perf_counter()
    for text in texts:
        tokenizer.make_doc(text)
    bare = time.perf_counter() - start

    # the normalizer alone (it runs on every text the pipeline reads): the figure the removed
    # timing assertion of tests/test_normalize.py used to check
    start = time.perf_counter()
    for text in texts:
        find_quantities(text)
    normalizer = time.perf_counter() - start

    start = time.perf_counter()
    result = checker.check_paths([folder])
    full = time.perf_counter() - start
    # memory in a second run: tracing allocations slows Python down several times, so it must not
    # be on while the time is taken
    tracemalloc.start()
    checker.check_paths([folder])
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    row = {
        "corpus": label, "docs": len(files), "words": words, "claims": len(result.claims),
        "conflicts": len(result.conflicts), "pipeline_wps": words / full, "tokenizer_wps": words / bare,
        "ratio": bare / full, "peak_mb": peak / 2**20, "normalizer_wps": words / normalizer,
    }
    print(f"{label:<22} {len(files):>6} docs {words:>9} words  pipeline {row['pipeline_wps']:>9.0f} w/s  "
          f"tokenizer {row['tokenizer_wps']:>10.0f} w/s  pipeline/tokenizer speed {row['ratio']:.3f}  "
          f"claims {len(result.claims):>6}  peak traced memory {row['peak_mb']:.1f} MiB")
    print(f"{'':<22} normalizer (checker.quantities.find_quantities) {row['normalizer_wps']:>9.0f} w/s  "
          f"normalizer/tokenizer speed {bare / normalizer:.3f}")
    return row


def measure_changed(docs: int, checker: Checker) -> dict:
    """A full run that builds the claim store, then the CI case: one page edited, `check --changed`
    (read every page, extract only the edited one, judge against the whole corpus, update the store)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = generate_corpus(Path(tmp) / "sources", docs)
        store = str(Path(tmp) / "claims")
        start = time.perf_counter()
        full_result = checker.check_paths([str(Path(tmp) / "sources")], store=store, write_store=True)
        full = time.perf_counter() - start

        edited = paths[len(paths) // 2]
        edited.write_text(edited.read_text(encoding="utf-8") + "\nRelief from medial branch blocks lasts 2 years.\n",
                          encoding="utf-8")
        start = time.perf_counter()
        result = checker.check_paths([str(Path(tmp) / "sources")], store=store, write_store=True)
        result = only_changed(result, [str(edited)])
        changed = time.perf_counter() - start
    assert len(result.extracted) == 1, result.extracted  # the point of the mode: only the edit is extracted
    row = {"docs": docs, "full_s": full, "changed_s": changed, "ratio": changed / full,
           "claims": len(full_result.claims), "conflicts_touching_edit": len(result.conflicts)}
    print(f"changed-files mode on {docs} docs: full run (building the store) {full:.2f} s, one page edited "
          f"{changed:.2f} s ({len(result.extracted)} extracted, {row['conflicts_touching_edit']} conflicts involve it); "
          f"changed/full time ratio {row['ratio']:.3f}")
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000, help="size of the generated corpus (default 2000)")
    parser.add_argument("--changed-docs", type=int, default=1000,
                        help="corpus size for the changed-files measurement (default 1000; 0 skips it)")
    args = parser.parse_args(argv)
    checker = Checker(Config())
    checker.extractor  # build the spaCy pipeline outside the timed runs
    print("checker benchmark: words per second of the whole pipeline (read → render data, no store) "
          "versus spaCy's blank English tokenizer on the same texts, one process, one core")
    measure("default corpus", str(ROOT / "sources"), checker)
    with tempfile.TemporaryDirectory() as tmp:
        generate_corpus(tmp, args.docs)
        measure(f"generated ({args.docs})", tmp, checker)
    if args.changed_docs:
        measure_changed(args.changed_docs, checker)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"max resident set size of this process: {usage.ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
