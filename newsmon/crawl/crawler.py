"""The crawl (the engine): sources -> listings -> frontier -> fetch -> extract -> dedupe -> NLP -> store.

Listings are read (`crawl.discovery`) and pages fetched on one thread pool (politeness lives in
the fetcher), and pages start being fetched while listings are still being read; extraction,
fingerprints and the NLP pipeline run in batches on the annotator (worker processes, see
`newsmon.workers`, or this process); every SQLite write stays on the calling thread, one article
per transaction (`crawl.saver`, which also decides which copy of a story is the original).
Every discovered URL goes to the `frontier` table before it is fetched, together with the
listing's validators, so a crawl killed at any point resumes where it stopped and a 304 can
never hide a link that was not queued.
"""
from __future__ import annotations

import contextlib
import logging
import sqlite3
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from newsmon.crawl.adding import ItemAdder
from newsmon.crawl.discovery import Discovery
from newsmon.crawl.groupcommit import GroupCommit
from newsmon.crawl.fetch import HOST_GIVEN_UP, ROBOTS_BLOCKED, ROBOTS_UNREACHABLE, Fetcher, Response
from newsmon.crawl.jobs import HtmlPage, Job, annotator_for, results
from newsmon.crawl.pagequeue import PageQueue
from newsmon.crawl.progress import Progress
from newsmon.crawl.runlock import run_lock
from newsmon.crawl.saver import ArticleSaver, fetch_order
from newsmon.crawl.sources import Source
from newsmon.crawl.stats import CrawlCounts, run_columns, total
from newsmon.crawl.urls import canonical_url
from newsmon.model import Article
from newsmon.store.articles import Store

__all__ = ["Crawler", "CrawlCounts"]

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml", "")
MAX_ATTEMPTS = 3  # runs in which a failing page is tried before it is given up
THREADS_PER_WORKER = 4  # fetch threads per request slot: most of them wait out host delays
WINDOW_PER_THREAD = 2  # fetches queued ahead per thread
UNKNOWN_MANY = 1 << 30  # pages to expect while listings are still being read
# Python's GIL switch interval during a crawl (default 5 ms). The main thread stores every page and
# gives up the GIL in each SQLite statement; getting it back from a busy fetch thread or the worker
# pool's feeder took up to the whole interval, and the one writer waited while the others ran:
# bench_crawl, 7 interleaved pairs at load 11-14: faster in each at 0.5 ms (+2% to +26%, median ~15%).
SWITCH_INTERVAL = 0.0005


