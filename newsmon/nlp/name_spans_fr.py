"""French span rules: bodies named over "de"-phrases, streets and squares, share buttons, people's names
with ordinary words glued on. Split from
`name_spans` (which applies them with the English and shared rules); conventions as there.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from newsmon.model import Mention
from newsmon.nlp.mentions import LEADING_TITLES, PLATFORM_NAMES, TITLES
from newsmon.nlp.name_words import FR_ORG_HEADS, common_words, is_first_name, is_fr_verb_form
from newsmon.nlp.span_edit import ENTITY as _ENTITY, replace_inside as _replace_inside
from newsmon.text.normalize import fold, slugify

# -- French -------------------------------------------------------------------------------------

# Lower case, these name one institution when a capitalised "de"-phrase follows ("ambassade des États-Unis",
# "ministère des Affaires étrangères", "université de Valence", "conseil municipal de Marseille", as
# real-dev annotates them; "préfecture de l’Eure", as the real-news tuning set does; not "mairie
# d’Evreux", which real-dev keeps a place, "Evreux");
# "conseil" alone is also advice ("le conseil de Pierre"), so only with its council's adjective.
_FR_LOWER_HEAD = re.compile(r"(?:ambassade|consulat|ministère|université|académie|(?:sous-)?préfecture|"
                            r"conseil\s+(?:municipal|régional|départemental|général))\b")
_FR_PREP = r"(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|et\s+(?:de\s+(?:la\s+|l['’])?|du\s+|des\s+|d['’]))"
# words that end a name: articles, pronouns, verbs, conjunctions (lower case only; "et" before "de" joins)
_FR_STOP = "|".join("""le la les un une et ou à au aux en dans pour par sur avec sans sous entre qui que dont est sont a ont été être se sa son ses leur leurs ce cette ces il elle ils elles on nous vous pas ne plus
venu venue venus venues situé située basé basée""".split())  # "du Conseil paroissial venu de Marseille"
_FR_CAP = r"[A-ZÀ-ÖØ-ÞŒ][\w’'-]*"
_FR_LOW = rf"(?!(?:de|du|des|d['’]|{_FR_STOP})\b)[a-zà-öø-ÿœ][\w’'-]*"
# head, up to two capitalised or lower-case adjectives ("Église Protestante Unie de France", "Église
# arménienne catholique de France"), then "de"-phrases of up to three words each
_FR_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w-]*")
# A second lower-case word before the "de" phrase must look like an adjective ("exécutif central"): a
# verb or noun there ends the name ("Banque mondiale finance des centres de services ...", a headline).
_FR_ADJ = rf"{_FR_LOW}(?:al|ale|aux|ales|el|elle|ien|ienne|ique|iques|if|ive|aire|ais|aise|ain|aine|é|ée|és|ées|eur|euse)"
# "et" + a capitalised word inside a de-phrase, when another de-phrase follows: "Conseil des Associations
# Arméniennes et Arménophiles de Suisse" (never at the name's end: "Conseil de l’Europe et France" is two)
_FR_AND_CAP = rf"\s+et\s+{_FR_CAP}(?=\s+{_FR_PREP})"
_FR_ORG = re.compile(rf"(?P<head>[\wÀ-ÿŒœ-]+)(?P<rest>(?:\s+(?:{_FR_CAP}|{_FR_LOW}))?(?:\s+(?:{_FR_CAP}|{_FR_ADJ})(?![\w’'-]))?"
                     rf"(?:\s+{_FR_PREP}(?:{_FR_CAP}|{_FR_LOW})(?:\s+(?:{_FR_CAP}|{_FR_LOW})|{_FR_AND_CAP}){{0,2}})+)")



# French posts, folded: an ORG that opens with one is a job title ("ministre de l’Environnement",
# "Vice-ministre des Affaires étrangères"), the body is named only inside it.
_FR_POSTS = frozenset(fold(w) for w in """ministre vice-ministre secrétaire sous-secrétaire directeur directrice
président présidente vice-président ambassadeur ambassadrice conseiller conseillère porte-parole négociateur
négociatrice commissaire délégué déléguée préfet préfète maire catholicos patriarche""".split())


# every word of a French text is looked up as a head: fold each distinct word once per process
_folded = lru_cache(maxsize=1 << 16)(fold)


def french_spans(mentions: list[Mention], text: str) -> list[Mention]:
    """French organisation names kept whole: a head noun ("Conseil", "Ambassade") followed by "de"-
    phrases that reach a capitalised word becomes one ORG, in place of the pieces NER found in it. The
    name ends at its last capitalised word; it never crosses a clause word ("qui", "est", "et" not
    followed by "de") or a sentence end."""
    for word in _FR_WORD.finditer(text):
        head = word.group()
        if _folded(head) not in FR_ORG_HEADS:
            continue
        hit = _FR_ORG.match(text, word.start())
        if hit is None:
            continue
        lower = not head[:1].isupper()
        if lower and not _FR_LOWER_HEAD.match(text, word.start()):
            continue
        start = hit.start()
        end = _last_capital_end(text, hit.start("rest"), _next_head(text, hit.start("rest"), hit.end()))
        if end is None:
            continue
        inside = [m for m in mentions if m.label in _ENTITY and start <= m.start < end]
        if any(m.end > end or m.start < start < m.end for m in mentions if m.label in _ENTITY
               and m.start < end and m.end > start):
            continue  # a name already crosses the edge: leave it to the model
        people = [m.start for m in inside if m.label == "PERSON"]
        if lower and people:  # "ministère de l’Intérieur de Gérald Darmanin": whose it is, not its name
            end = _last_capital_end(text, hit.start("rest"), min(people))
            if end is None:
                continue
            inside = [m for m in inside if m.start < end]
        new = Mention(text[start:end], "ORG", start, end, "fr")
        if inside or head[:1].isupper():  # the model's MISC pieces ("L’Œuvre d’Orient") give way too
            mentions = sorted([m for m in mentions if m.label == "DATE" or m.end <= start or m.start >= end]
                              + [new], key=lambda m: (m.start, -m.end))
    return [m for m in mentions if not (m.label == "ORG" and m.lang == "fr" and fold(m.text.split()[0]) in _FR_POSTS
                                        and not m.canonical_id)]


_FR_ELIDED = re.compile(r"^[dl]['’]")  # "d’Évreux" is a capitalised word


def _next_head(text: str, start: int, end: int) -> int:
    """Where a second name starts inside text[start:end]: a capitalised head noun right after a capitalised
    word, no preposition between ("... de France Conférence des évêques de France": a list of bodies
    run together by a line the extractor joined)."""
    for w in re.finditer(r"(?<=[\w’'])\s+([A-ZÀ-ÖØ-ÞŒ][\w’'-]*)", text[start:end]):
        before = text[start:start + w.start()].split()
        if before and _FR_ELIDED.sub("", before[-1])[:1].isupper() and fold(w.group(1)) in FR_ORG_HEADS:
            return start + w.start()
    return end


def _last_capital_end(text: str, start: int, end: int) -> int | None:
    """End of the last capitalised word in text[start:end] ("d’Orient" counts as capitalised)."""
    last = None
    for w in re.finditer(r"[\w’'-]+", text[start:end]):
        if _FR_ELIDED.sub("", w.group())[:1].isupper():
            last = start + w.end()
    return last


# Streets, squares and gardens: the type word and the name are one place ("rue Charles Corbeau",
# "Place du Général De Gaulle", "esplanade d'Arménie", "16e arrondissement de Paris").
_FR_STREET = re.compile(
    rf"(?<![\w-])(?:(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Ee]splanade|[Qq]uai|[Aa]llée|[Ii]mpasse|"
    rf"[Ss]quare|[Jj]ardin|[Pp]arvis|Place)|\d+(?:e|ème|er)\s+arrondissement)\s+{_FR_PREP}?"
    rf"{_FR_CAP}(?:\s+(?:{_FR_CAP}|de|du|des|d['’]\w+))*")


def french_streets(mentions: list[Mention], text: str) -> list[Mention]:
    """One LOC for a street or square and its name, in place of the pieces (a PERSON "Charles Corbeau",
    a LOC "Place du Général") NER found in it."""
    for hit in _FR_STREET.finditer(text):
        end = _last_capital_end(text, hit.start(), hit.end())
        if end is None:
            continue
        start = hit.start()
        if any(m.label in _ENTITY and (m.start < start < m.end or m.start < end < m.end) for m in mentions):
            continue
        mentions = sorted([m for m in mentions if m.label == "DATE" or m.end <= start or m.start >= end]
                          + [Mention(text[start:end], "LOC", start, end, "fr")], key=lambda m: (m.start, -m.end))
    return mentions


# "Partager sur Facebook  Partager sur LinkedIn": a share button names the platform, an organisation (as
# real-dev annotates them); the model calls them MISC or LOC and glues the next button's word on.
# "Partager sur X": the platform's one letter is a name here (linking keeps a span rule's one-letter name).
_FR_SHARE = re.compile(r"\bPartager\s+sur\s+([A-Z][\w-]*?)(?=Partager\b|[^\w-]|$)")


def french_share_buttons(mentions: list[Mention], text: str) -> list[Mention]:
    """One ORG for the platform each "Partager sur <Platform>" names, in place of what NER found there,
    linked by the rule (so linking keeps "X")."""
    for hit in _FR_SHARE.finditer(text):
        start, end = hit.span(1)
        name = PLATFORM_NAMES.get(hit.group(1), hit.group(1))
        mentions = _replace_inside(mentions, Mention(hit.group(1), "ORG", start, end, "fr",
                                                     f"org:{slugify(name)}", name))
    return mentions


# "République de l’Artsakh", "État d’Arménie", "République islamique d’Iran", "Fédération de Russie": a
# state's formal name is one place, the state itself (real-dev's "République d’Arménie"); up to two
# adjectives may come between ("République fédérale d’Allemagne"), never a noun ("État membre de l’UE").
_FR_STATE = re.compile(rf"(?<![\w-])(?:République|Royaume|[ÉE]tat|Principauté|Fédération|Émirat|Sultanat)"
                       rf"(?:\s+{_FR_ADJ}){{0,2}}\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])$")


def french_formal_states(mentions: list[Mention], text: str) -> list[Mention]:
    """One LOC for a state's formal name and the place it names, linked where the place was, in place of
    the pieces NER found in it."""
    return _places_after(mentions, text, _FR_STATE, same_place=True)


def _places_after(mentions: list[Mention], text: str, opener: re.Pattern[str], same_place: bool) -> list[Mention]:
    """Each French LOC that `opener` (a pattern anchored at its end) runs into extended over it, in place of
    the pieces NER found in the span; the link kept when the longer name is `same_place` as the shorter.
    Left alone when another name crosses the span, or (for the same place) a person or body lies in it."""
    for place in [m for m in mentions if m.label == "LOC" and m.lang == "fr"]:
        hit = opener.search(text, max(0, place.start - 60), place.start)
        if hit is None:
            continue
        start, end = hit.start(), place.end
        if any(m.label in _ENTITY and m is not place and m.start < end and start < m.end
               and (m.start < start or m.end > end or same_place and m.label != "LOC") for m in mentions):
            continue
        link = (place.canonical_id, place.canonical_name) if same_place else (None, None)
        mentions = _replace_inside(mentions, Mention(text[start:end], "LOC", start, end, "fr", *link))
    return mentions


# A place NER found at the end of a hyphenated place name: "Hauts-de-France", "Saint-André-de-l’Eure",
# "Pacy-Sur-Eure" (a particle between hyphens), "Haute-Normandie", "Mont-Liban", "Sud-Caucase" (a head
# that opens compound places). Pairs ("France-Arménie", "Paris-Caen") have neither and stay two places.
_FR_COMPOUND_PLACE = re.compile(
    r"(?<![\w’'-])(?:(?:[A-ZÀ-ÖØ-Þ][\w]*-)+(?:de|du|des|sur|Sur|sous|en|la|le|lès|lez)-(?:l[’'])?"
    r"|(?:Haute?s?|Basse?s?|Nord|Sud|Mont|Saint|Sainte|Île|Grand|Grande)-)$")


def french_compound_places(mentions: list[Mention], text: str) -> list[Mention]:
    """One LOC for a hyphenated place whose last part NER took for the whole ("France" of
    "Hauts-de-France"), unlinked: the compound is another place than its last word."""
    return _places_after(mentions, text, _FR_COMPOUND_PLACE, same_place=False)


# -- People ---------------------------------------------------------------------------------------

# Particles inside a person's name: never the word a glued neighbour is cut at, nor the end of a name.
_PARTICLES = frozenset("de du des d’ d' le la von van der den di da del ben bin el al".split())
# Between a caption word and the name it introduces ("Photo - Jonathan Lacôte", "Photo by Eric Fougere").
_CONNECTORS = frozenset(("-", "–", "—", "by", "par", ":"))


_LATIN = re.compile(r"^[\sA-Za-zÀ-ÖØ-öø-ÿŒœ’'.-]+$")  # Armenian-script spans are another language's


def _is_lower_word(word: str) -> bool:
    """A lower-case word that is no particle: a name does not go on past it ("Vincent DUCLERT historien")."""
    return word[:1].islower() and fold(word) not in _PARTICLES and not _FR_ELIDED.match(word)


def _is_glued_word(word: str) -> bool:
    """An ordinary French word (in lower case in running text, no first name): a heading, a caption or a
    post run into a name by a line the extractor joined ("Economie", "Texte", "Député", "historien")."""
    return fold(word) in common_words("fr") and not is_first_name(word) and fold(word) not in _PARTICLES


def french_person_edges(mentions: list[Mention]) -> list[Mention]:
    """French PERSON spans less the ordinary words glued to either end: "Economie Gevorg Papoyan" ->
    "Gevorg Papoyan", "Ian Boucard Affaires culturelles" -> "Ian Boucard", "Photo - Jonathan Lacôte" ->
    "Jonathan Lacôte". Two name words always stay; a knowledge-base match is left alone."""
    out = []
    for m in mentions:
        if m.label != "PERSON" or m.lang != "fr" or m.canonical_id or not _LATIN.match(m.text):
            out.append(m)
            continue
        words = [(w.group(), w.start(), w.end()) for w in re.finditer(r"\S+", m.text)]
        first = 0
        while len(words) - first >= 3 and _is_glued_word(words[first][0]):
            nxt = first + 1
            while nxt < len(words) and words[nxt][0] in _CONNECTORS:
                nxt += 1
            if len(words) - nxt < 2 or not words[nxt][0][:1].isupper():
                break
            first = nxt
        last = next((i for i in range(first + 2, len(words)) if _is_glued_word(words[i][0])
                     or _is_lower_word(words[i][0])), len(words))
        if last < len(words) and _is_lower_word(words[last][0]) and last - first > 2 \
                and words[last - 1][0][:1].isupper():
            last -= 1  # "Ian Boucard Affaires culturelles": the committee's name is capitalised, then not
        while last - first > 2 and words[last - 1][0] in _CONNECTORS:
            last -= 1
        if fold(words[last - 1][0]) in _PARTICLES or words[last - 1][0] in _CONNECTORS:
            last = len(words)  # "Charles le Simple": an epithet after a particle is the name's
        if (first, last) != (0, len(words)):
            start, end = m.start + words[first][1], m.start + words[last - 1][2]
            m = replace(m, text=m.text[words[first][1]:words[last - 1][2]], start=start, end=end)
        out.append(m)
    return out


_FR_ARTICLES = frozenset(("le", "la", "les", "l’", "l'"))


def french_titled_people(mentions: list[Mention]) -> list[Mention]:
    """The name after a title inside a French PERSON, MISC or ORG span is the person: "Son Excellence M.
    Olivier Decottignies", "Buste de M. Dikran Khan Kélékian", "L’accord d’Angora Madame Aurore BRUNA"
    -> the name alone (a title opening the span is `clean_surface`'s). Places keep theirs ("Place Général
    De Gaulle"), and a party or an article after the title is no person ("Premier ministre Les Républicains")."""
    out = []
    for m in mentions:
        words = list(re.finditer(r"\S+", m.text))
        title = next((i for i in range(len(words) - 2, 0, -1)
                      if fold(words[i].group()).rstrip(".") in TITLES | LEADING_TITLES), None)
        rest = [w.group() for w in words[title + 1:]] if title is not None else []
        if (m.lang != "fr" or m.label not in ("PERSON", "MISC", "ORG") or m.canonical_id or not 1 <= len(rest) <= 4
                or not all(w[:1].isupper() for w in rest) or fold(rest[0]) in _FR_ARTICLES
                or any(fold(w).rstrip(".") in TITLES | LEADING_TITLES for w in rest) or not _LATIN.match(m.text)):
            out.append(m)
            continue
        start = m.start + words[title + 1].start()
        out.append(Mention(m.text[words[title + 1].start():], "PERSON", start, m.end, m.lang))
    return out


# An elided pronoun, negation or conjunction the French model ran into a name before its apostrophe
# ("Rappelons qu’il", "Kasparian s’est", "Aliev n’a"): about 30 such spans in 300 random fr real-news
# articles. Not "l’"/"d’", which names hold ("Légion d’honneur", "droits de l’homme").
_ELIDED_TAIL = re.compile(r"\s+(?:qu|jusqu|lorsqu|puisqu|[snjcmt])(?P<apostrophe>[’'][^\W\d_]*)?$", re.IGNORECASE)


def french_elided_tails(mentions: list[Mention], text: str) -> list[Mention]:
    """French mentions less the elided word they end in, with or without what follows its apostrophe
    ("Kasparian s’est", or "Kasparian s" before "’est" -> "Kasparian"); a mention left with nothing is
    dropped."""
    out = []
    for m in mentions:
        tail = _ELIDED_TAIL.search(m.text) if m.lang == "fr" else None
        mark = (m.start + tail.start("apostrophe") if tail.group("apostrophe") else m.end) if tail else m.end
        if tail is None or text[mark:mark + 1] not in ("’", "'") \
                or not text[mark + 1:mark + 2].islower():  # "de l’Arménie": a name goes on after the apostrophe
            out.append(m)
        elif tail.start() > 0:
            out.append(replace(m, text=m.text[:tail.start()], end=m.start + tail.start()))
    return out


# Where a word is capitalised by its place: a text's or line's start, after a sentence end, a colon, a
# quote, a bullet or a dash.
_OPENS = re.compile(r"(?:^|[.!?:;\n\"“”«»(*•>–—-]\s*|\s{2,})$")


def french_verb_forms(mentions: list[Mention], text: str) -> list[Mention]:
    """One-word French mentions outside the knowledge base that are a verb's inflected form capitalised by
    their place, a heading, a button or an imperative ("Regardez", "Recevez", "Occupée", "Exprimés :"): no
    name. Inside a sentence the word is a name ("à Vienne"); first names stay ("Aimé")."""
    return [m for m in mentions if not (m.lang == "fr" and m.label in _ENTITY and not m.canonical_id
                                        and " " not in m.text.strip() and m.text[:1].isupper()
                                        and not m.text.isupper() and _OPENS.search(text[max(0, m.start - 4):m.start])
                                        and is_fr_verb_form(m.text.strip()) and not is_first_name(m.text.strip()))]


# "les États membres", "les États parties", "deux États": French capitalises the plural of "State" as a
# common noun; alone it names no place (the models tag it a LOC), unlike "États-Unis" (one word).
_PLURAL_STATES = frozenset(("etats",))


def french_plural_states(mentions: list[Mention]) -> list[Mention]:
    """French mentions that are the bare plural "États", outside the knowledge base, dropped."""
    return [m for m in mentions if not (m.lang == "fr" and m.label in _ENTITY and not m.canonical_id
                                        and fold(m.text.strip()) in _PLURAL_STATES)]
