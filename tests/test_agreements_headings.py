"""en fact sheets that list documents as bullet headings ("- Executive Order Limiting Use of Private Prisons."):
each heading is a document of its own unless an earlier title shares its subject, the sentence right after a
heading tells the heading's document, and a title-case purpose after the document word is part of its title.
The texts are our own, in the shape of the real ones."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements
from tests.test_agreements import make_article, names

DOE = ("Jane Doe", "PERSON", "Jane Doe")


def _rows(records):
    return [(r.type, r.status, sorted(names(r)), (r.date_signed or {}).get("value"), r.title) for r in records]


def test_a_titled_heading_after_another_order_is_an_order_of_its_own():
    text = ("Fact Sheet: Equity\n- In January, President Jane Doe signed an Executive Order on Ensuring Fair Loans, "
            "creating a task force. - Executive Order Limiting Use of Private Prisons. The President ordered "
            "the department not to renew contracts.")
    art = make_article(text, "en", [DOE], dates=[("January", "2021-01", "month")], published="2021-10-19")
    assert _rows(find_agreements(art, None)) == [
        ("decree", "signed", ["Jane Doe"], "2021-01", "Executive Order on Ensuring Fair Loans"),
        ("decree", "signed", ["Jane Doe"], None, "Executive Order Limiting Use of Private Prisons")]


def test_a_heading_whose_title_shares_the_earlier_subject_is_that_order():
    text = ("Fact Sheet: Equity\nIn January, President Jane Doe signed an Executive Order on Fair Loans. "
            "- Executive Order on Fair Loans for Farmers. Agencies have acted on it since.")
    art = make_article(text, "en", [DOE], dates=[("January", "2021-01", "month")], published="2021-10-19")
    assert [r.title for r in find_agreements(art, None)] == ["Executive Order on Fair Loans for Farmers"]


def test_the_sentence_after_a_heading_tells_the_headings_order():
    # ("signed an Executive Order" alone would be a new order: here it is the heading's, told again)
    text = ("Fact Sheet: Equity\nPresident Jane Doe signed an Executive Order on Fair Loans.\n"
            "- Executive Order on Improving Public Safety for Rural Towns. On November 15, 2021, President Jane Doe "
            "signed an executive order directing the departments to act.")
    art = make_article(text, "en", [DOE, DOE], dates=[("November 15, 2021", "2021-11-15", "day")],
                       published="2021-11-15")
    assert _rows(find_agreements(art, None))[1:] == [
        ("decree", "signed", ["Jane Doe"], "2021-11-15", "Executive Order on Improving Public Safety for Rural Towns")]


def test_a_title_case_purpose_after_the_document_word_is_its_title_and_a_lower_case_one_is_not():
    text = ("Fact Sheet: Equity\nPresident Jane Doe signed a Presidential Memorandum Condemning and Combating "
            "Racism today. She also signed an Executive Order directing agencies to act.")
    art = make_article(text, "en", [DOE], published="2021-01-26")
    assert [r.title for r in find_agreements(art, None)] == [
        "Presidential Memorandum Condemning and Combating Racism", "Executive Order"]
