"""Text folding for matching and search across az, en, fr, ru and tr spellings.

`fold` makes "Ülvi Mehdiyev", "Ulvi Mehdiyev" and "ULVI MEHDIYEV" equal, and "Azərbaycan" match "Azerbaycan":
Azerbaijani and Turkish letters are transliterated, other diacritics dropped, case folded, apostrophes,
quotes and dashes unified, whitespace collapsed. It is lossy on purpose: use it for keys, never for display.
"""
from __future__ import annotations

from bisect import bisect_right
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


# What stored English headlines keep from their source as escapes (one real-news title in two has one):
# Markdown's escaped underscore for a space (968 in the pool), a trailing backslash, its hard line break
# (871 titles end in one: "with Prime Minister Mario Draghi\\"), JSON/Python escapes of characters
# ("Biden\\u2019s" 538, "Andr\\xE9s" 15) and escaped quotes (fr, 6). The model reads each as a word
# character and cuts or misses the names around it: "President\\_Biden\\u2019s" gave no name, "Mario
# Draghi\\" gave "Mario". A word joiner (U+2060, "Biden-\\u2060Harris Administration") is read as nothing.
_ESCAPE = re.compile(r"\\(?:(_)|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(\")|(?=\s|$))")
_READ_AS_NOTHING = frozenset("\u2060" + INVISIBLE)


def _escaped(m: re.Match) -> str:
    """What the model reads for one escape."""
    code = m.group(2) or m.group(3)
    if code:
        char = chr(int(code, 16))
        return "" if char in _READ_AS_NOTHING else char
    return '"' if m.group(4) else " "  # an escaped quote; an underscore or a hard line break


class Escapes:
    """Where `read_escapes` replaced an escape, to map offsets in its text back to the stored text."""

    def __init__(self) -> None:
        self._ends: list[int] = []  # the end of each replacement in the read text
        self._read_empty: list[bool] = []  # the replacement is empty (a joiner read as nothing)
        self._shift: list[int] = [0]  # stored minus read length of the replacements up to each

    def add(self, read_at: int, read: str, stored: str) -> None:
        self._ends.append(read_at + len(read))
        self._read_empty.append(not read)
        self._shift.append(self._shift[-1] + len(stored) - len(read))

    def start(self, offset: int) -> int:
        """The stored offset of a span starting at `offset` of the read text: after every escape read
        before it (and a joiner just before it), at the escape it starts on."""
        return offset + self._shift[bisect_right(self._ends, offset)]

    def end(self, offset: int) -> int:
        """The stored offset of a span ending at `offset`: after the escape that is its last character,
        before a space or joiner that follows it."""
        n = bisect_right(self._ends, offset)
        while n and self._read_empty[n - 1] and self._ends[n - 1] == offset:
            n -= 1
        return offset + self._shift[n]


def read_escapes(text: str) -> tuple[str, Escapes]:
    """`text` as a model should read it, each escape of `_ESCAPE` read as what it stands for, and the
    `Escapes` that map offsets in it back to `text` (mentions keep the stored text, as the gold writes it:
    "Joe\\_Biden")."""
    escapes = Escapes()
    if "\\" not in text:
        return text, escapes
    parts: list[str] = []
    last = read_len = 0
    for m in _ESCAPE.finditer(text):
        parts.append(text[last:m.start()])
        read_len += m.start() - last
        read = _escaped(m)
        escapes.add(read_len, read, m.group())
        parts.append(read)
        read_len += len(read)
        last = m.end()
    parts.append(text[last:])
    return "".join(parts), escapes


def slugify(text: str) -> str:
    """Folded ASCII-ish slug for ids: "Ministry of Finance" -> "ministry-of-finance"."""
    return "-".join(fold_tokens(text))


def in_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] fills a pair of quotes (“Real”, “Qarabağ”ı)."""
    return start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES
