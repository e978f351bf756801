"""The reviewer's HTML report: one self-contained file, no network, all source text escaped.

A summary on top (sources, claims, conflicts by severity, decisions, sources that could not be read,
claims not compared); filters by severity, subject and attribute; conflicts most severe first, each
with its claims side by side (the quote with the value highlighted, source and line, the interval) and
a range chart (one bar per claim on a log time axis, coloured by side, with axis and legend); then
every claim in a table grouped by subject and attribute. Repeated statements show once with "and N
more", conflicts are paged by the script (25 to a page), and the layout holds at a phone's width.

Everything taken from a document goes through `escape`; the page has no external resource (no font,
no script, no image), so it opens the same from a mail attachment as from a CI artifact. The style
sheet and the filter script are package data (``assets/``), inlined into the page.
"""
from __future__ import annotations

import functools
import html
import math
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Callable, Optional

from ..model import CheckResult, Claim, Conflict
from ..quantities import default_vocabulary
from ..quantities.format import format_seconds
from .common import (ReportOptions, counts, display_reading, error_line, page_names, plural, quote_parts, status,
                     suppressed_line, uncompared_line, uncompared_reasons, what)

# One colour per side of a conflict (bars, side borders) and a light tint of it (highlighted values).
COLOURS = ["#2563c9", "#d9480f", "#2b8a3e", "#862e9c", "#0b7285", "#c2255c"]
TINTS = ["#dbe7fb", "#fde3d3", "#d6f0dc", "#efdcf5", "#d0eef2", "#fadbe7"]
WIDTH, LEFT, RIGHT, TOP, ROW = 1000, 250, 24, 6, 38  # the range chart's geometry, in SVG units


@dataclass(frozen=True)
class Layout:
    """The geometry of a range chart, in SVG units. The wide chart puts each row's label to the left
    of its bar; the narrow one (for a phone, shown instead of the wide one below 600 px) puts it
    above the bar, so that it is drawn at nearly its own size on a 390 px screen."""

    name: str
    width: int
    left: int
    right: int
    row: int
    labels_above: bool

    def x(self, fraction: float) -> float:
        return self.left + fraction * (self.width - self.left - self.right)


WIDE = Layout("wide", WIDTH, LEFT, RIGHT, ROW, labels_above=False)
NARROW = Layout("narrow", 400, 18, 18, 46, labels_above=True)  # room for a centred tick label at each end
# A conflict on a large corpus can hold the same sentence from hundreds of pages: each side shows this
# many distinct statements, each once with the places that repeat it (the claims table and the
# workbook list every claim), and the chart draws one bar per distinct value.
QUOTES_PER_SIDE = 4
PLACES_SHOWN = 12
CHART_ROWS = 16
PAGE_SIZE = 25  # conflicts per page (the script pages; without it every conflict shows)


def escape(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


@functools.lru_cache(maxsize=None)
def asset(name: str) -> str:
    """A file of ``checker/report/assets/`` (the style sheet, the filter script)."""
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# range chart


@functools.lru_cache(maxsize=1)
def time_ticks() -> tuple:
    """One tick per time unit of the vocabulary, from the smallest up the chain of ``next`` units
    (second, minute, hour, ... decade), labelled as values are shown ("1 min", "10 y")."""
    units = default_vocabulary().units
    name: Optional[str] = min(units.values(), key=lambda u: u.seconds).name
    ticks = []
    while name is not None and len(ticks) < len(units):
        seconds = float(units[name].seconds)
        ticks.append((seconds, format_seconds(seconds)))
        name = units[name].next
    return tuple(ticks)


def log_position(value: Optional[float], lo: float, hi: float) -> float:
    """Position 0..1 of a time value on a log axis from lo to hi."""
    if value is None:
        return 1.0
    value = max(value, lo)
    return (math.log10(value) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))


