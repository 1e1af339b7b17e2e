"""Acronyms an English or French article uses as an organisation's name: one label and every use found.

The stock models see each use of an acronym on its own context: in a signature block or a list of
organisers ("Serge Tateossian Président AAMC Ancien Président de ANSA", "AAMC ANSA S. Tateossian") they
call it MISC, glue it to the next word ("AAMC Ancien" as a PERSON, "ANSA Journée" as an ORG) or miss it,
though the same article tags it alone as an ORG elsewhere. A writer's acronym keeps its meaning within one
story (the "one sense per discourse" of `consistency`), so once the model has tagged an acronym alone as
an ORG in an article, its other uses there are that organisation: a lone MISC, PERSON or LOC of it is
relabelled, an ordinary word or a person's name glued to it is cut off, and (in French) a use no mention
covers is added. An acronym defined in brackets is `linking._acronym_mentions`' (which runs after this).
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.name_words import common_words
from newsmon.text.normalize import fold

# 3 to 7 capitals (an "&" inside: "AT&T"); two letters are too often initials, units or states ("LR", "MS")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}[A-Z]$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_WORD = re.compile(r"\S+")
_LABELS = ("PERSON", "ORG", "LOC", "MISC")


def _is_acronym(word: str, lang: str) -> bool:
    """An all-capital token that is no Roman numeral and no ordinary word in capitals ("LIRE", "PLACE")."""
    return bool(_ACRONYM.match(word)) and not _ROMAN.match(word) and fold(word) not in common_words(lang)


def _ordinary(word: str, lang: str) -> bool:
    """A word real news writes in lower case ("Ancien", "Journée"), or one in lower case."""
    return word[:1].islower() or fold(word.strip(",.;:")) in common_words(lang)


def article_acronyms(mentions: list[Mention], text: str, lang: str) -> list[Mention]:
    """`mentions` with the article's organisation acronyms (see above) labelled, cut free and completed."""
    orgs = {m.text for m in mentions if m.label == "ORG" and (m.lang or lang) == lang
            and _is_acronym(m.text, lang)}
    if not orgs:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        if m.label not in _LABELS or (m.lang or lang) != lang:
            out.append(m)
            continue
        if m.text in orgs:
            out.append(replace(m, label="ORG") if m.label != "ORG" and not m.canonical_id else m)
            continue
        out.extend(_cut_glued(m, orgs, lang))
    if lang != "fr":
        # English news (the White House's) has the model tag laws' and things' acronyms ORG ("the IRA",
        # "API", "LNG"): spreading them to every use would do more harm than the uses it finds
        return sorted(out, key=lambda m: (m.start, -m.end))
    taken = [(m.start, m.end) for m in out if m.label != "DATE"]
    for acronym in orgs:
        for hit in re.finditer(rf"(?<![\w&.@/-]){re.escape(acronym)}(?![\w&@/-]|\.\w)", text):
            if not any(s < hit.end() and hit.start() < e for s, e in taken):
                out.append(Mention(acronym, "ORG", hit.start(), hit.end(), lang))
                taken.append(hit.span())
    return sorted(out, key=lambda m: (m.start, -m.end))


def _cut_glued(m: Mention, orgs: set[str], lang: str) -> list[Mention]:
    """A mention that opens or ends with one of the article's acronyms and goes on with ordinary words
    ("ANSA Journée", "AAMC Ancien") or, as a PERSON, with a person's name ("ANSA S. Tateossian"): the
    acronym alone, an ORG, and the person's name. Any other name holding the acronym ("UN Human Rights
    Council") is left whole."""
    words = list(_WORD.finditer(m.text))
    if len(words) < 2 or m.canonical_id:
        return [m]
    first, last = words[0].group(), words[-1].group()
    if first in orgs:
        rest = [w.group() for w in words[1:]]
        acronym = Mention(first, "ORG", m.start, m.start + len(first), m.lang)
        if all(_ordinary(w, lang) for w in rest):
            return [acronym]
        if m.label == "PERSON" and all(w[:1].isupper() for w in rest):
            start = m.start + words[1].start()
            return [acronym, Mention(m.text[words[1].start():], "PERSON", start, m.end, m.lang)]
    if last in orgs and all(_ordinary(w.group(), lang) for w in words[:-1]):
        start = m.start + words[-1].start()
        return [Mention(last, "ORG", start, m.end, m.lang)]
    return [m]
