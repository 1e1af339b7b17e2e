"""CPU seconds the store spends saving articles through `Store.save_pages`: articles 2,000-5,000 of a
fresh database, generated beforehand (bench_store's synthetic articles) so that only the store is timed.
CPU time, not wall time: comparable between checkouts on a loaded machine. `--code DIR` measures the
store (and bench_store) of another checkout, e.g. before and after a change, interleaved:

    git worktree add --detach /tmp/old 9455719
    python benchmarks/bench_save_cpu.py --code /tmp/old; python benchmarks/bench_save_cpu.py
"""
import random
import sys
import tempfile
import time
from pathlib import Path

CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv else Path(__file__).resolve().parent.parent
sys.path[:0] = [str(CODE), str(CODE / "benchmarks")]

import bench_store  # noqa: E402
import numpy as np  # noqa: E402
from newsmon.crawl import dedupe  # noqa: E402
from newsmon.store import articles as store_module  # noqa: E402


def main() -> None:
    real_news = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "real-news"
    corpus = bench_store.Corpus(real_news, random.Random(13))
    path = Path(tempfile.mkdtemp()) / "save.db"
    bench_store.build(path, 0, 2000, 200_000, corpus)  # a database that is not empty
    pages = []
    for i in range(2000, 5000):
        article, html = corpus.article(i, 200_000)
        duplicate_of = corpus.rng.randrange(1, i + 1) if corpus.rng.random() < 0.05 else None
        signature = dedupe.Signature(np.frombuffer(corpus.rng.randbytes(4 * dedupe.NUM_PERM), dtype="<u4"))
        doc = article.doc
        pages.append(store_module.Page(
            article, store_module.Response(doc.url, doc.url, doc.source, 200, "text/html",
                                           {"content-type": "text/html"}, html, doc.published),
            signature.to_bytes(), signature.bands(), duplicate_of))
    store = store_module.Store(path)
    store.relax_sync()
    cpu, wall = time.process_time(), time.perf_counter()
    store.save_pages(pages)
    cpu = time.process_time() - cpu
    print(f"{store_module.__file__}: {len(pages)} articles, {cpu:.1f} s CPU = {len(pages) / cpu:.0f} articles "
          f"per CPU second (wall {time.perf_counter() - wall:.1f} s)")
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
