"""(fr) A document whose name says whose it is by a pair of nationality adjectives ("un accord de paix
arméno-azerbaïdjanais", "des accords policiers franco-allemands", "les protocoles arméno-turcs"): the two
states are its parties, whatever else the sentence names (a mediator, the body that praises it). NER tags no
adjective, so the states come from the knowledge base by their French names.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmon.model import Party
from newsmon.text.normalize import fold

if TYPE_CHECKING:
    from newsmon.nlp.kb import KnowledgeBase

# Within the document's first words (its complement and an adjective: "de paix", "policiers"), one hyphenated
# pair of words
_PAIR = re.compile(r"(?:\s+[\w’']+){0,3}?\s+([^\W\d_]+)-([^\W\d_]+)\b")
# The folded start of each half (a combining form, "arméno-", "franco-", or the adjective, "allemands",
# "turque") and the French name of its state in the knowledge base; longer starts are tried first
_STATES = {
    "armen": "Arménie", "azerbaidjan": "Azerbaïdjan", "azer": "Azerbaïdjan", "franc": "France",
    "allemand": "Allemagne", "germano": "Allemagne", "russ": "Russie", "turc": "Turquie", "turqu": "Turquie",
    "americ": "États-Unis", "iran": "Iran", "georgi": "Géorgie", "ukrain": "Ukraine", "ital": "Italie",
    "britanni": "Royaume-Uni", "anglo": "Royaume-Uni", "anglais": "Royaume-Uni", "israel": "Israël",
    "sino": "Chine", "chinois": "Chine", "indo": "Inde", "indien": "Inde", "egypt": "Égypte", "grec": "Grèce",
    "greco": "Grèce", "belg": "Belgique", "helvet": "Suisse", "suisse": "Suisse", "kazakh": "Kazakhstan",
    "ouzbek": "Ouzbékistan", "japon": "Japon", "nippo": "Japon", "canad": "Canada", "polon": "Pologne",
    "espagn": "Espagne", "hispano": "Espagne", "syr": "Syrie", "liban": "Liban", "irak": "Irak",
}
_STARTS = sorted(_STATES, key=len, reverse=True)


def _state(word: str) -> str | None:
    folded = fold(word)
    return next((_STATES[s] for s in _STARTS if folded.startswith(s)), None)


def adjective_states(text: str, trigger_end: int, kb: KnowledgeBase | None) -> list[Party]:
    """The two states of the adjective pair in the document's name after `trigger_end`, from `kb`; none
    when there is no such pair, one half is no known nationality, or there is no knowledge base."""
    m = _PAIR.match(text, trigger_end)
    if m is None or kb is None or not hasattr(kb, "lookup"):
        return []
    names = [_state(m.group(1)), _state(m.group(2))]
    if None in names or names[0] == names[1]:
        return []
    parties = []
    for word, name in zip((m.group(1), m.group(2)), names):
        entity = kb.lookup(name, "fr")
        if entity is None or entity.kind != "country":
            return []
        parties.append(Party(text=word, name=entity.name, canonical_id=entity.id))
    return parties
