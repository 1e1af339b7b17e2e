"""The database schema as numbered migrations; its version is SQLite's `PRAGMA user_version`.

`MIGRATIONS[n]` takes a database from version n to n + 1, in one transaction with the version
bump, so a migration interrupted at any point leaves the database at the version before it. A
migration, once merged, is never edited: a later change is a new migration at the end of the list
(`_script("ALTER TABLE ...; CREATE INDEX ...")`, or a function of the connection for data work;
no sqlite-utils call inside one, as they commit on their own), with a test that upgrades a
database of the version before (tests/test_schema.py).

Version 1 is the schema newsmon had before migrations, when the version lived only in the `meta`
table ("schema_version" = "1", user_version 0); such a database is recognised and carried on from
there. `meta` still gets the version, so a newsmon from before migrations refuses a newer database.
"""
from __future__ import annotations

import sqlite3
import struct
import zlib
from collections.abc import Callable

# -- version 1: articles and their annotations, then the crawler's bookkeeping -------------------
_V1 = """
CREATE TABLE IF NOT EXISTS "meta" ("key" TEXT PRIMARY KEY, "value" TEXT);
CREATE TABLE IF NOT EXISTS "articles" (
   "id" INTEGER PRIMARY KEY, "url" TEXT NOT NULL, "source" TEXT, "lang" TEXT, "lang_prob" REAL,
   "title" TEXT, "author" TEXT, "site_name" TEXT, "published" TEXT, "published_from" TEXT,
   "text" TEXT NOT NULL, "fold_e" TEXT, "fold_a" TEXT, "content_hash" TEXT, "fetched_at" TEXT,
   "run_id" INTEGER, "duplicate_of" INTEGER);
CREATE TABLE IF NOT EXISTS "segments" (
   "article_id" INTEGER, "start" INTEGER, "end" INTEGER, "lang" TEXT, "prob" REAL);
CREATE TABLE IF NOT EXISTS "entities" ("id" TEXT PRIMARY KEY, "name" TEXT, "label" TEXT);
CREATE TABLE IF NOT EXISTS "entity_names" (
   "entity_id" TEXT, "name" TEXT, "lang" TEXT, "folded" TEXT,
   PRIMARY KEY ("entity_id", "name", "lang"));
CREATE TABLE IF NOT EXISTS "mentions" (
   "id" INTEGER PRIMARY KEY, "article_id" INTEGER, "entity_id" TEXT, "text" TEXT, "label" TEXT,
   "start" INTEGER, "end" INTEGER, "lang" TEXT);
CREATE TABLE IF NOT EXISTS "dates" (
   "id" INTEGER PRIMARY KEY, "article_id" INTEGER, "text" TEXT, "value" TEXT, "precision" TEXT,
   "start" INTEGER, "end" INTEGER, "inferred" INTEGER);
CREATE TABLE IF NOT EXISTS "agreements" (
   "id" INTEGER PRIMARY KEY, "article_id" INTEGER, "type" TEXT, "title" TEXT, "parties" TEXT,
   "date_signed" TEXT, "date_precision" TEXT, "place" TEXT, "status" TEXT, "sentence" TEXT,
   "start" INTEGER, "end" INTEGER);
-- One row per crawl (or reprocess) run, updated as it goes: `newsmon runs`.
CREATE TABLE IF NOT EXISTS "crawl_runs" (
   "id" INTEGER PRIMARY KEY, "started" TEXT, "finished" TEXT, "command" TEXT, "sources" TEXT,
   "discovered" INTEGER, "fetched" INTEGER, "new" INTEGER, "duplicates" INTEGER, "errors" INTEGER,
   "skipped_robots" INTEGER, "skipped_known" INTEGER, "status" TEXT);
-- URLs discovered and not yet settled: a killed crawl resumes from here.
CREATE TABLE IF NOT EXISTS "frontier" (
   "url" TEXT PRIMARY KEY, "source" TEXT, "published" TEXT, "title" TEXT, "via" TEXT,
   "state" TEXT, "attempts" INTEGER, "error" TEXT, "discovered" TEXT, "updated" TEXT);
-- Validators for conditional GET of feeds, sitemaps and robots.txt; `children` are the nested
-- sitemaps of an index, still visited when the index itself answers 304.
CREATE TABLE IF NOT EXISTS "http_cache" (
   "url" TEXT PRIMARY KEY, "etag" TEXT, "last_modified" TEXT, "children" TEXT, "body" BLOB,
   "checked" TEXT);
-- The response each article was extracted from, zlib-compressed, for `newsmon reprocess`.
CREATE TABLE IF NOT EXISTS "raw_pages" (
   "url" TEXT PRIMARY KEY, "final_url" TEXT, "source" TEXT, "status" INTEGER,
   "content_type" TEXT, "headers" TEXT, "body" BLOB, "listing_published" TEXT, "fetched_at" TEXT);
-- MinHash signature per article, and its LSH band values for near-duplicate lookup.
CREATE TABLE IF NOT EXISTS "fingerprints" ("article_id" INTEGER PRIMARY KEY, "signature" BLOB);
CREATE TABLE IF NOT EXISTS "fingerprint_bands" ("value" INTEGER, "article_id" INTEGER);
-- Feeds and sitemaps found for sources given only by `home`.
CREATE TABLE IF NOT EXISTS "home_discovery" (
   "source" TEXT PRIMARY KEY, "home" TEXT, "feeds" TEXT, "sitemaps" TEXT, "discovered" TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS "idx_articles_url" ON "articles" ("url");
CREATE INDEX IF NOT EXISTS "idx_articles_content_hash" ON "articles" ("content_hash");
CREATE INDEX IF NOT EXISTS "idx_articles_published" ON "articles" ("published");
CREATE INDEX IF NOT EXISTS "idx_articles_source" ON "articles" ("source");
CREATE INDEX IF NOT EXISTS "idx_articles_lang" ON "articles" ("lang");
CREATE INDEX IF NOT EXISTS "idx_segments_article_id" ON "segments" ("article_id");
CREATE INDEX IF NOT EXISTS "idx_entity_names_folded" ON "entity_names" ("folded");
CREATE INDEX IF NOT EXISTS "idx_mentions_article_id" ON "mentions" ("article_id");
CREATE INDEX IF NOT EXISTS "idx_mentions_entity_id" ON "mentions" ("entity_id");
CREATE INDEX IF NOT EXISTS "idx_dates_article_id" ON "dates" ("article_id");
CREATE INDEX IF NOT EXISTS "idx_agreements_article_id" ON "agreements" ("article_id");
CREATE INDEX IF NOT EXISTS "idx_frontier_state_source" ON "frontier" ("state", "source");
CREATE INDEX IF NOT EXISTS "idx_fingerprint_bands_value" ON "fingerprint_bands" ("value");
CREATE INDEX IF NOT EXISTS "idx_fingerprint_bands_article_id" ON "fingerprint_bands" ("article_id");
-- Folded copies of title + text (newsmon.text): `Aliyev` finds "Əliyev".
CREATE VIRTUAL TABLE IF NOT EXISTS "articles_fts" USING FTS5 (
    "fold_e", "fold_a", tokenize='unicode61 remove_diacritics 2', content="articles");
CREATE TRIGGER IF NOT EXISTS "articles_ai" AFTER INSERT ON "articles" BEGIN
  INSERT INTO "articles_fts" (rowid, "fold_e", "fold_a") VALUES (new.rowid, new."fold_e", new."fold_a");
END;
CREATE TRIGGER IF NOT EXISTS "articles_ad" AFTER DELETE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "fold_e", "fold_a")
  VALUES('delete', old.rowid, old."fold_e", old."fold_a");
END;
CREATE TRIGGER IF NOT EXISTS "articles_au" AFTER UPDATE ON "articles" BEGIN
  INSERT INTO "articles_fts" ("articles_fts", rowid, "fold_e", "fold_a")
  VALUES('delete', old.rowid, old."fold_e", old."fold_a");
  INSERT INTO "articles_fts" (rowid, "fold_e", "fold_a") VALUES (new.rowid, new."fold_e", new."fold_a");
END;
"""


