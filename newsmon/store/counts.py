"""Counts kept as articles are written, so listings and aggregates never scan every mention.

For original articles (duplicates are never counted, as the queries never showed them):
- `entity_counts`: mentions and articles per entity (`entities`, totals of `entity`);
- `entity_lang_counts`: the same per mention language (`entities --lang`);
- `label_counts`: mentions per mention label and entity ("" when unlinked) (`stats`);
- `article_counts`: articles per language and per source (`stats`);
- `entity_timeline`: one row per entity and article, keyed to list an entity's articles newest
  first (`entity`), with the article's mentions of it;
- `entity_days`: mentions per day and language of the entities in DAYS_KEPT_FROM articles or more
  (an entity's timeline chart: analytics.entity_timeline).
`apply(conn, article_id, +1)` counts an article from its stored rows, `-1` uncounts it (before its
annotations are replaced); both run inside the article's transaction, so counts and rows agree at
every commit. `rebuild` recomputes everything from the rows (the migration that added them).
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter

from newsmon.store.search import index_form

# An entity in this many articles has its mentions per day kept (`entity_days`), so its timeline
# chart reads a row per day and language instead of one per article (1.2 ms under this many).
DAYS_KEPT_FROM = 2000

_UPSERTS = {
    "entity_counts": """insert into entity_counts (entity_id, mentions, articles) values (?, ?, ?)
        on conflict (entity_id) do update set mentions = mentions + excluded.mentions,
        articles = articles + excluded.articles""",
    "entity_lang_counts": """insert into entity_lang_counts (lang, entity_id, mentions, articles)
        values (?, ?, ?, ?) on conflict (lang, entity_id) do update set
        mentions = mentions + excluded.mentions, articles = articles + excluded.articles""",
    "label_counts": """insert into label_counts (label, entity_id, mentions) values (?, ?, ?)
        on conflict (label, entity_id) do update set mentions = mentions + excluded.mentions""",
    "article_counts": """insert into article_counts (dimension, value, articles) values (?, ?, ?)
        on conflict (dimension, value) do update set articles = articles + excluded.articles""",
}


Stored = tuple[tuple, list[tuple]]  # the article's row and its mentions, as `apply` reads them


def apply(conn: sqlite3.Connection, article_id: int, sign: int, stored: Stored | None = None) -> None:
    """Count (sign +1) or uncount (-1) one article as its rows stand now; duplicates count nothing.
    `stored` is what the two queries below would read, from a caller that has just written it:
    ((lang, source, published, duplicate_of, fetched_at), [(entity_id, lang, label, entity row
    exists), ...]); the crawler saves an article with two statements fewer."""
    if stored is None:
        row = conn.execute("select lang, source, published, duplicate_of, fetched_at from articles "
                           "where id = ?", [article_id]).fetchone()
        if row is None or row[3] is not None:
            return
        mentions = conn.execute("select m.entity_id, m.lang, m.label, e.id is not null from mentions m "
                                "left join entities e on e.id = m.entity_id where m.article_id = ?",
                                [article_id]).fetchall()
    else:
        row, mentions = stored
        if row[3] is not None:
            return
    lang, source, published, _, fetched_at = row
    per_entity = Counter(eid for eid, _, _, known in mentions if known)
    per_lang = Counter((mlang or "", eid) for eid, mlang, _, known in mentions if known)
    per_label = Counter((label, eid or "") for eid, _, label, _ in mentions)
    conn.executemany(_UPSERTS["entity_counts"], [(e, sign * n, sign) for e, n in per_entity.items()])
    conn.executemany(_UPSERTS["entity_lang_counts"],
                     [(ml, e, sign * n, sign) for (ml, e), n in per_lang.items()])
    conn.executemany(_UPSERTS["label_counts"], [(lb, e, sign * n) for (lb, e), n in per_label.items()])
    conn.executemany(_UPSERTS["article_counts"], [("lang", lang or "", sign), ("source", source or "", sign)])
    # each row's language: that of most of the entity's mentions in the article (the charts' series)
    main_lang = {e: lang_ for (lang_, e), _ in sorted(per_lang.items(), key=lambda kv: (kv[1], kv[0][0]))}
    if sign > 0:
        conn.executemany("insert or replace into entity_timeline (entity_id, published, article_id, mentions, lang) "
                         "values (?, ?, ?, ?, ?)", [(e, published or "", article_id, n, main_lang.get(e, ""))
                                                    for e, n in per_entity.items()])
    else:
        conn.executemany("delete from entity_timeline where entity_id = ? and published = ? and article_id = ?",
                         [(e, published or "", article_id) for e in per_entity])
        for table in ("entity_counts", "entity_lang_counts", "label_counts"):
            conn.execute(f"delete from {table} where mentions <= 0")
        conn.execute("delete from article_counts where articles <= 0")
    day = (published or fetched_at or "")[:10]  # the timeline's day (analytics.entity_timeline)
    _count_days(conn, sign, per_entity, main_lang, day)


def _count_days(conn: sqlite3.Connection, sign: int, per_entity: Counter, main_lang: dict[str, str],
                day: str) -> None:
    """Mentions per day and language of the entities mentioned in DAYS_KEPT_FROM articles or more
    (entity_counts.days_kept), after their entity_timeline rows are written: the first time an
    entity reaches that many, its days are counted from its timeline, then kept as articles come."""
    if not per_entity:
        return
    ids = list(per_entity)
    rows = conn.execute(f"select entity_id, articles, days_kept from entity_counts where entity_id in "
                        f"({', '.join('?' for _ in ids)})", ids).fetchall()
    kept = [(eid, day, main_lang.get(eid, ""), sign * per_entity[eid]) for eid, _, days_kept in rows if days_kept]
    conn.executemany("""insert into entity_days (entity_id, day, lang, mentions) values (?, ?, ?, ?)
        on conflict (entity_id, day, lang) do update set mentions = mentions + excluded.mentions""", kept)
    if sign < 0:
        conn.executemany("delete from entity_days where entity_id = ? and day = ? and lang = ? and mentions <= 0",
                         [r[:3] for r in kept])
    for eid, articles, days_kept in rows:
        if not days_kept and articles >= DAYS_KEPT_FROM:
            count_days_from_timeline(conn, eid)


def count_days_from_timeline(conn: sqlite3.Connection, entity_id: str) -> None:
    """An entity's entity_days rows from its entity_timeline rows (an index range, once)."""
    conn.execute("delete from entity_days where entity_id = ?", [entity_id])
    conn.execute("""insert into entity_days (entity_id, day, lang, mentions)
        select x.entity_id, coalesce(case when x.published != '' then substr(x.published, 1, 10)
                    else (select substr(a.fetched_at, 1, 10) from articles a where a.id = x.article_id) end, ''),
               x.lang, sum(x.mentions)
        from entity_timeline x where x.entity_id = ? group by 2, 3""", [entity_id])
    conn.execute("update entity_counts set days_kept = 1 where entity_id = ?", [entity_id])


