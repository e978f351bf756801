"""Scale (issue 12): the process pool, the claim store updated per source, the warm path that reads and
imports nothing it does not need, incremental detection, and the Dask engine. Each gives the output of
a run from scratch, byte for byte; none of these tests measures time (bench/ does)."""
import dataclasses
import json
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from checker import Checker, Config
from checker.cli import main
from checker.report import REPORTERS, ReportOptions
from checker.store import ClaimStore

from conftest import REPO, SHARED

RULE_PAGES = REPO / "tests" / "fixtures" / "rules"
MEDQUAD = SHARED / "corpora" / "medquad" / "pages"
# The Dask test's subset of the MedQuAD pages: topics starting with Ab, Ac or Al (133 pages from five
# collections, with conflicts across collections). bench/bench.py runs the whole corpus.
MEDQUAD_SUBSET = ("ab", "ac", "al")
LONG_AGO = time.time() - 3600  # page times an hour old: their size and time vouch for their content


def copy_pages(target: Path, source: Path = RULE_PAGES) -> Path:
    shutil.copytree(source, target)
    age(target)
    return target


def age(folder: Path) -> None:
    for page in folder.rglob("*.*"):
        os.utime(page, (LONG_AGO, LONG_AGO))


def conflicts_json(result) -> str:
    return REPORTERS["json"](result, ReportOptions())


def run_report(capsys, corpus: Path, out: Path, *options: str) -> dict:
    code = main(["report", str(corpus), "--out", str(out / "reports"), "--store", str(out / "claims"), "-q", *options])
    capsys.readouterr()
    assert code == 0
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_scale_jobs_two_gives_the_bytes_of_jobs_one(tmp_path, capsys, monkeypatch):
    from checker import pool

    corpus = copy_pages(tmp_path / "pages")
    shutil.copytree(REPO / "sources", corpus / "default")
    started = []
    real_pooled = pool._pooled
    monkeypatch.setattr(pool, "POOL_MIN_PAGES", 2)  # the pool starts for a handful of pages...
    monkeypatch.setattr(pool, "CHUNK", 3)  # ...and splits them over both workers
    monkeypatch.setattr(pool, "_pooled", lambda *a: started.append(a[2]) or real_pooled(*a))
    one = run_report(capsys, corpus, tmp_path / "one", "--jobs", "1")
    assert started == []
    two = run_report(capsys, corpus, tmp_path / "two", "--jobs", "2")
    assert started == [2]
    assert json.loads(two["reports/conflicts.json"])["conflicts"]
    assert set(one) == set(two) and all(one[name] == two[name] for name in one), \
        [name for name in one if one[name] != two.get(name)]


