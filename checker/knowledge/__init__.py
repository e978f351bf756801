"""Domain knowledge: the data files a content team edits, loaded once, validated, merged with overlays.

``load_knowledge(["builtin", "my/topics.yaml"])`` reads the packaged files (``entities.yaml``,
``populations.yaml``, ``subjects.yaml``, ``cues.yaml`` in ``checker/data/``) and then each overlay
file in order. An overlay holds any sections of those files and *adds* to them: a subject with new
aliases, an attribute with more cues, a population, a head noun. Nothing has to be copied. Every
error names ``path:line``.

The result is a frozen `Knowledge` with the lookup tables extraction and alignment use; nothing else
reads the YAML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..errors import DataFileError
from .schema import DataFile, validate
from .yamlio import DATA_DIR, load_yaml, where

BUILTIN = "builtin"
BUILTIN_FILES = ("entities.yaml", "populations.yaml", "subjects.yaml", "cues.yaml")
KINDS = ("time", "age", "ratio", "count")


def norm_phrase(text: str) -> str:
    """Lower case, one space, unified dashes and apostrophes: the form phrases are compared in."""
    text = text.replace("\u00a0", " ").replace("’", "'").lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text).strip()


def singular(word: str) -> str:
    """English plural to singular, for the last word of a name ("blocks", "injections", "cataracts")."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ics", "sis", "xis", "ous")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "'s")):
        return word[:-1]
    return word


@dataclass(frozen=True)
class Attribute:
    name: str
    takes: frozenset
    label: str
    cues: dict  # phrase -> weight
    span: tuple = (None, None)  # plausible times in seconds: (shortest, longest), None for no bound


@dataclass(frozen=True)
class Qualifier:
    name: str
    applies_to: frozenset
    cues: tuple


@dataclass(frozen=True)
class Knowledge:
    """Everything checker knows about words, compiled for lookup."""

    # subjects.yaml: an optional overlay of aliases that the words themselves cannot give
    canonical: dict = field(default_factory=dict)  # canonical name -> parent or None
    aliases: dict = field(default_factory=dict)  # normalized singular alias -> canonical
    abbreviations: dict = field(default_factory=dict)  # abbreviation in capitals -> canonical
    modifiers: frozenset = frozenset()
    # cues.yaml
    attributes: dict = field(default_factory=dict)  # name -> Attribute
    qualifiers: dict = field(default_factory=dict)  # name -> Qualifier
    hedges: tuple = ()
    typical: tuple = ()
    subset: tuple = ()
    maximum: tuple = ()
    negations: frozenset = frozenset()
    personal: frozenset = frozenset()
    hearsay: frozenset = frozenset()
    qualifier_negators: frozenset = frozenset()
    condition_headers: frozenset = frozenset()
    condition_openers: tuple = ()
    conditions: tuple = ()
    condition_aliases: dict = field(default_factory=dict)
    not_a_claim_after: tuple = ()  # of word tuples
    # entities.yaml
    heads: dict = field(default_factory=dict)  # singular head noun -> kind
    suffixes: dict = field(default_factory=dict)  # kind -> tuple of endings
    min_suffix_length: int = 7
    name_stops: frozenset = frozenset()
    generic_modifiers: frozenset = frozenset()
    not_subjects: frozenset = frozenset()
    references: dict = field(default_factory=dict)  # phrase -> kind it points to
    topic_prefixes: tuple = ()
    topic_suffixes: tuple = ()
    topic_cut_at: tuple = ()
    site_words: frozenset = frozenset()
    keep_plural: frozenset = frozenset()
    spellings: dict = field(default_factory=dict)  # word part -> American spelling
    redundant_heads: frozenset = frozenset()
    care_heads: frozenset = frozenset()
    treatment_openers: tuple = ()
    condition_markers: frozenset = frozenset()
    event_heads: frozenset = frozenset()
    name_tails: tuple = ()
    of_heads: frozenset = frozenset()
    section_words: frozenset = frozenset()
    # populations.yaml
    groups: dict = field(default_factory=dict)  # phrase -> population name
    everyone: frozenset = frozenset()
    places: dict = field(default_factory=dict)  # phrase -> place name (phrases in capitals match in capitals)
    variants: frozenset = frozenset()
    hypotheticals: dict = field(default_factory=dict)  # phrase -> condition name
    files: tuple = ()  # every file read, in order, for the store's fingerprint

    def labels(self) -> dict:
        return {name: spec.label for name, spec in self.attributes.items()}

    def ancestors(self, subject: str) -> list[str]:
        out, parent = [], self.canonical.get(subject)
        while parent and parent not in out:
            out.append(parent)
            parent = self.canonical.get(parent)
        return out

    def kind_of(self, word: str) -> Optional[str]:
        """The kind of subject a head word names: its head-noun kind, else its suffix's kind."""
        word = word.lower()
        kind = self.heads.get(word) or self.heads.get(singular(word))
        if kind:
            return kind
        if len(word) >= self.min_suffix_length:
            for suffix_kind, endings in self.suffixes.items():
                if word.endswith(endings):
                    return suffix_kind
        return None

    def condition_name(self, text: str) -> Optional[str]:
        """The condition a phrase names: 'Herniated Discs' -> 'herniated disc', 'PTSD' -> its full name."""
        raw = text.strip()
        if raw in self.condition_aliases:
            return self.condition_aliases[raw]
        words = norm_phrase(re.sub(r"[^\w\s'-]", " ", raw)).split()
        if not words:
            return None
        words[-1] = singular(words[-1])
        name = " ".join(words)
        return self.condition_aliases.get(name, name)


