"""Reviewer decisions and baselines: what a person already judged, and when that judgement expires.

A decision (``checker review accept|reject|reset ID``) is keyed to a conflict's fingerprint
(`Conflict.id`: rule, subject, attribute, condition, qualifier) and carries a *signature* of the values
the reviewer saw: for every claim of the conflict its source, value text and interval. The id survives
unrelated edits (text moving, lines added elsewhere); the signature does not survive an edit to a value
on either side, so a decision made about "hours to days" versus "several weeks" does not silently cover
"hours to days" versus "two years". Such a decision is *stale*: shown, but no longer honoured.

A baseline entry (``checker baseline``) is judged the same way: it matches a current conflict only when
both the id and the signature agree.

The decisions file (``claims/decisions.json`` by default) is sorted and has no timestamps, so it diffs
well in review and the same decisions give the same bytes; it is written atomically.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Iterable, Optional

from .errors import UsageError
from .model import CheckResult, Conflict, _num
from .store import atomic_write

DECISIONS_VERSION = 1
STATUSES = ("accepted", "rejected")
MIN_PREFIX = 4  # an id may be abbreviated, like a git hash, as long as the prefix is unique


def _value_rows(items: Iterable[tuple], root: Optional[Path], recorded: bool = False) -> list[list]:
    """Distinct [source, value text, low, high] rows, sorted. Distinct: a page that repeats a statement
    word for word says nothing new, so adding or dropping the repeat leaves a decision standing."""
    # _num prints integral floats as ints and rounds the rest to 6 places, the same way the JSON output
    # does, so a signature computed from a Conflict equals one computed from its JSON (a baseline file).
    rows = {(_portable(str(source), root, recorded), str(value_text), _num(low), _num(high))
            for source, value_text, low, high in items}
    return [list(row) for row in sorted(rows, key=lambda row: json.dumps(row))]


def _portable(source: str, root: Optional[Path] = None, recorded: bool = False) -> str:
    """The source relative to the project ``root`` (the configuration file's folder; by default the
    working directory) when it lies below it: a reviewer who ran `checker review ... sources` at the
    root, one who ran it from a subfolder and CI that runs `checker check /abs/path/sources` agree.
    A source as the run names it is relative to the working directory; a ``recorded`` one (in a
    baseline file) to the root, where baselines are recorded."""
    anchor = root or Path.cwd()
    path = Path(source)
    full = Path(os.path.normpath(path if path.is_absolute() else (anchor if recorded else Path.cwd()) / path))
    try:
        return full.relative_to(anchor).as_posix()
    except ValueError:
        return path.as_posix()


def conflict_values(conflict: Conflict, root: Optional[Path] = None) -> list[list]:
    return _value_rows(((cc.claim.source, cc.claim.value_text, cc.claim.low, cc.claim.high) for cc in conflict.claims),
                       root)


def json_values(conflict_json: dict, root: Optional[Path] = None) -> list[list]:
    return _value_rows(((c["source"], c["value_text"], c.get("low"), c.get("high"))
                        for c in conflict_json.get("claims", [])), root, recorded=True)


def signature(values: list[list]) -> str:
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def conflict_signature(conflict: Conflict, root: Optional[Path] = None) -> str:
    return signature(conflict_values(conflict, root))


@dataclasses.dataclass(frozen=True)
class Decision:
    id: str
    status: str  # accepted | rejected
    note: str
    signature: str
    subject: str = ""
    attribute: str = ""
    values: tuple = ()  # the [source, value_text, low, high] rows the reviewer saw, for people reading the file

    def to_json(self) -> dict:
        return {"id": self.id, "status": self.status, "note": self.note, "signature": self.signature,
                "subject": self.subject, "attribute": self.attribute, "values": [list(v) for v in self.values]}

    @classmethod
    def from_json(cls, data: dict, where: str) -> "Decision":
        try:
            status = data["status"]
            if status not in STATUSES:
                raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
            return cls(id=str(data["id"]), status=status, note=str(data.get("note") or ""),
                       signature=str(data["signature"]), subject=str(data.get("subject") or ""),
                       attribute=str(data.get("attribute") or ""),
                       values=tuple(tuple(v) for v in data.get("values") or ()))
        except KeyError as exc:
            raise UsageError(f"{where}: decision without {exc.args[0]!r}") from None
        except (TypeError, ValueError) as exc:
            raise UsageError(f"{where}: bad decision: {exc}") from None


def decide(conflict: Conflict, status: str, note: str = "", root: Optional[Path] = None) -> Decision:
    if status not in STATUSES:
        raise UsageError(f"unknown decision {status!r} (one of {', '.join(STATUSES)})")
    values = conflict_values(conflict, root)
    return Decision(id=conflict.id, status=status, note=" ".join(note.split()), signature=signature(values),
                    subject=conflict.subject, attribute=conflict.attribute, values=tuple(tuple(v) for v in values))


class DecisionFile:
    """``claims/decisions.json``: {"version": 1, "decisions": [Decision..., sorted by id]}."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def load(self) -> dict:
        """Decisions by conflict id; a missing file is no decisions, a damaged one is an error."""
        if not self.path.exists():
            return {}
        where = self.path.as_posix()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"{where}: cannot read decisions: {exc}") from None
        except (ValueError, RecursionError) as exc:  # RecursionError: nested too deep to be a decisions file
            raise UsageError(f"{where}: not valid JSON ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from None
        if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
            raise UsageError(f"{where}: not a checker decisions file (expected {{\"decisions\": [...]}})")
        out = {}
        for n, item in enumerate(data["decisions"]):
            if not isinstance(item, dict):
                raise UsageError(f"{where}: decision {n + 1} is not an object")
            decision = Decision.from_json(item, f"{where}: decision {n + 1}")
            out[decision.id] = decision
        return out

    def save(self, decisions: dict) -> None:
        atomic_write(self.path, format_decisions(decisions))


def format_decisions(decisions: dict) -> str:
    """Sorted by id, one field per line and one value row per line: a decision reads and diffs well."""
    def dump(value) -> str:
        return json.dumps(value, ensure_ascii=False)

    entries = []
    for key in sorted(decisions):
        data = decisions[key].to_json()
        values = data.pop("values")
        fields = [f'      {dump(k)}: {dump(v)}' for k, v in data.items()]
        rows = ",\n".join(f"        {dump(v)}" for v in values)
        fields.append('      "values": [\n' + rows + "\n      ]" if values else '      "values": []')
        entries.append("    {\n" + ",\n".join(fields) + "\n    }")
    body = ",\n".join(entries)
    return (f'{{\n  "version": {DECISIONS_VERSION},\n  "decisions": [' + (f"\n{body}\n  " if entries else "")
            + "]\n}\n")


def resolve_id(given: str, known: Iterable[str], what: str = "conflict") -> Optional[str]:
    """The full id for ``given`` (itself or a unique prefix of at least MIN_PREFIX characters), else None."""
    known = sorted(set(known))
    if given in known:
        return given
    if len(given) < MIN_PREFIX:
        return None
    matches = [k for k in known if k.startswith(given)]
    if len(matches) > 1:
        raise UsageError(f"{what} id {given!r} is ambiguous: it starts {', '.join(matches)}")
    return matches[0] if matches else None


def decision_view(decision: Decision, conflict: Conflict, root: Optional[Path] = None) -> dict:
    """What a report shows (and `Conflict.decision` holds): status, note, and whether it is stale."""
    stale = decision.signature != conflict_signature(conflict, root)
    return {"status": decision.status, "note": decision.note, "stale": stale}


def apply_decisions(result: CheckResult, decisions: dict, root: Optional[Path] = None) -> CheckResult:
    """The result with each decided conflict's ``decision`` filled in."""
    if not decisions:
        return result
    conflicts = tuple(
        dataclasses.replace(c, decision=decision_view(decisions[c.id], c, root)) if c.id in decisions else c
        for c in result.conflicts)
    return dataclasses.replace(result, conflicts=conflicts)


def is_accepted(conflict: Conflict) -> bool:
    return conflict.accepted


def is_rejected(conflict: Conflict) -> bool:
    return conflict.rejected


# --------------------------------------------------------------------------------------------------
# baseline


def load_baseline(path: str | Path, root: Optional[Path] = None) -> dict:
    """{conflict id: signature} from a conflicts JSON file written by `checker baseline` (its sources
    relative to ``root``, the project's folder)."""
    where = Path(path).as_posix()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        entries = data["conflicts"]
        return {str(c["id"]): signature(json_values(c, root)) for c in entries}
    except FileNotFoundError:
        raise UsageError(f"{where}: baseline file not found (create it with `checker baseline`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{where}: cannot read baseline: {exc}") from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise UsageError(f"{where}: not a checker baseline ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from None


def in_baseline(conflict: Conflict, baseline: dict, root: Optional[Path] = None) -> bool:
    """Known when the baseline has this conflict with the same values; a changed value makes it new."""
    return baseline.get(conflict.id) == conflict_signature(conflict, root)


def apply_baseline(result: CheckResult, baseline: dict, root: Optional[Path] = None) -> CheckResult:
    """The result without the conflicts the baseline records (they move to ``result.baselined``).
    A rejected conflict stays: a reviewer confirmed it is a problem, whatever the baseline says."""
    if not baseline:
        return result
    known = tuple(c for c in result.conflicts if in_baseline(c, baseline, root) and not c.rejected)
    if not known:
        return result
    known_ids = {c.id for c in known}
    left = tuple(c for c in result.conflicts if c.id not in known_ids)
    return dataclasses.replace(result, conflicts=left, baselined=result.baselined + known)


def recorded_from(result: CheckResult, root: Optional[Path]) -> CheckResult:
    """The result as a baseline records it: the conflicts' sources relative to the project ``root``,
    so that the baseline holds whichever folder it is recorded or checked from."""
    if root is None:
        return result

    def moved(conflict: Conflict) -> Conflict:
        claims = tuple(dataclasses.replace(cc, claim=cc.claim.replace(source=_portable(cc.claim.source, root)))
                       for cc in conflict.claims)
        return dataclasses.replace(conflict, claims=claims)

    return dataclasses.replace(result, conflicts=tuple(moved(c) for c in result.conflicts))
