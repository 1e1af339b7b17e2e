"""Units of NLP work the crawler hands out, and how one batch of them is done.

A job is a `Document`, or an `HtmlPage` whose article text is still to be extracted, so that
extraction (trafilatura) runs wherever the NLP runs: in worker processes when there are some
(`newsmon.workers.Annotator`), in the calling process otherwise (`InlineAnnotator`). Both return
results in submission order through futures, and the crawler saves them in that order.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Union

from newsmon.crawl import dedupe
from newsmon.crawl.urls import canonical_url, same_site
from newsmon.model import Article, Document
from newsmon.nlp.extract import extract_html
from newsmon.store.search import index_forms

BATCH = 8  # jobs per batch: enough for nlp.pipe to batch, small enough to keep every core busy


@dataclass
class HtmlPage:
    html: str
    url: str  # where the page was fetched from (canonical form)
    source: str
    lang: str | None = None  # the source's language hint
    published: str | None = None  # from the listing
    follow_canonical: bool = True  # False keeps `url` whatever rel=canonical says (reprocess)


Job = Union[Document, HtmlPage]


def page_document(page: HtmlPage) -> Document | None:
    """The page's article as a Document (None without article text). The page's own rel=canonical
    names it; a cross-site one (syndication) is not trusted."""
    doc = extract_html(page.html, page.url, page.source, page.lang, page.published)
    if doc is None:
        return None
    canonical = doc.page.canonical_url if doc.page else None
    if page.follow_canonical and canonical and same_site(canonical, page.url):
        doc.url = canonical_url(canonical)
    return doc


def annotate(pipeline: Any, jobs: Sequence[Job]) -> list[Article | None]:
    """Extract the pages among `jobs`, then run the pipeline over all their documents in one batch;
    each article comes with its near-duplicate fingerprint and its full-text index forms (per-page
    CPU kept off the process that stores, when this runs in a worker)."""
    docs = [page_document(j) if isinstance(j, HtmlPage) else j for j in jobs]
    present = [d for d in docs if d is not None]
    process_many = getattr(pipeline, "process_many", None)
    done = process_many(present) if process_many else [pipeline.process(d) for d in present]
    for article in done:
        article.fingerprint = dedupe.signature(article.doc.text).to_bytes()
        article.index_forms = index_forms(article.doc.title, article.doc.text)
    articles = iter(done)
    return [next(articles) if d is not None else None for d in docs]


Result = tuple[Union[Article, None], Union[Exception, None]]


def results(annotator: Any, batch: Sequence[Job], future: Future) -> list[Result]:
    """(annotation, None) or (None, the error) for each job of a batch whose future is `future`;
    a batch that failed is redone job by job, so the jobs that did not fail are kept."""
    try:
        return [(a, None) for a in future.result()]
    except Exception:  # noqa: BLE001 - find the job that failed: the others are kept
        found: list[Result] = []
        for job in batch:
            try:
                found.append((annotator.submit([job]).result()[0], None))
            except Exception as exc:  # noqa: BLE001
                found.append((None, exc))
        return found


def annotated(annotator: Any, jobs: Sequence[Job]) -> Iterator[Result]:
    """`results` for each job, in order, with up to `annotator.in_flight` batches ahead."""
    pending: deque[tuple[Sequence[Job], Future]] = deque()
    for start in range(0, len(jobs), BATCH):
        batch = jobs[start:start + BATCH]
        pending.append((batch, annotator.submit(batch)))
        while len(pending) > annotator.in_flight:
            yield from results(annotator, *pending.popleft())
    while pending:
        yield from results(annotator, *pending.popleft())


class InlineAnnotator:
    """Runs a pipeline's batches here and now; the futures it returns are already done."""

    processes = 1
    in_flight = 1

    def __init__(self, pipeline: Any) -> None:
        self.pipeline = pipeline

    def expect(self, n_jobs: int) -> None:
        """Nothing to size: there are no workers."""

    def submit(self, jobs: Sequence[Job]) -> Future:
        future: Future = Future()
        try:
            future.set_result(annotate(self.pipeline, jobs))
        except Exception as exc:  # noqa: BLE001 - delivered through the future, like a worker's error
            future.set_exception(exc)
        return future

    def close(self) -> None:
        pass


def annotator_for(pipeline: Any) -> Any:
    """`pipeline` itself when it hands out futures (a worker pool), else an inline runner for it."""
    return pipeline if hasattr(pipeline, "submit") else InlineAnnotator(pipeline)
