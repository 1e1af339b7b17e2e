"""Fixture news sites for the crawler tests and benchmark: programmable HTTP servers on 127.0.0.1.

Each `Site` is its own server (its own port, so its own host for politeness). A route is a static
`Page` (with optional ETag/Last-Modified, answered 304 when the client sends them back) or a
callable that writes the response itself (slow, endless, huge, flaky bodies).
"""
from __future__ import annotations

import contextlib
import http.server
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


@dataclass
class Page:
    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None

    def raw(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


def respond(handler: http.server.BaseHTTPRequestHandler, body: bytes,
            content_type: str = "text/html; charset=utf-8") -> None:
    """Write a 200 response with `body` (for routes that decide when or whether to answer)."""
    handler.send_response(200)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Page | Handler] = {}
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[float, str]] = []  # (monotonic time, path)
        self.statuses: list[tuple[str, int]] = []
        self.user_agents: list[str] = []
        self._lock = threading.Lock()
        site = self

        class RequestHandler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                with site._lock:
                    site.hits[self.path] += 1
                    site.log.append((time.monotonic(), self.path))
                    site.user_agents.append(self.headers.get("User-Agent", ""))
                route = site.routes.get(self.path)
                if route is None:
                    route = Page("not found", 404)
                if callable(route):
                    route(self)
                    return
                status = route.status
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    status = 304
                with site._lock:
                    site.statuses.append((self.path, status))
                body = b"" if status == 304 else route.raw()
                self.send_response(status)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), RequestHandler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def page(self, path: str, body: bytes | str = b"", **kwargs) -> None:
        self.routes[path] = Page(body, **kwargs)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextlib.contextmanager
def sites(n: int) -> Iterator[list[Site]]:
    started = [Site() for _ in range(n)]
    try:
        yield started
    finally:
        for site in started:
            site.close()


# -- content --------------------------------------------------------------------------------------
WORDS = ("agency digital service centre memorandum signed cooperation training citizens public "
         "minister delegation visit electronic government platform innovation regional experts "
         "programme partnership support development capacity building ministry interior korea "
         "azerbaijan baku seoul tashkent official meeting forum project reform access").split()


def story(seed: int, words: int = 180) -> str:
    """Deterministic filler prose, different for each seed."""
    import random
    rng = random.Random(seed)
    sentences, current = [], []
    for _ in range(words):
        current.append(rng.choice(WORDS))
        if len(current) >= rng.randint(8, 16):
            sentences.append(" ".join(current).capitalize() + ".")
            current = []
    if current:
        sentences.append(" ".join(current).capitalize() + ".")
    # paragraphs of four sentences, as news pages have
    return "\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))


def article_html(title: str, body: str, lang: str = "en", canonical: str | None = None,
                 header: str = "", footer: str = "", charset: str = "utf-8") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="{charset}"><title>{title}</title>'
            f'{link}</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
            f'<article><h1>{title}</h1>{f"<p>{header}</p>" if header else ""}{paragraphs}'
            f'{f"<p>{footer}</p>" if footer else ""}</article>'
            f'<footer>Copyright the agency. All rights reserved.</footer></body></html>')


def rss(items: list[tuple[str, str, str]], title: str = "News") -> str:
    """items: (title, link, RFC 822 date)."""
    entries = "".join(f"<item><title>{t}</title><link>{l}</link><pubDate>{d}</pubDate></item>"
                      for t, l, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f'{entries}</channel></rss>')


def sitemap(urls: list[tuple[str, str]], news: bool = False) -> str:
    """urls: (loc, date)."""
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    def entry(loc: str, date: str) -> str:
        if news:
            return (f"<url><loc>{loc}</loc><news:news><news:publication_date>{date}"
                    f"</news:publication_date></news:news></url>")
        return f"<url><loc>{loc}</loc><lastmod>{date}</lastmod></url>"
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/'
            f'sitemap/0.9"{ns}>{"".join(entry(l, d) for l, d in urls)}</urlset>')
