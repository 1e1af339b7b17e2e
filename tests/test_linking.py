"""Linking: the mentions a reader sees as one actor get one id, across names, articles and languages.

Mentions are built by hand (no spaCy model needed), the way the NER stage hands them over.
"""
from __future__ import annotations

import pytest

from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.acronyms import find_acronym_definitions
from newsmon.nlp.linking import derive_id, find_known_entities, link_mentions
from newsmon.model import Mention


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def mentions(text: str, lang: str, *spans: tuple[str, str]) -> list[Mention]:
    """Mentions for each (surface, label), found left to right in `text`."""
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        out.append(Mention(surface, label, start, start + len(surface), lang))
        pos = start + 1
    return out


def ids(linked: list[Mention]) -> dict[str, str]:
    return {m.text: m.canonical_id for m in linked}


def test_five_names_of_sapssi_in_three_languages_are_one_entity(kb):
    cases = [
        ("en", "The SAPSSI, known as ASAN Service, was set up in 2012.", [("SAPSSI", "PRODUCT"), ("ASAN Service", "ORG")]),
        ("en", "The State Agency for Public Service and Social Innovations met UNDP.",
         [("State Agency for Public Service and Social Innovations", "ORG")]),
        ("az", "Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət Agentliyinin sədri “ASAN xidmət”in işini izah edib.",
         [("Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət Agentliyinin", "ORG"), ("ASAN xidmət", "ORG")]),
        ("fr", "L'Agence nationale pour la fourniture de services aux citoyens et l'innovation sociale a signé.",
         [("Agence nationale pour la fourniture de services aux citoyens et l'innovation sociale", "ORG")]),
    ]
    seen = set()
    for lang, text, spans in cases:
        for m in link_mentions(mentions(text, lang, *spans), text, lang, kb):
            assert m.label == "ORG"
            assert m.canonical_name == "State Agency for Public Service and Social Innovations"
            seen.add(m.canonical_id)
    assert seen == {"sapssi"}


def test_person_name_variants_are_one_person(kb):
    text = ("Ülvi Mehdiyev met the delegation. Mr. Mehdiyev said the centres will open. "
            "Mehdiyev's team and Mehdiyev himself.")
    linked = link_mentions(mentions(text, "en", ("Ülvi Mehdiyev", "PERSON"), ("Mr. Mehdiyev", "PERSON"),
                                    ("Mehdiyev's", "PERSON"), ("Mehdiyev", "ORG")), text, "en", kb)
    assert {m.canonical_id for m in linked} == {"person:ulvi-mehdiyev"}
    assert all(m.label == "PERSON" for m in linked)  # "Mehdiyev" mislabelled ORG is corrected


def test_surname_coreference_keeps_men_and_women_apart(kb):
    text = "İlham Əliyev və Mehriban Əliyeva tədbirdə iştirak ediblər. Əliyeva çıxış edib, Əliyevə təşəkkür edib."
    linked = link_mentions(mentions(text, "az", ("İlham Əliyev", "PERSON"), ("Mehriban Əliyeva", "PERSON"),
                                    ("Əliyeva", "PERSON"), ("Əliyevə", "PERSON")), text, "az", kb)
    # the fixture's "Əliyeva" is the one inside "Mehriban Əliyeva"; the lone "Əliyeva" after it comes from
    # az_names.az_surnames_of_people
    assert [m.canonical_id for m in linked] == ["person:ilham-aliyev", "person:mehriban-aliyeva",
                                                "person:mehriban-aliyeva", "person:mehriban-aliyeva",
                                                "person:ilham-aliyev"]


