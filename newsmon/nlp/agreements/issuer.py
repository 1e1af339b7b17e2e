"""A decree's issuer: the person whose decree it is ("Papa V Pavelin fərmanı"), else the President the
sentence or the article introduces."""
from __future__ import annotations

import re

from newsmon.model import Mention, Party
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.agreements.parties import PartyContext, Sentence
from newsmon.nlp.agreements.party_names import to_party
from newsmon.nlp.dates.az import STEMS as AZ_MONTHS
from newsmon.text.az import split_case

# (and the President's staff: "Prezidentin köməkçisi Hikmət Hacıyev", "Prezidentinin səlahiyyətli nümayəndəsi",
# "Prezident Administrasiyasının rəhbəri", "Prezidentin mətbuat katibi"; nor a possessive: "President Biden's
# Chief of Staff Jeff Zients" is the President's adviser)
_NOT_ISSUER_GAP = re.compile(r"[,;:]|yanında|\bunder\b|auprès|\bпри\b|bağlı|agenc|agence|agentli|ajans"
                             r"|агентств|chairman|sədr|başkan|köməkçi|müşavir|nümayəndə|administrasiya|rəhbər"
                             r"|mətbuat\s+katib|sözçü|\w['’]s\b"
                             # (another person between: "Prezidenti İlham Əliyev və birinci xanım Mehriban Əliyeva")
                             r"|\bvə\b", re.IGNORECASE)
# right before the title: a deputy's ("Vice President Harris", "vice-président", "Vitse-prezident"), who
# issues no decree
_DEPUTY = re.compile(r"\b(?:vice|vitse)[\s-]*$", re.IGNORECASE)
# between an owner's name and its order: nothing, or a possessive ("Trump Executive Orders", "Biden's order")
_OWNER_GAP = re.compile(r"(?:['’]s)?\s+(?:(?:new|latest|first|second)\s+)?")
# az: the capitalised words in the genitive right before the trigger ("Papa V Pavelin fərmanı"), or before
# the decree's date ("Ali Məclisinin 1990-cı il 17 noyabr tarixli Qərarı").
_GENITIVE_RUN = re.compile(r"((?:[A-ZƏİÖÜĞŞÇ][\w.-]*\s+|[IVX]+\s+){0,5}[A-ZƏİÖÜĞŞÇ][\w-]*)"
                           r"\s+(?:(?:[\w-]+\s+){1,5}?tarixli\s+)?$")
# az: the decree word with the possessive that a genitive owner needs ("Rəisinin Fərmanı", "Qərarından");
# a bare "… haqqında Fərman" has none, so a genitive before its title is no owner.
_POSSESSED = re.compile(r"^\w+?(?:[ıiuü]|[ıiuü]n(?:ın|in|un|ün|a|ə|ı|i|u|ü|da|də|dan|dən))$", re.IGNORECASE)


