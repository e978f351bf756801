"""reviewdog's Diagnostic Format (`checker check --format rdjson`), which reviewdog turns into review
comments on the changed lines (``reviewdog -f=rdjson``), as Vale users wire it.

One diagnostic per claim of each conflict: ``location.path`` and ``range`` (start and end of the
value), ``severity`` (ERROR, WARNING, INFO; an accepted conflict is INFO), ``code`` with the rule code
and a link to its documentation, and the ``message`` of a GitHub annotation.

rdjson counts columns in UTF-8 bytes. A claim knows the text of its quote, not of the whole line, so
the bytes of the quote's own text before the value are counted exactly, and each character of the
line before the quote counts one (exact whenever that part of the line is ASCII, as it nearly always
is: a quote starts at its sentence).
"""
from __future__ import annotations

import json

from ..model import CheckResult, Claim, Conflict
from .common import ReportOptions, disagreement, status, value_position

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
RULES_URL = "https://pypi.org/project/health-claims-checker/"  # the README there documents every rule


def _byte_column(claim: Claim, line: int, column: int) -> int:
    """The value's 1-based column in UTF-8 bytes (see the module's note)."""
    offset = max(0, min(len(claim.quote), claim.value_start - claim.start))
    before = claim.quote[:offset]
    on_line = before.rsplit("\n", 1)[-1]
    if "\n" in before:
        return len(on_line.encode("utf-8")) + 1
    return (column - len(on_line)) + len(on_line.encode("utf-8"))


def _diagnostic(conflict: Conflict, cc) -> dict:
    claim = cc.claim
    line, column = value_position(claim)
    start = _byte_column(claim, line, column)
    value_lines = claim.value_text.split("\n")
    if len(value_lines) == 1:
        end = {"line": line, "column": start + len(claim.value_text.encode("utf-8"))}
    else:
        end = {"line": line + len(value_lines) - 1, "column": len(value_lines[-1].encode("utf-8")) + 1}
    return {
        "message": disagreement(conflict, cc),
        "location": {"path": claim.source, "range": {"start": {"line": line, "column": start}, "end": end}},
        "severity": "INFO" if status(conflict) == "accepted" else SEVERITY[conflict.severity],
        "code": {"value": conflict.rule, "url": f"{RULES_URL}#rules"},
    }


def report_rdjson(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    data = {
        "source": {"name": "checker", "url": RULES_URL},
        "diagnostics": [_diagnostic(conflict, cc) for conflict in result.conflicts for cc in conflict.claims],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
