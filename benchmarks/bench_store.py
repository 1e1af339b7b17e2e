"""Store at scale: build databases of N articles through the store API, then time every query.

Articles are recombined from the real-news texts (../shared/data/real-news): paragraphs of random
articles of one language until ~350 words, a title, a source (30 per language), publication dates
over five years in roughly crawl order, a simulated fetch clock (one day per N/1000 articles), ~15
mentions over 20,000 entities (Zipf: the top entity is in most articles), 3 dates, an agreement in
one article of five (two parties), 5% duplicates, the raw HTML page (boilerplate + text) and a
fingerprint (random MinHash minima: computing them is the crawler's CPU, not the store's), all
saved the way the crawler saves them (`save_raw_page`, `save_article`,
`save_fingerprint`). One database grows through the sizes given; reported at each: build rate per tenth (growth), bytes per article and what
they are (dbstat), p50/p95 of each query through the API (warm) and through the CLI (a process per
call), export throughput and peak RSS.

    .venv/bin/python benchmarks/bench_store.py --sizes 50000,100000,200000 [--dir /tmp] [--keep]
    .venv/bin/python benchmarks/bench_store.py --db existing.db --queries-only
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from newsmon.crawl import dedupe  # noqa: E402
from newsmon.model import Agreement, Article, DateMention, Document, Mention, Party, Segment  # noqa: E402
from newsmon.store import articles as store_module  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402

LANGS = ("az", "en", "fr")
N_ENTITIES = 20_000
START = date(2020, 1, 1)
BOILERPLATE = "".join(f'<li><a href="/section/{i}">Section {i} news and reports</a></li>' for i in range(120))


class Corpus:
    """Paragraphs of the real-news texts per language, and capitalised words for entity names."""

    def __init__(self, real_news: Path, rng: random.Random) -> None:
        self.rng = rng
        self.paragraphs: dict[str, list[str]] = {}
        words: set[str] = set()
        for lang in LANGS:
            paras = []
            with open(real_news / f"{lang}.jsonl", encoding="utf-8") as fh:
                for line in fh:
                    for p in json.loads(line)["text"].split("\n"):
                        if len(p.split()) >= 8:
                            paras.append(p)
                            words.update(w for w in p.split() if w[:1].isupper() and w.isalpha() and len(w) > 3)
            self.paragraphs[lang] = paras
        vocab = sorted(words)
        self.entities = []
        for k in range(N_ENTITIES):
            label = ("ORG", "PERSON", "LOC")[k % 3]
            name = f"{rng.choice(vocab)} {rng.choice(vocab)}"
            self.entities.append((f"{label.lower()}:e{k}", name, label))
        weights = [1 / (k + 1) for k in range(N_ENTITIES)]  # Zipf, s = 1
        total = sum(weights)
        self.cumulative = []
        acc = 0.0
        for w in weights:
            acc += w / total
            self.cumulative.append(acc)

    def entity(self) -> tuple[str, str, str]:
        import bisect
        return self.entities[min(bisect.bisect_left(self.cumulative, self.rng.random()), N_ENTITIES - 1)]

    def article(self, i: int, n: int) -> tuple[Article, bytes]:
        rng = self.rng
        lang = rng.choice(LANGS)
        paras, words = [], 0
        while words < 350:
            p = rng.choice(self.paragraphs[lang])
            paras.append(p)
            words += len(p.split())
        title = paras[0][:90]
        text = title + "\n" + "\n".join(paras)
        day = START + timedelta(days=int(1826 * i / n) + rng.randint(-3, 3))
        source = f"{lang}-source-{rng.randrange(30)}"
        doc = Document(url=f"https://{source}.example/{i}", source=source, title=title, text=text,
                       published=day.isoformat(), published_from="metadata", lang_hint=lang)
        mentions = []
        for _ in range(15):
            eid, name, label = self.entity()
            at = rng.randrange(max(1, len(text) - 40))
            mentions.append(Mention(name, label, at, at + len(name), lang, eid, name))
        dates = [DateMention(day.isoformat(), day.isoformat(), "day", 5 * k, 5 * k + 10) for k in range(3)]
        agreements = []
        if rng.random() < 0.2:
            parties = [self.entity() for _ in range(2)]
            agreements.append(Agreement("memorandum", "Memorandum of understanding",
                                        [Party(name, name, eid) for eid, name, _ in parties],
                                        {"value": day.isoformat(), "precision": "day"}, None, "signed",
                                        paras[0][:200], 0, 100))
        article = Article(doc=doc, lang=lang, lang_prob=0.99, segments=[Segment(0, len(text), lang, 0.99)],
                          mentions=sorted(mentions, key=lambda m: m.start), dates=dates, agreements=agreements)
        html = (f"<html lang='{lang}'><head><title>{title}</title></head><body><nav><ul>{BOILERPLATE}</ul></nav>"
                f"<article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paras)
                + f"</article><footer>{BOILERPLATE}</footer></body></html>")
        return article, html.encode("utf-8")


def build(path: Path, start: int, n: int, total: int, corpus: Corpus) -> list[float]:
    """Save articles start..n-1 of a database that will hold `total`; the rate (articles/s) of each
    tenth of them."""
    clock = [datetime(2025, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=86400 * 1000 / total * start)]
    step = timedelta(seconds=86400 * 1000 / total)  # the whole build spans total/1000 simulated days

    def now_iso() -> str:
        clock[0] += step
        return clock[0].isoformat(timespec="seconds")
    store_module.now_iso = now_iso  # the store's fetch clock: a crawl of many days
    store = Store(path)
    store.relax_sync()
    tenth = max(1, (n - start) // 10)
    rates, t = [], time.perf_counter()
    for i in range(start, n):
        article, html = corpus.article(i, total)
        doc = article.doc
        duplicate_of = corpus.rng.randrange(1, i + 1) if i > 10 and corpus.rng.random() < 0.05 else None
        # as the crawler saves a page: the response at once, then the article, its fingerprint and
        # the link to the response in one transaction
        store.save_raw_page(doc.url, doc.url, doc.source, 200, "text/html", {"content-type": "text/html"},
                            html, doc.published)
        # MinHash of the text is the crawler's CPU, not the store's: random minima of the same shape
        signature = dedupe.Signature(np.frombuffer(corpus.rng.randbytes(4 * dedupe.NUM_PERM), dtype="<u4"))
        with store.transaction():
            article_id = store.save_article(article, None, duplicate_of=duplicate_of)
            store.save_fingerprint(article_id, signature.to_bytes(), signature.bands())
            store.link_raw_page(doc.url, article_id)
        if (i + 1 - start) % tenth == 0:
            now = time.perf_counter()
            rates.append(tenth / (now - t))
            t = now
            print(f"  built {i + 1:,} ({rates[-1]:.0f}/s)", file=sys.stderr, flush=True)
    store.close()
    return rates


def sizes(path: Path) -> list[tuple[str, int]]:
    """Bytes per table with its indexes (dbstat), largest first."""
    import sqlite3
    conn = sqlite3.connect(path)
    names = dict(conn.execute("select name, tbl_name from sqlite_master where type in ('table', 'index')"))
    out: dict[str, int] = {}
    for name, size in conn.execute("select name, sum(pgsize) from dbstat group by name"):
        table = names.get(name, name)
        if table.startswith("articles_fts"):
            table = "articles_fts (full-text index)"
        out[table] = out.get(table, 0) + size
    conn.close()
    return sorted(out.items(), key=lambda kv: -kv[1])


def percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times) * 1000, times[min(len(times) - 1, int(0.95 * len(times)))] * 1000


def queries(path: Path) -> list[tuple[str, object, list[str]]]:
    """(name, API call, CLI arguments) for the query mix, from what the database holds."""
    store = Store(path)
    top = store.top_entities(top=1)[0]["id"]
    mid = store.top_entities(top=300)[-1]["id"]
    party = store.db.execute("select entity_id from agreement_parties where entity_id is not null "
                             "group by entity_id order by count(*) desc limit 1").fetchone()[0]
    last_day = store.db.execute("select max(fetched_at) from articles").fetchone()[0][:10]
    words = {"common": "development", "mid": "parliament", "rare": "cooperation agency", "az": "Azərbaycan"}
    store.close()
    return [
        ("search ranked, common word", lambda s: s.search(words["common"]), ["search", words["common"]]),
        ("search ranked, two words", lambda s: s.search(words["rare"]), ["search", words["rare"]]),
        ("search ranked, az word --lang az", lambda s: s.search(words["az"], lang="az"),
         ["search", words["az"], "--lang", "az"]),
        ("search ranked, phrase", lambda s: s.search('"prime minister"'), ["search", '"prime minister"']),
        ("search ranked --since", lambda s: s.search(words["mid"], since="2024-06-01"),
         ["search", words["mid"], "--since", "2024-06-01"]),
        ("search newest, common word", lambda s: s.search(words["common"], sort="newest"),
         ["search", words["common"], "--sort", "newest"]),
        ("search newest --lang fr", lambda s: s.search(words["mid"], lang="fr", sort="newest"),
         ["search", words["mid"], "--lang", "fr", "--sort", "newest"]),
        ("search newest, phrase", lambda s: s.search('"prime minister"', sort="newest"),
         ["search", '"prime minister"', "--sort", "newest"]),
        ("entity, top entity", lambda s: s.entity(top, limit=20), ["entity", top, "--limit", "20"]),
        ("entity, 300th entity", lambda s: s.entity(mid, limit=20), ["entity", mid, "--limit", "20"]),
        ("entities --limit 20", lambda s: s.top_entities(top=20), ["entities", "--limit", "20"]),
        ("entities --lang az", lambda s: s.top_entities(lang="az", top=20), ["entities", "--lang", "az"]),
        ("agreements --party (top party)", lambda s: s.agreements([party], None, limit=20),
         ["agreements", "--party", party, "--limit", "20"]),
        ("digest (one day)", lambda s: s.digest(last_day), ["digest", "--since", last_day]),
        ("stats", lambda s: s.stats(), ["stats"]),
    ]


def measure(path: Path, cli_runs: int, api_runs: int) -> None:
    """p50/p95 of each query: wall and CPU time through the API (warm), wall and CPU time of a CLI
    process per call. CPU time is what the call costs; wall time adds whatever else runs on the
    machine (on a shared machine, compare the CPU columns)."""
    mix = queries(path)
    store = Store(path)
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'query':<36} {'API p50':>8} {'p95':>6} {'cpu p50':>8} {'p95 ms':>7} {'CLI p50':>8} {'p95':>6} "
          f"{'cpu p50':>8} {'p95 ms':>7}")
    for name, call, args in mix:
        call(store)  # warm
        api, api_cpu = [], []
        for _ in range(api_runs):
            t, c = time.perf_counter(), time.process_time()
            call(store)
            api.append(time.perf_counter() - t)
            api_cpu.append(time.process_time() - c)
        cli, cli_cpu = [], []
        for _ in range(cli_runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            out = subprocess.run([sys.executable, "-m", "newsmon", "--db", str(path), *args], cwd=REPO,
                                 capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)})
            cli.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cli_cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if out.returncode:
                print(f"  {name}: CLI failed: {out.stderr.decode()[-300:]}", file=sys.stderr)
        cells = [v for times in (api, api_cpu, cli, cli_cpu) for v in percentiles(times)]
        print(f"{name:<36} " + " ".join(f"{v:{w}.1f}" for v, w in zip(cells, (8, 6, 8, 7, 8, 6, 8, 7))),
              flush=True)
    t = time.perf_counter()
    exported = sum(1 for _ in zip(range(5000), store.export()))
    print(f"export: {exported / (time.perf_counter() - t):,.0f} articles/s (first {exported:,})")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsmon", "--version"], capture_output=True, cwd=REPO,
                   env={**os.environ, "PYTHONPATH": str(REPO)})
    print(f"CLI start (newsmon --version): {1000 * (time.perf_counter() - t):.0f} ms")
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100000", help="comma-separated article counts to build")
    parser.add_argument("--dir", type=Path, default=Path("/tmp"), help="where the databases go")
    parser.add_argument("--keep", action="store_true", help="keep the databases (default: deleted)")
    parser.add_argument("--db", type=Path, help="measure this database instead of building")
    parser.add_argument("--queries-only", action="store_true")
    parser.add_argument("--api-runs", type=int, default=40)
    parser.add_argument("--cli-runs", type=int, default=5)
    parser.add_argument("--real-news", type=Path, default=REPO.parent / "shared" / "data" / "real-news")
    args = parser.parse_args(argv)
    if args.db:
        measure(args.db, args.cli_runs, args.api_runs)
        return 0
    if not (args.real_news / "az.jsonl").is_file():
        print(f"needs {args.real_news} (the shared real-news texts)", file=sys.stderr)
        return 2
    corpus = Corpus(args.real_news, random.Random(13))
    # One database grows through the sizes: each is measured when the build reaches it.
    checkpoints = sorted(int(x) for x in args.sizes.split(","))
    path = args.dir / f"newsmon-bench-{checkpoints[-1]}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    built = 0
    for n in checkpoints:
        t = time.perf_counter()
        rates = build(path, built, n, checkpoints[-1], corpus)
        elapsed = time.perf_counter() - t
        size = path.stat().st_size
        print(f"\n== {n:,} articles: {n - built:,} more built in {elapsed:.0f} s ({(n - built) / elapsed:.0f}/s; "
              f"per tenth {' '.join(f'{r:.0f}' for r in rates)}); {size / 1e6:,.0f} MB, "
              f"{size / n / 1024:.1f} KB per article", flush=True)
        built = n
        for table, nbytes in sizes(path):
            if nbytes / n >= 20:
                print(f"   {table:<34} {nbytes / n:8.0f} bytes/article")
        measure(path, args.cli_runs, args.api_runs)
        print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
              flush=True)
    if not args.keep:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
