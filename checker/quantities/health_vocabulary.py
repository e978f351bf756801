"""The words of the health quantities (ages, shares, counts of people), read from
``data/health_quantities.yaml`` and checked against its declared shape."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import DataFileError
from ..knowledge.yamlio import DATA_DIR, load_yaml, where

YEAR = 31557600.0


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Stage(_Model):
    years: Tuple[Optional[float], Optional[float]]
    phrases: List[str]


class _File(_Model):
    life_stages: Dict[str, _Stage]
    decades: Dict[str, int]
    decade_parts: Dict[str, Tuple[int, int]]
    age_words: List[str]
    age_bounds: Dict[str, Tuple[object, object]]
    vague_shares: Dict[str, Tuple[float, float]]
    share_groups: List[str]
    count_groups: List[str]
    count_words_before: List[str]
    per_words: List[str]
    denominator_words: Dict[str, int]
    duration_descriptors: List[str]
    measure_units: List[str] = []
    measure_words: List[str] = []
    count_things: List[str] = []
    share_adverbs: Dict[str, Tuple[float, float]] = {}
    multiplier_words: Dict[str, int] = {}


@dataclass(frozen=True, eq=False)  # compared by identity: its tables compile once
class HealthVocabulary:
    stages: tuple  # (phrase, low seconds, high seconds or None), longest phrase first
    decades: dict
    decade_parts: dict
    age_words: tuple
    age_bounds: dict  # preposition -> (low, high) with "n", 0 or None
    shares: tuple  # (phrase, low, high), longest first
    share_groups: tuple
    count_groups: tuple
    count_words_before: tuple
    per_words: tuple
    denominator_words: dict
    descriptors: frozenset
    measure_units: tuple = ()
    measure_words: tuple = ()
    count_things: tuple = ()
    share_adverbs: tuple = ()  # (phrase, low, high), longest first
    multipliers: dict = None  # type: ignore[assignment]
    path: str = ""


def load_health_vocabulary(path: Optional[str | Path] = None) -> HealthVocabulary:
    path = Path(path) if path else DATA_DIR / "health_quantities.yaml"
    raw = load_yaml(path)
    data = _validated(path, raw)
    _check_age_bounds(path, raw, data)
    return HealthVocabulary(
        stages=tuple(sorted(_stages(data), key=lambda s: -len(s[0]))),
        decades=dict(data.decades),
        decade_parts={k: tuple(v) for k, v in data.decade_parts.items()},
        age_words=tuple(data.age_words),
        age_bounds={k: tuple(v) for k, v in data.age_bounds.items()},
        shares=_ranges_longest_first(data.vague_shares),
        share_groups=_longest_first(g.lower() for g in data.share_groups),
        count_groups=_longest_first(g.lower() for g in data.count_groups),
        count_words_before=_longest_first(w.lower() for w in data.count_words_before),
        per_words=_longest_first(w.lower() for w in data.per_words),
        denominator_words=dict(data.denominator_words),
        descriptors=frozenset(w.lower() for w in data.duration_descriptors),
        measure_units=_longest_first(data.measure_units),  # unit names keep their case ("IU", "L")
        measure_words=_longest_first(w.lower() for w in data.measure_words),
        count_things=_longest_first(w.lower() for w in data.count_things),
        share_adverbs=_ranges_longest_first(data.share_adverbs),
        multipliers={k.lower(): v for k, v in data.multiplier_words.items()},
        path=str(path),
    )


def _validated(path: Path, raw: Any) -> _File:
    """The file as its declared model, or a DataFileError that points at the line of the first bad key."""
    try:
        return _File.model_validate(raw)
    except ValidationError as exc:
        raise _located_error(path, raw, exc) from None


def _located_error(path: Path, raw: Any, exc: ValidationError) -> DataFileError:
    first = exc.errors()[0]
    return DataFileError(f"{_location(path, raw, first['loc'])}: {'.'.join(map(str, first['loc']))}: {first['msg']}")


def _location(path: Path, raw: Any, loc: tuple) -> str:
    """``path:line`` of the deepest key of ``loc`` the file holds (its first line when it holds none)."""
    container: Any = raw
    parent: Any = None
    key: Any = None
    for part in loc:
        if _holds(container, part):
            parent, key = container, part
            container = container[part]
    return where(path, parent, key) if key is not None else f"{path}:1"


def _holds(container: Any, part: Any) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and part < len(container)


def _check_age_bounds(path: Path, raw: Any, data: _File) -> None:
    for prep, bounds in data.age_bounds.items():
        for b in bounds:
            if b not in ("n", 0, None):
                raise DataFileError(f"{where(path, raw['age_bounds'], prep)}: "
                                    f"age bound {b!r} must be n, 0 or null")


def _stages(data: _File) -> list:
    """(phrase, low seconds, high seconds or None) for every phrase of every life stage."""
    stages = []
    for spec in data.life_stages.values():
        low, high = spec.years
        for phrase in spec.phrases:
            stages.append((phrase.lower(), (low or 0) * YEAR, None if high is None else high * YEAR))
    return stages


def _longest_first(words: Iterable[str]) -> tuple:
    # longest first, so that an alternation built from them prefers "most people" to "most"
    return tuple(sorted(words, key=len, reverse=True))


def _ranges_longest_first(table: Dict[str, Tuple[float, float]]) -> tuple:
    return tuple(sorted(((k.lower(), lo, hi) for k, (lo, hi) in table.items()), key=lambda s: -len(s[0])))


@lru_cache(maxsize=1)
def default_health_vocabulary() -> HealthVocabulary:
    return load_health_vocabulary()
