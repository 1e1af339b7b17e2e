"""Schema versions and migrations (issue 10: the version in PRAGMA user_version, numbered migrations).

`data/newsmon-v1.db.gz` is a database written by newsmon before migrations existed (commit d81bd94's Store: two articles with annotations, a run, frontier rows, cached
validators, a robots.txt body, a raw page, a fingerprint, a discovered homepage). It is upgraded here
the way a user's database is: by opening it.
"""
import gzip
import sqlite3
from pathlib import Path

import pytest

from newsmon.store import schema
from newsmon.store.articles import SCHEMA_VERSION, Store, StoreError

V1_DATABASE = Path(__file__).parent / "data" / "newsmon-v1.db.gz"


def v1_database(tmp_path: Path) -> Path:
    path = tmp_path / "v1.db"
    path.write_bytes(gzip.decompress(V1_DATABASE.read_bytes()))
    return path


def test_a_database_made_before_migrations_is_upgraded_and_keeps_everything(tmp_path):
    path = v1_database(tmp_path)
    before = sqlite3.connect(path)
    assert before.execute("pragma user_version").fetchone()[0] == 0
    counts = {t: before.execute(f"select count(*) from {t}").fetchone()[0] for t in
              ("articles", "mentions", "dates", "agreements", "frontier", "http_cache", "raw_pages")}
    before.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.db.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("select value from meta where key = 'schema_version'").fetchone()[0] == \
        str(SCHEMA_VERSION)
    for table, count in counts.items():
        assert store.db.execute(f"select count(*) from {table}").fetchone()[0] == count, table
    # the queries and the crawler's bookkeeping work on the upgraded file
    assert [r["url"] for r in store.search("Ulvi", lang="en")] == ["http://x.test/b"]
    assert store.entity("sapssi")["articles"][0]["url"] == "http://x.test/a"
    assert store.cache_entry("http://x.test/robots.txt").body.startswith(b"User-agent")
    assert [r["url"] for r in store.pending_links(["test"], 3)] == ["http://x.test/c"]
    # version 2 links each kept response to its article: reprocess still finds the old ones
    assert [(p["url"], p["article_url"]) for p in store.raw_pages()] == [("http://x.test/a", "http://x.test/a")]
    store.close()
    assert Store(path).schema_version() == SCHEMA_VERSION  # opening again changes nothing


def test_a_new_database_has_the_same_tables_as_an_upgraded_one(tmp_path):
    def tables(path):
        conn = sqlite3.connect(path)
        rows = conn.execute("select type, name from sqlite_master where name not like 'sqlite_%' "
                            "order by type, name").fetchall()
        conn.close()
        return rows
    Store(tmp_path / "new.db").close()
    upgraded = v1_database(tmp_path)
    Store(upgraded).close()
    assert tables(tmp_path / "new.db") == tables(upgraded)


def test_each_migration_runs_once_in_its_own_transaction(tmp_path):
    path = tmp_path / "n.db"
    conn = sqlite3.connect(path)
    assert schema.migrate(conn, str(path)) == 0
    assert schema.migrate(conn, str(path)) == SCHEMA_VERSION
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_failing_migration_leaves_the_version_before_it(tmp_path, monkeypatch):
    path = tmp_path / "n.db"
    conn = sqlite3.connect(path)
    schema.migrate(conn, str(path))

    def broken(conn):
        conn.execute("create table half_done (x)")
        raise sqlite3.OperationalError("disk full")
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, broken])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(conn, str(path))
    assert conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("select 1 from sqlite_master where name = 'half_done'").fetchone() is None


def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "n.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this newsmon"):
        Store(path)


@pytest.mark.parametrize("value", ["2.0", "two", ""])
def test_a_meta_version_newsmon_never_wrote_is_a_one_line_error(tmp_path, value):
    path = tmp_path / "n.db"
    conn = sqlite3.connect(path)
    conn.execute("create table meta (key text primary key, value text)")
    conn.execute("insert into meta values ('schema_version', ?)", [value])
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"n\.db: schema version .* is not one newsmon wrote") as error:
        Store(path)
    assert "\n" not in str(error.value)


def test_migration_3_adds_relevance_labels_and_scores_to_a_version_1_database(tmp_path):
    path = v1_database(tmp_path)
    Store(path).close()
    conn = sqlite3.connect(path)
    columns = {t: [r[1] for r in conn.execute(f"pragma table_info({t})")] for t in ("labels", "relevance")}
    assert columns == {"labels": ["article_id", "label", "labelled_by", "labelled_at"],
                       "relevance": ["article_id", "score", "model", "scored_at"]}
    assert conn.execute("select count(*) from relevance").fetchone()[0] == 0  # scores come from a model
    conn.close()


