"""Link NER mentions to canonical entities, within an article and across articles and languages.

Order of evidence for each mention: the knowledge base (any name, any language, az case suffixes);
an acronym defined in the same text ("Korea International Cooperation Agency (KOICA)", either way round);
for people, a fuller name of the same person in the same article ("Mr. Mehdiyev" -> "Ülvi Mehdiyev").
Whatever is left gets an id derived from its label and folded name, so "Ülvi Mehdiyev" and
"Ulvi Mehdiyev" share an id in any article even without a KB entry.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.nlp.acronyms import (find_acronym_definitions, long_form_spans, looks_like_acronym, names_a_class,
                                  names_a_thing, programme_acronyms)
from newsmon.nlp.consistency import harmonise_labels
from newsmon.nlp.kb import SUFFIX_LANGS, KBEntity, KnowledgeBase
from newsmon.model import Mention
from newsmon.nlp.az_venues import (az_compass_corridors, az_halls, az_place_heads, az_quoted_venues, az_route_places,
                                   az_venues, before_admin_noun, without_place_head)
from newsmon.nlp.ner import common_stems, without_admin_noun
from newsmon.nlp.en_codes import STATE_IDS, US_STATES
from newsmon.nlp.name_spans import name_spans
from newsmon.nlp.people import corefer_people, female_form
from newsmon.nlp.repeated_names import REPEATED_NAME_LANGS, repeated_names
from newsmon.nlp.span_edit import SpanIndex
from newsmon.nlp.az_org_spans import az_org_spans
from newsmon.nlp.az_names import (az_bracket_tails, az_document_remainders, az_org_chains, az_our_common_nouns,
                                  az_surnames_of_people)
from newsmon.nlp.az_quoted import az_quoted_orgs, az_quoted_places, az_quoted_products
from newsmon.nlp.az_latin_orgs import az_latin_orgs, az_platforms
from newsmon.nlp.az_people import (az_double_surnames, az_initial_names, az_listed_people, az_office_holders,
                                   az_regnal_names, az_surnames_after_first_names)
from newsmon.nlp.event_names import (in_a_numbered_war, in_a_project_name, in_the_popes_title, is_event_name,
                                     names_a_day, names_an_az_place, names_an_event, opens_an_event_name)
from newsmon.nlp.mentions import (LEGAL_FORMS, clean_surface, is_demonym, is_false_positive, is_ordinary_word,
                                  looks_like_person, names_a_document, runs_into_a_law, site_name,
                                  strip_attached_suffix, with_hyphen_suffix)
from newsmon.text.az import POSSESSIVE_CASE_SUFFIXES, SURNAME_STEM_RE, az_stems, in_english_letters, stem_word
from newsmon.text.normalize import fold, fold_word, in_quotes, slugify

_ID_PREFIX = {"PERSON": "person", "ORG": "org", "LOC": "loc", "MISC": "misc"}

# az possessive + case ending on the head word of an organisation name: "Nazirliyinin" -> "Nazirliyi".
_AZ_ORG_CASE = re.compile(r"(?<=[iu])(?:" + "|".join(POSSESSIVE_CASE_SUFFIXES) + ")$")
_WORD = re.compile(r"[^\W\d_]+")
_URL = re.compile(r"\S*(?:https?://|www\.|@)\S*|\S+\.(?:com|org|net|fr|az|ru|info)\b\S*")  # lower case in links says nothing
# Every link holds one of these: text without any (most articles) skips _URL, which `re` tries at every
# position (it opens with \S*).
_URL_MARKS = ("://", "www.", "@", ".com", ".org", ".net", ".fr", ".az", ".ru", ".info")
# A full name with the father's given name: "İlham Heydər oğlu Əliyev" (son of Heydər), "Leyla İlham
# qızı Əliyeva"; Russian "оглы/кызы", romanised "oglu/ogly/gizi". The same person as "İlham Əliyev": it
# is how decrees sign and how official biographies name people. A genitive before "qızı/oğlu"
# ("Berdiməhəmmədovun qızı Oquldjaxan", the daughter of) names another person and is left alone.
_PATRONYMIC = re.compile(r"^(\S+) (?!\S*(?:ov|ev|yev)(?:un|in|ün|ın) )\S+ "
                         r"(?:oğlu|qızı|oglu|ogly|ogli|oghlu|qizi|gizi|kizi|kyzy|оглы|кызы) (\S.*)$", re.IGNORECASE)


# -- public API -----------------------------------------------------------------------------------

def find_known_entities(text: str, lang: str, kb: KnowledgeBase) -> list[Mention]:
    """KB names found directly in `text` (longest match, az suffix-tolerant), already linked."""
    return [
        Mention(text=text[m.start:m.end], label=m.entity.label, start=m.start, end=m.end, lang=lang,
                canonical_id=m.entity.id, canonical_name=m.entity.name)
        for m in kb.find(text, lang)
    ]


def _names_a_document(m: Mention, surface: str, text: str, lang: str) -> bool:
    """The mention names a law, plan or treaty: its cleaned surface does, or (English organisations) NER
    stopped short of the law's head ("Child Tax" Credit) or the page-furniture filter cut it ("Credit")."""
    if names_a_document(surface):
        return True
    return m.label == "ORG" and lang == "en" and (runs_into_a_law(text, m.end) or names_a_document(m.text))


