"""Documents a body adopts by vote, not signs: resolutions and motions ("le Sénat a adopté une résolution",
"la motion était adoptée à l'unanimité", "Fransa Senatı ... qətnamə qəbul etdi"). Their one party is the
adopting body (real-dev's convention: a resolution a parliament adopts is a record of that parliament);
no second party is guessed from the article's actors, as it is for an agreement naming one side.

Which words are such documents, and which words adopt them, is each lexicon's `voted_types` and `voting`
(`triggers.find_triggers` keeps one only as the nearest trigger of an adopting word).
"""
from __future__ import annotations

import re

from newsmon.model import Party
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.agreements.parties import PartyContext, Sentence, candidates
from newsmon.nlp.agreements.party_names import names_document, to_party
from newsmon.nlp.agreements.records import Candidate
from newsmon.nlp.agreements.triggers import distance

# Between the adopting verb and the body: "adoptée à une large majorité par le Parlement", "votée au Sénat
# français", "adopted by the Council"
_AGENT = re.compile(r"\b(?:par|by|au|at|in)\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?$", re.IGNORECASE)
_AGENT_REACH = 60
# Right before the subject of the clause a fronted phrase opens ("Dans une résolution adoptée ..., l'APCE")
_CLAUSE_SUBJECT = re.compile(r",\s*(?:le\s+|la\s+|les\s+|l['’]\s*)?$", re.IGNORECASE)
# Between two adopting bodies of one vote: "votées par l'Assemblée nationale et le Sénat", "by the House and
# the Senate" (each chamber adopts the text: both are its parties)
_AND_AGENT = re.compile(r"\s*(?:,|et|and)\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?$", re.IGNORECASE)


def is_voted(sent: Sentence, trigger: tuple[int, int], lex: Lexicon) -> bool:
    """Whether the trigger at `trigger` (absolute offsets) is a document adopted by vote."""
    return any(pattern.match(sent.text, trigger[0] - sent.start) for _, pattern in lex.voted_types)


def voting_body(ctx: PartyContext, sent: Sentence, lex: Lexicon, trigger: tuple[int, int]) -> list[Party]:
    """The organisation that adopts the document: the agent after the adopting verb nearest the trigger
    ("adoptée par le Parlement"), else the one named before the verb or the document, its subject (the
    last in fr, "le Parlement européen a adopté une résolution"; the first in az, "Fransa Senatı ... qətnamə
    qəbul etdi"); none otherwise
    ("La résolution adoptée mercredi indique que ...": the one told about before, which it joins)."""
    orgs = [m for m in candidates(ctx, sent, lex)[0] if not names_document(m.text, lex)]
    votes = [(sent.start + m.start(), sent.start + m.end()) for m in lex.voting.finditer(sent.text)]
    if not orgs or not votes:
        return []
    vote = min(votes, key=lambda v: distance(v, trigger))
    agent = [m for m in orgs if vote[1] <= m.start <= vote[1] + _AGENT_REACH
             and _AGENT.search(ctx.text, vote[1], m.start)][:1]
    for m in orgs:  # (the bodies coordinated with the agent)
        if agent and m.start >= agent[-1].end and _AND_AGENT.match(ctx.text, agent[-1].end, m.start):
            agent.append(m)
    before = [m for m in orgs if m.end <= max(vote[0], trigger[0])]
    if not agent and not before and lex.fronted_vote.search(ctx.text[sent.start:trigger[0]]):
        # "Dans une résolution adoptée par 76 voix pour, 10 contre et 4 abstentions, l'APCE fait part de":
        # the document opens the sentence, and the clause's subject, right after a comma, is the body
        agent = [m for m in orgs if m.start > vote[1] and _CLAUSE_SUBJECT.search(ctx.text, sent.start, m.start)][:1]
    # (az puts the subject first and the resolution's own complements after it: "Fransa Senatı qondarma
    # “Dağlıq Qarabağ Respublikası”nın tanınması ilə bağlı ... qətnamə qəbul etdi")
    subject = before[:1] if lex.postposition else before[-1:]
    return [to_party(m) for m in agent] if agent else [to_party(m) for m in subject[:1]]


def another_voted(cand: Candidate, earlier: list[Candidate], lex: Lexicon) -> None:
    """A document adopted by vote that its sentence names no body of, told as another of its kind ("La
    deuxième résolution a également été adoptée à la majorité"), is the body's that adopted the last one:
    a new record, not a reference to that one (which a bare "La résolution a été adoptée" would be)."""
    sent = cand.sentence
    if not cand.voted or cand.parties or not lex.another_vote.search(sent.text[:cand.trigger_start - sent.start]):
        return
    last = next((c for c in reversed(earlier) if c.voted and c.type == cand.type and c.parties), None)
    if last is not None:
        # (counted as its own, so that merging keeps it apart: `records.merge` keeps a fresh one apart)
        cand.parties, cand.own_parties, cand.indefinite = list(last.parties), len(last.parties), True
