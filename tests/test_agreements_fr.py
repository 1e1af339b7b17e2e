"""French agreement rules found missing on the fr tuning halves of the real-news agreement gold
(benchmarks/realnews_agreements_gold*.jsonl); the texts are our own."""
from __future__ import annotations

from newsmon.nlp.agreements.find import find_agreements, split_sentences
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.kb_file import KBEntity
from tests.test_agreements import _countries, make_article, names

IMAGE = '![JPEG - 199.9 ko](https://www.example.test/IMG/jpg/324-3.jpg "jpg/324-3.jpg")'


def test_a_markdown_image_ends_the_sentence_before_it_and_is_no_sentence():
    text = f"Titre\nUn accord a été signé avec la Géorgie.{IMAGE} Marie Dupont, maire de Lyon, a parlé. {IMAGE}\nFin."
    assert [s.text for s in split_sentences(text, default_lang="fr")] == [
        "Titre", "Un accord a été signé avec la Géorgie.", "Marie Dupont, maire de Lyon, a parlé.", "Fin."]


def test_a_bare_address_between_paragraphs_ends_the_sentence_before_it():
    text = ("Titre\nLes liens entre les deux pays. https://www.example.test/IMG/jpg/x.jpg Selon le ministre, un "
            "accord a été signé. Voir le site https://www.example.test présente l’accord.")
    assert [s.text for s in split_sentences(text, default_lang="fr")] == [
        "Titre", "Les liens entre les deux pays.", "Selon le ministre, un accord a été signé.",
        "Voir le site https://www.example.test présente l’accord."]

def test_a_city_named_after_an_image_is_no_party_of_the_sentence_before():
    text = (f"Motion\nLe maire a dénoncé le contrat paraphé par la présidente de la Commission avec le président "
            f"azerbaïdjanais, demandant des armes à la France. {IMAGE} Sophie Martin, maire d’Aix-en-Provence, a "
            "pavoisé sa ville.")
    art = make_article(text, "fr", [("France", "LOC", "France"), ("Sophie Martin", "PERSON", "Sophie Martin"),
                                    ("Aix-en-Provence", "LOC", "Aix-en-Provence")])
    assert all("Aix-en-Provence" not in names(record) for record in find_agreements(art, None))


def test_a_country_given_or_asked_something_with_a_la_is_a_party_not_a_place():
    # "à l'Azerbaïdjan" is a dative (a country is "en Azerbaïdjan" where things happen), "à Auxerre" a place
    text = ("Élevage\n"
            "À Auxerre, la France a signé en 2011 un contrat pour vendre un millier de vaches à l'Azerbaïdjan.")
    art = make_article(text, "fr", [("Auxerre", "LOC", "Auxerre"), ("France", "LOC", "France"),
                                    ("Azerbaïdjan", "LOC", "Azerbaijan")], dates=[("2011", "2011", "year")])
    [agr] = find_agreements(art)
    assert names(agr) == {"France", "Azerbaijan"}


def test_a_country_supported_with_a_la_is_still_no_party():
    text = ("Discours\n"
            "La France a été à l'initiative d'un plan européen de soutien à l'Arménie, avec l'Union européenne.")
    art = make_article(text, "fr", [("France", "LOC", "France"), ("Arménie", "LOC", "Armenia"),
                                    ("Union européenne", "ORG", "European Union")])
    [agr] = find_agreements(art)
    assert "Armenia" not in names(agr)


def test_counted_agreements_are_documents_with_curly_apostrophes_too():
    # "d’accords" in the plural is documents ("d'accord" is agreeing), and a counted plural is no kind
    text = ("Coopération militaire\n"
            "Les questions liées à la coopération militaire entre l’Arménie et l’Italie ont été discutées et un "
            "certain nombre d’accords ont été conclus. "
            "Au cours de l’année écoulée, Paris et Erevan ont signé un certain nombre de contrats de défense.")
    art = make_article(text, "fr", [("Arménie", "LOC", "Armenia"), ("Italie", "LOC", "Italy"),
                                    ("Paris", "LOC", "France"), ("Erevan", "LOC", "Armenia")])
    assert sorted(sorted(names(r)) for r in find_agreements(art)) == [["Armenia", "France"], ["Armenia", "Italy"]]