def test_a_foreign_name_with_a_case_suffix_is_the_nominative_named_in_the_article(kb):
    # "-un"/"-nın" after a foreign surname is ambiguous alone ("Paroli-nin" or "Parolin-in"), so the
    # mention keeps its surface unless the article writes the bare name too
    text = ("Kaleb Orr Bakıya gəlib. Kaleb Orrun sözlərinə görə, Xuan Laportanın çıxışı olub. "
            "Xuan Laporta da danışıb.")
    linked = link_mentions(mentions(text, "az", ("Kaleb Orr", "PERSON"), ("Kaleb Orrun", "PERSON"),
                                    ("Xuan Laportanın", "PERSON"), ("Xuan Laporta", "PERSON")), text, "az", kb)
    assert [m.canonical_id for m in linked] == ["person:kaleb-orr"] * 2 + ["person:xuan-laporta"] * 2
    alone = "Kaleb Orrun sözlərinə görə, görüş olub."
    assert ids(link_mentions(mentions(alone, "az", ("Kaleb Orrun", "PERSON")), alone, "az", kb)) == {
        "Kaleb Orrun": "person:kaleb-orrun"}


def test_given_name_with_az_honorific(kb):
    text = "Ülvi Mehdiyev qonaqları salamlayıb. Ülvi bəy bildirib ki, mərkəz açılacaq."
    linked = link_mentions(mentions(text, "az", ("Ülvi Mehdiyev", "PERSON"), ("Ülvi bəy", "PERSON")), text, "az", kb)
    assert {m.canonical_id for m in linked} == {"person:ulvi-mehdiyev"}


def test_given_name_and_patronymic_is_the_full_name_of_the_article(kb):
    # how letters and meeting transcripts address the President: "İlham Heydər oğlu" (son of Heydər)
    text = "Prezident İlham Əliyev qonağı qəbul edib. Qonaq dedi: -İlham Heydər oğlu, Sizi salamlayıram."
    linked = link_mentions(mentions(text, "az", ("İlham Əliyev", "PERSON"), ("İlham Heydər oğlu", "PERSON")),
                           text, "az", kb)
    assert len({m.canonical_id for m in linked}) == 1


def test_an_initial_and_surname_is_the_full_name_it_abbreviates(kb):
    text = ("Nazir Ayxan Hacızadənin sözlərinə görə, layihə başlayıb. A.Hacızadə bildirib ki, Anar Quliyev "
            "və Aydın Quliyev də iştirak edib. A.Quliyev çıxış edib.")
    linked = link_mentions(mentions(text, "az", ("Ayxan Hacızadənin", "PERSON"), ("A.Hacızadə", "PERSON"),
                                    ("Anar Quliyev", "PERSON"), ("Aydın Quliyev", "PERSON"),
                                    ("A.Quliyev", "PERSON")), text, "az", kb)
    ids = [m.canonical_id for m in linked]
    assert ids[0] == ids[1] and linked[1].canonical_name == linked[0].canonical_name
    assert ids[4] not in (ids[2], ids[3])  # two people fit "A.Quliyev": neither is chosen


def test_people_outside_the_kb_share_an_id_across_articles_and_spellings(kb):
    az = "Anar Quliyev Bakıda çıxış edib. Quliyevin sözlərinə görə, layihə başlayıb."
    en = "Anar Guliyev spoke in Baku. Mr. Guliyev said the project has started."
    az_linked = link_mentions(mentions(az, "az", ("Anar Quliyev", "PERSON"), ("Quliyevin", "PERSON")), az, "az", kb)
    en_linked = link_mentions(mentions(en, "en", ("Anar Guliyev", "PERSON"), ("Mr. Guliyev", "PERSON")), en, "en", kb)
    assert len({m.canonical_id for m in az_linked + en_linked}) == 1
    text = "Fatouma Ali Hassan opened the centre. Ali Hassan thanked Azerbaijan."
    linked = link_mentions(mentions(text, "en", ("Fatouma Ali Hassan", "PERSON"), ("Ali Hassan", "PERSON")), text, "en", kb)
    assert len({m.canonical_id for m in linked}) == 1


