"""Hostile listings: gzip bombs (issue 10, item 4) and sitemap fan-out (issue 10, also-list).

The fixtures are built in memory and served from loopback fixture sites; sizes are small enough
to run in a second, large enough that unpacking them whole would show in the allocation peak.
"""
import gzip
import sys
import tracemalloc
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import Site, article_html, sitemap, story  # noqa: E402

from newsmon.crawl.crawler import Crawler  # noqa: E402
from newsmon.crawl.feeds import TooLarge, gunzip, looks_like_sitemap, parse_sitemap  # noqa: E402
from newsmon.crawl.fetch import Fetcher  # noqa: E402
from newsmon.crawl.sources import parse_sources  # noqa: E402
from newsmon.fake_pipeline import FakePipeline  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402

MB = 1_000_000


def bomb(size: int) -> bytes:
    """A gzipped sitemap that unpacks to `size` bytes (a urlset padded with whitespace)."""
    head = b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
    return gzip.compress(head + b" " * size + b"</urlset>", compresslevel=9)


def test_a_gzip_bomb_is_stopped_at_max_bytes_without_unpacking_it():
    data = bomb(60 * MB)  # ~60 KB on the wire
    assert len(data) < MB
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge):
            gunzip(data, MB)
        listing = parse_sitemap(data, "http://x.test/sitemap.xml.gz", max_bytes=MB)
        assert looks_like_sitemap(data)  # sniffing unpacks 2 KB, not the whole file
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert listing.links == [] and "unpacks to more than 1000000 bytes" in listing.error
    assert peak < 8 * MB  # the whole file would be 60 MB


def test_gzip_within_the_limit_is_read_and_truncated_gzip_is_not_an_exception():
    plain = sitemap([("http://x.test/a.html", "2025-09-01")]).encode()
    assert gunzip(gzip.compress(plain), MB) == plain
    assert [l.url for l in parse_sitemap(gzip.compress(plain), "http://x.test/s.xml.gz").links] == \
        ["http://x.test/a.html"]
    cut = gzip.compress(plain)[:40]
    assert parse_sitemap(cut, "http://x.test/s.xml.gz").links == []


def test_a_crawl_reports_a_gzip_bomb_as_an_error_and_goes_on(tmp_path):
    site = Site()
    try:
        site.page("/a.html", article_html("Fine story KOICA", story(1)))
        site.page("/bomb.xml.gz", bomb(30 * MB), content_type="application/gzip")
        site.page("/sitemap.xml", sitemap([(f"{site.base}/a.html", "2025-09-01")]),
                  content_type="application/xml")
        sources = parse_sources(f"""
[defaults]
delay = 0.0
obey_robots = false
max_bytes = 5000000
[[sources]]
name = "news"
sitemaps = ["{site.base}/bomb.xml.gz", "{site.base}/sitemap.xml"]
""")
        store = Store(tmp_path / "n.db")
        lines: list[str] = []
        counts = Crawler(store, FakePipeline(), fetcher=Fetcher(backoff=0.01),
                         report=lines.append).crawl(sources)
        assert counts.errors == 1 and counts.new == 1
        assert "unpacks to more than 5000000 bytes" in lines[0]
    finally:
        site.close()


def index(children: list[str], lastmods: list[str] | None = None) -> str:
    entries = "".join(f"<sitemap><loc>{c}</loc>" + (f"<lastmod>{lastmods[i]}</lastmod>" if lastmods else "")
                      + "</sitemap>" for i, c in enumerate(children))
    return (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f'{entries}</sitemapindex>')


def test_a_sitemap_index_of_indexes_fans_out_within_the_source_bounds(tmp_path):
    """Issue 10: indexes of 50 children, 3 levels deep, made 14,211 listing requests in 30 s. Here
    5 children per index, 3 levels (31 sitemaps): a source visits max_sitemaps of them, newest
    first, and sitemap_depth levels down at most."""
    site = Site()
    try:
        site.page("/a.html", article_html("Fine story KOICA", story(1)))

        def build(path: str, level: int) -> None:
            if level == 2:
                site.page(path, sitemap([(f"{site.base}/a.html", "2025-09-01")]), content_type="application/xml")
                return
            children = [f"{path[:-4]}-{i}.xml" for i in range(5)]
            # the last child is the newest: it must be visited first
            site.page(path, index([f"{site.base}{c}" for c in children],
                                  [f"2025-0{i + 1}-01" for i in range(5)]), content_type="application/xml")
            for child in children:
                build(child, level + 1)
        build("/sm.xml", 0)
        text = f"""
[defaults]
delay = 0.0
obey_robots = false
max_sitemaps = 12
[[sources]]
name = "news"
sitemaps = ["{site.base}/sm.xml"]
"""
        store = Store(tmp_path / "n.db")
        lines: list[str] = []
        Crawler(store, FakePipeline(), fetcher=Fetcher(backoff=0.01), report=lines.append).crawl(parse_sources(text))
        listings = [path for path in site.hits if path.startswith("/sm")]
        assert len(listings) == 12
        assert "/sm-4.xml" in listings and "/sm-0.xml" in listings  # every child of the top index
        assert "/sm-4-4.xml" in listings and "/sm-0-0.xml" not in listings  # then the newest below
        assert any("nested sitemaps left for later runs (max_sitemaps = 12)" in line for line in lines)
        assert store.db.execute("select count(*) from articles").fetchone()[0] == 1

        site.hits.clear()
        shallow = Store(tmp_path / "m.db")
        Crawler(shallow, FakePipeline(), fetcher=Fetcher(backoff=0.01)).crawl(
            parse_sources(text.replace("max_sitemaps = 12", "sitemap_depth = 1")))
        assert sorted(p for p in site.hits if p.startswith("/sm")) == ["/sm-0.xml", "/sm-1.xml", "/sm-2.xml",
                                                                      "/sm-3.xml", "/sm-4.xml", "/sm.xml"]
    finally:
        site.close()