def issuer(ctx: PartyContext, sent: Sentence, lex: Lexicon, trigger: tuple[int, int] | None = None) -> list[Party]:
    """A decree's issuer: the owner named in the genitive right before an Azerbaijani trigger, or the
    person in the genitive whose signing participle precedes it ("Heydər Əliyevin ... imzaladığı Fərman"), else a
    person the sentence introduces as President, else the President named elsewhere in the article
    (nearest before, else first after), else a person of the sentence."""
    if trigger is not None and lex.postposition:
        # a decree named by its title alone ("… haqqında Fərman oxundu: “Tatarıstan Respublikası Rəisinin
        # Fərmanı ilə …”) is the one the sentence names again with its owner
        decree_words = [(sent.start + m.start(), sent.start + m.end()) for type_, pattern in lex.types
                        if type_ == "decree" for m in pattern.finditer(sent.text)]
        bare = trigger in decree_words and not _POSSESSED.match(ctx.text[trigger[0]:trigger[1]].split()[-1])
        for word in sorted(set(decree_words), key=lambda w: w != trigger) if bare else [trigger]:
            owner = _genitive_owner(ctx, sent, word, lex)
            if owner is not None:
                return [owner]
        signer = _participle_subject(ctx, sent, trigger)
        if signer is not None:
            return [signer]
    persons = [m for m in ctx.in_sentence(sent) if m.label == "PERSON"]
    if trigger is not None and not lex.postposition:
        agency = _agency_issuer(ctx, sent, trigger)
        if agency is not None:
            return [agency]
        # the name right before the order owns it: "revoking Trump Executive Orders", "Biden's order"
        owner = [m for m in persons if _OWNER_GAP.fullmatch(ctx.text, m.end, trigger[0])]
        if owner:
            return [to_party(owner[-1])]
        known = _surname_owner(ctx, sent, trigger)
        if known is not None:
            return [known]
    titled = [m for m in persons if _titled(m, ctx)]
    if titled:
        return [to_party(titled[0])]
    if trigger is not None and lex.postposition and _AZ_OFFICE.search(ctx.text, sent.start, trigger[0]):
        # "Azərbaycan Prezidentinin Sərəncamı ilə": the office, whoever the article names; its holder on the
        # decree's date (`in_office`)
        cid, name = _AZ_PRESIDENTS[-1][:2]
        return [Party(text=name, name=name, canonical_id=cid)]
    everywhere = [m for m in ctx.mentions if m.label == "PERSON" and _titled(m, ctx)]
    # the President the headline names first is the page's ("Joint Fact Sheet on President Donald J. Trump's
    # Meeting with President Lee Jae-myung", "Statement from President Joe Biden"): an unnamed "the
    # President" or "I signed" is his, not the foreign President the body named last
    # (a person the knowledge base knows: a headline's capitals make NER find "Drive American" after
    # "President Biden Announces Steps to")
    title_end = ctx.text.find("\n")
    headline = [m for m in everywhere if m.end <= title_end and _known(m, ctx)]
    before = [m for m in everywhere if m.start < sent.start]
    if headline or before or everywhere:
        return [to_party(headline[0] if headline else before[-1] if before else everywhere[0])]
    if persons:
        return [to_party(persons[0])]
    named = _titled_name(ctx, sent, lex)
    return [named] if named is not None else []


# Between an organisation and the order it issues: its acronym, an adverb, the verb, an article and an adjective
# or two ("the Department of Transportation (DOT) issued an Order", "Treasury issued a directive", "the Office
# of Federal Contract Compliance Programs issued a new directive")
_AGENCY_ISSUES = re.compile(r"(?:\s*\([A-Z][A-Za-z&.]{1,9}\))?\s+(?:\w+ly\s+)?(?:has\s+)?(?:issued|signed|adopted)"
                            r"\s+(?:an?|its|the)\s+(?:[\w-]+\s+){0,2}$")


def _agency_issuer(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int]) -> Party | None:
    """The organisation the sentence says issued the order: an agency's order or directive is its own, not the
    President's the page names (5 such sentences in the en pool: DOT twice, Treasury, ICE, OFCCP)."""
    orgs = [m for m in ctx.in_sentence(sent) if m.label == "ORG" and m.end <= trigger[0]
            and _AGENCY_ISSUES.fullmatch(ctx.text, m.end, trigger[0])]
    return to_party(orgs[-1]) if orgs else None


# The capitalised word right before an order, with its possessive ("Trump Executive Orders", "Obama's order")
_NAME_BEFORE = re.compile(r"\b([A-ZÀ-ÖØ-Þ][\w'’-]+?)(?:['’]s)?\s+(?:(?:new|latest|first|second)\s+)?$")


def _surname_owner(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int]) -> Party | None:
    """The person a bare surname before an order names ("revoking Trump Executive Orders 13836"), when
    NER took the name and the order for one thing: the article's PERSON whose name ends in that word
    (never a guess from a capitalised word alone: "The Executive Order")."""
    m = _NAME_BEFORE.search(ctx.text, sent.start, trigger[0])
    if m is None:
        return None
    word = m.group(1)
    person = next((p for p in ctx.mentions if p.label == "PERSON"
                   and word in ((p.canonical_name or "").split()[-1:] + p.text.split()[-1:])), None)
    if person is not None:
        return to_party(person)
    # a surname the knowledge base knows: whoever issues orders in his name is a head of state or
    # government, the context an ambiguous surname needs ("President Trump")
    entity = ctx.kb.lookup(word, sent.lang, context=f"President {word}") if hasattr(ctx.kb, "lookup") else None
    if entity is not None and entity.label == "PERSON":
        return Party(text=word, name=entity.name, canonical_id=entity.id)
    return None


# The capitalised words right after the title, through the Markdown escape some pages keep
# ("President\\_Biden", "President Biden"): a name NER did not find.
_NAME_AFTER = r"(?:\s|\\?_)+((?:[A-ZÀ-ÖØ-ÞƏİ][\w'’-]+)(?:\s[A-ZÀ-ÖØ-ÞƏİ][\w'’-]+){0,2})"


def _titled_name(ctx: PartyContext, sent: Sentence, lex: Lexicon) -> Party | None:
    """The name the article writes right after the President's title, nearest before the sentence
    (else the first after), when NER found no person to issue the decree. Not for languages whose names
    take case endings ("Prezident İlham Əliyevin"): the words would keep them."""
    if lex.postposition:
        return None
    pattern = re.compile("(?i:" + lex.president.pattern + ")" + _NAME_AFTER)
    found = [m for m in pattern.finditer(ctx.text) if not _DEPUTY.search(ctx.text, max(0, m.start() - 8), m.start())]
    before = [m for m in found if m.start() < sent.start]
    m = before[-1] if before else (found[0] if found else None)
    if m is None:
        return None
    name = m.group(1)
    if m.start() < ctx.text.find("\n"):
        name = name.split()[0]  # a headline capitalises every word: "President Biden Signs Executive Order"
    return Party(text=name, name=name)


def _known(m: Mention, ctx: PartyContext) -> bool:
    return bool(m.canonical_id) and hasattr(ctx.kb, "get") and ctx.kb.get(m.canonical_id) is not None


def _titled(m: Mention, ctx: PartyContext) -> bool:
    """Introduced as President: "President Ilham Aliyev", "Azərbaycan Respublikasının Prezidenti İlham
    Əliyev", "Cumhurbaşkanı İlham Aliyev'in" -- not "the president of the agency, Ulvi Mehdiyev"."""
    lex = next((lx for start, lx in sorted(ctx.lexicons.items(), reverse=True) if start <= m.start), None)
    if lex is None:
        return False
    before = ctx.text[max(0, m.start - 60):m.start]
    hits = list(lex.president.finditer(before))
    if not hits or _DEPUTY.search(before, 0, hits[-1].start()):
        return False
    gap = before[hits[-1].end():]
    if lex.title_gap is not None and not lex.title_gap.fullmatch(gap):
        return False
    return len(gap) <= 45 and not _NOT_ISSUER_GAP.search(gap)


# az: the relative participle of signing right before the decree ("imzaladığı Fərmana", "2000-ci ildə
# imzaladığı Sərəncamla", "təsdiq etdiyi müvafiq Sərəncam"): its subject stands in the genitive before it.
_SIGNING_PARTICIPLE = re.compile(r"\b(?:imzala|təsdiq\s+et|qəbul\s+et|ver)(?:dığı|diyi|dıqları|dikləri)\s+"
                                 r"(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# what may stand between that subject and the participle: a date, a time word ("2023-cü il iyulun 31-də",
# "ötən il", "bu ilin fevralında"), nothing else
_DATE_GAP = re.compile(r"\s+(?:(?:\d[\w-]*|[a-zəıöüğşç]+(?:da|də|ında|ində|unda|ündə|nda|ndə)|il|ilin|ildə|ötən"
                       r"|keçən|bu|" + "|".join(rf"{month}\w*" for month in AZ_MONTHS) + r")\s+){0,6}", re.IGNORECASE)


def _participle_subject(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int]) -> Party | None:
    """The person in the genitive who signed the decree a participle describes: "Ümummilli Lider Heydər
    Əliyevin 1997-ci il fevralın 2-də imzaladığı Fərmana əsasən" is Heydar Aliyev's, whoever the article's
    President is (the subject of an az relative clause takes the genitive)."""
    verb = _SIGNING_PARTICIPLE.search(ctx.text, sent.start, trigger[0])
    if verb is None:
        return None
    for m in reversed(ctx.in_sentence(sent)):
        if m.end > verb.start() or m.label not in ("PERSON", "ORG", "LOC"):
            continue  # (a date between is no name)
        if m.label == "PERSON" and split_case(m.text.split()[-1])[1] == "genitive" \
                and _DATE_GAP.fullmatch(ctx.text, m.end, verb.start()):
            return to_party(m)
        return None  # the nearest name before the participle is not its subject: leave it to the titles
    return None


