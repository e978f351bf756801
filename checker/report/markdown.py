"""The Markdown report: a pull-request comment (`reports/report.md`, `checker check --format markdown`).

Text from a page is escaped so that it stays text: Markdown markup and table pipes are escaped, and
what GitHub would act on in a comment is neutralized: an @mention would notify a person or a team, a
bare URL or e-mail address would become a link the page chose.
"""
from __future__ import annotations

import html
import re

from ..labels import short_source
from ..model import CheckResult, Claim, Conflict
from ..quantities.format import claim_reading
from .common import (ReportOptions, ci_safe, clip, error_location, plural, quote_parts, status, summary_line,
                     uncompared_line, what)

ZWJ = "\u200d"  # a zero-width joiner: invisible, but no mention or link pattern matches across it
_MENTION = re.compile(r"@")
_URL_START = re.compile(r"(?i)\b(www)\.|(?<=[a-z0-9])(://)")


def neutralize(text: str) -> str:
    """No @mention, autolink or e-mail link in a pull-request comment: a zero-width joiner after
    every '@', inside every '://' and after every 'www'."""
    text = _MENTION.sub("@" + ZWJ, text)
    return _URL_START.sub(lambda m: f"{m.group(1)}{ZWJ}." if m.group(1) else f"{ZWJ}://", text)


def _md_escape(text: str) -> str:
    out = ci_safe(text).replace("\\", "\\\\")
    for ch in "|*_`[]<>#~&":
        out = out.replace(ch, "\\" + ch)
    return neutralize(out)


def _md(text: str) -> str:
    """Escape what Markdown would read as markup or as a table cell boundary; one line."""
    return _md_escape(" ".join(text.split()))


def _code(text: str) -> str:
    """Inline code that survives backticks in the text (a fence longer than any run inside); GitHub
    neither links nor mentions inside code."""
    text = ci_safe(" ".join(text.split()))
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_status(conflict: Conflict) -> str:
    word = status(conflict)
    if word is None:
        return ""
    if word == "stale":
        return f"**stale** (was {_md(str(conflict.decision.get('status')))}; a value changed)"
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
        return _md(clip(claim.quote, 300))
    # escape the parts apart, then fold whitespace over the whole: the spaces around the value stay
    return " ".join(f"{_md_escape(before)}**{_md_escape(value)}**{_md_escape(after)}".split())


def _summary_paragraph(result: CheckResult, options: ReportOptions) -> str:
    text = summary_line(result) + "."
    line = uncompared_line(result)
    if line:
        text += f" {line} (`checker claims --uncompared` lists them)."
    if options.generated:
        text = f"_Generated {_md(options.generated)}._ " + text
    return text


def _errors(result: CheckResult) -> list[str]:
    if not result.errors:
        return []
    lines = ["**Sources that could not be read**", ""]
    for e in result.errors:
        line, text = error_location(e.source, e.message)
        lines.append(f"- {_code(e.source)}{f' line {line}' if line else ''}: {_md(text)}")
    return lines + [""]


def _table(result: CheckResult) -> list[str]:
    lines = ["| severity | subject | what | sides | decision | id |", "|---|---|---|---|---|---|"]
    for c in result.conflicts:
        clusters = sorted({cc.cluster for cc in c.claims})
        sides = [_md_side([cc for cc in c.claims if cc.cluster == k]) for k in clusters]
        lines.append(f"| {c.severity} | {_md(c.subject)} | {_md(what(c))} | {' **vs** '.join(sides)} | "
                     f"{_md_status(c)} | `{c.id}` |")
    return lines + [""]


def _details(c: Conflict) -> list[str]:
    # <summary> is HTML: entities, not Markdown escapes; GitHub still finds mentions in it
    summary = neutralize(html.escape(ci_safe(f"{c.severity}: {c.subject}, {what(c)} ({c.rule}, {c.id})")))
    lines = ["<details>", f"<summary>{summary}</summary>", "", _md(c.message), ""]
    if c.decision:
        lines += [f"Decision: {_md_status(c)}", ""]
    for cc in c.claims:
        cl = cc.claim
        extra = "".join([" (hedged)" if cl.hedged else "", " (repeated)" if cc.repeat_of else ""])
        lines.append(f"- side {cc.cluster + 1}, {_code(cl.source)} line {cl.line}: **{_md(cl.value_text)}** "
                     f"= {_md(claim_reading(cl))}{extra}")
        lines.append(f"  > {_md_quote(cl)}")
    return lines + ["", "</details>", ""]


def report_markdown(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """A pull-request comment: the verdict in the heading, one table row per conflict, and the quotes
    folded away under each conflict (GitHub and GitLab render <details>)."""
    open_conflicts = [c for c in result.conflicts if status(c) != "accepted"]
    headline = "no conflicting claims" if not result.conflicts else plural(len(open_conflicts), "open conflict")
    lines = [f"## {_md(options.title)}: {headline}", "", _summary_paragraph(result, options), ""]
    lines += _errors(result)
    if not result.conflicts:
        return "\n".join(lines)
    lines += _table(result)
    for c in result.conflicts:
        lines += _details(c)
    lines.append("_To accept an intended difference: `checker review accept ID --note \"why\"`._")
    return "\n".join(lines) + "\n"
