"""Which way the sentence around a year-less date leans: "past" or "future" from its verbs, or None.

A date without a year takes the year nearest the publication date, future dates counting double
(years.FUTURE_WEIGHT). On real news that picks wrong when the sentence says otherwise: an article of 3
December 2021 writing "In March, President Biden signed ..." means March 2021, not March 2022; one of 28
March 2025 writing "sentyabrın 30-na qədər işdən çıxarılacaq" ("will be dismissed by 30 September")
means September 2025, not 2024. The verbs of the sentence settle it when they all point one way: each
language gives a pattern of future forms (will, -acaq/-əcək, -era/-ront), one of past forms (signed,
-ıb/-ib, a signé) and one of reporting verbs ("said", "bildirib", "a déclaré"), which are left out
because they date the report, not the event. A sentence with both kinds, or neither, leans nowhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at a newline, or at . ! ? before a capital, an opening quote or a list dash (not
# "Jan. 5", "U.S."); a clause at a semicolon or a comma before "which", "while", "but" ("... signed up
# under the law, which people can still do through August 15").
_BOUNDARY = re.compile(r"\n|[.!?…]+[\"”»’]?\s+(?=(?:[-–—•]\s+)?[\"“«(]?[A-ZÀ-ÖØ-ÞƏİÖÜÇŞĞ])"
                       r"|;\s+"
                       r"|,\s+(?=(?:which|while|but|whereas|alors\s+que|tandis\s+que|mais|lakin|amma)\b)")


@dataclass(frozen=True)
class Tense:
    """A language's verb patterns; `reporting` is removed from the sentence before `past` is looked for."""

    future: re.Pattern[str]
    past: re.Pattern[str]
    reporting: re.Pattern[str] | None = None


def lean(text: str, start: int, end: int, tense: Tense | None) -> str | None:
    """"past" or "future" when the verbs of the sentence holding text[start:end] all point that way."""
    if tense is None:
        return None
    left = 0
    for m in _BOUNDARY.finditer(text):
        if m.end() > start:
            break
        left = m.end()
    stop = _BOUNDARY.search(text, end)
    sentence = text[left:start] + " " + text[end:stop.start() if stop else len(text)]
    if tense.reporting is not None:
        sentence = tense.reporting.sub(" ", sentence)
    future, past = tense.future.search(sentence), tense.past.search(sentence)
    if future and not past:
        return "future"
    if past and not future:
        return "past"
    return None
