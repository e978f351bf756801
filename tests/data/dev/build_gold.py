#!/usr/bin/env python3
"""Build and validate the dev gold set from annotations.py.

annotations.py is the readable source of truth: each claim gives its quote and value as they read
in the text, and this script finds them in the source file, computes line/start/end, validates
every entry and writes gold/claims.jsonl, gold/conflicts.jsonl and gold/consistent.jsonl.

    python tests/data/dev/build_gold.py           # validate and (re)write gold/*.jsonl
    python tests/data/dev/build_gold.py --check   # validate; fail if gold/*.jsonl are out of date

Quote matching: a plain space in an annotated quote also matches a non-breaking space (U+00A0) in
the file, so annotations stay readable; the quote written to the jsonl is always the exact file
text. A quote that occurs more than once needs an explicit ``occ`` (0-based occurrence index).
Offsets are Python string indices into the file decoded as UTF-8 (newlines kept as they are).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
GOLD = HERE / "gold"

ATTRIBUTES = {
    "relief_duration", "onset_time", "procedure_time", "recovery_time", "success_rate",
    "side_effect_duration", "activity_restriction", "repeat_interval", "indication_duration",
    "other",
}
SUBJECTS = {
    "medial branch block", "radiofrequency ablation", "epidural steroid injection",
    "facet joint injection", "sacroiliac joint injection", "stellate ganglion block",
    "occipital nerve block", "genicular nerve block", "genicular nerve ablation",
    "lumbar sympathetic block", "ganglion impar block", "trigger point injection",
    "spinal cord stimulator trial", "spinal cord stimulator implant", "nerve block",
    "spinal injection",
}
UNITS = {"s", "ratio", "count"}
sys.dont_write_bytecode = True  # keep __pycache__ out of the corpus folder

HEDGE_WORDS = re.compile(
    r"\b(may|might|can|could|up to|some|most|many|often|commonly|possible)\b", re.I)
KEY_ORDER = ["id", "source", "line", "start", "end", "quote", "subject", "attribute",
             "condition", "value_text", "low", "high", "unit", "period", "hedged"]


class GoldError(Exception):
    pass


def load_annotations():
    spec = importlib.util.spec_from_file_location("dev_annotations", HERE / "annotations.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pattern_for(text: str) -> re.Pattern:
    """Exact match, except that a space also matches a non-breaking space."""
    parts = [re.escape(p) for p in text.split(" ")]
    return re.compile("[ \u00a0]".join(parts))


def find(haystack: str, needle: str, occ: int | None, what: str) -> tuple[int, int]:
    hits = [m.span() for m in pattern_for(needle).finditer(haystack)]
    if not hits:
        raise GoldError(f"{what}: not found: {needle!r}")
    if occ is None:
        if len(hits) > 1:
            raise GoldError(f"{what}: found {len(hits)} times, give occ=0..{len(hits) - 1}: "
                            f"{needle!r}")
        return hits[0]
    if not 0 <= occ < len(hits):
        raise GoldError(f"{what}: occ={occ} but only {len(hits)} occurrence(s): {needle!r}")
    return hits[occ]


def build_claims(ann, warnings: list[str]) -> list[dict]:
    texts: dict[str, str] = {}
    for path in sorted(SOURCES.iterdir()):
        texts[path.name] = path.read_bytes().decode("utf-8")
    missing_docs = set(ann.DOCS.values()) - set(texts)
    if missing_docs:
        raise GoldError(f"DOCS names files that do not exist: {sorted(missing_docs)}")
    unannotated = set(texts) - set(ann.DOCS.values())
    if unannotated:
        raise GoldError(f"source files without a DOCS entry: {sorted(unannotated)}")

    out, seen = [], set()
    for c in ann.CLAIMS:
        cid = c["id"]
        if cid in seen:
            raise GoldError(f"duplicate id {cid}")
        seen.add(cid)
        m = re.fullmatch(r"(d\d\d)-(\d+)", cid)
        if not m or m.group(1) not in ann.DOCS:
            raise GoldError(f"{cid}: id must be dNN-k with dNN in DOCS")
        source = ann.DOCS[m.group(1)]
        text = texts[source]
        start, end = find(text, c["quote"], c.get("occ"), cid)
        quote = text[start:end]
        if "\n" in quote:
            raise GoldError(f"{cid}: quote spans lines")
        vs, ve = find(quote, c["value"], c.get("vocc"), f"{cid} value_text")
        value_text = quote[vs:ve]
        line = text.count("\n", 0, start) + 1

        if c["subject"] not in SUBJECTS:
            raise GoldError(f"{cid}: unknown subject {c['subject']!r}")
        if c["attribute"] not in ATTRIBUTES:
            raise GoldError(f"{cid}: unknown attribute {c['attribute']!r}")
        unit = c["unit"]
        if unit not in UNITS:
            raise GoldError(f"{cid}: unknown unit {unit!r}")
        low, high = c["low"], c["high"]
        for b in (low, high):
            if b is not None and not isinstance(b, (int, float)):
                raise GoldError(f"{cid}: bound {b!r} is not a number")
            if b is not None and b < 0:
                raise GoldError(f"{cid}: negative bound")
        if low is None and high is None:
            raise GoldError(f"{cid}: both bounds open")
        if low is not None and high is not None and low > high:
            raise GoldError(f"{cid}: low {low} > high {high}")
        if unit == "ratio" and any(b is not None and b > 1 for b in (low, high)):
            raise GoldError(f"{cid}: ratio bound above 1")
        if unit == "s" and c.get("period") is not None:
            raise GoldError(f"{cid}: period only for unit count")
        if unit == "count" and c["attribute"] == "repeat_interval" and not c.get("period"):
            raise GoldError(f"{cid}: a frequency (count per period) needs a period")
        cond = c.get("cond")
        if cond is not None and (cond != cond.lower() or not cond.strip()):
            raise GoldError(f"{cid}: condition must be lower case")
        if quote.startswith("|") and not quote.endswith("|"):
            raise GoldError(f"{cid}: a table-row quote must end at a cell's closing '|'")
        if quote.startswith("<td>") and not quote.endswith("</td>"):
            raise GoldError(f"{cid}: an HTML table-row quote must end at a cell's '</td>'")
        hedged = c["hedged"]
        if not isinstance(hedged, bool):
            raise GoldError(f"{cid}: hedged must be true/false")
        if c.get("hedge_checked"):
            pass
        elif not hedged and HEDGE_WORDS.search(quote):
            warnings.append(f"{cid}: hedge word in quote but hedged=false "
                            f"({HEDGE_WORDS.search(quote).group(0)!r}): {quote!r}")
        elif hedged and not HEDGE_WORDS.search(quote):
            warnings.append(f"{cid}: hedged=true without a hedge word in the quote: {quote!r}")

        rec = {
            "id": cid, "source": source, "line": line, "start": start, "end": end,
            "quote": quote, "subject": c["subject"], "attribute": c["attribute"],
            "condition": cond, "value_text": value_text, "low": low, "high": high,
            "unit": unit, "hedged": hedged,
        }
        if unit == "count":
            rec["period"] = c.get("period")
        out.append({k: rec[k] for k in KEY_ORDER if k in rec})
    return out


def build_pairs(ann, claims: list[dict]) -> tuple[list[dict], list[dict]]:
    by_id = {c["id"]: c for c in claims}
    conflicts, consistent, seen = [], [], {}

    def check_pair(ids, kind_of_list):
        if len(ids) != 2 or ids[0] == ids[1]:
            raise GoldError(f"{kind_of_list} {ids}: need two different ids")
        for i in ids:
            if i not in by_id:
                raise GoldError(f"{kind_of_list} {ids}: unknown id {i}")
        key = frozenset(ids)
        if key in seen:
            raise GoldError(f"{kind_of_list} {ids}: pair already listed in {seen[key]}")
        seen[key] = kind_of_list

    for x in ann.CONFLICTS:
        ids = list(x["claims"])
        check_pair(ids, "conflicts")
        a, b = (by_id[i] for i in ids)
        if a["subject"] != b["subject"] or a["attribute"] != b["attribute"]:
            raise GoldError(f"conflict {ids}: subject/attribute differ")
        if a["unit"] != b["unit"]:
            raise GoldError(f"conflict {ids}: units differ")
        if a["condition"] != b["condition"]:
            raise GoldError(f"conflict {ids}: conditions differ ({a['condition']!r} vs "
                            f"{b['condition']!r})")
        kind = "same-document" if a["source"] == b["source"] else "cross-document"
        if x.get("kind", kind) != kind:
            raise GoldError(f"conflict {ids}: kind should be {kind}")
        if not x.get("why"):
            raise GoldError(f"conflict {ids}: why is empty")
        conflicts.append({"claims": ids, "subject": a["subject"], "attribute": a["attribute"],
                          "kind": kind, "why": x["why"]})
    for x in ann.CONSISTENT:
        ids = list(x["claims"])
        check_pair(ids, "consistent")
        if not x.get("why"):
            raise GoldError(f"consistent {ids}: why is empty")
        consistent.append({"claims": ids, "why": x["why"]})
    return conflicts, consistent


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true",
                    help="validate and compare with gold/*.jsonl without writing")
    ap.add_argument("--quiet", action="store_true", help="do not print hedge warnings")
    args = ap.parse_args(argv)
    warnings: list[str] = []
    try:
        ann = load_annotations()
        claims = build_claims(ann, warnings)
        conflicts, consistent = build_pairs(ann, claims)
    except GoldError as e:
        print(f"ERROR: {e}", file=sys.stderr)
        return 1
    outputs = {"claims.jsonl": dump(claims), "conflicts.jsonl": dump(conflicts),
               "consistent.jsonl": dump(consistent)}
    if not args.quiet:
        for w in warnings:
            print(f"warning: {w}", file=sys.stderr)
    if args.check:
        stale = [n for n, s in outputs.items()
                 if not (GOLD / n).exists() or (GOLD / n).read_text(encoding="utf-8") != s]
        if stale:
            print(f"ERROR: out of date: {', '.join(stale)} (run build_gold.py)", file=sys.stderr)
            return 1
    else:
        GOLD.mkdir(exist_ok=True)
        for n, s in outputs.items():
            (GOLD / n).write_text(s, encoding="utf-8")
    docs = len({c["source"] for c in claims})
    print(f"{len(ann.DOCS)} documents ({docs} with claims), {len(claims)} claims, "
          f"{len(conflicts)} conflicts, {len(consistent)} consistent pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
