"""Other ways an Azerbaijani name of the knowledge base is written, as folded token keys (`kb.py` indexes
and looks them up): a genitive head inside the name written bare, "<country> Respublikası(nın) <body>"
written "<country> <body>".
"""
from __future__ import annotations

import re
from functools import lru_cache

from newsmon.text.az import CASE_ENDINGS, az_stems
from newsmon.text.normalize import fold
from newsmon.text.ru import ru_stem

# A possessive head word in the genitive inside an az name ("Respublikasının", "Agentliyinin", folded): the
# same name is written with the head bare ("Naxçıvan Muxtar Respublikası Ali Məclisi", "... Respublikasının
# Ali Məclisi"). Only after the possessive vowel, so "Azərbaycanın" or "Berlin" are not taken for one.
POSSESSIVE_GENITIVE = re.compile(r"(?<=[iu])n[iu]n$")
GENITIVES = frozenset(fold(e) for e in CASE_ENDINGS["genitive"])
_REPUBLIC = frozenset(("respublikasi", "respublikasinin"))


def bare_heads(key: tuple[str, ...]) -> tuple[str, ...]:
    """`key` with every genitive possessive word but the last made bare (`POSSESSIVE_GENITIVE`)."""
    return tuple(POSSESSIVE_GENITIVE.sub("", t) for t in key[:-1]) + key[-1:]


def az_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Other keys an az name is written as: its inner genitive heads bare, and "<country> Respublikası(nın)
    <body>" as "<country> <body>" ("Azərbaycan Xarici İşlər Nazirliyi" of "Azərbaycan Respublikasının
    Xarici İşlər Nazirliyi"; "Azərbaycanın ..." is found by `KnowledgeBase.lookup`, which tries the first
    word without its genitive)."""
    out = [bare_heads(key)]
    if len(key) > 3 and key[1] in _REPUBLIC:
        out.append(bare_heads(key[:1] + key[2:]))
    return [k for k in dict.fromkeys(out) if k != key]


# Word shapes and stems the knowledge base's matcher (`kb.py`) tests a name's words by.
# Stems of one word never change: computed once per distinct word and process.
ru_stem_cached = lru_cache(maxsize=1 << 17)(ru_stem)


@lru_cache(maxsize=1 << 17)
def az_stems_cached(token: str) -> tuple[str, ...]:
    return tuple(az_stems(token))


def ru_key(key: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(ru_stem_cached(t) for t in key)


OF_WORDS = frozenset(("of", "de", "du", "des", "d"))
AZ_LETTERS = frozenset("əƏıİğĞşŞ")


def azlike(words: list[str]) -> bool:
    """Words spelt with Azerbaijani/Turkish letters: az names quoted in an English or French article."""
    return any(not AZ_LETTERS.isdisjoint(w) for w in words)


def needs_caps(surface: str) -> bool:
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def cased(word: str) -> bool:
    return any(c.isupper() or c.islower() for c in word)
