"""Regression run over the real-news pool: counts that expose junk, to compare one change with the next.

    .venv/bin/python benchmarks/realnews_regression.py --limit 100 --out /tmp/before.json   # quick
    .venv/bin/python benchmarks/realnews_regression.py --out /tmp/after.json --compare /tmp/before.json

Runs the whole pipeline over ../shared/data/real-news/{az,en,fr}.jsonl (3,845 unlabelled real articles;
`--limit N` takes the first N of each language) and reports, per language:
  - entities per 1,000 words, by label (PERSON, ORG, LOC, MISC) and dates per 1,000 words;
  - the share of PERSON mentions that are a single word ("Baş", "Vidéo": junk shows here first);
  - the most frequent ORG and PERSON names that are not in the knowledge base (what NER invents, or what
    the KB should learn);
  - agreements per article, and the share without a second party (a decree or charter needs one party,
    every other type two).
The report goes to stdout and, with --out, to a JSON file; --compare prints each figure next to the
one of an earlier JSON file. No gold here: the figures say where to look, real-dev says how good it is.
The pool is read by path and never copied; without it the script says so and exits.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsmon.model import Document  # noqa: E402
from newsmon.pipeline import Pipeline  # noqa: E402

POOL = REPO.parent / "shared" / "data" / "real-news"
LANGS = ("az", "en", "fr")
LABELS = ("PERSON", "ORG", "LOC", "MISC")
SINGLE_PARTY = ("decree", "charter")
TOP = 30
_WORDS = re.compile(r"[^\W\d_]+")


def read_pool(pool: Path, lang: str, limit: int | None) -> list[dict[str, Any]]:
    rows = []
    with open(pool / f"{lang}.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def to_document(row: dict[str, Any]) -> Document:
    """The pool's title and blank-line paragraphs as the extractor would give them (title first)."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", row["text"]) if p.strip()]
    title = (row.get("title") or "").strip()
    if title and not (paragraphs and paragraphs[0].startswith(title)):
        paragraphs.insert(0, title)
    return Document(url=row.get("url") or row["id"], source="real-news", title=title or paragraphs[0][:200],
                    text="\n".join(paragraphs), published=(row.get("published") or "")[:10] or None)


def print_for_annotation(row: dict[str, Any], label: str = "") -> None:
    """One pool article as annotators read it: its id, `label`, publication date, and each paragraph of
    `to_document`'s text after its character offset (gold records give `start` offsets in that text)."""
    print(f"=== {row['id']}{f' [{label}]' if label else ''} published {row.get('published')}")
    offset = 0
    for paragraph in to_document(row).text.split("\n"):
        print(f"[{offset}] {paragraph}")
        offset += len(paragraph) + 1


class Tally:
    """Counts for one language."""

    def __init__(self) -> None:
        self.articles = 0
        self.words = 0
        self.labels: Counter[str] = Counter()
        self.dates = 0
        self.single_persons = 0
        self.unknown: dict[str, Counter[str]] = {"ORG": Counter(), "PERSON": Counter()}
        self.agreements = 0
        self.one_party = 0
        self.by_type: Counter[str] = Counter()

    def add(self, article, kb_ids: set[str]) -> None:
        self.articles += 1
        self.words += len(_WORDS.findall(article.doc.text))
        self.dates += len(article.dates)
        for m in article.mentions:
            if m.label not in LABELS:
                continue
            self.labels[m.label] += 1
            if m.label == "PERSON" and len(m.text.split()) == 1:
                self.single_persons += 1
            if m.label in self.unknown and m.canonical_id not in kb_ids:
                self.unknown[m.label][m.canonical_name or m.text] += 1
        for a in article.agreements:
            self.agreements += 1
            self.by_type[a.type] += 1
            if a.type not in SINGLE_PARTY and len(a.parties) < 2:
                self.one_party += 1

    def report(self) -> dict[str, Any]:
        per_k = (lambda n: round(1000 * n / self.words, 2)) if self.words else (lambda n: None)
        return {
            "articles": self.articles,
            "words": self.words,
            "entities_per_1000_words": {lb: per_k(self.labels[lb]) for lb in LABELS},
            "dates_per_1000_words": per_k(self.dates),
            "single_word_person_share": round(self.single_persons / self.labels["PERSON"], 4)
            if self.labels["PERSON"] else None,
            "top_unknown_org": self.unknown["ORG"].most_common(TOP),
            "top_unknown_person": self.unknown["PERSON"].most_common(TOP),
            "agreements_per_article": round(self.agreements / self.articles, 3) if self.articles else None,
            "agreements_by_type": dict(self.by_type.most_common()),
            "agreements_without_second_party_share": round(self.one_party / self.agreements, 4)
            if self.agreements else None,
        }


def run(pool: Path, limit: int | None, langs: tuple[str, ...], pipeline: Any = None,
        kb_ids: set[str] | None = None) -> dict[str, Any]:
    """The report over `pool`; `pipeline` (default: the real one) needs only `process(Document)`."""
    pipeline = pipeline or Pipeline(relevance=None)
    kb_ids = {e.id for e in pipeline.kb} if kb_ids is None else kb_ids
    tallies: dict[str, Tally] = defaultdict(Tally)
    started = time.perf_counter()
    for lang in langs:
        for row in read_pool(pool, lang, limit):
            tallies[lang].add(pipeline.process(to_document(row)), kb_ids)
    return {"pool": str(pool), "limit": limit, "seconds": round(time.perf_counter() - started, 1),
            "languages": {lang: tallies[lang].report() for lang in langs}}


_SCALARS = ("articles", "dates_per_1000_words", "single_word_person_share", "agreements_per_article",
            "agreements_without_second_party_share")


def print_report(report: dict[str, Any], before: dict[str, Any] | None = None) -> None:
    def fmt(value: Any, old: Any = None) -> str:
        text = "-" if value is None else str(value)
        return f"{text} (was {old})" if before is not None and old != value else text

    print(f"real-news pool {report['pool']}, limit {report['limit']}, {report['seconds']} s")
    for lang, r in report["languages"].items():
        b = (before or {}).get("languages", {}).get(lang, {})
        print(f"\n[{lang}] {r['words']} words")
        for lb, v in r["entities_per_1000_words"].items():
            print(f"  {lb:7} per 1,000 words  {fmt(v, b.get('entities_per_1000_words', {}).get(lb))}")
        for key in _SCALARS:
            print(f"  {key:38} {fmt(r[key], b.get(key))}")
        for key in ("top_unknown_org", "top_unknown_person"):
            old = {name for name, _ in b.get(key, [])}
            names = ", ".join(f"{n} {c}" + ("" if before is None or n in old else " (new)") for n, c in r[key][:15])
            print(f"  {key}: {names}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N articles of each language (default: all)")
    parser.add_argument("--langs", default=",".join(LANGS), help="comma-separated, default az,en,fr")
    parser.add_argument("--pool", type=Path, default=POOL, help=f"default {POOL}")
    parser.add_argument("--out", type=Path, help="write the report as JSON here")
    parser.add_argument("--compare", type=Path, help="an earlier --out file to print the figures against")
    args = parser.parse_args(argv)
    if not args.pool.is_dir():
        print(f"no real-news pool at {args.pool}; nothing to run", file=sys.stderr)
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    report = run(args.pool, args.limit, tuple(args.langs.split(",")))
    if args.out:
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print_report(report, before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
