"""Acronyms a text defines: "Korea International Cooperation Agency (KOICA)", "KOICA (Korea International
Cooperation Agency)", "Koreya Beynəlxalq Əməkdaşlıq Agentliyi (KOICA)". Linking gives an acronym and its
long form one entity, and the long form says what the acronym names (a body, a document or a thing)."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from newsmon.nlp.name_words import FR_ORG_HEADS, ORG_HEADS_EN
from newsmon.text.normalize import fold, fold_tokens, text_tokens

_ACRONYM = re.compile(r"^[^\W\d_][\w&.\-]{1,11}$")
_CONNECTORS = frozenset(fold(t) for t in "of for and the on in de du des la le l d et pour aux à en "
                        "və üzrə ilə yanında и по для при".split())


def find_acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms defined in `text`: {"KOICA": "Korea International Cooperation Agency"}.

    Both "Long Name (ACR)" and "ACR (Long Name)". The long form is found with the Schwartz-Hearst
    algorithm (each letter of the acronym, in order, in the words before; the first at a word start),
    falling back to the run of capitalised words before the bracket, which covers translations
    ("Koreya Beynəlxalq Əməkdaşlıq Agentliyi (KOICA)").
    """
    found: dict[str, str] = {}
    toks: tuple[tuple[str, int, int], ...] | None = None
    ends: list[int] = []
    for par in re.finditer(r"\(([^()]{2,200})\)", text):
        if toks is None:  # the words only matter before a bracket, which many texts lack
            toks = text_tokens(text)
            ends = [e for _, _, e in toks]
        inner = par.group(1).strip()
        before = toks[: bisect_right(ends, par.start())]
        if _ACRONYM.match(inner) and looks_like_acronym(inner):
            long = _long_form(inner, before, text, par.start())
            if long:
                found.setdefault(inner, long)
        elif before and len(inner.split()) >= 2:
            _, s, e = before[-1]
            acronym = text[s:e]
            if text[e:par.start()].strip() == "":
                if looks_like_acronym(acronym) and _sh_start(fold(acronym), fold_tokens(inner)) == 0:
                    found.setdefault(acronym, inner)
    return found


def looks_like_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return 2 <= len(letters) <= 10 and upper >= 2 and upper >= len(letters) - 2


def _sh_start(short: str, words: list[str]) -> int | None:
    """Schwartz & Hearst (2003): index of the word where the long form for `short` starts, or None."""
    short = "".join(c for c in short if c.isalnum())
    long = " ".join(words)
    if not short or not long:
        return None
    li = len(long) - 1
    for si in range(len(short) - 1, -1, -1):
        c = short[si]
        while li >= 0 and (long[li] != c or (si == 0 and li > 0 and long[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
    start_char = li + 1
    return long[:start_char].count(" ")


def _long_form(acronym: str, before: Sequence[tuple[str, int, int]], text: str, paren: int) -> str | None:
    # Only words of the same clause: stop at sentence punctuation between them and the bracket.
    window: list[tuple[str, int, int]] = []
    for tok in reversed(before):
        if re.search(r"[.;:!?()\n]", text[tok[2]:paren if not window else window[0][1]]):
            break
        window.insert(0, tok)
    n = len([c for c in acronym if c.isalnum()])
    window = window[-min(n + 5, 2 * n):]
    if not window:
        return None
    start = _sh_start(fold(acronym), [t for t, _, _ in window])
    if start is not None and len(window) - start >= 2:
        return text[window[start][1]:window[-1][2]]
    # Fallback: capitalised words (with connectors inside) right before the bracket.
    i = len(window)
    while i > 0 and (text[window[i - 1][1]].isupper() or window[i - 1][0] in _CONNECTORS):
        i -= 1
    while i < len(window) and window[i][0] in _CONNECTORS:
        i += 1
    # The long form starts with the acronym's first letter, which keeps a preceding name out of it.
    first = fold(acronym)[0]
    while i < len(window) and window[i][0][0] != first:
        i += 1
    run = window[i:]
    if sum(text[s].isupper() for _, s, _ in run) >= 2:
        return text[run[0][1]:run[-1][2]]
    return None


def names_a_class(acronym: str) -> bool:
    """A plural acronym names a kind of thing or body, never one: "Historically Black Colleges and
    Universities (HBCUs)", "Electric Vehicles (EVs)", "multilateral development banks (MDBs)"."""
    return len(acronym) > 2 and acronym.endswith("s") and acronym[:-1].isupper()


def names_a_thing(long: str) -> bool:
    """A long form all in lower case names a thing, not an actor: "artificial intelligence (AI)",
    "pilotsuz uçuş aparatı (PUA)"."""
    return not any(w[:1].isupper() for w in long.split())


# What a programme's name is followed by: "ARPA-H’s new Precision Surgical Interventions (PSI) program", "the
# Partnership for Global Infrastructure and Investment (PGI) project". Real news annotates no programme.
_PROGRAMME_AFTER = re.compile(r"\s+(?:program|programs|programme|programmes|project|projects|initiative|"
                              r"campaign|grant|grants|scheme)\b")
# A body's name says it is one ("United Nations Development Programme (UNDP) project", "Korea International
# Cooperation Agency (KOICA) project": the body's project): its acronym stays the body's.
_BODY_WORDS = ORG_HEADS_EN | FR_ORG_HEADS | frozenset(("programme", "program", "administration", "authority",
                                                       "service", "corps", "alliance", "coalition"))


def programme_acronyms(text: str, definitions: dict[str, str]) -> set[str]:
    """The acronyms of `definitions` defined in brackets right before a programme noun in lower case
    ("Precision Surgical Interventions (PSI) program"): they and their long forms name a programme."""
    return {acronym for acronym, long in definitions.items()
            if not _BODY_WORDS.intersection(fold_tokens(long)) and not names_a_thing(long) and any(_PROGRAMME_AFTER.match(text, hit.end())
                   for hit in re.finditer(rf"\({re.escape(acronym)}\)", text))}


def long_form_spans(text: str, definitions: dict[str, str]) -> list[tuple[int, int]]:
    """(start, end) of each long form of `definitions` where the text defines it ("Long Name (ACR)")."""
    return [(hit.start(), hit.start() + len(long)) for acronym, long in definitions.items()
            for hit in re.finditer(rf"{re.escape(long)}\s*\({re.escape(acronym)}\)", text)]
