"""Discovery: the pages under the paths given, and what was skipped and why.

A folder is walked without following a symlink twice into the same folder (a loop, or a second path to
a folder already read), and nothing that is not a regular file is ever opened: a FIFO would block the
run, a device would never end. What is left out on purpose is left out silently: hidden files and
folders below a given path, the claim store and the report folder (``exclude_dirs``), anything that
``exclude`` or a ``.gitignore`` names, and, when ``include`` is set, any file it does not name. What is
left out for any other reason (a broken symlink, a loop, a FIFO, a folder that cannot be listed, a file
of another type) is reported as skipped with its reason; a path given explicitly that cannot be read
as a page is an error instead.

``include`` and ``exclude`` are patterns in the ``.gitignore`` syntax, matched against paths relative
to ``base`` (the working directory).
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..errors import UsageError, display

SUFFIXES = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
NOT_A_DOCUMENT = "not a .txt, .md or .html document"
_QUIET_NAMES = ("readme", "license")  # files without a suffix that every folder has: not worth a note


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


@dataclass
class Discovery:
    files: list = field(default_factory=list)  # sorted, forward slashes
    skipped: list = field(default_factory=list)  # of Skipped, sorted by path
    errors: list = field(default_factory=list)  # of Skipped: paths given explicitly that are no page


@dataclass(frozen=True)
class DiscoveryRules:
    include: tuple = ()
    exclude: tuple = ()
    gitignore: bool = True
    exclude_dirs: tuple = ()  # folders never read: the claim store, the report folder
    base: str = "."


def discover(paths: Iterable[str | Path]) -> tuple[list[str], list[str]]:
    """Files to read under ``paths`` (sorted, forward slashes) and files skipped for their type."""
    found = discover_sources(paths)
    return found.files, [s.path for s in found.skipped if s.reason == NOT_A_DOCUMENT]


def discover_sources(paths: Iterable[str | Path], rules: DiscoveryRules = DiscoveryRules()) -> Discovery:
    """Every page under ``paths``. A path that does not exist is a usage error: a typo must not pass
    as a clean run."""
    walk = _Walk(rules)
    for raw in paths:
        walk.explicit(Path(raw), str(raw))
    return walk.result()


class _Walk:
    def __init__(self, rules: DiscoveryRules):
        self.rules = rules
        self.found: dict = {}  # path -> (st_dev, st_ino)
        self.skipped: dict = {}  # path -> reason
        self.errors: dict = {}
        self.visited: set = set()  # (st_dev, st_ino) of folders walked
        self.excluded_dirs = {_key(s) for s in (_stat(d) for d in rules.exclude_dirs) if s and stat.S_ISDIR(s.st_mode)}
        self.include = _spec(rules.include)
        self.exclude = _spec(rules.exclude)
        self.base = Path(rules.base).resolve()

    def explicit(self, p: Path, raw: str) -> None:
        info = _stat(p)
        if info is None:
            raise UsageError(f"{display(raw)}: {_missing_reason(p)}")
        if stat.S_ISDIR(info.st_mode):
            self.walk(p, info)
        elif not stat.S_ISREG(info.st_mode):
            self.errors[p.as_posix()] = f"not a regular file ({file_kind(info.st_mode)})"
        elif p.suffix.lower() not in SUFFIXES:
            raise UsageError(f"{display(raw)}: {NOT_A_DOCUMENT}")
        else:
            self.found.setdefault(p.as_posix(), _key(info))

    def walk(self, root: Path, info: os.stat_result) -> None:
        self.visited.add(_key(info))
        ignores = _parent_ignores(root) if self.rules.gitignore else []
        stack = [(root, ignores)]
        while stack:
            folder, ignores = stack.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError as exc:
                self.skipped[folder.as_posix()] = f"cannot list the folder: {exc.strerror or exc}"
                continue
            if self.rules.gitignore and any(e.name == ".gitignore" for e in entries):
                ignores = ignores + [(_gitignore(folder / ".gitignore"), "")]
            for entry in entries:
                if not entry.name.startswith("."):
                    self._entry(folder / entry.name, entry, ignores, stack)

    def _entry(self, path: Path, entry: os.DirEntry, ignores: list, stack: list) -> None:
        name = path.as_posix()
        info = _stat(path)
        if info is None:
            self.skipped[name] = _missing_reason(path)
            return
        is_dir = stat.S_ISDIR(info.st_mode)
        if self._ignored(path, entry.name, is_dir, ignores):
            return
        if is_dir:
            self._folder(path, info, ignores, stack)
        elif not stat.S_ISREG(info.st_mode):
            self.skipped[name] = f"not a regular file ({file_kind(info.st_mode)})"
        elif path.suffix.lower() in SUFFIXES:
            self.found.setdefault(name, _key(info))
        elif entry.name.lower() not in _QUIET_NAMES:
            self.skipped[name] = NOT_A_DOCUMENT

    def _folder(self, path: Path, info: os.stat_result, ignores: list, stack: list) -> None:
        key = _key(info)
        if key in self.excluded_dirs:
            return
        if key in self.visited:
            loop = path.resolve() in path.parent.resolve().parents or path.resolve() == path.parent.resolve()
            self.skipped[path.as_posix()] = ("symlink loop (links to a folder above it)" if loop
                                             else "links to a folder already read")
            return
        self.visited.add(key)
        child = [(spec, f"{prefix}{path.name}/") for spec, prefix in ignores]
        stack.append((path, child))

    def _ignored(self, path: Path, name: str, is_dir: bool, ignores: list) -> bool:
        relative = self._relative(path) + ("/" if is_dir else "")
        if self.exclude is not None and self.exclude.match_file(relative):
            return True
        if self.include is not None and not is_dir and not self.include.match_file(relative):
            return True
        verdict = None
        for spec, prefix in ignores:  # outer files first: an inner .gitignore may re-include ('!name')
            checked = spec.check_file(prefix + name + ("/" if is_dir else ""))
            if checked.include is not None:
                verdict = checked.include
        return bool(verdict)

    def _relative(self, path: Path) -> str:
        absolute = Path(os.path.abspath(path))
        try:
            return absolute.relative_to(self.base).as_posix()
        except ValueError:
            return absolute.as_posix()

    def result(self) -> Discovery:
        files: list = []
        seen: dict = {}
        for name in sorted(self.found):
            first = seen.setdefault(self.found[name], name)
            if first != name:  # a hard link or a symlink to a page already found
                self.skipped[name] = f"same file as {display(first)}"
            else:
                files.append(name)
        return Discovery(files=files, skipped=[Skipped(p, r) for p, r in sorted(self.skipped.items())],
                         errors=[Skipped(p, r) for p, r in sorted(self.errors.items())])


def file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def _stat(path) -> Optional[os.stat_result]:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _key(info: os.stat_result) -> tuple:
    return info.st_dev, info.st_ino


def _missing_reason(path: Path) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        if path.is_symlink():
            return f"broken symlink (to {display(os.readlink(path))})"
        if exc.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot read: {exc.strerror or exc}"
    except ValueError:  # a NUL in the name
        return "not a valid file name"
    return "no such file or directory"


def _spec(patterns: tuple):
    if not patterns:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _gitignore(path: Path):
    import pathspec

    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    return pathspec.GitIgnoreSpec.from_lines(lines)


def _parent_ignores(root: Path) -> list:
    """The .gitignore files above ``root`` up to the top of its git repository (none outside one),
    each with the path from its folder down to ``root``."""
    absolute = root.resolve()
    chain = [absolute, *absolute.parents]
    top = next((k for k, folder in enumerate(chain) if (folder / ".git").exists()), None)
    if top is None or top == 0:
        return []
    ignores = []
    for k in range(top, 0, -1):
        folder = chain[k]
        if (folder / ".gitignore").is_file():
            ignores.append((_gitignore(folder / ".gitignore"), absolute.relative_to(folder).as_posix() + "/"))
    return ignores
