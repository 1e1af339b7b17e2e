"""Datasette over a newsmon database: the metadata file, its canned queries, and a real Datasette server
on 127.0.0.1 answering a full-text search and a canned query."""
from __future__ import annotations

import json
import queue
import re
import sqlite3
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from newsmon.cli.main import cli
from newsmon.model import Agreement, Article, Document, Mention, Party, Segment
from newsmon.store.articles import Store

SAPSSI = "State Agency for Public Service and Social Innovations"
KOICA = "Korea International Cooperation Agency"
STARTUP_SECONDS = 60  # importing Datasette on a busy 2-core machine
REPO = Path(__file__).resolve().parent.parent
# `datasette serve ...` with newsmon's plugin, also from a checkout whose install predates its entry point
LAUNCH = ("-m", "newsmon.store.datasette_plugin")


def article(url: str, lang: str, title: str, body: str, published: str, names: dict[str, str],
            agreements: list[Agreement] | None = None) -> Article:
    """An Article whose mentions are every occurrence of each `names` surface (surface -> entity id)."""
    text = f"{title}\n{body}"
    mentions = []
    for surface, entity_id in names.items():
        start = text.find(surface)
        while start >= 0:
            canonical = {"sapssi": SAPSSI, "koica": KOICA}[entity_id]
            mentions.append(Mention(surface, "ORG", start, start + len(surface), lang, entity_id, canonical))
            start = text.find(surface, start + 1)
    return Article(doc=Document(url=url, source=f"{lang}-news", title=title, text=text, published=published),
                   lang=lang, lang_prob=0.99, segments=[Segment(0, len(text), lang, 0.99)],
                   mentions=mentions, agreements=agreements or [])


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("datasette") / "coverage.db"
    store = Store(path)
    memorandum = Agreement("memorandum", "memorandum of understanding",
                           [Party("ASAN xidmət", SAPSSI, "sapssi"), Party("KOICA", KOICA, "koica")],
                           {"value": "2025-09-10", "precision": "day"}, "Bakı", "signed", "…", 0, 10)
    store.save_article(article("https://az.example/1", "az", "Prezident İlham Əliyev ASAN xidmət mərkəzində",
                               "ASAN xidmət və KOICA memorandum imzalayıb.", "2025-09-10",
                               {"ASAN xidmət": "sapssi", "KOICA": "koica"}, [memorandum]))
    store.save_article(article("https://en.example/2", "en", "SAPSSI and KOICA sign a memorandum",
                               "President Ilham Aliyev welcomed the memorandum in Baku.", "2025-09-12",
                               {"SAPSSI": "sapssi", "KOICA": "koica"}))
    store.save_article(article("https://fr.example/3", "fr", "L'agence ASAN à Djibouti",
                               "Le centre ASAN ouvre à Djibouti, dit l'ambassadeur.", "2025-08-01",
                               {"ASAN": "sapssi"}))
    store.close()
    with sqlite3.connect(path) as conn:  # the relevance model's scores; article 2 is not scored
        conn.executemany("insert into relevance (article_id, score, model) values (?, ?, 'test')",
                         [(1, 0.9), (3, 0.2)])
    conn.close()
    return path


