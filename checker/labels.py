"""Unambiguous names for source files in messages and reports.

``source_labels(sources)`` gives each file the shortest end of its path that no other file in
``sources`` shares: the file name ("botox-for-migraine.md") when it is unique, else with as many of
its folders as it takes ("clinic-a/botox.md" beside "clinic-b/botox.md"). A name is always a real
path ending, never a cut-down stem ("botox-for"), which could stand for several files. Names are found
with one count per depth, not by comparing every pair.
"""
from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from typing import Iterable


def source_labels(sources: Iterable[str]) -> dict:
    parts = {s: PurePosixPath(s).parts or (s,) for s in set(sources)}
    labels: dict = {}
    pending = set(parts)
    depth = 1
    while pending:
        tails = Counter(parts[s][-depth:] for s in parts)
        for s in sorted(pending):
            tail = parts[s][-depth:]
            if tails[tail] == 1 or depth >= len(parts[s]):
                labels[s] = s if depth >= len(parts[s]) else "/".join(tail)
                pending.discard(s)
        depth += 1
    return labels


def short_source(source: str) -> str:
    """The file name: what a label is when no other file shares it."""
    return PurePosixPath(source).name
