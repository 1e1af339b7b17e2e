"""What the pipeline does for a batch of articles is what it does for each one alone: language ID over a
batch's paragraphs, the agreement stage's parses of a batch's sentences, and `Pipeline.process_many`."""
from __future__ import annotations

import pytest

from newsmon.model import Document, to_dict
from newsmon.nlp.language import segment, segment_many

TEXTS = [
    "",
    "\n\n  \n",
    "  2024  ",
    "One English paragraph long enough to be guessed on its own, about a signed memorandum.",
    # several paragraphs: a short run between long ones, a footer in another language
    "The Ministry of Digital Development signed a memorandum with its French counterpart on Tuesday.\n"
    "12 May 2024\nhttps://example.org/a\n"
    "Les deux parties ont convenu d'échanger des experts et de lancer un projet pilote l'an prochain.\n"
    "Bütün hüquqlar qorunur. Materiallardan istifadə edərkən istinad mütləqdir.",
    "Qısa\nmətn",  # nothing long enough alone: the whole text is guessed as one
    "Азербайджан и Франция подписали меморандум о сотрудничестве в области цифрового управления.",
    "中华人民共和国和阿塞拜疆共和国签署了合作备忘录。\nSecond paragraph in English, long enough to count.",
    "ASAN xidmət mərkəzləri ilə KOICA arasında memorandum imzalanıb.\nOne line.\nİkinci abzas da Azərbaycan dilindədir.",
]


def test_segment_many_is_segment_one_by_one() -> None:
    assert segment_many(TEXTS) == [segment(t) for t in TEXTS]
    assert segment_many([]) == []


def _signature(doc) -> list[tuple]:
    return [(t.i, t.idx, t.text, t.dep_, t.head.i, t.lemma_, t.pos_, t.tag_) for t in doc]


def test_batched_parses_are_the_parses_one_at_a_time() -> None:
    syntax = pytest.importorskip("newsmon.nlp.agreements.syntax")
    if syntax.parser("en") is None:
        pytest.skip("the English model is not installed")
    sentences = [("en", "Hampton and the City of Malanje signed a Sister City agreement on Monday."),
                 ("en", "The agreement was signed by the minister, Ms Smith, and her counterpart."),
                 ("fr", "L'ambassadrice Kvien a signé un protocole d'accord avec Liana Gasparyan."),
                 ("az", "Memorandum imzalanıb.")]  # no parser for az: left out, no error
    syntax._PARSED.clear()
    alone = {}
    for lang, text in sentences:
        doc = syntax._parse(lang, text)
        alone[lang, text] = _signature(doc) if doc is not None else None
        syntax._PARSED.clear()
    syntax.parse_many(sentences)
    assert ("az", "Memorandum imzalanıb.") not in syntax._PARSED
    batched = {key: _signature(syntax._PARSED[key]) if key in syntax._PARSED else None for key in sentences}
    assert batched == alone
    assert alone["en", sentences[0][1]] is not None


def test_process_many_is_process_one_by_one() -> None:
    from newsmon.pipeline import Pipeline
    from newsmon.nlp.agreements import syntax

    docs = [
        Document(url="https://example.org/en", source="t", title="Memorandum signed",
                 text="Memorandum signed\nThe State Agency for Public Service (ASAN) and the Korea International "
                      "Cooperation Agency (KOICA) signed a Memorandum of Understanding in Baku on 10 September "
                      "2025.\nThe two sides agreed to exchange experts next year.", published="2025-09-12"),
        Document(url="https://example.org/fr", source="t", title="Accord",
                 text="L'ambassadrice Kvien a signé un protocole d'accord avec Liana Gasparyan à Paris le 13 "
                      "juillet 2024.\nLe texte entrera en vigueur dans trois mois.", published="2024-07-14"),
        Document(url="https://example.org/az", source="t", title="Memorandum",
                 text="ASAN xidmət ilə KOICA arasında 10 sentyabr 2025-ci il tarixində Bakıda memorandum "
                      "imzalanıb.\nBütün hüquqlar qorunur.", published="2025-09-11"),
        Document(url="https://example.org/empty", source="t", title="", text="", published="2025-01-01"),
    ]
    pipeline = Pipeline(relevance=None)
    syntax._PARSED.clear()
    one_by_one = [to_dict(pipeline.process(doc)) for doc in docs]
    syntax._PARSED.clear()
    assert [to_dict(a) for a in pipeline.process_many(docs)] == one_by_one
    assert any(a["agreements"] for a in one_by_one)
