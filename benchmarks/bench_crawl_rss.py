"""Peak memory of a real crawl: `newsmon crawl` of the sample site with the az, en and fr models.

The sample site (corpus/site) is served on 127.0.0.1; `newsmon crawl --processes N` runs as a child
process and the resident memory of its whole process tree (the main process and its workers, each
holding the three spaCy pipelines, the language models and the knowledge base) is sampled every
0.1 s from /proc. Reported: the peak of that sum, per process count.

    .venv/bin/python benchmarks/bench_crawl_rss.py [--processes 1,2]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsmon.samplesite import sample_sources_text, serve  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as fh:
                rss[int(entry)] = int(fh.read().split()[1]) * PAGE
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def peak_rss(processes: int, sources: Path, db: Path) -> tuple[int, float, str]:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "newsmon", "--db", str(db), "crawl", "--sources", str(sources),
                              "--processes", str(processes)], cwd=REPO, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    peak = 0
    while child.poll() is None:
        peak = max(peak, tree_rss(child.pid))
        time.sleep(0.1)
    summary = child.stderr.read().strip().splitlines()[-1:] or [""]
    return peak, time.perf_counter() - start, summary[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", default="1,2", help="comma-separated process counts")
    args = parser.parse_args(argv)
    with serve() as base, tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.toml"
        sources.write_text(sample_sources_text(base), encoding="utf-8")
        for n in (int(x) for x in args.processes.split(",")):
            peak, wall, summary = peak_rss(n, sources, Path(tmp) / f"crawl-{n}.db")
            print(f"crawl --processes {n}: peak RSS {peak / 2**20:,.0f} MB (all processes), {wall:.0f} s; {summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
