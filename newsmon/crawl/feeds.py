"""Discovery stage: turn a source's feeds, sitemaps and homepage into article links.

Parsing is pure (bytes in, links out); the crawler and `autodiscover` do the fetching.
"""
from __future__ import annotations

import email.utils
import re
import time
import zlib
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urljoin

import feedparser
from lxml import etree
from lxml import html as lxml_html

from newsmon.crawl.charset import decode_body


@dataclass(frozen=True)
class Link:
    """An article URL found by discovery, with what the listing said about it."""

    url: str
    published: str | None = None  # ISO date from the feed or sitemap
    title: str | None = None
    via: str = "url"  # "feed", "sitemap" or "url"


def _iso(struct: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%S", struct) if struct else None


def _entry_date(entry: dict) -> str | None:
    """The entry's date in the publisher's own time zone, ISO 8601.

    feedparser's *_parsed values are in UTC, which moves a story published at 00:30 in Baku to the
    previous day; the raw string keeps the local date.
    """
    for key in ("published", "updated"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).isoformat()  # RSS: RFC 822
        except (TypeError, ValueError):
            pass
        try:
            return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()  # Atom: RFC 3339
        except ValueError:
            pass
    return _iso(entry.get("published_parsed") or entry.get("updated_parsed"))


def parse_feed(body: bytes, feed_url: str) -> list[Link]:
    """Links of an RSS 0.9x/1.0/2.0 or Atom feed; relative links resolve against the feed URL."""
    parsed = feedparser.parse(_feed_text(body), response_headers={"content-location": feed_url})
    links = []
    for entry in parsed.entries:
        href = entry.get("link") or next(
            (l.get("href") for l in entry.get("links", []) if l.get("href")), None)
        if not href:
            continue
        links.append(Link(
            url=urljoin(feed_url, href.strip()),
            published=_entry_date(entry),
            title=entry.get("title"),
            via="feed",
        ))
    return links


def _feed_text(body: bytes) -> bytes | str:
    """Feeds that declare utf-8 and send windows-1254 exist; feedparser would fall back to
    windows-1252 and garble ş, ğ, ı. Such bodies are decoded by detection first."""
    declared = re.search(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9_.-]+)", body[:200])
    try:
        body.decode(declared.group(1).decode() if declared else "utf-8")
        return body
    except (LookupError, UnicodeDecodeError):
        text = decode_body(body)
        return re.sub(r"^\s*<\?xml[^>]*\?>", '<?xml version="1.0"?>', text, count=1)


@dataclass(frozen=True)
class SitemapListing:
    links: list[Link]
    sitemaps: list[str]  # nested sitemaps of a sitemap index
    error: str | None = None  # why nothing could be read (a gzip bomb, say)


class TooLarge(ValueError):
    """Compressed data that unpacks to more than allowed."""


GZIP_MAGIC = b"\x1f\x8b"
DEFAULT_MAX_BYTES = 10_000_000


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Unpack gzip data chunk by chunk, stopping (TooLarge) once the output passes `max_bytes`:
    a 1 MB bomb never becomes gigabytes in memory. Truncated or corrupt data raises ValueError."""
    unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = bytearray()
    pending = data
    while pending and not unpacker.eof:
        out += unpacker.decompress(pending, max_bytes + 1 - len(out))
        if len(out) > max_bytes:
            raise TooLarge(f"unpacks to more than {max_bytes} bytes")
        pending = unpacker.unconsumed_tail
    if not unpacker.eof:
        raise ValueError("truncated gzip data")
    return bytes(out)


def _head(body: bytes, size: int = 2048) -> bytes:
    """The first bytes of a listing, unpacked if gzipped (only as much as needed)."""
    if body[:2] != GZIP_MAGIC:
        return body[:size]
    try:
        return zlib.decompressobj(wbits=16 + zlib.MAX_WBITS).decompress(body, size)
    except zlib.error:
        return b""


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(body: bytes, sitemap_url: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SitemapListing:
    """Parse a urlset or a sitemapindex (plain or gzipped, unpacked to at most `max_bytes`).
    Google News dates are used when present."""
    try:
        if body[:2] == GZIP_MAGIC:
            body = gunzip(body, max_bytes)
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
        root = etree.fromstring(body, parser=parser)
    except TooLarge as exc:
        return SitemapListing([], [], f"gzipped sitemap {exc} (max_bytes)")
    except (ValueError, zlib.error, etree.XMLSyntaxError):  # truncated gzip, empty body
        return SitemapListing([], [])
    if root is None:
        return SitemapListing([], [])
    links: list[Link] = []
    nested: list[tuple[str, str]] = []  # (lastmod, loc)
    for item in root:
        kind = _local(item.tag)
        fields = {_local(child.tag): (child.text or "").strip() for child in item.iter()}
        loc = fields.get("loc")
        if not loc:
            continue
        loc = urljoin(sitemap_url, loc)
        if kind == "sitemap":
            nested.append((fields.get("lastmod") or "", loc))
        elif kind == "url":
            links.append(Link(url=loc, published=fields.get("publication_date") or fields.get("lastmod"),
                              title=fields.get("title"), via="sitemap"))
    # newest first (undated ones keep their order, after): when only some children can be
    # visited, the ones with the latest news are
    nested.sort(key=lambda entry: entry[0], reverse=True)
    return SitemapListing(links, [loc for _, loc in nested])


FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/feed+json", "application/xml", "text/xml")
# Paths news sites commonly serve feeds at, tried only when a homepage announces none.
COMMON_FEED_PATHS = ("/rss", "/rss.xml", "/feed", "/feed/", "/atom.xml", "/feed.xml", "/index.xml",
                     "/rss/all", "/news/rss", "/en/rss", "/az/rss", "/fr/rss")


def feed_links_in_html(html: str | bytes, page_url: str) -> list[str]:
    """Feeds a page announces with <link rel="alternate" type="application/rss+xml" ...>."""
    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, etree.ParserError):
        return []
    found: list[str] = []
    for link in tree.xpath("//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and not kind.endswith("json"):
            url = urljoin(page_url, link.get("href").strip())
            if url not in found:
                found.append(url)
    return found


def looks_like_feed(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def looks_like_sitemap(body: bytes) -> bool:
    head = _head(body).lower()
    return b"<urlset" in head or b"<sitemapindex" in head
