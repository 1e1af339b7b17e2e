"""Text folding for matching and search across az, en, fr, ru and tr spellings.

`fold` makes "Ülvi Mehdiyev", "Ulvi Mehdiyev" and "ULVI MEHDIYEV" equal, and "Azərbaycan" match "Azerbaycan":
Azerbaijani and Turkish letters are transliterated, other diacritics dropped, case folded, apostrophes,
quotes and dashes unified, whitespace collapsed. It is lossy on purpose: use it for keys, never for display.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import re
import unicodedata
from functools import lru_cache

# Letters NFD cannot decompose (ə, ı) or whose casefold is wrong for Turkic (İ -> "i̇").
_TRANSLIT = str.maketrans({
    "ə": "e", "Ə": "e", "ı": "i", "İ": "i", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
    "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss",
})
_APOSTROPHES = "’‘‛ʼʻ`´′"  # ʼ ʻ are letters to Unicode: see _WORD
_QUOTES = "«»“”„‟″❝❞〝〞"
# the quotes that open and close a quoted name in the news we read ("“Qarabağ”", «Le Monde»)
OPEN_QUOTES = "\"“«"
CLOSE_QUOTES = "\"”»"
_DASHES = "‐‑‒–—―−﹘﹣－"
# Invisible characters that pages leave inside words: a byte-order mark ("E\ufeffvreux", "S\ufefferge":
# 174 times in 645 French real-news articles), soft hyphens ("Jéru\xadsalem", 92) and zero-width
# spaces. They are no part of the word: `fold` drops them and `tokenize` keeps the word whole.
INVISIBLE = "\u00ad\ufeff\u200b"
_PUNCT = str.maketrans({**{c: "'" for c in _APOSTROPHES}, **{c: '"' for c in _QUOTES},
                        **{c: "-" for c in _DASHES}, **{c: "" for c in INVISIBLE}})
_SPACE = re.compile(r"\s+")
# A word: letters/digits plus combining marks (decomposed input), minus the modifier-letter apostrophes
# (U+02B9..U+02BF, "Oʻzbekiston") that Unicode counts as letters but writers use as apostrophes.
# Written as runs of each class, "(?:[L]+|[M]+)+", rather than "(?:[L]|[M])+": re repeats a lone class
# in a tight C loop but steps through an alternation one character at a time (a quarter of `tokenize`'s
# regex time); the two classes are disjoint, so both forms take the same greedy runs.
_LETTERS = r"(?:[^\W\u02b9-\u02bf]+|[\u0300-\u036f]+)+"
_WORD = re.compile(rf"{_LETTERS}(?:[{INVISIBLE}]+{_LETTERS})*")

# Leading articles, folded ("l’" -> "l'"): not part of a name ("The World Bank", "l'Arménie").
LEADING_ARTICLES = frozenset({"the", "le", "la", "les", "l'"})
# The same as tokens: `tokenize` splits "l'Arménie" into "l", "armenie".
ARTICLE_TOKENS = frozenset(a.rstrip("'") for a in LEADING_ARTICLES)


# One pass for both tables: str.translate with a dict looks every character up in Python, a regex
# over the few characters concerned skips the rest at C speed (3x faster on an article, same output).
_REPLACE = {chr(k): v for table in (_TRANSLIT, _PUNCT) for k, v in table.items()}
_REPLACEABLE = re.compile("[" + re.escape("".join(_REPLACE)) + "]")
# no combining mark lies below U+0300; written as a negated class: "[\u0300-\U0010ffff]" took 10 ms
# to compile, a tenth of a query command's start
_MAYBE_MARKS = re.compile("[^\x00-\u02ff]+")


def _replace(m: re.Match) -> str:
    return _REPLACE[m.group()]


def _drop_marks(m: re.Match) -> str:
    return "".join(c for c in m.group() if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Casefold and transliterate `text` for matching: ə->e, ı/İ->i, ü->u, ö->o, ğ->g, ş->s, ç->c, é->e..."""
    # Names and words come back again and again (linking folds each mention's surface in several
    # rules, 300 articles make some 300,000 calls): short texts are folded once per process.
    return fold_word(text) if len(text) <= _SHORT else _fold(text)


