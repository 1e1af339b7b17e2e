"""An agreement's name as the sentence gives it: "Memorandum of Understanding on ...", "Executive Order
14008", "... dair Anlaşma Memorandumu" (az/tr put the name before the document word), else the trigger."""
from __future__ import annotations

import re

from newsmon.nlp.agreements.parties import PartyContext, Sentence

_TITLE_TAIL = {
    "en": re.compile(r"^\s+(?:on|for|in\s+the\s+field\s+of|regarding|concerning)\s+[^,;:()]*?"
                     r"(?=\s+(?:(?:between|with|by|was|were|is|are|has|have|had|signed|which|that)\b"
                     r"|in\s+[A-Z]|on\s+\d)|[,;:()]|\.?$)"),
    # and the complement in "de" that names the kind ("accord de paix", "contrat d'achat définitif",
    # "accord d'intention de vente"), not a year ("l'accord de 2022") nor a party ("de l'Arménie")
    "fr": re.compile(r"^(?:\s+(?:sur|pour|relatif\w*\s+à|portant\s+sur|concernant|dans\s+le\s+domaine\s+d\w*)\s+"
                     r"[^,;:()]*?|(?:\s+de\s+(?!la\s|l['’]|les\s)|\s*d['’]\s*)[a-zà-ÿ][\w'’-]*"
                     r"(?:\s+(?:de\s+|d['’]\s*)?[a-zà-ÿ][\w'’-]*)??)"
                     r"(?=\s+(?:(?:entre|avec|par|a|ont|est|sont|sign\w*|qui|doit|doivent|jusqu\w*)\b"
                     r"|à\s+[A-Z]|le\s+\d)|[,;:()]|\.?$)"),
}
# (en) a document named by its purpose in title case right after the document word ("Executive Order Limiting
# Use of Private Prisons", "Presidential Memorandum Condemning and Combating Racism"): the words of its name,
# small linking words between them, up to the first word in lower case that is no linking word
_EN_PURPOSE_NAME = re.compile(r"\s+[A-Z][a-z]+ing\b(?:\s+(?:(?:of|the|and|to|for|on|in|a|an|from|into|that|with|by|at)"
                              r"\s+)*[A-Z][\w’'-]*)*")
