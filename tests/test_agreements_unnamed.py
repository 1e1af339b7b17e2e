"""A sentence that names no party: the story's actors are guessed only for a bundle of documents or a pronoun
signer (newsmon/nlp/agreements/unnamed.py). The texts are our own, in the shape of real ones."""
from __future__ import annotations

import pytest

from newsmon.nlp.agreements.unnamed import is_bundle, pronoun_signer
from newsmon.nlp.agreements.find import find_agreements
from tests.test_agreements import make_article, names

def _at(text: str, word: str) -> tuple[str, int, int]:
    start = text.index(word)
    return text, start, start + len(word)


@pytest.mark.parametrize("text, word, lang, expected", [
    ("Səfər zamanı 20-dən artıq sənəd imzalandı.", "sənəd", "az", True),
    ("Görüşdə bir sıra saziş imzalanıb.", "saziş", "az", True),
    ("Tərəflər arasında sənədlər imzalanıb.", "sənədlər", "az", True),
    ("10 il əvvəl imzalanmış sazişdə qeyd olunanlar icra edilir.", "sazişdə", "az", False),
    ("Several agreements were signed during the visit.", "agreements", "en", True),
    ("The first contract was awarded today.", "contract", "en", False),
    ("Plusieurs accords ont été conclus.", "accords", "fr", True),
    ("Un accord a été conclu sur la formation du gouvernement.", "accord", "fr", False),
])
def test_a_bundle_is_several_documents(text, word, lang, expected):
    assert is_bundle(*_at(text, word), lang) is expected


def test_one_document_with_no_party_named_gets_no_guessed_parties():
    text = ("Belgique\nLe Parti ruritanien et l'Alliance flamande ont appelé la Ruritanie à assurer le retour des "
            "habitants. Après 236 jours de négociations, un accord a été conclu sur la formation du gouvernement.")
    art = make_article(text, "fr", [("Parti ruritanien", "ORG", "Ruritanian Party"),
                                    ("Alliance flamande", "ORG", "Flemish Alliance")])
    assert find_agreements(art, None) == []


def test_a_bundle_signed_at_a_meeting_is_the_story_actors():
    text = ("Ruritaniya nümayəndə heyəti Bakıda\nİnvestisiya Agentliyi və Ruritaniya Ticarət Palatası nümayəndələri "
            "görüşüb. Görüşdə bir sıra sənəd imzalandı.")
    art = make_article(text, "az", [("İnvestisiya Agentliyi", "ORG", "Investment Agency"),
                                    ("Ruritaniya Ticarət Palatası", "ORG", "Ruritanian Chamber of Commerce")])
    assert [sorted(names(r)) for r in find_agreements(art, None)] == [
        ["Investment Agency", "Ruritanian Chamber of Commerce"]]


@pytest.mark.parametrize("sentence, word, lang, expected", [
    ("Il a signé la lettre d'intention mercredi.", "lettre", "fr", True),
    ("Ils ont ensuite signé un accord.", "accord", "fr", True),
    ("They signed the memorandum on Monday.", "memorandum", "en", True),
    ("They noted the efforts, including the first-of-its-kind Supply Chain Agreement.", "Agreement", "en", False),
    ("Après 236 jours de négociations, un accord a été conclu.", "accord", "fr", False),
    ("Sonra nazirlər tranzit sazişi imzalayıblar.", "sazişi", "az", True),
    ("Bu il tranzit sazişi imzalandı.", "sazişi", "az", False),
])
def test_a_pronoun_signer_points_back_to_the_actors(sentence, word, lang, expected):
    assert pronoun_signer(sentence, sentence.index(word), lang) is expected
