"""Agreement records from hand-built articles (no spaCy model, no knowledge base needed)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsmon.nlp.agreements.find import find_agreements, split_sentences
from newsmon.eval.agreements import score_agreements
from newsmon.eval.corpus import evaluate_agreements
from newsmon.eval.scoring import Counts
from newsmon.model import Agreement, Article, DateMention, Document, Mention, Party, Segment

SAPSSI = "State Agency for Public Service and Social Innovations"
KOICA = "Korea International Cooperation Agency"
UNDP = "United Nations Development Programme"


def make_article(text: str, lang: str, entities: list[tuple[str, str, str]],
                 dates: list[tuple[str, str, str]] = (), published: str = "2025-09-12",
                 segments: list[tuple[str, str]] | None = None) -> Article:
    """`entities` as (surface, label, canonical), `dates` as (surface, value, precision); each surface is
    located in `text` after the previous occurrence of the same surface, so repeats work."""
    mentions, cursor = [], {}
    for surface, label, canonical in entities:
        at = text.index(surface, cursor.get(surface, 0))
        cursor[surface] = at + len(surface)
        mentions.append(Mention(surface, label, at, at + len(surface), lang,
                                canonical_id=canonical.lower().replace(" ", "-"), canonical_name=canonical))
    date_mentions = []
    for surface, value, precision in dates:
        at = text.index(surface)
        date_mentions.append(DateMention(surface, value, precision, at, at + len(surface)))
    segs = []
    if segments:
        pos = 0
        for part, seg_lang in segments:
            at = text.index(part, pos)
            segs.append(Segment(at, at + len(part), seg_lang, 1.0))
            pos = at + len(part)
    else:
        segs = [Segment(0, len(text), lang, 1.0)]
    doc = Document(url="http://sample-site.test/x.html", source="test", title=text.split("\n")[0], text=text,
                   published=published)
    return Article(doc=doc, lang=lang, lang_prob=1.0, segments=segs,
                   mentions=sorted(mentions, key=lambda m: m.start), dates=date_mentions)


def names(agreement: Agreement) -> set[str]:
    return {p.name for p in agreement.parties}


def test_english_memorandum_signed_with_date_place_and_title():
    text = ("ASAN and KOICA sign memorandum\n"
            "The State Agency for Public Service and Social Innovations and the Korea International Cooperation "
            "Agency (KOICA) signed a Memorandum of Understanding on cooperation in the field of public service "
            "delivery in Baku on 10 September 2025.")
    art = make_article(text, "en", [
        ("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA),
        ("State Agency for Public Service and Social Innovations", "ORG", SAPSSI),
        ("Korea International Cooperation Agency", "ORG", KOICA), ("KOICA", "ORG", KOICA),
        ("Baku", "LOC", "Baku")],
        dates=[("10 September 2025", "2025-09-10", "day")])
    [agr] = find_agreements(art, None)
    assert agr.type == "memorandum"
    assert agr.status == "signed"
    assert names(agr) == {SAPSSI, KOICA}
    assert agr.date_signed == {"value": "2025-09-10", "precision": "day"}
    assert agr.place == "Baku"
    assert agr.title.startswith("Memorandum of Understanding on cooperation in the field of public service")


def test_party_several_sentences_away_and_the_two_sides():
    text = ("Seminar in Baku\n"
            "A delegation of the Korea International Cooperation Agency visited the State Agency for Public "
            "Service and Social Innovations on Monday. The guests toured an ASAN service centre. "
            "They were briefed on the Agency's digital services. "
            "At the end of the visit the two sides signed a protocol of intent.")
    art = make_article(text, "en", [
        ("Baku", "LOC", "Baku"),
        ("Korea International Cooperation Agency", "ORG", KOICA),
        ("State Agency for Public Service and Social Innovations", "ORG", SAPSSI),
        ("ASAN", "ORG", SAPSSI)])
    [agr] = find_agreements(art, None)
    assert agr.type == "protocol"
    assert names(agr) == {SAPSSI, KOICA}
    assert agr.date_signed is None


def test_planned_versus_signed_status_are_two_records():
    text = ("Cooperation widens\n"
            "In 2019 the State Agency and UNDP signed an agreement on ASAN centres. "
            "The Agency and KOICA will sign a memorandum next month.")
    art = make_article(text, "en", [
        ("UNDP", "ORG", UNDP), ("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA)],
        dates=[("2019", "2019", "year")])
    art.mentions.insert(0, Mention("State Agency", "ORG", text.index("State Agency"),
                                   text.index("State Agency") + 12, "en", "sapssi", SAPSSI))
    agreement, memorandum = find_agreements(art, None)
    assert (agreement.type, agreement.status) == ("agreement", "signed")
    assert agreement.date_signed == {"value": "2019", "precision": "year"}
    assert names(agreement) == {SAPSSI, UNDP}
    assert (memorandum.type, memorandum.status) == ("memorandum", "planned")
    # "The Agency" is no mention: resolved to the last ORG whose canonical name has the word Agency
    assert names(memorandum) == {SAPSSI, KOICA}
    assert memorandum.date_signed is None


def test_repeated_mentions_merge_into_one_record():
    text = ("ASAN, KOICA memorandum\n"
            "ASAN and KOICA signed a memorandum of understanding on 10 September 2025. "
            "The memorandum provides for training of ASAN staff in Seoul. "
            "Under the memorandum, KOICA will fund two pilot centres.")
    art = make_article(text, "en", [
        ("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA), ("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA),
        ("ASAN", "ORG", SAPSSI), ("Seoul", "LOC", "Seoul"), ("KOICA", "ORG", KOICA)],
        dates=[("10 September 2025", "2025-09-10", "day")])
    [agr] = find_agreements(art, None)
    assert (agr.type, agr.status) == ("memorandum", "signed")
    assert names(agr) == {SAPSSI, KOICA}
    assert agr.date_signed["value"] == "2025-09-10"


def test_signing_date_is_not_the_publication_date_unless_today():
    text = ("Protocol signed\n"
            "Today ASAN and UNDP signed a protocol on the new centres. "
            "The joint programme for 2025-2027 was signed by ASAN and KOICA on 3 March 2025.")
    art = make_article(text, "en", [
        ("ASAN", "ORG", SAPSSI), ("UNDP", "ORG", UNDP), ("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA)],
        dates=[("2025-2027", "2025/2027", "year"), ("3 March 2025", "2025-03-03", "day")],
        published="2025-09-12")
    protocol, programme = find_agreements(art, None)
    assert protocol.date_signed == {"value": "2025-09-12", "precision": "day"}
    assert programme.type == "programme"
    assert programme.date_signed == {"value": "2025-03-03", "precision": "day"}  # not the 2025-2027 period


def test_french_memorandum_between_two_parties():
    text = ("L'ASAN et le PNUD renforcent leur coopération\n"
            "Un mémorandum d'accord a été signé le 13 juillet 2024 à Paris entre l'Agence nationale pour la "
            "fourniture de services aux citoyens et l'innovation sociale et le PNUD.")
    art = make_article(text, "fr", [
        ("ASAN", "ORG", SAPSSI), ("PNUD", "ORG", UNDP), ("Paris", "LOC", "Paris"),
        ("Agence nationale pour la fourniture de services aux citoyens et l'innovation sociale", "ORG", SAPSSI),
        ("PNUD", "ORG", UNDP)],
        dates=[("13 juillet 2024", "2024-07-13", "day")])
    [agr] = find_agreements(art, None)
    assert (agr.type, agr.status, agr.place) == ("memorandum", "signed", "Paris")
    assert names(agr) == {SAPSSI, UNDP}
    assert [p.text for p in agr.parties][0].startswith("Agence nationale")
    assert agr.date_signed["value"] == "2024-07-13"


def test_french_planned_agreement():
    text = ("Coopération\nL'ASAN et la KOICA signeront un accord de coopération en 2026.")
    art = make_article(text, "fr", [("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA)],
                       dates=[("2026", "2026", "year")])
    [agr] = find_agreements(art, None)
    assert (agr.type, agr.status) == ("agreement", "planned")


def test_azerbaijani_memorandum_with_inflected_names_and_place_suffix():
    text = ("ASAN və KOICA arasında memorandum imzalanıb\n"
            "Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət Agentliyi ilə Koreya Beynəlxalq Əməkdaşlıq "
            "Agentliyi (KOICA) arasında 2025-ci ilin 10 sentyabr tarixində Bakıda dövlət xidmətlərinin "
            "göstərilməsi sahəsində əməkdaşlığa dair Anlaşma Memorandumu imzalanıb.")
    art = make_article(text, "az", [
        ("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA),
        ("Vətəndaşlara Xidmət və Sosial İnnovasiyalar üzrə Dövlət Agentliyi", "ORG", SAPSSI),
        ("Koreya Beynəlxalq Əməkdaşlıq Agentliyi", "ORG", KOICA), ("KOICA", "ORG", KOICA),
        ("Bakıda", "LOC", "Baku")],
        dates=[("2025-ci ilin 10 sentyabr", "2025-09-10", "day")])
    [agr] = find_agreements(art, None)
    assert (agr.type, agr.status, agr.place) == ("memorandum", "signed", "Baku")
    assert names(agr) == {SAPSSI, KOICA}
    assert agr.date_signed["value"] == "2025-09-10"
    assert agr.title.endswith("əməkdaşlığa dair Anlaşma Memorandumu")


def test_azerbaijani_planned_protocol():
    text = ("Yeni protokol\nTərəflər arasında niyyət protokolunun imzalanması planlaşdırılır. "
            "Bu barədə ASAN xidmət və UNDP nümayəndələri məlumat veriblər.")
    art = make_article(text, "az", [("ASAN xidmət", "ORG", SAPSSI), ("UNDP", "ORG", UNDP)])
    records = find_agreements(art, None)
    assert [(r.type, r.status) for r in records] == [("protocol", "planned")]


def test_decree_party_is_the_president_named_earlier():
    text = ("Prezident yeni Fərman imzalayıb\n"
            "Azərbaycan Respublikasının Prezidenti İlham Əliyev ASAN xidmət mərkəzlərinin fəaliyyəti ilə "
            "tanış olub. Dövlət başçısı 27 yanvar 2020-ci il tarixində Prezidentin müvafiq Fərmanını "
            "imzalayıb.")
    art = make_article(text, "az", [
        ("Azərbaycan Respublikasının", "LOC", "Azerbaijan"), ("İlham Əliyev", "PERSON", "Ilham Aliyev"),
        ("ASAN xidmət", "ORG", SAPSSI)],
        dates=[("27 yanvar 2020-ci il", "2020-01-27", "day")])
    [decree] = find_agreements(art, None)
    assert decree.type == "decree"
    assert names(decree) == {"Ilham Aliyev"}
    assert decree.date_signed == {"value": "2020-01-27", "precision": "day"}


def test_a_person_named_like_a_trigger_is_no_decree():
    text = "Alim\nTanınmış neftçi-alim Fərman Salmanov 1931-ci ildə anadan olub."
    art = make_article(text, "az", [("Fərman Salmanov", "PERSON", "Farman Salmanov")])
    assert find_agreements(art, None) == []


def test_trigger_words_that_name_no_instrument_make_no_record():
    text = ("Experts meet\nThere was broad agreement among the experts. "
            "ASAN acted in agreement with KOICA on the agenda.")
    art = make_article(text, "en", [("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA)])
    assert find_agreements(art, None) == []


def test_a_dated_decree_joins_the_undated_one_only_when_named_as_the_decree():
    text = ("President signs order\n"
            "President Ilham Aliyev signed an order on new ASAN centres. "
            "The first centre opened after Presidential Decree No. 685 of 13 July 2012. "
            "The decree, signed on 12 July, gives the agency a year.")
    art = make_article(text, "en", [("Ilham Aliyev", "PERSON", "Ilham Aliyev"), ("ASAN", "ORG", SAPSSI)],
                       dates=[("13 July 2012", "2012-07-13", "day"), ("12 July", "2025-07-12", "day")])
    new, old = find_agreements(art, None)
    # "Presidential Decree No. 685 of 13 July 2012" is another decree; "The decree, signed on 12 July"
    # dates the one told about first
    assert (new.date_signed["value"], old.date_signed["value"]) == ("2025-07-12", "2012-07-13")
    assert names(new) == names(old) == {"Ilham Aliyev"}


def test_english_decree_with_named_president():
    text = ("Decree on ASAN\nPresident Ilham Aliyev signed a decree on 13 July 2012 establishing the "
            "State Agency for Public Service and Social Innovations.")
    art = make_article(text, "en", [
        ("Ilham Aliyev", "PERSON", "Ilham Aliyev"),
        ("State Agency for Public Service and Social Innovations", "ORG", SAPSSI)],
        dates=[("13 July 2012", "2012-07-13", "day")])
    [decree] = find_agreements(art, None)
    assert (decree.type, decree.status) == ("decree", "signed")
    assert names(decree) == {"Ilham Aliyev"}


def test_mixed_page_azerbaijani_paragraph_uses_azerbaijani_cues():
    text = ("ASAN hosts KOICA\nThe delegation of KOICA met ASAN staff.\n"
            "ASAN və KOICA arasında saziş imzalanacaq.")
    art = make_article(text, "en", [("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA), ("KOICA", "ORG", KOICA),
                                    ("ASAN", "ORG", SAPSSI), ("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA)],
                       segments=[("ASAN hosts KOICA\nThe delegation of KOICA met ASAN staff.", "en"),
                                 ("ASAN və KOICA arasında saziş imzalanacaq.", "az")])
    [agr] = find_agreements(art, None)
    assert (agr.type, agr.status) == ("agreement", "planned")
    assert names(agr) == {SAPSSI, KOICA}


def test_sentence_splitter_keeps_abbreviations_and_numeric_dates():
    text = "Mr. Mehdiyev met Dr. Kim on 10.09.2025 in Baku. The sides signed it.\nNew paragraph"
    sents = [s.text for s in split_sentences(text)]
    assert sents == ["Mr. Mehdiyev met Dr. Kim on 10.09.2025 in Baku.", "The sides signed it.", "New paragraph"]


PSDA = "Public Service Development Agency"
HALL = "Public Service Hall"


def test_the_two_agencies_are_the_main_agencies_not_a_visited_venue():
    text = ("ASAN delegation visits Public Service Hall in Tbilisi\n"
            "A delegation of the State Agency for Public Service and Social Innovations paid a visit to Georgia.\n"
            "Officials of UNDP joined the visit. The delegation met the head of the Public Service Development "
            "Agency and toured the Public Service Hall.\n"
            "On 13 April, the sides signed a memorandum of understanding. The memorandum replaces an earlier "
            "agreement between the two agencies concluded in 2014.")
    art = make_article(text, "en", [
        ("ASAN", "ORG", SAPSSI), ("Public Service Hall", "ORG", HALL), ("Tbilisi", "LOC", "Tbilisi"),
        ("State Agency for Public Service and Social Innovations", "ORG", SAPSSI), ("Georgia", "LOC", "Georgia"),
        ("UNDP", "ORG", UNDP), ("Public Service Development Agency", "ORG", PSDA),
        ("Public Service Hall", "ORG", HALL)],
        dates=[("13 April", "2023-04-13", "day"), ("2014", "2014", "year")])
    memorandum, agreement = find_agreements(art, None)
    assert memorandum.type == "memorandum" and names(memorandum) == {SAPSSI, PSDA}
    assert memorandum.date_signed["value"] == "2023-04-13"
    # the memorandum named again in the second sentence is no new record; the date goes to the agreement
    assert agreement.type == "agreement" and names(agreement) == {SAPSSI, PSDA}
    assert agreement.date_signed["value"] == "2014"


def test_intergovernmental_agreement_binds_states_and_reference_does_not_override():
    text = ("Centre opens in Djibouti\n"
            "A centre built on the ASAN model opened in the capital of Djibouti on December 11.\n"
            "The project follows the intergovernmental agreement signed in Baku in October 2023. Under the "
            "agreement, Azerbaijan trained 40 civil servants from Djibouti.")
    art = make_article(text, "en", [
        ("Djibouti", "LOC", "Djibouti"), ("ASAN", "ORG", SAPSSI), ("Djibouti", "LOC", "Djibouti"),
        ("Baku", "LOC", "Baku"), ("Azerbaijan", "LOC", "Azerbaijan"), ("Djibouti", "LOC", "Djibouti")],
        dates=[("December 11", "2024-12-11", "day"), ("October 2023", "2023-10", "month")])
    [agr] = find_agreements(art, None)
    assert names(agr) == {"Azerbaijan", "Djibouti"}
    assert (agr.place, agr.date_signed["value"]) == ("Baku", "2023-10")


def test_list_of_countries_and_its_charter():
    text = ("Association meets\n"
            "The association grew out of a memorandum signed in 2019 by Azerbaijan, Afghanistan, Indonesia "
            "and Uganda. Its charter, agreed in Baku in December 2019, has since been ratified.")
    countries = ["Azerbaijan", "Afghanistan", "Indonesia", "Uganda"]
    art = make_article(text, "en", [(c, "LOC", c) for c in countries] + [("Baku", "LOC", "Baku")],
                       dates=[("2019", "2019", "year"), ("December 2019", "2019-12", "month")])
    memorandum, charter = find_agreements(art, None)
    assert names(memorandum) == set(countries)
    assert (charter.type, charter.status) == ("charter", "ratified")  # ratification outranks "agreed"
    assert names(charter) == set(countries) and charter.date_signed["value"] == "2019-12"


def test_subject_is_party_of_each_of_two_agreements_in_one_sentence():
    text = "Two documents\nASAN signed a memorandum with KOICA and an agreement with UNDP on 5 May 2024."
    art = make_article(text, "en", [("ASAN", "ORG", SAPSSI), ("KOICA", "ORG", KOICA), ("UNDP", "ORG", UNDP)],
                       dates=[("5 May 2024", "2024-05-05", "day")])
    memorandum, agreement = find_agreements(art, None)
    assert names(memorandum) == {SAPSSI, KOICA}
    assert names(agreement) == {SAPSSI, UNDP}


def test_undated_signing_takes_the_event_date_unless_recalled():
    text = ("Seminar at ADA University\n"
            "ADA University hosted a seminar on 5 February with the Innovation and Digital Development Agency.\n"
            "The seminar ended with the signing of a cooperation agreement between ADA University and the "
            "Innovation and Digital Development Agency.\n"
            "Mehdiyev recalled that ASAN had signed a protocol with UNDP.")
    idda = "Innovation and Digital Development Agency"
    art = make_article(text, "en", [
        ("ADA University", "ORG", "ADA University"), ("ADA University", "ORG", "ADA University"),
        ("Innovation and Digital Development Agency", "ORG", idda), ("ADA University", "ORG", "ADA University"),
        ("Innovation and Digital Development Agency", "ORG", idda), ("Mehdiyev", "PERSON", "Ulvi Mehdiyev"),
        ("ASAN", "ORG", SAPSSI), ("UNDP", "ORG", UNDP)],
        dates=[("5 February", "2025-02-05", "day")])
    agreement, protocol = find_agreements(art, None)
    assert names(agreement) == {"ADA University", idda}
    assert agreement.date_signed == {"value": "2025-02-05", "precision": "day"}
    assert names(protocol) == {SAPSSI, UNDP} and protocol.date_signed is None


def test_azerbaijani_country_list_keeps_a_name_that_ends_like_a_locative():
    text = ("Protokol\nNiyyət protokolu 2019-cu ilin iyununda Bakıda Azərbaycan, Türkiyə, İndoneziya, Uqanda və "
            "digər ölkələrin nümayəndələri tərəfindən imzalanıb.")
    countries = [("Azərbaycan", "Azerbaijan"), ("Türkiyə", "Türkiye"), ("İndoneziya", "Indonesia"),
                 ("Uqanda", "Uganda")]
    art = make_article(text, "az", [("Bakıda", "LOC", "Baku")] + [(s, "LOC", c) for s, c in countries],
                       dates=[("2019-cu ilin iyununda", "2019-06", "month")])
    [protocol] = find_agreements(art, None)
    assert names(protocol) == {c for _, c in countries}
    assert protocol.place == "Baku"


def test_azerbaijani_reference_under_the_memorandum_merges_and_plans_a_programme():
    text = ("KOICA ilə memorandum\n"
            "Dövlət Agentliyi ilə KOICA arasında 10 sentyabr 2025-ci il tarixində anlaşma memorandumu imzalanıb.\n"
            "Memoranduma əsasən, tərəflər birgə fəaliyyət planı hazırlayacaq. Memorandum çərçivəsində "
            "agentliyin əməkdaşları Koreyada təlim keçəcək.")
    art = make_article(text, "az", [
        ("KOICA", "ORG", KOICA), ("Dövlət Agentliyi", "ORG", SAPSSI), ("KOICA", "ORG", KOICA),
        ("Koreyada", "LOC", "Republic of Korea")],
        dates=[("10 sentyabr 2025-ci il", "2025-09-10", "day")])
    memorandum, programme = find_agreements(art, None)
    assert (memorandum.type, memorandum.status) == ("memorandum", "signed")
    assert names(memorandum) == {SAPSSI, KOICA}
    assert (programme.type, programme.status, programme.date_signed) == ("programme", "planned", None)
    assert names(programme) == {SAPSSI, KOICA}


def test_turkish_memorandum_and_russian_programme():
    dto = "Digital Transformation Office of the Presidency of Türkiye"
    tr = ("Ankara'da görüşmeler\nZiyaret kapsamında Cumhurbaşkanlığı Dijital Dönüşüm Ofisi ile Devlet Ajansı "
          "arasında iş birliğine ilişkin mutabakat zaptı imzalandı.")
    art = make_article(tr, "tr", [("Ankara", "LOC", "Ankara"),
                                  ("Cumhurbaşkanlığı Dijital Dönüşüm Ofisi", "ORG", dto),
                                  ("Devlet Ajansı", "ORG", SAPSSI)])
    [memorandum] = find_agreements(art, None)
    assert (memorandum.type, memorandum.status) == ("memorandum", "signed")
    assert names(memorandum) == {dto, SAPSSI}
    assert memorandum.title == "iş birliğine ilişkin mutabakat zaptı"

    psa = "Public Services Agency under the Ministry of Justice of Uzbekistan"
    ru = ("Семинар в Ташкенте\n12 марта в Ташкенте прошёл семинар Госагентства и Агентства государственных "
          "услуг Узбекистана. По итогам семинара стороны подписали программу сотрудничества на 2024–2026 годы.")
    art = make_article(ru, "ru", [("Ташкенте", "LOC", "Tashkent"), ("Ташкенте", "LOC", "Tashkent"),
                                  ("Госагентства", "ORG", SAPSSI),
                                  ("Агентства государственных услуг Узбекистана", "ORG", psa)],
                       dates=[("12 марта", "2024-03-12", "day"), ("2024–2026", "2024/2026", "year")])
    [programme] = find_agreements(art, None)
    assert (programme.type, programme.status) == ("programme", "signed")
    assert names(programme) == {SAPSSI, psa}
    assert programme.date_signed == {"value": "2024-03-12", "precision": "day"}  # the seminar's, not 2024-2026


# -- scorer -------------------------------------------------------------------------------------------

def _agr(type_: str, parties: list[str], date: str | None) -> Agreement:
    return Agreement(type=type_, title=type_, parties=[Party(p, p) for p in parties],
                     date_signed={"value": date, "precision": "day"} if date else None)


def test_score_strict_counts():
    gold = [{"type": "memorandum", "parties": [SAPSSI, KOICA], "date_signed": {"value": "2025-09-10",
                                                                               "precision": "day"}},
            {"type": "decree", "parties": ["Ilham Aliyev"], "date_signed": None}]
    predicted = [_agr("memorandum", [KOICA, SAPSSI], "2025-09-10"),  # party order does not matter
                 _agr("decree", ["Ilham Aliyev"], "2020-01-27"),      # wrong date: fp and fn
                 _agr("memorandum", [KOICA, SAPSSI], "2025-09-10")]   # duplicate: fp
    assert score_agreements(predicted, gold) == Counts(tp=1, fp=2, fn=1)


def test_score_lenient_needs_type_and_one_party():
    gold = [{"type": "memorandum", "parties": [SAPSSI, KOICA], "date_signed": None},
            {"type": "protocol", "parties": [UNDP], "date_signed": None}]
    predicted = [_agr("memorandum", [SAPSSI, "Baku"], "2025-09-10"), _agr("agreement", [UNDP], None)]
    assert score_agreements(predicted, gold, lenient=True) == Counts(tp=1, fp=1, fn=1)
    assert score_agreements(predicted, gold) == Counts(tp=0, fp=2, fn=2)


def test_score_accepts_exported_dicts():
    exported = [{"type": "memorandum", "parties": [{"text": "ASAN", "name": SAPSSI}, {"text": "KOICA", "name": KOICA}],
                 "date_signed": {"value": "2025-09-10", "precision": "day"}}]
    gold = [{"type": "memorandum", "parties": [KOICA, SAPSSI], "date_signed": {"value": "2025-09-10",
                                                                               "precision": "day"}}]
    assert score_agreements(exported, gold) == Counts(tp=1, fp=0, fn=0)


def test_counts_f1_and_sum():
    total = Counts(3, 1, 0) + Counts(1, 1, 2)
    assert total == Counts(4, 2, 2)
    assert round(total.precision, 3) == 0.667 and round(total.recall, 3) == 0.667
    assert round(total.f1, 3) == 0.667
    assert Counts().f1 == 0.0


def test_sample_corpus_with_gold_mentions_meets_the_target():
    """Agreement extraction alone (gold entities and dates as input) on the bundled sample site."""
    root = Path(__file__).resolve().parent.parent / "corpus"
    if not (root / "sample-gold.jsonl").exists() or not (root / "site").is_dir():
        pytest.skip("corpus/sample-gold.jsonl or corpus/site is absent")
    scores = evaluate_agreements(root / "sample-gold.jsonl", root / "site")
    strict, lenient = scores.strict, scores.lenient
    assert strict.tp + strict.fn >= 50  # the gold lists agreements
    assert strict.f1 >= 0.85 and lenient.f1 >= 0.9


def test_error_causes_of_an_article():
    from newsmon.eval.agreements import classify_errors
    gold = [{"type": "memorandum", "parties": ["A", "B"], "date_signed": {"value": "2025-01-02"}},
            {"type": "agreement", "parties": ["A", "C"], "date_signed": None},
            {"type": "decree", "parties": ["P"], "date_signed": None}]
    predicted = [Agreement("memorandum", "m", [Party("A", "A")], {"value": "2025-01-02", "precision": "day"},
                           None, "signed", "s", 0, 1),
                 Agreement("agreement", "a", [Party("A", "A"), Party("C", "C")], {"value": "2020", "precision": "year"},
                           None, "signed", "s", 0, 1),
                 Agreement("protocol", "p", [Party("Q", "Q")], None, None, "signed", "s", 0, 1)]
    causes = sorted(c for c, _, _ in classify_errors(predicted, gold))
    assert causes == ["extra date", "extra record", "missed trigger", "missing party"]


def _countries(*names: str):
    """A knowledge base that knows `names` as countries (ids as `make_article` derives them)."""
    from newsmon.nlp.kb import KnowledgeBase
    from newsmon.nlp.kb_file import KBEntity
    return KnowledgeBase([KBEntity(id=n.lower().replace(" ", "-"), name=n, label="LOC", names={"en": (n,)},
                                   kind="country") for n in names])


def test_a_story_of_two_states_binds_an_unnamed_statement_to_its_countries_not_its_city():
    text = ("Presidents meet in Beijing\n"
            "The President of Azerbaijan met the President of China in Beijing on Wednesday. "
            "The joint statement signed today was praised as a milestone.")
    art = make_article(text, "en", [
        ("Azerbaijan", "LOC", "Azerbaijan"), ("China", "LOC", "China"), ("Beijing", "LOC", "Beijing"),
        ("Beijing", "LOC", "Beijing")], published="2025-04-23")
    [statement] = find_agreements(art, _countries("Azerbaijan", "China"))
    assert statement.type == "other"
    assert names(statement) == {"Azerbaijan", "China"}
    assert statement.date_signed == {"value": "2025-04-23", "precision": "day"}
    # without knowing which places are countries, nobody is named: no record rather than a city
    assert find_agreements(art, None) == []


def test_a_heading_without_parties_takes_those_of_the_body_mention():
    text = ("Usine aux Andelys\n"
            "La lettre d’intention signée le 28 janvier\n"
            "Le président de SNA travaillait avec la Chambre de Commerce de Normandie. "
            "Il a signé la lettre d’intention mercredi 28 janvier.")
    art = make_article(text, "fr", [
        ("SNA", "ORG", "SNA"), ("Chambre de Commerce de Normandie", "ORG", "CCI Normandie")],
        dates=[("28 janvier", "2026-01-28", "day"), ("mercredi 28 janvier", "2026-01-28", "day")])
    [letter] = find_agreements(art, None)
    assert letter.type == "other" and letter.date_signed["value"] == "2026-01-28"
    assert "SNA" in names(letter)
