"""The real-news loopback site (benchmarks/realnews_site.py): its pages give back the pool's articles
through newsmon's own extraction, and a crawl over 127.0.0.1 stores every one of them.

Needs ../shared/data/real-news beside the repository (read in place, never copied); skips without it.
The crawl uses the model-free pipeline: what is tested here is the site and the crawl, not the models.
"""
from __future__ import annotations

import difflib
import importlib.util
import json
from pathlib import Path

import pytest

from newsmon.crawl.crawler import Crawler
from newsmon.crawl.sources import parse_sources
from newsmon.fake_pipeline import FakePipeline
from newsmon.nlp.extract import extract_html
from newsmon.samplesite import ORIGIN
from newsmon.store.articles import Store

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("realnews_site", REPO / "benchmarks" / "realnews_site.py")
site = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site)

pytestmark = pytest.mark.skipif(not site.POOL.is_dir(), reason=f"real-news pool absent: {site.POOL}")
PER_OUTLET = 3


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, list[str]], dict[str, dict]]:
    root = tmp_path_factory.mktemp("realnews") / "site"
    written = site.build_site(root, PER_OUTLET)
    pool = {row["id"]: row for rows in site.pool_articles().values() for row in rows}
    return root, written, pool


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n") if p.strip()]


def test_every_outlet_is_built_newest_first(built):
    root, written, pool = built
    assert sorted(written) == sorted(outlet for outlet, _ in site.OUTLETS.values())
    for outlet, ids in written.items():
        assert len(ids) == PER_OUTLET
        dates = [site.published_iso(pool[i]["published"]) for i in ids]
        assert dates == sorted(dates, reverse=True)
        sitemap = (root / outlet / "sitemap.xml").read_text("utf-8")
        assert sitemap.count("<loc>") == PER_OUTLET and ORIGIN in sitemap
        assert (root / outlet / "rss.xml").read_text("utf-8").count("<item>") == PER_OUTLET
    assert (root / "robots.txt").read_text("utf-8").count("Sitemap: ") == len(written)


def test_pages_give_back_the_article_through_extraction(built):
    """Title, date and body come back; the navigation, the 'most read' box and the footer do not."""
    root, written, pool = built
    for outlet, ids in written.items():
        prefix = next(p for p, (o, _) in site.OUTLETS.items() if o == outlet)
        for article_id in ids:
            row = pool[article_id]
            page = root / outlet / f"{site.slug(article_id, prefix)}.html"
            doc = extract_html(page.read_text("utf-8"), f"{ORIGIN}/{outlet}/{page.name}", outlet)
            assert doc is not None, article_id
            assert doc.title == row["title"].replace("\\_", "_")
            assert (doc.published or "")[:10] == site.published_iso(row["published"])[:10]
            want, got = _paragraphs(row["text"]), _paragraphs(doc.text)
            if got and got[0] == " ".join(doc.title.split()):  # the stored text opens with the headline
                got = got[1:]
            ratio = difflib.SequenceMatcher(None, "\n".join(want), "\n".join(got), autojunk=False).ratio()
            assert ratio > 0.97, (article_id, ratio)
            assert "©" not in doc.text


def test_slugs_are_plain_ascii_paths():
    assert site.slug("fr-aamc-10-tonnes-de-médicaments-offerts-à-l-hôpital", "fr-aamc").startswith(
        "10-tonnes-de-medicaments-offerts-a-l-hopital-")
    assert site.slug("az-report-37", "az-report") == "37"
    armenian = [site.slug(f"fr-aamc-{title}", "fr-aamc") for title in ("ccaf-Երկու-ցուցակ", "ccaf-Ֆրանսիայում")]
    assert armenian[0] != armenian[1] and all(s.startswith("ccaf-") for s in armenian)
    assert site.published_iso("2024-10-16 00:00:00.000") == "2024-10-16"
    assert site.published_iso("2024-02-03T00:07:21.361Z") == "2024-02-03T00:07:21.361+00:00"


def test_a_crawl_over_loopback_stores_every_article(built, tmp_path):
    root, written, _ = built
    store = Store(tmp_path / "realnews.db")
    with site.serve(root) as base:
        sources = parse_sources(site.sources_text(base, written), "realnews.toml")
        counts = Crawler(store, FakePipeline(), report=lambda line: None).crawl(sources)
    assert counts.errors == 0
    stored = {row["source"]: row["n"] for row in store.db.query(
        "select source, count(*) as n from articles group by source")}
    assert stored == {outlet: PER_OUTLET for outlet in written}
    langs = json.dumps(sorted({row["lang"] for row in store.db.query("select lang from articles")}))
    assert langs == json.dumps(["az", "en", "fr"])
