"""Party lists: coordinated mentions ("A, B, C and D") and which of a sentence's lists binds the agreement;
and lists read from the words themselves, for names NER missed or cut: Azerbaijani "X, Y ilə Z
arasında" (between X, Y and Z) over its case morphology.

A list before the postposition is split into conjuncts at ",", "və", "ilə" and the contracted
instrumental glued to a name ("SOCAR-la", "Ermənistanla"); separators inside a mention do not count
("Təhsil, Elm və Mədəniyyət üzrə Təşkilatı"). Each conjunct gives one party: a quoted name
(“ExxonMobil” şirkəti), else the mention at its end (the head: "Macarıstanın İxracın Təşviqi
Agentliyi" is the agency, not Hungary), else its run of capitalised words. The list stops at the first
conjunct that is no name ("... Əl-Casirin iştirakı ilə “Azərbaycan Respublikası və ...").
Names in such a list are in the nominative already (the postposition carries the case). Names that
are no party though near one: the subject of a document's title ("Xəzər dənizinin hüquqi statusu
haqqında Konvensiya") and a between-phrase after the document ("… Avropa və Mərkəzi Asiya arasında
daha çox ticarətə").
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from newsmon.model import Mention, Party
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.mentions import strip_attached_suffix
from newsmon.text.az import ADVERBIAL_CASES, CASE_ENDINGS, PRONOUNS, az_stem, split_case
from newsmon.text.normalize import fold, read_escapes

if TYPE_CHECKING:
    from newsmon.nlp.agreements.parties import Sentence

_INSTRUMENTAL = "|".join(sorted(CASE_ENDINGS["instrumental"], key=len, reverse=True))
# ", ", " və ", " ilə ", or the glued instrumental of a capitalised word, quote or bracket.
_SEPARATOR = re.compile(rf"\s*,\s*|\s+(?:və|ilə)\s+|(?<=[^\W\d_][”\"»’)]|[^\W\d_]{{2}})-?(?:{_INSTRUMENTAL})\s+")
_QUOTED = re.compile(r"[“\"«]([^”\"»“«]{2,80})[”\"»]")
_WORD = re.compile(r"\S+")
_PAREN = re.compile(r"\s*\([^()]*\)\s*$")
_GOVERNMENT = re.compile(r"\s+(?:Respublikası(?:nın)?\s+)?Hökuməti\s*$")
# A named group of states or governments: a capitalised modifier and a plural head ("Xəzəryanı dövlətlər",
# "Mərkəzi Asiya ölkələrinin", "Türk dövlətlərinin hökumətləri").
_COLLECTIVE = re.compile(r"((?:[A-ZƏİÖÜĞŞÇ][\w-]*\s+)+(?:dövlət|ölkə|hökumət)l[əa]r\w*"
                         r"(?:\s+(?:hökumət|parlament|rəhbər)l[əa]ri\w*)?)\s*$")
_LETTERS = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"  # what an instrumental ending is spelt with
_MAX_WORDS = 12  # a conjunct longer than this is a clause, not a name
# Lower-case head nouns a quoted name may carry: “ExxonMobil” şirkəti, “Hieronica Limited” MMC.
_QUOTED_HEAD = re.compile(r"^\s*(?:şirkət|kompaniya|bank|fond|qrup|holdinq|mmc|asc|qsc)\w*\s*$", re.IGNORECASE)


def is_collective(party: Party) -> bool:
    """The party names a group of states ("Xəzəryanı dövlətlər"): it binds every member, alone."""
    return bool(_COLLECTIVE.fullmatch(party.text))


def az_between(text: str, start: int, pos: int, mentions: list[Mention],
               common: set[str] | frozenset[str] = frozenset()) -> list[Party]:
    """Parties of the list that ends at `pos` (where "arasında" starts), read back to `start` (the
    sentence start). `common`: stems (`az_stem`) of ordinary
    words, so a capitalised one at the sentence start is no part of a name ("Layihə Dövlət Agentliyi ilə")."""
    pieces = _pieces(text, start, pos, mentions)
    parties: list[Party] = []
    hub_only = False
    for i in range(len(pieces) - 1, -1, -1):
        s, e = pieces[i]
        if s == start and not any(m.start <= s < m.end for m in mentions):
            s = _skip_opener(text, s, e, common)
        party, whole = _party(text, s, e, mentions)
        if party is None:
            break
        parties.insert(0, party)
        if hub_only:
            break
        if not whole or len(_WORD.findall(text[s:e])) > _MAX_WORDS:
            # "X ilə İtaliyanın beş universiteti - A, B və C arasında": the list is an apposition to
            # what X deals with, and X, before "ilə", is the other side
            if i > 0 and _APPOSITION.search(text, s, e) and AZ_WITH.search(text, pieces[i - 1][1], s):
                hub_only = True
                continue
            break  # words before the name: the list started here
    return parties


_APPOSITION = re.compile(r"\s[-–—]\s")
# ilə, or its contracted -la/-lə: the comitative that joins one side to its partner ("X ilə Y", "SOCAR-la")
AZ_WITH = re.compile(r"\bilə\b|-(?:la|lə)\b")


def _pieces(text: str, start: int, pos: int, mentions: list[Mention]) -> list[tuple[int, int]]:
    """(start, end) of each conjunct, separators inside a mention ignored."""
    cuts: list[tuple[int, int]] = []
    for m in _SEPARATOR.finditer(text, start, pos):
        s, e = m.span()
        if any(x.start < s and e < x.end for x in mentions):
            continue  # "Elm və Mədəniyyət üzrə Təşkilatı": inside one name
        if s == start:
            continue
        cuts.append((s, e))
    pieces, at = [], start
    for s, e in cuts:
        pieces.append((at, s))
        at = e
    pieces.append((at, pos))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _party(text: str, s: int, e: int, mentions: list[Mention]) -> tuple[Party | None, bool]:
    """The party a conjunct names, and whether the whole conjunct is that name and its modifiers (no
    clause before it, so the list may go on to the left)."""
    piece = text[s:e].rstrip()
    quoted = list(_QUOTED.finditer(piece))
    if quoted:
        q = quoted[-1]
        after = piece[q.end():]
        if not after.strip() or _QUOTED_HEAD.match(after):
            name = q.group(1).strip()
            return Party(text=name, name=name), _capitalised(piece[:q.start()])
    tail = _PAREN.sub("", piece)
    # the run of capitalised words the conjunct ends with
    words = list(_WORD.finditer(tail))
    i = len(words)
    while i > 0 and _capitalised(words[i - 1].group()):
        i -= 1
    if i == len(words):
        group = _COLLECTIVE.search(tail)
        if group:  # "Xəzəryanı dövlətlərin hökumətləri": a group of states is one (many-sided) party
            name = group.group(1)
            return Party(text=name, name=name), group.start(1) == 0
        return None, False
    if len(words) - i == 1 and len(words[-1].group()) < 3:
        return None, False
    run_start = s + words[i].start()
    whole = i == 0
    end = s + len(piece)
    # a mention may run over the instrumental that ends the conjunct ("Ermənistanla" before "Azərbaycan")
    inside = [m for m in mentions if s <= m.start and m.label in ("ORG", "LOC", "PERSON")
              and (m.end <= end or (m.end - end <= 4 and not text[end:m.end].strip("-'’" + _LETTERS)))]
    # the name at the conjunct's end (before an acronym in brackets), else the acronym itself
    ends = [m for m in inside if m.end >= s + len(tail) - 1] or [m for m in inside if m.end >= s + len(piece) - 1]
    if ends:
        m = min(ends, key=lambda x: x.start)
        before = [x for x in inside if x.end <= m.start and x.start >= run_start]
        if m.start < run_start:  # a name with lower-case words inside ("... İnnovasiyalar üzrə Dövlət Agentliyi")
            whole = _capitalised(text[s:m.start])
        # words before the mention that no other mention covers belong to the name ("Apostol Arxivi")
        if m.start <= run_start or (before and before[0].start == run_start):
            name = m.canonical_name or m.text
            return Party(text=m.text, name=name, canonical_id=m.canonical_id), whole
    gov = _GOVERNMENT.search(tail)
    if gov:  # "Azərbaycan (Respublikası) Hökuməti": the state, as a LOC mention names it
        state = [m for m in inside if m.label == "LOC" and m.start == run_start and m.end <= s + gov.start() + 1]
        if state:
            m = state[0]
            return Party(text=m.text, name=m.canonical_name or m.text,
                         canonical_id=m.canonical_id), whole
    surface = tail[words[i].start():].strip().strip("“”\"«»")
    return Party(text=surface, name=surface), whole


_PRONOUNS = frozenset(fold(w) for w in PRONOUNS)


def _skip_opener(text: str, s: int, e: int, common: set[str]) -> int:
    """Past a sentence's first word when it is an ordinary word capitalised by its position, or a word
    in a case no list member takes ("Tədbirdə AZCON-la ...": in the event)."""
    first = _WORD.search(text, s, e)
    rest = _WORD.search(text, first.end(), e) if first else None
    if not first:
        return s
    word = first.group().strip("“\"«,")
    if not rest:
        # the opening word alone before the first "və" or comma: a pronoun or an ordinary word ("Biz və
        # ABŞ-ın Prezidenti ...", "Yəni, Azərbaycanla Ermənistan arasında") is no conjunct of the list
        return e if fold(word) in _PRONOUNS or az_stem(fold(word)) in common else s
    if az_stem(fold(word)) in common or split_case(word)[1] in ADVERBIAL_CASES:
        return rest.start()
    return s


def _capitalised(words: str) -> bool:
    """Only capitalised words (or none): a name and its genitive modifiers ("Macarıstanın")."""
    return all(w.lstrip("“\"«(")[:1].isupper() for w in words.split())


# Text before the first mention that makes it no subject: "With the support of UNDP, ..."
_CLAUSE_BREAK = re.compile(r",|\b(?:with|by|under|avec|par|sous)\b", re.IGNORECASE)


def name_end(m: Mention) -> int:
    """Where the name itself ends: before a case suffix the span keeps after a hyphen ("SOCAR-la",
    "AZƏRTAC-a"), which the patterns read as the words that follow it ("-la" is "ilə")."""
    return m.start + len(strip_attached_suffix(m.text)) if "-" in m.text else m.end


# az: a state's leader named after it, in a list of signers ("Azərbaycan Respublikasının Prezidenti İlham
# Əliyev, ABŞ-ın Prezidenti Donald Tramp və Ermənistanın Baş naziri Nikol Paşinyan ... imzaladılar"): the
# list goes on over the title and the name to the next state
_LEADER = re.compile(r"\s*(?:Prezident|Baş\s+nazir|Sədr|Kral|Əmir|Emir|Kansler|Vitse-prezident)\w*"
                     r"(?:\s+(?-i:[A-ZƏÖÜİŞÇĞ][\w'’.-]*)){1,3}", re.IGNORECASE)


def runs(mentions: list[Mention], lex: Lexicon, text: str) -> list[list[Mention]]:
    """Mentions grouped into coordinated lists ("A, B, C and D")."""
    out: list[list[Mention]] = []
    for c in mentions:
        # (a stored headline's escapes read: "the United\\_States, Egypt, and\\_Qatar" is a list of three)
        gap = read_escapes(text[name_end(out[-1][-1]):c.start])[0] if out else ""
        leader = _LEADER.match(gap) if lex.postposition else None
        if out and (lex.connector.search(gap) or leader and lex.connector.search(gap[leader.end():])):
            out[-1].append(c)
        else:
            out.append([c])
    return out


def longest_run(mentions: list[Mention], lex: Lexicon, text: str) -> list[Mention]:
    return max(runs(mentions, lex, text), key=len, default=[])


def nearest_list(chosen: list[Mention], trigger: tuple[int, int], lex: Lexicon, text: str,
                 sent: Sentence) -> list[Mention]:
    """Of more than two candidates: a list of three or more ("A, B, C and D"), else a coordinated pair
    ("ASAN and KOICA"), else the sentence's subject with the mention nearest the trigger ("ASAN signed
    a memorandum with KOICA and an agreement with UNDP"), else the two nearest the trigger."""
    groups = runs(chosen, lex, text)
    t_start, t_end = trigger

    def dist(ms: list[Mention]) -> int:
        return min(max(0, t_start - m.end, m.start - t_end) for m in ms)

    long_runs = [r for r in groups if len(r) >= 3]
    if long_runs:
        return min(long_runs, key=dist)
    pairs = [r for r in groups if len(r) == 2]
    if pairs:
        return min(pairs, key=dist)
    subject = chosen[0]
    if subject.end <= t_start and not _CLAUSE_BREAK.search(text[sent.start:subject.start]):
        other = min(chosen[1:], key=lambda m: dist([m]))
        return [subject, other]
    return sorted(sorted(chosen, key=lambda m: dist([m]))[:2], key=lambda m: m.start)


