"""`warlog ingest --dask`: the batches of ``warlog.batch.driver`` read on a Dask cluster.

``--dask local`` starts a ``LocalCluster`` of ``workers`` processes (``local:N`` names
N), one thread each, since spaCy's parse holds the GIL; ``--dask tcp://HOST:PORT``
connects to a running scheduler, whose workers must have warlog installed.

Each worker loads the spaCy pipeline and the gazetteer once, on its first task, and
keeps them on a worker plugin (``Loaded``) for every later task: the task function lives
here, in an importable module, so Dask pickles a reference to it, not its code, and the
plugin is what holds the loaded resources (a function defined in ``__main__`` would be
pickled by value with a fresh cache every time). At most ``2 × workers`` batches are in
flight, so the inputs are read no faster than the cluster reads them, and memory stays
bounded however many reports there are.
"""

from __future__ import annotations

import logging
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass, field
from typing import Any, Self

from distributed import WorkerPlugin

from warlog.batch.outcome import Outcome
from warlog.batch.reading import Extracted, read_batch
from warlog.errors import SettingsError, WarlogError
from warlog.model import Document

log = logging.getLogger(__name__)
PLUGIN = "warlog-resources"
_SPEC = re.compile(r"local(?::(?P<n>\d+))?|(?P<address>tcp://[^\s/]+:\d+)")


class Loaded(WorkerPlugin):
    """A worker plugin holding the resources, loaded on the worker's first task."""

    name = PLUGIN

    def __init__(self, *, gazetteer: str) -> None:
        self.gazetteer = gazetteer
        self.resources: Any = None

    def setup(self, worker: Any) -> None:
        self.resources = None

    def get(self) -> Any:
        if self.resources is None:
            from warlog.pipeline import load_resources

            self.resources = load_resources(gazetteer=self.gazetteer)
        return self.resources


def load_on_worker(dask_worker: Any) -> None:
    """Load the worker's resources now (``DaskRunner.warm``, through ``Client.run``, which
    passes the worker as ``dask_worker``) rather than on its first task."""
    dask_worker.plugins[PLUGIN].get()


def read_on_worker(docs: list[Document], prefilter: bool, seconds: float
                   ) -> list[Extracted | Outcome]:
    """The task: one batch read with the worker's loaded resources."""
    from distributed import get_worker

    loaded: Any = get_worker().plugins[PLUGIN]
    return read_batch(docs, resources=loaded.get(), prefilter=prefilter, seconds=seconds)


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterSpec:
    """``local`` (``workers`` processes) or the address of a running scheduler."""

    workers: int | None = None
    address: str | None = None


def parse_spec(spec: str, *, workers: int) -> ClusterSpec:
    """``local``, ``local:N`` or ``tcp://HOST:PORT``; anything else is E605."""
    match = _SPEC.fullmatch(spec.strip())
    if match is None or (match["n"] is not None and int(match["n"]) < 1):
        raise SettingsError("E605", spec=spec)
    if match["address"]:
        return ClusterSpec(address=match["address"])
    return ClusterSpec(workers=int(match["n"]) if match["n"] else workers)


@dataclass(slots=True, kw_only=True)
class DaskRunner(AbstractContextManager["DaskRunner"]):
    """Connects to (or starts) the cluster; ``run`` reads batches on it."""

    spec: ClusterSpec
    gazetteer: str
    prefilter: bool = True
    seconds: float = 0
    on_dashboard: Callable[[str], None] | None = None
    profiler: bool = False          # Dask's profiler on the workers of a local cluster
    _stack: ExitStack = field(default_factory=ExitStack)
    _client: Any = None

    def __enter__(self) -> Self:
        import dask
        from distributed import Client, LocalCluster

        if self.spec.address is not None:
            try:
                self._client = self._stack.enter_context(Client(self.spec.address, timeout=10))  # type: ignore[no-untyped-call]
            except OSError as err:
                raise WarlogError("E606", address=self.spec.address, why=str(err)) from None
        else:
            # Dask's statistical profiler samples each worker's stack every 10 ms and keeps
            # the last 1,000 one-second profiles: trees of every call path the reading took,
            # a worker's memory growing by ~200 MB over its first quarter of an hour
            # (bench/worker_memory.py). The workers we start go without it, unless asked.
            self._stack.enter_context(dask.config.set(
                {"distributed.worker.profile.enabled": self.profiler}))
            scratch = self._stack.enter_context(tempfile.TemporaryDirectory(prefix="warlog-dask-"))
            cluster = self._stack.enter_context(LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=self.spec.workers, threads_per_worker=1, processes=True,
                dashboard_address="127.0.0.1:0", local_directory=scratch,
                silence_logs=logging.ERROR))
            self._client = self._stack.enter_context(Client(cluster))  # type: ignore[no-untyped-call]
            if self.on_dashboard is not None and cluster.dashboard_link:
                self.on_dashboard(cluster.dashboard_link)
        self._client.register_plugin(Loaded(gazetteer=self.gazetteer), name=PLUGIN)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stack.close()

    def warm(self) -> None:
        """Every worker loads its resources before the first batch is sent."""
        self._client.run(load_on_worker)

    @property
    def workers(self) -> int:
        return max(1, len(self._client.scheduler_info().get("workers", {})))

    def run(self, batches: Iterator[list[Document]]) -> Iterator[list[Extracted | Outcome]]:
        """Each batch's results as it completes, at most ``2 × workers`` in flight."""
        from distributed import as_completed

        limit = 2 * self.workers
        done = as_completed()  # type: ignore[no-untyped-call]
        flying: dict[Any, list[Document]] = {}
        for batch in batches:
            self._send(batch, done, flying)
            if len(flying) >= limit:
                yield self._collect(next(done), flying)
        for future in done:
            yield self._collect(future, flying)

    def _send(self, batch: list[Document], done: Any, flying: dict[Any, list[Document]]) -> None:
        future = self._client.submit(read_on_worker, batch, self.prefilter, self.seconds,
                                     pure=False)
        flying[future] = batch
        done.add(future)

    def _collect(self, future: Any, flying: dict[Any, list[Document]]
                 ) -> list[Extracted | Outcome]:
        batch = flying.pop(future)
        try:
            result: list[Extracted | Outcome] = future.result()
            return result
        except Exception as err:  # a worker lost or a task that raised: its reports named
            log.info("a batch of %d reports failed on the cluster", len(batch), exc_info=True)
            why = f"{type(err).__name__}: {err}".splitlines()[0]
            return [Outcome(name=d.path or d.id, status="failed", document_id=d.id,
                            error=str(WarlogError("E203", path=d.path or d.id, why=why)))
                    for d in batch]
