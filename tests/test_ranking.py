"""Ranked search scored by `store.ranking.Ranker` (the query's index terms, no prefix query) orders
results as FTS5's bm25 orders the prefix query (issue 13)."""
import pytest

from newsmon.store import queries
from newsmon.store.articles import Store
from newsmon.store.search import fts_query
from tests.test_store_scale import article

FILLER = "words of no interest in this story"  # every text is padded to the same length


def _store(tmp_path, texts: list[str]) -> Store:
    store = Store(tmp_path / "n.db")
    for i, text in enumerate(texts, 1):
        words = text.split()
        store.save_article(article(i, [], lang="az", text=" ".join(words + FILLER.split() * 3)[:400]))
    return store


def _ranked(store: Store, query: str, ranker: bool, monkeypatch) -> list[int]:
    monkeypatch.setattr(queries, "PREFIX_MERGE_LIMIT", 0 if ranker else 10 ** 9)
    assert (store._rank_words(query) is not None) == ranker
    return [r["id"] for r in store.search(query, limit=50)]


def test_the_ranker_orders_as_bm25_orders_the_prefix_query_not_as_it_orders_the_terms(tmp_path, monkeypatch):
    # one inflection four times (1) against three rare inflections once each (2): as one prefix, 1
    # has more hits; as separate terms, 2 has three rare terms and wins
    store = _store(tmp_path, [
        "Azərbaycan Azərbaycan Azərbaycan Azərbaycan iqtisadiyyat",
        "Azərbaycanın Azərbaycanda Azərbaycana iqtisadiyyatı",
        "Azərbaycan iqtisadiyyatın",
        "Azərbaycan Azərbaycan",
    ] + [f"Story {i} about Baku" for i in range(8)])
    prefix = _ranked(store, "Azərbaycan", False, monkeypatch)
    assert prefix == [1, 2, 4, 3]  # hits of the prefix: 4, 3, 2, 1
    assert _ranked(store, "Azərbaycan", True, monkeypatch) == prefix
    terms = [r[0] for r in store.db.execute(
        "select rowid from articles_fts where articles_fts match ? order by rank",
        [fts_query("Azərbaycan", store._index_terms)])]
    assert terms[0] == 2  # bm25 over the listed terms: the order the ranker does not give
    # two words, each in one inflection per article: the ranker's row counts are exact
    both = _ranked(store, "Azərbaycan iqtisadiyyat", False, monkeypatch)
    assert sorted(both) == [1, 2, 3] and _ranked(store, "Azərbaycan iqtisadiyyat", True, monkeypatch) == both


@pytest.mark.parametrize("ranker", [False, True])
def test_ranked_windows_and_filters_by_either_scorer(tmp_path, monkeypatch, ranker):
    """The newest RANK_WINDOW matches are ranked first, then the next window, with the filters."""
    store = Store(tmp_path / "n.db")
    for i in range(1, 6):  # 1 matches best; 4 and 5 are in Azerbaijani
        text = "budget " * (3 if i == 1 else 1) + "and more words here " * 5
        store.save_article(article(i, [], lang="az" if i >= 4 else "en", text=text))
    assert _ranked(store, "budget", ranker, monkeypatch)[0] == 1
    monkeypatch.setattr(queries, "RANK_WINDOW", 2)
    windowed = _ranked(store, "budget", ranker, monkeypatch)
    assert sorted(windowed[:2]) == [4, 5] and sorted(windowed[2:4]) == [2, 3] and windowed[4] == 1
    assert [r["id"] for r in store.search("budget", lang="en", limit=1)] in ([2], [3])
    assert [r["id"] for r in store.search("budget", limit=2, offset=4)] == [1]
    assert store.search("budget nowhere") == []


def test_the_prefix_query_ranks_phrases_uncommitted_writes_and_long_expansions(tmp_path, monkeypatch):
    store = _store(tmp_path, ["Azərbaycan prime minister", "Azərbaycanın baş naziri"])
    monkeypatch.setattr(queries, "PREFIX_MERGE_LIMIT", 0)
    assert [len(w.terms) for w in store._rank_words("Azərbaycan")] == [4]  # 2 inflections, 2 foldings
    assert store._rank_words('"prime minister" Azərbaycan') is None
    with store.transaction():
        assert store._rank_words("Azərbaycan") is None  # the ranker's connection would not see these rows
        assert store._open_ranker() is None
        assert sorted(r["id"] for r in store.search("Azərbaycan")) == [1, 2]  # the stdlib's connection ranks
    monkeypatch.setattr(queries, "RANK_EXPANSION", 1)
    assert store._rank_words("Azərbaycan") is None
    assert sorted(r["id"] for r in store.search("Azərbaycan")) == [1, 2]
    store.close()
