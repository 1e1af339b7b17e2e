"""French and English span rules written from the fr/en real-news tuning set
(corpus/training/{fr,en}-realnews-ner-tune.jsonl) and real-dev tune: sentences of the kind real news
writes, with the pieces the stock models find in them."""
from __future__ import annotations

import pytest

from newsmon.model import Mention
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.linking import link_mentions


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase(())  # rules only


def at(text: str, surface: str, label: str, lang: str, after: int = 0) -> Mention:
    start = text.index(surface, after)
    return Mention(surface, label, start, start + len(surface), lang)


def names(text: str, found: list[tuple[str, str]], lang: str, kb: KnowledgeBase) -> list[tuple[str, str]]:
    linked = link_mentions([at(text, s, label, lang) for s, label in found], text, lang, kb)
    return [(m.text, m.label) for m in linked]


@pytest.mark.parametrize("text, found, name", [
    ("Selon le ministère des Affaires étrangères de l’Azerbaïdjan, rien ne change.",
     [("ministère des Affaires étrangères", "ORG"), ("Azerbaïdjan", "LOC")],
     "ministère des Affaires étrangères de l’Azerbaïdjan"),
    ("Le conseil municipal de Marseille a voté à l’unanimité.", [("Marseille", "LOC")],
     "conseil municipal de Marseille"),
    ("Elle a étudié à l’université de Potsdam pendant trois ans.", [("université de Potsdam", "LOC")],
     "université de Potsdam"),
])
def test_french_lower_case_bodies_with_a_place_are_one_organisation(kb, text, found, name):
    assert names(text, found, "fr", kb) == [(name, "ORG")]


@pytest.mark.parametrize("text, found", [
    ("Le ministère de l’Intérieur de Gérald Darmanin a réagi.",
     [("ministère de l’Intérieur", "ORG"), ("Gérald Darmanin", "PERSON")]),
    ("Il suit le conseil de Pierre Dupont.", [("Pierre Dupont", "PERSON")]),  # advice, no council
])
def test_french_lower_case_heads_take_no_person_in(kb, text, found):
    assert names(text, found, "fr", kb) == found


def test_a_french_lower_case_body_ends_before_the_person_after_it(kb):
    text = "par la voix du ministère des Affaires étrangères de l’Azerbaïdjan Aykhan Hajizada."
    found = [("ministère des Affaires étrangères", "ORG"), ("Azerbaïdjan", "LOC"), ("Aykhan Hajizada", "PERSON")]
    assert names(text, found, "fr", kb) == [("ministère des Affaires étrangères de l’Azerbaïdjan", "ORG"),
                                            ("Aykhan Hajizada", "PERSON")]


def test_french_museums_libraries_and_orchestras_with_a_place_are_one_organisation(kb):
    text = ("Les œuvres sont à la Bibliothèque nationale de Paris, au Musée municipal de Venise et à "
            "l’Orchestre philharmonique de Malte.")
    found = [("Paris", "LOC"), ("Musée", "LOC"), ("Venise", "LOC"), ("Malte", "LOC")]
    assert names(text, found, "fr", kb) == [("Bibliothèque nationale de Paris", "ORG"),
                                            ("Musée municipal de Venise", "ORG"),
                                            ("Orchestre philharmonique de Malte", "ORG")]


@pytest.mark.parametrize("text, glued, name", [
    ("Julien Canin Candidat de la 1ère circonscription de l'Eure", "Julien Canin Candidat", "Julien Canin"),
    ("a été faite par le ministre de l’Economie Gevorg Papoyan sur sa page.", "Economie Gevorg Papoyan",
     "Gevorg Papoyan"),
    ("ARMÉNIE Photo - Jonathan Lacôte LES ORIGINES", "Photo - Jonathan Lacôte", "Jonathan Lacôte"),
    ("Mme Ian Boucard Affaires culturelles et éducation", "Ian Boucard Affaires culturelles", "Ian Boucard"),
    ("essentielle. Vincent DUCLERT historien et spécialiste", "Vincent DUCLERT historien", "Vincent DUCLERT"),
])
def test_french_people_lose_the_ordinary_words_glued_to_them(kb, text, glued, name):
    assert names(text, [(glued, "PERSON")], "fr", kb) == [(name, "PERSON")]


@pytest.mark.parametrize("text, name", [
    ("Charles le Simple fut roi.", "Charles le Simple"),  # an epithet after a particle
    ("selon Jean Blanc, maire.", "Jean Blanc"),  # two words always stay
])
def test_french_people_keep_their_own_words(kb, text, name):
    assert names(text, [(name, "PERSON")], "fr", kb) == [(name, "PERSON")]


def _merged(text: str, model: list[tuple[str, str]], known: list[tuple[str, str]]) -> list[tuple[str, str]]:
    from newsmon.pipeline import merge_mentions
    return [(m.text, m.label) for m in merge_mentions([at(text, s, lab, "en") for s, lab in model],
                                                      [at(text, s, lab, "en") for s, lab in known], text)]


