import json
import os

import pytest

from checker import Config
from checker.pipeline import check
from checker.store import STORE_VERSION, ClaimStore, atomic_write


def corpus(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Medial Branch Blocks\n\nRelief from the block lasts hours to days.\n")
    (src / "b.txt").write_text("Medial Branch Blocks\n\nRelief from medial branch blocks may last several weeks or months.\n")
    return src


def test_store_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "x.json"
    atomic_write(target, "one")
    atomic_write(target, "two")
    assert target.read_text() == "two"
    assert os.listdir(target.parent) == ["x.json"]


def test_store_atomic_write_keeps_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "x.txt"
    atomic_write(target, "old")
    with pytest.raises(TypeError):
        atomic_write(target, None)  # type: ignore[arg-type]
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["x.txt"]


def test_store_reuses_unchanged_sources_and_reextracts_changed_ones(tmp_path):
    src = corpus(tmp_path)
    store = tmp_path / "claims"
    first = check([str(src)], Config(), store=str(store), write_store=True)
    assert len(first.extracted) == 2
    second = check([str(src)], Config(), store=str(store), write_store=True)
    assert second.extracted == ()
    assert [c.to_json() for c in second.claims] == [c.to_json() for c in first.claims]
    (src / "b.txt").write_text("Medial Branch Blocks\n\nRelief may last 2 days.\n")
    third = check([str(src)], Config(), store=str(store), write_store=True)
    assert [p.endswith("b.txt") for p in third.extracted] == [True]
    assert not third.conflicts


def test_store_files_are_sorted_and_deterministic(tmp_path):
    src = corpus(tmp_path)
    store = tmp_path / "claims"
    check([str(src)], Config(), store=str(store), write_store=True)
    first = (store / "claims.jsonl").read_bytes(), (store / "index.json").read_bytes()
    (store / "claims.jsonl").unlink()
    check([str(src)], Config(), store=str(store), write_store=True)
    assert ((store / "claims.jsonl").read_bytes(), (store / "index.json").read_bytes()) == first
    rows = [json.loads(line) for line in first[0].decode().splitlines()]
    assert [(r["source"], r["start"]) for r in rows] == sorted((r["source"], r["start"]) for r in rows)
    index = json.loads(first[1])
    assert set(index["sources"]) == {f"{src.as_posix()}/a.txt", f"{src.as_posix()}/b.txt"}


def test_store_damaged_store_is_rebuilt(tmp_path):
    src = corpus(tmp_path)
    store = tmp_path / "claims"
    store.mkdir()
    (store / "index.json").write_text("{not json")
    (store / "claims.jsonl").write_text("garbage\n")
    result = check([str(src)], Config(), store=str(store), write_store=True)
    assert len(result.extracted) == 2
    assert json.loads((store / "index.json").read_text())["version"] == STORE_VERSION


def test_store_pipeline_change_invalidates_cache(tmp_path):
    src = corpus(tmp_path)
    s = ClaimStore(tmp_path / "claims")
    check([str(src)], Config(), store=str(s.directory), write_store=True)
    assert s.load("another-fingerprint") == {}


def test_store_index_of_the_wrong_shape_is_a_cache_miss(tmp_path):
    src = corpus(tmp_path)
    store = tmp_path / "claims"
    store.mkdir()
    (store / "index.json").write_text("null")
    (store / "claims.jsonl").write_text("")
    result = check([str(src)], Config(), store=str(store), write_store=True)
    assert len(result.extracted) == 2
