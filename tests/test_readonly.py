"""A read-only database can be read by every query command and by `serve` (issue 10, item 9).

The database is left in rollback-journal mode and made read-only (0444): a command that wrote
(the schema version in `meta`) or switched the journal to WAL would change the file's bytes or
create a -wal file, even when the tests run as root, for whom 0444 stops nothing.
"""
import hashlib
import json
import os
import sqlite3
import stat
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from test_schema import v1_database  # noqa: E402
from test_store import make_article  # noqa: E402

from newsmon.cli.main import cli  # noqa: E402
from newsmon.store.articles import SCHEMA_VERSION, Store, StoreError  # noqa: E402
from newsmon.web.server import make_server  # noqa: E402

QUERIES = [["search", "ASAN"], ["entities"], ["entity", "sapssi"], ["stats"], ["runs"],
           ["agreements"], ["digest", "--since", "2000-01-01"], ["export", "--format", "jsonl"]]


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def readonly_db(tmp_path):
    path = tmp_path / "ro.db"
    store = Store(path)
    store.save_article(make_article())
    store.db.execute("PRAGMA journal_mode=DELETE")
    store.close()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield path
    path.chmod(0o644)


@pytest.mark.parametrize("args", QUERIES, ids=lambda a: a[0])
def test_every_query_command_reads_a_read_only_file_and_writes_nothing(readonly_db, args):
    before = digest(readonly_db)
    result = CliRunner().invoke(cli, ["--db", str(readonly_db), *args])
    assert result.exit_code == 0, result.output
    assert digest(readonly_db) == before
    assert not os.path.exists(f"{readonly_db}-wal")
    conn = sqlite3.connect(readonly_db)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_serve_reads_a_read_only_file(readonly_db):
    before = digest(readonly_db)
    httpd = make_server(readonly_db, "127.0.0.1", 0, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with urllib.request.urlopen(f"{httpd.url}search?q=ASAN&format=json", timeout=10) as response:
            assert [row["url"] for row in json.load(response)] == ["http://x.test/a"]
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert digest(readonly_db) == before


def test_a_read_only_store_refuses_writes(readonly_db):
    store = Store(readonly_db, readonly=True)
    assert store.search("ASAN")[0]["url"] == "http://x.test/a"
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.start_run("crawl")


def test_an_older_schema_on_a_read_only_file_is_a_one_line_error(tmp_path, monkeypatch):
    path = v1_database(tmp_path)
    path.chmod(0o444)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as for anyone but root
    with pytest.raises(StoreError, match="version 1 is older than this newsmon .* make it writable once"):
        Store(path, readonly=True)


def test_an_older_schema_on_a_writable_file_is_upgraded_when_first_read(tmp_path):
    path = v1_database(tmp_path)
    store = Store(path, readonly=True)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.search("Ulvi", lang="en")[0]["url"] == "http://x.test/b"