def test_être_d_accord_is_no_agreement():
    text = "Réunion\nLa France et l'Arménie sont d'accord sur la nécessité d'un dialogue, a signé le ministre."
    art = make_article(text, "fr", [("France", "LOC", "France"), ("Arménie", "LOC", "Armenia")])
    assert find_agreements(art) == []


def test_a_signing_aimed_at_or_a_treaty_under_negotiation_is_planned():
    text = ("Paix\n"
            "La France a tout fait pour contribuer au règlement du conflit et, tout d’abord, à la signature du "
            "traité de paix entre l’Azerbaïdjan et l’Arménie. "
            "L’Arménie reste en danger, car un traité de paix avec la Turquie est en cours de négociation. "
            "La convention a été ouverte à la signature le 4 avril 1997 à Oviedo par le Conseil de l'Europe.")
    art = make_article(text, "fr", [("France", "LOC", "France"), ("Azerbaïdjan", "LOC", "Azerbaijan"),
                                    ("Arménie", "LOC", "Armenia"), ("Arménie", "LOC", "Armenia"),
                                    ("Turquie", "LOC", "Türkiye"), ("Oviedo", "LOC", "Oviedo"),
                                    ("Conseil de l'Europe", "ORG", "Council of Europe")],
                       dates=[("4 avril 1997", "1997-04-04", "day")])
    assert [r.status for r in find_agreements(art)] == ["planned", "planned", "signed"]


def test_french_guillemets_set_off_by_a_space_end_and_open_sentences():
    text = ("Titre\nLa France peut œuvrer à la paix ! » Son soutien va au-delà. « La France veille à l’accord "
            "négocié. » Il ajoute : « nous signerons. » et il part.")
    assert [s.text for s in split_sentences(text, default_lang="fr")] == [
        "Titre", "La France peut œuvrer à la paix ! »", "Son soutien va au-delà.",
        "« La France veille à l’accord négocié. »", "Il ajoute : « nous signerons. » et il part."]


def test_a_peace_treaty_naming_no_state_binds_the_states_the_sentence_before_sets_at_peace():
    text = ("Discours\nLa France œuvre à une paix durable entre l’Arménie et l’Azerbaïdjan. Il demande une "
            "signature « au plus vite » du traité de paix.")
    art = make_article(text, "fr", [("France", "LOC", "France"), ("Arménie", "LOC", "Armenia"),
                                    ("Azerbaïdjan", "LOC", "Azerbaijan")])
    [agr] = find_agreements(art)
    assert (agr.type, names(agr)) == ("agreement", {"Armenia", "Azerbaijan"})


def test_a_peace_treaty_takes_no_state_the_sentence_before_only_names():
    # no "entre X et Y" there: the state that urges another is no side of its peace
    text = ("Discours\nLes États-Unis ont exhorté l’Arménie à modifier sa constitution. Il faut signer le traité de "
            "paix avec l’Azerbaïdjan.")
    art = make_article(text, "fr", [("États-Unis", "LOC", "United States"), ("Arménie", "LOC", "Armenia"),
                                    ("Azerbaïdjan", "LOC", "Azerbaijan")])
    [agr] = find_agreements(art)
    assert names(agr) == {"Azerbaijan"}


def test_a_name_in_guillemets_after_the_document_word_is_its_title():
    text = ("Histoire\nEn 1916, la France et le Royaume-Uni ont signé les accords « Sykes-Picot » sur le partage.")
    art = make_article(text, "fr", [("France", "LOC", "France"), ("Royaume-Uni", "LOC", "United Kingdom")],
                       dates=[("1916", "1916", "year")])
    [agr] = find_agreements(art)
    assert (agr.title, names(agr)) == ("accords « Sykes-Picot »", {"France", "United Kingdom"})


