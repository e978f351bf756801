"""Shared fixtures: one spaCy pipeline per session, the packaged lexicons, and Claim builders."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.lexicon import Lexicons
from checker.model import Claim

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    return Lexicons.load()


@pytest.fixture(scope="session")
def nlp(lexicons):
    from checker.extract import build_pipeline

    return build_pipeline(lexicons)


@pytest.fixture
def in_repo(monkeypatch):
    """Run with the repository as working directory (the CLI's default paths are relative)."""
    monkeypatch.chdir(REPO)
    return REPO


def make_claim(**fields) -> Claim:
    """A plain Claim for stage tests; only what a test cares about needs to be given."""
    defaults = dict(id="c1", source="sources/a.txt", line=1, column=1, start=0, end=10, quote="quote",
                    value_text="3 days", value_start=0, value_end=6, attribute="relief_duration",
                    subject="medial branch block", low=259200.0, high=259200.0, unit="s")
    defaults.update(fields)
    return Claim(**defaults)
