"""Feed and sitemap autodiscovery for a source given only by its homepage.

Feeds: <link rel="alternate"> on the homepage, else a handful of common paths (each checked to
really be a feed). Sitemaps: robots.txt `Sitemap:` lines, else /sitemap.xml if it is one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from newsmon.crawl.feeds import COMMON_FEED_PATHS, feed_links_in_html, looks_like_feed, looks_like_sitemap
from newsmon.crawl.fetch import Fetcher
from newsmon.settings import Politeness
from newsmon.crawl.urls import host_key


@dataclass
class Found:
    home: str
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    error: str | None = None  # the homepage itself could not be fetched


def autodiscover(home: str, fetcher: Fetcher, politeness: Politeness | None = None,
                 probe: bool = True) -> Found:
    """What feeds and sitemaps `home` offers. `probe=False` skips guessing common paths."""
    politeness = politeness or fetcher.default
    fetcher.trust(home)  # the homepage the user named; feeds found elsewhere are guarded
    found = Found(home)
    page = fetcher.get(home, politeness)
    if page.ok:
        found.feeds = feed_links_in_html(page.body, page.final_url)
    else:
        found.error = page.error
    root = host_key(page.final_url if page.ok else home)
    if not found.feeds and probe:
        # a language edition (https://site/en/) often has its feed under its own path
        prefix = urlsplit(home).path.rstrip("/")
        candidates = [f"{root}{prefix}{p}" for p in COMMON_FEED_PATHS if prefix] + \
                     [f"{root}{p}" for p in COMMON_FEED_PATHS]
        for url in dict.fromkeys(candidates):
            response = fetcher.get(url, politeness)
            if response.ok and looks_like_feed(response.body):
                found.feeds.append(response.final_url)
                break  # one working feed is enough; more would mostly repeat it
    robots = fetcher.robots(home, politeness) if politeness.obey_robots else None
    if robots is not None:
        found.sitemaps = [urljoin(root, u) for u in robots.sitemaps]
    if not found.sitemaps and probe:
        response = fetcher.get(f"{root}/sitemap.xml", politeness)
        if response.ok and looks_like_sitemap(response.body):
            found.sitemaps.append(response.final_url)
    return found


def source_name(url: str) -> str:
    """A source name from a URL: host without www, plus a language path segment if any."""
    parts = urlsplit(url)
    host = (parts.hostname or "source").lower()
    host = host[4:] if host.startswith("www.") else host
    first = parts.path.strip("/").split("/")[0]
    name = host if not re.fullmatch(r"[a-z]{2}", first) else f"{host}-{first}"
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def toml_block(found: Found, name: str | None = None, lang: str | None = None) -> str:
    """A ready-to-paste [[sources]] table for what was found."""
    lines = ["[[sources]]", f'name = "{name or source_name(found.home)}"', f'home = "{found.home}"']
    if lang:
        lines.append(f'lang = "{lang}"')
    lines.append(f"feeds = {_toml_list(found.feeds)}")
    lines.append(f"sitemaps = {_toml_list(found.sitemaps)}")
    if found.error:
        lines.insert(0, f"# homepage could not be fetched: {found.error}")
    if not found.feeds and not found.sitemaps:
        lines.insert(0, "# no feed or sitemap found: list article URLs under `urls`, or keep `home`")
    return "\n".join(lines) + "\n"
