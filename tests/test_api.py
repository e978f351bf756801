"""The library API: `Checker` in memory and on files, `CheckResult.fails`, baselines in the library,
one spaCy pipeline per Checker, and a warm run that never imports spaCy."""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import checker
from checker import Checker, CheckResult, Config
from checker.decisions import conflict_signature, decide
from checker.errors import CheckerError, UsageError
from checker.model import Conflict, ConflictClaim
from tests.conftest import REPO, make_claim

MBB_TEXTS = {
    "clinic.txt": "Medial Branch Blocks at Our Clinic\n\nWhile relief from a medial branch block is usually "
                  "temporary, lasting hours to days, it tells us whether the facet joints cause your pain.\n",
    "hospital.md": "# Lumbar Medial Branch Blocks\n\nAfter a medial branch block, most patients enjoy pain relief "
                   "for several weeks or months.\n",
    "centre.html": "<html><head><title>Medial Branch Blocks</title></head><body><h1>Medial Branch Blocks</h1>"
                   "<p>Relief from a medial branch block usually lasts several hours to a few days.</p></body></html>",
}


@pytest.fixture(scope="module")
def shared() -> Checker:
    return Checker(Config())


class _FileWatch:
    """Every file opened, listed, created, renamed or removed while `watching` is set, through an audit
    hook (hooks cannot be removed, so the hook stays installed and records only while the flag is on)."""

    events = ("open", "os.listdir", "os.scandir", "os.mkdir", "os.rename", "os.replace", "os.remove", "os.unlink")
    watching = False
    seen: list = []

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if cls.watching and event in cls.events:
            cls.seen.append((event, *args[:3]))

    @classmethod
    def during(cls, call):
        cls.seen, cls.watching = [], True
        try:
            return call()
        finally:
            cls.watching = False


sys.addaudithook(_FileWatch.hook)


def writes(events: list) -> list:
    """The events that change the filesystem: an open for writing (by mode, or by flags for os.open),
    mkdir, rename, replace, remove."""
    writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def changes(event: tuple) -> bool:
        if event[0] in ("os.listdir", "os.scandir"):
            return False
        if event[0] != "open":
            return True
        mode, flags = (event[2:4] + (None, None))[:2]
        return any(m in mode for m in "wax+") if isinstance(mode, str) else bool((flags or 0) & writing)

    return [e for e in events if changes(e)]


def test_api_check_texts_three_strings_in_memory_touches_no_file(tmp_path, monkeypatch):
    checker_ = Checker(Config())
    monkeypatch.chdir(tmp_path)  # the names are relative: a lookup of them would land here
    # first call: the Checker loads its data files and builds the pipeline; nothing is written
    warm = {"warm.txt": MBB_TEXTS["clinic.txt"], "warm.md": MBB_TEXTS["hospital.md"]}
    first = _FileWatch.during(lambda: checker_.check_texts(warm))
    assert writes(_FileWatch.seen) == [] and first.sources == ("warm.md", "warm.txt") and first.conflicts
    # from then on a check of texts does not touch the filesystem at all
    result = _FileWatch.during(lambda: checker_.check_texts(MBB_TEXTS))
    assert _FileWatch.seen == [], _FileWatch.seen
    assert list(tmp_path.iterdir()) == []
    assert set(result.sources) == set(MBB_TEXTS)
    mbb = [c for c in result.conflicts if c.subject == "medial branch block"]
    assert len(mbb) == 1 and mbb[0].rule == "CC001"
    by_source = {cc.claim.source: cc.claim.value_text for cc in mbb[0].claims}
    assert by_source["clinic.txt"] == "hours to days" and by_source["hospital.md"] == "several weeks or months"
    html = [c for c in result.claims if c.source == "centre.html"]
    assert [c.value_text for c in html] == ["several hours to a few days"]
    assert MBB_TEXTS["centre.html"][html[0].start:html[0].end] == html[0].quote  # offsets into the text given


def test_api_check_texts_format_comes_from_the_suffix(shared):
    markdown = "# Genicular Nerve Blocks\n\nRelief from a genicular nerve block usually lasts 3 to 6 months.\n"
    as_md = shared.check_texts({"a.md": markdown})
    as_txt = shared.check_texts({"a.txt": markdown})
    assert [c.value_text for c in as_md.claims] == [c.value_text for c in as_txt.claims] == ["3 to 6 months"]
    html = "<h1>Genicular Nerve Blocks</h1><p>Relief usually lasts <b>3 to 6 months</b>.</p>"
    assert [c.value_text for c in shared.check_texts({"a.html": html}).claims] == ["3 to 6 months"]
    assert shared.check_texts({"a.txt": html}).claims[0].quote.startswith("<h1>")  # as text, the markup stays


@pytest.mark.parametrize("texts, message", [
    ({"page.docx": "x"}, "must end in"),
    ({"page": "x"}, "must end in"),
    ({"page.txt": b"bytes"}, "must be a str"),
])
def test_api_check_texts_bad_input_is_a_usage_error(shared, texts, message):
    with pytest.raises(UsageError, match=message):
        shared.check_texts(texts)


def test_api_checker_builds_the_spacy_pipeline_once(tmp_path, monkeypatch):
    import checker.extract

    built = []
    real = checker.extract.Extractor

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            built.append(args)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(checker.extract, "Extractor", Counting)
    (tmp_path / "a.txt").write_text(MBB_TEXTS["clinic.txt"], encoding="utf-8")
    one = Checker(Config())
    one.check_texts(MBB_TEXTS)
    one.check_texts({"b.txt": MBB_TEXTS["clinic.txt"]})
    one.check_paths([str(tmp_path)])
    assert len(built) == 1
    Checker(Config()).check_texts(MBB_TEXTS)
    assert len(built) == 2  # a Checker is the unit of reuse


