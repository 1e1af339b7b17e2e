"""Dates as parts and values: one end of a date as the text gives it (`Part`), a candidate mention
(`Candidate`), and how a found date becomes its ISO value, choosing the year of a year-less one from
the publication date, the words around it and the sentence's tense (see `find` step 4).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from newsmon.model import PRECISIONS, DateMention
from newsmon.nlp.dates.common import Language

# Choosing the year of a year-less date: news mostly reports the past, so days after publication count
# double. A date is read as upcoming when it is less than about four months (365 / 3 days) ahead.
FUTURE_WEIGHT = 2
# (future, past) weights when the sentence's verbs lean one way (tense.py): soft, so that a date a few
# days off the publication date stays in its year whatever the verbs ("met on Monday" read on Sunday
# from another time zone), while one months away follows them.
LEAN_WEIGHTS = {"past": (8, 1), "future": (1, 4)}


@dataclass(frozen=True)
class Part:
    """One end of a date as the text gives it; None where the text is silent."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    first: Part
    last: Part | None = None  # set for ranges
    readings: tuple[Part, Part] | None = None  # "09/10/2025": both readings, decided later
    order: int = 0  # rule index, breaks ties between equally long matches


def valid(p: Part) -> bool:
    # Years come from four digits (1000 on) or a century ("IVe siècle" starts in 301); 2100: the end of
    # the 21st century.
    if p.year is not None and not 1 <= p.year <= 2100:
        return False
    if p.month is None:
        return p.day is None and p.year is not None
    if not 1 <= p.month <= 12:
        return False
    if p.day is None:
        return True
    # Without a year, allow 29 February (leap 2000); the year inferred later is checked again.
    return 1 <= p.day <= calendar.monthrange(p.year or 2000, p.month)[1]


def year_before(kept: list[Candidate], c: Candidate) -> int | None:
    """The year the text last wrote before `c` ("1990-cı ildə ... həmin il ..."), the end of a range."""
    before = [k for k in kept if k.end <= c.start and k.first.year is not None]
    return (before[-1].last or before[-1].first).year if before else None


def year_hint(text: str, c: Candidate, language: Language) -> tuple[str | None, int | None, int | None]:
    """What the words around a year-less date say about its year ("last March", "juillet dernier"),
    and where those words start when they come before the date, or end when they follow it."""
    for before, after, mode in language.hints:
        found = before.search(text, max(0, c.start - 20), c.start) if before is not None else None
        if found:
            return mode, found.start(), None
        found = after.match(text, c.end) if after is not None else None
        if found:
            return mode, None, found.end()
    return None, None, None


def named_weekday(said: str, language: Language) -> int | None:
    """The weekday a date's own words name first ("Samedi 6 avril" -> 5), if any."""
    for word in re.findall(r"[^\W\d_]+", said.lower()):
        if word in language.weekdays:
            return language.weekdays[word]
    return None


def resolve(text: str, c: Candidate, pub: date | None, hint: str | None = None,
             lean: str | None = None, weekday: int | None = None) -> DateMention | None:
    first, last, inferred = c.first, c.last, False
    if c.readings is not None and pub is not None:
        first, inferred = min(c.readings, key=lambda p: _cost(p, pub)), True
    if first.year is None:
        if pub is None:
            return None
        years = _years(first, pub, hint)
        matching = [y for y in years if weekday is not None and date(y, first.month, first.day).weekday() == weekday]
        years = matching or years  # a weekday the candidate years never give is a typo, not a clue
        year = min(years, key=lambda y: _cost(replace(first, year=y), pub, lean), default=None)
        if year is None:
            return None
        first, inferred = replace(first, year=year), True
        if last is not None:
            ahead = (last.month or 0, last.day or 0) < (first.month or 0, first.day or 0)
            last = replace(last, year=year + 1 if ahead else year)
            if not valid(last):
                return None
    value = _iso(first) if last is None else f"{_iso(first)}/{_iso(last)}"
    precision = first.precision if last is None else _coarser(first.precision, last.precision)
    return DateMention(text[c.start : c.end], value, precision, c.start, c.end, inferred)


def _years(p: Part, pub: date, hint: str | None) -> list[int]:
    """Candidate years for a year-less date: the publication year and its neighbours, as hinted."""
    if hint in ("-1", "0", "+1"):
        years = [pub.year + int(hint)]
    else:
        years = [pub.year - 1, pub.year, pub.year + 1]
    years = [y for y in years if valid(replace(p, year=y))]
    if hint == "past":
        years = [y for y in years if _delta(replace(p, year=y), pub) <= 0]
    elif hint == "future":
        years = [y for y in years if _delta(replace(p, year=y), pub) >= 0]
    return years


def _delta(p: Part, pub: date) -> int:
    """Days from the publication date to the date; whole months (about 30 days) at month precision."""
    if p.day:
        return (date(p.year, p.month, p.day) - pub).days
    return ((p.year * 12 + p.month) - (pub.year * 12 + pub.month)) * 30


def _cost(p: Part, pub: date, lean: str | None = None) -> float:
    """Distance from the publication date, future distances weighted by FUTURE_WEIGHT, or as the
    sentence's verbs lean (LEAN_WEIGHTS)."""
    delta = _delta(p, pub)
    future, past = LEAN_WEIGHTS.get(lean, (FUTURE_WEIGHT, 1))
    return delta * future if delta > 0 else -delta * past


def _iso(p: Part) -> str:
    out = f"{p.year:04d}"
    if p.month:
        out += f"-{p.month:02d}"
        if p.day:
            out += f"-{p.day:02d}"
    return out


def _coarser(a: str, b: str) -> str:
    return PRECISIONS[min(PRECISIONS.index(a), PRECISIONS.index(b))]
