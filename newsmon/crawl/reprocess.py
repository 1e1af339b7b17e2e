"""Rerun extraction and the NLP pipeline over stored raw responses, fetching nothing.

For a model upgrade: every article keeps its id, URL and duplicate status; its text, metadata,
annotations and near-duplicate fingerprint are rebuilt from the response it was extracted from.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsmon.crawl import dedupe
from newsmon.nlp.extract import extract_html
from newsmon.crawl.charset import decode_body
from newsmon.store.articles import Store


@dataclass
class ReprocessCounts:
    reprocessed: int = 0
    no_text: int = 0  # the new extractor finds no article text: the old version is kept


def reprocess(store: Store, pipeline: Any, source: str | None = None,
              report: Callable[[str], None] | None = None) -> ReprocessCounts:
    counts = ReprocessCounts()
    for page in store.raw_pages(source):
        html = decode_body(page["body"], page["headers"].get("content-type", ""))
        url = page["article_url"]  # the stored identity, whatever rel=canonical says today
        doc = extract_html(html, url, page["source"], None, page["listing_published"])
        if doc is None:
            counts.no_text += 1
            if report:
                report(f"{url}: no article text any more, kept as it was")
            continue
        doc.url = url
        article = pipeline.process(doc)
        signature = dedupe.signature(doc.text)
        with store.transaction():  # a kill leaves the article as it was or wholly rebuilt
            store.replace_article(page["article_id"], article)
            store.save_fingerprint(page["article_id"], signature.to_bytes(), signature.bands())
        counts.reprocessed += 1
    return counts
