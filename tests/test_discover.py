import gzip

from newsmon.crawl.feeds import parse_feed, parse_sitemap

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>News</title>
<item><title>One</title><link>/en/2025/one.html</link><pubDate>Wed, 10 Sep 2025 11:30:00 +0400</pubDate></item>
<item><title>Two</title><link>https://news.example.az/en/two.html</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>
<entry><title>Un</title><link href="https://news.example.az/fr/un.html"/><updated>2025-07-13T09:00:00Z</updated></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example.az/az/bir.html</loc><lastmod>2025-01-27</lastmod></url>
<url><loc>https://news.example.az/az/iki.html</loc>
  <news:news><news:publication_date>2025-02-01T10:00:00+04:00</news:publication_date></news:news></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.az/sitemap-1.xml.gz</loc></sitemap>
</sitemapindex>"""


def test_rss_links_resolve_relative_urls_and_keep_dates():
    links = parse_feed(RSS, "https://news.example.az/rss.xml")
    assert [l.url for l in links] == ["https://news.example.az/en/2025/one.html",
                                      "https://news.example.az/en/two.html"]
    assert links[0].published.startswith("2025-09-10")
    assert links[1].published is None


def test_atom_entries_are_links():
    (link,) = parse_feed(ATOM, "https://news.example.az/atom.xml")
    assert link.url == "https://news.example.az/fr/un.html" and link.published.startswith("2025-07-13")


def test_sitemap_urls_with_lastmod_and_google_news_dates():
    listing = parse_sitemap(SITEMAP, "https://news.example.az/sitemap.xml")
    assert [l.published for l in listing.links] == ["2025-01-27", "2025-02-01T10:00:00+04:00"]
    assert listing.sitemaps == []


def test_sitemap_index_lists_nested_sitemaps_and_gzip_is_read():
    listing = parse_sitemap(gzip.compress(INDEX), "https://news.example.az/sitemap.xml")
    assert listing.sitemaps == ["https://news.example.az/sitemap-1.xml.gz"] and listing.links == []


def test_malformed_feed_gives_no_links_instead_of_crashing():
    assert parse_feed(b"<rss><channel><item><title>broken", "https://x.az/rss") == []
    assert parse_sitemap(b"not xml at all", "https://x.az/sitemap.xml").links == []


# -- broken encodings and autodiscovery -------------------------------------------------------------
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import rss, sitemap, sites  # noqa: E402

from newsmon.crawl.feeds import feed_links_in_html, looks_like_feed, looks_like_sitemap  # noqa: E402


def test_feed_declared_utf8_but_sent_in_windows_1254_keeps_its_letters():
    body = rss([("Türkiye ile dijital işbirliği anlaşması imzalandı, görüşmede şeffaflık ele alındı",
                 "/tr/1.html", "Wed, 10 Sep 2025 11:30:00 +0400")]).encode("cp1254")
    (link,) = parse_feed(body, "https://haber.example.tr/rss.xml")
    assert link.url == "https://haber.example.tr/tr/1.html"
    assert "işbirliği" in link.title and "şeffaflık" in link.title


def test_feed_links_are_found_in_a_homepage():
    html = """<html><head>
      <link rel="alternate" type="application/rss+xml" href="/en/rss">
      <link rel="alternate" type="application/atom+xml" href="https://x.az/atom.xml">
      <link rel="alternate" hreflang="az" href="/az/">
      <link rel="stylesheet" href="/s.css"></head><body></body></html>"""
    assert feed_links_in_html(html, "https://x.az/en/") == ["https://x.az/en/rss", "https://x.az/atom.xml"]


def test_feed_and_sitemap_sniffing():
    assert looks_like_feed(RSS) and looks_like_feed(ATOM) and not looks_like_feed(b"<html></html>")
    assert looks_like_sitemap(gzip.compress(SITEMAP)) and looks_like_sitemap(INDEX)
    assert not looks_like_sitemap(b"\x1f\x8bnot gzip")
    assert parse_sitemap(b"\x1f\x8bnot gzip", "https://x.az/s.xml.gz").links == []


def test_autodiscover_finds_announced_feeds_and_robots_sitemaps():
    from newsmon.crawl.autodiscover import autodiscover
    from newsmon.crawl.fetch import Fetcher
    from newsmon.settings import Politeness
    with sites(2) as (announced, bare):
        announced.page("/en/", '<html><head><link rel="alternate" type="application/rss+xml" '
                       'href="/en/rss.xml"></head><body>news</body></html>')
        announced.page("/robots.txt", "User-agent: *\nDisallow: /admin/\n"
                       f"Sitemap: {announced.base}/news-sitemap.xml\n", content_type="text/plain")
        bare.page("/", "<html><body>no feed links here</body></html>")
        bare.page("/feed", rss([("a", "/a", "Wed, 10 Sep 2025 11:30:00 +0400")]),
                  content_type="application/rss+xml")
        bare.page("/sitemap.xml", sitemap([(f"{bare.base}/a", "2025-09-10")]), content_type="application/xml")
        fetcher = Fetcher(Politeness(delay=0))
        found = autodiscover(f"{announced.base}/en/", fetcher)
        assert found.feeds == [f"{announced.base}/en/rss.xml"]
        assert found.sitemaps == [f"{announced.base}/news-sitemap.xml"]
        assert "/rss" not in announced.hits  # nothing guessed when the page says where its feed is
        found = autodiscover(f"{bare.base}/", fetcher)
        assert found.feeds == [f"{bare.base}/feed"] and found.sitemaps == [f"{bare.base}/sitemap.xml"]


def test_rss_091_and_rdf_rss_10_feeds_give_links():
    rss091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>
    <item><title>A</title><link>https://x.az/a.html</link></item></channel></rss>"""
    rdf = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://x.az/"><title>RDF</title></channel>
      <item rdf:about="https://x.az/b.html"><title>B</title><link>https://x.az/b.html</link>
      <dc:date>2025-09-10T10:00:00+04:00</dc:date></item></rdf:RDF>"""
    assert [l.url for l in parse_feed(rss091, "https://x.az/rss")] == ["https://x.az/a.html"]
    (link,) = parse_feed(rdf, "https://x.az/rdf")
    assert link.url == "https://x.az/b.html" and link.published.startswith("2025-09-10")


def test_feed_dates_keep_the_publishers_local_day():
    rss = b"""<rss version="2.0"><channel><title>N</title><item><title>Late</title>
    <link>https://x.az/late.html</link><pubDate>Tue, 05 Nov 2024 00:30:00 +0400</pubDate></item></channel></rss>"""
    (link,) = parse_feed(rss, "https://x.az/rss.xml")
    assert link.published.startswith("2024-11-05")  # feedparser's UTC value would say 2024-11-04
