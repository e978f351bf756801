"""The library entry point: ``check(paths, config) -> CheckResult``.

read → extract → normalize → align → detect, with the claim store in between: a source whose content
hash is in the store (and extracted by the same pipeline) is not read by spaCy again. The CLI only
parses arguments, calls this, renders and sets the exit code.
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import __version__
from .align import align, resolve_subjects
from .config import Config
from .detect import DetectConfig, detect
from .errors import InputError, UsageError, display
from .limits import extract_within_limits
from .model import CheckResult, Claim, Document, SourceError, SourceNote
from .read import DiscoveryRules, discover_sources, read_document
from .read.discover import NOT_A_DOCUMENT
from .store import ClaimStore, pipeline_fingerprint


@dataclass
class Resources:
    """The data files of a configuration, loaded once; the spaCy pipeline built when first needed."""

    config: Config
    _extractor: object = None
    _loaded: object = None

    @classmethod
    def load(cls, config: Config) -> "Resources":
        return cls(config)

    def _key(self) -> tuple:
        c = self.config
        return (tuple(c.data), c.subjects, c.cues, c.quantities, c.health)

    @property
    def loaded(self):
        """Knowledge and vocabularies, without spaCy (the fingerprint and alignment need no pipeline)."""
        if self._loaded is None:
            from .extract.pipeline import load_resources

            data, subjects, cues, quantities, health = self._key()
            self._loaded = load_resources(data, subjects, cues, quantities, health)
        return self._loaded

    @property
    def extractor(self):
        if self._extractor is None:
            from .extract import Extractor  # spaCy is imported only when something is extracted

            data, subjects, cues, quantities, health = self._key()
            self._extractor = Extractor(data, subjects, cues, quantities, health)
        return self._extractor

    def fingerprint(self) -> str:
        from .extract.pipeline import PIPELINE_VERSION

        parts: list = [__version__, PIPELINE_VERSION, str(self.config.limits.max_block_size)]
        for path in self.loaded.files():
            parts.append(Path(path).read_bytes() if path and Path(path).exists() else b"")
        # Stored claims are final (extracted, normalized, subject resolved) and are not recomputed, so the
        # code of those stages is part of the fingerprint: an edit there must not leave stale intervals.
        package = Path(__file__).resolve().parent
        for name in STAGE_CODE:
            target = package / name
            files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
            parts += [f.read_bytes() for f in files if f.exists()]
        return pipeline_fingerprint(*parts)


STAGE_CODE = ("read", "limits.py", "extract", "quantities", "normalize.py", "knowledge", "align", "model.py", "store.py")


def check(
    paths: Iterable[str],
    config: Config = Config(),
    store: Optional[str] = None,
    write_store: bool = False,
    resources: Optional[Resources] = None,
    progress: Optional[Callable[..., None]] = None,
) -> CheckResult:
    """Read every source under ``paths``, extract and compare claims, return the result.

    With ``store``, sources whose content is unchanged since the store was written are not extracted
    again (their stored claims are used as they are); with ``write_store`` the store is updated
    (atomically) when anything in it changed. ``progress(done, total, stage)`` is called as documents
    are read (stage "reading") and extracted (stage "extracting").
    """
    resources = resources or Resources.load(config)
    found, documents, errors, notes = _read_sources(paths, config, store, progress)

    claim_store = ClaimStore(store) if store else None
    fingerprint = resources.fingerprint() if claim_store else ""
    cached = claim_store.load(fingerprint) if claim_store else {}
    if claim_store and claim_store.problem:
        notes.append(SourceNote(*claim_store.problem))
    notes += [SourceNote(d.source, f"read as {d.encoding} ({_HOW[d.encoding_source]})") for d in documents
              if d.encoding != "utf-8"]
    reused: list[Claim] = []
    to_extract: list[Document] = []
    for doc in documents:
        hit = cached.get(doc.source)
        if hit and hit[0] == doc.sha256:
            reused.extend(hit[1])
        else:
            to_extract.append(doc)

    fresh: list[Claim] = []
    if to_extract:
        from .quantities import normalize_claims

        loaded = resources.loaded

        def finish(page: list) -> list:  # a number too large to be finite is not a claim
            page = resolve_subjects(normalize_claims(page, loaded.vocabulary, loaded.health), loaded.knowledge)
            return [c for c in page if all(b is None or math.isfinite(b) for b in (c.low, c.high))]

        by_page, failed = extract_within_limits(resources.extractor, to_extract, config.limits, finish, progress)
        for doc in to_extract:
            fresh.extend(by_page.get(doc.source, []))
        errors += [SourceError(source, message) for source, message in failed.items()]
        documents = [d for d in documents if d.source not in failed]  # never stored as a page without claims
    claims = reused + fresh
    claims.sort(key=lambda c: (c.source, c.start, c.value_start, c.id))

    hashes = {d.source: d.sha256 for d in documents}
    store_changed = bool(to_extract) or set(cached) != set(hashes) or bool(claim_store and claim_store.problem)
    if claim_store and write_store and store_changed:
        claim_store.write(fingerprint, hashes, claims, {d.source: d.encoding for d in documents})

    knowledge = resources.loaded.knowledge
    detect_config = DetectConfig(tolerance=config.tolerance, vague_tolerance=config.vague_tolerance,
                                 labels=knowledge.labels())
    alignment = align(claims, knowledge)
    conflicts = detect(alignment.groups, detect_config)
    if config.select:
        conflicts = [c for c in conflicts if c.rule in config.select]
    if config.ignore:
        conflicts = [c for c in conflicts if c.rule not in config.ignore]
    return CheckResult(
        sources=tuple(d.source for d in documents),
        claims=tuple(claims),
        conflicts=tuple(conflicts),
        errors=tuple(sorted(errors, key=lambda e: e.source)),
        extracted=tuple(d.source for d in to_extract if d.source in hashes),
        skipped=tuple(s.path for s in found.skipped if s.reason == NOT_A_DOCUMENT),
        uncompared=alignment.uncompared,
        notes=tuple(sorted(notes, key=lambda n: (n.source, n.message))),
    )


_HOW = {"bom": "byte order mark", "declared": "declared in the page", "detected": "detected", "": "default"}


def _read_sources(paths: Iterable[str], config: Config, store: Optional[str], progress) -> tuple:
    """Discovery and reading: (discovery, documents, errors, notes). The claim store and the report
    folder are never read as pages; what discovery skipped is noted with its reason."""
    found = discover_sources(paths, DiscoveryRules(
        include=config.include, exclude=config.exclude, gitignore=config.respect_gitignore,
        exclude_dirs=(config.out, config.store) + ((store,) if store else ())))
    documents: list[Document] = []
    errors = [SourceError(e.path, f"{display(e.path)}: {e.reason}") for e in found.errors]
    notes = [SourceNote(s.path, f"skipped: {s.reason}") for s in found.skipped]
    for index, path in enumerate(found.files):
        try:
            documents.append(read_document(path, config.limits))
        except InputError as exc:
            errors.append(SourceError(Path(path).as_posix(), exc.message))
        if progress:
            progress(index + 1, len(found.files), "reading")
    return found, documents, errors, notes


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


def only_changed(result: CheckResult, changed: Iterable[str]) -> CheckResult:
    """The conflicts that involve a claim from one of the ``changed`` files; the rest of the result
    (sources, claims, errors) stays, since the conflicts were judged against the whole corpus."""
    wanted = {Path(p).resolve() for p in changed}
    resolved: dict = {}

    def touched(source: str) -> bool:
        if source not in resolved:
            resolved[source] = Path(source).resolve() in wanted
        return resolved[source]

    keep = tuple(c for c in result.conflicts if any(touched(cc.claim.source) for cc in c.claims))
    return dataclasses.replace(result, conflicts=keep)
