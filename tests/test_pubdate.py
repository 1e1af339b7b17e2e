"""publication_date: metadata first, then htmldate on the HTML, then a byline or dateline in the text.

Extraction reads the page once and hands over what it found (`PageMetadata`); these tests check both
what it reads from the markup and the order publication_date trusts it in.
"""
from __future__ import annotations

from newsmon.model import PageMetadata
from newsmon.nlp.extract import extract_html
from newsmon.nlp.pubdate import publication_date

BODY = "<p>" + "Prezident sərəncam imzalayıb, nazirlik bildirib. " * 8 + "</p>"
TEXT_ONLY = "Bakı, 10 sentyabr 2025. Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi yeni xidmət təqdim edib."


def extract(head: str = "", body: str = BODY):
    doc = extract_html(f"<html><head>{head}</head><body>{body}</body></html>", "http://x.test/a", "t")
    assert doc is not None and doc.page is not None
    return doc


def test_metadata_date_is_the_publication_date_and_no_fallback_is_read() -> None:
    doc = extract('<meta property="article:published_time" content="2025-09-10T08:30:00+04:00">',
                  f"<div class='byline'>28 yanvar 2025</div><article>{BODY}</article>")
    assert (doc.published, doc.published_from) == ("2025-09-10", "metadata")
    assert doc.page.htmldate is None and doc.page.bylines == ()


def test_htmldate_reads_a_date_trafilatura_leaves() -> None:
    # a dated canonical URL: htmldate, asked without the page's own URL, reads it
    doc = extract('<link rel="canonical" href="/2025/09/10/story">', f"<article>{BODY}</article>")
    assert doc.published is None and doc.page.htmldate == "2025-09-10"
    assert publication_date(doc.page, doc.text, "az") == ("2025-09-10", "htmldate")


def test_date_only_in_a_byline_outside_the_main_text_is_found() -> None:
    doc = extract("", "<div class='byline'>Müəllif: Leyla Həsənova | 28 yanvar 2025</div>"
                      f"<article>{BODY}</article>")
    assert doc.page.bylines == ("Müəllif: Leyla Həsənova | 28 yanvar 2025",)
    assert publication_date(doc.page, "Yanvarın 27-də Prezident sərəncam imzalayıb.", "az") == (
        "2025-01-28", "text")


def test_canonical_link_is_read_from_the_same_parse() -> None:
    doc = extract("<link rel='canonical' href='http://x.test/canonical'>", f"<article>{BODY}</article>")
    assert doc.page.canonical_url == "http://x.test/canonical"


def test_order_metadata_then_htmldate_then_text() -> None:
    both = PageMetadata(metadata_date="2023-01-02T10:00:00", htmldate="2024-03-05", bylines=("1 May 2020",))
    assert publication_date(both, TEXT_ONLY, "en") == ("2023-01-02", "metadata")
    broken = PageMetadata(metadata_date="2025-13-45", htmldate="2024-03-05")
    assert publication_date(broken, "x", "en") == ("2024-03-05", "htmldate")
    assert publication_date(PageMetadata(bylines=("1 May 2020",)), TEXT_ONLY, "en") == ("2020-05-01", "text")


def test_dateline_in_visible_text() -> None:
    assert publication_date(PageMetadata(), TEXT_ONLY, "az") == ("2025-09-10", "text")
    fr = "Paris, le 3 mars 2025 — Le ministère a présenté sa stratégie numérique."
    assert publication_date(None, fr, "fr") == ("2025-03-03", "text")


def test_text_fallback_needs_a_complete_date_near_the_top() -> None:
    # A year-less date cannot date the article; a date deep in the body is about the story.
    assert publication_date(None, "Yanvarın 27-də forum keçiriləcək.", "az") == (None, None)
    late = "The minister spoke about digital services. " * 12 + "The deal was signed on 3 March 2025."
    assert publication_date(None, late, "en") == (None, None)
    # Year precision is not a publication date either.
    assert publication_date(None, "The portal was launched in 2016.", "en") == (None, None)


def test_processing_leaves_the_document_as_it_was() -> None:
    from newsmon.pipeline import Pipeline

    class NoNer:
        def annotate(self, text, segments):
            return []

    doc = extract("", f"<article>{BODY.replace('Prezident', 'Bakı, 10 sentyabr 2025. Prezident', 1)}</article>")
    article = Pipeline(ner=NoNer()).process(doc)
    assert doc.published is None and doc.published_from is None
    assert (article.doc.published, article.doc.published_from) == ("2025-09-10", "text")
