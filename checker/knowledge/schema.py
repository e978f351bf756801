"""Declared schemas of the data files (pydantic), validated in one pass with ``path:line`` errors.

Every file is validated on its own against the model of its sections; all fields are optional, so
an overlay (a content team's own file) holds only what it adds. The packaged files must define the
sections marked required in `REQUIRED`. Cross-references (a subject's parent, the attributes a
qualifier applies to) are checked after the files are merged, in `checker.knowledge`.
"""
from __future__ import annotations

import re

from typing import Dict, List, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import DataFileError
from .yamlio import locate

Takes = Literal["time", "age", "ratio", "count"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _words(values: List[str]) -> List[str]:
    for value in values:
        if not value.strip():
            raise ValueError("an empty word")
    return values


class SubjectSpec(_Strict):
    aliases: List[str] = []
    parent: Optional[str] = None

    _check = field_validator("aliases")(_words)


class AttributeSpec(_Strict):
    takes: List[Takes] = []
    label: Optional[str] = None
    cues: Dict[str, float] = {}
    # the times, in seconds, this attribute can plausibly take: [shortest, longest]; null for no bound
    span: Optional[List[Optional[float]]] = None

    @field_validator("span")
    @classmethod
    def _span(cls, span):
        if span is None:
            return span
        if len(span) != 2 or any(v is not None and v < 0 for v in span) or \
                (None not in span and span[0] > span[1]):
            raise ValueError("span must be [shortest, longest] in seconds (null for no bound), shortest first")
        return span

    @field_validator("cues")
    @classmethod
    def _weights(cls, cues: Dict[str, float]) -> Dict[str, float]:
        for phrase, weight in cues.items():
            if not 0 < weight <= 5:
                raise ValueError(f"weight of {phrase!r} must be a number in (0, 5], not {weight}")
        return cues


class QualifierSpec(_Strict):
    applies_to: List[str] = []
    cues: List[str] = []

    _check = field_validator("cues")(_words)


class TopicSpec(_Strict):
    prefixes: List[str] = []
    suffixes: List[str] = []
    cut_at: List[str] = []
    site_words: List[str] = []


class DataFile(_Strict):
    """Every section any data file may hold. Sections are distinct across files, so one overlay file
    can add subjects, cues, populations and entity words at once."""

    # subjects.yaml
    subjects: Dict[str, Optional[SubjectSpec]] = {}
    modifiers: List[str] = []
    # cues.yaml
    attributes: Dict[str, AttributeSpec] = {}
    condition_headers: List[str] = []
    condition_openers: List[str] = []
    conditions: List[str] = []
    condition_aliases: Dict[str, str] = {}
    not_a_claim_after: List[str] = []
    hedges: List[str] = []
    typical: List[str] = []
    subset: List[str] = []
    maximum: List[str] = []
    negations: List[str] = []
    personal: List[str] = []
    hearsay: List[str] = []
    qualifiers: Dict[str, QualifierSpec] = {}
    qualifier_negators: List[str] = []
    # entities.yaml
    heads: Dict[str, List[str]] = {}
    suffixes: Dict[str, object] = {}
    name_stops: List[str] = []
    generic_modifiers: List[str] = []
    not_subjects: List[str] = []
    references: Dict[str, List[str]] = {}
    topic: TopicSpec = Field(default_factory=TopicSpec)
    keep_plural: List[str] = []
    names: Dict[str, List[str]] = {}
    name_tails: List[str] = []
    of_heads: List[str] = []
    section_words: List[str] = []
    spellings: Dict[str, str] = {}
    redundant_heads: List[str] = []
    care_heads: List[str] = []
    treatment_openers: List[str] = []
    condition_markers: List[str] = []
    event_heads: List[str] = []
    # populations.yaml
    groups: Dict[str, List[str]] = {}
    everyone: List[str] = []
    places: Dict[str, List[str]] = {}
    variants: List[str] = []
    hypotheticals: Dict[str, List[str]] = {}

    @field_validator("subjects")
    @classmethod
    def _lower_names(cls, subjects: Dict[str, Optional[SubjectSpec]]) -> Dict[str, Optional[SubjectSpec]]:
        for name in subjects:
            if not name.strip() or name != name.lower().strip():
                raise ValueError(f"canonical name {name!r} must be lower case")
        return subjects


SECTIONS = tuple(DataFile.model_fields)


def validate(path: str, data: object) -> DataFile:
    """The file's content as a `DataFile`, or a `DataFileError` naming ``path:line`` of the first problem."""
    if data is None:
        return DataFile()
    if not isinstance(data, dict):
        raise DataFileError(f"{path}:1: the file must be a mapping of sections ({', '.join(SECTIONS[:4])}, ...)")
    try:
        return DataFile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        named = re.match(r"Value error, weight of '([^']+)'", first["msg"])
        if named and loc and loc[-1] == "cues":
            loc += (named.group(1),)  # point at the cue's own line, not at `cues:`
        raise DataFileError(f"{locate(path, data, loc)}: {_explain(first)}") from None


def _explain(error: dict) -> str:
    loc = ".".join(str(p) for p in error["loc"])
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        return f"unknown key {error['loc'][-1]!r} (known sections: {', '.join(SECTIONS)})" if len(error["loc"]) == 1 \
            else f"{loc}: unknown key {error['loc'][-1]!r}"
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return f"{loc}: {message}"
