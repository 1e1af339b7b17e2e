"""An article's publication date, from the best source available.

Order: the date trafilatura read from the page metadata; htmldate on the page (original date, not the
last-modified one); a byline element of the page (all three read by extraction), then a dateline or
byline in the first characters of the text ("Bakı, 10 sentyabr 2025", "Published on 3 March 2025").
Each answer says where it came from, so a guessed date is never passed off as metadata.
"""
from __future__ import annotations

from newsmon.model import PageMetadata
from newsmon.nlp.dates.common import iso_day
from newsmon.nlp.dates.find import find_dates

# A dateline or byline sits at the top; further down, dates are about the story, not the article.
TEXT_WINDOW = 400


def publication_date(page: PageMetadata | None, text: str, lang: str) -> tuple[str | None, str | None]:
    """(ISO date "YYYY-MM-DD", where_from) with where_from "metadata" | "htmldate" | "text", or (None, None).

    `page` is what extraction read from the markup (None for plain text).
    """
    page = page or PageMetadata()
    day = _iso_text(page.metadata_date)
    if day is not None:
        return day, "metadata"
    day = _iso_text(page.htmldate)
    if day is not None:
        return day, "htmldate"
    # Without a publication date a year-less date cannot be resolved, so only complete dates count here.
    # The byline is usually outside the extracted main text, so look there first.
    for candidate in [*page.bylines, text[:TEXT_WINDOW]]:
        for mention in find_dates(candidate, lang, published=None):
            if mention.precision == "day" and "/" not in mention.value and not mention.value.startswith("--"):
                return mention.value, "text"
    return None, None


def _iso_text(value: str | None) -> str | None:
    day = iso_day(value)
    return day.isoformat() if day else None
