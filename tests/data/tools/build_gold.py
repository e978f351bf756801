#!/usr/bin/env python3
"""Build a gold folder (claims.jsonl, conflicts.jsonl, consistent.jsonl) from a hand annotation.

    python tests/data/tools/build_gold.py ANNOTATIONS.py --sources DIR --out GOLD_DIR [--check]

ANNOTATIONS.py uses ``goldlib`` (see its docstring). Every quote is looked up in its source file
(decoded as UTF-8, newlines as on disk); a quote that is absent, or present more than once without
``occ``, is an error, and so is a value that is not inside its quote. Offsets are Python string
indices, end exclusive; ``line`` is 1-based. The output follows ``shared/gold/README.md``.
With ``--check`` nothing is written: exit 1 when the files on disk differ from a fresh build.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

ATTRIBUTES = {
    "relief_duration", "onset_time", "procedure_time", "recovery_time", "success_rate",
    "side_effect_duration", "activity_restriction", "repeat_interval", "indication_duration",
    "prevalence", "risk", "survival_rate", "age_at_onset", "life_expectancy", "illness_duration",
    "incubation_period", "contagious_period", "treatment_duration", "other",
}
UNITS = {"s", "ratio", "count"}
KEY_ORDER = ["id", "source", "line", "start", "end", "quote", "subject", "attribute", "condition",
             "value_text", "low", "high", "unit", "hedged", "period"]


class GoldError(Exception):
    pass


def load_annotations(path: Path):
    sys.path.insert(0, str(HERE))
    spec = importlib.util.spec_from_file_location(f"annotations_{abs(hash(str(path)))}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name in ("DOCS", "CLAIMS"):
        if not hasattr(module, name):
            raise GoldError(f"{path}: defines no {name}")
    return module


def pattern_for(text: str) -> re.Pattern:
    """Exact match, except that a space also matches a non-breaking space."""
    return re.compile("[ \u00a0]".join(re.escape(p) for p in text.split(" ")))


def find(haystack: str, needle: str, occ, what: str) -> tuple[int, int]:
    hits = [m.span() for m in pattern_for(needle).finditer(haystack)]
    if not hits:
        raise GoldError(f"{what}: not found: {needle!r}")
    if occ is None:
        if len(hits) > 1:
            raise GoldError(f"{what}: found {len(hits)} times, give occ=0..{len(hits) - 1}: {needle!r}")
        return hits[0]
    if not 0 <= occ < len(hits):
        raise GoldError(f"{what}: occ={occ} but only {len(hits)} occurrence(s): {needle!r}")
    return hits[occ]


def build_claims(ann, sources: Path) -> list[dict]:
    texts: dict[str, str] = {}
    for name in ann.DOCS.values():
        path = sources / name
        if not path.is_file():
            raise GoldError(f"DOCS names a file that does not exist: {path}")
        with open(path, encoding="utf-8", newline="") as fh:
            texts[name] = fh.read()
    out, seen = [], set()
    for c in ann.CLAIMS:
        cid = c["id"]
        if cid in seen:
            raise GoldError(f"duplicate id {cid}")
        seen.add(cid)
        prefix = cid.rsplit("-", 1)[0]
        if prefix not in ann.DOCS or not re.fullmatch(r".+-\d+", cid):
            raise GoldError(f"{cid}: id must be PREFIX-N with PREFIX a key of DOCS")
        source = ann.DOCS[prefix]
        text = texts[source]
        start, end = find(text, c["quote"], c.get("occ"), cid)
        quote = text[start:end]
        if "\n" in quote:
            raise GoldError(f"{cid}: quote spans lines")
        vs, ve = find(quote, c["value"], c.get("vocc"), f"{cid} value")
        subject = c["subject"]
        if not isinstance(subject, str) or not subject.strip() or subject != subject.lower():
            raise GoldError(f"{cid}: subject must be a lower-case name, not {subject!r}")
        if c["attribute"] not in ATTRIBUTES:
            raise GoldError(f"{cid}: unknown attribute {c['attribute']!r}")
        unit = c["unit"]
        if unit not in UNITS:
            raise GoldError(f"{cid}: unknown unit {unit!r}")
        low, high = c["low"], c["high"]
        for b in (low, high):
            if b is not None and (isinstance(b, bool) or not isinstance(b, (int, float)) or b < 0):
                raise GoldError(f"{cid}: bound {b!r} is not a non-negative number")
        if low is None and high is None:
            raise GoldError(f"{cid}: both bounds open")
        if low is not None and high is not None and low > high:
            raise GoldError(f"{cid}: low {low} > high {high}")
        if unit == "ratio" and any(b is not None and b > 1 for b in (low, high)):
            raise GoldError(f"{cid}: ratio bound above 1")
        cond = c.get("cond")
        if cond is not None and (not isinstance(cond, str) or cond != cond.lower() or not cond.strip()):
            raise GoldError(f"{cid}: condition must be a lower-case string")
        if not isinstance(c["hedged"], bool):
            raise GoldError(f"{cid}: hedged must be True or False")
        rec = {"id": cid, "source": source, "line": text.count("\n", 0, start) + 1, "start": start,
               "end": end, "quote": quote, "subject": subject, "attribute": c["attribute"],
               "condition": cond, "value_text": quote[vs:ve], "low": low, "high": high, "unit": unit,
               "hedged": c["hedged"]}
        if c.get("period") is not None:
            rec["period"] = c["period"]
        out.append({k: rec[k] for k in KEY_ORDER if k in rec})
    return out


def build_pairs(ann, claims: list[dict]) -> tuple[list[dict], list[dict]]:
    by_id = {c["id"]: c for c in claims}
    conflicts, consistent, seen = [], [], {}

    def check_pair(ids, listed_in):
        if len(ids) != 2 or ids[0] == ids[1]:
            raise GoldError(f"{listed_in} {ids}: need two different ids")
        for i in ids:
            if i not in by_id:
                raise GoldError(f"{listed_in} {ids}: unknown id {i}")
        key = frozenset(ids)
        if key in seen:
            raise GoldError(f"{listed_in} {ids}: pair already listed in {seen[key]}")
        seen[key] = listed_in

    for x in getattr(ann, "CONFLICTS", []):
        ids = list(x["claims"])
        check_pair(ids, "CONFLICTS")
        a, b = (by_id[i] for i in ids)
        if a["attribute"] != b["attribute"] or a["unit"] != b["unit"]:
            raise GoldError(f"conflict {ids}: attribute or unit differ")
        kind = "same-document" if a["source"] == b["source"] else "cross-document"
        if x.get("kind", kind) != kind:
            raise GoldError(f"conflict {ids}: kind should be {kind}")
        if not x.get("why"):
            raise GoldError(f"conflict {ids}: why is empty")
        conflicts.append({"claims": ids, "subject": a["subject"], "attribute": a["attribute"],
                          "kind": kind, "why": x["why"]})
    for x in getattr(ann, "CONSISTENT", []):
        ids = list(x["claims"])
        check_pair(ids, "CONSISTENT")
        if not x.get("why"):
            raise GoldError(f"consistent {ids}: why is empty")
        consistent.append({"claims": ids, "why": x["why"]})
    return conflicts, consistent


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("annotations", type=Path)
    ap.add_argument("--sources", type=Path, required=True, help="folder that holds the files of DOCS")
    ap.add_argument("--out", type=Path, required=True, help="gold folder to write")
    ap.add_argument("--check", action="store_true", help="fail if the gold on disk is not a fresh build")
    args = ap.parse_args(argv)
    try:
        ann = load_annotations(args.annotations)
        claims = build_claims(ann, args.sources)
        conflicts, consistent = build_pairs(ann, claims)
    except GoldError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    outputs = {"claims.jsonl": dump(claims), "conflicts.jsonl": dump(conflicts),
               "consistent.jsonl": dump(consistent),
               "sources.txt": "".join(f"{name}\n" for name in sorted(set(ann.DOCS.values())))}
    if args.check:
        stale = [n for n, s in outputs.items()
                 if not (args.out / n).exists() or (args.out / n).read_text(encoding="utf-8") != s]
        if stale:
            print(f"ERROR: out of date: {', '.join(stale)}", file=sys.stderr)
            return 1
    else:
        args.out.mkdir(parents=True, exist_ok=True)
        for n, s in outputs.items():
            (args.out / n).write_text(s, encoding="utf-8")
    print(f"{len(ann.DOCS)} documents, {len(claims)} claims, {len(conflicts)} conflicts, "
          f"{len(consistent)} consistent pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
