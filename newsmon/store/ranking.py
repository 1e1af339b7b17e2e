"""Ranked search without FTS5's prefix query: the newest matches of a query's index terms, scored as
FTS5's bm25 scores the prefix query.

A query word is a prefix query ("azerbaycan"* finds Azərbaycan, Azərbaycanın, Azərbaycanda...), and
SQLite's FTS5 merges every doclist of a prefix into one before it returns a row, so ranking the
newest RANK_WINDOW matches of a common word costs time linear in the store (88 ms at 200k articles,
~470 ms predicted at a million). The word's index terms, listed (`Ranker.expand`) and ORed, find the
same rows lazily, newest first; but FTS5's bm25 would then weigh each inflection as a term of its
own, with its own IDF and its own saturation. On the real-news texts that changes 6 of the top 10
results of a common word on average and puts fewer articles about the word first (see
benchmarks/rank_quality.py). So the score is computed here, from the hits of each term in each
windowed row (an FTS5 auxiliary function: Python's sqlite3 cannot register one, apsw can), summed per
prefix as the prefix query would count them, with bm25's formula and constants: on those texts the
same top 10 in the same order as the prefix query for every single word. The store uses it only
where the merge would cost more than the ranker (`queries.PREFIX_MERGE_LIMIT`).

bm25's IDF needs the number of rows that match each prefix, which only the linear merge gives exactly.
It is estimated from the index's document count of each term, summed, less the rows that hold
several inflections (their share measured in the window). For a single word the IDF scales every
score alike and does not change the order; a query of several words may swap neighbours.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Callable
from typing import Any

from newsmon.store.search import prefix_range

# FTS5's bm25 (ext/fts5/fts5_aux.c): k1, b, and the IDF floor for a term in more than half the rows
K1, B, MIN_IDF = 1.2, 0.75, 1e-6


@dataclass
class Word:
    """One query word: the prefixes the prefix query ORs (`search.query_prefixes`, each a bm25
    phrase of its own there) and the index terms they expand to, with the rows each term is in."""

    prefixes: list[str]
    terms: dict[str, int] = field(default_factory=dict)


class Ranker:
    """A read-only apsw connection to a store's file, for ranking (`Queries._ranked`)."""

    def __init__(self, path: str) -> None:
        import apsw  # here: only ranked search needs it
        self.conn = apsw.Connection(Path(path).resolve().as_uri() + "?mode=ro",
                                    flags=apsw.SQLITE_OPEN_READONLY | apsw.SQLITE_OPEN_URI)
        self.conn.set_busy_timeout(5000)
        self.conn.execute("create virtual table temp.articles_fts_terms using fts5vocab(main, 'articles_fts', 'row')")
        self._rows: list[tuple[int, int, list[tuple[str]]]] = []
        self.conn.register_fts5_function("term_hits", self._term_hits)
        self._totals: tuple[int, float] = (0, 0.0)

    def close(self) -> None:
        self.conn.close()

    def expand(self, prefix: str, limit: int) -> dict[str, int] | None:
        """The index's terms that start with `prefix` and the number of rows each is in; None past
        `limit` terms."""
        rows = list(self.conn.execute("select term, doc from temp.articles_fts_terms where term >= ? and term < ? "
                                      "limit ?", (*prefix_range(prefix), limit + 1)))
        return None if len(rows) > limit else dict(rows)

    def _term_hits(self, api: Any) -> int:
        """Per windowed row: its rowid, its length in tokens (both columns, as bm25 counts it) and
        the term of each hit (a hit per phrase the term is: see `window`)."""
        if not self._rows:
            self._totals = (api.row_count, api.column_total_size(-1) / max(api.row_count, 1))
        self._rows.append((api.rowid, api.column_size(-1), list(map(api.inst_tokens, range(api.inst_count)))))
        return 0

    def window(self, words: list[Word] | None, prefix_match: str, size: int, before: int | None = None) -> list[int]:
        """The newest `size` rows (below rowid `before`) that match every word, best first; without
        `words`, those of the prefix query `prefix_match`, ranked by FTS5 (`prefix_window`)."""
        if words is None:
            return prefix_window(self.conn.execute, prefix_match, size, before)
        match = "{fold_e fold_a} : (" + " AND ".join(
            "(" + " OR ".join('"' + t.replace('"', '""') + '"' for t in sorted(word.terms)) + ")"
            for word in words) + ")"
        self._rows = []
        # the auxiliary function runs for the windowed rows only: FTS5 walks the OR of terms by rowid
        list(self.conn.execute(
            "select term_hits(articles_fts) from articles_fts where articles_fts match ? "
            f"{'and rowid < ?' if before is not None else ''} order by rowid desc limit ?",
            (match, before, size) if before is not None else (match, size)))
        rows, self._rows = self._rows, []
        if not rows:
            return []
        n_rows, avg_length = self._totals
        # each prefix of each word is a phrase of the prefix query (k below): its hits are its terms'
        # hits. A term of two words is two phrases here, and FTS5 reports each hit once per phrase.
        prefixes = [(word, prefix) for word in words for prefix in word.prefixes]
        copies = Counter(t for word in words for t in word.terms)
        feeds: dict[tuple[str], list[tuple[int, float]]] = {}
        for k, (word, prefix) in enumerate(prefixes):
            for t in word.terms:
                if t.startswith(prefix):
                    feeds.setdefault((t,), []).append((k, 1 / copies[t]))
        freqs = [[0.0] * len(prefixes) for _ in rows]  # per row, per prefix
        inflections = [0.0] * len(prefixes)  # distinct terms of each prefix in the window's rows
        for f, (_, _, tokens) in zip(freqs, rows):
            for token, n in Counter(tokens).items():
                for k, share in feeds.get(token, ()):
                    f[k] += n * share
                    inflections[k] += share
        scored = [0.0] * len(rows)
        for k, (word, prefix) in enumerate(prefixes):
            with_prefix = sum(1 for f in freqs if f[k])
            if not with_prefix:
                continue
            # the rows of the whole index that hold one of the prefix's terms, estimated: the terms'
            # row counts summed count a row once per inflection it holds, so the sum is divided by
            # the inflections per matching row of the window
            matching = sum(n for t, n in word.terms.items() if t.startswith(prefix)) / max(inflections[k] / with_prefix, 1.0)
            idf = _idf(n_rows, matching)
            for r, ((_, length, _), f) in enumerate(zip(rows, freqs)):
                if f[k]:
                    scored[r] += idf * f[k] * (K1 + 1) / (f[k] + K1 * (1 - B + B * length / avg_length))
        order = sorted(range(len(rows)), key=lambda r: (-scored[r], -rows[r][0]))
        return [rows[r][0] for r in order]


def prefix_window(execute: Callable[..., Any], match: str, size: int, before: int | None = None) -> list[int]:
    """The newest `size` rows (below rowid `before`) that match the FTS5 query `match`, ranked by
    FTS5's bm25 (scored only for those rows: FTS5 walks its matches by rowid, newest first);
    `execute` is a connection's, the stdlib's or apsw's."""
    params = {"q": match, "w": size, **({"before": before} if before is not None else {})}
    return [r[0] for r in execute(
        "select rowid from (select rowid, rank from articles_fts where articles_fts match :q "
        f"{'and rowid < :before' if before is not None else ''} order by rowid desc limit :w) "
        "order by rank", params)]


def _idf(n_rows: int, matching: float) -> float:
    """bm25's IDF, as FTS5 computes it."""
    idf = math.log((n_rows - matching + 0.5) / (matching + 0.5))
    return idf if idf > 0 else MIN_IDF
