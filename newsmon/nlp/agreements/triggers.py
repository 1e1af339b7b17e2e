"""Type triggers of a sentence: where an agreement is named ("memorandum", "sazişi", "décret"), one trigger
per document (a list of titled, numbered or between-pair documents gives one each; the same word twice is
one), and which trigger a cue or a date belongs to (the nearest)."""
from __future__ import annotations

import re

from newsmon.nlp.agreements.dated import dated_day
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.agreements.parties import Sentence
from newsmon.nlp.agreements.records import is_plural
from newsmon.text.normalize import fold


def find_triggers(sent: Sentence, lex: Lexicon) -> list[tuple[str, int, int]]:
    """(type, start, end) of each type trigger, absolute offsets, earlier lexicon entries winning overlaps."""
    found: list[tuple[str, int, int]] = []
    weak: set[int] = set()
    voted: set[int] = set()
    for patterns, kept in ((lex.types, None), (lex.weak_types, weak), (lex.voted_types, voted)):
        for type_, pattern in patterns:
            for m in pattern.finditer(sent.text):
                s, e = sent.start + m.start(), sent.start + m.end()
                if not any(s < fe and fs < e for _, fs, fe in found):
                    found.append((type_, s, e))
                    if kept is not None:
                        kept.add(s)
    for m in lex.object_types.finditer(sent.text):  # "agreed to a Framework": a document as the verb's object
        s, e = sent.start + m.start("doc"), sent.start + m.end("doc")
        if not any(s < fe and fs < e for _, fs, fe in found):
            found.append(("agreement", s, e))
    found.sort(key=lambda t: t[1])
    if lex.court.search(sent.text):  # a court's order is a judgement ("la Cour a rendu une ordonnance")
        found = [t for t in found if t[0] != "decree"
                 or not lex.court_order.fullmatch(sent.text, t[1] - sent.start, t[2] - sent.start)]
    found = [("decree", s, e) if t == "memorandum" and _signed_by_president(sent, s, e, lex) else (t, s, e)
             for t, s, e in found]
    if weak:  # a weak trigger counts only as the nearest trigger of a signing word of the sentence
        signed = {nearest((sent.start + m.start(), sent.start + m.end()), found)
                  for m in lex.signing.finditer(sent.text)}
        found = [t for t in found if t[1] not in weak or (t[1], t[2]) in signed or _named(sent, t, lex)
                 or dated_day(sent.text, t[1] - sent.start, t[2] - sent.start, lex, several=True)]
    if voted:  # a resolution or motion counts only as the nearest trigger of an adopting word
        adopted = {nearest((sent.start + m.start(), sent.start + m.end()), found)
                   for m in lex.voting.finditer(sent.text)}
        found = [t for t in found if t[1] not in voted or (t[1], t[2]) in adopted]
    # The same type twice in one sentence is nearly always one agreement named twice, unless a new
    # document starts in between: a list of signed documents, each with its own title or parties, or
    # (az, whose document words are not synonyms of one another) another word ("… sərəncamlar, … Ali
    # Məclisinin … Qərarı"), or a numbered one ("Executive Orders 13836, 13837"); and decrees of two
    # kinds in any language ("signed an Executive Order ... and issued a proclamation"), and a strategy
    # and a plan ("the U.S. Strategy and National Action Plan on Women, Peace and Security"); and (en,
    # where it was counted) one the sentence introduces as another, with an indefinite article after the
    # first ("negotiations with Fiji for a new Acquisition and Cross-Servicing Agreement and ... with Papua
    # New Guinea on a Defense Cooperation Agreement": a name told again takes "the").
    last: dict[str, tuple[int, str]] = {}
    unique = []
    for trig in found:
        end, stem = last.get(trig[0], (None, ""))
        word = _stem(sent.text[trig[1] - sent.start:trig[2] - sent.start])
        if end is None or _NEW_DOCUMENT.search(sent.text, end - sent.start, trig[1] - sent.start) \
                or _NUMBER_LIST.match(sent.text, trig[2] - sent.start) \
                or lex.between.search(sent.text, end - sent.start, trig[1] - sent.start) \
                or _introduced_again(sent, end, trig[1], lex) \
                or ((lex.postposition or trig[0] == "decree") and word != stem) \
                or (trig[0] == "programme" and "strat" in (word, stem) and word != stem):
            unique.append(trig)
        last[trig[0]] = (trig[2], word)
    return unique


