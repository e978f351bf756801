"""``checker eval``: accuracy against a gold annotation folder (format in DESIGN.md).

A predicted claim matches a gold claim when it is in the same source (by file name) and its quote
span overlaps the gold quote. Among several overlapping predictions the one whose value span overlaps
the gold value (found in the gold quote) is preferred, then the one with the gold attribute.
A gold conflict is found when one reported conflict holds a match for each of its claims, in
different clusters; a consistent pair reported that way is a false alarm.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .align.names import subject_key
from .errors import GoldError
from .model import CheckResult, Claim

GOLD_CLAIM_KEYS = {"id", "source", "line", "start", "end", "quote", "subject", "attribute", "condition",
                   "value_text", "low", "high", "unit", "hedged"}


def _read_jsonl(path: Path, required: set, optional: bool = False) -> list[dict]:
    if not path.exists():
        if optional:
            return []
        raise GoldError(f"{path}: missing (a gold folder has claims.jsonl, conflicts.jsonl, consistent.jsonl)")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as exc:
            raise GoldError(f"{path}:{number}: not JSON: {exc}") from None
        missing = required - set(row)
        if missing:
            raise GoldError(f"{path}:{number}: missing {', '.join(sorted(missing))}")
        rows.append(row)
    return rows


@dataclass
class GoldSet:
    claims: list
    conflicts: list
    consistent: list
    sources: tuple = ()  # every source the annotation covers (sources.txt), claims or not

    @classmethod
    def load(cls, directory: str | Path) -> "GoldSet":
        d = Path(directory)
        if not d.is_dir():
            raise GoldError(f"{directory}: not a gold folder")
        claims = _read_jsonl(d / "claims.jsonl", GOLD_CLAIM_KEYS)
        ids = {c["id"] for c in claims}
        conflicts = _read_jsonl(d / "conflicts.jsonl", {"claims"}, optional=True)
        consistent = _read_jsonl(d / "consistent.jsonl", {"claims"}, optional=True)
        for name, rows in (("conflicts.jsonl", conflicts), ("consistent.jsonl", consistent)):
            for row in rows:
                unknown = [i for i in row["claims"] if i not in ids]
                if unknown:
                    raise GoldError(f"{d / name}: unknown claim id {unknown[0]!r}")
        listed = d / "sources.txt"
        sources = tuple(line.strip() for line in listed.read_text(encoding="utf-8").splitlines()
                        if line.strip()) if listed.is_file() else ()
        return cls(claims, conflicts, consistent, sources)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def _gold_value_span(gold: dict) -> tuple[int, int]:
    k = gold["quote"].find(gold["value_text"]) if gold.get("value_text") else -1
    if k < 0:
        return gold["start"], gold["end"]
    return gold["start"] + k, gold["start"] + k + len(gold["value_text"])


def match_claims(gold_claims: list[dict], predicted: list[Claim]) -> dict:
    """gold id -> best matching predicted claim (or None)."""
    by_name: dict = {}
    for p in predicted:
        by_name.setdefault(Path(p.source).name, []).append(p)
    out: dict = {}
    for g in gold_claims:
        v0, v1 = _gold_value_span(g)
        best, best_key = None, None
        for p in by_name.get(Path(g["source"]).name, []):
            span = _overlap(p.start, p.end, g["start"], g["end"])
            if not span:
                continue
            key = (_overlap(p.value_start, p.value_end, v0, v1) > 0, p.attribute == g["attribute"], span)
            if best_key is None or key > best_key:
                best, best_key = p, key
        out[g["id"]] = best
    return out


def _intervals_overlap(p: Claim, g: dict) -> bool:
    if p.unit != g["unit"]:
        return False
    plo = p.low if p.low is not None else float("-inf")
    phi = p.high if p.high is not None else float("inf")
    glo = g["low"] if g["low"] is not None else float("-inf")
    ghi = g["high"] if g["high"] is not None else float("inf")
    return plo <= ghi and glo <= phi


@dataclass
class Evaluation:
    gold_claims: int = 0
    predicted_claims: int = 0
    matched: int = 0
    predicted_matched: int = 0
    right_attribute: int = 0
    right_subject: int = 0
    right_subject_attribute: int = 0
    right_interval: int = 0
    right_hedge: int = 0
    conflicts_total: int = 0
    conflicts_found: int = 0
    consistent_total: int = 0
    false_alarms: int = 0
    reported_conflicts: int = 0
    reported_holding_gold: int = 0
    per_attribute: dict = field(default_factory=dict)  # gold attribute -> counts
    misses: list = field(default_factory=list)
    missed_conflicts: list = field(default_factory=list)
    false_alarm_pairs: list = field(default_factory=list)

    def ratio(self, n: int, d: int) -> Optional[float]:
        return round(n / d, 4) if d else None

    def to_json(self) -> dict:
        return {
            "claims": {
                "gold": self.gold_claims,
                "predicted": self.predicted_claims,
                "recall": self.ratio(self.matched, self.gold_claims),
                "precision": self.ratio(self.predicted_matched, self.predicted_claims),
                "attribute_accuracy": self.ratio(self.right_attribute, self.gold_claims),
                "subject_accuracy": self.ratio(self.right_subject, self.gold_claims),
                "subject_attribute_accuracy": self.ratio(self.right_subject_attribute, self.gold_claims),
                "interval_overlap": self.ratio(self.right_interval, self.gold_claims),
                "hedge_accuracy": self.ratio(self.right_hedge, self.gold_claims),
            },
            "by_attribute": {
                name: {"gold": row["gold"], "found": row["found"],
                       "attribute_accuracy": self.ratio(row["attribute"], row["gold"]),
                       "subject_accuracy": self.ratio(row["subject"], row["gold"])}
                for name, row in sorted(self.per_attribute.items())
            },
            "conflicts": {
                "gold": self.conflicts_total,
                "found": self.conflicts_found,
                "recall": self.ratio(self.conflicts_found, self.conflicts_total),
                "reported": self.reported_conflicts,
                "precision": self.ratio(self.reported_holding_gold, self.reported_conflicts),
                "missed": self.missed_conflicts,
            },
            "consistent": {
                "pairs": self.consistent_total,
                "false_alarms": self.false_alarms,
                "flagged": self.false_alarm_pairs,
            },
            "claim_misses": self.misses,
        }

    def to_text(self) -> str:
        j = self.to_json()
        c = j["claims"]

        def pct(v):
            return "n/a" if v is None else f"{v * 100:.1f}%"
        lines = [
            f"claims: {self.matched}/{self.gold_claims} gold claims found (recall {pct(c['recall'])}), "
            f"precision {pct(c['precision'])} of {self.predicted_claims} predicted",
            f"  right attribute {self.right_attribute}/{self.gold_claims} ({pct(c['attribute_accuracy'])}), "
            f"right subject {self.right_subject}/{self.gold_claims} ({pct(c['subject_accuracy'])}), "
            f"both {self.right_subject_attribute}/{self.gold_claims} ({pct(c['subject_attribute_accuracy'])})",
            f"  interval overlaps gold {self.right_interval}/{self.gold_claims} ({pct(c['interval_overlap'])}), "
            f"hedge right {self.right_hedge}/{self.gold_claims} ({pct(c['hedge_accuracy'])})",
            f"conflicts: {self.conflicts_found}/{self.conflicts_total} gold conflicts found "
            f"(recall {pct(j['conflicts']['recall'])}); {self.reported_conflicts} reported, "
            f"{self.reported_holding_gold} of them hold a gold conflict (precision {pct(j['conflicts']['precision'])})",
            f"consistent pairs: {self.false_alarms}/{self.consistent_total} flagged as conflicts (false alarms)",
        ]
        lines.append("  by attribute (gold claims: found, attribute right, subject right):")
        for name, row in sorted(self.per_attribute.items(), key=lambda kv: -kv[1]["gold"]):
            lines.append(f"    {name:22} {row['gold']:5}  found {pct(self.ratio(row['found'], row['gold'])):>6}  "
                         f"attribute {pct(self.ratio(row['attribute'], row['gold'])):>6}  "
                         f"subject {pct(self.ratio(row['subject'], row['gold'])):>6}")
        for miss in self.misses:
            lines.append(f"  miss {miss['id']}: {miss['problem']}")
        for ids in self.missed_conflicts:
            lines.append(f"  missed conflict: {' vs '.join(ids)}")
        for ids in self.false_alarm_pairs:
            lines.append(f"  false alarm: {' vs '.join(ids)}")
        return "\n".join(lines) + "\n"


def evaluate(gold: GoldSet, result: CheckResult) -> Evaluation:
    ev = Evaluation(gold_claims=len(gold.claims), predicted_claims=len(result.claims))
    matches = match_claims(gold.claims, list(result.claims))
    matched_pred = set()
    for g in gold.claims:
        p = matches[g["id"]]
        row = ev.per_attribute.setdefault(g["attribute"], {"gold": 0, "found": 0, "attribute": 0, "subject": 0})
        row["gold"] += 1
        if p is None:
            ev.misses.append({"id": g["id"], "problem": f"not found ({g['value_text']!r})"})
            continue
        ev.matched += 1
        row["found"] += 1
        matched_pred.add(p.id)
        _score_match(ev, row, g, p)
    # every predicted claim that overlaps any gold quote counts as correct for precision
    for p in result.claims:
        if p.id in matched_pred or any(
                Path(g["source"]).name == Path(p.source).name and _overlap(p.start, p.end, g["start"], g["end"])
                for g in gold.claims):
            ev.predicted_matched += 1
    _score_conflicts(ev, gold, result, matches)
    return ev


def _score_match(ev: Evaluation, row: dict, g: dict, p: Claim) -> None:
    """Count what a matched prediction got right; what it got wrong becomes a miss naming the problems."""
    problems = []
    right_attribute = p.attribute == g["attribute"]
    right_subject = same_subject(p.subject, g["subject"])
    if right_attribute:
        ev.right_attribute += 1
        row["attribute"] += 1
    else:
        problems.append(f"attribute {p.attribute} (gold {g['attribute']})")
    if right_subject:
        ev.right_subject += 1
        row["subject"] += 1
    else:
        problems.append(f"subject {p.subject} (gold {g['subject']})")
    if right_attribute and right_subject:
        ev.right_subject_attribute += 1
    if _intervals_overlap(p, g):
        ev.right_interval += 1
    else:
        problems.append(f"interval {p.low}..{p.high} {p.unit} (gold {g['low']}..{g['high']} {g['unit']})")
    if p.hedged == g["hedged"]:
        ev.right_hedge += 1
    if problems:
        ev.misses.append({"id": g["id"], "problem": "; ".join(problems)})


def _score_conflicts(ev: Evaluation, gold: GoldSet, result: CheckResult, matches: dict) -> None:
    """Gold conflicts found, reported conflicts that hold one, and consistent pairs flagged anyway."""
    ev.reported_conflicts = len(result.conflicts)

    def holds(conflict, ids: list[str]) -> bool:
        preds = [p for p in (matches.get(i) for i in ids) if p is not None]
        if len(preds) < len(ids):
            return False  # a claim of the pair was not found at all
        cluster = {cc.claim.id: cc.cluster for cc in conflict.claims}
        return all(p.id in cluster for p in preds) and len({cluster[p.id] for p in preds}) == len(preds)

    def flagged(ids: list[str]) -> bool:
        return any(holds(conflict, ids) for conflict in result.conflicts)

    ev.reported_holding_gold = sum(1 for conflict in result.conflicts
                                   if any(holds(conflict, row["claims"]) for row in gold.conflicts))

    ev.conflicts_total = len(gold.conflicts)
    for row in gold.conflicts:
        if flagged(row["claims"]):
            ev.conflicts_found += 1
        else:
            ev.missed_conflicts.append(row["claims"])
    ev.consistent_total = len(gold.consistent)
    for row in gold.consistent:
        if flagged(row["claims"]):
            ev.false_alarms += 1
            ev.false_alarm_pairs.append(row["claims"])


def same_subject(predicted: Optional[str], gold: Optional[str]) -> bool:
    """Subjects match when their keys do: case, possessives, hyphens and plurals aside
    ("Graves' disease" = "graves disease", "Tay-Sachs disease" = "tay sachs disease"), and an alias of
    subjects.yaml is its subject ("IVF" = "in vitro fertilization")."""
    if not predicted or not gold:
        return predicted == gold
    from .align import lexicon_subject
    from .knowledge import default_knowledge

    k = default_knowledge()
    return subject_key(lexicon_subject(predicted, k) or predicted) == subject_key(lexicon_subject(gold, k) or gold)
