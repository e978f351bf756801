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
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Callable, Optional

from . import __version__
from .labels import short_source
from .quantities.format import claim_reading as reading
from .model import SEVERITIES, CheckResult, Claim, Conflict, _num
from .rules import RULES


@dataclass(frozen=True)
class ReportOptions:
    """Everything a report shows that does not come from the result: passed in, never computed here,
    so that golden files stay byte-stable (the tool version is a field so that a test can pin it)."""

    tool_version: str = __version__
    generated: Optional[str] = None  # e.g. an ISO timestamp passed in by the caller; never computed here
    title: str = "checker report"


def _counts(result: CheckResult) -> dict:
    counts = {s: 0 for s in reversed(SEVERITIES)}
    for c in result.conflicts:
        counts[c.severity] += 1
    return counts


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def status(conflict: Conflict) -> Optional[str]:
    """The reviewer's word on a conflict: accepted, rejected, stale (decided, then a value changed) or None."""
    d = conflict.decision
    if not d:
        return None
    return "stale" if d.get("stale") else d.get("status")


def _summary_line(result: CheckResult) -> str:
    counts = _counts(result)
    by = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    text = _plural(len(result.conflicts), "conflict")
    if by:
        text += f" ({by})"
    text += f" in {_plural(len(result.claims), 'claim')} from {_plural(len(result.sources), 'source')}"
    decided = [status(c) for c in result.conflicts]
    for word in ("accepted", "rejected", "stale"):
        if decided.count(word):
            text += f"; {decided.count(word)} {word}" + (" (a value changed since the decision)" if word == "stale" else "")
    if result.errors:
        text += f"; {_plural(len(result.errors), 'source')} could not be read"
    return text


def _decision_note(conflict: Conflict) -> str:
    d = conflict.decision
    if not d:
        return ""
    if d.get("stale"):
        return f" [was {d.get('status', '')}; a value changed since]"
    note = f": {d['note']}" if d.get("note") else ""
    return f" [{d.get('status', '')}{note}]"


def _what(conflict: Conflict) -> str:
    what = conflict.attribute.replace("_", " ")
    if conflict.condition:
        what += f", {conflict.condition}"
    if conflict.qualifier:
        what += f", {conflict.qualifier}"
    return what


def value_position(claim: Claim) -> tuple[int, int]:
    """1-based line and column of the value itself (the quote may start lines earlier)."""
    if claim.value_line:
        return claim.value_line, claim.value_column
    offset = max(0, min(len(claim.quote), claim.value_start - claim.start))
    before = claim.quote[:offset]
    newline = before.rfind("\n")
    if newline < 0:
        return claim.line, claim.column + offset
    return claim.line + before.count("\n"), offset - newline


def quote_parts(claim: Claim) -> tuple[str, str, str]:
    """The quote split around the value (before, value, after); the value is empty when the offsets do
    not point at it, so that a highlight never marks the wrong words."""
    a = max(0, min(len(claim.quote), claim.value_start - claim.start))
    b = max(a, min(len(claim.quote), claim.value_end - claim.start))
    if claim.quote[a:b] != claim.value_text or a == b:
        return claim.quote, "", ""
    return claim.quote[:a], claim.quote[a:b], claim.quote[b:]


# --------------------------------------------------------------------------------------------------
# text


