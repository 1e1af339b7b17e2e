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
