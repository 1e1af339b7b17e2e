"""The crawl commands as a user runs them: exit status, `sources discover`, `reprocess`, --help."""
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import article_html, rss, sites, story  # noqa: E402

from newsmon.cli.context import CliContext  # noqa: E402
from newsmon.cli.crawl import crawl, discover, reprocess, sources  # noqa: E402
from newsmon.crawl.sources import parse_sources  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def _run(command, args, db=None, env=None):
    return CliRunner().invoke(command, args, obj=CliContext(db=str(db)) if db else CliContext(),
                              env={"NEWSMON_PIPELINE": "fake", **(env or {})})


@pytest.fixture
def one_site(tmp_path):
    with sites(1) as (site,):
        site.page("/rss.xml", rss([("A", "/a.html", "Mon, 01 Sep 2025 09:00:00 +0400"),
                                   ("Gone", "/gone.html", "Mon, 01 Sep 2025 09:00:00 +0400")]),
                  content_type="application/rss+xml")
        site.page("/a.html", article_html("Story A KOICA", story(5)))
        path = tmp_path / "sources.toml"
        path.write_text(f'[defaults]\ndelay = 0.0\n[[sources]]\nname = "one"\nfeeds = ["{site.base}/rss.xml"]\n')
        yield site, path


def test_exit_0_when_the_run_completes_even_with_page_errors(one_site, tmp_path):
    site, path = one_site
    result = _run(crawl, ["--sources", str(path)], tmp_path / "n.db")
    assert result.exit_code == 0, result.output
    assert "one: " in result.output and "1 new" in result.output and "1 errors" in result.output
    assert "done:" in result.output.splitlines()[-1]
    assert "\r" not in result.output  # no progress bar without a terminal


def test_exit_1_for_a_bad_sources_file_or_an_unusable_database(one_site, tmp_path):
    _, path = one_site
    bad = tmp_path / "bad.toml"
    bad.write_text('[[sources]]\nname = "x"\nfeeds = ["not a url"]\n')
    result = _run(crawl, ["--sources", str(bad)], tmp_path / "n.db")
    assert result.exit_code == 1 and "malformed URL" in result.output
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = _run(crawl, ["--sources", str(path)], blocker / "n.db")  # a directory that is a file
    assert result.exit_code == 1 and "cannot open database" in result.output


def test_sources_discover_prints_a_block_that_loads(tmp_path):
    with sites(1) as (site,):
        site.page("/en/", '<html><head><link rel="alternate" type="application/atom+xml" href="/en/atom">'
                  '</head><body>home</body></html>')
        site.page("/robots.txt", f"Sitemap: {site.base}/sitemap.xml\n", content_type="text/plain")
        result = _run(sources, ["discover", f"{site.base}/en/", "--lang", "en"])
    assert result.exit_code == 0, result.output
    (source,) = parse_sources(result.output)
    assert source.feeds == (f"{site.base}/en/atom",) and source.sitemaps == (f"{site.base}/sitemap.xml",)
    assert source.lang == "en" and source.name == "127-0-0-1-en"
    assert _run(sources, ["discover", "not-a-url"]).exit_code == 2


def test_reprocess_rebuilds_annotations_without_fetching(one_site, tmp_path):
    site, path = one_site
    db = tmp_path / "n.db"
    assert _run(crawl, ["--sources", str(path)], db).exit_code == 0
    store = Store(db)
    store.db.execute("delete from mentions")  # as if an older model had found nothing
    store.db.conn.commit()
    site.server.shutdown()  # nothing to fetch from any more
    result = _run(reprocess, [], db)
    assert result.exit_code == 0 and "reprocessed 1 articles" in result.output
    assert [e["id"] for e in Store(db).top_entities("ORG")] == ["koica"]


@pytest.mark.parametrize("command", [crawl, sources, discover, reprocess])
def test_every_help_has_an_example(command):
    result = CliRunner().invoke(command, ["--help"])
    assert result.exit_code == 0 and "Example:" in result.output and "newsmon " in result.output


def test_shipped_sources_file_loads_and_says_it_is_unverified():
    from newsmon.crawl.sources import load_sources
    path = REPO / "corpus" / "sources" / "azerbaijan-egov.toml"
    loaded = load_sources(path)
    assert {s.lang for s in loaded} >= {"az", "en", "fr"} and all(s.home for s in loaded)
    assert "NOT VERIFIED" in path.read_text()
    assert isinstance(sources, click.Group)


def test_progress_bar_is_drawn_on_a_terminal(one_site, tmp_path):
    import io

    from newsmon.crawl.crawler import Crawler
    from newsmon.fake_pipeline import FakePipeline
    from newsmon.crawl.progress import Progress
    from newsmon.crawl.sources import load_sources
    _, path = one_site
    screen = io.StringIO()
    Crawler(Store(tmp_path / "n.db"), FakePipeline(), progress=Progress(screen, enabled=True),
            report=lambda line: None).crawl(load_sources(path))
    drawn = screen.getvalue()
    assert "\r" in drawn and "pages" in drawn and "2/2" in drawn and drawn.endswith("\n")


def test_an_overlapping_run_on_the_same_database_is_refused(one_site, tmp_path):
    from newsmon.crawl.runlock import run_lock
    _, path = one_site
    db = tmp_path / "n.db"
    with run_lock(str(db)):  # as if yesterday's cron run were still going
        result = _run(crawl, ["--sources", str(path)], db)
    assert result.exit_code == 1 and "another crawl is running" in result.output
    assert _run(crawl, ["--sources", str(path)], db).exit_code == 0  # free again afterwards


def test_a_symlink_to_a_database_that_is_being_crawled_is_refused_too(one_site, tmp_path):
    """Issue 10 (lock): the lock was keyed on the path string, so a crawl through a symlink to the
    same database ran beside the first and died on a UNIQUE constraint."""
    from newsmon.crawl.runlock import run_lock
    _, path = one_site
    db = tmp_path / "n.db"
    Store(db).close()
    (tmp_path / "alias.db").symlink_to(db)
    with run_lock(str(db)):
        result = _run(crawl, ["--sources", str(path)], tmp_path / "alias.db")
    assert result.exit_code == 1 and "another crawl is running" in result.output
