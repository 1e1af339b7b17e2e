"""A party's name and identity: the canonical key two mentions of one party share, a company's legal form
left out of its name, parties merged without repeats, and a capital that signs read as its state.
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention, Party
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.linking import derive_id
from newsmon.text.normalize import fold


def name_key(m: Mention | Party) -> str:
    """The folded canonical name: one key per entity, whatever the surface."""
    if isinstance(m, Party):
        return fold(m.name)
    return fold(m.canonical_name or m.text)


def to_party(m: Mention) -> Party:
    return Party(text=m.text, name=_CORPORATE.sub("", m.canonical_name or m.text) or m.text,
                 canonical_id=m.canonical_id)


# A company's legal form is no part of its name as a party: "Regeneron Pharmaceuticals, Inc."
_CORPORATE = re.compile(r",?\s+(?:Inc|Ltd|LLC|Corp|Co|PLC|plc|GmbH|AG|S\.?A|SAS|MMC|ASC|QSC)\.?$")


# A name whose complement is a list, cut before the list's last item ("President’s Council on Sports,
# Fitness" of "... Sports, Fitness, and Nutrition"; "Bureau of Alcohol, Tobacco, Firearms, and Explosives"),
# and that last item, capitalised words after "and"/"&" ("..., and Health and Human Services")
_LIST_CUT = re.compile(r"\b(?:on|of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:,\s+[A-Z][\w'’-]*)+$")
_LIST_END = re.compile(r",?\s+(?:and|&)\s+([A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*)")


def whole_list_name(m: Mention, text: str, starts: set[int]) -> Mention:
    """The organisation `m` with the last item of the list its name ends in, which NER left out
    ("President’s Council on Sports, Fitness" -> "..., and Nutrition"), unless that item is a name of its
    own (`starts`: where mentions start; "University of California, Berkeley, and Agostinho Neto
    University"). The canonical name follows when the linker kept the surface."""
    end = _LIST_END.match(text, m.end) if m.label == "ORG" and _LIST_CUT.search(m.text) else None
    if end is None or end.start(1) in starts:
        return m
    name = text[m.start:end.end()]
    canonical = name if not m.canonical_name or fold(m.canonical_name) == fold(m.text) else m.canonical_name
    cid = m.canonical_id if canonical == m.canonical_name else derive_id(canonical, m.label, m.lang)
    return replace(m, text=name, end=end.end(), canonical_name=canonical, canonical_id=cid)


def merge_parties(first: list[Party], more: list[Party]) -> list[Party]:
    """`first` then the parties of `more` not already there (same canonical name)."""
    out = list(first)
    names = {fold(p.name) for p in out}
    for p in more:
        if fold(p.name) not in names:
            out.append(p)
            names.add(fold(p.name))
    return out


# A city as such: twinned cities, a city hall, a municipality sign for the city, not its state.
_CITY_WORDS = re.compile(r"\b(?:city|cities|municipal\w*|mayor\w*|sister|twin\w*|ville|villes|mairie|maire|"
                         r"jumel\w*|şəhər\w*|bələdiyy\w*|qardaşlaş\w*|meriya\w*|belediye\w*|kardeş\w*)\b",
                         re.IGNORECASE)


def capitals_as_states(parties: list[Party], sentence: str, kb) -> list[Party]:
    """A capital that signs stands for its state ("entre Erevan et Bakou", "Moscow and Kyiv agreed"): the
    knowledge base's `kind = "capital"` places become their country (`parent`), merged with that country
    when the record names it too ("Russia" and "Moscow" are one party). Not where the sentence speaks of
    cities as such (twinned cities, a mayor, a municipality): those bind the city."""
    if kb is None or not hasattr(kb, "get") or _CITY_WORDS.search(sentence):
        return parties
    out: list[Party] = []
    for p in parties:
        entity = kb.get(p.canonical_id) if p.canonical_id else None
        state = kb.get(entity.parent) if entity is not None and entity.kind == "capital" and entity.parent \
            else None
        out = merge_parties(out, [Party(text=p.text, name=state.name, canonical_id=state.id) if state else p])
    return out


def names_document(name: str, lex: Lexicon) -> bool:
    """A name that ends with a document word of `lex` ("Memorandum of Understanding", "the PAVE Action
    Plan", en "a Security of Supply Arrangement"): a document NER took for an organisation, no party."""
    end = len(name.rstrip())
    return any(m.end() == end for _, p in lex.types for m in p.finditer(name)) \
        or any(m.end() == end for m in lex.named_weak.finditer(name)) \
        or any(m.end() == end for m in lex.object_word.finditer(name))
