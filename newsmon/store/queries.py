"""The store's queries: search, entities, agreements and the aggregates, read from the indexes and
the counts kept as articles are written (`counts.py`), never from a scan of every row.

`Queries` is mixed into `articles.Store` (as `crawl_state.CrawlState` is), which provides `db`: a
sqlite-utils Database, or `articles.ReadOnlyDB` for the read-only query commands.
"""
from __future__ import annotations

import json
from typing import Any

from newsmon.store.ranking import Ranker, Word, prefix_window
from newsmon.store.search import fts_query, index_form, plain_words, prefix_range, query_prefixes, snippet

# Matches ranked together by `search` (sort="rank"): bm25 over 2,000 matches costs ~5 ms.
RANK_WINDOW = 2000
# A query word matches the index's terms it is a prefix of, listed (search.fts_query) up to this many
MAX_EXPANSION = 64
# Ranked, a query whose words' terms are in more (term, row) pairs than this is scored by
# `ranking.Ranker` instead of the prefix query, whose merge of those pairs then costs more than the
# ranker's fixed ~35 ms CPU (the bench databases: both ~36 ms for "Azərbaycan" at 50k articles, 86k pairs)
PREFIX_MERGE_LIMIT = 75_000
# Ranked, a word is listed (`_rank_words`) up to this many terms: the ranker walks their OR only for the
# newest RANK_WINDOW matches, cheaper than the prefix query's merge even for a short stem (at 200k:
# "Türkiyə", stem "turk", 79 terms: 35 -> 21 ms CPU; "de", 2,360 terms: 467 -> 218 ms)
RANK_EXPANSION = 4096


