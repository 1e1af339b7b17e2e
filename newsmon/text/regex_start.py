"""Regexes that fail fast where no match can start: a lookahead on the characters a match can begin with.

Python's `re` has no prefix scan for a pattern that opens with an optional group, a lookbehind or a
case-insensitive alternation ("(?:Monday, )?3 March", "(?<!\\d)2025-ci il", "(?i:yanvar|fevral|...)"):
`finditer` runs the whole pattern at every position of the text, and a date rule costs as much on a
paragraph without a digit or a month as on one full of dates. Putting `(?=[<first characters>])` in
front leaves the matches unchanged (the lookahead is zero-width and holds wherever a match starts) and
turns the attempt at every other position into one character-class test.

The first characters come from the parsed pattern (`re._parser`, the parser `re.compile` itself uses).
Anything the analysis does not know (a negated class, a backreference...) means "any character": the
pattern is then compiled as it is. A superset is always safe; only a missing character would lose a
match, which is why unknown constructs give up rather than guess.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from re import _compiler as sre_compile
from re import _constants as sre
from re import _parser as sre_parse

import _sre

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _AnyCharacter(Exception):
    """The analysis cannot bound the first character."""


def compile_fast_start(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` that skips the positions where no match can start, when the
    characters a match can start with can be bounded; the same matches, spans and groups either way."""
    parsed = sre_parse.parse(pattern, flags)
    try:
        classes, nullable = _first(parsed.data, bool(parsed.state.flags & re.IGNORECASE))
    except _AnyCharacter:
        return re.compile(pattern, flags)
    if nullable or not classes:  # an empty match can start anywhere
        return re.compile(pattern, flags)
    fast = with_start_set(pattern, flags, parsed, classes)
    if fast is not None:
        return fast
    # Case-insensitive parts keep their folding (İ, ı, K and ſ included) by lying in an (?i:...) class.
    sensitive = "".join(sorted(c for c, folded in classes if not folded))
    folded = "".join(sorted(c for c, folded in classes if folded))
    options = ([f"[{sensitive}]"] if sensitive else []) + ([f"(?i:[{folded}])"] if folded else [])
    try:
        return re.compile(f"(?={'|'.join(options)})(?:{pattern})", flags)
    except re.error:  # global inline flags ("(?i)...") must open the pattern: keep it as it is
        return re.compile(pattern, flags)


def _first(items: list, ignorecase: bool) -> tuple[set[tuple[str, bool]], bool]:
    """(character-class fragments a match of the sequence `items` can start with, each with whether it
    matches case-insensitively; whether the sequence can match the empty string)."""
    out: set[tuple[str, bool]] = set()
    for op, av in items:
        found, nullable = _first_of(op, av, ignorecase)
        out |= found
        if not nullable:
            return out, False
    return out, True


