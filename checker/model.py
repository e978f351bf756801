"""The records that flow through the pipeline.

One frozen `Claim` is created by extraction and copied (``dataclasses.replace``) by every later stage,
so any stage can be tested with plain `Claim` objects and no spaCy.
"""
from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Any, Optional, TypeVar

SEVERITIES = ("info", "warning", "error")  # ascending
_NEWLINE = re.compile("\n")


def severity_rank(severity: str) -> int:
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r} (one of {', '.join(SEVERITIES)})")
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Quantity:
    """A quantity expression read into an interval in a canonical unit.

    ``unit`` is "s" for time, "ratio" for rates (0..1), "count" for counts, "per_s" is never used:
    frequencies are counts with a ``period`` in seconds. ``None`` bounds are open.
    """

    start: int
    end: int
    text: str
    low: Optional[float]
    high: Optional[float]
    unit: str
    kind: str  # duration | rate | count | frequency | relative
    vague: bool = False
    approx: bool = False
    rule: str = ""
    period: Optional[float] = None  # for frequencies: the period the count is per, in seconds


@dataclass(frozen=True)
class Block:
    """A structural unit of a document: a paragraph, heading, list item or table row."""

    index: int
    kind: str  # paragraph | heading | list_item | table_row | table_header
    start: int
    end: int
    text: str
    line: int
    cells: tuple = ()  # for table rows: ((start, end, text), ...) of each cell, pipes excluded
    header: Optional[int] = None  # for table rows: index of the header block
    heading: Optional[int] = None  # index of the nearest heading block above