V4_DATABASE = Path(__file__).parent / "data" / "newsmon-v4.db.gz"


def test_migration_5_compresses_kept_responses_against_their_text_and_keeps_every_byte(tmp_path):
    """`data/newsmon-v4.db.gz` was written by the store of schema 4 (main before migration 5): two
    articles whose responses are linked to them, fingerprints, and a response not yet processed."""
    import zlib

    from newsmon.crawl import dedupe
    path = tmp_path / "v4.db"
    path.write_bytes(gzip.decompress(V4_DATABASE.read_bytes()))
    before = sqlite3.connect(path)
    assert before.execute("pragma user_version").fetchone()[0] == 4
    bodies = {url: zlib.decompress(body) for url, body in before.execute("select url, body from raw_pages")}
    sizes = dict(before.execute("select url, length(body) from raw_pages where article_id is not null"))
    texts = dict(before.execute("select url, text from articles"))
    before.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    pages = {p["url"]: p for p in store.raw_pages()}
    assert {url: p["body"] for url, p in pages.items()} == {u: b for u, b in bodies.items() if u in sizes}
    keyed = dict(store.db.execute("select url, length(body) from raw_pages where dict = 1"))
    assert set(keyed) == set(sizes) and all(keyed[u] < sizes[u] for u in sizes)  # smaller than plain zlib
    assert store.raw_response("http://x.test/3")["body"] == bodies["http://x.test/3"]  # unlinked: as it was
    # the fingerprints still find their article (31-bit band keys, bands of the same text)
    signature = dedupe.signature(texts["http://x.test/1"])
    found = [a for a, _ in store.fingerprint_candidates(signature.bands())]
    assert 1 in found
    assert all(v < 2 ** 31 for (v,) in store.db.execute("select value from fingerprint_bands"))
    store.close()


def test_migration_7_keys_mentions_and_dates_by_article_and_shortens_content_hashes(tmp_path):
    """A database of schema 6 (the v4 file brought to 6 by migrations 5 and 6) with a date added:
    every mention, date and entity survives the move to WITHOUT ROWID tables, copies are still
    found by their hash, and new articles are written beside the upgraded rows."""
    from newsmon.model import Article, DateMention, Document, Mention
    from newsmon.store.articles import content_hash
    path = tmp_path / "v4.db"
    path.write_bytes(gzip.decompress(V4_DATABASE.read_bytes()))
    conn = sqlite3.connect(path)
    for version in (4, 5):
        conn.execute("BEGIN")
        schema.MIGRATIONS[version](conn)
        conn.execute(f"pragma user_version = {version + 1}")
        conn.execute("COMMIT")
    conn.execute("insert into dates (article_id, text, value, precision, start, \"end\", inferred) "
                 "values (1, 'today', '2026-11-30', 'day', 0, 5, 0)")
    conn.commit()
    mentions = sorted(conn.execute('select id, article_id, entity_id, text, label, start, "end", lang from mentions'))
    dates = sorted(conn.execute("select id, article_id, text, value from dates"))
    entities = sorted(conn.execute("select id, name, label from entities"))
    text = conn.execute("select text from articles where id = 1").fetchone()[0]
    assert len(conn.execute("select content_hash from articles where id = 1").fetchone()[0]) == 64
    conn.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    db = store.db
    assert sorted(db.execute('select id, article_id, entity_id, text, label, start, "end", lang from mentions')) == mentions
    assert sorted(db.execute("select id, article_id, text, value from dates")) == dates
    assert sorted(db.execute("select id, name, label from entities")) == entities
    assert store.article_id_by_hash(content_hash(text)) == 1
    assert db.execute("select count(*) from sqlite_master where name = 'idx_articles_lang'").fetchone()[0] == 0
    for table in ("mentions", "dates", "entities"):
        assert "WITHOUT ROWID" in db.execute("select sql from sqlite_master where name = ?", [table]).fetchone()[0]
    new = Article(doc=Document(url="http://x.test/new", source="test", title="T", text="Ulvi came today."),
                  lang="en", lang_prob=1.0,
                  mentions=[Mention("Ulvi", "PERSON", 0, 4, "en", entities[0][0], entities[0][1]),
                            Mention("Ulvi", "PERSON", 0, 4, "en")],
                  dates=[DateMention("today", "2026-11-30", "day", 10, 15)])
    article_id = store.save_article(new)
    assert [r[0] for r in db.execute("select id from mentions where article_id = ? order by id", [article_id])] == [0, 1]
    exported = next(store.export(ids=[article_id]))
    assert [e["text"] for e in exported["entities"]] == ["Ulvi", "Ulvi"] and len(exported["dates"]) == 1
    store.close()


