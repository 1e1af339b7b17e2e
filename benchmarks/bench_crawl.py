"""Crawl benchmark on loopback: pages per second, CPU seconds per page, and what an unchanged second
run costs in requests (target: only robots.txt and feeds, every one a 304).

The fixture sites (N hosts, each with robots.txt, an RSS feed with an ETag and its article pages)
are served by a separate process, so the CPU time measured is the crawler's own: fetch threads,
feed parsing, trafilatura extraction, dedupe fingerprints and SQLite writes. The NLP pipeline is the
model-free FakePipeline: this measures the crawler, not spaCy. Politeness delay is 0 (our own
loopback servers); per-host concurrency 2 and 8 workers, as by default. Extraction and the (fake)
NLP run in --processes worker processes, as `newsmon crawl` runs them (started before the clock:
a crawl starts them once); the CPU figure is the main process's (fetching, dedupe, SQLite).

    .venv/bin/python benchmarks/bench_crawl.py [--hosts 20] [--pages 2000] [--workers 8] [--processes N]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def serve(hosts: int, pages: int) -> None:
    """Child process: start the sites, print their base URLs as JSON, serve until stdin closes."""
    from fixture_sites import Site, article_html, rss, story
    sites = [Site() for _ in range(hosts)]
    per_host = pages // hosts
    for h, site in enumerate(sites):
        site.page("/robots.txt", "User-agent: *\nDisallow: /admin/\n", content_type="text/plain",
                  etag=f'"r{h}"')
        items = []
        for i in range(per_host):
            n = h * per_host + i
            site.page(f"/news/{i}.html", article_html(f"Story {n}", story(n, words=300)))
            # dates interleave hosts, so the crawl order (earliest first) spreads over all of them
            items.append((f"Story {n}", f"/news/{i}.html",
                          f"{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i % 7]}, "
                          f"{1 + i % 28:02d} Sep 2025 {i % 24:02d}:{h % 60:02d}:00 +0000"))
        site.page("/rss.xml", rss(items), content_type="application/rss+xml", etag=f'"f{h}"')

    def stats(handler):
        data = json.dumps([site.statuses for site in sites]).encode()
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
    sites[0].routes["/__stats"] = stats
    print(json.dumps([site.base for site in sites]), flush=True)
    sys.stdin.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--processes", type=int, default=None, help="default: one per core")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.hosts, args.pages)
        return

    from newsmon.crawl.crawler import Crawler
    from newsmon.fake_pipeline import FakePipeline
    from newsmon.crawl.fetch import Fetcher
    from newsmon.crawl.sources import parse_sources
    from newsmon.store.articles import Store
    from newsmon.workers import Annotator
    os.environ["NEWSMON_PIPELINE"] = "fake"  # the workers' pipeline: no models

    child = subprocess.Popen([sys.executable, __file__, "--serve", "--hosts", str(args.hosts),
                              "--pages", str(args.pages)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
    try:
        bases = json.loads(child.stdout.readline())
        sources = parse_sources("[defaults]\ndelay = 0.0\n" + "".join(
            f'\n[[sources]]\nname = "host{h}"\nfeeds = ["{base}/rss.xml"]\n' for h, base in enumerate(bases)))

        def stats() -> dict:
            with urllib.request.urlopen(f"{bases[0]}/__stats") as response:
                return json.loads(response.read())

        # Baseline, same command: GET every page with plain urllib on as many threads, no robots,
        # no parsing, no storing. The crawler's figures are reported as ratios to it.
        per_host = args.pages // args.hosts
        urls = [f"{base}/news/{i}.html" for base in bases for i in range(per_host)]

        def raw_get(url: str) -> int:
            with urllib.request.urlopen(url) as response:
                return len(response.read())

        base_cpu, base_wall = time.process_time(), time.perf_counter()
        with ThreadPoolExecutor(args.workers) as pool:
            list(pool.map(raw_get, urls))
        base_cpu, base_wall = time.process_time() - base_cpu, time.perf_counter() - base_wall

        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.db")
            with Annotator(args.processes) as annotator:
                annotator.warm_up()
                cpu, wall = time.process_time(), time.perf_counter()
                first = Crawler(store, annotator, fetcher=Fetcher(concurrency=args.workers),
                                workers=args.workers, report=lambda line: None).crawl(sources)
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                processes = annotator.processes
            seen = [len(site) for site in stats()]
            pipeline = FakePipeline()
            fetcher = Fetcher(concurrency=args.workers)
            wall2 = time.perf_counter()
            second = Crawler(store, pipeline, fetcher=fetcher, workers=args.workers,
                             report=lambda line: None).crawl(sources)
            wall2 = time.perf_counter() - wall2
            later = [site[start:] for site, start in zip(stats(), seen)]
            statuses = [status for site in later for _, status in site]
            paths = [path for site in later for path, _ in site]
        pages = first.new + first.duplicates
        print(f"pipeline  : FakePipeline (no NLP): this measures the crawler; {args.workers} workers, "
              f"{processes} extraction processes, delay 0, per-host concurrency 2, loopback servers "
              f"in a separate process")
        print(f"first run : {pages} pages stored over {args.hosts} hosts in {wall:.2f} s wall, "
              f"{cpu:.2f} s CPU (main process) -> {pages / wall:.1f} pages/s, "
              f"{cpu / max(pages, 1) * 1000:.2f} ms CPU/page "
              f"({first.fetched} responses, {first.errors} errors)")
        print(f"baseline  : plain urllib GET of the same {len(urls)} pages on {args.workers} threads: "
              f"{len(urls) / base_wall:.1f} pages/s, {base_cpu / len(urls) * 1000:.2f} ms CPU/page")
        print(f"ratio     : crawler/baseline throughput {pages / wall / (len(urls) / base_wall):.3f}, "
              f"CPU per page {cpu / max(pages, 1) / (base_cpu / len(urls)):.2f}x (the cost of robots, "
              f"politeness, extraction, dedupe and SQLite)")
        kinds = sorted(set(p.rsplit("/", 1)[-1] for p in paths))
        print(f"second run: {len(statuses)} requests ({', '.join(kinds)}), "
              f"{sum(1 for s in statuses if s == 304)} answered 304; {second.new} new, "
              f"{pipeline.processed} pages processed, {wall2:.2f} s wall")
    finally:
        child.stdin.close()
        child.wait(timeout=10)


if __name__ == "__main__":
    main()
