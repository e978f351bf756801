"""The plumbing under `checker.api.Checker`: reading sources, the claim store's fingerprint, and
changed-files mode.

Nothing here imports spaCy, so that a run whose claims all come from the store starts fast.
``checker.pipeline.check`` is still importable for older callers; it is `checker.api.check`.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Optional

from . import __version__
from .config import Config
from .errors import InputError, UsageError, display
from .limits import Limits, describe_size
from .model import CheckResult, Document, SourceError, SourceNote
from .read import SUFFIXES, DiscoveryRules, discover_sources, parse_document, read_document
from .read.discover import NOT_A_DOCUMENT
from .store import pipeline_fingerprint

Progress = Callable[[int, int, str], None]

PACKAGE = Path(__file__).resolve().parent
# Stored claims are final (extracted, normalized, subject resolved) and are not recomputed, so the code
# of those stages is part of the fingerprint: an edit there must not leave stale intervals in the store.
STAGE_CODE = ("read", "limits.py", "extract", "quantities", "knowledge", "align", "model.py", "store.py",
              "store_records.py", "suppress.py")


def fingerprint(config: Config) -> str:
    """The claim store's pipeline fingerprint: checker's version, the data files and the code of the
    extracting stages, and the block size (blocks are what is extracted). Computed from file contents
    alone, without loading anything (no spaCy)."""
    parts: list[str | bytes] = [__version__, str(config.limits.max_block_size)]
    for path in data_files(config):
        parts.append(path.read_bytes() if path.is_file() else b"")
    for name in STAGE_CODE:
        target = PACKAGE / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        parts += [f.read_bytes() for f in files if f.exists()]
    return pipeline_fingerprint(*parts)


def packaged_data_files() -> list[Path]:
    """The data files shipped in ``checker/data/``, sorted by name."""
    return sorted(p for p in (PACKAGE / "data").iterdir() if p.is_file() and p.suffix in (".yaml", ".jsonl"))


def data_files(config: Config) -> list[Path]:
    """Every packaged data file, then the files the configuration adds or substitutes. All packaged
    files count, read or not: which loader reads which file is the knowledge stage's business."""
    configured = [entry for entry in config.data if entry != "builtin"]
    configured += [p for p in (config.subjects, config.cues, config.quantities, config.health) if p]
    return packaged_data_files() + [Path(p) for p in configured]


def read_sources(paths: Iterable[str], progress: Optional[Progress] = None, config: Config = Config(),
                 store: Optional[str] = None
                 ) -> tuple[list[Document], list[SourceError], list[str], list[SourceNote]]:
    """The documents under ``paths``, the sources that could not be read, the files skipped for their
    type, and notes (everything discovery skipped and why; pages not in UTF-8). Discovery follows the
    configuration's ``include``, ``exclude`` and ``respect_gitignore`` (patterns relative to the
    configuration file's folder, else the working directory) and never reads the claim store or the
    report folder as pages; pages are read within ``config.limits``."""
    files, errors, skipped, notes = discover_paths(paths, config, store)
    documents: list[Document] = []
    for index, path in enumerate(files):
        try:
            documents.append(read_document(path, config.limits))
        except InputError as exc:
            errors.append(SourceError(Path(path).as_posix(), exc.message))
        if progress:
            progress(index + 1, len(files), "reading")
    notes += [SourceNote(d.source, f"read as {d.encoding} ({ENCODING_HOW[d.encoding_source]})") for d in documents
              if d.encoding != "utf-8"]
    return documents, errors, skipped, notes


def discover_paths(paths: Iterable[str], config: Config = Config(), store: Optional[str] = None
                   ) -> tuple[list[str], list[SourceError], list[str], list[SourceNote]]:
    """The files to read under ``paths`` (`read_sources`' discovery, without reading them), the paths
    that are errors, the files skipped for their type, and notes on everything discovery skipped."""
    found = discover_sources(paths, DiscoveryRules(
        include=config.include, exclude=config.exclude, gitignore=config.respect_gitignore,
        exclude_dirs=(config.out, config.store) + ((store,) if store else ()), base=config.root or "."))
    errors = [SourceError(e.path, f"{display(e.path)}: {e.reason}") for e in found.errors]
    notes = [SourceNote(s.path, f"skipped: {s.reason}") for s in found.skipped]
    skipped = [s.path for s in found.skipped if s.reason == NOT_A_DOCUMENT]
    return list(found.files), errors, skipped, notes


