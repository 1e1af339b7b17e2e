"""Draw the sentences of the fr/en real-news NER check set (corpus/training/{fr,en}-realnews-ner.jsonl) and
of its tuning set (`--tune`: corpus/training/{fr,en}-realnews-ner-tune.jsonl).

One sentence per article, articles and sentences drawn with a fixed seed from
../shared/data/real-news/<lang>.jsonl, leaving out every article real-dev was built from (same URL or same
source file in ../shared/data/real-dev/sources.jsonl). Prints stand-off stubs (id, start, end, sha1, no
spans) and, with --show, the sentence text for the annotator (to a terminal or a scratch file outside the
repository: the text is copyrighted and never goes into the repository).

    python benchmarks/realnews_ner_sample.py --lang fr --n 75 --seed 11 --show > /tmp/fr-sample.txt
    python benchmarks/realnews_ner_sample.py --lang fr --n 120 --seed 23 --tune --show > /tmp/fr-tune.txt

--tune also leaves out every article of the check set, of the agreement and dates golds
(benchmarks/realnews_{agreements,dates}_gold.jsonl) and of the agreement precision sample, and picks, in
each article, among the sentences with a capitalised word past the first (when there is one): rules are
tuned on names, and a sentence without any teaches nothing about spans.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
# a sentence ends at . ! ? (or … ») before a space and a capital, a digit or an opening quote
_SENT_END = re.compile(r"(?<=[.!?…»”])\s+(?=[A-ZÀ-ÖØ-Þ«“\"0-9])")
_ARMENIAN = re.compile(r"[\u0530-\u058F]")
# a capitalised word (not the sentence's first): what a name looks like before anyone annotates it
_CAP_WORD = re.compile(r"(?<=[\s(«“\"'’-])[A-ZÀ-ÖØ-Þ][\w’'-]+")
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


def used_ids(lang: str) -> set[str]:
    """Articles the tuning set must not draw: the check set's, the agreement and dates golds', the agreement
    precision sample's."""
    ids: set[str] = set()
    for path in (REPO / "corpus" / "training" / f"{lang}-realnews-ner.jsonl",
                 REPO / "benchmarks" / "realnews_agreements_gold.jsonl",
                 REPO / "benchmarks" / "realnews_dates_gold.jsonl"):
        ids |= {json.loads(line)["id"] for line in path.open(encoding="utf-8") if line.strip()}
    sys.path.insert(0, str(REPO / "benchmarks"))
    from realnews_agreement_precision import SIZES, sample  # the precision sample, drawn as it draws it
    ids |= {row["id"] for _, row in sample(lang, SIZES[lang])}
    return ids


def draw(lang: str, n: int, seed: int, min_chars: int = 60, max_chars: int = 400,
         tune: bool = False) -> list[dict]:
    dev = [json.loads(line) for line in (SHARED / "real-dev" / "sources.jsonl").open(encoding="utf-8")]
    dev_urls = {d["url"] for d in dev if d.get("url")}
    dev_paths = {(d["source_repo"], d["source_path"]) for d in dev}
    articles = [json.loads(line) for line in (SHARED / "real-news" / f"{lang}.jsonl").open(encoding="utf-8")]
    articles = [a for a in articles if a.get("url") not in dev_urls
                and (a["source_repo"], a["source_path"]) not in dev_paths]
    if tune:
        used = used_ids(lang)
        articles = [a for a in articles if a["id"] not in used]
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
        if tune:
            cands = [(s, e) for s, e in cands if _CAP_WORD.search(a["text"][s:e])] or cands
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
    ap.add_argument("--tune", action="store_true", help="the tuning set: leave out the check set's articles and "
                    "the other golds', prefer sentences with capitalised words past the first")
    args = ap.parse_args()
    for rec in draw(args.lang, args.n, args.seed, tune=args.tune):
        if not args.show:
            rec.pop("text")
        print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
