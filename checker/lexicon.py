"""The procedure lexicon (``data/subjects.yaml``) and the cue words (``data/cues.yaml``).

Both are data a domain expert edits. They are loaded once per run and validated on load; every
error names the file and line. Extraction builds its spaCy patterns from them; alignment resolves
subject mentions through the lexicon; nothing else reads the YAML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from rapidfuzz import fuzz, process

from . import datafiles
from .datafiles import check_keys, expect_list_of_str, expect_mapping, fail

ATTRIBUTES = (
    "relief_duration", "onset_time", "procedure_time", "recovery_time", "success_rate",
    "side_effect_duration", "activity_restriction", "repeat_interval", "indication_duration", "other",
)
FUZZY_THRESHOLD = 90  # rapidfuzz ratio for a spelling variant of an alias ("medial brach block")


def _norm(text: str) -> str:
    """Lower case, unify dashes and spaces, drop possessives and punctuation at the ends."""
    text = text.replace("\u00a0", " ").replace("’", "'").lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w\s\-/]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def singular(word: str) -> str:
    """English plural to singular for the nouns procedure names end in (blocks, injections, ...)."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def singular_phrase(text: str) -> str:
    words = _norm(text).split()
    if not words:
        return ""
    words[-1] = singular(words[-1])
    return " ".join(words)