def _database_at(path, version: int) -> sqlite3.Connection:
    """A new database built by migrations 0 .. version-1 only, as an older newsmon left it (autocommit)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in range(version):
        conn.execute("BEGIN")
        schema.MIGRATIONS[step](conn)
        conn.execute(f"pragma user_version = {step + 1}")
        conn.execute("COMMIT")
    return conn


def test_migration_8_fills_the_party_rows_sort_key_type_and_original_flag(tmp_path):
    """A schema-7 database (made by migrations 0-6) with three agreements binding KOICA, one of
    them in a copy: after the upgrade `agreements --party` pages them from the index, latest
    first, without the copy's, and counts them the same way."""
    path = tmp_path / "v7.db"
    conn = _database_at(path, 7)
    conn.execute("BEGIN")
    for i, (published, signed, duplicate_of) in enumerate(
            [("2025-01-05", None, None), ("2025-03-01", "2024-12-01", None), ("2025-02-01", None, 1)], 1):
        conn.execute("insert into articles (id, url, text, published, duplicate_of) values (?, ?, 't', ?, ?)",
                     [i, f"http://x.test/{i}", published, duplicate_of])
        conn.execute("insert into agreements (id, article_id, type, title, parties, date_signed) "
                     "values (?, ?, 'memorandum', 'MoU', '[]', ?)", [i, i, signed])
        conn.execute("insert into agreement_parties values (?, 'koica', 'koica', 'koica')", [i])
    conn.execute("COMMIT")
    conn.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert sorted(store.db.execute("select agreement_id, sort_key, original, type from agreement_parties")) == [
        (1, "2025-01-05", 1, "memorandum"), (2, "2024-12-01", 1, "memorandum"), (3, "2025-02-01", 0, "memorandum")]
    assert [a["article_title"] is None and a["url"] for a in store.agreements(["koica"])] == [
        "http://x.test/1", "http://x.test/2"]
    assert [a["url"] for a in store.agreements(None, "KOICA", limit=1, offset=1)] == ["http://x.test/2"]
    assert store.count_agreements(["koica"], "KOICA") == 2
    assert store.count_agreements(["koica"], type_="agreement") == 0
    assert [a["url"] for a in store.agreements(["koica"], since="2025-01-01")] == ["http://x.test/1"]
    store.close()


def test_migration_9_counts_the_days_of_entities_already_frequent(tmp_path, monkeypatch):
    """A schema-8 database whose entity is in more articles than counts.DAYS_KEPT_FROM: the upgrade
    counts its mentions per day from its timeline rows, and its chart reads the same from them."""
    from newsmon.store import analytics, counts
    monkeypatch.setattr(counts, "DAYS_KEPT_FROM", 2)
    path = tmp_path / "v8.db"
    conn = _database_at(path, 8)
    conn.execute("BEGIN")
    conn.execute("insert into entities values ('koica', 'KOICA', 'ORG'), ('undp', 'UNDP', 'ORG')")
    for i, (published, lang, ids) in enumerate([("2025-01-05", "az", ["koica", "koica", "undp"]),
                                                 ("2025-01-05", "en", ["koica"]), ("", "en", ["koica"])], 1):
        conn.execute("insert into articles (id, url, text, published, fetched_at) values (?, ?, 't', ?, '2025-02-01T10:00:00')",
                     [i, f"http://x.test/{i}", published or None])
        conn.executemany('insert into mentions (article_id, id, entity_id, text, label, start, "end", lang) '
                         "values (?, ?, ?, 'x', 'ORG', 0, 1, ?)", [(i, k, e, lang) for k, e in enumerate(ids)])
    counts.rebuild(conn)
    conn.execute("COMMIT")
    conn.close()
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    db = store.db
    assert sorted(db.execute("select * from entity_days")) == [
        ("koica", "2025-01-05", "az", 2), ("koica", "2025-01-05", "en", 1), ("koica", "2025-02-01", "en", 1)]
    assert dict(db.execute("select entity_id, days_kept from entity_counts")) == {"koica": 1, "undp": 0}
    kept = analytics.entity_timeline(db, "koica")
    with store.transaction():
        db.execute("update entity_counts set days_kept = 0")
    assert analytics.entity_timeline(db, "koica") == kept
    store.close()