# how a page's encoding was found (`checker.read.decode`), as the notes say it
ENCODING_HOW = {"bom": "byte order mark", "declared": "declared in the page", "detected": "detected", "": "default"}


def parse_texts(texts: Mapping[str, str], limits: Limits = Limits()) -> tuple[list[Document], list[SourceError]]:
    """Documents from texts in memory, keyed by a name whose suffix gives the format (.txt, .md, .html);
    blocks are cut at ``limits.max_block_size``."""
    documents: list[Document] = []
    errors: list[SourceError] = []
    for name in sorted(texts):
        text = texts[name]
        if not isinstance(name, str) or Path(name).suffix.lower() not in SUFFIXES:
            raise UsageError(f"{name!r}: a text's name must end in {', '.join(sorted(SUFFIXES))} (it gives the format)")
        if not isinstance(text, str):
            raise UsageError(f"{name}: the text must be a str, not {type(text).__name__}")
        size = len(text.encode("utf-8", "surrogatepass"))
        if limits.too_large(size):  # as a file of that many bytes would be
            errors.append(SourceError(name, f"{display(name)}: {describe_size(size)} is over the page size limit of "
                                            f"{describe_size(limits.max_page_size)} (max_page_size)"))
            continue
        try:
            documents.append(parse_document(name, text, limits=limits))
        except InputError as exc:
            errors.append(SourceError(name, exc.message))
    return documents, errors


# --------------------------------------------------------------------------------------------------
# changed-files mode


def changed_since(ref: str, cwd: str | Path = ".") -> list[str]:
    """Files changed since the git ``ref`` (committed, staged or not) plus untracked files, as absolute
    paths. Deleted files are left out: they hold no claims."""
    top = _git(["rev-parse", "--show-toplevel"], cwd, "--since needs a git repository").strip()
    diff = _git(["diff", "--name-only", "-z", ref, "--"], top, f"--since {ref}")
    untracked = _git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z"], top, "--since")
    names = {n for n in (diff + untracked).split("\0") if n}
    return sorted(p for p in (str(Path(top, n)) for n in names) if Path(p).exists())


def _git(args: list[str], cwd: str | Path, what: str) -> str:
    import subprocess

    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                              errors="replace")
    except FileNotFoundError:
        raise UsageError(f"{what}: git is not installed") from None
    if proc.returncode != 0:
        lines = [line for line in proc.stderr.splitlines() if line.strip()]
        raise UsageError(f"{what}: {lines[0] if lines else f'git {args[0]} failed'}")
    return proc.stdout


def require_existing(changed: Iterable[str]) -> list[str]:
    """The changed files, each of which must exist: a typo must not pass as "no conflicts"."""
    changed = list(changed)
    for path in changed:
        if not Path(path).is_file():
            raise UsageError(f"changed file {path}: no such file (a deleted page holds no claims: leave it out)")
    return changed


def only_changed(result: CheckResult, changed: Iterable[str]) -> CheckResult:
    """The conflicts that involve a claim from one of the ``changed`` files; the rest of the result
    (sources, claims, errors) stays, since the conflicts were judged against the whole corpus."""
    wanted = {Path(p).resolve() for p in changed}
    resolved: dict[str, bool] = {}

    def touched(source: str) -> bool:
        if source not in resolved:
            resolved[source] = Path(source).resolve() in wanted
        return resolved[source]

    keep = tuple(c for c in result.conflicts if any(touched(cc.claim.source) for cc in c.claims))
    return dataclasses.replace(result, conflicts=keep)


def __getattr__(name: str) -> Any:
    # `from checker.pipeline import check` predates checker.api, which imports this module: resolved
    # lazily so that neither import order makes a cycle.
    if name == "check":
        from .api import check

        return check
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