def _script(sql: str) -> Callable[[sqlite3.Connection], None]:
    """A migration made of SQL statements (run one by one: executescript would commit)."""
    def run(conn: sqlite3.Connection) -> None:
        for statement in _statements(sql):
            conn.execute(statement)
    return run


def _statements(sql: str) -> list[str]:
    """Split on the `;` that ends a statement (complete_statement keeps trigger bodies whole)."""
    out, current = [], ""
    for line in sql.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not current.strip():
            continue
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out


# -- version 2: a response is kept as soon as it arrives, under the URL it was fetched for, and
# linked to its article once there is one (the article's URL may be its rel=canonical)
_V2 = """
ALTER TABLE "raw_pages" ADD COLUMN "article_id" INTEGER;
UPDATE "raw_pages" SET "article_id" = (SELECT "id" FROM "articles" a WHERE a."url" = "raw_pages"."url");
CREATE INDEX IF NOT EXISTS "idx_raw_pages_article_id" ON "raw_pages" ("article_id");
"""

# -- version 3: relevance to the beat: analysts' labels and the model's scores, one row per article --
_V3 = """
CREATE TABLE IF NOT EXISTS "labels" (
   "article_id" INTEGER PRIMARY KEY, "label" TEXT, "labelled_by" TEXT, "labelled_at" TEXT);
CREATE TABLE IF NOT EXISTS "relevance" (
   "article_id" INTEGER PRIMARY KEY, "score" REAL, "model" TEXT, "scored_at" TEXT);
CREATE INDEX IF NOT EXISTS "idx_relevance_score" ON "relevance" ("score");
"""

