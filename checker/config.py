"""Configuration: the top level (or ``[tool.checker]``) of ``checker.toml``, or ``[tool.checker]`` in
``pyproject.toml``.

Found like ruff finds its own: the nearest folder, from the starting folder upward, that has a
``checker.toml`` or a ``pyproject.toml`` with a ``[tool.checker]`` table (a ``pyproject.toml``
without one is passed over). Paths in the file, and the default folders (``sources``, ``claims``,
``reports``), are relative to the file, so a run from a subfolder reads the same sources and data.
Unknown keys and unknown rule codes are errors, so a typo never silently turns a check off. Every
setting remembers where it came from (``checker config``).
"""
from __future__ import annotations

import dataclasses
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

from .errors import ConfigError
from .limits import LIMIT_KEYS, Limits, discovery_from_mapping, limits_from_mapping
from .model import SEVERITIES
from .rules import validate_codes

CONFIG_FILES = ("checker.toml", "pyproject.toml")  # in this order within one folder
DEFAULT_ORIGIN = "default"


@dataclass(frozen=True)
class Config:
    subjects: Optional[str] = None  # lexicon file paths; None = the packaged data files
    cues: Optional[str] = None
    quantities: Optional[str] = None
    health: Optional[str] = None
    # knowledge files: "builtin" for the packaged ones, then overlays that add to them
    data: tuple[str, ...] = ("builtin",)
    tolerance: float = 0.2
    vague_tolerance: float = 0.1
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    baseline: Optional[str] = None
    store: str = "claims"
    out: str = "reports"
    source: str = ""  # the configuration file, for messages; "" when there is none
    paths: tuple[str, ...] = field(default=("sources",))
    origins: tuple[tuple[str, str], ...] = ()  # ((setting, "file:line"), ...) for every setting the file sets
    # the configuration file's folder, absolute: decisions and baselines name sources relative to it, so
    # that they hold from any subfolder (None: the working directory)
    root: Optional[str] = None
    include: tuple[str, ...] = ()  # .gitignore-style patterns: only the files they name are read
    exclude: tuple[str, ...] = ()  # .gitignore-style patterns: files and folders never read
    respect_gitignore: bool = True
    limits: Limits = Limits()  # max_page_size, max_block_size, max_claims_per_page, max_seconds_per_page

    def origin(self, key: str) -> str:
        """Where a setting came from: "checker.toml:3", or "default"."""
        return dict(self.origins).get(key, DEFAULT_ORIGIN)

    def project_root(self) -> Optional[Path]:
        return Path(self.root) if self.root else None

    def setting(self, key: str) -> Any:
        """The value of a setting by its name in the file (the limits are kept in ``limits``)."""
        return getattr(self.limits, key) if key in LIMIT_KEYS else getattr(self, key)


SETTINGS = ("paths", "data", "subjects", "cues", "quantities", "health", "tolerance", "vague_tolerance", "select",
            "ignore", "fail_on", "baseline", "store", "out", "include", "exclude", "respect_gitignore",
            *LIMIT_KEYS)
_PATH_KEYS = ("subjects", "cues", "quantities", "health", "baseline", "store", "out")


def find_config(start: str | Path = ".") -> Optional[Path]:
    """The configuration file that applies to ``start`` (a folder or a file), or None."""
    here = Path(start).resolve()
    folders = [here, *here.parents] if here.is_dir() else list(here.parents)
    for folder in folders:
        if (folder / "checker.toml").is_file():
            return folder / "checker.toml"
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_checker_table(pyproject):
            return pyproject
    return None


def _has_checker_table(pyproject: Path) -> bool:
    data = _read_toml(pyproject)
    return isinstance(data.get("tool"), dict) and "checker" in data["tool"]


def load_config(start: str | Path = ".", explicit: Optional[str | Path] = None) -> Config:
    """The configuration for a run from ``start`` (see `find_config`), or the ``explicit`` file."""
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{explicit}: configuration file not found")
    else:
        found = find_config(start)
        if found is None:
            return Config()
        path = found
    return _from_file(path)


def _read_toml(path: Path) -> dict[str, Any]:
    return _parse_toml(path, _read_text(path))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


