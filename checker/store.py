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

The store verifies itself: a source whose segment is missing, changed, malformed or of the wrong types
(a bad merge, a half-copied cache, a run killed between the two files) is a cache miss, extracted
again, and said once in a note; the other sources are still reused, and the store is rewritten whole.
JSON nesting is bounded before anything is parsed, and a record must match the `Claim` schema field by
field. Temporary files that a killed run left behind are removed by the next write of the same file.
"""
from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from .errors import OutputError, display
from .model import Claim
# the records part of the store (checker/store_records.py), every name importable from here as before
from .store_records import (  # noqa: F401
    MAX_JSON_DEPTH, _CANDIDATES_AT, _CHECKS, _CLAIM_FIELDS, _FIELD_SET, _SCHEMA, _SHARED, _SHARED_AT,
    _checksum, _is_candidates, _is_number, _no_constant, _schema, _share, _shared_candidates, bounded_json,
    claim_as_tuple, claim_from_record, claim_from_tuple, claim_line, claim_to_record, json_depth,
    pipeline_fingerprint, record_problem,
)

STORE_VERSION = 4  # 3: an entry keeps its page's suppression comments; 4: and its encoding
# A file modified this soon before it was read might change again within the same timestamp tick, so
# its size and time do not vouch for its content; it is hashed on the next run instead (git's "racily
# clean" entries).
RACY_NS = 2_000_000_000
_STALE_UNOWNED_SECONDS = 3600  # a temporary file of unknown owner this old belongs to no live run


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
    _ensure_parent(path)
    if path.is_dir():
        raise OutputError(f"{display(path.as_posix())}: cannot write: it is a folder")
    remove_stale_temporaries(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    try:
        # mkstemp creates the file 0600; reports and the store are shared files, so give them the mode an
        # ordinary open() would (0666 less the umask).
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from None
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


def _ensure_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in [path.parent, *path.parent.parents] if p.exists() and not p.is_dir()), path.parent)
        raise OutputError(f"{display(path.as_posix())}: cannot write: {display(blocker.as_posix())} is a file, "
                          f"not a folder") from None
    except OSError as exc:
        raise _cannot_write(path, exc) from None


def _cannot_write(path: Path, exc: OSError) -> OutputError:
    reason = "it is a folder" if exc.errno == errno.EISDIR else (exc.strerror or str(exc)).lower()
    return OutputError(f"{display(path.as_posix())}: cannot write: {reason}")


def writable_folder(folder: str | Path) -> None:
    """Check before a long run that ``folder`` is (or can be made) a folder we can write in: an
    `OutputError` otherwise, so that a batch never ends without its reports."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in [folder, *folder.parents] if p.exists() and not p.is_dir()), folder)
        raise OutputError(f"{display(folder.as_posix())}: cannot write in this folder: "
                          f"{display(blocker.as_posix())} is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(f"{display(folder.as_posix())}: cannot write in this folder: "
                          f"{(exc.strerror or str(exc)).lower()}") from None
    remove_stale_temporaries(folder / "checker-probe")  # a probe of a run killed right here
    try:
        fd, probe = tempfile.mkstemp(prefix=f".checker-probe.{os.getpid()}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{display(folder.as_posix())}: cannot write in this folder: "
                          f"{(exc.strerror or str(exc)).lower()}") from None
    os.close(fd)
    os.unlink(probe)


def writable_file(path: str | Path) -> None:
    """Check before a run that ``path`` can be written as a file (not a folder, in a writable folder)."""
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"{display(path.as_posix())}: cannot write: it is a folder")
    writable_folder(path.parent)


_TEMPORARY_RE = re.compile(r"\.(\d+)\.[A-Za-z0-9_]+\.tmp\Z")


