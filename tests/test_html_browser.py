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
  out.bars = Array.prototype.map.call(document.querySelectorAll('svg.range .bar'), function(el){
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