def test_a_twinning_voted_by_a_city_is_an_agreement_of_the_two_cities():
    text = "Jumelage\nLe conseil municipal de Lyon a voté à l’unanimité le jumelage avec Gyumri, ville d’Arménie."
    art = make_article(text, "fr", [("Lyon", "LOC", "Lyon"), ("Gyumri", "LOC", "Gyumri"), ("Arménie", "LOC", "Armenia")])
    [agr] = find_agreements(art)
    assert (agr.type, agr.title, names(agr)) == ("agreement", "jumelage", {"Lyon", "Gyumri"})


def test_a_document_with_one_named_state_takes_the_storys_country_not_its_organisation():
    # one side named, a state: the other is the story's country ("Nous" speaks for Armenia), not the
    # organisation the story names most (here NATO)
    text = ("L’Arménie et l’OTAN\nLe ministre de l’Arménie a rencontré l’OTAN, puis l’OTAN a salué l’Arménie. "
            "Nous entamons des négociations sur un accord de coopération nucléaire avec les États-Unis.")
    art = make_article(text, "fr", [("Arménie", "LOC", "Armenia"), ("OTAN", "ORG", "NATO"),
                                    ("Arménie", "LOC", "Armenia"), ("OTAN", "ORG", "NATO"), ("OTAN", "ORG", "NATO"),
                                    ("Arménie", "LOC", "Armenia"), ("États-Unis", "LOC", "United States")])
    for m in art.mentions:  # the pipeline's ids of places ("loc:armenia"), which tell a state from an organisation
        m.canonical_id = f"loc:{m.canonical_id}" if m.label == "LOC" else m.canonical_id
    kb = KnowledgeBase([KBEntity(id=f"loc:{n.lower().replace(' ', '-')}", name=n, label="LOC", names={"en": (n,)},
                                 kind="country") for n in ("Armenia", "United States")])
    [agr] = find_agreements(art, kb)
    assert names(agr) == {"United States", "Armenia"}


def test_one_organisation_and_one_state_of_the_sentence_are_the_two_sides():
    # not the organisation and a guess from the story (the Parliament it names most)
    text = ("Au Parlement européen\nAu Parlement européen, le député a parlé. Le Parlement européen a voté. "
            "Il est temps de dénoncer l’accord gazier qui lie la Commission européenne avec l’Azerbaïdjan.")
    art = make_article(text, "fr", [("Parlement européen", "ORG", "European Parliament"),
                                    ("Parlement européen", "ORG", "European Parliament"),
                                    ("Parlement européen", "ORG", "European Parliament"),
                                    ("Commission européenne", "ORG", "European Commission"),
                                    ("Azerbaïdjan", "LOC", "Azerbaijan")])
    [agr] = find_agreements(art, _countries("Azerbaijan"))
    assert names(agr) == {"European Commission", "Azerbaijan"}


def test_a_treaty_under_discussion_is_planned():
    text = ("Rencontre\nLe Premier ministre a présenté les discussions en cours sur le traité de paix entre "
            "l’Arménie et l’Azerbaïdjan.")
    art = make_article(text, "fr", [("Arménie", "LOC", "Armenia"), ("Azerbaïdjan", "LOC", "Azerbaijan")])
    [agr] = find_agreements(art)
    assert agr.status == "planned"
    assert names(agr) == {"Armenia", "Azerbaijan"}


def test_a_treaty_not_ratified_was_signed():
    text = ("Cour pénale\nL’Arménie avait signé le statut de Rome en 1999, mais ne l’avait pas ratifié, évoquant "
            "sa Constitution.")
    art = make_article(text, "fr", [("Arménie", "LOC", "Armenia")], dates=[("1999", "1999", "year")])
    [agr] = find_agreements(art)
    assert agr.status == "signed" and agr.date_signed["value"] == "1999"


