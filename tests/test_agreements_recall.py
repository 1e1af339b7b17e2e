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
