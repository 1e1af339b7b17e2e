"""Extract stage: HTML (or plain text) in, a `Document` with main text and metadata out (trafilatura).

Navigation, footers and related-article boxes are dropped by trafilatura. The article text starts with
its title, so entity offsets and search cover the headline too.
"""
from __future__ import annotations

import re

import trafilatura
from lxml import html as lxml_html

from newsmon.model import Document

# Only the page's own metadata here (meta tags, JSON-LD): dates found in the text are the pubdate
# stage's business, once the language is known.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _html_lang(html: str) -> str | None:
    match = re.search(r"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", html[:2000], re.I)
    return match.group(1).lower() if match else None


def _canonical_link(html: str) -> str | None:
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return None
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        if href.strip().startswith(("http://", "https://")):
            return href.strip()
    return None


def extract_html(html: str, url: str, source: str, lang_hint: str | None = None,
                 listing_published: str | None = None) -> Document | None:
    """Main text and metadata of an HTML page; None when no article text is found."""
    result = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True,
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
        lang_hint=_html_lang(html) or lang_hint, raw_html=html,
        canonical_url=_canonical_link(html),
    )


def extract_text(text: str, url: str, source: str, lang_hint: str | None = None) -> Document | None:
    """A plain-text document: first non-empty line is the title, paragraphs split on blank lines."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    if len(paragraphs) == 1:
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        return None
    return Document(url=url, source=source, title=paragraphs[0][:300], text="\n".join(paragraphs),
                    lang_hint=lang_hint)