def test_a_treaty_never_signed_is_no_record():
    text = "Traité\nLa Turquie n’a jamais signé le traité avec l’Arménie."
    art = make_article(text, "fr", [("Turquie", "LOC", "Türkiye"), ("Arménie", "LOC", "Armenia")])
    assert find_agreements(art) == []


def test_a_peace_agreement_not_yet_reached_is_planned():
    text = ("Paix\nL’Azerbaïdjan et l’Arménie se parlent. Ils ne sont pas encore parvenus à l’adoption d’un accord "
            "de paix entre l’Arménie et l’Azerbaïdjan.")
    art = make_article(text, "fr", [("Azerbaïdjan", "LOC", "Azerbaijan"), ("Arménie", "LOC", "Armenia"),
                                    ("Arménie", "LOC", "Armenia"), ("Azerbaïdjan", "LOC", "Azerbaijan")])
    [agr] = find_agreements(art)
    assert agr.status == "planned" and names(agr) == {"Armenia", "Azerbaijan"}


def test_a_programme_a_body_carries_out_is_its_record():
    text = ("Éducation\nLe projet est un programme éducatif sur plusieurs années mis en œuvre par la Fondation "
            "pour la science en partenariat avec des écoles.")
    art = make_article(text, "fr", [("Fondation pour la science", "ORG", "Foundation for Armenian Science")])
    [agr] = find_agreements(art)
    assert agr.type == "programme" and agr.status == "implemented"
    assert names(agr) == {"Foundation for Armenian Science"}


def test_programmes_as_a_kind_carried_out_are_no_record():
    text = "Orchestre\nIl a initié une variété de programmes éducatifs mis en œuvre par l’Orchestre national."
    art = make_article(text, "fr", [("Orchestre national", "ORG", "National Orchestra")])
    assert find_agreements(art) == []


def test_a_programme_carried_out_by_no_named_organisation_is_no_record_of_the_places():
    text = "Lecture\nLe programme à Kapan, Goris et Meghri est mis en œuvre par l’ONG locale."
    art = make_article(text, "fr", [("Kapan", "LOC", "Kapan"), ("Goris", "LOC", "Goris"), ("Meghri", "LOC", "Meghri")])
    assert find_agreements(art) == []


def test_an_agreement_named_by_its_day_is_signed_that_day_though_cited():
    text = ("Prisonniers\nL’Azerbaïdjan détient des civils en violation de l’accord tripartite du 9 novembre 2020, "
            "dans lequel il s’est engagé à les rapatrier.")
    art = make_article(text, "fr", [("Azerbaïdjan", "LOC", "Azerbaijan")],
                       dates=[("9 novembre 2020", "2020-11-09", "day")])
    [agr] = find_agreements(art, _countries("Azerbaijan"))
    assert agr.type == "agreement" and agr.status == "signed" and agr.date_signed["value"] == "2020-11-09"


def test_a_declaration_of_three_leaders_named_by_its_day_is_theirs_states():
    text = ("Corridor\nLa Cour note que la déclaration du président de la République d’Azerbaïdjan, du Premier "
            "ministre de la République d’Arménie et du président de la Fédération de Russie du 9 novembre 2020 "
            "prévoit un corridor.")
    art = make_article(text, "fr", [("Cour", "ORG", "International Court of Justice"),
                                    ("République d’Azerbaïdjan", "LOC", "Azerbaijan"),
                                    ("République d’Arménie", "LOC", "Armenia"),
                                    ("Fédération de Russie", "LOC", "Russia")],
                       dates=[("9 novembre 2020", "2020-11-09", "day")])
    [agr] = find_agreements(art, _countries("Azerbaijan", "Armenia", "Russia"))
    assert agr.type == "other" and agr.status == "signed" and agr.date_signed["value"] == "2020-11-09"
    assert names(agr) == {"Azerbaijan", "Armenia", "Russia"}