def _bare_known(mentions: list[Mention], kb: KnowledgeBase) -> set[tuple[int, int]]:
    """Spans of words that open a knowledge-base match with no case ending: the first word of a match of
    several words (an az name takes its ending on its last word: "Türk Dövlətləri Təşkilatının"), or a
    one-word match written exactly as one of the entity's names ("Gəncə", not "Gəncədə").
    `az_org_chains` lets such a word open an organisation's name."""
    out = set()
    names: dict[str, set[str]] = {}  # folded names per entity, built once per article
    for m in mentions:
        entity = kb.get(m.canonical_id) if m.canonical_id else None
        if entity is None:
            continue
        first = m.text.split()[0]
        if first != m.text or fold(m.text) in names.setdefault(
                entity.id, {fold(n) for forms in entity.all_names().values() for n in forms}):
            out.add((m.start, m.start + len(first)))
    return out


# "Ministry of Energy of Azerbaijan", "State Tax Service of Azerbaijan": a state's body, named after its state
_OF_A_PLACE = re.compile(r".*\bof (?:the )?(.+)$")
# The words of an international body's name ("European Union", "Organization of Turkic States", "World Health
# Organization", "Non-Aligned Movement"), or a name in capitals ("NATO", "G20", "D-8"). Not every ownerless
# name: a parliament, a party or a federal agency ("State Duma", "Central Intelligence Agency") is a state's
# body though the knowledge base's name does not say which state's.
_INTERNATIONAL = re.compile(r"\b(?:United Nations|European|International|World|Organi[sz]ation|Union|Council of Europe"
                            r"|Cooperation|Movement|Commonwealth|League|Alliance)\b|^[A-Z0-9-]{2,6}$")


def _international(mentions: list[Mention], kb: KnowledgeBase) -> set[tuple[int, int]]:
    """Spans of known international organisations (see _INTERNATIONAL), not a body the knowledge base names
    after its state ("Korea International Cooperation Agency", "Ministry of Energy of Azerbaijan").
    `az_org_chains` does not join a place in the genitive to them."""
    out = set()
    for m in mentions:
        entity = kb.get(m.canonical_id) if m.canonical_id and m.label == "ORG" else None
        if entity is None or not _INTERNATIONAL.search(entity.name):
            continue
        place = _OF_A_PLACE.search(entity.name)
        words = entity.name.split()
        # "... of Azerbaijan", or the state first: "United States Department of State", "Korea ... Agency"
        places = ([place.group(1)] if place else []) + [" ".join(words[:n]) for n in (1, 2, 3) if n < len(words)]
        if not any(getattr(kb.lookup(p, "en"), "kind", None) in ("country", "capital") for p in places):
            out.add((m.start, m.end))
    return out