def _time_axis(claims: list[Claim]) -> tuple[float, float, list]:
    """Domain (lo, hi) in seconds and the ticks inside it: from the named unit below the smallest
    value to the one above the largest, with a little room on both sides."""
    ticks = time_ticks()
    values = [v for c in claims for v in (c.low, c.high) if v]
    if values:
        smallest, largest = min(values) / 1.5, max(values) * 1.5
        below = [t for t, _ in ticks if t <= smallest]
        above = [t for t, _ in ticks if t >= largest]
        lo = below[-1] if below else min(ticks[0][0], smallest)
        hi = above[0] if above else largest
    else:  # no bound to show: a minute to a year
        vocab = default_vocabulary()
        lo, hi = vocab.unit_seconds("minute"), vocab.unit_seconds("year")
    return float(lo), float(hi), [t for t in ticks if lo <= t[0] <= hi]


def _linear_axis(claims: list[Claim], unit: Optional[str]) -> tuple[float, float, list]:
    if unit == "ratio":
        return 0.0, 1.0, [(k / 5, f"{k * 20}%") for k in range(6)]
    values = [v for c in claims for v in (c.low, c.high) if v is not None] or [1.0]
    top = max(values) * 1.2 or 1.0
    step = 10 ** math.floor(math.log10(top / 5)) if top > 0 else 1
    ticks, k = [], 0
    while k * step <= top:
        ticks.append((k * step, f"{k * step:g}"))
        k += 1
    return 0.0, top, ticks


def _axis(claims: list[Claim], unit: Optional[str]) -> tuple[Callable[[float], float], list, str]:
    """The position 0..1 of a value, the ticks and the axis title: log time, or linear (0–100 % for rates)."""
    if unit == "s":
        lo, hi, ticks = _time_axis(claims)
        return (lambda v: min(max(log_position(v, lo, hi), 0.0), 1.0)), ticks, "log time scale"
    lo, hi, ticks = _linear_axis(claims, unit)
    return ((lambda v: min(max((v - lo) / ((hi - lo) or 1.0), 0.0), 1.0)), ticks,
            "percent" if unit == "ratio" else "value")


def _grid(pos: Callable[[float], float], ticks: list, axis_y: float, title: str, layout: Layout) -> list[str]:
    parts = []
    for value, label in ticks:
        px = layout.x(pos(value))
        parts.append(f'<line x1="{px:.1f}" y1="{TOP}" x2="{px:.1f}" y2="{axis_y}" stroke="#d0d7de" '
                     f'stroke-dasharray="3 3"/>')
        parts.append(f'<line x1="{px:.1f}" y1="{axis_y}" x2="{px:.1f}" y2="{axis_y + 5}" stroke="#8c959f"/>')
        parts.append(f'<text class="axis" x="{px:.1f}" y="{axis_y + 18}" text-anchor="middle">{escape(label)}</text>')
    right = layout.width - layout.right
    parts.append(f'<line x1="{layout.left}" y1="{axis_y}" x2="{right}" y2="{axis_y}" stroke="#8c959f"/>')
    parts.append(f'<text class="axis" x="{right}" y="{axis_y + 36}" text-anchor="end">{escape(title)} →</text>')
    return parts


class Row:
    """One bar of the chart: a distinct value of a side, and every claim that states it."""

    def __init__(self, members: list) -> None:
        self.members = members  # ConflictClaims, first one drawn
        self.first = members[0]

    @property
    def claim(self) -> Claim:
        return self.first.claim

    @property
    def cluster(self) -> int:
        return self.first.cluster

    @property
    def repeat_of(self):
        return all(cc.repeat_of for cc in self.members) and self.first.repeat_of


def chart_rows(conflict: Conflict) -> list[Row]:
    """The claims of a conflict folded into one row per side and distinct value (the same words read
    as the same interval), in the conflict's order."""
    rows: dict = {}
    for cc in conflict.claims:
        c = cc.claim
        key = (cc.cluster, " ".join(c.value_text.lower().split()), c.low, c.high, c.unit)
        rows.setdefault(key, []).append(cc)
    return [Row(members) for members in rows.values()]


