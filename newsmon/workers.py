"""The NLP pipeline in worker processes: `add`, `reprocess` and `crawl` use every core.

Each worker loads the models once (the pool's initializer) and annotates batches of jobs
(`crawl.jobs`: documents, or pages to extract first, so trafilatura runs off the main thread too).
Results come back in submission order; the main process stays the only writer to SQLite. With one
process nothing is started: the jobs run in the calling process through the same code, so one
process and N give the same articles.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from newsmon.crawl.jobs import BATCH, InlineAnnotator, Job, annotate
from newsmon.model import Article, Document


def default_processes() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


_worker_pipeline: Any = None
WARM_UP_SECONDS = 600  # `warm_up` gives up waiting for every worker after this (a stuck one is not our business)


def _exit_with_parent() -> None:
    """End this worker when the process that started it is gone.

    A crawl killed by cron's timeout, the OOM killer or SIGKILL cannot shut its pool down, and the
    pool's workers wait on their task queue for good, each holding its models (~700 MB with az+en+fr):
    repeated kills would fill the machine. The parent's sentinel becomes ready when it dies."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="newsmon-parent-watch", daemon=True).start()


def _init_worker(kb_files: tuple[str, ...]) -> None:
    global _worker_pipeline
    _exit_with_parent()  # first: loading the models below takes seconds
    from newsmon.fake_pipeline import make_pipeline
    _worker_pipeline = make_pipeline(kb_files)
    warm = getattr(_worker_pipeline, "warm_up", None)
    if warm:
        warm()  # every model now, not in the middle of the first batch


def _annotate_in_worker(jobs: Sequence[Job]) -> list[Article | None]:
    return annotate(_worker_pipeline, jobs)


def _warm_in_worker(jobs: Sequence[Job]) -> int:
    """Annotate a probe, then hold this worker a moment so that the next probe goes to another; the
    worker's pid says which one answered."""
    annotate(_worker_pipeline, jobs)
    time.sleep(0.05)
    return os.getpid()


class Annotator:
    """Annotates jobs in `processes` worker processes, or in this process when it is 1.

    Workers start with the first batch, so a command that finds nothing new starts none; `expect`
    lowers the count when there are only a few jobs (starting a worker costs its models' load time).
    """

    def __init__(self, processes: int | None = None, kb_files: Sequence[str] = ()) -> None:
        self.processes = processes or default_processes()
        self.kb_files = tuple(str(f) for f in kb_files)
        self._pool: ProcessPoolExecutor | None = None
        self._inline: InlineAnnotator | None = None

    @property
    def in_flight(self) -> int:
        """Batches worth queueing ahead so that no worker waits for the main process."""
        return 2 * self.processes

    def expect(self, n_jobs: int) -> None:
        """Use no more workers than `n_jobs` can keep busy (before the first batch only)."""
        if self._pool is None and self._inline is None:
            self.processes = max(1, min(self.processes, -(-n_jobs // BATCH)))

    def _runner(self) -> ProcessPoolExecutor | InlineAnnotator:
        if self._pool is not None:
            return self._pool
        if self._inline is not None:
            return self._inline
        if self.processes > 1:
            # spawn: a fresh interpreter per worker, safe beside the fetch threads (fork is not)
            self._pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_init_worker, initargs=(self.kb_files,))
            return self._pool
        from newsmon.fake_pipeline import make_pipeline
        self._inline = InlineAnnotator(make_pipeline(self.kb_files))
        return self._inline

    def submit(self, jobs: Sequence[Job]) -> Future:
        """A future of `annotate(jobs)`: a list with one Article (or None: no article text) per job."""
        runner = self._runner()
        if isinstance(runner, InlineAnnotator):
            return runner.submit(jobs)
        return runner.submit(_annotate_in_worker, list(jobs))

    def process(self, doc: Document) -> Article:
        return self.submit([doc]).result()[0]

    def warm_up(self) -> None:
        """Start every worker and load its models now (benchmarks time the work, not the start)."""
        runner = self._runner()
        if isinstance(runner, InlineAnnotator):
            warm = getattr(runner.pipeline, "warm_up", None)
            if warm:
                warm()
            return
        # The pool starts workers as work arrives, and a worker takes work only once its models are
        # loaded: probes go out until every worker has answered one (a worker still loading would
        # otherwise spend the first batches' time loading).
        probe = Document(url="warm-up", source="warm-up", title="", text="Warm-up.")
        answered: set[int] = set()
        deadline = time.monotonic() + WARM_UP_SECONDS
        while len(answered) < self.processes and time.monotonic() < deadline:
            answered |= {f.result() for f in [runner.submit(_warm_in_worker, [probe])
                                               for _ in range(self.processes)]}

    def map(self, jobs: Iterable[Job], batch: int = BATCH) -> Iterator[Article | None]:
        """`annotate` over `jobs`, in order, with a bounded number of batches in flight."""
        pending: list[Future] = []
        chunk: list[Job] = []
        for job in jobs:
            chunk.append(job)
            if len(chunk) == batch:
                pending.append(self.submit(chunk))
                chunk = []
                while len(pending) > self.in_flight:
                    yield from pending.pop(0).result()
        if chunk:
            pending.append(self.submit(chunk))
        for future in pending:
            yield from future.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "Annotator":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
