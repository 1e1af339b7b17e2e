"""One label per unknown name in an article (newsmon.nlp.consistency)."""
from newsmon.model import Mention
from newsmon.nlp.consistency import harmonise_labels
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.kb_file import KBEntity
from newsmon.nlp.linking import link_mentions


def _pairs(*items: tuple[str, str]) -> list[tuple[Mention, str]]:
    return [(Mention(text, label, 10 * i, 10 * i + len(text), "fr"), text) for i, (text, label) in enumerate(items)]


def _labels(pairs: list[tuple[Mention, str]]) -> list[str]:
    return [m.label for m, _ in pairs]


def test_a_name_takes_the_label_most_of_its_occurrences_have():
    pairs = _pairs(("Andelys", "PERSON"), ("Andelys", "LOC"), ("andelys", "LOC"), ("Hermès", "ORG"))
    assert _labels(harmonise_labels(pairs, KnowledgeBase())) == ["LOC", "LOC", "LOC", "ORG"]


def test_a_tie_leaves_every_occurrence_as_it_is():
    pairs = _pairs(("Maduro", "PERSON"), ("Maduro", "ORG"))
    assert _labels(harmonise_labels(pairs, KnowledgeBase())) == ["PERSON", "ORG"]


def test_a_full_name_with_a_known_first_name_stays_a_person():
    pairs = _pairs(("Élise Boghossian", "PERSON"), ("Élise Boghossian", "LOC"), ("Élise Boghossian", "LOC"))
    assert _labels(harmonise_labels(pairs, KnowledgeBase())) == ["PERSON"] * 3


def test_names_the_knowledge_base_resolved_keep_their_label():
    kb = KnowledgeBase([KBEntity(id="georgia", name="Georgia", label="LOC", names={"en": ("Georgia",)})])
    known = Mention("Georgia", "LOC", 0, 7, "en", canonical_id="georgia", canonical_name="Georgia")
    guessed = [(Mention("Georgia", "PERSON", 20 + i, 27 + i, "en"), "Georgia") for i in range(2)]
    out = harmonise_labels([(known, "Georgia")] + guessed, kb)
    assert _labels(out) == ["LOC", "PERSON", "PERSON"]


def test_link_mentions_applies_it():
    text = "Hermès ouvre une usine. Le groupe Hermès recrute. Hermès investit."
    found = [Mention("Hermès", "PERSON", 0, 6, "fr"), Mention("Hermès", "ORG", 34, 40, "fr"),
             Mention("Hermès", "ORG", 50, 56, "fr")]
    assert [m.label for m in link_mentions(found, text, "fr", KnowledgeBase())] == ["ORG"] * 3


def test_a_lone_surname_of_a_person_named_in_full_is_that_person():
    pairs = _pairs(("Robert Prevost", "PERSON"), ("Prevost", "ORG"), ("Prevost", "ORG"), ("Tumo Mannheim", "PERSON"),
                   ("Mannheim", "LOC"), ("Mathilde de Flandre", "PERSON"), ("Flandre", "LOC"))
    assert _labels(harmonise_labels(pairs, KnowledgeBase())) == ["PERSON"] * 4 + ["LOC", "PERSON", "LOC"]
    az = [(Mention("Prevost", "ORG", 30, 37, "az"), "Prevost"), (Mention("Robert Prevost", "PERSON", 0, 14, "az"),
                                                                   "Robert Prevost")]
    assert _labels(harmonise_labels(az, KnowledgeBase())) == ["ORG", "PERSON"]  # Azerbaijani left to its rules
