"""`newsmon add`: single documents given as paths or URLs, annotated and stored like crawled pages."""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from newsmon.crawl.charset import decode_body, is_binary
from newsmon.crawl.fetch import Fetcher
from newsmon.crawl.jobs import HtmlPage, Job, annotated
from newsmon.crawl.saver import ArticleSaver
from newsmon.crawl.stats import CrawlCounts, run_columns
from newsmon.crawl.urls import canonical_url
from newsmon.nlp.extract import extract_text
from newsmon.store.articles import Store

log = logging.getLogger(__name__)


class ItemAdder:
    def __init__(self, store: Store, annotator: Any, fetcher: Fetcher, saver: ArticleSaver,
                 report: Callable[[str], None]) -> None:
        self.store = store
        self.annotator = annotator
        self.fetcher = fetcher
        self.saver = saver
        self.report = report

    def add(self, items: Iterable[str], source: str = "manual", lang: str | None = None) -> CrawlCounts:
        """Store documents given as paths or URLs. One item that fails (unreadable, no text, an error
        in extraction or NLP) is reported and counted; the others are still stored."""
        run_id = self.store.start_run("add", source)
        counts = CrawlCounts()
        status = "failed"
        items = list(items)
        self.annotator.expect(len(items))
        try:
            self.saver.backfill_fingerprints()
            jobs = []
            for item in items:
                try:
                    job = self._load_item(item, source, lang, counts)
                except Exception as exc:  # noqa: BLE001 - one item must not drop the rest of the batch
                    self._not_added(item, exc, counts)
                    continue
                if job is not None:
                    jobs.append((item, job))
            done = annotated(self.annotator, [job for _, job in jobs])
            for (item, job), (article, failure) in zip(jobs, done):
                try:
                    if failure is not None:
                        raise failure
                    if article is None:
                        if not isinstance(job, HtmlPage) or not job.url.startswith(("http://", "https://")):
                            counts.errors += 1
                            self.report(f"{item}: no article text found")
                        continue
                    counts.discovered += 1
                    self.saver.save(article.doc, run_id, counts, article=article)
                except sqlite3.Error:
                    raise  # the database is the run itself: stop
                except Exception as exc:  # noqa: BLE001 - one item must not drop the rest of the batch
                    self._not_added(item, exc, counts)
            status = "completed"
        finally:
            self.store.finish_run(run_id, run_columns(counts), status)
        return counts

    def _not_added(self, item: str, exc: Exception, counts: CrawlCounts) -> None:
        counts.errors += 1
        log.error("%s: not added", item, exc_info=exc)
        self.report(f"{item}: not added ({type(exc).__name__}: {exc})")

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
