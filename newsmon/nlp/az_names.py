"""Azerbaijani names the models split or run on: organisation chains in the genitive, names run on past a
document word, a person's surname alone after the full name. Each rule takes the article's mentions and
text and returns the corrected mentions; `linking.link_mentions` applies them to Azerbaijani text before
linking. People written with an initial, double-barrelled surnames and regnal numbers are in `az_people`,
quoted names in `az_quoted`."""
from __future__ import annotations

import re
from dataclasses import replace

from newsmon.model import Mention
from newsmon.nlp.event_names import names_an_event
from newsmon.nlp.mentions import NOT_ENTITIES, TITLES, is_az_document_word, names_a_document, strip_attached_suffix
from newsmon.nlp.ner import OUR, SENTENCE_START, sentence_openers
from newsmon.text.az import (ADVERBIAL_CASES, AZ_CAPITAL, CASE_ENDINGS, COPULA_ENDINGS, PRONOUNS, az_stem, az_stems, split_case,
                             stem_word)
from newsmon.text.normalize import OPEN_QUOTES, fold


# Head nouns of Azerbaijani organisation names, folded starts ("Fondu", "Agentliyinin", "Təşkilatının").
_AZ_ORG_HEADS = tuple(fold(w) for w in """
fond agentli nazirli təşkilat komitə komissiya xidmət universitet akademiya institut bank şirkət palata
məclis şura mərkəz kitabxana arxiv muzey idarə departament assosiasiya birliy ittifaq korporasiya holdinq
fakültə məktəb xəstəxana teatr aparat administrasiya ofis səfirli konsulluğ nümayəndəli parlament
kilsə partiya kolle qərargah büro kabinet qüvvə assambleya federasiya liqa hakimiyyət orkestr senat məhkəmə
şəbəkə konservatoriya klinika ansambl orqan icma qrup heyət ordus şöbə
qvardiya prokurorlu bələdiyyə korpus televiziya cəmiyyət müşavirə sinod hərəkat metropoliten polis
""".split())  # "ordus", not "ordu": "Ordubad" is a place
_AZ_CAP_WORD = AZ_CAPITAL + r"[\w’'-]*"
# Capitalised words joined by spaces, or by ",", "və", "üzrə" inside one name ("Təhsil, Elm və
# Mədəniyyət üzrə Təşkilatı"); the chain is cut after each head noun joined by a connector (see below). No
# name runs over a line break: a list's line ends there ("... - Azərbaycan Güləş Federasiyası\n\nİlin ən yaxşı ...").
_SPACE = r"[^\S\n]+"
_AZ_CHAIN = re.compile(rf"{_AZ_CAP_WORD}(?:(?:{_SPACE}|,{_SPACE}|{_SPACE}(?:və|üzrə){_SPACE}){_AZ_CAP_WORD})*")
_AZ_JOINER = re.compile(rf"({_SPACE}|,{_SPACE}|{_SPACE}(?:və|üzrə){_SPACE})(?={_AZ_CAP_WORD})")


# A head's cases that end or own what follows: a genitive owns the next words ("Nazirliyinin Mətbuat
# xidməti"), an adverbial case ends the name before a capitalised word of the sentence ("... Liqasında XVII tura").
_ENDS_A_NAME = ("genitive",) + ADVERBIAL_CASES


def is_org_head(word: str) -> bool:
    return fold(word).startswith(_AZ_ORG_HEADS)


# a capitalised head before "mərhələsi" names a contest's stage, no body: "Avropa Liqasının Liqa mərhələsinin"
CONTEST_STAGE = re.compile(r"\s+mərhələ")


# A government ends a name as a head does ("Azərbaycan Respublikası Hökuməti və İslam İnkişaf Bankı" are
# two), but its chain is left to `name_spans.government_names`, which links it to its country.
_GOVERNMENT_HEAD = fold("hökumət")


