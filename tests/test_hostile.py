"""Hostile input, damaged stores and odd paths (issue 11): a clear one-line error naming the file, the
batch goes on (the good pages' conflict is still reported), nothing hidden, bounded cost.

Every page kind of `hostile_corpus.KINDS` is checked next to two good pages that disagree; its run is
timed against a baseline run in the same test (the good pages and ordinary prose of the same size),
as a ratio: no absolute timings.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

from checker.cli import main
from hostile_corpus import ENTRIES, GOOD_CONFLICT, KINDS, ordinary_page, write_good, write_kind

RATIO = 10  # a hostile page may cost this many times ordinary prose of the same size, no more


def _strict_json(text: str):
    def refuse(name):
        raise AssertionError(f"{name} in JSON")

    return json.loads(text, parse_constant=refuse)


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def timed(capsys, *argv) -> tuple[float, int, str, str]:
    started = time.perf_counter()
    code, out, err = run(capsys, *argv)
    return time.perf_counter() - started, code, out, err


@pytest.fixture(scope="module", autouse=True)
def warm_pipeline(tmp_path_factory):
    """Build the spaCy pipeline once, so that no timed run pays for it."""
    folder = tmp_path_factory.mktemp("warm")
    write_good(folder)
    assert main(["check", str(folder), "-q"]) == 1


def _has_good_conflict(data: dict) -> bool:
    return any((c["subject"], c["attribute"]) == GOOD_CONFLICT for c in data["conflicts"])


def _baseline(capsys, tmp_path: Path, size: int) -> float:
    folder = tmp_path / "baseline"
    write_good(folder)
    (folder / "ordinary.txt").write_text(ordinary_page(size), encoding="utf-8")
    elapsed, code, out, _ = timed(capsys, "check", str(folder), "--format", "json")
    assert code == 1 and _has_good_conflict(_strict_json(out))
    return elapsed


def _assert_one_error(data: dict, err: str, path: Path, phrase: str) -> None:
    source = path.as_posix()
    assert [e["source"] for e in data["errors"]] == [source]
    message = data["errors"][0]["message"]
    assert phrase in message and "\n" not in message
    lines = [line for line in err.splitlines() if "error" in line]
    assert len(lines) == 1 and source in lines[0] and phrase in lines[0]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_hostile_page_is_read_or_named_and_the_batch_goes_on(kind, tmp_path, capsys):
    baseline = _baseline(capsys, tmp_path, kind.size)
    folder = tmp_path / "hostile"
    write_good(folder)
    path = write_kind(folder, kind)
    elapsed, code, out, err = timed(capsys, "check", str(folder), "--format", "json")
    data = _strict_json(out)
    assert code == (2 if kind.error else 1), err
    assert _has_good_conflict(data)
    if kind.error:
        _assert_one_error(data, err, path, kind.error)
    else:
        assert data["errors"] == [] and data["sources"] == 3
    assert elapsed <= kind.ratio * baseline, f"{elapsed:.2f}s against a baseline of {baseline:.2f}s"
    if kind.absent:
        code, out, _ = run(capsys, "claims", str(path), "--format", "json")
        quotes = " ".join(c["quote"] for c in _strict_json(out))
        assert "6 to 12 months" in quotes  # the prose around is still read
        assert not [phrase for phrase in kind.absent if phrase in quotes]


@pytest.mark.parametrize("name", sorted(ENTRIES))
def test_hostile_folder_entry_is_skipped_with_its_reason(name, tmp_path, capsys):
    baseline = _baseline(capsys, tmp_path, 1000)
    folder = tmp_path / "hostile"
    write_good(folder)
    maker, reason = ENTRIES[name]
    path = maker(folder)
    elapsed, code, out, err = timed(capsys, "check", str(folder), "--format", "json")
    data = _strict_json(out)
    assert code == 1 and _has_good_conflict(data) and data["errors"] == []
    notes = [n for n in data["notes"] if n["source"] == path.as_posix()]
    assert len(notes) == 1 and reason in notes[0]["message"]
    assert f"{path.as_posix()}: skipped: {reason}" in err
    assert elapsed <= RATIO * baseline


def test_hostile_unreadable_subfolder_is_skipped_with_its_reason(tmp_path, capsys, monkeypatch):
    # as root a mode of 000 does not stop reading, so the refusal is what os.scandir would raise
    write_good(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "page.txt").write_text("Relief lasts 3 days.\n")
    real_scandir = os.scandir

    def scandir(path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    notes = {n["source"]: n["message"] for n in _strict_json(out)["notes"]}
    assert code == 1 and notes[locked.as_posix()] == "skipped: cannot list the folder: Permission denied"


@pytest.mark.parametrize("make", ["fifo", "dev_null"])
def test_hostile_explicit_path_that_is_no_file_is_an_error(make, tmp_path, capsys):
    write_good(tmp_path)
    if make == "fifo":
        target = tmp_path / "pipe.txt"
        os.mkfifo(target)
    else:
        target = Path("/dev/null")
    code, out, err = run(capsys, "check", str(tmp_path / "good_a.txt"), str(tmp_path / "good_b.txt"), str(target),
                         "--format", "json")
    data = _strict_json(out)
    assert code == 2 and _has_good_conflict(data)
    _assert_one_error(data, err, target, "not a regular file")


def test_hostile_missing_path_is_a_usage_error(tmp_path, capsys):
    code, out, err = run(capsys, "check", str(tmp_path / "nope"))
    assert code == 2 and out == "" and err.count("\n") == 1 and "nope: no such file or directory" in err


def test_hostile_file_name_with_a_newline_stays_one_line(tmp_path, capsys):
    write_good(tmp_path)
    bad = tmp_path / "bad\n::error file=x::boom.txt"
    bad.write_bytes(b"\x00binary")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    data = _strict_json(out)
    assert code == 2 and _has_good_conflict(data)
    assert data["errors"][0]["source"] == bad.as_posix()
    assert "\n" not in data["errors"][0]["message"] and "bad\\n::error" in data["errors"][0]["message"]
    assert not [line for line in err.splitlines() if line.startswith("::")]


# --------------------------------------------------------------------------------------------------
# limits


def _config(tmp_path: Path, text: str) -> None:
    (tmp_path / "checker.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("setting, page, phrase", [
    ("max_page_size = 20000", 30_000, "over the page size limit of 20 KB (max_page_size)"),
    ("max_claims_per_page = 20", 8_000, "over the limit of 20 per page (max_claims_per_page)"),
])
def test_hostile_page_over_a_limit_is_that_pages_error(setting, page, phrase, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _config(tmp_path, setting + "\n")
    write_good(tmp_path / "src")
    (tmp_path / "src" / "big.txt").write_text(ordinary_page(page))
    code, out, err = run(capsys, "check", "src", "--format", "json")
    data = _strict_json(out)
    assert code == 2 and _has_good_conflict(data)
    _assert_one_error(data, err, Path("src/big.txt"), phrase)


def test_hostile_page_over_the_time_limit_is_stopped_and_named(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _config(tmp_path, "max_seconds_per_page = 0.2\nmax_block_size = 2000\n")
    write_good(tmp_path / "src")
    (tmp_path / "src" / "slow.txt").write_text(ordinary_page(300_000))
    started = time.perf_counter()
    code, out, err = run(capsys, "check", "src", "--format", "json")
    elapsed = time.perf_counter() - started
    data = _strict_json(out)
    assert code == 2 and _has_good_conflict(data)
    _assert_one_error(data, err, Path("src/slow.txt"), "extraction stopped after 0.2 s (max_seconds_per_page)")
    baseline = _baseline(capsys, tmp_path, 2_000)
    assert elapsed <= RATIO * baseline + 1.0  # stopped: not the whole page's extraction time


def test_hostile_block_size_beyond_what_spacy_reads_is_a_config_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _config(tmp_path, "max_block_size = 2000000\n")
    code, out, err = run(capsys, "check", ".")
    assert code == 2 and "max_block_size must be at most 100,000" in err and err.count("\n") == 1


def test_hostile_failure_inside_extraction_is_that_pages_error(tmp_path, capsys, monkeypatch):
    from checker.extract import Extractor

    real = Extractor.extract

    def extract(self, document, block_docs=None, deadline=None):
        if document.source.endswith("crash.txt"):
            raise KeyError("a bug met on this page")
        return real(self, document, block_docs, deadline)

    monkeypatch.setattr(Extractor, "extract", extract)
    write_good(tmp_path)
    (tmp_path / "crash.txt").write_text("Relief lasts 3 days.\n")
    code, out, err = run(capsys, "check", str(tmp_path), "--format", "json")
    data = _strict_json(out)
    assert code == 2 and _has_good_conflict(data)
    _assert_one_error(data, err, tmp_path / "crash.txt", "could not be checked (KeyError: 'a bug met on this page')")


def test_hostile_huge_number_is_no_claim_and_no_json_holds_infinity(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_good(tmp_path / "src")
    (tmp_path / "src" / "big.txt").write_text("Medial Branch Blocks\n\nRelief lasts " + "9" * 400 + " days, and "
                                              "affects " + "9" * 400 + " people.\n")
    code, _, err = run(capsys, "report", "src", "-q")
    assert code == 0, err
    for path in [*Path("reports").iterdir(), Path("claims/claims.jsonl"), Path("claims/index.json")]:
        if path.suffix == ".xlsx":  # the workbook is a zip of XML parts: read those
            with zipfile.ZipFile(path) as book:
                text = "".join(book.read(name).decode("utf-8") for name in book.namelist())
        else:
            text = path.read_text(encoding="utf-8")
        assert "Infinity" not in text and "NaN" not in text, path
        if path.suffix == ".json":
            _strict_json(text)
    records = [_strict_json(line) for line in Path("claims/claims.jsonl").read_text().splitlines()]
    assert not [r for r in records if r["source"].endswith("big.txt")]


# --------------------------------------------------------------------------------------------------
# damaged stores


def _report(capsys, *extra) -> tuple[int, str]:
    code, _, err = run(capsys, "report", "src", "--out", "reports", "--store", "claims", *extra)
    return code, err


def _stored(tmp_path: Path, capsys, monkeypatch) -> tuple[bytes, dict]:
    monkeypatch.chdir(tmp_path)
    write_good(tmp_path / "src")
    (tmp_path / "src" / "more.txt").write_text(ordinary_page(2000))
    assert _report(capsys)[0] == 0
    return (Path("reports") / "conflicts.json").read_bytes(), {
        p.name: p.read_bytes() for p in Path("claims").iterdir()}


def _delete_a_line(lines: list) -> list:
    return lines[:1] + lines[2:]


def _wrong_type(lines: list) -> list:
    record = json.loads(lines[0])
    record["start"] = "abc"
    return [json.dumps(record)] + lines[1:]


def _deep_nesting(lines: list) -> list:
    return lines + ["[" * 100_000 + "]" * 100_000]


def _not_json(lines: list) -> list:
    return lines[:-1] + [lines[-1][: len(lines[-1]) // 2]]  # a half-written last line


@pytest.mark.parametrize("damage", [_delete_a_line, _wrong_type, _deep_nesting, _not_json],
                         ids=lambda f: f.__name__.strip("_"))
def test_hostile_damaged_claims_are_extracted_again_and_said_once(damage, tmp_path, capsys, monkeypatch):
    clean_report, clean_store = _stored(tmp_path, capsys, monkeypatch)
    claims = Path("claims/claims.jsonl")
    claims.write_text("\n".join(damage(claims.read_text().splitlines())) + "\n")
    code, out, err = run(capsys, "check", "src", "--store", "claims", "--format", "json")
    data = _strict_json(out)
    assert code == 1 and _has_good_conflict(data)
    assert data["conflicts"] == _strict_json(clean_report)["conflicts"]
    assert [n["source"] for n in data["notes"]] == ["claims/claims.jsonl"]
    assert ("were damaged or missing" in data["notes"][0]["message"]
            or "not a claim left out" in data["notes"][0]["message"]) and err.count("claims/claims.jsonl") == 1
    assert {p.name: p.read_bytes() for p in Path("claims").iterdir()} == clean_store  # repaired
    code, out, err = run(capsys, "check", "src", "--store", "claims", "--format", "json")
    assert "notes" not in _strict_json(out) and "claims.jsonl" not in err  # said once


@pytest.mark.parametrize("index", ["[]", '{"version": 2}', "[" * 100_000, "{not json", '{"sources": 5}'])
def test_hostile_damaged_index_is_a_cache_miss(index, tmp_path, capsys, monkeypatch):
    clean_report, clean_store = _stored(tmp_path, capsys, monkeypatch)
    Path("claims/index.json").write_text(index)
    code, out, _ = run(capsys, "check", "src", "--store", "claims", "--format", "json")
    assert code == 1 and _strict_json(out)["conflicts"] == _strict_json(clean_report)["conflicts"]
    assert {p.name: p.read_bytes() for p in Path("claims").iterdir()} == clean_store


def test_hostile_index_of_this_pipeline_with_the_wrong_shape_is_noted(tmp_path, capsys, monkeypatch):
    _stored(tmp_path, capsys, monkeypatch)
    index = json.loads(Path("claims/index.json").read_text())
    index["sources"] = {s: {"sha256": 5} for s in index["sources"]}
    Path("claims/index.json").write_text(json.dumps(index))
    code, out, err = run(capsys, "check", "src", "--store", "claims", "--format", "json")
    assert code == 1 and "not a claim store index" in _strict_json(out)["notes"][0]["message"]


def test_hostile_store_file_that_is_a_folder_exits_2_with_one_line(tmp_path, capsys, monkeypatch):
    _stored(tmp_path, capsys, monkeypatch)
    Path("claims/claims.jsonl").unlink()
    Path("claims/claims.jsonl").mkdir()
    code, err = _report(capsys)
    assert code == 2 and err.strip() == "checker: error: E401 claims/claims.jsonl: cannot write: it is a folder"


def test_hostile_leftover_temporary_files_are_removed(tmp_path, capsys, monkeypatch):
    _stored(tmp_path, capsys, monkeypatch)
    dead = Path("claims/.claims.jsonl.999999999.abcd1234.tmp")
    old = Path("reports/.report.md.abcd1234.tmp")
    mine = Path(f"claims/.index.json.{os.getpid()}.abcd1234.tmp")  # a live writer's: kept
    for path in (dead, old, mine):
        path.write_text("half")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    (tmp_path / "src" / "good_a.txt").write_text("Medial Branch Blocks\n\nRelief lasts hours to a day.\n")
    assert _report(capsys)[0] == 0
    assert not dead.exists() and not old.exists() and mine.exists()


# --------------------------------------------------------------------------------------------------
# output paths


@pytest.mark.parametrize("argv, culprit", [
    (["report", "src", "--out", "afile"], "afile: cannot write in this folder: afile is a file, not a folder"),
    (["report", "src", "--store", "afile/claims"], "afile/claims: cannot write in this folder: afile is a file"),
    (["check", "src", "--output", "adir"], "adir: cannot write: it is a folder"),
    (["check", "src", "--store", "afile"], "afile: cannot write in this folder: afile is a file, not a folder"),
    (["baseline", "src", "-o", "adir"], "adir: cannot write: it is a folder"),
    (["check", "src", "--changed", "src/nope.txt"], "changed file src/nope.txt: no such file"),
    (["check", "src", "--decisions", "nope.json"], "nope.json: decisions file not found"),
    (["report", "src", "--decisions", "nope.json"], "nope.json: decisions file not found"),
])
def test_hostile_output_path_that_cannot_be_used_exits_2_with_one_line(argv, culprit, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_good(tmp_path / "src")
    Path("afile").write_text("x")
    Path("adir").mkdir()
    code, out, err = run(capsys, *argv)
    assert code == 2 and err.count("\n") == 1 and culprit in err, err
    assert not list(Path(".").glob("*/*.json")) and not list(Path(".").glob("*/*.jsonl"))  # refused before the run


def _refuse_writes_in(monkeypatch, folder: Path) -> None:
    """What a read-only folder does to a writer that is not root (the tests run as root)."""
    real = tempfile.mkstemp

    def mkstemp(*args, dir=None, **kwargs):
        if dir is not None and Path(dir).resolve() == folder.resolve():
            raise PermissionError(13, "Permission denied")
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)


def test_hostile_read_only_report_folder_exits_2_before_the_run(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_good(tmp_path / "src")
    Path("reports").mkdir()
    _refuse_writes_in(monkeypatch, Path("reports"))
    code, err = _report(capsys)
    assert code == 2 and err == "checker: error: E401 reports: cannot write in this folder: permission denied\n"
    assert not Path("claims").exists() or not list(Path("claims").iterdir())


def test_hostile_read_only_decisions_folder_exits_2(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_good(tmp_path / "src")
    Path("team").mkdir()
    _refuse_writes_in(monkeypatch, Path("team"))
    code, out, err = run(capsys, "review", "accept", "f5a1", "src", "--decisions", "team/decisions.json")
    assert code == 2 and err == "checker: error: E401 team: cannot write in this folder: permission denied\n"


def test_hostile_report_of_the_current_folder_never_reads_its_own_output(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_good(tmp_path)
    counts = []
    for _ in range(3):
        code, _, err = run(capsys, "report", ".")
        assert code == 0, err
        counts.append(_strict_json(Path("reports/conflicts.json").read_text())["claims"])
    assert counts == [2, 2, 2]


def test_hostile_gitignore_include_and_exclude_are_honoured(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_good(tmp_path / "site")
    (tmp_path / "site" / "public").mkdir()
    (tmp_path / "site" / "public" / "good_a.html").write_text("<p>Relief lasts 2 years.</p>")  # a built copy
    (tmp_path / "site" / "drafts").mkdir()
    (tmp_path / "site" / "drafts" / "d.txt").write_text("Relief lasts 2 years.\n")
    (tmp_path / "site" / "notes.txt").write_text("Relief lasts 2 years.\n")
    (tmp_path / "site" / "keep.txt").write_text("Relief lasts 2 days.\n")
    (tmp_path / ".git").mkdir()  # the site is in a repository whose root ignores the built site
    (tmp_path / ".gitignore").write_text("public/\n")
    (tmp_path / "site" / ".gitignore").write_text("*.txt\n!good_*.txt\n!keep.txt\n!drafts/\n!drafts/*.txt\n")
    _config(tmp_path, 'exclude = ["site/drafts/"]\ninclude = ["*.txt", "*.md"]\n')
    code, out, _ = run(capsys, "claims", "site", "--format", "json")
    sources = sorted({c["source"] for c in _strict_json(out)})
    assert code == 0 and sources == ["site/good_a.txt", "site/good_b.txt", "site/keep.txt"]


def test_hostile_glued_number_run_costs_what_prose_costs_in_the_normalizer():
    # the read stage blanks a 40,000-character word before the normalizer sees it; the normalizer on
    # its own (the library's normalize and find_quantities) must still read such a run in linear time
    from checker.quantities import find_quantities

    prose = ordinary_page(40_000)
    started = time.perf_counter()
    find_quantities(prose)
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    assert find_quantities("1-" * 20_000) == []
    assert time.perf_counter() - started <= RATIO * baseline


def test_hostile_number_too_large_for_a_float_is_no_quantity():
    # 400 digits read as inf (a claim of infinite days), and the bare plural after them as "days";
    # the normalizer on its own must read neither (the read stage blanks such a run before it)
    from checker.quantities import find_quantities, normalize

    assert find_quantities("Relief lasts " + "9" * 400 + " days.") == []
    assert normalize("9" * 400 + " days") is None
    assert [q.text for q in find_quantities("Relief lasts for days, then 9 days.")] == ["days", "9 days"]
    # nor is a word or a notation that float() reads as non-finite a number
    for number in ("inf", "nan", "Infinity", "1e999"):
        assert find_quantities(f"Relief lasts {number} days.") == [], number
        assert normalize(f"{number} days") is None, number


@pytest.mark.parametrize("option, name, phrase", [
    ("--decisions", "decisions.json", "not valid JSON (RecursionError"),
    ("--baseline", "baseline.json", "not a checker baseline (RecursionError"),
])
def test_hostile_deeply_nested_decisions_or_baseline_exit_2_with_one_line(option, name, phrase, tmp_path, capsys):
    write_good(tmp_path)
    (tmp_path / name).write_text("[" * 100_000)
    code, out, err = run(capsys, "check", str(tmp_path), option, str(tmp_path / name))
    assert code == 2 and err.count("\n") == 1 and phrase in err


def test_hostile_unexpected_failure_is_exit_2_with_one_line_never_a_traceback(tmp_path, capsys, monkeypatch):
    from checker.api import Checker

    def broken(*args, **kwargs):
        raise RuntimeError("something nobody foresaw\nsecond line")

    monkeypatch.setattr(Checker, "check_paths", broken)
    monkeypatch.delenv("CHECKER_DEBUG", raising=False)
    write_good(tmp_path)
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and err.count("\n") == 1
    assert "internal error (RuntimeError: something nobody foresaw second line)" in err
