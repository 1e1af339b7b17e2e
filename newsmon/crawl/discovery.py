"""Listings read in fetch threads while pages are already being fetched (issue 10).

Each source's listings (feeds, sitemaps within their bounds, homepage discovery) are read by one
task on the crawler's thread pool. Every listing is handed to the main thread as soon as it is
parsed; the main thread (`drain`) queues its links in the frontier, with the listing's validators
in the same transaction, and passes their URLs on to be fetched, so the first pages are fetched
while the rest of a large sitemap index is still being listed. SQLite stays on the main thread.
"""
from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from newsmon.crawl.fetch import ROBOTS_BLOCKED, Fetcher
from newsmon.crawl.listings import Listing, SourceListings, fetch_listings, link_rows
from newsmon.crawl.sources import Source
from newsmon.crawl.stats import CrawlCounts
from newsmon.store.articles import Store

log = logging.getLogger(__name__)

Event = tuple[str, Source, Any]  # ("listing", source, Listing) or ("done", source, Future)


class Discovery:
    """`wake` is set whenever there is something to `drain`."""

    def __init__(self, sources: list[Source], fetcher: Fetcher, store: Store, wake: threading.Event,
                 per_source: dict[str, CrawlCounts], error: Callable[[str, str, str], None],
                 report: Callable[[str], None]) -> None:
        self.sources = sources
        self.fetcher = fetcher
        self.store = store
        self.wake = wake
        self.per_source = per_source
        self.error = error  # (source, url, message): one that did not stop the run
        self.report = report
        self.running = 0
        self._events: queue.SimpleQueue[Event] = queue.SimpleQueue()

    def _put(self, event: Event) -> None:
        self._events.put(event)
        self.wake.set()

    def start(self, pool: ThreadPoolExecutor) -> None:
        homes = {s.name: self.store.home_discovery(s.name, s.home) for s in self.sources if s.home}
        for source in self.sources:
            def emit(listing: Listing, source: Source = source) -> None:
                self._put(("listing", source, listing))
            future = pool.submit(fetch_listings, source, self.fetcher, self.store, homes.get(source.name), emit)
            future.add_done_callback(lambda done, source=source: self._put(("done", source, done)))
        self.running = len(self.sources)

    @property
    def finished(self) -> bool:
        return self.running == 0

    def drain(self) -> list[tuple[Source, list[str]]]:
        """Store what the listing tasks found since the last call; returns (source, URLs of the
        links) per listing, in the order they were read."""
        found = []
        while True:
            try:
                kind, source, payload = self._events.get_nowait()
            except queue.Empty:
                return found
            if kind == "listing":
                urls = self._queue_links(source, payload)
                if urls:
                    found.append((source, urls))
            else:
                self.running -= 1
                self._finished(source, payload)

    def _queue_links(self, source: Source, listing: Listing) -> list[str]:
        counts = self.per_source[source.name]
        rows = link_rows(listing.links)
        if listing.cache is not None or rows:
            counts.discovered += self.store.add_frontier(source.name, rows, listing.cache)
        if listing.error and listing.error != ROBOTS_BLOCKED:
            self.error(source.name, listing.url, listing.error)
        return [row["url"] for row in rows]

    def _finished(self, source: Source, future: Future) -> None:
        counts = self.per_source[source.name]
        try:
            result: SourceListings = future.result()
        except Exception as exc:  # noqa: BLE001 - a listing no parser expected must not stop the run
            log.error("%s: listings failed", source.name, exc_info=exc)
            self.error(source.name, "listings", f"failed: {exc}")
            counts.errors += 1
            return
        if result.discovered_home is not None:
            self.store.save_home_discovery(source.name, source.home or "", *result.discovered_home)
        if result.sitemaps_left:
            self.report(f"{source.name}: {result.sitemaps_left} nested sitemaps left for later runs "
                        f"(max_sitemaps = {source.politeness.max_sitemaps})")
        counts.fetched += result.count("fetched")
        counts.not_modified += result.count("not_modified")
        counts.errors += result.count("errors")
        counts.skipped_robots += result.count("robots")
