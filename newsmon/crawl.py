"""The crawl: sources -> discovery -> fetch -> extract -> NLP pipeline -> store, one article at a time.

Each article is committed on its own, so an interrupted crawl resumes where it stopped: a URL already
in the store is not fetched again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from newsmon.discover import Link, parse_feed, parse_sitemap
from newsmon.extract import extract_html, extract_text
from newsmon.fetch import Fetcher, Response
from newsmon.model import Document
from newsmon.pipeline import Pipeline
from newsmon.sources import Source
from newsmon.store import Store, content_hash

log = logging.getLogger(__name__)
MAX_SITEMAP_DEPTH = 3
HTML_TYPES = ("text/html", "application/xhtml+xml", "")


@dataclass
class CrawlCounts:
    discovered: int = 0
    fetched: int = 0
    new: int = 0
    duplicates: int = 0
    errors: int = 0
    skipped_robots: int = 0
    skipped_known: int = 0

    def add(self, other: "CrawlCounts") -> None:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)


def canonical_url(url: str) -> str:
    """Scheme and host lower-cased, default port and fragment dropped: one article, one URL."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", parts.query, ""))


class Crawler:
    def __init__(self, store: Store, pipeline: Pipeline, fetcher: Fetcher | None = None,
                 report: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.pipeline = pipeline
        self.fetcher = fetcher or Fetcher()
        self.report = report or (lambda line: log.info(line))

    # -- discovery ----------------------------------------------------------------------------
    def discover(self, source: Source, counts: CrawlCounts) -> list[Link]:
        links: list[Link] = [Link(url) for url in source.urls]
        for feed in source.feeds:
            response = self._get(feed, source, counts)
            if response is not None:
                links += parse_feed(response.body, response.final_url)
        pending = [(url, 0) for url in source.sitemaps]
        while pending:
            url, depth = pending.pop(0)
            response = self._get(url, source, counts)
            if response is None:
                continue
            listing = parse_sitemap(response.body, response.final_url)
            links += listing.links
            if depth < MAX_SITEMAP_DEPTH:
                pending += [(nested, depth + 1) for nested in listing.sitemaps]
        unique: dict[str, Link] = {}
        for link in links:
            key = canonical_url(link.url)
            if key not in unique or (link.published and not unique[key].published):
                unique[key] = Link(key, link.published, link.title, link.via)
        return list(unique.values())

    def _get(self, url: str, source: Source, counts: CrawlCounts) -> Response | None:
        response = self.fetcher.get(url, source.politeness)
        if response.error == "disallowed by robots.txt":
            counts.skipped_robots += 1
            return None
        counts.fetched += 1
        if not response.ok:
            counts.errors += 1
            log.warning("%s: %s", url, response.error)
            return None
        return response

    # -- articles -----------------------------------------------------------------------------
    def crawl_source(self, source: Source, run_id: int) -> CrawlCounts:
        counts = CrawlCounts()
        links = self.discover(source, counts)
        counts.discovered = len(links)
        for link in links:
            if self.store.has_url(link.url):
                counts.skipped_known += 1
                continue
            response = self._get(link.url, source, counts)
            if response is None:
                continue
            if response.content_type not in HTML_TYPES:
                log.info("%s: skipped, content type %s", link.url, response.content_type)
                continue
            doc = extract_html(response.text(), canonical_url(response.final_url), source.name,
                               source.lang, link.published)
            if doc is None:
                counts.errors += 1
                continue
            self.save(doc, run_id, counts)
        return counts

    def save(self, doc: Document, run_id: int | None, counts: CrawlCounts) -> int | None:
        """Annotate and store a document unless its URL or its exact text is already stored."""
        if doc.canonical_url and doc.canonical_url != doc.url and self.store.has_url(
                canonical_url(doc.canonical_url)):
            counts.skipped_known += 1
            return None
        if self.store.has_url(doc.url):
            counts.skipped_known += 1
            return None
        original = self.store.article_id_by_hash(content_hash(doc.text))
        article = self.pipeline.process(doc)
        article_id = self.store.save_article(article, run_id, duplicate_of=original)
        if original is None:
            counts.new += 1
        else:
            counts.duplicates += 1
        return article_id

    def crawl(self, sources: Iterable[Source], command: str = "crawl", label: str = "") -> CrawlCounts:
        sources = list(sources)
        run_id = self.store.start_run(command, label or ",".join(s.name for s in sources))
        total = CrawlCounts()
        status = "failed"
        try:
            for source in sources:
                counts = self.crawl_source(source, run_id)
                total.add(counts)
                self.report(f"{source.name}: {counts.discovered} discovered, {counts.new} new, "
                            f"{counts.duplicates} duplicates, {counts.skipped_known} already stored, "
                            f"{counts.errors} errors, {counts.skipped_robots} blocked by robots.txt")
            status = "completed"
        finally:
            self.store.finish_run(run_id, asdict(total), status)
        return total

    # -- single documents ---------------------------------------------------------------------
    def add(self, items: Iterable[str], source: str = "manual", lang: str | None = None) -> CrawlCounts:
        run_id = self.store.start_run("add", source)
        counts = CrawlCounts()
        status = "failed"
        try:
            for item in items:
                doc = self._load_item(item, source, lang, counts)
                if doc is None:
                    continue
                counts.discovered += 1
                self.save(doc, run_id, counts)
            status = "completed"
        finally:
            self.store.finish_run(run_id, asdict(counts), status)
        return counts

    def _load_item(self, item: str, source: str, lang: str | None,
                   counts: CrawlCounts) -> Document | None:
        if item.startswith(("http://", "https://")):
            response = self.fetcher.get(item)
            if not response.ok:
                counts.errors += 1
                self.report(f"{item}: {response.error}")
                return None
            counts.fetched += 1
            return extract_html(response.text(), canonical_url(response.final_url), source, lang)
        path = Path(item)
        try:
            raw = path.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            counts.errors += 1
            self.report(f"{item}: cannot read ({exc.strerror})")
            return None
        url = path.resolve().as_uri()
        if path.suffix.lower() in (".html", ".htm", ".xhtml") or raw.lstrip()[:1] == "<":
            doc = extract_html(raw, url, source, lang)
        else:
            doc = extract_text(raw, url, source, lang)
        if doc is None:
            counts.errors += 1
            self.report(f"{item}: no article text found")
        return doc
