"""The data behind the analyst's charts: an entity's mentions over time by language, the entities that
appear with it (and the articles behind each pair), agreements over time by type and by party.

Time is bucketed by day over short spans, by month over longer ones and by year over years, every bucket listed (zeros
included) so a chart's axis is even; an article counts on its publication date, else its fetch date.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

DAY_BUCKETS_UP_TO = 92  # days; longer spans are shown per month,
MONTH_BUCKETS_UP_TO = 3 * 366  # and spans longer than three years per year
_DAY_SQL = "substr(coalesce(a.published, a.fetched_at), 1, 10)"


def buckets(days: list[str]) -> tuple[str, list[str], dict[str, str]]:
    """('day'|'month'|'year', every bucket from the first to the last day, day -> its bucket)."""
    valid = sorted(d for d in set(days) if _is_date(d))
    if not valid:
        return "day", [], {}
    first, last = date.fromisoformat(valid[0]), date.fromisoformat(valid[-1])
    if (last - first).days <= DAY_BUCKETS_UP_TO:
        out, d = [], first
        while d <= last:
            out.append(d.isoformat())
            d += timedelta(days=1)
        return "day", out, {d: d for d in valid}
    if (last - first).days > MONTH_BUCKETS_UP_TO:
        return "year", [f"{y:04d}-01-01" for y in range(first.year, last.year + 1)], \
            {d: d[:4] + "-01-01" for d in valid}
    out, (y, m) = [], (first.year, first.month)
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}-01")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return "month", out, {d: d[:7] + "-01" for d in valid}


def _is_date(value: str | None) -> bool:
    try:
        date.fromisoformat(value or "")
        return True
    except ValueError:
        return False


def _series(rows: list[tuple[str, str, int]], order: list[str] | None = None) -> dict[str, Any]:
    """(day, series name, count) rows -> {"bucket", "days", "series": [{"name", "counts"}]}."""
    unit, axis, bucket_of = buckets([r[0] for r in rows])
    per: dict[str, Counter] = defaultdict(Counter)
    for day, name, n in rows:
        if day in bucket_of:
            per[name][bucket_of[day]] += n
    names = order or sorted(per, key=lambda k: (-sum(per[k].values()), k))
    return {"bucket": unit, "days": axis,
            "series": [{"name": n, "counts": [per[n][b] for b in axis]} for n in names if n in per]}


COOCCURRING_WINDOW = 2000  # an entity's latest articles that `cooccurring` looks at


def entity_timeline(db: Any, entity_id: str) -> dict[str, Any]:
    """Mentions of an entity per day (or month), one series per language of the mentions: from the
    `entity_timeline` rows kept as articles are written (one per article, an index range), never
    from the mentions themselves (a frequent actor has hundreds of thousands); for an entity in
    counts.DAYS_KEPT_FROM articles or more, from its mentions per day (`entity_days`, one row per
    day and language, kept as articles are written)."""
    kept = db.execute("select days_kept from entity_counts where entity_id = ?", [entity_id]).fetchone()
    if kept and kept[0]:
        return _series(db.execute("select day, lang, mentions from entity_days where entity_id = ? "
                                  "and mentions > 0", [entity_id]).fetchall())
    rows = db.execute("""
        select case when x.published != '' then substr(x.published, 1, 10)
                    else (select substr(a.fetched_at, 1, 10) from articles a where a.id = x.article_id) end as day,
               x.lang, sum(x.mentions)
        from entity_timeline x where x.entity_id = ? group by day, x.lang""", [entity_id]).fetchall()
    return _series(rows)


def cooccurring(db: Any, entity_id: str, top: int = 15, articles_per_pair: int = 10) -> list[dict[str, Any]]:
    """Entities mentioned in the same articles as `entity_id` (its latest COOCCURRING_WINDOW
    articles, so the cost is bounded however often it is mentioned), most shared articles first,
    each with those articles."""
    rows = list(db.query("""
        with recent as (select article_id from entity_timeline where entity_id = :id
                        order by published desc, article_id limit :window)
        select e.id, e.name, e.label, count(distinct o.article_id) as articles
        from recent r join mentions o on o.article_id = r.article_id and o.entity_id != :id
        join entities e on e.id = o.entity_id
        where e.label != 'DATE'
        group by e.id order by articles desc, e.name limit :top""",
        {"id": entity_id, "top": top, "window": COOCCURRING_WINDOW}))
    for row in rows:
        row["shared"] = pair_articles(db, entity_id, row["id"], articles_per_pair)
    return rows


def pair_articles(db: Any, a_id: str, b_id: str, limit: int = 100) -> list[dict[str, Any]]:
    """Original articles that mention both entities, newest first: `a`'s rows of entity_timeline
    walked newest first, each looked up among `b`'s by its key, until `limit` are found."""
    return list(db.query("""
        select a.id, a.title, a.url, a.lang, a.published from entity_timeline x
        join entity_timeline y on y.entity_id = :b and y.published = x.published and y.article_id = x.article_id
        join articles a on a.id = x.article_id
        where x.entity_id = :a
        order by x.published desc, x.article_id desc limit :limit""", {"a": a_id, "b": b_id, "limit": limit}))


def agreements_timeline(db: Any, top_parties: int = 8) -> dict[str, Any]:
    """Agreements per day (or month) by type, and by party for the most frequent parties; the date is
    the signing date when known, else the article's publication date."""
    rows = db.execute("""
        select coalesce(substr(g.date_signed, 1, 10), substr(a.published, 1, 10)) as day, g.type, g.parties
        from agreements g join articles a on a.id = g.article_id where a.duplicate_of is null""").fetchall()
    # a signing date given to the month or year only ("2016-05") counts on its first day
    rows = [((d + "-01-01"[len(d) - 4:]) if d and len(d) in (4, 7) else d, t, p) for d, t, p in rows]
    by_type = _series([(d, t, 1) for d, t, _ in rows])
    party_rows, totals, names = [], Counter(), {}
    for day, _, parties in rows:
        for p in json.loads(parties or "[]"):
            key = p.get("canonical_id") or p.get("name")
            names.setdefault(key, p.get("name") or key)
            totals[key] += 1
            party_rows.append((day, key, 1))
    keep = [k for k, _ in totals.most_common(top_parties)]
    by_party = _series([r for r in party_rows if r[1] in keep], keep)
    for s in by_party["series"]:
        s["id"], s["name"] = s["name"], names[s["name"]]
    return {"by_type": by_type, "by_party": by_party,
            "parties": [{"id": k, "name": names[k], "agreements": totals[k]} for k in keep]}