# az/tr: from a name in the genitive to the document's word, the rest of its title ("Xəzər dənizinin hüquqi
# statusu haqqında Konvensiya"): the name is what the document is about, not who signs it
_TITLE_REST = re.compile(r"(?:\s+[a-zəıöüğşç][\w-]*){1,4}\s+(?:haqqında|dair|barədə|üzrə|hakkında|ilişkin)"
                         r"\s+(?:[\w-]+\s+){0,2}")


def title_subject(m: Mention, text: str, trigger: tuple[int, int]) -> bool:
    """A name in the genitive inside the title of the document ("Xəzər dənizinin hüquqi statusu haqqında
    Konvensiya"), not one of "X ilə Y arasında … haqqında Saziş"."""
    if m.end > trigger[0] or split_case(m.text.split()[-1])[1] != "genitive":
        return False
    rest = _TITLE_REST.fullmatch(text, m.end, trigger[0])
    return rest is not None and "arasında" not in rest.group()


def signed_between(sent: Sentence, lex: Lexicon) -> bool:
    """az/tr: "… X ilə Y arasında imzalanıb": the between-phrase right before a signing verb."""
    m = lex.between.search(sent.text)
    return bool(m and lex.signing.match(sent.text, m.end() + 1))


# az: the partner's comitative ("Ukrayna ilə", "Vaşinqtonla", "ABŞ-la") and what may follow it up to the
# document: a few words of its name, no clause break ("ilə faydalı qazıntılar üzrə saziş")
_WITH_AFTER = re.compile(r"\s*-?(?:ilə|ile)\b", re.IGNORECASE)
_TO_DOCUMENT = re.compile(r"(?:\s+[^\s,;:.]+){0,4}\s+")
_TO_PARTNER = re.compile(r"(?:\s+[^\s,;:.]+){0,5}\s+")  # the subject's few words before the partner
_LIST_GAP = re.compile(r"\s*(?:,|və|ilə)\s*")  # "Türkiyə, Özbəkistan və Rusiya ilə": all partners
# The document as the object of the clause's finite signing verb, which closes it ("... yeni iqtisadi saziş
# imzalayıb.", "... barədə sazişi təsdiqləyib."): the comitative partner then belongs to that verb however
# long the document's own words are between them
_CLAUSE_SIGNED = re.compile(r"\s+(?:imzala(?:yıb|dı)\w*|bağla(?:yıb|dı)\w*|təsdiqlə(?:yib|di)\w*"
                            r"|imza\s+at(?:ıb|dı)\w*)\s*(?:[.;]|$)")