def remove_stale_temporaries(path: Path) -> None:
    """Remove the temporary files of ``path`` that a killed run left: those of a process that is gone
    (the pid is in the name), and, from older versions, any older than an hour."""
    prefix = f".{path.name}."
    try:
        names = [n for n in os.listdir(path.parent) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        owner = _TEMPORARY_RE.match(name[len(prefix) - 1:])
        candidate = path.parent / name
        if owner and _alive(int(owner.group(1))):
            continue
        if not owner and _age(candidate) < _STALE_UNOWNED_SECONDS:
            continue
        try:
            candidate.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


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
    encoding: str = "utf-8"  # the page's encoding, and how it was found (`checker.read.decode`)
    encoding_source: str = ""

    def same_file(self, size: int, mtime_ns: int) -> bool:
        return self.size is not None and self.size == size and self.mtime_ns == mtime_ns

    def to_json(self) -> dict:
        data = {"sha256": self.sha256, "claims": self.claims, "offset": self.offset, "length": self.length,
                "checksum": self.checksum}
        if self.size is not None:
            data.update(size=self.size, mtime_ns=self.mtime_ns)
        if self.suppress is not None:
            data["suppress"] = self.suppress
        data["encoding"] = self.encoding
        if self.encoding_source:
            data["encoding_source"] = self.encoding_source
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Entry":
        size, mtime = data.get("size"), data.get("mtime_ns")
        if not isinstance(data, dict) or not isinstance(data.get("sha256"), str) \
                or not isinstance(data.get("claims"), int) or isinstance(data.get("claims"), bool):
            raise ValueError("not an entry")
        entry = cls(sha256=str(data["sha256"]), claims=int(data["claims"]),
                    size=int(size) if size is not None else None, mtime_ns=int(mtime) if mtime is not None else None,
                    offset=int(data["offset"]), length=int(data["length"]), checksum=str(data["checksum"]),
                    suppress=data.get("suppress"), encoding=str(data.get("encoding", "utf-8")),
                    encoding_source=str(data.get("encoding_source", "")))
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
    encoding: str = "utf-8"
    encoding_source: str = ""


class ClaimStore:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.index_path = self.directory / "index.json"
        self.claims_path = self.directory / "claims.jsonl"
        self.verdicts_path = self.directory / "verdicts.json"
        self.problem: Optional[tuple] = None  # (file, what reading found damaged in it), or None
        self.interrupted = False  # a run was killed while it wrote the store: rewrite it whole

    # ----------------------------------------------------------------------------------------------
    # reading

    def index(self, fingerprint: str) -> dict[str, Entry]:
        """The entries by source; empty when there is no store, it is damaged, or the pipeline changed.
        A damaged index is said in ``self.problem``."""
        self.problem = None
        self.interrupted = _interrupted_writer(self.directory)
        for path in (self.claims_path, self.index_path):  # what a killed run left, even if nothing is written now
            remove_stale_temporaries(path)
        if not self.index_path.exists():
            return {}
        try:
            data = bounded_json(self.index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError, RecursionError) as exc:
            self.problem = (self.index_path.as_posix(), f"damaged ({_brief(exc)}); every source extracted again")
            return {}
        if not isinstance(data, dict) or data.get("version") != STORE_VERSION or data.get("pipeline") != fingerprint:
            return {}  # another version or pipeline: expected after an upgrade, not worth a note
        try:
            if not isinstance(data.get("sources"), dict):
                raise ValueError("no sources")
            entries = {str(s): Entry.from_json(e) for s, e in data["sources"].items()}
        except (ValueError, TypeError, AttributeError, KeyError):
            self.problem = (self.index_path.as_posix(), "not a claim store index; every source extracted again")
            return {}
        if not self.claims_path.is_file():
            return {}  # a cache miss; writing says what is wrong with the path, if anything
        return entries

    def canonical(self, entries: dict[str, Entry]) -> bool:
        """Whether claims.jsonl is what a write from scratch of ``entries`` gives: their segments sorted by
        source, back to back, and nothing else (no replaced segments, none appended out of order)."""
        offset = 0
        for source in sorted(entries):
            if entries[source].offset != offset:
                return False
            offset += entries[source].length
        try:
            return self.claims_path.stat().st_size == offset
        except OSError:
            return False

    def read_raw(self, entries: dict[str, Entry]) -> Iterator[tuple[str, Optional[bytes]]]:
        """(source, its segment's bytes) for each entry, in file order; None when the segment does not
        match its length and checksum (a damaged store: extract that source again)."""
        ordered = sorted(entries.items(), key=lambda item: item[1].offset)
        self.unreadable = 0
        try:
            handle = self.claims_path.open("rb")
        except OSError:
            for source, _entry in ordered:
                yield source, None
            return
        with handle:
            at = 0
            for source, entry in ordered:
                if entry.offset > at:  # the lines of other sources, replaced or not read now: claims all
                    self.unreadable += _unreadable_lines(handle.read(entry.offset - at))
                handle.seek(entry.offset)
                data = handle.read(entry.length)
                ok = len(data) == entry.length and _checksum(data) == entry.checksum
                at = max(at, entry.offset + len(data))
                yield source, data if ok else None
            handle.seek(at)
            self.unreadable += _unreadable_lines(handle.read())

    def read_segments(self, entries: dict[str, Entry]) -> Iterator[tuple[str, Optional[list[Claim]]]]:
        """(source, its claims) for each entry, in file order; None when the segment is damaged or does
        not parse. What was damaged is said in ``self.problem`` once every segment was read."""
        damaged = []
        for source, data in self.read_raw(entries):
            claims = _parse_segment(source, entries[source], data) if data is not None else None
            if claims is None:
                damaged.append(source)
            yield source, claims
        if damaged or self.unreadable:
            self.problem = (self.claims_path.as_posix(), _damage(sorted(damaged), self.unreadable))

    def load(self, fingerprint: str) -> dict:
        """Cached claims by source: {source: (sha256, [Claim])}; empty when the pipeline changed. A source
        whose segment is damaged is left out (extracted again)."""
        entries = self.index(fingerprint)
        return {s: (entries[s].sha256, claims) for s, claims in self.read_segments(entries) if claims is not None}

    # ----------------------------------------------------------------------------------------------
    # writing

    def writer(self, fingerprint: str, kept: dict[str, Entry], rewrite: bool = False) -> "StoreWriter":
        """A writer that makes the store hold ``kept`` (entries already in claims.jsonl, their size and
        time possibly updated) plus the segments added to it; ``rewrite``: claims.jsonl rewritten whole
        on commit (after damage was found in it)."""
        return StoreWriter(self, fingerprint, kept, rewrite)

    def write(self, fingerprint: str, hashes: dict, claims: Iterable[Claim], encodings: Optional[dict] = None) -> None:
        """The whole store from scratch: ``hashes`` {source: sha256} and every claim of those sources
        (``encodings``: {source: encoding} of the pages not in UTF-8)."""
        encodings = encodings or {}
        by_source: dict[str, list[Claim]] = {s: [] for s in hashes}
        for claim in claims:
            by_source.setdefault(claim.source, []).append(claim)
        writer = self.writer(fingerprint, {})
        for source in sorted(by_source):
            writer.add(Segment(source, hashes[source], [claim_line(c) for c in sorted(by_source[source], key=claim_order)],
                               encoding=encodings.get(source, "utf-8")))
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

    def __init__(self, store: ClaimStore, fingerprint: str, kept: dict[str, Entry], rewrite: bool = False) -> None:
        self.store, self.fingerprint, self.rewrite = store, fingerprint, rewrite
        self.entries = dict(kept)
        self.added: dict[str, Entry] = {}
        try:
            size = store.claims_path.stat().st_size
        except OSError:
            size = 0
        valid = bool(kept) and size >= max(e.offset + e.length for e in kept.values())
        self.base_size = size if valid else 0
        store.directory.mkdir(parents=True, exist_ok=True)
        self.marker: Optional[Path] = None
        if valid:
            self.log = store.claims_path
            # says "a run is appending" until the index is written: left by a killed run, it makes the
            # next run rewrite the store whole (`ClaimStore.interrupted`), not keep what it appended
            fd, name = tempfile.mkstemp(prefix=f".claims.jsonl.{os.getpid()}.", suffix="_append.tmp",
                                        dir=store.directory)
            os.close(fd)
            self.marker = Path(name)
        else:
            fd, name = tempfile.mkstemp(prefix=f".claims.jsonl.{os.getpid()}.", suffix="_log.tmp",
                                        dir=store.directory)
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
            if self.rewrite or self.base_size + self.written - live > live:
                log_entries = self._compact(log_entries)
        else:
            try:
                log_entries = self._compact(log_entries)
            finally:
                os.unlink(self.log)
        self.store._write_index(self.fingerprint, log_entries)
        self._unmark()
        return log_entries

    def _unmark(self) -> None:
        if self.marker is not None:
            try:
                os.unlink(self.marker)
            except OSError:
                pass

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
        self._unmark()  # the index still points at the old, intact segments

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
                 length=len(blob), checksum=_checksum(blob), suppress=seg.suppress, encoding=seg.encoding,
                 encoding_source=seg.encoding_source)


