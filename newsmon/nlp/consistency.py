"""One label per name in an article: the statistical models label each occurrence of a name on its
own context, so an article about a firm or a town gets "Hermès" or "Andelys" as a PERSON in one
sentence and an ORG or LOC in the next. A name a writer repeats keeps its meaning within one story
("one sense per discourse", Gale, Church & Yarowsky 1992; used for NER by Krishnan & Manning 2006),
so the name's occurrences the knowledge base does not know take the label most of them have. A
person's full name opening with a known first name ("Élise Boghossian") is a person wherever the
model put it: the first name is better evidence than a vote of contexts.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.kb import KnowledgeBase
from newsmon.nlp.name_words import is_first_name
from newsmon.text.normalize import fold

_NAMES = ("PERSON", "ORG", "LOC")
_PARTICLES = frozenset(("de", "d'", "d’", "of", "von", "van"))


def harmonise_labels(linked: list[tuple[Mention, str]], kb: KnowledgeBase) -> list[tuple[Mention, str]]:
    """(mention, cleaned surface) pairs with each unknown name relabelled to the label most of its
    occurrences in the article have (a tie leaves every occurrence as it is). Names the knowledge
    base resolved keep their label: the knowledge base knows what they are."""
    votes: dict[str, Counter[str]] = {}
    for m, surface in linked:
        if m.label in _NAMES and not _known(m, kb):
            votes.setdefault(fold(surface), Counter())[m.label] += 1
    people = {fold(surface) for m, surface in linked if m.label == "PERSON" and _full_name(surface)}
    winners: dict[str, str] = {}
    for name, count in votes.items():
        (first, n), *rest = count.most_common()
        if name in people:
            winners[name] = "PERSON"
        elif rest and rest[0][1] < n:
            winners[name] = first
    # A French or English surname alone ("Prevost", "Thompson") that ends a person's full name in the
    # same article ("Robert Prevost": a known first name, no "de" before the last word, as in "Mathilde de
    # Flandre") is that person, whatever label the model put on the lone word.
    surnames = {fold(surface.split()[-1]) for m, surface in linked
                if m.label == "PERSON" and _full_name(surface) and fold(surface.split()[-2]) not in _PARTICLES}
    for m, surface in linked:
        if (m.lang in ("en", "fr") and m.label in ("ORG", "LOC") and " " not in surface
                and fold(surface) in surnames and not _known(m, kb)):
            winners[fold(surface)] = "PERSON"  # the full name is better evidence than a vote
    if not winners:
        return linked
    out = []
    for m, surface in linked:
        label = winners.get(fold(surface)) if m.label in _NAMES and not _known(m, kb) else None
        out.append((replace(m, label=label) if label and label != m.label else m, surface))
    return out


def _full_name(surface: str) -> bool:
    words = surface.split()
    return len(words) >= 2 and is_first_name(words[0])


def _known(m: Mention, kb: KnowledgeBase) -> bool:
    return bool(m.canonical_id) and kb.get(m.canonical_id) is not None
