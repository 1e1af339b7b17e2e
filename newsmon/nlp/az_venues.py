"""Azerbaijani places named by a proper name before a lower-case head noun in the possessive ("Qiyaslı məscidi",
"Horovlu kəndində"), as the az stand-off file's training part annotates them:

- Venues, streets and waters are one place with their head noun and case ending: "Qiyaslı məscidində", "Çöl
  Qala məscidinin", "Zəfər parkının", "Ağ Şəhər bulvarı", "Qoşa Qala meydanında", "Əsgəran qalası", "Şəhidlər
  xiyabanını", "Cıdır düzündə", "Heydər Əliyev prospekti", "Əziz Əliyev küçəsindən", "Zərifə Əliyeva
  küçələrində", "Kür çayı", "Göyçə gölü". The
  model keeps the name alone ("Şuşa" of "Yeni Şuşa məscidində"), cuts it ("Yuxarı Gövhər"), calls it an
  organisation ("Şah Abbas məscidi") or the person it is named after ("Georgios Karaiskakis stadionunda").
- Before an administrative noun (kənd, qəsəbə, rayon, vilayət, əyalət, region) the name alone is the place
  ("Horovlu" of "Horovlu kəndində", "Phuket" of "Phuket əyalətinin"): the model often calls it a person, and
  linking then makes the word a person all through the article.

- A place the model found before a region, a corridor or a waterfall keeps that noun, as real-dev writes
  "Xəzər regionunun", "Zəngəzur dəhlizinin" (and "Qara dənizin"): "Cənubi Qafqaz regionunda", "Laçın dəhlizi",
  "Niaqara şəlaləsinin" (`az_place_heads`). Only after a place mention: the words before such a noun are often
  a person's ("Konor Koleman Xəzər regionunun") or lower case ("Şimal-Cənub nəqliyyat dəhlizi").

- A quoted name before a stadium's, an arena's or a palace's noun, or a sports centre's ("“Villa Park”
  stadionunda", "“COREtec Dome” arenasında", "“Gülüstan” sarayında", "\"Sərhədçi\" İdman Mərkəzində") is the
  place, the quoted name alone, as the stand-off gold writes "“Old Trafford”" (`az_quoted_venues`): the model
  calls the name a club or misses it.

Left out: museums, theatres and churches (annotated as organisations, "Zəfər muzeyinin", "Rus Pravoslav
kilsəsinin"), monuments of a person ("Heydər Əliyevin abidəsini"), plurals other than streets' ("Şuşa məscidləri") and a bare
noun ("kənd sakini", "rayonda": no possessive, no name before it).
"""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.az_names import case_of, is_title
from newsmon.nlp.mentions import names_a_document
from newsmon.nlp.ner import SENTENCE_START, sentence_openers
from newsmon.nlp.span_edit import replace_inside
from newsmon.text.az import ADVERBIAL_CASES, AZ_CAPITAL, COMPASS_WORDS, PRONOUNS, SURNAME_RE, split_case, stem_word
from newsmon.text.normalize import CLOSE_QUOTES, OPEN_QUOTES, fold

# the 3rd-person possessive, then a case ending after its "n" ("məscidi", "məscidində", "qalası", "stadionundakı")
_POSSESSIVE = r"(?:ı|i|u|ü|sı|si|su|sü)(?:n[a-zəıöüğşç]{1,4})?(?![\w’'-])"
# a hall's, a park's, an arch's or a complex's noun may be capitalised as a word of the name ("Gəncə Memorial
# Kompleksinin", "Bakı Zooloji Parkında", "Böyük Xalq Sarayında", "Zəfər Tağının", as the stand-off gold writes them)
_VENUE = re.compile(r"(?<![\w-])(?:[Mm]əscid|[Ss]tadion|[Pp]ark|bulvar|[Ss]aray|meydan|[Qq]ala|məqbərə|türbə|xiyaban"
                    r"|körpü|tunel|[Tt]ağ|Kompleks|düz|aşırım|dəniz|(?P<tea>çay)|göl"
                    r"|(?:küçə|prospekt)(?P<plural>lər)?)" + _POSSESSIVE)
