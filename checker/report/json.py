"""The JSON formats: the conflicts contract (DESIGN.md, `reports/conflicts.json`) and the claims list.

``json`` here is the standard library's: this module is ``checker.report.json``.
"""
from __future__ import annotations

import json
from typing import Iterator

from ..model import CheckResult, Conflict
from .common import LazyList, ReportOptions, claim_rows, json_chunks


def _dump(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_json(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    return "".join(json_report_chunks(result, options))


def json_report_chunks(result: CheckResult, options: ReportOptions = ReportOptions()) -> Iterator[str]:
    """`report_json`'s text in pieces: each conflict's object is made as it is written."""
    data = result.to_json(conflicts=LazyList(result.conflicts, len(result.conflicts), Conflict.to_json))
    if options.generated:
        data["generated"] = options.generated
    return json_chunks(data)


def report_claims_json(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """The contract's claim objects, each with ``uncompared``: why it was left out of every
    comparison, or null."""
    return _dump([dict(claim.to_json(), uncompared=reason) for claim, reason in claim_rows(result, options)])
