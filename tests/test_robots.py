"""robots.txt with RFC 9309 semantics (issue 10, item 11): wildcards, `$`, longest match wins,
fractional Crawl-delay; checked on the parser and through the fetcher against a loopback site."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import sites  # noqa: E402

from newsmon.crawl.fetch import ROBOTS_BLOCKED, Fetcher  # noqa: E402
from newsmon.crawl.robots import Robots  # noqa: E402
from newsmon.settings import USER_AGENT, Politeness  # noqa: E402

RULES = """User-agent: *
Disallow: /*?print=
Disallow: /*.pdf$
Allow: /news/
Disallow: /news/private
Crawl-delay: 0.5
Sitemap: https://x.test/sitemap.xml
"""


def test_wildcards_end_anchors_and_the_longest_match():
    robots = Robots.parse(RULES, USER_AGENT)
    verdicts = {path: robots.allows(f"https://x.test{path}", USER_AGENT) for path in (
        "/story?print=1", "/story?id=1", "/files/report.pdf", "/files/report.pdf?download=1",
        "/news/private/a.html", "/news/public.html")}
    assert verdicts == {"/story?print=1": False, "/story?id=1": True, "/files/report.pdf": False,
                        "/files/report.pdf?download=1": True, "/news/private/a.html": False,
                        "/news/public.html": True}
    assert robots.delay == 0.5
    assert robots.sitemaps == ["https://x.test/sitemap.xml"]


def test_our_group_wins_over_the_star_group():
    text = "User-agent: *\nCrawl-delay: 5\nDisallow: /\n\nUser-agent: newsmon\nUser-agent: other\nCrawl-delay: 0.5\n"
    ours = Robots.parse(text, "newsmon/0.1 (bot)")
    assert ours.delay == 0.5 and ours.allows("https://x.test/a", "newsmon/0.1 (bot)")
    theirs = Robots.parse(text, "somebot/1.0")
    assert theirs.delay == 5.0 and not theirs.allows("https://x.test/a", "somebot/1.0")
    assert Robots.parse("User-agent: *\nDisallow:\n", "newsmon/0.1").delay is None


def test_no_robots_allows_everything_and_a_forbidden_one_nothing():
    assert Robots().allows("https://x.test/a", USER_AGENT)
    assert not Robots.forbidden().allows("https://x.test/a", USER_AGENT)
    assert not Robots(unreachable=True).allows("https://x.test/a", USER_AGENT)


def test_the_fetcher_keeps_to_rfc_9309_rules_and_a_fractional_delay():
    with sites(1) as (site,):
        site.page("/robots.txt", RULES, content_type="text/plain")
        for path in ("/story?print=1", "/report.pdf", "/news/private/a.html", "/news/public.html"):
            site.page(path, "<p>page</p>")
        fetcher = Fetcher(Politeness(delay=0.0, timeout=2.0))
        fetcher.trust(site.base)
        blocked = [path for path in ("/story?print=1", "/report.pdf", "/news/private/a.html",
                                     "/news/public.html")
                   if fetcher.get(f"{site.base}{path}").error == ROBOTS_BLOCKED]
        assert blocked == ["/story?print=1", "/report.pdf", "/news/private/a.html"]
        assert site.hits["/news/public.html"] == 1 and site.hits["/report.pdf"] == 0
        assert fetcher.robots(f"{site.base}/", fetcher.default).delay == 0.5
