"""Mentions that name no party of an agreement: the news source ("AZƏRTAC xəbər verir ki", "selon l'AFP"),
an event ("III Xəzər İqtisadi Forumu"), the place where it happens ("in Baku", "Bakıda", "Vaşinqton
şəhərində"), and the page around the story (markup fragments, share buttons). `parties.py` leaves them out."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmon.model import Mention
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.agreements.lists import name_end
from newsmon.nlp.agreements.party_names import name_key
from newsmon.nlp.event_names import EVENT_HEADS
from newsmon.text.az import LOCATIVE_SUFFIXES, split_case
from newsmon.text.normalize import fold

if TYPE_CHECKING:
    from newsmon.nlp.agreements.parties import PartyContext, Sentence

# Over folded text: a locative after an apostrophe (Turkish, sometimes Azerbaijani: "Bakü'de") or glued
# to the name ("Bakıda", "Daşkənddə").
_LOCATIVE = "(?:" + "|".join(LOCATIVE_SUFFIXES) + ")"
_APOS_LOCATIVE = re.compile(r"^'" + _LOCATIVE + r"\b")
_GLUED_LOCATIVE = re.compile(_LOCATIVE + "$")
# A generic place word in the locative right after a name (az/tr): the name is where it happens, not who
# acts ("Vaşinqton şəhərində imzaladılar", "Ankara kentinde").
_PLACE_WORD_LOCATIVE = re.compile(r"\s+(?:şəhər|kənd|qəsəbə|rayon|paytaxt|vilayət|ştat|şehr|şehir|kent|köy|ilçe)"
                                  r"\w*(?:da|də|ta|tə|de|te)\b", re.IGNORECASE)


# What names an event for agreements: the heads of `event_names.EVENT_HEADS` and the meetings, sessions and
# exhibitions that host a signing ("iclas", "sessiya"), which sign nothing either.
_EVENT_WORDS = EVENT_HEADS + tuple(fold(w) for w in "conferen konfrans session sessiya iclas exhibition "
                                   "exposition expo sərgi olympi week həftə semaine".split())
# A quoted name with its head noun after the closing quote: "“Caspian Oil and Gas” sərgisi"
_QUOTED_HEAD = re.compile(r"[”\"»]\s*([^\W\d_]+)")


def names_an_event(m: Mention, text: str = "") -> bool:
    """ "III Xəzər İqtisadi Forumunun", "Paris Peace Forum", "COP29 Summit", "Baku Energy Week": an event,
    never a party; also when NER glued a neighbour to it ("Xəzər İqtisadi Forumu Xəzəryanı"), or when the
    head noun follows the quoted name ("“Caspian Oil and Gas” sərgisi", "« Arménie » festival")."""
    if m.label != "ORG":
        return False
    words = fold(m.text).split()
    if any(w.startswith(_EVENT_WORDS) for w in words[1:] or words):
        return True
    head = _QUOTED_HEAD.match(text, m.end)
    return bool(head and fold(head.group(1)).startswith(_EVENT_WORDS))


# how far after a name its source cue may end ("“Report”un “Mehr” agentliyinə istinadən verdiyi məlumata")
_AFTER = 60


def is_source(m: Mention, text: str, lex: Lexicon) -> bool:
    """The mention names who reports the news ("AZƏRTAC xəbər verir ki", "selon l'AFP") or the outlet given
    an interview ("“Euronews” televiziyasına müsahibə verib"), never a party. (Not a state: "Azərbaycan
    Televiziyasına müsahibə" is AzTV's, and NER may tag "Azərbaycan" alone.)"""
    return bool(lex.source_after.search(text[name_end(m):name_end(m) + _AFTER])
                or lex.source_before.search(text[max(0, m.start - 40):m.start])
                or m.label != "LOC" and lex.interviewer_after.search(text[name_end(m):name_end(m) + 100]))


# French "à" with an article before a one-word name is a dative, not a place: a country takes "en"/"au"
# where it is ("en Allemagne", "au Japon") and "à la"/"à l'" where it is given or asked something ("a demandé
# à l'Allemagne de renégocier", "vendre à l'Azerbaïdjan", "relie le Haut-Karabakh à l'Arménie": 400 random fr
# articles write 136 such names, all but a few venues of several words: "à l'Hôtel des Cures", "à la Maison de la
# Presse").
_FR_DATIVE = re.compile(r"\bà\s+(?:la\s+|l['’]\s*)$", re.IGNORECASE)


# ... but "son soutien à l'Arménie", "l'aide à l'Arménie" name who benefits, still no party of anything
_FR_BENEFICIARY = re.compile(r"\b(?:soutien|aide|assistance|solidarité|attachement|fidélité)\s+(?:\w+\s+)?à\s+"
                             r"(?:la\s+|l['’]\s*)$", re.IGNORECASE)


def _dative(m: Mention, before: str, lex: Lexicon) -> bool:
    return lex.code == "fr" and len(m.text.split()) == 1 and bool(_FR_DATIVE.search(before)) \
        and not _FR_BENEFICIARY.search(before)


def is_place(m: Mention, sent: Sentence, lex: Lexicon, text: str) -> bool:
    """The LOC is where something happens ("in Baku", "à Bakou", "Bakıda", "Bakü'de", "в Ташкенте")."""
    before = text[max(sent.start, m.start - 20):m.start]
    if lex.place_before.search(before) and not _dative(m, before, lex):
        return True
    if _APOS_LOCATIVE.match(fold(text[m.end:m.end + 5])):
        return True
    if lex.postposition and _PLACE_WORD_LOCATIVE.match(text, m.end):
        return True  # "Vaşinqton şəhərində", "Bakı şəhərində", "Qəbələ rayonunda": the place, in a generic word's case
    if lex.postposition:
        # "Bakıda" is Baku + locative; "Uqanda" is Uganda, whose name itself ends like a locative;
        # a name the linker could not resolve ("Aktauda") is read by its phonology
        ending = _GLUED_LOCATIVE.search(fold(m.text))
        if not ending:
            return False
        if m.canonical_name and fold(m.canonical_name) != fold(m.text):
            return not fold(m.canonical_name).endswith(ending.group())
        return split_case(m.text.split()[-1])[1] == "locative"
    return False


# What the page's markup left in a name NER took from it ("Mo](https://www.armenews.com" of a Markdown image,
# "Houthi terrorists.</span> -", ">Heightened Risks Associated"): no name of anyone.
_MARKUP = re.compile(r"\]\(|https?:|www\.|[<>]")


def is_markup(m: Mention) -> bool:
    return bool(_MARKUP.search(m.text))


# Page furniture: the platforms of share and follow buttons ("Partager sur Facebook Partager sur LinkedIn",
# "Share on X", "Suivez-nous sur Telegram"), which real-dev annotates as organisations but which sign nothing.
_PLATFORMS = frozenset("facebook twitter linkedin whatsapp telegram instagram youtube vk pinterest reddit x "
                       "viber tiktok threads".split())
_BUTTON_BEFORE = re.compile(r"(?:partager|share|suivez|follow|sur|on)\W*$", re.IGNORECASE)


def is_share_button(m: Mention, text: str) -> bool:
    """The mention is a social platform named by a share or follow button: after "Partager sur", "Share
    on", "Follow us on", or next to another platform's name."""
    if fold(m.text) not in _PLATFORMS:
        return False
    before = text[max(0, m.start - 25):m.start]
    around = fold(text[max(0, m.start - 30):m.end + 30]).split()
    return bool(_BUTTON_BEFORE.search(before)) or sum(w.strip(".,;:|") in _PLATFORMS for w in around) >= 2


# A city a document is named after, right after its word ("les Conventions de Genève", "the Treaty of
# Lisbon") or, in English, right before it ("the Geneva Conventions", "the Minsk agreements"): where the
# document was made, no party of it. A country there is the document's author ("la déclaration de l'Arménie").
_OF_PLACE = re.compile(r"\s+(?:de|d['’]|du|of(?:\s+the)?)\s*")
# az/tr: the city in the nominative right before the capitalised document word of a compound name ("Şuşa
# Bəyannaməsi", "Qəbələ Zirvə Bəyanatında", "“Naxçıvan Sazişi”nin", "İslamabad Bəyannaməsinin")
_PLACE_COMPOUND = re.compile(r"\s+(?:Zirvə\s+|Zirve\s+)?(?-i:[A-ZÇƏĞİÖŞÜ])")


def places_naming_the_document(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int]) -> set[str]:
    """The surfaces of the places the document at `trigger` is named after."""
    out = set()
    for m in ctx.in_sentence(sent):
        if m.label != "LOC" or name_key(m) in ctx.countries:
            continue
        after = m.start >= trigger[1] and _OF_PLACE.fullmatch(ctx.text[trigger[1]:m.start]) is not None
        before = m.end <= trigger[0] and (m.lang == "en" and ctx.text[m.end:trigger[0]] == " "
                                          or m.lang in ("az", "tr") and _PLACE_COMPOUND.fullmatch(
                                              ctx.text[m.end:trigger[0] + 1]) is not None)
        if after or before:
            out.add(m.text)
    return out
