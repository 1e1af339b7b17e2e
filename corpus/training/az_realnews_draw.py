"""Draw the sentences of an az real-news NER round (round 5: ORG and LOC hard cases) for hand annotation.

Rounds 1-4 drew with throw-away scripts (described in README-realnews.md); this one is kept. Articles:
../shared/data/real-news/az.jsonl less every article with a record in az-realnews-ner.jsonl or its check
file, less the articles of the agreement golds (benchmarks/realnews_agreements_gold*.jsonl), the dates gold
and the agreement precision sample, less real-dev's articles (url or source file in sources.jsonl) and the
two articles whose title is a real-dev page title, less exact duplicates (same first 200 characters, also
against every excluded article) and ids that occur twice. Shuffled with the seed; every sentence gets a
hard-case score from loose patterns (below); per article up to 4 sentences scoring 2 or more, highest first,
plus 1 other at random, in article order; articles ranked by the sum of their best 4 scores, the top share
kept, in the shuffled order.

    python corpus/training/az_realnews_draw.py --seed 7 > /tmp/az-r7-worklist.jsonl   # text included:
    # the work list holds copyrighted text and stays outside the repository.

Since round 7 the round-6 check set's articles are excluded too, so rounds 5 and 6 redraw as they were
drawn only at commit a755582 (before that exclusion). Since round 9 the round-8 check set's articles are
excluded too, so rounds 7 and 8 redraw as they were drawn only at commit 05eb456 (before that exclusion).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "data"
# articles whose title is a real-dev page's title (rounds 3-4 left them out too)
DEV_TITLE_TWINS = {"az-azertag-439", "az-azertag-388"}

_UP = "A-ZÇƏĞİÖŞÜ"
_CAP = rf"[{_UP}][\w’'-]*"
_SENT_END = re.compile(r"(?<=[.!?…])[”\"»]?\s+(?=[" + _UP + r"0-9“\"«])")
# no split after an initial, chained initials or an abbreviation
_NO_SPLIT = re.compile(r"(?:(?:^|[\s(.])[" + _UP + r"]\.|\b(?:b|ş|mln|mlrd|min|və s|s|m|km|kv|k|prof|dos|akad|t)\.)$")

_ORG_NOUN = (r"(?:Nazirliy|Komitə|Agentliy|Xidmət|Universitet|Partiya|Səfirliy|Hökumət|Qüvvələr|Şura|Təşkilat"
             r"|Məhkəmə|Bank|Fond|İnstitut|Assosiasiya|Palata|Departament|Komissiya|Şirkət|Birliy|İttifaq"
             r"|Parlament|Məclis|Akademiya|Administrasiya|Nümayəndəliy|Aparat|İdarə|Konsulluğ|Korporasiya"
             r"|Qərargah|Ofis|Hakimiyyət|Katibliy|Federasiya|Liqa|Klub|Holdinq|Xəstəxana|Kollec|Teatr|Muzey|Orkestr)\w*")
_PATTERNS: list[tuple[re.Pattern[str], int]] = [
    # a run of 2+ capitalised words ending in an organisation noun (genitive chains of bodies)
    (re.compile(rf"(?:{_CAP}\s+){{1,}}{_ORG_NOUN}"), 3),
    # a foreign state's (or any place's) body: a genitive place before capitalised words
    (re.compile(rf"[{_UP}]\w+(?:ın|in|un|ün|nın|nin|nun|nün)\s+(?:{_CAP}\s+)*{_ORG_NOUN}"), 2),
    # an acronym with a hyphenated suffix
    (re.compile(rf"\b[{_UP}]{{2,}}-[a-zçəğıöşü]+"), 2),
    # a quoted name with a glued suffix, or before a company noun
    (re.compile(r"[”\"][a-zçəğıöşü]{1,4}\b"), 1),
    (re.compile(r"[”\"]\s+(?:şirkət|ASC|MMC|QSC|ASC|holdinq|klub|bank)", re.I), 2),
    # LOC: a place before its place noun, regions and districts
    (re.compile(rf"(?<=\s){_CAP}\s+(?:rayon|şəhər|kənd|vilayət|əyalət|bölgə|region|qəsəbə|ştat|əraz|dairə|mahal|ada)"
                rf"(?!lər|lar)\w*"), 2),
    # a capitalised -iyə / -iya / -ya word (countries in case forms)
    (re.compile(rf"\b[{_UP}]\w+(?:iyə|iya|ya)\w*"), 1),
    (re.compile(r"\bhökumət", re.I), 1),
    # a sentence opening with 2+ capitalised words
    (re.compile(rf"^{_CAP}\s+{_CAP}"), 1),
]
_ARMENIAN = re.compile(r"[\u0530-\u058F]")


def sentences(text: str, min_chars: int = 40, max_chars: int = 350) -> list[tuple[int, int]]:
    """(start, end) of each sentence: paragraphs, then sentence ends not after an initial or abbreviation."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for cut in _SENT_END.finditer(para.group()):
            if _NO_SPLIT.search(para.group()[:cut.start()].rstrip("”\"»")):
                continue
            out.append((start, para.start() + cut.start()))
            start = para.start() + cut.end()
        out.append((start, para.end()))
    seen, kept = set(), []
    for s, e in out:
        sent = text[s:e].strip()
        s = s + len(text[s:e]) - len(text[s:e].lstrip())
        e = s + len(sent)
        if min_chars <= e - s <= max_chars and sent not in seen and not _ARMENIAN.search(sent):
            seen.add(sent)
            kept.append((s, e))
    return kept


