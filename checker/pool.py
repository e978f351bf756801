"""Extraction on every core: pages in chunks, extracted in a pool of worker processes.

``extract_files(config, paths, jobs)`` yields one `FileResult` per page: its hash, size and time, and
its claims (extracted, normalized, subjects resolved) or the error that kept it from being read. With
``jobs`` > 1 and enough pages, chunks of pages go to worker processes started with ``spawn`` (safe with
threads, the same on every platform); each worker reads its pages itself, builds the spaCy pipeline
once, and sends back plain tuples, not `Claim` objects, to keep what crosses the pipe small. Claims do
not depend on which process or chunk extracted them, so the output is the same for any ``jobs``.

`LocalEngine` puts this together with in-process detection; `checker.dask_engine.DaskEngine` does the
same on a Dask cluster.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, Optional

from .config import Config
from .errors import InputError, display
from .store import claim_as_tuple

if TYPE_CHECKING:
    from .api import Checker
    from .detect import DetectConfig
    from .model import ClaimGroup, Conflict

Progress = Callable[[int, int, str], None]

CHUNK = 32  # pages per task: small enough that both cores finish together, large enough for nlp.pipe
POOL_MIN_PAGES = 96  # below this, starting workers (spaCy imported and built in each) costs more than it saves
IN_FLIGHT_PER_WORKER = 3  # chunks queued per worker: the pipe stays busy, memory stays flat


class FileResult(NamedTuple):
    """One page, extracted (``claims`` as `checker.store.claim_as_tuple` tuples) or not (``error``)."""

    source: str
    sha256: str
    size: Optional[int]
    mtime_ns: Optional[int]
    read_ns: int  # when it was read: a size and time recorded too soon before do not vouch for content
    claims: tuple
    error: Optional[str] = None
    suppress: Optional[dict] = None  # the page's <!-- checker: ... --> comments (`PageSuppressions.to_json`)
    encoding: str = "utf-8"  # the page's encoding, and how it was found (`checker.read.decode`)
    encoding_source: str = ""


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_files(checker: "Checker", paths: list[str], jobs: int = 1,
                  progress: Optional[Progress] = None) -> Iterator[FileResult]:
    """Every page's `FileResult`, in the order chunks finish; in worker processes when ``jobs`` > 1 and
    there are enough pages to pay for starting them, else in this process."""
    done = 0
    if jobs > 1 and len(paths) >= POOL_MIN_PAGES:
        chunks = _pooled(checker.config, paths, jobs)
    else:
        chunks = (extract_chunk(checker, chunk) for chunk in chunked(paths, CHUNK))
    for results in chunks:
        yield from results
        done += len(results)
        if progress:
            progress(done, len(paths), "extracting")


def chunked(items: list, size: int) -> Iterator[list]:
    for begin in range(0, len(items), size):
        yield items[begin:begin + size]


def extract_chunk(checker: "Checker", paths: Iterable[str]) -> list[FileResult]:
    """Read and extract some pages within the configuration's limits; what a worker does with one task.
    A page that cannot be read, or breaks a limit, or makes extraction fail is that page's error."""
    from .read import read_document
    from .suppress import page_suppressions

    results: list[FileResult] = []
    documents = []
    meta = {}
    for path in paths:
        source = Path(path).as_posix()
        try:
            stat = os.stat(path)
            read_ns = time.time_ns()
            document = read_document(path, checker.config.limits)
        except OSError as exc:
            results.append(FileResult(source, "", None, None, 0, (), f"{display(source)}: cannot read: {exc.strerror or exc}"))
            continue
        except InputError as exc:
            results.append(FileResult(source, "", None, None, 0, (), exc.message))
            continue
        documents.append(document)
        meta[document.source] = (document.sha256, stat.st_size, stat.st_mtime_ns, read_ns)
    by_source: dict = {source: [] for source in meta}
    claims, failed = checker.extract_documents(documents)
    for claim in claims:
        by_source[claim.source].append(claim_as_tuple(claim))
    encodings = {d.source: (d.encoding, d.encoding_source) for d in documents}
    # the comments are read from the text now, as the text is not kept (nor read again while unchanged)
    suppress = {source: page.to_json()
                for source, page in page_suppressions((d.source, d.text) for d in documents).items()}
    del documents  # the texts are not kept: memory stays flat in corpus size
    for source, (sha, size, mtime_ns, read_ns) in meta.items():
        if source in failed:  # never stored: tried again next run
            results.append(FileResult(source, "", None, None, 0, (), failed[source]))
            continue
        results.append(FileResult(source, sha, size, mtime_ns, read_ns, tuple(by_source[source]),
                                  suppress=suppress.get(source), encoding=encodings[source][0],
                                  encoding_source=encodings[source][1]))
    return results


# --------------------------------------------------------------------------------------------------
# worker processes

_WORKER: Optional["Checker"] = None


def _start_worker(config: Config) -> None:
    global _WORKER
    from .api import Checker

    _WORKER = Checker(config, jobs=1)
    _WORKER.extractor  # build the pipeline now, while the first tasks are being queued


def _work(paths: list[str]) -> list[FileResult]:
    assert _WORKER is not None, "the worker was not started with _start_worker"
    return extract_chunk(_WORKER, paths)


def _pooled(config: Config, paths: list[str], jobs: int) -> Iterator[list[FileResult]]:
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    workers = min(jobs, (len(paths) + CHUNK - 1) // CHUNK)
    pending: set[Future] = set()
    tasks = chunked(paths, CHUNK)
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker, initargs=(config,)) as pool:
        try:
            for chunk in tasks:
                pending.add(pool.submit(_work, chunk))
                if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                    finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in finished:
                        yield future.result()
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
        except BaseException:
            for future in pending:
                future.cancel()
            raise


# --------------------------------------------------------------------------------------------------
# the engine a Checker runs on


class LocalEngine:
    """Extraction on ``jobs`` processes of this machine, detection in this process.

    The library's default is one job: worker processes are started with ``spawn``, which imports the
    caller's main script again, so a script must guard its work with ``if __name__ == "__main__":``
    before it asks for more (the ``checker`` command does, and uses every core by default)."""

    name = "local"

    def __init__(self, jobs: Optional[int] = None) -> None:
        self.jobs = jobs if jobs is not None else 1

    def extract(self, checker: "Checker", paths: list[str], progress: Optional[Progress] = None
                ) -> Iterator[FileResult]:
        return extract_files(checker, paths, self.jobs, progress)

    def detect_families(self, families: list[list["ClaimGroup"]], config: "DetectConfig") -> list[list["Conflict"]]:
        """The conflicts of each family (a family's groups are judged together: see `checker.verdicts`)."""
        from .detect import detect

        return [detect(family, config) for family in families]
