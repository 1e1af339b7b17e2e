"""Azerbaijani people's names the model cuts or misses: a person written with an initial ("S.Babayev"), a
double-barrelled surname ("Kosinyak-Kamış") or an Arabic article ("əl-Kanua"), a regnal number before the name
("V Pavelin"), a name after an office, people the model took for a body ("İshak Alqart, Şlomo Mansur və Tsaxi
İdanın") or a surname it took for a place ("Bəhruz Kəngərlinin"). Each rule takes
the article's mentions and text and returns the corrected mentions; `linking.link_mentions` applies them
to Azerbaijani text before linking."""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.az_names import is_org_head
from newsmon.nlp.dates.az import STEMS as MONTHS
from newsmon.nlp.mentions import TITLES
from newsmon.nlp.name_words import is_first_name
from newsmon.nlp.ner import HONORIFICS, OFFICE_STEMS, news_stems, sentence_openers
from newsmon.text.az import AZ_CAPITAL, SURNAME_RE, SURNAME_STEM_RE, az_stems, split_case, stem_word
from newsmon.text.normalize import fold, in_quotes


# An initial glued to a capitalised word, as Azerbaijani news writes people after their first mention
# ("S.Babayev", "Ə.Əsədovun", "R.Vardanyana"); with a space it is as often a street ("Ə. Haqverdiyev küçəsi").
_AZ_INITIAL_NAME = re.compile(r"(?<![\w.])" + AZ_CAPITAL + r"\." + AZ_CAPITAL + r"[a-zəöüğşçı’'-]+")


