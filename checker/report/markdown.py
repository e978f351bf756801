"""The Markdown report: a pull-request comment (`reports/report.md`, `checker check --format markdown`).

Text from a page is escaped so that it stays text: Markdown markup and table pipes are escaped, and
what GitHub would act on in a comment is neutralized: an @mention would notify a person or a team, a
bare URL or e-mail address would become a link the page chose.

The comment fits GitHub's limit (``ReportOptions.max_chars``, 65,536 characters): repeated statements
show once with "and N more", and when the conflicts still do not fit, the table and the folded quotes
stop at a conflict boundary with "and N more conflicts" and a link to the full HTML report.
"""
from __future__ import annotations

import html
import re

from ..model import CheckResult, Claim, Conflict
from .common import (ReportOptions, ci_safe, clip, display_reading, error_location, page_names, plural, quote_parts,
                     status, summary_line, suppressed_line, uncompared_line, what)

VALUES_PER_SIDE = 4  # distinct values in a table cell, then "and N more"
PLACES_PER_VALUE = 3  # places after a value, then "and N more"
QUOTES_PER_SIDE = 3  # distinct quotes of a side under a conflict's details
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


def _more(items: list, shown: int) -> list:
    return items[:shown] + ([f"and {len(items) - shown} more"] if len(items) > shown else [])


def _md_side(claims: list, names: dict) -> str:
    """One side of a conflict: each distinct value once, with the places it is stated."""
    places: dict = {}
    for cc in claims:
        cl = cc.claim
        places.setdefault(cl.value_text.strip(), []).append(f"{names.get(cl.source, cl.source)}:{cl.line}")
    cells = [f"**{_md(value)}** ({_md(', '.join(_more(where, PLACES_PER_VALUE)))})" for value, where in places.items()]
    return "; ".join(_more(cells, VALUES_PER_SIDE))


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
    suppressed = suppressed_line(result)
    if suppressed:
        text += f" {suppressed}."
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


TABLE_HEAD = ["| severity | subject | what | sides | decision | id |", "|---|---|---|---|---|---|"]


def _row(c: Conflict, names: dict) -> str:
    clusters = sorted({cc.cluster for cc in c.claims})
    sides = [_md_side([cc for cc in c.claims if cc.cluster == k], names) for k in clusters]
    return (f"| {c.severity} | {_md(c.subject)} | {_md(what(c))} | {' **vs** '.join(sides)} | "
            f"{_md_status(c)} | `{c.id}` |")


def _details(c: Conflict) -> list[str]:
    # <summary> is HTML: entities, not Markdown escapes; GitHub still finds mentions in it
    summary = neutralize(html.escape(ci_safe(f"{c.severity}: {c.subject}, {what(c)} ({c.rule}, {c.id})")))
    lines = ["<details>", f"<summary>{summary}</summary>", "", _md(c.message), ""]
    if c.decision:
        lines += [f"Decision: {_md_status(c)}", ""]
    for side in sorted({cc.cluster for cc in c.claims}):
        by_quote: dict = {}
        for cc in c.claims:
            if cc.cluster == side:
                by_quote.setdefault((" ".join(cc.claim.quote.split()), cc.claim.value_text), []).append(cc)
        statements = list(by_quote.values())
        for same in statements[:QUOTES_PER_SIDE]:
            lines += _statement(side, same)
        if len(statements) > QUOTES_PER_SIDE:
            rest = statements[QUOTES_PER_SIDE:]
            lines.append(f"- side {side + 1}: and {plural(len(rest), 'more statement')} "
                         f"({plural(sum(len(m) for m in rest), 'claim')})")
    return lines + ["", "</details>", ""]


def _statement(side: int, same: list) -> list[str]:
    """A quote stated in one or more places: the first place (the full path, to open the file), the
    count of the others, the quote once."""
    cc = same[0]
    cl = cc.claim
    extra = "".join([" (hedged)" if cl.hedged else "", " (repeated)" if cc.repeat_of else ""])
    where = f"{_code(cl.source)} line {cl.line}"
    if len(same) > 1:
        where += f" and {len(same) - 1} more {'place' if len(same) == 2 else 'places'}"
    return [f"- side {side + 1}, {where}: **{_md(cl.value_text)}** = {_md(display_reading(cl))}{extra}",
            f"  > {_md_quote(cl)}"]


def _cut_note(left: int, options: ReportOptions) -> str:
    link = f"[the full report]({options.report_url})" if options.report_url else "the full report"
    return f"_… and {plural(left, 'more conflict')}: see {link}._"


def report_markdown(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    """A pull-request comment: the verdict in the heading, one table row per conflict, and the quotes
    folded away under each conflict (GitHub and GitLab render <details>), all within
    ``options.max_chars``."""
    open_conflicts = [c for c in result.conflicts if status(c) != "accepted"]
    headline = "no conflicting claims" if not result.conflicts else plural(len(open_conflicts), "open conflict")
    lines = [f"## {_md(options.title)}: {headline}", "", _summary_paragraph(result, options), ""]
    lines += _errors(result)
    if not result.conflicts:
        return "\n".join(lines)
    names = page_names({*result.sources, *(cc.claim.source for c in result.conflicts for cc in c.claims)})
    footer = "_To accept an intended difference: `checker review accept ID --note \"why\"`._"
    budget = Budget(options.max_chars - _length(lines) - len(footer) - 1 - NOTE_ROOM)
    rows = budget.take([_row(c, names) for c in result.conflicts], extra=_length(TABLE_HEAD) + 1)
    body = TABLE_HEAD + rows
    if len(rows) < len(result.conflicts):
        body.append(_cut_note(len(result.conflicts) - len(rows), options))
    body.append("")
    details = budget.take_blocks([_details(c) for c in result.conflicts[:len(rows)]])
    body += [line for block in details for line in block]
    if len(details) < len(rows):
        body += [f"_Quotes of {plural(len(rows) - len(details), 'more conflict')} are in "
                 + (f"[the full report]({options.report_url})" if options.report_url else "the full report")
                 + "._", ""]
    return "\n".join(lines + body + [footer]) + "\n"


NOTE_ROOM = 600  # characters kept for the "and N more" notes and their link


def _length(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)


class Budget:
    """Characters left in the comment; pieces are taken in order until the next one does not fit."""

    def __init__(self, left: int) -> None:
        self.left = left

    def take(self, lines: list[str], extra: int = 0) -> list[str]:
        if self.left < extra:
            return []
        self.left -= extra
        taken = []
        for line in lines:
            if len(line) + 1 > self.left:
                break
            self.left -= len(line) + 1
            taken.append(line)
        return taken

    def take_blocks(self, blocks: list[list[str]]) -> list[list[str]]:
        taken = []
        for block in blocks:
            size = _length(block)
            if size > self.left:
                break
            self.left -= size
            taken.append(block)
        return taken
