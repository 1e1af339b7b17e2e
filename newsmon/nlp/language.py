"""Language identification per paragraph, with Azerbaijani told apart from Turkish.

Two engines, chosen by measurement (see models/langid/README.md):
- our character n-gram classifier (`langid_model`), trained on 19 Latin and Cyrillic languages
  including az, tr and their Turkic neighbours: it answers for Latin and Cyrillic text, fast, in batches;
- langdetect with its stock profiles plus our Azerbaijani one (`langdetect_engine`): it answers for
  text in other scripts (Arabic, Greek, CJK, ...), which our classifier was never shown, and for
  Latin/Cyrillic text our classifier is unsure of when langdetect is sure it is a language we did not
  train on (Polish, Dutch, Czech...).

Candidates are the languages the caller expects; they get a prior bonus, so short ambiguous text
goes to them rather than to a neighbour (Turkmen, Crimean Tatar), but text clearly in another
language is reported as that language, never forced into the set.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from newsmon.nlp import langdetect_engine
from newsmon.nlp.langid_model import CharNgramModel
from newsmon.nlp.language_units import TextCounts, plan_units, script_of, without_urls
from newsmon.model import Segment
from newsmon.settings import DEFAULT_LANGS  # re-exported: part of this module's API

UND = "und"
# Added to the candidates' scores: e^1.5 = 4.5x prior odds. Enough to keep short Azerbaijani text
# from drifting to Turkmen, Crimean Tatar or Uzbek, small enough that German, Kazakh or Uzbek
# sentences still come out as themselves (values compared in models/langid/README.md).
CANDIDATE_BONUS = 1.5
# ... plus this divided by the number of words: one or two words carry too little evidence to
# outvote the caller's expectation (a Russian word pair is not Bulgarian because one n-gram says so).
SHORT_TEXT_BONUS = 3.0
# The logistic model's top probability (without naive Bayes or the candidate bonus) below UNSURE, on
# text that is not short, means "maybe none of my languages": langdetect is asked, and believed only
# when it is SURE_UNSEEN of a language we were not trained on.
UNSURE = 0.9
SURE_UNSEEN = 0.95
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Scripts that one language writes and langdetect has no profile for: without this, Armenian news
# (next door to Azerbaijan, and common in French diaspora press) came back as Estonian, p=1.0.
_SINGLE_LANGUAGE_SCRIPTS = (("hy", re.compile(r"[\u0531-\u0587\ufb13-\ufb17]")),
                            ("ka", re.compile(r"[\u10a0-\u10ff\u1c90-\u1cbf]")))


@dataclass(frozen=True)
class LangGuess:
    lang: str  # ISO 639-1 code, or "und"
    prob: float


@lru_cache(maxsize=1)
def _model() -> CharNgramModel:
    return CharNgramModel.load()


def supported() -> tuple[str, ...]:
    """Languages the classifier can be given as candidates."""
    return _model().langs


def _candidate_mask(candidates: Sequence[str] | None) -> np.ndarray:
    model = _model()
    cands = DEFAULT_LANGS if candidates is None else tuple(candidates)
    unknown = [c for c in cands if c not in model.langs]
    if unknown:
        raise ValueError(f"unsupported candidate language(s) {unknown}; supported: {', '.join(model.langs)}")
    return np.array([lang in cands for lang in model.langs])


def detect_many(texts: Sequence[str], candidates: Sequence[str] | None = None) -> list[LangGuess]:
    """One guess per text, in order; the fast path (one vectorised pass for the whole batch)."""
    return _detect_groups([texts], candidates)[0]


def _detect_groups(groups: Sequence[Sequence[str]], candidates: Sequence[str] | None) -> list[list[LangGuess]]:
    """`detect_many(group)` for each group, with the classifier run once for all of them.

    A group with one scored text goes through the model's one-text path, as `detect_many` of that group
    alone would (its float sums run in another order); the rows of a batch do not depend on each other,
    so the other groups share one batch and every guess is the one its group alone gets."""
    mask = _candidate_mask(candidates)
    out: list[list[LangGuess | None]] = [[None] * len(texts) for texts in groups]
    alone: list[tuple[int, int]] = []  # (group, index) scored by themselves
    pooled: list[tuple[int, int]] = []  # scored in one batch
    infos: dict[tuple[int, int], TextCounts] = {}
    for g, texts in enumerate(groups):
        batch = []
        for i, text in enumerate(texts):
            info = infos[g, i] = TextCounts.of(text)
            if not info.letters:
                out[g][i] = LangGuess(UND, 0.0)
            elif 2 * info.latin_or_cyrillic < info.letters:
                out[g][i] = _other_script(text)
            else:
                batch.append((g, i))
        (alone if len(batch) == 1 else pooled).extend(batch)
    model = _model()
    runs = [[key] for key in alone] + ([pooled] if pooled else [])
    for keys in runs:
        lr, nb = model.scores([without_urls(groups[g][i]) for g, i in keys])
        lr_top = _softmax(lr).max(axis=1)
        n_words = np.array([max(infos[k].words, 1) for k in keys], dtype=np.float32)
        # Naive Bayes helps the Latin-script Turkic languages on short text but blurs Russian with
        # Ukrainian, Bulgarian and Belarusian (measured), so Cyrillic text gets the logistic model alone.
        nb_scale = np.array([0.0 if 2 * infos[k].cyrillic > infos[k].letters else model.nb_scale for k in keys],
                            dtype=np.float32)
        combined = lr + nb_scale[:, None] * nb
        combined[:, mask] += (CANDIDATE_BONUS + SHORT_TEXT_BONUS / n_words)[:, None]
        probs = _softmax(combined)
        best = probs.argmax(axis=1)
        for row, (g, i) in enumerate(keys):
            guess = LangGuess(model.langs[best[row]], round(float(probs[row, best[row]]), 4))
            if lr_top[row] < UNSURE and not infos[g, i].short:
                guess = _unseen_language(groups[g][i], model.langs) or guess
            out[g][i] = guess
    return out  # type: ignore[return-value]


def _softmax(logits: np.ndarray) -> np.ndarray:
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _unseen_language(text: str, known: Sequence[str]) -> LangGuess | None:
    """langdetect's answer when it is sure of a language our classifier was not trained on.

    Polish, Dutch, Czech... get a spread-out, low-confidence answer from our classifier (it must pick
    one of its 19 languages); langdetect knows 55 languages and is near-certain on such sentences.
    """
    ranked = langdetect_engine.detect_langs(text)
    if ranked and ranked[0][0] not in known and ranked[0][1] >= SURE_UNSEEN:
        return LangGuess(ranked[0][0], round(ranked[0][1], 4))
    return None


def detect(text: str, candidates: Sequence[str] | None = None) -> LangGuess:
    return detect_many([text], candidates)[0]


def _other_script(text: str) -> LangGuess:
    """Text mostly outside Latin and Cyrillic: our classifier has never seen it, langdetect has."""
    # the script alone settles East Asian text, where langdetect is weak (it calls short Chinese "ko")
    if _HANGUL.search(text):
        return LangGuess("ko", 1.0)
    if _KANA.search(text):
        return LangGuess("ja", 1.0)
    if _HAN.search(text):
        return LangGuess("zh", 1.0)
    letters = sum(ch.isalpha() for ch in text)
    for lang, script in _SINGLE_LANGUAGE_SCRIPTS:
        if 2 * len(script.findall(text)) > letters:
            return LangGuess(lang, 1.0)
    ranked = langdetect_engine.detect_langs(text)
    if not ranked:
        return LangGuess(UND, 0.0)
    lang, prob = ranked[0]
    return LangGuess(lang, round(prob, 4))


def segment(text: str, candidates: Sequence[str] | None = None) -> list[Segment]:
    """Paragraphs (runs between newlines) with their language; adjacent same-language ones merged.

    Weak paragraphs (a few words, a date, a URL, a byline of names: too little `evidence`) are not
    guessed alone: a run of them in one script whose evidence is long enough together is guessed on it
    as one text (a footer split over lines), otherwise they take the language of the nearest preceding
    guessed paragraph in their script (the following one at the start); one weak for its names alone
    may keep its own guess (see `plan_units`). When nothing is long enough, the whole text is guessed as one.
    """
    return segment_many([text], candidates)[0]


def segment_many(texts: Sequence[str], candidates: Sequence[str] | None = None) -> list[list[Segment]]:
    """`segment` for each text, with the classifier run once over the paragraphs of all of them (a
    batch of articles costs one vectorised pass, not one per article). Same results as one by one."""
    plans = [plan_units(text) for text in texts]
    # each unit's text, then the evidence of the units that must agree with theirs
    groups = [[said for _, said, _ in units] + [check for _, _, check in units if check is not None]
              if units else [text] for text, (spans, units) in zip(texts, plans) if spans]
    found_groups = iter(_detect_groups(groups, candidates))
    out = []
    for text, (spans, units) in zip(texts, plans):
        if not spans:
            out.append([])
            continue
        unit_guesses = next(found_groups)
        if not units:
            guesses = unit_guesses * len(spans)
        else:
            checks = iter(unit_guesses[len(units):])
            found = {}
            for (u, _, check), g in zip(units, unit_guesses):
                if check is None or next(checks).lang == g.lang:
                    found.update(dict.fromkeys(u, g))
            guesses = _inherit([script_of(text[s:e]) for s, e in spans], found)
        out.append(_merge(spans, guesses))
    return out


def _inherit(scripts: list[str], found: dict[int, LangGuess]) -> list[LangGuess]:
    """Every paragraph's guess: its own or its run's (`found`), else the nearest guessed paragraph's before
    it (after it at the start) in its script. A French byline between Armenian paragraphs of a bilingual
    page is French like the page's other Latin paragraphs, not Armenian; a paragraph with no guessed
    neighbour in its script (or no letters) takes the nearest one's."""
    order = sorted(found)
    guesses = []
    for i, own in enumerate(scripts):
        if i in found:
            guesses.append(found[i])
            continue
        before = [j for j in reversed(order) if j < i]
        after = [j for j in order if j > i]
        same = [j for j in before + after if scripts[j] == own] if own else []
        guesses.append(found[(same or before or after)[0]])
    return guesses


def _merge(spans: list[tuple[int, int]], guesses: list[LangGuess]) -> list[Segment]:
    segments: list[Segment] = []
    weight = 0  # characters behind the current segment's prob, for a length-weighted mean
    for (start, end), g in zip(spans, guesses):
        n = end - start
        if segments and segments[-1].lang == g.lang:
            seg = segments[-1]
            seg.prob = round((seg.prob * weight + g.prob * n) / (weight + n), 4)
            seg.end = end
            weight += n
        else:
            segments.append(Segment(start=start, end=end, lang=g.lang, prob=g.prob))
            weight = n
    return segments


def dominant(segments: Sequence[Segment]) -> LangGuess:
    """The language with the most characters (und segments do not count), with its mean probability."""
    chars: dict[str, int] = {}
    mass: dict[str, float] = {}
    for s in segments:
        if s.lang == UND or s.end <= s.start:
            continue
        n = s.end - s.start
        chars[s.lang] = chars.get(s.lang, 0) + n
        mass[s.lang] = mass.get(s.lang, 0.0) + s.prob * n
    if not chars:
        return LangGuess(UND, 0.0)
    lang = max(chars, key=lambda k: (chars[k], k))
    return LangGuess(lang, round(mass[lang] / chars[lang], 4))