def _places(members: list, names: dict, shown: int = PLACES_SHOWN) -> str:
    """'a.md line 3, b.md line 7 and 40 more': where the members of a row or a quote are stated."""
    places = [f"{names.get(cc.claim.source, cc.claim.source)} line {cc.claim.line}" for cc in members]
    text = ", ".join(places[:shown])
    if len(places) > shown:
        text += f" and {len(places) - shown} more"
    return text


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _row_label(row: Row, mid: float, names: dict, layout: Layout) -> list[str]:
    c = row.claim
    value = _cut(c.value_text.strip(), 32)
    where = f"{names.get(c.source, c.source)} · line {c.line}"
    if len(row.members) > 1:
        where = f"{names.get(c.source, c.source)} and {len(row.members) - 1} more"
    where = _cut(where, 40) + (" · repeated" if row.repeat_of else "")
    count = f" ×{len(row.members)}" if len(row.members) > 1 else ""
    if layout.labels_above:  # one line over the bar, as wide as the chart
        text = _cut(f"{value}{count} · {where}", 56)
        return [f'<text class="small" x="{layout.left}" y="{mid - 13:.1f}">{escape(text)}</text>']
    return [f'<text x="{layout.left - 10}" y="{mid - 3:.1f}" text-anchor="end" font-weight="600">'
            f'{escape(value)}{count}</text>',
            f'<text class="small" x="{layout.left - 10}" y="{mid + 11:.1f}" text-anchor="end">{escape(where)}</text>']


def _bar(cc, mid: float, pos: Callable[[float], float], fade_id: str, layout: Layout) -> list[str]:
    """A bar from low to high; a dot for a single value; an open bound fades towards the axis edge."""
    c = cc.claim
    colour = COLOURS[cc.cluster % len(COLOURS)]
    opacity = "0.45" if cc.repeat_of else "0.9"
    value = c.value_text.strip()
    tip = f"<title>{escape(value)}: {escape(display_reading(c))} ({escape(c.source)}:{c.line})</title>"
    low_open = c.low is None or (c.unit == "s" and c.low <= 0)
    x1 = layout.x(0.0) if low_open else layout.x(pos(c.low))
    x2 = layout.x(1.0) if c.high is None else layout.x(pos(c.high))
    data = f'data-cluster="{cc.cluster}"'
    if not (low_open or c.high is None):
        if x2 - x1 < 4:
            return [f'<circle class="bar" {data} cx="{(x1 + x2) / 2:.1f}" cy="{mid:.1f}" r="6" fill="{colour}" '
                    f'opacity="{opacity}">{tip}</circle>']
        return [f'<rect class="bar" {data} x="{x1:.1f}" y="{mid - 8:.1f}" width="{x2 - x1:.1f}" '
                f'height="16" rx="4" fill="{colour}" opacity="{opacity}">{tip}</rect>']
    stops = (f'<stop offset="0" stop-color="{colour}" stop-opacity="0.08"/>'
             f'<stop offset="0.7" stop-color="{colour}" stop-opacity="1"/>')
    direction = 'x1="0" x2="1"' if low_open else 'x1="1" x2="0"'
    parts = [f'<defs><linearGradient id="{fade_id}" {direction} y1="0" y2="0">{stops}</linearGradient></defs>',
             f'<rect class="bar" {data} x="{x1:.1f}" y="{mid - 8:.1f}" width="{max(x2 - x1, 4):.1f}" '
             f'height="16" rx="4" fill="url(#{fade_id})" opacity="{opacity}">{tip}</rect>']
    bound = x2 if low_open else x1  # the bound the text gives: a firm edge
    if not (low_open and c.high is None):
        parts.append(f'<rect x="{bound - 1.5:.1f}" y="{mid - 11:.1f}" width="3" height="22" fill="{colour}" '
                     f'opacity="{opacity}"/>')
    return parts


