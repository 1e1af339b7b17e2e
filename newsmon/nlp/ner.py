"""NER stage: each language segment goes through its own language's spaCy pipeline.

Only the `ner` component (with its own tok2vec) is loaded, so the parser and tagger cost nothing.
A language with no pipeline gets no statistical NER: Azerbaijani text is never run through the English
or French model, whose output on it would be noise.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Span

from newsmon.model import Mention, Segment
from newsmon.nlp.mentions import TITLES
from newsmon.nlp.ner_labels import DEFAULT_MODELS, shared_pipeline, to_unified
from newsmon.text.az import COMPASS_WORDS, PATRONYMIC_WORDS, az_stem, split_case, stem_word
from newsmon.text.normalize import fold, in_quotes, read_escapes
from newsmon.text.scripts import has_foreign_word
from newsmon.settings import MODELS_DIR

log = logging.getLogger(__name__)


class NerStage:
    """Runs per-language spaCy NER over a document's language segments; pipelines load lazily."""

    def __init__(self, models: dict[str, str] | None = None) -> None:
        self.models = dict(DEFAULT_MODELS if models is None else models)
        self._loaded: dict[str, Language | None] = {}

    def pipeline(self, lang: str) -> Language | None:
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang)
        return self._loaded[lang]

    def _load(self, lang: str) -> Language | None:
        name = self.models.get(lang)
        if name is None:
            return None
        if ("/" in name or name.startswith(".")) and not Path(name).exists():
            log.warning("no NER pipeline for %r: %s does not exist", lang, name)
            return None
        nlp = shared_pipeline(name)
        if lang == "az":
            _split_dialogue_dashes(nlp)
        keep = {"ner", "entity_ruler"}
        for pipe in list(nlp.pipe_names):
            if pipe not in keep and not _feeds(nlp, pipe, keep):
                # disabled, not removed: the agreement stage runs the parser of this same copy
                nlp.disable_pipe(pipe)
        return nlp

    def annotate(self, text: str, segments: Sequence[Segment]) -> list[Mention]:
        """Mentions (with unified labels and offsets into `text`) from every segment with a pipeline."""
        return self.annotate_many([(text, segments)])[0]

    def annotate_many(self, items: Sequence[tuple[str, Sequence[Segment]]]) -> list[list[Mention]]:
        """`annotate` for each (text, segments), with all segments (in `chunks`) of one language in one
        `nlp.pipe`."""
        # lang -> (text index, segment index, chunk start, chunk end, segment)
        by_lang: dict[str, list[tuple[int, int, int, int, Segment]]] = {}
        for i, (text, segments) in enumerate(items):
            for n, seg in enumerate(segments):
                if self.pipeline(seg.lang) is not None:
                    by_lang.setdefault(seg.lang, []).extend(
                        (i, n, start, end, seg) for start, end in chunks(text, seg.start, seg.end))
        found: list[list[tuple[int, Mention]]] = [[] for _ in items]
        for lang, parts in by_lang.items():
            # the model reads a headline's escapes as what they stand for ("Joe\\_Biden\\u2019s" as
            # "Joe Biden’s"); the mention keeps the stored text ("Joe\\_Biden", as the gold writes it)
            read = [read_escapes(items[i][0][start:end]) for i, _, start, end, _ in parts]
            docs = self.pipeline(lang).pipe(model_text for model_text, _ in read)
            for (i, n, start, _, seg), (_, escapes), doc in zip(parts, read, docs):
                for ent in doc.ents:
                    label = to_unified(ent.label_)
                    said = _before_possessive(ent, label)
                    said_end = said.start_char + len(said.text.rstrip(_TRAILING))
                    first = start + escapes.start(ent.start_char)
                    last = start + escapes.end(said_end)
                    said = items[i][0][first:last]
                    if label is None or not said.strip() or has_foreign_word(said, seg.lang):
                        continue
                    found[i].append((n, Mention(said, label, first, last, seg.lang)))
        # each text's mentions in segment order, as one text at a time gives them (the sort is stable)
        return [drop_unlikely_names([m for _, m in sorted(pairs, key=lambda p: p[0])], text)
                for pairs, (text, _) in zip(found, items)]


def _split_dialogue_dashes(nlp: Language) -> None:
    """A hyphen opening a word is a token of its own. AZƏRTAC's transcripts of meetings open each reply
    with one ("-İlham Heydər oğlu, ...", "-Hörmətli cənab Prezident"; 178 times in 53 az real-news
    articles); spaCy's default prefixes split "—" and "–" but keep "-İlham" whole, and the model then
    misses the name or tags the rest of it ("Heydər oğlu")."""
    pattern = nlp.tokenizer.prefix_search.__self__.pattern
    if r"^-(?=" not in pattern:
        nlp.tokenizer.prefix_search = re.compile(pattern + r"|^-(?=[^\W\d_])").search


