"""Configuration: ``[tool.checker]`` in ``pyproject.toml`` or the top level of ``checker.toml``.

Looked up in the working directory (``checker.toml`` first). Unknown keys and unknown rule codes are
errors, so a typo never silently turns a check off.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from .errors import ConfigError
from .limits import DISCOVERY_KEYS, LIMIT_KEYS, Limits, discovery_from_mapping, limits_from_mapping
from .model import SEVERITIES
from .rules import validate_codes


@dataclass(frozen=True)
class Config:
    subjects: Optional[str] = None  # lexicon file paths; None = the packaged data files
    cues: Optional[str] = None
    quantities: Optional[str] = None
    health: Optional[str] = None
    data: tuple = ("builtin",)  # knowledge files: "builtin" for the packaged ones, then overlays that add to them
    tolerance: float = 0.2
    vague_tolerance: float = 0.1
    select: tuple = ()
    ignore: tuple = ()
    fail_on: str = "error"
    baseline: Optional[str] = None
    store: str = "claims"
    out: str = "reports"
    source: str = ""  # where the configuration came from, for messages
    paths: tuple = field(default=("sources",))
    include: tuple = ()  # .gitignore-style patterns: only the files they name are read
    exclude: tuple = ()  # .gitignore-style patterns: files and folders never read
    respect_gitignore: bool = True
    limits: Limits = Limits()


_KEYS = {"subjects", "cues", "quantities", "health", "data", "tolerance", "vague_tolerance", "select", "ignore", "fail_on",
         "baseline", "store", "out", "paths"} | DISCOVERY_KEYS | set(LIMIT_KEYS)


def load_config(directory: str | Path = ".", explicit: Optional[str] = None) -> Config:
    directory = Path(directory)
    if explicit:
        path = Path(explicit)
        if not path.exists():
            raise ConfigError(f"{explicit}: configuration file not found")
        return _from_file(path, table_in_tool=path.name == "pyproject.toml")
    if (directory / "checker.toml").exists():
        return _from_file(directory / "checker.toml", table_in_tool=False)
    if (directory / "pyproject.toml").exists():
        return _from_file(directory / "pyproject.toml", table_in_tool=True)
    return Config()


def _from_file(path: Path, table_in_tool: bool) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("checker", {}) if table_in_tool else data.get("tool", {}).get("checker", data)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.checker] must be a table")
    return config_from_mapping(table, str(path), base=path.parent)


def config_from_mapping(table: dict, where: str, base: Path = Path(".")) -> Config:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown setting {unknown[0]!r} in [tool.checker] (known: {', '.join(sorted(_KEYS))})")
    values: dict = {"source": where}
    if "data" in table:
        entries = table["data"]
        if not isinstance(entries, list) or not all(isinstance(e, str) and e for e in entries):
            raise ConfigError(f"{where}: data must be a list of file paths (and \"builtin\" for the packaged files)")
        values["data"] = tuple(e if e == "builtin" else (base / e).as_posix() for e in entries)
    for key in ("subjects", "cues", "quantities", "health"):
        if key in table:
            values[key] = str((base / str(table[key])).as_posix()) if base != Path(".") else str(table[key])
    for key in ("tolerance", "vague_tolerance"):
        if key in table:
            value = table[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 10:
                raise ConfigError(f"{where}: {key} must be a number from 0 to 10, not {value!r}")
            values[key] = float(value)
    for key in ("select", "ignore"):
        if key in table:
            if not isinstance(table[key], list):
                raise ConfigError(f"{where}: {key} must be a list of rule codes")
            values[key] = tuple(validate_codes(table[key], where))
    if "fail_on" in table:
        if table["fail_on"] not in SEVERITIES:
            raise ConfigError(f"{where}: fail_on must be one of {', '.join(SEVERITIES)}, not {table['fail_on']!r}")
        values["fail_on"] = table["fail_on"]
    for key in ("baseline", "store", "out"):
        if key in table:
            values[key] = str(table[key])
    if "paths" in table:
        if not isinstance(table["paths"], list) or not all(isinstance(p, str) for p in table["paths"]):
            raise ConfigError(f"{where}: paths must be a list of strings")
        values["paths"] = tuple(table["paths"])
    values.update(discovery_from_mapping(table, where), limits=limits_from_mapping(table, where))
    return Config(**values)
