"""Is an agreement mention a document the story reports, or one it only cites or names generically?

An agreement record is a document the story reports as signed, exchanged, planned, ratified or
implemented. News names many more documents than it reports: treaties it cites ("our commitment to the
United States-Mexico-Canada Agreement", "the principles of the UN Charter", "le traité de Lausanne a
fixé les frontières", "ikitərəfli müqavilənin müddəalarına əsaslanaraq"), kinds of documents ("plea
agreements", "COVID-19 protocols", "the bilateral treaty base"), and, in a document's own text, itself
("Nothing in this memorandum ..."). A record is kept when at least one of its mentions is reported.

A mention is cited (not reported) when:
- it is a kind, not a document: a bare plural with no determiner, number or possessive and no partner
  right after it ("plea agreements", "COVID-19 protocols"; "agreements with pharmaceutical companies" keeps
  its partner); a word of a compound naming something else ("a Trade ... Agreement meeting"); the az
  compounds of a treaty base ("hüquq-müqavilə bazası");
- it is the text's own document: "this memorandum" in a page whose title names a memorandum;
- no status verb is near it (`Candidate.status` is None) and either a citing phrase governs it ("under",
  "in accordance with", "withdrew from", "the principles of", "conformément à", "müddəalarına", ...), a
  negated verb governs it ("does not constitute a legally binding agreement"), or
  it is a named treaty the reader already knows: a proper name ("the Treaty of Paris", "the UN Charter",
  "le traité de Lausanne", "Bakı Konvensiyası") or a capitalised head, unless introduced as new ("a formal
  Memorandum of Understanding"); a programme's title does not make it cited (the issuer adopted it), nor
  do a headline's capitals ("Joint Statement on ...": every word of a headline is capitalised).
Decrees are left alone but for their own text: a named decree cited by number is still one the
President issued ("established under Executive Order 14008").

English and French read spaCy's dependency parse of the sentence (the one `syntax` runs for parties);
Azerbaijani, without a parser, reads the words around the trigger.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Token

from newsmon.nlp.agreements.lexicon import lexicon
from newsmon.nlp.agreements.records import Candidate, is_plural, pointing_back
from newsmon.nlp.agreements.syntax import trigger_head

# Phrases right before a document's noun phrase that cite it rather than report it.
_CITING_BEFORE = {
    "en": re.compile(r"\b(?:under|pursuant\s+to|in\s+accordance\s+with|consistent\s+with|in\s+line\s+with"
                     r"|commitments?\s+to|committed\s+to|adherence\s+to|principles\s+of|provisions\s+of"
                     r"|obligations\s+under|withdr[ae]w\w*\s+from|withdrawing\s+from|exit\w*\s+from"
                     r"|anniversary\s+of|outlined\s+in|set\s+out\s+in|enshrined\s+in|compl\w+\s+with"
                     r"|violat\w+|breach\w*\s+of|part(?:y|ies)\s+to|accession\s+to|based\s+on|spirit\s+of"
                     r"|respect\s+for|made\s+in|abide\s+by|adher\w+\s+to|in\s+keeping\s+with)\s*$",
                     re.IGNORECASE),
    "fr": re.compile(r"(?:\ben\s+vertu\s+d|\bconformément\s+à|\bdans\s+le\s+respect\s+d|\bprincipes\s+d"
                     r"|\bdispositions\s+d|\bviol\w+|\bretir\w+\s+d|\bsortie\s+d|\banniversaire\s+d"
                     r"|\bsur\s+la\s+base\s+d|\bfondée?s?\s+sur|\battachement\s+à|\bengagements?\s+envers"
                     r"|\bsignataires?\s+d|\bprévus?\s+par|\bfixée?s?\s+par)(?:e|u|es|['’])?\s*"
                     # the article the parse may leave outside the noun phrase ("de l’" + "accord")
                     r"(?:l['’]|la\s+|le\s+|les\s+)?$",
                     re.IGNORECASE),
}
# az: what follows the inflected trigger ("müqavilənin müddəalarına", "Xartiyasının prinsiplərinə",
# "sazişə uyğun olaraq", "hüquq-müqavilə bazasının"): the document is cited or stands for a kind.
_AZ_CITING_AFTER = re.compile(r"^[\s”\"»]*(?:müddəa|prinsip|əsaslan|uyğun|bazas|tələbl|öhdəlik|norma)\w*",
                              re.IGNORECASE)
# az: right before the document, partners counted or left unnamed ("Avropa İttifaqının 10 üzvü ilə strateji
# tərəfdaşlıq bəyannaməsi imzalamışıq", "bir çox ölkə ilə ... bəyanatlar imzalayıb"): a tally of documents
# signed over the years, no one document the story reports
_AZ_TALLY_BEFORE = re.compile(r"(?:\b\d+|\bbir\s+çox|\bbir\s+sıra|\bonlarla|\bbəzi|\bmüxtəlif|\bçoxsaylı)\s+"
                              r"(?:[\w-]+\s+){0,2}(?:ölkə|dövlət|üzv|tərəfdaş|şirkət|təşkilat)\w*\s+ilə\s+"
                              r"(?:[^\s.;:]+\s+){0,8}$", re.IGNORECASE)
# az: the document as the subject of a relative clause of signing that names a place or a time ("“Naxçıvan
# Sazişi”nin imzalandığı şəhərdə", "müqavilələrin imzalandığı məkana çevrilib"): a landmark of the place
# or day, cited
_AZ_WHERE_SIGNED = re.compile(r"^[”\"»]?['’-]?\w{0,4}\s+imzaland(?:ığı|ıqları)\w*\s+(?:[\w-]+\s+)?"
                              r"(?:şəhər|yer|məkan|gün|il|tarix|vaxt|zaman|bina|saray)\w*", re.IGNORECASE)
# az: a decree word right after a quantifier of many ("Prezidentinin ... bir sıra fərman və sərəncamları nümayiş
# olunur"): the kind a museum or a review shows, no one act (a decree's title may hold "bəzi": "bəzi tədbirlər
# haqqında fərman" is one decree, so the quantifier must stand right before the word, or before the word "və"
# joins it to)
_AZ_MANY_BEFORE = re.compile(r"\b(?:bir\s+sıra|bir\s+çox|çoxsaylı|onlarla|yüzlərlə)\s+(?:[^\W\d_]+\s+və\s+)?$",
                             re.IGNORECASE)
# what makes a bare plural one set of documents, not a kind: a partner right after it
_PARTNER_AFTER = re.compile(r"^\s+(?:with|between|among|avec|entre)\b", re.IGNORECASE)
_DETERMINERS = {"det", "nummod", "poss", "det:poss", "predet", "nmod:poss"}
_QUANTIFIERS = {"several", "many", "numerous", "multiple", "various", "plusieurs", "nombreux", "divers"}
# nouns that count documents the parse hangs them on: "un certain nombre de contrats", "une série d'accords"
_QUANTITY_NOUNS = {"nombre", "série", "serie", "ensemble", "dizaine", "vingtaine", "centaine", "paquet", "train",
                   "multitude", "plupart", "majorité", "total"}
_OF = {"of", "de", "d'", "d’", "du", "des"}
_INDEFINITE = {"a", "an", "another", "un", "une"}
# French prepositions that hold the article ("des accords", "aux accords"): parsed as case, not det
_ARTICLE_CASES = {"du", "des", "au", "aux"}
# Named by its title and still reported: a programme is adopted by its issuer as a decree is ("“Böyük
# Qayıdışa dair I Dövlət Proqramı”na əsasən" names the State Programme the President approved).
_ISSUED = ("programme",)


def reported(record: Candidate, title: str) -> bool:
    """True when at least one mention of `record` (merged or not) is reported, not only cited. The
    headline of a page that speaks of "this memorandum" names the page itself, no reported document."""
    mentions = [record] + record.merged
    own = any(_own(m, title) for m in mentions)
    return any(not cited(m, title) and not (own and m.headline) for m in mentions)


def cited_in(title: str) -> Callable[[Candidate], bool]:
    """`cited` for the mentions of one page, each judged once (merging asks of a mention again and again)."""
    seen: dict[int, bool] = {}

    def test(m: Candidate) -> bool:
        if id(m) not in seen:
            seen[id(m)] = cited(m, title)
        return seen[id(m)]
    return test


def _own(m: Candidate, title: str) -> bool:
    """ "this memorandum" in a page whose title names a memorandum: the page is the document."""
    return pointing_back(m) and _names_type(title, m.type, m.sentence.lang)


def cited(m: Candidate, title: str) -> bool:
    """True when the mention `m` only cites a document, names a kind of document, or is the text's own."""
    sent = m.sentence
    rel = (m.trigger_start - sent.start, m.trigger_end - sent.start)
    before = sent.text[:rel[0]]
    if _own(m, title):
        return True  # the page is the document: "Nothing in this memorandum", "the date of this order"
    if sent.lang == "az" and m.type != "decree" and (_AZ_TALLY_BEFORE.search(before)
                                                      or _AZ_WHERE_SIGNED.match(sent.text[rel[1]:])):
        return True
    if m.type == "decree" and sent.lang == "az" and _AZ_MANY_BEFORE.search(before):
        return True
    if m.type == "decree":
        # kinds of orders listed ("executive orders, presidential memoranda, and presidential proclamations");
        # only a plural needs the parse (decree sentences are not parsed ahead)
        if not is_plural(sent.text[rel[0]:rel[1]].split()[-1], sent.lang):
            return False
        head = trigger_head(sent.text, sent.lang, rel)
        return head is not None and _listed_kinds(head, sent.lang)
    head = trigger_head(sent.text, sent.lang, rel)
    if head is not None:
        if _kind(head, sent.text[rel[1]:]):
            return True
        if m.status is not None:
            return False  # "ils ne respectent pas l'accord signé en 2020": signed all the same
        if _negated(head):
            return True
        # a headline capitalises every word: its capitals name nothing ("Joint Statement on ...")
        named = not m.headline and m.type not in _ISSUED and _named(head)
        # (a resolution's vote is its stage: "conformément à la résolution votée au Sénat le 17 janvier")
        return _citing(head, sent.text, sent.lang) and not m.voted or named
    if sent.lang == "az" and _AZ_CITING_AFTER.match(sent.text[rel[1]:]):
        return True
    if sent.lang == "az" and not m.own_parties and not m.anaphoric \
            and is_plural(sent.text[rel[0]:rel[1]].split()[-1], sent.lang):
        # documents in the plural that the sentence binds to nobody are a kind ("müqavilələr imzalanıb",
        # "imzalanmış müqavilələrə əsasən"), as a bare plural is in English and French. Not when the
        # sentence names anyone: "Pakistanın Baş naziri ... imzalanmış anlaşma memorandumları" are the
        # visit's documents.
        return True
    if m.status is not None:
        return False
    if m.type in _ISSUED or m.headline:
        return False
    # no parse (az): a capitalised trigger inside the sentence is a title the reader knows
    word = sent.text[rel[0]:rel[1]].split()[-1]
    return rel[0] > 0 and word[:1].isupper() and not before.rstrip().endswith((".", ":", "-", "–", "•"))


def _names_type(title: str, type_: str, lang: str) -> bool:
    return any(t == type_ and p.search(title) for t, p in lexicon(lang).types)


def _kind(head: Token, after: str) -> bool:
    """A kind of document rather than one: "plea agreements", "COVID-19 protocols", "Agreement meeting"."""
    if head.dep_ == "compound" and head.head.i > head.i:
        return True  # "a Trade and Investment Framework Agreement meeting": the meeting is the thing
    # the tagger's number, checked against the word ("du mémorandum" came back plural)
    if "Plur" not in head.morph.get("Number") or not head.lower_.endswith(("s", "x", "memoranda")):
        return False
    if any(c.dep_ in _DETERMINERS or c.lower_ in _QUANTIFIERS or c.lower_ in _ARTICLE_CASES
           for c in head.children):
        return False
    if head.dep_ == "nmod" and head.head.lemma_.lower() in _QUANTITY_NOUNS:
        return False  # "ont signé un certain nombre de contrats de défense": counted, so documents
    return not _PARTNER_AFTER.match(after)


def _listed_kinds(head: Token, lang: str) -> bool:
    """A bare plural coordinated with another bare plural: a list of kinds of documents, none of them one."""
    def bare_plural(t: Token) -> bool:  # (the tagger calls "memoranda" singular: the word decides)
        return t.pos_ in ("NOUN", "PROPN") and is_plural(t.text, lang) \
            and not any(c.dep_ in _DETERMINERS or c.lower_ in _QUANTIFIERS or c.lower_ in _ARTICLE_CASES
                        for c in t.children)
    first = head
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    chain = [first] + [t for t in first.subtree if t.dep_ == "conj" and t.head.i in
                       {first.i} | {c.i for c in first.subtree if c.dep_ == "conj"}]
    return bare_plural(head) and any(bare_plural(o) for o in chain if o is not head)


