"""Names that are no actor of their own: a name inside an event's, a numbered war's, the Pope's title or a
project's name, and surfaces that name an event or an az place (a square, a street, a corridor). Nothing inside
an event's name is annotated (corpus/README.md). Split from mentions.py, which holds the word lists and the
surface clean-up."""
from __future__ import annotations

import re

from newsmon.model import Mention
from newsmon.nlp.kb import SUFFIX_LANGS
from newsmon.nlp.mentions import TITLES
from newsmon.text.az import AZ_CAPITAL, SURNAME_RE, az_stems, split_case
from newsmon.text.normalize import fold, in_quotes


# Head nouns of events, folded word starts: a forum, a summit, a feast or games is no actor ("III Xəzər
# İqtisadi Forumu", "Sabantuy bayramı", "MDB Oyunları"); named events are not annotated (corpus/README.md).
EVENT_HEADS = tuple(fold(w) for w in "forum summit sammit sommet festival bayram olimpiada olympiad "
                    "çempionat championship oyunlar".split())


# Events known by a name of their own, not by a head noun: the UN climate conferences ("COP29", "COP 28",
# "COP-un") and the Eurovision contests.
_EVENT_NAME = re.compile(r"^(?:cop[\s-]?\d{0,2}|eurovision(?:\s+junior)?)(?:-\w{1,4})?$")


# A numbered war named after a place ("İkinci Qarabağ müharibəsi", "Birinci Qarabağ müharibəsində"): the
# place is a word of the event's name, which real news does not annotate (nor anything inside it).
_AZ_NUMBERED_WAR_BEFORE = re.compile(r"(?:\b(?:Birinci|birinci|İkinci|ikinci|Üçüncü|üçüncü)|\b(?:I|II|III))\s+$")
_AZ_WAR_AFTER = re.compile(r"\s+müharibə")


def in_a_numbered_war(m: Mention, text: str) -> bool:
    """An az place inside a numbered war's name: "İkinci Qarabağ müharibəsi"."""
    return (m.lang in SUFFIX_LANGS and m.label == "LOC" and bool(_AZ_WAR_AFTER.match(text, m.end))
            and bool(_AZ_NUMBERED_WAR_BEFORE.search(text[max(0, m.start - 12):m.start])))


# A day named by its date ("8 Noyabr – Zəfər Günü", "20 Yanvar faciəsi", "28 May - Müstəqillik Günü"): the model
# takes it for a place (17 times "8 Noyabr" as LOC in 400 az pool articles), and real news annotates none, nor the
# event it names (README-realnews: `20 Yanvar`). Quoted, it names a thing after the day (the “8 Noyabr”
# substation, LOC), and so does it before a street's or a station's noun ("8 Noyabr prospektində").
_AZ_DAY_NAME = re.compile(r"\d{1,2}\s+(?:Yanvar|Fevral|Mart|Aprel|May|İyun|İyul|Avqust|Sentyabr|Oktyabr|Noyabr"
                          r"|Dekabr)(?![\w-])")
_AZ_DAY_PLACE_AFTER = re.compile(r"\s+(?:{})".format("|".join(
    ("prospekt", "küçə", "metro", "stansiya", "qəsəbə", "dairə", "park", "meydan", "bulvar", "massiv"))))


def names_a_day(m: Mention, text: str) -> bool:
    """An unquoted az name that opens with a day and a month ("8 Noyabr", "28 May – Müstəqillik")."""
    hit = _AZ_DAY_NAME.match(m.text) if m.lang in SUFFIX_LANGS and m.label in ("LOC", "ORG", "PERSON") else None
    return bool(hit) and not in_quotes(text, m.start, m.start + hit.end()) \
        and not _AZ_DAY_PLACE_AFTER.match(text, m.start + hit.end())


# "Roma Papası" is the Pope's title, and real news annotates no place in it (nor "Papa" before his name, above)
_AZ_POPE_AFTER = re.compile(r"\s+Papa(?:s[ıi][a-zəıöüğşç]*)?\b")


def in_the_popes_title(m: Mention, text: str) -> bool:
    """An az place that is a word of the Pope's title: "Roma" of "Roma Papası Fransisk"."""
    return m.lang in SUFFIX_LANGS and m.label == "LOC" and bool(_AZ_POPE_AFTER.match(text, m.end))


