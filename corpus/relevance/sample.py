"""Draw the relevance-labelling sample (ids only; texts stay in ../shared/data/real-news/).

    python corpus/relevance/sample.py random            # -> sample-random.csv
    python corpus/relevance/sample.py keyword LANG N     # -> appends N keyword picks to sample-keyword.csv
    python corpus/relevance/sample.py keyword-fr N       # -> sample-keyword-fr.csv: N French picks, wider list
    python corpus/relevance/sample.py keyword-fr-wide N  # -> appends N picks by officials' titles (round 3)
    python corpus/relevance/sample.py random-more LANG N # -> sample-random-more.csv: N more random (training)
    python corpus/relevance/sample.py test N             # -> sample-test.csv: N per language, held out
    python corpus/relevance/sample.py show FILE [START [COUNT [CHARS]]]  # print articles for reading
    python corpus/relevance/sample.py check N            # -> check-ids.csv: N labelled ids for the blind re-label
    python corpus/relevance/sample.py check-new N        # -> check2-ids.csv: N of the round-2 labels (test too)

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
# The first list found 7 French relevant in 25 (its French words are few and "accord" hits "d'accord");
# this one names the French of cooperation, visits and public administration (round 2, French only).
KEYWORDS_FR = re.compile(
    r"coop[ée]ration|partenariat|m[ée]morandum|protocole d.accord|accords? (de|sur|entre|d.association|"
    r"de partenariat|bilat)|jumelage|intergouvernement|d[ée]l[ée]gation|visite (officielle|d.[ée]tat|de travail)|"
    r"ministre des affaires [ée]trang[èe]res|entretien t[ée]l[ée]phonique|s.est entretenu|ambassadeur|"
    r"num[ée]rique|administration publique|services? publics?|e-gouvernement|gouvernement [ée]lectronique",
    re.I)
# Round 3, after round 2 had used up its pool (70 articles, 19 relevant): officials and institutions by name.
KEYWORDS_FR_WIDE = re.compile(
    r"\bministr|pr[ée]sident|rencontr|visite|gouvernement|\bUE\b|union europ[ée]enne|OTAN|sign[ée]|parlement|"
    r"d[ée]put[ée]s?|maire|ambassad", re.I)


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


SAMPLES = ("sample-random.csv", "sample-keyword.csv", "sample-test.csv", "sample-keyword-fr.csv",
           "sample-random-more.csv", "labels.csv")


def taken_ids():
    """Every id already drawn for any purpose: a new draw never repeats one (and never a test id)."""
    return set().union(*(ids_in(HERE / name) for name in SAMPLES))


def write_ids(name, rows, append=False):
    path = HERE / name
    new = not path.exists() or not append
    with open(path, "a" if append else "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        if new:
            w.writerow(["id", "lang", "sampled_by"])
        w.writerows(rows)


def draw_test(k):
    """k per language, at random among the articles not drawn for labelling: the held-out test of the
    shipped model (never trained on; the random and keyword samples above are excluded)."""
    taken = taken_ids()
    out = []
    for lang in SIZES:
        ids = sorted(r["id"] for r in load(lang) if r["id"] not in taken)
        rng = random.Random(f"{SEED}-test-{lang}")
        out += [(i, lang, "test") for i in rng.sample(ids, k)]   # drawn order: read shuffled
    write_ids("sample-test.csv", out)
    print(f"{len(out)} ids -> sample-test.csv")


def draw_keyword_fr(k, wide=False):
    """k French articles matching KEYWORDS_FR (round 2) or KEYWORDS_FR_WIDE (round 3) among those not yet
    drawn (the test sample excluded)."""
    taken = taken_ids()
    pattern, tag = (KEYWORDS_FR_WIDE, "keyword3") if wide else (KEYWORDS_FR, "keyword2")
    pool = sorted(r["id"] for r in load("fr")
                  if r["id"] not in taken and pattern.search(r["title"] + "\n" + r["text"][:1200]))
    rng = random.Random(f"{SEED}-keyword-fr-{tag[-1]}")
    picks = rng.sample(pool, min(k, len(pool)))
    write_ids("sample-keyword-fr.csv", [(i, "fr", tag) for i in picks], append=True)
    print(f"{len(picks)} keyword ids (fr, pool {len(pool)}) -> sample-keyword-fr.csv")


def draw_random_more(lang, k):
    """k more random articles of one language among those not yet drawn (training labels)."""
    taken = taken_ids()
    ids = sorted(r["id"] for r in load(lang) if r["id"] not in taken)
    rng = random.Random(f"{SEED}-more-{lang}")
    write_ids("sample-random-more.csv", [(i, lang, "random2") for i in rng.sample(ids, k)], append=True)
    print(f"{k} random ids ({lang}, pool {len(ids)}) -> sample-random-more.csv")


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


def draw_check_new(n):
    """n ids drawn from the labels added in round 2 (the held-out test, the French random and keyword
    draws), in drawn order, for a second blind re-label (labels-check2.csv)."""
    lang = {}
    for name in ("sample-test.csv", "sample-random-more.csv", "sample-keyword-fr.csv"):
        lang.update({r["id"]: r["lang"] for r in csv.DictReader(open(HERE / name, encoding="utf-8"))})
    picks = random.Random(f"{SEED}-check-2").sample(sorted(lang), n)
    write_ids("check2-ids.csv", [(i, lang[i], "check2") for i in picks])
    print(f"{len(picks)} ids -> check2-ids.csv")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "random":
        draw_random()
    elif cmd == "keyword":
        draw_keyword(sys.argv[2], int(sys.argv[3]))
    elif cmd == "test":
        draw_test(int(sys.argv[2]))
    elif cmd in ("keyword-fr", "keyword-fr-wide"):
        draw_keyword_fr(int(sys.argv[2]), wide=cmd == "keyword-fr-wide")
    elif cmd == "random-more":
        draw_random_more(sys.argv[2], int(sys.argv[3]))
    elif cmd == "check-new":
        draw_check_new(int(sys.argv[2]))
    elif cmd == "check":
        draw_check(int(sys.argv[2]))
    elif cmd == "show":
        show(sys.argv[2], *map(int, sys.argv[3:]))