@pytest.mark.parametrize("text, model, known, merged", [
    ("The U.S. Army Corps of Engineers (USACE) announced", "The U.S. Army Corps of Engineers (USACE", "U.S",
     "The U.S. Army Corps of Engineers"),
    ("Tonight the United States Maritime Alliance came together", "the United States Maritime Alliance",
     "United States", "United States Maritime Alliance"),
    ("the White House Office of Public Engagement hosted", "the White House Office of Public Engagement",
     "White House", "White House Office of Public Engagement"),
])
def test_an_english_body_named_after_a_known_place_wins_over_the_place(text, model, known, merged):
    assert _merged(text, [(model, "ORG")], [(known, "LOC")]) == [(merged, "ORG")]


@pytest.mark.parametrize("text, model, known", [
    ("the U.S.-India Energy Security Partnership will", "U.S.-India Energy Security Partnership", "India"),
    ("Tennessee Valley Authority - Michelle Moore", "Tennessee Valley Authority - Michelle Moore", "Tennessee Valley"),
    ("Iraq’s Council of Representatives voted", "Iraq’s Council of Representatives", "Iraq"),
    ("the New York Times reported", "the New York Times", "New York"),  # no body's head noun
])
def test_a_programme_a_list_or_a_possessive_leaves_the_known_place(text, model, known):
    assert _merged(text, [(model, "ORG")], [(known, "LOC")]) == [(known, "LOC")]


@pytest.mark.parametrize("text, found, name", [
    ("La République de l’Artsakh est dans nos cœurs.", [("Artsakh", "LOC")], "République de l’Artsakh"),
    ("les relations avec l’État d’Arménie répondent", [("Arménie", "LOC")], "État d’Arménie"),
    ("la République islamique d’Iran a dit", [("République islamique", "LOC"), ("Iran", "LOC")],
     "République islamique d’Iran"),
])
def test_a_french_state_s_formal_name_is_one_place(kb, text, found, name):
    assert names(text, found, "fr", kb) == [(name, "LOC")]


def test_a_french_state_member_of_a_body_is_no_formal_name(kb):
    text = "Un État membre de l’UE a voté."
    assert names(text, [("UE", "ORG")], "fr", kb) == [("UE", "ORG")]


@pytest.mark.parametrize("text, glued, found", [
    ("He met Japanese National Security Advisor Akiba Takeo on Friday.",
     "Japanese National Security Advisor Akiba Takeo", [("Akiba Takeo", "PERSON")]),
    ("Infrastructure Coordinator Mitch Landrieu said", "Infrastructure Coordinator Mitch Landrieu",
     [("Mitch Landrieu", "PERSON")]),
    ("Independent Women’s Center for Economic Opportunity Director Patrice Onwuka: “BOOM.",
     "Independent Women’s Center for Economic Opportunity Director Patrice Onwuka",
     [("Independent Women’s Center for Economic Opportunity", "ORG"), ("Patrice Onwuka", "PERSON")]),
])
def test_an_english_post_run_into_a_name_leaves_the_person(kb, text, glued, found):
    assert names(text, [(glued, "ORG")], "en", kb) == found


@pytest.mark.parametrize("text, glued, label, name", [
    ("L’accord d’Angora Madame Aurore BRUNA, Professeure", "Angora Madame Aurore BRUNA", "PERSON", "Aurore BRUNA"),
    ("Son Excellence M. Olivier Decottignies, ambassadeur", "Son Excellence M. Olivier Decottignies", "MISC",
     "Olivier Decottignies"),
    ("le Buste de M. Dikran Khan Kélékian au musée", "Buste de M. Dikran Khan Kélékian", "MISC",
     "Dikran Khan Kélékian"),
])
def test_the_name_after_a_french_title_inside_a_span_is_the_person(kb, text, glued, label, name):
    assert names(text, [(glued, label)], "fr", kb) == [(name, "PERSON")]


def test_a_french_place_keeps_its_title_and_a_party_is_no_person(kb):
    text = "Place Général De Gaulle, le Premier ministre Les Républicains"
    found = [("Place Général De Gaulle", "LOC"), ("Premier ministre Les Républicains", "MISC")]
    assert names(text, found, "fr", kb) == found


def test_french_verb_forms_capitalised_by_a_heading_are_no_names(kb):
    text = "Regardez la vidéo. Recevez notre lettre. Exprimés : 337. Il vit à Vienne."
    found = [("Regardez", "LOC"), ("Recevez", "PERSON"), ("Exprimés", "LOC"), ("Vienne", "LOC")]
    assert names(text, found, "fr", kb) == [("Vienne", "LOC")]  # inside a sentence, a verb's form is a name


