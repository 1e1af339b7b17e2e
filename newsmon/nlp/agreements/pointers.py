"""Signers named by a pointer ("Il a signé la pétition", "Ce dernier a signé la lettre d'intention",
"the latter signed"): the parse gives the pointer as the subject, the story names who it is just before."""
from __future__ import annotations

from typing import Protocol

from newsmon.model import Mention
from newsmon.nlp.agreements.lexicon import Lexicon

# How far back an antecedent may be: the sentence itself and the two before it.
_SENTENCES_BACK = 2


class _Span(Protocol):
    start: int
    end: int


def antecedent(word: str, lex: Lexicon, mentions: list[Mention], sentences: list[_Span],
               sent: _Span) -> Mention | None:
    """The mention `word` (a subject the parse found, naming no one) points to: for a personal pronoun
    the last person named before it, for "the latter" / "ce dernier" the last person or organisation;
    None for any other word, or when nobody was named in the sentence or the two before it."""
    if lex.pronoun.fullmatch(word):
        labels: tuple[str, ...] = ("PERSON",)
    elif lex.latter.fullmatch(word):
        labels = ("PERSON", "ORG")
    else:
        return None
    idx = next((i for i, s in enumerate(sentences) if s.start == sent.start), 0)
    window_start = sentences[max(0, idx - _SENTENCES_BACK)].start if sentences else sent.start
    before = [m for m in mentions if m.label in labels and window_start <= m.start and m.end <= sent.start]
    return before[-1] if before else None
