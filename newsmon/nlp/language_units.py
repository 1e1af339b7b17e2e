"""Paragraphs as the language stage sees them: what a text holds (letters, scripts, words), the words that
tell languages apart (`evidence`), which paragraphs are too weak to be guessed alone, and the units the
classifier is given (`plan_units`). `newsmon.nlp.language` runs the classifier over these units and
decides; this module never guesses a language.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from newsmon.nlp.langid_model import normalise

# A paragraph with fewer words or letters than this is not guessed alone in `segment`.
SHORT_WORDS = 4
SHORT_LETTERS = 20
# A paragraph whose evidence (`evidence`: its words less names and numbers) has fewer than SHORT_WORDS words
# or EVIDENCE_LETTERS letters is weak: not guessed alone in `segment`. Five letters above SHORT_LETTERS, as
# the words left are mostly short function words: "par Krikor Amirzayan le samedi 30 septembre 2023" leaves
# "par le samedi septembre" (20 letters), still called Indonesian on the names' strength.
EVIDENCE_LETTERS = 25

_LATIN_OR_CYRILLIC_CHARS = r"a-z\u00c0-\u024f\u0259\u1e00-\u1eff\u0400-\u04ff"
# Counted as the letters minus the others: most text has only a few others, and a list of every
# Latin letter of a paragraph was the costliest part of measuring it.
_NOT_LATIN_OR_CYRILLIC = re.compile(f"[^{_LATIN_OR_CYRILLIC_CHARS}]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_SENTENCE_END = re.compile(r"[.!?]$")
_PARAGRAPH = re.compile(r"[^\n]+")


def without_urls(text: str) -> str:
    # _URL has no literal start (an e-mail address starts anywhere), so `re` tries it at every position;
    # each match holds "://", "www." or "@", which three substring tests rule out at C speed.
    if "@" not in text and "://" not in text and "www." not in text:
        return text
    return _URL.sub(" ", text)


def _clean(text: str) -> str:
    return normalise(without_urls(text))


@dataclass(frozen=True)
class TextCounts:
    """What the decision needs to know about one text besides the model's scores."""

    letters: int
    latin_or_cyrillic: int
    cyrillic: int
    words: int

    @classmethod
    def of(cls, text: str) -> TextCounts:
        return measure(text)

    @property
    def short(self) -> bool:
        return self.words < SHORT_WORDS or self.letters < SHORT_LETTERS


def evidence(text: str) -> str:
    """The words of `text` that tell languages apart: not numbers, and not capitalised unless a sentence
    opens with them.

    Names, acronyms and numbers are written alike in every Latin (or Cyrillic) language, yet they decide
    the classifier on a line made mostly of them: French bylines ("Serge Tateossian le 26/04/2024 Source :
    Armenews") came out English and "par Krikor Amirzayan le samedi 30 septembre 2023" Indonesian. A
    sentence's first word is kept ("Bütün hüquqlar qorunur.", "© Azərtac, 2024") unless the next one is
    capitalised too: then it opens a name ("• Oskar Eustis, Artistic Director")."""
    return " ".join(_evidence_words(text))


def _evidence_words(text: str) -> Iterator[str]:
    """`evidence`'s words, one at a time, so that `is_weak` can stop once it has seen enough (each word is
    looked at as it comes, with the next one for a lookahead: paragraphs are long, and most are settled
    by their first words)."""
    for line in without_urls(text).split("\n"):
        words = ((w, f) for w, f in ((w, _first_alnum(w)) for w in line.split()) if f)
        opening = True
        current = next(words, None)
        while current is not None:
            word, first = current
            current = next(words, None)
            following = current[1] if current is not None else ""
            if not any(ch.isdigit() for ch in word) and (
                    not first.isupper() or (opening and not following.isupper())):
                yield word
            opening = bool(_SENTENCE_END.search(word))


def _first_alnum(word: str) -> str:
    return next((ch for ch in word if ch.isalnum()), "")