def test_scale_warm_run_reads_no_page_and_does_not_import_spacy(tmp_path):
    corpus = copy_pages(tmp_path / "pages")
    store = tmp_path / "claims"
    cold = Checker(Config()).check_paths([str(corpus)], store=str(store), write_store=True)
    script = f"""
import json, pathlib, sys
read, parsed = [], []  # file contents read (hashing too), and texts read (YAML is parsed from text)
real_bytes, real_text = pathlib.Path.read_bytes, pathlib.Path.read_text
pathlib.Path.read_bytes = lambda self: read.append(str(self)) or real_bytes(self)
pathlib.Path.read_text = lambda self, *a, **k: parsed.append(str(self)) or real_text(self, *a, **k)
from checker import Checker
result = Checker().check_paths([{str(corpus)!r}], store={str(store)!r}, write_store=True)
print(json.dumps({{"spacy": any(m == "spacy" or m.startswith("spacy.") for m in sys.modules),
                  "extracted": list(result.extracted), "conflicts": [c.id for c in result.conflicts],
                  "pages_read": [p for p in read + parsed if p.startswith({str(corpus)!r})],
                  "data_files_parsed": [p for p in parsed if p.endswith(".yaml")]}}))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path)
    warm = json.loads(out.stdout)
    assert warm == {"spacy": False, "extracted": [], "pages_read": [], "data_files_parsed": [],
                    "conflicts": [c.id for c in cold.conflicts]}


def test_scale_changed_page_is_the_only_one_extracted_and_a_touched_page_is_hashed_not_extracted(tmp_path):
    corpus = copy_pages(tmp_path / "pages")
    store = tmp_path / "claims"
    checker = Checker(Config())
    checker.check_paths([str(corpus)], store=str(store), write_store=True)
    pages = sorted(corpus.rglob("*.txt"))
    edited, touched = pages[0], pages[1]
    edited.write_text(edited.read_text() + "\nRelief from medial branch blocks lasts 2 years.\n")
    os.utime(touched)  # a new time, the same content
    warm = checker.check_paths([str(corpus)], store=str(store), write_store=True)
    assert warm.extracted == (edited.as_posix(),)
    fresh = Checker(Config()).check_paths([str(corpus)])
    assert conflicts_json(warm) == conflicts_json(fresh)
    assert [c.to_json() for c in warm.claims] == [c.to_json() for c in fresh.claims]
    age(corpus)
    again = checker.check_paths([str(corpus)], store=str(store), write_store=True)
    assert again.extracted == ()


def test_scale_store_appends_changed_sources_and_stays_consistent(tmp_path):
    corpus = copy_pages(tmp_path / "pages")
    store = ClaimStore(tmp_path / "claims")
    checker = Checker(Config())
    checker.check_paths([str(corpus)], store=str(store.directory), write_store=True)
    before = store.claims_path.read_bytes()
    page = sorted(corpus.rglob("*.txt"))[0]
    page.write_text(page.read_text() + "\nRelief from medial branch blocks lasts 2 years.\n")
    result = checker.check_paths([str(corpus)], store=str(store.directory), write_store=True)
    after = store.claims_path.read_bytes()
    assert after.startswith(before) and len(after) > len(before)  # appended, not rewritten
    loaded = store.load(checker.fingerprint())
    assert set(loaded) == set(result.sources)
    assert sorted(c.id for _sha, claims in loaded.values() for c in claims) == sorted(c.id for c in result.claims)


def test_scale_a_run_killed_before_its_index_leaves_the_old_store_whole(tmp_path, monkeypatch):
    corpus = copy_pages(tmp_path / "pages")
    store = ClaimStore(tmp_path / "claims")
    checker = Checker(Config())
    first = checker.check_paths([str(corpus)], store=str(store.directory), write_store=True)
    page = sorted(corpus.rglob("*.txt"))[0]
    page.write_text("Medial Branch Blocks\n\nRelief lasts 3 days.\n")

    def killed(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(ClaimStore, "_write_index", killed)
    with pytest.raises(KeyboardInterrupt):
        checker.check_paths([str(corpus)], store=str(store.directory), write_store=True)
    monkeypatch.undo()
    loaded = store.load(checker.fingerprint())  # the old index, pointing at the old segments
    assert sorted(c.id for _sha, claims in loaded.values() for c in claims) == sorted(c.id for c in first.claims)
    repaired = checker.check_paths([str(corpus)], store=str(store.directory), write_store=True)
    assert repaired.extracted == (page.as_posix(),)
    assert conflicts_json(repaired) == conflicts_json(Checker(Config()).check_paths([str(corpus)]))


def test_scale_a_damaged_segment_is_extracted_again_alone(tmp_path):
    corpus = copy_pages(tmp_path / "pages")
    store = ClaimStore(tmp_path / "claims")
    checker = Checker(Config())
    first = checker.check_paths([str(corpus)], store=str(store.directory), write_store=True)
    index = json.loads(store.index_path.read_text())["sources"]
    victim = max(index, key=lambda s: index[s]["claims"])
    data = bytearray(store.claims_path.read_bytes())
    data[index[victim]["offset"] + 10] ^= 1  # one bit of one segment
    store.claims_path.write_bytes(bytes(data))
    second = checker.check_paths([str(corpus)], store=str(store.directory), write_store=True)
    assert second.extracted == (victim,)
    # the damage is said once, in a note naming the store file and the source (issue 11); the rest of
    # the result is the first run's
    assert [n.source for n in second.notes] == [store.claims_path.as_posix()]
    assert "were damaged or missing" in second.notes[0].message and victim in second.notes[0].message
    assert conflicts_json(dataclasses.replace(second, notes=())) == conflicts_json(first)


EDITS = ("append", "change", "remove", "add", "touch")


def edit(corpus: Path, rng: random.Random, kind: str) -> None:
    pages = sorted(corpus.rglob("*.txt"))
    page = rng.choice(pages)
    if kind == "append":
        days = rng.choice(["2 days", "3 to 6 months", "several weeks", "about a year"])
        page.write_text(page.read_text() + f"\nRelief from medial branch blocks typically lasts {days}.\n")
    elif kind == "change":
        text = page.read_text()
        digits = [k for k, ch in enumerate(text) if ch.isdigit()]
        if digits:
            k = rng.choice(digits)
            page.write_text(text[:k] + str((int(text[k]) + 5) % 10) + text[k + 1:])
    elif kind == "remove" and len(pages) > 3:
        page.unlink()
    elif kind == "add":
        (corpus / f"added-{rng.randrange(10**6)}.txt").write_text(
            "Stellate Ganglion Blocks\n\nThe procedure takes about 2 hours. Relief lasts 1 to 2 days.\n")
    else:
        os.utime(page)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scale_incremental_detection_after_edits_is_full_detection(tmp_path, seed):
    """Property: after any few edits, a run that reuses stored claims and verdicts reports what a run from
    scratch reports; and it detected again fewer families than there are."""
    from checker.pool import LocalEngine

    class Counting(LocalEngine):
        detected: list = []

        def detect_families(self, families, config):
            self.detected.append(len(families))
            return super().detect_families(families, config)

    rng = random.Random(seed)
    corpus = copy_pages(tmp_path / "pages")
    shutil.copytree(REPO / "sources", corpus / "default")
    store = str(tmp_path / "claims")
    engine = Counting(jobs=1)
    incremental = Checker(Config(), engine=engine)
    incremental.check_paths([str(corpus)], store=store, write_store=True)
    total = engine.detected[-1]
    reused_somewhere = False
    for _ in range(4):
        edit(corpus, rng, rng.choice(EDITS))
        warm = incremental.check_paths([str(corpus)], store=store, write_store=True)
        full = Checker(Config()).check_paths([str(corpus)])
        assert conflicts_json(warm) == conflicts_json(full)
        assert [c.to_json() for c in warm.claims] == [c.to_json() for c in full.claims]
        reused_somewhere = reused_somewhere or engine.detected[-1] < total
        calls = len(engine.detected)
        unchanged = incremental.check_paths([str(corpus)], store=store, write_store=True)
        assert len(engine.detected) == calls  # nothing changed: nothing grouped or detected again
        assert conflicts_json(unchanged) == conflicts_json(full)
    assert reused_somewhere


def test_scale_incremental_detection_notices_a_change_of_policy(tmp_path):
    corpus = copy_pages(tmp_path / "pages")
    store = str(tmp_path / "claims")
    Checker(Config()).check_paths([str(corpus)], store=store, write_store=True)
    strict = Config(tolerance=0.0, vague_tolerance=0.0)
    loose = Config(tolerance=5.0, vague_tolerance=5.0)
    for config in (loose, strict):
        warm = Checker(config).check_paths([str(corpus)], store=store, write_store=True)
        assert conflicts_json(warm) == conflicts_json(Checker(config).check_paths([str(corpus)]))


def medquad_subset(target: Path) -> Path:
    target.mkdir()
    for page in sorted(MEDQUAD.iterdir()):
        if page.name.split("_")[1][:2].lower() in MEDQUAD_SUBSET:
            shutil.copy(page, target / page.name)
    age(target)
    return target


@pytest.mark.skipif(not MEDQUAD.is_dir(), reason="../shared/corpora/medquad is not beside the checkout")
def test_scale_dask_engine_on_two_workers_gives_the_local_engine_bytes(tmp_path, capsys):
    pytest.importorskip("distributed")
    corpus = medquad_subset(tmp_path / "pages")
    assert len(list(corpus.iterdir())) == 133
    dask_and_local_agree(tmp_path, capsys, corpus, "--jobs", "1")


@pytest.mark.skipif(not MEDQUAD.is_dir(), reason="../shared/corpora/medquad is not beside the checkout")
@pytest.mark.skipif(os.environ.get("CHECKER_FULL_MEDQUAD") != "1",
                    reason="all 5,486 MedQuAD pages take minutes: CHECKER_FULL_MEDQUAD=1 runs this")
def test_scale_dask_engine_on_two_workers_gives_the_local_engine_bytes_on_every_medquad_page(tmp_path, capsys):
    pytest.importorskip("distributed")
    shutil.copytree(MEDQUAD, tmp_path / "pages")
    age(tmp_path / "pages")
    dask_and_local_agree(tmp_path, capsys, tmp_path / "pages", "--jobs", "2")


def dask_and_local_agree(tmp_path: Path, capsys, corpus: Path, *local_options: str) -> None:
    local = run_report(capsys, corpus, tmp_path / "local", *local_options)
    dask = run_report(capsys, corpus, tmp_path / "dask", "--engine", "dask", "--jobs", "2")
    assert len(json.loads(local["reports/conflicts.json"])["conflicts"]) >= 3
    assert dask["reports/conflicts.json"] == local["reports/conflicts.json"]
    assert set(dask) == set(local) and all(dask[name] == local[name] for name in local), \
        [name for name in local if local[name] != dask.get(name)]


def test_scale_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path, capsys):
    code = main(["report", str(copy_pages(tmp_path / "pages")), "--scheduler", "tcp://127.0.0.1:1", "-q",
                 "--out", str(tmp_path / "r"), "--store", str(tmp_path / "c")])
    assert code == 2 and "--engine dask" in capsys.readouterr().err
