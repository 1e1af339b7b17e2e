"""The fourth tuning half of the real-news agreement gold ("tune4"): 30 more real-news articles (az and en, 15
each), drawn the way the held-out half and tune3 were, annotated before any rule is written on them.

    .venv/bin/python benchmarks/realnews_agreements_tune4.py --show-articles az   # the drawn texts, to annotate
    .venv/bin/python benchmarks/realnews_agreements_tune4.py --draw               # ids, per language

Why a fourth half: rules written on tune3 moved the held-out half for the first time (0.38 / 0.62 -> 0.43 /
0.68 strict / lenient), but tune3's first reading (0.51 / 0.65) showed how far fresh text is from the older
halves. More fresh text, annotated first, is again the honest way to learn what unseen news holds.

Selection, as tune3's (realnews_agreements_tune3.py `draw_outside`): per language 12 articles with agreement
vocabulary and 3 from any article, SEED-drawn, leaving out every article an earlier draw or gold used, tune3's
draw included. No French: the fr pool has no unused article with agreement vocabulary left (tune3 took the
last seven of the wider selection), and its random articles hold almost no documents (tune3: none in eight).

The gold is stand-off in benchmarks/realnews_agreements_gold_tune4.jsonl, same format and conventions as the
other gold files (see realnews_agreement_recall.py, realnews_agreements_tune2.py and tune3.py); each text is
read in full and its records written before the pipeline is run on it. realnews_agreement_recall.py scores it
as the half "tune4" for each language whose lines are there.
"""
from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from realnews_agreements_tune3 import draw as tune3_draw  # noqa: E402
from realnews_agreements_tune3 import draw_outside  # noqa: E402
from realnews_agreements_tune3 import used_ids as tune3_used_ids  # noqa: E402
from realnews_regression import POOL, print_for_annotation  # noqa: E402

GOLD = REPO / "benchmarks" / "realnews_agreements_gold_tune4.jsonl"
SEED = 20261206
LANGS = ("az", "en")


@functools.cache
def used_ids(lang: str) -> frozenset[str]:
    """Every pool id of `lang` an earlier sample or gold used, tune3's draw included."""
    return tune3_used_ids(lang) | {row["id"] for _, _, row in tune3_draw(lang)}


def draw(lang: str, seed: int = SEED) -> list[tuple[str, str, dict[str, Any]]]:
    """("tune4", kind, row) for the drawn articles of `lang` (none for fr: see the module's docstring)."""
    return draw_outside(lang, used_ids(lang), seed, "tune4") if lang in LANGS else []


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-articles", choices=LANGS, metavar="LANG")
    ap.add_argument("--draw", action="store_true")
    args = ap.parse_args(argv)
    if not POOL.exists():
        print(f"no real-news pool at {POOL}: nothing to draw", file=sys.stderr)
        return 1
    if args.show_articles:
        for _, kind, row in draw(args.show_articles):
            print_for_annotation(row, f"tune4 {kind}")
    if args.draw:
        for lang in LANGS:
            print(lang, " ".join(f"{row['id']}({kind})" for _, kind, row in draw(lang)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