def test_az_inflected_mentions_link_to_their_entity(kb):
    text = "Dövlət Agentliyinin sədri Ülvi Mehdiyevin “ASAN xidmət” barədə sözləri Bakıda və Koreyanın mətbuatında."
    linked = link_mentions(mentions(text, "az", ("Dövlət Agentliyinin", "ORG"), ("Ülvi Mehdiyevin", "PERSON"),
                                    ("Bakıda", "LOC"), ("Koreyanın", "LOC")), text, "az", kb)
    assert ids(linked) == {"Dövlət Agentliyinin": "sapssi", "Ülvi Mehdiyevin": "person:ulvi-mehdiyev",
                           "Bakıda": "loc:baku", "Koreyanın": "loc:republic-of-korea"}


def test_acronym_defined_in_the_text_links_both_ways():
    text = ("The Agency for Digital Services of Ruritania (ADSR) signed with KOICA. "
            "The ADSR will open centres; the Agency for Digital Services of Ruritania is new.")
    assert find_acronym_definitions(text) == {"ADSR": "Agency for Digital Services of Ruritania"}
    empty = KnowledgeBase([])  # nothing known in advance: the definition alone links them
    linked = link_mentions(mentions(text, "en", ("Agency for Digital Services of Ruritania", "ORG"), ("ADSR", "MISC"),
                                    ("ADSR", "ORG"), ("Agency for Digital Services of Ruritania", "ORG")),
                           text, "en", empty)
    assert {m.canonical_id for m in linked} == {"org:agency-for-digital-services-of-ruritania"}
    assert {m.label for m in linked} == {"ORG"}


def test_koica_defined_in_text_either_way_round(kb):
    assert find_acronym_definitions("KOICA (Korea International Cooperation Agency) opened an office.") == {
        "KOICA": "Korea International Cooperation Agency"}
    text = "Koreya Beynəlxalq Əməkdaşlıq Agentliyinin (KOICA) nümayəndəsi. KOICA layihəni maliyyələşdirir."
    assert find_acronym_definitions(text) == {"KOICA": "Koreya Beynəlxalq Əməkdaşlıq Agentliyinin"}
    linked = link_mentions(mentions(text, "az", ("KOICA", "ORG"), ("KOICA", "PERSON")), text, "az", kb)
    assert {m.canonical_id for m in linked} == {"koica"}


def test_known_actors_get_the_kb_label(kb):
    text = "Bilim Bakı mərkəzi açılıb. SAPSSI and Bilim Baku."
    linked = link_mentions(mentions(text, "az", ("Bilim Bakı", "PERSON"), ("SAPSSI", "LOC")), text, "az", kb)
    assert [(m.label, m.canonical_id) for m in linked] == [("ORG", "bilim-baku"), ("ORG", "sapssi")]


@pytest.mark.parametrize("surface, label", [
    ("Mémorandum", "PERSON"), ("Memorandum", "PERSON"), ("COVID-19", "PERSON"), ("Mr.", "PERSON"),
    ("President", "PERSON"), ("2019", "ORG"), ("A", "ORG"), ("juillet", "PERSON"), ("Ministry", "ORG"),
    ("agency", "ORG"),
])
def test_false_positives_are_dropped(kb, surface, label):
    text = f"Il a dit {surface} hier."
    assert link_mentions(mentions(text, "fr", (surface, label)), text, "fr", kb) == []


def test_dates_pass_through_and_inputs_are_not_mutated(kb):
    text = "On 13 July 2012 ASAN was created."
    ms = mentions(text, "en", ("13 July 2012", "DATE"), ("ASAN", "ORG"))
    linked = link_mentions(ms, text, "en", kb)
    assert linked[0] == ms[0]
    assert linked[1].canonical_id == "sapssi" and ms[1].canonical_id is None


