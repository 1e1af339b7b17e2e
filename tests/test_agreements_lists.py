"""Agreement parties as real news states them: Azerbaijani lists before "arasında" read over the case
morphology, news-agency bylines, lists of documents, a new executive order after another."""
from __future__ import annotations

import pytest

from newsmon.model import Mention
from newsmon.nlp.agreements.find import find_agreements
from newsmon.nlp.agreements.lists import az_between
from newsmon.nlp.linking import names_a_document
from newsmon.text.az import strip_case
from tests.test_agreements import make_article, names


def between(sentence: str, mentions: list[Mention] = (), known: set[str] = frozenset()) -> list[tuple[str, str]]:
    return [(p.text, p.name) for p in az_between(sentence, 0, sentence.index(" arasında"), list(mentions), known)]


def test_a_list_of_four_parties_names_nert_missed_included():
    s = ("Milli Kitabxana, Dövlət Arxivi (DA) ilə Gürcüstan Milli Muzeyi və Tiflis Dövlət Universiteti arasında "
         "anlaşma memorandumu imzalanıb.")
    assert [n for _, n in between(s)] == ["Milli Kitabxana", "Dövlət Arxivi", "Gürcüstan Milli Muzeyi",
                                          "Tiflis Dövlət Universiteti"]


def test_quoted_company_and_glued_instrumental():
    s = "Tədbirdə AZCON-la “Siemens Energy” şirkəti arasında saziş imzalanıb."
    assert [n for _, n in between(s)] == ["AZCON", "Siemens Energy"]
    assert [n for _, n in between("Bu gün Gürcüstanla Azərbaycan arasında saziş imzalanıb.")] == [
        "Gürcüstan", "Azərbaycan"]


def test_a_clause_before_the_list_ends_it():
    s = "Nazirin iştirakı ilə Kənd Təsərrüfatı Nazirliyi və Dünya Bankı arasında saziş imzalanıb."
    assert [n for _, n in between(s)] == ["Kənd Təsərrüfatı Nazirliyi", "Dünya Bankı"]


def test_the_head_of_a_genitive_chain_is_the_party():
    s = "Azərbaycanın “Alfa” şirkəti ilə Polşanın İnvestisiya Agentliyi arasında memorandum imzalanıb."
    at = s.index("Polşanın")
    mentions = [Mention("Polşanın", "LOC", at, at + 8, "az", "loc:polsa", "Polşanın"),
                Mention("İnvestisiya Agentliyi", "ORG", at + 9, at + 30, "az", "org:x", "İnvestisiya Agentliyi")]
    assert between(s, mentions) == [("Alfa", "Alfa"), ("İnvestisiya Agentliyi", "İnvestisiya Agentliyi")]


@pytest.mark.parametrize("word, known, stem", [
    ("Ermənistanla", set(), "Ermənistan"), ("Koreyanın", set(), "Koreya"), ("Bankının", set(), "Bankı"),
    ("Macarıstanın", set(), "Macarıstan"), ("Azərbaycanın", {"azerbaycan"}, "Azərbaycan"),
    ("Apostol Arxivi".split()[1], set(), "Arxivi"), ("SOCAR", set(), "SOCAR"),
])
def test_strip_case_gives_the_nominative(word, known, stem):
    assert strip_case(word, known) == stem


def test_the_news_agency_of_the_byline_is_no_party():
    text = ("Saziş imzalanıb\n"
            "Bakı, 5 may. REPORTAJ xəbər verir ki, Energetika Nazirliyi ilə “Masdar” şirkəti arasında saziş "
            "imzalanıb.")
    art = make_article(text, "az", [("REPORTAJ", "ORG", "REPORTAJ"), ("Energetika Nazirliyi", "ORG",
                                                                      "Ministry of Energy")],
                       dates=[("5 may", "2025-05-05", "day")])
    [agr] = find_agreements(art, None)
    assert names(agr) == {"Ministry of Energy", "Masdar"}
    assert agr.date_signed == {"value": "2025-05-05", "precision": "day"}  # the lead's event


def test_a_list_of_documents_gives_one_record_each():
    text = ("Sənədlər imzalanıb\n"
            "Mərasimdə “Azərbaycan Respublikası və Asiya İnkişaf Bankı arasında su layihəsi üzrə Kredit Sazişi”, "
            "“Azərbaycan Respublikası Hökuməti və Asiya İnkişaf Bankı arasında Qrant Sazişi” imzalanıb.")
    art = make_article(text, "az", [("Azərbaycan", "LOC", "Azerbaijan")])
    records = find_agreements(art, None)
    assert len(records) == 2 and all(r.status == "signed" for r in records)