def _fold(text: str) -> str:
    """`fold`, computed."""
    text = _REPLACEABLE.sub(_replace, unicodedata.normalize("NFC", text))
    text = text.casefold()
    # NFD splits "ü" into "u" + combining diaeresis; dropping the marks removes every diacritic at once.
    text = _MAYBE_MARKS.sub(_drop_marks, unicodedata.normalize("NFD", text))
    return _SPACE.sub(" ", text).strip()


# Words repeat: `fold` for one word at a time (tokenize, per-word sets), each distinct word folded once
# per process.
fold_word = lru_cache(maxsize=1 << 17)(_fold)
_SHORT = 80  # characters: a name or a phrase, which repeats; longer texts (articles) rarely do


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(folded word, start, end) for each word of `text`; offsets point into `text` itself.

    Punctuation, quotes and hyphens separate words, so glued-on suffixes after them become words of
    their own ("KOICA-nın" -> koica, nin; “ASAN xidmət”in -> asan, xidmet, in).
    """
    out = []
    append = out.append  # a bound method and m[0]: some 20,000 calls per 150 articles, most words
    for m in _WORD.finditer(text):
        folded = fold_word(m[0])
        if folded:
            append((folded, m.start(), m.end()))
    return out


@lru_cache(maxsize=8)
def text_tokens(text: str) -> tuple[tuple[str, int, int], ...]:
    """`tokenize(text)` as a tuple (no caller can change what the next one reads), remembered for the
    last few texts: the pipeline tokenizes an article for KB matching (`KnowledgeBase.find`, per language
    segment, and most articles are one segment: the whole text) and again for its acronyms
    (`find_acronym_definitions`), a tenth of the stages outside NER."""
    return tuple(tokenize(text))


def fold_tokens(text: str) -> list[str]:
    """The folded words of `text` (see `tokenize`)."""
    return [t for t, _, _ in tokenize(text)]


# A Markdown-escaped underscore, which some crawled headlines keep for a space ("Joint Leaders Statement
# on\_AUKUS", "President Joe\_Biden"): 728 articles of the real-news pool. Parsers and models read it as
# a word character and miss the names on either side.
_MARKDOWN_SPACE = re.compile(r"\\_")


def blank_markdown_spaces(text: str) -> str:
    """`text` with each Markdown-escaped underscore read as a space: blanked, not removed, so that offsets
    stay those of the stored text (whose mentions the gold writes as stored, "Joe\\_Biden")."""
    return _MARKDOWN_SPACE.sub("  ", text) if "\\_" in text else text


def markdown_spaces_as_one(text: str) -> tuple[str, list[int]]:
    """`text` with each Markdown-escaped underscore read as one space, and where those spaces are in it.
    A statistical model needs the one space: two make a whitespace token, which cuts the name it stands
    in ("Joe  Biden Announces" gives "Joe"). Map offsets back with `offset_before_markdown`."""
    if "\\_" not in text:
        return text, []
    spaces = [m.start() - n for n, m in enumerate(_MARKDOWN_SPACE.finditer(text))]
    return _MARKDOWN_SPACE.sub(" ", text), spaces


def offset_before_markdown(offset: int, spaces: list[int], end: bool = False) -> int:
    """The offset in the stored text of `offset` in `markdown_spaces_as_one`'s text (`spaces` its second
    value). A span ending at a space keeps its end before the escape; one starting there, after it."""
    return offset + (bisect_left(spaces, offset) if end else bisect_right(spaces, offset))


def slugify(text: str) -> str:
    """Folded ASCII-ish slug for ids: "Ministry of Finance" -> "ministry-of-finance"."""
    return "-".join(fold_tokens(text))


def in_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] fills a pair of quotes (“Real”, “Qarabağ”ı)."""
    return start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES
