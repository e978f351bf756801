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
from typing import Optional

SEVERITIES = ("info", "warning", "error")  # ascending
_NEWLINE = re.compile("\n")


def severity_rank(severity: str) -> int:
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

    def to_json(self) -> dict:
        data = {
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


@dataclass(frozen=True)
class SourceError:
    source: str
    message: str

    def to_json(self) -> dict:
        return {"source": self.source, "message": self.message}


@dataclass(frozen=True)
class SourceNote:
    """Something a reader of the reports should know that is not an error: a file skipped and why, a
    page decoded from another encoding than UTF-8, stored claims found damaged and extracted again."""

    source: str
    message: str

    def to_json(self) -> dict:
        return {"source": self.source, "message": self.message}


@dataclass(frozen=True)
class CheckResult:
    sources: tuple  # of source paths that were read
    claims: tuple  # of aligned Claim
    conflicts: tuple  # of Conflict, sorted
    errors: tuple = ()  # of SourceError
    extracted: tuple = ()  # sources extracted in this run (the rest came from the claim store)
    skipped: tuple = ()  # files under the paths that are not .txt, .md or .html documents
    uncompared: tuple = ()  # of (Claim, reason): claims left out of every comparison
    notes: tuple = ()  # of SourceNote, sorted by source

    def to_json(self) -> dict:
        data = {
            "version": 1,
            "sources": len(self.sources),
            "claims": len(self.claims),
            "errors": [e.to_json() for e in self.errors],
            "conflicts": [c.to_json() for c in self.conflicts],
        }
        if self.notes:  # only when there are some: the contract's files stay as they were otherwise
            data["notes"] = [n.to_json() for n in self.notes]
        return data