# -- version 4: a store that stays fast and small at a million articles (issue 13) -------------
# - The full-text index is contentless: the two folded copies of every text that fed it (a quarter
#   of the file) are gone; the store indexes the folded forms it computes (`search.index_forms`) and
#   deletes with the same forms, and rebuilds the index when folding changes (`fts_folding` in meta).
#   The "a" copy is indexed only when it differs from the "e" copy (text with ə).
# - Counts kept as articles are written (originals only), so listings and aggregates read a few
#   rows: per entity, per entity and mention language, per mention label and entity, per article
#   language and source; `entity_timeline` lists an entity's articles newest first from an index.
# - Agreement parties in their own table, indexed by entity id and folded name.
# - fetched_at indexed (digest); fingerprint bands one b-tree (WITHOUT ROWID) instead of a table
#   and two indexes, each fingerprint keeping its band values to delete them by key; mentions no
#   longer indexed by entity (entity_timeline serves that).
_V4 = """
CREATE TABLE "entity_counts" (
   "entity_id" TEXT PRIMARY KEY, "mentions" INTEGER NOT NULL, "articles" INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE "entity_lang_counts" (
   "lang" TEXT NOT NULL, "entity_id" TEXT NOT NULL, "mentions" INTEGER NOT NULL, "articles" INTEGER NOT NULL,
   PRIMARY KEY ("lang", "entity_id")) WITHOUT ROWID;
-- `entities`: the most mentioned read from an index, not sorted from every entity
CREATE INDEX "idx_entity_counts_rank" ON "entity_counts" ("mentions" DESC, "articles" DESC);
CREATE INDEX "idx_entity_lang_counts_rank" ON "entity_lang_counts" ("lang", "mentions" DESC, "articles" DESC);
CREATE TABLE "label_counts" (
   "label" TEXT NOT NULL, "entity_id" TEXT NOT NULL, "mentions" INTEGER NOT NULL,
   PRIMARY KEY ("label", "entity_id")) WITHOUT ROWID;
CREATE TABLE "article_counts" (
   "dimension" TEXT NOT NULL, "value" TEXT NOT NULL, "articles" INTEGER NOT NULL,
   PRIMARY KEY ("dimension", "value")) WITHOUT ROWID;
CREATE TABLE "entity_timeline" (
   "entity_id" TEXT NOT NULL, "published" TEXT NOT NULL, "article_id" INTEGER NOT NULL,
   "mentions" INTEGER NOT NULL,
   PRIMARY KEY ("entity_id", "published" DESC, "article_id")) WITHOUT ROWID;
CREATE TABLE "agreement_parties" (
   "agreement_id" INTEGER NOT NULL, "entity_id" TEXT, "folded_text" TEXT, "folded_name" TEXT);
CREATE INDEX "idx_agreement_parties_entity_id" ON "agreement_parties" ("entity_id");
CREATE INDEX "idx_agreement_parties_folded_text" ON "agreement_parties" ("folded_text");
CREATE INDEX "idx_agreement_parties_folded_name" ON "agreement_parties" ("folded_name");
CREATE INDEX "idx_agreement_parties_agreement_id" ON "agreement_parties" ("agreement_id");
CREATE INDEX "idx_articles_fetched_at" ON "articles" ("fetched_at");
DROP INDEX "idx_mentions_entity_id";
CREATE TABLE "fingerprint_bands_v2" (
   "value" INTEGER NOT NULL, "article_id" INTEGER NOT NULL, PRIMARY KEY ("value", "article_id")) WITHOUT ROWID;
INSERT OR IGNORE INTO "fingerprint_bands_v2" SELECT "value", "article_id" FROM "fingerprint_bands";
DROP TABLE "fingerprint_bands";
ALTER TABLE "fingerprint_bands_v2" RENAME TO "fingerprint_bands";
ALTER TABLE "fingerprints" ADD COLUMN "bands" BLOB;
DROP TRIGGER "articles_ai";
DROP TRIGGER "articles_ad";
DROP TRIGGER "articles_au";
DROP TABLE "articles_fts";
ALTER TABLE "articles" DROP COLUMN "fold_e";
ALTER TABLE "articles" DROP COLUMN "fold_a";
CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (
    "fold_e", "fold_a", tokenize='unicode61 remove_diacritics 2', content='');
"""


