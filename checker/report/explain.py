"""`checker explain ID`: one conflict in full, and the numbers that made the verdict.

`explain(conflict, policy)` returns a plain dict (the JSON of ``--format json``): every claim with
its quote, place, value and reading, subject (and where it came from), attribute, condition,
qualifier and how it is stated; then, for each pair of sides, the pairs of claims that disagree,
with the numbers of the comparison policy (`checker.detect.compare`): the interval each claim is
compared as, widened by the tolerance, the centres and how far apart they are (a ratio, or points
for shares), overlap or edge, and the row and column of the severity table
(`checker.rules.SEVERITY_TABLE`) that gave the severity. `explain_text` renders it for a terminal;
every piece of page text goes through `ci_safe`.
"""
from __future__ import annotations

import dataclasses
import json
import math
from typing import Optional

from ..detect.compare import EDGE, NO_OVERLAP, Policy, centre, compared_bounds, is_hedged, is_soft, verdict, widened
from ..model import Claim, Conflict, ConflictClaim, _num
from ..quantities.format import format_interval
from ..rules import RULES, SEVERITY_TABLE
from .common import ci_safe, display_reading, status

EXPLAIN_VERSION = 1
PAIRS_SHOWN = 4  # disagreeing pairs shown per pair of sides, most severe first; the rest are counted
SOFTNESS_COLUMN = ("both firm", "one soft", "both soft")  # by the number of soft claims in a pair


def _bound(value: float) -> Optional[float]:
    """A bound for JSON: an open one (infinite) is null, as in the conflicts contract."""
    return None if value is None or math.isinf(value) else _num(value)


def _stated_as(claim: Claim) -> str:
    if claim.subset:
        return "subset"
    if claim.maximum:
        return "maximum"
    return "firm"


def _claim(number: int, cc: ConflictClaim, numbers: dict) -> dict:
    c = cc.claim
    return {
        "n": number, "id": c.id, "side": cc.cluster + 1, "source": c.source, "line": c.line, "column": c.column,
        "quote": c.quote, "value_text": c.value_text, "reading": display_reading(c),
        "low": _num(c.low), "high": _num(c.high), "unit": c.unit, "kind": c.kind,
        "subject": c.subject, "subject_text": c.subject_text, "subject_origin": c.subject_origin,
        "attribute": c.attribute, "condition": c.condition, "qualifier": c.qualifier,
        "stated_as": _stated_as(c), "hedged": c.hedged, "hedge": c.hedge, "typical": c.typical,
        "subset": c.subset, "maximum": c.maximum, "vague": c.vague,
        "repeat_of": numbers.get(cc.repeat_of) if cc.repeat_of else None,
    }