def az_org_chains(mentions: list[Mention], text: str, ordinary: set[str] | frozenset[str] = frozenset(),
                  bare: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
                  international: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()) -> list[Mention]:
    """Azerbaijani organisation names kept whole: a genitive chain of capitalised words ending in an
    organisation's head noun ("Birləşmiş Millətlər Təşkilatının Təhsil, Elm və Mədəniyyət üzrə
    Təşkilatının", "Azərbaycan Biznesinin İnkişafı Fondu") becomes one ORG mention in place of the
    pieces NER found inside it. Only chains that extend a mention are made. A chain does not run on
    past an organisation's head or name ("Heydər Əliyev Fondu və ...", "UNDP və ...", "Forumu BMT-nin"),
    and does not start with a word in an adverbial case or an ordinary word (`ordinary`: `az_stem`s
    of words the article writes in lower case): "Tbilisidə", "Görüşdə", "Layihə". A known name written
    as the knowledge base writes it (`bare`: the spans of such mentions) is in the nominative
    and opens the chain, though its stem is an ordinary word or its ending looks like a case: "Gəncə
    Dövlət Universiteti" (gənc, young), "Türkiyə Hacettepe Universiteti", "Şuşa Şəhər Dövlət İdarəsi".
    A word in the genitive before a known international organisation (`international`: spans of such
    mentions, "Avropa İttifaqı", "Şanxay Əməkdaşlıq Təşkilatı") is not its word but its partner's
    ("Azərbaycanın | Şanxay Əməkdaşlıq Təşkilatı ilə əlaqələri"), as real news annotates it; a state's
    own body takes its owner ("Macarıstanın İxracın Təşviqi Agentliyi")."""
    found = [m for m in mentions if m.label in ("ORG", "LOC", "PERSON")]
    ends = {m.end: m for m in found}
    chains: list[tuple[int, int]] = []
    for run in _AZ_CHAIN.finditer(text):
        for s, e in _pieces(text, run.start(), run.end(), ends):
            person = _named_after(text, s, e, ends, found)
            s = person.start if person else _chain_start(text, s, e, ordinary, {m.start for m in found}, bare)
            s = _past_a_partner(text, s, e, [m for m in found if (m.start, m.end) in international])
            # a run goes on past the name into a title ("… Dövlət Şurasının Baş naziri"): the name ends
            # at its last head noun
            heads = [w for w in re.finditer(r"\S+", text[s:e])
                     if is_org_head(w.group()) and not CONTEST_STAGE.match(text, s + w.end())]
            if not heads or (s + heads[-1].end() < e and split_case(heads[-1].group())[1] not in _ENDS_A_NAME
                             and not _another_name_at(text, s + heads[-1].end(), found)):
                continue  # a head that does not own the words after it modifies them: "… Xidmətləri Forumu"
            e = s + heads[-1].end()
            words = text[s:e].split()
            if len(words) < 2 or any(m.label == "PERSON" and s <= m.start and m.end <= e and m is not person for m in found):
                continue  # "İlham Əliyevin Antalyada Avropa Şurasının": a person's doing, not one name
            inside = [m for m in found if s <= m.start and m.end <= e]
            if inside and all(m.end - m.start < e - s for m in inside) and not any(
                    m.start < s < m.end or m.start < e < m.end for m in found):
                chains.append((s, e))
    if not chains:
        return mentions
    out = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in chains) or m.label == "DATE"]
    for s, e in chains:
        first = next(m for m in found if s <= m.start and m.end <= e)
        out.append(Mention(text[s:e], "ORG", s, e, first.lang))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _named_after(text: str, s: int, e: int, ends: dict[int, Mention], found: list[Mention]) -> Mention | None:
    """The person a body is named after, right before the piece `s`-`e` of a run: their name in the nominative,
    then words no mention holds ("Maqsud İbrahimbəyov | Yaradıcılıq Mərkəzinin"), which `_pieces` cut at the
    person's end. Not a person in the genitive, whose doing the next name is ("İlham Əliyevin | Avropa
    Şurasının"), nor a piece with a name of its own ("Leyla Əliyeva | Bakı Media Mərkəzinin")."""
    person = ends.get(s - 1)
    if (person is None or person.label != "PERSON" or text[s - 1] != " " or case_of(person.text.split()[-1])
            or any(s <= m.start < e for m in found)):
        return None
    return person


