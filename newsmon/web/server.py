"""`newsmon serve`: a read-only web UI over the store, in the spirit of datasette.

A thin layer: every page makes the same `Store` calls as the matching CLI command (no SQL here) and is
rendered by `web_pages` as HTML, or as JSON (the same data the CLI's `--format json` prints) when the
query string has `format=json`. `/export.jsonl` streams `Store.export()`.

Each request runs in its own thread (ThreadingHTTPServer) and opens its own `Store(path, readonly=True)`:
sqlite3 connections cannot be shared between threads, and a writable `Store` does schema work on open,
which would queue every page view behind a running crawl. In WAL mode readers never wait for the
writer, so the UI keeps working while a crawl writes to the same file.
"""
from __future__ import annotations

import json
import re
import socket
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from newsmon.model import AGREEMENT_TYPES, LABELS
from newsmon.store import analytics
from newsmon.web import chart_pages, pages
from newsmon.store.lookup import entity_ids, entity_record, entity_records
from newsmon.store.articles import Store

DEFAULT_PORT = 8001
DIGEST_DAYS = 1  # default window of /digest: the last 24 hours, as `newsmon digest`
ENTITY_ARTICLES = 100  # an entity page lists its latest articles, the total from the counts
MAX_ROWS = 1000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")


class HTTPError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class Redirect(Exception):
    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


class Params:
    """Query-string parameters, validated: a bad value is a 400 with a message naming it."""

    def __init__(self, query: str) -> None:
        self.raw = {k: v[0].strip() for k, v in parse_qs(query, keep_blank_values=True).items()}

    def text(self, name: str) -> str | None:
        return self.raw.get(name) or None

    def date(self, name: str, allow_time: bool = False) -> str | None:
        value = self.text(name)
        if value is None:
            return None
        if allow_time:  # a "+" of a time zone arrives as a space when typed into the address bar
            value = re.sub(r"(T[\d:.]+) (\d{2}:\d{2})$", r"\1+\2", value)
        try:
            if _DATE.fullmatch(value):
                return date.fromisoformat(value).isoformat()
            if allow_time and _DATETIME.fullmatch(value):
                moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
                if moment.tzinfo:  # stored times are UTC: compare like with like
                    return moment.astimezone(timezone.utc).isoformat()
                return value
        except ValueError:
            pass
        expected = "a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)" if allow_time \
            else "a date as YYYY-MM-DD"
        raise HTTPError(400, f"{name}: expected {expected}, got {value!r}")

    def number(self, name: str, default: int) -> int:
        value = self.text(name)
        if value is None:
            return default
        if not re.fullmatch(r"[0-9]{1,9}", value) or not 1 <= int(value) <= MAX_ROWS:
            raise HTTPError(400, f"{name}: expected a whole number from 1 to {MAX_ROWS}, got {value!r}")
        return int(value)

    def fraction(self, name: str) -> float | None:
        """A number from 0 to 1 (a relevance threshold), None when absent."""
        value = self.text(name)
        if value is None:
            return None
        try:
            number = float(value)
        except ValueError:
            number = -1.0
        if not 0 <= number <= 1:
            raise HTTPError(400, f"{name}: expected a number from 0 to 1, got {value!r}")
        return number

    def choice(self, name: str, choices: tuple[str, ...], upper: bool = False) -> str | None:
        value = self.text(name)
        if value is None:
            return None
        value = value.upper() if upper else value.lower()
        if value not in choices:
            raise HTTPError(400, f"{name}: expected one of {', '.join(choices)}, got {value!r}")
        return value

    def flag(self, name: str) -> bool:
        value = (self.text(name) or "").lower()
        if value not in ("", "0", "1", "true", "false", "yes", "no", "on", "off"):
            raise HTTPError(400, f"{name}: expected 1 or 0, got {value!r}")
        return value in ("1", "true", "yes", "on")


Page = tuple[str, Any]  # (HTML, the same content as JSON-ready data)


