"""The text formats for a terminal or a CI log: the conflicts report (`checker check`) and the claims
table (`checker claims`).

With ``options.color`` (the CLI sets it for a terminal, unless NO_COLOR is set or --color says
otherwise) the severity, the place and the closing summary line are coloured with ANSI codes. The
codes are added around text already made safe: nothing a page says can start or stop a colour.

Every piece taken from a page, a file name or a note goes through `ci_safe`, so that no line of the
output can be read by GitHub Actions as a workflow command, and no ANSI escape reaches the terminal.
"""
from __future__ import annotations

from ..model import CheckResult
from .common import (ReportOptions, ci_clip, ci_safe, claim_rows, decision_note, display_reading, error_line,
                     page_names, summary_line, suppressed_line, uncompared_line)

QUOTE_WIDTH = 160
VALUE_WIDTH = 40
# ANSI SGR codes: bold red, bold yellow, bold blue, bold, dim, green, reset
STYLE = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;34m", "place": "\x1b[1m",
         "quote": "\x1b[2m", "clean": "\x1b[32m"}
RESET = "\x1b[0m"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{STYLE[style]}{text}{RESET}" if color else text


def _summary(result: CheckResult, color: bool) -> str:
    """The closing line, coloured by the worst severity found (green when there is none)."""
    line = summary_line(result)
    worst = next((s for s in ("error", "warning", "info") if any(c.severity == s for c in result.conflicts)), None)
    return _paint(line, worst or "clean", color)


def report_text(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    color = options.color
    out = [_paint(ci_safe(error_line(e.source, e.message)), "error", color) for e in result.errors]
    for c in result.conflicts:
        first = c.claims[0].claim
        place = _paint(f"{ci_safe(first.source)}:{first.line}:{first.column}:", "place", color)
        out.append(f"{place} {_paint(c.severity, c.severity, color)} {c.rule} "
                   f"{ci_safe(c.message)} [{c.id}]{ci_safe(decision_note(c))}")
        for cc in c.claims:
            cl = cc.claim
            repeat = " (repeated)" if cc.repeat_of else ""
            out.append(f"    side {cc.cluster + 1}: {ci_safe(cl.source)}:{cl.line}:{cl.column} "
                       f"\"{ci_safe(cl.value_text)}\" = {display_reading(cl)}{' hedged' if cl.hedged else ''}{repeat}")
            out.append(f"        {_paint(ci_clip(cl.quote, QUOTE_WIDTH), 'quote', color)}")
    out.append(_summary(result, color))
    out += _uncompared(result)
    return "\n".join(out) + "\n"


def _uncompared(result: CheckResult) -> list[str]:
    line = uncompared_line(result)
    notes = [f"{line} (`checker claims --uncompared` lists them)"] if line else []
    suppressed = suppressed_line(result)
    return notes + ([suppressed] if suppressed else [])


def report_claims_table(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """One row per claim (with ``only_uncompared``: per claim left out, with the reason)."""
    header = ("source:line", "subject", "attribute", "value", "interval")
    if options.only_uncompared:
        header += ("reason",)
    rows = []
    listed = claim_rows(result, options)
    names = page_names(c.source for c, _reason in listed)
    for c, reason in listed:
        attribute = c.attribute + (f" [{c.condition}]" if c.condition else "")
        row = (ci_safe(f"{names[c.source]}:{c.line}"), ci_safe(c.subject or "?"), ci_safe(attribute),
               ci_clip(c.value_text, VALUE_WIDTH), display_reading(c))
        rows.append(row + ((reason or "",) if options.only_uncompared else ()))
    widths = [max([len(h)] + [len(r[k]) for r in rows]) for k, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [fmt.format(*r).rstrip() for r in [header, tuple("-" * w for w in widths), *rows]]
    out.append(_claims_summary(result, options, len(rows)))
    return "\n".join(out) + "\n"


def _claims_summary(result: CheckResult, options: ReportOptions, shown: int) -> str:
    sources = f"from {len(result.sources)} sources"
    if options.only_uncompared:
        return f"{shown} of {len(result.claims)} claims {sources} were not compared"
    line = uncompared_line(result)
    return f"{len(result.claims)} claims {sources}" + (f"; {line}" if line else "")
