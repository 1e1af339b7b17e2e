import pytest

from newsmon.model import Agreement, Article, DateMention, Document, Mention, Party, Segment
from newsmon.store.articles import SCHEMA_VERSION, Store, StoreError


def make_article(url="http://x.test/a", lang="az", text=None, published="2025-09-10") -> Article:
    text = text or ("ASAN xidmət Cibutidə\nVətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət "
                    "Agentliyinin sədri Ülvi Mehdiyev 10 sentyabr 2025-ci ildə memorandum imzalayıb.")
    doc = Document(url=url, source="test", title=text.split("\n")[0], text=text, published=published,
                   published_from="metadata")
    ulvi = text.find("Ülvi Mehdiyev")
    return Article(
        doc=doc, lang=lang, lang_prob=0.99, segments=[Segment(0, len(text), lang, 0.99)],
        mentions=[Mention("ASAN xidmət", "ORG", 0, 11, lang, "sapssi",
                          "State Agency for Public Service and Social Innovations"),
                  Mention("Ülvi Mehdiyev", "PERSON", ulvi, ulvi + 13, lang, "person:ulvi-mehdiyev",
                          "Ulvi Mehdiyev")],
        dates=[DateMention("10 sentyabr 2025-ci ildə", "2025-09-10", "day", 0, 5)],
        agreements=[Agreement("memorandum", "memorandum", [Party("ASAN xidmət",
                    "State Agency for Public Service and Social Innovations", "sapssi")],
                    {"value": "2025-09-10", "precision": "day"}, None, "signed", "…", 10, 20)],
    )


def test_schema_is_created_idempotently_and_versioned(tmp_path):
    path = tmp_path / "n.db"
    Store(path)
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(tmp_path):
    store = Store(tmp_path / "n.db")
    store.db.execute(f"pragma user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer"):
        Store(tmp_path / "n.db")


def test_saved_article_round_trips_through_export(tmp_path):
    store = Store(tmp_path / "n.db")
    store.save_article(make_article())
    (record,) = list(store.export())
    assert record["lang"] == "az" and record["published"] == "2025-09-10"
    assert record["entities"][0] == {"text": "ASAN xidmət", "label": "ORG", "start": 0, "end": 11,
                                     "lang": "az", "canonical_id": "sapssi",
                                     "canonical_name": "State Agency for Public Service and Social Innovations"}
    assert record["dates"][0]["value"] == "2025-09-10" and record["dates"][0]["inferred"] is False
    assert record["agreements"][0]["parties"][0]["canonical_id"] == "sapssi"
    assert record["agreements"][0]["date_signed"] == {"value": "2025-09-10", "precision": "day"}


def test_search_folds_azerbaijani_and_filters(tmp_path):
    store = Store(tmp_path / "n.db")
    store.save_article(make_article())
    store.save_article(make_article("http://x.test/b", "en", "Baku visit\nUlvi Mehdiyev met KOICA.",
                                    "2024-01-05"))
    assert {r["lang"] for r in store.search("Ulvi")} == {"az", "en"}
    assert [r["lang"] for r in store.search("agentlik")] == ["az"]
    assert [r["lang"] for r in store.search("Ulvi", since="2025-01-01")] == ["az"]
    assert [r["lang"] for r in store.search("Ulvi", until="2024-12-31")] == ["en"]
    assert store.search("Ulvi", lang="en")[0]["snippet"].count("[Ulvi]") == 1
    assert store.search("nothing-like-this") == []


def test_entities_count_canonical_entities_not_strings(tmp_path):
    store = Store(tmp_path / "n.db")
    store.save_article(make_article())
    english = make_article("http://x.test/b", "en", "SAPSSI in Djibouti\nUlvi Mehdiyev spoke.")
    english.mentions[0].text = "SAPSSI"
    english.mentions[0].end = 6
    english.mentions[1].text = "Ulvi Mehdiyev"
    store.save_article(english)
    top = {r["id"]: r for r in store.top_entities()}
    assert top["sapssi"]["mentions"] == 2 and top["sapssi"]["articles"] == 2
    assert store.find_entity_ids("SAPSSI") == ["sapssi"]
    assert store.find_entity_ids("asan xidmet") == ["sapssi"]
    record = store.entity("sapssi")
    assert record["names"] == {"az": ["ASAN xidmət"], "en": ["SAPSSI"]}
    assert {a["url"] for a in record["articles"]} == {"http://x.test/a", "http://x.test/b"}


def test_duplicates_are_kept_out_of_search_and_counts(tmp_path):
    store = Store(tmp_path / "n.db")
    first = store.save_article(make_article())
    store.save_article(make_article("http://mirror.test/a"), duplicate_of=first)
    assert len(store.search("Mehdiyev")) == 1
    assert store.top_entities()[0]["articles"] == 1
    assert len(list(store.export())) == 1 and len(list(store.export(include_duplicates=True))) == 2


def test_unwritable_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open"):
        Store(tmp_path / "missing-dir" / "n.db")


def test_digest_lists_what_arrived_since_a_date(tmp_path):
    store = Store(tmp_path / "n.db")
    store.save_article(make_article())
    assert store.digest("2999-01-01")["articles"] == []
    data = store.digest("2000-01-01")
    assert [a["url"] for a in data["articles"]] == ["http://x.test/a"]
    assert data["actors"][0]["name"] == "State Agency for Public Service and Social Innovations"
    assert data["agreements"][0]["type"] == "memorandum"


def test_agreements_filtered_by_party_and_type(tmp_path):
    store = Store(tmp_path / "n.db")
    store.save_article(make_article())
    assert len(store.agreements(["sapssi"])) == 1
    assert store.agreements(["koica"]) == []
    assert len(store.agreements(None, "ASAN xidmət")) == 1
    assert store.agreements(type_="decree") == []
    assert store.agreements(since="2025-09-11") == []