class App:
    """The pages: each takes a store and the parameters and returns a Page."""

    def __init__(self, kb: Any = None) -> None:
        self.kb = kb  # newsmon.nlp.kb.KnowledgeBase or None: names the store has not seen, as the CLI

    def index(self, store: Store, p: Params) -> Page:
        data = {"stats": store.stats(), "runs": store.runs(10)}
        return pages.overview(data["stats"], data["runs"], store.path), data

    def search(self, store: Store, p: Params) -> Page:
        params = {"q": p.text("q"), "lang": p.text("lang"), "since": p.date("since"),
                  "until": p.date("until"), "source": p.text("source"), "limit": p.number("limit", 20),
                  "min_relevance": p.fraction("min_relevance"),
                  "sort": p.choice("sort", ("rank", "relevance")) or "rank"}
        if params["q"] is None:
            if p.text("format") == "json":
                raise HTTPError(400, "q: give the words to search for")
            return pages.search(params, None), []
        try:
            rows = store.search(params["q"], params["lang"], params["since"], params["until"],
                                params["source"], params["limit"], marks=pages.MARKS,
                                min_relevance=params["min_relevance"], sort=params["sort"])
        except ValueError as exc:  # a query with no words in it
            raise HTTPError(400, f"q: {exc}") from None
        # JSON carries the snippets as `newsmon search --format json` prints them, matches in [brackets]
        data = [{**r, "snippet": pages.bracketed(r["snippet"])} for r in rows]
        return pages.search(params, rows), data

    def entities(self, store: Store, p: Params) -> Page:
        params = {"label": p.choice("label", LABELS, upper=True), "lang": p.text("lang"),
                  "top": p.number("top", 20)}
        rows = store.top_entities(params["label"], params["lang"], params["top"])
        return pages.entities(params, rows), rows

    def entity_by_name(self, store: Store, p: Params) -> Page:
        name = p.text("name")
        if name is None:
            raise HTTPError(400, "name: give an entity's name (any language) or id")
        records = entity_records(store, self.kb, name, limit=0)  # the choice shows totals, no article
        if not records:
            raise HTTPError(404, f"no entity named {name!r}")
        if len(records) == 1:
            json_suffix = "?format=json" if p.text("format") == "json" else ""
            raise Redirect("/entity/" + quote(records[0]["id"], safe="") + json_suffix)
        return pages.entity_choices(name, records), {"name": name, "matches": records}

    def entity(self, store: Store, p: Params, entity_id: str) -> Page:
        record = entity_record(store, self.kb, entity_id, limit=ENTITY_ARTICLES)
        if record is None:
            raise HTTPError(404, f"no entity with id {entity_id!r}")
        if p.text("format") == "json":  # no chart drawn for the data alone
            return "", record
        return pages.entity(record, chart_pages.entity_sections(record)), record

    def pair(self, store: Store, p: Params) -> Page:
        ids = [p.text("a"), p.text("b")]
        if None in ids:
            raise HTTPError(400, "a, b: give two entity ids")
        records = [store.entity(i, limit=0) for i in ids]  # names only: no article read
        if None in records:
            raise HTTPError(404, f"no entity with id {ids[records.index(None)]!r}")
        a, b = ({k: r[k] for k in ("id", "name", "label")} for r in records)
        rows = analytics.pair_articles(store.db, a["id"], b["id"])
        return chart_pages.pair(a, b, rows), {"a": a, "b": b, "articles": rows}

    def agreement_charts(self, store: Store, p: Params) -> Page:
        data = analytics.agreements_timeline(store.db)
        if p.text("format") == "json":
            return "", data
        return chart_pages.agreement_charts(data), data

    def agreements(self, store: Store, p: Params) -> Page:
        params = {"party": p.text("party"), "type": p.choice("type", AGREEMENT_TYPES),
                  "since": p.date("since")}
        ids = entity_ids(store, self.kb, params["party"]) if params["party"] else None
        rows = store.agreements(ids, params["party"], params["type"], params["since"])
        return pages.agreements(params, rows), rows

    def digest(self, store: Store, p: Params) -> Page:
        now = datetime.now(timezone.utc).replace(microsecond=0)
        presets = {label: (now - timedelta(days=days)).isoformat()
                   for label, days in (("last 24 hours", 1), ("last 7 days", 7), ("last 30 days", 30))}
        since = p.date("since", allow_time=True) or (now - timedelta(days=DIGEST_DAYS)).isoformat()
        top = p.number("top", 10)
        min_relevance = p.fraction("min_relevance")
        data = store.digest(since, top, min_relevance=min_relevance)
        chart = "" if p.text("format") == "json" else chart_pages.time_chart(
            "digest", data["daily"], f"Mentions per {data['daily']['bucket']}, top actors",
            "Mentions of the most mentioned actors")
        return pages.digest({"top": p.text("top"), "min_relevance": p.text("min_relevance")}, data, presets,
                            chart), data

    def route(self, path: str) -> Callable[[Store, Params], Page] | None:
        if path.startswith("/entity/") and len(path) > len("/entity/"):
            entity_id = unquote(path[len("/entity/"):])
            return lambda store, p: self.entity(store, p, entity_id)
        return {"/": self.index, "/search": self.search, "/entities": self.entities,
                "/entity": self.entity_by_name, "/agreements": self.agreements,
                "/digest": self.digest, "/pair": self.pair,
                "/agreements/charts": self.agreement_charts}.get(path)


