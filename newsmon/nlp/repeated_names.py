"""A name an article names is found wherever the article repeats it ("document-level recall").

The statistical models label each occurrence of a name on its own context, so a name found in one sentence
is missed in the next ("Əhməd Əl Şaraa" tagged once, left four times), most often in Azerbaijani, where each
occurrence carries another case ending ("Hieronica Limited", "Hieronica Limitedin"). A writer's name keeps
its meaning within one story ("one sense per discourse", as `consistency` harmonises the labels of names
found several times), so once linking has settled a name's span and label, its other occurrences no mention
covers are that name too: the same words, in az with any one case ending on the last word (glued, or after a
hyphen as `mentions.with_hyphen_suffix` spans it), whole words only.

Which names (read on 300 random pool articles per language):
- Azerbaijani (written, not switched on: see REPEATED_NAME_LANGS): unknown names of two words or more, first
  and last capitalised. One az word is as often a thing's ("Zəfər", victory; "Venera"; "PULS") or a
  mislabelled person's; a surname alone is `az_names.az_surnames_of_people`'s.
- English and French: people's full names opening with a known first name, and their surnames alone ("Macron
  a dit"). The models' other names there too often name a programme or a common noun ("Cancer Moonshot",
  "Black", "Vive", "Maire"), and French acronyms are `article_acronyms`'.
Never names the knowledge base knows (its own matcher finds them where it trusts them), a name the article
labels two ways, a name opening with a title ("Prezident Mattarellanın" as an ORG), nor an occurrence two names
claim with different labels or entities. An occurrence is left where it may be a word of a longer name (a
capitalised word right before or after it, "of"/"de"/"&" joining it to one, "adına" before it), before an az
venue's or region's noun ("Xəzər regionunda" is one place), where its quotes differ from the name's (“Qarabağ”
the club, Qarabağ the land), and a one-word name opening a sentence when its word is an ordinary word there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsmon.model import Mention
from newsmon.nlp.az_venues import admin_noun_at, heads_a_place
from newsmon.nlp.kb import SUFFIX_LANGS, KnowledgeBase
from newsmon.nlp.mentions import LEADING_TITLES, TITLES
from newsmon.nlp.name_words import common_words, is_first_name
from newsmon.nlp.ner import SENTENCE_START, news_stems, sentence_openers
from newsmon.nlp.span_edit import SpanIndex
from newsmon.text.az import CASE_SUFFIX_SET, az_stems, stem_word
from newsmon.text.normalize import fold, in_quotes

# The languages linking runs the rule for. Not Azerbaijani yet: on 300 random pool articles its additions were
# 8 right and 3 wrong, and the az held-out stand-off set counts 2 more false positives and no more true ones
# (aggregate only): not clearly right. Adding "az" here turns it on, suffixes and all.
REPEATED_NAME_LANGS = ("en", "fr")
_LABELS = ("PERSON", "ORG", "LOC")
_MIN_WORD = 4  # a one-word name, and an az stem shared by two forms of one, has at least this many letters
# the word before an occurrence: a capitalised one makes it part of a longer name (unless it is a title)
_PREV_WORD = re.compile(r"[\"“«]?([^\W\d_][\w’'.-]*)[\"”»]?\s+$")
# "Səməd Vurğun adına Yaradıcılıq Evi" (named after): the words after "adına" end a longer name
_NAMED_AFTER = re.compile(r"\badına\s+$")
# "University of Oxford", "Institut de France", "Bank of the West": the name is the end of a longer one
_OF_NAME = re.compile(r"[A-ZÀ-ÞƏİÖÜĞŞÇ][\w’'-]*\s+(?:of|de|du|des|for|d[’'])\s*(?:the\s+|la\s+|l[’']\s*)?$")
_NEXT_NAME = re.compile(r"\s*&|\s+(?:(?:of|de|du|des|d[’'])\s+)?[A-ZÀ-ÞƏİÖÜĞŞÇ]")  # "Johnson & Johnson"
_FR_ELIDED = re.compile(r"(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)[’'][A-ZÀ-Þ]", re.IGNORECASE)
_FR_ELISION = re.compile(r"(?:^|[^\w])(?:[ldjmnstcLDJMNSTC]|qu|jusqu|lorsqu|puisqu)[’']$")
_PARTICLES = frozenset(("de", "d'", "d’", "of", "von", "van", "da", "del", "di", "du", "le", "la", "al", "el", "bin"))


@dataclass
class _Name:
    """A name to look for: its words as written (the last maybe inflected), label and entity."""
    words: tuple[str, ...]
    label: str
    canonical_id: str | None
    canonical_name: str | None
    quoted: bool


def repeated_names(mentions: list[Mention], text: str, lang: str, kb: KnowledgeBase,
                   ordinary: set[str] | frozenset[str]) -> list[Mention]:
    """`mentions` with the other occurrences of the article's unknown names added (see the module's docstring).
    `ordinary`: the article's and the language's ordinary words, as `az_stem`s (az) or folded words (en, fr)."""
    names = _names(mentions, text, lang, kb, ordinary)
    if not names:
        return mentions
    taken = SpanIndex([(m.start, m.end) for m in mentions])
    found: dict[tuple[int, int], set[tuple[str, str | None]]] = {}
    added: dict[tuple[int, int], Mention] = {}
    for name in names:
        for s, e in _occurrences(name, text, lang, ordinary):
            if taken.overlaps(s, e):
                continue
            found.setdefault((s, e), set()).add((name.label, name.canonical_id))
            added.setdefault((s, e), Mention(text[s:e], name.label, s, e, lang, name.canonical_id,
                                             name.canonical_name))
    new = [m for span, m in added.items() if len(found[span]) == 1]
    # two names' occurrences may overlap ("Makron" inside "Emmanuel Makronun" when only the surname was a source)
    new.sort(key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for m in new:
        if not kept or kept[-1].end <= m.start:
            kept.append(m)
    return sorted(mentions + kept, key=lambda m: (m.start, -m.end)) if kept else mentions


def _names(mentions: list[Mention], text: str, lang: str, kb: KnowledgeBase,
           ordinary: set[str] | frozenset[str]) -> list[_Name]:
    """The article's names worth looking for, one per distinct written form: unknown names found by the model
    or a span rule, with one label in the article, and (en, fr) the surnames of full names of people."""
    labels: dict[str, set[str]] = {}  # folded base form -> labels the article gives it
    out: dict[tuple[str, ...], _Name] = {}
    in_names = {fold(w) for m in mentions if m.label in ("ORG", "LOC", "MISC") for w in m.text.split()}
    for m in mentions:
        if m.label not in _LABELS or (m.lang or lang) != lang:
            continue
        for base in _bases(m.text, lang):
            labels.setdefault(base, set()).add(m.label)
        if m.canonical_id and kb.get(m.canonical_id) is not None:
            continue
        words = tuple(m.text.split())
        if lang in SUFFIX_LANGS:
            if _trusted(words, text, lang, ordinary):
                out.setdefault(words, _Name(words, m.label, m.canonical_id, m.canonical_name,
                                            in_quotes(text, m.start, m.end)))
            continue
        # English and French: people's full names only, and their surnames. The models' other names there are
        # too often a programme's or a common noun's ("Cancer Moonshot", "Black", "Vive", "Maire"): 25 right and
        # 35 wrong in 60 French additions, 9 of 70 English ones right, every name and label spread
        if m.label == "PERSON" and 2 <= len(words) <= 3 and is_first_name(words[0]) \
                and all(w[:1].isupper() for w in words) and _trusted(words, text, lang, ordinary):
            out.setdefault(words, _Name(words, "PERSON", m.canonical_id, m.canonical_name, False))
            if fold(words[-2]) not in _PARTICLES and fold(words[-1]) not in in_names \
                    and _trusted(words[-1:], text, lang, ordinary):
                out.setdefault(words[-1:], _Name(words[-1:], "PERSON", m.canonical_id, m.canonical_name, False))
    # a name the article labels two ways (a vote `consistency` left tied) has no clear label
    return [n for n in out.values() if all(len(labels.get(b, ())) <= 1 for b in _bases(" ".join(n.words), lang))]


def _bases(name: str, lang: str) -> list[str]:
    """The folded forms a name may be written in without its case ending: itself, and in az its stems."""
    folded = fold(name)
    if lang not in SUFFIX_LANGS:
        return [folded]
    head, _, last = folded.rpartition(" ")
    return [folded] + [f"{head} {s}".lstrip() for s in az_stems(last, _MIN_WORD)]


def _trusted(words: tuple[str, ...], text: str, lang: str, ordinary: set[str] | frozenset[str]) -> bool:
    """A name whose occurrences are that name: its first and last words capitalised; of several words, or one
    long word that is no ordinary word (nor, in en and fr, an acronym)."""
    if not words or not words[0][:1].isupper() or not words[-1][:1].isupper():
        return False  # a name ending in a common noun ("Alban kilsəsi") is a thing's, its noun a reading's
    if fold(words[0]).rstrip(".") in TITLES:
        return False  # "Prezident Mattarellanın" as an ORG: the model's span took the title, the name is the rest
    if len(words) > 1:
        return True
    if lang in SUFFIX_LANGS:
        # one az word is as often a thing's ("Zəfər", victory; "Venera", "PULS") or a mislabelled person's
        # ("Menendez" as a LOC): 2 right, 12 wrong on 300 pool articles; a surname is az_surnames_of_people's
        return False
    word = words[0]
    if sum(c.isalpha() for c in word) < _MIN_WORD or _ordinary(word, lang, ordinary, opener=False):
        return False
    return lang in SUFFIX_LANGS or not word.isupper()


def _ordinary(word: str, lang: str, ordinary: set[str] | frozenset[str], opener: bool) -> bool:
    """An ordinary word of the article or the language (`opener`: as a sentence's first word, where the az
    news words and sentence openers count too)."""
    if lang in SUFFIX_LANGS:
        stem = stem_word(word)
        return stem in ordinary or (opener and (stem in news_stems() or fold(word) in sentence_openers("az")))
    return fold(word) in ordinary or fold(word) in common_words(lang)


def _pattern(name: _Name, lang: str) -> re.Pattern[str]:
    """Where the name's words may stand: az takes any word on the last one's stem (checked after)."""
    *head, last = name.words
    if lang in SUFFIX_LANGS:
        stems = [s for s in az_stems(fold(last), _MIN_WORD) if len(fold(last)) == len(last)]
        last_re = re.escape(last[:len(stems[-1])] if stems else last) + r"[^\W\d_]*(?:-[^\W\d_]+)?"
    else:
        last_re = re.escape(last)
    words = [re.escape(w) for w in head] + [f"(?P<last>{last_re})"]
    return re.compile(r"[^\S\n]+".join(words))  # a name never runs over a line's end


def _occurrences(name: _Name, text: str, lang: str, ordinary: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the name's occurrences in `text` that stand alone (see the module's docstring)."""
    out = []
    source_last = fold(name.words[-1])
    for hit in _pattern(name, lang).finditer(text):
        s, e = hit.span()
        if lang in SUFFIX_LANGS and not _same_word(source_last, fold(hit.group("last"))):
            continue
        if not _whole(text, s, e, lang) or in_quotes(text, s, e) != name.quoted:
            continue
        at_start = bool(SENTENCE_START.search(text[max(0, s - 3):s]))
        if _in_longer_name(text, s, e, lang, at_start, ordinary):
            continue
        if at_start and len(name.words) == 1 and _ordinary(hit.group(), lang, ordinary, opener=True):
            continue
        if lang in SUFFIX_LANGS and (heads_a_place(text, e) or name.label != "LOC" and admin_noun_at(text, e)):
            continue  # "Xəzər regionunda" is one place; "Rıskulov rayonunda" a place, no person
        out.append((s, e))
    return out