@dataclass
class SubjectLexicon:
    canonical: dict  # canonical -> parent or None
    aliases: dict  # normalized singular alias -> canonical
    abbreviations: dict  # abbreviation as written (capitals) -> canonical
    heads: set
    references: set
    modifiers: set
    generic_words: set = field(default_factory=set)
    path: str = ""
    _choices: list = field(default_factory=list)

    def __post_init__(self):
        self._choices = sorted(self.aliases)

    def ancestors(self, subject: str) -> list[str]:
        out, seen = [], set()
        parent = self.canonical.get(subject)
        while parent and parent not in seen:
            out.append(parent)
            seen.add(parent)
            parent = self.canonical.get(parent)
        return out

    def is_generic(self, subject: str) -> bool:
        return any(self.canonical.get(s) == subject for s in self.canonical)

    def resolve(self, mention: str, allow_unknown: bool = True) -> Optional[str]:
        """Canonical subject for a surface mention, or None.

        Tries in order: a lexicon abbreviation (extraction has already expanded the ones a document
        defines, "genicular nerve block (GNB)"), the
        alias itself (singular), the alias without leading region words ("lumbar ..."), a spelling
        variant (rapidfuzz), and finally (``allow_unknown``) the mention itself when it ends in a
        procedure head noun and has a naming word ("basivertebral nerve ablation" with no lexicon
        entry stays a subject of its own).
        """
        raw = mention.strip()
        if raw in self.abbreviations:
            return self.abbreviations[raw]
        phrase = singular_phrase(raw)
        if not phrase:
            return None
        words = phrase.split()
        for start in range(len(words)):
            candidate = " ".join(words[start:])
            if candidate in self.aliases:
                return self.aliases[candidate]
            if words[start] not in self.modifiers:
                break
        if len(phrase) >= 8:
            best = process.extractOne(phrase, self._choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
            if best:
                return self.aliases[best[0]]
        if allow_unknown and words[-1] in self.heads and len(words) >= 2 \
                and not any(w in self.references for w in words[:-1]):
            content = [w for w in words if w not in self.modifiers]
            naming = [w for w in content[:-1] if w not in self.generic_words]
            if len(content) >= 2 and naming:
                return " ".join(content)
        return None


def load_subjects(path: Path | str | None = None) -> SubjectLexicon:
    path = datafiles.data_path("subjects.yaml", path)
    data = expect_mapping(path, datafiles.load_yaml(path), "the file")
    check_keys(path, data, ("heads", "references", "modifiers", "generic_words", "subjects"), "subject lexicon")
    subjects = expect_mapping(path, data.get("subjects"), "subjects")
    canonical, aliases, abbreviations = {}, {}, {}
    for name, spec in subjects.items():
        if not isinstance(name, str) or name != name.lower().strip() or not name:
            raise fail(path, subjects, name, f"canonical name {name!r} must be lower case")
        spec = spec or {}
        if not isinstance(spec, dict):
            raise fail(path, subjects, name, f"subject {name!r} must be a mapping with aliases and parent")
        check_keys(path, spec, ("aliases", "parent"), f"subject {name!r}")
        canonical[name] = spec.get("parent")
        for alias in [name] + expect_list_of_str(path, spec, "aliases", allow_empty=True):
            if alias.isupper() and len(alias) <= 6:
                if abbreviations.get(alias, name) != name:
                    raise fail(path, spec, "aliases", f"abbreviation {alias!r} is already used by {abbreviations[alias]!r}")
                abbreviations[alias] = name
                continue
            key = singular_phrase(alias)
            if aliases.get(key, name) != name:
                raise fail(path, spec, "aliases", f"alias {alias!r} of {name!r} is already an alias of {aliases[key]!r}")
            aliases[key] = name
    for name, spec in subjects.items():
        parent = (spec or {}).get("parent")
        if parent is not None and parent not in canonical:
            raise fail(path, spec, "parent", f"parent {parent!r} of {name!r} is not a subject in this file")
    return SubjectLexicon(
        canonical=canonical,
        aliases=aliases,
        abbreviations=abbreviations,
        heads={singular(w.lower()) for w in expect_list_of_str(path, data, "heads")},
        references={singular(w.lower()) for w in expect_list_of_str(path, data, "references", True)},
        modifiers={w.lower() for w in expect_list_of_str(path, data, "modifiers", True)},
        generic_words={w.lower() for w in expect_list_of_str(path, data, "generic_words", True)},
        path=str(path),
    )


@dataclass(frozen=True)
class AttributeSpec:
    name: str
    units: tuple
    label: str
    cues: dict  # phrase -> weight


@dataclass
class Cues:
    attributes: dict  # name -> AttributeSpec
    condition_headers: set
    condition_openers: list
    conditions: list
    hedges: list
    typical: list
    qualifiers: dict  # name -> (applies_to tuple, cues list)
    qualifier_negators: set
    condition_aliases: dict = field(default_factory=dict)  # normalized alias -> condition name
    not_a_claim_after: list = field(default_factory=list)  # token tuples
    path: str = ""

    def condition(self, text: str) -> Optional[str]:
        """The condition a phrase names: 'Herniated Discs' -> 'herniated disc', 'PTSD' -> 'post-traumatic ...'."""
        raw = text.strip()
        if raw in self.condition_aliases:
            return self.condition_aliases[raw]
        name = normalize_condition(raw)
        return self.condition_aliases.get(name, name) if name else None



def load_cues(path: Path | str | None = None) -> Cues:
    path = datafiles.data_path("cues.yaml", path)
    data = expect_mapping(path, datafiles.load_yaml(path), "the file")
    check_keys(
        path, data,
        ("attributes", "condition_headers", "condition_openers", "conditions", "hedges", "typical",
         "qualifiers", "qualifier_negators", "condition_aliases", "not_a_claim_after"),
        "cue file",
    )
    attributes = {}
    raw = expect_mapping(path, data.get("attributes"), "attributes")
    for name, spec in raw.items():
        if not isinstance(spec, dict):
            raise fail(path, raw, name, f"attribute {name!r} must be a mapping")
        check_keys(path, spec, ("units", "label", "cues"), f"attribute {name!r}")
        units = expect_list_of_str(path, spec, "units")
        for unit in units:
            if unit not in ("s", "ratio", "count"):
                raise fail(path, spec, "units", f"attribute {name!r}: unknown unit {unit!r} (s, ratio, count)")
        cues = spec.get("cues") or {}
        if not isinstance(cues, dict):
            raise fail(path, spec, "cues", f"attribute {name!r}: cues must map phrase to weight")
        for phrase, weight in cues.items():
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not 0 < weight <= 5:
                raise fail(path, cues, phrase, f"attribute {name!r}: weight of {phrase!r} must be a number in (0, 5]")
        attributes[name] = AttributeSpec(name, tuple(units), str(spec.get("label") or name.replace("_", " ")),
                                         {str(p).lower(): float(w) for p, w in cues.items()})
    qualifiers = {}
    qraw = expect_mapping(path, data.get("qualifiers", {}), "qualifiers")
    for name, spec in qraw.items():
        if not isinstance(spec, dict):
            raise fail(path, qraw, name, f"qualifier {name!r} must be a mapping with applies_to and cues")
        check_keys(path, spec, ("applies_to", "cues"), f"qualifier {name!r}")
        applies = expect_list_of_str(path, spec, "applies_to")
        for attribute in applies:
            if attribute not in attributes:
                raise fail(path, spec, "applies_to", f"qualifier {name!r}: unknown attribute {attribute!r}")
        qualifiers[name] = (tuple(applies), [c.lower() for c in expect_list_of_str(path, spec, "cues")])
    return Cues(
        attributes=attributes,
        condition_headers={_norm(w) for w in expect_list_of_str(path, data, "condition_headers", True)},
        condition_openers=sorted({w.lower() for w in expect_list_of_str(path, data, "condition_openers", True)},
                                 key=lambda w: -len(w)),
        conditions=sorted(expect_list_of_str(path, data, "conditions", True), key=lambda w: -len(w)),
        hedges=[w.lower() for w in expect_list_of_str(path, data, "hedges", True)],
        typical=[w.lower() for w in expect_list_of_str(path, data, "typical", True)],
        qualifiers=qualifiers,
        qualifier_negators={w.lower() for w in expect_list_of_str(path, data, "qualifier_negators", True)},
        condition_aliases=_condition_aliases(path, data),
        not_a_claim_after=[tuple(w.lower().split()) for w in expect_list_of_str(path, data, "not_a_claim_after", True)],
        path=str(path),
    )


def _condition_aliases(path, data) -> dict:
    raw = data.get("condition_aliases") or {}
    if not isinstance(raw, dict):
        raise fail(path, data, "condition_aliases", "condition_aliases must map an alias to a condition name")
    out = {}
    for alias, name in raw.items():
        if not isinstance(name, str) or not name.strip():
            raise fail(path, raw, alias, f"condition alias {alias!r} must map to a condition name")
        target = normalize_condition(name)
        out[str(alias)] = target
        out[normalize_condition(str(alias))] = target
    return out


def normalize_condition(text: str) -> Optional[str]:
    """'Herniated Discs' -> 'herniated disc'; abbreviations in capitals stay as written."""
    text = text.strip()
    if not text:
        return None
    if text.isupper() and len(text) <= 6:
        return text
    return singular_phrase(text) or None


@dataclass(frozen=True)
class Lexicons:
    subjects: SubjectLexicon
    cues: Cues

    @classmethod
    def load(cls, subjects_path=None, cues_path=None) -> "Lexicons":
        return cls(load_subjects(subjects_path), load_cues(cues_path))
