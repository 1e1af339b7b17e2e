"""Agreement precision on random real news: a fixed sample of real-news articles, NOT chosen for agreement
vocabulary, whose agreement records were judged by hand against real-dev's conventions.

    .venv/bin/python benchmarks/realnews_agreement_precision.py                 # score, both halves
    .venv/bin/python benchmarks/realnews_agreement_precision.py --dump /tmp/r.json  # records, to judge
    .venv/bin/python benchmarks/realnews_agreement_precision.py --records /tmp/r.json  # score a dump again

The sample: --en/--az/--fr articles per language (80/80/60) drawn with a fixed seed from
../shared/data/real-news/{lang}.jsonl, leaving out any article real-dev's sources.jsonl names. Articles
at even positions of the draw are the tuning half, odd ones the held-out half (rules are written looking
at the tuning half only).

Judgements live in benchmarks/realnews_agreement_judgements.csv, one row per record the pipeline gave at
some point: `key` (article id, type, trigger offset), `verdict` (ok: the story reports the document as
signed, exchanged, planned, ratified or implemented; wrong: a law, a treaty only cited, a generic common
noun, a figure of speech), `parties` (for an ok record: ok / partial / wrong, judged for the parties in
`party_names`), and a one-line reason in our own words. No article text is stored: the pool is read by
path and never copied. Records the pipeline gives now that were never judged are listed (with their
sentence, on stdout only) so a person can judge them and add a row.

Precision = ok / (ok + wrong) over the judged records the pipeline gives now, per language and half.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from realnews_regression import POOL, read_pool, to_document  # noqa: E402

from newsmon.pipeline import Pipeline  # noqa: E402

DEV_SOURCES = REPO.parent / "shared" / "data" / "real-dev" / "sources.jsonl"
JUDGEMENTS = REPO / "benchmarks" / "realnews_agreement_judgements.csv"
SEED = 20261130
SIZES = {"en": 80, "az": 80, "fr": 60}  # articles drawn per language (realnews_agreement_recall.py leaves them out)
FIELDS = ("key", "lang", "half", "verdict", "parties", "party_names", "reason")


def sample(lang: str, n: int, seed: int = SEED) -> list[tuple[str, dict]]:
    """(half, row) for `n` articles of `lang` drawn with `seed`, real-dev's articles left out."""
    dev = [json.loads(line) for line in open(DEV_SOURCES, encoding="utf-8")] if DEV_SOURCES.exists() else []
    dev_urls = {d["url"] for d in dev if d.get("url")}
    rows = [r for r in read_pool(POOL, lang, None) if not (r.get("url") and r["url"] in dev_urls)]
    drawn = random.Random(f"{seed}-{lang}").sample(rows, min(n, len(rows)))
    return [("tune" if i % 2 == 0 else "heldout", row) for i, row in enumerate(drawn)]


def records(sizes: dict[str, int]) -> list[dict]:
    """Every agreement record the current pipeline gives on the sample."""
    pipeline = Pipeline(relevance=None)
    out = []
    for lang, n in sizes.items():
        for half, row in sample(lang, n):
            article = pipeline.process(to_document(row))
            for a in article.agreements:
                out.append({"key": f"{row['id']}:{a.type}:{a.start}", "lang": lang, "half": half,
                            "type": a.type, "status": a.status, "title": a.title,
                            "party_names": "|".join(p.name for p in a.parties),
                            "date": (a.date_signed or {}).get("value"), "sentence": a.sentence[:500]})
    return out


def load_judgements(path: Path = JUDGEMENTS) -> dict[str, dict]:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        return {row["key"]: row for row in csv.DictReader(f)}


def score(recs: list[dict], judged: dict[str, dict]) -> tuple[dict, list[dict]]:
    """Per (lang, half): ok, wrong, parties ok among ok records; and the records never judged."""
    table: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    unjudged = []
    for r in recs:
        j = judged.get(r["key"])
        if j is None:
            unjudged.append(r)
            continue
        cell = table[(r["lang"], r["half"])]
        cell[j["verdict"]] += 1
        if j["verdict"] == "ok":
            # the parties were judged for the names given then; other names need a new look
            same = j["party_names"] == r["party_names"]
            cell["parties_" + (j["parties"] if same else "rejudge")] += 1
    return table, unjudged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for lang, n in SIZES.items():
        ap.add_argument(f"--{lang}", type=int, default=n)
    ap.add_argument("--half", choices=("tune", "heldout"), help="list unjudged records of this half only")
    ap.add_argument("--dump", help="write the current records as JSON here (outside the repository)")
    ap.add_argument("--records", help="score the records of an earlier --dump instead of running the pipeline")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    if not POOL.exists():
        print(f"no real-news pool at {POOL}: nothing to score", file=sys.stderr)
        return 1
    if args.records:
        recs = json.loads(Path(args.records).read_text(encoding="utf-8"))
    else:
        recs = records({"en": args.en, "az": args.az, "fr": args.fr})
    if args.dump:
        Path(args.dump).write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")
    table, unjudged = score(recs, load_judgements())
    rows = []
    for (lang, half), cell in sorted(table.items()):
        judged = cell["ok"] + cell["wrong"]
        rows.append({"lang": lang, "half": half, "records": judged, "ok": cell["ok"], "wrong": cell["wrong"],
                     "precision": round(cell["ok"] / judged, 3) if judged else None,
                     "parties_ok": cell["parties_ok"], "parties_partial": cell["parties_partial"],
                     "parties_wrong": cell["parties_wrong"], "parties_rejudge": cell["parties_rejudge"]})
    for half in ("tune", "heldout"):
        ok = sum(r["ok"] for r in rows if r["half"] == half)
        n = sum(r["records"] for r in rows if r["half"] == half)
        rows.append({"lang": "all", "half": half, "records": n, "ok": ok, "wrong": n - ok,
                     "precision": round(ok / n, 3) if n else None})
    if args.json:
        print(json.dumps({"scores": rows, "unjudged": len(unjudged)}, indent=1))
    else:
        print(f"{'lang':4} {'half':8} {'records':>7} {'ok':>4} {'wrong':>5} {'P':>6}  parties ok/partial/wrong/rejudge")
        for r in rows:
            p = "-" if r["precision"] is None else f"{r['precision']:.3f}"
            parties = "/".join(str(r.get(k, "")) for k in
                               ("parties_ok", "parties_partial", "parties_wrong", "parties_rejudge"))
            print(f"{r['lang']:4} {r['half']:8} {r['records']:7d} {r['ok']:4d} {r['wrong']:5d} {p:>6}  {parties}")
    todo = [r for r in unjudged if args.half in (None, r["half"])]
    if todo:
        print(f"\n{len(todo)} records never judged:")
        for r in todo:
            print(f"  {r['key']} [{r['lang']} {r['half']}] {r['type']}/{r['status']} "
                  f"parties={r['party_names']!r} date={r['date']}\n      {r['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
