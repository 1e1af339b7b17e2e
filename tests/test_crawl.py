"""The crawler end to end against fixture news sites on 127.0.0.1, with a model-free pipeline.

One module-scoped scenario crawls four hosts twice (a first run, then an unchanged second run);
the tests below each check one thing a press officer would notice.
"""
import gzip
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import Site, article_html, rss, sitemap, story  # noqa: E402

from newsmon.crawl.crawler import Crawler  # noqa: E402
from newsmon.fake_pipeline import FakePipeline  # noqa: E402
from newsmon.crawl.fetch import Fetcher  # noqa: E402
from newsmon.crawl.sources import parse_sources  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402

DATES = ["Mon, 01 Sep 2025 09:00:00 +0400", "Tue, 02 Sep 2025 09:00:00 +0400",
         "Wed, 03 Sep 2025 09:00:00 +0400", "Thu, 04 Sep 2025 09:00:00 +0400"]
TURKISH = ("Türkiye ile Azerbaycan arasında dijital hizmetler alanında işbirliği anlaşması imzalandı. "
           "Görüşmede şeffaflık, güvenilirlik ve vatandaş memnuniyeti konuları ele alındı.")


def _flaky(failures, status, **headers):
    state = {"left": failures}

    def route(handler):
        body = article_html("Retried story KOICA", story(40 + status))
        if state["left"] > 0:
            state["left"] -= 1
            status_, payload = status, b"busy"
        else:
            status_, payload = 200, body.encode()
        handler.send_response(status_)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        for key, value in (headers if status_ != 200 else {}).items():
            handler.send_header(key.replace("_", "-"), value)
        handler.send_header("Content-Length", str(len(payload)))
        handler.end_headers()
        handler.wfile.write(payload)
    return route


def _redirect(to):
    def route(handler):
        handler.send_response(302)
        handler.send_header("Location", to)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return route


def build_newsroom(agency: Site, private: Site, portal: Site) -> str:
    """Three sites and a sources file naming them; returns the sources file text."""
    # agency: robots (disallow + crawl-delay), an RSS feed with ETag and every kind of trouble
    agency.page("/robots.txt", "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.2\n",
                content_type="text/plain", etag='"r1"')
    for i in range(3):
        agency.page(f"/en/{i}.html", article_html(f"Agency story {i} KOICA", story(i),
                                                 header="BAKU, AZERTAC", footer="Follow AZERTAC"))
    agency.page("/doc.pdf", b"%PDF-1.4 fake", content_type="application/pdf")
    agency.page("/private/leak.html", article_html("Leak", story(99)))
    agency.routes["/flaky.html"] = _flaky(1, 500)
    agency.routes["/busy.html"] = _flaky(1, 429, Retry_After="1")
    agency.routes["/loop-a"] = _redirect("/loop-b")
    agency.routes["/loop-b"] = _redirect("/loop-a")
    items = [("Story 0", "/en/0.html?utm_source=rss&utm_medium=feed", DATES[0]),
             ("Story 0 again", "/en/0.html#comments", DATES[0]),
             ("Story 1", f"{agency.base}/en/1.html", DATES[1]),
             ("Story 2", "/en/2.html", DATES[2]),
             ("A PDF", "/doc.pdf", DATES[2]), ("Private", "/private/leak.html", DATES[2]),
             ("Flaky", "/flaky.html", DATES[3]), ("Busy", "/busy.html", DATES[3]),
             ("Loop", "/loop-a", DATES[3])]
    agency.page("/en/rss.xml", rss(items), content_type="application/rss+xml", etag='"f1"')
    agency.page("/broken.xml", "<rss><channel><item><title>cut off", content_type="application/rss+xml")

    # private agency: a sitemap index pointing at a gzipped Google News sitemap
    private.page("/en/republished.html", article_html(
        "Agency story 1, as republished KOICA", story(1),
        header="Baku, Azerbaijan, September 2. Trend:", footer="Reprint only with a link to Trend"))
    private.page("/tr/haber.html", (f'<!doctype html><html lang="tr"><head><meta charset="utf-8">'
                                    f'<title>Haber</title></head><body><article><h1>Dijital işbirliği</h1>'
                                    f'<p>{TURKISH}</p><p>{TURKISH}</p></article></body></html>').encode("cp1254"))
    news = sitemap([(f"{private.base}/en/republished.html", "2025-09-05T10:00:00+04:00"),
                    (f"{private.base}/tr/haber.html", "2025-09-06T10:00:00+04:00")], news=True)
    private.page("/sitemap-news.xml.gz", gzip.compress(news.encode()), content_type="application/gzip",
                 etag='"n1"')
    private.page("/sitemap.xml", f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/'
                 f'schemas/sitemap/0.9"><sitemap><loc>{private.base}/sitemap-news.xml.gz</loc></sitemap>'
                 f'</sitemapindex>', content_type="application/xml", etag='"i1"')

    # portal: only a homepage; its feed has relative links, one to an exact copy of agency story 2
    portal.page("/", '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
                '</head><body>Portal</body></html>')
    portal.page("/feed.xml", rss([("Copy", "news/copy-of-2.html", DATES[3])]),
                content_type="application/rss+xml", etag='"p1"')
    portal.page("/news/copy-of-2.html", article_html("Agency story 2 KOICA", story(2),
                                                     header="BAKU, AZERTAC", footer="Follow AZERTAC"))
    return f"""
[defaults]
delay = 0.0
timeout = 3.0

[[sources]]
name = "agency"
lang = "en"
feeds = ["{agency.base}/en/rss.xml", "{agency.base}/broken.xml"]

[[sources]]
name = "private"
sitemaps = ["{private.base}/sitemap.xml"]

[[sources]]
name = "portal"
home = "{portal.base}/"

[[sources]]
name = "dead"
feeds = ["http://127.0.0.1:9/rss.xml"]
"""


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    agency, private, portal = Site(), Site(), Site()
    try:
        sources = parse_sources(build_newsroom(agency, private, portal))
        store = Store(tmp_path_factory.mktemp("crawl") / "n.db")
        lines: list[str] = []
        first_pipeline, second_pipeline = FakePipeline(), FakePipeline()
        started = time.monotonic()
        first = Crawler(store, first_pipeline, fetcher=Fetcher(backoff=0.05, cache=store), report=lines.append).crawl(sources)
        first_seconds = time.monotonic() - started
        first_ended = time.monotonic()
        hits_after_first = {s: dict(site.hits) for s, site in
                            (("agency", agency), ("private", private), ("portal", portal))}
        statuses_before = {s: len(site.statuses) for s, site in
                           (("agency", agency), ("private", private), ("portal", portal))}
        second = Crawler(store, second_pipeline, fetcher=Fetcher(backoff=0.05, cache=store), report=lines.append).crawl(sources)
        second_statuses = {s: site.statuses[statuses_before[s]:] for s, site in
                           (("agency", agency), ("private", private), ("portal", portal))}
        yield dict(store=store, first=first, second=second, lines=lines, agency=agency, private=private,
                   portal=portal, hits_after_first=hits_after_first, second_statuses=second_statuses,
                   first_pipeline=first_pipeline, second_pipeline=second_pipeline,
                   first_seconds=first_seconds, first_ended=first_ended)
    finally:
        for site in (agency, private, portal):
            site.close()


