"""The claim store under ``claims/``: every claim of every source, cached by content hash.

- ``claims/claims.jsonl``: one claim per line, sorted by source and offset, keys sorted: diffable.
- ``claims/index.json``: per source its SHA-256, its claim count, the checksum of its lines in
  claims.jsonl and its encoding; the checksum of claims.jsonl as a whole; the fingerprint of the
  pipeline (code version and data files) that extracted them. A source whose hash and pipeline match
  is not extracted again.

The store verifies itself: a source whose lines are missing, changed, malformed or of the wrong types
(a bad merge, a half-copied cache, a run killed between the two files) is a cache miss, extracted
again, and said once in a note; the other sources are still reused. JSON nesting is bounded before
anything is parsed, and a record must match the `Claim` schema field by field.

Every write goes to a temporary file in the same folder and is renamed over the old one, so a reader
never sees half a file and an interrupted run leaves the previous store intact; temporary files that a
killed run left behind are removed by the next write of the same file.
"""
from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import math
import os
import re
import tempfile
import time
import typing
from pathlib import Path
from typing import Iterable, Optional

from .errors import OutputError, display
from .model import Claim

STORE_VERSION = 2
MAX_JSON_DEPTH = 8  # a claim record nests 3 deep; anything far deeper is damage, never parsed
_STALE_UNOWNED_SECONDS = 3600  # a temporary file of unknown owner this old belongs to no live run


# --------------------------------------------------------------------------------------------------
# atomic writes


def atomic_write(path: str | Path, text: str | bytes) -> None:
    """Write ``text`` (or bytes, e.g. a workbook) to ``path`` through a temporary file renamed into
    place, so a reader never sees half a file; an `OutputError` (one line naming the path) when the
    path cannot be written."""
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
        binary = isinstance(text, bytes)
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n")) as handle:
            handle.write(text)
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


# --------------------------------------------------------------------------------------------------
# records


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


def _schema() -> dict:
    """Field name -> (check, required), from the annotations of `Claim`."""
    hints = typing.get_type_hints(Claim)
    checks = {}
    for f in dataclasses.fields(Claim):
        hint = hints[f.name]
        optional = type(None) in typing.get_args(hint)
        base = next((a for a in typing.get_args(hint) if a is not type(None)), hint) if optional else hint
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        checks[f.name] = (_CHECKS[base], optional, required)
    return checks


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _is_candidates(v) -> bool:
    return isinstance(v, list) and all(isinstance(c, list) and all(
        x is None or isinstance(x, (str, bool)) or _is_number(x) for x in c) for c in v)


_CHECKS = {str: lambda v: isinstance(v, str), int: lambda v: isinstance(v, int) and not isinstance(v, bool),
           bool: lambda v: isinstance(v, bool), float: _is_number, tuple: _is_candidates}
_SCHEMA = _schema()


def record_problem(record) -> Optional[str]:
    """What is wrong with a stored claim record, or None when it is a valid `Claim`."""
    if not isinstance(record, dict):
        return "not an object"
    for name, (check, optional, required) in _SCHEMA.items():
        if name not in record:
            if required:
                return f"no {name!r}"
            continue
        value = record[name]
        if not ((optional and value is None) or check(value)):
            return f"{name!r} has the wrong type ({type(value).__name__})"
    if not (0 <= record["start"] <= record["end"] and 0 <= record["value_start"] <= record["value_end"]):
        return "offsets out of order"
    return None


