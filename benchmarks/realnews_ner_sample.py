"""Draw the sentences of the fr/en real-news NER check set (corpus/training/fren-realnews-ner.jsonl).

One sentence per article, articles and sentences drawn with a fixed seed from
../shared/data/real-news/<lang>.jsonl, leaving out every article real-dev was built from (same URL or same
source file in ../shared/data/real-dev/sources.jsonl). Prints stand-off stubs (id, start, end, sha1, no
spans) and, with --show, the sentence text for the annotator (to a terminal or a scratch file outside the
repository: the text is copyrighted and never goes into the repository).

    python benchmarks/realnews_ner_sample.py --lang fr --n 75 --seed 11 --show > /tmp/fr-sample.txt
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
# a sentence ends at . ! ? (or … ») before a space and a capital, a digit or an opening quote
_SENT_END = re.compile(r"(?<=[.!?…»”])\s+(?=[A-ZÀ-ÖØ-Þ«“\"0-9])")
_ARMENIAN = re.compile(r"[\u0530-\u058F]")
_ABBREV = re.compile(r"(?:\b(?:M|Mme|Mgr|Dr|Mr|Mrs|Ms|St|Jr|Sr|U\.S|[A-Z])\.)$")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: paragraphs split at blank lines, then at sentence ends that do not
    follow a title abbreviation or an initial."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for cut in _SENT_END.finditer(para.group()):
            if _ABBREV.search(para.group()[:cut.start()]):
                continue
            out.append((start, para.start() + cut.start()))
            start = para.start() + cut.end()
        out.append((start, para.end()))
    return [(s, e) for s, e in out if e > s]


def draw(lang: str, n: int, seed: int, min_chars: int = 60, max_chars: int = 400) -> list[dict]:
    dev = [json.loads(line) for line in (SHARED / "real-dev" / "sources.jsonl").open(encoding="utf-8")]
    dev_urls = {d["url"] for d in dev if d.get("url")}
    dev_paths = {(d["source_repo"], d["source_path"]) for d in dev}
    articles = [json.loads(line) for line in (SHARED / "real-news" / f"{lang}.jsonl").open(encoding="utf-8")]
    articles = [a for a in articles if a.get("url") not in dev_urls
                and (a["source_repo"], a["source_path"]) not in dev_paths]
    ids = Counter(a["id"] for a in articles)
    rng = random.Random(seed)
    rng.shuffle(articles)
    picked = []
    for a in articles:
        # Armenian-script passages are not annotated in real-dev (`other_langs: hy`): none drawn
        cands = [(s, e) for s, e in sentences(a["text"]) if min_chars <= e - s <= max_chars
                 and not _ARMENIAN.search(a["text"][s:e])]
        if not cands:
            continue
        s, e = rng.choice(cands)
        if ids[a["id"]] > 1:  # two articles under one (cut) id: stand-off offsets could not say which
            continue
        sent = a["text"][s:e]
        picked.append({"id": a["id"], "start": s, "end": e,
                       "sha1": hashlib.sha1(sent.encode("utf-8")).hexdigest(), "text": sent})
        if len(picked) == n:
            break
    return picked


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", required=True, choices=["en", "fr"])
    ap.add_argument("--n", type=int, default=75)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--show", action="store_true", help="print the text too (for the annotator, never to the repo)")
    args = ap.parse_args()
    for rec in draw(args.lang, args.n, args.seed):
        if not args.show:
            rec.pop("text")
        print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
