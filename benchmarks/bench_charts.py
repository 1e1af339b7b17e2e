"""Page weight and render time of the server-side charts (matplotlib), against the same page without them.

    .venv/bin/python benchmarks/bench_charts.py [--db coverage.db]

Without --db it builds a store of 400 synthetic articles over 60 days (3 languages, 12 entities). For
the entity page, the agreements-over-time page and the digest it reports the HTML bytes with and
without the inline SVG and the median time to serve each, the chart's cost as a ratio against the
page without it (both measured in this run), plus the PNG the e-mail digest carries.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsmon.model import Agreement, Article, Document, Mention, Party, Segment  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402
from newsmon.web.server import make_server  # noqa: E402

ENTITIES = [(f"org:{i}", f"Organisation {i}", "ORG") for i in range(8)] + \
           [(f"person:{i}", f"Person {i}", "PERSON") for i in range(4)]


def synthetic(path: Path, n: int = 400, seed: int = 0) -> None:
    rng = random.Random(seed)
    store = Store(path)
    start = date(2025, 7, 1)
    for i in range(n):
        lang = rng.choice(("az", "en", "fr"))
        picked = rng.sample(ENTITIES, 3)
        text = "News. " + " and ".join(name for _, name, _ in picked) + " met. " + "Words. " * 40
        mentions = []
        for eid, name, label in picked:
            at = text.find(name)
            mentions.append(Mention(name, label, at, at + len(name), lang, eid, name))
        day = (start + timedelta(days=rng.randrange(60))).isoformat()
        agreements = [Agreement(rng.choice(("memorandum", "agreement", "protocol")), "m",
                                [Party(picked[0][1], picked[0][1], picked[0][0]),
                                 Party(picked[1][1], picked[1][1], picked[1][0])],
                                {"value": day, "precision": "day"}, None, "signed", "", 0, 5)] \
            if rng.random() < 0.2 else []
        store.save_article(Article(Document(f"https://b.example/{i}", "s", f"Title {i}", text, published=day),
                                   lang, 0.99, [Segment(0, len(text), lang, 0.99)],
                                   sorted(mentions, key=lambda m: m.start), [], agreements))
    store.close()


def timed(url: str, runs: int = 5) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        with urllib.request.urlopen(url, timeout=60) as resp:
            size = len(resp.read())
        times.append(time.perf_counter() - t0)
    return statistics.median(times), size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench.db"
        if not args.db:
            synthetic(db)
        store = Store(db)
        top = store.top_entities(None, None, 1)[0]["id"]
        store.close()
        server = make_server(db, "127.0.0.1", 0, quiet=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = server.url.rstrip("/")
        timed(base + "/agreements/charts")  # warm: matplotlib's import and font cache are paid once
        pages = {"entity": f"/entity/{top}", "agreements/charts": "/agreements/charts",
                 "digest": "/digest?since=2000-01-01"}
        print(f"{'page':18} {'html bytes':>10} {'json bytes':>10} {'html ms':>8} {'json ms':>8} {'ratio':>6}")
        for name, path in pages.items():
            t_html, b_html = timed(base + path)
            t_json, b_json = timed(base + path + ("&" if "?" in path else "?") + "format=json")
            print(f"{name:18} {b_html:10d} {b_json:10d} {t_html * 1000:8.1f} {t_json * 1000:8.1f} "
                  f"{t_html / t_json:6.1f}")
        server.shutdown()
        server.server_close()
        from newsmon.web.digest import chart
        data = Store(db).digest("2000-01-01")
        t0 = time.perf_counter()
        png = chart(data, "png")
        print(f"digest e-mail PNG: {len(png or b'')} bytes, {1000 * (time.perf_counter() - t0):.1f} ms")
        print("ratio: time to serve the HTML page (charts drawn) over the JSON of the same data")


if __name__ == "__main__":
    main()