def _parse_segment(source: str, entry: Entry, data: bytes) -> Optional[list[Claim]]:
    try:
        # the segment's lines as one JSON array: one call to the decoder instead of one per claim
        lines = [line for line in data.decode("utf-8").split("\n") if line]
        # the segment matched its checksum (our own bytes): its nesting is bounded; its records are
        # still checked against the schema
        records = json.loads("[" + ",".join(lines) + "]", parse_constant=_no_constant)
        if not isinstance(records, list) or any(record_problem(r) is not None for r in records):
            return None
        claims = [claim_from_record(record) for record in records]
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError):
        return None
    if len(claims) != entry.claims or any(c.source != source for c in claims):
        return None
    return claims


_WRITER_RE = re.compile(r"\.claims\.jsonl\.(\d+)\.[A-Za-z0-9_]+_(?:append|log)\.tmp\Z")


def _interrupted_writer(directory: Path) -> bool:
    """Whether a store writer's marker or log of a process that is gone is in ``directory``."""
    try:
        names = os.listdir(directory)
    except OSError:
        return False
    return any((m := _WRITER_RE.match(n)) is not None and not _alive(int(m.group(1))) for n in names)


def _unreadable_lines(data: bytes) -> int:
    """How many lines of ``data`` are not a valid claim record (damage, not replaced claims)."""
    count = 0
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        try:
            if record_problem(bounded_json(line.decode("utf-8"))) is not None:
                count += 1
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            count += 1
    return count


def _damage(damaged: list, unreadable: int) -> str:
    """What a read found wrong in claims.jsonl, in one line."""
    if not damaged:
        return (f"{unreadable} line{'s' if unreadable != 1 else ''} that {'are' if unreadable != 1 else 'is'} "
                f"not a claim left out; the store is rewritten")
    names = ", ".join(display(s) for s in damaged[:3]) + (f" and {len(damaged) - 3} more" if len(damaged) > 3 else "")
    return (f"the stored claims of {len(damaged)} source{'s' if len(damaged) != 1 else ''} were damaged or "
            f"missing ({names}); extracted again")


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:120] + "…") if len(text) > 120 else (text or type(exc).__name__)


def now_ns() -> int:
    return time.time_ns()