def test_unknown_entities_get_deterministic_ids():
    assert derive_id("Ministry of Finance", "ORG", "en") == "org:ministry-of-finance"
    assert derive_id("Maliyyə Nazirliyinin", "ORG", "az") == derive_id("Maliyyə Nazirliyi", "ORG", "az")
    assert derive_id("Ülvi Mehdiyev", "PERSON", "az") == derive_id("Ulvi Mehdiyev", "PERSON", "en")
    assert derive_id("Mehriban Əliyeva", "PERSON", "az") != derive_id("Mehriban Əliyev", "PERSON", "az")
    for az, en in [("Xəyal Cəfərli", "Khayal Jafarli"), ("Rəşad Nəbiyev", "Rashad Nabiyev"),
                   ("Çingiz Ağayev", "Chingiz Aghayev")]:
        assert derive_id(az, "PERSON", "az") == derive_id(en, "PERSON", "en")
    assert derive_id("François Martin", "PERSON", "fr") == derive_id("Francois Martin", "PERSON", "en")


def test_find_known_entities_returns_linked_mentions(kb):
    text = "Prezident İlham Əliyev Gəncədə “ASAN xidmət” mərkəzinin açılışında iştirak edib."
    found = find_known_entities(text, "az", kb)
    assert [(m.text, m.label, m.canonical_id, m.canonical_name) for m in found] == [
        ("İlham Əliyev", "PERSON", "person:ilham-aliyev", "Ilham Aliyev"),
        ("Gəncədə", "LOC", "loc:ganja", "Ganja"),
        ("ASAN xidmət", "ORG", "sapssi", "State Agency for Public Service and Social Innovations"),
    ]
    assert all(text[m.start:m.end] == m.text for m in found)


def test_inflected_months_document_words_and_ordinal_years_are_dropped():
    from newsmon.nlp.kb import KnowledgeBase
    from newsmon.nlp.linking import link_mentions
    from newsmon.model import Mention
    text = "Martın 5-də Memoranduma əlavə edilib, 2013-cü ildən bəri Bakıda."
    mentions = [Mention("Martın", "LOC", 0, 6, "az"), Mention("Memoranduma", "ORG", 12, 23, "az"),
                Mention("2013-cü", "ORG", 38, 45, "az"), Mention("Bakıda", "LOC", 57, 63, "az")]
    linked = link_mentions(mentions, text, "az", KnowledgeBase.load())
    assert [(m.text, m.canonical_name) for m in linked] == [("Bakıda", "Baku")]


@pytest.mark.parametrize("surface", ["Bazar ertəsi", "Çərşənbə axşamı", "Cümə axşamı", "Cümə", "Bazar ertəsinə"])
def test_az_weekday_names_of_two_words_are_dropped_whole(kb, surface):
    text = f"{surface} görüş keçiriləcək."
    assert link_mentions(mentions(text, "az", (surface, "ORG")), text, "az", kb) == []


def test_a_word_of_a_weekday_name_alone_is_no_weekday(kb):
    text = "Ertəsi gün Axşamı qəzeti yazıb."
    linked = link_mentions(mentions(text, "az", ("Axşamı", "ORG")), text, "az", kb)
    assert [m.text for m in linked] == ["Axşamı"]


def test_regional_person_names_mislabelled_org_become_people():
    from newsmon.nlp.kb import KnowledgeBase
    from newsmon.nlp.linking import link_mentions
    from newsmon.model import Mention
    text = "Firouz Rakhimov a signé avec le ministère de la Justice."
    (person,) = link_mentions([Mention("Firouz Rakhimov", "ORG", 0, 15, "fr")], text, "fr", KnowledgeBase.load())
    assert person.label == "PERSON" and person.canonical_id.startswith("person:firouz-ra")


