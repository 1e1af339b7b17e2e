"""Who signed, from spaCy's dependency parse (English and French): the subject of the signing verb and
its partner ("Hampton and the City of Malanje signed a Sister City agreement", "l'ambassadrice Kvien a
signé un protocole d'accord avec Liana Gasparyan", "signed by A, minister of ..., and B").

Only sentences with a type trigger are parsed, each once; the pipeline parses a batch of articles'
sentences together ahead of the rules (`parse_many`). The parser is that of the NER stage's own
copy of each model (`ner_labels.shared_pipeline`): the NER stage disables it to save time, this stage
runs it (with what it listens to) on the sentences it needs, never the `ner`. A language whose model
cannot be loaded, or has no parser, gives no syntactic parties (the word patterns still apply).
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsmon.nlp.ner_labels import DEFAULT_MODELS, shared_pipeline

log = logging.getLogger(__name__)

# The languages whose parse we read, and the lemmas of their signing verbs.
# English also reports a signing by who announces or reaches the deal with whom ("President Trump announced
# an agreement with Pfizer", "X reached an agreement with Y", "X entered into a Framework Agreement with Y").
SIGN_LEMMAS = {
    "en": {"sign", "conclude", "ink", "seal", "countersign", "cosign", "co-sign", "announce", "reach", "strike",
           "finalize", "finalise", "enter"},
    "fr": {"signer", "conclure", "parapher", "cosigner", "co-signer", "contresigner"},
}
_WITH = {"en": {"with"}, "fr": {"avec"}}
_BY = {"en": {"by"}, "fr": {"par"}}
# Components the parse needs; the rest (ner, lemmatizer's rules aside) are switched off.
_KEEP = {"tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer"}


@lru_cache(maxsize=None)
def parser(lang: str) -> Language | None:
    """The `lang` model with its parser (None when there is none)."""
    name = DEFAULT_MODELS.get(lang)
    if name is None or lang not in SIGN_LEMMAS:
        return None
    try:
        nlp = shared_pipeline(name)  # the NER stage's copy: its parser is disabled there, not removed
    except OSError as exc:
        log.warning("agreements: no parser for %r (%s)", lang, exc)
        return None
    if "parser" not in nlp.component_names:
        log.warning("agreements: the %r model %s has no parser", lang, name)
        return None
    return nlp


# (lang, sentence) -> its parse: filled a batch at a time by `parse_many`, or one sentence at a time
_PARSED: dict[tuple[str, str], Doc] = {}
_PARSED_KEPT = 512


def _straight(lang: str, text: str) -> str:
    """The sentence as the parser reads it: French with straight apostrophes. The French model splits a
    curly "l’" / "d’" off as a noun or an adverb of its own and the parse goes astray ("un certain nombre
    d’accords" hangs "accords" as punctuation); "l'" it reads as the article. One character for one: the
    offsets are the same."""
    return text.replace("\u2019", "'") if lang == "fr" else text


def parse_many(sentences: Iterable[tuple[str, str]]) -> None:
    """Parse these (lang, sentence) pairs now, each language's in one batch (`signer_spans` then finds
    them parsed). A batch of sentences costs a third of parsing them one by one; the parses are the same."""
    by_lang: dict[str, dict[str, None]] = {}
    for lang, text in ((lang, _straight(lang, text)) for lang, text in sentences):
        if (lang, text) not in _PARSED and parser(lang) is not None:
            by_lang.setdefault(lang, {})[text] = None
    for lang, texts in by_lang.items():
        nlp = parser(lang)
        docs = [nlp.make_doc(text) for text in texts]
        for name, component in nlp.components:  # enabled or not (the NER stage disables these), never ner
            if name in _KEEP:
                docs = list(component.pipe(docs)) if hasattr(component, "pipe") else [component(d) for d in docs]
        if len(_PARSED) + len(docs) > _PARSED_KEPT:
            _PARSED.clear()
        _PARSED.update(((lang, text), doc) for text, doc in zip(texts, docs))


def _parse(lang: str, text: str) -> Doc | None:
    text = _straight(lang, text)
    doc = _PARSED.get((lang, text))
    if doc is None and parser(lang) is not None:
        parse_many([(lang, text)])
        doc = _PARSED.get((lang, text))
    return doc


def signer_spans(text: str, lang: str, trigger: tuple[int, int]) -> list[tuple[int, int]]:
    """Character spans (relative to `text`, one sentence) of the words naming who signs the document
    whose trigger is at `trigger`: the signing verb's subjects (with their conjuncts), its agent ("signed
    by ...") and its partner ("with ...", "avec ..."), in that order. Empty when the trigger is not the
    object of a signing verb."""
    doc = _parse(lang, text)
    if doc is None:
        return []
    head = next((t for t in doc if t.idx <= trigger[0] < t.idx + len(t.text)), None)
    if head is None:
        return []
    verb = _signing_verb(head, lang)
    if verb is None:
        return []
    spans: list[Token] = []
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass") and not _is_passive_subject(child, head):
            spans += [t for subject in _with_conjuncts(child) for t in _with_name(subject, lang)]
    for child in list(verb.children) + list(head.children):
        case = _case(child)
        if case in _BY[lang] or child.dep_ in ("agent", "obl:agent"):
            spans += [t for obj in _objects(child) for t in _with_conjuncts(obj)]
    for child in list(verb.children) + list(head.children):
        if _case(child) in _WITH[lang]:
            spans += [t for obj in _objects(child) for t in _with_conjuncts(obj)]
    return [(t.idx, t.idx + len(t.text)) for t in spans]


# Languages whose counted groups of unnamed signers are read (`counted_group`)
_COUNTED_LANGS = {"en"}
# what ends a group's words after its head: a clause, a punctuation mark, a preposition ("61 organizations,
# representing ...", "Fourteen leagues in the country")
_GROUP_END = {"VERB", "AUX", "PRON", "SCONJ", "PUNCT", "ADP", "PART"}


def counted_group(text: str, lang: str, at: int) -> tuple[int, int] | None:
    """The span (relative to `text`, one sentence) of the counted group of unnamed signers whose head is
    the token at `at` ("Fourteen sports leagues and players associations have signed agreements with ...",
    "61 organizations have signed the pledge"): a plural common noun a number counts, with its modifiers
    and conjuncts. None for any other word, or without a parse."""
    doc = _parse(lang, text) if lang in _COUNTED_LANGS else None
    head = next((t for t in doc if t.idx == at), None) if doc is not None else None
    if head is None or head.pos_ != "NOUN" or "Plur" not in head.morph.get("Number") \
            or not any(c.dep_ == "nummod" and c.like_num for c in head.children):
        return None
    start = next(t for t in head.subtree if t.dep_ not in _LEADING)
    end = head
    for t in doc[head.i + 1:head.right_edge.i + 1]:
        if t.pos_ in _GROUP_END:
            break
        end = t
    if end.pos_ == "CCONJ":
        end = doc[end.i - 1]
    return start.idx, end.idx + len(end.text)


def _signing_verb(trigger: Token, lang: str) -> Token | None:
    """The signing verb the trigger is the object (or passive subject) of: "signed an agreement",
    "l'accord signé par", "the agreement was signed by"."""
    lemmas = SIGN_LEMMAS[lang]
    node = trigger
    for _ in range(3):  # "signed a new Memorandum of Understanding": the trigger may sit under its head
        if node.dep_ in ("dobj", "obj", "nsubjpass", "nsubj:pass", "nsubj") and node.head.lemma_.lower() in lemmas:
            return node.head
        if node.dep_ == "pobj" and node.head.lower_ == "into" and node.head.head.lemma_.lower() == "enter":
            return node.head.head  # "entered into an agreement"
        if node.dep_ in ("acl", "amod") and node.lemma_.lower() in lemmas:
            return node
        for child in node.children:  # "l'accord signé par ...", "the agreement signed by ..."
            if child.dep_ in ("acl", "amod", "acl:relcl") and child.lemma_.lower() in lemmas:
                return child
        if node.head is node:
            break
        node = node.head
    return None


def _is_passive_subject(subject: Token, trigger: Token) -> bool:
    """ "The agreement was signed by X": the subject is the document itself."""
    return subject.i <= trigger.i <= subject.right_edge.i or subject.dep_ == "nsubj:pass"


def _case(token: Token) -> str | None:
    """The preposition of a dependent: English prep heads ("with" -> pobj), French case children."""
    if token.dep_ in ("prep", "agent"):
        return token.lower_
    marks = [c.lower_ for c in token.children if c.dep_ == "case"]
    return marks[0] if marks else None


def _objects(token: Token) -> list[Token]:
    """The noun a preposition introduces: the English pobj, or the French noun itself."""
    if token.dep_ in ("prep", "agent"):
        return [c for c in token.children if c.dep_ == "pobj"]
    return [token]


def _with_name(token: Token, lang: str) -> list[Token]:
    """A subject and, in French, the name its title takes right after it ("l'ambassadrice Kvien": the parse
    makes the title the subject and the name its modifier), not a complement ("le ministre de la Défense")."""
    if lang != "fr":
        return [token]
    return [token] + [c for c in token.children if c.i > token.i and c.dep_ in ("nmod", "appos", "flat:name")
                      and c.pos_ in ("PROPN", "NOUN") and not any(g.dep_ == "case" for g in c.children)]


def _with_conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out += _with_conjuncts(child)
    return out


def trigger_head(text: str, lang: str, trigger: tuple[int, int]) -> Token | None:
    """The token heading the trigger phrase at `trigger` (offsets relative to `text`, one sentence) in
    the sentence's parse ("Memorandum" of "Memorandum of Understanding"); None without a parser."""
    doc = _parse(lang, text)
    if doc is None:
        return None
    span = doc.char_span(trigger[0], trigger[1], alignment_mode="expand")
    return span.root if span is not None and len(span) else None


