"""Relevance labels and scores in the store: the `labels` analysts give and the `relevance` the model
computes, one row per article each (tables created by migration 2 in schema.py)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store opens it; a reader goes without (articles.ReadOnlyDB)
    import sqlite_utils


LABEL_VALUES = ("relevant", "irrelevant")


def set_label(db: sqlite_utils.Database, article_id: int, label: str, by: str | None,
              at: str) -> None:
    if label not in LABEL_VALUES:
        raise ValueError(f"label must be one of {', '.join(LABEL_VALUES)}, got {label!r}")
    if db.execute("select 1 from articles where id = ?", [article_id]).fetchone() is None:
        raise KeyError(f"no article with id {article_id}")
    db["labels"].upsert({"article_id": article_id, "label": label, "labelled_by": by,
                         "labelled_at": at}, pk="article_id")


def labelled_texts(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every labelled article with its title, text and language, in id order."""
    return list(db.query("""
        select a.id, a.lang, a.title, a.text, l.label from labels l join articles a on a.id = l.article_id
        order by a.id"""))


def write_scores(db: sqlite_utils.Database, scores: Iterable[tuple[int, float]], model: str,
                 at: str) -> int:
    rows = [{"article_id": aid, "score": round(float(score), 4), "model": model, "scored_at": at}
            for aid, score in scores]
    with db.conn:
        db["relevance"].upsert_all(rows, pk="article_id")
    return len(rows)


def scores(db: sqlite_utils.Database, ids: Iterable[int] | None = None) -> dict[int, float]:
    if "relevance" not in db.table_names():  # (not db["relevance"]: a reader has no sqlite_utils)
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


def article_id(db: sqlite_utils.Database, by_id: int | None, url: str | None) -> int | None:
    """The stored article with this id, or else this URL; None when there is none."""
    if by_id is not None:
        row = db.execute("select id from articles where id = ?", [by_id]).fetchone()
    elif url:
        row = db.execute("select id from articles where url = ?", [url]).fetchone()
    else:
        return None
    return row[0] if row else None
