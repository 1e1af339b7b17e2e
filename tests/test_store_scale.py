"""The store's kept counts, pages and index agree with the rows they summarise (issue 13)."""
from newsmon.model import Article, Document, Mention, Segment
from newsmon.store import counts
from newsmon.store.articles import Store

COUNT_TABLES = ("entity_counts", "entity_lang_counts", "label_counts", "article_counts", "entity_timeline")


def article(i: int, entities: list[tuple[str, str]], lang: str = "en", text: str | None = None) -> Article:
    text = text or f"Story {i} about development and the Prime Minister of Azərbaycan."
    doc = Document(url=f"http://x.test/{i}", source=f"src{i % 2}", title=f"Story {i}", text=text,
                   published=f"2025-09-{10 + i:02d}")
    mentions = [Mention(name, label, k, k + 3, lang, eid, name) for k, (eid, name, label) in
                enumerate((e, e.upper(), lb) for e, lb in entities)]
    mentions.append(Mention("10 September", "DATE", 50, 62, lang))
    return Article(doc=doc, lang=lang, lang_prob=1.0, segments=[Segment(0, len(text), lang, 1.0)],
                   mentions=mentions)


def snapshot(store: Store) -> dict[str, list]:
    return {t: sorted(store.db.execute(f"select * from {t}").fetchall()) for t in COUNT_TABLES}


def test_counts_kept_on_write_and_reprocess_equal_a_recount(tmp_path):
    store = Store(tmp_path / "n.db")
    first = store.save_article(article(1, [("koica", "ORG"), ("koica", "ORG"), ("baku", "LOC")]))
    store.save_article(article(2, [("koica", "ORG"), ("undp", "ORG")], lang="az"))
    store.save_article(article(3, [("koica", "ORG")]), duplicate_of=first)  # never counted
    store.replace_article(first, article(1, [("undp", "ORG")], lang="fr"))
    kept = snapshot(store)
    with store.db.conn:
        counts.rebuild(store.db.conn)
    assert snapshot(store) == kept
    assert [(e["id"], e["mentions"], e["articles"]) for e in store.top_entities()] == [
        ("undp", 2, 2), ("koica", 1, 1)]
    assert [e["id"] for e in store.top_entities(lang="az")] == ["koica", "undp"]
    stats = store.stats()
    assert {r["lang"]: r["articles"] for r in stats["languages"]} == {"fr": 1, "az": 1}
    assert {r["label"]: (r["mentions"], r["entities"]) for r in stats["labels"]} == {
        "ORG": (3, 2), "DATE": (2, 0)}


def test_entity_pages_newest_first_with_totals(tmp_path):
    store = Store(tmp_path / "n.db")
    for i in range(1, 6):
        store.save_article(article(i, [("koica", "ORG")]))
    full = store.entity("koica")
    assert [a["published"] for a in full["articles"]] == [f"2025-09-{10 + i}" for i in range(5, 0, -1)]
    page = store.entity("koica", limit=2, offset=2)
    assert page["articles"] == full["articles"][2:4]
    assert (page["mentions"], page["total_articles"]) == (5, 5)


def test_search_newest_first_pages_and_survives_a_folding_change(tmp_path):
    path = tmp_path / "n.db"
    store = Store(path)
    for i in range(1, 6):
        store.save_article(article(i, []))
    newest = store.search("development", sort="newest")
    assert [r["id"] for r in newest] == [5, 4, 3, 2, 1]
    assert [r["id"] for r in store.search("development", sort="newest", limit=2, offset=1)] == [4, 3]
    assert len(store.search('"prime minister"')) == 5 and len(store.search("Azerbaycan")) == 5
    store.replace_article(3, article(3, [], text="Nothing to find here."))
    assert 3 not in [r["id"] for r in store.search("development")]
    store.db.execute("update meta set value = 'older folding' where key = 'fts_folding'")
    store.db.conn.commit()
    store.close()
    reopened = Store(path)  # the index was built with other forms: rebuilt on open
    assert sorted(r["id"] for r in reopened.search("development")) == [1, 2, 4, 5]