def range_chart(conflict: Conflict, names: Optional[dict] = None, layout: Layout = WIDE) -> str:
    """An SVG with one row per side and distinct value: a bar from low to high on a log time axis
    (linear 0–100 % for rates), coloured by side; a dot for a single value; a fade for an open bound.
    At most `CHART_ROWS` rows; a note under the chart counts the values left out."""
    rows = chart_rows(conflict)[:CHART_ROWS]
    claims = [row.claim for row in rows]
    names = names if names is not None else page_names(c.source for c in claims)
    pos, ticks, title = _axis(claims, claims[0].unit if claims else "s")
    width, step = layout.width, layout.row
    height = TOP + step * len(rows) + 46
    axis_y = TOP + step * len(rows) + 4
    label = escape(f"Range chart: {conflict.subject}, {what(conflict)}")
    parts = [f'<svg class="range {layout.name}" role="img" aria-label="{label}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    parts += [f'<rect x="0" y="{TOP + n * step}" width="{width}" height="{step}" fill="#f6f8fa"/>'
              for n in range(0, len(rows), 2)]  # zebra rows guide the eye from label to bar
    parts += _grid(pos, ticks, axis_y, title, layout)
    for n, row in enumerate(rows):
        mid = TOP + n * step + (step / 2 if not layout.labels_above else step - 14)
        parts += _row_label(row, mid, names, layout)
        parts += _bar(row.first, mid, pos, f"fade-{conflict.id}-{layout.name[0]}{n}", layout)
    parts.append("</svg>")
    return "".join(parts)


def _legend(conflict: Conflict) -> str:
    clusters = sorted({cc.cluster for cc in conflict.claims})
    items = [f'<span><i style="background:{COLOURS[k % len(COLOURS)]}"></i>side {k + 1}</span>' for k in clusters]
    claims = [cc.claim for cc in conflict.claims]
    if any(c.high is None or c.low is None or (c.unit == "s" and not c.low) for c in claims):
        items.append('<span><i class="open"></i>open bound ("or longer", "less than"): fades to the edge</span>')
    if any(c.low is not None and c.low == c.high for c in claims):
        items.append('<span><i class="point"></i>a single value</span>')
    if any(cc.repeat_of for cc in conflict.claims):
        items.append('<span><i style="background:#8c959f;opacity:.45"></i>repeated in the same page</span>')
    return f'<div class="legend">{"".join(items)}</div>'


# --------------------------------------------------------------------------------------------------
# conflicts


def _quote_html(claim: Claim) -> str:
    before, value, after = quote_parts(claim)
    if not value:
        return escape(before)
    return f"{escape(before)}<mark>{escape(value)}</mark>{escape(after)}"


def _decision_html(conflict: Conflict) -> str:
    word = status(conflict)
    if word is None:
        return ""
    note = conflict.decision.get("note") or ""
    if word == "stale":
        text = (f"Was {escape(conflict.decision.get('status'))} by a reviewer, but a value changed since: "
                f"this conflict counts again until it is reviewed anew.")
        if note:
            text += f" Earlier note: “{escape(note)}”"
    else:
        text = f"{word.capitalize()} by a reviewer" + (f": “{escape(note)}”" if note else ".")
    return f'<p class="decision {word}">{text}</p>'


def _tags(cc) -> str:
    c = cc.claim
    tags = ""
    if c.hedged:
        tags += f'<span class="tag">hedged{": " + escape(c.hedge) if c.hedge else ""}</span>'
    if c.vague:
        tags += '<span class="tag">vague</span>'
    if cc.repeat_of:
        tags += '<span class="tag">repeated</span>'
    return tags


def _claim_figure(members: list, names: dict) -> str:
    """One statement of a side: the quote with its value marked, and every place that states it."""
    first = members[0]
    c = first.claim
    where = f"{escape(names.get(c.source, c.source))}, line {c.line}"
    if len(members) > 1:
        where = f"{escape(_places(members, names))} ({len(members)} places)"
    return (f'<figure class="claim"><blockquote>“{_quote_html(c)}”</blockquote>'
            f'<figcaption><span title="{escape(c.source)}">{where}</span> · '
            f'<span class="iv">{escape(display_reading(c))}</span>{_tags(first)}</figcaption></figure>')