def _genitive_owner(ctx: PartyContext, sent: Sentence, trigger: tuple[int, int], lex: Lexicon) -> Party | None:
    """The owner in the genitive of a possessed decree word, not a President (those are found by title):
    a person ("Papa V Pavelin fərmanı"), an organisation ("Milli Məclisin Qərarı") or an office
    ("Tatarıstan Respublikası Rəisinin Fərmanı": the head of Tatarstan). Not a place ("Rusiyanın")."""
    word = ctx.text[trigger[0]:trigger[1]].split()[-1]
    if not _POSSESSED.match(word):
        return None
    run = _GENITIVE_RUN.search(ctx.text, sent.start, trigger[0])
    if run is None:
        return None
    words = run.group(1).split()
    stem, case = split_case(words[-1])
    if case != "genitive" or lex.president.search(run.group(1)):
        return None
    inside = [m for m in ctx.in_sentence(sent) if m.start < run.end(1) and run.start(1) < m.end]
    last = [m for m in inside if m.end >= run.end(1)]  # the mention holding the word in the genitive
    for m in last:
        if m.label in ("PERSON", "ORG") and m.start >= run.start(1):
            party = to_party(m)
            if party.name == m.text:
                # the linker did not know the name: it is still in the genitive ("V Pavelin" -> "V Pavel")
                party.name = " ".join(m.text.split()[:-1] + [stem])
            return party
    if last:
        return None  # a place ("Rusiya Federasiyasının fərmanı") or a name the run cuts
    return Party(text=run.group(1), name=" ".join(words[:-1] + [stem]))


# az: the office of Azerbaijan's President named before the decree, with no name ("Azərbaycan Prezidentinin
# Sərəncamı", "Azərbaycan Respublikası Prezidentinin 2023-cü il 18 avqust və 2024-cü il 13 yanvar tarixli
# sərəncamlarına")
_AZ_OFFICE = re.compile(r"\bAzərbaycan\s+(?:Respublikası(?:nın)?\s+)?Prezident(?:i|inin|in)\s+(?:[\w-]+\s+){0,10}$")


# Azerbaijan's Presidents by term (id, name, first day, day after the last): whom a President's decree
# binds depends on its date, not on which President the article names ("Prezident İlham Əliyev ..." and
# "1996-cı il 1 noyabr tarixli Fərmana əsasən"). 2 of 300 random az real-news articles date one before 2003.
_AZ_PRESIDENTS = (("person:heydar-aliyev", "Heydar Aliyev", "1993-06-15", "2003-10-31"),
                  ("person:ilham-aliyev", "Ilham Aliyev", "2003-10-31", "9999"))


def in_office(parties: list[Party], date: dict[str, str] | None) -> list[Party]:
    """A decree's issuer given as one of Azerbaijan's Presidents, as the President in office on the decree's
    date (a year that a term starts or ends in tells neither)."""
    if not date or len(parties) != 1 or parties[0].canonical_id not in {p[0] for p in _AZ_PRESIDENTS}:
        return parties
    day = date["value"]
    if date["precision"] == "year" and any(day in (first[:4], after[:4]) for _, _, first, after in _AZ_PRESIDENTS):
        return parties
    term = _in_term(_AZ_PRESIDENTS, day)
    if term is None:
        return parties
    return parties if term[0] == parties[0].canonical_id else [Party(text=term[1], name=term[1], canonical_id=term[0])]


def _in_term(presidents: tuple[tuple[str, str, str, str], ...], day: str) -> tuple[str, str, str, str] | None:
    """The row of `presidents` (id, name, first day, day after the last) whose term holds `day` (ISO)."""
    return next((row for row in presidents if row[2] <= day < row[3]), None)