# (en) the end of a heading the crawl ran into the body: a few words after the document word, then a colon
# ("Lead Pipe and Paint Action Plan: Vice President Harris announced ...", "MOU on Commercial
# Development:</span> On April 3", "Memorandum of Understanding (MOU): The Export-Import Bank ..."), or
# title-case words and the body's first word ("Ethics Executive Order President-elect Biden will")
_HEADING_END = re.compile(r"\)?(?:\s+[\w.'’&/-]+){0,8}?(?:\s*\([^()]{1,30}\))?\s*:"
                          r"|(?:\s+(?:[A-Z0-9][\w.'’&/-]*|of|on|for|and|the|to|in|with|from))*?"
                          r"\s+(?=(?:The|Today|President|This|On|In)\b)")
# between two mentions of one document: an apposition ("the U.S.-Saudi Strategic Defense Agreement (SDA), a
# historic agreement that", "“California Framework Agreement” – an agreement between") or an alternative
# ("an agreement or an accord")
_APPOSITION = re.compile(r"[”\"’]?\s*(?:\([^()]{1,30}\)\s*)?(?:[,—–]|\s-\s|\s+or\s)\s*")


def _introduced_again(sent: Sentence, prev_end: int, start: int, lex: Lexicon) -> bool:
    """(en, where it was counted) A second document of the trigger's type the sentence introduces after the
    first with an indefinite article or a count: "negotiations with Fiji for a new Acquisition and
    Cross-Servicing Agreement (ACSA) and ... with Papua New Guinea on a Defense Cooperation Agreement", "a
    Supply Chain Agreement ..., a Clean Economy Agreement ..., and a Fair Economy Agreement". Not an
    apposition or alternative naming the first again ("the U.S.-Saudi Strategic Defense Agreement (SDA), a
    historic agreement"), nor the body after a heading the crawl ran into it ("Lead Pipe and Paint Action
    Plan: Vice President Harris announced a Lead Pipe and Paint Action Plan", "Executive Branch Personnel
    Ethics Executive Order President-elect Biden will sign an Executive Order"): a first trigger that ends a
    heading."""
    if lex.code != "en":
        return False
    gap = (prev_end - sent.start, start - sent.start)
    article = lex.indefinite.search(sent.text, *gap)
    if article is None or _APPOSITION.fullmatch(sent.text, gap[0], article.start()):
        return False
    return not _HEADING_END.match(sent.text, gap[0], gap[1])


# a proper name's last word right before a document word: capitalised, not a determiner opening the phrase
_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b(?!(?:The|A|An|This|That|These|Those|Its|Their|Our|New|Any|Each)\s)"
                          r"[A-Z][\w.&-]*\s+$")


def _named(sent: Sentence, trigger: tuple[str, int, int], lex: Lexicon) -> bool:
    """A weak document word that is the last word of a proper name ("commenced negotiations for a Security of
    Supply Arrangement"): a document, with or without a signing word."""
    rel = trigger[1] - sent.start, trigger[2] - sent.start
    return bool(lex.named_weak.fullmatch(sent.text, *rel)) and bool(_NAME_BEFORE.search(sent.text[:rel[0]]))


# what makes a memorandum one between partners even when a President signs it
_MEMORANDUM_PARTNER = re.compile(r"\s+(?:of|with|between|on\s+cooperation)\b", re.IGNORECASE)


