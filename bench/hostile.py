"""Benchmark: time per character of every hostile page kind (tests/hostile_corpus.py) from 1 KB to
10 MB, next to ordinary prose, each page checked on its own by the library in one warm process.

Flat rows are the point: a kind whose microseconds per character grow with the size has a cost that
is not linear. The limits are raised for the run (page size, claims, time) so that the cost itself is
measured, not the limit that would stop it. Run:

    python bench/hostile.py                       # 1 KB, 10 KB, 100 KB, 1 MB, 10 MB: long
    python bench/hostile.py --sizes 1e3 1e4 1e5 --kinds long_line big_table
"""
from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from checker import Checker, Config  # noqa: E402
from checker.limits import Limits  # noqa: E402
from hostile_corpus import KINDS, Kind, ordinary_page  # noqa: E402

PROSE = Kind("ordinary_prose", "prose.txt", lambda n: ordinary_page(n).encode("utf-8"))


def time_page(kind: Kind, size: int, folder: Path, checker: Checker) -> tuple[float, int, str]:
    path = folder / kind.filename
    data = kind.make(size)
    path.write_bytes(data)
    started = time.perf_counter()
    result = checker.check_paths([str(path)])
    elapsed = time.perf_counter() - started
    path.unlink()
    return elapsed, len(data), "error" if result.errors else f"{len(result.claims)} claims"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=float, default=[1e3, 1e4, 1e5, 1e6, 1e7])
    parser.add_argument("--kinds", nargs="*", help="kind names (default: every kind whose size scales)")
    args = parser.parse_args()
    limits = Limits(max_page_size=10**9, max_claims_per_page=10**9, max_seconds_per_page=10**6)
    config = dataclasses.replace(Config(), limits=limits)
    checker = Checker(config)  # the spaCy pipeline is built once, for every page
    kinds = [PROSE] + [k for k in KINDS if (k.name in args.kinds if args.kinds else k.scales)]
    sizes = [int(s) for s in args.sizes]
    time_page(PROSE, 1000, Path(tempfile.mkdtemp()), checker)  # build the pipeline first
    print(f"{'kind':<30}" + "".join(f"{_size(s):>12}" for s in sizes) + f"{'last/first':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            row = []
            for size in sizes:
                elapsed, length, outcome = time_page(kind, size, Path(tmp), checker)
                row.append(elapsed / max(length, 1) * 1e6)
            print(f"{kind.name:<30}" + "".join(f"{us:>10.2f}us" for us in row) + f"{row[-1] / row[0]:>12.2f}",
                  flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nmicroseconds per byte of the page; peak resident memory {peak:.0f} MiB")
    return 0


def _size(size: int) -> str:
    return f"{size / 1e6:g} MB" if size >= 1e6 else f"{size / 1e3:g} KB"


if __name__ == "__main__":
    sys.exit(main())