class Queries:
    """The reading half of the Store."""

    db: Any
    path: str
    _ranker: Ranker | None = None

    def search(self, query: str, lang: str | None = None, since: str | None = None,
               until: str | None = None, source: str | None = None, limit: int = 20,
               marks: tuple[str, str] = ("[", "]"), min_relevance: float | None = None,
               sort: str = "rank", offset: int = 0) -> list[dict]:
        """Articles matching `query`, each with its relevance score and a snippet whose matches are
        between `marks`: best first (`sort="rank"`, bm25 within windows of the newest RANK_WINDOW
        matches: `_ranked`), most relevant to the beat first
        ("relevance"), or latest stored first ("newest": a crawl stores each listing's pages earliest
        published first, so this is about newest first within a run); `offset` rows skipped."""
        if sort not in ("rank", "relevance", "newest"):
            raise ValueError(f"unknown search order {sort!r}: rank, relevance or newest")
        where, params = _filters(lang, since, until, source)
        if min_relevance is not None:
            where += " and r.score >= :min_relevance"
            params["min_relevance"] = min_relevance
        # newest first: the word's indexed terms listed (the same rows, walked lazily: search.fts_query);
        # ranked, the prefix query (or its terms, scored as bm25 scores it: `_rank_words`)
        params.update({"q": fts_query(query, self._index_terms if sort == "newest" else None),
                       "limit": limit, "offset": offset})
        columns = "a.id, a.title, a.url, a.source, a.lang, a.published, r.score as relevance, a.text"
        if sort == "rank":
            rows = self._ranked(columns, where, params, query)
        else:
            # newest: FTS5 walks its matches by rowid, newest first, and stops once the page is full
            order = "articles_fts.rowid desc" if sort == "newest" else "coalesce(r.score, -1) desc, articles_fts.rank"
            rows = list(self.db.query(f"""
                select {columns} from articles_fts join articles a on a.id = articles_fts.rowid
                left join relevance r on r.article_id = a.id
                where articles_fts match :q and a.duplicate_of is null {where}
                order by {order} limit :limit offset :offset""", params))
        for row in rows:
            row["snippet"] = snippet(row.pop("text"), query, marks=marks)
        return rows

    def _index_terms(self, prefix: str) -> list[str] | None:
        """The full-text index's terms that start with `prefix`, None past MAX_EXPANSION (a prefix
        query is cheaper then): read from FTS5's own vocabulary (fts5vocab, a temp table of this
        connection), so they are exactly the indexed terms."""
        conn = self.db.conn
        conn.execute("create virtual table if not exists temp.articles_fts_terms "
                     "using fts5vocab(main, 'articles_fts', 'row')")
        if not prefix:
            return None
        terms = [r[0] for r in conn.execute(
            "select term from temp.articles_fts_terms where term >= ? and term < ? limit ?",
            [*prefix_range(prefix), MAX_EXPANSION + 1])]
        return None if len(terms) > MAX_EXPANSION else terms

    def _open_ranker(self) -> Ranker | None:
        """The store's ranker (`ranking.Ranker`, opened once), or None for a database in memory or
        with writes not yet committed: it reads the file through a connection of its own."""
        if self.path in ("", ":memory:") or self.db.conn.in_transaction:
            return None
        if self._ranker is None:
            self._ranker = Ranker(self.path)
        return self._ranker

    def _rank_words(self, query: str) -> list[Word] | None:
        """The query's words with their index terms, for ranking without the prefix query
        (`Ranker.window`), or None where the prefix query ranks: a "phrase" in the query, a word
        of more than RANK_EXPANSION terms, terms in PREFIX_MERGE_LIMIT (term, row) pairs or fewer
        (the merge is cheaper then), no ranker (`_open_ranker`)."""
        words = plain_words(query)
        ranker = self._open_ranker() if words is not None else None
        if ranker is None:
            return None
        ranked = []
        for word in words or ():
            prefixes = sorted(query_prefixes(word))
            terms: dict[str, int] = {}
            for prefix in prefixes:
                found = ranker.expand(prefix, RANK_EXPANSION) if prefix else None
                if found is None:
                    return None
                terms.update(found)
            ranked.append(Word(prefixes, terms))
        return ranked if sum(n for word in ranked for n in word.terms.values()) > PREFIX_MERGE_LIMIT else None

    def _ranked(self, columns: str, where: str, params: dict[str, Any], query: str) -> list[dict]:
        """The best matches, ranked RANK_WINDOW at a time: bm25 orders the newest RANK_WINDOW
        matches (FTS5 walks them by rowid, newest first, and scores only those), the filters apply
        to them, and only when the page is still short are the next older RANK_WINDOW ranked and
        appended. Ranking every match costs time linear in the matches (a common word is in most
        articles: ~1.5 s at a million); a window bounds it, at the price that a better match older
        than the newest RANK_WINDOW comes after them. Fewer matches than that: exact bm25 order.
        A common word's window is found from its index terms and scored as bm25 scores the prefix
        query (`_rank_words`, `Ranker.window`), without the prefix query's cost."""
        want = params["limit"] + params["offset"]
        ranked: list[int] = []
        before = None
        words = self._rank_words(query)
        if words is not None and not all(w.terms for w in words):
            return []  # a word that no indexed term starts with: nothing matches
        ranker = self._open_ranker()
        while len(ranked) < want:
            if ranker is not None:  # its SQLite runs the prefix query too, ~15% faster than the stdlib's
                window = ranker.window(words, params["q"], RANK_WINDOW, before)
            else:
                window = prefix_window(self.db.execute, params["q"], RANK_WINDOW, before)
            if not window:
                break
            for start in range(0, len(window), 500):  # the filters, a chunk at a time, best first
                chunk = window[start:start + 500]
                passed = {r[0] for r in self.db.execute(
                    f"select a.id from articles a left join relevance r on r.article_id = a.id "
                    f"where a.id in ({', '.join(map(str, chunk))}) and a.duplicate_of is null {where}", params)}
                ranked += [i for i in chunk if i in passed]
                if len(ranked) >= want:
                    break
            if len(window) < RANK_WINDOW:  # every match was looked at
                break
            before = min(window)
        # the page's rows only: the text of every filtered row would cost ~5 ms per 500
        page = ranked[params["offset"]:want]
        found = {row["id"]: row for row in self.db.query(
            f"select {columns} from articles a left join relevance r on r.article_id = a.id "
            f"where a.id in ({', '.join(map(str, page))})", params)} if page else {}
        return [found[i] for i in page if i in found]  # one a writer removed since is left out

    def top_entities(self, label: str | None = None, lang: str | None = None,
                     top: int = 20) -> list[dict]:
        """The most mentioned entities (in original articles), from the counts kept as they are written."""
        clauses, params = ["c.mentions > 0"], {"top": top}
        table = "entity_counts"
        if label:
            clauses.append("e.label = :label")
            params["label"] = label.upper()
        if lang:
            table = "entity_lang_counts"
            clauses.append("c.lang = :lang")
            params["lang"] = lang
        sql = f"""
            select e.id, e.name, e.label, c.mentions, c.articles
            from {table} c join entities e on e.id = c.entity_id
            where {' and '.join(clauses)}
            order by c.mentions desc, c.articles desc, e.name limit :top"""
        return list(self.db.query(sql, params))

    def find_entity_ids(self, name: str) -> list[str]:
        """Entity ids whose id, canonical name or any surface name matches `name` (folded)."""
        folded = index_form(name, "e")
        rows = self.db.execute("""
            select id from entities where id = :name or lower(name) = lower(:name)
            union select entity_id from entity_names where folded = :folded
            """, {"name": name, "folded": folded}).fetchall()
        return [r[0] for r in rows]

    def entity(self, entity_id: str, limit: int | None = None, offset: int = 0) -> dict[str, Any] | None:
        """An entity, its names and its articles newest first (`limit` of them after `offset`; all
        by default), with totals from the counts: mentions, and articles as `total_articles`."""
        row = self.db.execute("select id, name, label from entities where id = ?", [entity_id]).fetchone()
        if row is None:
            return None
        names: dict[str, list[str]] = {}
        for name, lang in self.db.execute(
                "select name, lang from entity_names where entity_id = ? order by lang, name",
                [entity_id]):
            names.setdefault(lang, []).append(name)
        totals = self.db.execute("select mentions, articles from entity_counts where entity_id = ?",
                                 [entity_id]).fetchone() or (0, 0)
        # published DESC, then article id: the key order of entity_timeline, so no sort
        articles = list(self.db.query("""
            select a.id, a.url, a.title, a.lang, a.published, a.source, x.mentions
            from entity_timeline x join articles a on a.id = x.article_id
            where x.entity_id = :id order by x.published desc, x.article_id
            limit :limit offset :offset""", {"id": entity_id, "limit": -1 if limit is None else limit,
                                             "offset": offset}))
        return {"id": row[0], "name": row[1], "label": row[2], "names": names,
                "mentions": totals[0], "total_articles": totals[1], "articles": articles}

    def agreements(self, party_ids: list[str] | None = None, party_name: str | None = None,
                   type_: str | None = None, since: str | None = None,
                   until: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Agreement records with their article, latest first; `party_ids`/`party_name` keep those
        binding that party (by entity id, or by the folded text or name of a party), `since`/`until`
        compare the signing date (or, when unknown, the article's publication date). `limit` rows
        after `offset` (all by default); `count_agreements` gives the total.

        A party's agreements are ordered and paged from agreement_parties' indexes alone (each row
        carries the agreement's date, type and whether its article is an original: schema
        version 8), and only the page's agreements and articles are read."""
        page = {"limit": -1 if limit is None else limit, "offset": offset}
        select = """select g.*, a.url, a.title as article_title, a.lang, a.published
            from agreements g join articles a on a.id = g.article_id"""
        if party_ids is None and not party_name:
            clauses, params = ["a.duplicate_of is null"], dict(page)
            if type_:
                clauses.append("g.type = :type")
                params["type"] = type_
            _date_range("coalesce(g.date_signed, a.published)", since, until, clauses, params)
            rows = list(self.db.query(f"""{select} where {' and '.join(clauses)}
                order by coalesce(g.date_signed, a.published) desc, g.id limit :limit offset :offset""", params))
        else:
            candidates, params = _party_agreements(party_ids, party_name, type_, since, until)
            ids = [r[0] for r in self.db.execute(
                f"select agreement_id from ({candidates}) order by sort_key desc, agreement_id "
                "limit :limit offset :offset", {**params, **page})]
            marks = ", ".join(f":g{i}" for i in range(len(ids)))
            found = {row["id"]: row for row in self.db.query(
                f"{select} where g.id in ({marks})", {f"g{i}": v for i, v in enumerate(ids)})} if ids else {}
            rows = [found[i] for i in ids if i in found]
        return [{**agreement_out(row), "url": row["url"], "article_title": row["article_title"],
                 "lang": row["lang"], "published": row["published"]} for row in rows]

    def count_agreements(self, party_ids: list[str] | None = None, party_name: str | None = None,
                         type_: str | None = None, since: str | None = None, until: str | None = None) -> int:
        if party_ids is not None or party_name:  # from the indexes alone
            candidates, params = _party_agreements(party_ids, party_name, type_, since, until)
            return self.db.execute(f"select count(*) from ({candidates})", params).fetchone()[0]
        clauses, params = ["a.duplicate_of is null"], {}
        if type_:
            clauses.append("g.type = :type")
            params["type"] = type_
        _date_range("coalesce(g.date_signed, a.published)", since, until, clauses, params)
        return self.db.execute(f"select count(*) from agreements g join articles a on a.id = g.article_id "
                               f"where {' and '.join(clauses)}", params).fetchone()[0]

    def stats(self) -> dict[str, list[dict]]:
        """Original articles per language and source, mentions and entities per label: from the counts."""
        def articles(dimension: str) -> list[dict]:
            return [{dimension: value or None, "articles": n} for value, n in self.db.execute(
                "select value, articles from article_counts where dimension = ? and articles > 0 "
                "order by articles desc, value", [dimension])]
        return {
            "languages": articles("lang"),
            "sources": articles("source"),
            "labels": list(self.db.query(
                "select label, sum(mentions) as mentions, count(nullif(entity_id, '')) as entities "
                "from label_counts where mentions > 0 group by label order by mentions desc")),
        }


def _date_range(expr: str, since: str | None, until: str | None, clauses: list[str],
                params: dict[str, Any]) -> None:
    """`expr` within [since, until]. until is compared on the date part, so an until day includes
    that whole day."""
    if since:
        clauses.append(f"{expr} >= :since")
        params["since"] = since
    if until:
        clauses.append(f"substr({expr}, 1, 10) <= :until")
        params["until"] = until


def _party_agreements(party_ids: list[str] | None, party_name: str | None, type_: str | None,
                      since: str | None, until: str | None) -> tuple[str, dict[str, Any]]:
    """A query of (agreement_id, sort_key) of the agreements, in original articles, binding a party
    given by entity ids and/or a name (its folded text or folded canonical name): one index range
    per key (entity_id, folded_text, folded_name: each indexed with what the filters read)."""
    clauses, params = ["original = 1"], {}
    if type_:
        clauses.append("type = :type")
        params["type"] = type_
    _date_range("sort_key", since, until, clauses, params)
    keys = []
    for i, entity_id in enumerate(party_ids or []):
        keys.append(f"entity_id = :id{i}")
        params[f"id{i}"] = entity_id
    if party_name:
        params["folded"] = index_form(party_name, "e")
        keys += ["folded_text = :folded", "folded_name = :folded"]
    if not keys:
        keys = ["0"]  # an empty list of ids: nothing
    where = " and ".join(clauses)
    return " union ".join(f"select agreement_id, sort_key from agreement_parties where {key} and {where}"
                          for key in keys), params


def _filters(lang: str | None, since: str | None, until: str | None,
             source: str | None) -> tuple[str, dict[str, str]]:
    clauses, params = [], {}
    if lang:
        clauses.append("a.lang = :lang")
        params["lang"] = lang
    _date_range("a.published", since, until, clauses, params)
    if source:
        clauses.append("a.source = :source")
        params["source"] = source
    return "".join(f" and {c}" for c in clauses), params


def agreement_out(row: dict[str, Any]) -> dict[str, Any]:
    keep = ("type", "title", "parties", "date_signed", "place", "status", "sentence", "start", "end")
    out = {k: row[k] for k in keep}
    out["parties"] = json.loads(row["parties"] or "[]")
    out["date_signed"] = ({"value": row["date_signed"], "precision": row["date_precision"]}
                          if row["date_signed"] else None)
    return out