def _negated(head: Token) -> bool:
    """The document is what a negated verb governs: "does not constitute a legally binding agreement",
    "n'a pas signé le traité"."""
    node = head
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in ("pas", "jamais")
                       for c in node.children)
        if node.head is node:
            break
        node = node.head
    return False


def _citing(head: Token, text: str, lang: str) -> bool:
    """A citing phrase right before the document's noun phrase, or before its words past the preposition
    and article the parse puts inside it ("sur la base de l'accord": "de", "l'" hang on "accord")."""
    pattern = _CITING_BEFORE.get(lang)
    if pattern is None:
        return False
    words = next((t for t in head.subtree if t.dep_ not in ("case", "det")), head)
    return bool(pattern.search(text[:head.left_edge.idx]) or pattern.search(text[:words.idx]))


def _named(head: Token) -> bool:
    """A named document the reader knows: a proper name in it ("the UN Charter", "the Treaty of Paris",
    "le traité de Lausanne") or a capitalised head ("the Agreement"), unless introduced as a new one."""
    if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children):
        return False
    if head.text[:1].isupper() and head.i > 0 and not head.nbor(-1).is_punct:
        return True
    for c in head.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" and c.i < head.i:
            return True
        if c.dep_ == "prep" and c.lower_ in _OF and any(g.pos_ == "PROPN" for g in c.children):
            return True
        if c.dep_ == "nmod" and c.pos_ == "PROPN" and any(g.dep_ == "case" and g.lower_ in _OF
                                                          for g in c.children):
            return True
    return False