def _signed_by_president(sent: Sentence, start: int, end: int, lex: Lexicon) -> bool:
    """A bare memorandum the President signs ("President Biden signed a Memorandum which established", "By
    signing this memorandum, President Trump recognizes") is an order he issues, not a memorandum between
    partners ("... signed a memorandum with Japan")."""
    word = sent.text[start - sent.start:end - sent.start]
    if word.lower() not in ("memorandum", "memoranda") or _MEMORANDUM_PARTNER.match(sent.text, end - sent.start):
        return False
    return bool(lex.president_signs.search(sent.text, 0, start - sent.start)) \
        or bool(lex.president_after.match(sent.text, end - sent.start)
                and _SIGNING_THIS.search(sent.text, 0, start - sent.start))


# "By signing this memorandum, President ...": the signing right before the document
_SIGNING_THIS = re.compile(r"\bsigning\s+(?:this|the)\s+$", re.IGNORECASE)


def _stem(phrase: str) -> str:
    """A trigger's document word, folded and cut to its first letters ("Qərarından" -> "qerar")."""
    words = phrase.split()
    return fold(words[-1])[:5] if words else ""


# az: a plural trigger after quoted titles, each with its own date ("“A” 2007-ci il 17 noyabr tarixli və
# “B” 2009-cu il 17 noyabr tarixli sərəncamlar"): the gap between two titles, and after the last one.
_QUOTE = re.compile(r"[“\"«]([^”\"»“«]{3,300})[”\"»]")
_TITLE_GAP = re.compile(r"\s*(?:[\w\s.-]{0,40}?\btarixli\s*)?(?:,|\bvə\b)\s*")
_LAST_GAP = re.compile(r"\s*(?:[\w\s.-]{0,40}?\btarixli)?\s*")


