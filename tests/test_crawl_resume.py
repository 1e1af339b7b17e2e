"""A crawl killed with SIGKILL and started again ends with the same database as one uninterrupted run.

The crawl runs as a real subprocess (`python -m newsmon crawl`, the same click command
`newsmon crawl` runs) with NEWSMON_PIPELINE=fake, the test-only switch to a model-free pipeline.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import Site, article_html, respond, rss, story  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PAGES_PER_HOST = 20


class Gate:
    """Serves article pages up to an allowance, then holds each further request until allowed.

    A kill must land while the crawl still has work to do. Timing cannot promise that: the crawl
    commits pages in groups and may finish between two polls (it did, under load). Held requests
    can: the crawler commits what it stored before it waits for a fetch, so the test sees those
    articles in the database while the crawl is certainly alive, waiting for pages held back.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._served = 0
        self._allowance = float("inf")
        self._epoch = 0

    def allow(self, more: float) -> None:
        """Let `more` further pages through (inf: all). Requests held until now belong to a crawl
        that was killed: they are dropped, not served, so they use none of the new allowance."""
        with self._cond:
            self._allowance = self._served + more
            self._epoch += 1
            self._cond.notify_all()

    def route(self, body: bytes):
        def serve(handler):
            with self._cond:
                epoch = self._epoch
                self._cond.wait_for(lambda: self._epoch != epoch or self._served < self._allowance,
                                    timeout=60)
                if self._epoch != epoch or self._served >= self._allowance:
                    handler.close_connection = True
                    return
                self._served += 1
            respond(handler, body)
        return serve


@pytest.fixture(scope="module")
def newsroom():
    gate = Gate()
    hosts = [Site() for _ in range(3)]
    for h, site in enumerate(hosts):
        items = []
        for i in range(PAGES_PER_HOST):
            # every fifth story of host 0 is republished by hosts 1 and 2 with their own header
            seed = i if h == 0 or i % 5 == 0 else 1000 * h + i
            html = article_html(f"Story {h}-{i}", story(seed), header=f"Host {h} reports",
                                footer=f"Copyright host {h}")
            site.routes[f"/news/{i}.html"] = gate.route(html.encode())
            items.append((f"Story {i}", f"/news/{i}.html?utm_source=rss",
                          f"Mon, {1 + (i + h) % 28:02d} Sep 2025 09:00:00 +0400"))
        site.page("/rss.xml", rss(items), content_type="application/rss+xml", etag='"1"')
    yield hosts, gate
    gate.allow(float("inf"))
    for site in hosts:
        site.close()


def _sources(tmp_path, hosts) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text("[defaults]\ndelay = 0.0\n" + "".join(
        f'\n[[sources]]\nname = "host{h}"\nfeeds = ["{site.base}/rss.xml"]\n' for h, site in enumerate(hosts)))
    return path


def _crawl(db: Path, sources: Path, *options: str) -> subprocess.Popen:
    env = {**os.environ, "NEWSMON_DB": str(db), "NEWSMON_PIPELINE": "fake", "PYTHONPATH": str(REPO)}
    return subprocess.Popen([sys.executable, "-m", "newsmon", "crawl", "--sources", str(sources), *options],
                            cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _count(db: Path, table: str) -> int:
    """Rows of `table` so far; 0 while the crawl is still creating the database."""
    if not db.exists():
        return 0  # connecting would create the file
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute(f"select count(*) from {table}").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not made yet
        return 0


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
    hosts, gate = newsroom
    sources = _sources(tmp_path, hosts)
    reference = tmp_path / "reference.db"
    proc = _crawl(reference, sources)
    assert proc.wait(timeout=60) == 0, proc.stderr.read().decode()
    expected, pending, _ = _state(reference)
    assert len(expected) == 3 * PAGES_PER_HOST and pending == 0
    assert sum(1 for _, _, original in expected if original) == 2 * (PAGES_PER_HOST // 5)

    killed = tmp_path / "killed.db"
    try:
        # Kill twice, at different points. With one request slot, the crawler takes responses in
        # its fetch order from a window of 8 fetches, keeping each response as it takes it; with
        # one annotation process, pages go in batches of 8 and a batch is stored when the third
        # after it is sent. Of `allowed` pages let through, at least `allowed - 8` are taken: the
        # first run keeps at least 8 responses and stores no article; the second takes those
        # again plus at least 16 new ones, so it stores at least one batch. Each waits, alive,
        # on a held page, having committed what it did.
        for table, least, allowed in (("raw_pages", 8, 16), ("articles", 8, 24)):
            gate.allow(allowed)
            proc = _crawl(killed, sources, "--workers", "1", "--processes", "1")
            deadline = time.monotonic() + 30
            while proc.poll() is None and time.monotonic() < deadline and _count(killed, table) < least:
                time.sleep(0.01)
            assert proc.poll() is None, proc.stderr.read().decode()
            assert _count(killed, table) >= least
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
    finally:
        gate.allow(float("inf"))
    assert 8 <= _count(killed, "articles") < len(expected)
    proc = _crawl(killed, sources)
    assert proc.wait(timeout=60) == 0, proc.stderr.read().decode()

    articles, pending, unfingerprinted = _state(killed)
    assert articles == expected  # nothing lost, nothing doubled, the same originals and copies
    assert pending == 0 and unfingerprinted == 0
    with sqlite3.connect(killed) as conn:
        statuses = [row[0] for row in conn.execute("select status from crawl_runs order by id")]
    assert statuses == ["interrupted", "interrupted", "completed"]