# The US Presidents by term (id, name, first day, day after the last). A White House page that names no
# President signs its orders in the first person or with a bare title ("I signed an Executive Order" in a
# Presidential Message, "the President ..., which is why he signed a historic executive order in April" in
# a readout): the issuer is the President in office on the order's date, else on the day of publication.
_US_PRESIDENTS = (("person:barack-obama", "Barack Obama", "2009-01-20", "2017-01-20"),
                  ("person:donald-trump", "Donald Trump", "2017-01-20", "2021-01-20"),
                  ("person:joe-biden", "Joe Biden", "2021-01-20", "2025-01-20"),
                  ("person:donald-trump", "Donald Trump", "2025-01-20", "9999"))
# the page is about the United States' executive (never for a foreign President left unnamed)
_US_PAGE = re.compile(r"\b(?:United\s+States|White\s+House|America)\b")
# the unnamed signer as the subject of signing the order: "I (proudly) signed an", "he signed the Competition",
# "the President of the United States has issued an", or his possessive ("the President’s April 5th Executive
# Order"); or after it, "the Executive Order I signed". Not "I" of another verb ("I am continuing the
# national emergency declared in Executive Order 12170": an order cited)
_SIGNER = r"(?:I|he|[Tt]he\s+President(?:\s+of\s+the\s+United\s+States)?)\s+"
_SIGNED = r"(?:signed|signs|issued|issues|will\s+(?:sign|issue)|(?:has|have)\s+(?:signed|issued)|was\s+proud\s+to\s+sign)"
_UNNAMED_SIGNER = re.compile(r"\b" + _SIGNER + r"(?:\w+\s+){0,2}?" + _SIGNED + r"\s+(?:[\w“”\"'’-]+\s+){0,4}$"
                             r"|\b[Tt]he\s+President['’]s\s+(?:[\w<>/-]+\s+){0,3}$")
_UNNAMED_SIGNER_AFTER = re.compile(r"\s+(?:that\s+|which\s+)?" + _SIGNER + r"(?:\w+\s+)?(?:signed|issued)\b")


# an order cited by its number and day, as the Federal Register names it ("Executive Order 14257 of April 2,
# 2025"): only a US President's orders are numbered and dated so
_NUMBERED_OF_DAY = re.compile(r"\s*\d{4,6},?\s+of\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\b")


def numbered_order_issuer(ctx: PartyContext, lex: Lexicon, trigger: tuple[int, int],
                          date: dict[str, str] | None) -> list[Party]:
    """The US President in office on the day of an order cited by number and day ("as set forth in Executive
    Order 14257 of April 2, 2025"), whoever the page names or if it names none ("Executive Order 13873 of
    May 15, 2019" in a letter of President Biden's is President Trump's); empty for any other decree."""
    if lex.code != "en" or not date or date.get("precision") != "day" or not _US_PAGE.search(ctx.text) \
            or not _NUMBERED_OF_DAY.match(ctx.text, trigger[1]):
        return []
    term = _in_term(_US_PRESIDENTS, date["value"])
    return [Party(text=term[1], name=term[1], canonical_id=term[0])] if term else []


def unnamed_us_president(ctx: PartyContext, sent: Sentence, lex: Lexicon, trigger: tuple[int, int],
                         date: dict[str, str] | None, published: str | None) -> list[Party]:
    """The US President in office when an English page of the White House names none but an unnamed signer
    of the order ("In April, I signed an Executive Order"); empty otherwise."""
    if lex.code != "en" or not _US_PAGE.search(ctx.text) \
            or not (_UNNAMED_SIGNER.search(ctx.text[sent.start:trigger[0]])
                    or _UNNAMED_SIGNER_AFTER.match(ctx.text, trigger[1], sent.end)):
        return []
    day = date["value"] if date and date.get("precision") in ("day", "month") else published
    if day is None:
        return []
    term = _in_term(_US_PRESIDENTS, day)
    return [Party(text=term[1], name=term[1], canonical_id=term[0])] if term else []
