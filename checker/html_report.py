"""The reviewer's HTML report: one self-contained file, no network, all source text escaped.

A summary on top (sources, claims, conflicts by severity, decisions, sources that could not be read);
filters by severity, subject and attribute; conflicts most severe first, each with its claims side by
side (the quote with the value highlighted, source and line, the interval) and a range chart (one bar
per claim on a log time axis, coloured by side, with axis and legend); then every claim in a table
grouped by subject and attribute.

Everything taken from a document goes through `escape`; the page has no external resource (no font,
no script, no image), so it opens the same from a mail attachment as from a CI artifact.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import Callable, Optional

from .labels import short_source
from .labels import source_labels as short_labels
from .quantities.format import claim_reading as reading
from .model import CheckResult, Claim, Conflict
from .reporters import (ReportOptions, _counts, _error_line, _plural, _what, escape, log_position, quote_parts,
                        status)

# One colour per side of a conflict (bars, side borders) and a light tint of it (highlighted values).
COLOURS = ["#2563c9", "#d9480f", "#2b8a3e", "#862e9c", "#0b7285", "#c2255c"]
TINTS = ["#dbe7fb", "#fde3d3", "#d6f0dc", "#efdcf5", "#d0eef2", "#fadbe7"]
TICKS = [(1, "1 s"), (60, "1 min"), (3600, "1 h"), (86400, "1 d"), (604800, "1 wk"), (2629800, "1 mo"),
         (31557600, "1 y"), (315576000, "10 y")]

CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d8dee4;--bg:#f6f8fa;--card:#fff;
  --error:#c92a2a;--warning:#b35c00;--info:#1864ab;--ok:#2b8a3e}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0;
  color:var(--ink);background:var(--bg)}
.wrap{max-width:1180px;margin:0 auto;padding:0 28px}
header.top{background:var(--card);border-bottom:1px solid var(--line);padding:22px 0 18px}
h1{font-size:24px;margin:0}
.sub{color:var(--muted);margin:2px 0 14px;font-size:13px}
.cards{display:flex;gap:10px;flex-wrap:wrap}
.card{border:1px solid var(--line);border-radius:10px;padding:8px 16px;min-width:96px;background:var(--card)}
.card b{display:block;font-size:24px;line-height:1.2}
.card span{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.card.error b{color:var(--error)}.card.warning b{color:var(--warning)}.card.info b{color:var(--info)}
.card.accepted b{color:var(--ok)}.card.bad{border-color:var(--error);background:#fff5f5}.card.bad b{color:var(--error)}
nav.filters{position:sticky;top:0;z-index:5;background:rgba(246,248,250,.96);border-bottom:1px solid var(--line);
  backdrop-filter:blur(4px)}
nav.filters .wrap{display:flex;gap:18px;align-items:center;flex-wrap:wrap;padding-top:10px;padding-bottom:10px}
nav.filters label{font-size:13px;color:var(--muted);display:flex;gap:6px;align-items:center}
nav.filters select{font:inherit;font-size:13px;padding:3px 6px;border:1px solid var(--line);border-radius:6px;
  background:#fff;color:var(--ink);max-width:260px}
#shown{margin-left:auto;font-size:13px;color:var(--muted)}
h2{font-size:19px;margin:30px 0 12px}
h2 small{font-weight:400;color:var(--muted);font-size:13px;margin-left:8px}
.errors{border:1px solid #f1aeb5;background:#fff5f5;border-radius:10px;padding:10px 18px;margin-top:22px}
.errors h2{margin:4px 0 6px;font-size:16px;color:var(--error)}
.errors li{margin:3px 0}
article.conflict{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--sev);
  border-radius:10px;margin:0 0 18px;padding:16px 20px 12px}
article.conflict.error{--sev:var(--error)}article.conflict.warning{--sev:var(--warning)}
article.conflict.info{--sev:var(--info)}
article.conflict.accepted{--sev:var(--ok);opacity:.82}
.chead{display:flex;gap:10px;align-items:baseline;flex-wrap:wrap}
.chead h3{margin:0;font-size:18px}
.meta{color:var(--muted);font-size:12.5px}
.meta code{font-size:12px;background:var(--bg);padding:1px 5px;border-radius:4px;user-select:all}
.badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:12px;font-weight:600;color:#fff;
  text-transform:uppercase;letter-spacing:.04em}
.badge.error{background:var(--error)}.badge.warning{background:var(--warning)}.badge.info{background:var(--info)}
.badge.accepted{background:var(--ok)}.badge.rejected{background:#6f2dbd}.badge.stale{background:#6c757d}
.msg{margin:8px 0 12px;color:#3b434b}
.decision{border-radius:8px;padding:7px 12px;margin:0 0 12px;font-size:14px}
.decision.accepted{background:#ebfbee;border:1px solid #b2f2bb}
.decision.rejected{background:#f3f0ff;border:1px solid #d0bfff}
.decision.stale{background:#fff9db;border:1px solid #ffe066}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:14px}
.side{border-top:4px solid var(--side);background:#fbfcfd;border-radius:8px;padding:8px 14px 4px}
.side h4{margin:2px 0 6px;font-size:13px;color:var(--muted);font-weight:600}
.side h4 .n{text-transform:uppercase;letter-spacing:.05em}
.side h4 .swatch{display:inline-block;width:10px;height:10px;border-radius:2px;background:var(--side);
  margin-right:6px}
figure.claim{margin:0 0 12px}
blockquote{margin:0;font-size:15.5px;line-height:1.55;font-family:Georgia,"Times New Roman",serif;color:#24292f}
mark{background:var(--tint);color:inherit;border-bottom:2px solid var(--side);padding:0 2px;border-radius:2px;
  font-weight:600}
figcaption{font-size:12.5px;color:var(--muted);margin-top:3px}
figcaption .iv{color:var(--ink);font-weight:600}
.tag{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 5px;font-size:11.5px;
  margin-left:4px;color:var(--muted)}
.chart{margin-top:6px;border-top:1px dashed var(--line);padding-top:8px;overflow-x:auto}
.legend{display:flex;gap:16px;flex-wrap:wrap;font-size:12.5px;color:var(--muted);margin:2px 0 4px}
.legend i{display:inline-block;width:14px;height:10px;border-radius:2px;margin-right:5px;vertical-align:-1px}
.legend i.open{background:linear-gradient(90deg,#8c959f,rgba(140,149,159,.08))}
.legend i.point{width:10px;border-radius:50%;background:var(--muted)}
svg.range{width:100%;max-width:1000px;min-width:680px;height:auto;display:block}
svg.range text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#3b434b}
svg.range text.small{font-size:11px;fill:#6e7781}
svg.range text.axis{font-size:11px;fill:#59636e}
.empty{color:var(--muted);font-style:italic}
table.claims{border-collapse:separate;border-spacing:0;width:100%;background:var(--card);border:1px solid var(--line);
  border-radius:10px;overflow:hidden;font-size:13.5px}
table.claims th,table.claims td{padding:7px 10px;text-align:left;vertical-align:top;border-bottom:1px solid #eef1f4}
table.claims thead th{background:#eef1f4;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
tr.ghead th{background:#f6f8fa;font-size:14px;border-top:1px solid var(--line)}
tr.ghead .count{font-weight:400;color:var(--muted);font-size:12.5px;margin-left:8px}
tr.ghead a{font-weight:400;font-size:12.5px;margin-left:8px}
td.quote{font-family:Georgia,"Times New Roman",serif;font-size:14px;--tint:#fff3bf;--side:#f08c00}
td.value{white-space:nowrap}td.value b{display:block}
td.where{white-space:nowrap;color:var(--muted);font-size:12.5px}
tr.inconflict td.value b{color:var(--error)}
footer{color:var(--muted);font-size:12px;padding:26px 0 40px}
@media print{nav.filters{display:none}article.conflict{break-inside:avoid}}
"""

