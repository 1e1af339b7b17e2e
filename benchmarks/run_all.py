"""Run every benchmark in this folder, one after another, and print their reports.

    .venv/bin/python benchmarks/run_all.py            # all of them
    .venv/bin/python benchmarks/run_all.py crawl ner  # those whose file name contains a word given

Each benchmark reports its figures as ratios against a baseline measured in the same run, so the
numbers compare across machines; the absolute rates are printed too, for this machine only.
Some need ../shared (training and held-out text); they say so and skip when it is absent.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(words: list[str]) -> int:
    scripts = sorted(p for p in HERE.glob("bench_*.py") if not words or any(w in p.name for w in words))
    failed = 0
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        failed += subprocess.call([sys.executable, str(script)]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