def _page(i: int, entities: list[tuple[str, str]]):
    from newsmon.store.articles import Page, Response
    a = article(i, entities)
    html = f"<html><nav>{'menu ' * 50}</nav><p>{a.doc.text}</p></html>".encode()
    return Page(a, Response(a.doc.url, a.doc.url, a.doc.source, 200, "text/html", {"x": "1"}, html, None),
                bytes(8 * i), [i, 2 ** 40 + i], None)


def test_the_bulk_path_stores_what_page_by_page_saving_stores(tmp_path):
    pages = [_page(i, [("koica", "ORG"), (f"e{i}", "PERSON")]) for i in range(1, 8)]
    one = Store(tmp_path / "one.db")
    for p in pages:
        r = p.response
        one.save_raw_page(r.url, r.final_url, r.source, r.status, r.content_type, r.headers, r.body, None)
        with one.transaction():
            aid = one.save_article(p.article)
            one.save_fingerprint(aid, p.signature, p.bands)
            one.link_raw_page(r.url, aid)
    bulk = Store(tmp_path / "bulk.db")
    assert bulk.save_pages(iter(pages), every=3) == list(range(1, 8))

    def rows(store: Store) -> dict[str, list]:
        tables = [*COUNT_TABLES, "articles", "mentions", "fingerprints", "fingerprint_bands"]
        out = {t: sorted(store.db.execute(f"select * from {t}").fetchall()) for t in tables}
        out["articles"] = [r[:12] + r[13:] for r in out["articles"]]  # fetched_at (the clock) aside
        out["raw"] = sorted((p["url"], p["article_id"], p["body"]) for p in store.raw_pages())
        return out
    assert rows(bulk) == rows(one)
    assert [r["id"] for r in bulk.search("development", sort="newest")] == list(range(7, 0, -1))


def test_a_kept_response_survives_reprocessing_and_relinking(tmp_path):
    store = Store(tmp_path / "n.db")
    page = _page(1, [("koica", "ORG")])
    [aid] = store.save_pages([page])
    # reprocess: the article's text changes; its response was compressed against the old text
    store.replace_article(aid, article(1, [], text="Another text altogether, after a model upgrade."))
    assert [p["body"] for p in store.raw_pages()] == [page.response.body]
    # linked again, to another article (a canonical URL found later)
    other = store.save_article(article(2, []))
    store.link_raw_page(page.response.url, other)
    assert [(p["article_id"], p["body"]) for p in store.raw_pages()] == [(other, page.response.body)]


BIG_TABLES = {"articles", "mentions", "agreements", "entity_timeline", "raw_pages", "fingerprints",
              "dates", "segments", "fingerprint_bands"}


def test_no_listing_or_aggregate_reads_a_whole_large_table(tmp_path):
    """EXPLAIN QUERY PLAN of every statement the query API runs: a large table (one that grows
    with the articles) is only searched through an index, never scanned whole."""
    import re

    from newsmon.model import Agreement, Party
    store = Store(tmp_path / "n.db")
    for i in range(1, 6):
        a = article(i, [("koica", "ORG"), ("undp", "ORG")])
        a.agreements = [Agreement("memorandum", "MoU", [Party("KOICA", "KOICA", "koica")],
                                  {"value": "2025-09-01", "precision": "day"}, None, "signed", "s", 0, 5)]
        store.save_article(a)
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    store.search("development", sort="newest", limit=2)
    store.search("development", limit=2)
    store.entity("koica", limit=2)
    store.top_entities(top=2)
    store.top_entities(lang="en", top=2)
    store.agreements(["koica"], None, limit=2)
    store.count_agreements(["koica"])
    store.stats()
    store.digest("2025-01-01")
    from newsmon.store import analytics
    analytics.entity_timeline(store.db, "koica")
    analytics.cooccurring(store.db, "koica")
    store.db.conn.set_trace_callback(None)
    aliases = {}
    scans = []
    for sql in {s for s in statements if s.lstrip().lower().startswith(("select", "with"))}:
        for table, alias in re.findall(r"\b(?:from|join)\s+(\w+)(?:\s+(?:as\s+)?(\w+))?", sql, re.I):
            aliases[(alias or table).lower()] = table.lower()
        for row in store.db.execute(f"explain query plan {sql}",
                                    [None] * sql.count("?")).fetchall() if "?" in sql else \
                store.db.execute(f"explain query plan {sql}", {k: None for k in re.findall(r":(\w+)", sql)}).fetchall():
            m = re.match(r"SCAN (\w+)(.*)", row[3])
            if m and "USING" not in m.group(2) and aliases.get(m.group(1).lower(), m.group(1).lower()) in BIG_TABLES:
                scans.append((row[3], " ".join(sql.split())[:120]))
    assert scans == []


