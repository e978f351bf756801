"""Incremental detection: re-detect only the families of claim groups that changed.

Detection is independent per *family*, the groups of one subject, attribute, condition and unit
(`checker.detect.reassign_unqualified` moves claims between the groups of a family, never further). A
family's verdict (its conflicts, or none) is stored under a digest of everything detection reads:
each group's subject, attribute, condition and qualifier, and each claim's id and the hash of its page.
A claim's content is fixed by its page's hash and the pipeline fingerprint (both in the digest's
salt), so a family whose digest is unchanged would be judged the same: its stored verdict is reused.
A page edit changes the digests of the families holding its claims, and only those are detected
again.

Stored in ``claims/verdicts.json``: the salt, per digest the conflicts (each claim named by id: the
claims themselves come from the groups), and the digest of the whole run (every page and its hash). A
run whose digest is that one changed nothing at all: its conflicts are the stored ones and it does not
even group the claims.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .model import ClaimGroup, Conflict, ConflictClaim
from .store import atomic_write, pipeline_fingerprint

VERDICTS_VERSION = 1
PACKAGE = Path(__file__).resolve().parent
# The code that turns groups into conflicts: an edit there must not reuse verdicts it did not give.
DETECT_CODE = ("detect", "labels.py", "quantities/format.py", "model.py", "verdicts.py")


def family_key(group: ClaimGroup) -> tuple:
    return (group.subject, group.attribute, group.condition or "", group.claims[0].unit if group.claims else "")


def families_of(groups: Iterable[ClaimGroup]) -> list[list[ClaimGroup]]:
    """The groups by family, in the order of their first group."""
    by_key: dict = defaultdict(list)
    for group in groups:
        by_key[family_key(group)].append(group)
    return list(by_key.values())


def detect_salt(pipeline: str, tolerance: float, vague_tolerance: float) -> str:
    """What every digest is salted with: the pipeline that made the claims, the detect code, the policy."""
    parts: list[str | bytes] = [pipeline, repr((tolerance, vague_tolerance))]
    for name in DETECT_CODE:
        target = PACKAGE / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        parts += [f.read_bytes() for f in files if f.exists()]
    return pipeline_fingerprint(*parts)


def family_digest(family: list[ClaimGroup], page_hash: Callable[[str], str]) -> str:
    digest = hashlib.sha1()
    for group in family:
        digest.update(repr((group.subject, group.attribute, group.condition, group.qualifier)).encode("utf-8"))
        for claim in group.claims:
            digest.update(f"\x1f{claim.id}\x1e{claim.source}\x1e{page_hash(claim.source)}".encode("utf-8"))
        digest.update(b"\x1d")
    return digest.hexdigest()


@dataclass
class Verdicts:
    """Stored verdicts by family digest; ``reused`` and ``detected`` count what a run did with them."""

    salt: str
    by_digest: dict = field(default_factory=dict)  # digest -> list of conflict records
    run: str = ""  # the run_digest of the run these verdicts are of
    changed: bool = False
    reused: int = 0
    detected: int = 0

    @classmethod
    def load(cls, path: Path, salt: str) -> "Verdicts":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != VERDICTS_VERSION or data.get("salt") != salt \
                    or not isinstance(data.get("families"), dict):
                return cls(salt)
            return cls(salt, dict(data["families"]), str(data.get("run", "")))
        except (OSError, ValueError, TypeError):
            return cls(salt)  # no verdicts, or damaged ones: every family is detected again

    def save(self, path: Path) -> None:
        data = {"version": VERDICTS_VERSION, "salt": self.salt, "run": self.run, "families": self.by_digest}
        atomic_write(path, json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n")


    def remember_run(self, key: str) -> None:
        self.changed = self.changed or key != self.run
        self.run = key

    def conflicts_of_run(self, claims: list) -> list[Conflict]:
        """Every stored conflict, its claims taken from ``claims`` (the run's, not yet grouped) and named
        by the conflict's subject, as grouping names them."""
        by_id = {claim.id: claim for claim in claims}
        out = []
        for records in self.by_digest.values():
            for record in records:
                named = {}
                for claim_id, _cluster, _repeat in record["claims"]:
                    claim = by_id[claim_id]
                    named[claim_id] = claim if claim.subject == record["subject"] else claim.replace(subject=record["subject"])
                out.append(_conflict(record, named))
        return out


def run_digest(hashes: dict) -> str:
    """Every page of a run and its content's hash."""
    digest = hashlib.sha1()
    for source in sorted(hashes):
        digest.update(f"{source}\x1e{hashes[source]}\x1f".encode("utf-8"))
    return digest.hexdigest()


def uncompared_claims(claims: Iterable) -> tuple:
    """The claims left out of every comparison and why, as `checker.align.align` gives them."""
    from .align import why_not_compared

    out = [(claim, reason) for claim in claims for reason in [why_not_compared(claim)] if reason]
    return tuple(sorted(out, key=lambda u: (u[0].source, u[0].start, u[0].id)))


def detect_incrementally(families: list[list[ClaimGroup]], verdicts: Verdicts, page_hash: Callable[[str], str],
                         detect: Callable[[list[list[ClaimGroup]]], list[list[Conflict]]]) -> list[Conflict]:
    """Conflicts of every family: stored ones where the digest is known, ``detect`` for the rest (called
    once, with every family to detect, returning their conflicts family by family). Afterwards
    ``verdicts`` holds exactly the families of this run."""
    digests = [family_digest(family, page_hash) for family in families]
    todo = [k for k, digest in enumerate(digests) if digest not in verdicts.by_digest]
    fresh = detect([families[k] for k in todo]) if todo else []
    conflicts: list[Conflict] = []
    kept: dict = {}
    for k, found in zip(todo, fresh):
        kept[digests[k]] = [_record(c) for c in found]
        conflicts += found
    for k, digest in enumerate(digests):
        if digest in kept:
            continue
        records = verdicts.by_digest[digest]
        kept[digest] = records
        if records:
            by_id = {claim.id: claim for group in families[k] for claim in group.claims}
            conflicts += [_conflict(record, by_id) for record in records]
    verdicts.changed = verdicts.changed or set(kept) != set(verdicts.by_digest)
    verdicts.by_digest = kept
    verdicts.reused, verdicts.detected = len(families) - len(todo), len(todo)
    return conflicts


def _record(conflict: Conflict) -> dict:
    record = {name: getattr(conflict, name) for name in ("id", "rule", "severity", "subject", "attribute",
                                                          "condition", "qualifier", "kind", "message")}
    record["claims"] = [[cc.claim.id, cc.cluster, cc.repeat_of] for cc in conflict.claims]
    return record


def _conflict(record: dict, by_id: dict) -> Conflict:
    claims = tuple(ConflictClaim(by_id[claim_id], cluster, repeat_of) for claim_id, cluster, repeat_of in record["claims"])
    values = {k: v for k, v in record.items() if k != "claims"}
    return Conflict(claims=claims, **values)


def page_hashes(hashes: dict) -> Callable[[str], str]:
    return lambda source: hashes.get(source, "")


__all__ = ["Verdicts", "detect_incrementally", "families_of", "family_digest", "detect_salt"]
