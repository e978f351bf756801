"""The spreadsheet formats: one row per claim of each conflict (`reports/conflicts.csv`) and one row
per claim (`reports/claims.csv`), written through pandas. Formula injection is neutralized.

``csv`` here is this module, ``checker.report.csv``; pandas does the writing.
"""
from __future__ import annotations

import io

from ..model import CheckResult, Claim, _num
from .common import (ReportOptions, bound_text, claim_rows, conflict_of_claims, display_reading, safe_cell,
                     status)

CONFLICT_COLUMNS = ["conflict_id", "rule", "severity", "subject", "attribute", "condition", "qualifier", "kind",
                    "cluster", "claim_id", "source", "line", "column", "value_text", "low", "high", "unit",
                    "interval", "hedged", "repeat_of", "quote", "message", "decision", "decision_note"]
# columns added later are appended, so that a spreadsheet or script that reads by position keeps working
CLAIM_COLUMNS = ["claim_id", "source", "line", "column", "start", "end", "subject", "attribute", "condition",
                 "qualifier", "value_text", "low", "high", "unit", "interval", "hedged", "vague", "quote",
                 "uncompared", "conflict_id", "low_human", "high_human"]


def _to_csv(rows: list[dict], columns: list[str]) -> str:
    import pandas as pd

    # dtype=object: a column of ints with a None (an open bound) must not turn into floats ("7200.0")
    frame = pd.DataFrame([{k: safe_cell(r.get(k)) for k in columns} for r in rows], columns=columns, dtype=object)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def _claim_cells(cl: Claim) -> dict:
    return {"claim_id": cl.id, "source": cl.source, "line": cl.line, "column": cl.column,
            "value_text": cl.value_text, "low": _num(cl.low), "high": _num(cl.high), "unit": cl.unit,
            "interval": display_reading(cl), "hedged": cl.hedged, "quote": cl.quote}


def report_csv(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    rows = []
    for c in result.conflicts:
        for cc in c.claims:
            rows.append(dict(
                _claim_cells(cc.claim), conflict_id=c.id, rule=c.rule, severity=c.severity, subject=c.subject,
                attribute=c.attribute, condition=c.condition, qualifier=c.qualifier, kind=c.kind,
                cluster=cc.cluster, repeat_of=cc.repeat_of, message=c.message, decision=status(c),
                decision_note=(c.decision or {}).get("note") or None))
    return _to_csv(rows, CONFLICT_COLUMNS)


def report_claims_csv(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """Every claim (with ``only_uncompared``: those left out), ``uncompared`` giving the reason,
    ``conflict_id`` the conflict it takes part in, ``low_human``/``high_human`` the bounds in the units a
    person reads ('1 wk', '30%') beside ``low``/``high`` in seconds or fractions."""
    conflict_ids = conflict_of_claims(result)
    rows = [dict(_claim_cells(cl), start=cl.start, end=cl.end, subject=cl.subject, attribute=cl.attribute,
                 condition=cl.condition, qualifier=cl.qualifier, vague=cl.vague, uncompared=reason,
                 conflict_id=conflict_ids.get(cl.id), low_human=bound_text(cl.low, cl.unit, cl.kind),
                 high_human=bound_text(cl.high, cl.unit, cl.kind))
            for cl, reason in claim_rows(result, options)]
    return _to_csv(rows, CLAIM_COLUMNS)
