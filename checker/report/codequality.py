"""GitLab's Code Quality report (`checker check --format codequality`): a JSON array of issues, one per
claim of each conflict, that a merge request shows on the changed lines
(``artifacts: reports: codequality: gl-code-quality-report.json``).

Each issue has GitLab's fields: ``description``, ``check_name`` (the rule code), ``fingerprint``
(unique and stable: the conflict id, the page and the value, so the same issue keeps its identity
from one pipeline to the next), ``severity`` (GitLab's words) and ``location.path`` with
``lines.begin``. An accepted conflict is reported as ``info``.
"""
from __future__ import annotations

import hashlib
import json

from ..model import CheckResult, Conflict
from .common import ReportOptions, disagreement, status, value_position, what

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def _fingerprint(conflict: Conflict, source: str, value_text: str, occurrence: int) -> str:
    key = "\0".join((conflict.id, source, value_text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _issues(conflict: Conflict) -> list[dict]:
    seen: dict = {}
    issues = []
    for cc in conflict.claims:
        claim = cc.claim
        key = (claim.source, claim.value_text)
        seen[key] = seen.get(key, 0) + 1  # the same words twice in a page are two issues
        line, _column = value_position(claim)
        issues.append({
            "description": f"{conflict.rule} {conflict.subject}, {what(conflict)}: {disagreement(conflict, cc)}",
            "check_name": conflict.rule,
            "fingerprint": _fingerprint(conflict, claim.source, claim.value_text, seen[key]),
            "severity": "info" if status(conflict) == "accepted" else SEVERITY[conflict.severity],
            "location": {"path": claim.source, "lines": {"begin": line}},
        })
    return issues


def report_codequality(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    issues = [issue for conflict in result.conflicts for issue in _issues(conflict)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
