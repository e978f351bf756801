"""The Dask engine: extraction per partition of pages and detection per family of groups on a Dask
cluster, for corpora past one machine. ``pip install 'health-claims-checker[dask]'``; `docs/scale.md` shows how to run
it on an existing cluster.

    with DaskEngine.connect("tcp://scheduler:8786") as engine:   # or connect(None, workers=2): a local cluster
        result = Checker(config, engine=engine).check_paths(["pages"], store="claims", write_store=True)

Only the two costly stages move: each worker builds the spaCy pipeline once and extracts partitions of
pages (it reads them by path, so the pages must be at the same path on every worker: a shared file
system or the same checkout), and families of claim groups are detected where a worker is free. The
client keeps what needs the whole corpus at once and is cheap: which pages changed (the claim store is
the client's), grouping the claims (a subject's name is its most common spelling across pages), and
rendering. Claims and conflicts do not depend on where they were computed, so the reports are the same
bytes as with the local engine.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Optional

from .config import Config
from .pool import CHUNK, FileResult, Progress, chunked, default_jobs, extract_chunk

if TYPE_CHECKING:
    from .api import Checker
    from .detect import DetectConfig
    from .model import ClaimGroup, Conflict

FAMILIES_PER_TASK = 256  # detection tasks: most families are a few claims, so many go in one task

_CHECKERS: dict = {}  # on a worker: one Checker (and spaCy pipeline) per configuration


def _worker_checker(config: Config) -> "Checker":
    checker = _CHECKERS.get(config)
    if checker is None:
        from .api import Checker

        checker = _CHECKERS[config] = Checker(config, jobs=1)
    return checker


def extract_partition(paths: list[str], config: Config) -> list[FileResult]:
    """A task: read and extract a partition of pages on a worker."""
    return extract_chunk(_worker_checker(config), paths)


def detect_partition(families: list[list["ClaimGroup"]], config: "DetectConfig") -> list[list["Conflict"]]:
    """A task: detect a partition of families on a worker."""
    from .detect import detect

    return [detect(family, config) for family in families]


class DaskEngine:
    """Extraction and detection on a Dask cluster through a ``distributed.Client``."""

    name = "dask"

    def __init__(self, client, cluster=None) -> None:
        self.client = client
        self._cluster = cluster  # a local cluster this engine started, closed with it

    @classmethod
    def connect(cls, scheduler: Optional[str] = None, workers: Optional[int] = None) -> "DaskEngine":
        """A client of the cluster at ``scheduler``; without one, a local cluster of ``workers`` processes
        (default: one per core), each with one thread (spaCy holds the GIL)."""
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            from .errors import UsageError

            raise UsageError("--engine dask needs Dask: pip install 'health-claims-checker[dask]'") from None
        if scheduler:
            return cls(Client(scheduler))
        cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        return cls(Client(cluster), cluster)

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()

    def extract(self, checker: "Checker", paths: list[str], progress: Optional[Progress] = None
                ) -> Iterator[FileResult]:
        """Every page's `FileResult`, as partitions finish (streamed: the client never holds them all)."""
        from distributed import as_completed

        if not paths:
            return
        config = self.client.scatter(checker.config, broadcast=True)
        futures = self.client.map(extract_partition, list(chunked(paths, CHUNK)), config=config, pure=False)
        done = 0
        for future in as_completed(futures):
            results = future.result()
            future.release()
            yield from results
            done += len(results)
            if progress:
                progress(done, len(paths), "extracting")

    def detect_families(self, families: list[list["ClaimGroup"]], config: "DetectConfig") -> list[list["Conflict"]]:
        """The conflicts of each family, detected on the workers in partitions of families."""
        if not families:
            return []
        partitions = list(chunked(families, FAMILIES_PER_TASK))
        futures = self.client.map(detect_partition, partitions, config=config, pure=False)
        return [conflicts for part in self.client.gather(futures) for conflicts in part]
