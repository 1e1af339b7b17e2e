"""Store at scale: build databases of N articles through the store API, then time every query.

Articles are recombined from the real-news texts (../shared/data/real-news): paragraphs of random
articles of one language until ~350 words, a title, a source (30 per language), publication dates
over five years in roughly crawl order, a simulated fetch clock (one day per N/1000 articles), ~15
mentions over 20,000 entities (Zipf: the top entity is in most articles), 3 dates, an agreement in
one article of five (two parties), 5% duplicates, the raw HTML page (boilerplate + text) and a
fingerprint (random MinHash minima: computing them is the crawler's CPU, not the store's), all
saved through the store's bulk path (`Store.save_pages`, one transaction per 500 pages; a store
without it, such as the baseline's, saves page by page as its crawler did). One database grows
through the sizes given; reported at each: build rate per tenth (growth), bytes per article and
what they are (dbstat), p50/p95 of each query through the API (warm) and through the CLI (a process
per call; the CLI's start-up, `newsmon --version`, measured in the same run and subtracted), export
throughput and peak RSS (the whole corpus through `newsmon export`). With several sizes, each
query's CPU p95 is fitted against log(size) and against size, and both fits predict 1M articles.
The baseline (--baseline REF) is the same articles written by the store at a git commit, checked
out in a temporary worktree.

    .venv/bin/python benchmarks/bench_store.py                                    # make bench: 2k-10k
    .venv/bin/python benchmarks/bench_store.py --sizes 10000,50000,200000 --baseline-size 5000 --keep
    .venv/bin/python benchmarks/bench_store.py --db /tmp/newsmon-bench-10000.db,/tmp/newsmon-bench-50000.db
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# --store-code DIR: the newsmon package of another checkout (the baseline: the store before issue 13)
CODE = Path(sys.argv[sys.argv.index("--store-code") + 1]) if "--store-code" in sys.argv else REPO
sys.path.insert(0, str(CODE))

import numpy as np  # noqa: E402

from newsmon.crawl import dedupe  # noqa: E402
from newsmon.model import Agreement, Article, DateMention, Document, Mention, Party, Segment  # noqa: E402
from newsmon.store import articles as store_module  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402

LANGS = ("az", "en", "fr")
BASELINE = "0e5fc42"  # the last commit of newsmon/store before the issue-13 work (git log -- newsmon/store)
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
    bulk = hasattr(store, "save_pages")  # the store before issue 13 saved page by page
    tenth = max(1, (n - start) // 10)
    rates, t = [], time.perf_counter()

    def pages(lo: int, hi: int):
        for i in range(lo, hi):
            article, html = corpus.article(i, total)
            duplicate_of = corpus.rng.randrange(1, i + 1) if i > 10 and corpus.rng.random() < 0.05 else None
            # MinHash of the text is the crawler's CPU, not the store's: random minima of the same shape
            signature = dedupe.Signature(np.frombuffer(corpus.rng.randbytes(4 * dedupe.NUM_PERM), dtype="<u4"))
            yield article, html, duplicate_of, signature

    for lo in range(start, n, tenth):
        hi = min(n, lo + tenth)
        if bulk:
            store.save_pages(store_module.Page(
                article, store_module.Response(a.doc.url, a.doc.url, a.doc.source, 200, "text/html",
                                               {"content-type": "text/html"}, html, a.doc.published),
                signature.to_bytes(), signature.bands(), duplicate_of)
                for article, html, duplicate_of, signature in pages(lo, hi) for a in [article])
        else:
            for article, html, duplicate_of, signature in pages(lo, hi):
                # as the crawler saved a page: the response at once, then the article, its
                # fingerprint and the link to the response in one transaction
                doc = article.doc
                store.save_raw_page(doc.url, doc.url, doc.source, 200, "text/html",
                                    {"content-type": "text/html"}, html, doc.published)
                with store.transaction():
                    article_id = store.save_article(article, None, duplicate_of=duplicate_of)
                    store.save_fingerprint(article_id, signature.to_bytes(), signature.bands())
                    store.link_raw_page(doc.url, article_id)
        now = time.perf_counter()
        rates.append((hi - lo) / (now - t))
        t = now
        print(f"  built {hi:,} ({rates[-1]:.0f}/s)", file=sys.stderr, flush=True)
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
    # the last whole day of the simulated crawl (the last day holds only what was fetched before the end)
    last_day = store.db.execute("select date(max(fetched_at), '-1 day') from articles").fetchone()[0]
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
        # --until too: without it the period runs to now, and the previous period (the digest's
        # comparison) would cover the whole simulated crawl
        ("digest (one day)", lambda s: s.digest(last_day, until=last_day),
         ["digest", "--since", last_day, "--until", last_day]),
        ("stats", lambda s: s.stats(), ["stats"]),
    ]


def cli(args: list[str]) -> tuple[float, float, int, int]:
    """One CLI process: wall seconds, CPU seconds, peak RSS (KB) and exit status (os.wait4: this
    child's own figures, not the maximum over every child so far)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newsmon", *args], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(REPO)})
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - t, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode


def measure(path: Path, cli_runs: int, api_runs: int, export: bool = True) -> dict[str, tuple[float, float]]:
    """p50/p95 of each query: wall and CPU time through the API (warm), wall and CPU time of a CLI
    process per call, and the CLI's start-up (`newsmon --version`) measured in the same run, with
    each CLI call's p50/p95 less that start-up's. CPU time is what the call costs; wall time adds
    whatever else runs on the machine (on a shared machine, compare the CPU columns). Returns
    {query: (API CPU p95, CLI-less-start CPU p95)} in ms, for the growth fit."""
    mix = queries(path)
    store = Store(path)
    print(f"load average {os.getloadavg()[0]:.1f}")
    # every module's bytecode current first, as in any installed newsmon after its first run: with
    # PYTHONDONTWRITEBYTECODE set, a module edited since its .pyc was written is compiled again in
    # every CLI process (tens of ms, only for the modules a query imports beyond --version)
    import compileall
    compileall.compile_dir(REPO / "newsmon", quiet=1)
    start = [cli(["--version"]) for _ in range(max(cli_runs, 5))]
    start_wall, start_cpu = percentiles([r[0] for r in start]), percentiles([r[1] for r in start])
    print(f"CLI start-up (newsmon --version), p50/p95: wall {start_wall[0]:.0f}/{start_wall[1]:.0f} ms, "
          f"CPU {start_cpu[0]:.0f}/{start_cpu[1]:.0f} ms")
    print(f"{'query':<36} {'API p50':>8} {'p95':>6} {'cpu p50':>8} {'p95 ms':>7} {'CLI p50':>8} {'p95':>6} "
          f"{'cpu p50':>8} {'p95 ms':>7} {'CLI-start cpu p50':>18} {'p95':>6}")
    results = {}
    for name, call, args in mix:
        call(store)  # warm
        api, api_cpu = [], []
        for _ in range(api_runs):
            t, c = time.perf_counter(), time.process_time()
            call(store)
            api.append(time.perf_counter() - t)
            api_cpu.append(time.process_time() - c)
        runs = [cli(["--db", str(path), *args]) for _ in range(cli_runs)]
        if any(r[3] for r in runs):
            print(f"  {name}: CLI failed (exit {[r[3] for r in runs]})", file=sys.stderr)
        cells = [v for times in (api, api_cpu, [r[0] for r in runs], [r[1] for r in runs])
                 for v in percentiles(times)]
        over = (cells[6] - start_cpu[0], cells[7] - start_cpu[1])
        results[name] = (cells[3], over[1])
        print(f"{name:<36} " + " ".join(f"{v:{w}.1f}" for v, w in zip(cells + list(over),
                                                                      (8, 6, 8, 7, 8, 6, 8, 7, 18, 6))),
              flush=True)
    t = time.perf_counter()
    exported = sum(1 for _ in zip(range(5000), store.export()))
    print(f"export through the API: {exported / (time.perf_counter() - t):,.0f} articles/s (first {exported:,})")
    store.close()
    if export:
        n = Store(path, readonly=True).db.execute("select count(*) from articles where duplicate_of is null").fetchone()[0]
        wall, cpu, rss, status = cli(["--db", str(path), "export", "--format", "jsonl", "--out", os.devnull])
        print(f"newsmon export --format jsonl (all {n:,} articles): {n / wall:,.0f} articles/s, "
              f"peak RSS {rss / 1024:.0f} MB{' FAILED' if status else ''}", flush=True)
    return results


def fit(sizes: list[int], results: list[dict[str, tuple[float, float]]], at: int = 1_000_000) -> None:
    """p95 against size: least squares on log(size) (logarithmic growth) and on size (linear); each
    fit's prediction at `at` articles, and the ratio of the last p95 to the first beside the ratio
    of the sizes. The fit with the smaller residual is the one to believe."""
    if len(sizes) < 3:
        return
    x = np.array(sizes, dtype=float)
    print(f"\n== growth of CPU p95 over {', '.join(f'{s:,}' for s in sizes)} articles, predicted at {at:,} "
          f"(size ratio {x[-1] / x[0]:.0f}x)")
    print(f"{'query':<36} {'':>4} {'p95 each size (ms)':>26} {'last/first':>10} {'log fit':>8} {'resid':>6} "
          f"{'linear fit':>10} {'resid':>6}")
    for name in results[0]:
        for k, kind in ((0, "API"), (1, "CLI")):
            y = np.array([r[name][k] for r in results])
            cells = []
            for feature in (np.log(x), x):
                coef = np.polyfit(feature, y, 1)
                resid = float(np.sqrt(np.mean((np.polyval(coef, feature) - y) ** 2)))
                target = np.log(at) if feature is not x else at
                cells += [float(np.polyval(coef, target)), resid]
            print(f"{name:<36} {kind:>4} {' '.join(f'{v:7.1f}' for v in y):>26} {y[-1] / max(y[0], 0.1):10.1f} "
                  f"{cells[0]:8.0f} {cells[1]:6.1f} {cells[2]:10.0f} {cells[3]:6.1f}")


def baseline(ref: str, n: int, real_news: Path, directory: Path) -> None:
    """Bytes per article of the store at git `ref` (the store before issue 13) on the same articles:
    its code checked out in a temporary worktree, this script run against it (`--store-code`)."""
    work = Path(tempfile.mkdtemp(prefix="newsmon-baseline-", dir=directory))
    checkout = work / "src"
    added = subprocess.run(["git", "worktree", "add", "--detach", str(checkout), ref], cwd=REPO,
                           capture_output=True, text=True)
    if added.returncode:
        print(f"baseline skipped: cannot check out {ref} ({added.stderr.strip()[-200:]})", flush=True)
        shutil.rmtree(work, ignore_errors=True)
        return
    try:
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--store-code", str(checkout),
                              "--sizes", str(n), "--dir", str(work), "--build-only", "--real-news", str(real_news),
                              "--baseline", ""],  # the child builds only: without this it checks out a baseline again
                             capture_output=True, text=True, check=True)
        print(f"\n== baseline: the store at {ref} (before issue 13), same articles\n{out.stdout}", flush=True)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(checkout)], cwd=REPO, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="2000,5000,10000", help="comma-separated article counts to build "
                        "(the default is make bench's small run; the README's figures: 10000,50000,200000)")
    parser.add_argument("--dir", type=Path, default=Path("/tmp"), help="where the databases go")
    parser.add_argument("--keep", action="store_true", help="keep a copy of the database at each size (default: deleted)")
    parser.add_argument("--db", help="measure these databases (comma-separated) instead of building")
    parser.add_argument("--build-only", action="store_true", help="build and report sizes, no queries")
    parser.add_argument("--no-export", action="store_true", help="skip the full CLI export at each size")
    parser.add_argument("--baseline", metavar="REF", default=BASELINE, help="also build the smallest size with the store at "
                        "this git commit (default: the store before issue 13; '' for none) and report its bytes")
    parser.add_argument("--baseline-size", type=int, help="articles in the baseline build (default: the "
                        "smallest size; the old store writes ~4x slower)")
    parser.add_argument("--store-code", type=Path, help="import newsmon from this checkout (see baseline)")
    parser.add_argument("--api-runs", type=int, default=40)
    parser.add_argument("--cli-runs", type=int, default=5)
    parser.add_argument("--real-news", type=Path, default=REPO.parent / "shared" / "data" / "real-news")
    args = parser.parse_args(argv)
    if args.db:  # measure databases kept by an earlier run (--keep), and fit their growth
        paths = [Path(p) for p in args.db.split(",")]
        results, counts = [], []
        for path in paths:
            conn = sqlite3.connect(path)
            counts.append(conn.execute("select count(*) from articles").fetchone()[0])
            conn.close()
            print(f"\n== {path} ({counts[-1]:,} articles, {path.stat().st_size / counts[-1] / 1024:.1f} KB per article)")
            results.append(measure(path, args.cli_runs, args.api_runs, export=not args.no_export))
        fit(counts, results)
        return 0
    if not (args.real_news / "az.jsonl").is_file():
        print(f"needs {args.real_news} (the shared real-news texts)", file=sys.stderr)
        return 2
    checkpoints = sorted(int(x) for x in args.sizes.split(","))
    if args.baseline:
        baseline(args.baseline, args.baseline_size or checkpoints[0], args.real_news, args.dir)
    corpus = Corpus(args.real_news, random.Random(13))
    # One database grows through the sizes: each is measured when the build reaches it.
    path = args.dir / f"newsmon-bench-{os.getpid()}-{checkpoints[-1]}.db"
    built, results = 0, []
    try:
        for n in checkpoints:
            t = time.perf_counter()
            rates = build(path, built, n, checkpoints[-1], corpus)
            elapsed = time.perf_counter() - t
            conn = sqlite3.connect(path)
            conn.execute("pragma wal_checkpoint(truncate)")  # the file's size is all of the data
            conn.close()
            size = path.stat().st_size
            print(f"\n== {n:,} articles: {n - built:,} more built in {elapsed:.0f} s ({(n - built) / elapsed:.0f}/s; "
                  f"per tenth {' '.join(f'{r:.0f}' for r in rates)}); {size / 1e6:,.0f} MB, "
                  f"{size / n / 1024:.1f} KB per article", flush=True)
            built = n
            for table, nbytes in sizes(path):
                if nbytes / n >= 20:
                    print(f"   {table:<34} {nbytes / n:8.0f} bytes/article")
            if args.keep:  # a copy at each size, to measure again later (--db)
                copy = args.dir / f"newsmon-bench-{n}.db"
                copy.unlink(missing_ok=True)
                with sqlite3.connect(path) as src, sqlite3.connect(copy) as dst:
                    src.backup(dst)
                print(f"   kept as {copy}")
            if args.build_only:
                continue
            results.append(measure(path, args.cli_runs, args.api_runs, export=not args.no_export))
            print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB",
                  flush=True)
        if results:
            fit(checkpoints, results)
    finally:
        for suffix in ("", "-wal", "-shm"):  # the copies kept at each size stay (--keep)
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
