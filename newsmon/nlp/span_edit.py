"""Editing a list of mentions: the labels span rules work on, and a new span replacing what lies inside it."""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from newsmon.model import Mention

ENTITY = ("PERSON", "ORG", "LOC")


def replace_inside(mentions: list[Mention], new: Mention) -> list[Mention]:
    """`mentions` less those inside or across `new`'s span, plus `new` (dates stay)."""
    kept = [m for m in mentions if m.label == "DATE" or m.end <= new.start or m.start >= new.end]
    return sorted(kept + [new], key=lambda m: (m.start, -m.end))


class SpanIndex:
    """Whether a span overlaps any of a list of spans, in log time: scanning an article's mentions for
    each span to test grew with the square of the article. The spans are sorted by start with the
    furthest end reached so far; the few spans added later are scanned."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))
        self.added: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """`any(s < end and start < e for s, e in spans)`."""
        i = bisect_left(self.starts, end)  # the spans starting before `end`
        return (i > 0 and self.reach[i - 1] > start) or any(s < end and start < e for s, e in self.added)

    def add(self, start: int, end: int) -> None:
        self.added.append((start, end))
