"""The NLP pipeline: a Document in, an annotated Article out. Composes the stages; no I/O here.

    language (per paragraph) -> publication date -> NER per segment + knowledge-base matches
    -> dates -> entity linking -> agreements (the sentences they parse parsed a batch at a time)
    -> the words of az document titles out of the mentions
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from newsmon.nlp import langdetect_engine, language, name_words
from newsmon.nlp.agreements.find import find_agreements_many
from newsmon.nlp.dates.find import find_dates
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.az_known_orgs import az_named_after, az_opened_known, az_orgs_around_known
from newsmon.nlp.az_names import az_names_around_known
from newsmon.nlp.az_titles import without_title_words
from newsmon.nlp.name_spans_en import en_orgs_around_places
from newsmon.nlp.linking import find_known_entities, link_mentions
from newsmon.model import Article, DateMention, Document, Mention, Segment
from newsmon.nlp.ner import NerStage
from newsmon.nlp.pubdate import publication_date
from newsmon.nlp.relevance import RelevanceModel, doc_text, load_default
from newsmon.nlp.span_edit import SpanIndex


def _shift(items: list, offset: int) -> list:
    for item in items:
        item.start += offset
        item.end += offset
    return items


def merge_mentions(model: Sequence[Mention], known: Sequence[Mention], text: str = "") -> list[Mention]:
    """Knowledge-base matches win over overlapping model spans (the model splits or mislabels
    known actors); the remaining model spans are kept, and an Azerbaijani model span around a known
    name and more wins over it (`az_names_around_known`; with the article's `text`), as does an English
    body named after a known place (`en_orgs_around_places`); an az model organisation that goes on past a
    known one is the whole name, or the known name's body after it (`az_orgs_around_known`), and an az body named
    after a known person (`az_named_after`) or a known one with its opening word (`az_opened_known`).
    Sorted by offset."""
    outer = az_names_around_known(list(model), list(known), text) if text else []
    outer += en_orgs_around_places(list(model), list(known)) + az_named_after(list(model), list(known))
    outer += az_opened_known(list(model), list(known))
    wholes, bodies = az_orgs_around_known(list(model), list(known), text)
    outer += wholes
    merged = [k for k in known if not any(o.start <= k.start and k.end <= o.end for o in outer)] + outer + bodies
    known_spans = SpanIndex([(k.start, k.end) for k in known])  # a scan of `known` per model span was quadratic
    for m in model:
        if not known_spans.overlaps(m.start, m.end):
            merged.append(m)
    return sorted(merged, key=lambda m: (m.start, -m.end))


class Pipeline:
    """Runs every NLP stage over documents. Models load lazily, once per Pipeline."""

    def __init__(self, ner: NerStage | None = None, kb: KnowledgeBase | None = None,
                 candidates: Sequence[str] | None = None,
                 relevance: RelevanceModel | None | bool = True) -> None:
        """`relevance`: a model, True for the installed default (when there is one), None/False for none."""
        self.ner = ner or NerStage()
        self.kb = kb or KnowledgeBase.load()
        self.candidates = candidates
        self.relevance = _default_relevance() if relevance is True else (relevance or None)

    def process(self, doc: Document) -> Article:
        """The annotated article; `doc` is left as it was (the article carries a dated copy)."""
        return self.process_many([doc])[0]

    def warm_up(self) -> None:
        """Load every model now: the language classifier and each language's NER pipeline."""
        language.detect("Models load once per process.", self.candidates)
        langdetect_engine.factory()  # asked about unsure paragraphs: its profiles take a second to read
        for lang in self.ner.models:
            self.ner.pipeline(lang)
        name_words.warm_up()  # first names and the French lemma table of the name rules

    def process_many(self, docs: Sequence[Document]) -> list[Article]:
        """`process` for each document, with NER batched: every language segment of every document goes
        through its language's spaCy pipeline in one `nlp.pipe` call per language (spaCy's per-call
        overhead and its matrix sizes favour batches). The results are those of `process` one by one."""
        # language ID for the whole batch in one pass of the classifier
        all_segments = language.segment_many([doc.text for doc in docs], self.candidates)
        prepared = [self._prepare(doc, segments) for doc, segments in zip(docs, all_segments)]
        items = [(doc.text, segments) for doc, segments, _ in prepared]
        batched = getattr(self.ner, "annotate_many", None)  # a stand-in NER may annotate one text only
        found = batched(items) if batched else [self.ner.annotate(text, segs) for text, segs in items]
        articles = [self._finish(doc, segments, guess, model)
                    for (doc, segments, guess), model in zip(prepared, found)]
        # the agreement rules' en/fr parses in one batch for all the articles
        for article, agreements in zip(articles, find_agreements_many(articles, self.kb)):
            article.agreements = agreements
            # the agreement rules have read the parties a document's title names (“A və B arasında … Saziş”); as
            # entities, a title's words are not annotated (corpus/README.md), so they leave the list only now
            article.mentions = without_title_words(article.mentions, article.doc.text)
        if self.relevance is not None:
            # one call per batch: scikit-learn's per-call validation costs more than scoring a row
            scores = self.relevance.score([doc_text(a.doc.title, a.doc.text) for a in articles])
            for article, score in zip(articles, scores):
                article.relevance = score
        return articles

    def _prepare(self, doc: Document, segments: list[Segment]) -> tuple[Document, list[Segment], language.LangGuess]:
        guess = language.dominant(segments)
        if not doc.published:
            published, published_from = publication_date(doc.page, doc.text, guess.lang)
            doc = replace(doc, published=published, published_from=published_from)
        return doc, segments, guess

    def _finish(self, doc: Document, segments: list[Segment], guess: language.LangGuess,
                model_mentions: list[Mention]) -> Article:
        text = doc.text
        dates: list[DateMention] = []
        known: list[Mention] = []
        for seg in segments:
            part = text[seg.start:seg.end]
            # a paragraph language ID names a language without date rules is read with the article's rules
            dates += _shift(find_dates(part, seg.lang, doc.published, fallback=guess.lang), seg.start)
            known += _shift(find_known_entities(part, seg.lang, self.kb), seg.start)
        # dates come from our own extractor in every language (the French model finds none)
        model = [m for m in model_mentions if m.label != "DATE"]
        mentions = merge_mentions(model, known, text)
        mentions = link_mentions(mentions, text, guess.lang, self.kb)
        mentions += [Mention(d.text, "DATE", d.start, d.end, _lang_at(segments, d.start))
                     for d in dates]
        mentions.sort(key=lambda m: (m.start, -m.end))
        return Article(doc=doc, lang=guess.lang, lang_prob=guess.prob, segments=segments,
                       mentions=mentions, dates=dates)


def _default_relevance() -> RelevanceModel | None:
    """The installed relevance model; a broken one is logged and skipped, never stops a crawl."""
    try:
        return load_default()
    except (OSError, ValueError) as exc:
        logging.getLogger(__name__).warning("relevance scoring off: %s", exc)
        return None


def _lang_at(segments: Sequence[Segment], offset: int) -> str:
    for seg in segments:
        if seg.start <= offset < seg.end:
            return seg.lang
    return "und"