# Leading words of a noun phrase that are no part of a party's name: articles, prepositions.
_LEADING = {"det", "case", "cc", "punct", "mark"}
# What ends a party's name to the right: a clause or a punctuation mark ("..., qui a ...", "pour ...").
_CLAUSE = {"VERB", "AUX", "PRON", "SCONJ", "PUNCT"}


def between_phrases(text: str, lang: str, at: int) -> list[tuple[int, int]]:
    """Character spans (relative to `text`, one sentence) of the full noun phrases the preposition at
    offset `at` ("entre" of "entre X et Y") joins: its noun and the conjuncts after it, each up to the
    next one ("le ministère égyptien de la Coopération internationale"), articles left out. Empty
    without a parse, or when the preposition heads no noun."""
    doc = _parse(lang, text)
    if doc is None:
        return []
    prep = next((t for t in doc if t.idx == at), None)
    if prep is None or prep.dep_ != "case" or prep.head.pos_ not in ("NOUN", "PROPN"):
        return []
    noun = prep.head
    # the parser often hangs Y of "entre X et Y" elsewhere: on the noun X modifies ("un accord de
    # coopération entre X et Y") or on X's own modifier ("entre le ministère de l'Environnement de la RA
    # et le ministère égyptien"); a conjunct with its own preposition is part of X ("de l'Industrie et
    # des Mines")
    near = set(noun.subtree) | set(list(noun.ancestors)[:3])
    nouns = _with_conjuncts(noun) + [t for t in doc if t.dep_ == "conj" and t.i > noun.i and t.head in near
                                     and t.pos_ in ("NOUN", "PROPN")
                                     and not any(c.dep_ == "case" for c in t.children)]
    nouns = sorted({t.i: t for t in nouns}.values(), key=lambda t: t.i)
    last = max(n.right_edge.i for n in nouns)
    out = []
    for k, n in enumerate(nouns):
        stop = nouns[k + 1].left_edge.i if k + 1 < len(nouns) else last + 1  # the next one's "et" included
        words = [doc[i] for i in range(n.i, stop)]
        words = [t for t in n.subtree if t.i < n.i and t.dep_ not in _LEADING] + words
        # a clause ends the name; so does an "et" of the sentence's own ("... et a ajouté"), not one
        # inside the name ("de l'Industrie et des Mines", whose "et" hangs on a word after `n`)
        end = next((j for j, t in enumerate(words)
                    if j and (t.pos_ in _CLAUSE or t.dep_ == "cc" and t.head.i <= n.i)), len(words))
        words = words[:end]
        if words:
            out.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return out