def _urls(store, where="1=1"):
    return {row["url"].split("/", 3)[3]: row for row in
            store.db.query(f"select id, url, duplicate_of, text, source, lang from articles where {where}")}


def test_articles_from_feeds_sitemaps_and_a_homepage_are_stored_once(newsroom):
    stored = _urls(newsroom["store"])
    assert set(stored) == {"en/0.html", "en/1.html", "en/2.html", "flaky.html", "busy.html",
                           "en/republished.html", "tr/haber.html", "news/copy-of-2.html"}
    # the tracking-parameter and #fragment spellings of story 0 were one fetch
    assert newsroom["hits_after_first"]["agency"]["/en/0.html"] == 1


def test_syndicated_and_copied_stories_are_duplicates_of_the_first_copy(newsroom):
    stored = _urls(newsroom["store"])
    assert stored["en/republished.html"]["duplicate_of"] == stored["en/1.html"]["id"]  # near copy
    assert stored["news/copy-of-2.html"]["duplicate_of"] == stored["en/2.html"]["id"]  # exact copy
    assert stored["en/0.html"]["duplicate_of"] is None and stored["tr/haber.html"]["duplicate_of"] is None
    assert newsroom["first"].duplicates == 2


def test_search_entity_counts_and_export_count_a_story_once(newsroom):
    store = newsroom["store"]
    hits = store.search("Agency story 1")
    assert [h["url"].split("/", 3)[3] for h in hits].count("en/republished.html") == 0
    koica = next(e for e in store.top_entities("ORG") if e["id"] == "koica")
    originals_with_koica = 5  # stories 0-2, flaky, busy; the two copies do not count
    assert koica["articles"] == originals_with_koica
    assert len(list(store.export())) == 6 and len(list(store.export(include_duplicates=True))) == 8


