"""The claim store under ``claims/``: every claim of every source, cached by content hash and updated
per source.

- ``claims/claims.jsonl``: one claim per line, keys sorted. A source's claims are one run of lines (a
  *segment*), sorted by offset. A store written from scratch is sorted by source: diffable.
- ``claims/index.json``: the fingerprint of the pipeline (code version and data files) that extracted
  the claims, and per source its SHA-256, claim count, size and modification time, and where its
  segment lies in claims.jsonl (byte offset, length, checksum). A source whose hash and pipeline match
  is not extracted again; one whose size and modification time match is not even read.
- ``claims/verdicts.json``: detection's verdicts per family of claim groups (`checker.verdicts`), so
  that a warm run re-detects only the families that hold a changed claim.

An update appends the segments of the sources that changed to claims.jsonl (one write, synced) and
then replaces index.json; the segments they replace become garbage, and once garbage outweighs the
live claims the file is rewritten sorted. Every whole-file write goes to a temporary file in the same
folder that is renamed over the old one. So a reader never sees half a file, and a run killed between
the two steps leaves an index that still points at the old, intact segments. Every segment is checked
against its checksum when read: a damaged or shifted segment is a cache miss for that source only.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from .model import Claim

STORE_VERSION = 3  # 3: an entry keeps its page's suppression comments
# A file modified this soon before it was read might change again within the same timestamp tick, so
# its size and time do not vouch for its content; it is hashed on the next run instead (git's "racily
# clean" entries).
RACY_NS = 2_000_000_000


def atomic_write(path: str | Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes, e.g. a workbook) to a temporary file beside ``path``, then rename it
    into place: a reader never sees half a file."""
    if isinstance(text, bytes):
        with atomic_file(path) as handle:
            handle.write(text)
        return
    if not isinstance(text, str):
        raise TypeError(f"atomic_write writes text or bytes, not {type(text).__name__}")
    atomic_write_chunks(path, (text,))


