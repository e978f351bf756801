"""What every report format shares: the options passed in, counts, reviewer statuses, positions,
and the escaping that keeps text from a page inert in a terminal or a CI log.

Nothing here reads the clock or decides an exit code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .. import __version__
from ..labels import source_labels
from ..model import SEVERITIES, CheckResult, Claim, Conflict
from ..quantities.expressions import APPROX_FRACTION
from ..quantities.format import claim_reading, format_interval, reading


@dataclass(frozen=True)
class ReportOptions:
    """Everything a report shows that does not come from the result: passed in, never computed here,
    so that golden files stay byte-stable (the tool version is a field so that a test can pin it)."""

    tool_version: str = __version__
    generated: Optional[str] = None  # e.g. an ISO timestamp passed in by the caller; never computed here
    title: str = "checker report"
    only_uncompared: bool = False  # claims formats: list only the claims left out of every comparison
    color: bool = False  # text format: ANSI colours (the CLI decides: a terminal, NO_COLOR, --color)
    report_url: str = "report.html"  # where the full HTML report is, linked from a cut Markdown summary
    max_chars: int = 65536  # Markdown: GitHub's limit for a pull-request comment


def counts(result: CheckResult) -> dict:
    """Conflicts per severity, most severe first (zeros included: the HTML cards show them)."""
    by_severity = {s: 0 for s in reversed(SEVERITIES)}
    for c in result.conflicts:
        by_severity[c.severity] += 1
    return by_severity


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def page_names(sources: Iterable[str]) -> dict:
    """Each source's shortest path ending that no other source shares (`checker.labels`): reports
    compute it over every page of the run, so one name means one file throughout a report."""
    return source_labels(sources)


def status(conflict: Conflict) -> Optional[str]:
    """The reviewer's word on a conflict: accepted, rejected, stale (decided, then a value changed) or None."""
    d = conflict.decision
    if not d:
        return None
    return "stale" if d.get("stale") else d.get("status")


def summary_line(result: CheckResult) -> str:
    """'4 conflicts (3 error, 1 warning) in 17 claims from 5 sources; 1 accepted; ...': counts only,
    no text from a page."""
    by = ", ".join(f"{n} {s}" for s, n in counts(result).items() if n)
    text = plural(len(result.conflicts), "conflict")
    if by:
        text += f" ({by})"
    text += f" in {plural(len(result.claims), 'claim')} from {plural(len(result.sources), 'source')}"
    decided = [status(c) for c in result.conflicts]
    for word in ("accepted", "rejected", "stale"):
        if decided.count(word):
            text += f"; {decided.count(word)} {word}" + (" (a value changed since the decision)" if word == "stale" else "")
    if result.errors:
        text += f"; {plural(len(result.errors), 'source')} could not be read"
    return text


def uncompared_line(result: CheckResult) -> Optional[str]:
    """'3 claims were not compared: 2 attribute other, 1 negated value', or None when every claim was."""
    if not result.uncompared:
        return None
    n = len(result.uncompared)
    by_reason = ", ".join(f"{count} {reason}" for reason, count in result.uncompared_summary()["by_reason"].items())
    return f"{plural(n, 'claim')} {'was' if n == 1 else 'were'} not compared: {by_reason}"


def suppressed_line(result: CheckResult) -> Optional[str]:
    """'1 conflict and 2 claims suppressed by checker comments in the pages', or None."""
    parts = []
    if result.suppressed:
        parts.append(plural(len(result.suppressed), "conflict"))
    if result.suppressed_claims:
        parts.append(plural(len(result.suppressed_claims), "claim"))
    if not parts:
        return None
    return f"{' and '.join(parts)} suppressed by checker comments in the pages"


def uncompared_reasons(result: CheckResult) -> dict:
    """Claim id -> why it was left out of every comparison."""
    return {claim.id: reason for claim, reason in result.uncompared}


def claim_rows(result: CheckResult, options: ReportOptions) -> list[tuple[Claim, Optional[str]]]:
    """The claims a claims format lists, each with the reason it was not compared (None if it was)."""
    if options.only_uncompared:
        return list(result.uncompared)
    reasons = uncompared_reasons(result)
    return [(claim, reasons.get(claim.id)) for claim in result.claims]


def decision_note(conflict: Conflict) -> str:
    """' [accepted: why]' or ' [was accepted; a value changed since]'; the note is as the reviewer
    wrote it (escape it for the format)."""
    d = conflict.decision
    if not d:
        return ""
    if d.get("stale"):
        return f" [was {d.get('status', '')}; a value changed since]"
    note = f": {d['note']}" if d.get("note") else ""
    return f" [{d.get('status', '')}{note}]"


def what(conflict: Conflict) -> str:
    """'relief duration, children, steroid phase': the attribute, condition and qualifier."""
    text = conflict.attribute.replace("_", " ")
    if conflict.condition:
        text += f", {conflict.condition}"
    if conflict.qualifier:
        text += f", {conflict.qualifier}"
    return text