class Handler(BaseHTTPRequestHandler):
    server: "WebServer"
    server_version = "newsmon"
    head_only = False  # a HEAD request: the GET's status and headers, no body

    def do_HEAD(self) -> None:  # noqa: N802
        self.head_only = True
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        params = Params(url.query)
        as_json = params.text("format") == "json"
        store = None
        try:
            if params.text("format") not in (None, "html", "json"):
                raise HTTPError(400, f"format: expected html or json, got {params.text('format')!r}")
            if url.path == "/export.jsonl":
                include = params.flag("include_duplicates")
                store = Store(self.server.db_path, readonly=True)
                return self._export(store, include)
            view = self.server.app.route(url.path)
            if view is None:
                raise HTTPError(404, f"no page at {url.path}")
            store = Store(self.server.db_path, readonly=True)
            body, data = view(store, params)
            if as_json:
                self._send(200, "application/json", json.dumps(data, ensure_ascii=False, indent=2))
            else:
                self._send(200, "text/html", body)
        except Redirect as move:
            self.send_response(302)
            self.send_header("Location", move.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
        except HTTPError as exc:
            self._error(exc.status, str(exc), as_json)
        except Exception as exc:  # a readable page, never a traceback; the traceback goes to the log
            traceback.print_exc(file=sys.stderr)
            self._error(500, f"internal error: {type(exc).__name__}: {exc}", as_json)
        finally:
            if store is not None:
                store.close()

    def _error(self, status: int, message: str, as_json: bool) -> None:
        if as_json:
            self._send(status, "application/json", json.dumps({"status": status, "error": message},
                                                              ensure_ascii=False))
        else:
            self._send(status, "text/html", pages.error_page(status, message))

    def _send(self, status: int, content_type: str, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not self.head_only:
            self.wfile.write(body)

    def _export(self, store: Store, include_duplicates: bool) -> None:
        """One JSON object per article, streamed as it is read (HTTP/1.0: the end of the body is
        the end of the connection, so no length is needed up front)."""
        records = store.export(include_duplicates)
        first = next(records, None)  # a failure before anything is sent still gets an error page
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson; charset=utf-8")
        self.end_headers()
        if self.head_only:
            return
        try:
            if first is not None:
                self.wfile.write(json.dumps(first, ensure_ascii=False).encode("utf-8") + b"\n")
            for record in records:
                self.wfile.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client went away
        except Exception:
            traceback.print_exc(file=sys.stderr)  # headers are sent: all we can do is cut it short

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if not self.server.quiet:
            super().log_message(format, *args)


MAX_THREADS = 32  # requests handled at once; more wait in the listen backlog


class WebServer(ThreadingHTTPServer):
    """A thread per request, at most `max_threads` at once: a burst of requests waits in a real
    listen backlog (socketserver's default is 5, so a burst of 200 had connections dropped and
    retried for up to 30 s) instead of starting hundreds of threads."""

    daemon_threads = True
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], db_path: str, app: App, quiet: bool,
                 max_threads: int = MAX_THREADS) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.db_path, self.app, self.quiet = db_path, app, quiet
        self._slots = threading.BoundedSemaphore(max_threads)
        super().__init__(address, Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        self._slots.acquire()  # the accept loop waits here; new connections queue in the backlog
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def make_server(db_path: str | Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                kb: Any = None, quiet: bool = False) -> WebServer:
    """A server for `db_path`, bound but not yet serving: call `serve_forever()` (in a thread, for
    tests; port 0 picks a free port, see `.url`). The store is opened (read-only) once here, so a
    missing database or a too-new one is refused before the first request. `kb` (a KnowledgeBase)
    adds the names the CLI's `entity` and `agreements --party` know beyond the stored ones."""
    Store(db_path, readonly=True).close()
    import newsmon.web.charts  # noqa: F401  matplotlib's import paid at start, not by the first chart page
    return WebServer((host, port), str(db_path), App(kb), quiet)