def _v4(conn: sqlite3.Connection) -> None:
    _script(_V4)(conn)
    from newsmon.store import counts, search  # the folding and counting code the store writes with
    search.rebuild_index(conn)
    counts.rebuild(conn)
    by_article: dict[int, list[int]] = {}
    for value, article_id in conn.execute("select value, article_id from fingerprint_bands"):
        by_article.setdefault(article_id, []).append(value)
    conn.executemany("update fingerprints set bands = ? where article_id = ?",
                     [(struct.pack(f"<{len(v)}q", *v), a) for a, v in by_article.items()])
    counts.rebuild_agreement_parties(conn)


# -- version 5: half the bytes of the store before issue 13 ---------------------------------------
# - A kept response linked to its article is compressed with the article's text as zlib's preset
#   dictionary (`dict` = 1): the page repeats the text, so only the markup around it is stored
#   (codecs.compress_raw); a third of plain zlib's bytes on news pages.
# - Band values of near-duplicate fingerprints as 31-bit keys (4 bytes instead of 8, in the b-tree
#   and in each fingerprint's list): a collision only adds a candidate that the signature comparison
#   then rejects.
_V5 = """
ALTER TABLE "raw_pages" ADD COLUMN "dict" INTEGER NOT NULL DEFAULT 0;
CREATE TABLE "fingerprint_bands_v5" (
   "value" INTEGER NOT NULL, "article_id" INTEGER NOT NULL, PRIMARY KEY ("value", "article_id")) WITHOUT ROWID;
INSERT OR IGNORE INTO "fingerprint_bands_v5" SELECT "value" & 2147483647, "article_id" FROM "fingerprint_bands";
DROP TABLE "fingerprint_bands";
ALTER TABLE "fingerprint_bands_v5" RENAME TO "fingerprint_bands";
"""


def _v5(conn: sqlite3.Connection) -> None:
    _script(_V5)(conn)
    from newsmon.store import codecs  # the encodings the store writes with
    rows = conn.execute("select article_id, bands from fingerprints where bands is not null")
    while batch := rows.fetchmany(1000):
        conn.executemany("update fingerprints set bands = ? where article_id = ?",
                         [(codecs.pack_bands(struct.unpack(f"<{len(b) // 8}q", b)), a) for a, b in batch])
    last = ""
    while True:  # linked responses, a page at a time (bodies are large)
        batch = conn.execute("""select r.url, r.body, a.text from raw_pages r join articles a on a.id = r.article_id
            where r.url > ? and r.dict = 0 order by r.url limit 500""", [last]).fetchall()
        if not batch:
            return
        conn.executemany("update raw_pages set body = ?, dict = 1 where url = ?",
                         [(codecs.compress_raw(zlib.decompress(body), text), url) for url, body, text in batch])
        last = batch[-1][0]


