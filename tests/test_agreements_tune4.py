"""Agreement rules found missing on the fourth tuning half of the real-news gold (tune4, az): outlets that
cite another outlet, ... The texts are our own, in the shape of the real ones."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements
from newsmon.nlp.agreements.lexicon import lexicon
from newsmon.nlp.agreements.nonparties import is_source
from newsmon.nlp.agreements.parties import Sentence
from newsmon.nlp.agreements.records import Candidate, merge
from newsmon.model import Party
from tests.test_agreements import make_article, names


def _rows(records):
    return [(r.type, r.status, sorted(names(r)), (r.date_signed or {}).get("value")) for r in records]


def test_an_outlet_citing_another_and_the_outlet_it_cites_are_sources():
    text = ("Ruritaniya saziş imzalayacaq\n\"Xəbər\"in \"Mehr\" agentliyinə istinadən verdiyi məlumata görə, bunu "
            "nazir deyib. “Xəbər”“Reuters”ə istinadən xəbər verir ki, nazir danışıb. Bunu Nəqliyyat Nazirliyinin "
            "mətbuat xidmətinə istinadən bildirib.")
    art = make_article(text, "az", [("Xəbər", "ORG", "Xəbər"), ("Mehr", "ORG", "Mehr"), ("Reuters", "ORG", "Reuters"),
                                    ("Nəqliyyat Nazirliyi", "ORG", "Ministry of Transport")])
    lex = lexicon("az")
    sources = [m.text for m in art.mentions if is_source(m, text, lex)]
    # (a ministry whose press service is cited is quoted, not an outlet: it may sign elsewhere)
    assert sources == ["Xəbər", "Mehr", "Reuters"]


def test_the_outlet_citing_another_is_never_guessed_a_party():
    text = ("Ruritaniya ilə saziş imzalanacaq\n\"Xəbər\"in \"Mehr\" agentliyinə istinadən verdiyi məlumata görə, "
            "Ruritaniya ilə Zembla saziş imzalamaq üzərində işləyir. \"Xəbər\"in məlumatına görə, Ruritaniya "
            "daha əvvəl sənədi imzalamaqdan imtina edib.")
    art = make_article(text, "az", [("Ruritaniya", "LOC", "Ruritania"), ("Xəbər", "ORG", "Xəbər"),
                                    ("Mehr", "ORG", "Mehr"), ("Ruritaniya", "LOC", "Ruritania"),
                                    ("Zembla", "LOC", "Zembla"), ("Xəbər", "ORG", "Xəbər"),
                                    ("Ruritaniya", "LOC", "Ruritania")])
    assert all("Xəbər" not in names(r) and "Mehr" not in names(r) for r in find_agreements(art, None))


HUNGARY = ("Macarıstan", "LOC", "Hungary")


def test_a_peace_treaty_named_without_states_is_the_one_the_article_names_them_for():
    text = ("Macarıstan və Azərbaycan liderləri bəyanatla çıxış ediblər\nMacarıstan Baş naziri Azərbaycan Prezidentini "
            "salamlayıb. Mən təbrik edirəm ki, Ermənistanla Azərbaycan arasında sülh müqaviləsinin mətni üzərində razılıq "
            "əldə olunub. Ümid edirəm ki, sülh müqaviləsinin imzalanması tezliklə baş tutacaq. Macarıstan bunu alqışlayır.")
    art = make_article(text, "az", [HUNGARY, ("Azərbaycan", "LOC", "Azerbaijan"), HUNGARY,
                                    ("Azərbaycan", "LOC", "Azerbaijan"), ("Ermənistanla", "LOC", "Armenia"),
                                    ("Azərbaycan", "LOC", "Azerbaijan"), HUNGARY])
    assert _rows(find_agreements(art, None)) == [("agreement", "planned", ["Armenia", "Azerbaijan"], None)]


def test_a_treaty_still_planned_takes_no_signing_date_from_a_mention_merged_into_it():
    text = ("Liderlər bəyanatla çıxış ediblər\nErmənistanla Azərbaycan arasında sülh müqaviləsinin imzalanması "
            "tezliklə baş tutacaq. Sülh müqaviləsinin mətni bu gün Ermənistan tərəfindən qəbul edilib.")
    art = make_article(text, "az", [("Ermənistanla", "LOC", "Armenia"), ("Azərbaycan", "LOC", "Azerbaijan"),
                                    ("Ermənistan", "LOC", "Armenia")], published="2025-05-20")
    assert _rows(find_agreements(art, None)) == [("agreement", "planned", ["Armenia", "Azerbaijan"], None)]


def test_this_agreement_told_of_again_with_other_names_is_the_one_just_told_of():
    # (the record as the pipeline builds it for "Böyük Britaniya Ukrayna ilə Kiyevin ... alacağı yeni iqtisadi saziş
    # imzalayıb. ... bu saziş həmçinin Böyük Britaniyanın müdafiə sektorunda iş yerlərinin yaradılmasına da yol
    # açacaq": the second mention names the United Kingdom, the record only Ukraine)
    first = Sentence(0, 60, "Böyük Britaniya Ukrayna ilə yeni iqtisadi saziş imzalayıb.", "az")
    text2 = "Bu saziş həmçinin Böyük Britaniyanın müdafiə sektorunda iş yerləri açacaq."
    second = Sentence(61, 61 + len(text2), text2, "az")
    record = Candidate("agreement", "saziş", 42, 47, first, "signed", [Party("Ukrayna", "Ukraine")], 1, None,
                       None, False, False)
    mention = Candidate("agreement", "saziş", 64, 69, second, "planned", [Party("Böyük Britaniyanın", "United Kingdom")],
                        1, None, None, False, True)
    assert merge([record, mention]) == [record] and record.merged == [mention]
    dated = Candidate("agreement", "saziş", 64, 69, second, "signed", [Party("Böyük Britaniyanın", "United Kingdom")],
                      1, {"value": "2020-05-01", "precision": "day"}, None, False, True)
    assert len(merge([record, dated])) == 2  # a day of its own: another agreement