def split_titled_lists(sent: Sentence, triggers: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """One trigger per document of a list the plural trigger closes ("“A” ... tarixli və “B” ... tarixli
    sərəncamlar" are two decrees, each dated): the titles stand in for the trigger, so each takes its
    own date. A plural trigger without such a list stays one."""
    out: list[tuple[str, int, int]] = []
    quotes = list(_QUOTE.finditer(sent.text))
    for type_, start, end in triggers:
        word = sent.text[start - sent.start:end - sent.start].split()[-1]
        titles: list[re.Match[str]] = []
        if is_plural(word, sent.lang):
            before = [q for q in quotes if q.end() <= start - sent.start]
            if before and _LAST_GAP.fullmatch(sent.text, before[-1].end(), start - sent.start):
                titles = [before[-1]]
                for q in reversed(before[:-1]):
                    if not _TITLE_GAP.fullmatch(sent.text, q.end(), titles[0].start()):
                        break
                    titles.insert(0, q)
        if len(titles) >= 2:
            out += [(type_, sent.start + q.start(), sent.start + q.end()) for q in titles]
        else:
            out.append((type_, start, end))
    return out


# a pair before "arasında": two names joined by "ilə"/"və" (tr "ile"/"ve") or a glued instrumental ("SOCAR-la")
_PAIR = re.compile(r"\s(?:ilə|və|ile|ve)\s|(?:\b[A-ZƏİÖÜĞŞÇ][\w-]*?|[”\"»)])-?y?l[aə]\s")


def split_between_lists(sent: Sentence, triggers: list[tuple[str, int, int]],
                        lex: Lexicon) -> list[tuple[str, int, int]]:
    """az/tr: one trigger per pair of a list the plural trigger closes ("A ilə B arasında <purpose>, C ilə D
    arasında <purpose> ... dair anlaşma memorandumları" are one memorandum per pair). Each earlier pair's
    trigger is its purpose (from its "arasında" to the comma that ends the item), so its own between-phrase is
    the nearest one before it; the last pair keeps the trigger word. Pairs count back to the previous trigger."""
    out: list[tuple[str, int, int]] = []
    floor = 0
    for type_, start, end in triggers:
        word = sent.text[start - sent.start:end - sent.start].split()[-1]
        plural = is_plural(word, sent.lang)
        pairs = list(lex.between.finditer(sent.text, floor, start - sent.start)) if plural else []
        items: list[tuple[str, int, int]] = []
        item_start = floor
        for here, after in zip(pairs, pairs[1:]):
            comma = sent.text.find(",", here.end(), after.start())
            if comma < 0 or not sent.text[here.end():comma].strip() \
                    or not _PAIR.search(sent.text, item_start, here.start()):
                items = []  # "Ölkələrimiz arasında ..., A ilə B arasında sənədlər": one relation, then the pair
                break
            items.append((type_, sent.start + here.end() + 1, sent.start + comma))
            item_start = comma
        if items and not _PAIR.search(sent.text, item_start, pairs[-1].start()):
            items = []
        out += items
        out.append((type_, start, end))
        floor = end - sent.start
    return out


# the numbers after a plural trigger ("Executive Orders 13836, 13837, and 13839", "décrets n° 12 et 14")
_NUMBER_LIST = re.compile(r"\s+(?:Nos?\.?\s*|n[°o]s?\s*)?(\d{3,6})((?:\s*,\s*(?:and\s+|et\s+)?\d{3,6})*)"
                          r"(?:,?\s+(?:and|et)\s+(\d{3,6}))?")


def split_numbered_lists(sent: Sentence, triggers: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """One trigger per number of a list a plural trigger opens: "revoking Executive Orders 13836, 13837,
    and 13839" names three orders. The first keeps the trigger word, each other is its number."""
    out: list[tuple[str, int, int]] = []
    for type_, start, end in triggers:
        word = sent.text[start - sent.start:end - sent.start].split()[-1]
        m = _NUMBER_LIST.match(sent.text, end - sent.start) if is_plural(word, sent.lang) else None
        if m is None or not (m.group(2) or m.group(3)):
            out.append((type_, start, end))
            continue
        numbers = [n for n in re.finditer(r"\d{3,6}", m.group(0))]
        base = sent.start + m.start()
        out.append((type_, start, base + numbers[0].end()))
        out += [(type_, base + n.start(), base + n.end()) for n in numbers[1:]]
    return out


# en: plural decrees, each named by its purpose ("signed Executive Orders to protect children ... and to prohibit
# federal funding ..."): the purpose right after the trigger word, and each later one the "and to" repeats
_PURPOSE = re.compile(r"\s+to\s+[a-z]")
_AND_PURPOSE = re.compile(r",?\s+and\s+(to\s+[a-z]\w*)")


def split_purpose_lists(sent: Sentence, triggers: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """One trigger per purpose a plural decree names: "issued executive orders to implement ... racial equity,
    and to establish the White House Gender Policy Council" are two orders, the second one's trigger its "to
    establish". Plural decrees with one purpose ("signed two Executive Orders directing ...", "proclamations
    to close loopholes ... and elevate the tariff") stay one (a bundle)."""
    out: list[tuple[str, int, int]] = []
    for i, (type_, start, end) in enumerate(triggers):
        out.append((type_, start, end))
        word = sent.text[start - sent.start:end - sent.start].split()[-1]
        if sent.lang != "en" or type_ != "decree" or not is_plural(word, sent.lang) \
                or not _PURPOSE.match(sent.text, end - sent.start):
            continue
        stop = triggers[i + 1][1] - sent.start if i + 1 < len(triggers) else len(sent.text)
        out += [(type_, sent.start + m.start(1), sent.start + m.end(1))
                for m in _AND_PURPOSE.finditer(sent.text, end - sent.start, stop)]
    return out

# A list item opening a new title: ", “Azərbaycan Respublikası Hökuməti və ...", "et « ... »"
_NEW_DOCUMENT = re.compile(r"(?:,|\b(?:və|and|et|ve|и)\b)\s*[“«„]")


def nearest(span: tuple[int, int], triggers: list[tuple[str, int, int]]) -> tuple[int, int]:
    """The (start, end) of the trigger nearest `span`: each cue of a sentence belongs to one trigger."""
    best = min(triggers, key=lambda t: (distance(span, (t[1], t[2])), t[1]))
    return best[1], best[2]


def distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])
