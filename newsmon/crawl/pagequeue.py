"""Fetched pages waiting for their annotation, stored by the crawler strictly in fetch order."""
from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from newsmon.crawl.fetch import Response
from newsmon.crawl.jobs import BATCH, HtmlPage, Job
from newsmon.model import Article

Entry = tuple[dict, Response | None, HtmlPage | None]  # (frontier row, response, job); no job: settled


class PageQueue:
    """Pages go to the annotator in batches; a batch is stored once the one before it is, and at
    most `annotator.in_flight` batches are out at a time. `results` turns a batch's future into one
    (article, error) per job (retrying a failed batch job by job), `finish` stores and settles one
    page, `settled` counts a row done (progress), in fetch order, rows settled without NLP included;
    `waiting` is called before waiting for a batch that is not done yet (the crawler commits then).
    """

    def __init__(self, annotator: Any,
                 results: Callable[[list[Job], Future], list[tuple[Article | None, Exception | None]]],
                 finish: Callable[[dict, Response, Article | None, Exception | None], None],
                 settled: Callable[[dict], None], waiting: Callable[[], None] = lambda: None) -> None:
        self.annotator = annotator
        self.results = results
        self.finish = finish
        self.settled = settled
        self.waiting = waiting
        self.batch: list[Entry] = []
        self.out: deque[tuple[list[Entry], Future]] = deque()

    def add(self, row: dict, response: Response, page: HtmlPage) -> None:
        self.batch.append((row, response, page))
        if len(self.batch) == BATCH:
            self._send()
            while len(self.out) > self.annotator.in_flight:
                self._store_oldest()

    def advance(self, row: dict) -> None:
        """A row settled without NLP: it counts once the pages queued before it are stored."""
        if self.batch or self.out:
            self.batch.append((row, None, None))
        else:
            self.settled(row)

    def flush(self) -> None:
        if self.batch:
            self._send()
        while self.out:
            self._store_oldest()

    def _send(self) -> None:
        jobs = [page for _, _, page in self.batch if page is not None]
        self.out.append((self.batch, self.annotator.submit(jobs)))
        self.batch = []

    def _store_oldest(self) -> None:
        entries, future = self.out.popleft()
        if not future.done():
            self.waiting()
        found = iter(self.results([page for _, _, page in entries if page is not None], future))
        for row, response, page in entries:
            if page is not None and response is not None:
                self.finish(row, response, *next(found))
            self.settled(row)
