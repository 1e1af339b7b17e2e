"""The bundled sample site and its gold annotations agree with each other (fast, no models).

The gold file is our regression set: if a page is edited and the annotations no longer match its text,
or a page stops being discoverable through the sitemap and feeds, the evaluation numbers silently go wrong.
"""
from __future__ import annotations

import html
import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from functools import lru_cache
from pathlib import Path

import lxml.html
import pytest

from newsmon.model import AGREEMENT_STATUSES as STATUSES
from newsmon.model import AGREEMENT_TYPES as TYPES
from newsmon.model import PRECISIONS
from newsmon.samplesite import ORIGIN

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SITE = CORPUS / "site"
GOLD = CORPUS / "sample-gold.jsonl"

LABELS = {"PERSON", "ORG", "LOC"}
# One ISO shape per precision; a range is two of the same shape joined by "/".
VALUE_RE = {"year": r"\d{4}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}


def _load_build_site():
    spec = importlib.util.spec_from_file_location("build_site", CORPUS / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


build_site = _load_build_site()


def _gold() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


GOLD_RECORDS = _gold()
IDS = [g["path"] for g in GOLD_RECORDS]


@lru_cache(maxsize=None)
def page(path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((SITE / path.lstrip("/")).read_bytes())


def title_and_body(path: str) -> str:
    """The text the annotations cover: the <h1>, then each body paragraph (unescaped by the parser)."""
    doc = page(path)
    paras = doc.xpath('//div[contains(concat(" ", @class, " "), " article-body ")]//p')
    return "\n".join([doc.xpath("//h1")[0].text_content()] + [p.text_content() for p in paras])


def assert_in_order(texts: list[str], haystack: str, what: str) -> None:
    """Each text occurs, in the given order. Greedy earliest matching never rejects a correct order."""
    pos = -1
    for text in texts:
        found = haystack.find(text, pos + 1)
        assert found >= 0, f"{what} {text!r} not found (in order) in title+body"
        pos = found


def test_gold_is_one_sorted_line_per_article():
    assert IDS == sorted(IDS) and len(IDS) == len(set(IDS))
    on_disk = {"/" + f.relative_to(SITE).as_posix() for f in build_site.article_files(SITE)}
    assert set(IDS) == on_disk, "every article page has exactly one gold line, and vice versa"
    assert "/private/draft.html" not in IDS


def test_merged_gold_matches_its_parts():
    parts = CORPUS / "gold-parts"
    if not any(parts.glob("*.jsonl")):
        pytest.skip("no gold-parts/: sample-gold.jsonl is the only source")
    assert GOLD.read_text(encoding="utf-8") == build_site.merged_gold(parts), \
        "run python corpus/build_site.py --merge-gold"


def test_language_counts():
    counts = Counter(g["lang"] for g in GOLD_RECORDS)
    for lang in ("az", "en", "fr"):
        assert counts[lang] >= 10, f"only {counts[lang]} {lang} articles"
    assert any(g["other_langs"] for g in GOLD_RECORDS), "the mixed-language page is missing"


@pytest.mark.parametrize("g", GOLD_RECORDS, ids=IDS)
def test_article_matches_its_page(g):
    doc = page(g["path"])
    assert doc.get("lang") == g["lang"] == g["path"].split("/")[1]
    assert g["path"].split("/")[2] == g["published"][:4], "articles live under their publication year"
    assert doc.xpath("//h1")[0].text_content() == g["title"]
    assert doc.xpath('//link[@rel="canonical"]/@href') == [ORIGIN + g["path"]]
    meta = doc.xpath('//meta[@property="article:published_time"]/@content')
    if g["published_in"] == "metadata":
        assert meta and meta[0].startswith(g["published"])
        assert doc.xpath("//time/@datetime")[0].startswith(g["published"])
    else:
        assert g["published_in"] == "text"
        assert not meta and not doc.xpath("//time"), "text-dated pages must carry no machine-readable date"
        byline = doc.xpath('//div[contains(@class, "byline")]')[0].text_content()
        assert build_site.parse_visible_date(byline) == g["published"]
    words = len(title_and_body(g["path"]).split()) - len(g["title"].split())
    assert 150 <= words <= 400, f"body has {words} words"


@pytest.mark.parametrize("g", GOLD_RECORDS, ids=IDS)
def test_entities_occur_verbatim_in_order(g):
    text = title_and_body(g["path"])
    for e in g["entities"]:
        assert e["label"] in LABELS and e["canonical"] and e["text"] == e["text"].strip()
    assert_in_order([e["text"] for e in g["entities"]], text, "entity")
    # Repeats are one item per occurrence: never more items than occurrences.
    for t, n in Counter(e["text"] for e in g["entities"]).items():
        assert text.count(t) >= n, f"{t!r} annotated {n} times but occurs {text.count(t)} times"
    assert "ORG" in {e["label"] for e in g["entities"]}


@pytest.mark.parametrize("g", GOLD_RECORDS, ids=IDS)
def test_dates_are_well_formed(g):
    text = title_and_body(g["path"])
    assert_in_order([d["text"] for d in g["dates"]], text, "date")
    for d in g["dates"]:
        assert d["precision"] in PRECISIONS and isinstance(d["inferred"], bool)
        shape = VALUE_RE[d["precision"]]
        assert re.fullmatch(rf"{shape}(/{shape})?", d["value"]), d
        if "/" in d["value"]:
            start, end = d["value"].split("/")
            assert start < end, d
        if d["inferred"]:
            # The year came from the publication date ("on 5 May"; "next January" moves it by one).
            assert abs(int(d["value"][:4]) - int(g["published"][:4])) <= 1, d


@pytest.mark.parametrize("g", GOLD_RECORDS, ids=IDS)
def test_agreements_are_well_formed(g):
    canonical = {e["canonical"] for e in g["entities"]}
    for a in g["agreements"]:
        assert a["type"] in TYPES and a["status"] in STATUSES, a
        assert a["parties"] and all(isinstance(p, str) and p for p in a["parties"]), a
        signed = a["date_signed"]
        if signed is not None:
            assert signed["precision"] in PRECISIONS
            assert re.fullmatch(VALUE_RE[signed["precision"]], signed["value"]), a
        # Parties are named in the article, by canonical name (the government of a country counts as it).
        for party in a["parties"]:
            assert party in canonical or party.removeprefix("Government of ") in canonical, (party, a)
    assert isinstance(g["other_langs"], list) and g["lang"] not in g["other_langs"]


def _locs(xml_text: str) -> list[str]:
    root = ET.fromstring(xml_text)
    urls = [el.text for el in root.iter() if el.tag.endswith("}loc") or el.tag == "link" and el.text]
    urls += [el.get("href") for el in root.iter("{http://www.w3.org/2005/Atom}link")]
    return [u for u in urls if u and u.startswith(ORIGIN + "/") and u.endswith(".html")
            and not u.endswith("/index.html")]


def test_sitemap_lists_every_article_and_the_disallowed_draft():
    locs = _locs((SITE / "sitemap.xml").read_text(encoding="utf-8"))
    assert {ORIGIN + p for p in IDS} <= set(locs)
    assert ORIGIN + "/private/draft.html" in locs
    robots = (SITE / "robots.txt").read_text(encoding="utf-8")
    assert "Disallow: /private/" in robots and f"Sitemap: {ORIGIN}/sitemap.xml" in robots


def test_feed_urls_exist_and_overlap_as_designed():
    rss = _locs((SITE / "rss.xml").read_text(encoding="utf-8"))
    atom = _locs((SITE / "atom.xml").read_text(encoding="utf-8"))
    for url in rss + atom:
        assert (SITE / url.removeprefix(ORIGIN + "/")).is_file(), url
    langs = lambda urls: {u.removeprefix(ORIGIN + "/").split("/")[0] for u in urls}  # noqa: E731
    assert {"en"} <= langs(rss) and {"fr", "az"} == langs(atom)
    assert {ORIGIN + p for p in IDS if p.startswith("/en/")} <= set(rss)


def test_generated_files_are_up_to_date():
    # Editing a page without re-running corpus/build_site.py would leave stale feeds and sitemap.
    for name, content in build_site.render_all(SITE).items():
        assert (SITE / name).read_text(encoding="utf-8") == content, f"{name}: run python corpus/build_site.py"


@pytest.mark.parametrize("byline, expected", [
    ("Müəllif: Aynur · 14 mart 2023, 14:00", "2023-03-14"),
    ("By staff · September 10, 2025", "2025-09-10"),
    ("Publié le 1er juin 2025", "2025-06-01"),
    ("Автор · 13 марта 2024, 16:20", "2024-03-13"),
    ("Yazar · 21 Mayıs 2025 17:20", "2025-05-21"),
    ("Yeniləndi: 10.09.2025", "2025-09-10"),
    ("tarix dəqiqləşdirilir", None),
])
def test_visible_byline_dates(byline, expected):
    assert build_site.parse_visible_date(byline) == expected


def test_gold_text_is_html_unescaped():
    # Annotations hold characters, not entities: "l'Agence", never "l&#x27;Agence".
    raw = GOLD.read_text(encoding="utf-8")
    assert html.unescape(raw) == raw
