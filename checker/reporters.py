"""Render stage: one function per output format, in the `REPORTERS` table.

Every reporter takes a `CheckResult` and `ReportOptions` and returns text. Reporters sort
deterministically, never read the clock (a timestamp appears only when passed in ``generated``), and
never decide the exit code.
"""
from __future__ import annotations

import html as html_mod
import io
import json
import math
from dataclasses import dataclass
from typing import Callable, Optional

from . import __version__
from .detect import short_source
from .model import SEVERITIES, CheckResult, Claim, Conflict
from .normalize import format_interval
from .rules import RULES


@dataclass(frozen=True)
class ReportOptions:
    tool_version: str = __version__
    generated: Optional[str] = None  # e.g. an ISO timestamp passed in by the caller; never computed here
    title: str = "checker report"


def _counts(result: CheckResult) -> dict:
    counts = {s: 0 for s in reversed(SEVERITIES)}
    for c in result.conflicts:
        counts[c.severity] += 1
    return counts


def _summary_line(result: CheckResult) -> str:
    counts = _counts(result)
    by = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    text = f"{len(result.conflicts)} conflict{'s' if len(result.conflicts) != 1 else ''}"
    if by:
        text += f" ({by})"
    text += f" in {len(result.claims)} claims from {len(result.sources)} sources"
    if result.errors:
        text += f"; {len(result.errors)} source{'s' if len(result.errors) != 1 else ''} could not be read"
    return text


def _decision_note(conflict: Conflict) -> str:
    d = conflict.decision
    if not d:
        return ""
    status = d.get("status", "")
    if d.get("stale"):
        return f" [was {status}; a value changed since]"
    note = f": {d['note']}" if d.get("note") else ""
    return f" [{status}{note}]"


# --------------------------------------------------------------------------------------------------
# text