def _statements(members: list) -> list[list]:
    """A side's claims folded by quote: the same sentence repeated across pages shows once."""
    by_quote: dict = {}
    for cc in members:
        key = (" ".join(cc.claim.quote.split()), cc.claim.value_text.strip())
        by_quote.setdefault(key, []).append(cc)
    statements = list(by_quote.values())
    # when some must be left out, the ones stated most often are shown
    return sorted(statements, key=len, reverse=True) if len(statements) > QUOTES_PER_SIDE else statements


def _sides_html(conflict: Conflict, names: dict) -> str:
    sides = defaultdict(list)
    for cc in conflict.claims:
        sides[cc.cluster].append(cc)
    cols = []
    for k in sorted(sides):
        style = f"--side:{COLOURS[k % len(COLOURS)]};--tint:{TINTS[k % len(TINTS)]}"
        readings = sorted({display_reading(cc.claim) for cc in sides[k]})
        statements = _statements(sides[k])
        items = "".join(_claim_figure(members, names) for members in statements[:QUOTES_PER_SIDE])
        hidden = statements[QUOTES_PER_SIDE:]
        if hidden:
            claims = sum(len(m) for m in hidden)
            items += (f'<p class="more">and {plural(len(hidden), "more statement")} on this side '
                      f'({plural(claims, "claim")}; the claims table lists them)</p>')
        shown = ", ".join(readings[:6]) + (f" and {len(readings) - 6} more" if len(readings) > 6 else "")
        cols.append(f'<div class="side" style="{style}"><h4><span class="swatch"></span><span class="n">side {k + 1}</span>'
                    f' · {escape(shown)}</h4>{items}</div>')
    return f'<div class="sides">{"".join(cols)}</div>'


def _chart_note(conflict: Conflict) -> str:
    rows = chart_rows(conflict)
    if len(rows) <= CHART_ROWS:
        return ""
    return f'<p class="more">{plural(len(rows) - CHART_ROWS, "more value")} not drawn.</p>'


def _conflict_html(conflict: Conflict, names: dict) -> str:
    word = status(conflict)
    decided = f' <span class="badge {word}">{word}</span>' if word else ""
    pages = sorted({cc.claim.source for cc in conflict.claims})
    severity = escape(conflict.severity)
    classes = f"conflict {severity}" + (" accepted" if word == "accepted" else "")
    return (
        f'<article class="{classes}" id="c-{escape(conflict.id)}" data-severity="{severity}" '
        f'data-subject="{escape(conflict.subject)}" data-attribute="{escape(conflict.attribute)}" '
        f'data-status="{escape(word or "open")}">'
        f'<div class="chead"><span class="badge {severity}">{severity}</span>{decided}'
        f'<h3>{escape(conflict.subject.capitalize())}: {escape(what(conflict))}</h3>'
        f'<span class="meta">{escape(conflict.rule)} · {escape(conflict.kind)} · id <code>{escape(conflict.id)}</code>'
        f' · {plural(len(conflict.claims), "claim")} in {plural(len(pages), "page")}</span></div>'
        f'<p class="msg">{escape(conflict.message)}</p>{_decision_html(conflict)}'
        f'{_sides_html(conflict, names)}'
        f'<div class="chart">{_legend(conflict)}{range_chart(conflict, names)}{range_chart(conflict, names, NARROW)}'
        f'{_chart_note(conflict)}</div></article>'
    )


# --------------------------------------------------------------------------------------------------
# claims table


