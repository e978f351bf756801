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
from pathlib import Path
from typing import Iterable, Optional

from .errors import UsageError
from .model import CheckResult, Conflict, _num
from .store import atomic_write

DECISIONS_VERSION = 1
STATUSES = ("accepted", "rejected")
MIN_PREFIX = 4  # an id may be abbreviated, like a git hash, as long as the prefix is unique


def _value_rows(items: Iterable[tuple]) -> list[list]:
    """Distinct [source, value text, low, high] rows, sorted. Distinct: a page that repeats a statement
    word for word says nothing new, so adding or dropping the repeat leaves a decision standing."""
    # _num prints integral floats as ints and rounds the rest to 6 places, the same way the JSON output
    # does, so a signature computed from a Conflict equals one computed from its JSON (a baseline file).
    rows = {(_portable(str(source)), str(value_text), _num(low), _num(high)) for source, value_text, low, high in items}
    return [list(row) for row in sorted(rows, key=lambda row: json.dumps(row))]


def _portable(source: str) -> str:
    """The source relative to the working directory when it lies below it: a reviewer who ran
    `checker review ... sources` and CI that runs `checker check /abs/path/sources` agree."""
    path = Path(source)
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def conflict_values(conflict: Conflict) -> list[list]:
    return _value_rows((cc.claim.source, cc.claim.value_text, cc.claim.low, cc.claim.high) for cc in conflict.claims)


def json_values(conflict_json: dict) -> list[list]:
    return _value_rows((c["source"], c["value_text"], c.get("low"), c.get("high"))
                       for c in conflict_json.get("claims", []))


def signature(values: list[list]) -> str:
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def conflict_signature(conflict: Conflict) -> str:
    return signature(conflict_values(conflict))


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


def decide(conflict: Conflict, status: str, note: str = "") -> Decision:
    if status not in STATUSES:
        raise UsageError(f"unknown decision {status!r} (one of {', '.join(STATUSES)})")
    values = conflict_values(conflict)
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


def decision_view(decision: Decision, conflict: Conflict) -> dict:
    """What a report shows (and `Conflict.decision` holds): status, note, and whether it is stale."""
    stale = decision.signature != conflict_signature(conflict)
    return {"status": decision.status, "note": decision.note, "stale": stale}


def apply_decisions(result: CheckResult, decisions: dict) -> CheckResult:
    """The result with each decided conflict's ``decision`` filled in."""
    if not decisions:
        return result
    conflicts = tuple(
        dataclasses.replace(c, decision=decision_view(decisions[c.id], c)) if c.id in decisions else c
        for c in result.conflicts)
    return dataclasses.replace(result, conflicts=conflicts)


def is_accepted(conflict: Conflict) -> bool:
    d = conflict.decision
    return bool(d and d.get("status") == "accepted" and not d.get("stale"))


def is_rejected(conflict: Conflict) -> bool:
    d = conflict.decision
    return bool(d and d.get("status") == "rejected" and not d.get("stale"))


# --------------------------------------------------------------------------------------------------
# baseline


def load_baseline(path: str | Path) -> dict:
    """{conflict id: signature} from a conflicts JSON file written by `checker baseline`."""
    where = Path(path).as_posix()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        entries = data["conflicts"]
        return {str(c["id"]): signature(json_values(c)) for c in entries}
    except FileNotFoundError:
        raise UsageError(f"{where}: baseline file not found (create it with `checker baseline`)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{where}: cannot read baseline: {exc}") from None
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise UsageError(f"{where}: not a checker baseline ({type(exc).__name__}: {' '.join(str(exc).split())[:120]})") from None


def in_baseline(conflict: Conflict, baseline: dict) -> bool:
    """Known when the baseline has this conflict with the same values; a changed value makes it new."""
    return baseline.get(conflict.id) == conflict_signature(conflict)
