"""NER stage: each language segment goes through its own language's spaCy pipeline.

Only the `ner` component (with its own tok2vec) is loaded, so the parser and tagger cost nothing.
A language with no pipeline gets no statistical NER: Azerbaijani text is never run through the English
or French model, whose output on it would be noise.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from newsmon.model import Mention, Segment
from newsmon.ner_labels import DEFAULT_MODELS, to_unified
from newsmon.searchtext import az_stem, fold
from newsmon.settings import MODELS_DIR

log = logging.getLogger(__name__)


class NerStage:
    """Runs per-language spaCy NER over a document's language segments; pipelines load lazily."""

    def __init__(self, models: dict[str, str] | None = None) -> None:
        self.models = dict(DEFAULT_MODELS if models is None else models)
        self._loaded: dict[str, Language | None] = {}

    def pipeline(self, lang: str) -> Language | None:
        if lang not in self._loaded:
            self._loaded[lang] = self._load(lang)
        return self._loaded[lang]

    def _load(self, lang: str) -> Language | None:
        name = self.models.get(lang)
        if name is None:
            return None
        if ("/" in name or name.startswith(".")) and not Path(name).exists():
            log.warning("no NER pipeline for %r: %s does not exist", lang, name)
            return None
        nlp = spacy.load(name)
        keep = {"ner", "entity_ruler"}
        for pipe in list(nlp.pipe_names):
            if pipe not in keep and not _feeds(nlp, pipe, keep):
                nlp.remove_pipe(pipe)
        return nlp

    def annotate(self, text: str, segments: Sequence[Segment]) -> list[Mention]:
        """Mentions (with unified labels and offsets into `text`) from every segment with a pipeline."""
        mentions: list[Mention] = []
        for seg in segments:
            nlp = self.pipeline(seg.lang)
            if nlp is None:
                continue
            doc = nlp(text[seg.start:seg.end])
            for ent in doc.ents:
                label = to_unified(ent.label_)
                if label is None or not ent.text.strip():
                    continue
                mentions.append(Mention(ent.text, label, seg.start + ent.start_char,
                                        seg.start + ent.end_char, seg.lang))
        return drop_common_sentence_starts(mentions, text)


# The Azerbaijani model learnt from Wikipedia titles that a capitalised word is a name, so it tags
# sentence-initial words ("Seminarda", "Xatırladaq", "Sənədin"). Such a one-word mention is dropped
# when the word is an ordinary one: its stem is in our common-word list, or written in lower case
# elsewhere in the same article.
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”«»]\s*)$")
_LOWER_WORD = re.compile(r"(?<![\w])[a-zəıöüğçş][^\W\d_]*")


@lru_cache(maxsize=None)
def common_stems(lang: str) -> frozenset[str]:
    path = MODELS_DIR / "lexicon" / f"{lang}-common-words.txt"
    if not path.exists():
        return frozenset()
    words = [w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")]
    return frozenset(az_stem(fold(w)) for w in words)


def drop_common_sentence_starts(mentions: list[Mention], text: str) -> list[Mention]:
    article_lower: set[str] | None = None
    kept = []
    for m in mentions:
        if m.lang == "az" and " " not in m.text.strip() and _SENTENCE_END.search(text[max(0, m.start - 3):m.start]):
            if article_lower is None:
                article_lower = {az_stem(fold(w)) for w in _LOWER_WORD.findall(text)}
            stem = az_stem(fold(m.text))
            if stem in common_stems("az") or stem in article_lower:
                continue
        kept.append(m)
    return kept


def _feeds(nlp: Language, pipe: str, keep: set[str]) -> bool:
    """Whether a kept component listens to `pipe` (a shared tok2vec must stay)."""
    component = nlp.get_pipe(pipe)
    listeners = getattr(component, "listening_components", None) or []
    return any(name in keep for name in listeners)
