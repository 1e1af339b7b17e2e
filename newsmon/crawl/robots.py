"""robots.txt as RFC 9309 reads it, with Protego (the parser Scrapy uses).

urllib.robotparser takes the first matching rule and knows no wildcards, so `Disallow: /*?print=`
and `Disallow: /*.pdf$` allowed what they forbid, and `Allow: /news/` before
`Disallow: /news/private` let the private page through; RFC 9309 wants the longest match to win,
`*` and `$` honoured. Protego also reads fractional Crawl-delay values ("Crawl-delay: 0.5").
"""
from __future__ import annotations

from dataclasses import dataclass

from protego import Protego

_FORBIDDEN = "User-agent: *\nDisallow: /\n"


@dataclass
class Robots:
    """One host's robots.txt for the run. No rules (a 404) allows everything; `unreachable`
    (5xx or no answer) means RFC 9309's "assume complete disallow" for this run."""

    rules: Protego | None = None
    text: str = ""
    unreachable: bool = False
    delay: float | None = None  # Crawl-delay for our agent (or `*`), in seconds

    @classmethod
    def parse(cls, text: str, user_agent: str) -> "Robots":
        rules = Protego.parse(text)
        return cls(rules, text, delay=rules.crawl_delay(user_agent))

    @classmethod
    def forbidden(cls) -> "Robots":
        """robots.txt itself answered 401 or 403: the whole host is off limits (Google does the same)."""
        return cls(Protego.parse(_FORBIDDEN))

    def allows(self, url: str, user_agent: str) -> bool:
        if self.unreachable:
            return False
        return self.rules is None or self.rules.can_fetch(url, user_agent)

    @property
    def sitemaps(self) -> list[str]:
        """`Sitemap:` lines (they apply to every agent)."""
        return list(self.rules.sitemaps) if self.rules is not None else []