# The capitalised heads that end an az event's name after a place ("Münhen Təhlükəsizlik Konfransı", "İngiltərə
# Kuboku", "Venesiya Beynəlxalq Film Festivalı", "Bakı Dialoqu", "Bakı Beynəlxalq Memarlıq Müsabiqəsi"): the event
# heads, and conferences, cups, dialogues, weeks, biennales, tournaments, prizes and contests, which name events
# only after a capitalised run.
_AZ_EVENT_NAME_HEADS = EVENT_HEADS + tuple(fold(w) for w in "konfrans kubok superkubok dialoq həftə biennale turnir "
                                           "qran-pri marafon yarmarka müsabiqə".split())
# An observance's "Günü" ("Laçın Şəhəri Günü", "Xocalı Soyqırımı Günü"): the az stand-off gold annotates no place
# in one unless it is the owner in the genitive ("Azərbaycanın Müstəqillik Günü", left out above). Whole word
# forms only: "gün" also opens "Günəş", a word of station and company names ("Cəbrayıl Günəş Elektrik Stansiyası").
_AZ_DAY_HEAD = re.compile(r"^gun(?:u|un(?:e|u|un|de|den)?)$")  # folded forms
_CAPITALISED_RUN = re.compile(r"(?:\s+" + AZ_CAPITAL + r"[\w’'-]*){1,5}")
# A place that says where, whence or whose is no word of the name after it ("Davosda Dünya İqtisadi Forumunda",
# "Azərbaycanın BMT-nin ... Forumuna"); the dative is left out: a bare name ending in a vowel reads as one
# ("Avropa", "İngiltərə").
_NOT_IN_A_NAME_CASES = ("locative", "locative_ki", "ablative", "instrumental", "genitive")


def _a_surname(word: str) -> bool:
    """ "Bayramov", "Bayramovun": a surname, though it opens with the event head "bayram" (a feast)."""
    folded = fold(word)
    return any(SURNAME_RE.search(stem) for stem in (folded, *az_stems(folded)))  # not -lı: "Festivalı"


def name_run_after(m: Mention, text: str) -> re.Match[str] | None:
    """The capitalised words (up to five) right after an az mention that may open a longer name (an event's, a
    treaty's): None when its last word is in a case that makes it no word of a name (`_NOT_IN_A_NAME_CASES`) or
    carries a suffix after a hyphen ("ŞƏT-in")."""
    last = m.text.split()[-1]
    if split_case(last)[1] in _NOT_IN_A_NAME_CASES or "-" in last[1:] and last.rsplit("-", 1)[1].islower():
        return None
    return _CAPITALISED_RUN.match(text, m.end)


def opens_an_event_name(m: Mention, text: str, mentions: list[Mention]) -> bool:
    """An az place or organisation that is the first word of an event's name ("Münhen Təhlükəsizlik Konfransında",
    "Avropa Kubokunu", "Xankəndi Sammitində", "XVI BRICS Sammitinin", "III MDB Oyunlarına", "UEFA Superkuboku"):
    nothing inside an event's name is annotated (corpus/README.md), as "Xəzər Biznes Forumu" and "İspaniya
    Superkuboku" are not. Not when a name stands between ("Azərbaycan Avropa Oyunlarına": the country takes part),
    nor for a name in a case that makes it no word of the event's ("ŞƏT-in Zirvə toplantısı": the organiser)."""
    if m.lang not in SUFFIX_LANGS or m.label not in ("LOC", "ORG"):
        return False
    run = name_run_after(m, text)
    if not run:
        return False
    words = list(re.finditer(r"\S+", run.group()))
    heads = [w for w in words if (fold(w.group()).startswith(_AZ_EVENT_NAME_HEADS)
                                  or _AZ_DAY_HEAD.match(fold(w.group()))) and not _a_surname(w.group())]
    if not heads or (m.label == "ORG" and heads[-1] is not words[-1]):
        return False  # an organisation's league is no event: "UEFA Konfrans Liqasında"
    # An office after the place says whose official speaks, and the event's name opens after it ("Azərbaycan
    # Prezidenti Anım Günü ilə əlaqədar"); an office just before the head is a word of the name ("Prezident Kuboku").
    offices = [i for i, w in enumerate(words) if {fold(w.group()), *az_stems(fold(w.group()))} & TITLES]
    if offices and words.index(heads[-1]) > offices[0] + 1:
        return False
    end = m.end + heads[-1].end()
    return not any(o is not m and m.end <= o.start < end for o in mentions)