def _another_name_at(text: str, at: int, found: list[Mention]) -> bool:
    """Whether the next word after `at` opens a place's or a person's mention: a run that goes on into another
    name past a head in the nominative ends at the head ("Rusiya Silahlı Qüvvələri | Ukraynanın Çernihiv
    vilayətinə"), where a head before an ordinary capitalised word modifies it ("… Xidmətləri Forumu")."""
    nxt = at + len(text[at:]) - len(text[at:].lstrip())
    return any(m.start == nxt and m.label in ("LOC", "PERSON") for m in found)


def _past_a_partner(text: str, s: int, e: int, international: list[Mention]) -> int:
    """Where a chain from `s` to `e` starts when a word in the genitive comes before an international body
    that ends it or owns the rest ("Azərbaycanın | Avropa İttifaqı ilə", "Azərbaycanın | Türk Dövlətləri
    Təşkilatının Katibliyinə"): the state is the body's partner. A body that only says where or for
    what ("Azərbaycanın Avropa İttifaqındakı Nümayəndəliyi", "... UNESCO üzrə Milli Komissiyası") is a
    word of the state's own body's name, which starts at `s`."""
    for m in international:
        end = m.end + len(re.match(r"\S*", text[m.end:]).group())  # with a suffix after a hyphen: "BMT-nin"
        if s < m.start < e and case_of(text[s:m.start].split()[-1]) == "genitive" \
                and (end >= e or case_of(text[m.start:end].split()[-1]) == "genitive"):
            return m.start
    return s


def _pieces(text: str, start: int, end: int, ends: dict[int, Mention]) -> list[tuple[int, int]]:
    """Pieces of a capitalised run that can be one name: cut at a connector after a head noun or a
    name, and at a space after an organisation's name that is not in the genitive."""
    pieces, at = [], start
    for j in _AZ_JOINER.finditer(text, start, end):
        before = text[at:j.start()].split()
        if not before:
            continue
        last, named = before[-1], ends.get(j.start())
        if j.group(1).strip():  # ",", "və", "üzrə"
            cut = is_org_head(last) or fold(last).startswith(_GOVERNMENT_HEAD) or named is not None
        else:
            cut = named is not None and named.label != "LOC" and split_case(last)[1] != "genitive"
        if cut:
            pieces.append((at, j.start()))
            at = j.end()
    pieces.append((at, end))
    return pieces


def case_of(word: str) -> str | None:
    """The case of an Azerbaijani word, also of one whose ending follows a hyphen or an apostrophe
    ("AZƏRTAC-a": dative, "BMT-nin": genitive)."""
    hyphen = re.search(r"[-’'](\w+)$", word)
    if hyphen:  # "AZƏRTAC-a"; a compound's second word ("Nyu-Yorkda", "Ər-Riyadda") takes its ending glued
        case = next((case for case, forms in CASE_ENDINGS.items() if hyphen.group(1) in forms), None)
        if case:
            return case
    return split_case(word)[1]


def _chain_start(text: str, s: int, e: int, ordinary: set[str] | frozenset[str], starts: set[int],
                 bare: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset()) -> int:
    """Past leading words that cannot open a name: adverbial cases, ordinary words, and a sentence's
    first word that no mention starts with (capitalised by its place: "Toplantı Birləşmiş ...")."""
    while True:
        m = re.match(r"\S+\s+", text[s:e])
        if not m:
            return s
        word = m.group().strip().rstrip(",")
        if (s, s + len(word)) in bare:  # the whole word opens a known name: "Gəncə", not "AZƏRTAC-a"
            return s
        opener = s not in starts and SENTENCE_START.search(text[max(0, s - 3):s])
        if opener or az_stem(fold(word)) in ordinary \
                or case_of(word) in ADVERBIAL_CASES:
            s += m.end()
        else:
            return s