def az_initial_names(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """A person written with an initial ("S.Babayev") is a PERSON mention, also where NER missed it or
    took the surname for a place, or the knowledge base matched the surname alone ("N.Paşinyan": the
    mention keeps that person's entity); a longer name holding it is left alone."""
    out = list(mentions)
    for hit in _AZ_INITIAL_NAME.finditer(text):
        s, e = hit.span()
        crossing = [m for m in out if m.start < e and s < m.end and m.label != "DATE"]
        if any(m.start < s or m.end > e for m in crossing):
            continue
        # a known person matched on the surname alone ("N.Paşinyan"): the whole name, with that person's entity
        known = [m for m in crossing if m.label == "PERSON" and m.canonical_id]
        if any(m.label == "PERSON" for m in crossing) and len(known) != 1:
            continue
        cid, cname = (known[0].canonical_id, known[0].canonical_name) if known else (None, None)
        out = [m for m in out if m not in crossing] + [Mention(hit.group(), "PERSON", s, e, lang, cid, cname)]
    return sorted(out, key=lambda m: (m.start, -m.end))


# The second half of a double-barrelled surname, glued by a hyphen ("Kosinyak-Kamış", "Silyanovska-Davkova",
# "Cavanşirova-Verdiyeva"), with its case ending: the tokenizer splits the hyphen and the model ends the
# person at it or tags the half apart, often as a place.
_SURNAME_TAIL = re.compile(r"-" + AZ_CAPITAL + r"[a-zəöüğşçı’']+(?![\w-])")
# The Arabic article before a name's last word, written in lower case and assimilated ("Abdel Lətif əl-Kanua",
# "Əhməd əş-Şara", "Əbdülfəttah əs-Sisini"): part of the name, where the model ends the person before it. Not
# before a capitalised word: the name runs on into a body's ("İzzəddin əl-Qəssam Briqadaları").
_ARTICLE_TAIL = re.compile(r" ə[lşsrndtz]-" + AZ_CAPITAL + r"[a-zəöüğşçı’']+(?![\w-])(?!\s+" + AZ_CAPITAL + ")")


def az_double_surnames(mentions: list[Mention], text: str) -> list[Mention]:
    """A person of two words or more that ends right before "-Surname" runs over it, and a mention of that half
    alone goes. Not when the half is a person or a known entity of its own: "Tramp-Bayden debatları" names two
    people (and a one-word person is left alone for the same reason). A person, of one word too, runs over the
    Arabic article and the word after it ("Əhməd əş-Şara"), whatever the model made of that word."""
    out = list(mentions)
    for m in mentions:
        article = _ARTICLE_TAIL.match(text, m.end) if m.label == "PERSON" else None
        hit = article or (_SURNAME_TAIL.match(text, m.end) if m.label == "PERSON" and " " in m.text else None)
        if hit is None:
            continue
        inside = [x for x in out if x.start < hit.end() and m.end < x.end and x is not m]
        if any(x.start < m.end + 1 or x.end > hit.end() or (not article and (x.label == "PERSON" or x.canonical_id))
               for x in inside):
            continue
        out = [x for x in out if x is not m and x not in inside] + [replace(m, text=text[m.start:hit.end()],
                                                                         end=hit.end())]
    return sorted(out, key=lambda x: (x.start, -x.end))


# A regnal number before a one-word name ("Papa V Pavelin fərmanı", "XIV Leo", "III Çarlz", "I Pyotrdan"): Azerbaijani
# writes it first, and real-dev spans it with the name ("V Pavelin"), as French does after it ("Léon XIV").
_REGNAL = re.compile(r"(?<![\w.-])[IVX]{1,5} $")


def az_regnal_names(mentions: list[Mention], text: str) -> list[Mention]:
    """A one-word person right after a Roman numeral takes the numeral into its span."""
    return [replace(m, text=text[hit.start():m.end], start=hit.start())
            if m.label == "PERSON" and " " not in m.text and (hit := _REGNAL.search(text, max(0, m.start - 7), m.start))
            else m for m in mentions]


# A person right after an office in the possessive or an honorific ("Əlcəzair Prezidenti Abdelmacid Tebbun",
# "dövlət başçısı xanım Dina Ersilia Boluarte Zeqarrayı", "Baş naziri Robert Mobili"): foreign people named once
# in a story, whom the model misses or takes for an organisation. Up to three capitalised words (four when the
# model already marked them), up to a punctuation mark or a lower-case word.
_HOLDER = re.compile(AZ_CAPITAL + r"[^\s" + re.escape(",.;:!?\"“”«»()") + r"]*(?=[\s,.;:!?\"“”«»()]|$)")


# the lower-case word after a run of capitalised words, and the 3rd-person possessive of a compound's head noun
# ("bayramı", "müharibəsində"), not a verb's past tense ("dedi", "etdi")
_NEXT_WORD = re.compile(r" ([a-zəıöüğşç]+)")
_COMPOUND_HEAD = re.compile(r"(?<![dt])(?:[ıiuü]|s[ıiuü])(?:n(?:da|də|dan|dən|a|ə|ı|i|un|ün|ın|in))?$")
# ... but a postposition of that form ends a name, no compound ("Baş naziri Binyamin Netanyahu arasında": the
# surname is no feast's first word; 1 of 16 firings on the az pool cut a name so)
_POSTPOSITIONS = frozenset(fold(w) for w in """arasında tərəfindən haqqında barəsində ərzində qarşısında yanında
zamanı vaxtı sayəsində nəticəsində əleyhinə adından adına""".split())
# a particle inside an Arab or European name goes on with it ("Kralı Həməd bin İsa Al Xəlifə"): the run of
# capitalised words before it is no whole name (2 of 16 firings on the az pool cut such a name)
_NAME_PARTICLE = re.compile(r" (?:bin|ibn|bint|əl|ben|van|von|fon|der)\b")


def _word_before(text: str, start: int) -> str:
    """The word before `start`, one space between ("" when there is none)."""
    before = text[max(0, start - 30):start]
    if not before.endswith(" ") or before.endswith("  ") or not before.split():
        return ""
    return before.split()[-1]


def _office_before(text: str, start: int) -> bool:
    """The word before `start` (one space between) is an office in the 3rd-person possessive ("Prezidenti",
    "naziri", "başçısı", not "Prezidentinin Fərmanı", whose genitive owns a thing) or an honorific."""
    word = _word_before(text, start)
    folded = fold(word)
    return bool(word) and (folded in HONORIFICS or any(folded == stem + end for stem in (stem_word(word),)
                                                       if stem in OFFICE_STEMS for end in ("i", "u", "si", "su")))


def _name_like(word: str, ordinary: set[str] | frozenset[str]) -> bool:
    """A capitalised word that may be part of a person's name: not an acronym or a code ("COP29-da"), an
    ordinary word of the article, the language or its news ("Vətən müharibəsində"), a title, a month or an
    organisation's head noun."""
    folded = fold(word)
    stem = stem_word(word)
    return (word[:1].isupper() and not (len(word) > 1 and word.isupper()) and not any(c.isdigit() for c in word)
            and stem not in ordinary and stem not in news_stems() and folded not in TITLES
            and not folded.startswith(tuple(MONTHS)) and not is_org_head(word))


def _with_surname(m: Mention, text: str, mentions: list[Mention], ordinary: set[str] | frozenset[str]) -> Mention:
    """A first name the model took for an ORG, with the surname after it that no mention covers ("başçısı
    Niyazi Bayramov" where the model found "Niyazi" alone)."""
    hit = _HOLDER.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
    if hit is None or len(m.text.split()) >= 4 or not _name_like(hit.group(), ordinary) \
            or any(x.start < hit.end() and hit.start() < x.end for x in mentions if x.label != "DATE"):
        return m
    return replace(m, text=text[m.start:hit.end()], end=hit.end())


def az_office_holders(mentions: list[Mention], text: str, ordinary: set[str] | frozenset[str]) -> list[Mention]:
    """The name after an office or an honorific (see `_HOLDER`) is a PERSON: a new mention where none covers
    its words, and an ORG mention standing there whose words all look like a name becomes a PERSON. So does a
    place there: after an honorific ("cənab Vitkovun"), or after an office when a surname follows it ("müdafiə
    naziri İsrael Katz", where the model took the first name for Israel); not a place in a case saying where."""
    out = list(mentions)
    for m in mentions:  # the model's ORG or LOC on a name after an office
        words = m.text.split()
        if m.label not in ("ORG", "LOC") or (m.canonical_id and m.label == "ORG") or len(words) > 4 \
                or not _office_before(text, m.start) or not all(_name_like(w, ordinary) for w in words) \
                or (m.label == "LOC" and split_case(words[-1])[1] in ("locative", "ablative")):
            continue
        # a known place is a first name only with the surname after it ("İsrael", matched as Israel)
        person = _with_surname(replace(m, label="PERSON", canonical_id=None, canonical_name=None), text, mentions,
                               ordinary)
        if m.label == "ORG" or person.end > m.end or (fold(_word_before(text, m.start)) in HONORIFICS
                                                      and not m.canonical_id):
            out[out.index(m)] = person
    taken = [(m.start, m.end) for m in out if m.label != "DATE"]
    for first in _HOLDER.finditer(text):
        if not _office_before(text, first.start()):
            continue
        words = []  # the run of capitalised words after the office
        for hit in _HOLDER.finditer(text, first.start()):
            if words and hit.start() != words[-1].end() + 1:
                break
            words.append(hit)
            if text[hit.end():hit.end() + 1] != " ":
                break
        after = _NEXT_WORD.match(text, words[-1].end())
        if after and _COMPOUND_HEAD.search(after.group(1)) and split_case(words[-1].group())[1] is None \
                and fold(after.group(1)) not in _POSTPOSITIONS:
            words.pop()  # "Prezidenti Abdelmacid Tebbun Ramazan bayramı münasibətilə": the feast's name
        if words and _NAME_PARTICLE.match(text, words[-1].end()):
            continue
        # the whole run a name, or it runs into something else ("Almaniya Prezidenti Ştaynmayer Münxen
        # Təhlükəsizlik Konfransında") or a longer name we would cut
        if not 0 < len(words) <= 3 or not all(_name_like(w.group(), ordinary) for w in words) \
                or split_case(words[-1].group())[1] in ("locative", "ablative"):
            continue  # "Türkiyə Prezidenti İqamətgahında": a place, not a person
        s, e = words[0].start(), words[-1].end()
        if any(a < e and s < b for a, b in taken):
            continue
        out.append(Mention(text[s:e], "PERSON", s, e, "az"))
        taken.append((s, e))
    return sorted(out, key=lambda x: (x.start, -x.end))


# The joints of a list of names: "İshak Alqart, Şlomo Mansur və Tsaxi İdanın"
_LIST_JOINT = re.compile(r",\s+|\s+və\s+")
# what stands between a person and the next name of their list: the joint, after a bracketed aside maybe
# ("Ohad Yaalomi (həm də Fransa vətəndaşlığına malikdir), İshak Alqart")
_AFTER_LISTED = re.compile(r"(?:\s*\([^()]{0,80}\))?(?:,\s+|\s+və\s+)")


def az_listed_people(mentions: list[Mention], text: str, ordinary: set[str] | frozenset[str]) -> list[Mention]:
    """An ORG the model made of people's names, one name or a list of them ("İshak Alqart, Şlomo Mansur və
    Tsaxi İdanın"): a PERSON for each name, when each is two or three words that look like a name (see
    `_name_like`: no head noun, title or ordinary word; a first name may be one) and the list reads as
    people's: a name opens with a first name ("İshak"), or a person stands right before it in the list. Not a
    known body nor a quoted name ("“Bambino Gesu”")."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda x: (x.start, -x.end)):
        if m.label != "ORG" or m.canonical_id or m.lang != "az" or in_quotes(text, m.start, m.end):
            out.append(m)
            continue
        bounds = [0, *(at for joint in _LIST_JOINT.finditer(m.text) for at in joint.span()), len(m.text)]
        parts = list(zip(bounds[::2], bounds[1::2]))
        names = [m.text[s:e].split() for s, e in parts]
        listed = any(x.label == "PERSON" and x.end <= m.start and _AFTER_LISTED.fullmatch(text, x.end, m.start)
                     for x in out)
        # a first name may be an ordinary word too ("Dan Yorgensen": dan, dawn), not the words after it
        if not all(2 <= len(words) <= 3 and (_name_like(words[0], ordinary) or is_first_name(words[0]))
                   and all(_name_like(w, ordinary) for w in words[1:]) for words in names) \
                or not (listed or any(is_first_name(words[0]) for words in names)):
            out.append(m)
            continue
        out.extend(Mention(m.text[s:e], "PERSON", m.start + s, m.start + e, m.lang) for s, e in parts)
    return sorted(out, key=lambda x: (x.start, -x.end))


# a capitalised word right before a mention, one space between
_WORD_BEFORE = re.compile(r"(?<![\w’'.-])(" + AZ_CAPITAL + r"[a-zəöüğşçı]+) $")


def _surname_like(word: str) -> bool:
    """`word`, a case ending off maybe, ends as the region's surnames do ("Balayeva", "Kəngərlinin")."""
    folded = fold(word)
    return any(SURNAME_RE.search(s) or SURNAME_STEM_RE.search(s) for s in (folded, *az_stems(folded)))


def az_surnames_after_first_names(mentions: list[Mention], text: str,
                                  ordinary: set[str] | frozenset[str]) -> list[Mention]:
    """A place of one word that ends like a surname, right after a first name no mention covers ("Bəhruz
    Kəngərlinin", "Nailə Balayeva"): a person, whose surname the model read as a place (Kəngərli, a district) or
    a place it did not know. The word before must be a first name or look like a name (`_name_like`), no sentence
    opener; not a place in a case saying where, nor a quoted name."""
    taken = [(m.start, m.end) for m in mentions if m.label != "DATE"]
    out = []
    for m in mentions:
        first = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start) \
            if m.label == "LOC" and m.lang == "az" and " " not in m.text else None
        word = first.group(1) if first else ""
        if first is None or any(a < m.start and first.start() < b for a, b in taken) or not _surname_like(m.text) \
                or split_case(m.text)[1] in ("locative", "locative_ki", "ablative") \
                or in_quotes(text, first.start(), m.end) or fold(word) in sentence_openers("az") \
                or not (is_first_name(word) or _name_like(word, ordinary)):
            out.append(m)
            continue
        out.append(Mention(text[first.start():m.end], "PERSON", first.start(), m.end, m.lang))
    return out
