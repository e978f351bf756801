#!/usr/bin/env python3
"""Build gold/*.jsonl for the held-out corpus from annotations.py, with exact offsets.

    python tests/data/heldout/build_gold.py           # write gold/claims.jsonl, conflicts.jsonl, consistent.jsonl
    python tests/data/heldout/build_gold.py --check   # fail if the files on disk differ from a fresh build

Every quote is looked up in its source file (decoded as UTF-8, newlines kept as on disk); a quote
that is absent, or present more than once without an explicit ``occurrence``, is an error.  All
entries are validated; the script exits 1 with one line per problem.
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
    "side_effect_duration", "activity_restriction", "repeat_interval", "indication_duration", "other",
}
KINDS = {"cross-document", "same-document"}
CLAIM_KEYS = ["id", "source", "line", "start", "end", "quote", "subject", "attribute", "condition",
              "value_text", "low", "high", "unit", "hedged"]


class GoldError(Exception):
    pass


def load_annotations(path: Path = HERE / "annotations.py"):
    spec = importlib.util.spec_from_file_location("heldout_annotations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_source(name: str, cache: dict) -> str:
    if name not in cache:
        path = SOURCES / name
        if not path.is_file():
            raise GoldError(f"source file not found: {path}")
        with open(path, encoding="utf-8", newline="") as fh:
            cache[name] = fh.read()
    return cache[name]


def locate(text: str, quote: str, occurrence):
    starts = []
    i = text.find(quote)
    while i != -1:
        starts.append(i)
        i = text.find(quote, i + 1)
    if not starts:
        return None, "quote not found"
    if occurrence is None:
        if len(starts) > 1:
            return None, f"quote occurs {len(starts)} times; give occurrence=0..{len(starts) - 1}"
        return starts[0], None
    if not 0 <= occurrence < len(starts):
        return None, f"occurrence={occurrence} but the quote occurs {len(starts)} times"
    return starts[occurrence], None


def _num(x):
    return x is None or (isinstance(x, (int, float)) and not isinstance(x, bool))


def build(ann) -> tuple[list, list, list, list[str]]:
    problems: list[str] = []
    cache: dict = {}
    claims, by_id = [], {}
    for a in ann.CLAIMS:
        cid = a["id"]
        where = f"{cid}"
        if cid in by_id:
            problems.append(f"{where}: duplicate id")
            continue
        m = re.fullmatch(r"(h\d\d)-(\d+)", cid)
        if not m:
            problems.append(f"{where}: id must look like h03-2")
        elif not a["source"].startswith(m.group(1) + "_"):
            problems.append(f"{where}: id prefix does not match source {a['source']}")
        try:
            text = read_source(a["source"], cache)
        except GoldError as e:
            problems.append(f"{where}: {e}")
            continue
        quote = a["quote"]
        if not quote or quote != quote.strip():
            problems.append(f"{where}: quote is empty or has surrounding whitespace")
        start, err = locate(text, quote, a.get("occurrence"))
        if err:
            problems.append(f"{where}: {err}: {quote!r}")
            continue
        end = start + len(quote)
        assert text[start:end] == quote
        if "\n" in quote:
            problems.append(f"{where}: quote spans more than one line")
        if quote.startswith("|") and not quote.endswith("|"):
            problems.append(f"{where}: a table-row quote must end at a cell's closing '|'")
        vt = a["value_text"]
        if not vt or vt not in quote:
            problems.append(f"{where}: value_text {vt!r} is not inside the quote")
        if a["attribute"] not in ATTRIBUTES:
            problems.append(f"{where}: unknown attribute {a['attribute']!r}")
        for field in ("subject", "condition"):
            v = a[field]
            if v is None and field == "condition":
                continue
            if not isinstance(v, str) or not v or v != v.lower() or v != v.strip():
                problems.append(f"{where}: {field} must be a non-empty lower-case string, got {v!r}")
        if not isinstance(a["hedged"], bool):
            problems.append(f"{where}: hedged must be true or false")
        low, high, unit = a["low"], a["high"], a["unit"]
        if unit not in ("s", "ratio"):
            problems.append(f"{where}: unit must be 's' or 'ratio'")
        if not (_num(low) and _num(high)):
            problems.append(f"{where}: low/high must be numbers or None")
        else:
            if low is not None and high is not None and low > high:
                problems.append(f"{where}: low {low} > high {high}")
            for b in (low, high):
                if b is not None and b < 0:
                    problems.append(f"{where}: negative bound {b}")
                if b is not None and unit == "ratio" and b > 1:
                    problems.append(f"{where}: ratio bound {b} above 1")
            if unit == "s":
                low = int(low) if low is not None and float(low).is_integer() else low
                high = int(high) if high is not None and float(high).is_integer() else high
            if unit == "ratio" and "%" not in vt and "percent" not in vt.lower() and not re.search(
                    r"\bin\b|out of|half|third|quarter", vt):
                problems.append(f"{where}: ratio value_text {vt!r} does not look like a rate")
        line = text.count("\n", 0, start) + 1
        rec = dict(id=cid, source=a["source"], line=line, start=start, end=end, quote=quote,
                   subject=a["subject"], attribute=a["attribute"], condition=a["condition"],
                   value_text=vt, low=low, high=high, unit=unit, hedged=a["hedged"])
        claims.append(rec)
        by_id[cid] = rec

    def check_ids(kind, entry):
        ids = entry.get("claims", [])
        ok = True
        if len(ids) < 2 or len(set(ids)) != len(ids):
            problems.append(f"{kind} {ids}: needs two or more distinct claim ids")
            ok = False
        for i in ids:
            if i not in by_id:
                problems.append(f"{kind} {ids}: unknown claim id {i}")
                ok = False
        if not entry.get("why"):
            problems.append(f"{kind} {ids}: missing 'why'")
        return ok

    conflicts = []
    for e in ann.CONFLICTS:
        if not check_ids("conflict", e):
            continue
        cs = [by_id[i] for i in e["claims"]]
        subj = {c["subject"] for c in cs}
        attr = {c["attribute"] for c in cs}
        cond = {c["condition"] for c in cs}
        if len(subj) != 1 or len(attr) != 1 or len(cond) != 1:
            problems.append(f"conflict {e['claims']}: claims differ in subject/attribute/condition "
                            f"{subj} {attr} {cond}")
            continue
        if len({c["unit"] for c in cs}) != 1:
            problems.append(f"conflict {e['claims']}: claims differ in unit")
        same_doc = len({c["source"] for c in cs}) == 1
        kind = e["kind"]
        if kind not in KINDS or (kind == "same-document") != same_doc:
            problems.append(f"conflict {e['claims']}: kind {kind!r} does not match the sources")
        # a conflict should be visible from the intervals: they must not overlap
        a, b = cs[0], cs[1]
        lo_a = a["low"] if a["low"] is not None else float("-inf")
        hi_a = a["high"] if a["high"] is not None else float("inf")
        lo_b = b["low"] if b["low"] is not None else float("-inf")
        hi_b = b["high"] if b["high"] is not None else float("inf")
        if lo_a <= hi_b and lo_b <= hi_a:
            problems.append(f"conflict {e['claims']}: intervals overlap")
        conflicts.append(dict(claims=list(e["claims"]), subject=subj.pop(), attribute=attr.pop(),
                              kind=kind, why=e["why"]))

    consistent = []
    for e in ann.CONSISTENT:
        if check_ids("consistent", e):
            consistent.append(dict(claims=list(e["claims"]), why=e["why"]))

    conflict_pairs = {frozenset(e["claims"]) for e in conflicts}
    seen = set()
    for e in consistent:
        key = frozenset(e["claims"])
        if key in conflict_pairs:
            problems.append(f"consistent {e['claims']}: also listed as a conflict")
        if key in seen:
            problems.append(f"consistent {e['claims']}: listed twice")
        seen.add(key)
    if len(conflict_pairs) != len(conflicts):
        problems.append("a conflict is listed twice")
    return claims, conflicts, consistent, problems


def dumps(rows) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with gold/ instead of writing")
    args = ap.parse_args(argv)
    claims, conflicts, consistent, problems = build(load_annotations())
    if problems:
        for p in problems:
            print(f"annotations.py: {p}", file=sys.stderr)
        print(f"{len(problems)} problem(s); nothing written", file=sys.stderr)
        return 1
    outputs = {"claims.jsonl": dumps(claims), "conflicts.jsonl": dumps(conflicts),
               "consistent.jsonl": dumps(consistent)}
    if args.check:
        stale = [n for n, t in outputs.items()
                 if not (GOLD / n).is_file() or (GOLD / n).read_text(encoding="utf-8") != t]
        if stale:
            print(f"gold is out of date: {', '.join(stale)}; run build_gold.py", file=sys.stderr)
            return 1
    else:
        GOLD.mkdir(exist_ok=True)
        for n, t in outputs.items():
            (GOLD / n).write_text(t, encoding="utf-8")
    sources = {c["source"] for c in claims}
    print(f"{len(claims)} claims in {len(sources)} sources, {len(conflicts)} conflicts, "
          f"{len(consistent)} consistent pairs" + (" (up to date)" if args.check else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