def az_document_remainders(mentions: list[Mention]) -> list[Mention]:
    """An Azerbaijani name that runs on past a document's head noun ("Qrant Sazişi Qız Qalası": the
    document's title, then a place of the next words) is the words after it; a document word inside an
    organisation's name stays ("Kollektiv Təhlükəsizlik Müqaviləsi Təşkilatı" ends with a head)."""
    out = []
    for m in mentions:
        words = list(re.finditer(r"\S+", m.text))
        if m.label not in ("ORG", "LOC", "PERSON") or len(words) < 2 or is_org_head(words[-1].group()):
            out.append(m)
            continue
        cut = max((i for i, w in enumerate(words[:-1]) if is_az_document_word(w.group())), default=None)
        if cut is None:
            out.append(m)
            continue
        start = words[cut + 1].start()
        out.append(Mention(m.text[start:], m.label, m.start + start, m.end, m.lang))
    return out


# A bracket a name runs into: results write a number after a player or a wrestler ("Felipe Santos (35)",
# "Mustafazadə (92 kq)", "Akuliniçi (6:3)"), and the model takes the bracket, or its opening, into the name.
_BRACKET_TAIL = re.compile(r"\s*\((?P<inside>[^()]*)\)?$")


def az_bracket_tails(mentions: list[Mention]) -> list[Mention]:
    """Mentions without a bracket they ran into ("Ohad Yaalomi (" -> "Ohad Yaalomi"); a name before a bracketed
    number (a minute, a weight, a score) is a sportsperson in a result, a PERSON whatever NER said ("Felipe
    Santos (35)" ORG, "Akuliniçi (6:3)" LOC). A name with its own bracket inside stays ("... (TDT) Katibliyi")."""
    out = []
    for m in mentions:
        hit = _BRACKET_TAIL.search(m.text) if m.label in ("PERSON", "ORG", "LOC") and m.lang == "az" else None
        if hit is None or hit.start() == 0 or "(" in m.text[:hit.start()] or ")" in m.text[:hit.start()]:
            out.append(m)
            continue
        label = "PERSON" if hit.group("inside")[:1].isdigit() else m.label
        kept = m.text[:hit.start()]
        out.append(replace(m, text=kept, end=m.start + len(kept), label=label))
    return out


# Head nouns of a state's name, folded starts: "Azərbaycan Xalq Cümhuriyyəti", "İordaniya Haşimilər Krallığı" are places.
_COPULA = tuple(fold(e) for e in COPULA_ENDINGS)
_STATE_HEADS = tuple(fold(w) for w in "respublika cümhuriyyət krallı əmirli sultanlı".split())
# Words of a country's formal name between its name and "Respublikası" ("Almaniya Federativ Respublikası");
# "Xalq", "Demokratik", "Sovet" are left out: "Azərbaycan Xalq Cümhuriyyəti" (1918) is not Azerbaijan.
_STATE_FORMS = frozenset(fold(w) for w in "islam federativ ərəb birləşmiş muxtar".split())


_PRONOUNS = frozenset(fold(w) for w in PRONOUNS)


def _no_name_word(word: str) -> bool:
    """A word no name holds: a predicate ("Azərbaycandır"), a sentence opener ("Əgər"), a pronoun ("Siz")."""
    folded = fold(word)
    return folded.endswith(_COPULA) or folded in sentence_openers("az") or folded in _PRONOUNS


def is_title(word: str) -> bool:
    """ "Prezidentindən", "Naziri": a person's office, which ends no organisation's name."""
    folded = fold(word)
    return bool({folded, *az_stems(folded)} & TITLES)


