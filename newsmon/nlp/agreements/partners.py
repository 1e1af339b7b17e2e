"""Documents in the plural that one side signed with each of several partners: one record per partner.

    az: "X ilə … A, B və C arasında sazişlər imzalanıb"         -> X–A, X–B, X–C
    en: "The United States signed trade agreements with Malaysia and Cambodia"  -> US–Malaysia, US–Cambodia
    en: "The MCC Compacts signed earlier this year with the governments of Lesotho and Malawi"
    fr: "La France a signé des accords de coopération avec l'Arménie, la Géorgie et le Kazakhstan"

A singular document of several parties stays one ("… A, B və C arasında Memorandum": one memorandum of
four; "an agreement with Malaysia and Cambodia"). In en/fr the partners are read from the words after
"with"/"avec" (a name NER missed or mislabelled, "Lesotho" as a person, still counts), each the mention
that covers it when there is one. (And `named_partner`: the partner named right after a document and
"with", which a sentence's "both parties" does not replace.)
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention, Party
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.agreements.actors import salient
from newsmon.nlp.agreements.lists import AZ_WITH, comitative_list
from newsmon.nlp.agreements.parties import PartyContext, Sentence, candidates
from newsmon.nlp.agreements.party_names import merge_parties, name_key, to_party
from newsmon.nlp.agreements.records import Candidate, is_plural
from newsmon.text.normalize import fold

# Between the plural document word and "with": its kind or a short verb phrase, no clause break
# ("agreements of understanding with", "Compacts signed earlier this year with", "accords de coopération avec")
_WITH = {
    "en": re.compile(r"(?:\s+(?!(?:and|but|which|that|who)\b)(?:of\s+)?[\w$.-]+){0,5}?\s+with\s+(?:the\s+)?"
                     r"(?:(?:governments?|cities|firms|companies)\s+of\s+(?:the\s+)?)?", re.IGNORECASE),
    "fr": re.compile(r"(?:\s+(?!(?:et|mais|qui|que|dont)\b)(?:d['’]\s*)?[\w'’$.-]+){0,5}?\s+avec\s+"
                     r"(?:les\s+(?:gouvernements|villes)\s+(?:de\s+|d['’]\s*))?(?:l['’]\s*|la\s+|le\s+|les\s+)?",
                     re.IGNORECASE),
}
# One partner's name: capitalised words, "of"/"de" inside ("Bank of Georgia", "Agence française de
# développement" is cut at its lower-case word, which still gives its start)
_NAME = re.compile(r"[A-ZÀ-ÖØ-Þ][\w.&'’-]*(?:\s+(?:of\s+(?:the\s+)?|de\s+(?:la\s+)?|du\s+|des\s+|d['’]\s*)?"
                   r"[A-ZÀ-ÖØ-Þ][\w.&'’-]*)*")
_SEPARATOR = {
    "en": re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?"),
    "fr": re.compile(r"\s*,\s*(?:et\s+)?(?:l['’]\s*|la\s+|le\s+|les\s+)?|\s+et\s+(?:l['’]\s*|la\s+|le\s+|les\s+)?"),
}
_LAST = {"en": re.compile(r"\band\b"), "fr": re.compile(r"\bet\b")}
# Types a side signs with several partners (a decree binds its issuer, a charter its organisation)
_WITH_PARTNERS = ("agreement", "memorandum", "protocol", "other")


def per_partner(cand: Candidate, ctx: PartyContext, lex: Lexicon) -> list[Candidate]:
    """The candidate, or one candidate per partner when its plural document was signed with each of a list;
    a document the US executive concluded with a partner binds the United States and it (`_executive_side`)."""
    if lex.postposition:
        ours = _with_us(cand, ctx, lex)
        return ours if ours is not None else _per_partner_az(cand)
    return [_executive_side(c, ctx, lex) for c in _per_partner_with(cand, ctx, lex)]


# Before an English document "with" a partner: the US President, Vice President or Administration as its
# actor ("President Donald J. Trump announced the second agreement with ... AstraZeneca", "the Biden
# Administration signed a MOU with Ghana"), or a fact sheet's subjectless bullet ("- Signing Nuclear
# Cooperation Memorandum of Understanding with Kenya"): the other side is the United States.
_US_EXECUTIVE = re.compile(
    r"\b(?:Vice\s+)?President\s+(?:(?:Donald|Joe|Joseph|Barack|Kamala|JD|J\.|R\.)\s+)*(?:Trump|Biden|Obama|Harris"
    r"|Vance)\b|\b(?:Trump|Biden|Biden-Harris|Obama)(?:[-\s]Vance)?\s+Administration\b|\bthe\s+Administration\b"
    r"|^\W*(?:Signing|Announcing|Concluding|Finali[sz]ing|Launching)\b")
_UNITED_STATES = ("loc:united-states", "United States")
_WITH_WORD = re.compile(r"\bwith\b")
_PARTNER_REACH = 60


def _executive_side(cand: Candidate, ctx: PartyContext, lex: Lexicon) -> Candidate:
    """The candidate bound to the United States and its partner when the US executive concluded it with a
    partner the sentence names right after the document (`named_partner`) and names no other side itself
    (the rest guessed from the article's actors, often an agency named elsewhere)."""
    sent = cand.sentence
    if cand.own_parties > 1 or not _by_us_executive(cand, ctx):
        return cand
    partner = named_partner(ctx, sent, lex, (cand.trigger_start, cand.trigger_end))
    if not partner and cand.own_parties == 1:
        # (or the one side the sentence names, a little after the document and "with": "the second agreement
        # with a major pharmaceutical company, AstraZeneca")
        at = ctx.text.find(cand.parties[0].text, cand.trigger_end, sent.end)
        if 0 <= at - cand.trigger_end <= _PARTNER_REACH and _WITH_WORD.search(ctx.text, cand.trigger_end, at):
            partner = cand.parties[:1]
    us = _us_party(ctx)
    if not partner or fold(partner[0].name) == fold(us.name):
        return cand
    return replace(cand, parties=[us, partner[0]], own_parties=2)


def _by_us_executive(cand: Candidate, ctx: PartyContext) -> bool:
    """An English document of partners the US executive concluded: the President, Vice President or
    Administration is named before it, with no person or other state between them (who would be the one
    who concluded it: "President Biden welcomed Turkey's conclusion of a trilateral agreement with
    Finland", "congratulated President Erdoğan on the agreement he reached with ...")."""
    sent = cand.sentence
    if sent.lang != "en" or cand.type not in _WITH_PARTNERS:
        return False
    cue = _US_EXECUTIVE.search(ctx.text[sent.start:cand.trigger_start])
    if cue is None:
        return False
    between = [m for m in ctx.in_sentence(sent) if sent.start + cue.end() <= m.start < cand.trigger_start]
    return not any(m.label == "PERSON" or name_key(m) in ctx.countries - {fold(_UNITED_STATES[1])}
                   for m in between)


def _us_party(ctx: PartyContext) -> Party:
    cid, name = _UNITED_STATES
    entity = ctx.kb.get(cid) if ctx.kb is not None and hasattr(ctx.kb, "get") else None
    return Party(text=name, name=entity.name if entity is not None else name, canonical_id=cid)


def _per_partner_az(cand: Candidate) -> list[Candidate]:
    """"X ilə … A, B və C arasında sazişlər imzalanıb": one record per partner, each binding X and it."""
    word = _trigger_word(cand)
    if cand.type == "decree" or len(cand.parties) < 3 or cand.own_parties < 3 \
            or not is_plural(word, cand.sentence.lang):
        return [cand]
    text = cand.sentence.text
    first, second = text.find(cand.parties[0].text), text.find(cand.parties[1].text)
    if first < 0 or second < 0 or not AZ_WITH.search(text, first + len(cand.parties[0].text), second):
        return [cand]
    hub = cand.parties[0]
    return [replace(cand, parties=[hub, partner], own_parties=2, merged=[]) for partner in cand.parties[1:]]


# az: the first person plural of signing, "we signed" ("imzalamışıq", "imzaladıq", "imza atdıq", "bağladıq")
_WE_SIGNED = re.compile(r"\b(?:imzala|bağla)(?:dıq|mışıq|mışdıq)\b|\bimza\s+at(?:dıq|mışıq)\b", re.IGNORECASE)


def _with_us(cand: Candidate, ctx: PartyContext, lex: Lexicon) -> list[Candidate] | None:
    """ "Türkiyə, Özbəkistan və Rusiya ilə müttəfiqlik bəyannaməsi imzalamışıq", "biz Özbəkistanla ... Müqavilə
    imzaladıq": we, the speaker's country, signed with each partner of the comitative list, one document each;
    the speaker's country is the story's main one besides the partners. None when the sentence is no such
    signing (or no country is left to speak)."""
    sent = cand.sentence
    if cand.type not in _WITH_PARTNERS or not _WE_SIGNED.search(sent.text, cand.trigger_end - sent.start):
        return None
    orgs, locs = candidates(ctx, sent, lex)
    partners = comitative_list(ctx.text, sorted(orgs + locs, key=lambda m: m.start),
                               (cand.trigger_start, cand.trigger_end))
    if not partners:
        return None
    listed = [to_party(m) for m in partners]
    # (who says "we" in the Azerbaijani press is, as a rule, an Azerbaijani official: of the 11 sentences
    # with a document and "we signed" in the whole az pool, 10 are President Aliyev's, the 11th an Italian
    # minister's at a joint ceremony; else the story's main country)
    home = [to_party(m) for m in ctx.mentions if m.label == "LOC" and m.canonical_id == lex.home]
    speaker = [p for p in home[:1] if fold(p.name) not in {fold(x.name) for x in listed}] \
        or salient(ctx, sent, listed, "country", 1)
    if not speaker:
        return None
    return [replace(cand, parties=[speaker[0], partner], own_parties=1, merged=[]) for partner in listed]


def _per_partner_with(cand: Candidate, ctx: PartyContext, lex: Lexicon) -> list[Candidate]:
    """"signed agreements with A, B and C": one record per listed partner, each with the side that signed
    them (`_hub`), when there is one."""
    lang = cand.sentence.lang
    if cand.type not in _WITH_PARTNERS or lang not in _WITH or not is_plural(_trigger_word(cand), lang):
        return [cand]
    partners = _listed_partners(cand, ctx)
    if len(partners) < 2:
        return [cand]
    hub = _hub(cand, ctx, lex, {fold(p.name) for p in partners} | {fold(p.text) for p in partners})
    return [replace(cand, parties=merge_parties([hub] if hub else [], [partner]), own_parties=1 + (hub is not None),
                    merged=[]) for partner in partners]


def _hub(cand: Candidate, ctx: PartyContext, lex: Lexicon, listed: set[str]) -> Party | None:
    """The side that signed with each partner: the organisation or state the sentence names nearest before
    the document ("Since the start of the Biden-Harris Administration, MCC has also signed agreements
    with ..."; "La France a signé des accords ... avec l'Arménie, la Géorgie et le Kazakhstan", where the
    party finder kept the list only), else the United States when the US executive concluded them
    ("President Donald J. Trump announced nine new agreements with ..."), else the candidate's first party
    not listed."""
    orgs, locs = candidates(ctx, cand.sentence, lex)
    before = [to_party(m) for m in sorted(orgs + locs, key=lambda m: m.start) if m.end <= cand.trigger_start]
    us = [_us_party(ctx)] if _by_us_executive(cand, ctx) else []
    return next((p for p in [*reversed(before), *us, *cand.parties]
                 if fold(p.name) not in listed and fold(p.text) not in listed), None)


# words between "with" and the partner that only qualify it: "U.S. firm", "the French company"
_QUALIFIER = re.compile(r"(?:[A-Z][\w.'’-]*\s+)*(?:(?!(?:and|or|et|ou)\b)[a-z]+\s+){0,2}")


def named_partner(ctx: PartyContext, sent: Sentence, lex: Lexicon, trigger: tuple[int, int]) -> list[Party]:
    """The organisation or state named right after the document and "with"/"avec" ("a Memorandum of
    Understanding with Kenya"): the partner, even where the sentence then says "both parties"."""
    pattern = _WITH.get(sent.lang)
    with_ = pattern.match(ctx.text, trigger[1], sent.end) if pattern else None
    if with_ is None:
        return []
    orgs, locs = candidates(ctx, sent, lex)
    # an organisation a state only qualifies comes first ("with U.S. firm Boeing"), then a name right there
    near = [m for m in orgs if with_.end() <= m.start <= with_.end() + 20
            and _QUALIFIER.fullmatch(ctx.text, with_.end(), m.start)]
    near += [m for m in orgs + locs if with_.end() <= m.start <= with_.end() + 4]
    return [to_party(m) for m in near][:1]


def _listed_partners(cand: Candidate, ctx: PartyContext) -> list[Party]:
    """The names listed after "with"/"avec" right after the trigger: two or more, the last after "and"/"et"."""
    lang, sent = cand.sentence.lang, cand.sentence
    with_ = _WITH[lang].match(ctx.text, cand.trigger_end, sent.end)
    if with_ is None:
        return []
    spans, end = _names(ctx.text, with_.end(), sent.end, lang), sent.end
    group = _GROUP.get(lang)
    group = group.match(ctx.text, with_.end(), sent.end) if group and not spans else None
    if group is not None:
        # "nine new agreements with major pharmaceutical companies ... - The nine manufacturers include A, B,
        # ..., and I": the group's members, listed by the next sentence (as many as the count says)
        nxt = next((s for s in ctx.sentences if s.start >= sent.end), None)
        members = _MEMBERS.match(nxt.text) if nxt is not None else None
        if members is not None:
            spans, end = _names(ctx.text, nxt.start + members.end(), nxt.end, lang), nxt.end
            counts = {_count(c) for c in (_COUNT_BEFORE.search(ctx.text, sent.start, cand.trigger_start),
                                          members) if c is not None and c.group("n")} - {None}
            if counts and counts != {len(spans)}:
                spans = []
    mentions = [m for m in ctx.mentions if cand.trigger_end <= m.start and m.end <= end]
    return merge_parties([], [to_party(_covering(s, e, mentions) or _bare(ctx.text[s:e], s, e, lang))
                              for s, e in spans])


def _names(text: str, pos: int, end: int, lang: str) -> list[tuple[int, int]]:
    """The spans of a list of two or more names from `pos`, the last after "and"/"et"; empty when the words
    there are no list of names ("with Tribes, Alaska Native Corporations, and consortiums")."""
    spans, sep = [], ""
    while True:
        name = _NAME.match(text, pos, end)
        if name is None:
            return []
        spans.append((name.start(), name.end()))
        if _LAST[lang].search(sep):
            return spans  # the name after "and" closes the list
        after = _SEPARATOR[lang].match(text, name.end(), end)
        if after is None:
            return []
        sep, pos = after.group(), after.end()


# A group named instead of the partners ("with major pharmaceutical companies"), and the next sentence
# that lists its members ("- The nine manufacturers include Amgen, ..., and Sanofi.")
_GROUP_NOUN = r"(?:companies|manufacturers|firms|producers|makers|automakers|insurers|banks)"
_GROUP = {"en": re.compile(r"(?:[\w-]+\s+){0,3}?" + _GROUP_NOUN + r"\b")}
_MEMBERS = re.compile(r"[-–•*\s]*(?:the|these|those)\s+(?:(?P<n>\w+)\s+)?(?:[a-z][\w-]*\s+){0,2}?" + _GROUP_NOUN
                      + r"\s+(?:include|includes|included|are|were)\s*:?\s+", re.IGNORECASE)
# the count right before the plural document ("announced nine new agreements")
_COUNT_BEFORE = re.compile(r"\b(?P<n>\w+)\s+(?:(?:new|more|additional|separate)\s+)?$")
_NUMBERS = {w: i for i, w in enumerate("two three four five six seven eight nine ten eleven twelve thirteen "
                                       "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split(), 2)}


def _count(m: re.Match[str]) -> int | None:
    """The number a count word gives ("nine", "14"), else None (an adjective: "new", "major")."""
    word = m.group("n").lower()
    return int(word) if word.isdigit() else _NUMBERS.get(word)


def _covering(start: int, end: int, mentions: list[Mention]) -> Mention | None:
    """The mention of the listed name: one that overlaps it and does not run on into the next name (NER
    glues some lists into one span, "Codagenix and Gritstone": then the words alone name the partner). (It
    may take in an article: "the Government of Tanzania" for "Government of Tanzania".)"""
    return next((m for m in mentions if start - 4 <= m.start < end and start < m.end <= end), None)


def _bare(name: str, start: int, end: int, lang: str) -> Mention:
    """A listed name no mention covers, as an organisation of its own words."""
    return Mention(name, "ORG", start, end, lang, canonical_id=None, canonical_name=name)


def _trigger_word(cand: Candidate) -> str:
    text = cand.sentence.text[cand.trigger_start - cand.sentence.start:cand.trigger_end - cand.sentence.start]
    return text.split()[-1]
