"""Azerbaijani people's names the model cuts or misses: a person written with an initial ("S.Babayev"), a
double-barrelled surname ("Kosinyak-Kamış"), a regnal number before the name ("V Pavelin"). Each rule takes
the article's mentions and text and returns the corrected mentions; `linking.link_mentions` applies them
to Azerbaijani text before linking."""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.text.az import AZ_CAPITAL


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


def az_double_surnames(mentions: list[Mention], text: str) -> list[Mention]:
    """A person of two words or more that ends right before "-Surname" runs over it, and a mention of that half
    alone goes. Not when the half is a person or a known entity of its own: "Tramp-Bayden debatları" names two
    people (and a one-word person is left alone for the same reason)."""
    out = list(mentions)
    for m in mentions:
        hit = _SURNAME_TAIL.match(text, m.end) if m.label == "PERSON" and " " in m.text else None
        if hit is None:
            continue
        inside = [x for x in out if x.start < hit.end() and m.end < x.end and x is not m]
        if any(x.start < m.end + 1 or x.end > hit.end() or x.label == "PERSON" or x.canonical_id for x in inside):
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