def az_names_around_known(model: list[Mention], known: list[Mention], text: str) -> list[Mention]:
    """Azerbaijani model mentions of a place that hold one known place and more: the longer place the
    known one is a word of ("Özbəkistan Respublikasının", "Şimali Kipr Türk Cümhuriyyəti", "Sabirabad
    Sənaye Məhəlləsi", "Qərbi Azərbaycan"), which real news annotates whole; they win over the match
    inside them (see `pipeline.merge_mentions`). A country's formal name ("İran İslam Respublikasının")
    keeps the country's entity; a name ending in a state's noun is a place though the model said ORG
    ("Azərbaycan Xalq Cümhuriyyəti"). Organisations named after a place ("Azərbaycan Tibb Universiteti")
    are left to the match and the chain rules: the agreement finder reads its parties from these spans.

    Not when the model ran a known place into a neighbour: a word in lower case ("Kəlbəcər balı"), a
    second known name ("ICESCO Qarabağa"), a sentence's first word before it ("Qonaqlar Bakı"), a hyphen
    compound ("Azərbaycan-Özbəkistan"), a predicate, an opener or a pronoun ("Qarabağ Azərbaycandır",
    "Əgər Moskva", "Siz Amerika ..."), a place in an adverbial case or the genitive before more words
    ("Nyu-Yorkda Xəzər ...", "Azərbaycanın Xəzəryanı"), an office ("Azərbaycan Prezidentindən"), a
    document or an event ("Ermənistan Konstitusiyası", "Bakı ... Forumu")."""
    out = []
    for m in model:
        inside = [k for k in known if m.start <= k.start and k.end <= m.end]
        if m.lang != "az" or m.label not in ("ORG", "LOC") or len(inside) != 1 or inside[0].label != "LOC":
            continue
        k = inside[0]
        rest = (m.text[:k.start - m.start] + " " + m.text[k.end - m.start:]).split()
        last = m.text.split()[-1]
        if not rest or not all(w[:1].isupper() for w in rest) or any(c in m.text for c in "-’:,;\n"):
            continue
        if k.start > m.start and SENTENCE_START.search(text[max(0, m.start - 3):m.start]):
            continue  # "Qonaqlar Bakı ...": capitalised by its place, not a name
        if k.end < m.end and split_case(k.text.split()[-1])[1] in ADVERBIAL_CASES + ("genitive",):
            continue
        if any(_no_name_word(w) for w in rest) or is_title(last) or is_org_head(last):
            continue
        if fold(last).startswith(_GOVERNMENT_HEAD) or names_a_document(m.text) or names_an_event(m.text):
            continue  # a government is `name_spans.government_names`' ("Azərbaycan Respublikası Hökuməti")
        state = fold(last).startswith(_STATE_HEADS)
        if m.label == "ORG" and not state:
            continue
        after = fold(m.text[k.end - m.start:]).split()
        if k.start == m.start and state and all(w.startswith(_STATE_HEADS) or w in _STATE_FORMS for w in after):
            # "İran İslam Respublikasının", "Özbəkistan Respublikası": the known country's formal name
            out.append(Mention(m.text, "LOC", m.start, m.end, m.lang, k.canonical_id, k.canonical_name))
        else:
            out.append(Mention(m.text, "LOC", m.start, m.end, m.lang))
    return out


# A capitalised word (a case suffix may follow, glued or after an apostrophe)
_AZ_WORD = re.compile(r"(?<![\w.’'-])" + AZ_CAPITAL + r"[a-zəıöüğşç’'-]{2,}")


# What makes a person's name a word of a longer one: a body named after them ("Üzeyir Hacıbəyli adına Bakı
# Musiqi Akademiyası"), a patronymic ("İmanov Nağı Novruz oğlu"). Not any capitalised word: a sentence goes
# on with one ("Pietro Parolin Birinci vitse-prezident ...").
_NAME_GOES_ON = re.compile(r"\s+(?:adına|(?:" + AZ_CAPITAL + r"\w*\s+)?(?:oğlu|qızı))\b")


