"""Loading the data files a domain expert edits (YAML), with ``path:line`` errors.

The loader keeps the line of every mapping key and list item, so a validator can point at the exact
place that is wrong: ``checker/data/subjects.yaml:42: alias 'MBB' is already used by ...``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import yaml

from ..errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class LineDict(dict):
    """A dict that remembers the 1-based line of each key (``lines[key]``) and of itself (``line``)."""

    line = 0
    lines: dict


class LineList(list):
    line = 0
    lines: list


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node, deep=False):
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise DataFileError(f"{loader.name}:{key_node.start_mark.line + 1}: duplicate key {key!r}")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node, deep=False):
    seq = LineList(loader.construct_object(child, deep=True) for child in node.value)
    seq.line = node.start_mark.line + 1
    seq.lines = [child.start_mark.line + 1 for child in node.value]
    return seq


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def load_yaml(path: Path | str) -> Any:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{path}: not UTF-8 (byte {exc.start})") from None
    loader = _LineLoader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise DataFileError(f"{path}:{line}: {exc.problem or exc}") from None
    finally:
        loader.dispose()


def where(path, container, key=None) -> str:
    """``path:line`` of a key in a LineDict, an item index in a LineList, or the container itself."""
    line = getattr(container, "line", 0)
    if key is not None:
        lines = getattr(container, "lines", None)
        try:
            line = lines[key] if lines is not None else line
        except (KeyError, IndexError, TypeError):
            pass
    return f"{path}:{line}"


def locate(path, data, keys: Iterable) -> str:
    """``path:line`` of the deepest of ``keys`` (a path of mapping keys and list indexes, such as a
    pydantic error location) that the loader recorded a line for."""
    container, parent, key = data, None, None
    for part in keys:
        if isinstance(container, dict) and part in container or \
                isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container):
            parent, key = container, part
            container = container[part]
        else:
            break
    return where(path, parent, key) if parent is not None else where(path, data)


def fail(path, container, key, message: str) -> DataFileError:
    return DataFileError(f"{where(path, container, key)}: {message}")


def expect_mapping(path, value, context: str) -> LineDict:
    if not isinstance(value, dict):
        raise DataFileError(f"{path}:{getattr(value, 'line', 1)}: {context} must be a mapping")
    return value


def data_path(name: str, override: str | Path | None = None) -> Path:
    return Path(override) if override else DATA_DIR / name