def _table() -> tuple[list, dict]:
    """The severity table's column headers and its rows by label, read from the Markdown table in
    `SEVERITY_TABLE`, so that what explain shows is the table `checker rules` prints."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in SEVERITY_TABLE.splitlines() if line.strip().startswith("|")]
    rows = [r for r in rows if not all(set(cell) <= set("-: ") for cell in r)]
    if not rows:
        return [], {}
    return rows[0], {r[0]: r for r in rows[1:]}


def table_cell(how: Optional[str], soft: int) -> Optional[dict]:
    """The row (how the values disagree), column (how the two are stated) and cell of the severity
    table for a disagreeing pair; None when the table has no such row or column."""
    header, rows = _table()
    if how is None:
        return None
    label = next((name for name in rows if ("edge" in name.lower()) == (how == EDGE) and
                  ("overlap" in name.lower() or how == EDGE)), None)
    column = next((k for k, name in enumerate(header) if name.lower() == SOFTNESS_COLUMN[soft]), None)
    if label is None or column is None or column >= len(rows[label]):
        return None
    return {"row": label, "column": header[column], "cell": rows[label][column]}


def _apart(a: Claim, ca: float, cb: float) -> dict:
    if a.unit == "ratio":
        return {"ratio": None, "gap_points": _num(abs(ca - cb) * 100)}
    low, high = sorted((ca, cb))
    return {"ratio": _num(high / low) if low > 0 else None, "gap_points": None}


def _pair(a: Claim, b: Claim, numbers: dict, policy: Policy) -> dict:
    v = verdict(a, b, policy)
    soft = int(is_soft(a)) + int(is_soft(b))
    ca, cb = centre(a, policy), centre(b, policy)
    return {
        "claims": [numbers[a.id], numbers[b.id]],
        "compared_as": [[_bound(x) for x in compared_bounds(c, policy)] for c in (a, b)],
        "widened": [[_bound(x) for x in widened(c, policy)] for c in (a, b)],
        "centres": [_num(ca), _num(cb)], **_apart(a, ca, cb),
        "disagree": v.disagree, "how": v.how, "soft": soft, "both_hedged": is_hedged(a) and is_hedged(b),
        "severity": v.severity, "table": table_cell(v.how, soft) if v.disagree else None,
    }


def _sides(conflict: Conflict, i: int, j: int, numbers: dict, policy: Policy) -> dict:
    """Every pair of claims of sides i and j (repeats left out: they count once), the disagreeing
    ones most severe first."""
    side_i = [cc.claim for cc in conflict.claims if cc.cluster == i and not cc.repeat_of]
    side_j = [cc.claim for cc in conflict.claims if cc.cluster == j and not cc.repeat_of]
    pairs = [_pair(a, b, numbers, policy) for a in side_i for b in side_j]
    disagreeing = [p for p in pairs if p["disagree"]]
    disagreeing.sort(key=lambda p: (-("info", "warning", "error").index(p["severity"]), p["claims"]))
    # a disagreement only inside one paragraph describes a spread, and detect does not count it
    one_paragraph = len({(c.source, c.block) for c in side_i + side_j}) <= 1
    return {"sides": [i + 1, j + 1], "counted": not one_paragraph, "compared": len(pairs),
            "disagreeing": len(disagreeing), "pairs": disagreeing[:PAIRS_SHOWN]}


def explain(conflict: Conflict, policy: Policy = Policy()) -> dict:
    """One conflict in full, as a dict that `json.dumps` takes as it is."""
    numbers = {cc.claim.id: n for n, cc in enumerate(conflict.claims, 1)}
    clusters = sorted({cc.cluster for cc in conflict.claims})
    rule = RULES.get(conflict.rule)
    return {
        "version": EXPLAIN_VERSION, "id": conflict.id, "severity": conflict.severity, "kind": conflict.kind,
        "rule": {"code": conflict.rule, "name": rule.name if rule else None, "summary": rule.summary if rule else None},
        "subject": conflict.subject, "attribute": conflict.attribute, "condition": conflict.condition,
        "qualifier": conflict.qualifier, "message": conflict.message,
        "decision": dict(conflict.decision, shown_as=status(conflict)) if conflict.decision else None,
        "claims": [_claim(numbers[cc.claim.id], cc, numbers) for cc in conflict.claims],
        "policy": dataclasses.asdict(policy),
        "comparisons": [_sides(conflict, i, j, numbers, policy) for k, i in enumerate(clusters) for j in clusters[k + 1:]],
    }


def explain_json(data: dict) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------------
# text


def _interval(bounds: list, claim: dict) -> str:
    return format_interval(bounds[0], bounds[1], claim["unit"], claim["kind"])


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _claim_lines(c: dict) -> list[str]:
    subject = ci_safe(c["subject"] or "none")
    if c["subject_origin"] or c["subject_text"]:
        subject += f" (from the {ci_safe(c['subject_origin'] or '?')}: \"{ci_safe(c['subject_text'] or '')}\")"
    hedge = f" \"{ci_safe(c['hedge'])}\"" if c["hedge"] else ""
    repeat = f"; repeats [{c['repeat_of']}], counted once" if c["repeat_of"] else ""
    return [
        f"  [{c['n']}] {ci_safe(c['source'])}:{c['line']}:{c['column']}{repeat}",
        f"      quote      \"{ci_safe(' '.join(c['quote'].split()))}\"",
        f"      value      \"{ci_safe(c['value_text'])}\" = {c['reading']}",
        f"      subject    {subject}",
        f"      attribute  {ci_safe(c['attribute'])}",
        f"      condition  {ci_safe(c['condition'] or '-')}",
        f"      qualifier  {ci_safe(c['qualifier'] or '-')}",
        f"      stated as  {c['stated_as']}: hedged {_yes(c['hedged'])}{hedge}, typical {_yes(c['typical'])}, "
        f"subset {_yes(c['subset'])}, maximum {_yes(c['maximum'])}, vague {_yes(c['vague'])}",
    ]


def _how(pair: dict) -> str:
    if pair["how"] == NO_OVERLAP:
        return "none, once both are widened"
    if pair["how"] == EDGE:
        return "only at an edge: neither holds the other's centre"
    return "yes"


def _pair_lines(pair: dict, claims: dict) -> list[str]:
    a, b = (claims[n] for n in pair["claims"])
    centres = f"{_interval([pair['centres'][0]] * 2, a)} and {_interval([pair['centres'][1]] * 2, b)}"
    if pair["gap_points"] is not None:
        centres += f": {pair['gap_points']:g} points apart"
    elif pair["ratio"] is not None:
        centres += f": {pair['ratio']:.1f} times apart"
    lines = [f"  [{a['n']}] \"{ci_safe(a['value_text'])}\" against [{b['n']}] \"{ci_safe(b['value_text'])}\"",
             f"      compared as  {_interval(pair['compared_as'][0], a)} against {_interval(pair['compared_as'][1], b)}",
             f"      widened      {_interval(pair['widened'][0], a)} against {_interval(pair['widened'][1], b)}",
             f"      centres      {centres}",
             f"      overlap      {_how(pair)}"]
    table = pair["table"]
    where = f"row \"{table['row']}\", column \"{table['column']}\": {table['cell']}" if table else "not in the table"
    hedged = "; both hedged: one step lower" if pair["both_hedged"] and pair["soft"] == 0 else ""
    lines.append(f"      severity     {where}{hedged} -> {pair['severity']}")
    return lines


def _policy_line(policy: dict) -> str:
    vague = policy["tolerance"] + policy["vague_tolerance"]
    return (f"Policy: values are widened by {policy['tolerance']:.0%} each way ({vague:.0%} for vague words), shares "
            f"by {policy['rate_points'] * 100:g} points ({(policy['rate_points'] + policy['vague_rate_points']) * 100:g} "
            f"when vague); an edge overlap counts when the centres are {policy['edge_ratio']:g} times apart "
            f"({policy['edge_rate_gap'] * 100:g} points for shares).")


def _comparison_lines(comparison: dict, claims: dict) -> list[str]:
    i, j = comparison["sides"]
    head = (f"Side {i} against side {j}: {comparison['disagreeing']} of {comparison['compared']} pairs disagree"
            + ("" if comparison["counted"] else " (all in one paragraph: a spread, not counted)"))
    lines = ["", head]
    for pair in comparison["pairs"]:
        lines += _pair_lines(pair, claims)
    hidden = comparison["disagreeing"] - len(comparison["pairs"])
    if hidden > 0:
        lines.append(f"  and {hidden} more disagreeing pairs")
    return lines


def _heading(data: dict) -> list[str]:
    rule = data["rule"]
    lines = [f"Conflict {data['id']}: {data['severity']} {rule['code']} {rule['name'] or ''} ({data['kind']})".rstrip(),
             f"  {rule['summary']}" if rule["summary"] else "",
             ci_safe(data["message"]),
             f"subject {ci_safe(data['subject'])} · attribute {ci_safe(data['attribute'])} · "
             f"condition {ci_safe(data['condition'] or '-')} · qualifier {ci_safe(data['qualifier'] or '-')}"]
    decision = data["decision"]
    if decision:
        note = f": {ci_safe(decision.get('note'))}" if decision.get("note") else ""
        lines.append(f"decision: {decision['shown_as']}{note}")
    return [line for line in lines if line]


def explain_text(data: dict) -> str:
    lines = _heading(data)
    claims = {c["n"]: c for c in data["claims"]}
    for side in sorted({c["side"] for c in data["claims"]}):
        lines += ["", f"Side {side}"]
        for c in data["claims"]:
            if c["side"] == side:
                lines += _claim_lines(c)
    lines += ["", _policy_line(data["policy"])]
    for comparison in data["comparisons"]:
        lines += _comparison_lines(comparison, claims)
    lines += ["", f"Verdict: {data['severity']} ({data['rule']['code']}), the most severe disagreement between "
                  f"sides in different paragraphs. `checker rules {data['rule']['code']}` explains the rule."]
    return "\n".join(lines) + "\n"


EXPLAIN_FORMATS = {"text": explain_text, "json": explain_json}
