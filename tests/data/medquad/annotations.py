"""MedQuAD development gold: the three parts in parts/, annotated by three people, merged.

Each part follows tests/data/ANNOTATING.md; they differ in one convention, which is unified here:
part 1 gave the frequency of a sign or symptom among affected people (the GARD symptom lists and
"75% of affected people have heart problems") with the feature as subject and the disorder as
condition, parts 2 and 3 with the disorder as subject and the feature as condition. The merged gold
uses the latter: the number is about the disorder, for the feature.
"""
import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"medquad_{name}", HERE / "parts" / name / "annotations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PARTS = [_load(name) for name in ("part1", "part2", "part3")]

DOCS: dict = {}
CLAIMS: list = []
CONFLICTS: list = []
CONSISTENT: list = []
for part in PARTS:
    overlap = set(DOCS) & set(part.DOCS)
    assert not overlap, f"id prefixes used by two parts: {sorted(overlap)}"
    DOCS.update(part.DOCS)
    CONFLICTS += list(getattr(part, "CONFLICTS", []))
    CONSISTENT += list(getattr(part, "CONSISTENT", []))

_disorders = {c["subject"] for c in PARTS[0].CLAIMS if c["attribute"] in ("prevalence", "age_at_onset")}
for part in PARTS:
    for claim in part.CLAIMS:
        claim = dict(claim)
        if part is PARTS[0] and claim["attribute"] == "risk" and claim.get("cond") in _disorders:
            claim["subject"], claim["cond"] = claim["cond"], claim["subject"]
        CLAIMS.append(claim)