def write_metadata(db: Path, out: Path) -> dict:
    result = CliRunner().invoke(cli, ["--db", str(db), "datasette-metadata", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return yaml.safe_load(out.read_text(encoding="utf-8"))  # JSON is YAML too


def run(db: Path, sql: str, **params: str) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def test_metadata_names_the_index_and_its_queries_answer_like_the_cli(db, tmp_path):
    meta = write_metadata(db, tmp_path / "metadata.json")
    database = meta["databases"]["coverage"]  # Datasette's name for coverage.db
    assert database["tables"]["articles"]["fts_table"] == "articles_fts"
    assert database["tables"]["raw_pages"] == {"hidden": True}
    queries = database["queries"]
    by_id = run(db, queries["entity_articles"]["sql"], entity="sapssi")
    assert [r["lang"] for r in by_id] == ["en", "az", "fr"]  # newest first
    # any stored name of the entity, any case, means the whole entity (as `newsmon entity`)
    assert run(db, queries["entity_articles"]["sql"], entity="asan xidmət") == by_id
    assert [r["title"] for r in run(db, queries["entity_articles"]["sql"], entity="koica")] == [
        "SAPSSI and KOICA sign a memorandum", "Prezident İlham Əliyev ASAN xidmət mərkəzində"]
    assert run(db, queries["entity_articles"]["sql"], entity="nobody") == []
    parties = run(db, queries["agreements_by_party"]["sql"], party="")
    assert [(r["party"], r["party_id"], r["type"]) for r in parties] == [
        (KOICA, "koica", "memorandum"), (SAPSSI, "sapssi", "memorandum")]
    assert [r["party_id"] for r in run(db, queries["agreements_by_party"]["sql"], party="Korea")] == ["koica"]
    assert run(db, queries["agreements_by_party"]["sql"], party="UNDP") == []
    # articles by the relevance model's score, unscored ones last
    ranked = run(db, queries["articles_by_relevance"]["sql"], min_relevance="")
    assert [(r["id"], r["relevance"]) for r in ranked] == [(1, 0.9), (3, 0.2), (2, None)]
    assert [r["id"] for r in run(db, queries["articles_by_relevance"]["sql"], min_relevance="0.5")] == [1]


def test_datasette_loads_the_plugin_from_newsmons_entry_point():
    import tomllib
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["entry-points"]["datasette"] == {"newsmon": "newsmon.store.datasette_plugin"}


def test_yaml_by_suffix_keeps_the_sql_readable(db, tmp_path):
    out = tmp_path / "metadata.yaml"
    meta = write_metadata(db, out)
    assert "sql: |" in out.read_text(encoding="utf-8")
    assert meta["databases"]["coverage"]["queries"]["entity_articles"]["sql"].startswith("select")


def test_stdout_json_and_an_unwritable_file_is_one_line(db, tmp_path):
    runner = CliRunner()
    printed = runner.invoke(cli, ["--db", str(db), "datasette-metadata"])
    assert printed.exit_code == 0
    assert "entity_articles" in json.loads(printed.output)["databases"]["coverage"]["queries"]
    bad = runner.invoke(cli, ["--db", str(db), "datasette-metadata", "--out", str(tmp_path / "no" / "m.json")])
    assert bad.exit_code == 1 and "cannot write" in bad.output and "Traceback" not in bad.output
    helped = runner.invoke(cli, ["datasette-metadata", "--help"])
    assert "Example:" in helped.output and "datasette coverage.db -m" in helped.output


class Datasette:
    """`datasette serve` in a subprocess on 127.0.0.1, any free port (read from its log line)."""

    def __init__(self, db: Path, metadata: Path) -> None:
        pytest.importorskip("datasette", reason="Datasette is not installed (pip install 'newsmon[datasette]')")
        self.proc = subprocess.Popen(
            [sys.executable, *LAUNCH, "serve", str(db), "-m", str(metadata), "--host", "127.0.0.1",
             "--port", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=lambda: [lines.put(line) for line in self.proc.stderr], daemon=True).start()
        self.base, log = None, []
        while self.base is None:
            try:
                line = lines.get(timeout=STARTUP_SECONDS)
            except queue.Empty:
                self.stop()
                pytest.fail(f"datasette did not start within {STARTUP_SECONDS} s: {''.join(log)[-2000:]}")
            log.append(line)
            found = re.search(r"running on (http://127\.0\.0\.1:\d+)", line)
            self.base = found.group(1) if found else None

    def get(self, path: str, shape: str | None = "array", **params: str) -> object:
        query = {**params, **({"_shape": shape} if shape else {})}
        url = f"{self.base}{path}?{urllib.parse.urlencode(query)}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)


def test_datasette_searches_articles_and_runs_the_canned_queries(db, tmp_path):
    metadata = tmp_path / "metadata.json"
    write_metadata(db, metadata)
    server = Datasette(db, metadata)
    try:
        # the search box on the articles table folds as `newsmon search` does (newsmon's plugin)
        for query, ids in (("Aliyev", [1, 2]), ("Əliyev", [1, 2]), ("Eliyev", [1])):
            found = server.get("/coverage/articles.json", _search=query, _col="title")
            assert sorted(r["id"] for r in found) == ids, query
        assert [r["id"] for r in server.get("/coverage/articles.json", _search="xidmət")] == [1]
        # Azerbaijani endings are stemmed: "memorandumu" finds "memorandum" too, in any language
        assert sorted(r["id"] for r in server.get("/coverage/articles.json", _search="memorandumu")) == [1, 2]
        assert server.get("/coverage/articles.json", _search="?!") == []
        assert [r["id"] for r in server.get("/coverage/articles.json", _search="Djibouti")] == [3]
        assert server.get("/coverage/articles.json", _search="Tokyo") == []
        rows = server.get("/coverage/entity_articles.json", entity="KOICA")
        assert [r["url"] for r in rows] == ["https://en.example/2", "https://az.example/1"]
        ranked = server.get("/coverage/articles_by_relevance.json", min_relevance="0.1")
        assert [(r["id"], r["relevance"]) for r in ranked] == [(1, 0.9), (3, 0.2)]
        parties = server.get("/coverage/agreements_by_party.json", party="sapssi")
        assert [(r["party"], r["type"], r["status"]) for r in parties] == [(SAPSSI, "memorandum", "signed")]
        tables = {t["name"]: t for t in server.get("/coverage.json", shape=None)["tables"]}
        assert tables["raw_pages"]["hidden"] and not tables["articles"]["hidden"]
        # the index is contentless (issue 13): Datasette cannot detect it, the metadata names it
        assert json.loads(metadata.read_text())["databases"]["coverage"]["tables"]["articles"]["fts_table"] \
            == "articles_fts"
    finally:
        server.stop()
    assert server.proc.returncode is not None