def test_another_executive_order_is_another_record():
    text = ("Fact sheet\n"
            "Today, President Jane Roe signed an Executive Order on procurement. "
            "President Roe also signed an Executive Order on ports.")
    art = make_article(text, "en", [("Jane Roe", "PERSON", "Jane Roe"), ("Roe", "PERSON", "Jane Roe")])
    assert len([a for a in find_agreements(art, None) if a.type == "decree"]) == 2


@pytest.mark.parametrize("surface, document", [
    ("CHIPS & Science Act", True), ("Executive Order", True), ("Haaqa Konvensiyasının", True),
    ("Islamic Development Bank", False), ("Dövlət Agentliyi", False), ("Loire", False),
])
def test_names_of_documents_are_not_actors(surface, document):
    assert names_a_document(surface) is document


def test_the_owner_named_in_the_genitive_issues_the_decree():
    text = "Arxiv\nArxiv 1612-ci ildə Papa V Pavelin fərmanı ilə müstəqil qurum kimi formalaşıb."
    art = make_article(text, "az", [], dates=[("1612-ci ildə", "1612", "year")])
    [decree] = find_agreements(art, None)
    assert decree.type == "decree" and names(decree) == {"Papa V Pavel"}


def test_a_forum_hosts_a_signing_but_is_no_party():
    text = ("Forum\nBakı Enerji Forumu çərçivəsində Energetika Nazirliyi ilə “Masdar” şirkəti arasında saziş "
            "imzalanıb. Bakı Enerji Forumu iyunun 3-də başlayıb.")
    art = make_article(text, "az", [("Bakı Enerji Forumu", "ORG", "Baku Energy Forum"),
                                    ("Energetika Nazirliyi", "ORG", "Ministry of Energy"),
                                    ("Bakı Enerji Forumu", "ORG", "Baku Energy Forum")])
    [agr] = find_agreements(art, None)
    assert names(agr) == {"Ministry of Energy", "Masdar"}


def test_a_document_word_inside_an_organisation_name_is_no_agreement():
    text = ("Talks\nThe President met the Secretary General of the North Atlantic Treaty Organization in Vilnius "
            "to prepare the summit.")
    art = make_article(text, "en", [("North Atlantic Treaty Organization", "ORG", "NATO")])
    assert find_agreements(art, None) == []


def test_an_agreement_bound_to_nobody_is_a_figure_of_speech():
    text = "Récit\nLa mère conclut un accord avec le grand-père pour que son fils voyage en sécurité."
    assert find_agreements(make_article(text, "fr", []), None) == []


@pytest.mark.parametrize("sentence, dated", [
    ("Tədbirdə Energetika Nazirliyi ilə “Masdar” şirkəti arasında saziş imzalanıb.", True),
    ("Tədbirdə Energetika Nazirliyi ilə “Masdar” şirkəti arasında imzalanmış sazişin əhəmiyyəti vurğulanıb.",
     False),
])
def test_only_a_signing_reported_as_the_event_takes_its_date(sentence, dated):
    text = "Görüş\nBakı, 5 may. Nazir qonaqları qəbul edib.\n" + sentence
    art = make_article(text, "az", [("Energetika Nazirliyi", "ORG", "Ministry of Energy")],
                       dates=[("5 may", "2025-05-05", "day")])
    [agr] = find_agreements(art, None)
    assert (agr.date_signed is not None) is dated


def test_a_glued_instrumental_at_a_names_end_still_separates_the_parties():
    s = "Təbrik edib, Ermənistanla Azərbaycan arasında sülh sazişinin paraflanması münasibətilə."
    at = s.index("Ermənistanla")
    mentions = [Mention("Ermənistanla", "LOC", at, at + 12, "az", "armenia", "Armenia"),
                Mention("Azərbaycan", "LOC", at + 13, at + 23, "az", "azerbaijan", "Azerbaijan")]
    assert [n for _, n in between(s, mentions)] == ["Armenia", "Azerbaijan"]


