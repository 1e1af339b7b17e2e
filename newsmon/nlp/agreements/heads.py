"""Generic heads as parties ("the agency", "l'Agence", "Dövlət Agentliyi"): each resolved to the earlier
organisation it stands for, else to the knowledge base. Split from parties.py, which builds the party context
that calls it."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmon.model import Mention
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.text.az import PLURAL_SUFFIXES
from newsmon.text.normalize import fold

if TYPE_CHECKING:  # parties.py imports this module
    from newsmon.nlp.agreements.parties import Sentence

# "State Agency" / "Dövlət Agentliyi" / "Госагентство": the head needs "state" in the canonical name too
_STATE_WORD = re.compile(r"(?:the\s+)?(?:state|dovlet|devlet|гос)")
_PLURAL = re.compile("|".join(PLURAL_SUFFIXES))  # az/tr plural inside an inflected head (folded)
# English words a generic head stands for in canonical names.
_HEAD_WORDS = {"organisation": ("organisation", "organization", "association")}


def resolve_heads(mentions: list[Mention], sent: Sentence, lex: Lexicon, kb=None) -> list[Mention]:
    """Generic heads not covered by a mention ("the agency", "l'Agence", "Dövlət Agentliyi", "Koreya
    nazirliyinin") as ORG mentions of the first-named earlier ORG whose canonical name has the head
    word ("State Agency" needs both words); the knowledge base is a last resort."""
    found: list[Mention] = []
    for pattern, head in lex.heads:
        for m in pattern.finditer(sent.text):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(x.start < e and s < x.end for x in mentions):
                continue  # part of a linked mention
            if lex.postposition and _PLURAL.search(fold(m.group()[4:])):
                continue  # "İtaliya universitetləri": some universities, not one we know
            words = _HEAD_WORDS.get(head, (head,))
            needs_state = bool(_STATE_WORD.match(fold(m.group())))
            target = _resolve_head(words, needs_state, s, mentions)
            name = cid = None
            if target is not None:
                name, cid = target.canonical_name or target.text, target.canonical_id
            elif kb is not None and hasattr(kb, "lookup"):
                entity = kb.lookup(m.group(), sent.lang)
                if entity is not None and entity.label == "ORG":
                    name, cid = entity.name, entity.id
            if name is not None:
                found.append(Mention(m.group(), "ORG", s, e, sent.lang, canonical_id=cid, canonical_name=name))
    return found


def _resolve_head(words: tuple[str, ...], needs_state: bool, pos: int,
                  mentions: list[Mention]) -> Mention | None:
    """The first-named earlier ORG whose canonical name has the head word: news name their main actor
    first, and "the agency" after "ASAN and KOICA" is ASAN."""
    for m in mentions:
        if m.end > pos:
            break
        name = fold(m.canonical_name or m.text).split()
        if m.label == "ORG" and any(w in name for w in words) and (not needs_state or "state" in name):
            return m
    return None
