"""The crawl: sources -> listings -> frontier -> fetch -> extract -> dedupe -> NLP -> store.

Fetching runs in a thread pool (politeness lives in the fetcher); extraction and the NLP pipeline
run in batches on the annotator (worker processes, see `newsmon.workers`, or this process); every
SQLite write stays on the calling thread, one article per transaction, in a fixed order
(earliest published first). Every discovered URL goes to the `frontier` table before anything is
fetched, together with the listing's validators, so a crawl killed at any point resumes where it
stopped and a 304 can never hide a link that was not queued.
"""
from __future__ import annotations

import logging
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from newsmon.crawl import dedupe
from newsmon.crawl.jobs import BATCH, HtmlPage, Job, annotator_for
from newsmon.crawl.pagequeue import PageQueue
from newsmon.nlp.extract import extract_text
from newsmon.crawl.charset import decode_body, is_binary
from newsmon.crawl.fetch import HOST_GIVEN_UP, ROBOTS_BLOCKED, ROBOTS_UNREACHABLE, Fetcher, Response
from newsmon.crawl.listings import SourceListings, fetch_listings, link_rows
from newsmon.model import Article, Document
from newsmon.crawl.progress import Progress
from newsmon.crawl.runlock import run_lock
from newsmon.crawl.sources import Source
from newsmon.store.articles import Store, content_hash
from newsmon.crawl.urls import canonical_url

__all__ = ["Crawler", "CrawlCounts", "canonical_url"]

log = logging.getLogger(__name__)
HTML_TYPES = ("text/html", "application/xhtml+xml", "")
MAX_ATTEMPTS = 3  # runs in which a failing page is tried before it is given up
THREADS_PER_WORKER = 4  # fetch threads per request slot: most of them wait out host delays
WINDOW_PER_THREAD = 2  # fetches queued ahead per thread