# a plural street's names are a list ("Zərifə Əliyeva, Rixard Zorge küçələrinin", "Kamal Paşa və Qurtuluş
# prospektlərini"); without one, the plural is the streets of a place ("Bakı küçələrində")
_LISTED = re.compile(r"(?:,|\svə)\s$")
_JOINED = re.compile(AZ_CAPITAL + r"[\w’'-]*\s+və\s$")
_ADMIN = re.compile(r"\s(?:kənd|qəsəbə|rayon|vilayət|əyalət|region)(?:lər|lar)?" + _POSSESSIVE)
_PLACE_HEAD = re.compile(r" (?:region|dəhliz|şəlalə)" + _POSSESSIVE)
# a technology park is the company that runs it, an ORG ("Sumqayıt Texnologiyalar Parkının", corpus/training/
# README-realnews.md), where an industrial park is a place ("Sumqayıt Kimya Sənaye Parkı")
_COMPANY_PARK = re.compile(r"Texnologiya(?:lar)? Park")
_NAME_WORD = re.compile(AZ_CAPITAL + r"[\w’'-]*$")
# a bare city's or district's noun between a name and a stadium's noun is a word of the stadium's name ("Gəncə
# şəhər stadionunda", "Tovuz şəhər stadionunda", which real-dev and the az stand-off gold annotate whole); not
# before other venues, where it describes ("Cəbrayıl şəhər məscidinin": the stand-off gold writes "Cəbrayıl")
_CITY_NOUN = re.compile(r" (?:şəhər|rayon) $")
_PRONOUNS = frozenset(fold(p) for p in PRONOUNS)


def _name_start(text: str, head: int, ordinary: set[str] | frozenset[str], starts: set[int],
                quoted: bool = False) -> int | None:
    """Where the capitalised words right before a head noun begin (one space apart, up to four), or None. A
    word in an adverbial case or the genitive ("Füzulidə", "İrəvandakı", "Heydər Əliyevin") ends the walk
    back, as do a pronoun or a sentence opener ("Bu"); a sentence's first word that is an ordinary word
    (`ordinary`: stems) is no name's ("Döyüş meydanında", battlefield) unless a mention starts there
    (`starts`: "Gəncə Memorial Kompleksinin", not "gənc" + -ə). When the head closes a quote (`quoted`),
    the word after the opening quote is the name's first ("“Laçın Aqro-Sənaye Parkı”nda")."""
    start = None
    at = head
    city = _CITY_NOUN.search(text, max(0, head - 8), head) if text.startswith("stadion", head) else None
    if city:  # "Gəncə şəhər stadionunda": the city's noun, bare, is a word of the stadium's name
        at = city.start() + 1
    for _ in range(4):
        if at < 2 or text[at - 1] != " ":
            break
        prev = max(text.rfind(" ", 0, at - 1), text.rfind("\n", 0, at - 1)) + 1
        word = text[prev:at - 1]
        if quoted and word[:1] in OPEN_QUOTES and _NAME_WORD.match(word[1:]):
            return prev + 1
        case = case_of(word)
        if case == "dative" and not word.endswith(("ya", "yə")):
            case = None  # "Şuşa", "Ağa": a name's own -a/-ə; a dative's is -ya/-yə after a vowel ("Əliyevaya")
        if not _NAME_WORD.match(word) or case in ADVERBIAL_CASES + ("genitive",) or word.isupper() \
                or fold(word) in _PRONOUNS or fold(word) in sentence_openers("az") or is_title(word) \
                or names_a_document(word):
            break  # "ADNOC Xəzər dənizində", "Prezidenti ... Yelisey sarayında", "... Sazişi Qız Qalası": no word of it
        start = at = prev
        if SENTENCE_START.search(text[max(0, prev - 3):prev]):
            break
    if start is not None and SENTENCE_START.search(text[max(0, start - 3):start]):
        after = text.index(" ", start) + 1
        if start not in starts and stem_word(text[start:after - 1]) in ordinary:
            return after if after < head else None
    return start


