"""Who is bound by an agreement: parties from linked mentions, "between X and Y" phrases, generic heads
("the Agency"), the article's main actors for "the two sides", and the issuer of a decree.

Parties are named by canonical name (the linker's `canonical_name`); a party is never a place ("in Baku",
"Bakıda", "Bakü'de") nor a state used as a modifier ("Korea's Ministry").
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from newsmon.nlp.agreements.heads import resolve_heads
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.agreements.lists import (az_agents, az_between, comitative_pair, is_collective, longest_run,
                                           name_end, nearest_list, runs, signed_between, title_subject)
# (actors.py and find.py import is_place from here)
from newsmon.nlp.agreements.nonparties import is_markup, is_place, is_share_button, is_source, names_an_event
from newsmon.nlp.agreements.party_names import (merge_parties, name_key, names_document, to_party,
                                                 whole_list_name)
from newsmon.nlp.agreements.pointers import antecedent
from newsmon.nlp.agreements.syntax import between_phrases, counted_group, signer_spans
from newsmon.model import Article, Mention, Party
from newsmon.nlp.kb import SUFFIX_LANGS
from newsmon.nlp.linking import derive_id
from newsmon.nlp.ner import common_stems
from newsmon.text.az import stem_word, strip_case
from newsmon.text.normalize import fold, fold_word

_WORDS = re.compile(r"[^\W\d_]+")
# Words before an ORG that make it the place of a visit, not an actor: "toured the Public Service Hall".
_VENUE_BEFORE = re.compile(r"\b(?:toured|visit(?:ed|s|ing)?|tour\s+of|in|at|visité|visitent)\s+"
                           r"(?:the\s+|l['’]|le\s+|la\s+)?$", re.IGNORECASE)
# az puts the visit after the place: "X ilə tanış olublar", "X-ı ziyarət ediblər", "X-a baş çəkiblər".
_VENUE_AFTER = re.compile(r"^\s+(?:ilə\s+(?:tanış\s+ol|yaxından\s+tanış)|ziyarət\s+et|baş\s+çək)", re.IGNORECASE)


# "U.S.-based", "Chennai-based Lucas TVS": where the next name is at home, never a party itself.
_HOME_OF = re.compile(r"-(?:based|born|headquartered)\b", re.IGNORECASE)
# (en) the capitalised words of a document's name after its "on"/"for", up to an organisation NER found in
# them: "the Agreement on Reciprocal, Fair, and Balanced Trade" ("Balanced Trade"), "a Framework for the
# Digital Economy" -- part of the name, no party of anything
_IN_DOCUMENT_NAME = re.compile(r"\b(?:Agreements?|Framework|Memorand(?:um|a)|Treaty|Accord|Declaration|Statement"
                               r"|Orders?|Plan|Strategy|Protocol|Charter|Compact)\s+(?:on|for)\s+(?:(?:an?|the)\s+)?"
                               r"(?:[A-Z][\w'’.-]*,?\s+(?:(?:and|for|of|the|on)\s+)*)*$")
# "according to the Ministry", "selon le ministère": a source quoted, not necessarily a news outlet
_HEARSAY = re.compile(r"(?:\baccording\s+to|\bselon|\bd['’]après)\s+(?:the\s+|l['’]\s*|le\s+|la\s+|les\s+)?$",
                      re.IGNORECASE)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    lang: str


@dataclass
class PartyContext:
    """What the party finder needs to know about the whole article, computed once."""

    text: str
    mentions: list[Mention]  # ORG, LOC and PERSON mentions, by offset
    lexicons: dict[int, Lexicon] = field(default_factory=dict)  # sentence start -> its lexicon
    sentences: list[Sentence] = field(default_factory=list)
    places: set[str] = field(default_factory=set)  # LOCs only ever named as a place ("in Baku")
    venues: set[int] = field(default_factory=set)  # starts of ORG mentions naming a venue ("toured the Hall")
    lead_end: int = 0  # end of the first body paragraph: title and lead name the main actors
    heads: list[Mention] = field(default_factory=list)  # "the agency" references, resolved to an ORG
    known: set[str] = field(default_factory=set)  # folded words the article writes (for nominatives)
    common: set[str] = field(default_factory=set)  # stems of ordinary words (written in lower case, listed)
    countries: set[str] = field(default_factory=set)  # name keys of the LOCs the knowledge base knows as countries
    regions: set[str] = field(default_factory=set)  # ... and as regions ("Mərkəzi Asiya"), which sign nothing
    sources: set[str] = field(default_factory=set)  # name keys of the outlets the article cites ("© AFP")
    kb: object = None  # the knowledge base (`newsmon.nlp.kb.KnowledgeBase`), when there is one
    _starts: tuple | None = field(default=None, repr=False, compare=False)  # (mentions, their starts)

    @classmethod
    def build(cls, article: Article, sentences: list[Sentence], lexicon_of, kb=None) -> "PartyContext":
        mentions = sorted((m for m in article.mentions if m.label in ("ORG", "LOC", "PERSON")),
                          key=lambda m: m.start)
        text = article.doc.text
        title_end = text.find("\n") if "\n" in text else len(text)
        lead_end = text.find("\n", title_end + 1)
        ctx = cls(text, mentions, sentences=sentences, lead_end=len(text) if lead_end < 0 else lead_end, kb=kb)
        words = _WORDS.findall(text)
        ctx.known = {fold_word(w) for w in words}
        ctx.common = {stem_word(w) for w in words if w[:1].islower()} | common_stems("az")
        # a news source is never a party; an az wire agency ("AZƏRTAC xəbər verir ki") nowhere in the article
        found = [m for sent in sentences for m in ctx.in_sentence(sent) if is_source(m, text, lexicon_of(sent.lang))]
        agencies = {name_key(m) for m in found if m.lang in SUFFIX_LANGS}
        sources = {id(m) for m in found}
        # (an outlet: an organisation, not a body the story merely quotes, "selon le ministère", which may
        # sign elsewhere, nor a place a caption's credit names, "© Keystone-France/Gamma")
        ctx.sources = {name_key(m) for m in found if m.label == "ORG"
                       and not _HEARSAY.search(text[max(0, m.start - 30):m.start])}
        # an event named once as one ("“Caspian Oil and Gas” sərgisi") is one wherever it is named
        events = {name_key(m) for m in ctx.mentions if names_an_event(m, text)}
        starts = {m.start for m in ctx.mentions}
        # (nor is a document NER took for an organisation: "Memorandum of Understanding", "Action Plan"; an
        # organisation's name NER cut inside its list is made whole: `whole_list_name`)
        ctx.mentions = [whole_list_name(_nominative(m, ctx.known), text, starts) for m in ctx.mentions
                        if id(m) not in sources and name_key(m) not in agencies and name_key(m) not in events
                        and not _HOME_OF.match(text, m.end)
                        and not (m.label == "ORG" and m.lang == "en"
                                 and _IN_DOCUMENT_NAME.search(text, max(0, m.start - 120), m.start))
                        and not (m.label == "ORG" and names_document(m.text, lexicon_of(m.lang)))
                        and not is_markup(m) and not is_share_button(m, text)]
        if kb is not None and hasattr(kb, "get"):
            ctx.countries = {name_key(m) for m in ctx.mentions if m.label == "LOC" and m.canonical_id
                             and getattr(kb.get(m.canonical_id), "kind", None) == "country"}
            ctx.regions = {name_key(m) for m in ctx.mentions if m.label == "LOC" and m.canonical_id
                           and getattr(kb.get(m.canonical_id), "kind", None) == "region"}
        named_otherwise: set[str] = set()
        for sent in sentences:
            lex = lexicon_of(sent.lang)
            ctx.lexicons[sent.start] = lex
            for m in ctx.in_sentence(sent):
                if m.label == "LOC" and is_place(m, sent, lex, text):
                    ctx.places.add(name_key(m))
                elif m.label == "LOC":
                    named_otherwise.add(name_key(m))
                elif m.label == "ORG" and (_VENUE_BEFORE.search(text[max(sent.start, m.start - 15):m.start])
                                           or _VENUE_AFTER.search(text[m.end:min(sent.end, m.end + 30)])):
                    ctx.venues.add(m.start)
            ctx.heads += resolve_heads(ctx.mentions, sent, lex, kb)
        ctx.places -= named_otherwise
        return ctx

    def in_sentence(self, sent: Sentence) -> list[Mention]:
        # by bisection over the starts (`build` sorts the mentions): a scan of every mention for each
        # sentence grew with sentences x mentions and was this stage's largest cost on long articles
        if self._starts is None or self._starts[0] is not self.mentions:
            starts = [m.start for m in self.mentions]
            self._starts = (self.mentions, starts if starts == sorted(starts) else None)
        starts = self._starts[1]
        if starts is None:  # (mentions set out of order: scan them)
            return [m for m in self.mentions if sent.start <= m.start and m.end <= sent.end]
        return [m for m in self.mentions[bisect_left(starts, sent.start):bisect_right(starts, sent.end)]
                if m.end <= sent.end]


def _nominative(m: Mention, known: set[str]) -> Mention:
    """An Azerbaijani name the linker could not resolve, named in the nominative ("Ermənistanın" ->
    "Ermənistan") when the article writes that form too, with the id of that name: a party is the same
    whatever case the sentence puts it in."""
    if m.lang not in SUFFIX_LANGS or m.canonical_name and fold(m.canonical_name) != fold(m.text):
        return m
    words = m.text.split()
    last = strip_case(words[-1], known) if words else m.text
    if last == words[-1] or not (fold(last) in known or fold(last).endswith("stan")):
        return m  # only an ending the article itself shows ("Ermənistan" elsewhere), never a guess
    name = " ".join(words[:-1] + [last])
    return replace(m, canonical_name=name, canonical_id=derive_id(name, m.label, m.lang))


def _is_modifier(m: Mention, orgs: list[Mention], text: str) -> bool:
    """A state named as part of an organisation: inside an ORG span, or right before one ("Korea's
    Ministry", "Koreyanın Daxili İşlər Nazirliyi" when the linker split them)."""
    for o in orgs:
        if o.start <= m.start and m.end <= o.end:
            return True
        if o.start >= m.end and re.fullmatch(r"(?:['’]s)?\s*(?:the\s+)?", text[m.end:o.start]):
            return True
    return False


_REGION_STATES = re.compile(r"\s+(?:ölkələri|dövlətləri|countries|states|pays|[ée]tats)", re.IGNORECASE)


# right before a state: the preposition of a partner ("avec l'Azerbaïdjan", "with the United States")
_WITH_BEFORE = re.compile(r"\b(?:avec|with)\s+(?:l['’]\s*|la\s+|le\s+|les\s+|the\s+)?$", re.IGNORECASE)


def candidates(ctx: PartyContext, sent: Sentence, lex: Lexicon) -> tuple[list[Mention], list[Mention]]:
    """(organisations, states) of the sentence that could be parties."""
    mentions = ctx.in_sentence(sent)
    heads = [m for m in ctx.heads if sent.start <= m.start < sent.end]
    orgs = sorted([m for m in mentions if m.label == "ORG"] + heads, key=lambda m: m.start)
    # (a region is no party, "Mərkəzi Asiya və Qafqaz regionlarının əməkdaşlığı", but its countries are one:
    # "Mərkəzi Asiya ölkələri ilə")
    locs = [m for m in mentions if m.label == "LOC" and not is_place(m, sent, lex, ctx.text)
            and not _is_modifier(m, orgs, ctx.text)
            and not (name_key(m) in ctx.regions and not _REGION_STATES.match(ctx.text, m.end))]
    return orgs, locs


def named_states(ctx: PartyContext, sent: Sentence, lex: Lexicon) -> list[Party]:
    """The states the sentence names as actors (no places, no modifiers of an organisation), in order."""
    _, locs = candidates(ctx, sent, lex)
    return _parties(locs)


def states_between(ctx: PartyContext, sent: Sentence, lex: Lexicon) -> list[Party]:
    """The states of the sentence's "between X and Y" ("une paix durable entre l'Arménie et l'Azerbaïdjan",
    which France promotes), none without such a pair: a sentence that only names states ("the US urged
    Armenia ...") does not say who makes peace with whom."""
    _, locs = candidates(ctx, sent, lex)
    group, _ = _between(ctx, sent, lex, locs)
    return _parties(group) if len(group) >= 2 else []


def anaphor_kind(phrase: str) -> str | None:
    """What "the two agencies" / "les deux pays" / "iki ölkə" refers to: "agency", "state" or None (any)."""
    folded = fold(phrase)
    if re.search(r"agenc|agentli|ajans|агентств", folded):
        return "agency"
    # leaders and heads of state sign for their states: "liderlər tərəfindən Birgə Bəyanat imzalandı"
    if re.search(r"countr|pays|olke|ulke|стран|govern|hokumet|leader|lider|dirigeant|presiden|basci|chefs? d", folded):
        return "state"
    return None


@dataclass
class SentenceParties:
    parties: list[Party]
    anaphor: re.Match[str] | None = None  # "the two sides": the sentence defers to the article's actors

    @property
    def kind(self) -> str | None:
        return anaphor_kind(self.anaphor.group()) if self.anaphor else None


def sentence_parties(ctx: PartyContext, sent: Sentence, lex: Lexicon, trigger: tuple[int, int],
                     intergov: bool) -> SentenceParties:
    """The parties the sentence itself names ("between X and Y" first), or the anaphor it uses instead
    ("the two sides", "between the two agencies", "iki kurum arasında")."""
    orgs, locs = candidates(ctx, sent, lex)
    if lex.postposition:
        orgs = [m for m in orgs if not title_subject(m, ctx.text, trigger)]
        locs = [m for m in locs if not title_subject(m, ctx.text, trigger)]
    pool = sorted(orgs + locs, key=lambda m: m.start)
    group, anaphor = _between(ctx, sent, lex, pool)
    if lex.postposition and group and group[0].start > trigger[1] and not signed_between(sent, lex):
        # "Sülh sazişi … Avropa və Mərkəzi Asiya arasında daha çox ticarətə xidmət göstərəcək": a relation
        # the document serves, after it, not its parties (those come before it or before the signing verb)
        orgs, locs = [m for m in orgs if m not in group], [m for m in locs if m not in group]
        pool, group = [m for m in pool if m not in group], []
    if lex.postposition and not anaphor:
        listed = _listed(ctx, sent, lex, trigger)
        if len(listed) >= 2 or (listed and is_collective(listed[0])):
            return SentenceParties(listed)
    if len(group) >= 2:
        return SentenceParties(_parties(group))
    if lex.postposition and not anaphor:
        agents = az_agents(ctx.text, sent.start, trigger, pool, ctx.in_sentence(sent), lex.signing)
        if len(agents) >= 2:  # "A və B tərəfindən imzalanmış Bəyannamə"
            return SentenceParties(_parties(agents))
        pair = comitative_pair(ctx.text, pool, trigger)
        if pair:  # "Rusiya Ukrayna ilə sülh müqaviləsi bağlamağa çalışmalıdır"
            return SentenceParties(_parties(pair))
    if not lex.postposition and not anaphor:
        signed, pointed = _signers(ctx, sent, trigger)
        if len(signed) >= 2 or pointed:  # "Il a signé la pétition": the person the pronoun stands for
            return SentenceParties(signed)
    anaphor = anaphor or lex.anaphor.search(sent.text) or (None if pool else lex.leaders.search(sent.text))
    if anaphor:
        return SentenceParties([], anaphor)
    state_list = longest_run(locs, lex, ctx.text)
    if intergov:
        chosen = locs
    elif len(state_list) >= 3:  # "signed by Azerbaijan, Türkiye, Indonesia and Uganda"
        chosen = state_list
    elif orgs and lex.postposition:
        chosen = _with_conjoined_states(orgs, locs, lex, ctx.text)
    elif len(orgs) == 1 and len(locs) == 1 and name_key(locs[0]) in ctx.countries \
            and _WITH_BEFORE.search(ctx.text, sent.start, locs[0].start):
        # one organisation, and one country it acts with: the two sides ("l'accord gazier qui lie la Commission
        # européenne avec l'Azerbaïdjan"), not the organisation and a guess (a country named otherwise, "a
        # décrit l'Azerbaïdjan comme un partenaire", may be only what the sentence speaks of; a monument, "son
        # jumelage avec le Temple de Garni", is no state)
        chosen = orgs + locs
    else:
        chosen = orgs or locs
    if len(chosen) > 2:
        chosen = nearest_list(chosen, trigger, lex, ctx.text, sent)
    return SentenceParties(_parties(chosen))


def _with_conjoined_states(orgs: list[Mention], locs: list[Mention], lex: Lexicon, text: str) -> list[Mention]:
    """The organisations, and the states coordinated with one of them ("Azərbaycan və Avropa Komissiyası
    ... memoranduma imza atdı"): a state so joined acts with the organisation, where one named apart is
    only what the document is about. (en/fr read such subjects from the parse.)"""
    joined = [m for run in runs(sorted(orgs + locs, key=lambda m: m.start), lex, text)
              if any(m.label == "ORG" for m in run) for m in run if m.label == "LOC"]
    return sorted(orgs + joined, key=lambda m: m.start)


def _signers(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int]) -> tuple[list[Party], bool]:
    """Who the parse says signs: the named subject, agent and partner of the signing verb (people
    included: "l'ambassadrice Kvien a signé ... avec Liana Gasparyan"), places excluded; and whether
    one of them is named by a pointer ("Il a signé", "Ce dernier a signé")."""
    spans = signer_spans(sent.text, sent.lang, (trigger[0] - sent.start, trigger[1] - sent.start))
    lex = ctx.lexicons.get(sent.start)
    found: list[Mention] = []
    pointed = False
    for s, e in spans:
        at = sent.start + s
        if any(f.start <= at < f.end for f in found):
            continue  # a conjunct of a group already read ("... leagues and players associations")
        m = next((m for m in ctx.in_sentence(sent) if m.start <= at < m.end), None)
        if m is None:
            m = next((h for h in ctx.heads if h.start <= at < h.end), None)
        group = counted_group(sent.text, sent.lang, s) if m is None else None
        if group is not None:  # "Fourteen sports leagues and players associations have signed ..."
            name = sent.text[group[0]:group[1]]
            m = Mention(name, "ORG", sent.start + group[0], sent.start + group[1], sent.lang, canonical_id=None,
                        canonical_name=name)
        if m is None and lex is not None:
            m = antecedent(sent.text[s:e], lex, ctx.mentions, ctx.sentences, sent)
            pointed = pointed or m is not None
        if m is not None and not (m.label == "LOC" and lex is not None and is_place(m, sent, lex, ctx.text)) \
                and m not in found:
            found.append(m)
    return _parties(found), pointed


