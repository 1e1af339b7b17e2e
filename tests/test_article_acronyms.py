"""An acronym the article tags alone as an organisation is that organisation at each of its uses
(newsmon/nlp/article_acronyms.py): signature blocks and lists of organisers, as real news writes them."""
from __future__ import annotations

from newsmon.model import Mention
from newsmon.nlp.article_acronyms import article_acronyms


def at(text: str, surface: str, label: str, lang: str = "fr", after: int = 0) -> Mention:
    start = text.index(surface, after)
    return Mention(surface, label, start, start + len(surface), lang)


def spans(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in mentions]


def test_a_glued_ordinary_word_is_cut_and_a_lone_misc_is_the_organisation():
    text = "L’AAMC organise la fête. Serge Tateossian Président AAMC Ancien Président de ANSA. Contact : AAMC"
    found = [at(text, "AAMC", "ORG"), at(text, "Serge Tateossian", "PERSON"),
             at(text, "AAMC Ancien", "PERSON"), at(text, "AAMC", "MISC", after=80)]
    assert spans(article_acronyms(found, text, "fr")) == [
        ("AAMC", "ORG"), ("Serge Tateossian", "PERSON"), ("AAMC", "ORG"), ("AAMC", "ORG")]


def test_a_use_no_mention_covers_is_added_and_a_person_glued_on_is_cut_free():
    text = "L’ANSA et la mairie. Liste : AAMC ANSA S. Tateossian V. Seraidarian."
    found = [at(text, "ANSA", "ORG"), at(text, "ANSA S. Tateossian V. Seraidarian", "PERSON")]
    assert spans(article_acronyms(found, text, "fr")) == [
        ("ANSA", "ORG"), ("ANSA", "ORG"), ("S. Tateossian V. Seraidarian", "PERSON")]


def test_a_name_that_holds_the_acronym_stays_whole():
    text = "The UN said so. The UN Human Rights Council met in Geneva."
    found = [at(text, "UN", "ORG", "en"), at(text, "UN Human Rights Council", "ORG", "en")]
    assert spans(article_acronyms(found, text, "en")) == [("UN", "ORG"), ("UN Human Rights Council", "ORG")]
    text = "L’OTAN se réunit. Le Sommet de l’OTAN et OTAN Alliés ont conclu."
    found = [at(text, "OTAN", "ORG"), at(text, "Sommet de l’OTAN", "MISC")]
    assert spans(article_acronyms(found, text, "fr")) == [("OTAN", "ORG"), ("Sommet de l’OTAN", "MISC"),
                                                         ("OTAN", "ORG")]


def test_no_acronym_tagged_alone_changes_nothing_and_capitalised_words_are_no_acronyms():
    text = "À LIRE AUSSI : la PLACE de la mairie. LIRE la suite."
    found = [at(text, "LIRE", "ORG"), at(text, "PLACE", "LOC")]
    assert spans(article_acronyms(found, text, "fr")) == [("LIRE", "ORG"), ("PLACE", "LOC")]


def test_english_uses_are_relabelled_not_added():
    text = "CISA leads. The IRA passed. A task force co-chaired by CISA and the IRA said so."
    found = [at(text, "CISA", "ORG", "en"), at(text, "IRA", "ORG", "en"), at(text, "CISA", "LOC", "en", after=10)]
    assert spans(article_acronyms(found, text, "en")) == [("CISA", "ORG"), ("IRA", "ORG"), ("CISA", "ORG")]
