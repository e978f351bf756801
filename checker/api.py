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
"""
from __future__ import annotations

import functools
import math
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Optional, Union

from .config import Config
from .decisions import Decision, DecisionFile, apply_baseline, apply_decisions, load_baseline
from .limits import extract_within_limits
from .model import CheckResult, Claim, Document, SourceError, SourceNote
from .pipeline import Progress, fingerprint, only_changed, parse_texts, read_sources, require_existing
from .store import ClaimStore
from .suppress import page_suppressions, split_claims, split_conflicts

if TYPE_CHECKING:  # imported for annotations only: loading them costs time a warm run does not need
    from .extract import Extractor
    from .knowledge import Knowledge

PathLike = Union[str, Path]
DecisionsArg = Union[PathLike, Mapping[str, Decision], None]  # a decisions file, or decisions by conflict id
BaselineArg = Union[PathLike, Mapping[str, str], None]  # a baseline file, or {conflict id: signature}

__all__ = ["Checker", "check"]


class Checker:
    """Checks documents with one configuration; data files and the spaCy pipeline are loaded once."""

    def __init__(self, config: Optional[Config] = None) -> None:
        self.config = config or Config()
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
        result = self._judge(documents, claims, errors, extracted=documents)
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
        if isinstance(paths, (str, Path)):
            paths = [paths]  # one path, not the characters of one
        names = [str(p) for p in paths] if paths is not None else list(self.config.paths)
        documents, errors, skipped, notes = read_sources(names, progress, self.config,
                                                         str(store) if store else None)
        claims, extracted, failed, store_notes = self._claims_with_store(documents, store, write_store, progress)
        documents, errors = _without_failed(documents, errors, failed)
        result = self._judge(documents, claims, errors, extracted=extracted, skipped=skipped,
                             notes=notes + store_notes)
        if changed_files is not None:
            result = only_changed(result, changed_files)
        return self.narrow(result, decisions=decisions, baseline=baseline)

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

    def _claims_with_store(self, documents: list[Document], store: Optional[PathLike], write_store: bool,
                           progress: Optional[Progress]
                           ) -> tuple[list[Claim], list[Document], dict[str, str], list[SourceNote]]:
        """Every document's claims, from the store where the content is unchanged; the documents that
        were extracted in this run; the pages that failed ({source: message}: never stored, so they are
        tried again next run); and a note when the store was found damaged."""
        claim_store = ClaimStore(store) if store else None
        stamp = self.fingerprint() if claim_store else ""
        cached = claim_store.load(stamp) if claim_store else {}
        notes = [SourceNote(*claim_store.problem)] if claim_store and claim_store.problem else []
        reused: list[Claim] = []
        to_extract: list[Document] = []
        for doc in documents:
            hit = cached.get(doc.source)
            if hit and hit[0] == doc.sha256:
                reused.extend(hit[1])
            else:
                to_extract.append(doc)
        fresh, failed = self._extract(to_extract, progress)
        claims = reused + fresh
        claims.sort(key=lambda c: (c.source, c.start, c.value_start, c.id))
        kept = [d for d in documents if d.source not in failed]
        hashes = {d.source: d.sha256 for d in kept}
        changed = bool(to_extract) or set(cached) != set(hashes) or bool(claim_store and claim_store.problem)
        if claim_store and write_store and changed:
            claim_store.write(stamp, hashes, claims, {d.source: d.encoding for d in kept})
        return claims, [d for d in to_extract if d.source not in failed], failed, notes

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
        return sorted(claims, key=lambda c: (c.source, c.start, c.value_start, c.id)), failed

    def _judge(self, documents: list[Document], claims: list[Claim], errors: list[SourceError], *,
               extracted: list[Document], skipped: Iterable[str] = (),
               notes: Iterable[SourceNote] = ()) -> CheckResult:
        """Align the claims, detect the conflicts, keep the selected rules."""
        from .align import align
        from .detect import DetectConfig, detect

        config, knowledge = self.config, self.knowledge
        # the pages' own <!-- checker: ... --> comments (checker/suppress.py), read from their text
        pages = page_suppressions((d.source, d.text) for d in documents)
        claims, switched_off = split_claims(claims, pages)
        alignment = align(claims, knowledge)
        detect_config = DetectConfig(tolerance=config.tolerance, vague_tolerance=config.vague_tolerance,
                                     labels=knowledge.labels())
        conflicts = detect(alignment.groups, detect_config)
        if config.select:
            conflicts = [c for c in conflicts if c.rule in config.select]
        if config.ignore:
            conflicts = [c for c in conflicts if c.rule not in config.ignore]
        conflicts, ignored = split_conflicts(conflicts, pages)
        return CheckResult(
            sources=tuple(d.source for d in documents),
            claims=tuple(claims),
            conflicts=tuple(conflicts),
            errors=tuple(sorted(errors, key=lambda e: e.source))  # read and extraction errors, by source
            + tuple(e for page in pages.values() for e in page.errors),
            extracted=tuple(d.source for d in extracted),
            skipped=tuple(skipped),
            uncompared=alignment.uncompared,
            suppressed_claims=tuple(switched_off),
            suppressed=tuple(ignored),
            notes=tuple(sorted(notes, key=lambda n: (n.source, n.message))),
        )


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