# --------------------------------------------------------------------------------------------------
# Loading


def builtin_paths() -> list[Path]:
    return [DATA_DIR / name for name in BUILTIN_FILES]


def load_knowledge(data: Sequence[str] = (BUILTIN,), *, subjects: Optional[str] = None,
                   cues: Optional[str] = None, base: Path = Path(".")) -> Knowledge:
    """Knowledge from the packaged files and the overlays in ``data`` (paths, ``"builtin"`` for ours).

    ``subjects`` and ``cues`` replace the packaged file of that name (the older way to point checker
    at a whole file of one's own); overlays add to whatever is loaded.
    """
    paths: list[Path] = []
    for entry in data:
        if entry == BUILTIN:
            for builtin in builtin_paths():
                replacement = {"subjects.yaml": subjects, "cues.yaml": cues}.get(builtin.name)
                paths.append(Path(replacement) if replacement else builtin)
        else:
            path = Path(entry)
            paths.append(path if path.is_absolute() else base / path)
    loaded = [(str(p), _read(p)) for p in paths]
    return _compile(loaded)


def _read(path: Path) -> tuple[DataFile, object]:
    if not path.is_file():
        raise DataFileError(f"{path}: data file not found")
    raw = load_yaml(path)
    return validate(str(path), raw), raw


_Loaded = list  # of (path, (DataFile, raw))


def _compile(loaded: _Loaded) -> Knowledge:
    b = _Builder()
    for path, (model, raw) in loaded:
        b.add(path, model, raw)
    return b.build(tuple(p for p, _ in loaded))


# sections whose values are lists of words, merged in file order without repeats
_LIST_SECTIONS = ("modifiers", "condition_headers", "condition_openers", "conditions", "not_a_claim_after",
                  "hedges", "typical", "subset", "maximum", "negations", "personal", "hearsay", "qualifier_negators",
                  "name_stops", "generic_modifiers", "not_subjects", "everyone", "variants", "keep_plural",
                  "redundant_heads", "care_heads", "treatment_openers", "condition_markers", "event_heads", "name_tails",
                  "of_heads", "section_words")
# sections that map a name to a list of words; their keys' lines are kept for errors
_MAP_SECTIONS = ("heads", "names", "references", "groups", "places", "hypotheticals")


