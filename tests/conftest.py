"""Shared fixtures: one extractor (spaCy pipeline) per session, the packaged knowledge, Claim builders."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.knowledge import Knowledge, default_knowledge
from checker.model import Claim

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return default_knowledge()


@pytest.fixture(scope="session")
def extractor():
    from checker.extract import Extractor

    return Extractor()


@pytest.fixture
def in_repo(monkeypatch):
    """Run with the repository as working directory (the CLI's default paths are relative)."""
    monkeypatch.chdir(REPO)
    return REPO


def make_claim(**fields) -> Claim:
    """A plain Claim for stage tests; only what a test cares about needs to be given."""
    defaults = dict(id="c1", source="sources/a.txt", line=1, column=1, start=0, end=10, quote="quote",
                    value_text="3 days", value_start=0, value_end=6, attribute="relief_duration",
                    subject="medial branch block", low=259200.0, high=259200.0, unit="s", kind="duration")
    defaults.update(fields)
    return Claim(**defaults)
