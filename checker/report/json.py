"""The JSON formats: the conflicts contract (DESIGN.md, `reports/conflicts.json`) and the claims list.

``json`` here is the standard library's: this module is ``checker.report.json``.
"""
from __future__ import annotations

import json

from ..model import CheckResult
from .common import ReportOptions, claim_rows


def _dump(data) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_json(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    data = result.to_json()
    if options.generated:
        data["generated"] = options.generated
    return _dump(data)


def report_claims_json(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """The contract's claim objects, each with ``uncompared``: why it was left out of every
    comparison, or null."""
    return _dump([dict(claim.to_json(), uncompared=reason) for claim, reason in claim_rows(result, options)])
