"""Agreements as records: memoranda, agreements, protocols, decrees, programmes and charters an article mentions.

Rule-based and sentence by sentence, in the language of each paragraph:

    sentence with a type trigger ("memorandum", "sazişi", "décret", "mutabakat zaptı", "соглашение")
    -> status from the status verbs ("signed", "imzalanacaq", "ratifié"): planned if the nearest says so,
       else the latest stage named
    -> parties (newsmon.nlp.agreements.parties): "between X and Y", else the sentence's organisations (states
       for intergovernmental agreements), generic heads ("the Agency"), else the article's main actors
    -> date_signed: the nearest date of the sentence that is not a deadline, a period or a range;
       "today"/"bu gün" = the publication date; none for planned agreements
    -> place: a LOC introduced by "in"/"à" or carrying a locative suffix ("Bakıda", "Bakü'de")
    -> mentions of the same agreement (same type, compatible parties and date; bare references such as
       "under the memorandum") merged into one record; the headline joins the body's record.

A sentence's status cues and dates go to its nearest trigger, so "the memorandum replaces an agreement
concluded in 2014" dates the agreement, not the memorandum. Decrees are bound by their issuer.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from newsmon.nlp.agreements.lexicon import Lexicon, lexicon
from newsmon.nlp.agreements.lists import is_collective
from newsmon.nlp.agreements.records import Candidate, merge, to_record
from newsmon.nlp.agreements.partners import named_partner, per_partner
from newsmon.nlp.agreements.issuer import in_office, issuer, numbered_order_issuer, unnamed_us_president
from newsmon.nlp.agreements.actors import salient
from newsmon.nlp.agreements.owners import (BARE_PROGRAMME, co_owners, implementer, plan_owner, possessive_owner,
                                           possessive_side)
from newsmon.nlp.agreements.voted import another_voted, is_voted, voting_body
from newsmon.nlp.agreements.unnamed import is_bundle, pronoun_signer
from newsmon.nlp.agreements.adjective_pair import adjective_states
from newsmon.nlp.agreements.cited import cited_in, reported
from newsmon.nlp.agreements.dated import dated_day, states_in_name
from newsmon.nlp.agreements.parties import (PartyContext, Sentence, is_place, named_states, sentence_parties,
                                             states_between)
from newsmon.nlp.agreements.nonparties import places_naming_the_document
from newsmon.nlp.agreements.party_names import capitals_as_states, merge_parties, names_document, to_party
from newsmon.nlp.agreements.sentences import split_sentences
from newsmon.nlp.agreements.signing_date import date_signed
from newsmon.nlp.agreements.syntax import parse_many
from newsmon.nlp.agreements.titles import is_heading, proper_name, title
from newsmon.nlp.agreements.triggers import (distance, find_triggers, nearest, split_numbered_lists,
                                              split_between_lists, split_purpose_lists, split_titled_lists)
from newsmon.model import Agreement, Article, DateMention
from newsmon.nlp.dates.common import iso_day

if TYPE_CHECKING:
    from newsmon.nlp.kb import KnowledgeBase

# Types whose records may have a single party: a decree binds its issuer, a charter its organisation.
_SINGLE_PARTY = ("decree", "charter")
# How far into a headline a joint statement's name may start and still title the page ("U.S.-Mexico Joint
# Declaration", "Joint Statement by President Biden and ...")
_HEADLINE_LEAD = 20
# "within the framework of" right after the trigger: the agreement is being implemented
_FRAMEWORK = re.compile(r"^\w*\s+(?:çərçivəsində|çerçevesinde)\b", re.IGNORECASE)
def find_agreements(article: Article, kb: KnowledgeBase | None = None) -> list[Agreement]:
    """Every agreement the article mentions, one record per agreement, in order of first mention.

    `kb` (a `newsmon.nlp.kb.KnowledgeBase`) is optional: it only resolves generic heads ("the Agency")
    the article's own linked mentions cannot.
    """
    return find_agreements_many([article], kb)[0]


def find_agreements_many(articles: Sequence[Article], kb: KnowledgeBase | None = None) -> list[list[Agreement]]:
    """`find_agreements` for each article, with the en/fr sentences whose parse the rules may read
    parsed first in one batch per language (`syntax.parse_many`: a third of the cost of parsing them
    one at a time): a sentence with a trigger other than a decree's, in a language whose parse gives
    signers. A few turn out not to need it (the words name both parties). Same records as one by one."""
    prepared = []
    pending = []
    for article in articles:
        sentences = split_sentences(article.doc.text, article.segments, article.lang)
        found = [find_triggers(sent, lexicon(sent.lang)) for sent in sentences]
        prepared.append((sentences, found))
        pending += [(sent.lang, sent.text) for sent, triggers in zip(sentences, found)
                    if not lexicon(sent.lang).postposition and any(t[0] != "decree" for t in triggers)]
    parse_many(pending)
    return [_find(article, sentences, found, kb) for article, (sentences, found) in zip(articles, prepared)]


def _find(article: Article, sentences: list[Sentence], found: list[list[tuple[str, int, int]]],
          kb: KnowledgeBase | None) -> list[Agreement]:
    text = article.doc.text
    if not any(found):
        return []  # most articles name no agreement: no need for the party context, the costliest part
    ctx = PartyContext.build(article, sentences, lexicon, kb)
    title_end = text.find("\n") if "\n" in text else len(text)
    body_dates = [d for d in sorted(article.dates, key=lambda d: d.start) if d.start > title_end]
    headline_end = _subtitle_end(text, title_end)
    candidates: list[Candidate] = []
    for sent, sent_triggers in zip(sentences, found):
        lex = lexicon(sent.lang)
        # "Fərman Salmanov" is a person, "North Atlantic Treaty Organization" an organisation
        # ... but "Lead Pipe and Paint Action Plan", tagged ORG, is the plan's own name (and in en any document's,
        # one or two: "a Security of Supply Arrangement and Reciprocal Defense Procurement Arrangement", "the
        # Ratepayer Protection Pledge"), and a name inside
        # the document's words is one of them ("Memorandum of Understanding" with "Understanding" a LOC)
        named = [(m.start, m.end, m.label) for m in ctx.in_sentence(sent) if m.label in ("PERSON", "LOC", "ORG")]
        triggers = [t for t in sent_triggers
                    if not any(s < t[2] and t[1] < e and not (t[0] == "programme" and label == "ORG" and e == t[2])
                               and not (sent.lang == "en" and label == "ORG" and _ends_as(text, e, t))
                               and not _document_name(t, s, e, label, text)
                               and not (t[1] <= s and e <= t[2] and e - s < t[2] - t[1])
                               for s, e, label in named)]
        if lex.postposition:
            triggers = split_between_lists(sent, split_titled_lists(sent, triggers), lex)
        heads = {t[1] for t in triggers}
        triggers = split_purpose_lists(sent, split_numbered_lists(sent, triggers))
        # a named strategy counts only as the one its owner releases in this sentence ("the Biden-Harris
        # Administration released the National Cybersecurity Strategy"), never cited ("our Indo-Pacific Strategy")
        triggers = [t for t in triggers if not (t[0] == "programme" and _STRATEGY.match(text, t[1], t[2]))
                    or plan_owner(ctx, sent, (t[1], t[2]), lex) is not None]
        # a bare programme word counts only with the organisation that carries it out ("mis en œuvre par la FAST")
        triggers = [t for t in triggers if not (t[0] == "programme" and BARE_PROGRAMME.fullmatch(text, t[1], t[2]))
                    or implementer(ctx, sent, (t[1], t[2])) is not None]
        here: list[Candidate] = []
        for type_, t_start, t_end in triggers:
            cand = _candidate(type_, (t_start, t_end), triggers, sent, ctx, article, body_dates, lex,
                              headline=sent.end <= headline_end)
            if not cand.own_parties and type_ != "decree" and candidates and \
                    lex.possessive.search(sent.text[:t_start - sent.start]):
                # "Its charter": the agreement belongs to whoever the previous one bound
                cand.parties = list(candidates[-1].parties)
            if here and here[-1].type == type_ and t_start not in heads:
                # "Executive Orders 13836, 13837", "orders to A, and to B": a list's later items share its
                # head's owner and stage
                head = here[-1]
                cand.parties, cand.own_parties, cand.status = list(head.parties), head.own_parties, head.status
                if not text[t_start:t_end].isdigit() and not head.definite:
                    # "signed Executive Orders to A, and to B": orders not told before (a bare plural)
                    head.indefinite = True
                cand.definite, cand.indefinite = head.definite, head.indefinite
            another_voted(cand, candidates + here, lex)  # "La deuxième résolution a également été adoptée"
            published = iso_day(article.doc.published)
            if cand.headline and type_ == "other" and cand.status is None and published is not None \
                    and t_start - sent.start <= _HEADLINE_LEAD:
                # a page titled "Joint Statement on ..." is the statement, issued the day it is published
                cand.status, cand.date_signed = "signed", {"value": published.isoformat(), "precision": "day"}
            here += per_partner(cand, ctx, lex)
        _share_list_verbs(here)
        for c in here:  # before merging: "Bakı ilə İrəvan arasında Saziş" is the one told of Azerbaijan and Armenia
            c.parties = capitals_as_states(c.parties, c.sentence.text, kb)
            c.own_parties = min(c.own_parties, len(c.parties))
        candidates += here
    _peace_of_named_states(candidates)
    # a record bound to nobody, not even the article's actors, is a figure of speech ("conclut un accord
    # avec le grand-père")
    # and a document the story only cites or names as a kind is no record (newsmon.nlp.agreements.cited)
    records = [c for c in merge(candidates, cited_in(text[:title_end]))
               if (c.parties or c.anaphoric) and reported(c, text[:title_end])]
    for c in records:  # a road map is found as its owner's programme and reported as "other" (`Lexicon.road_map`)
        if c.type == "programme" and lexicon(c.sentence.lang).road_map.search(text, c.trigger_start, c.trigger_end):
            c.type = "other"
    return [to_record(c, text) for c in records]


def _ends_as(text: str, end: int, trigger: tuple[str, int, int]) -> bool:
    """The span ending at `end` ends with the trigger's document word: the document's own name, tagged as an
    organisation ("the Project Arrangement", "a Security of Supply Arrangement and Reciprocal Defense
    Procurement Arrangement" with the first trigger)."""
    word = text[trigger[1]:trigger[2]].split()[-1]
    return end >= trigger[2] and text[end - len(word):end] == word


# right after a document word opening a name: its complement ("Protocoles de Zurich", "Treaty of Kars",
# "Presidential Proclamation on Black Maternal Health Week")
_NAME_COMPLEMENT = re.compile(r"\s+(?:de|du|des|of|on)\s|\s*d['’]", re.IGNORECASE)


def _document_name(trigger: tuple[str, int, int], start: int, end: int, label: str, text: str) -> bool:
    """A place or person NER made of a document's name ("les « Protocoles de Zurich » ont été signés",
    tagged LOC): the name opens with the document word and its complement. (A person named like a
    document, "Fərman Salmanov", has no complement; an organisation keeps its name.)"""
    return label in ("LOC", "PERSON") and start == trigger[1] and trigger[2] < end \
        and bool(_NAME_COMPLEMENT.match(text, trigger[2]))


# a subtitle: a short line with no full stop under the headline ("Vice President Harris Will Announce
# Presidential Memorandum in Remarks in Florida", "The Biden-Harris Administration announces U.S. commitments
# to implement the Declaration on U.S.-Pacific Partnership")
_SUBTITLE = re.compile(r"[^\n]{1,220}?(?<![.!?:;])(?=\n)")


def _subtitle_end(text: str, title_end: int) -> int:
    """Where the headline ends, its subtitle included: a subtitle names the body's documents again, as the
    headline does, and joins their records rather than standing as one of its own."""
    m = _SUBTITLE.match(text, title_end + 1)
    return m.end() if m else title_end


def _share_list_verbs(here: list[Candidate]) -> None:
    """Documents listed in one sentence ("A, B and C were signed") share the verb and its date: a
    member with no status of its own takes the next member's."""
    for i in range(len(here) - 2, -1, -1):
        c, nxt = here[i], here[i + 1]
        if c.type == nxt.type and c.status is None and nxt.status is not None:
            c.status, c.date_signed = nxt.status, c.date_signed or nxt.date_signed


_STRATEGY = re.compile(r"Strateg(?:y|ies)\b")
# "Dövlət Proqramı": a programme of the state, which the President adopts (az trigger text)
_STATE_PROGRAMME = re.compile(r"dövlət\s", re.IGNORECASE)


# -- one candidate ------------------------------------------------------------------------------------

def _candidate(type_: str, trigger: tuple[int, int], triggers: list[tuple[str, int, int]], sent: Sentence,
               ctx: PartyContext, article: Article, body_dates: list[DateMention], lex: Lexicon,
               headline: bool) -> Candidate:
    status = _status(sent, trigger, triggers, lex)
    anaphoric = peace = False
    owner = plan_owner(ctx, sent, trigger, lex) or implementer(ctx, sent, trigger) if type_ == "programme" else None
    # (a plan named as someone's is theirs, at whatever stage the sentence tells: none dates it)
    possessor = possessive_owner(ctx, sent, trigger) if type_ == "programme" and owner is None else None
    voted = is_voted(sent, trigger, lex)
    if type_ == "decree" or (type_ == "programme" and _STATE_PROGRAMME.match(ctx.text, trigger[0])):
        # a state programme is adopted by the head of state's decree: its party is the issuer
        parties = issuer(ctx, sent, lex, trigger)
        own = len(parties)
    elif type_ == "programme" and lex.ordered.search(ctx.text, sent.start, trigger[0]):
        # "The order directs the development of an AI Action Plan": a plan to come, the order's issuer's
        parties, status = issuer(ctx, sent, lex, trigger), "planned"
        own = len(parties)
    elif voted:  # a resolution binds the body that adopts it, and it alone
        parties = voting_body(ctx, sent, lex, trigger)
        own = len(parties)
    elif owner is not None:
        # "President Trump created an Maritime Action Plan": the plan is its owner's, and adopted
        # ("the Task Force (PAVE) released the PAVE Action Plan": the owner's acronym is its name)
        owners = co_owners(ctx, owner)
        parties, own = [to_party(m) for m in owners], len(owners)
        status = status or "signed"
    elif possessor is not None:
        parties, own = [to_party(possessor)], 1
    elif type_ != "programme" and len(sides := possessive_side(ctx, sent, trigger, lex)) == 2:
        parties, own = sides, 2  # "Air India’s historic agreement with Boeing"
    else:
        intergov = bool(lex.intergov.search(sent.text))
        # a peace treaty binds states, as an intergovernmental agreement does ("sülh sazişi", "traité de paix"):
        # the states the sentence names, else those of the sentence before it in the paragraph ("une paix
        # durable entre l'Arménie et l'Azerbaïdjan. Il demande la signature du traité de paix"), else the
        # story's countries (never its most named organisation, often the outlet that interviews)
        peace = bool(lex.between_states.search(ctx.text, sent.start, trigger[0])
                     or lex.states_after.match(ctx.text, trigger[1]))
        found = sentence_parties(ctx, sent, lex, trigger, intergov or peace)
        # (the states the document's own name names: "la déclaration du président de ... du 9 novembre 2020",
        # "un accord de paix arméno-azerbaïdjanais")
        found.parties = states_in_name(ctx, sent, lex, trigger) \
            or (adjective_states(ctx.text, trigger[1], ctx.kb) if sent.lang == "fr" else []) or found.parties
        if peace and not found.anaphor and len(found.parties) < 2:
            found.parties = merge_parties(found.parties, _previous_states(ctx, sent, lex))[:2]
        anaphoric = bool(found.anaphor)
        if found.anaphor:
            kind = found.kind or ("state" if intergov or peace else None)
            # "the two countries" means first the states this very sentence names ("iki ölkə arasında
            # ... ölkənizin və Ermənistanın"), then the article's main ones
            # (and the partner named right after the document: "Signing a MoU with Kenya to signal that both
            # parties seek ...")
            partner = named_partner(ctx, sent, lex, trigger)
            named = merge_parties(partner, named_states(ctx, sent, lex) if kind == "state" else [])
            if peace and len(named) < 2:
                named = merge_parties(named, _previous_states(ctx, sent, lex))
            parties = merge_parties(named[:2], salient(ctx, sent, named[:2], kind, 2 - len(named[:2])))
            own = len(partner)
        else:
            # a document NER took for an organisation ("the PAVE Action Plan", "U.S. EXIM-Tanzania Memorandum
            # of Understanding") is no party of itself
            named_after = places_naming_the_document(ctx, sent, trigger)  # "les Conventions de Genève"
            parties = [p for p in found.parties if not names_document(p.text, lex) and p.text not in named_after]
            own = len(parties)
            # (the partner of a document the addressee signed stands alone: "Vous aviez signé ... avec X")
            by_addressee = len(parties) == 1 and lex.addressee.search(sent.text[:trigger[0] - sent.start])
            # (a state ratifies a treaty alone: "l'Azerbaïdjan a ratifié les Conventions de Genève"; a plan
            # the sentence gives an owner is the owner's: "The VA ... its 2021 Climate Action Plan")
            # (and a contract awarded is the awarding body's: "Amtrak recently awarded a contract for ...")
            if type_ not in _SINGLE_PARTY and len(parties) < 2 and not any(map(is_collective, parties)) \
                    and not by_addressee and not (parties and (status == "ratified" or type_ == "programme"
                                                               or _joined_alone(ctx.text, sent, trigger, lex))) \
                    and not (parties and _awarded(sent, trigger, triggers, lex)):
                # a joint statement or declaration with no party named but a state is the states' the
                # story is about (organisations sign memoranda; a person signs an open letter alone), and so is
                # the other side of any document whose one named side is a state ("un accord de coopération
                # nucléaire avec les États-Unis" in an Armenian minister's speech: Armenia, not the most named
                # organisation)
                kind = "state" if intergov else None
                of_states = all((p.canonical_id or "").startswith("loc:") for p in parties)
                guessed = salient(ctx, sent, parties, "country", 2 - len(parties)) \
                    if (type_ == "other" or parties) and of_states or peace else []
                # (a sentence that names no party gets the story's actors only for a bundle of documents or
                # a pronoun signer: see unnamed.py)
                if len(parties) + len(guessed) < 2 and not peace \
                        and (parties or intergov or is_bundle(ctx.text, *trigger, lex.code)
                             or pronoun_signer(sent.text, trigger[0] - sent.start, lex.code)):
                    guessed = salient(ctx, sent, parties, kind, 2 - len(parties))
                parties = merge_parties(parties, guessed)
    when = date_signed(sent, trigger, triggers, article, lex, status, body_dates) if status != "planned" else None
    if type_ == "decree":  # a President issues decrees in his own term ("1996-cı il ... tarixli Fərman")
        parties = numbered_order_issuer(ctx, lex, trigger, when) or in_office(parties, when)
        if not parties:  # "I signed an Executive Order" on a White House page that names no President
            published = iso_day(article.doc.published)
            parties = unnamed_us_president(ctx, sent, lex, trigger, when,
                                           published.isoformat() if published else None)
            own = len(parties)
    named = title(sent, trigger, ctx)
    return Candidate(type=type_, title=named, trigger_start=trigger[0],
                      trigger_end=trigger[1], sentence=sent, status=status, parties=parties, own_parties=own,
                      date_signed=when, place=_place(sent, ctx, lex), headline=headline,
                      definite=bool(lex.definite.search(sent.text[:trigger[0] - sent.start])),
                      indefinite=bool(lex.indefinite.search(sent.text[:trigger[0] - sent.start])),
                      anaphoric=anaphoric, voted=voted, peace=peace, name=proper_name(sent, trigger, ctx),
                      heading=is_heading(sent, trigger, named))


def _peace_of_named_states(candidates: list[Candidate]) -> None:
    """A peace treaty the sentence names no two states of is the one the article names them for elsewhere
    ("Ermənistanla Azərbaycan arasında sülh müqaviləsinin mətni ... Ümid edirəm ki, sülh müqaviləsinin
    imzalanması tezliklə baş tutacaq"; "bizim Ermənistanla sülh müqaviləmiz yoxdur"), not of the story's most
    named countries (the host of a press statement, the outlet's): when every mention naming two states
    names the same two."""
    pairs = {frozenset(p.name for p in c.parties[:2]) for c in candidates if c.peace and c.own_parties >= 2}
    if len(pairs) != 1:
        return
    named = next(c for c in candidates if c.peace and c.own_parties >= 2).parties[:2]
    for c in candidates:
        if c.peace and c.own_parties < 2 and {p.name for p in c.parties[:c.own_parties]} <= next(iter(pairs)):
            c.parties = merge_parties(c.parties[:c.own_parties], named)[:2]


def _previous_states(ctx: PartyContext, sent: Sentence, lex: Lexicon) -> list:
    """The states the sentence before `sent` names, when it is in the same paragraph (else none)."""
    before = [s for s in ctx.sentences if s.end <= sent.start]
    if not before or "\n" in ctx.text[before[-1].end:sent.start]:
        return []
    return states_between(ctx, before[-1], lex)


def _joined_alone(text: str, sent: Sentence, trigger: tuple[int, int], lex: Lexicon) -> bool:
    """The document is one states sign one by one ("India has signed the Artemis Accords"): its one named side
    signs alone (`Lexicon.joined_alone`)."""
    return bool(lex.joined_alone.search(text, max(sent.start, trigger[0] - 60), trigger[1]))


def _awarded(sent: Sentence, trigger: tuple[int, int], triggers, lex: Lexicon) -> bool:
    """The document is one the sentence says was awarded (its nearest trigger is this one)."""
    return any(nearest((sent.start + m.start(), sent.start + m.end()), triggers) == trigger
               for m in lex.awarded.finditer(sent.text))


def _status(sent: Sentence, trigger: tuple[int, int], triggers, lex: Lexicon) -> str | None:
    """Planned when the cue nearest the trigger says so, else the latest stage any of its cues names
    (ratified > implemented > signed). A sentence's cues belong to their nearest trigger, and a cue
    inside a longer cue of another status ("signed" in "to be signed") does not count."""
    cues: list[tuple[str, int, int]] = []
    for status, pattern in lex.status:
        for m in pattern.finditer(sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(ts <= s and e <= te for _, ts, te in triggers):  # part of a trigger phrase
                continue
            stage = status
            if status != "planned" and lex.negated_cue.search(sent.text, 0, m.start()):
                # a stage negated is not reached, but a treaty not ratified or not applied was signed ("Le
                # traité ... n'est pas présenté à la ratification", "avait signé ... mais ne l'avait pas
                # ratifié"); one not signed is no document signed ("n'a jamais signé le traité")
                if status == "signed":
                    continue
                stage = "signed"
            cues.append((stage, s, e))
    cues = [c for c in cues
            if not any(o is not c and o[1] <= c[1] and c[2] <= o[2] and (o[2] - o[1]) > (c[2] - c[1])
                       for o in cues)]
    mine = [c for c in cues if nearest((c[1], c[2]), triggers) == trigger]
    if _FRAMEWORK.match(sent.text[trigger[1] - sent.start:]):  # "memorandum çərçivəsində"
        mine.append(("implemented", trigger[1], trigger[1]))
    if not mine:
        # "l'accord tripartite du 9 novembre 2020": named by the day it was signed
        return "signed" if dated_day(sent.text, trigger[0] - sent.start, trigger[1] - sent.start, lex) else None
    closest = min(mine, key=lambda c: distance((c[1], c[2]), trigger))[0]
    if closest == "planned":
        return closest
    # "sülh sazişinin tezliklə imzalanmasını dəstəkləyir": only the noun of signing, in a prospect
    # ("imzalanması tezliklə baş tutacaq": the future there is the prospect's own)
    if all(c[0] == "planned" or c[0] == "signed" and lex.signing_noun.fullmatch(_cue_text(sent, c)) for c in mine) \
            and lex.prospect.search(sent.text):
        return "planned"
    # A later stage wins over an earlier one: "signed in 2019 and since ratified", "imzalanmış
    # memorandumun icrası" (the implementation of the signed memorandum).
    found = {c[0] for c in mine}
    return next(s for s in ("ratified", "implemented", "signed") if s in found)


def _cue_text(sent: Sentence, cue: tuple[str, int, int]) -> str:
    """The words of a status cue (absolute offsets) in its sentence."""
    return sent.text[cue[1] - sent.start:cue[2] - sent.start]


def _place(sent: Sentence, ctx: PartyContext, lex: Lexicon) -> str | None:
    for m in ctx.in_sentence(sent):
        if m.label == "LOC" and is_place(m, sent, lex, ctx.text):
            return m.canonical_name or m.text
    return None