def rebuild(conn: sqlite3.Connection) -> None:
    """Every count from the stored rows (in the caller's transaction)."""
    for table in ("entity_counts", "entity_lang_counts", "label_counts", "article_counts", "entity_timeline"):
        conn.execute(f"delete from {table}")
    originals = "select id from articles where duplicate_of is null"
    # the language of most of an entity's mentions in each article (ties: the last code, as `apply`);
    # migration 4 runs this before migration 5 adds the column
    has_lang = any(r[1] == "lang" for r in conn.execute("pragma table_info(entity_timeline)"))
    lang = """, (select coalesce(m2.lang, '') from mentions m2
            where m2.article_id = g.article_id and m2.entity_id = g.entity_id
            group by coalesce(m2.lang, '') order by count(*) desc, coalesce(m2.lang, '') desc limit 1)"""
    conn.execute(f"""insert into entity_timeline (entity_id, published, article_id, mentions{', lang' if has_lang else ''})
        select entity_id, published, article_id, n{lang if has_lang else ''}
        from (select m.entity_id, coalesce(a.published, '') as published, a.id as article_id, count(*) as n
              from mentions m join entities e on e.id = m.entity_id join articles a on a.id = m.article_id
              where a.duplicate_of is null group by m.entity_id, a.id) g""")
    conn.execute("""insert into entity_counts (entity_id, mentions, articles)
        select entity_id, sum(mentions), count(*) from entity_timeline group by entity_id""")
    conn.execute(f"""insert into entity_lang_counts (lang, entity_id, mentions, articles)
        select coalesce(m.lang, ''), m.entity_id, count(*), count(distinct m.article_id) from mentions m
        join entities e on e.id = m.entity_id where m.article_id in ({originals})
        group by coalesce(m.lang, ''), m.entity_id""")
    conn.execute(f"""insert into label_counts (label, entity_id, mentions)
        select label, coalesce(entity_id, ''), count(*) from mentions
        where article_id in ({originals}) group by label, coalesce(entity_id, '')""")
    for dimension in ("lang", "source"):
        conn.execute(f"""insert into article_counts (dimension, value, articles)
            select '{dimension}', coalesce({dimension}, ''), count(*) from articles
            where duplicate_of is null group by coalesce({dimension}, '')""")
    if conn.execute("select 1 from sqlite_master where name = 'entity_days'").fetchone():  # version 9 on
        conn.execute("delete from entity_days")
        for (entity_id,) in conn.execute("select entity_id from entity_counts where articles >= ?",
                                         [DAYS_KEPT_FROM]).fetchall():
            count_days_from_timeline(conn, entity_id)


def party_rows(agreement_id: int, parties: list[dict]) -> list[tuple]:
    """`agreement_parties` rows of one agreement: what `agreements --party` looks up."""
    return [(agreement_id, p.get("canonical_id"), index_form(p.get("text") or "", "e"),
             index_form(p.get("name") or "", "e")) for p in parties]


def rebuild_agreement_parties(conn: sqlite3.Connection) -> None:
    conn.execute("delete from agreement_parties")
    for agreement_id, parties in conn.execute("select id, parties from agreements").fetchall():
        conn.executemany("insert into agreement_parties values (?, ?, ?, ?)",
                         party_rows(agreement_id, json.loads(parties or "[]")))
