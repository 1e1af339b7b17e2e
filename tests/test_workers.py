"""Worker processes (`--processes N`) store exactly what one process stores: crawl, add, reprocess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsmon.samplesite import sample_sources_text
from newsmon.store.articles import Store
from newsmon.workers import Annotator, default_processes

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "corpus" / "site"


def newsmon(db: Path, *args: str, fake: bool = True) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)}
    if fake:
        env["NEWSMON_PIPELINE"] = "fake"
    result = subprocess.run([sys.executable, "-m", "newsmon", "--db", str(db), *args], capture_output=True,
                            text=True, timeout=900, cwd=REPO, env=env)
    assert result.returncode == 0, result.stderr
    return result


def stored(db: Path) -> list[dict]:
    """Every article as stored, annotations included, in id order (ids must agree too)."""
    out = []
    store = Store(str(db))
    try:
        for row in store.db.query("select * from articles order by id"):
            row = {k: v for k, v in row.items() if k not in ("fetched_at", "run_id")}
            row["mentions"] = [dict(m) for m in store.db.query(
                "select * from mentions where article_id = ? order by start, end, label", [row["id"]])]
            out.append(row)
    finally:
        store.close()
    return out


@pytest.fixture
def sources(tmp_path, sample_site):
    path = tmp_path / "sources.toml"
    path.write_text(sample_sources_text(sample_site), encoding="utf-8")
    return path


def test_crawl_and_reprocess_in_two_processes_store_what_one_process_stores(tmp_path, sources):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    newsmon(one, "crawl", "--sources", str(sources), "--processes", "1")
    newsmon(two, "crawl", "--sources", str(sources), "--processes", "2")
    first = stored(one)
    assert len(first) > 16  # more than two batches: both workers had work
    assert stored(two) == first
    newsmon(one, "reprocess", "--processes", "1")
    newsmon(two, "reprocess", "--processes", "2")
    assert stored(two) == stored(one)


def test_add_in_two_processes_stores_what_one_process_stores(tmp_path):
    files = sorted(str(p) for p in SITE.rglob("*.html"))[:20]
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    out1 = newsmon(one, "add", *files, "--processes", "1")
    out2 = newsmon(two, "add", *files, "--processes", "2")
    assert out1.stderr == out2.stderr
    assert stored(two) == stored(one) and len(stored(one)) > 8


def test_default_is_one_process_per_core_and_few_jobs_start_no_workers():
    assert default_processes() >= 1
    annotator = Annotator(processes=4)
    annotator.expect(3)  # three documents: one batch, run in this process
    assert annotator.processes == 1


@pytest.mark.slow
def test_real_models_in_two_processes_annotate_like_one(tmp_path, sources):
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    newsmon(one, "crawl", "--sources", str(sources), "--processes", "1", fake=False)
    newsmon(two, "crawl", "--sources", str(sources), "--processes", "2", fake=False)
    first = stored(one)
    assert sum(len(a["mentions"]) for a in first) > 100
    assert json.dumps(stored(two), sort_keys=True) == json.dumps(first, sort_keys=True)


ORPHAN_SCRIPT = """
import os, sys
from newsmon.workers import Annotator
annotator = Annotator(processes=2)
annotator.warm_up()
print(" ".join(str(pid) for pid in annotator._pool._processes), flush=True)
sys.stdin.read()  # wait to be killed
"""


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="reads process states from Linux's /proc")
def test_workers_end_when_their_parent_is_killed():
    """A crawl killed with SIGKILL (cron's timeout, the OOM killer) leaves no worker behind: before,
    each stayed alive for good, waiting on its queue with its models loaded."""
    import os
    import signal
    import time

    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "NEWSMON_PIPELINE": "fake"}
    parent = subprocess.Popen([sys.executable, "-c", ORPHAN_SCRIPT], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=env, cwd=REPO)
    try:
        workers = [int(pid) for pid in parent.stdout.readline().split()]
        assert len(workers) == 2
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=60)

    def alive(pid: int) -> bool:
        try:
            with open(f"/proc/{pid}/stat") as fh:
                return fh.read().split(") ")[1][0] != "Z"
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 60  # a bound for a loaded machine, not a speed claim
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:  # clean up what the bug would leave, so a failing run does not leak
        os.kill(pid, signal.SIGKILL)
    assert not left