class _Builder:
    """Merges validated files in order; remembers where each name came from for error messages."""

    def __init__(self) -> None:
        self.lists: dict = {}
        self.subjects: dict = {}  # canonical -> {"aliases": [...], "parent": ..., "where": ...}
        self.attributes: dict = {}
        self.qualifiers: dict = {}
        self.maps: dict = {}  # section -> {key: list or str}
        self.topic: dict = {"prefixes": [], "suffixes": [], "cut_at": [], "site_words": []}
        self.min_suffix_length = 7
        self.where: dict = {}  # (section, key) -> "path:line" of its first definition

    def _extend(self, section: str, values: Iterable[str]) -> None:
        target = self.lists.setdefault(section, [])
        for v in values:
            if v not in target:
                target.append(v)

    def add(self, path: str, model: DataFile, raw: object) -> None:
        raw_map = raw if isinstance(raw, dict) else {}
        for section in _LIST_SECTIONS:
            self._extend(section, getattr(model, section))
        self._add_subjects(path, model, raw_map)
        self._add_attributes(path, model, raw_map)
        self._add_qualifiers(path, model, raw_map)
        self._add_maps(path, model, raw_map)
        self._add_suffixes(path, model, raw_map)
        for key in ("prefixes", "suffixes", "cut_at", "site_words"):
            self.topic[key] += [v for v in getattr(model.topic, key) if v not in self.topic[key]]

    def _add_subjects(self, path: str, model: DataFile, raw_map: dict) -> None:
        for name, spec in model.subjects.items():
            entry = self.subjects.setdefault(name, {"aliases": [], "parent": None, "where": ""})
            entry["where"] = where(path, raw_map.get("subjects", {}), name)
            if spec is not None:
                entry["aliases"] += [a for a in spec.aliases if a not in entry["aliases"]]
                if spec.parent is not None:
                    entry["parent"] = spec.parent

    def _add_attributes(self, path: str, model: DataFile, raw_map: dict) -> None:
        for name, attr in model.attributes.items():
            entry = self.attributes.setdefault(name, {"takes": [], "label": None, "cues": {}, "where": "",
                                                      "span": None})
            entry["where"] = where(path, raw_map.get("attributes", {}), name)
            entry["takes"] += [t for t in attr.takes if t not in entry["takes"]]
            entry["label"] = attr.label or entry["label"]
            entry["cues"].update({k.lower(): float(v) for k, v in attr.cues.items()})
            if attr.span is not None:
                entry["span"] = tuple(attr.span)

    def _add_qualifiers(self, path: str, model: DataFile, raw_map: dict) -> None:
        for name, qual in model.qualifiers.items():
            entry = self.qualifiers.setdefault(name, {"applies_to": [], "cues": [], "where": ""})
            entry["where"] = where(path, raw_map.get("qualifiers", {}), name)
            entry["applies_to"] += [a for a in qual.applies_to if a not in entry["applies_to"]]
            entry["cues"] += [c.lower() for c in qual.cues if c.lower() not in entry["cues"]]

    def _add_maps(self, path: str, model: DataFile, raw_map: dict) -> None:
        for section in _MAP_SECTIONS:
            target = self.maps.setdefault(section, {})
            for key, values in getattr(model, section).items():
                self.where.setdefault((section, key), where(path, raw_map.get(section, {}), key))
                target.setdefault(key, [])
                target[key] += [v for v in values if v not in target[key]]
        self.maps.setdefault("condition_aliases", {}).update(model.condition_aliases)
        self.maps.setdefault("spellings", {}).update({k.lower(): v.lower() for k, v in model.spellings.items()})

    def _add_suffixes(self, path: str, model: DataFile, raw_map: dict) -> None:
        suffixes = self.maps.setdefault("suffixes", {})
        for kind, values in model.suffixes.items():
            if kind == "min_length":
                if not isinstance(values, int) or values < 2:
                    raise DataFileError(f"{where(path, raw_map.get('suffixes', {}), kind)}: min_length must be a "
                                        f"whole number of at least 2")
                self.min_suffix_length = values
                continue
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                raise DataFileError(f"{where(path, raw_map.get('suffixes', {}), kind)}: suffixes of {kind!r} must be "
                                    f"a list of word endings")
            suffixes.setdefault(kind, [])
            suffixes[kind] += [v.lower() for v in values if v.lower() not in suffixes[kind]]

    def build(self, files: tuple) -> Knowledge:
        canonical, aliases, abbreviations = self._subjects()
        attributes = self._attributes()
        qualifiers = self._qualifiers(attributes)
        kinds = set(self.maps.get("heads", {})) | set(self.maps.get("suffixes", {}))
        heads = self._heads(kinds)
        references = self._references(kinds)
        lists = {k: tuple(v) for k, v in self.lists.items()}
        return Knowledge(
            canonical=canonical, aliases=aliases, abbreviations=abbreviations,
            attributes=attributes, qualifiers=qualifiers, heads=heads, references=references,
            suffixes={k: tuple(v) for k, v in self.maps.get("suffixes", {}).items()},
            min_suffix_length=self.min_suffix_length,
            **self._condition_fields(lists), **_cue_word_fields(lists), **_name_word_fields(lists),
            **self._topic_fields(), **self._phrase_tables(),
            files=files,
        )

    def _attributes(self) -> dict:
        attributes = {}
        for name, spec in self.attributes.items():
            if not spec["takes"]:
                raise DataFileError(f"{spec['where']}: attribute {name!r} needs `takes` (time, age, ratio, count)")
            attributes[name] = Attribute(name, frozenset(spec["takes"]), spec["label"] or name.replace("_", " "),
                                         dict(spec["cues"]), spec["span"] or (None, None))
        return attributes

    def _qualifiers(self, attributes: dict) -> dict:
        qualifiers = {}
        for name, spec in self.qualifiers.items():
            for attribute in spec["applies_to"]:
                if attribute not in attributes:
                    raise DataFileError(f"{spec['where']}: qualifier {name!r}: unknown attribute {attribute!r}")
            qualifiers[name] = Qualifier(name, frozenset(spec["applies_to"]), tuple(spec["cues"]))
        return qualifiers

    def _heads(self, kinds: set) -> dict:
        """Head nouns and known names -> their kind; a name must be of a kind that has heads or suffixes."""
        heads: dict = {}
        for kind, words in self.maps.get("heads", {}).items():
            for w in words:
                heads.setdefault(singular(norm_phrase(w)), kind)
                heads.setdefault(norm_phrase(w), kind)
        for kind, words in self.maps.get("names", {}).items():
            if kind not in kinds:
                raise DataFileError(f"{self.where.get(('names', kind), 'names')}: unknown kind {kind!r} "
                                    f"(kinds: {', '.join(sorted(kinds))})")
            for w in words:
                heads.setdefault(norm_phrase(w), kind)
        return heads

    def _references(self, kinds: set) -> dict:
        references = {}
        for kind, phrases in self.maps.get("references", {}).items():
            if kind != "any" and kind not in kinds:
                raise DataFileError(f"{self.where.get(('references', kind), 'references')}: unknown kind {kind!r} "
                                    f"(kinds: {', '.join(sorted(kinds))}, any)")
            for p in phrases:
                references[norm_phrase(p)] = kind
        return references

    def _condition_fields(self, lists: dict) -> dict:
        condition_aliases = self.maps.get("condition_aliases", {})
        return dict(
            condition_headers=frozenset(norm_phrase(w) for w in lists.get("condition_headers", ())),
            condition_openers=tuple(sorted(_lower(lists.get("condition_openers")), key=lambda w: -len(w))),
            conditions=tuple(sorted(lists.get("conditions", ()), key=lambda w: -len(w))),
            condition_aliases={**{k: v for k, v in condition_aliases.items()},
                               **{norm_phrase(k): v for k, v in condition_aliases.items() if not k.isupper()}},
            condition_markers=frozenset(_lower(lists.get("condition_markers"))),
        )

    def _topic_fields(self) -> dict:
        return dict(
            topic_prefixes=tuple(sorted(_lower(self.topic["prefixes"]), key=lambda w: -len(w))),
            topic_suffixes=tuple(sorted(_lower(self.topic["suffixes"]), key=lambda w: -len(w))),
            topic_cut_at=tuple(self.topic["cut_at"]),
            site_words=frozenset(_lower(self.topic["site_words"])),
        )

    def _phrase_tables(self) -> dict:
        return dict(
            spellings=dict(self.maps.get("spellings", {})),
            groups=_phrase_table(self.maps.get("groups", {})),
            places=_phrase_table(self.maps.get("places", {}), keep_capitals=True),
            hypotheticals=_phrase_table(self.maps.get("hypotheticals", {})),
        )

    def _subjects(self) -> tuple[dict, dict, dict]:
        canonical: dict = {}
        aliases: dict[str, str] = {}
        abbreviations: dict[str, str] = {}
        for name, spec in self.subjects.items():
            canonical[name] = spec["parent"]
            for alias in [name] + spec["aliases"]:
                if alias.isupper() and len(alias) <= 8:
                    if abbreviations.get(alias, name) != name:
                        raise DataFileError(f"{spec['where']}: abbreviation {alias!r} of {name!r} is already used by "
                                            f"{abbreviations[alias]!r}")
                    abbreviations[alias] = name
                    continue
                key = alias_key(alias)
                if aliases.get(key, name) != name:
                    raise DataFileError(f"{spec['where']}: alias {alias!r} of {name!r} is already an alias of "
                                        f"{aliases[key]!r}")
                aliases[key] = name
        for name, spec in self.subjects.items():
            if spec["parent"] is not None and spec["parent"] not in canonical:
                raise DataFileError(f"{spec['where']}: parent {spec['parent']!r} of {name!r} is not a subject")
        return canonical, aliases, abbreviations


