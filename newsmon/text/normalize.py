"""Text folding for matching and search across az, en, fr, ru and tr spellings.

`fold` makes "Ülvi Mehdiyev", "Ulvi Mehdiyev" and "ULVI MEHDIYEV" equal, and "Azərbaycan" match "Azerbaycan":
Azerbaijani and Turkish letters are transliterated, other diacritics dropped, case folded, apostrophes,
quotes and dashes unified, whitespace collapsed. It is lossy on purpose: use it for keys, never for display.
"""
from __future__ import annotations

import re
import unicodedata

# Letters NFD cannot decompose (ə, ı) or whose casefold is wrong for Turkic (İ -> "i̇").
_TRANSLIT = str.maketrans({
    "ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
    "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss",
})
_APOSTROPHES = "’‘‛ʼʻ`´′"  # ʼ ʻ are letters to Unicode: see _WORD
_QUOTES = "«»“”„‟″❝❞〝〞"
_DASHES = "‐‑‒–—―−﹘﹣－"
_PUNCT = str.maketrans({**{c: "'" for c in _APOSTROPHES}, **{c: '"' for c in _QUOTES},
                        **{c: "-" for c in _DASHES}})
_SPACE = re.compile(r"\s+")
# A word: letters/digits plus combining marks (decomposed input), minus the modifier-letter apostrophes
# (U+02B9..U+02BF, "Oʻzbekiston") that Unicode counts as letters but writers use as apostrophes.
_WORD = re.compile(r"(?:[^\W\u02b9-\u02bf]|[\u0300-\u036f])+")

# Azerbaijani / Turkish case and instrumental endings, after folding (so -ın/-in/-un/-ün are all
# "in"/"un"). Longest first. Names take them glued ("Bakıda", "Mehdiyevin", "Agentliyinin").
AZ_SUFFIXES = tuple(sorted({
    # genitive
    "in", "un", "nin", "nun",
    # dative
    "a", "e", "ya", "ye", "na", "ne",
    # accusative
    "i", "u", "ni", "nu", "yi", "yu",
    # locative, locative + -ki
    "da", "de", "ta", "te", "nda", "nde", "daki", "deki", "ndaki", "ndeki",
    # ablative
    "dan", "den", "tan", "ten", "ndan", "nden",
    # instrumental (contracted ilə)
    "la", "le", "yla", "yle",
}, key=len, reverse=True))


def fold(text: str) -> str:
    """Casefold and transliterate `text` for matching: ə->e, ı/İ->i, ü->u, ö->o, ğ->g, ş->s, ç->c, é->e..."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLIT).translate(_PUNCT)
    text = text.casefold()
    # NFD splits "ü" into "u" + combining diaeresis; dropping the marks removes every diacritic at once.
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return _SPACE.sub(" ", text).strip()


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of `text`; offsets point into `text` itself.

    Punctuation, quotes and hyphens separate words, so glued-on suffixes after them become words of
    their own ("KOICA-nın" -> koica, nin; “ASAN xidmət”in -> asan, xidmet, in).
    """
    out = []
    for m in _WORD.finditer(text):
        folded = fold(m.group())
        if folded:
            out.append((folded, m.start(), m.end()))
    return out


def fold_tokens(text: str) -> list[str]:
    """The folded words of `text` (see `tokenize`)."""
    return [t for t, _, _ in tokenize(text)]


def az_stems(token: str, min_stem: int = 3) -> list[str]:
    """Possible bases of a folded Azerbaijani/Turkish word once a case suffix is removed, longest stem first.

    "bakida" -> ["bakid", "baki"]: the least stripped first; callers keep only the stems they know
    (KB name tokens, surnames).
    """
    stems = [token[: -len(s)] for s in AZ_SUFFIXES if token.endswith(s) and len(token) - len(s) >= min_stem]
    return stems[::-1]  # AZ_SUFFIXES runs longest first


# Russian inflects every word of a name ("Государственным агентством", "в Ташкенте"); matching compares
# words with these endings cut (longest first), a crude stemmer that is enough for names.
_RU_ENDINGS = tuple(sorted({
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях",
    "ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ых", "их", "ы", "и", "а", "я", "у", "ю",
    "е", "о", "ь",
}, key=len, reverse=True))
_CYRILLIC = re.compile(r"[а-яё]")


def ru_stem(token: str) -> str:
    """A folded Cyrillic word without its case ending ("ташкенте" -> "ташкент"); other words unchanged."""
    if not _CYRILLIC.search(token):
        return token
    for ending in _RU_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= 3:
            return token[: -len(ending)]
    return token


def slugify(text: str) -> str:
    """Folded ASCII-ish slug for ids: "Ministry of Finance" -> "ministry-of-finance"."""
    return "-".join(fold_tokens(text))
