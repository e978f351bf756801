#!/usr/bin/env python3
"""Score checker on every development gold set in one run (not the sealed ones).

    python tests/data/tools/score_all.py [--json]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
sys.path.insert(0, str(REPO))

from checker import Config, check  # noqa: E402
from checker.evaluate import GoldSet, evaluate  # noqa: E402

MEDQUAD = REPO.parent / "shared" / "corpora" / "medquad" / "pages"
SETS = {
    "seeds": (REPO.parent / "shared" / "gold" / "seeds", REPO / "sources"),
    "pain-dev": (REPO / "tests/data/dev/gold", REPO / "tests/data/dev/sources"),
    "pain-heldout": (REPO / "tests/data/heldout/gold", REPO / "tests/data/heldout/sources"),
    "medquad-dev": (REPO / "tests/data/medquad/gold", MEDQUAD),
    "web-1": (REPO / "tests/data/web/part1/gold", REPO / "tests/data/web/part1/sources"),
    "web-2": (REPO / "tests/data/web/part2/gold", REPO / "tests/data/web/part2/sources"),
}


def score(gold_dir: Path, pages: Path) -> dict:
    gold = GoldSet.load(gold_dir)
    names = sorted({Path(c["source"]).name for c in gold.claims} | set(gold.sources))
    paths = [str(pages / n) for n in names if (pages / n).is_file()] if gold.sources else [str(pages)]
    return evaluate(gold, check(paths, Config())).to_json()


def main() -> int:
    out = {}
    for name, (gold_dir, pages) in SETS.items():
        if not gold_dir.is_dir():
            continue
        j = score(gold_dir, pages)
        c, k, s = j["claims"], j["conflicts"], j["consistent"]
        out[name] = {"recall": c["recall"], "attribute": c["attribute_accuracy"], "subject": c["subject_accuracy"],
                     "both": c["subject_attribute_accuracy"], "conflicts_found": k["found"], "conflicts_gold": k["gold"],
                     "conflict_recall": k["recall"], "reported": k["reported"], "conflict_precision": k["precision"],
                     "false_alarms": s["false_alarms"], "consistent": s["pairs"]}
    if "--json" in sys.argv:
        print(json.dumps(out, indent=2))
    else:
        print(f"{'set':14} {'recall':>7} {'attr':>6} {'subj':>6} {'both':>6} {'conf':>7} {'c.rec':>6} {'rep':>4} "
              f"{'c.prec':>6} {'false':>7}")
        for name, r in out.items():
            pct = lambda v: "  n/a" if v is None else f"{v * 100:5.1f}"  # noqa: E731
            print(f"{name:14} {pct(r['recall']):>7} {pct(r['attribute']):>6} {pct(r['subject']):>6} {pct(r['both']):>6} "
                  f"{r['conflicts_found']:>3}/{r['conflicts_gold']:<3} {pct(r['conflict_recall']):>6} {r['reported']:>4} "
                  f"{pct(r['conflict_precision']):>6} {r['false_alarms']:>3}/{r['consistent']:<3}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
