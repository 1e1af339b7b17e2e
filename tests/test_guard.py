"""What the fetcher refuses to open: schemes other than http(s), on every hop (issue 10, item 1).

Hostile routes on loopback fixture sites redirect to file:, data: and ftp: URLs; the crawl around
them must finish, store the good pages, and record the bad ones as failed attempts.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import Site, article_html, rss, sites, story  # noqa: E402

from newsmon.crawl.crawler import Crawler  # noqa: E402
from newsmon.crawl.fetch import Fetcher, Response  # noqa: E402
from newsmon.crawl.sources import parse_sources  # noqa: E402
from newsmon.fake_pipeline import FakePipeline  # noqa: E402
from newsmon.settings import Politeness  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402

NO_ROBOTS = Politeness(delay=0.0, timeout=2.0, obey_robots=False)
DATE = "Mon, 01 Sep 2025 09:00:00 +0400"


def redirect(to: str):
    def route(handler):
        handler.send_response(302)
        handler.send_header("Location", to)
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return route


def test_a_response_without_a_status_is_not_ok():
    assert not Response("u", "u", None).ok  # type: ignore[arg-type]  # what urllib's file handler gave


def test_redirects_to_other_schemes_are_refused_on_every_hop(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0")
    with sites(1) as (site,):
        site.routes["/to-file"] = redirect(secret.as_uri())
        site.routes["/to-data"] = redirect("data:text/html,<p>injected</p>")
        site.routes["/to-ftp"] = redirect("ftp://127.0.0.1:9/x")
        site.routes["/hop"] = redirect("/to-file")
        fetcher = Fetcher(NO_ROBOTS)
        for path, scheme in (("/to-file", "file"), ("/to-data", "data"), ("/to-ftp", "ftp"), ("/hop", "file")):
            response = fetcher.get(f"{site.base}{path}")
            assert not response.ok and response.refused and response.status == 0, path
            assert f"{scheme}: URLs are not fetched" in response.error
            assert response.body == b""
        assert not fetcher.get(secret.as_uri()).ok  # nor when asked directly


def test_a_poisoned_page_is_recorded_and_later_runs_crawl_on(tmp_path):
    bad, good = Site(), Site()
    try:
        bad.routes["/to-file"] = redirect("file:///etc/passwd")
        bad.routes["/to-data"] = redirect("data:text/html,<p>x</p>")
        bad.page("/ok.html", article_html("Fine story KOICA", story(1)))
        bad.page("/rss.xml", rss([("File", "/to-file", DATE), ("Data", "/to-data", DATE),
                                  ("Fine", "/ok.html", DATE)]), content_type="application/rss+xml")
        good.page("/a.html", article_html("Later source story", story(2)))
        good.page("/rss.xml", rss([("A", "/a.html", DATE)]), content_type="application/rss+xml")
        sources = parse_sources(f"""
[defaults]
delay = 0.0
obey_robots = false
[[sources]]
name = "bad"
feeds = ["{bad.base}/rss.xml"]
[[sources]]
name = "good"
feeds = ["{good.base}/rss.xml"]
""")
        store = Store(tmp_path / "n.db")
        for _run in range(2):
            counts = Crawler(store, FakePipeline(), fetcher=Fetcher(backoff=0.01)).crawl(sources)
            assert store.runs(1)[0]["status"] == "completed"
        assert counts.errors == 0  # the second run does not try them again
        stored = {row["url"] for row in store.db.query("select url from articles")}
        assert stored == {f"{bad.base}/ok.html", f"{good.base}/a.html"}
        frontier = {row["url"].rsplit("/", 1)[1]: row for row in
                    store.db.query("select url, state, attempts, error from frontier")}
        for name in ("to-file", "to-data"):
            assert frontier[name]["state"] == "failed" and frontier[name]["attempts"] == 1
            assert "not fetched" in frontier[name]["error"]
    finally:
        bad.close()
        good.close()
