"""Relevance labels and scores in the store: the `labels` analysts give and the `relevance` the model
computes, one row per article each (tables created by migration 2 in schema.py)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils


def scores(db: sqlite_utils.Database, ids: Iterable[int] | None = None) -> dict[int, float]:
    if not db["relevance"].exists():
        return {}
    if ids is None:
        return dict(db.execute("select article_id, score from relevance").fetchall())
    wanted = list(ids)
    out: dict[int, float] = {}
    for i in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
        part = wanted[i:i + 500]
        out.update(db.execute(f"select article_id, score from relevance where article_id in "
                              f"({','.join('?' * len(part))})", part).fetchall())
    return out