# The models sometimes take the "!" of an address ("Hörmətli Şavkat Miromonoviç!", "Charles !") or a
# comma into a name: a name never ends in these ("." stays: "Jr.", "Inc.").
_TRAILING = " !?,;:"
# The English model keeps the possessive of a name in a title-case headline ("President Biden’s Call
# with ..." gives "Biden’s"), which the gold never does: 5 of 17,151 mentions of 200 en pool articles'
# text, and about one headline in five with a possessive. A person's span also runs on past it into the
# headline ("Joe\_Biden\u2019s Meeting", "Biden’s State": 12 of 22,342 mentions of 250 en pool articles,
# all people); a body's or place's name may hold one ("People’s Republic of China", "Children’s Hospital").
_POSSESSIVE = frozenset({"'s", "’s"})


def _before_possessive(ent: Span, label: str | None) -> Span:
    """`ent` without a final possessive, and a person without everything from a possessive on."""
    if label == "PERSON":
        cut = next((t.i for t in ent[1:] if t.lower_ in _POSSESSIVE), None)
        if cut is not None:
            return ent.doc[ent.start:cut]
    return ent[:-1] if len(ent) > 1 and ent[-1].lower_ in _POSSESSIVE else ent


# spaCy refuses a text over nlp.max_length (1,000,000 characters, error E088) and needs about a
# gigabyte per 100,000 characters for NER; a longer segment goes through in pieces cut where a
# paragraph, a sentence or at least a word ends.
CHUNK_CHARS = 100_000


