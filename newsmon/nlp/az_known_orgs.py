"""Azerbaijani organisation names the model found around a known organisation: the knowledge-base match
wins over the model span it overlaps (`pipeline.merge_mentions`), which loses the words after it.

- After a known name in the nominative, the words are the rest of one name: "UEFA Çempionlar Liqası",
  "Aİ Şurasının", "Avropa İttifaqı Şurasının" (the league, the council), one ORG as real news annotates it.
- After a known name in the genitive, they name a body of it: "Prezident Administrasiyasının | Xarici
  siyasət məsələləri şöbəsinin", "UNESCO-nun | Silahlı Münaqişələr zamanı ... Komitəsinə". Real-dev's
  annotators mark the parent and its body as two ORGs (its tune part, both cases); the body was lost.
"""
from __future__ import annotations

import re

from newsmon.model import Mention
from newsmon.nlp.az_names import CONTEST_STAGE, case_of, is_org_head
from newsmon.nlp.event_names import names_an_event
from newsmon.nlp.mentions import TITLES, names_a_document
from newsmon.text.az import ADVERBIAL_CASES
from newsmon.text.normalize import fold


# the word right after the span
_NEXT_WORD = re.compile(r"[ \t]+(\S+)")


def _stopped_inside_a_name(m: Mention, text: str) -> bool:
    """The model stopped before the word that ends the name: an event's or an organisation's head ("BMT
    Dövlət Xidmətləri" of "BMT Dövlət Xidmətləri Forumu")."""
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt and CONTEST_STAGE.match(text, nxt.end()):
        return False  # "UEFA Avropa Liqasının | Liqa mərhələsinin": a stage, not the name's end
    return bool(nxt) and nxt.group(1)[:1].isupper() and (is_org_head(nxt.group(1))
                                                         or names_an_event(m.text + " " + nxt.group(1)))


def az_orgs_around_known(model: list[Mention], known: list[Mention],
                         text: str) -> tuple[list[Mention], list[Mention]]:
    """(model spans that win over the known name at their start, bodies to add beside the known name): see
    the module's docstring. Only an az model ORG that begins with exactly one known organisation and goes on
    with a capitalised word, ending in an organisation's head noun ("Liqası", "Şurasının", "şöbəsinin"),
    neither an event's nor a document's name nor an office ("Baş katibi"), and not stopped short of a longer
    name ("BMT Dövlət Xidmətləri" of "BMT Dövlət Xidmətləri Forumu", an event)."""
    wholes: list[Mention] = []
    bodies: list[Mention] = []
    for m in model:
        if m.lang != "az" or m.label != "ORG" or _stopped_inside_a_name(m, text):
            continue
        inside = sorted((k for k in known if k.start < m.end and m.start < k.end), key=lambda k: k.start)
        # a place known among the words after the name is one of them ("UEFA Avropa Liqasında")
        if not inside or any(k.label != "LOC" or k.start < m.start or k.end > m.end for k in inside[1:]):
            continue
        k = inside[0]
        if k.label != "ORG" or k.start != m.start or k.end >= m.end:
            continue
        # the known name's whole word: a match stops before a suffix after a hyphen ("SOCAR" of "SOCAR-ın")
        cut = next((i for i in range(k.end - m.start, len(m.text)) if m.text[i].isspace()), len(m.text))
        rest = m.text[cut:]
        words = rest.split()
        if not words or not words[0][:1].isupper() or not is_org_head(words[-1]) \
                or fold(words[-1]) in TITLES or names_an_event(rest) or names_a_document(rest):
            continue
        if case_of(m.text[:cut].split()[-1]) == "genitive":
            start = m.end - len(rest.lstrip())
            bodies.append(Mention(m.text[start - m.start:], "ORG", start, m.end, m.lang))
        else:
            wholes.append(m)
    return wholes, bodies


# "<a person> adına <a body's name>": a body named after someone ("Üzeyir Hacıbəyli adına Bakı Musiqi
# Akademiyası", "Heydər Əliyev adına Hərbi İnstitutun Hərbi Orkestri"); the name goes on with a capitalised
# word or a quoted one (“Vətən” İdman Liseyində) and ends with a capitalised word.
_NAMED_AFTER = re.compile(r"\S.* adına [A-ZƏİÖÜĞŞÇ“\"«].*[A-ZƏİÖÜĞŞÇ][^ ]*$")


def az_named_after(model: list[Mention], known: list[Mention]) -> list[Mention]:
    """Az model spans of a body named after a person (see _NAMED_AFTER) that win over the known person or
    place inside them, which the whole name is, as real news annotates it: an ORG, or a LOC where the model
    said so ("... adına Zəngəzur Milli Parkı"). Not when a known name crosses the span's edges."""
    out = []
    for m in model:
        if m.lang != "az" or m.label not in ("ORG", "LOC", "PERSON") or not _NAMED_AFTER.match(m.text):
            continue
        while case_of(m.text.split()[0]) in ADVERBIAL_CASES and _NAMED_AFTER.match(m.text.split(" ", 1)[1]):
            # a word in an adverbial case is the sentence's: "Səhnədə | F.Əmirov adına ... Ansamblı"
            cut = len(m.text.split()[0]) + 1
            m = Mention(m.text[cut:], m.label, m.start + cut, m.end, m.lang)
        if any(k.start < m.start < k.end or k.start < m.end < k.end for k in known):
            continue
        out.append(m if m.label != "PERSON" else Mention(m.text, "ORG", m.start, m.end, m.lang))
    return out


# Words that open a state body's name before the rest the knowledge base lists ("Dövlət Şəhərsalma və Arxitektura
# Komitəsi" for the listed "Şəhərsalma və Arxitektura Komitəsi")
_NAME_OPENERS = frozenset(fold(w) for w in "Dövlət Milli Ali Mərkəzi Federal Beynəlxalq Respublika".split())


def az_opened_known(model: list[Mention], known: list[Mention]) -> list[Mention]:
    """Az model ORGs that are a known organisation with an opening word before it (see _NAME_OPENERS): the
    whole name, which wins over the known one inside it."""
    out = []
    for m in model:
        if m.lang != "az" or m.label != "ORG":  # (before the scan of every known name: most mentions stop here)
            continue
        inside = [k for k in known if k.start < m.end and m.start < k.end]
        if len(inside) != 1 or inside[0].label != "ORG":
            continue
        k = inside[0]
        lead = m.text[:k.start - m.start].split()
        if k.end == m.end and k.start > m.start and lead and all(fold(w) in _NAME_OPENERS for w in lead):
            out.append(m)
    return out