def _claim_row(claims: list, in_conflict: bool, reason: Optional[str], names: dict) -> str:
    """One row for claims that say the same thing in the same words (the first is shown; the others
    are counted as more places)."""
    c = claims[0]
    extra = [escape(c.condition)] if c.condition else []
    if c.qualifier:
        extra.append(escape(c.qualifier))
    if c.hedged:
        extra.append("hedged")
    if reason:
        extra.append(f'<span class="tag">not compared: {escape(reason)}</span>')
    where = f"{escape(names.get(c.source, c.source))}:{c.line}"
    if len(claims) > 1:
        where += f' <span class="count">and {len(claims) - 1} more</span>'
    return (f'<tr{" class=inconflict" if in_conflict else ""}>'
            f'<td class="value"><b>{escape(display_reading(c))}</b>{escape(c.value_text)}</td>'
            f'<td class="quote">{_quote_html(c)}</td>'
            f'<td>{", ".join(extra)}</td>'
            f'<td class="where" title="{escape(c.source)}">{where}</td></tr>')


def _same_statements(claims: list, in_conflict: dict, reasons: dict) -> list[list]:
    """Claims folded by what a row shows: value, quote, condition, qualifier, hedge, conflict, reason."""
    rows: dict = {}
    for c in claims:
        key = (c.value_text, " ".join(c.quote.split()), c.low, c.high, c.condition, c.qualifier, c.hedged,
               c.id in in_conflict, reasons.get(c.id))
        rows.setdefault(key, []).append(c)
    return list(rows.values())


def _group_body(subject: str, attribute: str, claims: list, in_conflict: dict, reasons: dict, names: dict) -> str:
    conflicts = sorted({in_conflict[c.id].id: in_conflict[c.id] for c in claims if c.id in in_conflict}.values(),
                       key=lambda k: k.id)
    severities = " ".join(sorted({k.severity for k in conflicts}))
    links = "".join(f'<a href="#c-{escape(k.id)}">{escape(k.severity)} conflict {escape(k.id[:8])}</a>'
                    for k in conflicts)
    rows = [f'<tr class="ghead"><th colspan="4">{escape(subject or "(no subject)")} › '
            f'{escape(attribute.replace("_", " "))}<span class="count">{plural(len(claims), "claim")}</span>'
            f'{links}</th></tr>']
    rows += [_claim_row(same, same[0].id in in_conflict, reasons.get(same[0].id), names)
             for same in _same_statements(claims, in_conflict, reasons)]
    return (f'<tbody class="group" data-subject="{escape(subject)}" data-attribute="{escape(attribute)}" '
            f'data-severities="{escape(severities)}">{"".join(rows)}</tbody>')


def _claims_table(result: CheckResult, names: dict) -> str:
    in_conflict: dict = {}
    for conflict in result.conflicts:
        for cc in conflict.claims:
            in_conflict[cc.claim.id] = conflict
    reasons = uncompared_reasons(result)
    groups = defaultdict(list)
    for c in result.claims:
        groups[(c.subject or "", c.attribute)].append(c)
    bodies = [_group_body(subject, attribute, claims, in_conflict, reasons, names)
              for (subject, attribute), claims in sorted(groups.items(), key=lambda kv: (kv[0][0] == "", kv[0]))]
    if not bodies:
        return '<p class="empty">No claims found.</p>'
    return ('<table class="claims"><thead><tr><th>value</th><th>quote</th><th>condition, hedge</th><th>where</th>'
            f'</tr></thead>{"".join(bodies)}</table>')


# --------------------------------------------------------------------------------------------------
# page


def _select(ident: str, label: str, values: list, show: Callable[[str], str] = str) -> str:
    options = '<option value="">all</option>' + "".join(
        f'<option value="{escape(v)}">{escape(show(v))}</option>' for v in values)
    return f'<label>{escape(label)} <select id="{ident}">{options}</select></label>'


