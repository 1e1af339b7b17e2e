"""Ranking quality of ranked search on real text: three ways to order the same matches, compared.

A store of the real-news articles as they are (../shared/data/real-news, az/en/fr, saved oldest
first; built once into --db) and common words and names of that news, each searched in its language:
  prefix  FTS5's bm25 over the prefix query: how `newsmon search` ranked before `store/ranking.py`
          and still ranks a query whose terms are few (the reference);
  ranker  `ranking.Ranker`: the query's index terms, scored per prefix as bm25 scores the prefix query;
  terms   FTS5's bm25 over the OR of the index terms (a design not taken: each inflection weighs as a
          term of its own).
Reported per query and on average: overlap of each top 10 with the prefix top 10, whether the order is
identical, and how many of the top 10 have every query word in their title (a reader's sign that an
article is about the word). `--show QUERY` prints the three top 10s' titles side by side.

    .venv/bin/python benchmarks/rank_quality.py [--db /tmp/newsmon-realnews.db] [--show energy]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsmon.model import Article, Document, Segment  # noqa: E402
from newsmon.store import queries  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402
from newsmon.store.search import WORD, fold, fts_query, query_prefixes  # noqa: E402

QUERIES = [("Azərbaycan", "az"), ("Prezident", "az"), ("İlham Əliyev", "az"), ("Bakı", "az"), ("nazirlik", "az"),
           ("əməkdaşlıq", "az"), ("Ermənistan", "az"), ("iqtisadiyyat", "az"), ("Qarabağ", "az"), ("Rusiya", "az"),
           ("Türkiyə", "az"), ("enerji", "az"), ("neft", "az"), ("sülh", "az"), ("COP29", "az"), ("investisiya", "az"),
           ("agreement", "en"), ("president", "en"), ("trade", "en"), ("security", "en"), ("Ukraine", "en"),
           ("China", "en"), ("energy", "en"), ("memorandum", "en"), ("climate", "en"), ("Azerbaijan", "en"),
           ("Arménie", "fr"), ("Azerbaïdjan", "fr"), ("accord", "fr"), ("Karabakh", "fr"), ("génocide", "fr"),
           ("paix", "fr"), ("Macron", "fr"),
           ("İlham Əliyev Fransa", "az"), ("Prezident nazirlik", "az"), ("enerji təhlükəsizliyi", "az"),
           ("trade agreement", "en"), ("energy security", "en"), ("climate change", "en"), ("accord paix", "fr")]
TOP = 10


def build(path: Path, real_news: Path) -> None:
    rows = [json.loads(line) for lang in ("az", "en", "fr")
            for line in open(real_news / f"{lang}.jsonl", encoding="utf-8")]
    rows.sort(key=lambda r: (r.get("published") or "", r["id"]))  # oldest first: rowids in time order
    store = Store(path)
    with store.transaction():
        for i, r in enumerate(rows):
            doc = Document(url=f"{r['url']}#{i}", source=r["id"].rsplit("-", 1)[0], title=r["title"], text=r["text"],
                           published=(r.get("published") or "")[:10] or None, published_from="metadata",
                           lang_hint=r["lang"])
            store.save_article(Article(doc=doc, lang=r["lang"], lang_prob=1.0,
                                       segments=[Segment(0, len(r["text"]), r["lang"], 1.0)]))
    store.close()


def top(store: Store, query: str, lang: str, how: str) -> list[int] | None:
    """The top ids of `query` in `lang` ranked `how`; None when the ranker does not take the query."""
    if how == "terms":
        return [r[0] for r in store.db.execute(
            "select f.rowid from articles_fts f join articles a on a.id = f.rowid where articles_fts match ? "
            "and a.lang = ? and a.duplicate_of is null order by rank limit ?",
            [fts_query(query, store._index_terms), lang, TOP])]
    queries.PREFIX_MERGE_LIMIT = 0 if how == "ranker" else 10 ** 12
    if how == "ranker" and store._rank_words(query) is None:
        return None
    return [r["id"] for r in store.search(query, lang=lang, limit=TOP)]


def about(store: Store, ids: list[int], query: str) -> int:
    """How many of `ids` have every query word (as search matches it) in their title."""
    n = 0
    for (title,) in store.db.execute(f"select title from articles where id in ({','.join(map(str, ids))})"):
        folded = {fold(w, schwa) for w in WORD.findall(title or "") for schwa in "ea"}
        n += all(any(t.startswith(tuple(query_prefixes(w))) for t in folded) for w in WORD.findall(query))
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/newsmon-realnews.db"), help="built here if absent")
    parser.add_argument("--real-news", type=Path, default=REPO.parent / "shared" / "data" / "real-news")
    parser.add_argument("--show", metavar="QUERY", help="print the titles of the three top 10s of this query")
    args = parser.parse_args()
    if not args.db.exists():
        if not (args.real_news / "az.jsonl").is_file():
            print(f"needs {args.real_news} (the shared real-news texts)", file=sys.stderr)
            return 2
        build(args.db, args.real_news)
    store = Store(args.db, readonly=True)
    hows = ("prefix", "ranker", "terms")
    if args.show:
        lang = dict(QUERIES).get(args.show, "az")
        for how in hows:
            print(f"== {how}")
            for i in top(store, args.show, lang, how) or []:
                print("  ", store.db.execute("select title from articles where id = ?", [i]).fetchone()[0][:110])
        return 0
    print(f"{'query':<24} {'lang':<4} {'overlap@10 ranker':>17} {'terms':>6} {'same order ranker':>17} {'terms':>6} "
          f"{'title has the query: prefix':>28} {'ranker':>6} {'terms':>6}")
    totals = {k: 0.0 for k in ("ov_r", "ov_t", "same_r", "same_t", "about_p", "about_r", "about_t", "n", "taken")}
    for query, lang in QUERIES:
        prefix, ranker, terms = (top(store, query, lang, how) for how in hows)
        taken = ranker is not None
        ranker = ranker if taken else prefix  # a query the ranker leaves to the prefix query
        cells = [len(set(ranker) & set(prefix)), len(set(terms) & set(prefix)), ranker == prefix, terms == prefix,
                 about(store, prefix, query), about(store, ranker, query), about(store, terms, query)]
        for key, value in zip(("ov_r", "ov_t", "same_r", "same_t", "about_p", "about_r", "about_t"), cells):
            totals[key] += value
        totals["n"] += 1
        totals["taken"] += taken
        print(f"{query:<24} {lang:<4} {cells[0]:>17} {cells[1]:>6} {str(cells[2]):>17} {str(cells[3]):>6} "
              f"{cells[4]:>28} {cells[5]:>6} {cells[6]:>6}{'' if taken else '  (ranker: not taken, prefix query)'}")
    n = totals["n"]
    print(f"{'mean over ' + str(int(n)) + ' queries':<29} {totals['ov_r'] / n:>17.2f} {totals['ov_t'] / n:>6.2f} "
          f"{int(totals['same_r']):>14}/{int(n)} {int(totals['same_t']):>3}/{int(n)} {totals['about_p'] / n:>28.2f} "
          f"{totals['about_r'] / n:>6.2f} {totals['about_t'] / n:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
