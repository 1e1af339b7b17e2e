"""The digest's data: what arrived in a period and how it compares with the period before.

Articles count by fetch time (so a story published late is not missed), most relevant first, grouped
under the top actor they mention most; the most mentioned actors with their count in the previous
period of the same length; the agreements reported; and mentions per day of the top actors, for the
chart. Rendering (text, Markdown, HTML, e-mail) is in newsmon.web.digest.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from typing import Any

from newsmon.store import relevance
from newsmon.store.analytics import buckets

CHART_ACTORS = 5
OTHER = "Other coverage"


def _start(moment: str) -> datetime:
    """The first instant of `since`: YYYY, YYYY-MM, YYYY-MM-DD or a date and time (UTC when naive)."""
    parts = moment.split("-")
    if len(moment) <= 7 and all(p.isdigit() for p in parts):
        moment = f"{parts[0]}-{parts[1] if len(parts) > 1 else '01'}-01"
    value = datetime.fromisoformat(moment.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _end(until: str) -> datetime:
    """The instant just after an inclusive `until`: the next day for a date, the next second for a
    time (fetch times are stored to the second)."""
    if len(until) == 10:
        return _start(until) + timedelta(days=1)
    if len(until) < 10:  # a month or year, as given (the CLI widens them to their last day first)
        y, *m = (int(p) for p in until.split("-"))
        return datetime(y + (not m or m[0] == 12), (m[0] % 12 + 1) if m else 1, 1, tzinfo=timezone.utc)
    return _start(until) + timedelta(seconds=1)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def _articles(db: Any, since: str, until: str | None) -> list[dict[str, Any]]:
    """Articles fetched from `since` on and up to `until` inclusive (a date compares with the fetch
    time's date part, a date and time with as much of it)."""
    until_clause = "and substr(fetched_at, 1, length(:until)) <= :until" if until else ""
    return list(db.query(f"""
        select id, published, fetched_at, lang, source, title, url from articles
        where duplicate_of is null and fetched_at >= :since {until_clause}
        order by coalesce(published, fetched_at) desc, id desc""", {"since": since, "until": until}))


def _actor_counts(db: Any, ids: list[int]) -> list[dict[str, Any]]:
    """Actors (ORG, PERSON) of the articles `ids`: articles and mentions each, most articles first."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return list(db.query(f"""
        select e.id, e.name, e.label, count(*) as mentions, count(distinct m.article_id) as articles
        from mentions m join entities e on e.id = m.entity_id
        where m.article_id in ({marks}) and e.label in ('ORG', 'PERSON')
        group by e.id order by articles desc, mentions desc, e.name""", ids))


def build_digest(store: Any, since: str, until: str | None = None, top: int = 10,
                 min_relevance: float | None = None) -> dict[str, Any]:
    """The digest of the articles fetched from `since` to `until` (inclusive; default: now), as
    JSON-ready data; `since` and `until` are kept as given, `period` has them as instants.

    The previous period has the same length and ends where this one starts; each actor's `previous`
    and `change` compare its article count with it. With `min_relevance`, articles scored below it
    (and unscored ones) are left out of the articles, actors and agreements alike.
    """
    db = store.db
    start = _start(since)
    end = _end(until) if until else max(start, datetime.now(timezone.utc))  # a future since: empty
    if until and end <= start:
        raise ValueError(f"until ({until}) must not be before since ({since})")
    prev_start = start - (end - start)
    articles = _articles(db, since, until)
    previous = [a for a in _articles(db, _iso(prev_start), None) if a["fetched_at"] < _iso(start)]
    scores = relevance.scores(db, [a["id"] for a in articles + previous])
    if min_relevance is not None:
        articles = [a for a in articles if scores.get(a["id"], -1) >= min_relevance]
        previous = [a for a in previous if scores.get(a["id"], -1) >= min_relevance]
    for a in articles:
        a["relevance"] = scores.get(a["id"])
    # most relevant first; unscored after scored; then newest first (the order _articles gave)
    articles.sort(key=lambda a: -(a["relevance"] if a["relevance"] is not None else -1))
    ids = [a["id"] for a in articles]

    counts = _actor_counts(db, ids)
    before = {r["id"]: r["articles"] for r in _actor_counts(db, [a["id"] for a in previous])}
    actors = [{**r, "previous": before.get(r["id"], 0), "change": r["articles"] - before.get(r["id"], 0)}
              for r in counts[:top]]
    return {"since": since, "until": until,
            "period": {"since": _iso(start), "until": _iso(end), "previous_since": _iso(prev_start)},
            "articles": articles, "groups": _groups(db, articles, [a["id"] for a in actors]),
            "actors": actors, "agreements": _agreements(store, ids),
            "daily": _daily(db, articles, actors[:CHART_ACTORS]), "previous_articles": len(previous)}


def _groups(db: Any, articles: list[dict[str, Any]], actor_ids: list[str]) -> list[dict[str, Any]]:
    """Each article under the top actor it mentions most (ties: the higher-ranked actor); articles
    naming none of them under OTHER. Groups follow the actors' rank; articles keep their order."""
    rank = {aid: i for i, aid in enumerate(actor_ids)}
    per_article: dict[int, Counter] = defaultdict(Counter)
    if articles and actor_ids:
        marks_a = ",".join("?" * len(articles))
        marks_e = ",".join("?" * len(actor_ids))
        for article_id, entity_id, n in db.execute(f"""
                select article_id, entity_id, count(*) from mentions
                where article_id in ({marks_a}) and entity_id in ({marks_e})
                group by article_id, entity_id""", [a["id"] for a in articles] + actor_ids):
            per_article[article_id][entity_id] = n
    names = {r[0]: r[1] for r in db.execute(
        f"select id, name from entities where id in ({','.join('?' * len(actor_ids))})", actor_ids)} \
        if actor_ids else {}
    grouped: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for a in articles:
        counts = per_article.get(a["id"])
        key = min(counts, key=lambda e: (-counts[e], rank[e])) if counts else None
        grouped[key].append(a)
    order = sorted((k for k in grouped if k is not None), key=rank.__getitem__)
    out = [{"actor_id": k, "name": names.get(k, k), "articles": grouped[k]} for k in order]
    if None in grouped:
        out.append({"actor_id": None, "name": OTHER, "articles": grouped[None]})
    return out


def _agreements(store: Any, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    from newsmon.store.queries import agreement_out  # one reader of the agreements row format
    marks = ",".join("?" * len(ids))
    return [{**agreement_out(row), "url": row["url"], "article_id": row["article_id"]}
            for row in store.db.query(f"""
                select g.*, a.url from agreements g join articles a on a.id = g.article_id
                where g.article_id in ({marks}) order by g.article_id, g.start""", ids)]


def article_day(article: dict[str, Any]) -> str:
    """The day an article counts on in the chart: its publication date, else its fetch date."""
    return (article.get("published") or article["fetched_at"])[:10]


def _daily(db: Any, articles: list[dict[str, Any]], actors: list[dict[str, Any]]) -> dict[str, Any]:
    """Mentions per day (per month over long periods) of each actor over the days the articles span,
    every bucket listed, zeros included, so a chart's x axis is even."""
    if not articles or not actors:
        return {"bucket": "day", "days": [], "series": []}
    day_of = {a["id"]: article_day(a) for a in articles}
    unit, axis, bucket_of = buckets(list(day_of.values()))
    ids = list(day_of)
    series = []
    for actor in actors:
        per_bucket: Counter = Counter()
        for (article_id,) in db.execute(
                f"select article_id from mentions where entity_id = ? and article_id in "
                f"({','.join('?' * len(ids))})", [actor["id"], *ids]):
            if day_of[article_id] in bucket_of:
                per_bucket[bucket_of[day_of[article_id]]] += 1
        series.append({"id": actor["id"], "name": actor["name"], "counts": [per_bucket[b] for b in axis]})
    return {"bucket": unit, "days": axis, "series": series}
