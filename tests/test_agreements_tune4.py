"""Agreement rules found missing on the fourth tuning half of the real-news gold (tune4, en): a past signing
dated after the page reporting it, an agency's own order. The texts are our own, in the shape of the real
ones."""
from __future__ import annotations

from dataclasses import replace

from newsmon.nlp.agreements.find import find_agreements
from tests.test_agreements import make_article, names

DOE = ("Jane Doe", "PERSON", "Jane Doe")


def _rows(records):
    return [(r.type, r.status, sorted(names(r)), (r.date_signed or {}).get("value")) for r in records]


def _inferred(article):
    """The article's dates as the date finder gives a month or day without a year: `inferred`."""
    article.dates = [replace(d, inferred=True) for d in article.dates]
    return article


def test_a_month_without_a_year_that_falls_after_the_page_dates_a_past_signing_last_year():
    text = ("Fact Sheet: Equity\n- In January, President Jane Doe signed an Executive Order on an Equitable "
            "Pandemic Response, creating a task force.")
    art = _inferred(make_article(text, "en", [DOE], dates=[("January", "2022-01", "month")], published="2021-12-17"))
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], "2021-01")]


def test_a_month_the_text_gives_with_its_year_or_a_planned_signing_keeps_its_date():
    text = ("Fact Sheet: Trade\nIn January 2022, President Jane Doe signed an Executive Order on trade. "
            "The ministers will sign a memorandum in February.")
    art = make_article(text, "en", [DOE], dates=[("January 2022", "2022-01", "month")], published="2021-12-17")
    assert _rows(find_agreements(art, None))[0] == ("decree", "signed", ["Jane Doe"], "2022-01")


def test_the_body_day_after_the_page_is_no_event_of_a_signing():
    text = ("Fact Sheet: President Jane Doe Delivers for Families\n- Extended benefits to students starting on "
            "November 1, 2024.\n- Signed an Executive Order establishing an advisory board on colleges.")
    art = make_article(text, "en", [DOE], dates=[("November 1, 2024", "2024-11-01", "day")], published="2024-09-19")
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], None)]


def test_an_order_an_agency_issues_is_the_agencys():
    text = ("Fact Sheet: President Jane Doe Advances Equity\nIn June, the Department of Transit (DOT) issued an "
            "Order requiring its offices to review grantees’ proposed activities.")
    art = make_article(text, "en", [DOE, ("Department of Transit", "ORG", "Department of Transit")],
                       dates=[("June", "2021-06", "month")], published="2021-12-17")
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Department of Transit"], "2021-06")]


def test_the_president_who_signs_an_order_about_an_agency_stays_its_issuer():
    text = ("Fact Sheet: Equity\nPresident Jane Doe signed an Executive Order directing the Office of Personnel "
            "Management to review barriers.")
    art = make_article(text, "en", [DOE, ("Office of Personnel Management", "ORG", "Office of Personnel Management")])
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], None)]


def test_a_date_right_before_the_document_word_is_its_own_even_after_by():
    text = ("Fact Sheet: President Jane Doe Acts on Health\nA new office will coordinate the response, as "
            "directed by the April 2022 Presidential memorandum on Long COVID.")
    art = make_article(text, "en", [DOE], dates=[("April 2022", "2022-04", "month")], published="2023-07-25")
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], "2022-04")]


def test_a_deadline_before_the_document_word_still_dates_nothing():
    text = ("Fact Sheet: President Jane Doe Acts on Trade\nPresident Jane Doe signed an Executive Order that "
            "agencies must carry out by April 2026 with new rules.")
    art = make_article(text, "en", [DOE, DOE], dates=[("April 2026", "2026-04", "month")], published="2025-07-25")
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], None)]


def test_an_adverb_between_will_and_sign_still_plans_the_signing():
    text = ("Fact Sheet: Health\nThe Ruritanian Health Institute will also sign an agreement with the Borduria "
            "Research Council to further research on diabetes.")
    art = make_article(text, "en", [("Ruritanian Health Institute", "ORG", "Ruritanian Health Institute"),
                                    ("Borduria Research Council", "ORG", "Borduria Research Council")])
    assert [(r.type, r.status) for r in find_agreements(art, None)] == [("agreement", "planned")]


def test_a_planned_agreement_with_other_parties_is_not_the_one_told_before():
    text = ("Fact Sheet: Visit\n- Aviation: Air Ruritania’s historic agreement with Boeing to buy 200 aircraft, "
            "announced in February 2023, will support jobs. - Health: The Ruritanian Health Institute will also "
            "sign an agreement with the Borduria Research Council on diabetes.")
    art = make_article(text, "en", [("Air Ruritania", "ORG", "Air Ruritania"), ("Boeing", "ORG", "Boeing"),
                                    ("Ruritanian Health Institute", "ORG", "Ruritanian Health Institute"),
                                    ("Borduria Research Council", "ORG", "Borduria Research Council")],
                       dates=[("February 2023", "2023-02", "month")], published="2023-06-22")
    rows = _rows(find_agreements(art, None))
    assert ("agreement", "planned", ["Borduria Research Council", "Ruritanian Health Institute"], None) in rows
    assert len(rows) == 2


def test_a_weekday_names_the_day_of_the_signing_the_page_reports():
    text = ("Fact Sheet: President Jane Doe Acts on Rebuilding\nREBUILDING: On Friday, President Jane Doe signed an "
            "Executive Order to speed up reconstruction.")
    art = make_article(text, "en", [DOE, DOE], published="2026-01-27")  # a Tuesday
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], "2026-01-23")]
    same_day = make_article(text, "en", [DOE, DOE], published="2025-02-07")  # a Friday
    assert _rows(find_agreements(same_day, None)) == [("decree", "signed", ["Jane Doe"], "2025-02-07")]


def test_a_weekday_with_its_date_or_of_a_planned_signing_gives_no_day_of_its_own():
    text = ("Fact Sheet: President Jane Doe Plans\nOn Friday, President Jane Doe will sign an Executive Order on "
            "roads.")
    art = make_article(text, "en", [DOE, DOE], published="2026-01-27")
    assert _rows(find_agreements(art, None)) == [("decree", "planned", ["Jane Doe"], None)]
