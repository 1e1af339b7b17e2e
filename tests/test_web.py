"""`newsmon serve`: the read-only web UI, served on 127.0.0.1 from a small store built in the test."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmon.cli.main import cli
from newsmon.model import Agreement, Article, Document, Mention, Party, Segment
from newsmon.store.articles import Store
from newsmon.web.server import make_server

REPO = Path(__file__).resolve().parent.parent
SAPSSI = "State Agency for Public Service and Social Innovations"
XSS = "<script>alert('x')</script> Bakı & Co"


def article(url: str, lang: str, title: str, body: str, published: str,
            names: dict[str, str] | None = None, agreements=()) -> Article:
    """An Article whose mentions are every occurrence of each `names` surface (surface -> entity id)."""
    text = f"{title}\n{body}"
    mentions = []
    for surface, entity_id in (names or {}).items():
        start = text.find(surface)
        while start >= 0:
            canonical = {"sapssi": SAPSSI, "koica": "Korea International Cooperation Agency"}.get(
                entity_id, surface)
            mentions.append(Mention(surface, "ORG", start, start + len(surface), lang, entity_id, canonical))
            start = text.find(surface, start + 1)
    return Article(doc=Document(url=url, source=f"{lang}-news", title=title, text=text, published=published),
                   lang=lang, lang_prob=0.99, segments=[Segment(0, len(text), lang, 0.99)],
                   mentions=mentions, agreements=list(agreements))


def memorandum() -> Agreement:
    return Agreement("memorandum", "memorandum of understanding",
                     [Party("ASAN xidmət", SAPSSI, "sapssi"),
                      Party("KOICA", "Korea International Cooperation Agency", "koica")],
                     {"value": "2025-09-10", "precision": "day"}, "Bakı", "signed", "…", 0, 10)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "news.db"
    store = Store(path)
    first = store.save_article(article(
        "https://az.example/1", "az", "Prezident İlham Əliyev ASAN xidmət mərkəzində",
        "ASAN xidmət və KOICA memorandum imzalayıb. Ağdam, Şuşa, ığ.", "2025-09-10",
        {"ASAN xidmət": "sapssi", "KOICA": "koica"}, [memorandum()]))
    store.save_article(article(
        "https://en.example/2", "en", "SAPSSI and KOICA sign a memorandum",
        "President Ilham Aliyev welcomed the SAPSSI memorandum [signed] in Baku.", "2025-09-12",
        {"SAPSSI": "sapssi", "KOICA": "koica"}))
    store.save_article(article(
        "https://fr.example/3", "fr", "L'agence ASAN au Djibouti",
        "Le centre ASAN ouvre à Djibouti.", "2025-08-01", {"ASAN": "sapssi"}))
    store.save_article(article(
        "javascript:alert(1)", "en", XSS, "DA in Baku: <b>bold</b> agency [note].", "2025-09-11",
        {"DA": "org:digital-a"}))
    store.save_article(article(
        "https://en.example/5", "en", "Another DA", "DA here is a different agency.", "2025-09-13",
        {"DA": "org:digital-b"}))
    # a copy of the first story: kept in the store, but hidden like everywhere else
    store.save_article(article("https://copy.example/1", "az", "Prezident İlham Əliyev (copy)",
                               "ASAN xidmət", "2025-09-10"), duplicate_of=first)
    run = store.start_run("crawl", "sources.toml")
    store.finish_run(run, {"new": 5, "duplicates": 1})
    store.db.conn.close()
    return path


@pytest.fixture(scope="module")
def server(db):
    httpd = make_server(db, "127.0.0.1", 0, quiet=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def get(server, path: str) -> tuple[int, str, str]:
    """(status, content type, body) of a GET, redirects followed, errors returned not raised."""
    try:
        path = urllib.parse.quote(path, safe="/?&=%:!")
        with urllib.request.urlopen(server.url.rstrip("/") + path, timeout=10) as resp:
            return resp.status, resp.headers["Content-Type"], resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read().decode("utf-8")


def get_json(server, path: str):
    status, ctype, body = get(server, path + ("&" if "?" in path else "?") + "format=json")
    assert status == 200 and ctype.startswith("application/json"), body
    return json.loads(body)


def test_overview_shows_counts_search_box_links_and_runs(server):
    status, ctype, body = get(server, "/")
    assert status == 200 and ctype == "text/html; charset=utf-8"
    assert '<form action="/search"' in body
    for page in ("/entities", "/agreements", "/digest", "/export.jsonl"):
        assert f'href="{page}"' in body
    assert "5 articles" in body and "sources.toml" in body
    data = get_json(server, "/")
    assert {r["lang"]: r["articles"] for r in data["stats"]["languages"]} == {"en": 3, "az": 1, "fr": 1}
    assert data["runs"][0]["new"] == 5


def test_search_folds_azerbaijani_and_renders_utf8(server):
    status, _, body = get(server, "/search?q=Aliyev")
    assert status == 200
    assert "Prezident İlham Əliyev ASAN xidmət mərkəzində" in body  # ə, İ rendered as UTF-8
    assert '<a href="https://az.example/1"' in body
    assert "<mark>Aliyev</mark>" in body and "<mark>Əliyev</mark>" in body
    assert "(copy)" not in body  # duplicates are hidden
    rows = get_json(server, "/search?q=Aliyev")
    assert {r["url"] for r in rows} == {"https://az.example/1", "https://en.example/2"}
    assert [r["lang"] for r in get_json(server, "/search?q=Aliyev&lang=az&since=2025-09-01")] == ["az"]


def test_json_carries_the_same_rows_as_the_store_and_the_cli(server, db):
    rows = get_json(server, "/search?q=memorandum")
    assert rows == Store(db).search("memorandum")
    result = CliRunner().invoke(cli, ["--db", str(db), "search", "memorandum", "--format", "json"])
    assert json.loads(result.output) == rows
    assert get_json(server, "/entities?label=org") == Store(db).top_entities("ORG")


def test_untrusted_text_is_escaped_and_only_http_urls_become_links(server):
    for path in ("/search?q=Baku", "/digest?since=2000-01-01", "/entity/org%3Adigital-a"):
        status, _, body = get(server, path)
        assert status == 200
        assert "<script>" not in body and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in body
        assert 'href="javascript:' not in body
    _, _, body = get(server, "/search?q=Baku")
    assert "&lt;b&gt;bold&lt;/b&gt;" in body and "<b>bold" not in body
    assert "<mark>Baku</mark>" in body and "[note]" in body  # the article's own brackets stay
    _, _, body = get(server, "/search?q=SAPSSI")
    assert "<mark>SAPSSI</mark> memorandum [signed]" in body


def test_entities_link_to_entity_pages_with_articles_in_every_language(server):
    _, _, body = get(server, "/entities?label=ORG")
    assert '<a href="/entity/sapssi">' in body
    status, _, body = get(server, "/entity/sapssi")
    assert status == 200 and SAPSSI in body
    for url in ("https://az.example/1", "https://en.example/2", "https://fr.example/3"):
        assert url in body
    record = get_json(server, "/entity/sapssi")
    assert record["names"] == {"az": ["ASAN xidmət"], "en": ["SAPSSI"], "fr": ["ASAN"]}
    assert {a["lang"] for a in record["articles"]} == {"az", "en", "fr"}
    assert [r["id"] for r in get_json(server, "/entities?lang=fr")] == ["sapssi"]


def test_entity_by_name_resolves_folded_names_or_offers_a_choice(server):
    record = get_json(server, "/entity?name=asan xidmet")  # redirected to /entity/sapssi
    assert record["id"] == "sapssi"
    status, _, body = get(server, "/entity?name=SAPSSI")
    assert status == 200 and "Names by language" in body
    status, _, body = get(server, "/entity?name=DA")
    assert status == 200 and "choose one" in body
    assert 'href="/entity/org%3Adigital-a"' in body and 'href="/entity/org%3Adigital-b"' in body
    assert {m["id"] for m in get_json(server, "/entity?name=DA")["matches"]} == {"org:digital-a",
                                                                                   "org:digital-b"}
    assert get(server, "/entity?name=Nobody")[0] == 404
    assert get(server, "/entity/nobody")[0] == 404


def test_agreements_and_digest(server):
    status, _, body = get(server, "/agreements?party=KOICA&type=memorandum")
    assert status == 200 and "memorandum" in body and "2025-09-10" in body and "Bakı" in body
    assert '<a href="/entity/koica">' in body
    assert '<a href="https://az.example/1" rel="noopener noreferrer">Prezident İlham Əliyev' in body
    assert len(get_json(server, "/agreements?party=koica")) == 1
    assert get_json(server, "/agreements?party=UNDP") == []
    assert get_json(server, "/agreements?since=2025-09-11") == []
    digest = get_json(server, "/digest?since=2000-01-01")
    assert len(digest["articles"]) == 5 and digest["agreements"][0]["type"] == "memorandum"
    default = get_json(server, "/digest")  # the last 24 hours, as `newsmon digest`
    since = datetime.fromisoformat(default["since"])
    assert timedelta(hours=23) < datetime.now(timezone.utc) - since < timedelta(hours=25)
    assert len(default["articles"]) == 5
    status, _, body = get(server, "/digest")
    assert status == 200 and "new articles stored since" in body and "last 7 days" in body


def test_export_streams_one_json_object_per_stored_article(server, db):
    with urllib.request.urlopen(server.url + "export.jsonl", timeout=10) as resp:
        assert resp.headers["Content-Type"].startswith("application/x-ndjson")
        lines = resp.read().decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert records == list(Store(db).export())
    assert len(records) == 5 and all("entities" in r for r in records)
    with urllib.request.urlopen(server.url + "export.jsonl?include_duplicates=1", timeout=10) as resp:
        assert len(resp.read().splitlines()) == 6


@pytest.mark.parametrize("path, status, message", [
    ("/nowhere", 404, "no page at /nowhere"),
    ("/search?q=Aliyev&since=2025-13-01", 400, "since: expected a date as YYYY-MM-DD"),
    ("/search?q=Aliyev&since=yesterday", 400, "since"),
    ("/search?q=!!!", 400, "empty search query"),
    ("/search?q=x&limit=lots", 400, "limit"),
    ("/search?q=x&limit=%C2%B2", 400, "limit"),
    ("/entities?top=0", 400, "top: expected a whole number"),
    ("/entities?label=THING", 400, "label: expected one of"),
    ("/agreements?type=treaty", 400, "type"),
    ("/digest?since=2025-09-01T25:00", 400, "since"),
    ("/?format=xml", 400, "format"),
])
def test_errors_are_readable_pages_with_the_right_status(server, path, status, message):
    got, ctype, body = get(server, path)
    assert got == status and ctype.startswith("text/html")
    assert message.replace("'", "&#x27;") in body and "Traceback" not in body
    got, ctype, body = get(server, path + ("&" if "?" in path else "?") + "format=json")
    if "format=xml" not in path:
        assert got == status and message.split(":")[0] in json.loads(body)["error"]


def test_works_while_a_crawl_holds_the_write_lock(server, db):
    writer = Store(db)
    writer.db.conn.execute("BEGIN IMMEDIATE")
    writer.db.conn.execute("insert into meta (key, value) values ('lock', 'held')")
    try:
        # a page that had to wait for the writer would fail once busy_timeout runs out, so every
        # answer being a 200 is the test; how fast they come is for benchmarks, not a limit here
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda p: get(server, p)[0],
                                    ["/", "/search?q=ASAN", "/entity/sapssi", "/digest", "/entities"] * 2))
        assert results == [200] * 10
    finally:
        writer.db.conn.rollback()
        writer.db.conn.close()


def test_a_new_database_is_created_and_shown_empty(tmp_path):
    httpd = make_server(tmp_path / "fresh.db", "127.0.0.1", 0, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        status, _, body = get(httpd, "/")
        assert status == 200 and "0 articles" in body
        assert get_json(httpd, "/search?q=anything") == []
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_knowledge_base_adds_the_names_the_cli_shows(db):
    from newsmon.nlp.kb import KnowledgeBase
    httpd = make_server(db, "127.0.0.1", 0, kb=KnowledgeBase.load(), quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        record = get_json(httpd, "/entity?name=Korea International Cooperation Agency")
        assert record["id"] == "koica" and "Koreya Beynəlxalq Əməkdaşlıq Agentliyi" in record["names"]["az"]
        cli_record = json.loads(CliRunner().invoke(cli, ["--db", str(db), "entity", "koica",
                                                         "--format", "json"]).output)
        assert record == cli_record
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_serve_help_has_an_example():
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and "newsmon --db news.db serve --port 8001" in result.output


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_serve_prints_its_url_and_stops_on_ctrl_c(db):
    proc = subprocess.Popen([sys.executable, "-m", "newsmon", "--db", str(db), "serve", "--port", "0"],
                            cwd=REPO, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = proc.stderr.readline()
        assert line.startswith(f"serving {db} at http://127.0.0.1:"), line
        url = line.split(" at ")[1].split()[0]
        # generous bounds: they catch a server that hangs, not a slow one (the first page imports
        # the templates and the queries; under a loaded 2-core CI runner that took over 10 s)
        with urllib.request.urlopen(url, timeout=60) as resp:
            assert resp.status == 200
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
        assert "stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_an_entity_page_lists_its_latest_articles_with_the_total(server, monkeypatch):
    from newsmon.web import server as server_module
    monkeypatch.setattr(server_module, "ENTITY_ARTICLES", 2)
    record = get_json(server, "/entity/sapssi")
    assert len(record["articles"]) == 2 and record["total_articles"] == 3
    _, _, body = get(server, "/entity/sapssi")
    assert "in 3 articles" in body and "The latest 2 of 3." in body