@dataclass
class CrawlCounts:
    discovered: int = 0  # links new to the frontier
    fetched: int = 0  # responses received (listings and pages)
    new: int = 0
    duplicates: int = 0  # exact or near copies of a stored story
    errors: int = 0
    skipped_robots: int = 0
    skipped_known: int = 0  # already stored under this or its canonical URL
    not_modified: int = 0  # listings that answered 304
    skipped: int = 0  # not an article: PDF, image, no main text

    def add(self, other: "CrawlCounts") -> None:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)

    def summary(self) -> str:
        """The closing line of a run (cron mails show it first)."""
        return (f"{self.new} new articles, {self.duplicates} duplicates, {self.skipped_known} already "
                f"stored, {self.errors} errors, {self.skipped_robots} blocked by robots.txt, "
                f"{self.fetched} responses, {self.not_modified} unchanged listings")

    def line(self) -> str:
        return (f"{self.discovered} discovered, {self.fetched} fetched, {self.new} new, "
                f"{self.duplicates} duplicates, {self.skipped_known} already stored, "
                f"{self.not_modified} unchanged listings, {self.skipped} not articles, "
                f"{self.errors} errors, {self.skipped_robots} blocked by robots.txt")


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
        self._first_error: dict[str, str] = {}  # per source, for the cron line

    def _error(self, source: str, url: str, error: str | None) -> None:
        log.info("%s: %s", url, error)
        self._first_error.setdefault(source, f"{url}: {error}")

    # -- the run ------------------------------------------------------------------------------
    def crawl(self, sources: Iterable[Source], command: str = "crawl", label: str = "") -> CrawlCounts:
        """Crawl `sources`; raises runlock.CrawlLocked if another crawl holds the database."""
        sources = list(sources)
        for source in sources:
            self.fetcher.trust(*source.named_urls)
        with run_lock(self.store.path):
            return self._crawl(sources, command, label)

    def _crawl(self, sources: list[Source], command: str, label: str) -> CrawlCounts:
        self._first_error = {}
        self.store.relax_sync()
        self.store.mark_interrupted_runs()
        run_id = self.store.start_run(command, label or ",".join(s.name for s in sources))
        per_source = {s.name: CrawlCounts() for s in sources}
        status = "failed"
        try:
            self.backfill_fingerprints()
            threads = self.workers * THREADS_PER_WORKER
            with ThreadPoolExecutor(threads, thread_name_prefix="fetch") as pool:
                self._discover_all(sources, pool, per_source)
                self._fetch_pending(sources, pool, per_source, run_id)
            status = "completed"
        finally:
            self.progress.close()
            total = CrawlCounts()
            for counts in per_source.values():
                total.add(counts)
            self.store.finish_run(run_id, _run_columns(total), status)
        for source in sources:
            first_error = self._first_error.get(source.name)
            self.report(f"{source.name}: {per_source[source.name].line()}"
                        + (f" (first error: {first_error})" if first_error else ""))
        dead = self.fetcher.hosts.dead_hosts()
        if dead:
            self.report(f"gave up on {', '.join(dead)} after repeated failures")
        return total

    def _discover_all(self, sources: list[Source], pool: ThreadPoolExecutor,
                      per_source: dict[str, CrawlCounts]) -> None:
        homes = {s.name: self.store.home_discovery(s.name, s.home) for s in sources if s.home}
        futures = [pool.submit(fetch_listings, s, self.fetcher, self.store, homes.get(s.name))
                   for s in sources]
        self.progress.start("listings", len(futures))
        for source, future in zip(sources, futures):
            counts = per_source[source.name]
            try:
                result: SourceListings = future.result()
            except Exception as exc:  # noqa: BLE001 - a listing no parser expected must not stop the run
                log.exception("%s: listings failed", source.name)
                self._first_error.setdefault(source.name, f"listings failed: {exc}")
                counts.errors += 1
                continue
            if result.discovered_home is not None:
                self.store.save_home_discovery(result.source.name, result.source.home or "",
                                               *result.discovered_home)
            for listing in result.listings:
                if listing.cache is not None or listing.links:
                    counts.discovered += self.store.add_frontier(
                        result.source.name, link_rows(listing.links), listing.cache)
                if listing.error and listing.error != ROBOTS_BLOCKED:
                    self._error(source.name, listing.url, listing.error)
            if result.sitemaps_left:
                self.report(f"{source.name}: {result.sitemaps_left} nested sitemaps left for later runs "
                            f"(max_sitemaps = {source.politeness.max_sitemaps})")
            counts.fetched += result.count("fetched")
            counts.not_modified += result.count("not_modified")
            counts.errors += result.count("errors")
            counts.skipped_robots += result.count("robots")
            self.progress.advance(note=result.source.name)

    def _fetch_pending(self, sources: list[Source], pool: ThreadPoolExecutor,
                       per_source: dict[str, CrawlCounts], run_id: int) -> None:
        by_name = {s.name: s for s in sources}
        pending = self.store.pending_links(list(by_name), self.max_attempts)
        # earliest published first: the first copy of a syndicated story is the original
        pending.sort(key=lambda row: (row["published"] or "9999", row["url"]))
        self.progress.start("pages", len(pending))
        self.annotator.expect(len(pending))
        window: deque[tuple[dict, Future[Response] | None]] = deque()
        rows = iter(pending)
        done = 0

        def finish(row: dict, response: Response, article: Article | None, failure: Exception | None) -> None:
            self._finish_page(row, response, by_name[row["source"]], run_id, per_source[row["source"]],
                              article, failure)

        def settled(row: dict) -> None:
            nonlocal done
            done += 1
            self.progress.advance(note=row["source"])
            if done % 50 == 0:
                partial = CrawlCounts()
                for c in per_source.values():
                    partial.add(c)
                self.store.update_run(run_id, _run_columns(partial))
        pages = PageQueue(self.annotator, self._results, finish, settled)

        def refill() -> None:
            while len(window) < self.workers * THREADS_PER_WORKER * WINDOW_PER_THREAD:
                row = next(rows, None)
                if row is None:
                    return
                if row["stored"]:  # stored before a kill (not yet settled), or by `add`
                    window.append((row, None))
                    continue
                kept = self.store.raw_response(row["url"]) if row["fetched"] else None
                if kept is not None:  # fetched before a kill, not yet processed: not fetched again
                    future: Future[Response] = Future()
                    future.set_result(Response(row["url"], kept["final_url"], kept["status"],
                                               kept["headers"], kept["body"]))
                    window.append((row, future))
                    continue
                source = by_name[row["source"]]
                window.append((row, pool.submit(self.fetcher.get, row["url"], source.politeness)))

        refill()
        while window:
            row, future = window.popleft()
            counts = per_source[row["source"]]
            if future is None:
                counts.skipped_known += 1
                self.store.settle_link(row["url"], "done")
                pages.advance(row)
            else:
                try:
                    response = future.result()
                except Exception as exc:  # noqa: BLE001 - errors are values already; belt and braces
                    response = Response(row["url"], row["url"], 0, error=f"fetch failed: {exc}")
                page = self._handle_page(row, response, by_name[row["source"]], counts)
                if page is None:
                    pages.advance(row)
                else:
                    pages.add(row, response, page)
            refill()
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
        self.save(article.doc, run_id, counts, aliases=[canonical_url(response.final_url)],
                  raw_url=row["url"], article=article)
        return "done"

    def save(self, doc: Document, run_id: int | None, counts: CrawlCounts, aliases: Sequence[str] = (),
             raw_url: str | None = None, article: Article | None = None) -> int | None:
        """Annotate and store a document unless it is stored under its URL, its rel=canonical or
        one of its `aliases` (where it was fetched); copies of a stored story (same text, or a
        near-duplicate) are stored as duplicates of the first copy. The article, its annotations,
        its fingerprint and the link to the response kept for `raw_url` are one transaction.
        `article` is the document's annotation when it was made ahead (by the annotator)."""
        canonical = doc.page.canonical_url if doc.page else None
        names = [*aliases, doc.url, canonical_url(canonical) if canonical else ""]
        if self.store.stored_url(names):
            counts.skipped_known += 1
            return None
        signature = dedupe.signature(doc.text)
        original = self.store.article_id_by_hash(content_hash(doc.text)) or self._near_copy(signature)
        if article is None:
            article = self.annotator.submit([doc]).result()[0]
        with self.store.transaction():
            article_id = self.store.save_article(article, run_id, duplicate_of=original)
            self.store.save_fingerprint(article_id, signature.to_bytes(), signature.bands())
            if raw_url is not None:
                self.store.link_raw_page(raw_url, article_id)
        if original is None:
            counts.new += 1
        else:
            counts.duplicates += 1
            log.info("%s: copy of article %s", doc.url, original)
        return article_id

    def _near_copy(self, signature: dedupe.Signature) -> int | None:
        for article_id, stored in self.store.fingerprint_candidates(signature.bands()):
            if dedupe.is_near_duplicate(signature, dedupe.Signature.from_bytes(stored)):
                return article_id
        return None

    def backfill_fingerprints(self) -> int:
        """Fingerprints for articles stored without one (by a newsmon that wrote the fingerprint in
        a transaction of its own, killed in between)."""
        missing = self.store.articles_without_fingerprint()
        for article_id, text in missing:
            signature = dedupe.signature(text)
            self.store.save_fingerprint(article_id, signature.to_bytes(), signature.bands())
        return len(missing)

    # -- single documents ---------------------------------------------------------------------
    def add(self, items: Iterable[str], source: str = "manual", lang: str | None = None) -> CrawlCounts:
        """Store documents given as paths or URLs. One item that fails (unreadable, no text, an error
        in extraction or NLP) is reported and counted; the others are still stored."""
        run_id = self.store.start_run("add", source)
        counts = CrawlCounts()
        status = "failed"
        items = list(items)
        self.annotator.expect(len(items))
        try:
            self.backfill_fingerprints()
            jobs = []
            for item in items:
                try:
                    job = self._load_item(item, source, lang, counts)
                except Exception as exc:  # noqa: BLE001 - one item must not drop the rest of the batch
                    self._not_added(item, exc, counts)
                    continue
                if job is not None:
                    jobs.append((item, job))
            for (item, job), (article, failure) in zip(jobs, self._annotated([job for _, job in jobs])):
                try:
                    if failure is not None:
                        raise failure
                    if article is None:
                        if not isinstance(job, HtmlPage) or not job.url.startswith(("http://", "https://")):
                            counts.errors += 1
                            self.report(f"{item}: no article text found")
                        continue
                    counts.discovered += 1
                    self.save(article.doc, run_id, counts, article=article)
                except sqlite3.Error:
                    raise  # the database is the run itself: stop
                except Exception as exc:  # noqa: BLE001 - one item must not drop the rest of the batch
                    self._not_added(item, exc, counts)
            status = "completed"
        finally:
            self.store.finish_run(run_id, _run_columns(counts), status)
        return counts

    def _not_added(self, item: str, exc: Exception, counts: CrawlCounts) -> None:
        counts.errors += 1
        log.error("%s: not added", item, exc_info=exc)
        self.report(f"{item}: not added ({type(exc).__name__}: {exc})")

    def _annotated(self, jobs: list[Job]) -> Iterator[tuple[Article | None, Exception | None]]:
        """(annotation, None) or (None, the error) for each job, in order, with up to
        `annotator.in_flight` batches ahead; a batch that fails is redone job by job."""
        pending: deque[tuple[list[Job], Future]] = deque()
        for start in range(0, len(jobs), BATCH):
            batch = jobs[start:start + BATCH]
            pending.append((batch, self.annotator.submit(batch)))
            while len(pending) > self.annotator.in_flight:
                yield from self._results(*pending.popleft())
        while pending:
            yield from self._results(*pending.popleft())

    def _results(self, batch: list[Job], future: Future) -> list[tuple[Article | None, Exception | None]]:
        try:
            return [(a, None) for a in future.result()]
        except Exception:  # noqa: BLE001 - find the job that failed: the others are kept
            results: list[tuple[Article | None, Exception | None]] = []
            for job in batch:
                try:
                    results.append((self.annotator.submit([job]).result()[0], None))
                except Exception as exc:  # noqa: BLE001
                    results.append((None, exc))
            return results

    def _load_item(self, item: str, source: str, lang: str | None, counts: CrawlCounts) -> Job | None:
        if item.startswith(("http://", "https://")):
            self.fetcher.trust(item)  # named by the user; where it redirects is guarded
            response = self.fetcher.get(item)
            if not response.ok:
                counts.errors += 1
                self.report(f"{item}: {response.error}")
                return None
            counts.fetched += 1
            return HtmlPage(response.text(), canonical_url(response.final_url), source, lang,
                            follow_canonical=False)
        path = Path(item)
        try:
            data = path.read_bytes()
        except OSError as exc:
            counts.errors += 1
            self.report(f"{item}: cannot read ({exc.strerror})")
            return None
        if is_binary(data):
            counts.errors += 1
            self.report(f"{item}: not text or HTML (binary data): not added")
            return None
        raw = decode_body(data)
        url = path.resolve().as_uri()
        if path.suffix.lower() in (".html", ".htm", ".xhtml") or raw.lstrip()[:1] == "<":
            return HtmlPage(raw, url, source, lang, follow_canonical=False)
        doc = extract_text(raw, url, source, lang)
        if doc is None:
            counts.errors += 1
            self.report(f"{item}: no article text found")
        return doc


def _run_columns(counts: CrawlCounts) -> dict[str, int]:
    """The counters crawl_runs has columns for (the others go to the log lines)."""
    data = asdict(counts)
    del data["skipped"], data["not_modified"]
    return data
