"""Storing an annotated article (the crawler's item pipeline): a URL already stored is skipped, a
copy of a stored story (same text, or a near-duplicate) is stored as a duplicate of its original.

Which copy is the original. Pages are fetched while the listings are still arriving (issue 10),
so a copy can be stored before an earlier-published copy of the same story has even been listed.
The original is therefore decided as each copy is stored, by the order the crawler used to
impose on fetching, (listing date, frontier URL), earliest first: a copy that precedes the stored
original becomes the original, and the old original and its copies are re-pointed to it, in the
new copy's transaction (the counts kept for originals move with them). Stored in any order, one
run ends with the originals a run fetching in that order made. Only originals stored by this run,
or by the interrupted runs it resumes, are re-pointed: what a completed run or `add` stored as an
original stays one, as before.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from newsmon.crawl import dedupe
from newsmon.crawl.stats import CrawlCounts
from newsmon.crawl.urls import canonical_url
from newsmon.model import Article, Document
from newsmon.store.articles import Store, content_hash

log = logging.getLogger(__name__)
UNDATED = "9999"  # pages no listing dated come after every dated one


def fetch_order(listing_published: str | None, url: str) -> tuple[str, str]:
    """The order in which copies of one story claim to be its original: earliest listed first."""
    return (listing_published or UNDATED, url)


class ArticleSaver:
    def __init__(self, store: Store, annotator: Any) -> None:
        self.store = store
        self.annotator = annotator
        self._reopen_after: int | None = None  # originals stored by later runs may be re-pointed
        # called with (source, run id) of an original that became a copy (the crawler's counts)
        self.on_demoted: Callable[[str, int | None], None] = lambda source, run: None

    def begin_run(self, run_id: int) -> None:
        self._reopen_after = self.store.last_completed_run(run_id)

    def save(self, doc: Document, run_id: int | None, counts: CrawlCounts, aliases: Sequence[str] = (),
             raw_url: str | None = None, article: Article | None = None,
             order: tuple[str, str] | None = None, raw_body: bytes | None = None) -> int | None:
        """Annotate and store a document unless it is stored under its URL, its rel=canonical or
        one of its `aliases` (where it was fetched). The article, its annotations, its fingerprint,
        the link to the response kept for `raw_url` and any re-pointing are one transaction.
        `article` is the document's annotation when it was made ahead (by the annotator), `order`
        its `fetch_order` when a crawl fetched it, `raw_body` the body of the response kept for
        `raw_url` (when the caller has it: then it is not read back)."""
        canonical = doc.page.canonical_url if doc.page else None
        names = [*aliases, doc.url, canonical_url(canonical) if canonical else ""]
        if self.store.stored_url(names):
            counts.skipped_known += 1
            return None
        if article is None:
            article = self.annotator.submit([doc]).result()[0]
        signature = (dedupe.Signature.from_bytes(article.fingerprint) if article.fingerprint
                     else dedupe.signature(doc.text))
        bands = signature.bands()
        original = self.store.article_id_by_hash(content_hash(doc.text)) or self._near_copy(signature, bands)
        demoted = self._demoted_by(order, original)
        with self.store.transaction(savepoint=True):  # one unit, also inside a group commit
            article_id = self.store.save_article(article, run_id,
                                                 duplicate_of=None if demoted else original)
            self.store.save_fingerprint(article_id, signature.to_bytes(), bands)
            if raw_url is not None:
                self.store.link_raw_page(raw_url, article_id, raw_body,
                                         doc.text if raw_body is not None else None)
            if demoted is not None:
                self.store.make_original(article_id, demoted[0])
        if original is None or demoted is not None:
            counts.new += 1
        else:
            counts.duplicates += 1
            log.info("%s: copy of article %s", doc.url, original)
        if demoted is not None:
            log.info("%s: listed earlier than article %s, now its original", doc.url, original)
            self.on_demoted(demoted[1], demoted[2])
        return article_id

    def _demoted_by(self, order: tuple[str, str] | None,
                    original: int | None) -> tuple[int, str, int | None] | None:
        """(id, source, run) of the stored original that a copy in `order` precedes, if any."""
        if order is None or original is None or self._reopen_after is None:
            return None
        found = self.store.listing_order(original)
        if found is None:
            return None
        published, url, source, run = found
        if (run or 0) <= self._reopen_after or not order < fetch_order(published, url):
            return None
        return original, source, run

    def _near_copy(self, signature: dedupe.Signature, bands: list[int]) -> int | None:
        for article_id, stored in self.store.fingerprint_candidates(bands):
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
