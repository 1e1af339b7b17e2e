"""The crawler's bookkeeping in the newsmon database: runs, frontier, HTTP validators, raw pages,
near-duplicate fingerprints and discovered feeds.

What makes crawls incremental, deduplicating and resumable, kept apart from the articles and their
annotations (`articles.py`), which is what users query. `Store` inherits these methods, so the
crawler and the queries share one connection and one transaction discipline; the tables are
created by the migrations in `schema.py`.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from newsmon.model import now_iso

from newsmon.store import counts
from newsmon.store.transactions import Transactions
from newsmon.store.codecs import band_keys, compress_raw, decompress_raw, pack_bands, unpack_bands

if TYPE_CHECKING:  # the store opens it; a reader goes without (articles.ReadOnlyDB)
    from newsmon.store.http_cache import CacheEntry
    from newsmon.store.pages import Page, Response


class CrawlState(Transactions):
    """Crawler bookkeeping methods; mixed into `store.Store`, which provides `db`."""

    path: str
    _cache_conn: sqlite3.Connection | None = None
    _cache_lock = threading.Lock()
    _run_columns_cache: set[str] | None = None

    def start_run(self, command: str, sources: str = "") -> int:
        with self.transaction():
            return self.db["crawl_runs"].insert({
                "started": now_iso(), "command": command, "sources": sources, "status": "running",
                "discovered": 0, "fetched": 0, "new": 0, "duplicates": 0, "errors": 0,
                "skipped_robots": 0, "skipped_known": 0}).last_pk

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "completed") -> None:
        with self.transaction():
            self.db["crawl_runs"].update(run_id, {**counts, "finished": now_iso(), "status": status})

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        return list(self.db.query("select * from crawl_runs order by id desc limit ?", [limit]))

    def update_run(self, run_id: int, counts: dict[str, int]) -> None:
        """Counters of a run still in progress, so a killed run shows how far it got."""
        known = self._run_columns()
        values = {k: v for k, v in counts.items() if k in known}
        if not values:
            return
        with self.transaction():
            self.db.conn.execute(f"update crawl_runs set {', '.join(f'{k} = ?' for k in values)} where id = ?",
                                 [*values.values(), run_id])

    def _run_columns(self) -> set[str]:
        """crawl_runs' columns, read once per store (every 50 pages otherwise)."""
        if self._run_columns_cache is None:
            self._run_columns_cache = {row[1] for row in self.db.conn.execute("pragma table_info(crawl_runs)")}
        return self._run_columns_cache

    def last_completed_run(self, before: int) -> int:
        """The id of the last run before `before` that completed (0: none)."""
        return self.db.execute("select coalesce(max(id), 0) from crawl_runs where status = 'completed' "
                               "and id < ?", [before]).fetchone()[0]

    def mark_interrupted_runs(self) -> int:
        """Runs left 'running' by a killed process; call before starting a new one."""
        with self.transaction():
            return self.db.execute("update crawl_runs set status = 'interrupted' "
                                   "where status = 'running'").rowcount

    def relax_sync(self) -> None:
        """synchronous=NORMAL for a crawl's many small commits. In WAL mode this still survives
        a killed process (SIGKILL) with every committed article; only a power cut may lose the
        last commits, never corrupt the file. A crawl commits ~4 times per page: FULL fsyncs each."""
        self.db.execute("PRAGMA synchronous=NORMAL")
        # a writer touches the full-text index, the counts and every annotation table per article:
        # 64 MB of page cache instead of 2 keeps their upper levels in memory
        self.db.execute("PRAGMA cache_size=-65536")

    def add_frontier(self, source: str, links: list[dict[str, Any]],
                     cache: CacheEntry | None = None) -> int:
        """Queue discovered links (url, published, title, via) and, in the same transaction, the
        validators of the listing they came from: a 304 next time can then never hide a link that
        was not queued. Returns how many links were new to the frontier."""
        from newsmon.store.http_cache import cache_row
        stamp = now_iso()
        conn = self.db.conn
        with self.transaction():
            # plain SQL: sqlite-utils' insert_all and count introspected the table and counted
            # the whole frontier twice per listing
            before = conn.total_changes
            conn.executemany("insert or ignore into frontier (url, published, title, via, source, state, "
                             "attempts, discovered, updated) values (?, ?, ?, ?, ?, 'pending', 0, ?, ?)",
                             [(link["url"], link.get("published"), link.get("title"), link.get("via"),
                               source, stamp, stamp) for link in links])
            added = conn.total_changes - before
            if cache is not None:
                row = cache_row(cache)
                conn.execute(f"insert or replace into http_cache ({', '.join(row)}) values "
                             f"({', '.join('?' for _ in row)})", list(row.values()))
        return added

    def pending_links(self, sources: list[str], max_attempts: int,
                      urls: list[str] | None = None) -> list[dict[str, Any]]:
        """Frontier rows still to fetch (among `urls` when given). `stored`: the URL is already an
        article (stored before a kill, or by `add`); `fetched`: its response is stored, waiting to
        be processed. Neither needs fetching."""
        marks = ",".join("?" for _ in sources)
        query = ("select f.*, exists(select 1 from articles a where a.url = f.url) as stored, "
                 "exists(select 1 from raw_pages r where r.url = f.url and r.article_id is null) as fetched "
                 f"from frontier f where f.state = 'pending' and f.attempts < ? and f.source in ({marks}) ")
        if urls is None:
            return list(self.db.query(query + "order by f.discovered, f.url", [max_attempts, *sources]))
        rows: list[dict[str, Any]] = []
        step = 30_000 - len(sources)  # SQLite allows 32,766 parameters
        for start in range(0, len(urls), step):
            chunk = urls[start:start + step]
            rows += self.db.query(query + f"and f.url in ({','.join('?' for _ in chunk)})",
                                  [max_attempts, *sources, *chunk])
        return rows

    def settle_link(self, url: str, state: str, error: str | None = None,
                    attempted: bool = False) -> None:
        """Record what became of a frontier URL: done, skipped, failed, or pending (try again). A
        settled URL's response is kept only if it became an article."""
        with self.transaction():
            self.db.execute(
                "update frontier set state = ?, error = ?, updated = ?, attempts = attempts + ? "
                "where url = ?", [state, error, now_iso(), int(attempted), url])
            if state != "pending":
                self.db.execute("delete from raw_pages where url = ? and article_id is null", [url])

    def _cache_db(self) -> sqlite3.Connection:
        """The HTTP cache's own connection: fetch threads read validators and keep robots.txt
        while the main thread writes articles (a connection belongs to one thread, and WAL lets
        two work side by side). An in-memory database has only the main connection."""
        if self.path in ("", ":memory:"):
            return self.db.conn
        if self._cache_conn is None:
            self._cache_conn = sqlite3.connect(self.path, check_same_thread=False, timeout=5.0)
        return self._cache_conn

    def cache_entry(self, url: str) -> CacheEntry | None:
        from newsmon.store.http_cache import CacheEntry, Validators
        with self._cache_lock:
            row = self._cache_db().execute("select url, etag, last_modified, children, body "
                                           "from http_cache where url = ?", [url]).fetchone()
        if row is None:
            return None
        return CacheEntry(row[0], Validators(row[1], row[2]), tuple(json.loads(row[3] or "[]")),
                          row[4])

    def save_cache_entry(self, entry: CacheEntry) -> None:
        from newsmon.store.http_cache import cache_row
        with self._cache_lock:
            conn = self._cache_db()
            with conn:
                row = cache_row(entry)
                conn.execute(f"insert or replace into http_cache ({', '.join(row)}) values "
                             f"({', '.join('?' for _ in row)})", list(row.values()))

    def save_raw_page(self, url: str, final_url: str, source: str, status: int, content_type: str,
                      headers: dict[str, str], body: bytes, listing_published: str | None) -> None:
        """Keep a response as soon as it arrives, under the frontier URL it was fetched for: a crawl
        killed before the page is processed resumes from it instead of fetching it again."""
        from newsmon.store.pages import Response
        with self.transaction():
            self._insert_raw(Response(url, final_url, source, status, content_type, headers, body,
                                      listing_published))

    def _insert_raw(self, response: Response, article_id: int | None = None, text: str | None = None) -> None:
        """The response's row, linked to `article_id` and compressed against its `text` when given."""
        r = response
        self.db.conn.execute(
            "insert or replace into raw_pages (url, final_url, source, status, content_type, headers, "
            "body, listing_published, fetched_at, article_id, dict) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [r.url, r.final_url, r.source, r.status, r.content_type, json.dumps(r.headers),
             compress_raw(r.body, text), r.listing_published, now_iso(), article_id, int(text is not None)])

    def raw_response(self, url: str) -> dict[str, Any] | None:
        """A kept response not yet made into an article (status, final_url, headers, body)."""
        row = self.db.execute("select final_url, status, headers, body from raw_pages "
                              "where url = ? and article_id is null", [url]).fetchone()
        if row is None:
            return None
        return {"final_url": row[0], "status": row[1], "headers": json.loads(row[2] or "{}"),
                "body": zlib.decompress(row[3])}

    def link_raw_page(self, url: str, article_id: int, body: bytes | None = None,
                      text: str | None = None) -> None:
        """The response fetched for `url` is what article `article_id` was extracted from; its body
        is compressed again, against the article's text (`compress_raw`). A caller holding the
        body and the article's text (the crawler) gives them: nothing is read back."""
        conn = self.db.conn
        if body is not None and text is not None:
            conn.execute("update raw_pages set article_id = ?, body = ?, dict = 1 where url = ?",
                         [article_id, compress_raw(body, text), url])
            return
        with self.transaction():
            row = conn.execute("""select r.body, old.text, a.text from raw_pages r join articles a on a.id = ?
                left join articles old on old.id = r.article_id and r.dict = 1 where r.url = ?""",
                               [article_id, url]).fetchone()
            if row is None:
                return
            body, old_key, text = row
            conn.execute("update raw_pages set article_id = ?, body = ?, dict = 1 where url = ?",
                         [article_id, compress_raw(decompress_raw(body, old_key), text), url])

    def save_pages(self, pages: Iterable[Page], every: int = 500) -> list[int]:
        """The bulk path: store many fetched pages, each as `save_raw_page`, `save_article`,
        `save_fingerprint` and `link_raw_page` would, in one transaction per `every` pages instead
        of several per page (a crash loses at most the uncommitted batch, never part of a page).
        `pages` may be a generator: a batch is written as soon as it is complete. Returns the
        article ids in order. (`save_article` is the Store's: this mixin holds the crawler's side.)"""
        conn = self.db.conn
        ids: list[int] = []
        batch: list[Page] = []
        for page in pages:
            batch.append(page)
            if len(batch) >= every:
                ids += self._save_batch(conn, batch)
                batch = []
        if batch:
            ids += self._save_batch(conn, batch)
        return ids

    def _save_batch(self, conn: sqlite3.Connection, batch: list[Page]) -> list[int]:
        ids = []
        with self.transaction():
            for page in batch:
                article_id = self.save_article(page.article, page.run_id, duplicate_of=page.duplicate_of)
                if page.response is not None:
                    self._insert_raw(page.response, article_id, page.article.doc.text)
                if page.signature is not None:
                    self.save_fingerprint(article_id, page.signature, page.bands)
                ids.append(article_id)
        return ids

    def raw_pages(self, source: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored responses with their article (`article_id`, `article_url`), decompressed, oldest first."""
        # Read in pages, each query finished before its rows are handed out: the caller writes
        # between rows (reprocess), and SQLite refuses some writes while a read is still open.
        where = "and r.source = ?" if source else ""
        last = 0
        while True:
            rows = list(self.db.query(
                f"""select r.*, a.id as article_id, a.url as article_url, a.text as article_text
                    from raw_pages r join articles a on a.id = r.article_id where a.id > ? {where}
                    order by a.id limit 64""",
                [last, source] if source else [last]))
            if not rows:
                return
            for row in rows:
                text = row.pop("article_text")
                row["body"] = decompress_raw(row["body"], text if row.pop("dict") else None)
                row["headers"] = json.loads(row["headers"] or "{}")
                yield row
            last = rows[-1]["article_id"]

    def save_fingerprint(self, article_id: int, signature: bytes, bands: list[int]) -> None:
        conn = self.db.conn
        with self.transaction():
            # the band b-tree is keyed by value: a reprocessed article's old bands go by value
            old = conn.execute("select bands from fingerprints where article_id = ?", [article_id]).fetchone()
            if old is not None and old[0]:
                conn.executemany("delete from fingerprint_bands where value = ? and article_id = ?",
                                 [(v, article_id) for v in unpack_bands(old[0])])
            conn.execute("insert or replace into fingerprints (article_id, signature, bands) values (?, ?, ?)",
                         [article_id, signature, pack_bands(bands)])
            # one statement for all bands: executemany would step (and let other threads take the
            # GIL, which the crawl's main thread then waits to get back) once per row
            keys = band_keys(bands)
            conn.execute("insert or ignore into fingerprint_bands (value, article_id) values "
                         + ", ".join("(?, ?)" for _ in keys), [x for v in keys for x in (v, article_id)])

    def listing_order(self, article_id: int) -> tuple[str | None, str, str, int | None] | None:
        """(listing date, frontier URL, source, run) of a crawled article, from the response it
        was made of; None for one stored without a response (`add`)."""
        row = self.db.execute("select r.listing_published, r.url, a.source, a.run_id from raw_pages r "
                              "join articles a on a.id = r.article_id where r.article_id = ?",
                              [article_id]).fetchone()
        return (row[0], row[1], row[2], row[3]) if row else None

    def make_original(self, article_id: int, demoted: int) -> None:
        """Article `article_id` (just stored as an original) is the original of the story whose
        original was `demoted`: that one and its copies become copies of it, and the counts kept
        for originals move with them (inside the caller's transaction)."""
        with self.transaction():
            counts.apply(self.db.conn, demoted, -1)
            self.db.execute("update articles set duplicate_of = ? where id = ? or duplicate_of = ?",
                            [article_id, demoted, demoted])
            # copies' agreements are not listed by party (the flag agreement_parties keeps for it)
            self.db.execute("update agreement_parties set original = 0 where agreement_id in "
                            "(select id from agreements where article_id = ?)", [demoted])

    def fingerprint_candidates(self, bands: list[int]) -> list[tuple[int, bytes]]:
        """Original (non-duplicate) articles sharing at least one band value, oldest first."""
        keys = sorted(set(band_keys(bands)))
        marks = ",".join("?" for _ in keys)
        return [(row[0], row[1]) for row in self.db.execute(f"""
            select f.article_id, f.signature from fingerprints f join articles a on a.id = f.article_id
            where a.duplicate_of is null and f.article_id in (
                select article_id from fingerprint_bands where value in ({marks}))
            order by f.article_id""", keys)]

    def articles_without_fingerprint(self) -> list[tuple[int, str]]:
        """Articles stored without their fingerprint (a kill between the two commits). Article ids
        are read from an index and compared with the fingerprints' keys; texts only for those few."""
        count = "select (select count(*) from articles) - (select count(*) from fingerprints)"
        if not self.db.execute(count).fetchone()[0]:
            return []  # the usual case, answered from the two tables' smallest indexes
        missing = [row[0] for row in self.db.execute(
            "select a.id from articles a where not exists "
            "(select 1 from fingerprints f where f.article_id = a.id) order by a.id")]
        return [(i, self.db.execute("select text from articles where id = ?", [i]).fetchone()[0])
                for i in missing]

    def home_discovery(self, source: str, home: str) -> dict[str, Any] | None:
        row = self.db.execute("select feeds, sitemaps, discovered from home_discovery "
                              "where source = ? and home = ?", [source, home]).fetchone()
        if row is None:
            return None
        return {"feeds": json.loads(row[0]), "sitemaps": json.loads(row[1]), "discovered": row[2]}

    def save_home_discovery(self, source: str, home: str, feeds: list[str],
                            sitemaps: list[str]) -> None:
        with self.transaction():
            self.db["home_discovery"].upsert({"source": source, "home": home,
                                              "feeds": json.dumps(feeds),
                                              "sitemaps": json.dumps(sitemaps),
                                              "discovered": now_iso()}, pk="source")