@contextlib.contextmanager
def atomic_file(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through: a temporary file in the same folder, synced and renamed
    over ``path`` when the block ends, removed if it fails."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates the file 0600; reports and the store are shared files, so give them the mode an
        # ordinary open() would (0666 less the umask).
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


WRITE_SLICE = 1 << 20  # characters encoded at a time: a large text is not copied whole into bytes


def atomic_write_chunks(path: str | Path, chunks: Iterable[str]) -> None:
    """Write the concatenation of ``chunks`` (str) as UTF-8 to ``path`` atomically (`atomic_file`),
    a slice of about `WRITE_SLICE` characters at a time."""
    with atomic_file(path) as handle:
        pending: list[str] = []
        size = 0
        for chunk in chunks:
            if not isinstance(chunk, str):
                raise TypeError(f"atomic_write writes text, not {type(chunk).__name__}")
            if len(chunk) >= WRITE_SLICE:
                handle.write("".join(pending).encode("utf-8"))
                pending, size = [], 0
                for begin in range(0, len(chunk), WRITE_SLICE):
                    handle.write(chunk[begin:begin + WRITE_SLICE].encode("utf-8"))
                continue
            pending.append(chunk)
            size += len(chunk)
            if size >= WRITE_SLICE:
                handle.write("".join(pending).encode("utf-8"))
                pending, size = [], 0
        handle.write("".join(pending).encode("utf-8"))


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


_FIELD_SET = frozenset(_CLAIM_FIELDS)
# Fields whose values repeat across claims (a page's path, names, vocabulary): decoded JSON gives every
# claim its own copy, so they are shared, which keeps a large corpus's claims in a third of the memory.
_SHARED = ("source", "attribute", "condition", "qualifier", "hedge", "subject", "subject_text", "context", "unit",
           "rule", "kind", "subject_origin")
_SHARED_AT = tuple(_CLAIM_FIELDS.index(name) for name in _SHARED)
_CANDIDATES_AT = _CLAIM_FIELDS.index("subject_candidates")


def _share(value):
    return sys.intern(value) if type(value) is str else value


def _shared_candidates(candidates) -> tuple:
    return tuple(tuple(_share(part) for part in c) for c in candidates)


def claim_from_record(record: dict) -> Claim:
    # the store's own records have exactly Claim's fields: filtering key by key is for other writers
    values = dict(record) if record.keys() <= _FIELD_SET else {k: v for k, v in record.items() if k in _FIELD_SET}
    for name in _SHARED:
        if name in values:
            values[name] = _share(values[name])
    values["subject_candidates"] = _shared_candidates(values.get("subject_candidates", ()))
    return Claim(**values)


def claim_line(claim: Claim) -> str:
    """A claim as its line in claims.jsonl (without the newline)."""
    return json.dumps(claim_to_record(claim), sort_keys=True, ensure_ascii=False)


def claim_as_tuple(claim: Claim) -> tuple:
    """A claim as the tuple of its field values: the compact form extraction workers send back (a
    pickled tuple of plain values is a fraction of a pickled dataclass, and faster to rebuild)."""
    return tuple(getattr(claim, name) for name in _CLAIM_FIELDS)


def claim_from_tuple(values: tuple) -> Claim:
    shared = list(values)
    for at in _SHARED_AT:
        shared[at] = _share(shared[at])
    shared[_CANDIDATES_AT] = _shared_candidates(shared[_CANDIDATES_AT])
    return Claim(*shared)


def pipeline_fingerprint(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


def _checksum(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]


@dataclass(frozen=True)
class Entry:
    """What the index records of one source."""

    sha256: str
    claims: int
    size: Optional[int] = None  # the file's size and modification time when it was read; None when
    mtime_ns: Optional[int] = None  # they do not vouch for its content (a text in memory, a racy file)
    offset: int = 0  # the source's segment in claims.jsonl
    length: int = 0
    checksum: str = ""
    suppress: Optional[dict] = None  # the page's <!-- checker: ... --> comments (`PageSuppressions.to_json`)

    def same_file(self, size: int, mtime_ns: int) -> bool:
        return self.size is not None and self.size == size and self.mtime_ns == mtime_ns

    def to_json(self) -> dict:
        data = {"sha256": self.sha256, "claims": self.claims, "offset": self.offset, "length": self.length,
                "checksum": self.checksum}
        if self.size is not None:
            data.update(size=self.size, mtime_ns=self.mtime_ns)
        if self.suppress is not None:
            data["suppress"] = self.suppress
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Entry":
        size, mtime = data.get("size"), data.get("mtime_ns")
        entry = cls(sha256=str(data["sha256"]), claims=int(data["claims"]),
                    size=int(size) if size is not None else None, mtime_ns=int(mtime) if mtime is not None else None,
                    offset=int(data["offset"]), length=int(data["length"]), checksum=str(data["checksum"]),
                    suppress=data.get("suppress"))
        if entry.offset < 0 or entry.length < 0 or entry.claims < 0:
            raise ValueError("negative offset, length or count")
        if entry.suppress is not None and not isinstance(entry.suppress, dict):
            raise ValueError("suppress is not an object")
        return entry


def stat_vouches(mtime_ns: int, read_ns: int) -> bool:
    """Whether a file's size and modification time may stand for its content next time: not when it was
    modified so shortly before it was read that a further edit could keep the same timestamp."""
    return read_ns - mtime_ns > RACY_NS


@dataclass
class Segment:
    """The claims of one source to be written: its entry (offsets filled in on write) and its lines."""

    source: str
    sha256: str
    lines: list  # of str, one claim each, sorted
    size: Optional[int] = None
    mtime_ns: Optional[int] = None
    suppress: Optional[dict] = None


class ClaimStore:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.index_path = self.directory / "index.json"
        self.claims_path = self.directory / "claims.jsonl"
        self.verdicts_path = self.directory / "verdicts.json"

    # ----------------------------------------------------------------------------------------------
    # reading

    def index(self, fingerprint: str) -> dict[str, Entry]:
        """The entries by source; empty when there is no store, it is damaged, or the pipeline changed."""
        try:
            data = json.loads(self.index_path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != STORE_VERSION \
                    or data.get("pipeline") != fingerprint or not isinstance(data.get("sources"), dict):
                return {}
            if not self.claims_path.is_file():
                return {}
            return {str(s): Entry.from_json(e) for s, e in data["sources"].items()}
        except (OSError, ValueError, TypeError, AttributeError, KeyError):
            return {}  # a damaged store is a cache miss, not a failure: the next write rebuilds it

    def read_raw(self, entries: dict[str, Entry]) -> Iterator[tuple[str, Optional[bytes]]]:
        """(source, its segment's bytes) for each entry, in file order; None when the segment does not
        match its length and checksum (a damaged store: extract that source again)."""
        ordered = sorted(entries.items(), key=lambda item: item[1].offset)
        try:
            handle = self.claims_path.open("rb")
        except OSError:
            for source, _entry in ordered:
                yield source, None
            return
        with handle:
            for source, entry in ordered:
                handle.seek(entry.offset)
                data = handle.read(entry.length)
                ok = len(data) == entry.length and _checksum(data) == entry.checksum
                yield source, data if ok else None

    def read_segments(self, entries: dict[str, Entry]) -> Iterator[tuple[str, Optional[list[Claim]]]]:
        """(source, its claims) for each entry, in file order; None when the segment is damaged or does
        not parse."""
        for source, data in self.read_raw(entries):
            yield source, _parse_segment(source, entries[source], data) if data is not None else None

    def load(self, fingerprint: str) -> dict:
        """Cached claims by source: {source: (sha256, [Claim])}; empty when the pipeline changed. A source
        whose segment is damaged is left out (extracted again)."""
        entries = self.index(fingerprint)
        return {s: (entries[s].sha256, claims) for s, claims in self.read_segments(entries) if claims is not None}

    # ----------------------------------------------------------------------------------------------
    # writing

    def writer(self, fingerprint: str, kept: dict[str, Entry]) -> "StoreWriter":
        """A writer that makes the store hold ``kept`` (entries already in claims.jsonl, their size and
        time possibly updated) plus the segments added to it."""
        return StoreWriter(self, fingerprint, kept)

    def write(self, fingerprint: str, hashes: dict, claims: Iterable[Claim]) -> None:
        """The whole store from scratch: ``hashes`` {source: sha256} and every claim of those sources."""
        by_source: dict[str, list[Claim]] = {s: [] for s in hashes}
        for claim in claims:
            by_source.setdefault(claim.source, []).append(claim)
        writer = self.writer(fingerprint, {})
        for source in sorted(by_source):
            writer.add(Segment(source, hashes[source], [claim_line(c) for c in sorted(by_source[source], key=claim_order)]))
        writer.commit()

    def _write_index(self, fingerprint: str, entries: dict[str, Entry]) -> None:
        index = {
            "version": STORE_VERSION,
            "pipeline": fingerprint,
            "sources": {s: entries[s].to_json() for s in sorted(entries)},
        }
        atomic_write(self.index_path, json.dumps(index, indent=1, sort_keys=True) + "\n")


class StoreWriter:
    """Adds segments to the store as they come, so that no run holds every claim's line at once.

    Segments are appended to claims.jsonl when the store holds live claims to keep (a run killed half way
    leaves garbage after them, never a broken index); otherwise they go to a temporary file. On `commit`,
    a store that is new, or whose garbage would outweigh its live claims, is rewritten sorted by source
    (raw bytes copied, nothing parsed); then index.json is replaced."""

    def __init__(self, store: ClaimStore, fingerprint: str, kept: dict[str, Entry]) -> None:
        self.store, self.fingerprint = store, fingerprint
        self.entries = dict(kept)
        self.added: dict[str, Entry] = {}
        try:
            size = store.claims_path.stat().st_size
        except OSError:
            size = 0
        valid = bool(kept) and size >= max(e.offset + e.length for e in kept.values())
        self.base_size = size if valid else 0
        store.directory.mkdir(parents=True, exist_ok=True)
        if valid:
            self.log = store.claims_path
        else:
            fd, name = tempfile.mkstemp(prefix=".claims.jsonl.", suffix=".log.tmp", dir=store.directory)
            os.close(fd)
            self.log = Path(name)
            self.entries = {}  # nothing to keep from a file that does not hold them
        self.fd = os.open(self.log, os.O_WRONLY | os.O_APPEND)
        self.written = 0

    def add(self, segment: Segment) -> None:
        blob = _segment_data(segment)
        # one write with O_APPEND: two runs appending at once cannot interleave their segments
        written = 0
        while written < len(blob):
            written += os.write(self.fd, blob[written:])
        end = os.lseek(self.fd, 0, os.SEEK_CUR)
        self.added[segment.source] = _entry(segment, end - len(blob), blob)
        self.written += len(blob)

    def commit(self) -> dict[str, Entry]:
        """Sync, compact when due, replace the index; returns the index written."""
        os.fsync(self.fd)
        os.close(self.fd)
        entries = {s: e for s, e in self.entries.items() if s not in self.added}
        log_entries = dict(self.added)
        if self.log == self.store.claims_path:
            log_entries.update(entries)
            live = sum(e.length for e in log_entries.values())
            if self.base_size + self.written - live > live:
                log_entries = self._compact(log_entries)
        else:
            try:
                log_entries = self._compact(log_entries)
            finally:
                os.unlink(self.log)
        self.store._write_index(self.fingerprint, log_entries)
        return log_entries

    def abort(self) -> None:
        try:
            os.close(self.fd)
        except OSError:
            pass
        if self.log != self.store.claims_path:
            try:
                os.unlink(self.log)
            except OSError:
                pass

    def _compact(self, entries: dict[str, Entry]) -> dict[str, Entry]:
        """claims.jsonl rewritten from the log: every live segment, sorted by source."""
        out: dict[str, Entry] = {}
        offset = 0
        with atomic_file(self.store.claims_path) as target, open(self.log, "rb") as log:
            for source in sorted(entries):
                entry = entries[source]
                log.seek(entry.offset)
                blob = log.read(entry.length)
                if len(blob) != entry.length or _checksum(blob) != entry.checksum:
                    continue  # damaged: that source is extracted next time
                target.write(blob)
                out[source] = dataclasses.replace(entry, offset=offset)
                offset += len(blob)
        return out


def claim_order(claim: Claim) -> tuple:
    return (claim.source, claim.start, claim.value_start, claim.id)


def _segment_data(seg: Segment) -> bytes:
    return "".join(line + "\n" for line in seg.lines).encode("utf-8")


def _entry(seg: Segment, offset: int, blob: bytes) -> Entry:
    return Entry(sha256=seg.sha256, claims=len(seg.lines), size=seg.size, mtime_ns=seg.mtime_ns, offset=offset,
                 length=len(blob), checksum=_checksum(blob), suppress=seg.suppress)


def _parse_segment(source: str, entry: Entry, data: bytes) -> Optional[list[Claim]]:
    try:
        # the segment's lines as one JSON array: one call to the decoder instead of one per claim
        lines = [line for line in data.decode("utf-8").split("\n") if line]
        claims = [claim_from_record(record) for record in json.loads("[" + ",".join(lines) + "]")]
    except (ValueError, TypeError, AttributeError, KeyError):
        return None
    if len(claims) != entry.claims or any(c.source != source for c in claims):
        return None
    return claims


def now_ns() -> int:
    return time.time_ns()
