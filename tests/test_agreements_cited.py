"""Documents a story only cites or names as a kind are no agreement records; the ones it reports stay.
(Sentences written for these tests, in the shapes real news uses.) English and French read spaCy's
parse, so those tests need the installed models."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements
from tests.test_agreements import make_article, names

UN = "United Nations"
US = "United States"


def test_a_charter_cited_for_its_principles_is_no_record_a_new_memorandum_entered_into_is():
    text = ("Leaders meet in Manila\n"
            "The leaders of Japan and the Philippines reaffirmed their commitment to the principles of the "
            "United Nations Charter and to freedom of navigation. "
            "Today, the Department of Labor and AmeriCorps are entering into a formal Memorandum of Understanding.")
    art = make_article(text, "en", [("Japan", "LOC", "Japan"), ("Philippines", "LOC", "Philippines"),
                                    ("United Nations", "ORG", UN),
                                    ("Department of Labor", "ORG", "Department of Labor"),
                                    ("AmeriCorps", "ORG", "AmeriCorps")])
    assert [r.type for r in find_agreements(art)] == ["memorandum"]


def test_a_named_treaty_recalled_without_a_signing_is_no_record_but_a_signed_one_is():
    text = ("A statement on the anniversary\n"
            "The peace and progress of the Belfast Agreement must be preserved, the President said. "
            "Today the United States and Ireland signed a memorandum of understanding on research.")
    art = make_article(text, "en", [("Belfast", "LOC", "Belfast"), ("United States", "LOC", US),
                                    ("Ireland", "LOC", "Ireland")])
    records = find_agreements(art)
    assert [(r.type, names(r)) for r in records] == [("memorandum", {US, "Ireland"})]


def test_a_kind_of_agreement_is_no_record_but_agreements_with_a_partner_are():
    text = ("Justice reforms\n"
            "The Department of Justice issued guidance on charging, plea agreements and sentencing. "
            "The Department of Health also reached agreements with Pfizer to lower prices.")
    art = make_article(text, "en", [("Department of Justice", "ORG", "Department of Justice"),
                                    ("Department of Health", "ORG", "Department of Health"),
                                    ("Pfizer", "ORG", "Pfizer")])
    records = find_agreements(art)
    assert len(records) == 1 and "Pfizer" in names(records[0])


def test_a_memorandum_speaking_of_itself_is_no_record():
    text = ("Memorandum on Protecting Coastal Wetlands\n"
            "Nothing in this memorandum shall be construed to impair the authority of the Department of the "
            "Interior.")
    art = make_article(text, "en", [("Department of the Interior", "ORG", "Department of the Interior")])
    assert find_agreements(art) == []


def test_french_treaty_cited_as_history_is_no_record():
    text = ("Une exposition à Athènes\n"
            "Après l'incendie, le traité de Lausanne en 1923 a fixé les frontières entre la Grèce et la Turquie.")
    art = make_article(text, "fr", [("Lausanne", "LOC", "Lausanne"), ("Grèce", "LOC", "Greece"),
                                    ("Turquie", "LOC", "Türkiye")], dates=[("1923", "1923", "year")])
    assert find_agreements(art) == []


def test_azerbaijani_charter_and_treaty_cited_by_their_provisions_are_no_records_a_signed_one_is():
    text = ("Nazir BMT nümayəndəsi ilə görüşüb\n"
            "Nazir BMT Nizamnaməsinin prinsiplərinə sadiqliyini bildirib. "
            "Ombudsman Azərbaycan və Rusiya arasında ikitərəfli müqavilənin müddəalarına əsaslanaraq müraciət edib. "
            "Bu gün Gürcüstan və Ermənistan arasında protokol imzalanıb.")
    art = make_article(text, "az", [("BMT", "ORG", UN), ("BMT", "ORG", UN), ("Azərbaycan", "LOC", "Azerbaijan"),
                                    ("Rusiya", "LOC", "Russia"), ("Gürcüstan", "LOC", "Georgia"),
                                    ("Ermənistan", "LOC", "Armenia")])
    assert [(r.type, names(r)) for r in find_agreements(art)] == [("protocol", {"Georgia", "Armenia"})]


def test_a_negated_agreement_is_no_record_but_the_pages_joint_statement_is():
    text = ("Joint Statement on the Energy Task Force of the United States and Norway\n"
            "The United States and Norway will expand cooperation on energy security. "
            "Both the United States and Norway recognize that this document does not constitute a legally "
            "binding agreement.")
    art = make_article(text, "en", [("United States", "LOC", US), ("Norway", "LOC", "Norway"),
                                    ("United States", "LOC", US), ("Norway", "LOC", "Norway"),
                                    ("United States", "LOC", US), ("Norway", "LOC", "Norway")])
    assert [r.type for r in find_agreements(art)] == ["other"]


def test_a_budget_agreement_to_abide_by_is_cited():
    text = ("Statement on the shutdown\n"
            "It is time for the House to abide by the bipartisan budget agreement that a majority voted for.")
    art = make_article(text, "en", [("House", "ORG", "United States House of Representatives")])
    assert find_agreements(art) == []


def test_a_treaty_planned_after_one_cited_keeps_no_date_of_the_cited_one():
    # the cited treaty is no record, so the planned one must not take its year by merging into it
    text = ("Une exposition à Athènes\n"
            "Après l'incendie, le traité de Lausanne en 1923 a fixé les frontières entre la Grèce et la Turquie. "
            "Un traité sera signé par la Grèce et la Turquie.")
    art = make_article(text, "fr", [("Lausanne", "LOC", "Lausanne"), ("Grèce", "LOC", "Greece"),
                                    ("Turquie", "LOC", "Türkiye"), ("Grèce", "LOC", "Greece"),
                                    ("Turquie", "LOC", "Türkiye")], dates=[("1923", "1923", "year")])
    records = find_agreements(art)
    assert [(r.status, r.date_signed, names(r)) for r in records] == [("planned", None, {"Greece", "Türkiye"})]
    assert records[0].sentence.startswith("Un traité sera signé")


def test_this_agreement_approved_after_a_named_one_is_that_one():
    # a demonstrative points back to the document just named, though it was named in passing
    text = ("Statement on the rail talks\n"
            "I am calling on Congress to adopt the Tentative Agreement between railroad workers and operators. "
            "This agreement was approved by labor and management negotiators in September.")
    art = make_article(text, "en", [("Congress", "ORG", "United States Congress")],
                       dates=[("September", "2022-09", "month")])
    records = find_agreements(art)
    assert len(records) == 1 and records[0].title.startswith("Tentative Agreement")
