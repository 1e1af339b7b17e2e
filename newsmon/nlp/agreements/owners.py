"""Whose plan a sentence names: the name right before it followed by an adopting verb ("Vice President
Harris announced an EV Charging Action Plan"), with the names "and" joins to it (two bodies issuing one
plan), or the owner in the possessive ("President Biden’s Trucking Action Plan")."""
from __future__ import annotations

import re

from newsmon.model import Mention, Party
from newsmon.nlp.agreements.lexicon import FR_IMPLEMENTED_BY, Lexicon
from newsmon.nlp.agreements.parties import PartyContext, Sentence
from newsmon.nlp.agreements.partners import named_partner
from newsmon.nlp.agreements.party_names import merge_parties, to_party


def plan_owner(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int], lex: Lexicon) -> Mention | None:
    """The person, organisation or place that adopts a plan in this sentence: the nearest name before it
    whose next words are an adopting verb ("Vice President Harris announced an EV Charging Action Plan",
    "la Région Auvergne-Rhône-Alpes adoptait un plan de soutien")."""
    for m in reversed(ctx.in_sentence(sent)):
        if m.end > trigger[0] or trigger[0] - m.end > 90:
            continue
        # the nearest name before the plan is its owner only if an adopting verb follows it
        return m if lex.adopts.search(ctx.text[m.end:trigger[0]]) else None
    return None


# What joins two owners of one plan: "and", after a comma or an acronym ("the Department of Energy (DOE) and
# the Department of the Interior (DOI) issued a comprehensive action plan"); and an acronym after its name.
_CO_OWNER = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?,?\s*and\s+(?:the\s+)?")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*")
_LIST_COMMA = re.compile(r"\)?\s*(?:\([^()]{1,20}\)\s*)?,\s*(?:the\s+)?")


def co_owners(ctx: PartyContext, owner: Mention) -> list[Mention]:
    """The plan's owner and those "and" joins to it right before it: a plan two bodies issue is both's.
    An acronym in brackets stands for the name before it."""
    before = [m for m in ctx.mentions if m.end <= owner.start]
    owners = [owner]
    for m in reversed(before):
        gap = ctx.text[m.end:owners[-1].start]
        if _ACRONYM_AFTER.fullmatch(gap):
            owners[-1] = m
        elif (_CO_OWNER.fullmatch(gap) or len(owners) > 1 and _LIST_COMMA.fullmatch(gap)) \
                and (m.label == "LOC") == (owner.label == "LOC"):
            owners.append(m)  # ("A, B and C": a comma joins only once "and" has)
        else:
            break
    out: list[Mention] = []
    for m in reversed(owners):
        if all((m.canonical_id or m.text) != (o.canonical_id or o.text) for o in out):
            out.append(m)
    return out


# (en) a possessive and the plan's own capitalised name between an owner and its plan: "President Biden’s
# Trucking Action Plan", "the Administration's Housing Supply Action Plan"
_POSSESSIVE_NAME = re.compile(r"['’]s\s+(?:[A-Z][\w-]*\s+)*$")


def possessive_owner(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int]) -> Mention | None:
    """The person or organisation whose plan the sentence names it as ("the work through President Biden’s
    Trucking Action Plan" is the President's, not the Department's the sentence names first)."""
    m = next((m for m in reversed(ctx.in_sentence(sent)) if m.end <= trigger[0]), None)
    if m is None or m.label not in ("PERSON", "ORG") or not _POSSESSIVE_NAME.fullmatch(ctx.text, m.end, trigger[0]):
        return None
    return m


# (en) a possessive and common words only between a side and its document: "Air India’s historic agreement",
# "the Department of Commerce’s preliminary agreement", "Israel’s peace and normalization agreements"
_POSSESSIVE_COMMON = re.compile(r"['’]s\s+(?:[a-z$\d][\w$.,-]*\s+){0,4}")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w'’.-])(?!The\s)(?:[A-Z][\w'’.&-]*\s+)+$")


def possessive_side(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int], lex: Lexicon) -> list[Party]:
    """The two sides of a document named as one side's "with" the other ("Air India’s historic agreement with
    Boeing", "Brightline’s agreement with California"): the possessor and the partner after "with"; none
    when either is missing (the possessor alone is no side: "Today’s trade deal with the U.K.")."""
    if sent.lang != "en":
        return []
    m = next((m for m in reversed(ctx.in_sentence(sent)) if m.end <= trigger[0]), None)
    # (an organisation or a state: "President Trump’s trade deal with the U.K." is his country's)
    if m is None or m.label not in ("ORG", "LOC") or not _POSSESSIVE_COMMON.fullmatch(ctx.text, m.end, trigger[0]):
        return []
    partner = named_partner(ctx, sent, lex, trigger)
    if not partner:
        return []
    # a name NER cut is read whole: "Air India’s historic agreement" where NER found "India" is Air India's
    cut = _CAPITALISED_BEFORE.search(ctx.text, max(sent.start, m.start - 40), m.start)
    side = Party(text=ctx.text[cut.start():m.end], name=ctx.text[cut.start():m.end]) if cut else to_party(m)
    return merge_parties([side], partner)


# (fr) a bare programme word, then the verb of a body carrying it out and the body ("un programme éducatif ...
# mis en œuvre par la FAST"): what the programme trigger's lookahead asks for (lexicon.FR), up to the body
BARE_PROGRAMME = re.compile(r"programmes?", re.IGNORECASE)
_IMPLEMENTED_BY = re.compile(rf"[^.;]{{0,120}}?{FR_IMPLEMENTED_BY}\s+(?:l['’]\s*|le\s+|la\s+|les\s+)?", re.IGNORECASE)


def implementer(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int]) -> Mention | None:
    """The organisation a bare programme word is carried out by in this sentence, named right after "mis en
    œuvre par" ("la FAST"); None for any other trigger, or when no organisation stands there ("par l'ONG
    « Initiatives éducatives »" that NER left untagged: then the programme is none the rules can bind, and
    the places of the sentence are no parties of it)."""
    if not BARE_PROGRAMME.fullmatch(ctx.text, trigger[0], trigger[1]):
        return None
    m = _IMPLEMENTED_BY.match(ctx.text, trigger[1], sent.end)
    if m is None:
        return None
    return next((o for o in ctx.in_sentence(sent) if o.start == m.end() and o.label == "ORG"), None)
