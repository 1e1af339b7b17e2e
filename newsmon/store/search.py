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

from newsmon.text import normalize as textnorm
from newsmon.text.az import az_stem

WORD = re.compile(r"\w+", re.UNICODE)


def fold(word: str, schwa: str = "e") -> str:
    """Lower-case, transliteration-folded form of a word (`normalize.fold`); ə becomes `schwa`."""
    return textnorm.fold(word.replace("Ə", schwa).replace("ə", schwa))


def index_form(text: str, schwa: str) -> str:
    """The indexed form of `text`: every word folded, in order (folding is per letter, so the
    whole text is folded at once: per-word calls cost a third of a crawl's CPU)."""
    return " ".join(WORD.findall(fold(text, schwa)))


def query_prefixes(word: str) -> set[str]:
    """Prefixes any indexed form of a query word starts with."""
    prefixes = set()
    for schwa in ("e", "a"):
        folded = fold(word, schwa)
        prefixes.add(folded)
        prefixes.add(az_stem(folded))
    return prefixes


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression: every word must match (as a prefix, in either folding);
    "double-quoted" parts are exact phrases (folded)."""
    parts: list[str] = []
    for phrase, words in re.findall(r'"([^"]*)"|(\S+)', query):
        if phrase:
            alts = {index_form(phrase, s) for s in ("e", "a")} - {""}
            if alts:
                parts.append("(" + " OR ".join(f'"{a}"' for a in sorted(alts)) + ")")
            continue
        for word in WORD.findall(words):
            parts.append("(" + " OR ".join(f'"{p}"*' for p in sorted(query_prefixes(word))) + ")")
    if not parts:
        raise ValueError("empty search query")
    return "{fold_e fold_a} : (" + " AND ".join(parts) + ")"


def snippet(text: str, query: str, width: int = 160, marks: tuple[str, str] = ("[", "]")) -> str:
    """A window of `text` around the first matching word, each match between `marks` ([brackets]
    for a terminal; the web UI asks for characters that cannot occur in text, to turn into <mark>)."""
    prefixes: set[str] = set()
    for word in WORD.findall(query):
        prefixes |= query_prefixes(word)

    def hit(token: str) -> bool:
        forms = (fold(token, "e"), fold(token, "a"))
        return any(f.startswith(p) for f in forms for p in prefixes)

    spans = [(m.start(), m.end()) for m in WORD.finditer(text) if hit(m.group())]
    if not spans:
        return " ".join(text[:width].split()) + ("…" if len(text) > width else "")
    start = max(0, spans[0][0] - 30)  # a little context, the match near the front of narrow columns
    if start > 0:
        space = text.find(" ", start, spans[0][0])
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + width)
    out, pos = [], start
    for s, e in spans:
        if s >= pos and e <= end:
            out += [text[pos:s], marks[0], text[s:e], marks[1]]
            pos = e
    out.append(text[pos:end])
    return ("…" if start > 0 else "") + " ".join("".join(out).split()) + ("…" if end < len(text) else "")
