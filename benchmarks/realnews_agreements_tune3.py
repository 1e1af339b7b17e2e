"""The third tuning half of the real-news agreement gold ("tune3"): 45 more real-news articles (az, en, fr
15 each), drawn the way the held-out half was, to write agreement rules on.

    .venv/bin/python benchmarks/realnews_agreements_tune3.py --show-articles az   # the drawn texts, to annotate
    .venv/bin/python benchmarks/realnews_agreements_tune3.py --draw               # ids, per language

Why a third half: three sessions of rules written on the tune and tune2 halves moved them (0.81 / 0.92 and
0.67 / 0.80 strict / lenient) but left the held-out half where it was (0.38 / 0.62). More tuning text that
looks like the held-out half is the honest way to learn what it misses without reading it.

Selection, as the held-out half's (realnews_agreement_recall.py): per language N_VOCAB articles with
agreement vocabulary (realnews_agreements_sample.py's `has_vocabulary`) and N_RANDOM from any article,
SEED-drawn, leaving out every article used before: all that realnews_agreements_tune2.py leaves out, and
tune2's own draw. fr has no unused article with that vocabulary left (the earlier draws took them all), so its
vocabulary part is tune2's widened FR_WIDE selection, as many as remain (7), the rest random.

The gold is stand-off in benchmarks/realnews_agreements_gold_tune3.jsonl, same format and conventions as the
other two gold files (see realnews_agreement_recall.py and realnews_agreements_tune2.py); each text is read
in full and its records written before the pipeline is run on it. realnews_agreement_recall.py scores it as
the half "tune3" for each language whose lines are there.

az (2026-12-03, agraz12): 20 records in 15 articles (per article in draw order 1 1 4 1 1 1 1 1 2 3 1 2 0 0 1;
the two articles with none are random ones). Each text was read in full and its records written before the
pipeline ran on it; then every sentence of the 15 texts holding a document word (memorandum, saziş, müqavilə,
protokol, sərəncam, fərman, qərar, proqram, plan, strategiya, bəyannamə, bəyanat, sənəd, razılaşma, anlaşma,
imzala-, təsdiq) was listed by script and checked: each is a record or a deliberate none. Calls where the
conventions are silent: a record needs every side identifiable, so contracts with unnamed investors, a
supplier (200 buses), "companies of both countries" at a forum, and "documents signed" at an event naming no
side are none, while "more than 20 documents signed" on the Azerbaijan-China state visit is one agreement of
the two states (real-dev counts such bundles) and Expo 2025's participation contract has the Expo as its other
side; a relative date without a month or year ("5 il bundan əvvəl", "bu gün" in an undated interview) gives
null, "iyul ayında" a year before an April 2025 interview gives 2024-07, "2022-ci ilin ortasında" 2022; the
Israeli government's approval of the Gaza ceasefire is agreement/ratified dated the day the text says it was
reached (16 January); a document the text calls both "sənəd" and "saziş" (Italy 2015) is an agreement; the
Turkish parliament's decision (qərar) to set up an inquiry commission is other/ratified, as tune2 takes a
resolution a body adopts; a plan of events a decree orders prepared is not a record (tune2: a programme only
once carried out), a programme a road was built under is, implemented, with the approving decree; a ministry's
published statement on the peace talks is not a document. First reading of the rules on it (main `b0ffbca`,
the gold committed first): strict / lenient F1 0.537 / 0.683 (tune 0.810 / 0.905, tune2 0.571 / 0.794).
Re-read against the pipeline's errors afterwards: no gold correction.

en (2026-12-03, agren12): 47 records in 15 articles (per article, in draw order: 2 1 2 7 10 3 10 3 5 1 1 1 1
0 0), written before the pipeline was run on any of them. Each text was read whole (paragraphs are printed
uncut), then every sentence holding a document word (memorandum, agreement, MOU, accord, treaty, executive
order, E.O., order, proclamation, declaration, framework, compact, plan, strategy, deal, contract, licence,
program, initiative, signed, concluded...) was listed and checked to be a record or a deliberate none.
Calls taken where the conventions are silent: an executive order or proclamation recalled as the
President's is a record even undated ("the President's Executive Orders on Made-in-America, supply chain
resiliency, and racial equity": one per order not already recorded), one cited by number alone, its issuer
unnamed ("called for under E.O. 14001"), is not; a month named for a past signing gives the month ("In
April, President Biden issued ... Proclamation" -> 2021-04), "just this month" gives none; an order a
department issues ("the Department of Transportation (DOT) issued an Order requiring its offices...") is a
decree of that department; contracts a named agency issues are an agreement of that agency (as tune2's
CBP contract), one record per sentence; a purchase a named company agrees with another ("Vietnam Airlines
has agreed to purchase 50 aircraft from Boeing") is an agreement of both; "twenty memorandums of
understanding" of unnamed Vietnamese and U.S. companies are one record of those two groups; compacts of free
association under negotiation are other/planned, one per counterpart, the compacts in force only cited
are not; agreements under or about to enter negotiation (an ACSA with Fiji, a DCA with Papua New Guinea)
are planned, as the first gold's 123 Agreement; Treasury's general licences, a sample employment agreement
the Department of Labor will publish, proposed rules, budgets, laws and funding programmes are not records.
First reading of the rules on it (main b0ffbca, before any rule was written on it): strict P/R/F1
0.733/0.468/0.571, lenient 0.867/0.553/0.675 (47 gold, 30 predicted). Compared with the pipeline's output
afterwards, no gold record was found wrong.

fr (2026-12-03, agrfr12): 5 records in 3 of the 15 articles, the other 12 with none (7 vocab articles: 2, 1, 0,
0, 2, 0, 0 records; the 8 random ones hold no document). Each text was read in full and its gold written before
the pipeline ran on it; then every sentence of the 15 holding a document word (accord, convention, traité,
charte, programme, plan, statut, loi, ordonnance, résolution, déclaration, contrat, engagement, partenariat,
compromis, lettre, signé, ratifié, adopté, approuvé...) was listed and checked: each is a record or a deliberate
none. Calls where the conventions are silent: a related-articles list at a page's foot is part of the text, so
its headline "Le Parlement azerbaïdjanais a adopté une déclaration ..." is an other/ratified record of that
parliament, with no date (the date there is the linked article's); a court's order (the ICJ order of 17 November
2023) is no agreement, as tune2 left the ICJ's out; "l'initiative d'un plan de soutien" in the report of Attal's
2024 speech is a programme/planned of France, as the tune gold took the same plan in the speech's full text
("plan européen de soutien", there of the EU), while the "partenariat UE-Arménie" on the agenda is no document
(the tune gold leaves the speech's "agenda de partenariat" out); a peace accord the text says Azerbaijan has not
yet reached with "le pays voisin" (Armenia, named earlier) is agreement/planned, as the earlier golds take the
Armenia-Azerbaijan peace treaty under negotiation; in a chronology of Lebanon, the Sykes-Picot accords the
British and French "conviennent" (under the heading 1914-1918: no date) and the 1936 treaty recognising
Lebanon's independence (signed, not submitted for ratification) are records, while the 1860 "compromis" and the
"statut de région autonome" the Ottomans granted (no document named, parties a vague "grandes puissances"), the
proclamations of 1920 and 1926 and the constitution are not; a candidate list's electoral programme and the
CCAF's charter it criticises are not records (a campaign platform, a charter cited), nor is the statute of
Armenia's health insurance fund "à peine approuvé" (no approver named), nor the post-Brexit accord a law would
override (cited only), nor the "Nuit des musées" programme (an event, not a document).
First reading of the rules on these fr texts, right after the gold was committed (main b0ffbca's rules):
strict P/R/F1 0.000/0.000/0.000, lenient 0.286/0.400/0.333 (5 gold, 7 predicted). Causes: the footer
headline's record right but dated by its link ("• 14 mars 2024"); the support plan given the EU and "ambassade
de France" (the latter from the next sentence, run together at "paix ! » Son"); the peace accord's mention
absorbed by the cited "traité « Global Compact »" record (parties ONU, British Express); the Sykes-Picot
accords given Lebanon and dated by the next chronology entry's "1er septembre" read as this year's; the 1936
treaty given Lebanon alone, and "ratified" from a ratification it says did not happen; two documents only
cited taken for records (the CCAF charter "mise en cause", the post-Brexit accord a law would override).
Re-reading the texts against the output found no gold error: nothing was corrected. After agrfr12's rules
(French guillemet sentence ends, a peace treaty's states from the sentence before, guillemet titles, twinnings)
fr tune3 reads the same (0.000/0.333): the plan now has the EU alone, the Sykes-Picot record its quoted title.
"""
from __future__ import annotations

