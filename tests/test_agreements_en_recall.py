"""English agreement recall on fact sheets: rules found from the tuning halves' misses of the real-news
agreement gold. The texts are our own, in the shape of the real ones."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements
from newsmon.nlp.agreements.lexicon import lexicon
from newsmon.nlp.agreements.parties import Sentence
from newsmon.nlp.agreements.party_names import names_document
from newsmon.nlp.agreements.triggers import find_triggers
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.kb_file import KBEntity
from tests.test_agreements import make_article, names


def _documents(text: str) -> list[str]:
    sent = Sentence(0, len(text), text, "en")
    return [text[s:e] for _, s, e in find_triggers(sent, lexicon("en"))]


def test_a_second_document_of_one_type_introduced_as_another_is_its_own():
    assert _documents("Ruritania is negotiating a new Fisheries Agreement and will soon begin talks with Zembla "
                      "on a Defense Cooperation Agreement.") == ["Agreement", "Agreement"]
    assert _documents("The Agency extended a Memorandum of Cooperation on research, and signed a Memorandum of "
                      "Understanding on health.") == ["Memorandum of Cooperation", "Memorandum of Understanding"]


def test_the_same_document_named_again_is_one():
    # an apposition, an alternative, a definite mention
    assert len(_documents("Ruritania signed the Strategic Defense Agreement (SDA), a historic agreement that "
                          "deepens ties.")) == 1
    assert len(_documents("We hope to reach an agreement or an accord at the summit.")) == 1
    assert len(_documents("Ruritania signed an agreement with Zembla, and the agreement enters into force "
                          "today.")) == 1


def test_a_heading_run_into_its_body_names_the_body_s_document():
    assert len(_documents("- Port Safety Action Plan: The Minister announced an action plan to modernise "
                          "ports.")) == 1
    assert len(_documents("- Trade Memorandum of Understanding (MOU): The Bank and Zembla will sign an MOU "
                          "to expand trade.")) == 1
    assert len(_documents("Public Ethics Executive Order President Smith will sign an Executive Order to "
                          "restore trust.")) == 1


def test_a_named_arrangement_is_a_document_without_a_signing_word():
    assert _documents("Ruritania and Zembla commenced negotiations for a Security of Supply Arrangement.") \
        == ["Arrangement"]
    assert _documents("We welcome the signature of the Administrative Arrangement between the Ministry and the "
                      "Agency.") == ["Arrangement"]
    # a kind of arrangement, or one opening the sentence, still needs a signing word
    assert _documents("The ministers discussed new security arrangements for the region.") == []
    assert _documents("Arrangements for the summit are under way.") == []


def test_a_document_name_tagged_as_an_organisation_is_still_the_document():
    text = ("Ruritania and Zembla deepen defense ties\nRuritania and Zembla signed the Fisheries Protection "
            "Arrangement and the Port Safety Arrangement on Monday.")
    art = make_article(text, "en", [("Ruritania", "LOC", "Ruritania"), ("Zembla", "LOC", "Zembla"),
                                    ("Ruritania", "LOC", "Ruritania"), ("Zembla", "LOC", "Zembla"),
                                    ("the Fisheries Protection Arrangement and the Port Safety Arrangement", "ORG",
                                     "Fisheries Protection Arrangement")])
    records = find_agreements(art, None)
    assert [(r.type, r.status, sorted(names(r))) for r in records][:1] == \
        [("agreement", "signed", ["Ruritania", "Zembla"])]


def test_a_named_arrangement_tagged_as_an_organisation_is_no_party():
    assert names_document("a Security of Supply Arrangement", lexicon("en"))
    assert not names_document("Security Council", lexicon("en"))


def test_a_road_map_is_found_like_a_plan_and_typed_other_as_real_dev_types_it():
    text = "The United States and Ruritania signed a Defense Industrial Cooperation Roadmap on Monday."
    [agr] = find_agreements(make_article(text, "en", [("United States", "LOC", "United States"),
                                                      ("Ruritania", "LOC", "Ruritania")]), None)
    assert (agr.type, agr.status) == ("other", "signed")
    text = "Ruritania et la Zembla ont signé une feuille de route de coopération."
    [agr] = find_agreements(make_article(text, "fr", [("Ruritania", "LOC", "Ruritania"), ("Zembla", "LOC", "Zembla")]),
                            None)
    assert agr.type == "other"


def test_a_joint_statement_from_three_states_in_an_escaped_headline_is_the_three_s():
    # a stored headline keeps its Markdown escapes ("and\_Zembla"), and "from" there names the authors, no place
    text = ("Joint Statement from Ruritania, Zembla, and\\_Freedonia\n"
            "The three governments welcome the progress of the talks.")
    art = make_article(text, "en", [("Ruritania", "LOC", "Ruritania"), ("Zembla", "LOC", "Zembla"),
                                    ("Freedonia", "LOC", "Freedonia")], published="2025-08-16")
    records = find_agreements(art, None)
    assert [(r.type, sorted(names(r))) for r in records] == [("other", ["Freedonia", "Ruritania", "Zembla"])]


def test_a_document_named_as_one_side_s_with_another_binds_the_two():
    text = ("Aviation\nRuritania Air’s historic agreement with Boeing to acquire 200 aircraft was signed in February. "
            "The Ministry of Transport of Zembla welcomed it.")
    # (NER cut the airline's name: the possessive's whole capitalised run is the side)
    art = make_article(text, "en", [("Air", "ORG", "Air"), ("Boeing", "ORG", "Boeing"),
                                    ("Ministry of Transport of Zembla", "ORG", "Ministry of Transport of Zembla")])
    assert [sorted(names(r)) for r in find_agreements(art, None)] == [["Boeing", "Ruritania Air"]]


def test_a_president_s_deal_is_no_possessive_side():
    text = "Trade\nPresident Smith’s historic trade deal with Zembla was signed today."
    art = make_article(text, "en", [("Smith", "PERSON", "John Smith"), ("Zembla", "LOC", "Zembla")])
    assert all("John Smith" not in names(r) for r in find_agreements(art, None))


def test_a_framework_is_a_document_only_as_a_signing_or_agreeing_verb_s_object():
    assert _documents("Zembla committed to a $1.4 trillion investment framework over the next decade.") \
        == ["framework"]
    assert _documents("Ruritania and Zembla signed a Critical Minerals Framework.") == ["Framework"]
    assert _documents("Ruritania will develop regulatory frameworks for AI.") == []
    assert _documents("Cooperation grows within the framework of the partnership.") == []
    # (a framework for an agreement announces that agreement, the one document)
    assert _documents("Ruritania and Zembla agreed to a Framework for an Agreement on Reciprocal Trade.") \
        == ["Agreement"]


def test_a_document_still_being_finalised_or_committed_to_is_planned():
    text = ("Trade\nRuritania committed to a new investment framework with Zembla. The Navy is finalizing an "
            "agreement with Freedonia Shipyard.")
    art = make_article(text, "en", [("Ruritania", "LOC", "Ruritania"), ("Zembla", "LOC", "Zembla"),
                                    ("Navy", "ORG", "Navy"), ("Freedonia Shipyard", "ORG", "Freedonia Shipyard")])
    assert [(r.type, r.status) for r in find_agreements(art, None)] == [("agreement", "planned")] * 2


def test_a_state_signing_accords_states_sign_one_by_one_signs_alone():
    text = ("Ruritania and Zembla\nRuritania hosted the leaders. Zembla has signed the Artemis Accords, which "
            "advance a common vision. Ruritania welcomed it.")
    art = make_article(text, "en", [("Ruritania", "LOC", "Ruritania"), ("Zembla", "LOC", "Zembla"),
                                    ("Ruritania", "LOC", "Ruritania"), ("Zembla", "LOC", "Zembla"),
                                    ("Ruritania", "LOC", "Ruritania")])
    for m in art.mentions:  # states, as the linker gives them (a state's one named side otherwise gets another)
        m.canonical_id = "loc:" + m.canonical_id
    kb = KnowledgeBase([KBEntity(id=f"loc:{n.lower()}", name=n, label="LOC", names={"en": (n,)}, kind="country")
                        for n in ("Ruritania", "Zembla")])
    assert [sorted(names(r)) for r in find_agreements(art, kb)] == [["Zembla"]]


def test_joining_accords_states_sign_one_by_one_is_signing_them():
    text = "Space\nThe Minister welcomed Zembla joining the Artemis Accords, a set of rules for exploration."
    art = make_article(text, "en", [("Zembla", "LOC", "Zembla")])
    assert [(r.type, r.status, sorted(names(r))) for r in find_agreements(art, None)] \
        == [("agreement", "signed", ["Zembla"])]
    assert _documents("Zembla will join the Global Methane Pledge.") == ["Pledge"]
    assert _documents("Zembla joined the talks on a pledge.") == []