# the partner's comitative after its closing quote and a head noun or legal form ("HƏMAS hərəkatı ilə",
# "“Enerso Cəbrayıl” MMC ilə")
_HEAD_WITH = re.compile(r"[”\"»]?(?:\s+(?:[a-zəıöüğşç]+|[A-ZƏÜÖİĞŞÇ]{2,4}))?\s+(?:ilə|ile)\s")
# the subject opens the clause: at most a few words before it ("Ardınca bu ilin aprelində ...")
_CLAUSE_OPENING = re.compile(r"\W*(?:[^\s,;:.]+\s+){0,4}")


def comitative_pair(text: str, pool: list[Mention], trigger: tuple[int, int]) -> list[Mention]:
    """[subject, partner] of an az document signed "with" someone: the name in the comitative right
    before the document and the name nearest before it in the nominative or the genitive, the signing's
    subject ("Rusiya Ukrayna ilə sülh müqaviləsi bağlamağa", "Kitonun ABŞ-la azad ticarət sazişi
    bağlamağı"); not a name that modifies a noun after it ("Amerika liderinin fikrincə, Rusiya ...")."""
    before = [m for m in pool if m.end <= trigger[0]]
    if _CLAUSE_SIGNED.match(text, trigger[1]):
        pair = _clause_pair(text, before)
        if pair:
            return pair
    for i in range(len(before) - 1, 0, -1):
        partner = before[i]
        word = partner.text.split()[-1]
        with_after = _WITH_AFTER.match(text, partner.end)
        end = with_after.end() if with_after else partner.end
        if not (with_after or word.lower().endswith(("-la", "-lə")) or split_case(word)[1] == "instrumental") \
                or not _TO_DOCUMENT.fullmatch(text, end, trigger[0]) and end != trigger[0]:
            return []  # the name nearest the document is no partner of it
        subject = before[i - 1]
        case = split_case(subject.text.split()[-1])[1]
        # (a genitive the linker left unresolved would name the party in that case: "Kitonun")
        known = case is None or bool(subject.canonical_name) and fold(subject.canonical_name) != fold(subject.text)
        if case in (None, "genitive") and known and _TO_PARTNER.fullmatch(text, subject.end, partner.start) \
                and not _LIST_GAP.fullmatch(text, subject.end, partner.start):
            return [subject, partner]
        return []
    return []