def _first_of(op, av, ignorecase: bool) -> tuple[set[tuple[str, bool]], bool]:
    if op is sre.LITERAL:
        return {(_escape(av), ignorecase)}, False
    if op is sre.IN:
        return {(_class_item(o, a), ignorecase) for o, a in av}, False
    if op is sre.CATEGORY:
        return {(_class_item(op, av), ignorecase)}, False
    if op in _ZERO_WIDTH:
        return set(), True  # they constrain where a match starts, never which character it starts with
    if op is sre.BRANCH:
        out, nullable = set(), False
        for branch in av[1]:
            found, empty = _first(branch, ignorecase)
            out |= found
            nullable = nullable or empty
        return out, nullable
    if op is sre.SUBPATTERN:
        _group, add, remove, items = av
        ignorecase = (ignorecase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _first(items, ignorecase)
    if op is sre.ATOMIC_GROUP:
        return _first(av, ignorecase)
    if op in _REPEATS:
        low, _high, items = av
        found, nullable = _first(items, ignorecase)
        return found, nullable or low == 0
    raise _AnyCharacter(op)


def _class_item(op, av) -> str:
    if op is sre.LITERAL:
        return _escape(av)
    if op is sre.RANGE:
        return f"{_escape(av[0])}-{_escape(av[1])}"
    if op is sre.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _AnyCharacter(op)  # negated classes, \D, \W, \S


def _escape(code: int) -> str:
    return re.escape(chr(code))  # escapes "-", "]", "^" and "\\" too, which a class needs


# Under IGNORECASE a few characters outside ASCII match ASCII letters ("K", the Kelvin sign, matches "k";
# "ı" matches "i"): `_ascii_partners` asks re which. Beyond the Basic Multilingual Plane all characters
# are let through, as is every non-ASCII character for a non-ASCII case-insensitive one ("é").
_ASTRAL = (sre.RANGE, (0x10000, sys.maxunicode))
_NON_ASCII = (sre.RANGE, (0x80, sys.maxunicode))


def with_start_set(pattern: str, flags: int, parsed: sre_parse.SubPattern,
                   classes: set[tuple[str, bool]]) -> re.Pattern[str] | None:
    """`re.compile(pattern, flags)` searching with `classes` (what `_first` found) as its start set.

    `re` skips, in C, every position whose character cannot start a match when a pattern opens with a
    class or a literal ("[0-9]+", "(?:19|20)"): its compiled form carries that set. It computes none for a
    pattern opening with a lookbehind, an optional group or a cased letter under IGNORECASE, and then
    tries the whole pattern at every position; a lookahead in front (the fallback) makes each try short,
    but a try costs some 50 ns, as much as the C loop spends on a hundred characters. Here re's compiled
    form gets the set `_first` derived; the pattern itself is unchanged, so are its matches. A pattern
    re finds a set or a prefix for compiles as it is. None when re's compiled form is not of the
    expected shape (another Python), for the lookahead to be used."""
    final = parsed.state.flags | flags
    try:
        code = sre_compile._code(parsed, final)
        if code[0] is not sre.INFO or code[3] == 0:
            return None
        if code[2]:  # re has a literal prefix or a start set of its own
            return re.compile(pattern, flags)
        items, wide = start_items(classes)
        charset, _ = sre_compile._optimize_charset(items)
        info = [sre.INFO, 0, sre.SRE_INFO_CHARSET, code[3], code[4]]
        # the wide ranges go in as they are: re's optimiser walks a range character by character (10 ms)
        sre_compile._compile_charset(charset + wide, final, info)
        info[1] = len(info) - 1  # INFO's length word, as re writes it
        code = info + code[code[1] + 1:]
        groupindex = parsed.state.groupdict
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return _sre.compile(pattern, final, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    except (AttributeError, IndexError, TypeError, ValueError, RuntimeError, re.error):
        return None


def start_items(classes: set[tuple[str, bool]]) -> tuple[list, list]:
    """(re's charset items holding every character a match can start with, wide ranges to add to them).
    A case-insensitive class stands for the ASCII characters re matches with it (asked of re: "İ" matches
    "i") and, when it lists only ASCII characters, the non-ASCII characters re matches with ASCII ones
    (`_ascii_partners`) and every character beyond the BMP; otherwise (a non-ASCII character, "\\w")
    every non-ASCII character."""
    items: list = []
    wide: list = []
    for fragment, folded in classes:
        op, av = sre_parse.parse(f"[{fragment}]").data[0]
        own = [(op, av)] if op is sre.LITERAL else av
        items += own
        if not folded:
            continue
        items += [(sre.LITERAL, ord(c)) for c in re.findall(f"(?i:[{fragment}])", _ASCII)]
        if all((op is sre.LITERAL and av < 0x80) or (op is sre.RANGE and av[1] < 0x80) for op, av in own):
            items += [(sre.LITERAL, ord(c)) for c in _ascii_partners()]
            wide = wide or [_ASTRAL]
        else:
            wide = [_NON_ASCII]
    return items, wide


_ASCII = "".join(map(chr, range(0x80)))


@lru_cache(maxsize=1)
def _ascii_partners() -> str:
    """The characters of the BMP outside ASCII that re matches with some ASCII character under
    IGNORECASE ("İ", "ı", "ſ", "K"): asked of re itself, once per process (a few milliseconds)."""
    ascii_class = "".join(map(re.escape, _ASCII))
    bmp = "".join(map(chr, range(0x80, 0x10000)))
    return "".join(sorted(set(re.findall(f"(?i:[{ascii_class}])", bmp))))
