"""Render stage: one module per output format, and the tables the CLI picks them from.

Every reporter takes a `CheckResult` and `ReportOptions` and returns text (the workbook: bytes). Reporters sort
deterministically, never read the clock (a timestamp appears only when passed in ``generated``), and
never decide the exit code. `common` holds what they share; no format module imports another.

- ``REPORTERS``: the conflict formats of ``checker check --format``;
- ``CLAIM_REPORTERS``: the claims formats of ``checker claims --format``;
- ``REPORT_FILES``: the files ``checker report`` writes under ``reports/``.
"""
from __future__ import annotations

from typing import Callable, Union

from ..model import CheckResult
from .codequality import report_codequality
from .common import ReportOptions, error_location
from .csv import report_claims_csv, report_csv
from .github import report_github
from .html import report_html
from .json import report_claims_json, report_json
from .markdown import report_markdown
from .rdjson import report_rdjson
from .sarif import report_sarif
from .text import report_claims_table, report_text
from .xlsx import report_xlsx

Reporter = Callable[[CheckResult, ReportOptions], str]
FileReporter = Callable[[CheckResult, ReportOptions], Union[str, bytes]]

REPORTERS: dict[str, Reporter] = {
    "text": report_text,
    "json": report_json,
    "markdown": report_markdown,
    "csv": report_csv,
    "sarif": report_sarif,
    "github": report_github,
    "html": report_html,
    "codequality": report_codequality,
    "rdjson": report_rdjson,
}

CLAIM_REPORTERS: dict[str, Reporter] = {
    "table": report_claims_table,
    "json": report_claims_json,
    "csv": report_claims_csv,
}

REPORT_FILES: dict[str, FileReporter] = {
    "conflicts.json": report_json,
    "conflicts.csv": report_csv,
    "claims.csv": report_claims_csv,
    "report.md": report_markdown,
    "report.html": report_html,
    "conflicts.sarif": report_sarif,
    "report.xlsx": report_xlsx,
}

__all__ = ["REPORTERS", "CLAIM_REPORTERS", "REPORT_FILES", "Reporter", "ReportOptions", "error_location"]
