"""Span rules for English and French mentions: names the stock spaCy models cut, glue or invent.

The models split a name at "of"/"de" ("Western District" + "Pennsylvania", "Conférence des évêques de"
+ "France"), take a post for an organisation ("National Security Advisor", "Secretary of Defense" ->
"Defense"), tag each name of "the Biden-Harris Administration" a PERSON, and take capitalised ordinary
words for names ("Vidéo", "Allies"). Each rule here is written for a construction of the language, not
for an article; `link_mentions` applies them before linking, so the spans it links are the names.
The span conventions are those of corpus/README.md: the longest name wins and nothing is nested in it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.article_acronyms import article_acronyms
from newsmon.nlp.en_codes import degrees, state_codes
from newsmon.nlp.mentions import ABBREVIATION as _ABBREVIATION, is_demonym
from newsmon.nlp.name_spans_en import english_spans
from newsmon.nlp.name_spans_fr import (french_compound_places, french_elided_tails, french_formal_states,
                                       french_person_edges, french_plural_states, french_share_buttons,
                                       french_spans, french_streets, french_titled_people, french_verb_forms)
from newsmon.nlp.name_words import FR_ORG_HEADS, ORG_HEADS_EN, common_words, is_first_name
from newsmon.nlp.read_also import read_also_links
from newsmon.nlp.span_edit import ENTITY as _ENTITY, replace_inside as _replace_inside
from newsmon.text.normalize import fold, read_escapes, slugify

# -- English and French ---------------------------------------------------------------------------

_FEASTS = frozenset(("noel",))  # "la messe de Noël": a feast that is also a first name


def first_names_are_people(mentions: list[Mention], lang: str) -> list[Mention]:
    """A MISC of one word that is a known first name and no ordinary word ("Nicolas", "Anna") is a
    person: the French model tags a lone first name MISC."""
    common = common_words(lang)
    out = []
    for m in mentions:
        word = m.text.strip()
        if (m.label == "MISC" and (m.lang or lang) == lang and " " not in word and word[:1].isupper()
                and word[1:].islower() and fold(word) not in common and fold(word) not in _FEASTS
                and is_first_name(word)):
            m = replace(m, label="PERSON")
        out.append(m)
    return out


# Armenian and Georgian surnames, as French and English news write them ("Gor Sahakyan", "Liana
# Gasparyan", "Lori Antounian", "Irakli Garibashvili"): the stock models call such names LOC or ORG.
# "-ian" also ends English demonyms ("Canadian", "Armenian"): it counts in French only (whose demonyms
# end in "-ien"), after a known first name.
_SURNAME_END = re.compile(r"(?:yan|yants|shvili|dze|ian|iants)$")
# A body named after a family ("Fondation Afeyan", "Institut Zoryan") or an outlet ("The Guardian").
_NOT_FIRST_WORDS = FR_ORG_HEADS | ORG_HEADS_EN | {"the", "le", "la", "les", "musee", "ecole", "lycee", "prix"}


def _title_cased(word: str) -> bool:
    return all(part[:1].isupper() and part[1:].islower() for part in word.split("-"))


def surnames_are_people(mentions: list[Mention], lang: str) -> list[Mention]:
    """A LOC, ORG or MISC of two or three title-cased words ending in an Armenian or Georgian surname
    (see above) is a person; a knowledge-base entity keeps its own label when linking finds it."""
    out = []
    for m in mentions:
        words = m.text.split()
        if (m.label in ("LOC", "ORG", "MISC") and (m.lang or lang) == lang and not m.canonical_id
                and 2 <= len(words) <= 3 and all(_title_cased(w) for w in words)
                and fold(words[0]) not in _NOT_FIRST_WORDS and fold(words[0]) not in common_words(lang)):
            last = fold(words[-1])
            hit = _SURNAME_END.search(last)
            if hit and last != "kenyan" and (not hit.group().endswith("ian")
                                             or lang == "fr" and is_first_name(words[0])):
                m = replace(m, label="PERSON")
        out.append(m)
    return out


def drop_common_words(mentions: list[Mention], lang: str) -> list[Mention]:
    """One-word mentions outside the knowledge base that are ordinary words of `lang` ("Vidéo",
    "Allies", "Photo"), unless the article also uses the word inside a longer person's name
    ("Price" after "Marcus Price"), and people named by ordinary words only (`_ordinary_words_person`)."""
    common = common_words(lang)
    if not common:
        return mentions
    in_names = {fold(w) for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}
    return [m for m in mentions if m.label not in _ENTITY or m.canonical_id or (m.lang or lang) != lang
            or (" " in m.text.strip() and not _ordinary_words_person(m, common))
            or " " not in m.text.strip() and (m.text.isupper() or fold(m.text) not in common
                                              or fold(m.text) in in_names or is_demonym(m.text, lang))]


def _ordinary_words_person(m: Mention, common: frozenset[str]) -> bool:
    """A "person" of several words, each an ordinary word, the first no first name: a title-case heading or
    programme the model took for a person ("Local Failures", "Healthy Schools Campaign", "Build Back Better",
    "Ancien Sénateur", "Photo Progrès"). On 300 en and 300 fr pool articles: 44 and 5, none a person's name
    ("Bill Gates" opens with a first name)."""
    words = read_escapes(m.text)[0].split()
    return m.label == "PERSON" and not is_first_name(words[0]) and all(fold(w) in common for w in words)


_DOMAIN = re.compile(r"(?<![\w@/.-])([A-Za-z][A-Za-z0-9-]{2,}\.(?:com|info|org|net|fr|am|az|ru|eu))(?![\w/@-])")


def source_domains(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """A site named by its bare domain ("armenews.com", "kzhome.info") is the outlet, an ORG; a
    domain inside a link or an address is not."""
    for hit in _DOMAIN.finditer(text):
        across = [m for m in mentions if m.start < hit.end(1) and hit.start(1) < m.end]
        if any(m.label in _ENTITY and (m.start < hit.start(1) or m.end > hit.end(1)) for m in across):
            continue  # inside a longer name
        new = Mention(hit.group(1), "ORG", hit.start(1), hit.end(1), lang)
        mentions = sorted([m for m in mentions if m not in across] + [new], key=lambda m: (m.start, -m.end))
    return mentions


def abbreviation_periods(mentions: list[Mention], text: str) -> list[Mention]:
    """"U.S." and "Jr." keep their period where a match stopped before it (knowledge-base matches do)."""
    out = []
    for m in mentions:
        if m.label in _ENTITY and text[m.end:m.end + 1] == "." and _ABBREVIATION.search(m.text):
            m = replace(m, text=m.text + ".", end=m.end + 1)
        out.append(m)
    return out


# -- Governments --------------------------------------------------------------------------------

# A government named by its country is an organisation: "Government of Nigeria", "gouvernement de la
# République d’Arménie", "Azərbaycan Respublikası Hökuməti". Azerbaijani capitalises it when it names the
# body; "ABŞ hökumətinin" (lower case) is the country and a common noun, as real news is annotated. An
# adjective ("gouvernement arménien") or no country ("the federal government") makes no name.
_GOVERNMENT_BEFORE = {
    "en": re.compile(r"\bGovernment\s+of\s+(?:the\s+)?$"),
    "fr": re.compile(r"\b[gG]ouvernement\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])$"),
}
_GOVERNMENT_AFTER_AZ = re.compile(r"\s+Hökumət(?:i|inin|inə|ini|ində|indən|iylə)(?![\w-])")


def government_names(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """The government of a place the text names, as one ORG over the place's mention. Its canonical name
    is "Government of <the place's canonical name>" when the place is linked, so the az, en and fr
    names of one government share an id."""
    for place in [m for m in mentions if m.label == "LOC" and (m.lang or lang) in ("az", "en", "fr")]:
        lg = place.lang or lang
        if lg == "az":
            hit = _GOVERNMENT_AFTER_AZ.match(text, place.end)
            if not hit:
                continue
            start, end = place.start, hit.end()
        else:
            before = _GOVERNMENT_BEFORE[lg].search(text, max(0, place.start - 40), place.start)
            if not before:
                continue
            start, end = before.start(), place.end
        name = f"Government of {place.canonical_name}" if place.canonical_name else None
        gov = Mention(text[start:end], "ORG", start, end, lg, name and f"org:{slugify(name)}", name)
        if any(m.label in _ENTITY and m is not place and m.start < end and start < m.end
               and not (start <= m.start and m.end <= end) for m in mentions):
            continue  # another name crosses the span: leave it
        mentions = _replace_inside(mentions, gov)
    return mentions


def name_spans(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """Every rule of this module for an article of language `lang` (mentions of other languages in
    it pass through)."""
    mentions = abbreviation_periods(mentions, text)
    mentions = government_names(mentions, text, lang)
    if lang in ("en", "fr"):
        mentions = article_acronyms(mentions, text, lang)
    if lang == "en":
        mentions = english_spans(degrees(state_codes(mentions, text), text), text)
    elif lang == "fr":
        mentions = french_elided_tails(french_plural_states(read_also_links(mentions, text)), text)
        mentions = french_share_buttons(french_streets(french_spans(mentions, text), text), text)
        mentions = french_compound_places(french_formal_states(mentions, text), text)
        mentions = french_person_edges(first_names_are_people(french_titled_people(mentions), lang))
        mentions = french_verb_forms(mentions, text)
    if lang in ("en", "fr"):
        mentions = surnames_are_people(mentions, lang)
        mentions = drop_common_words(mentions, lang)
        mentions = source_domains(mentions, text, lang)
    return mentions
