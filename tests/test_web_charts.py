"""The analyst's charts in the web UI: the data behind each (?format=json) and the inline SVG."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request

import pytest

from newsmon.store import analytics
from newsmon.web.server import make_server
from users_fixture import build


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("charts") / "news.db"
    store, ids = build(path)
    store.db["relevance"].insert_all([{"article_id": aid, "score": round(1 - i / 10, 2), "model": "t",
                                       "scored_at": "x"} for i, aid in enumerate(ids)])
    store.close()
    httpd = make_server(path, "127.0.0.1", 0, quiet=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.url.rstrip("/"), ids
    httpd.shutdown()
    httpd.server_close()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def test_entity_timeline_by_language_and_cooccurrence(server):
    base, ids = server
    status, body = get(base + "/entity/sapssi?format=json")
    record = json.loads(body)
    timeline = record["timeline"]
    assert timeline["bucket"] == "day" and timeline["days"][0] == "2025-09-09" and timeline["days"][-1] == "2025-09-18"
    counts = {s["name"]: sum(s["counts"]) for s in timeline["series"]}
    assert counts == {"az": 2, "en": 4, "fr": 2}  # mentions (title and text), by the language of the mention
    pairs = {r["id"]: r for r in record["cooccurring"]}
    assert pairs["koica"]["articles"] == 3 and pairs["person:ulvi-mehdiyev"]["articles"] == 3
    assert {a["id"] for a in pairs["koica"]["shared"]} == {ids[0], ids[4], ids[6]}
    status, page = get(base + "/entity/sapssi")
    assert status == 200 and '<figure class="chart" id="chart-timeline"' in page and "<svg" in page
    assert "<script" not in page and 'href="/pair?a=sapssi&amp;b=koica"' in page


def test_pair_page_lists_the_articles_behind_a_pair(server):
    base, ids = server
    data = json.loads(get(base + "/pair?a=sapssi&b=koica&format=json")[1])
    assert data["a"]["id"] == "sapssi" and {a["id"] for a in data["articles"]} == {ids[0], ids[4], ids[6]}
    assert get(base + "/pair?a=sapssi")[0] == 400
    assert get(base + "/pair?a=sapssi&b=nobody")[0] == 404


def test_agreements_over_time_by_type_and_party(server):
    base, _ = server
    data = json.loads(get(base + "/agreements/charts?format=json")[1])
    types = {s["name"]: sum(s["counts"]) for s in data["by_type"]["series"]}
    assert types == {"memorandum": 1, "protocol": 1}
    assert [p["id"] for p in data["parties"]] == ["koica", "sapssi"] or \
        [p["id"] for p in data["parties"]] == ["sapssi", "koica"]
    assert all(sum(s["counts"]) == 2 for s in data["by_party"]["series"])
    status, page = get(base + "/agreements/charts")
    assert status == 200 and page.count("<svg") == 2


def test_long_spans_are_shown_per_month():
    unit, axis, bucket_of = analytics.buckets(["2024-01-15", "2024-05-02", "2024-03-30"])  # 108 days
    assert unit == "month" and axis == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01"]
    assert bucket_of["2024-03-30"] == "2024-03-01"
    unit, axis, _ = analytics.buckets(["2024-01-30", "2024-02-02", "not a date"])
    assert unit == "day" and axis == ["2024-01-30", "2024-01-31", "2024-02-01", "2024-02-02"]


def test_search_and_digest_sort_and_filter_by_relevance(server):
    base, ids = server
    rows = json.loads(get(base + "/search?q=ASAN&sort=relevance&format=json")[1])
    assert [r["relevance"] for r in rows] == sorted((r["relevance"] for r in rows), reverse=True)
    kept = json.loads(get(base + "/search?q=ASAN&min_relevance=0.75&format=json")[1])
    assert kept and all(r["relevance"] >= 0.75 for r in kept) and len(kept) < len(rows)
    assert get(base + "/search?q=ASAN&min_relevance=2")[0] == 400
    digest = json.loads(get(base + "/digest?since=2025-09-01&min_relevance=0.5&format=json")[1])
    assert [a["relevance"] for a in digest["articles"]] == [1.0, 0.9, 0.8, 0.7, 0.6, 0.5]
    status, page = get(base + "/digest?since=2025-09-01")
    assert status == 200 and 'id="chart-digest"' in page


def test_spans_of_years_are_shown_per_year():
    unit, axis, bucket_of = analytics.buckets(["2012-06-30", "2025-09-01"])
    assert unit == "year" and axis[0] == "2012-01-01" and axis[-1] == "2025-01-01" and len(axis) == 14
    assert bucket_of["2025-09-01"] == "2025-01-01"


def test_a_chart_is_drawn_once_for_the_same_data():
    from newsmon.web import charts
    args = (["2025-09-01", "2025-09-02"], [{"name": "az", "counts": [1, 2]}], "t")
    first = charts.time_series(*args)
    assert charts.time_series(*args) is first  # from the cache, not drawn again
    assert charts.time_series(*args, fmt="png") is not first and first.startswith(b"<svg")