SCRIPT = """
(function(){
  var sev=document.getElementById('f-sev'), subj=document.getElementById('f-subj'),
      attr=document.getElementById('f-attr'), hide=document.getElementById('f-hide'),
      shown=document.getElementById('shown'), none=document.getElementById('no-match');
  function match(el, sevs){
    return (!sev.value || sevs.indexOf(sev.value) >= 0) &&
           (!subj.value || el.getAttribute('data-subject') === subj.value) &&
           (!attr.value || el.getAttribute('data-attribute') === attr.value);
  }
  function apply(){
    var conflicts=document.querySelectorAll('article.conflict'), n=0;
    conflicts.forEach(function(el){
      var ok=match(el, [el.getAttribute('data-severity')]) &&
             !(hide.checked && el.getAttribute('data-status') === 'accepted');
      el.hidden=!ok; if(ok){n++;}
    });
    document.querySelectorAll('tbody.group').forEach(function(el){
      el.hidden=!match(el, (el.getAttribute('data-severities') || '').split(' '));
    });
    shown.textContent='showing ' + n + ' of ' + conflicts.length + ' conflict' + (conflicts.length === 1 ? '' : 's');
    if(none){none.hidden = n > 0 || conflicts.length === 0;}
  }
  [sev, subj, attr, hide].forEach(function(el){ el.addEventListener('change', apply); });
  apply();
})();
"""


