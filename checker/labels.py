"""Short, unambiguous names for source files in messages and reports.

``source_labels(sources)`` gives each file the shortest tail of its path that no other file shares,
cut at '_', '-' or '.' where that is enough ("004" for "004_f26dbb.txt"), else the whole file name,
else the path's last folders too ("clinic-a/botox.md" and "clinic-b/botox.md"). Labels are found by
sorting, not by comparing every pair of names.
"""
from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from typing import Iterable


def _prefixes(stem: str) -> list[str]:
    cuts = [k for k, ch in enumerate(stem) if ch in "_-."] + [len(stem)]
    return [stem[:k] for k in cuts if k]


def source_labels(sources: Iterable[str]) -> dict:
    sources = sorted(set(sources))
    paths = {s: PurePosixPath(s) for s in sources}
    stems = {s: p.stem for s, p in paths.items()}
    stem_count = Counter(stems.values())
    prefix_count: Counter = Counter()
    for s in sources:
        for prefix in set(_prefixes(stems[s])):
            prefix_count[prefix] += 1
    labels = {}
    for s in sources:
        stem = stems[s]
        if stem_count[stem] > 1:
            labels[s] = _distinct_path(s, [o for o in sources if stems[o] == stem])
            continue
        labels[s] = stem
        for prefix in _prefixes(stem):
            # a prefix is enough when no other file's name starts with it at a cut
            if prefix_count[prefix] == 1:
                labels[s] = prefix
                break
    return labels


def _distinct_path(source: str, same_stem: list) -> str:
    parts = PurePosixPath(source).parts
    for depth in range(2, len(parts) + 1):
        tail = "/".join(parts[-depth:])
        if sum(1 for o in same_stem if "/".join(PurePosixPath(o).parts[-depth:]) == tail) == 1:
            return tail
    return source


def short_source(source: str) -> str:
    return PurePosixPath(source).stem
