"""Run every benchmark in this folder, one after another, and print their reports.

    .venv/bin/python benchmarks/run_all.py            # all of them
    .venv/bin/python benchmarks/run_all.py crawl ner  # those whose file name contains a word given
    .venv/bin/python benchmarks/run_all.py --quick    # smaller samples (minutes, not an hour)

Each benchmark reports its figures as ratios against a baseline measured in the same run, so the
numbers compare across machines; the absolute rates are printed too, for this machine only.
Some need ../shared (training and held-out text); they say so and skip when it is absent.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


# --quick: arguments that keep each benchmark to a few minutes on a 2-core machine
QUICK = {
    "bench_pipeline.py": ["--limit", "90"],
    "bench_store.py": ["--sizes", "1000,2000,4000", "--cli-runs", "3", "--baseline-size", "1000"],
    "bench_crawl.py": ["--pages", "1000"],
    "bench_crawl_rss.py": ["--processes", "2"],
}


def main(words: list[str]) -> int:
    quick = "--quick" in words
    words = [w for w in words if w != "--quick"]
    scripts = sorted(p for p in HERE.glob("bench_*.py") if not words or any(w in p.name for w in words))
    failed = 0
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        extra = QUICK.get(script.name, []) if quick else []
        failed += subprocess.call([sys.executable, str(script), *extra]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