def chunks(text: str, start: int, end: int, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """(start, end) spans of at most `size` characters covering text[start:end]."""
    spans = []
    while end - start > size:
        window = text[start:start + size]
        stop = start + size
        for separator in ("\n", ". ", " "):  # the latest paragraph end, else sentence end, else space
            cut = window.rfind(separator)
            if cut > size // 2:
                stop = start + cut + len(separator)
                break
        spans.append((start, stop))
        start = stop
    spans.append((start, end))
    return spans


# The Azerbaijani model learnt from Wikipedia titles that a capitalised word is a name, so it tags
# sentence-initial words ("Seminarda", "Xatırladaq", "Ötən il"). At the start of a sentence, closed-class
# openers ("Ötən", "Xatırladaq", "Bu") are cut from the front of a mention, and a mention left with one
# ordinary word and no other capitalised word ("Panel sessiyaları") is dropped: a word is ordinary when
# its stem is in our common-word list, or written in lower case elsewhere in the same article. A PERSON
# whose last word is an ordinary word or that contains a title noun ("Töhfə Sazişi", "Hökumət Forumu",
# models/lexicon/az-title-words.txt) is a title, not a person, and is dropped wherever it stands.
# what the text right before a word ends with when the word opens a sentence (or a quote, or a line)
SENTENCE_START = re.compile(r"(?:^|[.!?:;\n\"“”«»]\s*)$")
_LOWER_WORD = re.compile(r"(?<![\w])[a-zəıöüğçş][^\W\d_]*")
_WORD_SPAN = re.compile(r"\S+")
# the cases of a sentence's ordinary first word that says where or whence ("Danışıqlarda", "Ümumilikdə",
# "Müsahibədə"), never a name's first word: the model runs it into the name after it
_WHERE_CASES = ("locative", "locative_ki", "ablative")
_PUNCT = ",.;:!?\"“”«»()"
# "our", the 1st-person plural possessive, in vowel harmony, a case ending after it: "Ordumuz", "Zəfərimizi",
# "Qələbəmizdir" are our army and victory, no person ("Ramiz": -miz after "a" is no suffix)
OUR = re.compile(r"(?:[bcçdfgğhjklmnpqrsştvxyz](?:ımız|imiz|umuz|ümüz)|(?:[aı]mız|[eəi]miz|[ou]muz|[öü]müz))"
                  r"(?:[a-zəıöüğşç]{0,4})$")
# Offices held by a person, folded stems: the model sometimes runs a place into the office that follows it
# ("Tatarıstan Respublikası Rəisinin Fərmanı", "Azərbaycan Respublikasının Prezidenti", "Böyük Britaniya Kralının");
# `az_people.az_office_holders` reads the name after one as a person's.
OFFICE_STEMS = frozenset(az_stem(fold(w)) for w in
                         "rəisi prezidenti sədri naziri səfiri başçısı rektoru direktoru katibi müavini kralı kraliçası "
                         "papası".split())
# honorifics written before a person's name ("xanım Nensi Pelosi", "cənab Frenk Pallone")
HONORIFICS = frozenset(fold(w) for w in ("xanım", "cənab"))
# Administrative nouns after a place, written in lower case: not part of its name ("Ağdam rayonunun" ->
# "Ağdam", "Bakı şəhərinin" -> "Bakı", "Qəzza zolağında" -> "Qəzza", "Qarabağ bölgəsinin" -> "Qarabağ"), as real-dev
# and our training data annotate them ("regionu" is left: real-dev writes "Xəzər regionunun" whole).
_ADMIN_NOUNS = tuple(fold(w) for w in "rayon şəhər kənd qəsəbə vilayət əyalət zolağ bölgə mahal".split())


def without_admin_noun(m: Mention) -> Mention:
    """An Azerbaijani place without the administrative noun after it ("Xocalı rayonunun" -> "Xocalı"): the
    knowledge base lists "Xocalı rayonu" as a name of the district, real news annotates the name alone."""
    words = m.text.split()
    if m.lang != "az" or m.label != "LOC" or len(words) < 2 or not words[-1][:1].islower() \
            or not fold(words[-1]).startswith(_ADMIN_NOUNS):
        return m
    words = words[:-1]
    while len(words) > 1 and words[-1][:1].islower():  # "Şərqi Zəngəzur iqtisadi rayonu" -> "Şərqi Zəngəzur"
        words = words[:-1]
    kept = m.text[:len(m.text) - len(m.text.lstrip())] + " ".join(words)
    if " ".join(words) != m.text[:len(kept)].strip() or not words[-1][:1].isupper():
        return m  # irregular spacing, or nothing capitalised left: leave it
    return replace(m, text=kept, end=m.start + len(kept))


@lru_cache(maxsize=None)
def _lexicon(name: str) -> tuple[str, ...]:
    path = MODELS_DIR / "lexicon" / name
    if not path.exists():
        return ()
    return tuple(w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#"))


_stem = stem_word  # az_stem(fold(word)), cached


@lru_cache(maxsize=None)
def common_stems(lang: str) -> frozenset[str]:
    return frozenset(az_stem(fold(w)) for w in _lexicon(f"{lang}-common-words.txt"))


@lru_cache(maxsize=None)
def news_stems() -> frozenset[str]:
    """Stems of the ordinary words of Azerbaijani real news the general corpora lack ("Ermənilər", "Terrorçuluq",
    "İcazənizlə"; models/lexicon/az-news-common-words.txt): read for a sentence's first word only, as many are
    also people's names ("Sadiq", loyal; "Sərdar", commander) and words of names ("Nizami", regular)."""
    return frozenset(az_stem(fold(w)) for w in _lexicon("az-news-common-words.txt")) - common_stems("az")


@lru_cache(maxsize=None)
def sentence_openers(lang: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _lexicon(f"{lang}-sentence-openers.txt"))


@lru_cache(maxsize=None)
def title_stems(lang: str) -> frozenset[str]:
    return frozenset(az_stem(fold(w)) for w in _lexicon(f"{lang}-title-words.txt"))


def _patronymic(word: str) -> bool:
    # "İlham Heydər oğlu" (son of Heydər), "Aytac Ceyhun qızı": an ordinary word that ends a full name
    # the way letters address people and decrees name them
    return fold(word) in PATRONYMIC_WORDS


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# A colon, question mark or exclamation mark and a space inside a mention ends a sentence or a speaker's tag:
# AZƏRTAC's interview transcripts open each turn with one ("Aparıcı: Cənab Prezident, ...", "Vüsal Mətləb: Cənab
# Prezident"), and the model runs the tag into the reply's first word ("Aparıcı: Siz", "Nə üçün? Çünki").
_SENTENCE_MARK = re.compile(r"[:?!]\s+")


def split_at_sentence_marks(m: Mention) -> list[Mention]:
    """The pieces of an az mention between sentence marks (see `_SENTENCE_MARK`) with a capitalised word and not
    only titles, each with the mention's label; `drop_unlikely_names` then reads the piece after the mark as a sentence's first words."""
    if m.lang != "az" or m.label == "DATE" or not _SENTENCE_MARK.search(m.text):
        return [m]
    pieces, at = [], 0
    for mark in [*_SENTENCE_MARK.finditer(m.text), None]:
        end = mark.start() if mark else len(m.text)
        words = m.text[at:end].split()
        # "etmədilər" of "etmədilər? Demək" is no name, nor "Cənab Prezident" of "Aparıcı: Cənab Prezident"
        if any(w[:1].isupper() for w in words) and not all(fold(w) in TITLES for w in words):
            pieces.append(replace(m, text=m.text[at:end], start=m.start + at, end=m.start + end))
        at = mark.end() if mark else at
    return pieces


def drop_unlikely_names(mentions: list[Mention], text: str) -> list[Mention]:
    """Azerbaijani mentions without the sentence openers, ordinary words and titles the model takes for
    names (see the comment above), cut at sentence marks inside them first (`split_at_sentence_marks`); dates
    are left to `newsmon.dates`' rules and kept as they are."""
    mentions = [piece for m in mentions for piece in split_at_sentence_marks(m)]
    article_lower: set[str] | None = None

    def ordinary(word: str, opener: bool = False) -> bool:
        nonlocal article_lower
        if article_lower is None:
            article_lower = {_stem(w) for w in _LOWER_WORD.findall(text)}
        if len(word) > 1 and word.isupper():  # an acronym: "ASAN" is a name, "asan" (easy) a word
            return False
        stem = _stem(word)
        return stem in common_stems("az") or stem in article_lower or (opener and stem in news_stems())

    kept = []
    for m in mentions:
        if m.lang != "az" or m.label == "DATE":
            kept.append(m)
            continue
        words = [(w.start(), w.group().strip(_PUNCT)) for w in _WORD_SPAN.finditer(m.text)]
        parts = words[0][1].split("-") if len(words) == 1 and m.label in ("LOC", "ORG") else []
        if len(parts) == 2 and parts[1][:1].islower() and parts[0][1:].islower() and all(ordinary(p) for p in parts) \
                and not all(fold(p) in COMPASS_WORDS for p in parts):  # "Şimal-qərb": a region, as the stand-off writes it
            continue  # two ordinary words joined: "Neft-qaz", "Təmir-bərpa", "Haqq-ədalət", "Mənzil-qərargahı"
        if SENTENCE_START.search(text[max(0, m.start - 3):m.start]):
            while words and fold(words[0][1]) in sentence_openers("az"):
                words.pop(0)
            if not words or (ordinary(words[0][1], opener=not _quoted(m, text))
                             and not any(_capitalised(w) for _, w in words[1:])):
                continue  # nothing but the sentence's capital letter says it is a name
            if len(words) > 1 and split_case(words[0][1])[1] in _WHERE_CASES and ordinary(words[0][1]) \
                    and _capitalised(words[1][1]):
                words.pop(0)  # "Danışıqlarda Xəzərdə" (in the talks, in the Caspian): a word saying where opens it
            if words[0][0]:
                cut = words[0][0]
                m = replace(m, text=m.text[cut:], start=m.start + cut)
        if m.label == "LOC" and len(words) > 1 and (_stem(words[-1][1]) in OFFICE_STEMS or (
                words[-1][1][:1].islower() and fold(words[-1][1]).startswith(_ADMIN_NOUNS))):
            # "Tatarıstan Respublikası Rəisinin": the place, not its head's office; "Qaradağ rayonundan":
            # the name without its administrative noun (a venue's noun stays: "Gəncə şəhər stadionu")
            m = replace(m, text=m.text[:words[-2][0] + len(words[-2][1])], end=m.start + words[-2][0] + len(words[-2][1]))
            words = words[:-1]
        if m.label == "PERSON" and (len(words) > 1 and ordinary(words[-1][1]) and not _patronymic(words[-1][1])
                                    and not (_after_office(text, m.start)
                                             and all(_capitalised(w) and fold(w) not in TITLES for _, w in words))
                                    or any(_stem(w) in title_stems("az") for _, w in words)
                                    or OUR.search(words[-1][1])):
            continue
        kept.append(m)
    return kept


def _after_office(text: str, start: int) -> bool:
    """The word right before `start` is an office held by a person (`OFFICE_STEMS`: "İsrail Dövlətinin Prezidenti
    İsxak Hersoq", "xarici işlər naziri Məhəmməd İshaq Dar") or an honorific ("xanım Nensi Pelosi"): what follows
    is the holder's name, though its last word is an ordinary word ("hersoq", duke; "dar", narrow), where
    elsewhere such a word ends a title ("Töhfə Sazişi"). The caller still drops a run with a title or a
    lower-case word in it ("cənab Ali Baş Komandan", "Baş naziri Şahbaz qardaşım")."""
    before = text[max(0, start - 30):start]
    if not before.endswith(" "):
        return False
    word = before.split()[-1] if before.split() else ""
    return _stem(word) in OFFICE_STEMS or fold(word) in HONORIFICS


def _quoted(m: Mention, text: str) -> bool:
    """The mention fills a pair of quotes, as a team's or a hall's name is written (“Real”, “Nizami” zalı): a
    name, though its word is an ordinary word of news."""
    return in_quotes(text, m.start, m.end)


def _feeds(nlp: Language, pipe: str, keep: set[str]) -> bool:
    """Whether a kept component listens to `pipe` (a shared tok2vec must stay)."""
    component = nlp.get_pipe(pipe)
    listeners = getattr(component, "listening_components", None) or []
    return any(name in keep for name in listeners)
