"""What the fetcher refuses to open (issue 10, items 1 and 3).

Item 1: schemes other than http(s), on every hop. Hostile routes on loopback fixture sites redirect
to file:, data: and ftp: URLs; the crawl around them must finish, store the good pages, and record
the bad ones as failed attempts.

Item 3: an address guard for everything reached indirectly. The fixture sites all live on
127.0.0.1, which is exactly what the guard refuses unless a source names the host (or sets
allow_private); each site has its own port, and naming a host names that port only.
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

NO_ROBOTS = Politeness(delay=0.0, timeout=2.0, obey_robots=False, allow_private=True)
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


# -- item 3: the address guard ---------------------------------------------------------------
def test_addresses_that_are_not_public_are_refused():
    from newsmon.crawl.transport import public_address
    for address in ("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                    "100.64.0.1", "0.0.0.0", "224.0.0.1", "240.0.0.1", "255.255.255.255", "::1",
                    "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254"):
        assert not public_address(address), address
    for address in ("93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"):
        assert public_address(address), address


def test_a_named_host_is_trusted_and_a_redirect_elsewhere_is_not():
    with sites(2) as (named, other):
        other.page("/inside.html", "<p>internal admin page</p>")
        named.routes["/away"] = redirect(f"{other.base}/inside.html")
        named.routes["/metadata"] = redirect("http://169.254.169.254/latest/meta-data/")
        named.page("/ok.html", "<p>ok</p>")
        fetcher = Fetcher(Politeness(delay=0.0, timeout=2.0, obey_robots=False))
        fetcher.trust(f"{named.base}/rss.xml")
        assert fetcher.get(f"{named.base}/ok.html").ok  # loopback, but named
        for path in ("/away", "/metadata"):
            response = fetcher.get(f"{named.base}{path}")
            assert not response.ok and response.refused, path
            assert "private, loopback or reserved address" in response.error
        assert other.hits["/inside.html"] == 0 and other.hits["/robots.txt"] == 0
        # another port on the same address is another host
        assert fetcher.get(f"{other.base}/inside.html").refused
        assert other.hits["/inside.html"] == 0


def test_allow_private_lets_a_source_reach_its_private_network():
    with sites(2) as (named, other):
        other.page("/inside.html", "<p>intranet</p>")
        named.routes["/away"] = redirect(f"{other.base}/inside.html")
        fetcher = Fetcher()
        fetcher.trust(named.base)
        polite = Politeness(delay=0.0, timeout=2.0, obey_robots=False, allow_private=True)
        assert fetcher.get(f"{named.base}/away", polite).body == b"<p>intranet</p>"


def test_the_connection_goes_to_the_address_that_was_checked(monkeypatch):
    """A DNS answer that changes between the check and the connection (rebinding) is checked again."""
    import socket

    from newsmon.crawl import transport
    with sites(1) as (site,):
        site.page("/a", "<p>internal</p>")
        port = int(site.base.rsplit(":", 1)[1])
        real = socket.getaddrinfo
        answers = iter([[(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port))]])

        def rebinding(host, *args, **kwargs):
            if host == "news.example":  # public for the check, loopback for the connection
                return next(answers, None) or real("127.0.0.1", *args, **kwargs)
            return real(host, *args, **kwargs)
        monkeypatch.setattr(transport.socket, "getaddrinfo", rebinding)
        response = Fetcher(Politeness(delay=0.0, timeout=2.0, obey_robots=False)).get(f"http://news.example:{port}/a")
        assert response.refused and "resolves to 127.0.0.1" in response.error
        assert site.hits["/a"] == 0


def test_a_crawl_stores_nothing_reached_through_a_guarded_hop(tmp_path):
    source, internal = Site(), Site()
    try:
        internal.page("/secret.html", article_html("Internal secret KOICA", story(7)))
        source.routes["/moved.html"] = redirect(f"{internal.base}/secret.html")
        source.page("/ok.html", article_html("Public story KOICA", story(8)))
        # a feed entry on a host nobody named, and a redirect to it
        source.page("/rss.xml", rss([("Moved", "/moved.html", DATE), ("Elsewhere", f"{internal.base}/secret.html", DATE),
                                     ("Fine", "/ok.html", DATE)]), content_type="application/rss+xml")
        text = f"""
[defaults]
delay = 0.0
obey_robots = false
[[sources]]
name = "news"
feeds = ["{source.base}/rss.xml"]
"""
        store = Store(tmp_path / "n.db")
        Crawler(store, FakePipeline(), fetcher=Fetcher(backoff=0.01)).crawl(parse_sources(text))
        assert [r["url"] for r in store.db.query("select url from articles")] == [f"{source.base}/ok.html"]
        assert internal.hits["/secret.html"] == 0
        failed = {r["url"] for r in store.db.query("select url from frontier where state = 'failed'")}
        assert failed == {f"{source.base}/moved.html", f"{internal.base}/secret.html"}
        # the same source with allow_private = true reaches it
        store2 = Store(tmp_path / "m.db")
        Crawler(store2, FakePipeline(), fetcher=Fetcher(backoff=0.01)).crawl(
            parse_sources(text.replace("obey_robots = false", "obey_robots = false\nallow_private = true")))
        assert store2.db.execute("select count(*) from articles").fetchone()[0] == 2
    finally:
        source.close()
        internal.close()