def test_robots_disallow_and_crawl_delay_are_obeyed(newsroom):
    agency = newsroom["agency"]
    assert "/private/leak.html" not in agency.hits
    assert newsroom["first"].skipped_robots == 1
    times = sorted(t for t, _ in agency.log if t <= newsroom["first_ended"])
    gaps = sorted(b - a for a, b in zip(times, times[1:]))
    # Crawl-delay: 0.2. Server-side timestamps jitter on a loaded machine, so the median gap and
    # the whole span are checked rather than every single gap
    assert gaps[len(gaps) // 2] >= 0.19
    assert times[-1] - times[0] >= 0.2 * (len(times) - 1) * 0.95


def test_pdf_redirect_loop_malformed_feed_and_dead_host_are_counted_not_fatal(newsroom):
    store, agency = newsroom["store"], newsroom["agency"]
    assert agency.hits["/doc.pdf"] == 1 and store.stored_url([f"{agency.base}/doc.pdf"]) is None
    frontier = {row["url"].split("/", 3)[3]: row for row in store.db.query("select * from frontier")}
    assert frontier["doc.pdf"]["state"] == "skipped"
    assert frontier["loop-a"]["state"] == "pending" and "redirect" in frontier["loop-a"]["error"]
    assert agency.hits["/loop-a"] <= 2 * 6  # two runs, a bounded number of hops each
    run = store.runs()[-1]
    assert run["status"] == "completed" and run["errors"] >= 2  # the loop and the dead host
    assert any(line.startswith("dead:") and "1 errors" in line for line in newsroom["lines"])


def test_500_and_429_are_retried_within_the_run(newsroom):
    agency = newsroom["agency"]
    assert agency.hits["/flaky.html"] == 2 and agency.hits["/busy.html"] == 2
    assert newsroom["first_seconds"] >= 1.0  # Retry-After: 1 was honoured


def test_mislabelled_windows_1254_page_is_stored_with_its_letters(newsroom):
    text = _urls(newsroom["store"])["tr/haber.html"]["text"]
    assert "işbirliği" in text and "şeffaflık" in text


def test_second_run_over_unchanged_sources_fetches_only_listings_all_304(newsroom):
    second, statuses = newsroom["second"], newsroom["second_statuses"]
    assert newsroom["second_pipeline"].processed == 0 and second.new == 0 and second.duplicates == 0
    requested = {path for site in statuses.values() for path, _ in site}
    # robots.txt, feeds, the sitemap index and its nested sitemap; no article page; and the
    # redirect loop, which stays pending until it has failed in three runs
    assert requested <= {"/robots.txt", "/en/rss.xml", "/broken.xml", "/sitemap.xml",
                         "/sitemap-news.xml.gz", "/feed.xml", "/loop-a", "/loop-b"}
    sites = {name: newsroom[name] for name in statuses}
    conditional = [status for name, site in statuses.items() for path, status in site
                   if path in ("/robots.txt", "/en/rss.xml", "/sitemap.xml", "/sitemap-news.xml.gz", "/feed.xml")
                   and path in sites[name].routes]  # robots.txt 404s where a site has none
    assert conditional and all(status == 304 for status in conditional)
    assert "/" not in dict(statuses["portal"])  # the homepage's feeds were remembered


def test_runs_table_lists_both_runs_with_counts(newsroom):
    runs = newsroom["store"].runs()
    assert [r["status"] for r in runs] == ["completed", "completed"]
    first = runs[-1]
    assert (first["new"], first["duplicates"], first["skipped_robots"]) == (6, 2, 1)
    assert first["fetched"] > 8
    lines = [line.split(":")[0] for line in newsroom["lines"]]
    assert lines[:4] == ["agency", "private", "portal", "dead"]  # one line per source per run


def test_raw_responses_are_kept_and_reprocess_needs_no_network(newsroom, tmp_path):
    from newsmon.crawl.reprocess import reprocess
    store = newsroom["store"]
    pages = list(store.raw_pages())
    assert len(pages) == 8 and all(page["body"].lstrip().startswith(b"<") for page in pages)
    stored_size = store.db.execute("select sum(length(body)) from raw_pages").fetchone()[0]
    assert stored_size < sum(len(page["body"]) for page in pages) / 2  # compressed
    before = {row["id"]: row for row in store.db.query("select id, url, duplicate_of, text from articles")}
    pipeline = FakePipeline()
    counts = reprocess(store, pipeline)  # the servers could be gone: nothing is fetched
    assert counts.reprocessed == 8 and pipeline.processed == 8
    after = {row["id"]: row for row in store.db.query("select id, url, duplicate_of, text from articles")}
    assert after == before


def test_a_slow_host_delays_only_itself(tmp_path):
    """Per-source `delay`: the agency asks for 0.3 s between requests, the portal for none; the
    portal's pages do not queue behind the agency's."""
    from fixture_sites import sites
    with sites(2) as (slow, fast):
        for n, site in enumerate((slow, fast)):
            items = [(f"S{i}", f"/n/{i}.html", DATES[i % 4]) for i in range(6)]
            site.page("/rss.xml", rss(items), content_type="application/rss+xml")
            for i in range(6):
                site.page(f"/n/{i}.html", article_html(f"Story {site.base} {i}", story(500 + 100 * n + i)))
        sources = parse_sources(f'[[sources]]\nname = "slow"\ndelay = 0.3\nfeeds = ["{slow.base}/rss.xml"]\n'
                                f'[[sources]]\nname = "fast"\ndelay = 0.0\nfeeds = ["{fast.base}/rss.xml"]\n')
        counts = Crawler(Store(tmp_path / "n.db"), FakePipeline(), report=lambda line: None).crawl(sources)
        assert counts.new == 12
        slow_pages = sorted(t for t, path in slow.log if path.startswith("/n/"))
        fast_pages = sorted(t for t, path in fast.log if path.startswith("/n/"))
        assert slow_pages[-1] - slow_pages[0] >= 5 * 0.3 * 0.95
        assert fast_pages[-1] < slow_pages[2]  # all six fast pages while the slow host served two
