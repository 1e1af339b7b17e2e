"""Mentions of agreements and their merging into records: one `Candidate` per trigger occurrence, then one
record per agreement (same type, compatible parties and date; bare references such as "under the
memorandum" join the record told about before; the headline joins the body's record of its type).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from newsmon.model import Agreement, Party
from newsmon.nlp.agreements.lexicon import lexicon
from newsmon.nlp.agreements.parties import Sentence
from newsmon.text.az import PLURAL_ENDINGS, split_case
from newsmon.text.normalize import fold


@dataclass
class Candidate:
    """One trigger occurrence before merging."""

    type: str
    title: str
    trigger_start: int
    trigger_end: int
    sentence: Sentence
    status: str | None
    parties: list[Party]
    own_parties: int  # how many parties the sentence itself names (the rest are borrowed)
    date_signed: dict[str, str] | None
    place: str | None
    headline: bool
    definite: bool  # "the decree", "ce mémorandum": named as one the reader knows
    indefinite: bool = False  # "signed an Executive Order": a new one, whatever came before
    anaphoric: bool = False  # "the sides", "tərəflər arasında": bound to actors named elsewhere
    voted: bool = False  # a resolution or motion a body adopts (newsmon.nlp.agreements.voted)
    peace: bool = False  # a peace treaty ("sülh sazişi", "traité de paix"): it binds states
    name: str = ""  # the capitalised words naming it before its trigger ("Cultural Property" Agreement)
    heading: bool = False  # (en) a fact sheet's bullet heading made of its title ("- Executive Order Limiting ...")
    merged: list["Candidate"] = field(default_factory=list)

    @property
    def reference(self) -> bool:
        """Likely a reference to an agreement told about earlier: no date, and no parties of its own or
        no signing verb ("under the memorandum", "Memorandum çərçivəsində", "Ce protocole")."""
        return self.date_signed is None and (not self.own_parties or self.status in (None, "implemented"))


# a demonstrative right before a document's words (one word may stand between): "this memorandum", "ce
# protocole", "bu saziş"
_DEMONSTRATIVE = re.compile(r"\b(?:this|these|ce|cet|cette|ces|bu)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def pointing_back(c: Candidate) -> bool:
    """The mention opens with a demonstrative: the document just told about."""
    return bool(_DEMONSTRATIVE.search(c.sentence.text[max(0, c.trigger_start - c.sentence.start - 40):
                                                     c.trigger_start - c.sentence.start]))


def _names(c: Candidate) -> set[str]:
    return {fold(p.name) for p in c.parties}


# Content words of a title (their first five letters fold inflections: "əməkdaşlığa", "əməkdaşlıq").
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")
_NUMBER = re.compile(r"(?<![\d-])\d{3,6}(?![\d-])")  # a document's number (not a range of years)
_STEM = 5


# az/tr verbal noun (-ma/-mə with the possessive) right after the trigger: "proqramının yaradılması"
_VERBAL_NOUN = re.compile(r"\s+\w+(?:ma|mə)(?:sı|si|ları|ləri)\w*", re.IGNORECASE)
_TURKIC_PLURAL = re.compile("|".join(PLURAL_ENDINGS), re.IGNORECASE)


def is_plural(word: str, lang: str) -> bool:
    """A trigger word in the plural: "sazişlər", "müqavilələrə" (past the stem's first letters), "agreements",
    "contrats", "memoranda"."""
    if lang in ("az", "tr"):
        return bool(_TURKIC_PLURAL.search(word[3:]))
    return word.lower().endswith(("s", "memoranda"))


def _trigger_text(c: Candidate) -> str:
    return c.sentence.text[c.trigger_start - c.sentence.start:c.trigger_end - c.sentence.start]


# the kinds of decree a President issues that are not his orders: a memorandum and a proclamation ("Presidential
# Memorandum", "National Security Memorandum", "a proclamation designating April"); an executive order, an
# order and a decree are one kind (en news of Azerbaijan writes "order" and then "the decree" of one Sərəncam).
# In Azerbaijani the words are the instruments' own names: a Fərman (decree), a Sərəncam (order) and a Qərar
# (a body's resolution) are three kinds, never one document told twice ("… tarixli Fərmanı ilə …", then
# "… Dövlət Proqramının təsdiq olunmasına dair Sərəncam" is another act of the same President).
_DECREE_KINDS = ("memor", "procl", "ferma", "seren", "qerar")


def decree_kind(c: Candidate) -> str:
    """ "memor", "procl", an az instrument ("ferma", "seren", "qerar") or "order" for any other decree word
    ("Executive Order", "E.O. 14017", "decree")."""
    words = [fold(w)[:_STEM] for w in _trigger_text(c).split()]
    return next((k for k in _DECREE_KINDS if k in words), "order")


def _twinning(c: Candidate) -> bool:
    """The document is a twinning of cities ("jumelage"), an agreement of its own kind."""
    return fold(_trigger_text(c)).startswith("jumel")


# The words that frame a title rather than name its subject ("... haqqında Saziş", "relatif à")
_FRAME = {fold(w)[:_STEM] for w in ("haqqında", "barədə", "arasında", "sahəsində", "tarixli", "həmçinin",
                                    "hakkında", "ilişkin", "relatif", "relative", "portant", "concernant",
                                    "domaine", "regarding", "concerning", "between", "field")}


def _topic(c: Candidate) -> set[str]:
    """What the title says the document is about, beyond its trigger ("... haqqında Konvensiya",
    "accord sur l'intention de vendre"): folded word stems."""
    own = {fold(w)[:_STEM] for w in _TITLE_WORD.findall(_trigger_text(c) + " " + c.name)}
    return {fold(w)[:_STEM] for w in _TITLE_WORD.findall(c.title)} - own - _FRAME


def _name_words(c: Candidate) -> set[str]:
    return {fold(w)[:_STEM] for w in _TITLE_WORD.findall(c.name)} - _FRAME


def _same_document(a: Candidate, b: Candidate) -> bool:
    """Whether two mentions of one type can be one document: not when documents in the plural are still
    planned and the other mention signed or in force ("the agreements signed during the visit" / "will
    prepare agreements"; a singular "the new memorandum will widen ..." tells what the signed one does),
    nor when both titles name a subject and the subjects share no word ("Convention on the legal status
    of the Caspian Sea" / "Agreement on trade and economic cooperation")."""
    if a.type != b.type or a.voted != b.voted:  # a resolution adopted is no statement signed
        return False
    if _twinning(a) != _twinning(b):
        # a twinning of two cities is no contract or accord told again ("le contrat paraphé par ... avec Aliyev",
        # then "ils lançaient des jumelages de leur ville avec Massis et Alaverdi")
        return False
    if a.type == "decree" and decree_kind(a) != decree_kind(b):
        # an executive order, a presidential memorandum and a proclamation are three documents, though all
        # decrees of one issuer ("signed an Executive Order ...", then "Following President Biden's
        # Presidential Memorandum directing ..." is not that order told again)
        return False
    if a.status and b.status and (a.status == "planned") != (b.status == "planned") \
            and any(is_plural(_trigger_text(c).split()[-1], c.sentence.lang) for c in (a, b)):
        return False
    # a framework agreed to and an arrangement are two documents (`Lexicon.object_word`)
    if len({bool(lexicon(c.sentence.lang).object_word.search(_trigger_text(c))) for c in (a, b)}) == 2:
        return False
    # "Executive Order 13836" and "13837": numbered documents with different numbers
    na, nb = set(_NUMBER.findall(a.title)), set(_NUMBER.findall(b.title))
    if na and nb and not na & nb:
        return False
    # two documents each going by a proper name, names sharing no word: "a Security of Supply Arrangement",
    # "a Cultural Property Agreement" (a fact sheet's bullets, the same two parties, neither dated)
    na, nb = _name_words(a), _name_words(b)
    if na and nb and not na & nb:
        return False
    ta, tb = _topic(a), _topic(b)
    return not ta or not tb or bool(ta & tb)


def _compatible(a: Candidate, b: Candidate) -> bool:
    if not _same_document(a, b):
        return False
    if a.date_signed and b.date_signed and a.date_signed["value"] != b.date_signed["value"]:
        return False
    if a.type == "decree" and a.date_signed is None and b.date_signed is not None and not b.definite:
        # Every decree has the same issuer: "the decree, signed on July 12" dates the decree told
        # about before, "established by Decree No. 685 of 13 July 2012" is another one.
        return False
    na, nb = _names(a), _names(b)
    if b.definite and b.own_parties and b.sentence.lang in ("az", "tr") \
            and ({fold(p.name) for p in b.parties[:b.own_parties]} <= na or b.date_signed is None):
        # "Bu memorandum ... imzalandı": the one just told about, when the parties it names are the record's
        # (those it borrows from the article's actors are no reason to tell them apart; az "bu", "həmin" point
        # back, where en "the" and fr "le" often introduce a document), or when it tells no signing day of its
        # own: "bu saziş həmçinin Böyük Britaniyanın müdafiə sektorunda iş yerlərinin yaradılmasına da yol
        # açacaq" is what the agreement just told of does, whatever names the sentence holds
        return True
    # parties guessed from the article's actors ("the two countries") are no reason to tell two apart
    return not na or not nb or na <= nb or nb <= na or not a.own_parties or not b.own_parties


def merge(candidates: list[Candidate], cited: Callable[[Candidate], bool] = lambda m: False) -> list[Candidate]:
    """One record per agreement: a mention joins an earlier record of the same type when parties and
    date agree, or when it is a bare reference; the headline joins the body's first record of its type.
    A mention the story reports (a stage told, not `cited`) never joins a record whose every mention is
    only cited: that record is no agreement of the story, and would give the reported one its date and
    words ("l'Accord de 1991" cited, then "un accord a été signé" is another document)."""
    records: list[Candidate] = []
    headlines = [c for c in candidates if c.headline]
    for c in candidates:
        if c.headline:
            continue
        # "also signed an Executive Order", "will sign an executive order": a new one (every decree has
        # the same issuer, so only the article tells a new one from the one told about before)
        # (an az decree told of by "another" is issued whether or not the sentence says so: "digər Sərəncamı ilə
        # ... rütbələri verilib", by another order, ranks were given; en "an order" with no verb is as often one
        # cited, "under an executive order")
        fresh = c.indefinite and c.own_parties > 0 \
            and (c.status == "signed" or c.type == "decree" and c.status == "planned"
                 or c.type == "decree" and c.status is None and c.sentence.lang in ("az", "tr"))
        # ("This agreement was approved in September" after "adopt the Tentative Agreement": a demonstrative
        # points back to the one just named, cited or not)
        reporting = c.status is not None and not pointing_back(c) and not cited(c)
        open_ = [r for r in records if not (reporting and all(map(cited, [r] + r.merged)))]
        if c.heading and c.type == "decree":
            # a decree's bullet heading names one of a fact sheet's documents: another than those before it
            # unless a title of theirs shares its subject (every decree of a fact sheet has the same issuer)
            target = next((r for r in reversed(open_) if _compatible(r, c) and _topic(r) & _topic(c)), None)
        elif records and _under_heading(records[-1], c):
            target = records[-1]
        else:
            target = None if fresh else next(
                (r for r in reversed(open_) if _compatible(r, c) and r.sentence is not c.sentence), None)
        if target is None and c.reference and not c.heading and not fresh:
            # not one of the same sentence: the sentence's triggers are distinct documents already
            # ("Selon l'accord conclu entre les parties, … la signature de l'accord sur l'intention de vendre")
            target = next((r for r in reversed(open_) if _same_document(r, c) and r.sentence is not c.sentence
                           and not _another_owners(r, c)), None)
        if target is not None:
            _absorb(target, c)
        elif _instrument(c):
            records.append(c)
    for h in headlines:
        target = next((r for r in records if r.type == h.type), None)
        if target is not None:
            _absorb(target, h)
        elif _instrument(h):
            records.insert(0, h)
    return sorted(records, key=lambda r: min([r.trigger_start] + [m.trigger_start for m in r.merged]))


def _under_heading(record: Candidate, c: Candidate) -> bool:
    """The sentence right after a decree's bullet heading tells that decree, in any words ("- Signing Executive
    Order Promoting Access to Voter Registration and Voting. On the anniversary of Bloody Sunday, President Biden
    signed an Executive Order to leverage ..."): when it is the next sentence and names no other subject."""
    return record.heading and record.type == "decree" and not record.merged \
        and 0 <= c.sentence.start - record.sentence.end <= 2 and _same_document(record, c)


def _another_owners(record: Candidate, c: Candidate) -> bool:
    """A numbered decree whose issuer is not the record's is another's order, not a reference to it:
    "revoking Trump Executive Orders 13836, 13837" after "the President will sign an executive order"."""
    na, nc = _names(record), _names(c)
    return c.type == "decree" and bool(_NUMBER.search(c.title)) and bool(na) and bool(nc) and not na & nc


def _instrument(c: Candidate) -> bool:
    """A new record needs a status, a party or a date of its own: "broad agreement among experts"
    has none of them; an Azerbaijani document in the genitive or dative needs a status."""
    if c.status is None and c.type != "decree" and c.sentence.lang in ("az", "tr") \
            and split_case(_trigger_text(c).split()[-1])[1] in ("genitive", "dative") \
            and not _VERBAL_NOUN.match(c.sentence.text, c.trigger_end - c.sentence.start):
        # governed by another noun and told no stage of: a treaty cited ("Konvensiyasının İkinci
        # Protokoluna tərəf dövlətlərin iclası", "Protokolunun tələblərinə"); not the subject of a
        # verbal noun ("birgə proqramının yaradılması barədə razılığa gəliblər": its creation). A decree
        # cited as the basis of something ("tarixli Fərmanına əsasən") is still one the story reports.
        return False
    return bool(c.status or c.own_parties or c.date_signed)


def _absorb(target: Candidate, c: Candidate) -> None:
    """Fill what the record lacks from another mention of the same agreement."""
    target.merged.append(c)
    # Parties a later sentence names outright beat guessed ones; one named party does not beat two guessed.
    # A record with no party yet takes the mention's ("La lettre d'intention signée le 28 janvier" heading,
    # then "Ce dernier a signé la lettre d'intention").
    if not target.parties or \
            c.own_parties > target.own_parties and c.own_parties >= min(2, len(target.parties)):
        target.parties, target.own_parties = c.parties, c.own_parties
    target.date_signed = target.date_signed or c.date_signed
    target.status = target.status or c.status
    target.place = target.place or c.place
    if len(c.title) > len(target.title) and not c.headline:
        target.title = c.title


def to_record(c: Candidate, text: str) -> Agreement:
    """The record, located at its main mention: the body sentence that introduced it (the headline's
    only when the body never names it), as the article writes it (the rules read a Markdown-escaped
    underscore there as a space: `sentences.split_sentences`). A document still planned has no signing date,
    though a mention merged into it had one ("sülh müqaviləsinin imzalanması tezliklə baş tutacaq" and "bu mətn
    bu gün Ermənistan tərəfindən qəbul edilib": the text accepted today, the treaty still to sign). In az only,
    where it was measured: an en record may be planned by its first mention and signed by the dated one merged
    into it ("The sides agreed to update the action plan ...", the sample gold's action plan signed that day)."""
    date = None if (c.status or "signed") == "planned" and c.sentence.lang == "az" else c.date_signed
    return Agreement(type=c.type, title=c.title, parties=c.parties, date_signed=date,
                     place=c.place, status=c.status or "signed", sentence=text[c.sentence.start:c.sentence.end],
                     start=c.trigger_start, end=c.trigger_end)