def display_reading(claim: Claim) -> str:
    """The claim's interval as a person would say it: "about 12 weeks" reads "about 12 wk", not the
    ±15 % interval it is compared as ("10–14 wk"); every other claim reads as `claim_reading` does
    ("hours to days" is "1 h–7 d"). Display only: the stored bounds do not change."""
    centre = _approximated(claim)
    if centre is not None:
        return "about " + reading(claim.value_text, centre, centre, claim.unit, claim.kind)
    return claim_reading(claim)


def _approximated(claim: Claim) -> Optional[float]:
    """The value an "about X" widened into its interval, or None when the claim is not one."""
    low, high = claim.low, claim.high
    if not claim.approx or not low or not high or high <= low:
        return None
    centre = low / (1 - APPROX_FRACTION)
    if claim.unit == "ratio" and high >= 1.0:
        return None  # capped at 100 %: not symmetric, show the interval
    return centre if abs(high - centre * (1 + APPROX_FRACTION)) <= 1e-6 * centre else None


def disagreement(conflict: Conflict, cc) -> str:
    """'"a few hours" (2–4 h) disagrees with b.txt:3 "3 to 6 months" (3–6 mo). [ID]': the message of
    an annotation on one claim of a conflict (raw: escape it for the format)."""
    claim = cc.claim
    others = "; ".join(f"{o.claim.source}:{o.claim.line} \"{o.claim.value_text}\" ({display_reading(o.claim)})"
                       for o in conflict.claims if o.cluster != cc.cluster and not o.repeat_of)
    return (f"\"{claim.value_text}\" ({display_reading(claim)}) disagrees with {others}. "
            f"[{conflict.id}]{decision_note(conflict)}")


def bound_text(value: Optional[float], unit: Optional[str], kind: str = "") -> str:
    """One bound in the units a person reads: 604800 s is '1 wk', 0.3 is '30%'; None is 'open'."""
    if value is None:
        return "open"
    return format_interval(value, value, unit, kind)


def conflict_of_claims(result: CheckResult) -> dict:
    """Claim id -> the id of the conflict it takes part in (claims in no conflict are absent)."""
    return {cc.claim.id: conflict.id for conflict in result.conflicts for cc in conflict.claims}


# What a spreadsheet may read as the start of a formula (OWASP "CSV injection"), including full-width
# forms that some spreadsheets fold to ASCII and whitespace that some strip before parsing.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value):
    """Neutralize spreadsheet formula injection: a text cell that could start a formula gets a leading
    apostrophe, which spreadsheets show as text and do not evaluate."""
    if isinstance(value, str) and (value.startswith(_FORMULA_START) or value.lstrip().startswith(_FORMULA_START)):
        return "'" + value
    return value


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


def error_line(source: str, message: str) -> str:
    """'path:3: error: not valid UTF-8' (raw: escape it for the format)."""
    line, text = error_location(source, message)
    return f"{source}{f':{line}' if line else ''}: error: {text}"


def clip(text: str, width: int) -> str:
    """One line of at most ``width`` characters: runs of whitespace (newlines too) fold to a space."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------------------------------
# text that is safe in a terminal and a CI log

# A line that starts with "::" (after blanks) is a GitHub Actions workflow command, and the runner
# still honours the older "##[command]" form anywhere in a line; a newline in a page's text or file
# name would let that page start such a line ("::stop-commands::", "::error ...").
_LEGACY_COMMAND = re.compile(r"##\[")


# Cc (C0, DEL and C1: ESC starts ANSI sequences, NEL is a newline to some tools) and the Unicode line
# and paragraph separators, which some viewers break lines at.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    return _NAMED.get(ch) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def _show_controls(text: str, keep: str = "") -> str:
    """Control characters as escapes ('\\n', '\\x1b'), but those in ``keep``."""
    return _CONTROL.sub(lambda m: m.group() if m.group() in keep else _visible(m), text)


def ci_safe(text: object) -> str:
    """Text from a page, a file name or a reviewer's note, made inert for a terminal and a CI log:
    control characters (newlines, ESC) shown as escapes ('\\n', '\\x1b'), a leading '::' and any
    '##[' broken with a backslash. Apply it to every such piece of a text report."""
    text = _show_controls("" if text is None else str(text))
    stripped = text.lstrip()
    if stripped.startswith("::"):
        text = text[: len(text) - len(stripped)] + "\\" + stripped
    return _LEGACY_COMMAND.sub("##\\\\[", text)


def ci_data(text: str) -> str:
    """As `ci_safe` for text inside a workflow command, after its '::': line breaks are kept for the
    command's own escapes (%0A) to encode, which the runner decodes inside the annotation."""
    return _LEGACY_COMMAND.sub("##\\\\[", _show_controls(text, keep="\r\n"))


def ci_clip(text: str, width: int) -> str:
    """A quote on one line for a log: whitespace folded (a quote's line breaks are not news), then
    made inert."""
    return ci_safe(clip(text, width))
