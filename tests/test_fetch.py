import time

from newsmon.crawl.fetch import Fetcher
from newsmon.settings import Politeness  # loopback fixtures: allow_private=True throughout

FAST = Politeness(allow_private=True, delay=0.0, timeout=5.0)


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
    assert Fetcher(FAST).get(f"{loopback.base}/a.html", Politeness(allow_private=True, delay=0, obey_robots=False)).ok


def test_per_host_delay_spaces_requests(loopback):
    loopback.route("/a", "a")
    loopback.route("/b", "b")
    fetcher = Fetcher(Politeness(allow_private=True, delay=0.3, timeout=5.0))
    # timed from before the first request: /b may not leave before 0.3 s after /a did, however long
    # /a's answer took to come back on a loaded machine
    started = time.monotonic()
    fetcher.get(f"{loopback.base}/a")
    fetcher.get(f"{loopback.base}/b")
    assert time.monotonic() - started >= 0.29


def test_crawl_delay_from_robots_raises_the_delay(loopback):
    loopback.route("/robots.txt", "User-agent: *\nCrawl-delay: 0.4\n", content_type="text/plain")
    loopback.route("/a", "a")
    loopback.route("/b", "b")
    fetcher = Fetcher(FAST)
    started = time.monotonic()  # before /a: see test_per_host_delay_spaces_requests
    fetcher.get(f"{loopback.base}/a")
    fetcher.get(f"{loopback.base}/b")
    assert time.monotonic() - started >= 0.39


def test_oversized_body_is_refused(loopback):
    loopback.route("/big", b"x" * 5000)
    response = Fetcher(Politeness(allow_private=True, delay=0, max_bytes=1000)).get(f"{loopback.base}/big")
    assert not response.ok and "too large" in response.error


def test_http_errors_and_dead_hosts_are_values_not_exceptions(loopback):
    loopback.route("/gone", "gone", status=410)
    fetcher = Fetcher(FAST)
    assert fetcher.get(f"{loopback.base}/gone").status == 410
    dead = fetcher.get("http://127.0.0.1:9/nothing", Politeness(allow_private=True, delay=0, timeout=1.0, obey_robots=False))
    assert dead.status == 0 and dead.error


def test_identifying_user_agent_is_sent(loopback):
    loopback.route("/a", "a")
    Fetcher(FAST).get(f"{loopback.base}/a")
    assert all(ua.startswith("newsmon/") for ua in loopback.user_agents)


def test_declared_charset_is_used_for_text(loopback):
    loopback.route("/tr", "Türkiye'de şükran".encode("cp1254"), content_type="text/html; charset=windows-1254")
    assert Fetcher(FAST).get(f"{loopback.base}/tr").text() == "Türkiye'de şükran"


# -- the hostile web (fixture servers on 127.0.0.1) --------------------------------------------------
import sys  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import sites  # noqa: E402

from newsmon.crawl.fetch import HOST_GIVEN_UP, Validators, retry_after  # noqa: E402

NO_ROBOTS = Politeness(allow_private=True, delay=0.0, timeout=2.0, obey_robots=False)


def _send(handler, status, body=b"", **headers):
    handler.send_response(status)
    for key, value in headers.items():
        handler.send_header(key.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _flaky(failures: int, status: int, **headers):
    """A route that fails `failures` times with `status`, then serves the page."""
    state = {"left": failures}

    def route(handler):
        if state["left"] > 0:
            state["left"] -= 1
            _send(handler, status, b"busy", **headers)
        else:
            _send(handler, 200, b"<p>finally</p>", Content_Type="text/html")
    return route


def test_500_then_200_is_retried_with_backoff():
    with sites(1) as (site,):
        site.routes["/a"] = _flaky(2, 500)
        fetcher = Fetcher(NO_ROBOTS, retries=2, backoff=0.05)
        response = fetcher.get(f"{site.base}/a")
        assert response.ok and response.body == b"<p>finally</p>" and site.hits["/a"] == 3
        times = [t for t, p in site.log]
        assert times[2] - times[1] >= times[1] - times[0] >= 0.04  # exponential: 0.05 then 0.1


def test_429_honours_retry_after_and_gives_up_when_asked_to_wait_too_long(monkeypatch):
    import types

    from newsmon.crawl import fetch, politeness
    with sites(1) as (site,):
        site.routes["/a"] = _flaky(1, 429, Retry_After="1")
        site.routes["/b"] = _flaky(5, 429, Retry_After="3600")
        fetcher = Fetcher(NO_ROBOTS, backoff=0.01)
        started = time.monotonic()
        assert fetcher.get(f"{site.base}/a").ok
        assert time.monotonic() - started >= 0.95
        # every pause the fetcher takes for /b is recorded instead of slept: it must not wait an hour
        slept: list[float] = []
        clock = types.SimpleNamespace(sleep=slept.append, monotonic=time.monotonic)
        monkeypatch.setattr(fetch, "time", clock)
        monkeypatch.setattr(politeness, "time", clock)
        response = fetcher.get(f"{site.base}/b")
        assert response.status == 429 and site.hits["/b"] == 1 and all(s < 60 for s in slept)
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 60) == 60.0


