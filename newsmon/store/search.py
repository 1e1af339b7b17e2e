"""Search folding: what the full-text index stores and how a user's query is matched against it.

FTS5's unicode61 tokenizer removes diacritics but keeps ə and ı as letters of their own and knows no
Azerbaijani morphology, so `Aliyev` would not find "Əliyev" nor `agentlik` find "Agentliyinin".
We index two folded copies of every article, token positions aligned with the original so phrase
queries still work:
  - fold_e: ə written as e ("Eliyev", the usual spelling on an ASCII keyboard)
  - fold_a: ə written as a ("Aliyev", the usual English transliteration)
A query word becomes prefix queries: the folded word itself ("service*" also finds "services") and its
Azerbaijani stem ("Agentliyinin" -> "agentli*", which finds "Agentlik", "Agentliyi", "Agentliyinin").
Stemming only the query keeps the index language-neutral: English and French text is indexed as is.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from functools import lru_cache

from newsmon.text import normalize as textnorm
from newsmon.text.az import az_stem

WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1 << 16)
def fold(word: str, schwa: str = "e") -> str:
    """Lower-case, transliteration-folded form of a word (`normalize.fold`); ə becomes `schwa`."""
    return textnorm.fold(word.replace("Ə", schwa).replace("ə", schwa))


def index_form(text: str, schwa: str) -> str:
    """The indexed form of `text`: every word folded, in order (folding is per letter, so the
    whole text is folded at once: per-word calls cost a third of a crawl's CPU)."""
    return " ".join(WORD.findall(fold(text, schwa)))


_SCHWA = "\x00"  # stands for ə through folding, which keeps it as it is (not a letter, mark or space)


def index_forms(title: str | None, text: str) -> tuple[str, str]:
    """(fold_e, fold_a) of an article as the index holds them; fold_a is "" when the text has no ə
    (it would repeat fold_e: English and French text is indexed once). The text is folded once
    for both (folding is most of the cost of saving an article), and not cached: texts do not repeat."""
    whole = f"{title}\n{text}"
    if "ə" not in whole and "Ə" not in whole:
        return " ".join(WORD.findall(textnorm.fold(whole))), ""
    folded = textnorm.fold(whole.replace("Ə", _SCHWA).replace("ə", _SCHWA))
    return tuple(" ".join(WORD.findall(folded.replace(_SCHWA, schwa))) for schwa in ("e", "a"))  # type: ignore[return-value]


def index_article(conn: sqlite3.Connection, article_id: int, title: str | None, text: str) -> None:
    index_rows(conn, [(article_id, *index_forms(title, text))])


def index_rows(conn: sqlite3.Connection, rows: list[tuple[int, str, str]]) -> None:
    """Index (rowid, fold_e, fold_a) rows, as `index_forms` makes them."""
    conn.executemany("insert into articles_fts (rowid, fold_e, fold_a) values (?, ?, ?)", rows)


def unindex_article(conn: sqlite3.Connection, article_id: int, title: str | None, text: str) -> None:
    """Remove an article from the contentless index: FTS5 needs the very forms it was given."""
    conn.execute("insert into articles_fts (articles_fts, rowid, fold_e, fold_a) values ('delete', ?, ?, ?)",
                 [article_id, *index_forms(title, text)])


# Text that every folding rule touches: a change to folding changes its forms, and an index built
# with other forms can neither be searched nor have entries deleted: it is rebuilt (`check_index`).
_PROBE = "Əliyev İLHAM ığ Şüşə Çörək Ağ Éric Noël œuvre Straße Øresund Łódź «Bakı» O’Neil ʻOʻzbek — Ёж Ташкенте"


def folding_signature() -> str:
    import hashlib  # here: loading OpenSSL costs a query command ~10 ms (the writer checks the index)
    return hashlib.sha1("\n".join(index_forms("", _PROBE)).encode("utf-8")).hexdigest()[:16]


def rebuild_index(conn: sqlite3.Connection) -> None:
    """Index every article again with today's folding (in the caller's transaction)."""
    conn.execute("insert into articles_fts (articles_fts) values ('delete-all')")
    rows = conn.execute("select id, title, text from articles")
    while batch := rows.fetchmany(1000):
        conn.executemany("insert into articles_fts (rowid, fold_e, fold_a) values (?, ?, ?)",
                         [(i, *index_forms(title, text)) for i, title, text in batch])
    conn.execute("insert or replace into meta (key, value) values ('fts_folding', ?)", [folding_signature()])


def check_index(conn: sqlite3.Connection) -> bool:
    """Rebuild the index if it was built with another folding; True when it did."""
    row = conn.execute("select value from meta where key = 'fts_folding'").fetchone()
    if row is not None and row[0] == folding_signature():
        return False
    with conn:
        rebuild_index(conn)
    return True


def query_prefixes(word: str) -> set[str]:
    """Prefixes any indexed form of a query word starts with."""
    prefixes = set()
    for schwa in ("e", "a"):
        folded = fold(word, schwa)
        prefixes.add(folded)
        prefixes.add(az_stem(folded))
    return prefixes


# a query is "double-quoted" phrases and words
_PART = re.compile(r'"([^"]*)"|(\S+)')


def plain_words(query: str) -> list[str] | None:
    """The words of a query without phrases, as `fts_query` reads them; None if it has a phrase."""
    words: list[str] = []
    for phrase, part in _PART.findall(query):
        if phrase or not part:
            return None
        words += WORD.findall(part)
    return words


def prefix_range(prefix: str) -> tuple[str, str]:
    """The terms that start with a non-empty `prefix` are those >= the first and < the second."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def fts_query(query: str, expand: Callable[[str], list[str] | None] | None = None) -> str:
    """An FTS5 MATCH expression: every word must match (as a prefix, in either folding);
    "double-quoted" parts are exact phrases (folded).

    `expand(prefix)` may give the index's terms that start with a prefix (None: too many): the
    word then matches any of them exactly, the same rows as the prefix query. SQLite's FTS5 merges
    every doclist of a prefix query into one before returning its first row, so a common word costs
    time linear in its occurrences even for the newest 20; an OR of its terms is walked lazily."""
    parts: list[str] = []
    for phrase, words in _PART.findall(query):
        if phrase:
            alts = {index_form(phrase, s) for s in ("e", "a")} - {""}
            if alts:
                parts.append("(" + " OR ".join(f'"{a}"' for a in sorted(alts)) + ")")
            continue
        for word in WORD.findall(words):
            prefixes = sorted(query_prefixes(word))
            expanded = [expand(p) for p in prefixes] if expand else [None]
            if any(e is None for e in expanded) or not any(expanded):
                parts.append("(" + " OR ".join(f'"{p}"*' for p in prefixes) + ")")
            else:
                terms = sorted({t for e in expanded for t in e or ()})
                parts.append("(" + " OR ".join('"' + t.replace('"', '""') + '"' for t in terms) + ")")
    if not parts:
        raise ValueError("empty search query")
    return "{fold_e fold_a} : (" + " AND ".join(parts) + ")"


@lru_cache(maxsize=64)
def _word_start(ascii_letters: str) -> re.Pattern:
    """A word character outside ASCII or one of `ascii_letters` (either case), and the word
    characters after it. One negated character class first, so the regex engine skips to its
    candidates at C speed (a class up to U+10FFFF would take 10 ms to compile)."""
    allowed = {ord(c) for c in ascii_letters.lower() + ascii_letters.upper()}
    excluded = "".join(re.escape(chr(i)) for i in range(128) if i not in allowed)
    return re.compile(f"[^{excluded}](?<=\\w)\\w*")


def _candidates(prefixes: set[str], text: str) -> Iterator[re.Match]:
    """The words of `text` that may match `prefixes`, as matches (a superset: the snippet folds
    these only; folding every word up to the first match was most of a newest-first search's time).
    A word that starts with an ASCII character folds to a form starting with that character in
    lower case (`normalize.fold`), so only such words starting with a prefix's first letter, and
    words starting outside ASCII, can match."""
    if "" in prefixes:
        return WORD.finditer(text)
    letters = "".join(sorted({p[0] for p in prefixes if p[0].isascii()}))
    # a match that starts inside a word is none (the rest of that word is skipped with it)
    return (m for m in _word_start(letters).finditer(text)
            if m.start() == 0 or not WORD.match(text, m.start() - 1))


def snippet(text: str, query: str, width: int = 160, marks: tuple[str, str] = ("[", "]")) -> str:
    """A window of `text` around the first matching word, each match between `marks` ([brackets]
    for a terminal; the web UI asks for characters that cannot occur in text, to turn into <mark>)."""
    prefixes: set[str] = set()
    for word in WORD.findall(query):
        prefixes |= query_prefixes(word)

    seen: dict[str, bool] = {}
    starts = tuple(prefixes)

    def hit(token: str) -> bool:
        if token not in seen:
            if token.isascii():  # folds to its lower case (no ə, no mark, no apostrophe in \w+)
                seen[token] = token.lower().startswith(starts)
            else:  # the two schwa foldings differ only for a word with ə
                seen[token] = fold(token, "e").startswith(starts) or (
                    ("ə" in token or "Ə" in token) and fold(token, "a").startswith(starts))
        return seen[token]

    # only the words up to the first match and those in the window after it are looked at, and of
    # those only the candidates (`_candidates`): a word of the text is a match only if it is one
    words = _candidates(prefixes, text)
    first = next((m for m in words if hit(m.group())), None)
    if first is None:
        return " ".join(text[:width].split()) + ("…" if len(text) > width else "")
    start = max(0, first.start() - 30)  # a little context, the match near the front of narrow columns
    if start > 0:
        space = text.find(" ", start, first.start())
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    spans = [(first.start(), first.end())]
    for m in words:
        if m.start() >= end:
            break
        if hit(m.group()):
            spans.append((m.start(), m.end()))
    out, pos = [], start
    for s, e in spans:
        if s >= pos and e <= end:
            out += [text[pos:s], marks[0], text[s:e], marks[1]]
            pos = e
    out.append(text[pos:end])
    return ("…" if start > 0 else "") + " ".join("".join(out).split()) + ("…" if end < len(text) else "")
