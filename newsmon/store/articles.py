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

import sqlite_utils

from newsmon.store import schema
from newsmon.store.crawl_state import CrawlState, now_iso
from newsmon.store.schema import SCHEMA_VERSION, StoreError
from newsmon.model import Article
from newsmon.store.search import fts_query, index_form, snippet

def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "content_hash"]


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
            self.db = sqlite_utils.Database(self.path)
            self.db.execute("PRAGMA busy_timeout=5000")  # first, so a concurrent reader cannot fail the next step
            self.db.execute("PRAGMA journal_mode=WAL")
            self._create_schema()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from None

    def _open_readonly(self) -> sqlite_utils.Database:
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
        return sqlite_utils.Database(conn)

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
        """Write an article and its annotations in one transaction; returns the article id."""
        doc = article.doc
        with self.transaction():
            article_id = self.db["articles"].insert({
                "url": doc.url, "source": doc.source, **_article_columns(article),
                "fetched_at": now_iso(), "run_id": run_id, "duplicate_of": duplicate_of}).last_pk
            self._write_annotations(article_id, article)
        return int(article_id)

    def _write_annotations(self, article_id: int, article: Article) -> None:
        """Segments, entities, mentions, dates and agreements of one article (inside its transaction)."""
        self.db["segments"].insert_all(
            [{"article_id": article_id, **asdict(s)} for s in article.segments])
        for m in article.mentions:
            if m.canonical_id:
                self.db["entities"].insert({"id": m.canonical_id, "name": m.canonical_name or m.text,
                                            "label": m.label}, ignore=True)
                self.db["entity_names"].insert({"entity_id": m.canonical_id, "name": m.text,
                                                "lang": m.lang, "folded": index_form(m.text, "e")},
                                               ignore=True)
        self.db["mentions"].insert_all([
            {"article_id": article_id, "entity_id": m.canonical_id, "text": m.text,
             "label": m.label, "start": m.start, "end": m.end, "lang": m.lang}
            for m in article.mentions])
        self.db["dates"].insert_all([
            {"article_id": article_id, **asdict(d), "inferred": int(d.inferred)} for d in article.dates])
        self.db["agreements"].insert_all([_agreement_row(article_id, a) for a in article.agreements])
        if article.relevance is not None:  # scored by the pipeline's relevance model
            self.db["relevance"].upsert({"article_id": article_id, "score": round(article.relevance, 4),
                                         "model": "pipeline", "scored_at": now_iso()}, pk="article_id")

    def delete_article_annotations(self, article_id: int) -> None:
        """Inside the transaction of whoever rewrites them."""
        for table in ("segments", "mentions", "dates", "agreements"):
            self.db.execute(f"delete from {table} where article_id = ?", [article_id])

    # -- reading ------------------------------------------------------------------------------
    def search(self, query: str, lang: str | None = None, since: str | None = None,
               until: str | None = None, source: str | None = None, limit: int = 20,
               marks: tuple[str, str] = ("[", "]"), min_relevance: float | None = None,
               sort: str = "rank") -> list[dict]:
        """Articles matching `query`, best first (`sort="relevance"`: most relevant to the beat first),
        each with its relevance score and a snippet whose matches are between `marks`."""
        where, params = _filters(lang, since, until, source)
        if min_relevance is not None:
            where += " and r.score >= :min_relevance"
            params["min_relevance"] = min_relevance
        order = "coalesce(r.score, -1) desc, articles_fts.rank" if sort == "relevance" else "articles_fts.rank"
        sql = f"""
            select a.id, a.title, a.url, a.source, a.lang, a.published, r.score as relevance, a.text
            from articles_fts join articles a on a.rowid = articles_fts.rowid
            left join relevance r on r.article_id = a.id
            where articles_fts match :q and a.duplicate_of is null {where}
            order by {order} limit :limit"""
        rows = list(self.db.query(sql, {"q": fts_query(query), "limit": limit, **params}))
        for row in rows:
            row["snippet"] = snippet(row.pop("text"), query, marks=marks)
        return rows

    def top_entities(self, label: str | None = None, lang: str | None = None,
                     top: int = 20) -> list[dict]:
        clauses, params = ["a.duplicate_of is null"], {"top": top}
        if label:
            clauses.append("e.label = :label")
            params["label"] = label.upper()
        if lang:
            clauses.append("m.lang = :lang")
            params["lang"] = lang
        sql = f"""
            select e.id, e.name, e.label, count(*) as mentions, count(distinct m.article_id) as articles
            from mentions m join entities e on e.id = m.entity_id join articles a on a.id = m.article_id
            where {' and '.join(clauses)}
            group by e.id order by mentions desc, articles desc, e.name limit :top"""
        return list(self.db.query(sql, params))

    def find_entity_ids(self, name: str) -> list[str]:
        """Entity ids whose id, canonical name or any surface name matches `name` (folded)."""
        folded = index_form(name, "e")
        rows = self.db.execute("""
            select id from entities where id = :name or lower(name) = lower(:name)
            union select entity_id from entity_names where folded = :folded
            """, {"name": name, "folded": folded}).fetchall()
        return [r[0] for r in rows]

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        row = self.db.execute("select id, name, label from entities where id = ?", [entity_id]).fetchone()
        if row is None:
            return None
        names: dict[str, list[str]] = {}
        for name, lang in self.db.execute(
                "select name, lang from entity_names where entity_id = ? order by lang, name",
                [entity_id]):
            names.setdefault(lang, []).append(name)
        articles = list(self.db.query("""
            select a.id, a.url, a.title, a.lang, a.published, a.source, count(*) as mentions
            from mentions m join articles a on a.id = m.article_id
            where m.entity_id = ? and a.duplicate_of is null
            group by a.id order by a.published desc, a.id""", [entity_id]))
        return {"id": row[0], "name": row[1], "label": row[2], "names": names,
                "mentions": sum(a["mentions"] for a in articles), "articles": articles}

    def agreements(self, party_ids: list[str] | None = None, party_name: str | None = None,
                   type_: str | None = None, since: str | None = None,
                   until: str | None = None) -> list[dict[str, Any]]:
        """Agreement records with their article; `party_ids`/`party_name` keep those binding that party,
        `since`/`until` compare the signing date (or, when unknown, the article's publication date)."""
        clauses, params = ["a.duplicate_of is null"], {}
        if type_:
            clauses.append("g.type = :type")
            params["type"] = type_
        if since:
            clauses.append("coalesce(g.date_signed, a.published) >= :since")
            params["since"] = since
        if until:  # on the date part, so an until day includes that whole day
            clauses.append("substr(coalesce(g.date_signed, a.published), 1, 10) <= :until")
            params["until"] = until
        rows = self.db.query(f"""
            select g.*, a.url, a.title as article_title, a.lang, a.published
            from agreements g join articles a on a.id = g.article_id
            where {' and '.join(clauses)}
            order by coalesce(g.date_signed, a.published) desc, g.id""", params)
        out = []
        folded = index_form(party_name, "e") if party_name else None
        for row in rows:
            record = {**_agreement_out(row), "url": row["url"], "article_title": row["article_title"],
                      "lang": row["lang"], "published": row["published"]}
            if party_ids is not None or folded:
                ids = {p.get("canonical_id") for p in record["parties"]}
                names = {index_form(f"{p.get('text', '')}", "e") for p in record["parties"]} | {
                    index_form(f"{p.get('name', '')}", "e") for p in record["parties"]}
                if not (ids & set(party_ids or []) or (folded and folded in names)):
                    continue
            out.append(record)
        return out

    def digest(self, since: str, top: int = 10, until: str | None = None,
               min_relevance: float | None = None) -> dict[str, Any]:
        """What arrived since a date (by fetch time, so late-published stories are not missed):
        the new articles, the actors they mention most, and the agreements they report. `until`
        (a date, or a date and time) ends the period, inclusive (see store/digest.py)."""
        from newsmon.store.digest import build_digest
        return build_digest(self, since, until, top, min_relevance)

    def stats(self) -> dict[str, list[dict]]:
        return {
            "languages": list(self.db.query(
                "select lang, count(*) as articles from articles where duplicate_of is null "
                "group by lang order by articles desc")),
            "sources": list(self.db.query(
                "select source, count(*) as articles from articles where duplicate_of is null "
                "group by source order by articles desc")),
            "labels": list(self.db.query(
                "select m.label, count(*) as mentions, count(distinct m.entity_id) as entities "
                "from mentions m join articles a on a.id = m.article_id where a.duplicate_of is null "
                "group by m.label order by mentions desc")),
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
        with self.transaction():
            self.db["articles"].update(article_id, _article_columns(article))
            self.delete_article_annotations(article_id)
            self._write_annotations(article_id, article)



def _article_columns(article: Article) -> dict[str, Any]:
    """The article row's columns that come from extraction and NLP (shared by insert and reprocess)."""
    doc = article.doc
    return {
        "lang": article.lang, "lang_prob": round(article.lang_prob, 4), "title": doc.title,
        "author": doc.author, "site_name": doc.site_name, "published": doc.published,
        "published_from": doc.published_from, "text": doc.text,
        "fold_e": index_form(f"{doc.title}\n{doc.text}", "e"),
        "fold_a": index_form(f"{doc.title}\n{doc.text}", "a"),
        "content_hash": content_hash(doc.text),
    }


def _filters(lang: str | None, since: str | None, until: str | None,
             source: str | None) -> tuple[str, dict[str, str]]:
    clauses, params = [], {}
    if lang:
        clauses.append("a.lang = :lang")
        params["lang"] = lang
    if since:
        clauses.append("a.published >= :since")
        params["since"] = since
    if until:
        # compare on the date part so --until 2025-09-10 includes that whole day
        clauses.append("substr(a.published, 1, 10) <= :until")
        params["until"] = until
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
