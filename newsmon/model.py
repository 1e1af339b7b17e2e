"""Plain data passed between pipeline stages.

Each stage takes and returns these dataclasses; none of them knows about the network or the database.
Offsets (`start`, `end`) are character offsets into `Document.text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, asdict
import time
from datetime import datetime, timezone
from typing import Any

# Labels shared by every language's NER; model-specific labels are mapped onto these.
LABELS = ("PERSON", "ORG", "LOC", "DATE", "MISC")
PRECISIONS = ("year", "month", "day")
AGREEMENT_TYPES = ("memorandum", "agreement", "protocol", "decree", "programme", "charter", "other")
AGREEMENT_STATUSES = ("signed", "planned", "ratified", "implemented")



_last_second: tuple[int, str] = (-1, "")


def now_iso() -> str:
    """The time as newsmon stores it: UTC, whole seconds, ISO 8601 ("2026-11-30T21:16:00+00:00").
    Formatted once per second: a crawl stamps every page's rows several times."""
    global _last_second
    second = int(time.time())
    if second != _last_second[0]:
        _last_second = (second, datetime.fromtimestamp(second, timezone.utc).isoformat())
    return _last_second[1]


@dataclass(frozen=True)
class PageMetadata:
    """What extraction read from a page's markup besides its text, for the later stages: the HTML
    itself stays with the crawler. Date hints are only looked for when the page's metadata and its
    listing gave no date (they are what the publication-date stage falls back on)."""

    canonical_url: str | None = None  # <link rel="canonical">, when the page gives one
    metadata_date: str | None = None  # meta tags, JSON-LD (trafilatura)
    htmldate: str | None = None  # htmldate on the page without its URL
    bylines: tuple[str, ...] = ()  # visible text of byline-like elements (class or id says date, byline...)


@dataclass
class Document:
    """One article after main-text extraction, before any NLP."""

    url: str
    source: str
    title: str
    text: str
    author: str | None = None
    site_name: str | None = None
    published: str | None = None  # ISO 8601 date (or datetime) as given, None when unknown
    published_from: str | None = None  # "metadata", "feed", "htmldate", "text"
    lang_hint: str | None = None  # from the source file or <html lang>, never trusted over detection
    page: PageMetadata | None = None  # None for plain text


@dataclass
class Segment:
    """A run of paragraphs in one language."""

    start: int
    end: int
    lang: str
    prob: float


@dataclass
class Mention:
    """A named-entity mention, labelled with one of LABELS."""

    text: str
    label: str
    start: int
    end: int
    lang: str
    canonical_id: str | None = None
    canonical_name: str | None = None


@dataclass
class DateMention:
    """A date expression normalised to ISO 8601 with the precision the text gives.

    `value` is "2016" (year), "2016-05" (month) or "2016-05-12" (day); a range is an ISO interval
    "2025-07-13/2025-07-15" whose precision is that of its ends. `inferred` is True when the year
    (or month) was taken from the article's publication date because the text did not give it.
    """

    text: str
    value: str
    precision: str
    start: int
    end: int
    inferred: bool = False


@dataclass
class Party:
    text: str  # how the article names the party
    name: str  # canonical name
    canonical_id: str | None = None


@dataclass
class Agreement:
    type: str  # one of AGREEMENT_TYPES
    title: str
    parties: list[Party] = field(default_factory=list)
    date_signed: dict[str, str] | None = None  # {"value": ..., "precision": ...}
    place: str | None = None
    status: str | None = None  # one of AGREEMENT_STATUSES
    sentence: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Article:
    """A document with everything the NLP stages found in it."""

    doc: Document
    lang: str
    lang_prob: float
    segments: list[Segment] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    relevance: float | None = None  # probability of being on the beat (nlp/relevance.py), None: unscored
    # MinHash signature of doc.text (crawl/dedupe.py), made where the NLP runs so that the process
    # that stores the article does not compute it; None: not made yet
    fingerprint: bytes | None = None
    # the full-text index's forms of doc.title and doc.text (store/search.index_forms), made there too
    # (folding the whole text was a tenth of a crawl's main thread); None: not made yet
    index_forms: tuple[str, str] | None = None


def to_dict(obj: Any) -> Any:
    """Dataclass (or list of them) to plain JSON-ready data."""
    if isinstance(obj, list):
        return [to_dict(o) for o in obj]
    return asdict(obj)