def test_a_name_with_the_fathers_name_is_the_same_person(kb):
    """Decrees sign "İlham Heydər oğlu Əliyev": that is İlham Əliyev, in the KB or not; "the daughter
    of" with a genitive names someone else."""
    text = "Azərbaycan Respublikasının Prezidenti İlham Heydər oğlu Əliyev. Anar Rəşid oğlu Quliyev və Leyla Anar qızı Həsənova."
    linked = link_mentions(mentions(text, "az", ("İlham Heydər oğlu Əliyev", "PERSON"),
                                    ("Anar Rəşid oğlu Quliyev", "PERSON"), ("Leyla Anar qızı Həsənova", "PERSON")),
                           text, "az", kb)
    assert [m.canonical_id for m in linked] == ["person:ilham-aliyev", derive_id("Anar Quliyev", "PERSON", "az"),
                                                derive_id("Leyla Həsənova", "PERSON", "az")]
    assert linked[1].canonical_name == "Anar Guliyev"  # named as English writes it, like the KB's people
    assert derive_id("Qurbanqulu Berdiməhəmmədovun qızı Oquldjaxan", "PERSON", "az") != \
        derive_id("Qurbanqulu Oquldjaxan", "PERSON", "az")


def test_an_azerbaijani_person_outside_the_kb_is_named_in_english_letters(kb):
    text = "Görüşdə Rüstəm Minnixanov və Tural Hacılı, həmçinin Kaleb Orr iştirak edib."
    linked = link_mentions(mentions(text, "az", ("Rüstəm Minnixanov", "PERSON"), ("Tural Hacılı", "PERSON"),
                                    ("Kaleb Orr", "PERSON")), text, "az", kb)
    assert [m.canonical_name for m in linked] == ["Rustam Minnikhanov", "Tural Hajili", "Kaleb Orr"]
    assert [m.text for m in linked] == ["Rüstəm Minnixanov", "Tural Hacılı", "Kaleb Orr"]


def test_an_outlet_named_by_its_bare_domain_is_the_outlet_the_kb_knows():
    text = "Article publié par armenews.com et repris par nouvelles-d-ailleurs.fr le 3 mars."
    linked = link_mentions(mentions(text, "fr", ("armenews.com", "ORG"), ("nouvelles-d-ailleurs.fr", "ORG")),
                           text, "fr", KnowledgeBase.load())
    assert [(m.text, m.canonical_name) for m in linked] == [("armenews.com", "Armenews"),
                                                            ("nouvelles-d-ailleurs.fr", "nouvelles-d-ailleurs.fr")]


def test_an_azerbaijani_place_outside_the_kb_is_named_in_english_letters(kb):
    """Villages and districts as English news and real-dev write them; a multi-word place in its
    nominative ("Sabirabad Sənaye Məhəlləsində" -> "... Məhəlləsi" before the letters change)."""
    text = "Qaradağ rayonunun Ərşəli kəndində və Sabirabad Sənaye Məhəlləsində, ŞƏŞ-də iş gedir."
    linked = link_mentions(mentions(text, "az", ("Qaradağ", "LOC"), ("Ərşəli", "LOC"),
                                    ("Sabirabad Sənaye Məhəlləsində", "LOC"), ("ŞƏŞ-də", "LOC")), text, "az", kb)
    assert [m.canonical_name for m in linked] == ["Garadagh", "Arshali", "Sabirabad Sanaye Mahallasi", "ŞƏŞ"]


def test_tatarstan_and_aktau_are_known_places():
    kb = KnowledgeBase.load()
    found = find_known_entities("Tatarıstan Respublikasının Rəisi Aktauda olub.", "az", kb)
    assert [(m.text, m.canonical_name) for m in found] == [("Tatarıstan Respublikasının", "Tatarstan"),
                                                          ("Aktauda", "Aktau")]


def test_the_white_house_and_the_united_states_in_their_common_az_forms():
    """ "Ev" is too short for the KB's stemming, so "Ağ Evdə" (23 times in the pool) is listed; "Birləşmiş
    Ştatlar" without "Amerika" (15 + its case forms) names the United States."""
    kb = KnowledgeBase.load()
    text = "Ağ Evdə görüş olub, Birləşmiş Ştatlar və Birləşmiş Ştatların nümayəndələri."
    assert [(m.text, m.canonical_name) for m in find_known_entities(text, "az", kb)] == [
        ("Ağ Evdə", "White House"), ("Birləşmiş Ştatlar", "United States"), ("Birləşmiş Ştatların", "United States")]