def _same_word(source: str, word: str) -> bool:
    """Folded `word` is the source's last word with another case ending, or none: equal, one the other with an
    ending (a hyphen's too: "unesco-nun"), or both one stem with two endings ("makronun", "makronla")."""
    if "-" in word:
        word, suffix = word.rsplit("-", 1)
        if suffix not in CASE_SUFFIX_SET:
            return False
    if word == source:
        return True
    stems = {source, *az_stems(source, _MIN_WORD)} & {word, *az_stems(word, _MIN_WORD)}
    return bool(stems)


def _whole(text: str, s: int, e: int, lang: str) -> bool:
    """Whole words: nothing glued before (but a French elision, "d’Orange") or after (but English "’s", an az
    suffix after an apostrophe)."""
    before = text[s - 1:s]
    if before and (before.isalnum() or before in "_-.&@/"):
        return False
    if before in "’'" and not (lang == "fr" and _FR_ELISION.search(text[max(0, s - 8):s])):
        return False
    after = text[e:e + 2]
    if after[:1].isalnum() or after[:1] in "_&@/" or (after[:1] == "-" and after[1:2].isalnum()):
        return False
    if after[:1] in "’'" and after[1:2].isalpha():
        return lang in SUFFIX_LANGS or (lang == "en" and re.match(r"[’']s\b", text[e:e + 3]) is not None)
    return True


