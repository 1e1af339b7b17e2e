"""End to end: serve corpus/site on 127.0.0.1, crawl it with the real `newsmon` CLI, query the result."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmon.samplesite import sample_sources_text

REPO = Path(__file__).resolve().parent.parent
GOLD = [json.loads(line) for line in (REPO / "corpus" / "sample-gold.jsonl").read_text().splitlines()
        if line.strip()]

pytestmark = pytest.mark.slow


def newsmon(db: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsmon", "--db", str(db), *args],
                          capture_output=True, text=True, timeout=600, cwd=REPO)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, sample_site):
    tmp = tmp_path_factory.mktemp("e2e")
    sources = tmp / "sources.toml"
    sources.write_text(sample_sources_text(sample_site), encoding="utf-8")
    db = tmp / "newsmon.db"
    first = newsmon(db, "crawl", "--sources", str(sources))
    assert first.returncode == 0, first.stderr
    second = newsmon(db, "crawl", "--sources", str(sources))
    assert second.returncode == 0, second.stderr
    return db, first, second, sample_site


def test_every_article_is_stored_once_and_robots_is_obeyed(crawled):
    db, first, _, base = crawled
    rows = json.loads(newsmon(db, "stats", "--format", "json").stdout)
    assert sum(r["articles"] for r in rows["languages"]) == len(GOLD)
    exported = [json.loads(l) for l in newsmon(db, "export", "--format", "jsonl").stdout.splitlines()]
    assert sorted(r["url"] for r in exported) == sorted(base + g["path"] for g in GOLD)
    assert not any("/private/" in r["url"] for r in exported)
    assert "blocked by robots.txt" in first.stderr


def test_second_run_adds_and_changes_nothing(crawled):
    db, _, second, _ = crawled
    assert "0 new articles" in second.stderr
    runs = json.loads(newsmon(db, "runs", "--format", "json").stdout)
    assert [r["new"] for r in runs] == [0, len(GOLD)]


def test_languages_match_the_gold(crawled):
    db, _, _, base = crawled
    records = [json.loads(line) for line in newsmon(db, "export").stdout.splitlines()]
    langs = {r["url"][len(base):]: r["lang"] for r in records}
    wrong = [(g["path"], g["lang"], langs[g["path"]]) for g in GOLD if langs[g["path"]] != g["lang"]]
    assert wrong == []


def test_export_has_the_documented_fields(crawled):
    db, *_ = crawled
    record = json.loads(newsmon(db, "export", "--format", "jsonl").stdout.splitlines()[0])
    for key in ("id", "url", "source", "lang", "title", "published", "text", "entities", "dates",
                "agreements"):
        assert key in record
    for mention in record["entities"]:
        assert record["text"][mention["start"]:mention["end"]] == mention["text"]
        assert {"label", "canonical_id", "canonical_name"} <= mention.keys()
    for date in record["dates"]:
        assert date["precision"] in ("year", "month", "day")


def test_search_in_table_json_and_csv(crawled):
    db, *_ = crawled
    hits = json.loads(newsmon(db, "search", "memorandum", "--format", "json").stdout)
    assert hits and all({"title", "url", "snippet", "lang"} <= h.keys() for h in hits)
    assert {h["lang"] for h in hits} >= {"az", "en", "fr"}  # memorandum, memorandumu, mémorandum
    table = newsmon(db, "search", "memorandum", "--format", "table", "--limit", "3").stdout
    assert table.splitlines()[0].split()[:3] == ["id", "published", "lang"]
    assert newsmon(db, "search", "memorandum", "--format", "csv").stdout.startswith("id,published,lang")
    only_fr = json.loads(newsmon(db, "search", "memorandum", "--lang", "fr", "--format", "json").stdout)
    assert only_fr and {h["lang"] for h in only_fr} == {"fr"}


def test_one_entity_across_three_languages(crawled):
    db, *_ = crawled
    result = newsmon(db, "entity", "SAPSSI", "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["name"] == "State Agency for Public Service and Social Innovations"
    assert {a["lang"] for a in record["articles"]} >= {"az", "en", "fr"}
    assert all({"url", "title", "lang", "published"} <= a.keys() for a in record["articles"])
    table = newsmon(db, "entity", "ASAN", "--format", "table").stdout
    assert "State Agency for Public Service and Social Innovations" in table.splitlines()[0]


def test_entities_and_stats_tables(crawled):
    db, *_ = crawled
    top = json.loads(newsmon(db, "entities", "--label", "ORG", "--limit", "5", "--format", "json").stdout)
    assert top[0]["id"] and top[0]["mentions"] >= top[-1]["mentions"]
    assert "State Agency for Public Service and Social Innovations" in [t["name"] for t in top]
    stats = newsmon(db, "stats", "--format", "table").stdout
    assert "languages" in stats and "az" in stats


def test_agreements_and_digest(crawled):
    db, *_ = crawled
    records = json.loads(newsmon(db, "agreements", "--party", "KOICA", "--format", "json").stdout)
    assert records and all("Korea International Cooperation Agency" in [p["name"] for p in r["parties"]]
                           for r in records)
    assert {r["lang"] for r in records} >= {"az", "en", "fr"}
    decrees = json.loads(newsmon(db, "agreements", "--type", "decree", "--format", "json").stdout)
    assert decrees and {r["type"] for r in decrees} == {"decree"}
    digest = newsmon(db, "digest", "--since", "2000-01-01").stdout
    assert digest.startswith(f"Digest since 2000-01-01: {len(GOLD)} new articles")


def test_unknown_entity_and_bad_sources_are_clear_errors(crawled, tmp_path):
    db, *_ = crawled
    missing = newsmon(db, "entity", "Nobody Atall")
    assert missing.returncode != 0 and "no entity named" in missing.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sources]]\nname = "x"\nfeedz = ["http://127.0.0.1/"]\n')
    result = newsmon(db, "crawl", "--sources", str(bad))
    assert result.returncode != 0 and f"{bad}:3: unknown key 'feedz'" in result.stderr


def test_demo_serves_crawls_and_summarises(tmp_path):
    result = newsmon(tmp_path / "demo.db", "demo", "--port", "0")
    assert result.returncode == 0, result.stderr
    assert f"{len(GOLD)} articles in" in result.stdout
    assert "Top ORG:" in result.stdout and "State Agency for Public Service and Social Innovations" in result.stdout