def report_text(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    out = [_error_line(e.source, e.message) for e in result.errors]
    for c in result.conflicts:
        first = c.claims[0].claim
        out.append(f"{first.source}:{first.line}:{first.column}: {c.severity} {c.rule} {c.message} "
                   f"[{c.id}]{_decision_note(c)}")
        for cc in c.claims:
            cl = cc.claim
            repeat = " (repeated)" if cc.repeat_of else ""
            out.append(f"    side {cc.cluster + 1}: {cl.source}:{cl.line}:{cl.column} \"{cl.value_text}\" "
                       f"= {reading(cl)}{' hedged' if cl.hedged else ''}{repeat}")
            out.append(f"        {_clip(cl.quote, 160)}")
    out.append(_summary_line(result))
    return "\n".join(out) + "\n"


def error_location(source: str, message: str) -> tuple[Optional[int], str]:
    """The line (if the message names one) and the message without its 'path:line: ' prefix: input
    errors are worded to stand alone ('sources/x.txt:3: not valid UTF-8'), reports add the path."""
    if message.startswith(source):
        where, sep, text = message[len(source):].partition(": ")
        if sep and not where:
            return None, text
        if sep and where.startswith(":") and where[1:].isdigit():
            return int(where[1:]), text
    return None, message


def _error_line(source: str, message: str) -> str:
    """'path:3: error: not valid UTF-8'."""
    line, text = error_location(source, message)
    return f"{source}{f':{line}' if line else ''}: error: {text}"


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


def _md_escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for ch in "|*_`[]<>#~&":
        out = out.replace(ch, "\\" + ch)
    return out


def _md(text: str) -> str:
    """Escape what Markdown would read as markup or as a table cell boundary; one line."""
    return " ".join(_md_escape(text).split())


def _code(text: str) -> str:
    """Inline code that survives backticks in the text (a fence longer than any run inside)."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_status(conflict: Conflict) -> str:
    word = status(conflict)
    if word is None:
        return ""
    if word == "stale":
        return f"**stale** (was {conflict.decision.get('status')}; a value changed)"
    note = conflict.decision.get("note")
    return f"{word}" + (f": {_md(note)}" if note else "")


def _md_side(claims: list) -> str:
    """One side of a conflict: each distinct value once, with every place it is stated."""
    places: dict = {}
    for cc in claims:
        cl = cc.claim
        places.setdefault(cl.value_text.strip(), []).append(f"{short_source(cl.source)}:{cl.line}")
    return "; ".join(f"**{_md(value)}** ({_md(', '.join(where))})" for value, where in places.items())


def _md_quote(claim: Claim) -> str:
    before, value, after = quote_parts(claim)
    if not value:
        return _md(_clip(claim.quote, 300))
    # escape the parts apart, then fold whitespace over the whole: the spaces around the value stay
    return " ".join(f"{_md_escape(before)}**{_md_escape(value)}**{_md_escape(after)}".split())


def report_markdown(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """A pull-request comment: the verdict in the heading, one table row per conflict, and the quotes
    folded away under each conflict (GitHub and GitLab render <details>)."""
    open_conflicts = [c for c in result.conflicts if status(c) != "accepted"]
    headline = "no conflicting claims" if not result.conflicts else _plural(len(open_conflicts), "open conflict")
    lines = [f"## {_md(options.title)}: {headline}", "", _summary_line(result) + "."]
    if options.generated:
        lines[-1] = f"_Generated {_md(options.generated)}._ " + lines[-1]
    lines.append("")
    if result.errors:
        lines += ["**Sources that could not be read**", ""]
        for e in result.errors:
            line, text = error_location(e.source, e.message)
            lines.append(f"- {_code(e.source)}{f' line {line}' if line else ''}: {_md(text)}")
        lines.append("")
    if not result.conflicts:
        return "\n".join(lines)
    lines += ["| severity | subject | what | sides | decision | id |", "|---|---|---|---|---|---|"]
    for c in result.conflicts:
        clusters = sorted({cc.cluster for cc in c.claims})
        sides = [_md_side([cc for cc in c.claims if cc.cluster == k]) for k in clusters]
        lines.append(f"| {c.severity} | {_md(c.subject)} | {_md(_what(c))} | {' **vs** '.join(sides)} | "
                     f"{_md_status(c)} | `{c.id}` |")
    lines.append("")
    for c in result.conflicts:
        summary = html_mod.escape(f"{c.severity}: {c.subject}, {_what(c)} ({c.rule}, {c.id})")
        lines += ["<details>", f"<summary>{summary}</summary>", "", _md(c.message), ""]
        if c.decision:
            lines += [f"Decision: {_md_status(c)}", ""]
        for cc in c.claims:
            cl = cc.claim
            extra = "".join([" (hedged)" if cl.hedged else "", " (repeated)" if cc.repeat_of else ""])
            lines.append(f"- side {cc.cluster + 1}, {_code(cl.source)} line {cl.line}: **{_md(cl.value_text)}** "
                         f"= {_md(reading(cl))}{extra}")
            lines.append(f"  > {_md_quote(cl)}")
        lines += ["", "</details>", ""]
    lines.append("_To accept an intended difference: `checker review accept ID --note \"why\"`._")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------
# csv (through pandas)

# What a spreadsheet may read as the start of a formula (OWASP "CSV injection"), including full-width
# forms that some spreadsheets fold to ASCII and whitespace that some strip before parsing.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def _safe_cell(value):
    """Neutralize spreadsheet formula injection: a text cell that could start a formula gets a leading
    apostrophe, which spreadsheets show as text and do not evaluate."""
    if isinstance(value, str) and (value.startswith(_FORMULA_START) or value.lstrip().startswith(_FORMULA_START)):
        return "'" + value
    return value


def _to_csv(rows: list[dict], columns: list[str]) -> str:
    import pandas as pd

    # dtype=object: a column of ints with a None (an open bound) must not turn into floats ("7200.0")
    frame = pd.DataFrame([{k: _safe_cell(r.get(k)) for k in columns} for r in rows], columns=columns, dtype=object)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


CONFLICT_COLUMNS = ["conflict_id", "rule", "severity", "subject", "attribute", "condition", "qualifier", "kind",
                    "cluster", "claim_id", "source", "line", "column", "value_text", "low", "high", "unit",
                    "interval", "hedged", "repeat_of", "quote", "message", "decision", "decision_note"]
CLAIM_COLUMNS = ["claim_id", "source", "line", "column", "start", "end", "subject", "attribute", "condition",
                 "qualifier", "value_text", "low", "high", "unit", "interval", "hedged", "vague", "quote"]


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
                "unit": cl.unit, "interval": reading(cl), "hedged": cl.hedged,
                "repeat_of": cc.repeat_of, "quote": cl.quote, "message": c.message,
                "decision": status(c), "decision_note": (c.decision or {}).get("note") or None,
            })
    return _to_csv(rows, CONFLICT_COLUMNS)


def report_claims_csv(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    rows = [{
        "claim_id": cl.id, "source": cl.source, "line": cl.line, "column": cl.column, "start": cl.start,
        "end": cl.end, "subject": cl.subject, "attribute": cl.attribute, "condition": cl.condition,
        "qualifier": cl.qualifier, "value_text": cl.value_text, "low": _num(cl.low), "high": _num(cl.high),
        "unit": cl.unit, "interval": reading(cl), "hedged": cl.hedged,
        "vague": cl.vague, "quote": cl.quote,
    } for cl in result.claims]
    return _to_csv(rows, CLAIM_COLUMNS)


# --------------------------------------------------------------------------------------------------
# claims table (terminal)


def report_claims_table(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    header = ("source:line", "subject", "attribute", "value", "interval")
    rows = [(f"{short_source(c.source)}:{c.line}", c.subject or "?", c.attribute + (f" [{c.condition}]" if c.condition else ""),
             _clip(c.value_text, 40), reading(c)) for c in result.claims]
    widths = [max([len(h)] + [len(r[k]) for r in rows]) for k, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*r).rstrip() for r in rows]
    out.append(f"{len(result.claims)} claims from {len(result.sources)} sources")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------------------
# SARIF 2.1.0

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(source: str) -> str:
    """A URI reference for a source path: relative paths stay relative (code-scanning tools resolve
    them against the repository root), absolute ones become file: URIs; spaces and the like are
    percent-encoded."""
    path = PurePosixPath(source)
    if path.is_absolute():
        return "file://" + urllib.parse.quote(str(path), safe="/")
    return urllib.parse.quote(source, safe="/")


def _sarif_region(claim: Claim) -> dict:
    # Python string offsets count code points: columnKind unicodeCodePoints below says so.
    end_line = claim.line + claim.quote.count("\n")
    last_nl = claim.quote.rfind("\n")
    end_column = claim.column + len(claim.quote) if last_nl < 0 else len(claim.quote) - last_nl
    if claim.end_line:  # computed from the file at extraction: right for HTML quotes too
        end_line, end_column = claim.end_line, claim.end_column
    return {"startLine": claim.line, "startColumn": claim.column, "endLine": end_line, "endColumn": end_column,
            "charOffset": claim.start, "charLength": claim.end - claim.start, "snippet": {"text": claim.quote}}


def _sarif_location(claim: Claim, message: Optional[str] = None, index: Optional[int] = None) -> dict:
    loc: dict = {}
    if index is not None:
        loc["id"] = index
    loc["physicalLocation"] = {"artifactLocation": {"uri": _uri(claim.source)}, "region": _sarif_region(claim)}
    if message:
        loc["message"] = {"text": message}
    return loc


def _side_text(cc) -> str:
    cl = cc.claim
    return f"side {cc.cluster + 1}: \"{cl.value_text}\" = {reading(cl)}" + (" (repeated)" if cc.repeat_of else "")


def report_sarif(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """SARIF 2.1.0: rule metadata from the rule registry; each conflict is one result whose locations are
    the first claim of every side and whose related locations are all its claims. An accepted conflict
    carries an external suppression with the reviewer's note."""
    codes = sorted(RULES)
    rules = []
    for code in codes:
        rule = RULES[code]
        rules.append({
            "id": code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc},
            "help": {"text": rule.doc},
            "defaultConfiguration": {"level": "error"},
            "properties": {"tags": ["health-content", "consistency"]},
        })
    results = []
    for c in result.conflicts:
        locations, seen_clusters = [], set()
        for cc in c.claims:
            if cc.cluster not in seen_clusters:
                seen_clusters.add(cc.cluster)
                locations.append(_sarif_location(cc.claim, _side_text(cc)))
        related = [_sarif_location(cc.claim, _side_text(cc), n) for n, cc in enumerate(c.claims)]
        properties = {"subject": c.subject, "attribute": c.attribute, "condition": c.condition,
                      "qualifier": c.qualifier, "kind": c.kind, "severity": c.severity}
        if c.decision:
            properties["decision"] = c.decision
        entry = {
            "ruleId": c.rule,
            "ruleIndex": codes.index(c.rule),
            "level": _SARIF_LEVEL[c.severity],
            "message": {"text": c.message + _decision_note(c)},
            "locations": locations,
            "relatedLocations": related,
            "partialFingerprints": {"checkerConflict/v1": c.id},
            "properties": properties,
        }
        if status(c) == "accepted":
            entry["suppressions"] = [{"kind": "external", "status": "accepted",
                                      "justification": c.decision.get("note") or "accepted by a reviewer"}]
        results.append(entry)
    run = {
        "tool": {"driver": {"name": "checker", "version": options.tool_version, "rules": rules}},
        "invocations": [{
            "executionSuccessful": not result.errors,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": e.message},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(e.source)}}}]}
                for e in result.errors
            ],
        }],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------------------------------