def _clause_pair(text: str, before: list[Mention]) -> list[Mention]:
    """[subject, partner] of a clause "SUBJECT PARTNER ilə ... DOCUMENT signed" ("Böyük Britaniya Ukrayna ilə
    Kiyevin ... alacağı yeni iqtisadi saziş imzalayıb", "İsrail hökuməti Fələstinin HƏMAS hərəkatı ilə ...
    sazişi təsdiqləyib"): the clause's first name, in the nominative and near its start, and the next name,
    in the comitative. None when the first two names are not so."""
    if len(before) < 2:
        return []
    subject, partner = before[0], before[1]
    clause = max(text.rfind(".", 0, subject.start), text.rfind("\n", 0, subject.start)) + 1
    if split_case(subject.text.split()[-1])[1] is not None \
            or not _CLAUSE_OPENING.fullmatch(text, clause, subject.start) \
            or not _TO_PARTNER.fullmatch(text, subject.end, partner.start) \
            or _LIST_GAP.fullmatch(text, subject.end, partner.start) \
            or not _HEAD_WITH.match(text, partner.end):
        return []
    return [subject, partner]


def comitative_list(text: str, pool: list[Mention], trigger: tuple[int, int]) -> list[Mention]:
    """The partners of an az document signed "with" a list ("Türkiyə, Özbəkistan və Rusiya ilə müttəfiqlik
    bəyannaməsi", "Özbəkistanla ... Müqavilə"): the name in the comitative a few words before the document,
    and the names joined to it by commas and "və" before it."""
    before = [m for m in pool if m.end <= trigger[0]]
    if not before:
        return []
    last = before[-1]
    word = last.text.split()[-1]
    with_after = _WITH_AFTER.match(text, last.end)
    end = with_after.end() if with_after else last.end
    if not (with_after or word.lower().endswith(("-la", "-lə")) or split_case(word)[1] == "instrumental") \
            or not _TO_DOCUMENT.fullmatch(text, end, trigger[0]) and end != trigger[0]:
        return []
    listed = [last]
    for m in reversed(before[:-1]):
        if not _LIST_GAP.fullmatch(text, m.end, listed[0].start):
            break
        listed.insert(0, m)
    return listed


