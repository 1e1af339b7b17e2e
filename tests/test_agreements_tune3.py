"""Agreement rules found missing on the third tuning half of the real-news gold (tune3, en): document names
NER tagged as places, decrees of different kinds, subtitles, orders cited by number and day, names inside a
document's title. The texts are our own, in the shape of the real ones."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements
from tests.test_agreements import make_article, names

DOE = ("Jane Doe", "PERSON", "Jane Doe")


def _rows(records):
    return [(r.type, r.status, sorted(names(r)), (r.date_signed or {}).get("value")) for r in records]


def test_a_place_ner_found_inside_the_document_words_leaves_the_document():
    text = ("Readout of a meeting\nThe leaders discussed space cooperation, including a Rocket Memorandum of "
            "Understanding that the Space Agency and the Ruritanian Space Office signed during the visit.")
    art = make_article(text, "en", [("Understanding", "LOC", "Understanding"), ("Space Agency", "ORG", "Space Agency"),
                                    ("Ruritanian Space Office", "ORG", "Ruritanian Space Office")])
    assert _rows(find_agreements(art, None)) == [
        ("memorandum", "signed", ["Ruritanian Space Office", "Space Agency"], None)]


def test_a_proclamation_named_on_a_subject_that_ner_took_for_a_place_is_still_the_presidents():
    text = ("Fact Sheet: Health\nIn April, President Jane Doe issued the first Presidential Proclamation on Rural "
            "Health Week, calling on all to act.")
    art = make_article(text, "en", [DOE, ("Presidential Proclamation on Rural Health", "LOC", "Rural Health")],
                       dates=[("April", "2021-04", "month")])
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], "2021-04")]


def test_the_day_an_order_takes_effect_is_not_the_day_it_was_signed():
    text = ("Fact Sheet: Rail\nToday, President Jane Doe signed an Executive Order establishing a board, "
            "effective July 18, 2022, to resolve a dispute.")
    art = make_article(text, "en", [DOE], dates=[("July 18, 2022", "2022-07-18", "day")], published="2022-07-15")
    assert _rows(find_agreements(art, None)) == [("decree", "signed", ["Jane Doe"], "2022-07-15")]


def test_an_order_and_a_memorandum_of_one_president_are_two_documents():
    # (an order with no title of its own would take any later decree named without a verb)
    text = ("Fact Sheet: Equity\nPresident Jane Doe signed an Executive Order to fund schools. Following "
            "President Jane Doe’s Presidential Memorandum on housing, the agency published a rule.")
    art = make_article(text, "en", [DOE, DOE])
    records = find_agreements(art, None)
    assert _rows(records) == [("decree", "signed", ["Jane Doe"], None)] * 2
    assert [r.title for r in records] == ["Executive Order", "Presidential Memorandum on housing"]


def test_a_subtitle_naming_the_memorandum_again_is_no_record_of_its_own():
    text = ("President Jane Doe to Sign Presidential Memorandum on Care\n"
            "Vice President Ann Roe Will Announce Presidential Memorandum in Remarks in Ohio\n"
            "Today, President Jane Doe will sign a Presidential Memorandum on care for veterans.")
    art = make_article(text, "en", [DOE, ("Ann Roe", "PERSON", "Ann Roe"), DOE])
    assert _rows(find_agreements(art, None)) == [("decree", "planned", ["Jane Doe"], None)]


def test_an_order_cited_by_number_and_day_is_the_president_in_office_that_day():
    text = ("Joint Statement on Trade\nThe United States will keep the tariffs set forth in Executive Order 14257 "
            "of April 2, 2025, on goods of Ruritania.\n"
            "President Joe Biden continued the emergency declared in Executive Order 13873 of May 15, 2019.")
    art = make_article(text, "en", [("United States", "LOC", "United States"), ("Ruritania", "LOC", "Ruritania"),
                                    ("Joe Biden", "PERSON", "Joe Biden")],
                       dates=[("April 2, 2025", "2025-04-02", "day"), ("May 15, 2019", "2019-05-15", "day")])
    orders = [r for r in find_agreements(art, None) if r.type == "decree"]
    assert _rows(orders) == [("decree", "signed", ["Donald Trump"], "2025-04-02"),
                             ("decree", "signed", ["Donald Trump"], "2019-05-15")]


def test_a_numbered_orders_day_is_no_signing_day_of_the_event():
    text = ("Joint Statement on Trade\nThe United States will keep the tariffs set forth in Executive Order 14257 "
            "of April 2, 2025.\nThe Ruritanian Trade Agency has signed a memorandum of understanding with the "
            "Bank.")
    art = make_article(text, "en", [("United States", "LOC", "United States"),
                                    ("Ruritanian Trade Agency", "ORG", "Ruritanian Trade Agency"),
                                    ("Bank", "ORG", "Export Bank")],
                       dates=[("April 2, 2025", "2025-04-02", "day")])
    [memo] = [r for r in find_agreements(art, None) if r.type == "memorandum"]
    assert _rows([memo]) == [("memorandum", "signed", ["Export Bank", "Ruritanian Trade Agency"], None)]


def test_an_organisation_ner_found_in_a_documents_name_is_no_party():
    text = ("Joint Statement\nIn the coming weeks, the United States and Ruritania will prepare the Agreement "
            "on Reciprocal, Fair, and Balanced Trade for signature.")
    art = make_article(text, "en", [("United States", "LOC", "United States"), ("Ruritania", "LOC", "Ruritania"),
                                    ("Balanced Trade", "ORG", "Balanced Trade")])
    assert _rows([r for r in find_agreements(art, None) if r.type == "agreement"]) == [
        ("agreement", "planned", ["Ruritania", "United States"], None)]


def test_a_plan_named_as_someones_is_theirs_not_the_sentences_first_organisation():
    text = ("Readout\nThe Secretary highlighted the Department of Roads’ efforts and the work through President "
            "Jane Doe’s Trucking Action Plan to improve working conditions for drivers.")
    art = make_article(text, "en", [("Department of Roads", "ORG", "Department of Roads"), DOE])
    assert _rows(find_agreements(art, None)) == [("programme", "signed", ["Jane Doe"], None)]
