"""Plural documents one side signed with each of a listed set of partners: one record per partner
(newsmon.nlp.agreements.partners; the az form is in test_agreements_states.py)."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements
from tests.test_agreements import make_article, names


def test_plural_agreements_with_listed_partners_are_one_per_partner_with_the_side_that_signed():
    text = ("Energy\nPresident Biden welcomed Iraq concluding agreements with Saudi Arabia, Kuwait, and Jordan to "
            "bring affordable energy to Iraq.")
    art = make_article(text, "en", [("Biden", "PERSON", "Joe Biden"), ("Iraq", "LOC", "Iraq"),
                                    ("Saudi Arabia", "LOC", "Saudi Arabia"), ("Kuwait", "LOC", "Kuwait"),
                                    ("Jordan", "LOC", "Jordan"), ("Iraq", "LOC", "Iraq")])
    records = find_agreements(art, None)
    assert [names(r) for r in records] == [{"Iraq", "Saudi Arabia"}, {"Iraq", "Kuwait"}, {"Iraq", "Jordan"}]


def test_a_partner_ner_mislabelled_or_glued_to_the_next_is_read_from_the_words():
    # "Lesotho" tagged as a person, "Codagenix and Gritstone" as one organisation
    text = ("Compacts\nSince 2021, MCC has signed compacts with the governments of Lesotho and Malawi. "
            "ASPR also signed agreements with CastleVax, Codagenix and Gritstone to develop vaccines.")
    art = make_article(text, "en", [("MCC", "ORG", "Millennium Challenge Corporation"),
                                    ("Lesotho", "PERSON", "Lesotho"), ("Malawi", "LOC", "Malawi"),
                                    ("ASPR", "ORG", "ASPR"), ("CastleVax", "ORG", "CastleVax"),
                                    ("Codagenix and Gritstone", "ORG", "Codagenix and Gritstone")])
    records = find_agreements(art, None)
    assert [names(r) for r in records] == [
        {"Millennium Challenge Corporation", "Lesotho"}, {"Millennium Challenge Corporation", "Malawi"},
        {"ASPR", "CastleVax"}, {"ASPR", "Codagenix"}, {"ASPR", "Gritstone"}]


def test_french_agreements_with_listed_states_bind_the_subject_and_each():
    text = "Accords\nLa France a signé des accords de coopération avec l’Arménie, la Géorgie et le Kazakhstan."
    art = make_article(text, "fr", [("France", "LOC", "France"), ("Arménie", "LOC", "Armenia"),
                                    ("Géorgie", "LOC", "Georgia"), ("Kazakhstan", "LOC", "Kazakhstan")])
    assert [names(r) for r in find_agreements(art, None)] == [
        {"France", "Armenia"}, {"France", "Georgia"}, {"France", "Kazakhstan"}]


def test_one_document_or_a_list_that_is_no_list_of_names_stays_one_record():
    text = ("Deals\nThe United States signed an agreement with Malaysia and Cambodia on Sunday. "
            "The Department signed 400 agreements with Tribes, Alaska Native Corporations, and consortiums.")
    art = make_article(text, "en", [("United States", "LOC", "United States"), ("Malaysia", "LOC", "Malaysia"),
                                    ("Cambodia", "LOC", "Cambodia"),
                                    ("Department", "ORG", "Department of the Interior"),
                                    ("Alaska Native Corporations", "ORG", "Alaska Native Corporations")])
    records = find_agreements(art, None)
    assert len(records) == 2
    assert names(records[0]) == {"United States", "Malaysia", "Cambodia"}


def test_the_partner_named_with_the_document_stays_when_the_sentence_then_says_both_parties():
    text = ("Fact sheet\nThe MCC and the DFC announced new investments. - Signing a Nuclear Cooperation "
            "Memorandum of Understanding with Kenya to signal that both parties seek to further our cooperation.")
    art = make_article(text, "en", [("MCC", "ORG", "Millennium Challenge Corporation"),
                                    ("DFC", "ORG", "Development Finance Corporation"), ("Kenya", "LOC", "Kenya")])
    [memo] = find_agreements(art, None)
    assert "Kenya" in names(memo)


def test_the_partner_after_with_is_the_organisation_a_state_only_qualifies():
    text = ("India\nThe Indian Air Force recently signed a maintenance contract with U.S. firm Boeing that "
            "supports jobs in both countries.")
    art = make_article(text, "en", [("Indian Air Force", "ORG", "Indian Air Force"),
                                    ("U.S.", "LOC", "United States"), ("Boeing", "ORG", "Boeing")])
    [contract] = find_agreements(art, None)
    assert "Boeing" in names(contract)


def test_a_document_the_us_executive_concluded_with_a_partner_binds_the_united_states():
    text = ("Drug prices\nThe Department of Health and Human Services will oversee the pricing. Today, President "
            "Donald J. Trump announced the second agreement with a major pharmaceutical company, AstraZeneca, to "
            "bring drug prices in line.\n"
            "- Signing a Nuclear Cooperation Memorandum of Understanding with Kenya to signal that both parties "
            "seek to further our civil nuclear cooperation.")
    art = make_article(text, "en", [("Department of Health and Human Services", "ORG",
                                     "United States Department of Health and Human Services"),
                                    ("Donald J. Trump", "PERSON", "Donald Trump"),
                                    ("AstraZeneca", "ORG", "AstraZeneca"), ("Kenya", "LOC", "Kenya")])
    records = find_agreements(art, None)
    assert [names(r) for r in records] == [{"United States", "AstraZeneca"}, {"United States", "Kenya"}]


def test_a_foreign_president_or_a_document_between_two_named_sides_keeps_its_parties():
    text = ("Deals\nPresident Zelensky signed an agreement with Poland on grain. President Biden welcomed the "
            "memorandum between Armenia and Georgia.")
    art = make_article(text, "en", [("Zelensky", "PERSON", "Volodymyr Zelensky"), ("Poland", "LOC", "Poland"),
                                    ("Biden", "PERSON", "Joe Biden"), ("Armenia", "LOC", "Armenia"),
                                    ("Georgia", "LOC", "Georgia")])
    assert all("United States" not in names(r) for r in find_agreements(art, None))


def test_plural_agreements_with_a_group_whose_members_the_next_sentence_lists_are_one_per_member():
    # "announced nine new agreements with major pharmaceutical companies ... - The nine manufacturers include
    # A, B, ..., and I": one record per company, each with the United States (the President concluded them)
    text = ("Drug prices\nToday, President Donald J. Trump announced three new agreements with major "
            "pharmaceutical companies to lower drug prices.\n- The three manufacturers include Amgen, Bristol "
            "Myers Squibb, and Sanofi. - The agreements reduce prices on drugs.")
    art = make_article(text, "en", [("Donald J. Trump", "PERSON", "Donald Trump"), ("Amgen", "ORG", "Amgen"),
                                    ("Bristol Myers Squibb", "ORG", "Bristol Myers Squibb"),
                                    ("Sanofi", "PERSON", "Sanofi")])
    records = find_agreements(art, None)
    assert [names(r) for r in records] == [{"United States", "Amgen"}, {"United States", "Bristol Myers Squibb"},
                                           {"United States", "Sanofi"}]


def test_a_group_whose_count_the_next_list_does_not_match_stays_one_record():
    text = ("Drug prices\nToday, President Donald J. Trump announced nine new agreements with major "
            "pharmaceutical companies to lower drug prices.\n- The companies include Amgen and Sanofi.")
    art = make_article(text, "en", [("Donald J. Trump", "PERSON", "Donald Trump"), ("Amgen", "ORG", "Amgen"),
                                    ("Sanofi", "ORG", "Sanofi")])
    assert len(find_agreements(art, None)) <= 1  # not one per company: the list is not the nine


def test_a_counted_group_of_unnamed_signers_is_a_party():
    text = ("Partnerships\nFourteen sports leagues and players associations have signed agreements with the "
            "President’s Council on Sports, Fitness, and Nutrition to expand access to physical activity.")
    council = "President’s Council on Sports, Fitness, and Nutrition"
    art = make_article(text, "en", [(council, "ORG", council)])
    [record] = find_agreements(art, None)
    assert names(record) == {"Fourteen sports leagues and players associations", council}


def test_a_party_name_cut_before_the_last_item_of_its_list_is_made_whole():
    # NER stops "President’s Council on Sports, Fitness, and Nutrition" at "Fitness"; a list of names
    # after "and" is not swallowed ("University of California, Berkeley, and Agostinho Neto University")
    text = ("Partnerships\nThe National Football League signed an agreement with the President’s Council on Sports, "
            "Fitness, and Nutrition on Monday. The University of California, Berkeley, and Agostinho Neto "
            "University signed a memorandum of understanding.")
    cut = "President’s Council on Sports, Fitness"
    art = make_article(text, "en", [("National Football League", "ORG", "National Football League"),
                                    (cut, "ORG", cut),
                                    ("University of California, Berkeley", "ORG", "University of California, Berkeley"),
                                    ("Agostinho Neto University", "ORG", "Agostinho Neto University")])
    agreement, memorandum = find_agreements(art, None)
    assert names(agreement) == {"National Football League", "President’s Council on Sports, Fitness, and Nutrition"}
    assert names(memorandum) == {"University of California, Berkeley", "Agostinho Neto University"}
