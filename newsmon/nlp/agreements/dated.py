"""A document named by the day it was signed ("l'accord de cessez-le-feu du 9 novembre 2020", "la déclaration
du président de la République d'Azerbaïdjan, du Premier ministre de la République d'Arménie et du président de
la Fédération de Russie du 9 novembre 2020"): a signed document, though no verb says so, and the states its
name names are its parties. The words of such a name are each lexicon's `dated_day`."""
from __future__ import annotations

import re

from newsmon.model import Party
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.agreements.parties import PartyContext, Sentence, candidates
from newsmon.nlp.agreements.party_names import merge_parties, to_party

# two signers coordinated in the name
_AND = re.compile(r"\s(?:et|and)\s")


def dated_day(text: str, start: int, end: int, lex: Lexicon, several: bool = False) -> bool:
    """The document word at `start`-`end` of `text`, in lower case, named with the day it was signed. (A
    capitalised title is a named text the reader knows, cited: "la Convention ... du 4 janvier 1969".)
    `several`: and its name names several signers ("du président ..., du Premier ministre ... et du président
    ..."), as a weak word needs (a bare "déclaration" dated by its day is as often one leader's statement)."""
    m = lex.dated_day.match(text, end) if text[start:start + 1].islower() else None
    return m is not None and (not several or _AND.search(m.group()) is not None)


def states_in_name(ctx: PartyContext, sent: Sentence, lex: Lexicon, trigger: tuple[int, int]) -> list[Party]:
    """The states a dated document's name names between its word and its day, two or more ("la déclaration du
    président de la République d'Azerbaïdjan, du Premier ministre de la République d'Arménie et du président
    de la Fédération de Russie du 9 novembre 2020"): its signatories, not the sentence's subject ("La Cour
    note que ..."). None otherwise."""
    if not dated_day(ctx.text, *trigger, lex):
        return []
    end = lex.dated_day.match(ctx.text, trigger[1]).end()
    states = [m for m in candidates(ctx, sent, lex)[1] if trigger[1] <= m.start and m.end <= end]
    parties: list[Party] = []
    for m in states:
        parties = merge_parties(parties, [to_party(m)])
    return parties if len(parties) >= 2 else []
