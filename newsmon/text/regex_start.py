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
from re import _constants as sre
from re import _parser as sre_parse

_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_SPACE: r"\s"}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _AnyCharacter(Exception):
    """The analysis cannot bound the first character."""


def compile_fast_start(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` with a lookahead on the characters a match can start with, when
    they can be bounded; the same matches, spans and groups either way."""
    parsed = sre_parse.parse(pattern, flags)
    try:
        classes, nullable = _first(parsed.data, bool(parsed.state.flags & re.IGNORECASE))
    except _AnyCharacter:
        return re.compile(pattern, flags)
    if nullable or not classes:  # an empty match can start anywhere
        return re.compile(pattern, flags)
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
