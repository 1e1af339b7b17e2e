import time

from newsmon.fetch import Fetcher
from newsmon.settings import Politeness

FAST = Politeness(delay=0.0, timeout=5.0)


def test_robots_txt_is_obeyed_and_counted(loopback):
    loopback.route("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    loopback.route("/news/1.html", "<p>ok</p>")
    loopback.route("/private/x.html", "<p>secret</p>")
    fetcher = Fetcher(FAST)
    assert fetcher.get(f"{loopback.base}/news/1.html").ok
    blocked = fetcher.get(f"{loopback.base}/private/x.html")
    assert not blocked.ok and "robots" in blocked.error
    assert "/private/x.html" not in loopback.requests
    assert loopback.requests.count("/robots.txt") == 1  # cached per host
    assert fetcher.robots_blocked == 1


def test_robots_can_be_ignored_per_source(loopback):
    loopback.route("/robots.txt", "User-agent: *\nDisallow: /\n", content_type="text/plain")
    loopback.route("/a.html", "<p>a</p>")
    assert Fetcher(FAST).get(f"{loopback.base}/a.html", Politeness(delay=0, obey_robots=False)).ok


def test_per_host_delay_spaces_requests(loopback):
    loopback.route("/a", "a")
    loopback.route("/b", "b")
    fetcher = Fetcher(Politeness(delay=0.3, timeout=5.0))
    fetcher.get(f"{loopback.base}/a")
    started = time.monotonic()
    fetcher.get(f"{loopback.base}/b")
    assert time.monotonic() - started >= 0.25


def test_crawl_delay_from_robots_raises_the_delay(loopback):
    loopback.route("/robots.txt", "User-agent: *\nCrawl-delay: 0.4\n", content_type="text/plain")
    loopback.route("/a", "a")
    loopback.route("/b", "b")
    fetcher = Fetcher(FAST)
    fetcher.get(f"{loopback.base}/a")
    started = time.monotonic()
    fetcher.get(f"{loopback.base}/b")
    assert time.monotonic() - started >= 0.35


def test_oversized_body_is_refused(loopback):
    loopback.route("/big", b"x" * 5000)
    response = Fetcher(Politeness(delay=0, max_bytes=1000)).get(f"{loopback.base}/big")
    assert not response.ok and "too large" in response.error


def test_http_errors_and_dead_hosts_are_values_not_exceptions(loopback):
    loopback.route("/gone", "gone", status=410)
    fetcher = Fetcher(FAST)
    assert fetcher.get(f"{loopback.base}/gone").status == 410
    dead = fetcher.get("http://127.0.0.1:9/nothing", Politeness(delay=0, timeout=1.0, obey_robots=False))
    assert dead.status == 0 and dead.error


def test_identifying_user_agent_is_sent(loopback):
    loopback.route("/a", "a")
    Fetcher(FAST).get(f"{loopback.base}/a")
    assert all(ua.startswith("newsmon/") for ua in loopback.user_agents)


def test_declared_charset_is_used_for_text(loopback):
    loopback.route("/tr", "Türkiye'de şükran".encode("cp1254"), content_type="text/html; charset=windows-1254")
    assert Fetcher(FAST).get(f"{loopback.base}/tr").text() == "Türkiye'de şükran"


def test_crawl_delay_parsing_prefers_our_group():
    from newsmon.fetch import crawl_delay
    robots = "User-agent: *\nCrawl-delay: 5\n\nUser-agent: newsmon\nUser-agent: other\nCrawl-delay: 0.5\n"
    assert crawl_delay(robots, "newsmon/0.1 (bot)") == 0.5
    assert crawl_delay(robots, "somebot/1.0") == 5.0
    assert crawl_delay("User-agent: *\nDisallow:\n", "newsmon/0.1") is None
