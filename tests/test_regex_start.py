"""compile_fast_start: the same matches as re.compile, with a start set (or a lookahead) only where it is safe."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsmon.nlp.dates.find import LANGUAGES
from newsmon.nlp.dates.common import NUMERIC_LANGUAGE
from newsmon.text import regex_start
from newsmon.text.regex_start import compile_fast_start

# Patterns with what makes a first-character analysis go wrong: optional openings, lookbehinds,
# scoped case flags, Turkic i/ı/İ under IGNORECASE, classes with "-", "]" and "^", nested repeats.
PATTERNS = [
    (r"(?:(?-i:Monday|Mon)\.?,?\s+)?(?<![\d.,])(?:3[01]|[12]\d|0?[1-9])(?!\d)\s+(?-i:March|May)", re.I),
    (r"(?:(?P<y1>(?<![\d.,])(?:19|20)\d\d)-?c[iıuü]\s+il\w*\s+)?(?P<m1>(?i:iyul|mart)(?:un|ın)?)\s+\d+", 0),
    (r"\b(?:in|since)\s+(?P<x>(?:19|20)\d\d)", re.I),
    (r"[-\]^a]+x|(?i:İlin)|\bşəhər", 0),
    (r"(?:\s*[-–]\s*)*(?:le|la)\s+\w+", re.I),
    (r"(?>ab|a)c|Kelvin|ſun", re.I),
    (r"©\s*(?:[^\s\d©]+\s+){0,3}?(?P<x>(?<![\d.,])(?:19|20)\d\d)", 0),
]
TEXTS = [
    "Monday, 3 March 2025 and mon 4 may, 12 May; 2024-cü il iyulun 13, MARTIN 3 and martın 5",
    "İLİN ilin Ilin ılın şəhər ŞƏHƏR -]^ax ^^x KELVIN kelvin \u212aelvin \u017fun SUN abc ac",
    "since 2016, in 1999 and IN 2012; le 14 juillet - la fête — LA Fête © armenews.com 2024 ©2023",
]


@pytest.mark.parametrize("pattern,flags", PATTERNS)
def test_same_matches_as_re_compile(pattern: str, flags: int) -> None:
    fast, plain = compile_fast_start(pattern, flags), re.compile(pattern, flags)
    # a start set (or the lookahead) is there, the comparison below means something; "©" is re's own prefix
    assert fast != plain or pattern.startswith("©")
    for text in TEXTS:
        for pos in range(0, len(text), 7):
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text, pos)] == \
                [(m.span(), m.groupdict()) for m in plain.finditer(text, pos)]
            assert bool(fast.match(text, pos)) == bool(plain.match(text, pos))


@pytest.mark.parametrize("pattern", [r"[^\d]+year", r"\D\d", r"(a)?\1", r"x?", r"(?!)", r"(?i)abc"])
def test_unbounded_or_empty_patterns_compile_as_they_are(pattern: str) -> None:
    """A negated class, a backreference or a pattern matching the empty string can start anywhere."""
    assert compile_fast_start(pattern).pattern == pattern


def test_every_date_rule_gets_a_start_set_and_keeps_its_matches() -> None:
    text = (Path(__file__).parent / "data" / "dates_en.tsv").read_text(encoding="utf-8") \
        + (Path(__file__).parent / "data" / "dates_az.tsv").read_text(encoding="utf-8") \
        + (Path(__file__).parent / "data" / "dates_fr.tsv").read_text(encoding="utf-8")
    for language in [*LANGUAGES.values(), NUMERIC_LANGUAGE]:
        for rule in language.rules:
            fast = rule.pattern
            assert not fast.pattern.startswith("(?=")  # the pattern as written, a start set in its code
            plain = re.compile(fast.pattern, fast.flags)
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def _in_start_set(char: str, items: list, wide: list) -> bool:
    for op, av in items + wide:
        if op is re._constants.LITERAL and ord(char) == av:
            return True
        if op is re._constants.RANGE and av[0] <= ord(char) <= av[1]:
            return True
        if op is re._constants.CATEGORY and re.fullmatch(regex_start._CATEGORIES[av], char):
            return True
    return False


def test_a_case_insensitive_start_set_holds_every_character_re_matches() -> None:
    """Under IGNORECASE "k" matches the Kelvin sign and "i" matches "İ" and "ı": the start set must let
    every such character through, or a match there would be lost. Checked against re over all of
    Unicode for the classes of every date rule and the patterns above."""
    everything = "".join(map(chr, range(0x110000)))
    classes: set[tuple[str, bool]] = set()
    for pattern, flags in [(r.pattern.pattern, r.pattern.flags) for language in LANGUAGES.values()
                           for r in language.rules] + PATTERNS:
        parsed = re._parser.parse(pattern, flags)
        classes |= regex_start._first(parsed.data, bool(parsed.state.flags & re.IGNORECASE))[0]
    folded = [fragment for fragment, case in classes if case]
    assert folded
    for fragment in folded:
        items, wide = regex_start.start_items({(fragment, True)})
        for char in set(re.findall(f"(?i:[{fragment}])", everything)):
            assert _in_start_set(char, items, wide), (fragment, char)
