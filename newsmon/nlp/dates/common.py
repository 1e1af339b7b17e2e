"""Shared pieces of the rule-based date extractor: rule tables, regex templates, numeric dates.

Each language module (dates_az, dates_en, dates_fr) declares its month table and a list of regex
templates. A template uses placeholders that become named groups, so one generic reader turns every
match into (year, month, day) parts, whatever the language:

    <D1> <M1> <Y1>   first (or only) end: day, month name, year
    <D2> <M2> <Y2>   second end of a range
    <WD>, <IL>...    any other key of the language's parts, inlined without a group
    <DASH>           any hyphen or dash

A group `x`, when a rule has it, is the expression proper; words outside it ("in", "le") anchor the
match but are not part of the mention. An empty group `decade` marks "the 1990s" / "1990-cı illərdə" /
"les années 1990": a year ending in 0 then becomes the range 1990/1999.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from newsmon.nlp.dates.tense import Tense
from newsmon.text.regex_start import compile_fast_start

# Years we accept as dates on their own ("in 2016"): 1900-2099; other 4-digit numbers there are counts
# or codes. Next to a month name any year from 1000 on is accepted (YEAR_WITH_MONTH).
YEAR = r"(?:19|20)\d\d"
YEAR_WITH_MONTH = r"(?:1\d|20)\d\d"
# A day of month, never the first digits of a longer number.
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
DASH = r"[-\u2010\u2011\u2012\u2013\u2014]"  # hyphen, en dash, em dash and friends


# English numbers in words, as proclamations and treaties write dates ("this fifteenth day of July, in the
# year of our Lord two thousand twenty-two") and centuries ("the twenty-first century").
_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNIT_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEEN_ORDINALS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                  "seventeenth", "eighteenth", "nineteenth"]
_WORD_VALUES = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)} \
    | {w: 10 * (i + 2) for i, w in enumerate(_TENS)} | {w: i + 1 for i, w in enumerate(_UNIT_ORDINALS)} \
    | {w: i + 10 for i, w in enumerate(_TEEN_ORDINALS)} | {"twentieth": 20, "thirtieth": 30}
_ALT = "|".join
# 1st..31st in words: "first", "fifteenth", "twenty-first", "thirtieth".
ORDINAL_WORDS = rf"(?:(?:twenty|thirty)[-\s]+(?:{_ALT(_UNIT_ORDINALS)})|twentieth|thirtieth|{_ALT(_TEEN_ORDINALS)}" \
    rf"|{_ALT(_UNIT_ORDINALS)})"
_BELOW_100 = rf"(?:(?:{_ALT(_TENS)})(?:[-\s]+(?:{_ALT(_UNITS)}))?|{_ALT(_TEENS)}|{_ALT(_UNITS)})"
# A year in words: "two thousand twenty-two", "two thousand and twenty-five", "nineteen ninety-nine".
YEAR_WORDS = rf"(?:two\s+thousand(?:\s+and)?(?:\s+{_BELOW_100})?|nineteen\s+(?:hundred(?:\s+and)?\s+)?{_BELOW_100})"
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def number_from_words(words: str) -> int | None:
    """An English number written out ("two thousand and twenty-five", "fifteenth") as an int; None
    when a word is not a number word. "nineteen ninety-nine" reads as 1999."""
    tokens = [t for t in re.split(r"[-\s]+", words.lower()) if t and t != "and"]
    if len(tokens) >= 2 and tokens[0] in _TEENS and tokens[1] not in ("hundred", "thousand"):
        head = number_from_words(tokens[0])  # nineteen ninety-nine: two halves of a year
        tail = number_from_words(" ".join(tokens[1:]))
        return None if head is None or tail is None else head * 100 + tail
    total = current = 0
    for t in tokens:
        if t == "hundred":
            current = (current or 1) * 100
        elif t == "thousand":
            total, current = total + (current or 1) * 1000, 0
        elif t in _WORD_VALUES:
            current += _WORD_VALUES[t]
        else:
            return None
    return total + current


def roman(numeral: str) -> int | None:
    """"XXI" -> 21; None for anything that is not a Roman numeral."""
    values = [_ROMAN.get(ch) for ch in numeral.upper()]
    if not values or None in values:
        return None
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def number(word: str) -> int | None:
    """A number as dates write it: digits with any suffix ("27-də", "3rd", "1er", "21st"), a Roman
    numeral ("XXIe" -> 21), or English words ("fifteenth", "two thousand twenty-two")."""
    if m := re.match(r"\d+", word):
        return int(m.group())
    if m := re.match(r"([IVXLC]+)(?:e|ème|è|ᵉ|er|ᵉʳ)?(?![A-Za-z])", word):  # "XXIe", "Ier"
        return roman(m.group(1))
    if word.lower().startswith("premier"):
        return 1
    return number_from_words(word)


@dataclass(frozen=True)
class Rule:
    """A compiled pattern; `kind` says how to read it ("parts", or "numeric_us" for ambiguous m/d)."""

    pattern: re.Pattern[str]
    kind: str = "parts"


@dataclass
class Language:
    """Everything the generic matcher needs to know about one language."""

    code: str
    rules: list[Rule]
    month_number: Callable[[str], int | None]
    # Joining two complete dates into a range: (opener before the first date or "", connector between).
    range_joins: list[tuple[re.Pattern[str], re.Pattern[str]]] = field(default_factory=list)
    # Words beside a year-less date that settle its year: (text just before, text just after, mode),
    # mode one of "past", "future" ("le 4 juillet dernier"), a year offset "-1", "0", "+1"
    # from the publication year ("ötən ilin mart ayında" = in March of last year), or "same": the year
    # the text last wrote ("həmin il fevralın 17-də", "en décembre de la même année").
    hints: list[tuple[re.Pattern[str] | None, re.Pattern[str] | None, str]] = field(default_factory=list)
    # Words that make a year-less day in the same sentence a yearly observance ("fête nationale",
    # "Independence Day"): its value is then "--MM-DD", the day of every year.
    observance: re.Pattern[str] | None = None
    # The verbs that make a sentence speak of the past or the future (tense.py), for the year of a
    # year-less date no word beside it settles.
    tense: Tense | None = None
    # Weekday names (lower case, Monday = 0): "samedi 6 avril" without a year is in a year where 6 April
    # is a Saturday, when one of the candidate years has it so.
    weekdays: dict[str, int] = field(default_factory=dict)
    # The words that close a list ("and", "et", "və"): bare years listed after a year that is a date are
    # dates too ("in 2021 and 2022", "datant de 1916, 1919 et 1920"); see find._listed_years.
    list_words: str | None = None
    # A bare year written as the time of what follows, matched on the text that ends with it ("En 1940,",
    # "in 1994", "1910-cu ildə"): it dates the year-less days later in its sentence when it lies years
    # back (find._distant_year). A year naming something ("the Trade Expansion Act of 1962", "the 2012
    # Super Bowl") does not.
    time_year: re.Pattern[str] | None = None


def build(templates: list[str], parts: dict[str, str], flags: int = 0, kind: str = "parts") -> list[Rule]:
    """Compile templates, replacing <D1>, <M2>, <Y1>, <WD>... with the language's sub-patterns.

    Every rule runs over every paragraph, and most positions start no date: each pattern gets a
    lookahead on the characters its matches can start with (`compile_fast_start`, same matches), which
    made the date rules 3x faster on real news."""
    rules = []
    for template in templates:
        pattern = template
        if re.search(r"<M[SP]?[12]>", template) and "YM" in parts:
            # Next to a month name a year is a year whatever its age ("le 29 octobre 1748").
            pattern = pattern.replace("<Y1>", "<YM1>").replace("<Y2>", "<YM2>")
        for name, sub in sorted(parts.items(), key=lambda kv: -len(kv[0])):
            # <D1>, <DS2>... capture as d1, d2 (the first letter says which field); <IL> just inlines.
            for n in ("1", "2"):
                pattern = pattern.replace(f"<{name}{n}>", f"(?P<{name[0].lower()}{n}>{sub})")
            pattern = pattern.replace(f"<{name}>", f"(?:{sub})")
        pattern = pattern.replace("<DASH>", DASH)
        rules.append(Rule(compile_fast_start(pattern, flags), kind))
    return rules


def month_table(stems: dict[str, int]) -> Callable[[str], int | None]:
    """A lookup from an inflected/abbreviated month word to its number, by longest matching stem."""
    ordered = sorted(stems.items(), key=lambda kv: -len(kv[0]))

    def month_number(word: str) -> int | None:
        if word.isdigit():
            return int(word)
        # Python lowercases "İ" to "i" + combining dot; Azerbaijani wants plain "i".
        w = word.replace("İ", "i").lower().rstrip(".")
        for stem, number in ordered:
            if w.startswith(stem):
                return number
        return None

    return month_number


# Numeric dates shared by languages that write day first (az, fr and, for dots, en):
# 10.09.2025, 10/09/2025, 10-09-2025. ISO 2025-09-10 is read the same everywhere.
NUMERIC_PARTS = {"D": DAY, "M": r"(?:1[0-2]|0?[1-9])(?!\d)", "Y": YEAR}
ISO_RULES = build([r"(?<![\d.])<Y1>-(?P<m1>1[0-2]|0[1-9])-(?P<d1>3[01]|[12]\d|0[1-9])(?![\d])"], NUMERIC_PARTS)
# "2025-26", "2021/22": a year and the next one's last two digits (a school, fiscal or sports year), any
# language ("2019/20/21" is no such year).
SPLIT_YEAR = r"<Y1>(?:<DASH>|/)(?P<yshort>\d\d)(?![\d%\w/-]|[.,]\d)"
# "2019/2020 mövsümündə", "the 2021/2022 budget cycle", "la saison 2023/2024": a season written with a slash,
# any language; only a year and the next one (the group `ynext`), so "2019/2018/12/31" in a URL is not one.
SLASH_SEASON_RULES = build([r"(?<![\d/])<Y1>/<Y2>(?P<ynext>)(?![\d/])"], NUMERIC_PARTS)
# "© armenews.com 2024", "© 2024 AZƏRTAC": the year of a copyright line, in any language.
COPYRIGHT_RULES = build([r"©\s*(?:[^\s\d©]+\s+){0,3}?(?P<x>(?<![\d.,])<Y1>)(?![\d%]|[.,]\d)"], NUMERIC_PARTS)
# A year alone in brackets, or closing them after a comma: a work's or a life's year ("Night Train (1998)",
# "(Le Promeneur du Champ-de-Mars, 2005)"), in any language.
# Two years alone in brackets are a life or a reign, however old ("Komitas (1869-1935)", "(1865 – 1927)"):
# the brackets make them dates as "en" does a single year.
# A year opening brackets before a comma is a work's or a list's ("(1910, Galerie nationale)", "(1985, 1986,
# 1989 et 1993)": the others are listed years, see find._listed_years).
BRACKET_RULES = build([r"\((?P<x><Y1>)\)", r"\([^()\n]{1,80}?,\s*(?P<x><Y1>)\)", r"\((?P<x><Y1>),\s"],
                      NUMERIC_PARTS) + build(
    [r"\(\s*(?P<x><Y1>\s*<DASH>\s*<Y2>)\s*\)"],
    NUMERIC_PARTS | {"Y": r"(?<![\d.,])" + YEAR_WITH_MONTH + r"(?!\d)"})
DAY_FIRST_RULES = build(
    [
        r"(?<![\d.,/])<D1>\.<M1>\.<Y1>(?![\d]|\.\d)",
        r"(?<![\d.,/])<D1>/<M1>/<Y1>(?![\d/])",
        r"(?<![\d.,/-])<D1>-<M1>-<Y1>(?![\d-])",
    ],
    NUMERIC_PARTS,
)
# Languages without rules of their own (and paragraphs language ID could not name) still have numeric
# dates: "17/01/2024" reads the same in any language written with Latin digits.
NUMERIC_LANGUAGE = Language(code="und", rules=ISO_RULES + DAY_FIRST_RULES + COPYRIGHT_RULES,
                            month_number=month_table({}))


_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def iso_day(value: str | None) -> date | None:
    """The day of an ISO date or datetime ("2025-09-10", "2025-09-10T08:00:00+04:00"); None when there
    is none or it is no real day ("2025-13-45" from a broken CMS)."""
    m = _ISO_DAY.match(value or "")
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
