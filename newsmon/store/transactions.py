"""The store's transactions: one BEGIN IMMEDIATE ... COMMIT per unit of work, savepoints inside a
group of them, and the full-text rows of a transaction written once, just before its COMMIT.

`Transactions` is mixed into `articles.Store` (through `crawl_state.CrawlState`), which provides `db`.
"""
from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from newsmon.store import search

if TYPE_CHECKING:  # the store opens it
    import sqlite_utils


class Transactions:
    """Transaction methods; `db` is the store's database."""

    db: sqlite_utils.Database
    # Full-text rows (rowid, fold_e, fold_a) of the open transaction, written just before its COMMIT;
    # None when no transaction of ours is open (see `transaction`).
    _index_rows: list[tuple[int, str, str]] | None = None

    @contextlib.contextmanager
    def transaction(self, savepoint: bool = False) -> Iterator[None]:
        """One transaction around everything inside: committed at the end, rolled back entirely on
        any exception. Nested calls join the outer one (sqlite-utils calls inside become
        savepoints; on their own each would commit); with `savepoint` a nested call is a savepoint
        of its own, so that an exception undoes only what it wrote (one article in a group of
        them, see crawl.groupcommit). BEGIN IMMEDIATE takes the write lock first, so a
        transaction that reads before it writes cannot fail to upgrade beside another writer.

        Articles' full-text rows are written at the end, just before COMMIT (`index_later`): FTS5
        writes what it holds as a new index segment at every SAVEPOINT, so a group of 32 articles
        saved one savepoint each made 32 segments and merged them again and again (4-5 statements
        of FTS5's own per article); written together they make one. They are committed with the
        articles or not at all, and a savepoint rolled back drops its own."""
        conn = self.db.conn
        if conn.in_transaction:
            if not savepoint:
                yield
                return
            mark = len(self._index_rows) if self._index_rows is not None else 0
            conn.execute("SAVEPOINT unit")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK TO unit")
                    conn.execute("RELEASE unit")
                if self._index_rows is not None:
                    del self._index_rows[mark:]
                raise
            conn.execute("RELEASE unit")
            return
        conn.execute("BEGIN IMMEDIATE")
        self._index_rows = []
        try:
            yield
            self.flush_index()
        except BaseException:
            self._index_rows = None
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        self._index_rows = None
        conn.execute("COMMIT")

    def index_later(self, article_id: int, title: str | None, text: str,
                    forms: tuple[str, str] | None = None) -> None:
        """Index an article's text in the full-text index: at the end of the open transaction of
        ours, or now when there is none (`transaction`). `forms`: its `search.index_forms`, when
        made already (by the annotator)."""
        row = (article_id, *(forms or search.index_forms(title, text)))
        if self._index_rows is None or not self.db.conn.in_transaction:
            search.index_rows(self.db.conn, [row])
        else:
            self._index_rows.append(row)

    def flush_index(self) -> None:
        """Write the full-text rows held for the open transaction (before anything reads or
        deletes index entries inside it)."""
        if self._index_rows:
            rows, self._index_rows = self._index_rows, []
            search.index_rows(self.db.conn, rows)
