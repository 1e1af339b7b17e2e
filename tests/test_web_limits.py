"""The web UI under load and odd methods (issue 10): a real listen backlog, a bounded number of
handler threads, and HEAD answered like GET without the body (it was 501)."""
import http.client
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_store import make_article  # noqa: E402

from newsmon.store.articles import Store  # noqa: E402
from newsmon.web.server import WebServer, make_server  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "n.db"
    store = Store(path)
    store.save_article(make_article())
    store.close()
    httpd = make_server(path, "127.0.0.1", 0, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def request(httpd, method: str, path: str) -> tuple[int, dict, bytes]:
    host, port = httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request(method, path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


@pytest.mark.parametrize("path", ["/", "/search?q=ASAN", "/search?q=ASAN&format=json", "/entities",
                                  "/export.jsonl", "/no-such-page"])
def test_head_answers_like_get_without_a_body(server, path):
    got_status, got_headers, got_body = request(server, "GET", path)
    status, headers, body = request(server, "HEAD", path)
    assert status == got_status and body == b""
    assert headers.get("Content-Type") == got_headers.get("Content-Type")
    if "Content-Length" in got_headers:
        assert headers["Content-Length"] == str(len(got_body))


def test_the_listen_backlog_is_real(server):
    assert server.request_queue_size >= 128


def test_no_more_handlers_run_at_once_than_the_thread_limit(tmp_path, monkeypatch):
    path = tmp_path / "n.db"
    Store(path).close()
    running, most, lock, release = [0], [0], threading.Lock(), threading.Event()

    def slow_index(self, store, params):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        release.wait(10)
        with lock:
            running[0] -= 1
        return "<p>ok</p>", {}
    from newsmon.web import server as web
    monkeypatch.setattr(web.App, "index", slow_index)
    httpd = make_server(path, "127.0.0.1", 0, quiet=True)
    httpd.server_close()
    limited = WebServer(("127.0.0.1", 0), str(path), httpd.app, True, max_threads=2)
    threading.Thread(target=limited.serve_forever, daemon=True).start()
    results: list[int] = []
    clients = [threading.Thread(target=lambda: results.append(request(limited, "GET", "/")[0]))
               for _ in range(6)]
    try:
        for client in clients:
            client.start()
        for _ in range(100):  # until two handlers are in, and the others wait
            with lock:
                if running[0] == 2:
                    break
            threading.Event().wait(0.02)
        assert running[0] == 2
        release.set()
        for client in clients:
            client.join(10)
        assert results == [200] * 6 and most[0] == 2
    finally:
        release.set()
        limited.shutdown()
        limited.server_close()
