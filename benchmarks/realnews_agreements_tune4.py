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
The draw leaves out the agreement samples and golds only, not the dates tune2 draw (realnews_dates_tune2.py):
one az article, az-azertag-257, is in both. Both are tuning sets, so no held-out text is touched; it was found
after the gold was written and the draw was kept as annotated.

The gold is stand-off in benchmarks/realnews_agreements_gold_tune4.jsonl, same format and conventions as the
other gold files (see realnews_agreement_recall.py, realnews_agreements_tune2.py and tune3.py); each text is
read in full and its records written before the pipeline is run on it. realnews_agreement_recall.py scores it
as the half "tune4" for each language whose lines are there.

az (2026-12-03, agraz13): 45 records in 15 articles (per article in draw order 2 1 1 17 1 2 1 1 6 1 9 2 1 0 0;
the two articles with none are random ones; 17 are the documents one investment forum lists, six of them
memoranda of one resort with six named partners, one record per partner). Each text was read in full and its
records written before the pipeline ran on it; then every sentence of the 15 texts holding a document word
(memorandum, saziş, müqavilə, kontrakt, protokol, sərəncam, fərman, qərar, proqram, plan, strategiya,
bəyannamə, bəyanat, sənəd, razılaşma, anlaşma, imzala-, təsdiq, qətnamə) was listed by script and checked:
each is a record or a deliberate none. Calls where the conventions are silent: "İtaliya ilə iki, Çinlə iki
bəyannamə imzalanmışdır" is one record per counterpart (a bundle with one pair of sides, as tune3's "more than
20 documents"); "the agreements needed were reached during my April state visit to China" is an agreement of
the two states dated 2025-04; "the next contract will be signed early next year", said of Hungary's stakes in
Azerbaijan's fields at a bilateral press statement, is agreement/planned of Azerbaijan and Hungary; a minister
recalling "we signed a contract with Ansaldo Energia two years ago" is a record of Ansaldo and AzerEnerji (the
Azerbaijani side or the speaker's state accepted too), no date ("iki il öncə", as tune3's "5 il bundan
əvvəl"), "2022-ci ilin sonunda" gives 2022; "Zati-alinizin Sərəncamı" (the President addressed) is an undated
decree of Ilham Aliyev, a rehabilitation programme works were carried out under is programme/implemented; a
1996 Fərman cited by date with no issuer named is none (as en tune3's E.O. cited by number), a parliament's
decision appointing judges (1998) is other/ratified as tune2 takes a body's resolution, court rulings, a
community's statement and a constitution are none; a plan of events a decree approved, events then held under
it, is programme/implemented with its approving decree; a joint declaration the NGO forum "will adopt" at its
end is other/planned of that forum; the 1994 ceasefire "reached in spring 1994" is agreement/signed dated
1994; Armenia-Azerbaijan peace treaty mentions (text agreed, "Pashinyan not interested in signing", "we have
no peace treaty") are agreement/planned, one per article; the UK-Ukraine deal "signed" with "bu gün" in the
quote gets no date (real-dev: null where the text gives none). First reading of the rules on it (branch
agraz13 at main `0456851`, the gold committed first): strict P/R/F1 0.457/0.356/0.400, lenient
0.743/0.578/0.650 (45 gold, 35 predicted); tune 0.810/0.905, tune2 0.603/0.794, tune3 0.667/0.769 F1.
Compared with the pipeline's errors afterwards, no gold record was found wrong (the 1996 Fərman the pipeline
gives Heydar Aliyev, president then, stays none by the call above). After agraz13's rules (an outlet citing
another is a source; a peace treaty named without states is the one the article names them for; a planned az
record takes no date from a merged mention; "bu saziş" told again is the one just told of): strict / lenient
F1 0.436 / 0.667 (45 gold, 33 predicted), tune 0.810/0.905, tune2 0.635/0.794, tune3 0.667/0.769. Left: the
investment forum's list sentence (one subject, many "X ilə Y arasında" pairs, "Sənəd X və Y arasında
imzalanıb" after "Sazişə əsasən"), a subject lost before a relative clause with a genitive name ("Böyük
Britaniya Ukrayna ilə Kiyevin ... alacağı yeni iqtisadi saziş imzalayıb"), "İtaliya ilə iki, Çinlə iki
bəyannamə" read as one Italy-China record, a day named as a holiday taken for a decree's date ("Oktyabrın 20-si
... Zati-alinizin Sərəncamı ilə ... peşə bayramı günü kimi təsis edildi"), a forum's declaration "to be adopted"
read as signed, "digər Sərəncamı" merged into the day's first decree.

en (2026-12-03, agren13): 54 records in 15 articles (per article in draw order: 0 2 2 1 18 9 3 1 2 1 5 4 1 3
2; the three random ones hold 1, 3 and 2), written before the pipeline was run on any of them. Each text was
read whole, then every sentence holding a document word (memorandum, agreement, MOU, accord, treaty, executive
order, order, proclamation, declaration, statement, framework, compact, plan, strategy, roadmap, deal, contract,
arrangement, licence, waiver, signed, concluded...) was listed by script (240 sentences) and checked to be a
record or a deliberate none, with tune3's conventions. Calls taken where they are silent: a page that is
itself a joint statement of named leaders (US, Egypt, Qatar) is one other/signed record of them, undated (the
text gives no date), while the Gaza ceasefire deal it urges is none (its sides are never named, "both sides");
the US rejoining the Paris Agreement is agreement/ratified of the United States (an accession reported of a
named party), once though the page says it twice; a road map is `other` (real-dev's README), both the US-India
Defense Industrial Cooperation Roadmap and the GCC+3 Roadmap for Global Food Security, whose signing "at the
summit" gets no date (the sentence gives none); "Signed two Executive Orders" unnamed is one record (a bundle,
as tune3's twenty MOUs), "issued executive orders to implement ... racial equity, and to establish the White
House Gender Policy Council" two (two named subjects); "On Friday" in a page of Tuesday 2026-01-27 names a day
(2026-01-23, real-dev: a relative date is annotated when a day is named), "On Day One", "This week", "Earlier
this week", "in his first week/100 days" and "one week later" give none; a framework under development
(NASA-ISRO human spaceflight, US-India counternarcotics) is agreement/planned, as tune3's UAE investment
framework; a licence agreement "submitted for Congressional Notification" is planned, of the two companies of
the MoU named just before it (GE, HAL); "finalizing agreements with Mazagon Dock Limited and Goa Shipyard" is
one planned record per shipyard; "The agreement to place three Indian liaison officers in U.S. commands" is an
agreement of the two states; the Barbados Agreement is of "representatives of Nicolás Maduro" and "members of
the political opposition", dated by the next sentence (2023-10-17); the rail Tentative Agreement is
agreement/signed of the rail unions and the railroad companies, 2022-09 ("approved by labor and management
negotiators in September"); the East Coast offshore-wind MOU has its 13 named parties (nine states, four
departments); an action plan two departments issued is a programme of both; OFAC general licences, a Medicaid
waiver approved for Illinois, $11 billion of federal contracts awarded in a fiscal year, an initiative, forum,
partnership, alliance or coalition joined or launched, a plan an order demands, budgets, bills and laws are none.
First reading of the rules on it (this branch at main 0456851, the gold committed first): strict P/R/F1
0.489/0.407/0.444, lenient 0.756/0.630/0.687 (54 gold, 45 predicted); en tune 0.886/0.937, tune2 0.827/0.904,
tune3 0.707/0.805 (strict/lenient F1). Re-read against the pipeline's errors: no gold correction (the joint
statement the pipeline dates by the page stays undated, as tune3's and real-dev's README have it). After agren13's
rules (a past signing not dated after its page, an agency's own order, a date right before the document word,
"will also sign", a weekday's day): strict P/R/F1 0.587/0.500/0.540, lenient 0.761/0.648/0.700 (46 predicted);
tune3 0.732/0.805, tune and tune2 unchanged. Left: India's fact sheet (18 records; arrangements, roadmap,
shipyards and the Air India deal merged or missed, "Larsen and Toubro" split by NER), groups named by common
nouns (rail unions and companies), a headline's "agreement" that is the body's MOU, the Barbados Agreement told
three times with three dates (one from GL 44's issue). After plural orders split by purpose ("executive orders
to implement ..., and to establish ..."): strict P/R/F1 0.596/0.519/0.554, lenient 0.787/0.685/0.733 (47
predicted); tune, tune2, tune3 unchanged.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from realnews_agreements_tune3 import draw as tune3_draw  # noqa: E402
from realnews_agreements_tune3 import draw_main, draw_outside  # noqa: E402
from realnews_agreements_tune3 import used_ids as tune3_used_ids  # noqa: E402

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
    return draw_main(argv, __doc__, "tune4", LANGS, draw)


if __name__ == "__main__":
    raise SystemExit(main())
