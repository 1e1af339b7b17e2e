"""Azerbaijani organisation spans around places and known organisations (invented sentences)."""
from __future__ import annotations

from newsmon.model import Mention
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.kb_file import KBEntity
from newsmon.nlp.linking import link_mentions


def at(text: str, surface: str, label: str, canonical_id: str | None = None) -> Mention:
    start = text.index(surface)
    return Mention(surface, label, start, start + len(surface), "az", canonical_id)


_KB = KnowledgeBase([
    KBEntity(id="loc:latvia", label="LOC", name="Latvia", names={"en": ("Latvia",), "az": ("Latviya",)}, kind="country"),
    KBEntity(id="loc:peru", label="LOC", name="Peru", names={"en": ("Peru",), "az": ("Peru",)}, kind="country"),
    KBEntity(id="ipu", label="ORG", name="Inter-Parliamentary Union", names={"az": ("Parlamentlərarası İttifaq",)}),
    KBEntity(id="culture-peru", label="ORG", name="Ministry of Culture of Peru", names={"az": ("Mədəniyyət Nazirliyi",)}),
    KBEntity(id="peru-post", label="ORG", name="Peru Postal Service", names={"az": ("Poçt Xidməti",)}),
])


def test_a_place_in_the_genitive_is_not_a_word_of_an_organisation_that_belongs_to_no_state():
    text = "Qonaq Latviyanın Parlamentlərarası İttifaq ilə əlaqələrindən danışıb."
    found = [at(text, "Latviyanın", "LOC", "loc:latvia"), at(text, "Parlamentlərarası İttifaq", "ORG", "ipu")]
    out = [(m.text, m.label) for m in link_mentions(found, text, "az", _KB)]
    assert out == [("Latviyanın", "LOC"), ("Parlamentlərarası İttifaq", "ORG")]


def test_a_state_in_the_genitive_owns_its_ministry_and_its_service():
    text = "Sərgini Perunun Mədəniyyət Nazirliyi təşkil edib, Perunun Poçt Xidməti isə marka buraxıb."
    found = [at(text, "Perunun", "LOC", "loc:peru"), at(text, "Mədəniyyət Nazirliyi", "ORG", "culture-peru")]
    second = text.index("Perunun", 20)
    found += [Mention("Perunun", "LOC", second, second + 7, "az", "loc:peru"), at(text, "Poçt Xidməti", "ORG", "peru-post")]
    out = [(m.text, m.label) for m in link_mentions(found, text, "az", _KB)]
    assert out == [("Perunun Mədəniyyət Nazirliyi", "ORG"), ("Perunun Poçt Xidməti", "ORG")]


def test_a_guard_a_prosecutors_office_and_a_municipality_head_an_organisation_after_their_place():
    from newsmon.nlp.az_names import az_org_chains
    for name in ("Peru Milli Qvardiyasının", "Peru Baş Prokurorluğu", "Lima Böyükşəhər Bələdiyyəsinin"):
        text = f"Dünən {name} əməkdaşları gəlib."
        out = az_org_chains([at(text, name.split()[0], "LOC")], text)
        assert [(m.text, m.label) for m in out] == [(name, "ORG")]


def test_a_head_in_an_adverbial_case_ends_the_name_before_a_capitalised_word():
    from newsmon.nlp.az_names import az_org_chains
    text = "Latviya Xokkey Liqasında IV tura yekun vurulub."
    out = az_org_chains([at(text, "Latviya", "LOC")], text)
    assert [(m.text, m.label) for m in out] == [("Latviya Xokkey Liqasında", "ORG")]


def test_an_outlet_or_a_company_named_in_english_is_one_organisation_not_its_place():
    from newsmon.nlp.az_latin_orgs import az_latin_orgs
    text = "Bunu Lisbon Herald yazır, Lima TV-də də göstərilib; Lisbon Energy Week isə keçirilir."
    found = [at(text, "Lisbon", "LOC"), at(text, "Lima", "LOC"), Mention("Lisbon", "LOC", text.rindex("Lisbon"),
                                                                         text.rindex("Lisbon") + 6, "az")]
    out = [(m.text, m.label) for m in az_latin_orgs(found, text)]
    assert out == [("Lisbon Herald", "ORG"), ("Lima TV-də", "ORG"), ("Lisbon", "LOC")]


def test_a_known_organisation_and_a_known_place_after_it_in_one_model_name_are_one_organisation():
    from newsmon.pipeline import merge_mentions
    text = "FIBA Asiya Liqasında yeni mövsüm başlayıb."
    model = [at(text, "FIBA Asiya Liqasında", "ORG")]
    known = [at(text, "FIBA", "ORG", "fiba"), at(text, "Asiya", "LOC", "loc:asia")]
    assert [(m.text, m.label) for m in merge_mentions(model, known, text)] == [("FIBA Asiya Liqasında", "ORG")]


def test_a_body_named_after_a_known_person_is_one_organisation():
    from newsmon.pipeline import merge_mentions
    text = "Konsertdə Rəşid Behbudov adına Gəncə Dövlət Kamera Orkestri çıxış edib."
    model = [at(text, "Konsertdə Rəşid Behbudov adına Gəncə Dövlət Kamera Orkestri", "PERSON")]
    known = [at(text, "Rəşid Behbudov", "PERSON", "person:behbudov"), at(text, "Gəncə", "LOC", "loc:ganja")]
    out = [(m.text, m.label) for m in merge_mentions(model, known, text)]
    assert out == [("Rəşid Behbudov adına Gəncə Dövlət Kamera Orkestri", "ORG")]


def test_an_opening_word_before_a_known_state_body_is_part_of_its_name():
    from newsmon.pipeline import merge_mentions
    text = "Məlumatı Dövlət Meşə və Çay Komitəsinin sədri verib."
    model = [at(text, "Dövlət Meşə və Çay Komitəsinin", "ORG")]
    known = [at(text, "Meşə və Çay Komitəsinin", "ORG", "forest-committee")]
    assert [(m.text, m.label) for m in merge_mentions(model, known, text)] == [("Dövlət Meşə və Çay Komitəsinin", "ORG")]


def test_a_country_before_a_national_teams_noun_is_the_team():
    from newsmon.nlp.az_org_spans import az_org_spans
    text = "Azərbaycan millisi Belçika millisinə uduzub, Türkiyə yığması isə Polşa ilə oynayıb; Belçika milli gəlirləri artıb."
    found = [at(text, "Azərbaycan", "LOC"), at(text, "Belçika", "LOC"), at(text, "Türkiyə", "LOC"),
             at(text, "Polşa", "LOC"), Mention("Belçika", "LOC", text.rindex("Belçika"), text.rindex("Belçika") + 7, "az")]
    out = [(m.text, m.label) for m in az_org_spans(found, text)]
    assert out == [("Azərbaycan millisi", "ORG"), ("Belçika millisinə", "ORG"), ("Türkiyə yığması", "ORG"),
                   ("Polşa", "LOC"), ("Belçika", "LOC")]