def az_venues(mentions: list[Mention], text: str, ordinary: set[str] | frozenset[str] = frozenset(),
              countries: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()) -> list[Mention]:
    """Each named venue, street or water (see the module's docstring) as one LOC mention in place of the
    mentions inside it; left alone where a mention crosses its edges (the name is some longer one's word).
    A person, an organisation or a country (`countries`: spans of known countries) before the name's last word
    is not its word ("Emmanuel Makron Yelisey sarayında", "Azərbaycan Xəzər dənizinin dibi ilə"); a country
    before "çayı" names a tea ("Azərbaycan çayını içirlər")."""
    starts = {m.start for m in mentions if m.label != "DATE"}
    for hit in _VENUE.finditer(text):
        quoted = hit.group()[0].isupper() and text[hit.end():hit.end() + 1] in CLOSE_QUOTES
        s = _name_start(text, hit.start(), ordinary, starts, quoted)
        if s is None or (hit.group("plural") and not _LISTED.search(text, max(0, s - 5), s)):
            continue
        if hit.group()[0].isupper() and _JOINED.search(text, max(0, s - 40), s):
            continue  # "Ağdam Dəmir Yolu və Avtovağzal Kompleksi": one name over "və", its end alone is none
        last = text.rfind(" ", 0, hit.start() - 1) + 1  # the name's last word
        s = max([s] + [m.end + 1 for m in mentions if s <= m.start and m.end < last
                       and (m.label in ("PERSON", "ORG") or (m.start, m.end) in countries)])
        if hit.group("tea") and (s, hit.start() - 1) in countries:
            continue  # "Azərbaycan çayını içirlər"
        e = hit.end()
        inside = [m for m in mentions if m.label != "DATE" and m.start < e and s < m.end]
        label = "ORG" if _COMPANY_PARK.search(text, s, e) else "LOC"
        if any(m.start < s or m.end > e for m in inside) or any((m.start, m.end, m.label) == (s, e, label)
                                                              for m in inside):
            continue
        lang = inside[0].lang if inside else "az"
        mentions = replace_inside(mentions, Mention(text[s:e], label, s, e, lang))
    return mentions


def az_place_heads(mentions: list[Mention], text: str) -> list[Mention]:
    """Each az place mention right before a region, corridor or waterfall noun in the possessive, extended over
    it ("Xəzər" + " regionunda" -> "Xəzər regionunda"; see the module's docstring). A person of three words or
    more that the model ran into the place gives up its last word ("Konor Koleman Xəzər regionunun" -> PERSON
    "Konor Koleman", LOC "Xəzər regionunun")."""
    out = []
    for m in mentions:
        hit = _PLACE_HEAD.match(text, m.end) if m.label in ("LOC", "PERSON") and m.lang == "az" else None
        if hit and m.label == "PERSON":
            last = text.rfind(" ", m.start, m.end) + 1
            if len(m.text.split()) < 3 or not _NAME_WORD.match(text[last:m.end]):
                hit = None
            else:
                out.append(Mention(text[m.start:last - 1], "PERSON", m.start, last - 1, m.lang))
                m = Mention(text[last:m.end], "LOC", last, m.end, m.lang)
        out.append(Mention(text[m.start:hit.end()], "LOC", m.start, hit.end(), m.lang) if hit else m)
    return out


def without_place_head(surface: str) -> str:
    """The place of "Cənubi Qafqaz regionunda" ("Cənubi Qafqaz"), for linking a region the knowledge base does not
    list under its own name; `surface` unchanged when it does not end with such a noun."""
    hit = _PLACE_HEAD.search(surface)
    return surface[:hit.start()] if hit and hit.end() == len(surface) else surface


def before_admin_noun(m: Mention, text: str) -> bool:
    """An az mention right before an administrative noun in the possessive ("Horovlu kəndinin", "Phuket
    əyalətinin", "Turar Rıskulov rayonlarında", "Xəzər regionunun"): a place, whatever the model or the
    person it seems to name again says. `linking` makes such a PERSON a LOC, before and after it gives a
    lone word the label of the full name it ends ("Xəzər" of "Konor Koleman Xəzər")."""
    return m.lang == "az" and admin_noun_at(text, m.end)


def admin_noun_at(text: str, end: int) -> bool:
    """An administrative noun in the possessive follows `end` (" kəndinin", " rayonunda"): see `before_admin_noun`."""
    return bool(_ADMIN.match(text, end))


