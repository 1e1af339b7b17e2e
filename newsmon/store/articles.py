"""The SQLite store: the one module that owns the database (schema, writes and queries).

Built on sqlite-utils. The schema is created and upgraded by numbered migrations (`schema.py`);
every article and everything found in it is written in one transaction, so a crawl killed at any
point leaves either the whole article or nothing.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from newsmon.store import crawl_state, schema
from newsmon.store.crawl_state import CrawlState, Page, Response, now_iso
from newsmon.store.schema import SCHEMA_VERSION, StoreError
from newsmon.model import Article
from newsmon.store import counts, search
from newsmon.store.search import fts_query, index_form, snippet

def content_hash(text: str) -> str:
    """The key of an exact copy: the text's SHA-256 with whitespace collapsed, its first 16 hex
    digits (64 bits: schema version 7)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


__all__ = ["SCHEMA_VERSION", "Page", "ReadOnlyDB", "Response", "Store", "StoreError", "content_hash"]


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



class Store(CrawlState):
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
            search.index_article(conn, article_id, doc.title, doc.text)
            self._write_annotations(article_id, article)
            counts.apply(conn, article_id, +1)
        return int(article_id)

    def _write_annotations(self, article_id: int, article: Article) -> None:
        """Segments, entities, mentions, dates and agreements of one article (inside its transaction)."""
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
            conn.executemany("insert into agreement_parties values (?, ?, ?, ?)",
                             counts.party_rows(agreement_id, json.loads(row["parties"])))
        if article.relevance is not None:  # scored by the pipeline's relevance model
            conn.execute("insert or replace into relevance (article_id, score, model, scored_at) values (?, ?, ?, ?)",
                         [article_id, round(article.relevance, 4), "pipeline", now_iso()])

    def delete_article_annotations(self, article_id: int) -> None:
        """Inside the transaction of whoever rewrites them."""
        self.db.execute("delete from agreement_parties where agreement_id in "
                        "(select id from agreements where article_id = ?)", [article_id])
        for table in ("segments", "mentions", "dates", "agreements"):
            self.db.execute(f"delete from {table} where article_id = ?", [article_id])

    # -- reading ------------------------------------------------------------------------------
    def search(self, query: str, lang: str | None = None, since: str | None = None,
               until: str | None = None, source: str | None = None, limit: int = 20,
               marks: tuple[str, str] = ("[", "]"), min_relevance: float | None = None,
               sort: str = "rank", offset: int = 0) -> list[dict]:
        """Articles matching `query`, each with its relevance score and a snippet whose matches are
        between `marks`: best first (`sort="rank"`, bm25), most relevant to the beat first
        ("relevance"), or latest stored first ("newest": a crawl stores each listing's pages earliest
        published first, so this is about newest first within a run); `offset` rows skipped."""
        if sort not in ("rank", "relevance", "newest"):
            raise ValueError(f"unknown search order {sort!r}: rank, relevance or newest")
        where, params = _filters(lang, since, until, source)
        if min_relevance is not None:
            where += " and r.score >= :min_relevance"
            params["min_relevance"] = min_relevance
        params.update({"q": fts_query(query), "limit": limit, "offset": offset})
        columns = "a.id, a.title, a.url, a.source, a.lang, a.published, r.score as relevance, a.text"
        if sort == "rank":
            rows = self._ranked(columns, where, params)
        else:
            # newest: FTS5 walks its matches by rowid, newest first, and stops once the page is full
            order = "articles_fts.rowid desc" if sort == "newest" else "coalesce(r.score, -1) desc, articles_fts.rank"
            rows = list(self.db.query(f"""
                select {columns} from articles_fts join articles a on a.id = articles_fts.rowid
                left join relevance r on r.article_id = a.id
                where articles_fts match :q and a.duplicate_of is null {where}
                order by {order} limit :limit offset :offset""", params))
        for row in rows:
            row["snippet"] = snippet(row.pop("text"), query, marks=marks)
        return rows

    def _ranked(self, columns: str, where: str, params: dict[str, Any]) -> list[dict]:
        """The best matches: FTS5 ranks its matches alone (a top-k sort; no article row is read for
        the others), then the filters apply to those k; k grows while filtered-out rows leave the
        page short. Past _MAX_RANKED candidates, one query ranks and filters everything."""
        want = params["limit"] + params["offset"]
        k = max(2 * want, 50)
        while k <= _MAX_RANKED:
            ids = [r[0] for r in self.db.execute(
                "select rowid from articles_fts where articles_fts match :q order by rank limit :k",
                {"q": params["q"], "k": k})]
            marks = ", ".join(f":r{i}" for i in range(len(ids)))
            found = {row["id"]: row for row in self.db.query(
                f"select {columns} from articles a left join relevance r on r.article_id = a.id "
                f"where a.id in ({marks}) and a.duplicate_of is null {where}",
                {**params, **{f"r{i}": v for i, v in enumerate(ids)}})}
            ranked = [found[i] for i in ids if i in found]
            if len(ranked) >= want or len(ids) < k:  # enough, or every match was looked at
                return ranked[params["offset"]:want]
            k *= 4
        return list(self.db.query(f"""
            select {columns} from articles_fts join articles a on a.id = articles_fts.rowid
            left join relevance r on r.article_id = a.id
            where articles_fts match :q and a.duplicate_of is null {where}
            order by articles_fts.rank limit :limit offset :offset""", params))

    def top_entities(self, label: str | None = None, lang: str | None = None,
                     top: int = 20) -> list[dict]:
        """The most mentioned entities (in original articles), from the counts kept as they are written."""
        clauses, params = ["c.mentions > 0"], {"top": top}
        table = "entity_counts"
        if label:
            clauses.append("e.label = :label")
            params["label"] = label.upper()
        if lang:
            table = "entity_lang_counts"
            clauses.append("c.lang = :lang")
            params["lang"] = lang
        sql = f"""
            select e.id, e.name, e.label, c.mentions, c.articles
            from {table} c join entities e on e.id = c.entity_id
            where {' and '.join(clauses)}
            order by c.mentions desc, c.articles desc, e.name limit :top"""
        return list(self.db.query(sql, params))

    def find_entity_ids(self, name: str) -> list[str]:
        """Entity ids whose id, canonical name or any surface name matches `name` (folded)."""
        folded = index_form(name, "e")
        rows = self.db.execute("""
            select id from entities where id = :name or lower(name) = lower(:name)
            union select entity_id from entity_names where folded = :folded
            """, {"name": name, "folded": folded}).fetchall()
        return [r[0] for r in rows]

    def entity(self, entity_id: str, limit: int | None = None, offset: int = 0) -> dict[str, Any] | None:
        """An entity, its names and its articles newest first (`limit` of them after `offset`; all
        by default), with totals from the counts: mentions, and articles as `total_articles`."""
        row = self.db.execute("select id, name, label from entities where id = ?", [entity_id]).fetchone()
        if row is None:
            return None
        names: dict[str, list[str]] = {}
        for name, lang in self.db.execute(
                "select name, lang from entity_names where entity_id = ? order by lang, name",
                [entity_id]):
            names.setdefault(lang, []).append(name)
        totals = self.db.execute("select mentions, articles from entity_counts where entity_id = ?",
                                 [entity_id]).fetchone() or (0, 0)
        # published DESC, then article id: the key order of entity_timeline, so no sort
        articles = list(self.db.query("""
            select a.id, a.url, a.title, a.lang, a.published, a.source, x.mentions
            from entity_timeline x join articles a on a.id = x.article_id
            where x.entity_id = :id order by x.published desc, x.article_id
            limit :limit offset :offset""", {"id": entity_id, "limit": -1 if limit is None else limit,
                                             "offset": offset}))
        return {"id": row[0], "name": row[1], "label": row[2], "names": names,
                "mentions": totals[0], "total_articles": totals[1], "articles": articles}

    def agreements(self, party_ids: list[str] | None = None, party_name: str | None = None,
                   type_: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Agreement records with their article, latest first; `party_ids`/`party_name` keep those
        binding that party (by entity id, or by the folded text or name of a party), `since`/`until`
        compare the signing date (or, when unknown, the article's publication date). `limit` rows
        after `offset` (all by default); `count_agreements` gives the total."""
        where, params = self._agreement_filters(party_ids, party_name, type_, since, until)
        params.update({"limit": -1 if limit is None else limit, "offset": offset})
        rows = self.db.query(f"""
            select g.*, a.url, a.title as article_title, a.lang, a.published
            from agreements g join articles a on a.id = g.article_id
            where {where}
            order by coalesce(g.date_signed, a.published) desc, g.id limit :limit offset :offset""", params)
        return [{**_agreement_out(row), "url": row["url"], "article_title": row["article_title"],
                 "lang": row["lang"], "published": row["published"]} for row in rows]

    def count_agreements(self, party_ids: list[str] | None = None, party_name: str | None = None,
                         type_: str | None = None, since: str | None = None, until: str | None = None) -> int:
        where, params = self._agreement_filters(party_ids, party_name, type_, since, until)
        return self.db.execute(f"select count(*) from agreements g join articles a on a.id = g.article_id "
                               f"where {where}", params).fetchone()[0]

    @staticmethod
    def _agreement_filters(party_ids: list[str] | None, party_name: str | None, type_: str | None,
                           since: str | None, until: str | None) -> tuple[str, dict[str, Any]]:
        clauses, params = ["a.duplicate_of is null"], {}
        if type_:
            clauses.append("g.type = :type")
            params["type"] = type_
        _date_range("coalesce(g.date_signed, a.published)", since, until, clauses, params)
        if party_ids is not None or party_name:
            ids = list(party_ids or [])
            params.update({f"id{i}": v for i, v in enumerate(ids)})
            folded = index_form(party_name, "e") if party_name else None
            params["folded"] = folded
            marks = ", ".join(f":id{i}" for i in range(len(ids)))
            clauses.append(f"""g.id in (select agreement_id from agreement_parties where
                entity_id in ({marks}) or (:folded is not null and (folded_text = :folded or folded_name = :folded)))""")
        return " and ".join(clauses), params

    def digest(self, since: str, top: int = 10, until: str | None = None,
               min_relevance: float | None = None) -> dict[str, Any]:
        """What arrived since a date (by fetch time, so late-published stories are not missed):
        the new articles, the actors they mention most, and the agreements they report. `until`
        (a date, or a date and time) ends the period, inclusive (see store/digest.py)."""
        from newsmon.store.digest import build_digest
        return build_digest(self, since, until, top, min_relevance)

    def stats(self) -> dict[str, list[dict]]:
        """Original articles per language and source, mentions and entities per label: from the counts."""
        def articles(dimension: str) -> list[dict]:
            return [{dimension: value or None, "articles": n} for value, n in self.db.execute(
                "select value, articles from article_counts where dimension = ? and articles > 0 "
                "order by articles desc, value", [dimension])]
        return {
            "languages": articles("lang"),
            "sources": articles("source"),
            "labels": list(self.db.query(
                "select label, sum(mentions) as mentions, count(nullif(entity_id, '')) as entities "
                "from label_counts where mentions > 0 group by label order by mentions desc")),
        }

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
                "agreements": [_agreement_out(a) for a in self.db.query(
                    "select * from agreements where article_id = ? order by start", [aid])],
            }

    def replace_article(self, article_id: int, article: Article) -> None:
        """Overwrite an article's text, metadata and annotations in place (for reprocessing);
        its id, URL, run and duplicate_of stay as they were."""
        conn = self.db.conn
        with self.transaction():
            old = conn.execute("select title, text from articles where id = ?", [article_id]).fetchone()
            if old is None:
                return
            counts.apply(conn, article_id, -1)
            search.unindex_article(conn, article_id, *old)
            columns = _article_columns(article)
            conn.execute(f"update articles set {', '.join(f'{c} = ?' for c in columns)} where id = ?",
                         [*columns.values(), article_id])
            self.delete_article_annotations(article_id)
            crawl_state.rekey_raw_pages(conn, article_id, old[1], article.doc.text)
            search.index_article(conn, article_id, article.doc.title, article.doc.text)
            self._write_annotations(article_id, article)
            counts.apply(conn, article_id, +1)


_MAX_RANKED = 20_000  # candidates ranked alone before filtering (SQLite allows 32,766 parameters)


def _article_columns(article: Article) -> dict[str, Any]:
    """The article row's columns that come from extraction and NLP (shared by insert and reprocess)."""
    doc = article.doc
    return {
        "lang": article.lang, "lang_prob": round(article.lang_prob, 4), "title": doc.title,
        "author": doc.author, "site_name": doc.site_name, "published": doc.published,
        "published_from": doc.published_from, "text": doc.text,
        "content_hash": content_hash(doc.text),
    }


def _date_range(expr: str, since: str | None, until: str | None, clauses: list[str],
                params: dict[str, Any]) -> None:
    """`expr` within [since, until]. until is compared on the date part, so an until day includes
    that whole day."""
    if since:
        clauses.append(f"{expr} >= :since")
        params["since"] = since
    if until:
        clauses.append(f"substr({expr}, 1, 10) <= :until")
        params["until"] = until


def _filters(lang: str | None, since: str | None, until: str | None,
             source: str | None) -> tuple[str, dict[str, str]]:
    clauses, params = [], {}
    if lang:
        clauses.append("a.lang = :lang")
        params["lang"] = lang
    _date_range("a.published", since, until, clauses, params)
    if source:
        clauses.append("a.source = :source")
        params["source"] = source
    return "".join(f" and {c}" for c in clauses), params


def _agreement_row(article_id: int, agreement: Any) -> dict[str, Any]:
    data = asdict(agreement)
    signed = data.pop("date_signed") or {}
    data["parties"] = json.dumps(data["parties"], ensure_ascii=False)
    return {"article_id": article_id, **data, "date_signed": signed.get("value"),
            "date_precision": signed.get("precision")}


def _agreement_out(row: dict[str, Any]) -> dict[str, Any]:
    keep = ("type", "title", "parties", "date_signed", "place", "status", "sentence", "start", "end")
    out = {k: row[k] for k in keep}
    out["parties"] = json.loads(row["parties"] or "[]")
    out["date_signed"] = ({"value": row["date_signed"], "precision": row["date_precision"]}
                          if row["date_signed"] else None)
    return out