def link_mentions(mentions: list[Mention], text: str, lang: str, kb: KnowledgeBase) -> list[Mention]:
    """Copies of `mentions` with canonical_id/canonical_name set, labels corrected from the KB and
    false positives dropped. DATE mentions pass through unchanged."""
    definitions = find_acronym_definitions(text)
    # "Precision Surgical Interventions (PSI) program": a programme, named in no other use of its acronym
    defined_programmes = {acronym: definitions.pop(acronym) for acronym in programme_acronyms(text, definitions)}
    programmes = {fold(name) for pair in defined_programmes.items() for name in pair}
    # nothing inside a document's or a programme's name is a body ("United Nations" of "United Nations
    # Convention on the Law of the Sea (UNCLOS)", "African Growth" of "African Growth and Opportunity Act (AGOA)")
    documents = long_form_spans(text, {a: long for a, long in definitions.items() if names_a_document(long)}
                                | defined_programmes)
    if lang in ("en", "fr"):
        mentions = [m for m in mentions if m.label != "ORG"
                    or not any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in documents)]
    by_acronym = {fold(a): long for a, long in definitions.items()}
    by_long = {fold(long): a for a, long in definitions.items()}
    # an acronym of words in lower case names a thing, no actor: "pilotsuz uçuş aparatı (PUA)", "unmanned
    # aerial vehicles (UAV)", "neft emalı zavodlarının (NEZ)"
    common_nouns = {fold(a) for a, long in definitions.items() if names_a_thing(long)}
    # a plural acronym, its singular and its long form name a kind ("Electric Vehicles (EVs)", "... EV batteries")
    common_nouns |= {fold(name) for a, long in definitions.items() if names_a_class(a) for name in (a, a[:-1], long)}

    body = _URL.sub(" ", text) if any(mark in text for mark in _URL_MARKS) else text
    lower = [w for w in _WORD.findall(body) if w[:1].islower()]
    lower_words = {fold_word(w) for w in lower}
    if lang in SUFFIX_LANGS:
        mentions = az_org_spans(az_bracket_tails([without_admin_noun(m) for m in mentions]), text)
        ordinary = {stem_word(w) for w in lower} | common_stems("az")  # words of the article and the language
        chained = az_org_chains(az_document_remainders(mentions), text, ordinary, _bare_known(mentions, kb),
                                _international(mentions, kb))
        mentions = az_platforms(az_latin_orgs(az_quoted_orgs(chained, text), text), text)
        mentions = az_quoted_products(mentions, text)
        mentions = az_regnal_names(az_double_surnames(az_initial_names(mentions, text, lang), text), text)
        mentions = az_listed_people(az_office_holders(mentions, text, ordinary), text, ordinary)
        mentions = az_surnames_after_first_names(mentions, text, ordinary)
        mentions = az_our_common_nouns(mentions, ordinary)
        mentions = az_route_places(az_compass_corridors(az_surnames_of_people(mentions, text, ordinary), text), text)
        countries = {(m.start, m.end) for m in mentions if m.canonical_id and m.label == "LOC"
                     and getattr(kb.get(m.canonical_id), "kind", None) == "country"}
        venues = az_quoted_venues(az_venues(az_place_heads(mentions, text), text, ordinary, countries), text)
        mentions = [replace(m, label="LOC") if m.label == "PERSON" and before_admin_noun(m, text) else m
                    for m in venues]
        mentions = [m for m in mentions
                    if not in_a_numbered_war(m, text) and not in_the_popes_title(m, text) and not names_a_day(m, text)
                    and not in_a_project_name(m, text) and not opens_an_event_name(m, text, mentions)]
    mentions = name_spans(mentions, text, lang)
    linked: list[tuple[Mention, str]] = []  # (mention, cleaned surface)
    for m in mentions:
        if m.label == "DATE":
            linked.append((m, m.text))
            continue
        surface = clean_surface(m.text, m.label, m.lang or lang, keep_article=_article_in_name(m, text))
        entity = _kb_entity(surface, m.lang or lang, kb, text, by_acronym, by_long)
        state = kb.get(m.canonical_id) if m.text in US_STATES and m.canonical_id in STATE_IDS else None
        if state is not None:
            entity = state  # `state_codes` read the letters in context ("Falls Church, VA")
        if entity is None and without_patronymic(surface) != surface:
            entity = _kb_entity(without_patronymic(surface), m.lang or lang, kb, text, by_acronym, by_long)
        if entity is None and m.label == "LOC" and without_place_head(surface) != surface:  # "Avrasiya regionunun"
            entity = _kb_entity(without_place_head(surface), m.lang or lang, kb, text, by_acronym, by_long)
        if entity:
            linked.append((replace(m, label=entity.label, canonical_id=entity.id,
                                   canonical_name=entity.name), surface))
            continue
        ruled = m.canonical_id is not None and kb.get(m.canonical_id) is None  # linked by a span rule: "X"
        if (not ruled and is_false_positive(m, surface)) or fold(strip_attached_suffix(surface)) in common_nouns:
            continue
        if (m.lang or lang) in ("en", "fr") and is_ordinary_word(surface, lower_words):
            continue
        folded = fold(surface)
        if folded in programmes:
            linked.append((replace(m, label="MISC"), surface))
            continue
        long = by_acronym.get(folded) or by_acronym.get(fold(strip_attached_suffix(surface)))
        if long:  # an acronym defined in this text: same id as its long form
            label = "MISC" if names_a_document(long) else _acronym_label(m.label)  # "NSSM": a memorandum
            linked.append((replace(m, label=label, canonical_id=derive_id(long, "ORG", lang),
                                   canonical_name=long), surface))
        elif folded in by_long:  # a long form with its acronym: a document stays one ("American Rescue Plan (ARP)")
            label = "MISC" if m.label != "MISC" and _names_a_document(m, surface, text, m.lang or lang) else m.label
            linked.append((replace(m, label=label, canonical_id=derive_id(surface, "ORG", lang),
                                   canonical_name=surface), surface))
        elif m.label in ("ORG", "LOC", "PERSON") and (_names_a_document(m, surface, text, m.lang or lang)
                                                      or is_demonym(surface, m.lang or lang)):
            linked.append((replace(m, label="MISC"), surface))  # "CHIPS & Science Act", "Haaqa Konvensiyası"
        elif (m.label == "ORG" and names_an_event(surface)) or (m.label in ("ORG", "LOC", "PERSON")
                                                                and is_event_name(surface)):
            linked.append((replace(m, label="MISC"), surface))  # "Sabantuy bayramında", "World Government Summit"
        elif m.label == "ORG" and (m.lang or lang) in SUFFIX_LANGS and names_an_az_place(surface):
            linked.append((replace(m, label="LOC"), surface))  # "Dövlət Bayrağı Meydanında"
        elif m.label in ("ORG", "LOC", "MISC") and looks_like_person(surface):
            linked.append((replace(m, label="PERSON"), surface))
        else:
            linked.append((m, surface))
    if lang in SUFFIX_LANGS:
        linked = az_quoted_places(linked, text)
    linked = corefer_people(harmonise_labels(linked, kb), lang, _derived)
    if lang in SUFFIX_LANGS:  # a place's word is no person's though a full name ends with it
        linked = [(replace(m, label="LOC", canonical_id=None, canonical_name=None)
                   if m.label == "PERSON" and before_admin_noun(m, text) else m, surface) for m, surface in linked]
        linked = list(zip(az_halls([m for m, _ in linked]), [surface for _, surface in linked]))
    linked += _acronym_mentions(text, definitions, [m for m, _ in linked], lang, kb)
    out = [with_hyphen_suffix(_trim_to_surface(_with_derived_id(m, surface, lang), surface), text, lang)
           for m, surface in linked]
    if lang in REPEATED_NAME_LANGS:  # each settled name's other occurrences
        out = repeated_names(out, text, lang, kb, ordinary if lang in SUFFIX_LANGS else lower_words)
    return sorted(out, key=lambda m: (m.start, -m.end))


