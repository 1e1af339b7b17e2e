"""The fifth tuning half of the real-news agreement gold ("tune5"): 14 more real-news articles (en 10, az 4),
drawn as tune4's were, annotated before the pipeline was run on them: a first reading of the agreement
extractor on text no rule was written on.

    .venv/bin/python benchmarks/realnews_agreements_tune5.py --show-articles en   # the drawn texts, to annotate
    .venv/bin/python benchmarks/realnews_agreements_tune5.py --draw               # ids, per language

Selection, as tune4's (realnews_agreements_tune3.py `draw_outside`): per language SIZES[lang] articles with
agreement vocabulary and random ones, SEED-drawn, leaving out every article an earlier agreement draw or gold
used (tune4's draw included) and real-dev's sources, and, unlike tune4, both dates draws too
(realnews_dates.py and realnews_dates_tune2.py), so that no article is in two golds. en: 8 with vocabulary
and 2 random. az: the az pool holds only 2 unused articles with agreement vocabulary (the earlier draws took
the rest), so 2 + 2 random. No French: the fr pool has none left (tune3 took the last ones) and its random
articles hold almost no documents.

The gold is stand-off in benchmarks/realnews_agreements_gold_tune5.jsonl, same format and conventions as the
other gold files (see realnews_agreement_recall.py and realnews_agreements_tune2/3/4.py); each text is read in
full and its records written before the pipeline is run on it. realnews_agreement_recall.py scores it as the
half "tune5" for each language whose lines are there.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from realnews_agreements_tune3 import draw_main, draw_outside  # noqa: E402
from realnews_agreements_tune4 import draw as tune4_draw  # noqa: E402
from realnews_agreements_tune4 import used_ids as tune4_used_ids  # noqa: E402

GOLD = REPO / "benchmarks" / "realnews_agreements_gold_tune5.jsonl"
SEED = 20261207
# (with vocabulary, random) per language: az has 2 unused vocabulary articles left (see the docstring)
SIZES = {"az": (2, 2), "en": (8, 2)}
LANGS = tuple(SIZES)


@functools.cache
def used_ids(lang: str) -> frozenset[str]:
    """Every pool id of `lang` an earlier agreement or dates sample or gold used, tune4's draw included."""
    from realnews_dates import draw as dates_draw  # imports the agreement draws: import late
    from realnews_dates_tune2 import draw as dates_tune2_draw

    dates = {row["id"] for _, _, row in dates_draw()} | {row["id"] for row in dates_tune2_draw(lang)}
    return tune4_used_ids(lang) | {row["id"] for _, _, row in tune4_draw(lang)} | dates


def draw(lang: str, seed: int = SEED) -> list[tuple[str, str, dict[str, Any]]]:
    """("tune5", kind, row) for the drawn articles of `lang` (none for fr: see the module's docstring)."""
    return draw_outside(lang, used_ids(lang), seed, "tune5", *SIZES[lang]) if lang in SIZES else []


def main(argv: list[str] | None = None) -> int:
    return draw_main(argv, __doc__, "tune5", LANGS, draw)


if __name__ == "__main__":
    raise SystemExit(main())
