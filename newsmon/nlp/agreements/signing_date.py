"""The day a document was signed, read from its sentence (`date_signed`): the nearest date that is a point in
time and modifies this document, else "today"/"yesterday", else the day of the event the story reports when
the sentence tells the signing as that event. Split from find.py, which finds the records."""
from __future__ import annotations

import re
from datetime import date, timedelta

from newsmon.model import Article, DateMention
from newsmon.nlp.agreements.lexicon import Lexicon
from newsmon.nlp.agreements.parties import Sentence
from newsmon.nlp.agreements.triggers import distance, nearest
from newsmon.nlp.dates.common import iso_day

# How far into a sentence its opening date may start ("In September, ...", "On 3 May 2024, ...")
_OPENING = 12


def date_signed(sent: Sentence, trigger: tuple[int, int], triggers, article: Article, lex: Lexicon,
                status: str | None, body_dates: list[DateMention]) -> dict[str, str] | None:
    """The date of the sentence nearest the trigger that is a point in time, not a deadline ("by 2026"),
    a period ("2025-2027", "for 2026", "since 2017") or a range; "today"/"bu gün" = the publication
    date; an undated signing of the reported event ("the seminar ended with the signing", "the sides
    signed") = the event's date, the body's first single day."""
    text = article.doc.text
    usable: list[DateMention] = []
    opening: list[DateMention] = []  # the date the sentence opens with, before every trigger
    for d in article.dates:
        # a range is no signing day, nor a yearly observance ("--07-14")
        if not (sent.start <= d.start and d.end <= sent.end) or "/" in d.value or d.value.startswith("--"):
            continue
        if trigger[0] <= d.start and d.end <= trigger[1]:
            continue  # a year inside a quoted title ("2025-2030-cu illər üçün Dövlət Proqramı") dates no signing
        if d.precision == "year" and _in_quoted_name(text, sent.start, d):
            continue  # nor one inside a quoted name ("“Ekspo 2025”də iştirak müqaviləsini imzalayan")
        before = text[max(sent.start, d.start - 25):d.start]
        after = text[d.end:min(sent.end, d.end + 25)]
        # (az dates keep their case ending, a deadline's too: "dekabrın 31-dək", "2030-cu ilədək")
        own_ending = lex.postposition and lex.not_signing_after.match(text[d.start:d.end].split()[-1])
        # (a date right before the document word is its own, whatever precedes it: "as directed by the April
        # 2022 Presidential memorandum", "under the September 29, 2025 Proclamation")
        own_date = _dated_by(d, triggers, text, lex) == trigger
        if (lex.not_signing_date.search(before) and not own_date) or lex.not_signing_after.search(after) \
                or own_ending:
            continue
        if d.precision == "year" and d.start - trigger[1] > 4 and lex.year_of_another.search(before):
            continue
        owner = _dated_by(d, triggers, text, lex)
        if owner is not None:
            if owner == trigger:
                usable.append(d)
            continue
        if nearest((d.start, d.end), triggers) == trigger:
            usable.append(d)
        elif d.start - sent.start <= _OPENING and d.end <= min(t[1] for t in triggers):
            opening.append(d)
    published = iso_day(article.doc.published)
    if usable:
        best = min(usable, key=lambda d: distance((d.start, d.end), trigger))
        return _in_the_past(best, status, published)
    if opening and status == "signed" and lex.reported_signing.search(sent.text):
        # "In September, President Biden signed an Executive Order ... and issued a proclamation": the
        # date that opens the sentence dates each document it reports signed
        return _in_the_past(opening[0], status, published)
    if published is not None and lex.today.search(sent.text):
        return {"value": published.isoformat(), "precision": "day"}
    if published is not None and lex.yesterday.search(sent.text):
        return {"value": (published - timedelta(days=1)).isoformat(), "precision": "day"}
    weekday = lex.weekday.search(sent.text) if published is not None and status == "signed" else None
    if weekday is not None and weekday.start() < trigger[0] - sent.start:
        # "On Friday, President Trump signed an Executive Order" in a page of Tuesday 27 January: the Friday
        # before, the page's own day when it is a Friday; "Last Thursday": the one of the week before
        back = (published.weekday() - lex.weekdays.index(weekday.group("day").lower())) % 7
        back = back or (7 if weekday.group("last") else 0)
        return {"value": (published - timedelta(days=back)).isoformat(), "precision": "day"}
    # A signing told without a date is the reported event's ("the sides signed a programme"), unless
    # the sentence recalls an older one ("Mehdiyev recalled", "avaient signé") or names the document
    # only as signed once ("imzalanmış sənəd", the az participle, against "imzalanıb" the event).
    if status == "signed" and (lex.event_signing or lex.reported_signing).search(sent.text) \
            and (lex.event.search(sent.text) or not lex.recall.search(sent.text)):
        # (not a numbered document's day: "Executive Order 14257 of April 2, 2025" dates that order)
        event = next((d for d in body_dates if d.precision == "day" and "/" not in d.value
                      and not d.value.startswith("--")
                      and not _NUMBERED_OF.search(text, max(0, d.start - 20), d.start)), None)
        if event is not None and event.start < sent.start and (published is None or event.value <= published.isoformat()):
            # (a day after the report is a deadline or a start the body tells, not the event's: "starting on
            # November 1, 2024" in a page of September 2024)
            return {"value": event.value, "precision": event.precision}
    return None


