"""The crawl lock is on the database file itself (issue 10): any path to the same file is refused,
in this process or another, and a lock whose process died never blocks. Loopback only."""
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import article_html, rss, sites, story  # noqa: E402

from newsmon.cli.context import CliContext  # noqa: E402
from newsmon.cli.crawl import crawl  # noqa: E402
from newsmon.crawl.runlock import CrawlLocked, run_lock  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
HOLDER = ("import sys; from newsmon.crawl.runlock import run_lock\n"
          "with run_lock(sys.argv[1]):\n    print('locked', flush=True)\n    sys.stdin.read()\n")


@pytest.fixture
def one_site(tmp_path):
    with sites(1) as (site,):
        site.page("/rss.xml", rss([("A", "/a.html", "Mon, 01 Sep 2025 09:00:00 +0400")]),
                  content_type="application/rss+xml")
        site.page("/a.html", article_html("Story A KOICA", story(5)))
        path = tmp_path / "sources.toml"
        path.write_text(f'[defaults]\ndelay = 0.0\n[[sources]]\nname = "one"\nfeeds = ["{site.base}/rss.xml"]\n')
        yield path


def _crawl(sources: Path, db) -> object:
    return CliRunner().invoke(crawl, ["--sources", str(sources)], obj=CliContext(db=str(db)),
                              env={"NEWSMON_PIPELINE": "fake"})


def _holder(db: Path) -> subprocess.Popen:
    """Another process (yesterday's cron run, still going) holding the lock through `db`."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], cwd=REPO, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)},
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def _aliases(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    db = tmp_path / "n.db"
    Store(db).close()
    (tmp_path / "sym.db").symlink_to(db)
    other = tmp_path / "elsewhere"
    other.mkdir()
    os.link(db, other / "hard.db")  # another directory: no path-derived lock file can meet it
    return db, {"symlink": tmp_path / "sym.db", "hard link": other / "hard.db"}


def test_every_path_to_a_database_another_process_crawls_is_refused(one_site, tmp_path, monkeypatch):
    db, aliases = _aliases(tmp_path)
    holder = _holder(db)
    try:
        monkeypatch.chdir(tmp_path / "elsewhere")
        for name, path in [*aliases.items(), ("relative path", Path("../n.db")),
                           ("absolute path", db.resolve())]:
            result = _crawl(one_site, path)
            assert result.exit_code == 1, name
            assert result.output.strip().splitlines() == [f"Error: {path}: another crawl is running on "
                                                          f"this database"], name
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 0  # nothing ran beside it
    result = _crawl(one_site, aliases["hard link"])  # the holder is gone: free through any path
    assert result.exit_code == 0, result.output


def test_a_lock_held_by_a_killed_process_never_blocks(one_site, tmp_path):
    db, aliases = _aliases(tmp_path)
    holder = _holder(aliases["hard link"])
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    result = _crawl(one_site, db)
    assert result.exit_code == 0, result.output
    assert "1 new" in result.output


def test_in_one_process_a_second_run_through_a_hard_link_is_refused(tmp_path):
    db, aliases = _aliases(tmp_path)
    with run_lock(str(aliases["hard link"])):
        with pytest.raises(CrawlLocked, match="another crawl is running"):
            with run_lock(str(aliases["symlink"])):
                pass
    with run_lock(str(db)):  # released afterwards
        pass


def test_releasing_the_lock_keeps_sqlites_own_locks(tmp_path):
    """Closing any descriptor of the database file would drop the POSIX locks SQLite holds on it:
    then another process closing its connection believes it is the last one and deletes the WAL
    this process still has open."""
    db = tmp_path / "n.db"
    store = Store(db)
    store.db.execute("insert into crawl_runs (command, started, status) values ('x', 'now', 'done')")
    store.db.conn.commit()
    with run_lock(str(db)):
        pass
    subprocess.run([sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
                    "c.execute('select count(*) from crawl_runs').fetchone(); c.close()", str(db)],
                   check=True, timeout=30)
    assert Path(f"{db}-wal").exists()  # our connection still has it: nobody else may remove it
    store.close()
