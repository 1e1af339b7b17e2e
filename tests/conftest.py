"""Shared fixtures: loopback HTTP servers only; nothing here reaches the internet."""
from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


class Route:
    def __init__(self, body: bytes = b"", status: int = 200, headers: dict[str, str] | None = None):
        self.body, self.status, self.headers = body, status, headers or {}


class LoopbackServer:
    """A tiny programmable HTTP server on 127.0.0.1 that records every request path."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.user_agents: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.requests.append(self.path)
                server.user_agents.append(self.headers.get("User-Agent", ""))
                route = server.routes.get(self.path, Route(b"not found", 404))
                self.send_response(route.status)
                headers = {"Content-Type": "text/html; charset=utf-8", **route.headers}
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def route(self, path: str, body: bytes | str = b"", status: int = 200, **headers: str) -> None:
        self.routes[path] = Route(body.encode() if isinstance(body, str) else body, status,
                                  {k.replace("_", "-"): v for k, v in headers.items()})


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    server = LoopbackServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture(scope="session")
def sample_site() -> Iterator[str]:
    from newsmon.samplesite import serve
    with serve() as base:
        yield base


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the repository (training data lives there)")
    return SHARED


@pytest.fixture(autouse=True, scope="session")
def _newsmon_cache(tmp_path_factory) -> None:
    """The CLI keeps the indexed knowledge base in a cache directory: the tests' own, not ~/.cache."""
    import os
    os.environ["NEWSMON_CACHE_DIR"] = str(tmp_path_factory.mktemp("newsmon-cache"))
