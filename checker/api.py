"""The library API (stable): a `Checker` per configuration, reused for any number of checks.

    from checker import Checker, load_config

    checker = Checker(load_config())
    result = checker.check_texts({"a.md": "...", "b.html": "..."})  # in memory: no file is read or written
    result = checker.check_paths(["sources"], store="claims", baseline="checker-baseline.json")
    if result.fails("warning"):
        ...

A `Checker` loads the data files when it first needs them and builds the spaCy pipeline only when
something must be extracted (a run whose claims all come from the claim store never imports spaCy);
both are kept for the next call. Stages: read → extract → normalize → align → detect, then reviewer
decisions, the baseline and changed files narrow the result.

Extraction runs on an *engine*: `checker.pool.LocalEngine` (``jobs`` processes of this machine; the
default, with one per core) or `checker.dask_engine.DaskEngine` (a Dask cluster). With a claim store,
a run reads only the pages whose size or modification time changed, extracts only those whose content
changed, appends their claims to the store, and detects again only the families of groups that hold a
changed claim (`checker.verdicts`); the output is the same as a run from scratch.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Union

from .config import Config
from .decisions import Decision, DecisionFile, apply_baseline, apply_decisions, load_baseline
from .limits import extract_within_limits
from .model import CheckResult, Claim, Document, SourceError, SourceNote
from .pipeline import (ENCODING_HOW, Progress, discover_paths, fingerprint, only_changed, parse_texts,
                       require_existing)
from .pool import LocalEngine
from .store import ClaimStore, Entry, Segment, claim_from_tuple, claim_line, claim_order, stat_vouches
from .suppress import PageSuppressions, page_suppressions, split_claims, split_conflicts
from .verdicts import (Verdicts, detect_incrementally, detect_salt, families_of, page_hashes, run_digest,
                       uncompared_claims)

if TYPE_CHECKING:  # imported for annotations only: loading them costs time a warm run does not need
    from .extract import Extractor
    from .knowledge import Knowledge
    from .model import ClaimGroup, Conflict

PathLike = Union[str, Path]
DecisionsArg = Union[PathLike, Mapping[str, Decision], None]  # a decisions file, or decisions by conflict id
BaselineArg = Union[PathLike, Mapping[str, str], None]  # a baseline file, or {conflict id: signature}

Engine = Any  # LocalEngine or DaskEngine: extract(checker, paths, progress) and detect(families, config)

__all__ = ["Checker", "check"]


class Checker:
    """Checks documents with one configuration; data files and the spaCy pipeline are loaded once."""

    def __init__(self, config: Optional[Config] = None, *, jobs: Optional[int] = None,
                 engine: Optional[Engine] = None) -> None:
        """``jobs``: processes to extract with (default: one per core; 1 extracts in this process).
        ``engine``: where to extract and detect instead (a `checker.dask_engine.DaskEngine`)."""
        self.config = config or Config()
        self.engine = engine if engine is not None else LocalEngine(jobs)
        self._extractor: Optional[Extractor] = None
        self._knowledge: Optional[Knowledge] = None

    # ----------------------------------------------------------------------------------------------
    # the two ways in

    def check_texts(self, texts: Mapping[str, str], *, decisions: DecisionsArg = None,
                    baseline: BaselineArg = None) -> CheckResult:
        """Check texts in memory, ``{name: text}``; the name's suffix (.txt, .md, .html) gives the format
        and the name is the source in the result. No file is read or written for the texts."""
        documents, errors = parse_texts(texts, self.config.limits)
        claims, failed = self._extract(documents, None)
        documents, errors = _without_failed(documents, errors, failed)
        sources = [d.source for d in documents]
        pages = page_suppressions((d.source, d.text) for d in documents)
        result = self._judge(sources, claims, errors, extracted=sources, pages=pages)
        return self.narrow(result, decisions=decisions, baseline=baseline)

    def check_paths(self, paths: Union[PathLike, Iterable[PathLike], None] = None, *,
                    store: Optional[PathLike] = None, write_store: bool = False,
                    changed: Optional[Iterable[PathLike]] = None,
                    decisions: DecisionsArg = None, baseline: BaselineArg = None,
                    progress: Optional[Progress] = None) -> CheckResult:
        """Check the documents under ``paths`` (default: the configuration's ``paths``).

        ``store``: a claim store folder; sources whose content is unchanged since it was written are
        not extracted again, and with ``write_store`` it is updated (atomically) when anything changed.
        ``changed``: keep only the conflicts that involve a claim from these files (each must exist),
        judged against the whole corpus. ``decisions`` and ``baseline``: see `narrow`.
        ``progress(done, total, stage)`` is called as documents are read and extracted.

        Discovery follows the configuration's ``include``, ``exclude`` and ``respect_gitignore`` and
        never reads ``store`` or the configuration's store and report folders; a page that breaks a
        limit (``config.limits``) or on which extraction fails is that page's error, and the other
        pages are still checked. What was skipped, and pages read from another encoding than UTF-8, are
        in ``result.notes``.
        """
        changed_files = require_existing(str(p) for p in changed) if changed is not None else None
        names = self._path_names(paths)
        files, errors, skipped, notes = discover_paths(names, self.config, str(store) if store else None)
        claim_store = ClaimStore(store) if store else None
        run = self._claims_of_files(files, claim_store, write_store, progress)
        verdicts = Verdicts.load(claim_store.verdicts_path, self._detect_salt()) if claim_store else None
        result = self._judge(run.sources, run.claims, errors + run.errors, extracted=run.extracted, skipped=skipped,
                             verdicts=verdicts, hashes=run.hashes, notes=notes + run.notes,
                             pages={s: run.suppressions[s] for s in run.sources if s in run.suppressions})
        _save_verdicts(claim_store, write_store, verdicts)
        if changed_files is not None:
            result = only_changed(result, changed_files)
        return self.narrow(result, decisions=decisions, baseline=baseline)

    def _path_names(self, paths: Union[PathLike, Iterable[PathLike], None]) -> list[str]:
        """The paths to check as strings (default: the configuration's ``paths``)."""
        if isinstance(paths, (str, Path)):
            paths = [paths]  # one path, not the characters of one
        return [str(p) for p in paths] if paths is not None else list(self.config.paths)

    def narrow(self, result: CheckResult, *, decisions: DecisionsArg = None,
               baseline: BaselineArg = None) -> CheckResult:
        """``result`` with reviewer decisions applied (each decided conflict's ``decision`` filled in)
        and the conflicts a baseline records moved to ``baselined``; a rejected conflict stays. Both
        name sources relative to the configuration file's folder (else the working directory)."""
        root = self.config.project_root()
        if decisions is not None:
            by_id = decisions if isinstance(decisions, Mapping) else DecisionFile(decisions).load()
            result = apply_decisions(result, dict(by_id), root)
        if baseline is not None:
            known = baseline if isinstance(baseline, Mapping) else load_baseline(baseline, root)
            result = apply_baseline(result, dict(known), root)
        return result

    # ----------------------------------------------------------------------------------------------
    # what is loaded once

    @property
    def extractor(self) -> "Extractor":
        """The spaCy pipeline and its data, built on first use."""
        if self._extractor is None:
            from .extract import Extractor  # spaCy is imported only when something is extracted

            c = self.config
            self._extractor = Extractor(tuple(c.data), c.subjects, c.cues, c.quantities, c.health)
        return self._extractor

    @property
    def knowledge(self) -> "Knowledge":
        """The knowledge files, loaded without spaCy unless the pipeline already holds them."""
        if self._extractor is not None:
            return self._extractor.resources.knowledge
        if self._knowledge is None:
            from .knowledge import load_knowledge

            c = self.config
            self._knowledge = load_knowledge(tuple(c.data), subjects=c.subjects, cues=c.cues)
        return self._knowledge

    def fingerprint(self) -> str:
        """What the claim store records as the pipeline its claims came from."""
        return fingerprint(self.config)

    # ----------------------------------------------------------------------------------------------
    # stages

    def _detect_salt(self) -> str:
        return detect_salt(self.fingerprint(), self.config.tolerance, self.config.vague_tolerance)

    def _claims_of_files(self, files: list[str], claim_store: Optional[ClaimStore], write_store: bool,
                         progress: Optional[Progress]) -> "_Run":
        """Every page's claims: from the store where the page is unchanged (by size and time, else by
        hash), extracted on the engine for the rest; the store updated as they come when ``write_store``."""
        stamp = self.fingerprint() if claim_store else ""
        index = claim_store.index(stamp) if claim_store else {}
        kept, to_extract, touched = _unchanged(files, index, progress)
        run = _Run()
        if claim_store:
            _read_kept(claim_store, kept, to_extract, run)
        forgotten = set(index) - set(files)
        damaged = claim_store.problem if claim_store else None
        if damaged:  # said once: the store is rewritten whole below
            run.notes.append(SourceNote(*damaged))
        # rewritten whole, not appended to: a damaged store; one a killed run appended to; and one that
        # holds replaced or unsorted segments when no page changed (a store at rest is the store a run
        # from scratch writes)
        rewrite = _must_rewrite(claim_store, damaged, kept, to_extract)
        writer = claim_store.writer(stamp, kept, rewrite=rewrite) \
            if claim_store and write_store and (to_extract or touched or forgotten or rewrite) else None
        self._extract_into(to_extract, run, writer, progress)
        errors = {e.source for e in run.errors}
        run.sources = [f for f in files if f not in errors]
        run.claims.sort(key=claim_order)
        return run

    def _extract_into(self, to_extract: list, run: "_Run", writer, progress: Optional[Progress]) -> None:
        """Extract the pages on the engine into the run (and the store's writer, committed at the end
        and aborted if anything raises)."""
        try:
            for page in self.engine.extract(self, sorted(to_extract), progress):
                self._take(page, run, writer)
        except BaseException:
            if writer:
                writer.abort()
            raise
        if writer:
            writer.commit()

    @staticmethod
    def _take(page, run: "_Run", writer) -> None:
        """One extracted page into the run (and the store)."""
        if page.error is not None:
            run.errors.append(SourceError(page.source, page.error))
            return
        claims = [claim_from_tuple(values) for values in page.claims]
        run.claims.extend(claims)
        run.extracted.append(page.source)
        run.hashes[page.source] = page.sha256
        _encoding_note(run, page.source, page.encoding, page.encoding_source)
        if page.suppress is not None:
            run.suppressions[page.source] = PageSuppressions.from_json(page.source, page.suppress)
        if writer:
            vouch = page.mtime_ns is not None and stat_vouches(page.mtime_ns, page.read_ns)
            writer.add(Segment(page.source, page.sha256, [claim_line(c) for c in sorted(claims, key=claim_order)],
                               page.size if vouch else None, page.mtime_ns if vouch else None, page.suppress,
                               page.encoding, page.encoding_source))

    def extract_documents(self, documents: list[Document]) -> tuple[list[Claim], dict[str, str]]:
        """Claims of documents in memory, in this process (extracted, normalized, subjects resolved), and
        the pages that failed within the configuration's limits, {source: message}."""
        return self._extract(documents, None)

    def _extract(self, documents: list[Document], progress: Optional[Progress]
                 ) -> tuple[list[Claim], dict[str, str]]:
        """Claims of the documents (extracted, normalized and with their subjects resolved), and the
        pages that failed, {source: message}: extraction runs page by page within the configuration's
        limits (`checker.limits.extract_within_limits`), so one page that breaks a limit or makes
        extraction raise is that page's error and the others go on."""
        if not documents:
            return [], {}
        from .align import resolve_subjects
        from .quantities import normalize_claims

        extractor = self.extractor
        data = extractor.resources

        def finish(page: list[Claim]) -> list[Claim]:
            page = resolve_subjects(normalize_claims(page, data.vocabulary, data.health), data.knowledge)
            # a number too large to be finite is no claim
            return [c for c in page if all(b is None or math.isfinite(b) for b in (c.low, c.high))]

        by_page, failed = extract_within_limits(extractor, documents, self.config.limits, finish, progress)
        claims = [c for doc in documents for c in by_page.get(doc.source, [])]
        return sorted(claims, key=claim_order), failed

    def _judge(self, sources: list[str], claims: list[Claim], errors: list[SourceError], *,
               extracted: list[str], skipped: Iterable[str] = (), verdicts: Optional[Verdicts] = None,
               hashes: Optional[dict] = None, pages: Optional[dict[str, PageSuppressions]] = None,
               notes: Iterable[SourceNote] = ()) -> CheckResult:
        """Leave out what the pages' comments switch off, align the claims, detect the conflicts (only the
        families that changed, with ``verdicts``), keep the selected rules and those no comment ignores."""
        from .detect import sort_conflicts

        config = self.config
        # the pages' own <!-- checker: ... --> comments (checker/suppress.py), read from their text when
        # they were extracted and kept in the store
        pages = pages or {}
        claims, switched_off = split_claims(claims, pages)
        found, uncompared = self._found(claims, verdicts, hashes)
        conflicts = sort_conflicts(found)
        if config.select:
            conflicts = [c for c in conflicts if c.rule in config.select]
        if config.ignore:
            conflicts = [c for c in conflicts if c.rule not in config.ignore]
        conflicts, ignored = split_conflicts(conflicts, pages)
        return CheckResult(
            sources=tuple(sources),
            claims=tuple(claims),
            conflicts=tuple(conflicts),
            errors=tuple(sorted(errors, key=lambda e: e.source))  # read and extraction errors, by source
            + tuple(e for page in pages.values() for e in page.errors),
            extracted=tuple(extracted),
            skipped=tuple(skipped),
            uncompared=uncompared,
            suppressed_claims=tuple(switched_off),
            suppressed=tuple(ignored),
            notes=tuple(sorted(notes, key=lambda n: (n.source, n.message))),
        )

    def _found(self, claims: list[Claim], verdicts: Optional[Verdicts], hashes: Optional[dict]
               ) -> tuple[list["Conflict"], tuple]:
        """The conflicts of the claims and the claims left out of every comparison: the stored verdicts'
        when no page changed since they were stored, else aligned and detected again."""
        run_key = run_digest(hashes) if verdicts is not None and hashes is not None else None
        if verdicts is not None and run_key is not None and verdicts.run == run_key:
            # not a page changed since the verdicts were stored: neither grouping nor detection can
            # differ, and the knowledge files need not even be loaded
            found, uncompared = verdicts.conflicts_of_run(claims), uncompared_claims(claims)
        else:
            found, uncompared = self._align_and_detect(claims, verdicts, hashes)
            if verdicts is not None and run_key is not None:
                verdicts.remember_run(run_key)
        return found, uncompared

    def _align_and_detect(self, claims: list[Claim], verdicts: Optional[Verdicts], hashes: Optional[dict]
                          ) -> tuple[list["Conflict"], tuple]:
        """The conflicts of the claims (detected again only for the families that changed, with
        ``verdicts``), and the claims left out of every comparison."""
        from .align import align
        from .detect import DetectConfig

        config, knowledge = self.config, self.knowledge
        alignment = align(claims, knowledge)
        detect_config = DetectConfig(tolerance=config.tolerance, vague_tolerance=config.vague_tolerance,
                                     labels=knowledge.labels())
        families = families_of(alignment.groups)

        def detect_families(todo: list[list["ClaimGroup"]]) -> list[list["Conflict"]]:
            return self.engine.detect_families(todo, detect_config)

        if verdicts is not None:
            found = detect_incrementally(families, verdicts, page_hashes(hashes or {}), detect_families)
        else:
            found = [c for family in detect_families(families) for c in family]
        return found, alignment.uncompared


def _save_verdicts(claim_store: Optional[ClaimStore], write_store: bool, verdicts: Optional[Verdicts]) -> None:
    if claim_store and write_store and verdicts is not None and verdicts.changed:
        verdicts.save(claim_store.verdicts_path)


def _read_kept(claim_store: ClaimStore, kept: dict, to_extract: list, run: "_Run") -> None:
    """The claims of the unchanged pages from the store into the run; a page whose segment is damaged
    moves from ``kept`` to ``to_extract``."""
    for source, claims in claim_store.read_segments(kept):
        if claims is None:  # a damaged segment: extract the page again
            del kept[source]
            to_extract.append(source)
        else:
            run.claims.extend(claims)
            run.hashes[source] = kept[source].sha256
            _encoding_note(run, source, kept[source].encoding, kept[source].encoding_source)
            comments = kept[source].suppress
            if comments is not None:
                run.suppressions[source] = PageSuppressions.from_json(source, comments)


def _must_rewrite(claim_store: Optional[ClaimStore], damaged, kept: dict, to_extract: list) -> bool:
    return bool(damaged) or bool(claim_store and claim_store.interrupted) \
        or bool(claim_store and kept and not to_extract and not claim_store.canonical(kept))


@dataclasses.dataclass
class _Run:
    """What reading and extraction give the later stages."""

    sources: list = dataclasses.field(default_factory=list)
    claims: list = dataclasses.field(default_factory=list)
    errors: list = dataclasses.field(default_factory=list)
    extracted: list = dataclasses.field(default_factory=list)
    hashes: dict = dataclasses.field(default_factory=dict)  # source -> sha256 of its content
    suppressions: dict = dataclasses.field(default_factory=dict)  # source -> PageSuppressions, of pages with any
    notes: list = dataclasses.field(default_factory=list)  # SourceNote: pages not in UTF-8, a damaged store


def _encoding_note(run: _Run, source: str, encoding: str, how: str) -> None:
    if encoding != "utf-8":
        run.notes.append(SourceNote(source, f"read as {encoding} ({ENCODING_HOW.get(how, how)})"))


def _unchanged(files: list[str], index: dict[str, Entry], progress: Optional[Progress]
               ) -> tuple[dict[str, Entry], list[str], bool]:
    """The stored entries of pages that did not change, the pages to extract, and whether any entry's
    size or time was updated. A page whose size and modification time are the recorded ones is not read;
    else its content's hash decides."""
    kept: dict[str, Entry] = {}
    to_extract: list[str] = []
    touched = False
    for number, path in enumerate(files, 1):
        if progress:
            progress(number, len(files), "reading")
        entry = index.get(path)
        if entry is not None:
            try:
                stat = os.stat(path)
                if entry.same_file(stat.st_size, stat.st_mtime_ns):
                    kept[path] = entry
                    continue
                read_ns = _now_ns()
                sha = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            except OSError:
                sha = ""  # extraction says what is wrong with it
            if sha == entry.sha256:
                vouch = stat_vouches(stat.st_mtime_ns, read_ns)
                kept[path] = dataclasses.replace(entry, size=stat.st_size if vouch else None,
                                                 mtime_ns=stat.st_mtime_ns if vouch else None)
                touched = touched or kept[path] != entry
                continue
        to_extract.append(path)
    return kept, to_extract, touched


def _now_ns() -> int:
    import time

    return time.time_ns()


def _without_failed(documents: list[Document], errors: list[SourceError], failed: dict[str, str]
                    ) -> tuple[list[Document], list[SourceError]]:
    """The documents less those whose extraction failed, and the errors with theirs, by source."""
    if not failed:
        return documents, errors
    errors = errors + [SourceError(source, message) for source, message in failed.items()]
    return [d for d in documents if d.source not in failed], errors


def check(paths: Iterable[PathLike], config: Optional[Config] = None, store: Optional[PathLike] = None,
          write_store: bool = False, progress: Optional[Progress] = None) -> CheckResult:
    """``Checker(config).check_paths(paths, ...)``, with the `Checker` of a configuration kept between
    calls, so that repeated calls build the spaCy pipeline once."""
    return _shared_checker(config or Config()).check_paths(paths, store=store, write_store=write_store,
                                                          progress=progress)


@functools.lru_cache(maxsize=4)
def _shared_checker(config: Config) -> Checker:
    return Checker(config)