def _parse_toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _from_file(path: Path) -> Config:
    text = _read_text(path)
    data = _parse_toml(path, text)
    tool = data.get("tool", {})
    in_tool = isinstance(tool, dict) and "checker" in tool
    if path.name == "pyproject.toml" or in_tool:
        table = tool.get("checker", {}) if isinstance(tool, dict) else {}
    else:
        table = data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.checker] must be a table")
    shown = _relative(path.resolve())
    lines = _key_lines(text, "tool.checker" if in_tool else None)
    origins = tuple((key, f"{shown}:{lines[key]}" if key in lines else shown) for key in sorted(table))
    config = config_from_mapping(table, shown, base=path.resolve().parent)
    return dataclasses.replace(config, origins=origins, root=path.resolve().parent.as_posix())


def _key_lines(text: str, table: Optional[str]) -> dict[str, int]:
    """The line of each key of ``table`` (None: the top level) in a TOML text, for `Config.origin`."""
    lines: dict[str, int] = {}
    current: Optional[str] = None
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[\s*([^\[\]]+?)\s*\]", line)
        if header:
            current = re.sub(r"\s+", "", header.group(1))
            continue
        key = re.match(r"""\s*("[^"]+"|'[^']+'|[A-Za-z0-9_-]+)\s*=""", line)
        if key and current == table:
            lines.setdefault(key.group(1).strip("\"'"), number)
    return lines


def _relative(path: Path) -> str:
    """``path`` as a user would type it from the working directory (it may go up: ``../sources``)."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def _resolve(base: Path, value: str) -> str:
    path = Path(value)
    return path.as_posix() if path.is_absolute() else _relative(base / path)


def config_from_mapping(table: dict[str, Any], where: str, base: Optional[Path] = None) -> Config:
    """A `Config` from a ``[tool.checker]`` table; ``where`` names it in errors. Paths are relative to
    ``base`` (the configuration file's folder), else to the working directory."""
    unknown = sorted(set(table) - set(SETTINGS))
    if unknown:
        raise ConfigError(f"{where}: unknown setting {unknown[0]!r} in [tool.checker] "
                          f"(known: {', '.join(sorted(SETTINGS))})")
    values: dict[str, Any] = {"source": where}
    for key, value in table.items():
        if key in _CHECKS:
            values[key] = _CHECKS[key](key, value, where)
    # include, exclude, respect_gitignore and the limits (checker/limits.py); patterns are not paths:
    # they match paths relative to the project root (the configuration file's folder)
    values.update(discovery_from_mapping(table, where), limits=limits_from_mapping(table, where))
    if base is not None:
        # the defaults too (sources/, claims/, reports/): they are the project's folders, wherever it runs from
        defaults = Config()
        for key in _PATH_KEYS:
            value = values.get(key, getattr(defaults, key))
            if value is not None:
                values[key] = _resolve(base, value)
        for key in ("data", "paths"):
            entries = values.get(key, getattr(defaults, key))
            values[key] = tuple(e if e == "builtin" and key == "data" else _resolve(base, e) for e in entries)
    return Config(**values)


def _path(key: str, value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: {key} must be a file or folder path (a string), not {value!r}")
    return value


def _paths(key: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(e, str) and e for e in value):
        hint = ' (and "builtin" for the packaged files)' if key == "data" else ""
        raise ConfigError(f"{where}: {key} must be a list of paths{hint}, not {value!r}")
    return tuple(value)


def _tolerance(key: str, value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 10:
        raise ConfigError(f"{where}: {key} must be a number from 0 to 10, not {value!r}")
    return float(value)


def _codes(key: str, value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{where}: {key} must be a list of rule codes")
    return tuple(validate_codes(value, where))


def _severity(key: str, value: Any, where: str) -> str:
    if value not in SEVERITIES:
        raise ConfigError(f"{where}: {key} must be one of {', '.join(SEVERITIES)}, not {value!r}")
    return str(value)


_CHECKS = {"subjects": _path, "cues": _path, "quantities": _path, "health": _path, "baseline": _path,
           "store": _path, "out": _path, "data": _paths, "paths": _paths, "tolerance": _tolerance,
           "vague_tolerance": _tolerance, "select": _codes, "ignore": _codes, "fail_on": _severity}


def describe(config: Config) -> list[tuple[str, Any, str]]:
    """Every setting as (name, value, where it came from), in the documented order."""
    return [(key, config.setting(key), config.origin(key)) for key in SETTINGS]
