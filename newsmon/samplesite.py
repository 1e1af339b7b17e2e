"""Serve the bundled sample site (corpus/site) on 127.0.0.1, for the demo and the tests.

The site's files name their own origin as http://sample-site.test; the server rewrites that to the
address it actually listens on, so feeds, sitemaps and canonical links point back at it.
"""
from __future__ import annotations

import contextlib
import email.utils
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

from newsmon.settings import CORPUS_DIR

SITE_DIR = CORPUS_DIR / "site"
# The origin the site's files (and the gold files' paths) are written against.
ORIGIN = "http://sample-site.test"
PLACEHOLDER_ORIGIN = ORIGIN.encode()
TEXT_TYPES = (".html", ".xml", ".txt", ".rss", ".atom")


class _Handler(http.server.SimpleHTTPRequestHandler):
    origin = b""

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or path.suffix not in TEXT_TYPES:
            return super().send_head()
        modified = email.utils.formatdate(int(path.stat().st_mtime), usegmt=True)
        if self.headers.get("If-Modified-Since") == modified:  # what a polite crawler sends back
            self.send_response(304)
            self.end_headers()
            return None
        body = path.read_bytes().replace(PLACEHOLDER_ORIGIN, self.origin)
        ctype = {".xml": "application/xml", ".txt": "text/plain"}.get(path.suffix, "text/html")
        self.send_response(200)
        self.send_header("Last-Modified", modified)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _BytesFile(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet by design
        pass


class _BytesFile:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path = SITE_DIR, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `root` in a background thread; yields the base URL, e.g. http://127.0.0.1:51234."""
    handler_class = type("SampleSiteHandler", (_Handler,), {})  # one origin per server
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer((host, port), handler)
    base = f"http://{host}:{server.server_address[1]}"
    handler_class.origin = base.encode()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def sample_sources_text(base: str) -> str:
    """The sample site's sources file with its origin pointed at `base`."""
    text = (CORPUS_DIR / "sources" / "sample-site.toml").read_text(encoding="utf-8")
    return text.replace(PLACEHOLDER_ORIGIN.decode(), base)
