"""Date extraction, table-driven from tests/data/dates_{az,en,fr}.tsv plus a few behaviours tables can't show.

A TSV row with a value expects a mention whose text is exactly `expression`, with that value, precision
and inferred flag. A row with an empty value expects no mention touching `expression` (a count, a name,
or a year-less date with no publication date to resolve it against).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from newsmon.nlp.dates.find import find_dates
from newsmon.model import PRECISIONS

DATA = Path(__file__).parent / "data"
LANGS = ("az", "en", "fr")


def _rows(lang: str) -> list[dict[str, str]]:
    lines = (DATA / f"dates_{lang}.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) | {"lang": lang} for line in lines[1:] if line.strip()]


ROWS = [row for lang in LANGS for row in _rows(lang)]


@pytest.mark.parametrize("lang,minimum", [("az", 60), ("en", 50), ("fr", 50)])
def test_table_sizes(lang: str, minimum: int) -> None:
    rows = _rows(lang)
    assert len(rows) >= minimum
    assert any(not r["value"] for r in rows), "each table needs negative rows"


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['lang']}:{r['expression']}" for r in ROWS])
def test_table(row: dict[str, str]) -> None:
    sentence, expression = row["sentence"], row["expression"]
    mentions = find_dates(sentence, row["lang"], row["published"] or None)
    for m in mentions:
        assert sentence[m.start : m.end] == m.text
    if not row["value"]:
        at = sentence.index(expression)
        touching = [m for m in mentions if m.start < at + len(expression) and at < m.end]
        assert touching == [], f"{expression!r} is not a date here"
        return
    found = [m for m in mentions if m.text == expression]
    assert found, f"{expression!r} not found; got {[(m.text, m.value) for m in mentions]}"
    m = found[0]
    assert (m.value, m.precision, m.inferred) == (row["value"], row["precision"], row["inferred"] == "true")


def test_mentions_sorted_non_overlapping_and_exact() -> None:
    text = (
        "Bakı, 10 sentyabr 2025. Memorandum 2019-cu il 3 dekabr tarixində imzalanıb, "
        "2020-2022-ci illər üzrə proqram isə 2023-cü ildə yekunlaşıb. Növbəti görüş oktyabrın 5-də olacaq."
    )
    mentions = find_dates(text, "az", "2025-09-10")
    assert [m.value for m in mentions] == ["2025-09-10", "2019-12-03", "2020/2022", "2023", "2025-10-05"]
    for a, b in zip(mentions, mentions[1:]):
        assert a.end <= b.start
    assert all(text[m.start : m.end] == m.text and m.precision in PRECISIONS for m in mentions)


def test_never_invents_day_or_month() -> None:
    # dateparser turns "en 2017" into 2017-11-01; the text only gives the year.
    (m,) = find_dates("Le texte a été adopté en 2017.", "fr", "2017-11-01")
    assert (m.value, m.precision, m.inferred) == ("2017", "year", False)


def test_year_given_in_text_beats_publication_year() -> None:
    # dateparser reads this as 2026-09-10.
    (m,) = find_dates("2025-ci ilin 10 sentyabr tarixində imzalanıb.", "az", "2026-11-23")
    assert m.value == "2025-09-10" and not m.inferred


@pytest.mark.parametrize(
    "published,expected",
    [
        ("2025-01-03", "2024-12-28"),  # just after New Year: last December
        ("2024-12-30", "2024-12-28"),
        ("2025-10-01", "2025-12-28"),  # three months ahead: an announced event
        ("2025-08-15", "2024-12-28"),  # 4.5 months ahead or 7.5 back: news mostly reports the past
        ("2025-01-03T09:15:00+04:00", "2024-12-28"),  # a datetime works as well
    ],
)
def test_year_less_date_resolved_against_publication(published: str, expected: str) -> None:
    # a sentence whose verbs lean neither way (tense.py): distance alone decides
    (m,) = find_dates("The delegation in Tallinn on December 28.", "en", published)
    assert (m.value, m.inferred) == (expected, True)


def test_year_less_date_skipped_without_publication_date() -> None:
    assert find_dates("Yanvarın 27-də forum keçiriləcək.", "az", None) == []
    assert find_dates("Sənəd 27 yanvar 2020-ci il tarixində imzalanıb.", "az", None)[0].value == "2020-01-27"


def test_range_across_new_year_without_year() -> None:
    (m,) = find_dates("Talks ran from 28 December to 3 January.", "en", "2025-01-10")
    assert m.value == "2024-12-28/2025-01-03"


def test_ambiguous_slash_date_without_publication_keeps_only_the_year() -> None:
    (m,) = find_dates("Signed on 04/05/2025 in Baku.", "en")
    assert (m.value, m.precision) == ("2025", "year")
    (m,) = find_dates("Signed on 04/05/2025 in Baku.", "en", "2025-05-06")
    assert (m.value, m.inferred) == ("2025-05-04", True)


def test_azerbaijani_name_martin_is_not_march() -> None:
    # Under re.IGNORECASE "ı" matches "i", so a careless pattern reads "Martin" as genitive "martın".
    assert find_dates("Martin 5-də gələcəyini bildirib.", "az", "2025-03-01") == []
    assert find_dates("Martın 5-də gələcək.", "az", "2025-03-01")[0].value == "2025-03-05"


def test_unknown_language_and_empty_text() -> None:
    assert find_dates("3 Mart 2025", "de", "2025-03-04") == []  # no rules for German
    assert find_dates("", "en", "2025-03-04") == []


def test_armenian_and_georgian_paragraphs_keep_only_dates_in_latin_words() -> None:
    # the Armenian half of a French diaspora page: its own dates are left out, its French byline is not
    text = "Նա ծնվել է Ալավերդիում։ Սերժ Թադեոսյան 31.10.2022 Serge Tateossian le 11/08/2024 © armenews.com 2024թ"
    assert [(m.text, m.value) for m in find_dates(text, "hy", "2024-08-11")] == [("11/08/2024", "2024-08-11")]
    assert find_dates("ქუთაისი 17.01.2024", "ka", "2024-01-17") == []
    # other languages without rules keep every numeric date
    assert [m.value for m in find_dates("17.01.2024 Tallinn", "et", "2024-01-18")] == ["2024-01-17"]


def test_a_paragraph_in_a_language_without_rules_is_read_with_the_fallback() -> None:
    byline = "par Krikor Amirzayan le mardi 11 juin 2024"  # a French byline language ID calls Indonesian
    assert find_dates(byline, "id", "2024-06-12") == []
    assert [m.value for m in find_dates(byline, "id", "2024-06-12", fallback="fr")] == ["2024-06-11"]
    # in an Armenian paragraph the fallback reads only dates in Latin-script words
    text = "Երեկ Երևանում։ Serge Tateossian le Dimanche 14 août 2022 Evreux"
    assert [m.text for m in find_dates(text, "hy", "2022-08-15", fallback="fr")] == ["Dimanche 14 août 2022"]
