"""A fixed sample of real-news articles with agreement vocabulary, and the agreement records the pipeline
gives for them: the check that an agreement rule tuned on real-dev holds on other real text.

    .venv/bin/python benchmarks/realnews_agreements_sample.py --per-lang 15 --out /tmp/before.json
    .venv/bin/python benchmarks/realnews_agreements_sample.py --per-lang 15 --out /tmp/after.json \\
        --compare /tmp/before.json

Articles come from ../shared/data/real-news/{az,en,fr}.jsonl (never from real-dev: any article whose url
real-dev's sources.jsonl names is left out), drawn with a fixed seed among those where a sentence holds
a signing verb and a document word. Each record is printed with its sentence; --compare prints only
records that changed, so a person can judge every change by reading it (there is no gold here).
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from realnews_regression import POOL, read_pool, to_document  # noqa: E402

from newsmon.pipeline import Pipeline  # noqa: E402

DEV_SOURCES = REPO.parent / "shared" / "data" / "real-dev" / "sources.jsonl"
# A sentence that reports a document being signed, adopted or planned (the vocabulary of the sample;
# realnews_agreement_recall.py draws its gold articles with it too).
_VOCAB = {
    "az": re.compile(r"(?:memorandum|saziş|müqavilə|protokol|bəyannamə|bəyanat|sərəncam|fərman)\w*[^.]{0,120}"
                     r"(?:imzala|təsdiq|qəbul edil)", re.IGNORECASE),
    "en": re.compile(r"\b(?:memorandum|agreement|accord|treaty|protocol|executive order|joint statement|roadmap)"
                     r"[^.]{0,120}\b(?:sign|ratif|conclud)|\bsign\w*[^.]{0,80}(?:memorandum|agreement|treaty"
                     r"|protocol|executive order)", re.IGNORECASE),
    "fr": re.compile(r"\b(?:m[ée]morandum|accord|trait[ée]|protocole|d[ée]cret|contrat|convention|charte"
                     r"|d[ée]claration)[^.]{0,120}\bsign|\bsign\w*[^.]{0,80}(?:m[ée]morandum|accord|trait[ée]"
                     r"|protocole|contrat|convention|charte)", re.IGNORECASE),
}


def has_vocabulary(lang: str, text: str) -> bool:
    """True when a sentence of `text` holds a signing verb and a document word of `lang`."""
    return _VOCAB[lang].search(text) is not None


@functools.cache
def _real_dev_names() -> frozenset[str]:
    """The urls and ids of the articles real-dev's sources.jsonl names."""
    dev = [json.loads(line) for line in open(DEV_SOURCES, encoding="utf-8")] if DEV_SOURCES.exists() else []
    return frozenset({d["url"] for d in dev if d.get("url")} | {Path(d["path"]).stem for d in dev})


def in_real_dev(row: dict) -> bool:
    """True when real-dev's sources.jsonl names this pool article (by url or id)."""
    return (bool(row.get("url")) and row["url"] in _real_dev_names()) or row["id"] in _real_dev_names()


def sample(lang: str, n: int, seed: int) -> list[dict]:
    rows = [r for r in read_pool(POOL, lang, None) if has_vocabulary(lang, r["text"]) and not in_real_dev(r)]
    return random.Random(seed).sample(rows, min(n, len(rows)))


def records(per_lang: int, seed: int) -> list[dict]:
    pipeline = Pipeline(relevance=None)
    out = []
    for lang in ("az", "en", "fr"):
        for row in sample(lang, per_lang, seed):
            article = pipeline.process(to_document(row))
            for a in article.agreements:
                out.append({"id": row["id"], "lang": lang, "start": a.start, "type": a.type,
                            "parties": [p.name for p in a.parties], "date": (a.date_signed or {}).get("value"),
                            "status": a.status, "sentence": a.sentence[:400]})
    return out


def _show(r: dict, mark: str = "") -> str:
    return (f"{mark}{r['id']} @{r['start']} {r['type']} {r['parties']} {r['date']} {r['status']}\n"
            f"      {r['sentence']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-lang", type=int, default=15, help="articles per language")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", help="write the records as JSON here")
    ap.add_argument("--compare", help="an earlier --out file: print only what changed")
    args = ap.parse_args()
    if not POOL.exists():
        sys.exit(f"no real-news pool at {POOL}")
    recs = records(args.per_lang, args.seed)
    if args.out:
        Path(args.out).write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")
    if not args.compare:
        print("\n".join(_show(r) for r in recs))
        print(f"{len(recs)} records")
        return
    key = lambda r: (r["id"], r["start"])  # noqa: E731
    before = {key(r): r for r in json.loads(Path(args.compare).read_text(encoding="utf-8"))}
    after = {key(r): r for r in recs}
    for k in sorted(before.keys() | after.keys()):
        b, a = before.get(k), after.get(k)
        if b == a:
            continue
        if b:
            print(_show(b, "- "))
        if a:
            print(_show(a, "+ "))
    print(f"{len(before)} records before, {len(recs)} after")


if __name__ == "__main__":
    main()