def _listed(ctx: PartyContext, sent: Sentence, lex: Lexicon, trigger: tuple[int, int]) -> list[Party]:
    """The parties of "X, Y ilə Z arasında" read from the words (names NER missed included): the
    phrase nearest before the trigger."""
    before = [m for m in lex.between.finditer(sent.text) if sent.start + m.end() <= trigger[0]]
    if not before:
        return []  # "Sülh sazişi ... Avropa və Mərkəzi Asiya arasında": another relation, not its parties
    m = before[-1]
    parties: list[Party] = []
    mentions = sorted(ctx.mentions + ctx.heads, key=lambda x: x.start)
    for p in az_between(ctx.text, sent.start, sent.start + m.start(), mentions, ctx.common):
        parties = merge_parties(parties, [p])
    return parties


def _parties(mentions: list[Mention]) -> list[Party]:
    out: list[Party] = []
    for m in mentions:
        out = merge_parties(out, [to_party(m)])
    return out


def _between(ctx: PartyContext, sent: Sentence, lex: Lexicon,
             pool: list[Mention]) -> tuple[list[Mention], re.Match[str] | None]:
    """Mentions of a "between X and Y" list, and whether the phrase is anaphoric ("between the two
    agencies", "iki kurum arasında")."""
    m = lex.between.search(sent.text)
    if not m:
        return [], None
    pos, end = sent.start + m.start(), sent.start + m.end()
    if lex.postposition:
        anaphor = lex.anaphor.search(ctx.text[max(sent.start, pos - 30):pos])
        if anaphor:
            return [], anaphor
        before = [c for c in pool if c.end <= pos]
        if not before or pos - before[-1].end > 25:
            return [], None
        group = [before[-1]]
        for c in reversed(before[:-1]):
            if lex.connector.search(ctx.text[name_end(c):group[0].start]):
                group.insert(0, c)
            else:
                break
        return group, None
    window = ctx.text[end:min(sent.end, end + 30)]
    anaphor = lex.anaphor.match(window.lstrip())
    if anaphor:
        return [], anaphor
    after = [c for c in pool if c.start >= end]
    group: list[Mention] = []
    if after and after[0].start - end <= 40:
        group = [after[0]]
        for c in after[1:]:
            if lex.connector.search(ctx.text[name_end(group[-1]):c.start]):
                group.append(c)
            else:
                break
    phrases = _between_phrases(ctx, sent, lex, pool, pos)
    return (phrases if len(phrases) >= max(2, len(group)) else group), None


def _between_phrases(ctx: PartyContext, sent: Sentence, lex: Lexicon, pool: list[Mention],
                     pos: int) -> list[Mention]:
    """The parties of "entre X et Y" as the parse's full noun phrases: the mention a phrase begins with
    ("l'Arménie", "Saint-Cyr"), else the phrase itself when an institution heads it ("le ministère
    égyptien de la Coopération internationale", whose NER mention is at most a fragment). Empty when a
    phrase is neither (a list the parse cut short falls back to the mentions)."""
    found: list[Mention] = []
    for s, e in between_phrases(sent.text, sent.lang, pos - sent.start):
        s, e = sent.start + s, sent.start + e
        named = next((m for m in pool if m.start == s), None)
        if named is None and lex.institution.match(ctx.text, s, e):
            name = ctx.text[s:e]
            named = Mention(name, "ORG", s, e, sent.lang, canonical_id=derive_id(name, "ORG", sent.lang),
                            canonical_name=name)
        if named is None:
            return []
        found.append(named)
    return found
