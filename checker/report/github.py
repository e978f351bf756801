"""GitHub workflow commands (`checker check --format github`): one annotation per claim of each
conflict, on the value's line and column, so a pull request shows it on the changed line.

Text from a page goes into a command's data or properties with GitHub's own escapes (``%0A`` for a
newline), so that it cannot end the command line and start another; other control characters are
shown as escapes.
"""
from __future__ import annotations

from ..model import CheckResult, Conflict, ConflictClaim
from .common import (ReportOptions, ci_data, disagreement, error_location, status, summary_line, suppressed_line,
                     uncompared_line, value_position, what)

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(text: str) -> str:
    return ci_data(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(c: Conflict, cc: ConflictClaim) -> str:
    cl = cc.claim
    kind = "notice" if status(c) == "accepted" else LEVEL[c.severity]
    line, column = value_position(cl)
    title = f"{c.rule} {c.subject}: {what(c)}"
    msg = disagreement(c, cc)
    position = f"file={_gh_prop(cl.source)},line={line},col={column}"
    if "\n" not in cl.value_text:
        position += f",endColumn={column + len(cl.value_text)}"
    return f"::{kind} {position},title={_gh_prop(title)}::{_gh_data(msg)}"


def report_github(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """Annotations for unreadable sources and for every claim of each conflict (an accepted conflict
    is a notice), then the summary as plain lines."""
    out = []
    for e in result.errors:
        line, text = error_location(e.source, e.message)
        where = f"file={_gh_prop(e.source)}" + (f",line={line}" if line else "")
        out.append(f"::error {where},title={_gh_prop('checker: unreadable source')}::{_gh_data(text)}")
    for c in result.conflicts:
        out += [_annotation(c, cc) for cc in c.claims]
    out.append(summary_line(result))
    out += [line for line in (uncompared_line(result), suppressed_line(result)) if line]
    return "\n".join(out) + "\n"
