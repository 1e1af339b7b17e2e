"""Editing a list of mentions: the labels span rules work on, and a new span replacing what lies inside it."""
from __future__ import annotations

from newsmon.model import Mention

ENTITY = ("PERSON", "ORG", "LOC")


def replace_inside(mentions: list[Mention], new: Mention) -> list[Mention]:
    """`mentions` less those inside or across `new`'s span, plus `new` (dates stay)."""
    kept = [m for m in mentions if m.label == "DATE" or m.end <= new.start or m.start >= new.end]
    return sorted(kept + [new], key=lambda m: (m.start, -m.end))