# -- version 6: entity_timeline rows carry the language of most of the entity's mentions in the
# article, so an entity's chart is read from its rows (an index range), never from every one of its
# mentions (the mentions' entity index went in version 4)
def _v6(conn: sqlite3.Connection) -> None:
    conn.execute("""ALTER TABLE "entity_timeline" ADD COLUMN "lang" TEXT NOT NULL DEFAULT ''""")
    from newsmon.store import counts
    counts.rebuild(conn)


# -- version 7: fewer bytes per article (issue 13: at most half of the store before it) -------------
# - mentions and dates keyed by (article_id, id), WITHOUT ROWID: an article's rows are one range
#   of the table itself, so the article_id index that repeated every key is gone (and an article's
#   rows are written together, at the end of the b-tree). `id` is the row's place in its article
#   (0, 1, ...) for new rows; upgraded rows keep their old ids, unique as they were.
# - entities WITHOUT ROWID: its text key was stored twice (table + index). (entity_names stays a
#   rowid table: its index by folded name would repeat the whole three-column key.)
# - content_hash: the first 16 hex digits of the SHA-256 (64 bits: at 1M articles the chance that
#   two different texts share one is ~3e-8), in the row and in its index: 96 bytes per article.
# - idx_articles_lang dropped: three values; no query reads articles by language through it (the
#   search filters the rows FTS5 finds; `stats` reads article_counts).
# New databases also get 16 KB pages (articles.Store: set before the first table; an existing file
# keeps its page size): rows of 2-5 KB leave less of each page unused (~3% of the file).
_V7 = """
CREATE TABLE "mentions_v7" (
   "article_id" INTEGER NOT NULL, "id" INTEGER NOT NULL, "entity_id" TEXT, "text" TEXT, "label" TEXT,
   "start" INTEGER, "end" INTEGER, "lang" TEXT, PRIMARY KEY ("article_id", "id")) WITHOUT ROWID;
INSERT INTO "mentions_v7" SELECT "article_id", "id", "entity_id", "text", "label", "start", "end", "lang"
   FROM "mentions" WHERE "article_id" IS NOT NULL;
DROP TABLE "mentions";
ALTER TABLE "mentions_v7" RENAME TO "mentions";
CREATE TABLE "dates_v7" (
   "article_id" INTEGER NOT NULL, "id" INTEGER NOT NULL, "text" TEXT, "value" TEXT, "precision" TEXT,
   "start" INTEGER, "end" INTEGER, "inferred" INTEGER, PRIMARY KEY ("article_id", "id")) WITHOUT ROWID;
INSERT INTO "dates_v7" SELECT "article_id", "id", "text", "value", "precision", "start", "end", "inferred"
   FROM "dates" WHERE "article_id" IS NOT NULL;
DROP TABLE "dates";
ALTER TABLE "dates_v7" RENAME TO "dates";
CREATE TABLE "entities_v7" ("id" TEXT PRIMARY KEY, "name" TEXT, "label" TEXT) WITHOUT ROWID;
INSERT INTO "entities_v7" SELECT "id", "name", "label" FROM "entities" WHERE "id" IS NOT NULL;
DROP TABLE "entities";
ALTER TABLE "entities_v7" RENAME TO "entities";
DROP INDEX "idx_articles_lang";
DROP INDEX "idx_articles_content_hash";
UPDATE "articles" SET "content_hash" = substr("content_hash", 1, 16) WHERE length("content_hash") > 16;
CREATE INDEX "idx_articles_content_hash" ON "articles" ("content_hash");
"""

# -- version 8: `agreements --party` from an index: each party row carries its agreement's sort
# key (date signed, else the article's publication date), type and whether its article is an
# original (articles.Store writes them; crawl_state.make_original clears the flag of a demoted
# article), each key indexed with them, so a party's agreements are counted, filtered and paged
# without reading an agreement or article row but the page's
_V8 = """
ALTER TABLE "agreement_parties" ADD COLUMN "sort_key" TEXT;
ALTER TABLE "agreement_parties" ADD COLUMN "original" INTEGER;
ALTER TABLE "agreement_parties" ADD COLUMN "type" TEXT;
UPDATE "agreement_parties" SET ("sort_key", "original", "type") = (
   SELECT coalesce(g."date_signed", a."published"), a."duplicate_of" IS NULL, g."type"
   FROM "agreements" g JOIN "articles" a ON a."id" = g."article_id" WHERE g."id" = "agreement_parties"."agreement_id");
DROP INDEX "idx_agreement_parties_entity_id";
DROP INDEX "idx_agreement_parties_folded_text";
DROP INDEX "idx_agreement_parties_folded_name";
CREATE INDEX "idx_agreement_parties_entity_id" ON "agreement_parties" ("entity_id", "original", "sort_key", "type", "agreement_id");
CREATE INDEX "idx_agreement_parties_folded_text" ON "agreement_parties" ("folded_text", "original", "sort_key", "type", "agreement_id");
CREATE INDEX "idx_agreement_parties_folded_name" ON "agreement_parties" ("folded_name", "original", "sort_key", "type", "agreement_id");
"""