def _article_in_name(m: Mention, text: str) -> bool:
    """A capitalised article inside a sentence is part of the name ("lu dans Le Figaro"), and so is one
    opening a whole quoted name in Azerbaijani text (“The Guardian” qəzeti, “Le Monde”yə), as real news
    annotates it."""
    first = m.text.split(" ", 1)[0]
    if (m.lang in SUFFIX_LANGS and " " in m.text and first[:1].isupper() and m.start > 0
            and in_quotes(text, m.start, m.end)):
        return True
    return (first[:1].isupper() and fold(first) in ("le", "la", "les") and " " in m.text
            and not re.search(r"(?:^|[.!?:;\n\"“”«»]\s*)$", text[max(0, m.start - 3):m.start]))


def _trim_to_surface(m: Mention, surface: str) -> Mention:
    """Narrow the span to the name itself: "the Rwanda Development Board", "Mme Diop", "KOICA-nın"
    keep their article, title or attached suffix outside the mention, as annotators mark it."""
    if m.label == "DATE" or not surface or surface == m.text:
        return m
    at = m.text.find(surface)
    if at >= 0:
        return replace(m, text=surface, start=m.start + at, end=m.start + at + len(surface))
    # the cleaned name joins its words with plain spaces; the text may hold others ("the Federal\xa0Register")
    hit = re.search(r"\s+".join(map(re.escape, surface.split(" "))), m.text)
    if hit is None:
        return m
    return replace(m, text=hit.group(), start=m.start + hit.start(), end=m.start + hit.end())


