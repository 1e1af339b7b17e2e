"""Agreement between the first labels and the blind re-label of a random subset.

    python corpus/relevance/agreement.py [labels.csv] [labels-check.csv]
    python corpus/relevance/agreement.py labels.csv,labels-test.csv labels-check2.csv   # the second check

Compares the ids present in both files: raw agreement, Cohen's kappa, the confusion table and the ids
that disagree. Items labelled `unsure` in either file are reported but left out of the figures.
"""
import collections
import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read(paths):
    """Labels by id from one CSV, or several joined by commas (the first labels live in two files)."""
    out = {}
    for path in str(paths).split(","):
        out.update({r["id"]: r["label"] for r in csv.DictReader(open(path, encoding="utf-8"))})
    return out


def kappa(pairs):
    n = len(pairs)
    if n == 0:
        return float("nan"), float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca = collections.Counter(a for a, _ in pairs)
    cb = collections.Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else float("nan")


def main():
    first = read(sys.argv[1] if len(sys.argv) > 1 else HERE / "labels.csv")
    check = read(sys.argv[2] if len(sys.argv) > 2 else HERE / "labels-check.csv")
    common = sorted(set(first) & set(check))
    missing = set(check) - set(first)
    if missing:
        print(f"warning: {len(missing)} check ids are not in the first labels")
    unsure = [i for i in common if "unsure" in (first[i], check[i])]
    pairs = [(first[i], check[i]) for i in common if i not in unsure]
    po, k = kappa(pairs)
    print(f"compared: {len(common)} ids ({len(unsure)} with an unsure label left out)")
    print(f"raw agreement: {po:.3f} ({sum(a == b for a, b in pairs)}/{len(pairs)})")
    print(f"Cohen's kappa: {k:.3f}")
    table = collections.Counter(pairs)
    labels = sorted({x for p in pairs for x in p})
    print("first \\ check  " + "  ".join(f"{l:>10}" for l in labels))
    for a in labels:
        print(f"{a:>14} " + "  ".join(f"{table[(a, b)]:>10}" for b in labels))
    for i in common:
        if first[i] != check[i]:
            print(f"disagree: {i}  first={first[i]}  check={check[i]}")


if __name__ == "__main__":
    main()