# -- version 9: the timeline chart of a frequent entity from mentions per day kept as articles are
# written (counts.DAYS_KEPT_FROM articles or more: `entity_counts.days_kept`), not from one row per
# article of entity_timeline (the top actor is in most articles: ~0.5 s per chart at a million)
def _v9(conn: sqlite3.Connection) -> None:
    conn.execute("""CREATE TABLE "entity_days" (
        "entity_id" TEXT NOT NULL, "day" TEXT NOT NULL, "lang" TEXT NOT NULL, "mentions" INTEGER NOT NULL,
        PRIMARY KEY ("entity_id", "day", "lang")) WITHOUT ROWID""")
    conn.execute('ALTER TABLE "entity_counts" ADD COLUMN "days_kept" INTEGER NOT NULL DEFAULT 0')
    from newsmon.store import counts
    for (entity_id,) in conn.execute("select entity_id from entity_counts where articles >= ?",
                                     [counts.DAYS_KEPT_FROM]).fetchall():
        counts.count_days_from_timeline(conn, entity_id)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [
    _script(_V1),  # 0 -> 1
    _script(_V2),  # 1 -> 2
    _script(_V3),  # 2 -> 3: labels, relevance
    _v4,  # 3 -> 4: counts, contentless full-text index, compact fingerprint bands
    _v5,  # 4 -> 5: responses compressed against their article's text, 31-bit band keys
    _v6,  # 5 -> 6: entity_timeline's language
    _script(_V7),  # 6 -> 7: mentions, dates, entities WITHOUT ROWID; short content hashes
    _script(_V8),  # 7 -> 8: agreement_parties sorted and filtered from its indexes
    _v9,  # 8 -> 9: mentions per day of frequent entities
]
PAGE_SIZE = 16384  # of a new database (version 7)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(RuntimeError):
    """A database newsmon cannot open or use as it is (the message is one line, naming the file)."""


def version_of(conn: sqlite3.Connection, path: str) -> int:
    """The database's schema version (0 for an empty one)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version:
        return int(version)
    has_meta = conn.execute("select 1 from sqlite_master where type = 'table' and name = 'meta'").fetchone()
    if not has_meta:
        return 0
    row = conn.execute("select value from meta where key = 'schema_version'").fetchone()
    if row is None:
        return 0
    try:
        return int(str(row[0]).strip())
    except ValueError:
        raise StoreError(f"{path}: schema version {row[0]!r} in its meta table is not one newsmon "
                          "wrote; is this a newsmon database?") from None


def check(conn: sqlite3.Connection, path: str) -> int:
    """The version, after refusing a database newer than this newsmon."""
    version = version_of(conn, path)
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: schema version {version} is newer than this newsmon "
                          f"({SCHEMA_VERSION}); upgrade newsmon")
    return version


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database to SCHEMA_VERSION, one transaction per migration; returns the version
    it had. `conn` must not be inside a transaction. Two processes may migrate at once: each
    step re-reads the version under the write lock."""
    start = check(conn, path)
    while True:
        conn.execute("BEGIN IMMEDIATE")  # explicit: DDL does not open a transaction by itself
        try:
            version = check(conn, path)
            if version and not conn.execute("PRAGMA user_version").fetchone()[0]:
                conn.execute(f"PRAGMA user_version = {version}")  # made before migrations: say so
            if version >= SCHEMA_VERSION:
                conn.execute("COMMIT")
                return start
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("insert or replace into meta (key, value) values ('schema_version', ?)",
                         [str(version + 1)])
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
