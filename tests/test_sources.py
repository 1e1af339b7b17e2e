import pytest

from newsmon.crawl.sources import SourcesError, load_sources, parse_sources

GOOD = """
[defaults]
delay = 2.5

[[sources]]
name = "azertag-en"
feeds = ["https://azertag.az/en/rss"]
lang = "en"

[[sources]]
name = "asan"
sitemaps = ["https://asan.gov.az/sitemap.xml"]
urls = ["https://asan.gov.az/az/news/1"]
delay = 0.5
obey_robots = true
"""


def test_sources_file_is_read_with_defaults_and_overrides():
    first, second = parse_sources(GOOD, "s.toml")
    assert first.name == "azertag-en" and first.feeds == ("https://azertag.az/en/rss",)
    assert first.lang == "en" and first.politeness.delay == 2.5
    assert second.politeness.delay == 0.5 and second.urls == ("https://asan.gov.az/az/news/1",)


@pytest.mark.parametrize("text, message", [
    ('[[sources]]\nname = "a"\nfeed = ["https://x.az/rss"]\n', "s.toml:3: unknown key 'feed'"),
    ('[[sources]]\nfeeds = ["https://x.az/rss"]\n', "s.toml:1: source has no 'name'"),
    ('[[sources]]\nname = "a"\n\nfeeds = ["htp:/x.az"]\n', "s.toml:4: malformed URL 'htp:/x.az'"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\n[[sources]]\nname = "a"\nurls = ["https://x.az/2"]\n',
     "s.toml:5: duplicate source name 'a'"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\ndelay = "slow"\n', "'delay' has the wrong type"),
    ('[[sources]]\nname = "a"\n', "has no feeds, sitemaps, urls or home"),
    ('[[sources]\nname = "a"\n', "s.toml:"),
])
def test_bad_sources_file_gives_one_line_error_naming_file_and_line(text, message):
    with pytest.raises(SourcesError) as info:
        parse_sources(text, "s.toml")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("text, message", [
    ('[[sources]]\nname = "a"\nfeeds = ["http://[::1/x"]\n', "s.toml:3: malformed URL 'http://[::1/x'"),
    ('[[sources]]\nname = "a"\nhome = "http://x.az:port/"\n', "s.toml:3: malformed URL"),
    ('sources = [1, 2]\n', "s.toml:1: 'sources' must be [[sources]] tables, got [1, 2]"),
    ('sources = "a"\n', "s.toml:1: 'sources' must be [[sources]] tables"),
    ('defaults = 5\n[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\n',
     "s.toml:1: 'defaults' must be a [defaults] table, got 5"),
    ('[defaults]\ndelay = inf\n[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\n',
     "s.toml: [defaults]: 'delay' must be a finite number, got inf"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\ntimeout = inf\n', "s.toml:1: 'timeout' must be a finite number"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\ntimeout = nan\n', "'timeout' must be a finite number, got nan"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\ntimeout = 0\n', "'timeout' must be more than 0, got 0"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\ndelay = -1\n', "'delay' must be at least 0, got -1"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\nconcurrency = 0\n', "'concurrency' must be more than 0"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\nmax_bytes = 0\n', "'max_bytes' must be more than 0"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\nallow_private = "yes"\n', "'allow_private' has the wrong type"),
    ('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\nobey_robots = 1\n', "'obey_robots' has the wrong type"),
])
def test_every_bad_value_is_one_line_naming_file_and_key(text, message):
    """Issue 10, item 10: these gave tracebacks, or passed and failed later in odd ways."""
    with pytest.raises(SourcesError) as info:
        parse_sources(text, "s.toml")
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_a_file_that_is_not_utf8_is_one_line_naming_it(tmp_path):
    path = tmp_path / "s.toml"
    path.write_bytes('[[sources]]\nname = "Türkiye"\n'.encode("cp1254"))  # ü is 0xfc
    with pytest.raises(SourcesError) as info:
        load_sources(path)
    assert str(info.value) == f"{path}:2: not UTF-8 text (byte 0xfc); save the file as UTF-8"


def test_allow_private_and_fractional_delays_are_accepted():
    (source,) = parse_sources('[[sources]]\nname = "a"\nurls = ["https://x.az/1"]\ndelay = 0\n'
                              'timeout = 0.5\nallow_private = true\n')
    assert source.politeness.allow_private and source.politeness.timeout == 0.5


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "nope.toml")


def test_shipped_sample_sources_parse():
    from newsmon.settings import CORPUS_DIR
    sources = load_sources(CORPUS_DIR / "sources" / "sample-site.toml")
    assert sources[0].feeds and sources[0].sitemaps


def test_urls_in_a_sources_file_are_crawled(tmp_path):
    """Issue 10, item 2: `urls = [...]` was validated and documented but never crawled."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from fixture_sites import Site, article_html, story

    from newsmon.crawl.crawler import Crawler
    from newsmon.crawl.fetch import Fetcher
    from newsmon.fake_pipeline import FakePipeline
    from newsmon.store.articles import Store

    site = Site()
    try:
        site.page("/one.html", article_html("First single page KOICA", story(1)))
        site.page("/two.html", article_html("Second single page", story(2)))
        sources = parse_sources(f'[[sources]]\nname = "pages"\ndelay = 0.0\nobey_robots = false\n'
                                f'urls = ["{site.base}/one.html", "{site.base}/two.html?utm_source=x"]\n')
        store = Store(tmp_path / "n.db")
        lines: list[str] = []
        counts = Crawler(store, FakePipeline(), fetcher=Fetcher(), report=lines.append).crawl(sources)
        assert (counts.discovered, counts.new, counts.errors) == (2, 2, 0)
        assert lines[0].startswith("pages: 2 discovered, 2 fetched, 2 new")
        assert {r[0] for r in store.db.execute("select url from articles")} == {
            f"{site.base}/one.html", f"{site.base}/two.html"}
        again = Crawler(store, FakePipeline(), fetcher=Fetcher()).crawl(sources)
        assert (again.discovered, again.new) == (0, 0) and site.hits["/one.html"] == 1
    finally:
        site.close()