# GitHub workflow commands


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def report_github(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """GitHub workflow commands: one annotation per claim of each conflict, on the value's line and
    column, so a pull request shows it on the changed line. An accepted conflict is a notice."""
    level = {"error": "error", "warning": "warning", "info": "notice"}
    out = []
    for e in result.errors:
        line, text = error_location(e.source, e.message)
        where = f"file={_gh_prop(e.source)}" + (f",line={line}" if line else "")
        out.append(f"::error {where},title={_gh_prop('checker: unreadable source')}::{_gh_data(text)}")
    for c in result.conflicts:
        kind = "notice" if status(c) == "accepted" else level[c.severity]
        for cc in c.claims:
            cl = cc.claim
            line, column = value_position(cl)
            others = "; ".join(
                f"{o.claim.source}:{o.claim.line} \"{o.claim.value_text}\" ({reading(o.claim)})"
                for o in c.claims if o.cluster != cc.cluster and not o.repeat_of)
            title = f"{c.rule} {c.subject}: {_what(c)}"
            msg = f"\"{cl.value_text}\" ({reading(cl)}) disagrees with {others}. [{c.id}]{_decision_note(c)}"
            position = f"file={_gh_prop(cl.source)},line={line},col={column}"
            if "\n" not in cl.value_text:
                position += f",endColumn={column + len(cl.value_text)}"
            out.append(f"::{kind} {position},title={_gh_prop(title)}::{_gh_data(msg)}")
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
