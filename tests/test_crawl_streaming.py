"""Pages are fetched while listings are still being read (issue 10), and the earliest-listed copy
of a story is still its original when it is fetched after a copy (loopback servers only).

The slow listings are gated on what the server has already seen, not on wall-clock time: a
listing answers only once a page has been asked for (or after a bound, when it never is)."""
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import article_html, respond, rss, sitemap, sites, story  # noqa: E402

from newsmon.crawl.crawler import Crawler  # noqa: E402
from newsmon.crawl.fetch import Fetcher  # noqa: E402
from newsmon.crawl.sources import parse_sources  # noqa: E402
from newsmon.fake_pipeline import FakePipeline  # noqa: E402
from newsmon.store import counts as stored_counts  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402

GATE = 10.0  # seconds a gated listing waits at most (the old crawler always waited this long)


def _gated(body: str, gate: threading.Event, seen: list[bool]):
    """A listing that answers once `gate` is set, and records whether it was set in time."""
    def route(handler):
        seen.append(gate.wait(GATE))
        respond(handler, body.encode(), "application/xml")
    return route


def _page(html: str, requested: threading.Event):
    def route(handler):
        requested.set()
        respond(handler, html.encode())
    return route


def _index(base: str, children: list[str]) -> str:
    return ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<sitemap><loc>{base}{c}</loc></sitemap>" for c in children) + "</sitemapindex>")


def test_the_first_page_is_fetched_before_the_last_listing_of_a_sitemap_index_is_read(tmp_path):
    with sites(1) as (site,):
        first_page = threading.Event()
        seen: list[bool] = []
        children = [f"/sitemap-{i}.xml" for i in range(4)]
        site.page("/sitemap.xml", _index(site.base, children), content_type="application/xml")
        for i, child in enumerate(children):
            urls = [(f"{site.base}/news/{i}-{j}.html", f"2025-09-0{1 + i}T10:00:00+04:00") for j in range(2)]
            if i == len(children) - 1:  # the last listing waits for a page to be asked for
                site.routes[child] = _gated(sitemap(urls, news=True), first_page, seen)
            else:
                site.page(child, sitemap(urls, news=True), content_type="application/xml")
            for j in range(2):
                site.routes[f"/news/{i}-{j}.html"] = _page(
                    article_html(f"Story {i}-{j}", story(100 + 10 * i + j)), first_page)
        sources = parse_sources(f'[defaults]\ndelay = 0.0\ntimeout = {GATE}\n'
                                f'[[sources]]\nname = "index"\nsitemaps = ["{site.base}/sitemap.xml"]\n')
        store = Store(tmp_path / "n.db")
        counts = Crawler(store, FakePipeline(), fetcher=Fetcher(backoff=0.01),
                         report=lambda line: None).crawl(sources)
    assert seen == [True]  # a page was asked for while the last listing was still unanswered
    assert counts.new == 8 and counts.errors == 0  # and every listing's pages were stored


def test_a_copy_listed_earlier_but_fetched_later_becomes_the_original(tmp_path):
    """The agency's sitemap (listing the story on Sep 1) answers only after the portal's copies
    (Sep 5 and Sep 7) have been fetched, so both copies are stored first: the agency's page must
    still end up the original, with both copies pointing at it and the counts kept for originals
    as a rebuild from the rows would make them."""
    body = story(7)
    with sites(2) as (agency, portal):
        copy_fetched = threading.Event()
        seen: list[bool] = []
        agency.routes["/sitemap.xml"] = _gated(sitemap([(f"{agency.base}/en/story.html",
                                                         "2025-09-01T09:00:00+04:00")], news=True),
                                               copy_fetched, seen)
        agency.page("/en/story.html", article_html("Agency story KOICA", body, header="BAKU, AZERTAC"))
        portal.page("/rss.xml", rss([("Copy", "/exact.html", "Fri, 05 Sep 2025 09:00:00 +0400"),
                                     ("Near copy", "/near.html", "Sun, 07 Sep 2025 09:00:00 +0400")]),
                    content_type="application/rss+xml")
        portal.page("/exact.html", article_html("Agency story KOICA", body, header="BAKU, AZERTAC"))
        portal.routes["/near.html"] = _page(article_html("Portal: agency story KOICA", body,
                                                         header="Portal reports", footer="Share this"),
                                            copy_fetched)
        sources = parse_sources(f'[defaults]\ndelay = 0.0\ntimeout = {GATE}\n'
                                f'[[sources]]\nname = "agency"\nlang = "en"\nsitemaps = ["{agency.base}/sitemap.xml"]\n'
                                f'[[sources]]\nname = "portal"\nlang = "en"\nfeeds = ["{portal.base}/rss.xml"]\n')
        store = Store(tmp_path / "n.db")
        lines: list[str] = []
        counts = Crawler(store, FakePipeline(), fetcher=Fetcher(backoff=0.01), report=lines.append).crawl(sources)
    assert seen == [True]
    rows = {r["url"].rsplit("/", 1)[1]: r for r in store.db.query("select id, url, duplicate_of from articles")}
    original = rows["story.html"]
    assert original["id"] > rows["exact.html"]["id"] and original["id"] > rows["near.html"]["id"]  # stored last
    assert original["duplicate_of"] is None
    assert rows["exact.html"]["duplicate_of"] == rows["near.html"]["duplicate_of"] == original["id"]
    assert (counts.new, counts.duplicates) == (1, 2)
    assert any(line.startswith("portal: ") and " 0 new, 2 duplicates" in line for line in lines)
    assert any(line.startswith("agency: ") and " 1 new, 0 duplicates" in line for line in lines)
    tables = ("entity_counts", "entity_lang_counts", "label_counts", "article_counts", "entity_timeline")
    kept = {t: sorted(store.db.execute(f"select * from {t}").fetchall()) for t in tables}
    assert kept["article_counts"] == [("lang", "en", 1), ("source", "agency", 1)]
    with store.transaction():
        stored_counts.rebuild(store.db.conn)
    assert {t: sorted(store.db.execute(f"select * from {t}").fetchall()) for t in tables} == kept
    assert store.search("KOICA") and [hit["url"] for hit in store.search("agency")] == [original["url"]]