def test_api_warm_store_run_does_not_import_spacy(tmp_path):
    (tmp_path / "sources").mkdir()
    for name, text in MBB_TEXTS.items():
        (tmp_path / "sources" / name).write_text(text, encoding="utf-8")
    cold = Checker(Config()).check_paths([str(tmp_path / "sources")], store=tmp_path / "claims", write_store=True)
    assert len(cold.extracted) == 3
    script = ("import json, sys\nfrom checker import Checker, Config\n"
              f"r = Checker(Config()).check_paths([{str(tmp_path / 'sources')!r}],"
              f" store={str(tmp_path / 'claims')!r})\n"
              "print(json.dumps({'spacy': 'spacy' in sys.modules, 'extracted': len(r.extracted),"
              " 'conflicts': len(r.conflicts)}))\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert json.loads(proc.stdout) == {"spacy": False, "extracted": 0, "conflicts": len(cold.conflicts)}


def test_api_check_paths_defaults_to_the_configured_paths(tmp_path, shared):
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.txt").write_text(MBB_TEXTS["clinic.txt"], encoding="utf-8")
    result = Checker(Config(paths=(str(tmp_path / "pages"),))).check_paths()
    assert result.sources == ((tmp_path / "pages" / "a.txt").as_posix(),)
    assert shared.check_paths(tmp_path / "pages").sources == result.sources  # one path given as such


def test_api_changed_file_that_does_not_exist_is_a_usage_error(tmp_path, shared):
    (tmp_path / "a.txt").write_text(MBB_TEXTS["clinic.txt"], encoding="utf-8")
    with pytest.raises(UsageError, match="nonexist.md: no such file"):
        shared.check_paths([str(tmp_path)], changed=[str(tmp_path / "nonexist.md")])


def test_api_check_function_keeps_working(tmp_path):
    for name, text in MBB_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = checker.check([str(tmp_path)], Config())
    assert isinstance(result, CheckResult) and [c.rule for c in result.conflicts] == ["CC001"]
    from checker.pipeline import check as old_name

    assert old_name is checker.check


# --------------------------------------------------------------------------------------------------
# the gate and the baseline, on plain records


def conflict(cid: str, severity: str, decision: dict | None = None) -> Conflict:
    short = make_claim(id=f"{cid}s", source="a.txt", value_text="a few hours", low=7200.0, high=14400.0)
    long_ = make_claim(id=f"{cid}l", source="b.txt", value_text="3 to 6 months", low=7889400.0, high=15778800.0)
    return Conflict(id=cid, rule="CC001", severity=severity, subject="x", attribute="relief_duration",
                    condition=None, qualifier=None, kind="cross-document", message="m",
                    claims=(ConflictClaim(short, 0), ConflictClaim(long_, 1)), decision=decision)


def result(*conflicts: Conflict) -> CheckResult:
    return CheckResult(sources=("a.txt", "b.txt"), claims=(), conflicts=conflicts)


@pytest.mark.parametrize("severities, fails_at", [
    ((), set()),
    (("info",), {"info"}),
    (("warning",), {"info", "warning"}),
    (("error",), {"info", "warning", "error"}),
    (("info", "warning"), {"info", "warning"}),
])
def test_api_result_fails_from_the_threshold_up(severities, fails_at):
    r = result(*(conflict(f"c{n}", s) for n, s in enumerate(severities)))
    assert {level for level in ("info", "warning", "error") if r.fails(level)} == fails_at


def test_api_result_fails_never_on_accepted_always_on_rejected():
    accepted = conflict("a", "error", {"status": "accepted", "note": "", "stale": False})
    rejected = conflict("r", "info", {"status": "rejected", "note": "", "stale": False})
    stale = conflict("s", "error", {"status": "accepted", "note": "", "stale": True})
    assert not result(accepted).fails("info")
    assert result(rejected).fails("error")
    assert result(stale).fails("error")  # a value changed since it was accepted: it counts again
    with pytest.raises(ValueError, match="unknown severity"):
        result().fails("fatal")


def test_api_baseline_moves_known_conflicts_aside_but_keeps_rejected_ones(shared):
    known, new = conflict("k", "error"), conflict("n", "error")
    baseline = {"k": conflict_signature(known), "n": "0000000000000000"}  # n's values changed since
    narrowed = shared.narrow(result(known, new), baseline=baseline)
    assert [c.id for c in narrowed.conflicts] == ["n"] and [c.id for c in narrowed.baselined] == ["k"]
    rejected = {"k": decide(known, "rejected", "confirmed")}
    narrowed = shared.narrow(result(known, new), decisions=rejected, baseline=baseline)
    assert [c.id for c in narrowed.conflicts] == ["k", "n"] and narrowed.baselined == ()


def test_api_baseline_file_in_check_paths(tmp_path, shared):
    for name, text in MBB_TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    first = shared.check_paths([str(tmp_path)])
    baseline = tmp_path.parent / f"{tmp_path.name}-baseline.json"
    baseline.write_text(json.dumps(first.to_json()), encoding="utf-8")
    again = shared.check_paths([str(tmp_path)], baseline=baseline)
    assert again.conflicts == () and [c.id for c in again.baselined] == [c.id for c in first.conflicts]
    assert not again.fails("info") and first.fails("error")


def test_api_public_names_and_py_typed():
    for name in ("Checker", "check", "Config", "load_config", "find_config", "CheckResult", "Claim", "Conflict",
                 "CheckerError"):
        assert hasattr(checker, name), name
    assert issubclass(UsageError, CheckerError)
    assert (Path(checker.__file__).parent / "py.typed").is_file()
    assert dataclasses.is_dataclass(CheckResult)