def _cards(result: CheckResult) -> str:
    accepted = [status(c) for c in result.conflicts].count("accepted")
    cards = [(len(result.sources), _noun(len(result.sources), "source"), ""),
             (len(result.claims), _noun(len(result.claims), "claim"), ""),
             (len(result.conflicts), _noun(len(result.conflicts), "conflict"), "")]
    cards += [(n, s, f" {s}") for s, n in counts(result).items()]
    cards += [(accepted, "accepted", " accepted"), (len(result.errors), "unreadable", " bad" if result.errors else ""),
              (len(result.uncompared), "not compared", "")]
    if result.suppressed or result.suppressed_claims:  # only where a page has checker comments
        cards.append((len(result.suppressed) + len(result.suppressed_claims), "suppressed", ""))
    return "".join(f'<div class="card{cls}"><b>{n}</b><span>{label}</span></div>' for n, label, cls in cards)


def _noun(n: int, word: str) -> str:
    """The card's label: 'conflict' under a 1, 'conflicts' under any other number."""
    return plural(n, word).split(" ", 1)[1]


def _filters(result: CheckResult) -> str:
    subjects = sorted({c.subject for c in result.claims if c.subject} | {c.subject for c in result.conflicts})
    attributes = sorted({c.attribute for c in result.claims} | {c.attribute for c in result.conflicts})
    return ('<nav class="filters"><div class="wrap">'
            + _select("f-sev", "Severity", ["error", "warning", "info"])
            + _select("f-subj", "Subject", subjects)
            + _select("f-attr", "Attribute", attributes, lambda a: a.replace("_", " "))
            + '<label><input type="checkbox" id="f-hide"> hide accepted</label>'
            + f'<span id="shown">{plural(len(result.conflicts), "conflict")}</span></div></nav>')


def _pager() -> str:
    """Paging controls, filled in by the script; hidden without it (then every conflict shows)."""
    return ('<nav class="pager" hidden><button type="button" data-step="-1">‹ previous</button>'
            '<span class="pageno"></span><button type="button" data-step="1">next ›</button></nav>')


def _main(result: CheckResult) -> str:
    names = page_names({*result.sources, *(c.source for c in result.claims)})
    errors = ""
    if result.errors:
        errors = ('<section class="errors"><h2>Sources that could not be read</h2><ul>' + "".join(
            f"<li>{escape(error_line(e.source, e.message))}</li>" for e in result.errors) + "</ul></section>")
    if result.conflicts:
        conflicts = (f'<div id="conflicts" data-page-size="{PAGE_SIZE}">{_pager()}'
                     + "".join(_conflict_html(c, names) for c in result.conflicts) + _pager() + "</div>")
        conflicts += '<p class="empty" id="no-match" hidden>No conflict matches the filters.</p>'
    else:
        conflicts = '<p class="empty">No conflicting claims found.</p>'
    return (f"<main class=\"wrap\">{errors}<h2>Conflicts<small>most severe first</small></h2>{conflicts}"
            f"<h2>All claims<small>grouped by subject and attribute</small></h2>{_claims_table(result, names)}</main>")


def _subtitle(result: CheckResult, options: ReportOptions) -> str:
    decided = [status(c) for c in result.conflicts]
    open_count = sum(1 for d in decided if d != "accepted")
    verdict = ("no conflicting claims" if not result.conflicts
               else f"{plural(open_count, 'open conflict')}, {decided.count('accepted')} accepted")
    sub = [escape(verdict)]
    sub += [escape(line) for line in (uncompared_line(result), suppressed_line(result)) if line]
    if options.generated:
        sub.append(f"generated {escape(options.generated)}")
    return " · ".join(sub)


def report_html(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{escape(options.title)}</title><style>\n{asset('report.css')}</style></head><body>"
        f'<header class="top"><div class="wrap"><h1>{escape(options.title)}</h1>'
        f'<p class="sub">{_subtitle(result, options)}</p><div class="cards">{_cards(result)}</div></div></header>'
        f"{_filters(result)}{_main(result)}"
        f'<footer class="wrap">checker {escape(options.tool_version)} · every quote is the text of the source file '
        f"as read; values are read into intervals in seconds or fractions.</footer>"
        f"<script>\n{asset('report.js')}</script></body></html>\n"
    )