def report_text(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    out = []
    for e in result.errors:
        out.append(f"{e.source}: error: {e.message}")
    for c in result.conflicts:
        first = c.claims[0].claim
        out.append(f"{first.source}:{first.line}:{first.column}: {c.severity} {c.rule} {c.message} "
                   f"[{c.id}]{_decision_note(c)}")
        for cc in c.claims:
            cl = cc.claim
            repeat = " (repeated)" if cc.repeat_of else ""
            out.append(f"    side {cc.cluster + 1}: {cl.source}:{cl.line}:{cl.column} \"{cl.value_text}\" "
                       f"= {format_interval(cl.low, cl.high, cl.unit)}{' hedged' if cl.hedged else ''}{repeat}")
            out.append(f"        {_clip(cl.quote, 160)}")
    out.append(_summary_line(result))
    return "\n".join(out) + "\n"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------------------------------
# json


def report_json(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    data = result.to_json()
    if options.generated:
        data["generated"] = options.generated
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def report_claims_json(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    return json.dumps([c.to_json() for c in result.claims], indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------------
# markdown


def _md(text: str) -> str:
    """Escape what Markdown would read as markup or as a table cell boundary."""
    out = text.replace("\\", "\\\\")
    for ch in "|*_`[]<>#":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def report_markdown(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    lines = [f"## {options.title}", "", _summary_line(result) + ".", ""]
    if options.generated:
        lines[2] = f"_Generated {options.generated}._ " + lines[2]
    if result.errors:
        lines += ["**Sources that could not be read**", ""]
        lines += [f"- `{e.source}`: {_md(e.message)}" for e in result.errors]
        lines.append("")
    if not result.conflicts:
        lines.append("No conflicting claims found.")
        return "\n".join(lines) + "\n"
    lines += ["| severity | subject | what | sides | id |", "|---|---|---|---|---|"]
    for c in result.conflicts:
        sides = []
        for k in sorted({cc.cluster for cc in c.claims}):
            vals = sorted({f"{cc.claim.value_text.strip()} ({short_source(cc.claim.source)}:{cc.claim.line})"
                           for cc in c.claims if cc.cluster == k})
            sides.append(" / ".join(vals))
        what = c.attribute.replace("_", " ") + (f", {c.condition}" if c.condition else "") + \
            (f", {c.qualifier}" if c.qualifier else "")
        lines.append(f"| {c.severity}{_decision_note(c)} | {_md(c.subject)} | {_md(what)} | "
                     f"{' **vs** '.join(_md(s) for s in sides)} | `{c.id}` |")
    lines.append("")
    for c in result.conflicts:
        lines += [f"### {c.severity}: {_md(c.subject)}, {c.attribute.replace('_', ' ')} ({c.rule}, `{c.id}`)", "",
                  _md(c.message), ""]
        for cc in c.claims:
            cl = cc.claim
            lines.append(f"- side {cc.cluster + 1}, `{cl.source}` line {cl.line}: **{_md(cl.value_text)}** "
                         f"= {format_interval(cl.low, cl.high, cl.unit)}{' (hedged)' if cl.hedged else ''}  ")
            lines.append(f"  > {_md(_clip(cl.quote, 300))}")
        lines.append("")
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# csv (through pandas)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def _safe_cell(value):
    """Neutralize spreadsheet formula injection: a text cell never starts with = + - @ or a control."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _to_csv(rows: list[dict], columns: list[str]) -> str:
    import pandas as pd

    frame = pd.DataFrame([{k: _safe_cell(r.get(k)) for k in columns} for r in rows], columns=columns)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


CONFLICT_COLUMNS = ["conflict_id", "rule", "severity", "subject", "attribute", "condition", "qualifier", "kind",
                    "cluster", "claim_id", "source", "line", "column", "value_text", "low", "high", "unit",
                    "interval", "hedged", "repeat_of", "quote", "message", "decision"]
CLAIM_COLUMNS = ["claim_id", "source", "line", "column", "start", "end", "subject", "attribute", "condition",
                 "qualifier", "value_text", "low", "high", "unit", "interval", "hedged", "vague", "quote"]


def _num(value):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 6)


def report_csv(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    rows = []
    for c in result.conflicts:
        for cc in c.claims:
            cl = cc.claim
            rows.append({
                "conflict_id": c.id, "rule": c.rule, "severity": c.severity, "subject": c.subject,
                "attribute": c.attribute, "condition": c.condition, "qualifier": c.qualifier, "kind": c.kind,
                "cluster": cc.cluster, "claim_id": cl.id, "source": cl.source, "line": cl.line,
                "column": cl.column, "value_text": cl.value_text, "low": _num(cl.low), "high": _num(cl.high),
                "unit": cl.unit, "interval": format_interval(cl.low, cl.high, cl.unit), "hedged": cl.hedged,
                "repeat_of": cc.repeat_of, "quote": cl.quote, "message": c.message,
                "decision": (c.decision or {}).get("status"),
            })
    return _to_csv(rows, CONFLICT_COLUMNS)


def report_claims_csv(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    rows = [{
        "claim_id": cl.id, "source": cl.source, "line": cl.line, "column": cl.column, "start": cl.start,
        "end": cl.end, "subject": cl.subject, "attribute": cl.attribute, "condition": cl.condition,
        "qualifier": cl.qualifier, "value_text": cl.value_text, "low": _num(cl.low), "high": _num(cl.high),
        "unit": cl.unit, "interval": format_interval(cl.low, cl.high, cl.unit), "hedged": cl.hedged,
        "vague": cl.vague, "quote": cl.quote,
    } for cl in result.claims]
    return _to_csv(rows, CLAIM_COLUMNS)


# --------------------------------------------------------------------------------------------------
# claims table (terminal)


def report_claims_table(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    header = ("source:line", "subject", "attribute", "value", "interval")
    rows = [(f"{short_source(c.source)}:{c.line}", c.subject or "?", c.attribute + (f" [{c.condition}]" if c.condition else ""),
             _clip(c.value_text, 40), format_interval(c.low, c.high, c.unit)) for c in result.claims]
    widths = [max([len(h)] + [len(r[k]) for r in rows]) for k, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*r).rstrip() for r in rows]
    out.append(f"{len(result.claims)} claims from {len(result.sources)} sources")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# SARIF 2.1.0

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _sarif_location(claim: Claim, message: Optional[str] = None) -> dict:
    loc = {
        "physicalLocation": {
            "artifactLocation": {"uri": claim.source},
            "region": {"startLine": claim.line, "startColumn": claim.column, "charOffset": claim.start,
                       "charLength": claim.end - claim.start, "snippet": {"text": claim.quote}},
        }
    }
    if message:
        loc["message"] = {"text": message}
    return loc


def report_sarif(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    rules = []
    for code in sorted(RULES):
        rule = RULES[code]
        rules.append({
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc},
            "help": {"text": rule.doc},
            "defaultConfiguration": {"level": "error"},
        })
    results = []
    for c in result.conflicts:
        locations, related = [], []
        seen_clusters = set()
        for n, cc in enumerate(c.claims):
            text = f"side {cc.cluster + 1}: \"{cc.claim.value_text}\" = " \
                   f"{format_interval(cc.claim.low, cc.claim.high, cc.claim.unit)}"
            if cc.cluster not in seen_clusters:
                seen_clusters.add(cc.cluster)
                locations.append(_sarif_location(cc.claim, text))
            rel = _sarif_location(cc.claim, text)
            rel["id"] = n
            related.append(rel)
        entry = {
            "ruleId": c.rule,
            "ruleIndex": sorted(RULES).index(c.rule),
            "level": _SARIF_LEVEL[c.severity],
            "message": {"text": c.message},
            "locations": locations,
            "relatedLocations": related,
            "partialFingerprints": {"checkerConflict/v1": c.id},
            "properties": {"subject": c.subject, "attribute": c.attribute, "condition": c.condition,
                           "kind": c.kind, "severity": c.severity},
        }
        if c.decision and c.decision.get("status") == "accepted" and not c.decision.get("stale"):
            entry["suppressions"] = [{"kind": "external", "status": "accepted",
                                      "justification": c.decision.get("note") or ""}]
        results.append(entry)
    run = {
        "tool": {"driver": {"name": "checker", "version": options.tool_version,
                            "informationUri": "https://example.invalid/checker", "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if result.errors:
        run["invocations"] = [{
            "executionSuccessful": False,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": e.message},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": e.source}}}]}
                for e in result.errors
            ],
        }]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------------
# GitHub workflow commands


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for e in result.errors:
        out.append(f"::error file={_gh_prop(e.source)},title={_gh_prop('checker: unreadable source')}::{_gh_data(e.message)}")
    for c in result.conflicts:
        for cc in c.claims:
            cl = cc.claim
            others = "; ".join(
                f"{o.claim.source}:{o.claim.line} says {o.claim.value_text}"
                for o in c.claims if o.cluster != cc.cluster and not o.repeat_of)
            title = f"{c.rule} {c.subject}: {c.attribute.replace('_', ' ')}"
            msg = f"\"{cl.value_text}\" ({format_interval(cl.low, cl.high, cl.unit)}) disagrees with {others}. [{c.id}]"
            out.append(f"::{level[c.severity]} file={_gh_prop(cl.source)},line={cl.line},col={cl.column},"
                       f"title={_gh_prop(title)}::{_gh_data(msg)}")
    out.append(_summary_line(result))
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# HTML


def report_html(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    from .html_report import render_html

    return render_html(result, options)


REPORTERS: dict[str, Callable[[CheckResult, ReportOptions], str]] = {
    "text": report_text,
    "json": report_json,
    "markdown": report_markdown,
    "csv": report_csv,
    "sarif": report_sarif,
    "github": report_github,
    "html": report_html,
}

CLAIM_REPORTERS: dict[str, Callable[[CheckResult, ReportOptions], str]] = {
    "table": report_claims_table,
    "json": report_claims_json,
    "csv": report_claims_csv,
}

# Files `checker report` writes under reports/.
REPORT_FILES = {
    "conflicts.json": report_json,
    "conflicts.csv": report_csv,
    "claims.csv": report_claims_csv,
    "report.md": report_markdown,
    "report.html": report_html,
    "conflicts.sarif": report_sarif,
}


def log_position(value: Optional[float], lo: float, hi: float) -> float:
    """Position 0..1 of a time value on a log axis from lo to hi (used by the HTML range chart)."""
    if value is None:
        return 1.0
    value = max(value, lo)
    return (math.log10(value) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))


def escape(text) -> str:
    return html_mod.escape("" if text is None else str(text), quote=True)