def _in_the_past(d: DateMention, status: str | None, published: date | None) -> dict[str, str]:
    """The date as a signing's: a document signed, ratified or in force was so before the page reporting it,
    so a month or day whose year the page's date gave (`inferred`) and that falls after it is last year's
    ("In January, President Biden signed ..." in a page of 17 December 2021 is January 2021, which the date
    finder, weighing the nearer January, read as 2022)."""
    value = d.value
    if d.inferred and published is not None and status in ("signed", "ratified", "implemented") \
            and value[:4].isdigit() and value > published.isoformat()[:len(value)]:
        value = f"{int(value[:4]) - 1:04d}{value[4:]}"
        if value.endswith("-02-29"):
            value = value[:-2] + "28"
    return {"value": value, "precision": d.precision}


# How near its quotes a year must be to be part of a quoted name ("“Ekspo 2025”də", "“Osaka, Kansai Ekspo
# 2025”"), not of a quoted speech ("“2024-cü ilin sonunda ... razılaşdırılıb”"), which tells when things happened
_QUOTED_NAME = 40
_OPENING_QUOTES, _CLOSING_QUOTES = "“«\"", "”»\""


def _in_quoted_name(text: str, start: int, d: DateMention) -> bool:
    """Whether the date is inside a short quoted name: a quote opened a few characters before it, after the
    sentence's `start`, and closed a few after it."""
    before = text[max(start, d.start - _QUOTED_NAME):d.start]
    opened = max(before.rfind(q) for q in _OPENING_QUOTES)
    if opened < 0 or any(q in before[opened + 1:] for q in _CLOSING_QUOTES):
        return False
    after = text[d.end:d.end + _QUOTED_NAME]
    closed = min((i for i in (after.find(q) for q in _CLOSING_QUOTES) if i >= 0), default=-1)
    return closed >= 0 and not any(q in after[:closed] for q in "“«")


# right before the day of a numbered document ("Executive Order 14257 of ", "Proclamation 10896 of ")
_NUMBERED_OF = re.compile(r"\b\d{3,6},?\s+of\s+$")


def _dated_by(d: DateMention, triggers, text: str, lex: Lexicon) -> tuple[int, int] | None:
    """The trigger a date modifies ("2011-ci il 19 dekabr tarixli Fərmanı": the first trigger right after
    "tarixli"), None when the date modifies no trigger so (the nearest trigger takes it then)."""
    after = [t for t in triggers if t[1] >= d.end]
    if not after:
        return None
    first = min(after, key=lambda t: t[1])
    return (first[1], first[2]) if lex.date_of_next.fullmatch(text, d.end, first[1]) else None
