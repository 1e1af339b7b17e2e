"""Rerun extraction and the NLP pipeline over stored raw responses, fetching nothing.

For a model upgrade: every article keeps its id, URL and duplicate status; its text, metadata,
annotations and near-duplicate fingerprint are rebuilt from the response it was extracted from.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any

from newsmon.crawl import dedupe
from newsmon.crawl.charset import decode_body
from newsmon.crawl.jobs import BATCH, HtmlPage, annotator_for
from newsmon.store.articles import Store


@dataclass
class ReprocessCounts:
    reprocessed: int = 0
    no_text: int = 0  # the new extractor finds no article text: the old version is kept


def reprocess(store: Store, pipeline: Any, source: str | None = None,
              report: Callable[[str], None] | None = None) -> ReprocessCounts:
    """Re-extract and re-annotate every stored raw page (of `source`), in batches on `pipeline`
    (a Pipeline, or a worker pool), storing the results in page order."""
    counts = ReprocessCounts()
    annotator = annotator_for(pipeline)
    pages = store.raw_pages(source)
    first = True
    while chunk := list(islice(pages, BATCH * annotator.in_flight)):
        if first:  # a short first chunk is all there is: no more workers than it needs
            annotator.expect(len(chunk))
            first = False
        # the stored identity is kept, whatever rel=canonical says today (follow_canonical=False)
        jobs = [HtmlPage(decode_body(p["body"], p["headers"].get("content-type", "")), p["article_url"],
                         p["source"], None, p["listing_published"], follow_canonical=False) for p in chunk]
        futures = [annotator.submit(jobs[i:i + BATCH]) for i in range(0, len(jobs), BATCH)]
        articles = [a for f in futures for a in f.result()]
        for page, article in zip(chunk, articles):
            if article is None:
                counts.no_text += 1
                if report:
                    report(f"{page['article_url']}: no article text any more, kept as it was")
                continue
            signature = dedupe.signature(article.doc.text)
            with store.transaction():  # a kill leaves the article as it was or wholly rebuilt
                store.replace_article(page["article_id"], article)
                store.save_fingerprint(page["article_id"], signature.to_bytes(), signature.bands())
            counts.reprocessed += 1
    return counts
