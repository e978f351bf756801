"""The reviewer's HTML report: one self-contained file, no network, all source text escaped.

A summary on top, conflicts by severity with their claims side by side (quote with the value
highlighted, source and line, interval) and a range chart per conflict (one bar per claim on a log
time axis, coloured by side), then every claim grouped by subject and attribute, with filters by
severity, subject and attribute.
"""
from __future__ import annotations

import math
from collections import defaultdict

from .detect import short_source
from .model import CheckResult, Claim, Conflict
from .normalize import format_interval
from .reporters import ReportOptions, _counts, _decision_note, escape, log_position

COLOURS = ["#1b6ec2", "#d9480f", "#2b8a3e", "#862e9c", "#e67700", "#0b7285"]
TICKS = [(1, "1 s"), (60, "1 min"), (3600, "1 h"), (86400, "1 d"), (604800, "1 wk"), (2629800, "1 mo"),
         (31557600, "1 y"), (315576000, "10 y")]

CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#f6f7f9}
header{background:#fff;border-bottom:1px solid #dde;padding:16px 28px}
main{padding:16px 28px;max-width:1200px}
h1{font-size:22px;margin:0 0 6px}
h2{font-size:18px;margin:28px 0 10px}
.summary{display:flex;gap:14px;flex-wrap:wrap;margin-top:8px}
.stat{background:#f1f3f5;border-radius:8px;padding:8px 14px}
.stat b{font-size:20px;display:block}
.sev-error{color:#c92a2a}.sev-warning{color:#b35c00}.sev-info{color:#1864ab}
.conflict{background:#fff;border:1px solid #dde;border-radius:10px;margin:14px 0;padding:14px 18px}
.conflict h3{margin:0 0 4px;font-size:16px}
.badge{display:inline-block;border-radius:5px;padding:1px 7px;font-size:12px;font-weight:600;color:#fff}
.badge.error{background:#c92a2a}.badge.warning{background:#e67700}.badge.info{background:#1c7ed6}
.msg{margin:4px 0 10px}
.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.side{border-left:5px solid #999;padding:4px 10px;background:#fafbfc}
.claim{margin:6px 0 10px}
.where{font-size:12px;color:#555}
mark{background:#ffe066;padding:0 2px;border-radius:3px}
.interval{font-weight:600}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border:1px solid #dde;padding:4px 8px;text-align:left;vertical-align:top;font-size:13px}
th{background:#f1f3f5}
.filters{display:flex;gap:12px;flex-wrap:wrap;margin:10px 0}
.filters label{font-size:13px}
.errors li{color:#c92a2a}
.decision{font-size:13px;color:#2b8a3e}
svg text{font:11px system-ui,sans-serif;fill:#444}
"""

SCRIPT = """
function applyFilters(){
  var sev=document.getElementById('f-sev').value, subj=document.getElementById('f-subj').value,
      attr=document.getElementById('f-attr').value;
  document.querySelectorAll('[data-subject]').forEach(function(el){
    var ok=(!sev||el.dataset.severity===sev||!el.dataset.severity)&&(!subj||el.dataset.subject===subj)
           &&(!attr||el.dataset.attribute===attr);
    if(sev&&!el.dataset.severity){ok=ok&&el.tagName==='TR';}
    el.style.display=ok?'':'none';
  });
}
document.querySelectorAll('.filters select').forEach(function(s){s.addEventListener('change',applyFilters);});
"""


def _highlighted_quote(claim: Claim) -> str:
    a = max(0, min(len(claim.quote), claim.value_start - claim.start))
    b = max(a, min(len(claim.quote), claim.value_end - claim.start))
    if claim.quote[a:b] != claim.value_text:
        return escape(claim.quote)
    return f"{escape(claim.quote[:a])}<mark>{escape(claim.quote[a:b])}</mark>{escape(claim.quote[b:])}"


def range_chart(conflict: Conflict) -> str:
    """An SVG with one bar per claim; log time axis (or 0–100 % for rates)."""
    claims = [cc for cc in conflict.claims]
    width, left, row, top = 640, 190, 22, 8
    height = top + row * len(claims) + 30
    unit = claims[0].claim.unit if claims else "s"
    if unit == "ratio":
        def pos(v):
            return 0.0 if v is None else min(max(v, 0.0), 1.0)
        ticks = [(k / 4, f"{k * 25}%") for k in range(5)]
        lo_val = hi_val = None
    else:
        values = [v for cc in claims for v in (cc.claim.low, cc.claim.high) if v]
        lo_val = 10 ** math.floor(math.log10(min(values))) if values else 1
        hi_val = 10 ** math.ceil(math.log10(max(values) * 1.5)) if values else 10
        hi_val = max(hi_val, lo_val * 100)

        def pos(v):
            return log_position(v, lo_val, hi_val)
        ticks = [(pos(s), label) for s, label in TICKS if lo_val <= s <= hi_val]
    plot = width - left - 20
    parts = [f'<svg role="img" aria-label="range chart" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for x, label in ticks:
        px = left + x * plot
        parts.append(f'<line x1="{px:.1f}" y1="{top}" x2="{px:.1f}" y2="{height - 22}" stroke="#e3e5e8"/>')
        parts.append(f'<text x="{px:.1f}" y="{height - 8}" text-anchor="middle">{escape(label)}</text>')
    for n, cc in enumerate(claims):
        c = cc.claim
        y = top + n * row
        colour = COLOURS[cc.cluster % len(COLOURS)]
        x1 = left + pos(c.low if c.low else None if unit == "ratio" else lo_val) * plot if c.low else left
        x2 = left + (pos(c.high) if c.high is not None else 1.0) * plot
        if x2 - x1 < 3:
            x2 = x1 + 3
        label = f"{short_source(c.source)[:14]}:{c.line} {c.value_text}"
        parts.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{escape(label[:34])}</text>')
        parts.append(f'<rect class="bar" x="{x1:.1f}" y="{y + 4}" width="{x2 - x1:.1f}" height="12" rx="3" '
                     f'fill="{colour}" fill-opacity="{0.45 if cc.repeat_of else 0.85}">'
                     f'<title>{escape(c.value_text)}: {escape(format_interval(c.low, c.high, c.unit))}</title></rect>')
        if c.high is None:
            parts.append(f'<text x="{x2 - 2:.1f}" y="{y + 14}" text-anchor="end" fill="#fff">→</text>')
    parts.append("</svg>")
    return "".join(parts)


def _conflict_html(conflict: Conflict) -> str:
    sides = defaultdict(list)
    for cc in conflict.claims:
        sides[cc.cluster].append(cc)
    cols = []
    for k in sorted(sides):
        colour = COLOURS[k % len(COLOURS)]
        items = []
        for cc in sides[k]:
            c = cc.claim
            items.append(
                f'<div class="claim"><div>“{_highlighted_quote(c)}”</div>'
                f'<div class="where">{escape(c.source)}, line {c.line}, column {c.column} · '
                f'<span class="interval">{escape(format_interval(c.low, c.high, c.unit))}</span>'
                f'{" · hedged (" + escape(c.hedge) + ")" if c.hedged and c.hedge else ""}'
                f'{" · repeated" if cc.repeat_of else ""}</div></div>')
        cols.append(f'<div class="side" style="border-color:{colour}"><b>Side {k + 1}</b>{"".join(items)}</div>')
    decision = ""
    if conflict.decision:
        decision = f'<div class="decision">Decision:{escape(_decision_note(conflict))}</div>'
    what = conflict.attribute.replace("_", " ")
    if conflict.condition:
        what += f", {conflict.condition}"
    if conflict.qualifier:
        what += f", {conflict.qualifier}"
    return (
        f'<section class="conflict" id="c-{escape(conflict.id)}" data-severity="{escape(conflict.severity)}" '
        f'data-subject="{escape(conflict.subject)}" data-attribute="{escape(conflict.attribute)}">'
        f'<h3><span class="badge {escape(conflict.severity)}">{escape(conflict.severity)}</span> '
        f'{escape(conflict.subject)}: {escape(what)} <small>{escape(conflict.rule)} · {escape(conflict.kind)} · '
        f'<code>{escape(conflict.id)}</code></small></h3>'
        f'<p class="msg">{escape(conflict.message)}</p>{decision}'
        f'<div class="sides">{"".join(cols)}</div>{range_chart(conflict)}</section>'
    )


def render_html(result: CheckResult, options: ReportOptions = ReportOptions()) -> str:
    counts = _counts(result)
    subjects = sorted({c.subject for c in result.claims if c.subject})
    attributes = sorted({c.attribute for c in result.claims})
    stats = [f'<div class="stat"><b>{len(result.sources)}</b>sources</div>',
             f'<div class="stat"><b>{len(result.claims)}</b>claims</div>',
             f'<div class="stat"><b>{len(result.conflicts)}</b>conflicts</div>']
    stats += [f'<div class="stat sev-{s}"><b>{n}</b>{s}</div>' for s, n in counts.items()]
    stats.append(f'<div class="stat"><b>{len(result.errors)}</b>unreadable</div>')
    errors = ""
    if result.errors:
        errors = "<h2>Sources that could not be read</h2><ul class=\"errors\">" + "".join(
            f"<li><code>{escape(e.source)}</code>: {escape(e.message)}</li>" for e in result.errors) + "</ul>"

    def options_for(values):
        return '<option value="">all</option>' + "".join(f'<option>{escape(v)}</option>' for v in values)

    filters = (
        '<div class="filters">'
        f'<label>Severity <select id="f-sev">{options_for(["error", "warning", "info"])}</select></label>'
        f'<label>Subject <select id="f-subj">{options_for(subjects)}</select></label>'
        f'<label>Attribute <select id="f-attr">{options_for(attributes)}</select></label></div>'
    )
    conflicts = "".join(_conflict_html(c) for c in result.conflicts) or "<p>No conflicting claims found.</p>"
    groups = defaultdict(list)
    for c in result.claims:
        groups[(c.subject or "(no subject)", c.attribute)].append(c)
    rows = []
    for (subject, attribute), claims in sorted(groups.items()):
        for c in claims:
            rows.append(
                f'<tr data-subject="{escape(c.subject or "")}" data-attribute="{escape(attribute)}">'
                f'<td>{escape(subject)}</td><td>{escape(attribute)}</td><td>{escape(c.condition or "")}</td>'
                f'<td>{escape(c.value_text)}</td><td>{escape(format_interval(c.low, c.high, c.unit))}</td>'
                f'<td>{escape(c.source)}:{c.line}</td><td>{_highlighted_quote(c)}</td></tr>')
    generated = f"<p>Generated {escape(options.generated)}</p>" if options.generated else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>{escape(options.title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{escape(options.title)}</h1>{generated}<div class=\"summary\">{''.join(stats)}</div></header>"
        f"<main>{errors}{filters}<h2>Conflicts</h2>{conflicts}"
        "<h2>All claims</h2><table><thead><tr><th>subject</th><th>attribute</th><th>condition</th><th>value</th>"
        f"<th>interval</th><th>where</th><th>quote</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"</main><script>{SCRIPT}</script></body></html>\n"
    )
