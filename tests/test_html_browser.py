"""The HTML report in a real browser: headless Chromium lays it out, runs its script and draws the
charts. Skipped when Chromium is not installed (.ci/run installs it with apt-get when it can).

A probe script is appended to a copy of the report; it measures the drawn bars, works the filters and
writes what it saw into the page, which `--dump-dom` hands back. A screenshot of the report is kept
under tests/artifacts/ (git-ignored) for a person to look at.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest

from checker.report import REPORTERS, ReportOptions
from tests.conftest import REPO
from tests.test_reporters import fixture_result

ARTIFACTS = REPO / "tests" / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]

PROBE = """
<script>
(function(){
  function visible(sel){
    return Array.prototype.filter.call(document.querySelectorAll(sel), function(el){
      return el.getClientRects().length > 0; }).length;
  }
  function choose(id, value){
    var el = document.getElementById(id);
    if (el.type === 'checkbox') { el.checked = value; } else { el.value = value; }
    el.dispatchEvent(new Event('change'));
  }
  var out = {};
  out.text = document.body.innerText;
  out.bars = Array.prototype.map.call(document.querySelectorAll('svg.range.wide .bar'), function(el){
    var box = el.getBoundingClientRect();
    return {w: box.width, h: box.height, fill: getComputedStyle(el).fill, cluster: el.getAttribute('data-cluster')};
  });
  out.axisLabels = visible('svg.range text.axis');
  out.legends = visible('.legend');
  out.all = visible('article.conflict');
  out.groups = visible('tbody.group');
  choose('f-sev', 'warning'); out.warning = visible('article.conflict'); out.warningGroups = visible('tbody.group');
  out.shown = document.getElementById('shown').textContent;
  choose('f-sev', '');
  choose('f-subj', 'radiofrequency ablation'); out.rfa = visible('article.conflict');
  out.rfaGroups = visible('tbody.group');
  choose('f-subj', '');
  choose('f-attr', 'success_rate'); out.rate = visible('article.conflict');
  choose('f-attr', '');
  choose('f-hide', true); out.hideAccepted = visible('article.conflict');
  choose('f-hide', false); out.reset = visible('article.conflict');
  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_browser(tmp_path, *args: str) -> subprocess.CompletedProcess:
    exe = chromium()
    profile = tmp_path / "profile"  # a fresh profile: nothing from an earlier run leaks in
    return subprocess.run([exe, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                          timeout=90)


@pytest.fixture(scope="module")
def report_html():
    return REPORTERS["html"](fixture_result(), ReportOptions(tool_version="9.9.9"))


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed")
def test_html_browser_renders_text_draws_charts_and_filters(tmp_path, report_html):
    page = tmp_path / "probe.html"
    page.write_text(report_html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    proc = run_browser(tmp_path, "--virtual-time-budget=5000", "--dump-dom", page.as_uri())
    match = re.search(r'<pre id="probe">(.*?)</pre>', proc.stdout, flags=re.S)
    assert match, f"the probe did not run: {proc.stderr[-500:]}"
    seen = json.loads(html.unescape(match.group(1)))

    # the reader sees the quotes, the decisions and the unreadable source, as text (escaped, not markup)
    for text in ("Relief from genicular nerve blocks lasts a few hours",
                 "Phases differ: the anesthetic <wears off> in hours",
                 "Rejected by a reviewer", "Sources that could not be read", "log time scale",
                 "4 claims were not compared: 2 negated value", "not compared: no subject"):
        assert text in seen["text"], text
    # one drawn bar per claim of each conflict, coloured by side, with axis labels and a legend
    result = fixture_result()
    assert len(seen["bars"]) == sum(len(c.claims) for c in result.conflicts)
    assert all(bar["w"] > 0 and bar["h"] > 0 for bar in seen["bars"])
    fills = {bar["cluster"]: bar["fill"] for bar in seen["bars"] if bar["fill"].startswith("rgb")}
    assert fills["0"] != fills["1"]
    assert seen["axisLabels"] >= 3 * len(result.conflicts) and seen["legends"] == len(result.conflicts)
    # filters
    assert seen["all"] == seen["reset"] == 4
    assert seen["warning"] == 1 and seen["shown"] == "showing 1 of 4 conflicts"
    assert seen["warningGroups"] == 1  # only the success-rate group has a warning conflict
    assert seen["rfa"] == 1 and seen["rfaGroups"] == 2  # relief duration and recovery time of RFA
    assert seen["rate"] == 1
    assert seen["hideAccepted"] == 3


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed")
def test_html_browser_screenshot_is_kept_for_review(tmp_path, report_html):
    ARTIFACTS.mkdir(exist_ok=True)
    page = ARTIFACTS / "report.html"
    page.write_text(report_html, encoding="utf-8")
    shot = ARTIFACTS / "report.png"
    if shot.exists():
        shot.unlink()
    proc = run_browser(tmp_path, f"--screenshot={shot}", "--window-size=1280,2400", page.as_uri())
    assert shot.exists(), proc.stderr[-500:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000  # a blank page compresses to a few KB


# --------------------------------------------------------------------------------------------------
# a phone's width, and paging


NARROW_PROBE = """
<script>
(function(){
  var width = document.documentElement.clientWidth, out = {width: window.innerWidth, overflow: [], measured: 0};
  out.pageWidth = document.documentElement.scrollWidth;
  var parts = ['svg.range', '.chart', '.sides', '.side', 'figure.claim', 'blockquote', 'figcaption', '.legend', 'h3'];
  out.charts = {wide: 0, narrow: 0}; out.smallestText = 1000;
  document.querySelectorAll('svg.range').forEach(function(svg){
    if (!svg.getClientRects().length) { return; }
    out.charts[svg.classList.contains('narrow') ? 'narrow' : 'wide']++;
    svg.querySelectorAll('text').forEach(function(t){
      out.smallestText = Math.min(out.smallestText, t.getBoundingClientRect().height); });
  });
  document.querySelectorAll('article.conflict').forEach(function(article){
    if (!article.getClientRects().length) { return; }
    var box = article.getBoundingClientRect();
    if (box.right > width + 0.5 || article.scrollWidth > article.clientWidth + 1) {
      out.overflow.push(article.id + ' itself: ' + box.right + ' / scroll ' + article.scrollWidth);
    }
    parts.forEach(function(sel){
      article.querySelectorAll(sel).forEach(function(el){
        if (!el.getClientRects().length) { return; }  // not displayed at this width (the wide chart)
        var r = el.getBoundingClientRect();
        out.measured++;
        if (r.width <= 0 || r.left < box.left - 0.5 || r.right > box.right + 0.5) {
          out.overflow.push(article.id + ' ' + sel + ': ' + r.left.toFixed(1) + '..' + r.right.toFixed(1) +
                            ' in ' + box.left.toFixed(1) + '..' + box.right.toFixed(1));
        }
      });
    });
  });
  parent.postMessage(JSON.stringify(out), '*');
})();
</script>
"""

# Chromium will not make a window narrower than 500 px, so the report is laid out in a 390 px wide
# frame: its media queries and its layout see a phone's viewport. The probe in the report posts what
# it measured to this page, which --dump-dom hands back.
PHONE = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" style="width:390px;height:2400px;border:0;display:block"></iframe><pre id="probe"></pre>
<script>window.addEventListener('message', function(e){{ document.getElementById('probe').textContent = e.data; }});
</script></body></html>
"""

PAGING_PROBE = """
<script>
(function(){
  function visible(){ return Array.prototype.filter.call(document.querySelectorAll('article.conflict'),
                      function(el){ return el.getClientRects().length > 0; }).map(function(el){ return el.id; }); }
  var out = {first: visible(), pageno: document.querySelector('nav.pager .pageno').textContent};
  document.querySelector('nav.pager [data-step="1"]').click();
  out.second = visible(); out.pageno2 = document.querySelector('nav.pager .pageno').textContent;
  var severity = document.getElementById('f-sev');
  severity.value = 'warning'; severity.dispatchEvent(new Event('change'));
  out.warnings = visible(); out.pagerHidden = document.querySelector('nav.pager').hidden;
  severity.value = ''; severity.dispatchEvent(new Event('change'));
  // a link from the workbook or the claims table to a conflict on another page opens that page
  var last = document.querySelectorAll('article.conflict'); last = last[last.length - 1].id;
  location.hash = '#' + last; window.dispatchEvent(new HashChangeEvent('hashchange'));
  out.linked = visible(); out.linkedTo = last;
  var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def probe(tmp_path, page_html: str, script: str, *flags: str) -> dict:
    page = tmp_path / "probe.html"
    page.write_text(page_html.replace("</body>", script + "</body>"), encoding="utf-8")
    proc = run_browser(tmp_path, "--virtual-time-budget=5000", *flags, "--dump-dom", page.as_uri())
    match = re.search(r'<pre id="probe">(.*?)</pre>', proc.stdout, flags=re.S)
    assert match, f"the probe did not run: {proc.stderr[-500:]}"
    return json.loads(html.unescape(match.group(1)))


def crowded_result(copies: int):
    """The fixture's conflicts many times over (new ids), each side's claim repeated on other pages
    with the same words, and a long unbroken word in a quote: what a large corpus gives."""
    import dataclasses

    from checker.model import ConflictClaim

    result = fixture_result()
    conflicts = []
    for n in range(copies):
        for k, conflict in enumerate(result.conflicts):
            claims = [ConflictClaim(cc.claim.replace(id=f"{cc.claim.id}-{n}-{m}", source=f"site/{m}/{cc.claim.source}",
                                                     quote=cc.claim.quote + " https://example.invalid/" + "x" * 80),
                                    cc.cluster) for m in range(3) for cc in conflict.claims]
            conflicts.append(dataclasses.replace(conflict, id=f"{n:08x}{k:08x}", claims=tuple(claims)))
    return dataclasses.replace(result, conflicts=tuple(conflicts))


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed")
def test_html_browser_at_390px_no_chart_or_quote_overflows_its_conflict(tmp_path):
    page_html = REPORTERS["html"](crowded_result(1), ReportOptions(tool_version="9.9.9"))
    (tmp_path / "report.html").write_text(page_html.replace("</body>", NARROW_PROBE + "</body>"), encoding="utf-8")
    phone = tmp_path / "phone.html"
    phone.write_text(PHONE.format(src="report.html"), encoding="utf-8")
    proc = run_browser(tmp_path, "--virtual-time-budget=5000", "--window-size=600,2400", "--dump-dom", phone.as_uri())
    match = re.search(r'<pre id="probe">(.+?)</pre>', proc.stdout, flags=re.S)
    assert match, f"the probe did not report: {proc.stderr[-500:]}"
    seen = json.loads(html.unescape(match.group(1)))
    assert seen["width"] == 390, seen["width"]  # the report is laid out in a phone's viewport
    assert seen["measured"] > 40  # charts, sides, quotes and captions of the four conflicts were measured
    assert seen["overflow"] == [], seen["overflow"]
    assert seen["pageWidth"] <= 390, "the page scrolls sideways"
    # the phone gets the narrow chart, whose labels are drawn at a readable size (the wide chart,
    # scaled down to fit, would draw them about 4 px high)
    assert seen["charts"] == {"wide": 0, "narrow": 4}
    assert seen["smallestText"] >= 10, seen["smallestText"]
    # a screenshot for a person to look at: tests/artifacts/report-390.png
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "report-390.html").write_text(page_html, encoding="utf-8")
    (ARTIFACTS / "phone.html").write_text(PHONE.format(src="report-390.html"), encoding="utf-8")
    run_browser(tmp_path, f"--screenshot={ARTIFACTS / 'report-390.png'}", "--window-size=500,2400",
                (ARTIFACTS / "phone.html").as_uri())


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed")
def test_html_browser_pages_through_many_conflicts(tmp_path):
    from checker.report.html import PAGE_SIZE

    result = crowded_result(10)  # 40 conflicts: two pages
    seen = probe(tmp_path, REPORTERS["html"](result, ReportOptions(tool_version="9.9.9")), PAGING_PROBE)
    ids = [f"c-{c.id}" for c in result.conflicts]
    assert seen["first"] == ids[:PAGE_SIZE] and seen["pageno"] == "page 1 of 2"
    assert seen["second"] == ids[PAGE_SIZE:] and seen["pageno2"] == "page 2 of 2"
    warnings = [f"c-{c.id}" for c in result.conflicts if c.severity == "warning"]
    assert seen["warnings"] == warnings and seen["pagerHidden"]  # 10 warnings fit on one page
    assert seen["linkedTo"] == ids[-1] and seen["linked"] == ids[PAGE_SIZE:]
