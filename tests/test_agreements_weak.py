"""Document words that are agreements only when signed ("contrat", "convention", "bəyannamə", "petition"),
and signers named by a pointer ("Il a signé", "ce dernier", "the latter")."""
from __future__ import annotations

import pytest

from newsmon.nlp.agreements.find import find_agreements
from newsmon.nlp.agreements.lexicon import lexicon

from test_agreements import make_article, names


@pytest.mark.parametrize("text, lang, entities, type_", [
    ("Défense\nParis et Erevan ont signé un contrat de défense pour la vente de radars.", "fr",
     [("Paris", "LOC", "France"), ("Erevan", "LOC", "Armenia")], "agreement"),
    ("Mécénat\nLa Ville de Paris et l'Éparchie arménienne ont signé une convention de mécénat.", "fr",
     [("Ville de Paris", "ORG", "City of Paris"), ("Éparchie arménienne", "ORG", "Armenian Eparchy")], "agreement"),
    ("Bəyannamə\nAzərbaycan ilə Türkiyə arasında müttəfiqlik haqqında Bəyannamə imzalanıb.", "az",
     [("Azərbaycan", "LOC", "Azerbaijan"), ("Türkiyə", "LOC", "Turkey")], "other"),
    ("Caspian\nThe convention on the legal status of the sea was signed by Azerbaijan and Kazakhstan.", "en",
     [("Azerbaijan", "LOC", "Azerbaijan"), ("Kazakhstan", "LOC", "Kazakhstan")], "agreement"),
    ("Bəyanat\nAzərbaycan ilə Çin arasında strateji tərəfdaşlıq haqqında Bəyanat imzalanıb.", "az",
     [("Azərbaycan", "LOC", "Azerbaijan"), ("Çin", "LOC", "China")], "other"),
    # adopted, with either light verb of the passive
    ("Görüş\nAzərbaycan və Pakistan parlament sədrlərinin görüşündə qəbul olunan İslamabad Bəyannaməsi "
     "əlaqələrin bütün aspektlərini əhatə edir.", "az",
     [("Azərbaycan", "LOC", "Azerbaijan"), ("Pakistan", "LOC", "Pakistan")], "other"),
])
def test_a_weak_document_word_is_an_agreement_when_signed(text, lang, entities, type_):
    [agr] = find_agreements(make_article(text, lang, entities), None)
    assert agr.type == type_ and agr.status == "signed" and len(agr.parties) == 2


@pytest.mark.parametrize("text, lang, entities", [
    ("Droits\nCette détention est contraire aux conventions internationales, a déclaré l'Arménie.", "fr",
     [("Arménie", "LOC", "Armenia")]),
    ("Vergi\nİndi bəyannamələri doldurmayın, Azərbaycan vergi orqanları bildirib.", "az",
     [("Azərbaycan", "LOC", "Azerbaijan")]),
    # a filing ("bəyannamə sistemi", a tax declaration) with an adopting verb nearby is still no document
    ("Vergi\nErmənistanın tətbiq etdiyi universal bəyannamə sistemi əksər ölkələrdə qəbul edilən modeldən fərqlənir.",
     "az", [("Ermənistanın", "LOC", "Armenia")]),
    ("Vergi\nErmənistan hökuməti gəlir vergisi bəyannaməsinin qəbul edilməsi üçün yeni qayda təsdiqləyib.", "az",
     [("Ermənistan", "LOC", "Armenia")]),
    ("XİN\nAzərbaycan XİN Ermənistanın iddiaları ilə bağlı bəyanat yayıb.", "az",
     [("Azərbaycan", "LOC", "Azerbaijan"), ("Ermənistanın", "LOC", "Armenia")]),
    # a forum's closing statement in the participle, as the sample gold reads it (a named declaration adopted so is a
    # document: above)
    ("Forum\nForumun yekununda qəbul olunan bəyanatda Gürcüstan və Özbəkistan təcrübə mübadiləsini vurğulayıb.", "az",
     [("Gürcüstan", "LOC", "Georgia"), ("Özbəkistan", "LOC", "Uzbekistan")]),
    ("Jobs\nThe new contractor will offer jobs to workers of federal service contracts in Ohio.", "en",
     [("Ohio", "LOC", "Ohio")]),
    # the signing verb belongs to the nearer trigger: the contract is only what the order is about
    ("Order\nPresident Biden signed an executive order on federal service contracts.", "en",
     [("Biden", "PERSON", "Joe Biden")]),
])
def test_a_weak_document_word_without_a_signing_is_no_agreement(text, lang, entities):
    records = find_agreements(make_article(text, lang, entities), None)
    assert all(r.type == "decree" for r in records)


def test_a_pronoun_subject_signs_for_the_person_just_named():
    text = ("Portrait\nVladimir Spivakov, né en 1944 à Oufa, est un violoniste russe. "
            "Il a signé en 2014 la pétition de soutien à l'annexion de la Crimée.")
    art = make_article(text, "fr", [("Vladimir Spivakov", "PERSON", "Vladimir Spivakov"), ("Oufa", "LOC", "Ufa"),
                                    ("Crimée", "LOC", "Crimea")], dates=[("2014", "2014", "year")])
    [petition] = find_agreements(art, None)
    assert (petition.type, petition.date_signed["value"]) == ("other", "2014")
    assert names(petition) == {"Vladimir Spivakov"}


