"""Discovery stage: turn a source's feeds, sitemaps and single URLs into article links.

Parsing is pure (bytes in, links out); the crawler does the fetching.
"""
from __future__ import annotations

import gzip
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import feedparser
from lxml import etree


@dataclass(frozen=True)
class Link:
    """An article URL found by discovery, with what the listing said about it."""

    url: str
    published: str | None = None  # ISO date from the feed or sitemap
    title: str | None = None
    via: str = "url"  # "feed", "sitemap" or "url"


def _iso(struct: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%S", struct) if struct else None


def parse_feed(body: bytes, feed_url: str) -> list[Link]:
    """Links of an RSS 0.9x/1.0/2.0 or Atom feed; relative links resolve against the feed URL."""
    parsed = feedparser.parse(body, response_headers={"content-location": feed_url})
    links = []
    for entry in parsed.entries:
        href = entry.get("link") or next(
            (l.get("href") for l in entry.get("links", []) if l.get("href")), None)
        if not href:
            continue
        links.append(Link(
            url=urljoin(feed_url, href.strip()),
            published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
            title=entry.get("title"),
            via="feed",
        ))
    return links


@dataclass(frozen=True)
class SitemapListing:
    links: list[Link]
    sitemaps: list[str]  # nested sitemaps of a sitemap index


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(body: bytes, sitemap_url: str) -> SitemapListing:
    """Parse a urlset or a sitemapindex (plain or gzipped). Google News dates are used when present."""
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    root = etree.fromstring(body, parser=parser)
    if root is None:
        return SitemapListing([], [])
    links: list[Link] = []
    nested: list[str] = []
    for item in root:
        kind = _local(item.tag)
        fields = {_local(child.tag): (child.text or "").strip() for child in item.iter()}
        loc = fields.get("loc")
        if not loc:
            continue
        loc = urljoin(sitemap_url, loc)
        if kind == "sitemap":
            nested.append(loc)
        elif kind == "url":
            links.append(Link(url=loc, published=fields.get("publication_date") or fields.get("lastmod"),
                              title=fields.get("title"), via="sitemap"))
    return SitemapListing(links, nested)