class Crawler:
    def __init__(self, store: Store, pipeline: Any, fetcher: Fetcher | None = None,
                 report: Callable[[str], None] | None = None, progress: Progress | None = None,
                 workers: int = 8, max_attempts: int = MAX_ATTEMPTS) -> None:
        self.store = store
        self.pipeline = pipeline  # a Pipeline (process_many), or a worker pool (submit)
        self.annotator = annotator_for(pipeline)
        self.fetcher = fetcher or Fetcher(concurrency=workers, cache=store)
        self.report = report or (lambda line: log.info(line))
        self.progress = progress or Progress(enabled=False)
        self.workers = workers
        self.max_attempts = max_attempts
        self.saver = ArticleSaver(store, self.annotator)
        self._first_error: dict[str, str] = {}  # per source, for the cron line

    def _error(self, source: str, url: str, error: str | None) -> None:
        log.info("%s: %s", url, error)
        self._first_error.setdefault(source, f"{url}: {error}")

    def add(self, items: Iterable[str], source: str = "manual", lang: str | None = None) -> CrawlCounts:
        """Store documents given as paths or URLs (`crawl.adding`)."""
        return ItemAdder(self.store, self.annotator, self.fetcher, self.saver, self.report).add(items, source, lang)

    # -- the run ------------------------------------------------------------------------------
    def crawl(self, sources: Iterable[Source], command: str = "crawl", label: str = "") -> CrawlCounts:
        """Crawl `sources`; raises runlock.CrawlLocked if another crawl holds the database."""
        sources = list(sources)
        for source in sources:
            self.fetcher.trust(*source.named_urls)
        with run_lock(self.store.path), _switch_interval(SWITCH_INTERVAL):
            return self._crawl(sources, command, label)

    def _crawl(self, sources: list[Source], command: str, label: str) -> CrawlCounts:
        self._first_error = {}
        self.store.relax_sync()
        self.store.mark_interrupted_runs()
        run_id = self.store.start_run(command, label or ",".join(s.name for s in sources))
        per_source = {s.name: CrawlCounts() for s in sources}
        status = "failed"

        def demoted(source: str, run: int | None) -> None:  # an original of this run became a copy
            if run == run_id and source in per_source:
                per_source[source].new -= 1
                per_source[source].duplicates += 1
        self.saver.on_demoted = demoted
        self.saver.begin_run(run_id)
        try:
            self.saver.backfill_fingerprints()
            with ThreadPoolExecutor(self.workers * THREADS_PER_WORKER, thread_name_prefix="fetch") as pool:
                self._run(sources, pool, per_source, run_id)
            status = "completed"
        finally:
            self.progress.close()
            self.store.finish_run(run_id, run_columns(total(list(per_source.values()))), status)
        for source in sources:
            first_error = self._first_error.get(source.name)
            self.report(f"{source.name}: {per_source[source.name].line()}"
                        + (f" (first error: {first_error})" if first_error else ""))
        dead = self.fetcher.hosts.dead_hosts()
        if dead:
            self.report(f"gave up on {', '.join(dead)} after repeated failures")
        return total(list(per_source.values()))

    def _run(self, sources: list[Source], pool: ThreadPoolExecutor, per_source: dict[str, CrawlCounts],
             run_id: int) -> None:
        """Listings and pages together: pages left pending by an earlier run go first, then each
        listing's links as soon as it is read (each group earliest published first); fetches run
        ahead in a bounded window and are stored in the order they were queued."""
        by_name = {s.name: s for s in sources}
        wake = threading.Event()  # set by a listing read, a listing task ending, a page fetched
        discovery = Discovery(sources, self.fetcher, self.store, wake, per_source, self._error, self.report)
        rows: deque[dict] = deque()
        queued: set[str] = set()
        window: deque[tuple[dict, Future[Response] | None]] = deque()
        done = 0
        expected = False
        group = GroupCommit(self.store)  # several pages per commit, each article still one unit

        def enqueue(found: list[dict]) -> None:
            fresh = sorted((r for r in found if r["url"] not in queued),
                           key=lambda row: fetch_order(row["published"], row["url"]))
            queued.update(r["url"] for r in fresh)
            rows.extend(fresh)
            self.progress.grow(len(fresh))

        def finish(row: dict, response: Response, article: Article | None, failure: Exception | None) -> None:
            group.page()
            self._finish_page(row, response, by_name[row["source"]], run_id, per_source[row["source"]],
                              article, failure)

        def settled(row: dict) -> None:
            nonlocal done
            done += 1
            self.progress.advance(note=row["source"])
            if done % 50 == 0:
                self.store.update_run(run_id, run_columns(total(list(per_source.values()))))

        def batch_results(batch: list[Job], future: Future) -> list[tuple[Article | None, Exception | None]]:
            return results(self.annotator, batch, future)
        pages = PageQueue(self.annotator, batch_results, finish, settled, waiting=group.commit)

        def refill() -> None:
            while rows and len(window) < self.workers * THREADS_PER_WORKER * WINDOW_PER_THREAD:
                row = rows.popleft()
                if row["stored"]:  # stored before a kill (not yet settled), or by `add`
                    window.append((row, None))
                    continue
                kept = self.store.raw_response(row["url"]) if row["fetched"] else None
                if kept is not None:  # fetched before a kill, not yet processed: not fetched again
                    future: Future[Response] = Future()
                    future.set_result(Response(row["url"], kept["final_url"], kept["status"],
                                               kept["headers"], kept["body"]))
                else:
                    future = pool.submit(self.fetcher.get, row["url"], by_name[row["source"]].politeness)
                    future.add_done_callback(lambda _: wake.set())
                window.append((row, future))

        self.progress.start("pages", 0)
        enqueue(self.store.pending_links(list(by_name), self.max_attempts))
        discovery.start(pool)
        with group:
            while True:
                wake.clear()
                for source, urls in discovery.drain():
                    enqueue(self.store.pending_links(list(by_name), self.max_attempts, urls))
                refill()
                if not window:
                    if discovery.finished:
                        break
                    group.commit()
                    wake.wait(1.0)
                    continue
                row, future = window[0]
                if future is not None and not future.done():
                    group.commit()
                    wake.wait(1.0)  # the timeout only guards against a wake-up lost to a bug
                    continue
                window.popleft()
                group.page()
                counts = per_source[row["source"]]
                if future is None:
                    counts.skipped_known += 1
                    self.store.settle_link(row["url"], "done")
                    pages.advance(row)
                    continue
                try:
                    response = future.result()
                except Exception as exc:  # noqa: BLE001 - errors are values already; belt and braces
                    response = Response(row["url"], row["url"], 0, error=f"fetch failed: {exc}")
                page = self._handle_page(row, response, by_name[row["source"]], counts)
                if page is None:
                    pages.advance(row)
                    continue
                if not expected:  # size the worker pool once, before its first batch
                    expected = True
                    self.annotator.expect(len(rows) + len(window) + 1 if discovery.finished else UNKNOWN_MANY)
                pages.add(row, response, page)
            pages.flush()

    # -- one page -----------------------------------------------------------------------------
    def _handle_page(self, row: dict, response: Response, source: Source,
                     counts: CrawlCounts) -> HtmlPage | None:
        """Settle a fetched frontier row that needs no NLP, or return the job that extracts and
        annotates it (`_finish_page` settles it when the result is back)."""
        try:
            outcome = self._page_outcome(row, response, source, counts)
        except sqlite3.Error:
            raise  # the database is the run itself: stop
        except Exception as exc:  # noqa: BLE001 - one page must not stop a cron run
            counts.errors += 1
            outcome = self._failed(row, source, exc)
        if isinstance(outcome, HtmlPage):
            return outcome
        self._settle(row, *outcome)
        return None

    def _finish_page(self, row: dict, response: Response, source: Source, run_id: int,
                     counts: CrawlCounts, article: Article | None, failure: Exception | None) -> None:
        """Store an annotated page and settle its row, whatever happens: a page that breaks something
        is recorded as an attempt (and given up after max_attempts), never left to break every run."""
        try:
            if failure is not None:
                raise failure
            outcome: tuple[str, str | None, bool] = (
                self._store_page(row, response, run_id, counts, article), None, False)
        except sqlite3.Error:
            raise  # the database is the run itself: stop
        except Exception as exc:  # noqa: BLE001 - one page must not stop a cron run
            counts.errors += 1
            outcome = self._failed(row, source, exc)
        self._settle(row, *outcome)

    def _failed(self, row: dict, source: Source, exc: Exception) -> tuple[str, str | None, bool]:
        log.error("%s: processing failed", row["url"], exc_info=exc)
        self._first_error.setdefault(source.name, f"{row['url']}: processing failed: {exc}")
        return "pending", f"processing failed: {exc}", True

    def _settle(self, row: dict, state: str, error: str | None, attempted: bool) -> None:
        if state == "pending" and attempted and row["attempts"] + 1 >= self.max_attempts:
            state = "failed"
        self.store.settle_link(row["url"], state, error, attempted=attempted)

    def _page_outcome(self, row: dict, response: Response, source: Source,
                      counts: CrawlCounts) -> tuple[str, str | None, bool] | HtmlPage:
        """(frontier state, error, whether this counts as an attempt) for one response, or the job
        that extracts and annotates it when it is an HTML page."""
        url = row["url"]
        if response.error == ROBOTS_BLOCKED:
            counts.skipped_robots += 1
            return "skipped", ROBOTS_BLOCKED, False
        if not response.ok:
            counts.errors += 1
            self._error(source.name, url, response.error)
            if response.refused:  # a forbidden scheme or address stays forbidden: no retry
                return "failed", response.error, True
            # a host we gave up on (or whose robots.txt did not answer) was not really tried:
            # the page keeps its attempts for the next run
            attempted = response.error not in (HOST_GIVEN_UP, ROBOTS_UNREACHABLE)
            return "pending", response.error or f"HTTP {response.status}", attempted
        if response.content_type not in HTML_TYPES:
            counts.fetched += 1
            counts.skipped += 1
            log.info("%s: skipped, content type %s", url, response.content_type)
            return "skipped", f"content type {response.content_type}", False
        if not row["fetched"]:  # kept at once: a kill from here on does not cost a fetch
            counts.fetched += 1
            self.store.save_raw_page(url, response.final_url, source.name, response.status,
                                     response.content_type, response.headers, response.body,
                                     row["published"])
        return HtmlPage(response.text(), canonical_url(response.final_url), source.name, source.lang,
                        row["published"])

    def _store_page(self, row: dict, response: Response, run_id: int, counts: CrawlCounts,
                    article: Article | None) -> str:
        if article is None:  # no article text (extraction runs with the NLP, see crawl.jobs)
            counts.skipped += 1
            return "skipped"
        self.saver.save(article.doc, run_id, counts, aliases=[canonical_url(response.final_url)],
                        raw_url=row["url"], article=article, order=fetch_order(row["published"], row["url"]),
                        raw_body=response.body)
        return "done"


@contextlib.contextmanager
def _switch_interval(seconds: float) -> Iterator[None]:
    """The interpreter's thread switch interval set for a block (it is the whole process's)."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(seconds)
    try:
        yield
    finally:
        sys.setswitchinterval(before)