# az: the agent of a passive signing, "A, B və C tərəfindən" (by A, B and C), right before the document
# signed: the participle of signing just before it ("... tərəfindən ABŞ Prezidentinin şahidliyi ilə imzalanmış
# bəyannamə") or the signing right after it ("... tərəfindən Birgə Bəyannamə imzalandı", "... tərəfindən ATƏT-ə
# birgə müraciətin imzalanmasına"); not a document of the next clause ("... imzalandı və sülh sazişi")
_BY = re.compile(r"\btərəfindən\s+((?:[^\s,;:.]+\s+){0,6})$")
_PARTICIPLE = re.compile(r"\b(?:imzala|parafla|təsdiq\s+edil|qəbul\s+edil)\w*(?:an|ən|mış|miş)\s+(?:\S+\s+){0,2}$")
_SIGNED_AFTER = re.compile(r"\w*\s+(?:imzala|parafla|imza\s+at)\w*")
_AND = re.compile(r"\bvə\b")
_AGENT_WORDS = 7  # a title and a name ("Azərbaycan Respublikasının xarici işlər naziri Ceyhun Bayramov")


def az_agents(text: str, start: int, trigger: tuple[int, int], pool: list[Mention],
              mentions: list[Mention], signing: re.Pattern[str]) -> list[Mention]:
    """The signers "A, B və C tərəfindən" names before a signed document, one per conjunct: its last
    organisation or state (`pool`: a leader or minister signs for his state, "Ermənistanın Baş naziri", an
    officer for his organisation, "TDT-nin Baş katibi"), else its last person. The list is read back from
    "tərəfindən" and stops at a conjunct naming none, or at one longer than a title and a name (the
    clause before the list)."""
    by = _BY.search(text, start, trigger[0])
    gap = by.group(1) if by else ""
    if by is None or _AND.search(gap) or not (_PARTICIPLE.search(gap) or not signing.search(gap)
                                              and len(gap.split()) <= 4 and _SIGNED_AFTER.match(text, trigger[1])):
        return []
    persons = [m for m in mentions if m.label == "PERSON"]
    agents: list[Mention] = []
    for s, e in reversed(_pieces(text, start, by.start(), mentions)):
        words = list(_WORD.finditer(text, s, e))
        last = len(words) > _AGENT_WORDS
        if last:
            s = words[-_AGENT_WORDS].start()
        inside = [m for m in pool if s <= m.start and m.end <= e] \
            or [m for m in persons if s <= m.start and m.end <= e]
        if not inside:
            break
        agents.insert(0, inside[-1])
        if last:
            break
    return agents