import argparse
import functools
import random
import sys
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from realnews_agreements_sample import has_vocabulary, in_real_dev  # noqa: E402
from realnews_agreements_tune2 import draw as tune2_draw  # noqa: E402
from realnews_agreements_tune2 import has_wide_vocabulary  # noqa: E402
from realnews_agreements_tune2 import used_ids as tune2_used_ids  # noqa: E402
from realnews_regression import LANGS, POOL, print_for_annotation, read_pool  # noqa: E402

GOLD = REPO / "benchmarks" / "realnews_agreements_gold_tune3.jsonl"
SEED = 20261204
N_VOCAB, N_RANDOM = 12, 3


@functools.cache
def used_ids(lang: str) -> frozenset[str]:
    """Every pool id of `lang` an earlier sample or gold used, tune2's draw included."""
    return tune2_used_ids(lang) | {row["id"] for _, _, row in tune2_draw(lang)}


def draw(lang: str, seed: int = SEED) -> list[tuple[str, str, dict[str, Any]]]:
    """("tune3", kind, row) for the drawn articles of `lang`: up to N_VOCAB "vocab", the rest "random"."""
    return draw_outside(lang, used_ids(lang), seed, "tune3")


def draw_outside(lang: str, used: frozenset[str], seed: int, half: str, n_vocab: int = N_VOCAB,
                 n_random: int = N_RANDOM) -> list[tuple[str, str, dict[str, Any]]]:
    """(half, kind, row) for n_vocab + n_random articles of `lang` outside `used` and real-dev: up to n_vocab
    with agreement vocabulary (the wider fr vocabulary when none is left), the rest from any article."""
    rows = [r for r in read_pool(POOL, lang, None) if r["id"] not in used and not in_real_dev(r)]
    rows.sort(key=lambda r: r["id"])  # the pool's order does not decide the draw
    vocab = [r for r in rows if has_vocabulary(lang, r["text"])] or [r for r in rows if has_wide_vocabulary(lang, r["text"])]
    vocab = random.Random(f"{seed}-{lang}").sample(vocab, min(n_vocab, len(vocab)))
    drawn = {r["id"] for r in vocab}
    plain = random.Random(f"{seed}-{lang}-random").sample([r for r in rows if r["id"] not in drawn],
                                                          n_vocab + n_random - len(vocab))
    return [(half, kind, row) for kind, group in (("vocab", vocab), ("random", plain)) for row in group]


def draw_main(argv: list[str] | None, doc: str, half: str, langs: tuple[str, ...],
              draw_lang: Callable[[str], list[tuple[str, str, dict[str, Any]]]]) -> int:
    """The command line of a later half's draw script: --show-articles LANG (texts to annotate), --draw (ids)."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show-articles", choices=langs, metavar="LANG")
    ap.add_argument("--draw", action="store_true")
    args = ap.parse_args(argv)
    if not POOL.exists():
        print(f"no real-news pool at {POOL}: nothing to draw", file=sys.stderr)
        return 1
    if args.show_articles:
        for _, kind, row in draw_lang(args.show_articles):
            print_for_annotation(row, f"{half} {kind}")
    if args.draw:
        for lang in langs:
            print(lang, " ".join(f"{row['id']}({kind})" for _, kind, row in draw_lang(lang)))
    return 0


def main(argv: list[str] | None = None) -> int:
    return draw_main(argv, __doc__, "tune3", LANGS, draw)


if __name__ == "__main__":
    raise SystemExit(main())
