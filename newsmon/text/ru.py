"""Russian case endings, for matching names across cases ("Государственным агентством", "в Ташкенте")."""
from __future__ import annotations

import re

# Every word of a Russian name inflects; matching compares words with these endings cut (longest
# first), a crude stemmer that is enough for names.
_ENDINGS = tuple(sorted({
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях",
    "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ых", "их", "ы", "и", "а", "я", "у", "ю",
    "е", "о", "ь",
}, key=len, reverse=True))
_CYRILLIC = re.compile(r"[а-яё]")


def ru_stem(token: str) -> str:
    """A folded Cyrillic word without its case ending ("ташкенте" -> "ташкент"); other words unchanged."""
    if not _CYRILLIC.search(token):
        return token
    for ending in _ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= 3:
            return token[: -len(ending)]
    return token
