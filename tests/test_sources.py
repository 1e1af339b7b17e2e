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


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(SourcesError, match="cannot read"):
        load_sources(tmp_path / "nope.toml")


def test_shipped_sample_sources_parse():
    from newsmon.settings import CORPUS_DIR
    sources = load_sources(CORPUS_DIR / "sources" / "sample-site.toml")
    assert sources[0].feeds and sources[0].sitemaps
