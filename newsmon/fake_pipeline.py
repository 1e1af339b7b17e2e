"""A model-free stand-in for `Pipeline`, for crawler tests and the crawl benchmark.

It builds an `Article` without spaCy: the language is the document's hint, and the only mentions are
exact matches of a few organisation names, so entity counts can still be checked. The CLI uses it
when NEWSMON_PIPELINE=fake is set (tests only: it annotates nothing a user would want).
"""
from __future__ import annotations

import os
import re
from collections.abc import Sequence

from newsmon.model import Article, Document, Mention, Segment

KNOWN = {"KOICA": "koica", "ASAN": "sapssi", "UNDP": "undp"}
_PATTERN = re.compile(r"\b(" + "|".join(KNOWN) + r")\b")


class FakePipeline:
    def __init__(self) -> None:
        self.processed = 0

    def process(self, doc: Document) -> Article:
        self.processed += 1
        lang = doc.lang_hint or "und"
        mentions = [Mention(m.group(1), "ORG", m.start(), m.end(), lang, KNOWN[m.group(1)], m.group(1))
                    for m in _PATTERN.finditer(doc.text)]
        return Article(doc=doc, lang=lang, lang_prob=1.0,
                       segments=[Segment(0, len(doc.text), lang, 1.0)], mentions=mentions)

    def process_many(self, docs: Sequence[Document]) -> list[Article]:
        return [self.process(doc) for doc in docs]


def make_pipeline(kb_files: Sequence[str] = ()):
    """The real pipeline (with the shipped knowledge base plus `kb_files`), or the fake one when
    NEWSMON_PIPELINE=fake (used by tests only)."""
    if os.environ.get("NEWSMON_PIPELINE") == "fake":
        return FakePipeline()
    from newsmon.nlp.kb import KnowledgeBase
    from newsmon.pipeline import Pipeline  # loads spaCy lazily: keep --help fast
    return Pipeline(kb=KnowledgeBase.load(kb_files))
