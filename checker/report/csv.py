"""The spreadsheet formats: one row per claim of each conflict (`reports/conflicts.csv`) and one row
per claim (`reports/claims.csv`), written through pandas. Formula injection is neutralized.

``csv`` here is this module, ``checker.report.csv``; pandas does the writing.
"""
from __future__ import annotations

import io
from itertools import islice
from typing import Iterable, Iterator

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


ROWS_PER_CHUNK = 5000  # rows rendered at a time: a large corpus's table is never whole in memory


def _csv_chunks(rows: Iterable[dict], columns: list[str]) -> Iterator[str]:
    """The CSV text in pieces of `ROWS_PER_CHUNK` rows, the header first (alone when there is no row).
    Every column is of dtype object, so a value is written the same whichever chunk it falls in."""
    import pandas as pd

    rows = iter(rows)
    header = True
    while True:
        chunk = list(islice(rows, ROWS_PER_CHUNK))
        if not chunk and not header:
            return
        # dtype=object: a column of ints with a None (an open bound) must not turn into floats ("7200.0")
        frame = pd.DataFrame([{k: safe_cell(r.get(k)) for k in columns} for r in chunk], columns=columns,
                             dtype=object)
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, header=header, lineterminator="\n")
        yield buffer.getvalue()
        header = False


def _claim_cells(cl: Claim) -> dict:
    return {"claim_id": cl.id, "source": cl.source, "line": cl.line, "column": cl.column,
            "value_text": cl.value_text, "low": _num(cl.low), "high": _num(cl.high), "unit": cl.unit,
            "interval": display_reading(cl), "hedged": cl.hedged, "quote": cl.quote}


def report_csv(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    return "".join(csv_chunks(result, options))


def csv_chunks(result: CheckResult, options: ReportOptions = ReportOptions()) -> Iterator[str]:
    """`report_csv`'s text in pieces."""
    rows = (dict(_claim_cells(cc.claim), conflict_id=c.id, rule=c.rule, severity=c.severity, subject=c.subject,
                 attribute=c.attribute, condition=c.condition, qualifier=c.qualifier, kind=c.kind,
                 cluster=cc.cluster, repeat_of=cc.repeat_of, message=c.message, decision=status(c),
                 decision_note=(c.decision or {}).get("note") or None)
            for c in result.conflicts for cc in c.claims)
    return _csv_chunks(rows, CONFLICT_COLUMNS)


def report_claims_csv(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """Every claim (with ``only_uncompared``: those left out), ``uncompared`` giving the reason,
    ``conflict_id`` the conflict it takes part in, ``low_human``/``high_human`` the bounds in the units a
    person reads ('1 wk', '30%') beside ``low``/``high`` in seconds or fractions."""
    return "".join(claims_csv_chunks(result, options))


def claims_csv_chunks(result: CheckResult, options: ReportOptions = ReportOptions()) -> Iterator[str]:
    """`report_claims_csv`'s text in pieces."""
    conflict_ids = conflict_of_claims(result)
    rows = (dict(_claim_cells(cl), start=cl.start, end=cl.end, subject=cl.subject, attribute=cl.attribute,
                 condition=cl.condition, qualifier=cl.qualifier, vague=cl.vague, uncompared=reason,
                 conflict_id=conflict_ids.get(cl.id), low_human=bound_text(cl.low, cl.unit, cl.kind),
                 high_human=bound_text(cl.high, cl.unit, cl.kind))
            for cl, reason in claim_rows(result, options))
    return _csv_chunks(rows, CLAIM_COLUMNS)