def heads_a_place(text: str, end: int) -> bool:
    """A venue's, street's, water's or region's noun follows `end` (" məscidində", " regionunda"): the words
    before it are one place with it (`az_venues`, `az_place_heads`), not a name of their own."""
    return bool(_PLACE_HEAD.match(text, end)) or (text[end:end + 1] == " " and bool(_VENUE.match(text, end + 1)))


# The words before "Mərkəzi" that make a centre a hall where things are held (a concert, an exhibition, a
# congress), folded word starts: "Heydər Əliyev Mərkəzində" (named after a person, below), "Bakı Kitab
# Mərkəzində", "Azərbaycan Mədəniyyət Mərkəzində", "Bakı Ekspo Mərkəzində", "Nizami Kino Mərkəzində". A
# clinic, a laboratory or an agency's centre ("Bərdə Diaqnostika Mərkəzində", "STEAM İnnovasiya Mərkəzində",
# "Rəqəmsal İdarəetmə Mərkəzində") is an institution wherever it is.
_HALL_WORDS = tuple(fold(w) for w in "konqres kino mədəniyyət muğam kitab yaradıcılıq ekspo sərgi idman konsert "
                    "incəsənət musiqi".split())
_CENTRE = re.compile(r"(?:^| )Mərkəz[a-zəıöüğşç]*$")
# a palace is a building wherever it is named, a LOC as the stand-off gold writes "Yelisey sarayındakı", "Böyük
# Xalq Sarayında" ("“Sülh və Ədalət Sarayı”nın qarşısında": the model and the knowledge base say ORG)
_PALACE = re.compile(r"(?:^| )[Ss]aray[a-zəıöüğşç]*$")


def az_halls(mentions: list[Mention]) -> list[Mention]:
    """An az organisation whose last word is a palace's noun (`_PALACE`) is that palace, a LOC. An az organisation
    named "... Mərkəzi" in the locative ("Heydər Əliyev Mərkəzində", "... Mərkəzindəki")
    is the hall something is held in, a LOC, as the az stand-off file annotates it (25 of its 26 spans of that
    shape), when the word before "Mərkəzi" names a hall (`_HALL_WORDS`) or is a person's surname (a hall named
    after a person); in other cases it stays the organisation ("Heydər Əliyev Mərkəzinin direktoru")."""
    out = []
    for m in mentions:
        words = m.text.split()
        if m.lang == "az" and m.label == "ORG" and len(words) > 1 and _CENTRE.search(m.text) \
                and split_case(words[-1])[1] in ("locative", "locative_ki") \
                and (fold(words[-2]).startswith(_HALL_WORDS) or SURNAME_RE.search(fold(words[-2]))):
            m = replace(m, label="LOC")
        elif m.lang == "az" and m.label == "ORG" and len(words) > 1 and _PALACE.search(m.text):
            m = replace(m, label="LOC", canonical_id=None, canonical_name=None)
        out.append(m)
    return out


# A corridor named by two opposite compass words ("Şimal-Cənub", "Şərq-Qərb", corpus/training/README-realnews.md
# lists `Şimal-Cənub` among the routes), one of a list of them before the corridor or route noun: "Şərq-Qərb və
# Şimal-Cənub nəqliyyat dəhlizləri", "həm Şimal-Cənub, həm Şərq-Qərb nəqliyyat dəhlizləri", "Şimal-Cənub
# dəhlizidir", "Şimal-Cənub marşrutundan". The model finds the first of two and misses the second; the knowledge
# base knows the name only with its singular noun ("Şimal-Cənub dəhlizi"). Without the noun, the pair is a relation
# ("Şərq-Qərb, Şimal-Cənub əlaqələrinin"), no place.
_COMPASS_PAIR = r"(?:Şimal-Cənub|Cənub-Şimal|Şərq-Qərb|Qərb-Şərq)"
_CORRIDOR_LIST = re.compile(r"(?<![\w-])[“\"«]?" + _COMPASS_PAIR + r"[”\"»]?(?:(?:,|\s+və|,?\s+həm)\s+[“\"«]?"
                            + _COMPASS_PAIR + r"[”\"»]?)*\s+(?:beynəlxalq\s+)?(?:nəqliyyat\s+)?(?:dəhliz|marşrut)")
