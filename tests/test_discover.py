import gzip

from newsmon.discover import parse_feed, parse_sitemap

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
