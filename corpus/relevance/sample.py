"""Draw the relevance-labelling sample (ids only; texts stay in ../shared/data/real-news/).

    python corpus/relevance/sample.py random            # -> sample-random.csv
    python corpus/relevance/sample.py keyword LANG N     # -> appends N keyword picks to sample-keyword.csv
    python corpus/relevance/sample.py show FILE [START [COUNT [CHARS]]]  # print articles for reading
    python corpus/relevance/sample.py check N            # -> check-ids.csv: N labelled ids for the blind re-label

Ids that occur more than once in a source file are skipped: a label stored by id would be ambiguous.
"""
import collections
import csv
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CANDIDATES = [Path("/work/shared/data/real-news"), REPO.parent / "shared" / "data" / "real-news"]
SEED = 20250617
SIZES = {"az": 200, "en": 150, "fr": 150}
KEYWORDS = re.compile(
    r"memorand|saziş|anlaşma|\baccord|agreement|e-government|elektron hökumət|\bASAN\b|digital|rəqəmsal|xidmət",
    re.I)


def data_dir():
    for d in CANDIDATES:
        if (d / "az.jsonl").exists():
            return d
    sys.exit("real-news data not found")


def load(lang):
    rows = [json.loads(line) for line in open(data_dir() / f"{lang}.jsonl", encoding="utf-8")]
    n = collections.Counter(r["id"] for r in rows)
    return [r for r in rows if n[r["id"]] == 1]


def ids_in(path):
    if not path.exists():
        return set()
    return {r["id"] for r in csv.DictReader(open(path, encoding="utf-8"))}


def draw_random():
    out = []
    for lang, k in SIZES.items():
        ids = sorted(r["id"] for r in load(lang))
        rng = random.Random(f"{SEED}-{lang}")
        out += [(i, lang, "random") for i in sorted(rng.sample(ids, k))]
    with open(HERE / "sample-random.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "lang", "sampled_by"])
        w.writerows(out)
    print(f"{len(out)} ids -> sample-random.csv")


def draw_keyword(lang, k):
    taken = ids_in(HERE / "sample-random.csv") | ids_in(HERE / "sample-keyword.csv")
    pool = sorted(r["id"] for r in load(lang)
                  if r["id"] not in taken and KEYWORDS.search(r["title"] + "\n" + r["text"][:1200]))
    rng = random.Random(f"{SEED}-keyword-{lang}")
    picks = sorted(rng.sample(pool, k))
    path = HERE / "sample-keyword.csv"
    new = not path.exists()
    with open(path, "a", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        if new:
            w.writerow(["id", "lang", "sampled_by"])
        w.writerows((i, lang, "keyword") for i in picks)
    print(f"{len(picks)} keyword ids ({lang}, pool {len(pool)}) -> sample-keyword.csv")


def show(path, start=0, count=25, chars=1200):
    rows = list(csv.DictReader(open(HERE / path, encoding="utf-8")))[start:start + count]
    by_id = {}
    for lang in {r["lang"] for r in rows}:
        by_id.update({r["id"]: r for r in load(lang)})
    for n, row in enumerate(rows, start):
        a = by_id[row["id"]]
        print(f"=== [{n}] {a['id']}\nTITLE: {a['title']}\n{a['text'][:chars]}\n")


def draw_check(n):
    ids = sorted(r["id"] for r in csv.DictReader(open(HERE / "labels.csv", encoding="utf-8")))
    lang = {r["id"]: r["lang"] for r in csv.DictReader(open(HERE / "labels.csv", encoding="utf-8"))}
    rng = random.Random(f"{SEED}-check")
    picks = rng.sample(ids, n)          # drawn order, not sorted: the re-label sees them shuffled
    with open(HERE / "check-ids.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "lang", "sampled_by"])
        w.writerows((i, lang[i], "check") for i in picks)
    print(f"{len(picks)} ids -> check-ids.csv")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "random":
        draw_random()
    elif cmd == "keyword":
        draw_keyword(sys.argv[2], int(sys.argv[3]))
    elif cmd == "check":
        draw_check(int(sys.argv[2]))
    elif cmd == "show":
        show(sys.argv[2], *map(int, sys.argv[3:]))