def test_a_named_group_of_states_is_one_many_sided_party():
    text = ("Forum keçirilib\n"
            "2018-ci ildə imzalanmış Xəzəryanı dövlətlərin hökumətləri arasında əməkdaşlıq haqqında Sazişin "
            "2023-cü ildə qüvvəyə minməsi qeyd edilib.")
    art = make_article(text, "az", [], dates=[("2018-ci ildə", "2018", "year"), ("2023-cü ildə", "2023", "year")])
    [agr] = find_agreements(art, None)
    assert [p.name for p in agr.parties] == ["Xəzəryanı dövlətlərin hökumətləri"]
    assert agr.date_signed == {"value": "2018", "precision": "year"}  # not the entry into force


@pytest.mark.parametrize("lead", ["“REPORTAJ”xəbər verir ki, ", "Bu barədə REPORTAJ-a nazirlikdən məlumat verilib. "])
def test_a_quoted_byline_or_the_outlet_told_is_no_party(lead):
    text = ("Saziş imzalanıb\n" + lead + "Energetika Nazirliyi “Masdar” ilə saziş imzalayıb.")
    art = make_article(text, "az", [("REPORTAJ", "ORG", "REPORTAJ"), ("Energetika Nazirliyi", "ORG",
                                                                      "Ministry of Energy"),
                                    ("Masdar", "ORG", "Masdar")])
    assert all("REPORTAJ" not in names(a) for a in find_agreements(art, None))


@pytest.mark.parametrize("text", [
    "Kommünike\nBu barədə REPORTAJ-a nazirlikdən məlumat verilib. Forumun Kommünikesi qəbul edilib.",
    "Saziş\nREPORTAJ-a nazirlikdən məlumat verilib ki, Energetika Nazirliyi ilə saziş imzalanıb."])
def test_an_outlet_whose_span_keeps_its_hyphen_suffix_is_still_the_source(text):
    # real news marks "REPORTAJ-a" whole; what follows the name is read from before the suffix
    entities = [e for e in [("REPORTAJ-a", "ORG", "REPORTAJ"), ("Energetika Nazirliyi", "ORG", "Ministry of Energy")]
                if e[0] in text]
    assert all("REPORTAJ" not in names(a) for a in find_agreements(make_article(text, "az", entities), None))


def test_a_contractual_legal_base_is_no_agreement():
    art = make_article("Əməkdaşlıq\nTərəflər arasında möhkəm müqavilə-hüquqi baza yaradılır.", "az", [])
    assert find_agreements(art, None) == []


def test_the_parse_names_the_signers_people_included():
    text = ("Bibliothèque\nÀ Kapan, l’ambassadrice Kvien a également signé un nouveau protocole d’accord avec "
            "Liana Gasparyan, directrice de la bibliothèque régionale de Syunik.")
    art = make_article(text, "fr", [("Kapan", "LOC", "Kapan"), ("Kvien", "PERSON", "Kristina Kvien"),
                                    ("Liana Gasparyan", "PERSON", "Liana Gasparyan"), ("Syunik", "LOC", "Syunik")])
    [agr] = find_agreements(art, None)
    assert names(agr) == {"Kristina Kvien", "Liana Gasparyan"}


@pytest.mark.parametrize("text, entities, parties", [
    # who announces a deal with whom, not a name NER took from its subject matter ("MFN")
    ("Drug prices\nOn September 30, 2025, President Trump announced an agreement with Pfizer to bring MFN prices "
     "to American patients.", [("Trump", "PERSON", "Donald Trump"), ("Pfizer", "ORG", "Pfizer"),
                               ("MFN", "ORG", "MFN")], {"Donald Trump", "Pfizer"}),
    # "entered into ... with": the subject and its partner, not an organisation named in passing
    ("Metals\nLife Zone Metals, backed by the DFC, entered into a Framework Agreement with Tanzania to open a new "
     "facility.", [("Life Zone Metals", "ORG", "Life Zone Metals"), ("DFC", "ORG", "DFC"),
                   ("Tanzania", "LOC", "Tanzania")], {"Life Zone Metals", "Tanzania"}),
])
def test_who_announces_or_enters_into_an_agreement_with_whom(text, entities, parties):
    [agr] = find_agreements(make_article(text, "en", entities), None)
    assert names(agr) == parties


def test_signed_by_a_minister_of_a_state_and_the_head_of_a_company():
    text = ("Energy\nThe memorandum was signed by John Smith, Minister of Energy of Ruritania, and Jane Doe, "
            "head of Acme Corp.")
    art = make_article(text, "en", [("John Smith", "PERSON", "John Smith"), ("Ruritania", "LOC", "Ruritania"),
                                    ("Jane Doe", "PERSON", "Jane Doe"), ("Acme Corp", "ORG", "Acme")])
    [agr] = find_agreements(art, None)
    assert names(agr) == {"John Smith", "Jane Doe"}