def test_a_demoted_original_leaves_the_party_listing_and_its_count(tmp_path):
    from newsmon.model import Agreement, Party
    store = Store(tmp_path / "n.db")

    def with_agreement(i: int) -> Article:
        a = article(i, [("koica", "ORG")])
        a.agreements = [Agreement("memorandum", "MoU", [Party("KOICA", "KOICA", "koica")],
                                  None, None, "signed", "s", 0, 5)]
        return a
    first = store.save_article(with_agreement(1))
    assert [a["published"] for a in store.agreements(["koica"])] == ["2025-09-11"]
    with store.transaction():
        later = store.save_article(with_agreement(2))
        store.make_original(later, first)  # the later article is the story's original
    assert [a["published"] for a in store.agreements(["koica"], "KOICA")] == ["2025-09-12"]
    assert store.count_agreements(["koica"], "KOICA") == 1
    store.replace_article(first, with_agreement(1))  # reprocessing a copy keeps it a copy
    assert store.count_agreements(["koica"]) == 1


def test_a_frequent_entity_timeline_is_read_from_its_days_and_equals_the_one_from_its_articles(tmp_path, monkeypatch):
    from newsmon.store import analytics
    monkeypatch.setattr(counts, "DAYS_KEPT_FROM", 3)
    store = Store(tmp_path / "n.db")
    for i in range(1, 6):  # kept from the third article on
        store.save_article(article(i, [("koica", "ORG"), ("koica", "ORG"), ("undp", "ORG")], lang="az" if i % 2 else "en"))
    store.replace_article(2, article(2, [("undp", "ORG")]))  # uncounted on one day, still kept
    conn = store.db.conn
    assert conn.execute("select days_kept from entity_counts where entity_id = 'koica'").fetchone() == (1,)
    from_days = analytics.entity_timeline(store.db, "koica")
    kept_rows = sorted(conn.execute("select * from entity_days").fetchall())
    with store.transaction():
        conn.execute("update entity_counts set days_kept = 0")
    assert analytics.entity_timeline(store.db, "koica") == from_days  # from entity_timeline's rows
    assert sum(sum(s["counts"]) for s in from_days["series"]) == 8
    with store.transaction():
        counts.rebuild(conn)
    assert sorted(conn.execute("select * from entity_days").fetchall()) == kept_rows


def test_newest_first_search_lists_the_index_terms_of_each_word_and_finds_the_same_rows(tmp_path, monkeypatch):
    from newsmon.store import queries, search
    store = Store(tmp_path / "n.db")
    texts = ["Azərbaycanın iqtisadiyyatı", "Azərbaycana gələn", "Azerbaijan and development",
             "developments in Baku", "nothing here"]
    for i, text in enumerate(texts, 1):
        store.save_article(article(i, [], text=text))
    assert sorted(store._index_terms("azerbaycan")) == ["azerbaycana", "azerbaycanin"]
    assert search.fts_query("development", store._index_terms).count('"') == 4  # two terms, no prefix
    for query in ("Azərbaycan", "development", "Baku development"):
        listed = [r["id"] for r in store.search(query, sort="newest")]
        monkeypatch.setattr(queries.Queries, "_index_terms", lambda self, prefix: None)
        assert [r["id"] for r in store.search(query, sort="newest")] == listed
        monkeypatch.undo()
    monkeypatch.setattr(queries, "MAX_EXPANSION", 1)  # more terms than that: the prefix query
    assert store._index_terms("azerbaycan") is None
    assert [r["id"] for r in store.search("Azərbaycan", sort="newest")] == [2, 1]
