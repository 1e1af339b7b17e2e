"""The crawler's HTTP cache entries: validators for conditional GETs and cached listings or robots.txt
(the `http_cache` table of the side database that `crawl_state.CrawlState` keeps)."""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newsmon.model import now_iso


@dataclass(frozen=True)
class Validators:
    """What we send for a conditional GET, from the last 200 of the same URL."""

    etag: str | None = None
    last_modified: str | None = None

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)

    def headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out

    @classmethod
    def from_headers(cls, headers: Mapping[str, str]) -> "Validators":
        """From a response's headers (names lower-cased)."""
        return cls(headers.get("etag"), headers.get("last-modified"))


@dataclass(frozen=True)
class CacheEntry:
    """A cached listing or robots.txt: its validators, the nested sitemaps of a sitemap index
    (still visited when the index answers 304) and, for robots.txt, the body."""

    url: str
    validators: Validators = Validators()
    children: tuple[str, ...] = ()
    body: bytes | None = None


def cache_row(entry: CacheEntry) -> dict[str, Any]:
    return {"url": entry.url, "etag": entry.validators.etag,
            "last_modified": entry.validators.last_modified,
            "children": json.dumps(list(entry.children)), "body": entry.body, "checked": now_iso()}
