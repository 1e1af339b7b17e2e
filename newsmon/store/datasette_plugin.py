"""A Datasette plugin, loaded by Datasette from newsmon's `datasette` entry point (pyproject.toml): the
search box on a newsmon database's `articles` table matches as `newsmon search` does.

Datasette searches a table with `articles_fts MATCH escape_fts(:search)`, `escape_fts` being an SQL
function it registers on every connection. Unchanged, that quotes each word and so matches the folded
index only when the words are typed folded (`Aliyev`, not `Əliyev`; `agentliyi`, not `agentlik`). On
a connection to a newsmon database this plugin registers newsmon's own query folding under that name
(Azerbaijani letters both ways, stems, prefixes), after Datasette's (trylast), so it replaces it there;
other databases keep Datasette's.
"""
from __future__ import annotations

import sqlite3

from datasette import hookimpl
from datasette.utils import escape_fts

from newsmon.store.search import fts_query


def is_newsmon(conn: sqlite3.Connection) -> bool:
    """Whether the database has newsmon's folded full-text index."""
    columns = {row[1] for row in conn.execute("pragma table_info(articles_fts)")}
    return {"fold_e", "fold_a"} <= columns


def folded_match(query: str) -> str:
    """The FTS5 expression `newsmon search` would use; a query with no words (only punctuation)
    is left to Datasette's quoting, which matches nothing, rather than failing the page."""
    try:
        return fts_query(query)
    except ValueError:
        return escape_fts(query)


@hookimpl(trylast=True)
def prepare_connection(conn: sqlite3.Connection) -> None:
    if is_newsmon(conn):
        conn.create_function("escape_fts", 1, folded_match, deterministic=True)


def main(argv: list[str] | None = None) -> None:
    """`datasette ARGS` with this plugin registered, also from a checkout whose installed entry point
    predates it: `python -m newsmon.store.datasette_plugin serve coverage.db -m metadata.yaml`."""
    import sys

    from datasette.cli import cli
    from datasette.plugins import pm

    # the module by its package name: run with -m, this file is also `__main__`, a second module object
    import newsmon.store.datasette_plugin as plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="newsmon")
    cli(sys.argv[1:] if argv is None else argv, prog_name="datasette")


if __name__ == "__main__":
    main()
