"""publication_date: metadata first, then htmldate on the HTML, then a dateline in the text."""
from __future__ import annotations

from newsmon.nlp.pubdate import publication_date

META_HTML = """<html><head>
<meta property="article:published_time" content="2025-09-10T08:30:00+04:00">
</head><body><article><p>Nazir bildirib ki, layihə davam edir.</p></article></body></html>"""

TIME_HTML = """<html><body><article>
<time datetime="2024-03-05" class="published">5 March</time>
<p>The ministry announced a new e-services portal.</p>
</article></body></html>"""

TEXT_ONLY_HTML = """<html><body><div>
<p>Bakı, 10 sentyabr 2025. Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi yeni xidmət təqdim edib.</p>
</div></body></html>"""
TEXT_ONLY = "Bakı, 10 sentyabr 2025. Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi yeni xidmət təqdim edib."


def test_metadata_date_wins_and_is_cut_to_a_day() -> None:
    assert publication_date(TIME_HTML, "2023-01-02T10:00:00", "text", "en") == ("2023-01-02", "metadata")


def test_meta_tag_found_by_htmldate() -> None:
    assert publication_date(META_HTML, None, "Nazir bildirib.", "az") == ("2025-09-10", "htmldate")


def test_time_element_found_by_htmldate() -> None:
    assert publication_date(TIME_HTML, None, "The ministry announced...", "en") == ("2024-03-05", "htmldate")


def test_broken_metadata_falls_through() -> None:
    assert publication_date(META_HTML, "2025-13-45", "x", "az") == ("2025-09-10", "htmldate")


def test_dateline_in_visible_text() -> None:
    assert publication_date(TEXT_ONLY_HTML, None, TEXT_ONLY, "az") == ("2025-09-10", "text")
    fr = "Paris, le 3 mars 2025 — Le ministère a présenté sa stratégie numérique."
    assert publication_date(None, None, fr, "fr") == ("2025-03-03", "text")


def test_text_fallback_needs_a_complete_date_near_the_top() -> None:
    # A year-less date cannot date the article; a date deep in the body is about the story.
    assert publication_date(None, None, "Yanvarın 27-də forum keçiriləcək.", "az") == (None, None)
    late = "The minister spoke about digital services. " * 12 + "The deal was signed on 3 March 2025."
    assert publication_date(None, None, late, "en") == (None, None)
    # Year precision is not a publication date either.
    assert publication_date(None, None, "The portal was launched in 2016.", "en") == (None, None)


def test_date_only_in_a_byline_outside_the_main_text_is_found():
    from newsmon.nlp.pubdate import publication_date
    html = ("<html><body><div class='byline'>Müəllif: Leyla Həsənova | 28 yanvar 2025</div>"
            "<article><p>Yanvarın 27-də Prezident sərəncam imzalayıb.</p></article></body></html>")
    assert publication_date(html, None, "Yanvarın 27-də Prezident sərəncam imzalayıb.", "az") == (
        "2025-01-28", "text")