def test_redirect_loop_is_an_error_value():
    with sites(1) as (site,):
        site.routes["/a"] = lambda h: _send(h, 302, Location="/b")
        site.routes["/b"] = lambda h: _send(h, 302, Location="/a")
        response = Fetcher(NO_ROBOTS).get(f"{site.base}/a")
        assert not response.ok and "redirect" in response.error
        assert site.hits["/a"] + site.hits["/b"] <= 12


def test_a_body_that_never_ends_is_cut_at_the_deadline():
    stop = threading.Event()

    def endless(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        while not stop.is_set():  # a trickle: each read gets bytes, so no socket timeout fires
            try:
                handler.wfile.write(b"<p>more</p>\n")
                handler.wfile.flush()
            except OSError:
                return
            time.sleep(0.02)

    with sites(1) as (site,):
        site.routes["/endless"] = endless
        started = time.monotonic()
        response = Fetcher(Politeness(allow_private=True, delay=0, timeout=0.5, obey_robots=False)).get(f"{site.base}/endless")
        stop.set()
        assert not response.ok and "too slow" in response.error
        assert time.monotonic() - started < 5


def _trickle(payload: bytes, gap: float, done: threading.Event, sent: list[int]):
    """A route that writes `payload` one byte every `gap` seconds, counting what got through."""
    def route(handler):
        try:
            for byte in payload:
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                sent.append(1)
                time.sleep(gap)
        except OSError:
            pass  # the client hung up: what we wanted
        finally:
            done.set()
    return route


def test_slow_headers_are_cut_by_the_one_deadline_of_the_request():
    """Issue 10, item 6: a header line trickling in (each byte restarts a socket timeout) is cut
    when the request's deadline (3 x timeout) passes, not when the server is done."""
    header = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"a" * 200 + b"\r\n\r\n<p>x</p>"
    done, sent = threading.Event(), []
    with sites(1) as (site,):
        site.routes["/slow-headers"] = _trickle(header, 0.05, done, sent)  # 10 s in all
        polite = Politeness(allow_private=True, delay=0, timeout=0.2, obey_robots=False)
        response = Fetcher(polite, retries=0).get(f"{site.base}/slow-headers")
        assert not response.ok and response.status == 0
        assert "too slow (not complete within 0.6 s)" in response.error
        assert done.wait(10)
    assert len(sent) < len(header) // 2  # hung up long before the headers were complete


def test_a_50_mb_body_is_not_read_to_the_end():
    sent = {"bytes": 0}

    def huge(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()  # no Content-Length: only reading tells the size
        chunk = b"x" * 1_000_000
        try:
            for _ in range(50):
                handler.wfile.write(chunk)
                sent["bytes"] += len(chunk)
        except OSError:
            pass

    with sites(1) as (site,):
        site.routes["/huge"] = huge
        response = Fetcher(Politeness(allow_private=True, delay=0, obey_robots=False, max_bytes=2_000_000)).get(f"{site.base}/huge")
        assert not response.ok and "too large" in response.error and response.body == b""
        time.sleep(0.2)
        assert sent["bytes"] < 50_000_000


def test_conditional_get_gets_304_for_an_unchanged_feed():
    with sites(1) as (site,):
        site.page("/rss.xml", "<rss/>", etag='"v1"')
        fetcher = Fetcher(NO_ROBOTS)
        first = fetcher.get(f"{site.base}/rss.xml")
        again = fetcher.get(f"{site.base}/rss.xml", validators=Validators.from_headers(first.headers))
        assert first.ok and again.not_modified and not again.ok and again.error is None


def test_page_declared_utf8_but_sent_in_windows_1254_is_decoded():
    text = ("Türkiye ile Azerbaycan arasında dijital hizmetler alanında işbirliği anlaşması imzalandı. "
            "Görüşmede şeffaflık, güvenilirlik ve vatandaş memnuniyeti konuları ele alındı.")
    with sites(1) as (site,):
        site.page("/tr", f'<html><head><meta charset="utf-8"></head><body><p>{text}</p></body></html>'
                  .encode("cp1254"))
        assert text in Fetcher(NO_ROBOTS).get(f"{site.base}/tr").text()


def test_a_host_that_keeps_failing_is_given_up_for_the_run():
    with sites(1) as (site,):
        dead = f"http://127.0.0.1:9"  # nothing listens on the discard port
        fetcher = Fetcher(Politeness(allow_private=True, delay=0, timeout=1.0, obey_robots=False), max_failures=3)
        results = [fetcher.get(f"{dead}/{i}") for i in range(10)]
        assert fetcher.requests == 3
        assert all(r.error == HOST_GIVEN_UP for r in results[3:])
        site.page("/ok", "fine")
        assert fetcher.get(f"{site.base}/ok").ok  # other hosts are unaffected


def test_per_host_concurrency_and_global_cap_hold_under_threads():
    in_flight = {"now": 0, "max": 0}
    lock = threading.Lock()

    def slow(handler):
        with lock:
            in_flight["now"] += 1
            in_flight["max"] = max(in_flight["max"], in_flight["now"])
        time.sleep(0.1)
        with lock:
            in_flight["now"] -= 1
        _send(handler, 200, b"ok", Content_Type="text/html")

    with sites(1) as (site,):
        site.routes["/slow"] = slow
        fetcher = Fetcher(concurrency=8)
        polite = Politeness(allow_private=True, delay=0, concurrency=2, obey_robots=False)
        threads = [threading.Thread(target=fetcher.get, args=(f"{site.base}/slow", polite)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert in_flight["max"] == 2 and site.hits["/slow"] == 6


def test_contact_is_added_to_the_user_agent():
    with sites(1) as (site,):
        site.page("/a", "a")
        Fetcher(NO_ROBOTS, contact="mailto:press@example.az").get(f"{site.base}/a")
        assert site.user_agents[-1].startswith("newsmon/") and "mailto:press@example.az" in site.user_agents[-1]


def test_robots_txt_that_errors_keeps_the_host_off_limits_for_the_run():
    from newsmon.crawl.fetch import ROBOTS_UNREACHABLE
    with sites(1) as (site,):
        site.page("/robots.txt", "down", status=503)
        site.page("/a.html", "<p>a</p>")
        fetcher = Fetcher(FAST, retries=0)
        assert fetcher.get(f"{site.base}/a.html").error == ROBOTS_UNREACHABLE
        assert fetcher.get(f"{site.base}/b.html").error == ROBOTS_UNREACHABLE
        assert "/a.html" not in site.hits and site.hits["/robots.txt"] == 1


RUSSIAN = ("Азербайджан и Россия подписали меморандум о сотрудничестве в области цифрового "
           "правительства. Министр заявил, что соглашение вступит в силу в следующем месяце.")


def test_a_wrong_single_byte_charset_header_is_checked_and_overruled():
    """Issue 10 (charset): cp1251 Russian sent as iso-8859-1 was stored garbled, as language "vi"."""
    from newsmon.crawl.charset import decode
    page = f"<html><body><p>{RUSSIAN}</p></body></html>".encode("cp1251")
    with sites(1) as (site,):
        site.page("/ru", page, content_type="text/html; charset=iso-8859-1")
        response = Fetcher(NO_ROBOTS).get(f"{site.base}/ru")
        assert RUSSIAN in response.text()
    decoded = decode(page, "text/html; charset=iso-8859-1")
    assert (decoded.charset, decoded.declared, decoded.overridden) == ("cp1251", "iso8859-1", True)
    # a header that fits is kept, and ASCII is never second-guessed
    assert decode(RUSSIAN.encode("cp1251"), "text/html; charset=windows-1251").overridden is False
    assert decode(b"<p>plain</p>", "text/html; charset=iso-8859-1").charset == "iso8859-1"
