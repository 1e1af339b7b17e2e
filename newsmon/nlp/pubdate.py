"""An article's publication date, from the best source available.

Order: the date trafilatura read from the page metadata; htmldate on the raw HTML (original date, not the
last-modified one); a byline element of the page, then a dateline or byline in the first characters of the text ("Bakı, 10 sentyabr 2025",
"Published on 3 March 2025"). Each answer says where it came from, so a guessed date is never passed off
as metadata.
"""
from __future__ import annotations

import re

from newsmon.nlp.dates.common import iso_day
from newsmon.nlp.dates.find import find_dates

# A dateline or byline sits at the top; further down, dates are about the story, not the article.
TEXT_WINDOW = 400


def publication_date(
    html: str | None, metadata_date: str | None, text: str, lang: str
) -> tuple[str | None, str | None]:
    """(ISO date "YYYY-MM-DD", where_from) with where_from "metadata" | "htmldate" | "text", or (None, None)."""
    day = _iso_text(metadata_date)
    if day is not None:
        return day, "metadata"
    if html:
        day = _iso_text(_htmldate(html))
        if day is not None:
            return day, "htmldate"
    # Without a publication date a year-less date cannot be resolved, so only complete dates count here.
    # The byline is usually outside the extracted main text, so look there first.
    for candidate in [*(_byline_texts(html) if html else []), text[:TEXT_WINDOW]]:
        for mention in find_dates(candidate, lang, published=None):
            if mention.precision == "day" and "/" not in mention.value:
                return mention.value, "text"
    return None, None


_BYLINE = re.compile(r"byline|dateline|date|time|meta|posted|published|article-info", re.I)


def _byline_texts(html: str) -> list[str]:
    """Visible text of the page's byline-like elements (class or id naming a date, time or byline)."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    texts = []
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "head", "meta"):
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        if _BYLINE.search(marker):
            content = " ".join(element.text_content().split())
            if 0 < len(content) <= 200:  # a byline, not a whole section that happens to say "meta"
                texts.append(content)
    return texts


def _htmldate(html: str) -> str | None:
    from htmldate import find_date  # imported lazily: heavy, and not needed when metadata has a date

    try:
        return find_date(html, extensive_search=False, original_date=True)
    except (ValueError, TypeError):  # htmldate raises on markup it cannot parse at all
        return None


def _iso_text(value: str | None) -> str | None:
    day = iso_day(value)
    return day.isoformat() if day else None