def test_titled_documents_each_dated_before_one_plural_trigger_are_one_record_each():
    text = ("Stend\nSalonda Prezident İlham Əliyevin imzaladığı “Dövlət Bayrağı meydanının yaradılması haqqında” "
            "2007-ci il 17 noyabr tarixli və “Dövlət Bayrağı Gününün təsis edilməsi haqqında” 2009-cu il 17 noyabr "
            "tarixli sərəncamlar yerləşdirilib.")
    art = make_article(text, "az", [("İlham Əliyevin", "PERSON", "Ilham Aliyev")],
                       dates=[("2007-ci il 17 noyabr", "2007-11-17", "day"),
                              ("2009-cu il 17 noyabr", "2009-11-17", "day")])
    records = find_agreements(art, None)
    assert [(r.type, r.date_signed["value"], names(r)) for r in records] == [
        ("decree", "2007-11-17", {"Ilham Aliyev"}), ("decree", "2009-11-17", {"Ilham Aliyev"})]


def test_a_state_programme_is_the_presidents_and_a_genitive_owner_is_named_in_the_nominative():
    text = ("Köç\nPrezident İlham Əliyevin tapşırığına uyğun olaraq “Böyük Qayıdışa dair I Dövlət Proqramı”na "
            "əsasən köç karvanı yola salınıb. Arxiv 1612-ci ildə Papa V Pavelin fərmanı ilə ayrılıb.")
    art = make_article(text, "az", [("İlham Əliyevin", "PERSON", "Ilham Aliyev"),
                                    ("V Pavelin", "PERSON", "V Pavelin")],
                       dates=[("1612-ci ildə", "1612", "year")])
    programme, decree = find_agreements(art, None)
    assert (programme.type, names(programme)) == ("programme", {"Ilham Aliyev"})
    assert (decree.type, names(decree)) == ("decree", {"V Pavel"})


@pytest.mark.parametrize("sentence, known", [
    # a pronoun or an ordinary word alone before the first "və"/"," of the sentence opens it, names nobody
    ("Biz və Amerika Birləşmiş Ştatlarının Prezidenti Azərbaycan Respublikası və Ermənistan Respublikası "
     "arasında sazişin paraflanmasına şahidlik etdik.", set()),
    ("Yəni, Azərbaycanla Ermənistan arasında sülh müqaviləsi olmalıdır.", {"yəni"}),
])
def test_a_lone_opening_word_is_no_party(sentence, known):
    from newsmon.text.az import az_stem
    from newsmon.text.normalize import fold
    names = [n for _, n in between(sentence, known={az_stem(fold(w)) for w in known})]
    assert names and names[0] not in ("Biz", "Yəni")


def test_a_share_buttons_platform_is_no_party():
    text = ("Un nouveau gouvernement\nPartager sur Facebook Partager sur LinkedIn\n"
            "Après 236 jours de négociations, un accord a été conclu sur la formation d’un nouveau gouvernement.")
    art = make_article(text, "fr", [("Facebook", "ORG", "Facebook"), ("LinkedIn", "ORG", "LinkedIn")])
    assert all(not ({"Facebook", "LinkedIn"} & names(agr)) for agr in find_agreements(art, None))
    # a platform named in the story is not page furniture
    from newsmon.nlp.agreements.nonparties import is_share_button
    story = "Le groupe Facebook a signé un accord avec l’Arménie."
    assert not is_share_button(Mention("Facebook", "ORG", 10, 18, "fr"), story)


def test_the_city_a_treaty_is_named_after_is_no_party_and_a_ratifying_state_stands_alone():
    text = "Considérant que la République d’Azerbaïdjan a ratifié les Conventions de Genève en 1993."
    art = make_article(text, "fr", [("République d’Azerbaïdjan", "LOC", "Azerbaijan"), ("Genève", "LOC", "Geneva")],
                       dates=[("1993", "1993", "year")])
    [agr] = find_agreements(art, None)
    assert names(agr) == {"Azerbaijan"}
    text = "Armenia and the European Union signed the Paris Agreement in Paris."
    art = make_article(text, "en", [("Armenia", "LOC", "Armenia"), ("European Union", "ORG", "European Union"),
                                    ("Paris", "LOC", "Paris"), ("Paris", "LOC", "Paris")])
    [agr] = find_agreements(art, None)
    assert "Paris" not in names(agr)
