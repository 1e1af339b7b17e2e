"""A crawl killed with SIGKILL and started again ends with the same database as one uninterrupted run.

The crawl runs as a real subprocess (`python -m newsmon crawl`, the same click command
`newsmon crawl` runs) with NEWSMON_PIPELINE=fake, the test-only switch to a model-free pipeline.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import Site, article_html, rss, story  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PAGES_PER_HOST = 20


def _slow(body: bytes, delay: float):
    def route(handler):
        time.sleep(delay)  # slow enough that a kill lands mid-run
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return route


@pytest.fixture(scope="module")
def newsroom():
    hosts = [Site() for _ in range(3)]
    for h, site in enumerate(hosts):
        items = []
        for i in range(PAGES_PER_HOST):
            # every fifth story of host 0 is republished by hosts 1 and 2 with their own header
            seed = i if h == 0 or i % 5 == 0 else 1000 * h + i
            html = article_html(f"Story {h}-{i}", story(seed), header=f"Host {h} reports",
                                footer=f"Copyright host {h}")
            site.routes[f"/news/{i}.html"] = _slow(html.encode(), 0.08)
            items.append((f"Story {i}", f"/news/{i}.html?utm_source=rss",
                          f"Mon, {1 + (i + h) % 28:02d} Sep 2025 09:00:00 +0400"))
        site.page("/rss.xml", rss(items), content_type="application/rss+xml", etag='"1"')
    yield hosts
    for site in hosts:
        site.close()


def _sources(tmp_path, hosts) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text("[defaults]\ndelay = 0.0\n" + "".join(
        f'\n[[sources]]\nname = "host{h}"\nfeeds = ["{site.base}/rss.xml"]\n' for h, site in enumerate(hosts)))
    return path


def _crawl(db: Path, sources: Path) -> subprocess.Popen:
    env = {**os.environ, "NEWSMON_DB": str(db), "NEWSMON_PIPELINE": "fake", "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "newsmon", "crawl", "--sources", str(sources)],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _articles(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from articles").fetchone()[0]


def _pages_served(hosts) -> int:
    # progress is watched on the servers, not by reading the database while it is being created
    return sum(n for site in hosts for path, n in site.hits.items() if path.startswith("/news/"))


def _state(db: Path):
    with sqlite3.connect(db) as conn:
        articles = conn.execute("""
            select a.url, a.content_hash, o.url from articles a left join articles o on o.id = a.duplicate_of
            order by a.url""").fetchall()
        pending = conn.execute("select count(*) from frontier where state = 'pending'").fetchone()[0]
        unfingerprinted = conn.execute(
            "select count(*) from articles where id not in (select article_id from fingerprints)").fetchone()[0]
    return articles, pending, unfingerprinted


def test_killed_crawl_resumes_to_the_same_database(newsroom, tmp_path):
    sources = _sources(tmp_path, newsroom)
    reference = tmp_path / "reference.db"
    proc = _crawl(reference, sources)
    assert proc.wait(timeout=60) == 0, proc.stderr.read().decode()
    expected, pending, _ = _state(reference)
    assert len(expected) == 3 * PAGES_PER_HOST and pending == 0
    assert sum(1 for _, _, original in expected if original) == 2 * (PAGES_PER_HOST // 5)

    killed = tmp_path / "killed.db"
    kills = 0
    for stored in (5, 25):  # kill twice, at different points
        proc = _crawl(killed, sources)
        threshold = _pages_served(newsroom) + 3
        deadline = time.monotonic() + 30
        while _pages_served(newsroom) < threshold and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        # the database is open and its schema made by now: reading it no longer races its creation
        while _articles(killed) < stored and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=10)
    assert kills == 2, proc.stderr.read().decode()
    assert 0 < _articles(killed) < len(expected)
    proc = _crawl(killed, sources)
    assert proc.wait(timeout=60) == 0, proc.stderr.read().decode()

    articles, pending, unfingerprinted = _state(killed)
    assert articles == expected  # nothing lost, nothing doubled, the same originals and copies
    assert pending == 0 and unfingerprinted == 0
    with sqlite3.connect(killed) as conn:
        statuses = [row[0] for row in conn.execute("select status from crawl_runs order by id")]
    assert statuses == ["interrupted", "interrupted", "completed"]
