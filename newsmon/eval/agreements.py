"""Scoring agreement records against the gold file (`corpus/sample-gold.jsonl`, key `agreements`).

A predicted record matches a gold one (strict) when the type, the set of party canonical names and the
date_signed value agree; the lenient variant asks only for the type and one shared party. Matching is
one-to-one, so two predicted records for one gold agreement count one true and one false positive.

`oracle_article` rebuilds an article from the site HTML with the *gold* entities and dates as its
mentions, which measures this stage alone, apart from NER, linking and date errors:

    python -m newsmon.eval.agreements -v             # gold mentions, every article with an error
    python -m newsmon.eval.agreements --pipeline     # the full pipeline (needs the langid/NER models)
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsmon.model import Agreement, Article, DateMention, Mention, Segment
from newsmon.samplesite import ORIGIN
from newsmon.eval.scoring import Counts
from newsmon.text.normalize import fold


def _pred_key(a: Agreement | dict[str, Any]) -> tuple[str, frozenset[str], str | None]:
    if isinstance(a, dict):  # an agreement read back from JSON (export, store)
        parties = [p["name"] if isinstance(p, dict) else p for p in a.get("parties") or []]
        date = (a.get("date_signed") or {}).get("value")
        return a["type"], frozenset(fold(p) for p in parties), date
    return (a.type, frozenset(fold(p.name) for p in a.parties),
            a.date_signed["value"] if a.date_signed else None)


def _gold_key(g: dict[str, Any]) -> tuple[str, frozenset[str], str | None]:
    date = (g.get("date_signed") or {}).get("value")
    return g["type"], frozenset(fold(p) for p in g.get("parties") or []), date


def _matches(pred: tuple, gold: tuple, lenient: bool) -> bool:
    if pred[0] != gold[0]:
        return False
    if lenient:
        return bool(pred[1] & gold[1]) or (not pred[1] and not gold[1])
    return pred[1] == gold[1] and pred[2] == gold[2]


def score_agreements(predicted: Sequence[Agreement | dict[str, Any]], gold: Sequence[dict[str, Any]],
                     lenient: bool = False) -> Counts:
    """True/false positives and false negatives of one article's records (one-to-one matching)."""
    remaining = [_gold_key(g) for g in gold]
    tp = 0
    for p in predicted:
        key = _pred_key(p)
        hit = next((i for i, g in enumerate(remaining) if _matches(key, g, lenient)), None)
        if hit is not None:
            remaining.pop(hit)
            tp += 1
    return Counts(tp=tp, fp=len(predicted) - tp, fn=len(remaining))


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _locate(text: str, items: Iterable[dict[str, Any]], start_key: str = "text") -> list[tuple[int, int, dict]]:
    """Offsets of gold items in `text`, in order: each is searched after the previous one, falling back
    to the first occurrence anywhere (gold lists title and body mentions in reading order)."""
    out, pos = [], 0
    for item in items:
        surface = item[start_key]
        at = text.find(surface, pos)
        if at < 0:
            at = text.find(surface)
        if at < 0:
            continue
        out.append((at, at + len(surface), item))
        pos = at + len(surface)
    return out


def oracle_article(gold: dict[str, Any], site_dir: str | Path) -> Article | None:
    """The article at `gold["path"]` with gold entities and dates as its (perfectly linked) mentions."""
    from newsmon.nlp.extract import extract_html  # trafilatura: imported only when evaluating

    html = (Path(site_dir) / gold["path"].lstrip("/")).read_text(encoding="utf-8")
    doc = extract_html(html, url=ORIGIN + gold["path"], source="sample")
    if doc is None:
        return None
    doc.published = gold.get("published") or doc.published
    lang = gold.get("lang", "en")
    mentions = [Mention(item["text"], item["label"], s, e, lang, canonical_id=fold(item["canonical"]),
                        canonical_name=item["canonical"])
                for s, e, item in _locate(doc.text, gold.get("entities", []))]
    dates = [DateMention(item["text"], item["value"], item["precision"], s, e, item.get("inferred", False))
             for s, e, item in _locate(doc.text, gold.get("dates", []))]
    segments = _segments(doc.text, lang, gold.get("other_langs") or [])
    return Article(doc=doc, lang=lang, lang_prob=1.0, segments=segments, mentions=mentions, dates=dates)


def _segments(text: str, lang: str, other_langs: list[str]) -> list[Segment]:
    """Per-paragraph languages for the oracle: the article language, except that paragraphs written
    mostly with Azerbaijani letters are marked az on a mixed page."""
    segments, pos = [], 0
    for para in text.split("\n"):
        seg_lang = lang
        if "az" in other_langs and sum(para.count(c) for c in "əığşƏİĞŞ") >= 3:
            seg_lang = "az"
        segments.append(Segment(pos, pos + len(para), seg_lang, 1.0))
        pos += len(para) + 1
    return segments


def score_corpus(gold_path: str | Path, site_dir: str | Path, pipeline: Any = None,
                 verbose: bool = False) -> tuple[Counts, Counts]:
    """Strict and lenient counts over the gold corpus. With no `pipeline`, articles are built by
    `oracle_article` (gold mentions); with one, its `process(extract_html(...))` output is scored."""
    from newsmon.nlp.agreements.find import find_agreements
    from newsmon.nlp.extract import extract_html

    strict, lenient = Counts(), Counts()
    for gold in read_gold(gold_path):
        if pipeline is None:
            article = oracle_article(gold, site_dir)
            predicted = find_agreements(article, None) if article else []
        else:
            html = (Path(site_dir) / gold["path"].lstrip("/")).read_text(encoding="utf-8")
            doc = extract_html(html, url=ORIGIN + gold["path"], source="sample")
            predicted = pipeline.process(doc).agreements if doc else []
        expected = gold.get("agreements") or []
        s = score_agreements(predicted, expected)
        strict += s
        lenient += score_agreements(predicted, expected, lenient=True)
        if verbose and (s.fp or s.fn):
            print(f"== {gold['path']}  {s}")
            for g in expected:
                print("   gold", g["type"], sorted(g["parties"]), (g.get("date_signed") or {}).get("value"),
                      g.get("status"))
            for p in predicted:
                print("   pred", p.type, sorted(x.name for x in p.parties),
                      (p.date_signed or {}).get("value"), p.status, "|", p.sentence[:110])
    return strict, lenient


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Score agreement extraction on the sample corpus gold.")
    parser.add_argument("--gold", default="corpus/sample-gold.jsonl")
    parser.add_argument("--site", default="corpus/site")
    parser.add_argument("--pipeline", action="store_true", help="full pipeline instead of gold mentions")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every article with an error")
    args = parser.parse_args(argv)
    pipeline = None
    if args.pipeline:
        from newsmon.pipeline import Pipeline
        pipeline = Pipeline()
    strict, lenient = score_corpus(args.gold, args.site, pipeline, args.verbose)
    for name, c in (("strict", strict), ("lenient", lenient)):
        print(f"{name:8} tp={c.tp} fp={c.fp} fn={c.fn}  P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}")


if __name__ == "__main__":
    main()