def test_the_latter_signs_for_the_organisation_just_named():
    text = ("Factory\nHermès will open a plant; Hermès worked on it with CCI Normandie.\n"
            "The project was welcomed by the president of SNA. The latter signed the letter of intent on Wednesday.")
    art = make_article(text, "en", [("Hermès", "ORG", "Hermès"), ("Hermès", "ORG", "Hermès"),
                                    ("CCI Normandie", "ORG", "CCI Normandie"), ("SNA", "ORG", "SNA")])
    [letter] = find_agreements(art, None)
    assert letter.type == "other" and "SNA" in names(letter)  # the article's main actors would be Hermès and the CCI


def test_documents_with_different_subjects_or_stages_are_separate_records():
    text = ("Xəzər\n2018-ci ildə Aktauda imzalanmış Xəzəryanı dövlətlər arasında iqtisadi-ticari əməkdaşlıq haqqında "
            "Saziş qüvvəyə minib. Həmçinin 2018-ci ildə Xəzəryanı dövlətlər arasında imzalanmış Xəzər dənizinin "
            "hüquqi statusu haqqında Saziş baza sənədidir. Komitə iki ölkə arasında enerji sektorunda yeni sazişlər "
            "hazırlayacaq.")
    # the Caspian Sea is what the second title is about (no party): the same states bind both documents
    art = make_article(text, "az", [("Aktauda", "LOC", "Aktau"), ("Xəzəryanı dövlətlər", "ORG", "Caspian states"),
                                    ("Xəzəryanı dövlətlər", "ORG", "Caspian states"),
                                    ("Xəzər dənizinin", "LOC", "Caspian Sea")],
                       dates=[("2018-ci ildə", "2018", "year")])
    art.dates.append(type(art.dates[0])("2018-ci ildə", "2018", "year", text.index("2018-ci ildə Xəzəryanı dövlətlər arasında"),
                                        text.index("2018-ci ildə Xəzəryanı dövlətlər arasında") + 12))
    records = find_agreements(art, None)
    assert [(r.type, r.status) for r in records] == [
        ("agreement", "implemented"), ("agreement", "signed"), ("agreement", "planned")]


def test_a_singular_mention_in_the_future_tells_what_the_signed_document_does():
    text = ("Yollar\nPrezident İlham Əliyev avtomobil yolları haqqında Sərəncam imzalayıb. "
            "İqtisadiyyat Nazirliyinə bu Sərəncamın icrası ilə bağlı təkliflər hazırlamaq tapşırılıb. "
            "Sərəncam yeni yolların tikintisini sürətləndirəcək.")
    art = make_article(text, "az", [("İlham Əliyev", "PERSON", "Ilham Aliyev"),
                                    ("İqtisadiyyat Nazirliyinə", "ORG", "Ministry of Economy")])
    [decree] = find_agreements(art, None)
    assert (decree.type, decree.status) == ("decree", "signed")


def test_the_agreement_between_two_states_in_the_relative_form():
    text = "Sülh\nRusiyanın vasitəçiliyi ilə Azərbaycanla Ermənistan arasındakı sülh sazişi dünən imzalanıb."
    art = make_article(text, "az", [("Rusiyanın", "LOC", "Russia"), ("Azərbaycanla", "LOC", "Azerbaijan"),
                                    ("Ermənistan", "LOC", "Armenia")])
    [peace] = find_agreements(art, None)
    assert names(peace) == {"Azerbaijan", "Armenia"} and peace.status == "signed"


@pytest.mark.parametrize("phrase, status", [("razılaşdırılıb", "signed"), ("razılaşdırılmamış", None),
                                            ("razılaşdırılmayan", None)])
def test_points_not_agreed_are_no_signing(phrase, status):
    found = [s for s, pattern in lexicon("az").status if pattern.search(f"sazişin {phrase} bəndləri")]
    assert found == ([status] if status else [])


def test_a_page_titled_as_a_joint_statement_is_the_statement_of_its_publication_day():
    text = ("Joint Leaders Statement on Ruritania\n"
            "Today, Freedonia and Sylvania reaffirm their partnership with Ruritania.")
    art = make_article(text, "en", [("Ruritania", "LOC", "Ruritania"), ("Freedonia", "LOC", "Freedonia"),
                                    ("Sylvania", "LOC", "Sylvania"), ("Ruritania", "LOC", "Ruritania")],
                       published="2021-09-15")
    [statement] = find_agreements(art, None)
    assert (statement.type, statement.status) == ("other", "signed")
    assert statement.date_signed == {"value": "2021-09-15", "precision": "day"}


def test_a_president_ner_missed_issues_the_decree_by_the_name_after_his_title():
    text = ("FACT SHEET: President\\_Biden Signs Executive Order To Ensure Quality Jobs\n"
            "Today, the President signed an Executive Order to ensure a reliable supply of skilled workers.")
    [order] = find_agreements(make_article(text, "en", [], published="2021-11-18"), None)
    assert order.type == "decree" and names(order) == {"Biden"}
    assert order.date_signed == {"value": "2021-11-18", "precision": "day"}