def _acronym_mentions(text: str, definitions: dict[str, str], existing: list[Mention], lang: str,
                      kb: KnowledgeBase) -> list[tuple[Mention, str]]:
    """Every use of an acronym the text defines ("... Authority (RISA)") that NER did not mark."""
    taken = SpanIndex([(m.start, m.end) for m in existing])
    added: list[tuple[Mention, str]] = []
    for acronym, long in definitions.items():
        if not looks_like_acronym(acronym) or not acronym.isupper() or fold(acronym) in LEGAL_FORMS \
                or names_a_thing(long):
            continue  # "Məhdud Məsuliyyətli Cəmiyyəti (MMC)": a company's legal form names no one
        entity = kb.lookup(long, lang) or kb.lookup(acronym, lang)
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w])", text):
            if taken.overlaps(hit.start(), hit.end()):
                continue
            if entity:
                m = Mention(acronym, entity.label, hit.start(), hit.end(), lang, entity.id, entity.name)
            elif names_a_document(long):
                continue  # an acronym of a document ("NSSM"), no actor
            else:
                m = Mention(acronym, "ORG", hit.start(), hit.end(), lang, derive_id(long, "ORG", lang), long)
            added.append((m, acronym))
            taken.add(hit.start(), hit.end())
    return added


def derive_id(name: str, label: str, lang: str | None = None) -> str:
    """Id for an entity outside the KB: "<label>:<slug of its normalised name>".

    People's names also go through `person_key`, so the Azerbaijani and the English spelling of one
    name ("Anar Quliyev", "Anar Guliyev"; "Leyla Həsənova", "Leyla Hasanova") give one id."""
    base = _base_form(name, label, lang)
    if label == "PERSON":
        base = person_key(without_patronymic(base))
    return f"{_ID_PREFIX.get(label, 'misc')}:{slugify(base)}"