def _in_longer_name(text: str, s: int, e: int, lang: str, at_start: bool, ordinary: set[str] | frozenset[str]) -> bool:
    """The occurrence is a word of a longer name: a capitalised word right after it, or right before it (not a
    title, nor a sentence's ordinary first word: "Sonra", "Later"), or a capitalised word and "of"/"de" before it."""
    if _NEXT_NAME.match(text, e) or text[max(0, s - 3):s].rstrip().endswith("&"):
        return True
    if at_start:
        return False
    prev = _PREV_WORD.search(text, max(0, s - 40), s)
    if prev and lang == "fr" and _FR_ELIDED.match(prev.group(1)):
        return True  # "d’Elise Boghossian": the given name before the surname
    if prev and prev.group(1)[:1].isupper() and fold(prev.group(1)).rstrip(".") not in TITLES | LEADING_TITLES \
            and not (prev.start(1) == prev.start() and SENTENCE_START.search(text[max(0, prev.start(1) - 3):prev.start(1)])
                     and _ordinary(prev.group(1), lang, ordinary, opener=True)):
        return True
    if lang in SUFFIX_LANGS:
        return bool(_NAMED_AFTER.search(text, max(0, s - 10), s))
    of = _OF_NAME.search(text, max(0, s - 40), s)  # "University of", not a sentence's first word ("L’appel d’")
    return bool(of) and not SENTENCE_START.search(text[max(0, of.start() - 3):of.start()])
