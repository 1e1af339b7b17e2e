"""Extract stage: HTML (or plain text) in, a `Document` with main text and metadata out (trafilatura).

Navigation, footers and related-article boxes are dropped by trafilatura. The article text starts with
its title, so entity offsets and search cover the headline too.
"""
from __future__ import annotations

import re

import trafilatura
from lxml.html import HtmlElement

from newsmon.model import Document, PageMetadata

# Only the page's own metadata here (meta tags, JSON-LD): dates found in the text are the pubdate
# stage's business, once the language is known.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_BYLINE = re.compile(r"byline|dateline|date|time|meta|posted|published|article-info", re.I)


def _html_lang(html: str) -> str | None:
    match = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", html[:2000], re.I)
    return match.group(1).lower() if match else None


def _canonical_link(tree: HtmlElement) -> str | None:
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        if href.strip().startswith(("http://", "https://")):
            return href.strip()
    return None


def _byline_texts(tree: HtmlElement) -> tuple[str, ...]:
    """Visible text of the page's byline-like elements (class or id naming a date, time or byline):
    the byline is usually outside the extracted main text."""
    texts = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head", "meta"):
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if _BYLINE.search(marker):
            content = " ".join(element.text_content().split())
            if 0 < len(content) <= 200:  # a byline, not a whole section that happens to say "meta"
                texts.append(content)
    return tuple(texts)


def _htmldate(tree: HtmlElement) -> str | None:
    from htmldate import find_date  # imported lazily: heavy, and not needed when metadata has a date

    try:  # htmldate works on its own copy of the tree
        return find_date(tree, extensive_search=False, original_date=True)
    except (ValueError, TypeError):  # htmldate raises on markup it cannot parse at all
        return None


def extract_html(html: str, url: str, source: str, lang_hint: str | None = None,
                 listing_published: str | None = None) -> Document | None:
    """Main text and metadata of an HTML page; None when no article text is found.

    The page is parsed once: trafilatura (on its own copy), the canonical link, htmldate and the
    byline candidates all read the same tree.
    """
    try:
        tree = trafilatura.load_html(html)
    except (TypeError, ValueError):
        return None
    if tree is None:
        return None
    result = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        date_extraction_params=_DATE_PARAMS)
    if result is None or not (result.text or "").strip():
        return None
    title = (result.title or "").strip()
    text = result.text.strip()
    if title and not text.startswith(title):
        text = f"{title}\n{text}"
    published, published_from = result.date, "metadata" if result.date else None
    if not published and listing_published:
        published, published_from = listing_published[:10], "feed"
    return Document(
        url=url, source=source, title=title or text.split("\n", 1)[0][:200], text=text,
        author=result.author or None, site_name=result.sitename or None,
        published=published, published_from=published_from,
        lang_hint=_html_lang(html) or lang_hint,
        page=_page_metadata(tree, result.date, dated=bool(published)),
    )


def _page_metadata(tree: HtmlElement, metadata_date: str | None, dated: bool) -> PageMetadata:
    # the publication-date stage's fallbacks are read only when neither metadata nor listing dated it
    return PageMetadata(canonical_url=_canonical_link(tree), metadata_date=metadata_date,
                        htmldate=None if dated else _htmldate(tree),
                        bylines=() if dated else _byline_texts(tree))



def extract_text(text: str, url: str, source: str, lang_hint: str | None = None) -> Document | None:
    """A plain-text document: first non-empty line is the title, paragraphs split on blank lines."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paragraphs) == 1:
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        return None
    return Document(url=url, source=source, title=paragraphs[0][:300], text="\n".join(paragraphs),
                    lang_hint=lang_hint)