def _cue_word_fields(lists: dict) -> dict:
    """The words that qualify a claim: hedges, typical and subset cues, negations, who is speaking."""
    return dict(
        modifiers=frozenset(w.lower() for w in lists.get("modifiers", ())),
        hedges=_lower(lists.get("hedges")), typical=_lower(lists.get("typical")),
        subset=_lower(lists.get("subset")), maximum=_lower(lists.get("maximum")),
        negations=frozenset(_lower(lists.get("negations"))),
        personal=frozenset(_lower(lists.get("personal"))),
        hearsay=frozenset(_lower(lists.get("hearsay"))),
        qualifier_negators=frozenset(_lower(lists.get("qualifier_negators"))),
        not_a_claim_after=tuple(tuple(norm_phrase(w).split()) for w in lists.get("not_a_claim_after", ())),
        everyone=frozenset(_lower(lists.get("everyone"))),
    )


def _name_word_fields(lists: dict) -> dict:
    """The words that shape a subject's name: where it stops, what is not one, which heads it takes."""
    return dict(
        name_stops=frozenset(_lower(lists.get("name_stops"))),
        generic_modifiers=frozenset(_lower(lists.get("generic_modifiers"))),
        not_subjects=frozenset(singular(w) for w in _lower(lists.get("not_subjects"))) |
        frozenset(_lower(lists.get("not_subjects"))),
        keep_plural=frozenset(_lower(lists.get("keep_plural"))),
        redundant_heads=frozenset(_lower(lists.get("redundant_heads"))),
        care_heads=frozenset(_lower(lists.get("care_heads"))),
        event_heads=frozenset(_lower(lists.get("event_heads"))),
        treatment_openers=tuple(sorted({tuple(p.split()) for p in _lower(lists.get("treatment_openers"))})),
        name_tails=tuple(sorted(_lower(lists.get("name_tails")), key=len, reverse=True)),
        of_heads=frozenset(_lower(lists.get("of_heads"))),
        section_words=frozenset(_lower(lists.get("section_words"))),
        variants=frozenset(_lower(lists.get("variants"))),
    )