def test_a_french_body_runs_over_et_and_a_capitalised_word_before_another_de_phrase(kb):
    text = "Le Conseil des Associations Arméniennes et Arménophiles de Suisse exprime sa préoccupation."
    found = [("Conseil des Associations Arméniennes", "ORG"), ("Arménophiles", "LOC"), ("Suisse", "LOC")]
    assert names(text, found, "fr", kb) == [("Conseil des Associations Arméniennes et Arménophiles de Suisse", "ORG")]


def test_a_french_body_does_not_end_in_et_and_a_name(kb):
    text = "Le Conseil de l’Europe et France Télévisions ont signé."
    found = [("Conseil de l’Europe", "ORG"), ("France Télévisions", "ORG")]
    assert names(text, found, "fr", kb) == found


@pytest.mark.parametrize("text, found", [
    ("As called for in the National Strategy for Countering Domestic Terrorism, agencies act.",
     [("National Strategy for Countering Domestic Terrorism", "ORG")]),
    ("According to the 2020 National Survey on Drug Use and Health, millions needed treatment.",
     [("2020 National Survey on Drug Use and Health", "ORG")]),
])
def test_english_names_headed_by_a_document_before_for_or_on_are_no_bodies(kb, text, found):
    assert [label for _, label in names(text, found, "en", kb)] == ["MISC"]


def test_an_acronym_defined_before_program_names_a_programme_not_a_body(kb):
    text = ("ARPA-H’s new Precision Surgical Interventions (PSI) program aims to deliver tools. The Korea "
            "International Cooperation Agency (KOICA) project is funded, and a liquefied natural gas (LNG) project.")
    found = [("Precision Surgical Interventions", "ORG"), ("PSI", "ORG"),
             ("Korea International Cooperation Agency", "ORG"), ("KOICA", "ORG"), ("LNG", "ORG")]
    assert names(text, found, "en", kb) == [("Precision Surgical Interventions", "MISC"), ("PSI", "MISC"),
                                            ("Korea International Cooperation Agency", "ORG"), ("KOICA", "ORG")]


def test_a_plural_acronym_names_a_kind_not_a_body(kb):
    text = ("This investment will build pathways in manufacturing Electric Vehicles (EVs), EV batteries and "
            "chargers, and fund Historically Black Colleges and Universities (HBCUs).")
    found = [("Electric Vehicles", "ORG"), ("EV", "ORG"), ("Historically Black Colleges and Universities", "ORG")]
    assert names(text, found, "en", kb) == []


def test_no_body_inside_a_defined_document_or_programme(kb):
    text = ("The leaders note the ruling constituted pursuant to the United Nations Convention on the Law of the "
            "Sea (UNCLOS), and the African Growth and Opportunity Act (AGOA) is the cornerstone.")
    found = [("United Nations", "ORG"), ("UNCLOS", "ORG"), ("African Growth", "ORG")]
    assert [(s, label) for s, label in names(text, found, "en", kb) if label != "MISC"] == []


@pytest.mark.parametrize("text, found, kept", [
    ("À LIRE AUSSI : Le marché de Valbonne rouvre", [("LIRE", "ORG")], []),
    ("LIRE AUSSIJeanne Castagnol élue maire", [("LIRE AUSSIJeanne Castagnol", "LOC")],
     [("Jeanne Castagnol", "LOC")]),
    ("À lire aussiLa Rochelle accueille le salon", [("aussiLa Rochelle", "LOC")], [("La Rochelle", "LOC")]),
])
def test_french_read_also_links_are_no_part_of_a_name(kb, text, found, kept):
    assert names(text, found, "fr", kb) == kept


def test_french_bare_plural_states_is_no_place(kb):
    text = "Les États membres et la Moldavie ont signé."
    assert names(text, [("États", "LOC"), ("Moldavie", "LOC")], "fr", kb) == [("Moldavie", "LOC")]


@pytest.mark.parametrize("text, surface", [
    ("The Working Group met twice; the Working Group will report in May.", "Working Group"),
    ("Members renewed their pledge, and the Alliance grew stronger.", "Alliance"),
    ("Teachers serve our Nation every day.", "Nation"),
])
def test_english_bodies_named_again_by_their_generic_noun_are_no_names(kb, text, surface):
    assert names(text, [(surface, "ORG")], "en", kb) == []


def test_english_generic_noun_that_opens_a_name_stays(kb):
    text = "The Alliance for Rural Clinics opened an office."
    assert names(text, [("Alliance for Rural Clinics", "ORG")], "en", kb) == [("Alliance for Rural Clinics", "ORG")]


@pytest.mark.parametrize("text, place, name", [
    ("Le dossier est instruit par la préfecture de l’Aude depuis mars.", "Aude", "préfecture de l’Aude"),
])
def test_french_prefecture_with_its_place_is_one_organisation(kb, text, place, name):
    assert names(text, [(place, "LOC")], "fr", kb) == [(name, "ORG")]