# a document's number right after its name ("Executive Order 14008", "décret n° 2024-12"), not a year
_DOCUMENT_NUMBER = re.compile(r"\s+(?:No\.?\s*|n[°o]\s*)?(?!(?:19|20)\d\d\b)\d{3,6}\b")
# a name in guillemets right after the document word ("le traité « Global Compact »", "les accords
# « Sykes-Picot »", "le programme « Nuit des Musées »"), not a quoted judgement ("un décret « sans valeur »")
_QUOTED_NAME = re.compile(r"\s+«\s*[A-ZÀ-ÖØ-Þ][^»\n]{0,80}»")
# The capitalised words right before an English document word that name the document ("a Security of Supply
# Arrangement", "the Cultural Property Agreement", "NASA Sounding Rocket Memorandum"): its proper name. Small
# linking words may join them ("Security of Supply"); an owner in the possessive ("President Biden's") or a
# determiner opening the sentence ("The Agreement") is no part of it.
_EN_NAME_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][\w.’'&-]*\s+(?:(?:of|on|for|and|the)\s+)*)*[A-Z][\w.&-]*)\s+$")
_EN_NOT_A_NAME = re.compile(r"The|A|An|This|That|These|Those|Its|Their|Our|His|Her|Both|Each|Any|New|Under|In")
_AZ_POSTPOSITION = re.compile(r"\b(?:dair|haqqında|barədə|üzrə|ilişkin|hakkında)\s+(?:[\w\"«»“”]+\s+){0,3}$")
_AZ_TITLE_BREAK = re.compile(r"[,;:]\s*|\b(?:arasında|ilə|ile|tarixində|tarixli|yılında|isə)\s+")


def proper_name(sent: Sentence, trigger: tuple[int, int], ctx: PartyContext) -> str:
    """The capitalised words naming an English document right before its trigger ("Cultural Property" in
    "a Cultural Property Agreement"), else "": what tells two named documents of one type apart. A person
    named there is the document's owner, not its name ("Trump Executive Orders")."""
    if sent.lang != "en":
        return ""
    m = _EN_NAME_BEFORE.search(sent.text[:trigger[0] - sent.start])
    if not m:
        return ""
    start = max([m.start(1)] + [p.end - sent.start for p in ctx.in_sentence(sent)
                                if p.label == "PERSON" and m.start(1) < p.end - sent.start <= m.end(1)])
    words = sent.text[start:m.end(1)].split()
    # (a determiner or preposition opening the sentence, and the small words after it: "Under the")
    while words and (_EN_NOT_A_NAME.fullmatch(words[0]) or words[0].islower()):
        words = words[1:]
    if not words or re.search(r"['’]s?$", words[-1]):
        return ""
    return " ".join(words)


def title(sent: Sentence, trigger: tuple[int, int], ctx: PartyContext) -> str:
    """The agreement's name as the text gives it ("Memorandum of Understanding on ...", "... dair
    Anlaşma Memorandumu"), else the trigger phrase."""
    rel_s, rel_e = trigger[0] - sent.start, trigger[1] - sent.start
    phrase = sent.text[rel_s:rel_e]
    if sent.lang in ("az", "tr"):
        # the name comes before the trigger: "... sahəsində əməkdaşlıq haqqında Saziş"; it starts after
        # the last clause break or person name ("Prezident İlham Əliyev ... haqqında Sərəncam")
        prefix = sent.text[:rel_s]
        post = _AZ_POSTPOSITION.search(prefix)
        if not post:
            return phrase
        breaks = [b.end() for b in _AZ_TITLE_BREAK.finditer(prefix[:post.start()])]
        breaks += [m.end - sent.start for m in ctx.in_sentence(sent)
                   if m.label == "PERSON" and m.end - sent.start <= post.start()]
        start = max(breaks, default=0)
        words = prefix[start:].split()
        return " ".join(words[-14:] + [phrase])
    name = proper_name(sent, trigger, ctx)
    if name:  # "Cultural Property Agreement": the name the document goes by
        phrase = f"{name} {phrase}"
    number = _DOCUMENT_NUMBER.match(sent.text, rel_e)
    if number:  # "Executive Order 14008": its number names it (and tells it from Executive Order 14096)
        phrase, rel_e = phrase + number.group(), number.end()
    quoted = _QUOTED_NAME.match(sent.text, rel_e)
    if quoted:
        return (phrase + quoted.group()).strip()
    purpose = _EN_PURPOSE_NAME.match(sent.text, rel_e) if sent.lang == "en" else None
    if purpose:
        return (phrase + purpose.group()).strip()
    tail = _TITLE_TAIL.get(sent.lang)
    m = tail.match(sent.text[rel_e:]) if tail else None
    if m and len(m.group()) < 160:
        return (phrase + m.group()).strip().rstrip(".")
    return phrase


# what may open a fact sheet's heading before the document's name: a bullet, and a gerund telling the action
# ("- Signing Executive Order Promoting Access to Voter Registration and Voting.")
_HEADING_OPEN = re.compile(r"(?:[-–•]\s+)?(?:[A-Z][a-z]+ing\s+)?")


def is_heading(sent: Sentence, trigger: tuple[int, int], name: str) -> bool:
    """(en) The sentence is nothing but the document's title, which goes on after its document word: a fact
    sheet's bullet heading ("- Executive Order Limiting Use of Private Prisons.", "Executive Order on Improving
    Public Safety ... People."), which names a document of its own. (A section heading that only puts a name
    before the document word, "COVID ECONOMIC RELIEF EXECUTIVE ORDER", heads the story of the order the lead
    told.)"""
    if sent.lang != "en" or not sent.text[trigger[1] - sent.start:].rstrip(".:").strip():
        return False
    opening = _HEADING_OPEN.match(sent.text).end()
    return sent.text[opening:].rstrip(".:").strip() == name