def json_depth(text: str) -> int:
    """How deep a JSON text nests (brackets inside strings do not count); linear in its length."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def bounded_json(text: str, max_depth: int = MAX_JSON_DEPTH):
    """``json.loads`` that refuses NaN/Infinity and nesting deeper than ``max_depth`` (a ValueError)."""
    if text.count("[") + text.count("{") > max_depth and json_depth(text) > max_depth:
        raise ValueError(f"nested more than {max_depth} deep")
    return json.loads(text, parse_constant=_no_constant)


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def pipeline_fingerprint(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x00")
    return digest.hexdigest()[:16]


def _lines_digest(lines: list) -> str:
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------------
# the store


class ClaimStore:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.index_path = self.directory / "index.json"
        self.claims_path = self.directory / "claims.jsonl"
        self.problem: Optional[tuple] = None  # (file, what the last load found damaged in it), or None

    def load(self, fingerprint: str) -> dict:
        """Cached claims by source: {source: (sha256, [Claim])} for every source whose stored claims
        verify; empty when the pipeline changed. What was damaged is in ``self.problem``."""
        self.problem = None
        for path in (self.claims_path, self.index_path):  # what a killed run left, even if nothing is written now
            remove_stale_temporaries(path)
        index = self._index(fingerprint)
        if index is None:
            return {}
        records, bad, unreadable = self._records(index)
        damaged = []
        cached = {}
        for source, meta in sorted(index["sources"].items()):
            lines = records.get(source, [])
            if source in bad or len(lines) != meta["claims"] or _lines_digest([t for t, _ in lines]) != meta["records"]:
                damaged.append(source)
                continue
            cached[source] = (meta["sha256"], [c for _, c in lines])
        if damaged or unreadable:
            self.problem = (self.claims_path.as_posix(), _damage(damaged, unreadable))
        return cached

    def _index(self, fingerprint: str) -> Optional[dict]:
        """The index when it is whole and of this pipeline; None (a full cache miss) otherwise."""
        if not self.index_path.exists():
            return None
        try:
            index = bounded_json(self.index_path.read_text(encoding="utf-8"), max_depth=4)
        except (OSError, ValueError, UnicodeDecodeError, RecursionError) as exc:
            self.problem = (self.index_path.as_posix(), f"damaged ({_brief(exc)}); every source extracted again")
            return None
        if not isinstance(index, dict) or index.get("version") != STORE_VERSION or index.get("pipeline") != fingerprint:
            return None  # another version or pipeline: expected after an upgrade, not worth a note
        if not _index_shape_ok(index):
            self.problem = (self.index_path.as_posix(), "not a claim store index; every source extracted again")
            return None
        return index

    def _records(self, index: dict) -> tuple[dict, set, int]:
        """Valid records by source, as (line, Claim) in file order, the sources with a bad record, and
        how many lines could not be read at all."""
        records: dict = {}
        bad: set = set()
        unreadable = 0
        try:
            text = self.claims_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return {}, set(index["sources"]), 0
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                record = bounded_json(line)
            except (ValueError, RecursionError):
                unreadable += 1  # unattributable: if it was a claim, the count of its source no longer matches
                continue
            source = record.get("source") if isinstance(record, dict) else None
            if record_problem(record) is not None:
                if isinstance(source, str):
                    bad.add(source)
                continue
            records.setdefault(source, []).append((line, claim_from_record(record)))
        return records, bad, unreadable

    def write(self, fingerprint: str, hashes: dict, claims: Iterable[Claim], encodings: Optional[dict] = None) -> None:
        claims = sorted(claims, key=lambda c: (c.source, c.start, c.value_start, c.id))
        lines_by_source: dict = {s: [] for s in hashes}
        lines = []
        for c in claims:
            line = json.dumps(claim_to_record(c), sort_keys=True, ensure_ascii=False, allow_nan=False)
            lines.append(line)
            lines_by_source.setdefault(c.source, []).append(line)
        body = "\n".join(lines) + ("\n" if lines else "")
        encodings = encodings or {}
        index = {
            "version": STORE_VERSION,
            "pipeline": fingerprint,
            "claims_sha256": hashlib.sha256(body.encode("utf-8")).hexdigest(),
            "sources": {s: {"sha256": hashes[s], "claims": len(lines_by_source.get(s, [])),
                            "records": _lines_digest(lines_by_source.get(s, [])),
                            "encoding": encodings.get(s, "utf-8")} for s in sorted(hashes)},
        }
        # claims first, index second: a run killed in between leaves an index whose checksums do not
        # match, so the sources that changed are extracted again and the others still reused
        atomic_write(self.claims_path, body)
        atomic_write(self.index_path, json.dumps(index, indent=2, sort_keys=True) + "\n")


def _damage(damaged: list, unreadable: int) -> str:
    """What a load found wrong in claims.jsonl, in one line."""
    if not damaged:
        return (f"{unreadable} line{'s' if unreadable != 1 else ''} that {'are' if unreadable != 1 else 'is'} "
                f"not a claim left out; the store is rewritten")
    names = ", ".join(display(s) for s in damaged[:3]) + (f" and {len(damaged) - 3} more" if len(damaged) > 3 else "")
    return (f"the stored claims of {len(damaged)} source{'s' if len(damaged) != 1 else ''} were damaged or "
            f"missing ({names}); extracted again")


def _index_shape_ok(index: dict) -> bool:
    sources = index.get("sources")
    if not isinstance(sources, dict):
        return False
    for source, meta in sources.items():
        if not (isinstance(meta, dict) and isinstance(meta.get("sha256"), str) and isinstance(meta.get("records"), str)
                and isinstance(meta.get("claims"), int) and not isinstance(meta.get("claims"), bool)):
            return False
    return True


def _brief(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:120] + "…") if len(text) > 120 else (text or type(exc).__name__)