# --------------------------------------------------------------------------------------------------
# range chart


def _time_axis(claims: list[Claim]) -> tuple[float, float, list]:
    """Domain (lo, hi) in seconds and the ticks inside it: from the named unit below the smallest
    value to the one above the largest, with a little room on both sides."""
    values = [v for c in claims for v in (c.low, c.high) if v]
    if not values:
        return 60.0, 31557600.0, [t for t in TICKS if 60 <= t[0] <= 31557600]
    below = [t for t, _ in TICKS if t <= min(values) / 1.5]
    above = [t for t, _ in TICKS if t >= max(values) * 1.5]
    lo = float(below[-1] if below else min(TICKS[0][0], min(values) / 1.5))
    hi = float(above[0] if above else max(values) * 1.5)
    return lo, hi, [t for t in TICKS if lo <= t[0] <= hi]


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


def range_chart(conflict: Conflict) -> str:
    """An SVG with one row per claim: a bar from low to high on a log time axis (linear 0–100 % for
    rates), coloured by side; a dot for a single value; a dashed line for an open bound."""
    rows = list(conflict.claims)
    claims = [cc.claim for cc in rows]
    unit = claims[0].unit if claims else "s"
    width, left, right, top, row = 1000, 250, 24, 6, 38
    plot = width - left - right
    height = top + row * len(rows) + 46
    if unit == "s":
        lo, hi, ticks = _time_axis(claims)

        def pos(v: float) -> float:
            return min(max(log_position(v, lo, hi), 0.0), 1.0)
        axis_title = "log time scale"
    else:
        lo, hi, ticks = _linear_axis(claims, unit)

        def pos(v: float) -> float:
            return min(max((v - lo) / ((hi - lo) or 1.0), 0.0), 1.0)
        axis_title = "percent" if unit == "ratio" else "value"

    def x(fraction: float) -> float:
        return left + fraction * plot

    labels = short_labels({c.source for c in claims})
    axis_y = top + row * len(rows) + 4
    what = f"{conflict.subject}, {_what(conflict)}"
    parts = [f'<svg class="range" role="img" aria-label="{escape("Range chart: " + what)}" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for n in range(len(rows)):  # zebra rows guide the eye from label to bar
        if n % 2 == 0:
            parts.append(f'<rect x="0" y="{top + n * row}" width="{width}" height="{row}" fill="#f6f8fa"/>')
    for value, label in ticks:
        px = x(pos(value))
        parts.append(f'<line x1="{px:.1f}" y1="{top}" x2="{px:.1f}" y2="{axis_y}" stroke="#d0d7de" '
                     f'stroke-dasharray="3 3"/>')
        parts.append(f'<line x1="{px:.1f}" y1="{axis_y}" x2="{px:.1f}" y2="{axis_y + 5}" stroke="#8c959f"/>')
        parts.append(f'<text class="axis" x="{px:.1f}" y="{axis_y + 18}" text-anchor="middle">{escape(label)}</text>')
    parts.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#8c959f"/>')
    parts.append(f'<text class="axis" x="{width - right}" y="{axis_y + 36}" text-anchor="end">'
                 f'{escape(axis_title)} →</text>')
    for n, cc in enumerate(rows):
        c = cc.claim
        y = top + n * row
        mid = y + row / 2
        colour = COLOURS[cc.cluster % len(COLOURS)]
        opacity = "0.45" if cc.repeat_of else "0.9"
        value = c.value_text.strip()
        value = value if len(value) <= 32 else value[:31] + "…"
        parts.append(f'<text x="{left - 10}" y="{mid - 3:.1f}" text-anchor="end" font-weight="600">'
                     f'{escape(value)}</text>')
        parts.append(f'<text class="small" x="{left - 10}" y="{mid + 11:.1f}" text-anchor="end">'
                     f'{escape(labels.get(c.source, short_source(c.source)))} · line {c.line}'
                     f'{" · repeated" if cc.repeat_of else ""}</text>')
        tip = f"<title>{escape(value)}: {escape(reading(c))} ({escape(c.source)}:{c.line})</title>"
        low_open = c.low is None or (unit == "s" and c.low <= 0)
        x1 = x(0.0) if low_open else x(pos(c.low))
        x2 = x(1.0) if c.high is None else x(pos(c.high))
        data = f'data-cluster="{cc.cluster}"'
        if low_open or c.high is None:
            # an open bound ("less than a day", "6 months or longer") fades out towards the edge of the axis
            fade = f"fade-{conflict.id}-{n}"
            stops = (f'<stop offset="0" stop-color="{colour}" stop-opacity="0.08"/>'
                     f'<stop offset="0.7" stop-color="{colour}" stop-opacity="1"/>')
            direction = 'x1="0" x2="1"' if low_open else 'x1="1" x2="0"'
            parts.append(f'<defs><linearGradient id="{fade}" {direction} y1="0" y2="0">{stops}</linearGradient></defs>')
            parts.append(f'<rect class="bar" {data} x="{x1:.1f}" y="{mid - 8:.1f}" width="{max(x2 - x1, 4):.1f}" '
                         f'height="16" rx="4" fill="url(#{fade})" opacity="{opacity}">{tip}</rect>')
            bound = x2 if low_open else x1  # the bound the text gives: a firm edge
            if not (low_open and c.high is None):
                parts.append(f'<rect x="{bound - 1.5:.1f}" y="{mid - 11:.1f}" width="3" height="22" fill="{colour}" '
                             f'opacity="{opacity}"/>')
        elif x2 - x1 < 4:  # one value: a dot
            parts.append(f'<circle class="bar" {data} cx="{(x1 + x2) / 2:.1f}" cy="{mid:.1f}" r="6" fill="{colour}" '
                         f'opacity="{opacity}">{tip}</circle>')
        else:
            parts.append(f'<rect class="bar" {data} x="{x1:.1f}" y="{mid - 8:.1f}" width="{x2 - x1:.1f}" '
                         f'height="16" rx="4" fill="{colour}" opacity="{opacity}">{tip}</rect>')
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


def _conflict_html(conflict: Conflict) -> str:
    sides = defaultdict(list)
    for cc in conflict.claims:
        sides[cc.cluster].append(cc)
    labels = short_labels({cc.claim.source for cc in conflict.claims})
    cols = []
    for k in sorted(sides):
        style = f"--side:{COLOURS[k % len(COLOURS)]};--tint:{TINTS[k % len(TINTS)]}"
        readings = sorted({reading(cc.claim) for cc in sides[k]})
        items = []
        for cc in sides[k]:
            c = cc.claim
            tags = ""
            if c.hedged:
                tags += f'<span class="tag">hedged{": " + escape(c.hedge) if c.hedge else ""}</span>'
            if c.vague:
                tags += '<span class="tag">vague</span>'
            if cc.repeat_of:
                tags += '<span class="tag">repeated</span>'
            items.append(
                f'<figure class="claim"><blockquote>“{_quote_html(c)}”</blockquote>'
                f'<figcaption><span title="{escape(c.source)}">{escape(labels.get(c.source, c.source))}</span>, '
                f'line {c.line} · <span class="iv">{escape(reading(c))}</span>{tags}</figcaption></figure>')
        cols.append(f'<div class="side" style="{style}"><h4><span class="swatch"></span><span class="n">side {k + 1}</span>'
                    f' · {escape(", ".join(readings))}</h4>{"".join(items)}</div>')
    word = status(conflict)
    decided = f' <span class="badge {word}">{word}</span>' if word else ""
    sources = ", ".join(f"{escape(labels[s])} = {escape(s)}" for s in sorted(labels))
    classes = f"conflict {escape(conflict.severity)}" + (" accepted" if word == "accepted" else "")
    return (
        f'<article class="{classes}" id="c-{escape(conflict.id)}" data-severity="{escape(conflict.severity)}" '
        f'data-subject="{escape(conflict.subject)}" data-attribute="{escape(conflict.attribute)}" '
        f'data-status="{escape(word or "open")}">'
        f'<div class="chead"><span class="badge {escape(conflict.severity)}">{escape(conflict.severity)}</span>{decided}'
        f'<h3>{escape(conflict.subject.capitalize())}: {escape(_what(conflict))}</h3>'
        f'<span class="meta">{escape(conflict.rule)} · {escape(conflict.kind)} · id <code>{escape(conflict.id)}</code>'
        f'</span></div>'
        f'<p class="msg">{escape(conflict.message)}</p>{_decision_html(conflict)}'
        f'<div class="sides">{"".join(cols)}</div>'
        f'<div class="chart">{_legend(conflict)}{range_chart(conflict)}'
        f'<div class="meta">{sources}</div></div></article>'
    )


# --------------------------------------------------------------------------------------------------
# claims table


def _claims_table(result: CheckResult) -> str:
    in_conflict: dict = {}
    for conflict in result.conflicts:
        for cc in conflict.claims:
            in_conflict[cc.claim.id] = conflict
    groups = defaultdict(list)
    for c in result.claims:
        groups[(c.subject or "", c.attribute)].append(c)
    bodies = []
    for (subject, attribute), claims in sorted(groups.items(), key=lambda kv: (kv[0][0] == "", kv[0])):
        conflicts = sorted({in_conflict[c.id].id: in_conflict[c.id] for c in claims if c.id in in_conflict}.values(),
                           key=lambda k: k.id)
        severities = " ".join(sorted({k.severity for k in conflicts}))
        links = "".join(f'<a href="#c-{escape(k.id)}">{escape(k.severity)} conflict {escape(k.id[:8])}</a>'
                        for k in conflicts)
        rows = [f'<tr class="ghead"><th colspan="4">{escape(subject or "(no subject)")} › '
                f'{escape(attribute.replace("_", " "))}<span class="count">{_plural(len(claims), "claim")}</span>'
                f'{links}</th></tr>']
        for c in claims:
            extra = [escape(c.condition)] if c.condition else []
            if c.qualifier:
                extra.append(escape(c.qualifier))
            if c.hedged:
                extra.append("hedged")
            rows.append(
                f'<tr{" class=inconflict" if c.id in in_conflict else ""}>'
                f'<td class="value"><b>{escape(reading(c))}</b>{escape(c.value_text)}</td>'
                f'<td class="quote">{_quote_html(c)}</td>'
                f'<td>{", ".join(extra)}</td>'
                f'<td class="where" title="{escape(c.source)}">{escape(short_source(c.source))}:{c.line}</td></tr>')
        bodies.append(f'<tbody class="group" data-subject="{escape(subject)}" data-attribute="{escape(attribute)}" '
                      f'data-severities="{escape(severities)}">{"".join(rows)}</tbody>')
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


def render_html(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    counts = _counts(result)
    decided = [status(c) for c in result.conflicts]
    open_count = sum(1 for d in decided if d != "accepted")
    cards = [f'<div class="card"><b>{len(result.sources)}</b><span>sources</span></div>',
             f'<div class="card"><b>{len(result.claims)}</b><span>claims</span></div>',
             f'<div class="card"><b>{len(result.conflicts)}</b><span>conflicts</span></div>']
    cards += [f'<div class="card {s}"><b>{n}</b><span>{s}</span></div>' for s, n in counts.items()]
    cards.append(f'<div class="card accepted"><b>{decided.count("accepted")}</b><span>accepted</span></div>')
    cards.append(f'<div class="card{" bad" if result.errors else ""}"><b>{len(result.errors)}</b>'
                 f'<span>unreadable</span></div>')
    errors = ""
    if result.errors:
        errors = ('<section class="errors"><h2>Sources that could not be read</h2><ul>' + "".join(
            f"<li>{escape(_error_line(e.source, e.message))}</li>" for e in result.errors) + "</ul></section>")

    conflict_subjects = {c.subject for c in result.conflicts}
    subjects = sorted({c.subject for c in result.claims if c.subject} | conflict_subjects)
    attributes = sorted({c.attribute for c in result.claims} | {c.attribute for c in result.conflicts})
    filters = (
        '<nav class="filters"><div class="wrap">'
        + _select("f-sev", "Severity", ["error", "warning", "info"])
        + _select("f-subj", "Subject", subjects)
        + _select("f-attr", "Attribute", attributes, lambda a: a.replace("_", " "))
        + '<label><input type="checkbox" id="f-hide"> hide accepted</label>'
        + f'<span id="shown">{_plural(len(result.conflicts), "conflict")}</span></div></nav>'
    )
    if result.conflicts:
        conflicts = "".join(_conflict_html(c) for c in result.conflicts)
        conflicts += '<p class="empty" id="no-match" hidden>No conflict matches the filters.</p>'
    else:
        conflicts = '<p class="empty">No conflicting claims found.</p>'
    verdict = ("no conflicting claims" if not result.conflicts
               else f"{_plural(open_count, 'open conflict')}, {decided.count('accepted')} accepted")
    sub = [escape(verdict)]
    if options.generated:
        sub.append(f"generated {escape(options.generated)}")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{escape(options.title)}</title><style>{CSS}</style></head><body>"
        f'<header class="top"><div class="wrap"><h1>{escape(options.title)}</h1>'
        f'<p class="sub">{" · ".join(sub)}</p><div class="cards">{"".join(cards)}</div></div></header>'
        f"{filters}<main class=\"wrap\">{errors}"
        f"<h2>Conflicts<small>most severe first</small></h2>{conflicts}"
        f"<h2>All claims<small>grouped by subject and attribute</small></h2>{_claims_table(result)}</main>"
        f'<footer class="wrap">checker {escape(options.tool_version)} · every quote is the text of the source file '
        f"as read; values are read into intervals in seconds or fractions.</footer>"
        f"<script>{SCRIPT}</script></body></html>\n"
    )
