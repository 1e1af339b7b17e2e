"""The SQLite store: the one module that owns the database (schema, writes and queries).

Built on sqlite-utils. The schema is created and upgraded by numbered migrations (`schema.py`);
every article and everything found in it is written in one transaction, so a crawl killed at any
point leaves either the whole article or nothing.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsmon.model import Article, now_iso
from newsmon.store import codecs, counts, schema, search
from newsmon.store.crawl_state import CrawlState
from newsmon.store.queries import Queries, agreement_out
from newsmon.store.schema import SCHEMA_VERSION, StoreError
from newsmon.store.search import index_form

@lru_cache(maxsize=4)  # the crawler asks twice per page (the exact-copy lookup, then the row)
def content_hash(text: str) -> str:
    """The key of an exact copy: the text's SHA-256 with whitespace collapsed, its first 16 hex
    digits (64 bits: schema version 7)."""
    import hashlib  # here: loading OpenSSL costs a query command ~10 ms, and only writers hash
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


__all__ = ["SCHEMA_VERSION", "Page", "ReadOnlyDB", "Response", "Store", "StoreError", "content_hash"]


def __getattr__(name: str) -> Any:
    """`Page` and `Response` (store.pages), imported when first asked for: a query command never is."""
    if name in ("Page", "Response"):
        from newsmon.store import pages
        return getattr(pages, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ReadOnlyDB:
    """The part of sqlite_utils.Database the queries use (`conn`, `execute`, `query`,
    `table_names`), for a read-only store: importing sqlite_utils (and the numpy and plugins it
    loads) costs a query command ~250 ms of CPU, more than the query. Anything else (`db["table"]`)
    is sqlite_utils' own, imported on first use."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: Any = None

    def execute(self, sql: str, parameters: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
        cursor = self.execute(sql, params)
        keys = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(keys, row))

    def table_names(self) -> list[str]:
        return [r[0] for r in self.conn.execute("select name from sqlite_master where type = 'table'")]

    def __getitem__(self, name: str) -> Any:
        if self._full is None:
            import sqlite_utils
            self._full = sqlite_utils.Database(self.conn)
        return self._full[name]