def alias_key(text: str) -> str:
    """The form an alias is looked up in: lower case, punctuation folded, last word singular."""
    words = norm_phrase(re.sub(r"[^\w\s\-/']", " ", text)).replace("'s ", " ").replace("' ", " ").split()
    if not words:
        return ""
    words[-1] = singular(words[-1])
    return " ".join(words)


def _lower(values: Optional[Iterable[str]]) -> tuple:
    return tuple(norm_phrase(v) for v in (values or ()))


def _phrase_table(table: dict, keep_capitals: bool = False) -> dict:
    out: dict[str, str] = {}
    for name, phrases in table.items():
        for phrase in phrases:
            key = phrase if keep_capitals and phrase.isupper() or (keep_capitals and "." in phrase and
                                                                   phrase.upper() == phrase) else norm_phrase(phrase)
            out.setdefault(key, norm_phrase(name))
    return out


_default: Optional[Knowledge] = None


def default_knowledge() -> Knowledge:
    """The packaged knowledge, loaded once per process."""
    global _default
    if _default is None:
        _default = load_knowledge()
    return _default


__all__ = ["Knowledge", "Attribute", "Qualifier", "load_knowledge", "default_knowledge", "alias_key", "norm_phrase",
           "singular", "BUILTIN", "KINDS"]