def score(sentence: str) -> int:
    return sum(w * len(p.findall(sentence)) for p, w in _PATTERNS)


def excluded_ids() -> set[str]:
    ids: set[str] = set(DEV_TITLE_TWINS)
    paths = [REPO / "corpus" / "training" / "az-realnews-ner.jsonl",
             REPO / "corpus" / "training" / "az-realnews-ner-check.jsonl",
             # round 6 is the unseen check set: no later round may draw its articles
             REPO / "corpus" / "training" / "az-realnews-ner-round6.jsonl",
             # round 8 is the second unseen check set (its -check file holds a subset of its sentences)
             REPO / "corpus" / "training" / "az-realnews-ner-round8.jsonl",
             REPO / "corpus" / "training" / "az-realnews-ner-round8-check.jsonl",
             REPO / "benchmarks" / "realnews_dates_gold.jsonl",
             *sorted((REPO / "benchmarks").glob("realnews_agreements_gold*.jsonl"))]
    for path in paths:
        ids |= {json.loads(line)["id"] for line in path.open(encoding="utf-8") if line.strip()}
    sys.path.insert(0, str(REPO / "benchmarks"))
    from realnews_agreement_precision import SIZES, sample  # the precision sample, drawn as it draws it
    ids |= {row["id"] for _, row in sample("az", SIZES["az"])}
    return ids


def fresh_pool() -> list[dict]:
    """The articles no round, gold or sample has used, less duplicates, in file order."""
    dev = [json.loads(line) for line in (SHARED / "real-dev" / "sources.jsonl").open(encoding="utf-8")]
    dev_urls = {d["url"] for d in dev if d.get("url")}
    dev_ids = {Path(d["path"]).stem for d in dev}
    articles = [json.loads(line) for line in (SHARED / "real-news" / "az.jsonl").open(encoding="utf-8")]
    counts: dict[str, int] = {}
    for a in articles:
        counts[a["id"]] = counts.get(a["id"], 0) + 1
    excluded = excluded_ids() | dev_ids
    heads = {a["text"][:200] for a in articles if a["id"] in excluded or a.get("url") in dev_urls}
    pool, seen_heads = [], set()
    for a in articles:
        if a["id"] in excluded or a.get("url") in dev_urls or counts[a["id"]] > 1:
            continue
        head = a["text"][:200]
        if head in heads or head in seen_heads:
            continue
        seen_heads.add(head)
        pool.append(a)
    return pool


def _record(a: dict, s: int, e: int, sc: int) -> dict:
    sent = a["text"][s:e]
    return {"id": a["id"], "start": s, "end": e,
            "sha1": hashlib.sha1(sent.encode("utf-8")).hexdigest(), "score": sc, "text": sent}


def draw_plain(seed: int, n_articles: int, per_article: int) -> list[dict]:
    """Round 6: no hard-case ranking, so that the round scores the pipeline on ordinary news. The first
    n_articles of the shuffled fresh pool, up to per_article sentences of each drawn at random, in article order."""
    pool = fresh_pool()
    rng = random.Random(seed)
    rng.shuffle(pool)
    out = []
    for a in pool[:n_articles]:
        sents = sentences(a["text"])
        picked = sorted(rng.sample(sents, min(per_article, len(sents))))
        out.extend(_record(a, s, e, score(a["text"][s:e])) for s, e in picked)
    return out


def draw(seed: int, keep_share: float = 0.45) -> list[dict]:
    pool = fresh_pool()
    rng = random.Random(seed)
    rng.shuffle(pool)
    ranked = []
    for order, a in enumerate(pool):
        sents = [(s, e, score(a["text"][s:e])) for s, e in sentences(a["text"])]
        hard = sorted([x for x in sents if x[2] >= 2], key=lambda x: -x[2])[:4]
        rest = [x for x in sents if x not in hard]
        picked = hard + ([rng.choice(rest)] if rest else [])
        if not hard:
            continue
        ranked.append((sum(x[2] for x in hard), order, a, sorted(picked)))
    ranked.sort(key=lambda r: -r[0])
    kept = sorted(ranked[: int(len(ranked) * keep_share)], key=lambda r: r[1])
    return [_record(a, s, e, sc) for _, _, a, picked in kept for s, e, sc in picked]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--keep-share", type=float, default=0.45)
    ap.add_argument("--plain", type=int, metavar="N", help="round 6: N random articles, no hard-case ranking")
    ap.add_argument("--per-article", type=int, default=6)
    args = ap.parse_args()
    recs = draw_plain(args.seed, args.plain, args.per_article) if args.plain else draw(args.seed, args.keep_share)
    for rec in recs:
        print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main()
