"""Resolutions and motions a body adopts by vote: a record of that body alone, only when adopted
(newsmon.nlp.agreements.voted)."""
from __future__ import annotations

import pytest

from newsmon.nlp.agreements.find import find_agreements

from test_agreements import make_article, names


@pytest.mark.parametrize("text, lang, entities, dates, body", [
    ("Sénat\nLe 15 novembre 2022, le Sénat a adopté une résolution visant à appliquer des sanctions à "
     "l'encontre de l'Azerbaïdjan.", "fr",
     [("Sénat", "ORG", "Senate of France"), ("Sénat", "ORG", "Senate of France"),
      ("Azerbaïdjan", "LOC", "Azerbaijan")], [("15 novembre 2022", "2022-11-15", "day")], "Senate of France"),
    # the agent after the verb, not the subject the sentence names first
    ("Pays-Bas\nLa résolution soutenant l'Arménie a été adoptée à une large majorité par le Parlement "
     "néerlandais.", "fr",
     [("Arménie", "LOC", "Armenia"), ("Parlement néerlandais", "ORG", "House of Representatives of the Netherlands")],
     [], "House of Representatives of the Netherlands"),
    # az: the subject comes first, the resolution's own complements after it
    ("Senat\nFransa Senatı qondarma “Dağlıq Qarabağ Respublikası”nın tanınması ilə bağlı qətnamə qəbul etdi.",
     "az", [("Fransa Senatı", "ORG", "Senate of France"), ("Dağlıq Qarabağ Respublikası", "ORG", "NKR")],
     [], "Senate of France"),
    # the other light verb of the passive ("qəbul olunub" as "qəbul edilib")
    ("BMT\nBMT Baş Assambleyasında Rusiya qüvvələrinin çıxarılmasını tələb edən qətnamə qəbul olunub.", "az",
     [("BMT Baş Assambleyası", "ORG", "United Nations General Assembly")], [], "United Nations General Assembly"),
    # a fronted phrase: the body is the subject of the clause after it, not the votes' "par"
    ("Azerbaïdjan\nDans une résolution adoptée par 76 voix pour et 10 contre, l'APCE fait part de ses "
     "inquiétudes sur la Cour européenne des droits de l'homme.", "fr",
     [("APCE", "ORG", "Parliamentary Assembly of the Council of Europe"),
      ("Cour européenne des droits de l'homme", "ORG", "European Court of Human Rights")],
     [], "Parliamentary Assembly of the Council of Europe"),
])
def test_an_adopted_resolution_is_a_record_of_the_body_alone(text, lang, entities, dates, body):
    [record] = find_agreements(make_article(text, lang, entities, dates=dates), None)
    assert record.type == "other" and names(record) == {body}
    if dates:
        assert record.date_signed["value"] == dates[0][1]


@pytest.mark.parametrize("text, lang, entities", [
    # a resolution only tabled, a peaceful resolution of a conflict, a vote of no confidence
    ("Assemblée\nLe groupe d'amitié va déposer en février une résolution à l'Assemblée nationale.", "fr",
     [("Assemblée nationale", "ORG", "National Assembly of France")]),
    ("Paix\nLe Parlement européen a approuvé les efforts pour la résolution du conflit entre l'Arménie et "
     "l'Azerbaïdjan.", "fr",
     [("Parlement européen", "ORG", "European Parliament"), ("Arménie", "LOC", "Armenia"),
      ("Azerbaïdjan", "LOC", "Azerbaijan")]),
    ("Censure\nL'Assemblée nationale a adopté une motion de censure contre le gouvernement.", "fr",
     [("Assemblée nationale", "ORG", "National Assembly of France")]),
    # a kind: resolutions of the UN in general
    ("BMT\nBMT Baş Assambleyasında qəbul edilən qətnamələr tövsiyə xarakteri daşıyır.", "az",
     [("BMT Baş Assambleyası", "ORG", "United Nations General Assembly")]),
])
def test_a_resolution_not_adopted_is_no_record(text, lang, entities):
    assert find_agreements(make_article(text, lang, entities), None) == []


def test_an_adopted_resolution_does_not_merge_with_a_signed_letter():
    text = ("Défense\nLe ministre des Armées a signé une lettre d'intention avec l'Arménie. "
            "La France agit conformément à la résolution votée au Sénat le 17 janvier 2024.")
    art = make_article(text, "fr", [("Arménie", "LOC", "Armenia"), ("France", "LOC", "France"),
                                    ("Sénat", "ORG", "Senate of France")],
                       dates=[("17 janvier 2024", "2024-01-17", "day")])
    records = find_agreements(art, None)
    assert {r.title.split()[0] for r in records} == {"lettre", "résolution"}
    assert {"Senate of France"} in [names(r) for r in records]


def test_a_resolution_adopted_by_two_chambers_is_a_record_of_both():
    text = ("Sanctions\nLes députés rappellent la résolution votée par l'Assemblée nationale et le Sénat "
            "demandant le gel des avoirs du régime.")
    art = make_article(text, "fr", [("Assemblée nationale", "ORG", "National Assembly of France"),
                                    ("Sénat", "ORG", "Senate of France")])
    [record] = find_agreements(art, None)
    assert record.type == "other" and names(record) == {"National Assembly of France", "Senate of France"}


def test_a_second_resolution_adopted_is_the_same_bodys_new_record():
    text = ("Pays-Bas\nLa première résolution a été adoptée à une large majorité par le Parlement néerlandais. "
            "Elle souligne la protection du patrimoine. La deuxième résolution a également été adoptée à la majorité.")
    art = make_article(text, "fr", [("Parlement néerlandais", "ORG", "House of Representatives of the Netherlands")])
    records = find_agreements(art, None)
    assert len(records) == 2
    assert all(names(r) == {"House of Representatives of the Netherlands"} for r in records)


def test_a_resolution_named_again_without_its_body_is_the_same_record():
    # (no ordinal: the one told of before, not a second one)
    text = ("Pays-Bas\nLa résolution a été adoptée à une large majorité par le Parlement néerlandais. "
            "Elle souligne la protection du patrimoine. La résolution a été adoptée mardi.")
    art = make_article(text, "fr", [("Parlement néerlandais", "ORG", "House of Representatives of the Netherlands")])
    assert len(find_agreements(art, None)) == 1