class Store(CrawlState, Queries):
    """A newsmon database. `Store(path)` opens (creating if needed) and migrates it."""

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        """Open (and create or migrate) the database at `path`.

        `readonly=True` opens an existing database for reading only: no write, no journal-mode
        switch, so it works on a read-only file and beside a crawl that writes (WAL readers never
        wait for the writer). Only a database of an older schema is upgraded first, when it can be.
        """
        self.path = str(path)
        try:
            if readonly:
                self.db = self._open_readonly()
                return
            import sqlite_utils  # the writer's table API; readers start without it (ReadOnlyDB)
            self.db = sqlite_utils.Database(self.path)
            self.db.execute("PRAGMA busy_timeout=5000")  # first, so a concurrent reader cannot fail the next step
            self.db.execute(f"PRAGMA page_size={schema.PAGE_SIZE}")  # a new file's; an existing one keeps its own
            self.db.execute("PRAGMA journal_mode=WAL")
            self._create_schema()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from None

    def _open_readonly(self) -> ReadOnlyDB:
        if self.path in ("", ":memory:"):
            raise StoreError(f"{self.path!r}: an in-memory database cannot be opened read-only")
        if not Path(self.path).exists():
            Store(self.path).close()  # as the query commands always did: a new database, empty
        conn = self._connect_readonly()
        version = schema.check(conn, self.path)
        if version < SCHEMA_VERSION:
            conn.close()
            if not os.access(self.path, os.W_OK):
                raise StoreError(f"{self.path}: schema version {version} is older than this newsmon "
                                 f"({SCHEMA_VERSION}) and the file is read-only; make it writable once "
                                 "so that newsmon can upgrade it")
            Store(self.path).close()  # the upgrade, once
            conn = self._connect_readonly()
        return ReadOnlyDB(conn)

    def _connect_readonly(self) -> sqlite3.Connection:
        conn = sqlite3.connect(Path(self.path).resolve().as_uri() + "?mode=ro", uri=True)
        conn.execute("PRAGMA busy_timeout=5000")
        return conn

    def close(self) -> None:
        if self._cache_conn is not None:
            self._cache_conn.close()
        if self._ranker is not None:
            self._ranker.close()
        self.db.conn.close()

    # -- schema -------------------------------------------------------------------------------
    def _create_schema(self) -> None:
        schema.migrate(self.db.conn, self.path)
        search.check_index(self.db.conn)

    def schema_version(self) -> int:
        return schema.version_of(self.db.conn, self.path)

    # -- articles -----------------------------------------------------------------------------
    def stored_url(self, urls: list[str]) -> str | None:
        """The first of `urls` an article is stored under, None if none is (one query for all the
        names a page goes by: the link, where it redirected, its rel=canonical)."""
        urls = list(dict.fromkeys(u for u in urls if u))
        if not urls:
            return None
        rows = {row[0] for row in self.db.execute(
            f"select url from articles where url in ({','.join('?' for _ in urls)})", urls)}
        return next((u for u in urls if u in rows), None)

    def article_id_by_hash(self, digest: str) -> int | None:
        row = self.db.execute("select id from articles where content_hash = ? and duplicate_of is null",
                              [digest]).fetchone()
        return row[0] if row else None

    def save_article(self, article: Article, run_id: int | None = None,
                     duplicate_of: int | None = None) -> int:
        """Write an article, its annotations, index entry and counts in one transaction; returns
        the article id. Plain executemany: no per-row table introspection (sqlite-utils' insert)."""
        doc = article.doc
        row = {"url": doc.url, "source": doc.source, **_article_columns(article),
               "fetched_at": now_iso(), "run_id": run_id, "duplicate_of": duplicate_of}
        conn = self.db.conn
        with self.transaction():
            article_id = conn.execute(f"insert into articles ({', '.join(row)}) values "
                                      f"({', '.join('?' for _ in row)})", list(row.values())).lastrowid
            self.index_later(article_id, doc.title, doc.text, article.index_forms)
            self._write_annotations(article_id, article, original=duplicate_of is None)
            # what was just written, as counts.apply would read it back (a linked mention's
            # entity row exists: written above, or already there)
            stored = ((row["lang"], row["source"], row["published"], duplicate_of, row["fetched_at"]),
                      [(m.canonical_id, m.lang, m.label, bool(m.canonical_id)) for m in article.mentions])
            counts.apply(conn, article_id, +1, stored)
        return int(article_id)

    def _write_annotations(self, article_id: int, article: Article, original: bool) -> None:
        """Segments, entities, mentions, dates and agreements of one article (inside its transaction);
        `original`: the article is no copy (its agreements are listed by party)."""
        conn = self.db.conn
        conn.executemany('insert into segments (article_id, start, "end", lang, prob) values (?, ?, ?, ?, ?)',
                         [(article_id, s.start, s.end, s.lang, s.prob) for s in article.segments])
        linked = [m for m in article.mentions if m.canonical_id]
        conn.executemany("insert or ignore into entities (id, name, label) values (?, ?, ?)",
                         [(m.canonical_id, m.canonical_name or m.text, m.label) for m in linked])
        conn.executemany("insert or ignore into entity_names (entity_id, name, lang, folded) values (?, ?, ?, ?)",
                         [(m.canonical_id, m.text, m.lang, index_form(m.text, "e")) for m in linked])
        # keyed (article_id, id): id is the row's place in the article (schema version 7)
        conn.executemany('insert into mentions (article_id, id, entity_id, text, label, start, "end", lang) '
                         'values (?, ?, ?, ?, ?, ?, ?, ?)',
                         [(article_id, i, m.canonical_id, m.text, m.label, m.start, m.end, m.lang)
                          for i, m in enumerate(article.mentions)])
        conn.executemany('insert into dates (article_id, id, text, value, precision, start, "end", inferred) '
                         'values (?, ?, ?, ?, ?, ?, ?, ?)',
                         [(article_id, i, d.text, d.value, d.precision, d.start, d.end, int(d.inferred))
                          for i, d in enumerate(article.dates)])
        for agreement in article.agreements:
            row = _agreement_row(article_id, agreement)
            agreement_id = conn.execute(f"insert into agreements ({', '.join(row)}) values "
                                        f"({', '.join('?' for _ in row)})", list(row.values())).lastrowid
            # each party row carries what `agreements --party` sorts and filters on (queries.py)
            listed = (row["date_signed"] or article.doc.published, int(original), row["type"])
            conn.executemany("insert into agreement_parties (agreement_id, entity_id, folded_text, folded_name, "
                             "sort_key, original, type) values (?, ?, ?, ?, ?, ?, ?)",
                             [(*party, *listed) for party in counts.party_rows(agreement_id, json.loads(row["parties"]))])
        if article.relevance is not None:  # scored by the pipeline's relevance model
            conn.execute("insert or replace into relevance (article_id, score, model, scored_at) values (?, ?, ?, ?)",
                         [article_id, round(article.relevance, 4), "pipeline", now_iso()])

    def delete_article_annotations(self, article_id: int) -> None:
        """Inside the transaction of whoever rewrites them."""
        self.db.execute("delete from agreement_parties where agreement_id in "
                        "(select id from agreements where article_id = ?)", [article_id])
        for table in ("segments", "mentions", "dates", "agreements"):
            self.db.execute(f"delete from {table} where article_id = ?", [article_id])

    def digest(self, since: str, top: int = 10, until: str | None = None,
               min_relevance: float | None = None) -> dict[str, Any]:
        """What arrived since a date (by fetch time, so late-published stories are not missed):
        the new articles, the actors they mention most, and the agreements they report. `until`
        (a date, or a date and time) ends the period, inclusive (see store/digest.py)."""
        from newsmon.store.digest import build_digest
        return build_digest(self, since, until, top, min_relevance)


    def export(self, include_duplicates: bool = False,
               ids: list[int] | None = None) -> Iterator[dict[str, Any]]:
        """Every article (or those in `ids`) as one JSON-ready dict with its entities, dates and
        agreements."""
        where = "" if include_duplicates else "where duplicate_of is null"
        rows = self.db.query(f"select * from articles {where} order by id") if ids is None else (
            row for aid in ids for row in self.db.query("select * from articles where id = ?", [aid]))
        for row in rows:
            aid = row["id"]
            yield {
                "id": aid, "url": row["url"], "source": row["source"], "lang": row["lang"],
                "title": row["title"], "author": row["author"], "published": row["published"],
                "published_from": row["published_from"], "duplicate_of": row["duplicate_of"],
                "text": row["text"],
                "segments": list(self.db.query(
                    "select start, end, lang, prob from segments where article_id = ? order by start",
                    [aid])),
                "entities": list(self.db.query("""
                    select m.text, m.label, m.start, m.end, m.lang, m.entity_id as canonical_id,
                           e.name as canonical_name
                    from mentions m left join entities e on e.id = m.entity_id
                    where m.article_id = ? order by m.start""", [aid])),
                "dates": [{**d, "inferred": bool(d["inferred"])} for d in self.db.query(
                    "select text, value, precision, start, end, inferred from dates "
                    "where article_id = ? order by start", [aid])],
                "agreements": [agreement_out(a) for a in self.db.query(
                    "select * from agreements where article_id = ? order by start", [aid])],
            }

    def replace_article(self, article_id: int, article: Article) -> None:
        """Overwrite an article's text, metadata and annotations in place (for reprocessing);
        its id, URL, run and duplicate_of stay as they were."""
        conn = self.db.conn
        with self.transaction():
            old = conn.execute("select title, text, duplicate_of from articles where id = ?", [article_id]).fetchone()
            if old is None:
                return
            counts.apply(conn, article_id, -1)
            self.flush_index()  # the entry to delete may still be held for this transaction
            search.unindex_article(conn, article_id, old[0], old[1])
            columns = _article_columns(article)
            conn.execute(f"update articles set {', '.join(f'{c} = ?' for c in columns)} where id = ?",
                         [*columns.values(), article_id])
            self.delete_article_annotations(article_id)
            codecs.rekey_raw_pages(conn, article_id, old[1], article.doc.text)
            search.index_article(conn, article_id, article.doc.title, article.doc.text)
            self._write_annotations(article_id, article, original=old[2] is None)
            counts.apply(conn, article_id, +1)



def _article_columns(article: Article) -> dict[str, Any]:
    """The article row's columns that come from extraction and NLP (shared by insert and reprocess)."""
    doc = article.doc
    return {
        "lang": article.lang, "lang_prob": round(article.lang_prob, 4), "title": doc.title,
        "author": doc.author, "site_name": doc.site_name, "published": doc.published,
        "published_from": doc.published_from, "text": doc.text,
        "content_hash": content_hash(doc.text),
    }


def _agreement_row(article_id: int, agreement: Any) -> dict[str, Any]:
    data = asdict(agreement)
    signed = data.pop("date_signed") or {}
    data["parties"] = json.dumps(data["parties"], ensure_ascii=False)
    return {"article_id": article_id, **data, "date_signed": signed.get("value"),
            "date_precision": signed.get("precision")}
