"""Build the `CheckResult` fixture every golden report is rendered from: tests/golden/result.json.

    python tests/make_golden_result.py

checks the pages of tests/fixtures/reports/ (a cross-document conflict, a same-document one, an open
bound, a rate, an unreadable file, claims that are not compared, HTML-like text), applies three
reviewer decisions (accepted, rejected, and one made before a value changed: stale) and writes the
result as ``CheckResult.to_dict()``. It never overwrites: the file goes to ``result.json.new`` when
``result.json`` exists, for a person to read the diff and rename it. The golden reports are
rendered from the fixture, not from a pipeline run, so a change to extraction never touches them.
"""
from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURE = "tests/fixtures/reports"  # relative, so that paths in the golden files do not depend on the checkout
RESULT = REPO / "tests" / "golden" / "result.json"


def build():
    from checker import Config
    from checker.decisions import apply_decisions, decide
    from checker.pipeline import check

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        result = check([FIXTURE], Config())
    finally:
        os.chdir(cwd)
    by_subject = {(c.subject, c.attribute): c for c in result.conflicts}
    accepted = by_subject[("genicular nerve block", "relief_duration")]
    rejected = by_subject[("trigger point injection", "relief_duration")]
    stale = by_subject[("radiofrequency ablation", "relief_duration")]
    decisions = {
        accepted.id: decide(accepted, "accepted", 'Phases differ: the anesthetic <wears off> in hours & the "steroid" '
                                                  "helps for months"),
        rejected.id: decide(rejected, "rejected", "The page must say one thing"),
        stale.id: dataclasses.replace(decide(stale, "accepted", "Checked with the clinic"), signature="0" * 16),
    }
    return apply_decisions(result, decisions)


def dump(result) -> str:
    return json.dumps(result.to_dict(), indent=1, ensure_ascii=False) + "\n"


def main() -> int:
    sys.path.insert(0, str(REPO))
    target = RESULT.with_name(RESULT.name + ".new") if RESULT.exists() else RESULT
    target.write_text(dump(build()), encoding="utf-8", newline="\n")
    print(f"wrote {target.relative_to(REPO)}" + (": read the diff, then rename it to result.json"
                                                  if target != RESULT else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
