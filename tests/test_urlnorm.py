from newsmon.crawl.urls import canonical_url, same_site


def test_case_default_port_fragment_and_tracking_are_dropped():
    assert canonical_url("HTTPS://News.Example.AZ:443/en/a.html?utm_source=fb&utm_medium=x#top") == \
        "https://news.example.az/en/a.html"
    assert canonical_url("http://x.az:80/a?id=5&fbclid=abc&gclid=1") == "http://x.az/a?id=5"


def test_meaningful_query_and_non_default_port_are_kept_as_spelled():
    assert canonical_url("http://x.az:8080/news.php?id=12&lang=az") == "http://x.az:8080/news.php?id=12&lang=az"
    assert canonical_url("https://x.az") == "https://x.az/"


def test_spellings_of_one_article_meet():
    spellings = ["https://x.az/a/1", "https://X.az/a/1#comments", "https://x.az:443/a/1?utm_campaign=rss",
                 "/a/1?mc_cid=9"]
    assert {canonical_url(u, base="https://x.az/rss.xml") for u in spellings} == {"https://x.az/a/1"}


def test_same_site_ignores_www():
    assert same_site("https://www.report.az/en/a", "https://report.az/b")
    assert not same_site("https://report.az/a", "https://apa.az/a")