def without_patronymic(name: str) -> str:
    """"İlham Heydər oğlu Əliyev" -> "İlham Əliyev"; any other name unchanged."""
    m = _PATRONYMIC.match(name)
    return f"{m[1]} {m[2]}" if m else name


# English texts romanise Azerbaijani letters (ə q x ş ç c ğ as a g kh sh ch j gh: `text.az.in_english_letters`,
# which names people outside the KB); reducing both spellings to one key makes "Xəlilov" and "Khalilov" equal. Symmetric, so French "François" and
# "Francois" stay equal too. Keys only: never shown.
_ROMAN_PAIRS = (("kh", "x"), ("sh", "s"), ("ch", "c"), ("gh", "g"), ("j", "c"), ("q", "g"))


def person_key(name: str) -> str:
    """Spelling-independent form of a person's name, for ids."""
    key = fold(name.replace("ə", "a").replace("Ə", "a"))
    for a, b in _ROMAN_PAIRS:
        key = key.replace(a, b)
    return key


# -- helpers --------------------------------------------------------------------------------------

def _kb_entity(surface: str, lang: str, kb: KnowledgeBase, text: str,
               by_acronym: dict[str, str], by_long: dict[str, str]) -> KBEntity | None:
    if not surface:
        return None
    entity = kb.lookup(surface, lang, context=text)
    if entity:
        return entity
    folded = fold(surface)
    if folded in by_acronym:  # an acronym the KB lacks, whose long form it knows
        return kb.lookup(by_acronym[folded], lang, context=text)
    if folded in by_long:  # a long form the KB lacks, whose acronym it knows ("... (SAPSSI)")
        return kb.lookup(by_long[folded], lang, context=text)
    outlet = site_name(surface)  # "armenews.com": the outlet Armenews
    return kb.lookup(outlet, lang, context=text) if outlet else None


def _acronym_label(label: str) -> str:
    return "ORG" if label in ("MISC", "PERSON") else label


def _base_form(name: str, label: str, lang: str | None) -> str:
    """az/tr nominative of a name's last word when its ending is unambiguous."""
    if lang not in SUFFIX_LANGS and lang is not None:
        return name
    words = name.split()
    if not words:
        return name
    last = fold(words[-1])
    if label == "PERSON":
        for stem in az_stems(last):
            if SURNAME_STEM_RE.search(stem) and not female_form(last, stem):
                return " ".join(words[:-1] + [words[-1][: len(stem)]])
    elif label == "ORG" or (label == "LOC" and len(words) > 1):  # "Sabirabad Sənaye Məhəlləsində" -> "... Məhəlləsi"
        m = _AZ_ORG_CASE.search(last)
        if m:
            return " ".join(words[:-1] + [words[-1][: m.start()]])
    return name


def _derived(surface: str, label: str, lang: str | None) -> tuple[str, str]:
    """(id, canonical name) for a mention outside the KB."""
    name = _base_form(surface, label, lang)
    if label == "PERSON":
        # an Azerbaijani person outside the KB is named as English writes the name, like the KB's people
        name = without_patronymic(name)
        name = in_english_letters(name) if lang == "az" else name
    elif label == "LOC" and lang == "az":
        # a village or a district as English writes it ("Qaradağ" -> "Garadagh"); an acronym stays ("ABŞ")
        name = " ".join(w if strip_attached_suffix(w).isupper() else in_english_letters(w) for w in name.split())
    return derive_id(surface, label, lang), name


def _with_derived_id(m: Mention, surface: str, lang: str) -> Mention:
    if m.canonical_id or m.label == "DATE":
        return m
    cid, name = _derived(surface, m.label, m.lang or lang)
    return replace(m, canonical_id=cid, canonical_name=name)