def test_a_treaty_cited_in_the_genitive_or_dative_is_no_record_but_a_decree_or_a_creation_is():
    text = ("Haaqa\nDekabrın 1-də UNESCO-nun 1954-cü il Haaqa Konvensiyasının İkinci Protokoluna tərəf dövlətlərin iclası "
            "keçirilib. Komitə Protokolunun tələblərinə əməl olunmasına nəzarət edir. "
            "Bundan əlavə, ADA Universiteti ilə Dövlət Agentliyi birgə magistr proqramının yaradılması barədə "
            "razılığa gəliblər. Mükafat Prezident İlham Əliyevin 2019-cu il 26 iyul tarixli Sərəncamına əsasən "
            "təsis edilib.")
    art = make_article(text, "az", [("UNESCO", "ORG", "UNESCO"), ("Haaqa", "LOC", "The Hague"), ("ADA Universiteti", "ORG", "ADA University"),
                                    ("Dövlət Agentliyi", "ORG", "State Agency"),
                                    ("İlham Əliyevin", "PERSON", "Ilham Aliyev")],
                       dates=[("1954-cü il", "1954", "year"), ("2019-cu il 26 iyul", "2019-07-26", "day")])
    assert [r.type for r in find_agreements(art, None)] == ["programme", "decree"]


def test_an_awarded_contract_binds_the_awarding_body_alone():
    # the winner is not named: no other organisation of the article is guessed as the second party
    text = ("Wins\nThe Department of Homeland Security announced record seizures of illicit drugs. - The U.S. "
            "Coast Guard awarded a $1 billion contract for dozens of heavy icebreaker ships.")
    art = make_article(text, "en", [("Department of Homeland Security", "ORG", "Department of Homeland Security"),
                                    ("U.S. Coast Guard", "ORG", "United States Coast Guard")])
    [contract] = find_agreements(art, None)
    assert names(contract) == {"United States Coast Guard"}


def test_a_plan_an_order_has_developed_is_planned_and_the_issuers():
    text = ("Artificial intelligence\nToday, President Donald J. Trump signed an Executive Order on AI. - The order "
            "directs the development of an AI Action Plan to sustain America’s AI dominance, led by the Assistant "
            "to the President for Science & Technology.")
    art = make_article(text, "en", [("Donald J. Trump", "PERSON", "Donald Trump"),
                                    ("Science & Technology", "ORG", "Science & Technology")])
    plan = next(r for r in find_agreements(art, None) if r.type == "programme")
    assert (plan.status, names(plan)) == ("planned", {"Donald Trump"})


def test_a_declaration_signed_or_trilateral_is_a_record_dated_by_its_title_a_statement_is_none():
    signed = ("Géorgie\nAprès avoir signé la déclaration du 12 mars 2019, la Géorgie a cherché à normaliser "
              "ses relations avec l'Arménie.")
    art = make_article(signed, "fr", [("Géorgie", "LOC", "Georgia"), ("Géorgie", "LOC", "Georgia"),
                                      ("Arménie", "LOC", "Armenia")],
                       dates=[("12 mars 2019", "2019-03-12", "day")])
    [record] = find_agreements(art, None)
    assert (record.type, record.date_signed["value"]) == ("other", "2019-03-12")
    assert names(record) == {"Georgia", "Armenia"}
    # a statement made, not signed, and statements near another document signed
    for text in ("Géorgie\nLe ministre a fait une déclaration sur la Géorgie après la signature de la charte.",
                 "Géorgie\nNous condamnons les déclarations de la Géorgie, dit le texte signé par dix députés."):
        records = find_agreements(make_article(text, "fr", [("Géorgie", "LOC", "Georgia")]), None)
        assert all(r.type != "other" for r in records)


def test_a_deal_is_an_agreement_only_as_the_document_signed():
    # a deal signed with a named partner is one; the verb "deal with" and "a great deal" are none
    text = ("Trade\nArcadia inked a fisheries deal with Borduria on Monday. "
            "Officials said there is a great deal to do. Signed programmes help farmers deal with the drought.")
    art = make_article(text, "en", [("Arcadia", "LOC", "Arcadia"), ("Borduria", "LOC", "Borduria")])
    [deal] = find_agreements(art, None)
    assert (deal.type, deal.status, names(deal)) == ("agreement", "signed", {"Arcadia", "Borduria"})
    assert lexicon("en").weak_types[0][1].search("they signed to deal with the crisis") is None


def test_a_directive_is_a_decree_only_when_signed():
    # the President signing a directive issues an order; an agency's directive cited is none
    text = ("Wins\nPresident Arden signed an official directive closing the old mint. "
            "The customs office follows its directives on imports.")
    art = make_article(text, "en", [("Arden", "PERSON", "Arden")])
    [order] = find_agreements(art, None)
    assert (order.type, order.status, names(order)) == ("decree", "signed", {"Arden"})
