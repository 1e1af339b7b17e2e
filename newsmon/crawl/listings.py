"""Fetching a source's listings (feeds, sitemaps, homepage discovery) with conditional GET.

Runs in a worker thread: it only talks to the network and hands out plain results; the crawler's
main thread writes them to the store (SQLite stays on one thread), see `crawl.discovery`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from newsmon.crawl.autodiscover import autodiscover
from newsmon.crawl.feeds import Link, parse_feed, parse_sitemap
from newsmon.crawl.fetch import ROBOTS_BLOCKED, Fetcher, HttpCache, Response
from newsmon.crawl.sources import Source
from newsmon.crawl.urls import canonical_url
from newsmon.store.http_cache import CacheEntry, Validators

REDISCOVER_AFTER = timedelta(days=7)  # homepages are searched for feeds again after a week


@dataclass
class Listing:
    """One feed or sitemap as fetched this run."""

    url: str
    links: list[Link] = field(default_factory=list)
    cache: CacheEntry | None = None  # validators to store once the links are queued
    status: int = 0
    error: str | None = None


@dataclass
class SourceListings:
    source: Source
    listings: list[Listing] = field(default_factory=list)
    discovered_home: tuple[list[str], list[str]] | None = None  # feeds, sitemaps found this run
    sitemaps_left: int = 0  # nested sitemaps not visited this run: max_sitemaps was reached

    def count(self, what: str) -> int:
        if what == "not_modified":
            return sum(1 for l in self.listings if l.status == 304)
        if what == "robots":
            return sum(1 for l in self.listings if l.error == ROBOTS_BLOCKED)
        if what == "errors":
            return sum(1 for l in self.listings if l.error and l.error != ROBOTS_BLOCKED)
        if what == "fetched":
            return sum(1 for l in self.listings if l.status)
        raise ValueError(what)


def _fetch_listing(url: str, source: Source, fetcher: Fetcher,
                   cached: CacheEntry | None) -> tuple[Listing, Response]:
    response = fetcher.get(url, source.politeness, cached.validators if cached else None)
    listing = Listing(url, status=response.status, error=response.error)
    if response.not_modified:
        listing.error = None
    elif not response.ok:
        listing.error = response.error or f"HTTP {response.status}"
    return listing, response


def fetch_listings(source: Source, fetcher: Fetcher, cache: HttpCache, home_found: dict[str, Any] | None,
                   emit: Callable[[Listing], None] = lambda listing: None) -> SourceListings:
    """Every listing of `source`; unchanged ones (304) contribute no links.

    `cache` has the validators of earlier runs (and the children of sitemap indexes); `home_found`
    is the stored discovery for the source's homepage, if any. `emit` gets each listing as soon
    as it is read, so that its pages can be fetched while the next listings are (issue 10).
    """
    result = SourceListings(source)

    def keep(listing: Listing) -> None:
        result.listings.append(listing)
        emit(listing)
    feeds, sitemaps = list(source.feeds), list(source.sitemaps)
    if source.home and not feeds and not sitemaps:
        fresh = home_found and datetime.fromisoformat(home_found["discovered"]) > \
            datetime.now(timezone.utc) - REDISCOVER_AFTER
        if fresh:
            feeds, sitemaps = home_found["feeds"], home_found["sitemaps"]
        else:
            found = autodiscover(source.home, fetcher, source.politeness)
            feeds, sitemaps = found.feeds, found.sitemaps
            if not found.error:
                result.discovered_home = (feeds, sitemaps)
    if source.urls:  # single pages the sources file names: queued as they are, nothing to fetch first
        keep(Listing("urls", links=[Link(url) for url in source.urls]))
    for url in feeds:
        listing, response = _fetch_listing(url, source, fetcher, cache.cache_entry(url))
        if response.ok:
            listing.links = parse_feed(response.body, response.final_url)
            listing.cache = CacheEntry(url, Validators.from_headers(response.headers))
        keep(listing)
    # breadth first, within the source's bounds: a sitemap index of indexes cannot fan out into
    # thousands of requests before a single page is fetched
    limits = source.politeness
    pending = [(url, 0) for url in sitemaps]
    seen: set[str] = set()
    visited = 0
    while pending:
        url, depth = pending.pop(0)
        if url in seen:
            continue
        if visited >= limits.max_sitemaps:
            result.sitemaps_left = len({u for u, _ in pending if u not in seen} | {url})
            break
        seen.add(url)
        visited += 1
        cached = cache.cache_entry(url)
        listing, response = _fetch_listing(url, source, fetcher, cached)
        children: list[str] = []
        if response.ok:
            parsed = parse_sitemap(response.body, response.final_url, source.politeness.max_bytes)
            listing.links, children = parsed.links, parsed.sitemaps
            listing.error = parsed.error
            if parsed.error is None:  # a listing we could not read is asked for in full next time
                listing.cache = CacheEntry(url, Validators.from_headers(response.headers), tuple(children))
        elif response.not_modified and cached is not None:
            # an unchanged index still has children that change (the "latest news" sitemap)
            children = list(cached.children)
        keep(listing)
        if depth < limits.sitemap_depth:
            pending += [(child, depth + 1) for child in children]
    return result


def link_rows(links: list[Link]) -> list[dict[str, Any]]:
    """Frontier rows: canonical URLs, one row each, keeping the first date any listing gave."""
    rows: dict[str, dict[str, Any]] = {}
    for link in links:
        url = canonical_url(link.url)
        if not url.startswith(("http://", "https://")):
            continue
        row = rows.get(url)
        if row is None:
            rows[url] = {"url": url, "published": link.published, "title": link.title, "via": link.via}
        elif link.published and not row["published"]:
            row["published"] = link.published
    return list(rows.values())
