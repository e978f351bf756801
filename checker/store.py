"""The claim store under ``claims/``: every claim of every source, cached by content hash.

- ``claims/claims.jsonl``: one claim per line, sorted by source and offset, keys sorted: diffable.
- ``claims/index.json``: per source its SHA-256 and claim count, and the fingerprint of the pipeline
  (code version and data files) that extracted them. A source whose hash and pipeline match is not
  extracted again.

Every write goes to a temporary file in the same folder and is renamed over the old one, so a reader
never sees half a file and an interrupted run leaves the previous store intact.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Iterable

from .model import Claim

STORE_VERSION = 1


def atomic_write(path: str | Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes, e.g. a workbook) to a temporary file beside ``path``, then rename it
    into place: a reader never sees half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates the file 0600; reports and the store are shared files, so give them the mode an
        # ordinary open() would (0666 less the umask).
        os.chmod(tmp, 0o666 & ~_umask())
        binary = isinstance(text, bytes)
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))


def claim_to_record(claim: Claim) -> dict:
    # Claim's fields are flat values except subject_candidates; dataclasses.asdict deep-copies every
    # field recursively and dominated the store write on large corpora.
    record = {name: getattr(claim, name) for name in _CLAIM_FIELDS}
    record["subject_candidates"] = [list(c) for c in claim.subject_candidates]
    return record


def claim_from_record(record: dict) -> Claim:
    values = {k: v for k, v in record.items() if k in _CLAIM_FIELDS}
    values["subject_candidates"] = tuple(tuple(c) for c in values.get("subject_candidates", ()))
    return Claim(**values)


def pipeline_fingerprint(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


class ClaimStore:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.index_path = self.directory / "index.json"
        self.claims_path = self.directory / "claims.jsonl"

    def load(self, fingerprint: str) -> dict:
        """Cached claims by source: {source: (sha256, [Claim])}; empty when the pipeline changed."""
        if not self.index_path.exists() or not self.claims_path.exists():
            return {}
        try:
            index = json.loads(self.index_path.read_text(encoding="utf-8"))
            if not isinstance(index, dict) or not isinstance(index.get("sources", {}), dict):
                return {}
            if index.get("version") != STORE_VERSION or index.get("pipeline") != fingerprint:
                return {}
            by_source: dict = {s: [] for s in index.get("sources", {})}
            with self.claims_path.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        claim = claim_from_record(json.loads(line))
                        by_source.setdefault(claim.source, []).append(claim)
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            return {}  # a damaged store is a cache miss, not a failure: the next write rebuilds it
        return {s: (meta.get("sha256"), by_source.get(s, [])) for s, meta in index.get("sources", {}).items()}

    def write(self, fingerprint: str, hashes: dict, claims: Iterable[Claim]) -> None:
        claims = sorted(claims, key=lambda c: (c.source, c.start, c.value_start, c.id))
        counts: dict = {s: 0 for s in hashes}
        for c in claims:
            counts[c.source] = counts.get(c.source, 0) + 1
        lines = [json.dumps(claim_to_record(c), sort_keys=True, ensure_ascii=False) for c in claims]
        atomic_write(self.claims_path, "\n".join(lines) + ("\n" if lines else ""))
        index = {
            "version": STORE_VERSION,
            "pipeline": fingerprint,
            "sources": {s: {"sha256": hashes[s], "claims": counts.get(s, 0)} for s in sorted(hashes)},
        }
        atomic_write(self.index_path, json.dumps(index, indent=2, sort_keys=True) + "\n")
