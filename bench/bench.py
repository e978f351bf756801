"""Benchmark: the pipeline's words per second against spaCy's bare tokenizer on the same texts.

Prints ratios measured in one run (these machines are noisy; never compare absolute figures across
runs) and peak memory. Run: python bench/bench.py [--docs N]
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
from checker.pipeline import Resources, check  # noqa: E402
from checker.read import discover  # noqa: E402
from generate import generate_corpus  # noqa: E402


def words_in(paths: list[str]) -> tuple[int, list[str]]:
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    return sum(len(t.split()) for t in texts), texts


def measure(label: str, folder: str, resources: Resources) -> dict:
    files, _ = discover([folder])
    words, texts = words_in(files)
    tokenizer = spacy.blank("en")
    start = time.perf_counter()
    for text in texts:
        tokenizer.make_doc(text)
    bare = time.perf_counter() - start

    tracemalloc.start()
    start = time.perf_counter()
    result = check([folder], Config(), resources=resources)
    full = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    row = {
        "corpus": label, "docs": len(files), "words": words, "claims": len(result.claims),
        "conflicts": len(result.conflicts), "pipeline_wps": words / full, "tokenizer_wps": words / bare,
        "ratio": bare / full, "peak_mb": peak / 2**20,
    }
    print(f"{label:<22} {len(files):>6} docs {words:>9} words  pipeline {row['pipeline_wps']:>9.0f} w/s  "
          f"tokenizer {row['tokenizer_wps']:>10.0f} w/s  pipeline/tokenizer speed {row['ratio']:.3f}  "
          f"claims {len(result.claims):>6}  peak traced memory {row['peak_mb']:.1f} MiB")
    return row


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=2000, help="size of the generated corpus (default 2000)")
    args = parser.parse_args(argv)
    resources = Resources.load(Config())
    resources.nlp  # build the spaCy pipeline outside the timed runs
    print("checker benchmark: words per second of the whole pipeline (read → render data, no store) "
          "versus spaCy's blank English tokenizer on the same texts, one process, one core")
    measure("default corpus", str(ROOT / "sources"), resources)
    with tempfile.TemporaryDirectory() as tmp:
        generate_corpus(tmp, args.docs)
        measure(f"generated ({args.docs})", tmp, resources)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"max resident set size of this process: {usage.ru_maxrss / 1024:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
