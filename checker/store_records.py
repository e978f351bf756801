"""Claim records of the claim store (`checker.store`): a `Claim` as its line in claims.jsonl and back,
the schema a stored record must match field by field, bounded JSON parsing, and the fingerprints and
checksums the store keeps. Every name here is importable from `checker.store` as well.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import sys
import typing
from typing import Optional

from .model import Claim

MAX_JSON_DEPTH = 8  # a claim record nests 3 deep; anything far deeper is damage, never parsed


# --------------------------------------------------------------------------------------------------
# records


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
    return json.dumps(claim_to_record(claim), sort_keys=True, ensure_ascii=False, allow_nan=False)


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


def _checksum(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:16]
