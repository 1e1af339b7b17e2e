"""Date expressions in az, en and fr, normalised to ISO 8601 with the precision the text gives.

Rule-based on purpose: dateparser reads "2025-ci ilin 10 sentyabr" as 2026-09-10 and "en 2017" as
2017-11-01. Each language module holds compiled patterns built from its month table; this module turns
their matches into `DateMention`s:

1. every rule proposes candidates (year, month, day for one or two ends), parts the text does not give
   stay None, so "signed in 2016" is year precision, never 2016-01-01;
2. overlapping candidates: the longest wins;
3. two adjacent complete dates joined by a range word ("from 1 March to 5 May 2025") become one range;
4. a date without a year takes it from the publication date, and is marked `inferred`; without a
   publication date it is dropped, never guessed from today. Words beside it narrow the choice
   ("last March", "le 22 juillet dernier", "keçən ilin oktyabr ayında", "since March"); a date written
   to the day earlier in its sentence gives its year ("Le 16 septembre 2014 ..., et le 18 septembre");
   a weekday it names picks a year where the day falls on it ("dimanche 20 avril"); otherwise the nearest
   year wins, future dates counting double (see years.FUTURE_WEIGHT), or as the sentence's verbs lean when they
   all point one way ("In March, the President signed": the March before; tense.py, years.LEAN_WEIGHTS).
   Year words before it ("keçən ilin", "bu il")
   and any hint after it ("dernier", "of this year") are part of the mention, as real-dev's annotators
   mark them.

Decisions worth knowing: "the 1990s" is the range 1990/1999 (year precision), a century too ("the
twenty-first century", "XIXe siècle", "XIX əsrdə" = 1801/1900, "IVe siècle" = 0301/0400); a year-less day named as a yearly
observance ("la fête nationale du 14 juillet", "28 May - Müstəqillik Günü") is "--07-14", the day of
every year, as real-dev's annotators write it; "autumn 2016" and
"2025-ci ilin əvvəlində" are the year; "25 and 26 December" is a range only for neighbouring days or
months ("5 and 7 December" gives just the 7th, the 5th has no month of its own); a bare year counts
only after a marker ("in", "since", "en", "-ci ildə", "the 2016 election", "Act of 1994", "the 1982
UNCLOS", a name: "l'Eurovision Junior 2022", "the Pacific Islands Summit 2023", brackets: "Night Train
(1998)", a copyright sign: "© armenews.com 2024", a past event: "le génocide de 1915", a measure:
"below 2005 levels"), never on its own, but years listed after one are dates too ("in 2021 and 2022",
"de 1916, 1919 et 1920"); "2025-26", "2021/22" and "2019/2020" are seasons; years before 1900 only
after the strongest of these ("en 1869", "1475-ci ildə", "Komitas (1869-1935)"). "Həmin il fevralın
17-də", "en avril de la même année", "in September of that year" take the year the text last wrote.
Languages without rules still get numeric dates ("17/01/2024"), but for those written in a script of their
own (NO_DATES: Armenian, Georgian), where only a date in Latin-script words counts (a French byline).

Ambiguous English slashed dates ("09/10/2025"): month-first (US) when only that reading is valid; when
both are valid the publication date picks the nearer reading (marked inferred), and without one only
the year is kept. Dotted numeric dates are day-first in every language.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from newsmon.nlp.dates import az as dates_az
from newsmon.nlp.dates import en as dates_en
from newsmon.nlp.dates import fr as dates_fr
from newsmon.nlp.dates import ru as dates_ru
from newsmon.nlp.dates import tr as dates_tr
from newsmon.nlp.dates import tense
from newsmon.nlp.dates.common import NUMERIC_LANGUAGE, YEAR_WITH_MONTH, Language, Rule, iso_day, number
from newsmon.nlp.dates.years import (Candidate, Part, named_weekday, resolve, valid, year_before,
                                     year_hint)
from newsmon.model import DateMention

LANGUAGES: dict[str, Language] = {m.LANGUAGE.code: m.LANGUAGE for m in (dates_az, dates_en, dates_fr, dates_ru, dates_tr)}

# Some Azerbaijani pages write the schwa with the Cyrillic letter that looks the same ("2026-cı ildә",
# "noyabrın 8-nә qәdәr": 5 articles of the az pool): the rules read the Latin one; a mention keeps the
# page's own characters (one letter for one, so offsets hold).
_LATIN_SCHWA = str.maketrans("\u04d9\u04d8", "\u0259\u018f")


# Languages written in a script of their own that we have no rules for. In our news they are the Armenian
# translation a French diaspora page runs after its French text: real-dev's annotators leave its words out
# but keep the French byline closing it ("... Ստանոն։ Serge Tateossian le 17/01/2024 Source : Armenews"),
# so there a numeric date counts only after a word in Latin letters and with none of that script glued
# to it ("Սերժ Թադեոսյան 31.10.2022", "11 սեպտեմբերի, 2024թ" are not dates).
NO_DATES = {"hy": re.compile(r"[\u0531-\u0587\ufb13-\ufb17]"), "ka": re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]")}
_WORD = re.compile(r"[^\W\d_]+")


def _in_latin_words(text: str, m: DateMention, script: re.Pattern[str]) -> bool:
    """Whether the word before `m` (on its line) is not in `script` and no letter of it follows `m`."""
    line = text[text.rfind("\n", 0, m.start) + 1:m.start]
    before = _WORD.findall(line)
    return bool(before) and not script.search(before[-1]) and not script.match(text, m.end)


def find_dates(text: str, lang: str, published: str | None = None, fallback: str | None = None) -> list[DateMention]:
    """Date mentions in `text`, sorted by start, non-overlapping, with exact offsets. `fallback` (the
    article's language) reads a paragraph language ID gave a language we have no rules for: a French byline
    it calls Indonesian ("par Krikor Amirzayan le mardi 11 juin 2024"), French words in an Armenian one."""
    code = (lang or "").split("-")[0].lower()
    if not text:
        return []
    if code in NO_DATES:
        return [m for m in find_dates(text, fallback or "und", published)
                if _in_latin_words(text, m, NO_DATES[code])]
    language = LANGUAGES.get(code) or LANGUAGES.get((fallback or "").split("-")[0].lower(), NUMERIC_LANGUAGE)
    page, text = text, text.translate(_LATIN_SCHWA)
    pub = iso_day(published)
    candidates = [c for i, rule in enumerate(language.rules) for c in _candidates(text, rule, language, i)]
    kept = _listed_years(text, _join_ranges(text, _longest_first(candidates), language), language)
    mentions = []
    for c in kept:
        # Year words beside a date matter only when the text gives no year ("this 28th day of October,
        # two thousand and twenty-five" is not "this October").
        hint, hint_start, hint_end = year_hint(text, c, language) if c.first.year is None else (None, None, None)
        if hint is None and _observance(text, c, language):
            first = c.first
            mentions.append(DateMention(text[c.start:c.end], f"--{first.month:02d}-{first.day:02d}", "day",
                                        c.start, c.end, False))
            continue
        same = year_before(kept, c) if hint == "same" else None
        if hint is None and c.first.year is None and c.readings is None:
            same = _sentence_year(text, kept, c, language)  # "Le 16 septembre 2014 ... et le 18 septembre"
            if same is None and pub is not None:
                same = _distant_year(text, kept, c, language, pub)  # "En 1940, ... : le 11 juin, la cathédrale"
        if hint == "same" and same is None:
            hint = hint_start = hint_end = None  # "that year" with no year written before it: as if unsaid
        if hint in ("-1", "0", "+1", "same") and hint_start is not None:
            c = replace(c, start=hint_start)  # "bu ilin sentyabrında": the year words belong to the date
        if hint_end is not None:
            c = replace(c, end=hint_end)  # "septembre dernier", "February of this year": so do these
        if same is not None:
            # "həmin il fevralın 17-də", "en décembre de la même année": the year last written before it
            c = replace(c, first=replace(c.first, year=same),
                        last=None if c.last is None else replace(c.last, year=same + (c.last.key() < c.first.key())))
            if (m := resolve(text, c, pub)) is not None:
                mentions.append(replace(m, inferred=True))
            continue
        lean = tense.lean(text, c.start, c.end, language.tense) if hint is None and c.first.year is None else None
        weekday = named_weekday(text[c.start:c.end], language) if c.first.year is None and c.first.day else None
        if (m := resolve(text, c, pub, hint, lean, weekday)) is not None:
            mentions.append(m)
    return sorted((_as_written(_trim(m), page) for m in mentions), key=lambda m: m.start)


# Where a sentence ends, for a year-less date's year (`_sentence_year`): a newline, or . ! ? before a
# capital or an opening quote, possibly after a list's dash ("... in 2019. - In January, ..."); "Jan. 5",
# "U.S." go on.
_SENTENCE_BREAK = re.compile(r"\n|[.!?…]+[\"”»’]?\s+(?=(?:[-–•]\s+)?[\"“«(]?[A-ZÀ-ÖØ-ÞƏİÖÜÇŞĞ])")


_LISTED = re.compile(r"\s*(?:,|,?\s+(?:et|and|və|ou|or|və\s+ya)\s+)\s*")


def _sentence_year(text: str, kept: list[Candidate], c: Candidate, language: Language) -> int | None:
    """The year of a whole date written earlier in the same sentence as the year-less `c`, which then
    takes it: "Le 16 septembre 2014, à Monaco, il épouse civilement Macha Méril, et le 18 septembre ils se
    marient", "Parue le mercredi 27 mars 2019, ... donnera une conférence le samedi 6 avril", "2025-ci il
    mayın 1-dən noyabrın 1-nə köçürülüb", "Applications are due April 21, 2021, with awards expected in
    September"; or in the sentence before when the date opens its own ("Arrêté par la Gestapo le 8 mars
    1944, il est torturé ... . Le 16 juin, ...", "1998-ci il iyulun 14-də ... təyin olundu. İyulun 18-də
    isə"), a later day of the year. Only a date written to the day (a month or a bare year before it is the
    background, not the moment: "in May 2023 ..., announced four more hubs in April" is the April of
    publication), and not when a weekday `c` names falls elsewhere in that year."""
    before = [k for k in kept if k.end <= c.start and k.first.year is not None and k.readings is None
              and (k.last or k.first).day]
    if not before:
        return None
    anchor = before[-1]
    breaks = list(_SENTENCE_BREAK.finditer(text[anchor.end:c.start + 1]))  # (one on: the capital after ". ")
    if len(breaks) > 1 or (breaks and (breaks[0].group() == "\n" or c.start - anchor.end - breaks[0].end() > 4)):
        return None
    said = anchor.last or anchor.first
    if breaks and (c.first.month, c.first.day or 0) < (said.month, said.day):
        return None  # a story told on goes forward: "signé le 9 novembre 2020. Le 12 mars, ..." is another year
    after = [k for k in kept if k.start >= c.end and k.first.year is not None]
    if after and _LISTED.fullmatch(text, c.end, after[0].start):
        return None  # "en février et juillet 2023": the year the list closes with is the one
    year = (anchor.last or anchor.first).year
    return year if _fits(text, c, language, year) else None


def _distant_year(text: str, kept: list[Candidate], c: Candidate, language: Language, pub: date) -> int | None:
    """The year a bare year earlier in the same sentence sets as its time, years before publication ("En
    1940, l'aviation allemande se charge de sa part de destructions : le 11 juin, la cathédrale est la proie
    des flammes" is 11 June 1940, "1910-cu ildə ... 8 martın" 8 March 1910). Not a recent year, which
    is the background rather than the moment (`_sentence_year`: "in May 2023 ..., announced four more hubs
    in April" is the April of publication), not a year to come ("the 2027 World Cup ... ce dimanche 25
    février"), not one inside a parenthesis the date follows ("(ils étaient déjà là en 2019) le samedi
    29 juin"), and not when a weekday the date names falls elsewhere in that year."""
    before = [k for k in kept if k.end <= c.start and k.first.year is not None and k.readings is None]
    if not before or language.time_year is None:
        return None
    anchor = before[-1]
    year = anchor.first.year
    if anchor.last is not None or anchor.first.month is not None or year > pub.year - _DISTANT_YEARS \
            or not language.time_year.search(text, max(0, anchor.start - 30), anchor.end) \
            or _SENTENCE_BREAK.search(text, anchor.end, c.start + 1) or ")" in text[anchor.end:c.start]:
        return None
    return year if _fits(text, c, language, year) else None


def _fits(text: str, c: Candidate, language: Language, year: int) -> bool:
    """The year-less `c` can be in `year`: a real day then, and on the weekday its words name, if any."""
    if not valid(replace(c.first, year=year)):
        return False
    weekday = named_weekday(text[c.start:c.end], language) if c.first.day else None
    return weekday is None or date(year, c.first.month, c.first.day).weekday() == weekday


# A bare year at least this many years before publication sets the time of its sentence (`_distant_year`).
_DISTANT_YEARS = 2


def _as_written(mention: DateMention, page: str) -> DateMention:
    mention.text = page[mention.start:mention.end]
    return mention


# "tarixində" / "tarixli" ("on the date of") helps recognise an Azerbaijani date but is a noun of its
# own, like English "on": the mention is the date itself, as annotators mark it.
_TRAILING_NOUN = re.compile(r"\s+tarix\w*$")


def _trim(mention: DateMention) -> DateMention:
    cut = _TRAILING_NOUN.search(mention.text)
    if cut:
        mention.text = mention.text[: cut.start()]
        mention.end = mention.start + len(mention.text)
    return mention


_SENTENCE_END = re.compile(r"[.!?\n]")


def _observance(text: str, c: Candidate, language: Language) -> bool:
    """A year-less day named as a yearly observance ("la fête nationale du 14 juillet", "14 juillet –
    Fête nationale", "Independence Day, 28 May"): the recurring day, written --MM-DD, not one year's."""
    if language.observance is None or c.last is not None or c.readings is not None:
        return False
    if c.first.year is not None or c.first.day is None:
        return False
    before = text[max(0, c.start - 40):c.start]
    before = before[max((m.end() for m in _SENTENCE_END.finditer(before)), default=0):]
    after = text[c.end:c.end + 50]
    stop = _SENTENCE_END.search(after)
    after = after[:stop.start()] if stop else after
    return bool(language.observance.search(before) or language.observance.search(after))


def _candidates(text: str, rule: Rule, language: Language, order: int) -> list[Candidate]:
    out = []
    for m in rule.pattern.finditer(text):
        start, end = m.span("x") if "x" in rule.pattern.groupindex else m.span()
        if rule.kind == "numeric_us":
            c = _numeric_us(m, start, end, order)
        else:
            c = _from_groups(m.groupdict(), language, start, end, order)
        if c is not None:
            out.append(c)
    return out


def _from_groups(
    g: dict[str, str | None], language: Language, start: int, end: int, order: int
) -> Candidate | None:
    def part(n: str) -> Part | None:
        y, m, d = g.get("y" + n), g.get("m" + n), g.get("d" + n)
        if not (y or m or d):
            return None
        month = language.month_number(m) if m else None
        year, day = number(y) if y else None, number(d) if d else None
        if (m and month is None) or (y and year is None) or (d and day is None):
            return None
        return Part(year, month, day)

    if g.get("century") is not None:  # "the twenty-first century", "XIXe siècle", "XX əsrdə"
        # "IVe siècle" is 0301/0400 (rules leave out centuries before our era); "les 13e et 14e siècles",
        # "(9e-11e siècles)" (group `century0`) are one span, as coordinated months are
        n = number(g["century"])
        n0 = number(g["century0"]) if g.get("century0") else n
        if n is None or n0 is None or not 1 <= n0 <= n <= 21:
            return None
        return _range(start, end, Part((n0 - 1) * 100 + 1), Part(n * 100), order)

    first, last = part("1"), part("2")
    if g.get("yshort") is not None and first is not None and first.year is not None:
        # "2025-26", "2019–20": a school, fiscal or sports year, so only the next year can follow
        if (first.year + 1) % 100 != int(g["yshort"]):
            return None
        last = Part(first.year + 1)
    if g.get("ynext") is not None and (first is None or last is None or last.year != (first.year or 0) + 1):
        return None  # "2019/2020" is a season; other slashed pairs are not
    if first is None:  # "13-15 July" style rules name the shared month/year only on the second end
        first, last = last, None
    if first is None:
        return None
    if g.get("series") is not None and (last is None or last.month - first.month != g["series"].count(",") + 1):
        return None  # "septembre, octobre et novembre 2020" is a range; "janvier, mai et juin" is not
    if g.get("decade") is not None and first.year is not None and first.year < 100:
        first = Part(1900 + first.year)  # "les années 80": a decade in two digits is of the 20th century
    if g.get("decade") is not None and first.year is not None and first.year % 10 == 0:
        last = Part(first.year + 9)  # "the 1990s" is 1990/1999, not the year 1990
    if last is not None:
        if g.get("pair") is not None and not _adjacent(first, last):
            return None  # "5 and 7 December" is two days, not a range; the shorter rules take over
        return _range(start, end, first, last, order)
    return Candidate(start, end, first, order=order) if valid(first) else None


def _adjacent(first: Part, last: Part) -> bool:
    """"25 and 26 December", "February and March": two neighbours, so the pair reads as a range."""
    if first.day:
        same_month = None in (first.month, last.month) or first.month == last.month
        return same_month and last.day == first.day + 1
    return last.month is not None and first.month is not None and last.month == first.month + 1


def _numeric_us(m: re.Match[str], start: int, end: int, order: int) -> Candidate | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y1"])
    readings = [p for p in (Part(year, a, b), Part(year, b, a)) if valid(p)]
    if not readings:
        return None
    if len(readings) == 1 or readings[0] == readings[1]:
        return Candidate(start, end, readings[0], order=order)
    return Candidate(start, end, Part(year), readings=(readings[0], readings[1]), order=order)


def _range(start: int, end: int, first: Part, last: Part, order: int) -> Candidate | None:
    """Share what the text says once ("13-15 July 2025"), then check the range runs forward."""
    if first.day and not first.month:
        first = replace(first, month=last.month)
    if last.day and not last.month:
        last = replace(last, month=first.month)
    if first.year is None and last.year is not None:
        # "28 December to 3 January 2025": the first end is in the previous year
        behind = (first.month or 0, first.day or 0) > (last.month or 0, last.day or 0)
        first = replace(first, year=last.year - 1 if behind else last.year)
    elif last.year is None and first.year is not None:
        ahead = (last.month or 0, last.day or 0) < (first.month or 0, first.day or 0)
        last = replace(last, year=first.year + 1 if ahead else first.year)
    if not (valid(first) and valid(last)):
        return None
    if first.year is not None:
        if not first.key() < last.key():
            return None
        # Spans of centuries are history ("construite de 1490 à 1787"); between round hundreds they
        # are counts ("entre 1500 et 2000 participants").
        if last.year - first.year > 100 and first.year % 100 == 0 and last.year % 100 == 0:
            return None
    elif first.month == last.month and (first.day or 0) >= (last.day or 0):
        return None  # "15-13 July" is not a range; "December to February" is (across a new year)
    return Candidate(start, end, first, last, order=order)


def _longest_first(candidates: list[Candidate]) -> list[Candidate]:
    kept: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start - c.end, c.order, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _join_ranges(text: str, kept: list[Candidate], language: Language) -> list[Candidate]:
    """Merge "<date> to <date>" pairs the single-date rules found separately."""
    out: list[Candidate] = []
    for c in kept:
        prev = out[-1] if out else None
        if prev is not None and prev.last is None and c.last is None and not prev.readings and not c.readings:
            joined = _join(text, prev, c, language)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(c)
    return out


def _join(text: str, a: Candidate, b: Candidate, language: Language) -> Candidate | None:
    gap = text[a.end : b.start]
    # Only like with like: "from March to 5 May" is two dates, "2016" + "2017" needs no help here.
    if a.first.precision != b.first.precision:
        return None
    for opener, connector in language.range_joins:
        if not connector.fullmatch(gap):
            continue
        start = a.start
        if opener is not None:
            m = opener.search(text, max(0, a.start - 20), a.start)
            if m is None:
                continue
            start = m.start()
        return _range(start, b.end, a.first, b.first, a.order)
    return None


def _listed_years(text: str, kept: list[Candidate], language: Language) -> list[Candidate]:
    """Bare years listed after a year that is a date ("in 2021 and 2022", "de 1916, 1919 et 1920", "the 2008
    and 2012 campaigns"): the list's other years are dates too. Only a list closed by its "and" word, in
    order and within a century: "in 2019, 2000 people" is a count."""
    if language.list_words is None:
        return kept
    tail = re.compile(rf"(?:\s*,\s*{YEAR_WITH_MONTH}(?!\d))*\s*,?\s+(?:{language.list_words})\s+{YEAR_WITH_MONTH}"
                      r"(?![\d%]|[.,]\d|[-\u2010-\u2014]\d|\s*(?:%|percent|per\s+cent|pour\s+cent)|['’]?s\b)")
    out = list(kept)
    for c in kept:
        if c.last is not None or c.readings is not None or c.first.month is not None or c.first.year is None:
            continue
        m = tail.match(text, c.end)
        if m is None:
            continue
        listed = [(y.start() + c.end, y.end() + c.end) for y in re.finditer(r"\d{4}", m.group())]
        years = [c.first.year] + [int(text[a:b]) for a, b in listed]
        if any(b < a for a, b in zip(years, years[1:])) or years[-1] - years[0] > 100:
            continue
        for (a, b), year in zip(listed, years[1:]):
            if all(b <= k.start or a >= k.end for k in out):
                out.append(Candidate(a, b, Part(year), order=c.order))
    return sorted(out, key=lambda c: c.start)
