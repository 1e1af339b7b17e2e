"""Agreement records missed on real news ("missed trigger"): the constructions found on the tuning halves
of real-dev and the real-news gold, each in a small text of our own."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements
from newsmon.nlp.kb import KnowledgeBase
from tests.test_agreements import make_article, names

DOE = ("Jane Doe", "PERSON", "Jane Doe")


def test_orders_a_surname_owns_are_his_even_when_ner_glues_the_name_to_them():
    # NER took "Roe Executive Orders" for one MISC name: the surname is still the article's Ann Roe
    text = ("Fact Sheet: Federal workers\n"
            "Former President Ann Roe cut bargaining rights. "
            "President Jane Doe will sign an executive order that restores bargaining power. "
            "It revokes Roe Executive Orders 13836 and 13837.")
    art = make_article(text, "en", [("Ann Roe", "PERSON", "Ann Roe"), DOE,
                                    ("Roe Executive Orders", "MISC", "Roe Executive Orders")])
    records = find_agreements(art, None)
    assert sorted((r.status, tuple(names(r))) for r in records) == [
        ("planned", ("Jane Doe",)), ("signed", ("Ann Roe",)), ("signed", ("Ann Roe",))]


def test_a_surname_the_knowledge_base_knows_owns_the_orders_before_it():
    kb = KnowledgeBase.load()
    text = ("Fact Sheet: Federal workers\n"
            "President Jane Doe will sign an executive order that restores bargaining power by revoking "
            "Trump Executive Orders 13836 and 13837.")
    art = make_article(text, "en", [DOE, ("Trump Executive Orders", "MISC", "Trump Executive Orders")])
    records = find_agreements(art, kb)
    assert sorted((r.status, tuple(names(r))) for r in records) == [
        ("planned", ("Jane Doe",)), ("signed", ("Donald Trump",)), ("signed", ("Donald Trump",))]


def test_a_proclamation_is_an_order_of_the_president_who_issues_it():
    text = ("Fact Sheet: HBCU Week\n"
            "Today, President Jane Doe issued a proclamation recognizing National HBCU Week.")
    art = make_article(text, "en", [DOE])
    [order] = find_agreements(art, None)
    assert (order.type, order.status, names(order)) == ("decree", "signed", {"Jane Doe"})


def test_an_order_and_a_proclamation_in_one_sentence_are_two_decrees():
    text = ("Fact Sheet: Colleges\n"
            "In September, President Jane Doe signed an Executive Order on colleges and issued a proclamation "
            "recognizing College Week.")
    art = make_article(text, "en", [DOE])
    assert [(r.type, r.title.split()[0]) for r in find_agreements(art, None)] == [
        ("decree", "Executive"), ("decree", "proclamation")]


def test_two_numbered_orders_of_one_president_are_two_records():
    text = ("Fact Sheet: Justice\n"
            "In his first week, President Jane Doe signed Executive Order 14008, launching an agenda. "
            "Last year President Jane Doe signed Executive Order 14096 focused on justice.")
    art = make_article(text, "en", [DOE, DOE])
    assert [r.title for r in find_agreements(art, None)] == ["Executive Order 14008", "Executive Order 14096"]


def test_memorandums_in_the_plural_are_memoranda():
    text = ("Trade\n"
            "Acme Foods and Beta Mills signed two memorandums of understanding on grain purchases.")
    art = make_article(text, "en", [("Acme Foods", "ORG", "Acme Foods"), ("Beta Mills", "ORG", "Beta Mills")])
    [memo] = find_agreements(art, None)
    assert (memo.type, names(memo)) == ("memorandum", {"Acme Foods", "Beta Mills"})


def test_an_arrangement_or_a_pledge_signed_is_a_record_and_unsigned_is_none():
    signed = ("Defence\n"
              "Acme Corp and Beta Inc signed a Defense Cooperation Arrangement in Paris. "
              "Gamma Ltd and Delta Co signed the Clean Water Pledge.")
    art = make_article(signed, "en", [("Acme Corp", "ORG", "Acme Corp"), ("Beta Inc", "ORG", "Beta Inc"),
                                      ("Gamma Ltd", "ORG", "Gamma Ltd"), ("Delta Co", "ORG", "Delta Co")])
    assert [(r.type, r.status) for r in find_agreements(art, None)] == [("agreement", "signed"), ("other", "signed")]
    loose = ("Defence\n"
             "Acme Corp and Beta Inc discussed security arrangements and pledged to meet again.")
    art = make_article(loose, "en", [("Acme Corp", "ORG", "Acme Corp"), ("Beta Inc", "ORG", "Beta Inc")])
    assert find_agreements(art, None) == []


def test_kinds_of_orders_listed_are_no_orders():
    text = ("Memo: first 100 days\n"
            "To date, President Jane Doe has issued over 20 actions (i.e., executive orders, presidential memoranda, "
            "and presidential proclamations).")
    art = make_article(text, "en", [DOE])
    assert find_agreements(art, None) == []


def test_a_compact_signed_is_a_record_and_a_declaration_needs_its_partners_word():
    text = ("Summit\n"
            "The Health Compact, signed by Gamma Fund and Delta Trust in 2022, funds clinics. "
            "In 1776, the patriots gathered to sign the Declaration of Independence.")
    art = make_article(text, "en", [("Gamma Fund", "ORG", "Gamma Fund"), ("Delta Trust", "ORG", "Delta Trust")],
                       dates=[("2022", "2022", "year")])
    assert [(r.type, r.status, names(r)) for r in find_agreements(art, None)] == [
        ("other", "signed", {"Gamma Fund", "Delta Trust"})]


def test_a_document_ner_took_for_a_place_is_still_a_document():
    text = ("Suisse\n"
            "En octobre 2009, les « Protocoles de Zurich » ont été signés entre l’Arménie et la Turquie.")
    art = make_article(text, "fr", [("Protocoles de Zurich", "LOC", "Protocoles de Zurich"),
                                    ("Arménie", "LOC", "Armenia"), ("Turquie", "LOC", "Türkiye")],
                       dates=[("octobre 2009", "2009-10", "month")])
    [protocol] = find_agreements(art, None)
    assert (protocol.type, protocol.status, names(protocol)) == ("protocol", "signed", {"Armenia", "Türkiye"})


def test_a_contract_awarded_is_a_signed_agreement():
    en = ("Jets\n"
          "The Acme Air Force awarded a $600 million maintenance contract to Beta Aircraft.")
    art = make_article(en, "en", [("Acme Air Force", "ORG", "Acme Air Force"), ("Beta Aircraft", "ORG", "Beta Aircraft")])
    [contract] = find_agreements(art, None)
    assert (contract.type, contract.status, names(contract)) == (
        "agreement", "signed", {"Acme Air Force", "Beta Aircraft"})


def test_an_order_the_president_is_to_issue_is_planned_and_new():
    text = ("Fact Sheet: Relief\n"
            "Today, President Jane Doe is issuing an Executive Order on food aid for working families. "
            "President Jane Doe is also directing agencies to start the work that would allow him to issue an "
            "Executive Order within 100 days that requires a $15 minimum wage.")
    art = make_article(text, "en", [DOE, DOE], published="2025-01-22")
    assert [(r.type, r.status) for r in find_agreements(art, None)] == [("decree", "signed"), ("decree", "planned")]


def test_a_statute_ratified_and_a_ceasefire_signed_are_agreements():
    text = ("CPI\n"
            "L’Acmanie a ratifié le statut de Rome et rejoint la Cour. "
            "En dépit d’un cessez-le-feu signé en 1994 entre l’Acmanie et la Bétanie, les combats ont repris. "
            "Le statut de réfugié a été signé par le préfet.")
    art = make_article(text, "fr", [("Acmanie", "LOC", "Acmania"), ("Acmanie", "LOC", "Acmania"),
                                    ("Bétanie", "LOC", "Betania")], dates=[("1994", "1994", "year")])
    assert [(r.type, r.status, (r.date_signed or {}).get("value")) for r in find_agreements(art, None)] == [
        ("agreement", "ratified", None), ("agreement", "signed", "1994")]


def test_the_first_president_to_issue_a_proclamation_issued_it():
    text = ("Fact Sheet: Visibility\n"
            "On March 31, 2021 President Jane Doe became the first President to issue a proclamation "
            "commemorating Visibility Day.")
    art = make_article(text, "en", [DOE], dates=[("March 31, 2021", "2021-03-31", "day")])
    [order] = find_agreements(art, None)
    assert (order.type, order.status) == ("decree", "signed")


def test_the_date_a_sentence_opens_with_dates_each_document_it_reports_signed():
    text = ("Fact Sheet: Colleges\n"
            "In September, President Jane Doe signed an Executive Order to re-establish the Initiative on Advancing "
            "Educational Equity, Excellence, and Economic Opportunity and issued a proclamation recognizing College Week.")
    art = make_article(text, "en", [DOE], dates=[("September", "2024-09", "month")])
    assert [(r.title.split()[0], (r.date_signed or {}).get("value")) for r in find_agreements(art, None)] == [
        ("Executive", "2024-09"), ("proclamation", "2024-09")]


def test_a_year_after_de_dates_the_noun_before_it_not_the_signing():
    # "la déclaration de 1991" is the declaration's year; "l'accord de 2008" would be the accord's own
    text = ("Coopération\nL'ASAN et la KOICA ont signé un accord de coopération sur la base de la déclaration "
            "de 1991.")
    art = make_article(text, "fr", [("ASAN", "ORG", "ASAN"), ("KOICA", "ORG", "KOICA")],
                       dates=[("1991", "1991", "year")])
    [accord] = find_agreements(art, None)
    assert accord.type == "agreement" and accord.date_signed is None


def test_a_named_strategy_is_a_programme_only_as_its_owners_release():
    # released by its owner: a programme of the owner; cited, or named with no owner releasing it, none
    # (and a plan named with it stays its own document)
    text = ("Oceans\nToday, the Reef Council released the National Coral Strategy to protect reefs. "
            "The Coral Strategy guides our work. Officials will update the Coastal Strategy and the joint "
            "action plan of Arcadia and Borduria.")
    art = make_article(text, "en", [("Reef Council", "ORG", "Reef Council"), ("Arcadia", "LOC", "Arcadia"),
                                    ("Borduria", "LOC", "Borduria")], published="2024-05-02")
    strategy, plan = find_agreements(art, None)
    assert (strategy.type, strategy.status, names(strategy)) == ("programme", "signed", {"Reef Council"})
    assert plan.type == "programme" and "action plan" in plan.title.lower()


RURITANIA, ZEMBLA = ("Ruritania", "LOC", "Ruritania"), ("Zembla", "LOC", "Zembla")


def test_documents_going_by_different_names_stay_apart():
    # a fact sheet's bullets: the same two states, none dated, each document by its own name
    text = ("Fact Sheet: Ruritania visit\n"
            "- Supply: Ruritania and Zembla will conclude a Security of Supply Agreement. "
            "- Culture: Ruritania and Zembla are continuing negotiations for a Cultural Property Agreement "
            "which would help to prevent trafficking.")
    art = make_article(text, "en", [RURITANIA, RURITANIA, ZEMBLA, RURITANIA, ZEMBLA])
    records = find_agreements(art, None)
    assert [r.title for r in records] == ["Security of Supply Agreement", "Cultural Property Agreement"]


def test_a_named_document_told_again_by_its_name_is_one_record():
    text = ("Fact Sheet: Ruritania visit\n"
            "Ruritania and Zembla signed the Cultural Property Agreement. "
            "Ruritania and Zembla will implement the Cultural Property Agreement next year.")
    art = make_article(text, "en", [RURITANIA, RURITANIA, ZEMBLA, RURITANIA, ZEMBLA])
    assert len(find_agreements(art, None)) == 1


def test_orders_signed_by_the_count_are_new_ones():
    # a fact sheet's bullets with no subject: "Signed two Executive Orders" is not the order told before
    text = ("Fact Sheet: President Jane Doe delivers for communities\n"
            "President Jane Doe acted for communities. "
            "- Signed an Executive Order establishing an Advisory Board. "
            "- Signed two Executive Orders directing the Federal Government to address inequality.")
    art = make_article(text, "en", [DOE, DOE])
    assert len(find_agreements(art, None)) == 2


def test_a_plan_two_bodies_issue_is_both_bodies():
    energy = ("Department of Energy", "ORG", "Department of Energy")
    interior = ("Department of the Interior", "ORG", "Department of the Interior")
    text = ("Fact Sheet: Wind\n"
            "Earlier this week, the Department of Energy (DOE) and the Department of the Interior (DOI) issued a "
            "comprehensive action plan to connect wind projects.")
    art = make_article(text, "en", [energy, ("DOE", "ORG", "Department of Energy"), interior,
                                    ("DOI", "ORG", "Department of the Interior")])
    [plan] = find_agreements(art, None)
    assert (plan.type, names(plan)) == ("programme", {"Department of Energy", "Department of the Interior"})