@dataclass(frozen=True)
class Document:
    source: str  # path as given/discovered, with forward slashes
    text: str
    sha256: str
    blocks: tuple = ()
    title: str = ""
    title_source: str = ""  # front_matter | h1 | html_title | heading
    view: str = ""  # the text with what is not prose blanked, same length; empty when it is the text
    encoding: str = "utf-8"  # the codec the file was decoded with (utf-8, utf-16-le, cp1252...)
    encoding_source: str = ""  # how it was known: bom | declared | detected; "" for plain UTF-8

    @functools.cached_property
    def _newlines(self) -> list:
        """Offsets of every newline, computed once: a claim's line is a binary search, not a recount
        from the start of the file (which made a 50,000-row table quadratic)."""
        return [m.start() for m in _NEWLINE.finditer(self.text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        newlines = self._newlines
        before = bisect.bisect_left(newlines, offset)
        last_nl = newlines[before - 1] if before else -1
        return before + 1, offset - last_nl


@dataclass(frozen=True, slots=True)  # slots: thousands of claims per run, each with ~35 fields
class Claim:
    """One quantitative statement about a health subject.

    ``start``/``end`` are the quote's offsets into the decoded file text; ``value_start``/``value_end``
    are the quantity expression's. ``subject_candidates`` are surface mentions in priority order
    (sentence, paragraph, heading, title) that alignment resolves through the lexicon.
    """

    id: str
    source: str
    line: int
    column: int
    start: int
    end: int
    quote: str
    value_text: str
    value_start: int
    value_end: int
    attribute: str = "other"
    condition: Optional[str] = None
    qualifier: Optional[str] = None  # phase or population the number is specific to
    hedged: bool = False
    hedge: Optional[str] = None
    subject: Optional[str] = None
    subject_text: Optional[str] = None
    subject_candidates: tuple = ()
    block: int = 0
    context: str = "sentence"  # sentence | list_item | table | heading
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    vague: bool = False
    approx: bool = False
    rule: str = ""
    typical: bool = False  # stated as what usually happens ("typically", "usually", "most people")
    subset: bool = False  # stated for some people, in one study, in successful cases
    maximum: bool = False  # "up to", "as long as": how long it can be at most
    negated: bool = False  # "is not permanent": a negated value that could not be turned around
    personal: bool = False  # someone's own experience ("it took me about 6 weeks"): listed, never compared
    evidence: float = 0.0  # how strongly the words around the value say what it measures (the attribute's score)
    kind: str = ""  # what the value is: duration, age, rate, count, frequency, relative
    subject_origin: Optional[str] = None  # where the subject came from: sentence, reference, heading, topic...
    # positions in the file itself, for annotations (an HTML quote is not the file's text)
    value_line: int = 0
    value_column: int = 0
    end_line: int = 0
    end_column: int = 0

    def replace(self, **changes) -> "Claim":
        return dataclasses.replace(self, **changes)

    def to_json(self, with_alignment: bool = True) -> dict:
        """The contract's claim object (DESIGN.md) plus extra fields that consumers may ignore."""
        data = {
            "id": self.id,
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "value_text": self.value_text,
            "value_start": self.value_start,
            "value_end": self.value_end,
            "low": _num(self.low),
            "high": _num(self.high),
            "unit": self.unit,
            "hedged": self.hedged,
            "vague": self.vague,
        }
        if with_alignment:
            data.update(
                subject=self.subject,
                attribute=self.attribute,
                condition=self.condition,
                qualifier=self.qualifier,
            )
        return data

    def to_dict(self) -> dict:
        """Every field, for a lossless round trip through JSON (`from_dict`); not the contract's
        claim object (`to_json`)."""
        data = {name: getattr(self, name) for name in _CLAIM_FIELDS}
        data["subject_candidates"] = [list(c) if isinstance(c, (tuple, list)) else c
                                      for c in self.subject_candidates]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Claim":
        """The inverse of `to_dict`; keys this version does not know are ignored (a newer writer), and
        fields it does not find take their defaults (an older one)."""
        values = {k: v for k, v in data.items() if k in _CLAIM_FIELDS}
        values["subject_candidates"] = tuple(tuple(c) if isinstance(c, list) else c
                                             for c in values.get("subject_candidates", ()))
        return cls(**values)


_CLAIM_FIELDS = tuple(f.name for f in dataclasses.fields(Claim))


def _known(cls, data: dict) -> dict:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _num(value: Optional[float]):
    """Integers print as integers so that JSON stays readable and byte-stable."""
    if value is None:
        return None
    if float(value).is_integer():
        return int(value)
    return round(float(value), 6)


@dataclass(frozen=True)
class ClaimGroup:
    subject: str
    attribute: str
    condition: Optional[str]
    qualifier: Optional[str]
    claims: tuple


@dataclass(frozen=True)
class ConflictClaim:
    claim: Claim
    cluster: int
    repeat_of: Optional[str] = None  # id of an earlier claim in the same source saying the same


@dataclass(frozen=True)
class Conflict:
    id: str
    rule: str
    severity: str
    subject: str
    attribute: str
    condition: Optional[str]
    qualifier: Optional[str]
    kind: str  # cross-document | same-document
    message: str
    claims: tuple  # of ConflictClaim, sorted by cluster, source, start
    decision: Optional[dict] = None

    def sources(self) -> list[str]:
        return sorted({c.claim.source for c in self.claims})

    @property
    def accepted(self) -> bool:
        """A reviewer said the difference is intended, and no value changed since (not stale)."""
        return self._decided("accepted")

    @property
    def rejected(self) -> bool:
        """A reviewer confirmed the conflict is a problem, and no value changed since (not stale)."""
        return self._decided("rejected")

    def _decided(self, status: str) -> bool:
        d = self.decision
        return bool(d and d.get("status") == status and not d.get("stale"))

    def to_json(self) -> dict:
        data: dict[str, Any] = {
            "id": self.id,
            "rule": self.rule,
            "severity": self.severity,
            "subject": self.subject,
            "attribute": self.attribute,
            "condition": self.condition,
            "qualifier": self.qualifier,
            "kind": self.kind,
            "message": self.message,
            "claims": [
                dict(cc.claim.to_json(with_alignment=False), cluster=cc.cluster, repeat_of=cc.repeat_of)
                for cc in self.claims
            ],
        }
        if self.decision is not None:
            data["decision"] = self.decision
        return data

    def to_dict(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        data["claims"] = [{"claim": cc.claim.to_dict(), "cluster": cc.cluster, "repeat_of": cc.repeat_of}
                          for cc in self.claims]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Conflict":
        values = _known(cls, data)
        values["claims"] = tuple(ConflictClaim(Claim.from_dict(cc["claim"]), cc["cluster"], cc.get("repeat_of"))
                                 for cc in data.get("claims", ()))
        return cls(**values)


@dataclass(frozen=True)
class _SourceMessage:
    """A message about one source, as the JSON contract writes it: {"source": ..., "message": ...}."""

    source: str
    message: str

    def to_json(self) -> dict:
        return {"source": self.source, "message": self.message}

    @classmethod
    def from_dict(cls: type[_Message], data: dict) -> _Message:
        return cls(**_known(cls, data))


_Message = TypeVar("_Message", bound=_SourceMessage)


@dataclass(frozen=True)
class SourceError(_SourceMessage):
    """A source that could not be read, broke a limit or failed to extract."""


@dataclass(frozen=True)
class SourceNote(_SourceMessage):
    """Something a reader of the reports should know that is not an error: a file skipped and why, a
    page decoded from another encoding than UTF-8, stored claims found damaged and extracted again."""


@dataclass(frozen=True)
class CheckResult:
    sources: tuple[str, ...]  # source paths that were read
    claims: tuple[Claim, ...]  # aligned
    conflicts: tuple[Conflict, ...]  # sorted
    errors: tuple[SourceError, ...] = ()
    extracted: tuple[str, ...] = ()  # sources extracted in this run (the rest came from the claim store)
    skipped: tuple[str, ...] = ()  # files under the paths that are not .txt, .md or .html documents
    uncompared: tuple[tuple[Claim, str], ...] = ()  # claims left out of every comparison, and why
    baselined: tuple[Conflict, ...] = ()  # known conflicts left out because the baseline records them
    # what the pages themselves suppress (checker/suppress.py): claims inside <!-- checker: off --> regions,
    # and conflicts that a <!-- checker: ignore --> comment on one of their claims hides
    suppressed_claims: tuple[Claim, ...] = ()
    suppressed: tuple[Conflict, ...] = ()
    notes: tuple[SourceNote, ...] = ()  # sorted by source: files skipped and why, encodings, a damaged store

    def fails(self, fail_on: str = "error") -> bool:
        """Whether a gate set at ``fail_on`` fails: an accepted conflict never counts, a rejected one
        always does (a reviewer confirmed it), any other counts from the ``fail_on`` severity up.
        Unreadable sources are not conflicts; see `errors`."""
        threshold = severity_rank(fail_on)
        for conflict in self.conflicts:
            if conflict.accepted:
                continue
            if conflict.rejected or severity_rank(conflict.severity) >= threshold:
                return True
        return False

    def uncompared_summary(self) -> dict:
        """How many claims were left out of every comparison, and why (most frequent reason first)."""
        counts: dict = {}
        for _claim, reason in self.uncompared:
            counts[reason] = counts.get(reason, 0) + 1
        by_reason = dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
        return {"count": len(self.uncompared), "by_reason": by_reason}

    def suppressed_summary(self) -> dict:
        """How many claims and conflicts the pages' own comments suppressed, and the conflicts' ids."""
        return {"claims": len(self.suppressed_claims), "conflicts": len(self.suppressed),
                "ids": sorted(c.id for c in self.suppressed)}

    def to_json(self, conflicts: Optional[list] = None) -> dict:
        """The conflicts JSON contract (DESIGN.md); ``uncompared``, ``suppressed`` and ``notes`` are
        compatible additions. ``conflicts``: the list to put there instead of every conflict's object
        (a lazy one, to stream)."""
        data: dict[str, Any] = {
            "version": 1,
            "sources": len(self.sources),
            "claims": len(self.claims),
            "errors": [e.to_json() for e in self.errors],
            "conflicts": [c.to_json() for c in self.conflicts] if conflicts is None else conflicts,
            "uncompared": self.uncompared_summary(),
            "suppressed": self.suppressed_summary(),
        }
        if self.notes:  # only when there are some: the contract's files stay as they were otherwise
            data["notes"] = [n.to_json() for n in self.notes]
        return data

    def to_dict(self) -> dict:
        """Everything in the result, for a lossless round trip through JSON (`from_dict`): test
        fixtures and caches; not a published contract (that is `to_json`)."""
        data = {
            "format": RESULT_FORMAT,
            "sources": list(self.sources),
            "claims": [c.to_dict() for c in self.claims],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "errors": [e.to_json() for e in self.errors],
            "extracted": list(self.extracted),
            "skipped": list(self.skipped),
            "uncompared": [{"claim": c.to_dict(), "reason": reason} for c, reason in self.uncompared],
        }
        if self.suppressed_claims or self.suppressed:  # added later: absent, a result reads as before
            data["suppressed_claims"] = [c.to_dict() for c in self.suppressed_claims]
            data["suppressed"] = [c.to_dict() for c in self.suppressed]
        if self.notes:
            data["notes"] = [n.to_json() for n in self.notes]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "CheckResult":
        return cls(
            sources=tuple(data.get("sources", ())),
            claims=tuple(Claim.from_dict(c) for c in data.get("claims", ())),
            conflicts=tuple(Conflict.from_dict(c) for c in data.get("conflicts", ())),
            errors=tuple(SourceError.from_dict(e) for e in data.get("errors", ())),
            extracted=tuple(data.get("extracted", ())),
            skipped=tuple(data.get("skipped", ())),
            uncompared=tuple((Claim.from_dict(u["claim"]), u["reason"]) for u in data.get("uncompared", ())),
            suppressed_claims=tuple(Claim.from_dict(c) for c in data.get("suppressed_claims", ())),
            suppressed=tuple(Conflict.from_dict(c) for c in data.get("suppressed", ())),
            notes=tuple(SourceNote.from_dict(n) for n in data.get("notes", ())),
        )


RESULT_FORMAT = 1  # of CheckResult.to_dict(); bumped only for a change that from_dict cannot read