@lru_cache(maxsize=1 << 12)
def is_weak(text: str) -> bool:
    """True when `text` has too few words that tell languages apart to be guessed alone (see `segment`).

    Most paragraphs are plainly long enough: their first words of evidence settle it, and a prefix that
    is not weak proves the whole is not (appending words never lowers the counts `measure` takes)."""
    kept: list[str] = []
    checked = False
    for word in _evidence_words(text):
        kept.append(word)
        if not checked and len(kept) >= 2 * SHORT_WORDS:
            checked = True
            if not _too_little(" ".join(kept)):
                return False
    return _too_little(" ".join(kept))


def _too_little(words: str) -> bool:
    info = _count(words)  # not `measure`: a prefix is measured once, and would crowd its cache out
    return info.words < SHORT_WORDS or info.letters < EVIDENCE_LETTERS


@lru_cache(maxsize=1 << 12)
def measure(text: str) -> TextCounts:
    """`TextCounts.of`, remembered for a while: `plan_units` measures every paragraph to group the short
    ones, and the language stage measures a paragraph guessed alone again."""
    return _count(text)


def _count(text: str) -> TextCounts:
    cleaned = _clean(text)
    letters = cleaned.replace(" ", "")
    others = len(_NOT_LATIN_OR_CYRILLIC.findall(letters))
    return TextCounts(len(letters), len(letters) - others, len(_CYRILLIC.findall(letters)), len(cleaned.split()))


def script_of(text: str) -> str:
    """"cyrl", "latn", "other" (mostly neither), or "" for text without letters."""
    info = TextCounts.of(text)
    if not info.letters:
        return ""
    if 2 * info.cyrillic > info.letters:
        return "cyrl"
    return "latn" if 2 * info.latin_or_cyrillic > info.letters else "other"


# paragraphs guessed together, the text the classifier is given for them, and the text whose guess must
# agree for theirs to count (None: it counts)
Unit = tuple[list[int], str, str | None]


def plan_units(text: str) -> tuple[list[tuple[int, int]], list[Unit]]:
    """The paragraphs of `text` (stripped spans) and the units guessed: a paragraph as it is, a run of weak
    ones by their evidence, a paragraph weak for its names alone (see `segment`)."""
    spans = []
    for m in _PARAGRAPH.finditer(text):
        stripped = m.group().strip()
        if stripped:
            start = m.start() + m.group().index(stripped)
            spans.append((start, start + len(stripped)))
    if not spans:
        return spans, []
    paragraphs = [text[s:e] for s, e in spans]
    weak = [is_weak(p) for p in paragraphs]
    scripts = [script_of(p) for p in paragraphs]
    units: list[Unit] = []
    run: list[int] = []
    for i, paragraph in enumerate(paragraphs):
        # a run stays in one script: a French caption beside an Armenian one is not guessed with it
        run_script = next((scripts[j] for j in run if scripts[j]), "")
        if not weak[i] or (scripts[i] and run_script and scripts[i] != run_script):
            units += _run_unit(run, paragraphs)
            run = []
        if weak[i]:
            run.append(i)
        else:
            units.append(([i], paragraph, None))
    units += _run_unit(run, paragraphs)
    # A paragraph weak for its names alone (not short) keeps its own guess when its evidence alone says the
    # same ("Published by Armenpress, original at ...", a Turkish headline in a French page), or without
    # condition when no guessed paragraph of its script is there to take a language from (a French byline
    # in an Armenian page is no Armenian, and the classifier's call beats none).
    guessed_scripts = {scripts[j] for u, _, _ in units for j in u}
    for i, paragraph in enumerate(paragraphs):
        if weak[i] and not TextCounts.of(paragraph).short:
            units.append(([i], paragraph, evidence(paragraph) if scripts[i] in guessed_scripts else None))
    return spans, units


def _run_unit(run: list[int], paragraphs: list[str]) -> list[Unit]:
    """A run of weak paragraphs as one unit guessed on its evidence, when together it is not weak (a footer
    split over lines); none otherwise."""
    together = "\n".join(paragraphs[j] for j in run)
    return [(run, evidence(together), None)] if run and not is_weak(together) else []