def test_a_titled_convention_or_one_leaders_declaration_named_by_its_day_is_no_record():
    text = ("Droits\nLe Sénat condamne les violations de la Convention internationale du 4 janvier 1969. "
            "La déclaration du ministre de l’Arménie du 12 mars 2024 a surpris le Sénat.")
    art = make_article(text, "fr", [("Sénat", "ORG", "Senate of France"), ("Arménie", "LOC", "Armenia"),
                                    ("Sénat", "ORG", "Senate of France")],
                       dates=[("4 janvier 1969", "1969-01-04", "day"), ("12 mars 2024", "2024-03-12", "day")])
    assert find_agreements(art, _countries("Armenia")) == []


def test_an_agreement_given_as_consent_is_no_document():
    text = ("Frontière\nLes Européens ont obtenu le déploiement d’une mission à la frontière entre l’Arménie et "
            "l’Azerbaïdjan, avec l’accord des deux parties.")
    art = make_article(text, "fr", [("Arménie", "LOC", "Armenia"), ("Azerbaïdjan", "LOC", "Azerbaijan")])
    assert find_agreements(art, _countries("Armenia", "Azerbaijan")) == []


def test_a_document_named_after_avec_l_is_still_one():
    text = "Défense\nLa France a agi en conformité avec l’accord de coopération signé en 2020 avec l’Arménie."
    art = make_article(text, "fr", [("France", "LOC", "France"), ("Arménie", "LOC", "Armenia")],
                       dates=[("2020", "2020", "year")])
    [agr] = find_agreements(art, _countries("France", "Armenia"))
    assert agr.type == "agreement" and agr.status == "signed" and names(agr) == {"France", "Armenia"}


def test_a_document_named_by_a_pair_of_nationality_adjectives_binds_those_states():
    # not the chancellor's country the sentence names, nor the region that praises him
    text = ("Karabakh\nLe Haut-Karabakh a félicité le chancelier d’Allemagne pour un accord de paix "
            "arméno-azerbaïdjanais signé à Washington.")
    art = make_article(text, "fr", [("Haut-Karabakh", "LOC", "Nagorno-Karabakh"), ("Allemagne", "LOC", "Germany"),
                                    ("Washington", "LOC", "Washington")])
    kb = KnowledgeBase([KBEntity(id=f"loc:{n.lower()}", name=n, label="LOC", names={"fr": (fr,)}, kind="country")
                        for n, fr in (("Armenia", "Arménie"), ("Azerbaijan", "Azerbaïdjan"), ("Germany", "Allemagne"))])
    [agr] = find_agreements(art, kb)
    assert names(agr) == {"Armenia", "Azerbaijan"}


def test_a_hyphenated_word_that_is_no_nationality_pair_names_no_state():
    text = "Musée\nLa France a signé un accord culturel arméno-digitalisé avec l’Arménie."
    art = make_article(text, "fr", [("France", "LOC", "France"), ("Arménie", "LOC", "Armenia")])
    [agr] = find_agreements(art, _countries("France", "Armenia"))
    assert names(agr) == {"France", "Armenia"}


def test_a_twinning_is_no_contract_told_again():
    text = ("Motion\nL’élu a dénoncé le contrat signé par la Commission avec l’Azerbaïdjan. Les maires lançaient "
            "des jumelages de leur ville avec Massis.")
    art = make_article(text, "fr", [("Commission", "ORG", "European Commission"), ("Azerbaïdjan", "LOC", "Azerbaijan"),
                                    ("Massis", "LOC", "Masis")])
    assert sorted(agr.title.split()[0] for agr in find_agreements(art, _countries("Azerbaijan"))) == [
        "contrat", "jumelages"]