_PAIR = re.compile(r"(?<![\w-])" + _COMPASS_PAIR + r"(?![\w-])")


def az_compass_corridors(mentions: list[Mention], text: str) -> list[Mention]:
    """A LOC for each compass-pair corridor name no mention covers (see `_CORRIDOR_LIST`)."""
    taken = [(m.start, m.end) for m in mentions]
    added = [Mention(pair.group(), "LOC", pair.start(), pair.end(), "az")
             for hit in _CORRIDOR_LIST.finditer(text) for pair in _PAIR.finditer(text, hit.start(), hit.end())
             if not any(a < pair.end() and pair.start() < b for a, b in taken)]
    return sorted(mentions + added, key=lambda m: (m.start, -m.end)) if added else mentions


# a quoted name, then a stadium's, an arena's, a palace's or a sports centre's noun
_QUOTED_VENUE = re.compile(r"[“\"«](" + AZ_CAPITAL + r"[^“”\"«»\n]{1,50}?)[”\"»]\s+"
                           r"(?:stadion|arena|saray|[İi]dman\s+(?:[Mm]ərkəz|[Kk]ompleks|[Ss]aray))")


def az_quoted_venues(mentions: list[Mention], text: str) -> list[Mention]:
    """One LOC for each quoted venue name (see `_QUOTED_VENUE`) in place of what NER found inside the quotes;
    left alone where a mention crosses the quotes."""
    for hit in _QUOTED_VENUE.finditer(text):
        s, e = hit.span(1)
        inside = [m for m in mentions if m.label != "DATE" and m.start < e and s < m.end]
        if any(m.start < s or m.end > e for m in inside) or any((m.start, m.end, m.label) == (s, e, "LOC")
                                                              for m in inside):
            continue
        mentions = replace_inside(mentions, Mention(text[s:e], "LOC", s, e, "az"))
    return mentions


# A road, railway, pipeline or route named by the places it joins, hyphenated ("Qars-İğdır-Aralıq-Dilucu dəmir yolu",
# "Bakı-Şamaxı-Muğanlı-İsmayıllı-Qəbələ avtomobil yolu", "İğdır-Naxçıvan qaz kəməri"), a bracket maybe between
# ("Qars-İğdır-Aralıq-Dilucu (Naxçıvanla sərhəd) dəmir yolu"): each place is a LOC, as the stand-off gold writes
# them; the model finds the known towns and misses the small ones.
_PLACE_WORD = r"[A-ZÇƏĞİÖŞÜ][a-zçəğıöşü]+"
_ROUTE = re.compile(rf"(?<![\w-]){_PLACE_WORD}(?:-{_PLACE_WORD})+(?=(?:\s+\([^()]*\))?\s+(?:dəmir\s+yol|avtomobil\s+yol"
                    r"|yol|qaz\s+kəmər|neft\s+kəmər|kəmər|marşrut|magistral)[a-zəıöüğşç]*(?![\w-]))")
_PART = re.compile(_PLACE_WORD)


def az_route_places(mentions: list[Mention], text: str) -> list[Mention]:
    """A LOC for each place of a hyphenated route name (see `_ROUTE`) no mention covers, when the model or the
    knowledge base found another place of it (the name is places, not a person's double surname)."""
    added = []
    for hit in _ROUTE.finditer(text):
        parts = list(_PART.finditer(text, hit.start(), hit.end()))
        if any(fold(p.group()) in COMPASS_WORDS for p in parts):  # a corridor: `az_compass_corridors`
            continue
        covered = [[m for m in mentions if m.label != "DATE" and m.start < p.end() and p.start() < m.end]
                   for p in parts]
        if not any(any(m.label == "LOC" and (m.start, m.end) == p.span() for m in ms) for p, ms in zip(parts, covered)):
            continue
        added += [Mention(p.group(), "LOC", p.start(), p.end(), "az") for p, ms in zip(parts, covered) if not ms]
    return sorted(mentions + added, key=lambda m: (m.start, -m.end)) if added else mentions