# A project named by capitalised words before its lower-case noun ("Qərbi Azərbaycan Xronikası layihəsi", a
# report.az series, 51 times in the az pool; "Ortaq Türk Əlifbası layihəsi"): nothing inside it is annotated, as
# the az stand-off file and real-dev leave project titles empty. A genitive before the noun names the project's
# owner ("Heydər Əliyev Fondunun layihəsi"), a lone name its object ("TAP layihəsi"): those stay. The name may be
# quoted ("“Qərbi Azərbaycan Xronikası” layihəsinin", 5 of the 14 quoted capitalised project names in the az pool).
_AZ_PROJECT_AFTER = re.compile(r"((?:\s+" + AZ_CAPITAL + r"[\w’'-]*){1,4})[”\"»]?"
                               r"\s+layihə(?:si|sinin|sində|sinə|sini|sindən)\b")


def in_a_project_name(m: Mention, text: str) -> bool:
    """An az mention followed by more capitalised words of a project's name and the noun "layihəsi". A word in a
    case that makes it no word of a name ends the run ("Baku TV-də Qərbi Azərbaycan Xronikası layihəsi": the
    channel is no word of the project's name)."""
    hit = _AZ_PROJECT_AFTER.match(text, m.end) if m.lang in SUFFIX_LANGS and m.label != "DATE" else None
    if not hit:
        return False
    words = [m.text.split()[-1], *hit.group(1).split()]
    return split_case(words[-1])[1] != "genitive" and not any(
        "-" in w[1:] and w.rsplit("-", 1)[1].islower() or split_case(w)[1] in _NOT_IN_A_NAME_CASES for w in words[:-1])


def is_event_name(surface: str) -> bool:
    return bool(_EVENT_NAME.match(fold(surface)))


# A ministerial meeting format: "Cənub Qaz Dəhlizi Məşvərət Şurası", "Yaşıl Enerji Məşvərət Şurası", "Dövlət
# Başçılarının Məşvərət Görüşü" (the az stand-off gold annotates none of its 13). A body's advisory board is
# named after its body in the genitive and stays ("Mərkəzinin Məşvərət Şurasının").
_AZ_MEETING_FORMAT = re.compile(r"(?:^|\s)(?!\S*n[iu]n\s)\S+\s+{}\s+(?:{}|{})".format(
    *(re.escape(fold(w)) for w in ("məşvərət", "şura", "görüş"))))


def names_an_event(surface: str) -> bool:
    """ "III Xəzər İqtisadi Forumu", "Paris Peace Forum": an event's name (a head after the first word; also
    when NER glued a neighbour to it, "Xəzər İqtisadi Forumu Xəzəryanı"), or an az meeting format."""
    if _AZ_MEETING_FORMAT.search(fold(surface)):
        return True
    words = fold(surface).split()
    if len(words) == 1:  # "Summit" alone; not an outlet's domain "festival....com"
        return words[0].isalpha() and words[0].startswith(EVENT_HEADS) and len(words[0]) <= 14
    return any(w.startswith(EVENT_HEADS) for w in words[1:])


# Azerbaijani head nouns of places an organisation's name never ends with: squares, streets, avenues,
# boulevards, bridges, corridors ("Dövlət Bayrağı Meydanında", "Orta Dəhliz"); ports, airports and power
# stations, facilities the az stand-off gold writes as places ("Laçın Beynəlxalq Hava Limanının", "Metsamor
# AES-in", "Qaradağ Günəş Elektrik Stansiyasını").
_AZ_PLACE_HEADS = tuple(fold(w) for w in "meydan küçə prospekt bulvar körpü dəhliz liman stansiya aes".split())


def names_an_az_place(surface: str) -> bool:
    words = fold(surface).split()
    return len(words) > 1 and words[-1].startswith(_AZ_PLACE_HEADS)
