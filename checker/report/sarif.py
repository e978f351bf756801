"""SARIF 2.1.0 for code-scanning tools (`reports/conflicts.sarif`): rule metadata from the rule
registry, both sides of a conflict as locations, accepted conflicts as suppressions, unreadable
sources and uncompared claims as tool notifications.
"""
from __future__ import annotations

import json
import urllib.parse
from pathlib import PurePosixPath
from typing import Optional

from ..model import CheckResult, Claim, Conflict
from ..rules import RULES
from .common import ReportOptions, decision_note, display_reading, status, uncompared_line

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(source: str) -> str:
    """A URI reference for a source path: relative paths stay relative (code-scanning tools resolve
    them against the repository root), absolute ones become file: URIs; spaces and the like are
    percent-encoded."""
    path = PurePosixPath(source)
    if path.is_absolute():
        return "file://" + urllib.parse.quote(str(path), safe="/")
    return urllib.parse.quote(source, safe="/")


def _region(claim: Claim) -> dict:
    # Python string offsets count code points: columnKind unicodeCodePoints below says so.
    end_line = claim.line + claim.quote.count("\n")
    last_nl = claim.quote.rfind("\n")
    end_column = claim.column + len(claim.quote) if last_nl < 0 else len(claim.quote) - last_nl
    if claim.end_line:  # computed from the file at extraction: right for HTML quotes too
        end_line, end_column = claim.end_line, claim.end_column
    return {"startLine": claim.line, "startColumn": claim.column, "endLine": end_line, "endColumn": end_column,
            "charOffset": claim.start, "charLength": claim.end - claim.start, "snippet": {"text": claim.quote}}


def _location(claim: Claim, message: Optional[str] = None, index: Optional[int] = None) -> dict:
    loc: dict = {}
    if index is not None:
        loc["id"] = index
    loc["physicalLocation"] = {"artifactLocation": {"uri": _uri(claim.source)}, "region": _region(claim)}
    if message:
        loc["message"] = {"text": message}
    return loc


def _side_text(cc) -> str:
    cl = cc.claim
    return f"side {cc.cluster + 1}: \"{cl.value_text}\" = {display_reading(cl)}" + (" (repeated)" if cc.repeat_of else "")


def _rules(codes: list) -> list:
    return [{
        "id": code,
        "name": RULES[code].name,
        "shortDescription": {"text": RULES[code].summary},
        "fullDescription": {"text": RULES[code].doc},
        "help": {"text": RULES[code].doc},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["health-content", "consistency"]},
    } for code in codes]


def _result(c: Conflict, codes: list) -> dict:
    locations, seen_clusters = [], set()
    for cc in c.claims:
        if cc.cluster not in seen_clusters:
            seen_clusters.add(cc.cluster)
            locations.append(_location(cc.claim, _side_text(cc)))
    properties = {"subject": c.subject, "attribute": c.attribute, "condition": c.condition,
                  "qualifier": c.qualifier, "kind": c.kind, "severity": c.severity}
    if c.decision:
        properties["decision"] = c.decision
    entry = {
        "ruleId": c.rule,
        "ruleIndex": codes.index(c.rule),
        "level": LEVEL[c.severity],
        "message": {"text": c.message + decision_note(c)},
        "locations": locations,
        "relatedLocations": [_location(cc.claim, _side_text(cc), n) for n, cc in enumerate(c.claims)],
        "partialFingerprints": {"checkerConflict/v1": c.id},
        "properties": properties,
    }
    if status(c) == "accepted":
        entry["suppressions"] = [{"kind": "external", "status": "accepted",
                                  "justification": c.decision.get("note") or "accepted by a reviewer"}]
    return entry


def _suppressed_in_page(c: Conflict, codes: list) -> dict:
    """A conflict that a <!-- checker: ignore --> comment in a page hides: a result with an in-source
    suppression, as code-scanning tools show a `# noqa`."""
    entry = _result(c, codes)
    entry["suppressions"] = [{"kind": "inSource", "status": "accepted",
                              "justification": "<!-- checker: ignore --> in the page"}]
    return entry


def _notifications(result: CheckResult) -> list:
    notes = [{"level": "error", "message": {"text": e.message},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.source)}}}]}
             for e in result.errors]
    line = uncompared_line(result)
    if line:
        notes.append({"level": "note", "message": {"text": line}})
    return notes


def report_sarif(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """SARIF 2.1.0: each conflict is one result whose locations are the first claim of every side and
    whose related locations are all its claims."""
    codes = sorted(RULES)
    run = {
        "tool": {"driver": {"name": "checker", "version": options.tool_version, "rules": _rules(codes)}},
        "invocations": [{"executionSuccessful": not result.errors, "toolExecutionNotifications": _notifications(result)}],
        "columnKind": "unicodeCodePoints",
        "results": [_result(c, codes) for c in result.conflicts]
        + [_suppressed_in_page(c, codes) for c in result.suppressed],
        "properties": {"uncompared": result.uncompared_summary(), "suppressed": result.suppressed_summary()},
    }
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
