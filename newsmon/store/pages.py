"""What the crawler hands the store for a fetched page: the response as kept for `newsmon reprocess`,
and a page of the bulk save path (`Store.save_pages`). Apart from `crawl_state.py` so that the query
commands, which never write, do not build these classes at start-up (`articles` re-exports them).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from newsmon.model import Article


@dataclass
class Response:
    """A fetched page as the store keeps it for `newsmon reprocess`."""

    url: str  # the URL it was fetched for (the frontier's)
    final_url: str
    source: str
    status: int
    content_type: str
    headers: dict[str, str]
    body: bytes
    listing_published: str | None = None


@dataclass
class Page:
    """What the crawler stores for one page (`Store.save_pages`): the article, the response it was
    extracted from, its near-duplicate fingerprint (signature bytes and band values), the original
    it copies and the run."""

    article: Article
    response: Response | None = None
    signature: bytes | None = None
    bands: list[int] = field(default_factory=list)
    duplicate_of: int | None = None
    run_id: int | None = None