def az_surnames_of_people(mentions: list[Mention], text: str, ordinary: set[str] | frozenset[str] = frozenset()) -> list[Mention]:
    """A person's surname standing alone after the article named them in full ("UNRWA-nın rəhbəri Filipe
    Lazzarini ..." then "Lazzarini bildirib", "Sarkozini", "Siyarto"), as news writes people after the
    first mention: a PERSON where NER found nothing (linking gives it the full name's entity). Not a
    surname that is an ordinary word of the article (`ordinary`: `az_stem`s of words written in lower
    case, and the common-word list), a title, a word of a place's or an organisation's name in the
    article ("Xəzər"), nor a word after another capitalised word (the whole name NER missed): that is the
    person again, whole, when those words are the rest of the full name ("Lorenso Kuinnin")."""
    # a word the article also has in a place's or an organisation's name is no surname ("Xəzər")
    in_names = {w for m in mentions if m.label in ("LOC", "ORG", "MISC") for w in fold(m.text).split()}
    surnames = {}
    for m in mentions:
        words = m.text.split()
        if m.label == "PERSON" and m.lang == "az" and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) \
                and fold(strip_attached_suffix(words[-1])) not in in_names \
                and not any(stem_word(w) in ordinary for w in words[:-1]):  # "Şükür Allaha": no one's name
            base = fold(strip_attached_suffix(words[-1]))
            for stem in [base, *az_stems(base)]:
                if len(stem) >= 4 and stem_word(stem) not in ordinary and stem not in TITLES | NOT_ENTITIES:
                    surnames.setdefault(stem, m)
    if not surnames:
        return mentions
    taken = [(m.start, m.end) for m in mentions if m.label != "DATE"]
    added = []
    for hit in _AZ_WORD.finditer(text):
        s, e = hit.span()
        word = fold(strip_attached_suffix(hit.group()))
        person = next((surnames[k] for k in (word, *az_stems(word)) if k in surnames), None)
        if any(a < e and s < b for a, b in taken) or person is None:
            continue
        if re.search(_AZ_CAP_WORD + r"\s+$", text[max(0, s - 30):s]) and not SENTENCE_START.search(text[max(0, s - 3):s]):
            # "Pietro Parolinə", "Binəli Yıldırımla": the whole name NER missed, not the surname alone; it is
            # the person when the words before are the rest of their name ("Lorenso Kuinn" ... "Lorenso Kuinnin")
            first = " ".join(person.text.split()[:-1]) + " "
            start = s - len(first)
            if start >= 0 and text[start:s] == first and not any(a < s and start < b for a, b in taken) \
                    and not re.match(r"[\w’'-]", text[start - 1:start]) and text[start - 1:start] not in OPEN_QUOTES \
                    and not _NAME_GOES_ON.match(text, e):
                added.append(Mention(text[start:e], "PERSON", start, e, "az"))
            continue
        if text[s - 1:s] in OPEN_QUOTES:
            continue  # “Ekspo 2025”: a quoted name is no person's
        added.append(Mention(hit.group(), "PERSON", s, e, "az"))
    return sorted(mentions + added, key=lambda m: (m.start, -m.end)) if added else mentions


def az_our_common_nouns(mentions: list[Mention], ordinary: set[str] | frozenset[str]) -> list[Mention]:
    """The mentions but a place or body that is a common noun with "our" ("Zəfərimizdən", our Victory;
    "Qələbəmizdir", "Vətənimizi", "Prezidentimizə", "Zəfər Günümüzün"): speeches capitalise them, the model
    takes them for names, and the az stand-off gold annotates none. `ordinary`: stems of ordinary words; every
    word of the mention must be one. A body's head keeps its name ("Silahlı Qüvvələrimizin", "Nazirliyimizi",
    "Ordumuzun", which the stand-off gold writes as organisations), and a place's name is no ordinary word
    ("Qarabağımızda", "Hatayımızda")."""
    out = []
    for m in mentions:
        words = m.text.split()
        our = OUR.search(words[-1]) if m.label in ("LOC", "ORG") and words and m.lang == "az" else None
        if our:
            base = words[-1][:our.start() + 1]  # "Zəfər" of "Zəfərimizdən", "Qələbə" of "Qələbəmizdir"
            if not (is_org_head(base) or fold(base).startswith("ordu")) \
                    and all(stem_word(w) in ordinary for w in [*words[:-1], base]):
                continue
        out.append(m)
    return out
