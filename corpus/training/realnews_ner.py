"""Load the stand-off Azerbaijani real-news NER annotations and write them as IOB2.

The annotation file (``az-realnews-ner.jsonl``) holds no article text: each line names an article id
from ``../shared/data/real-news/az.jsonl`` and character offsets into its ``text`` field, plus the
sha1 of the sentence so that a changed source is detected. See README-realnews.md.

    .venv/bin/python corpus/training/realnews_ner.py OUT.iob \
        [--ann corpus/training/az-realnews-ner.jsonl] [--real-news ../shared/data/real-news]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ANN = HERE / "az-realnews-ner.jsonl"
DEFAULT_REAL_NEWS = HERE.parents[2] / "shared" / "data" / "real-news"
LABELS = {"PERSON", "ORG", "LOC"}

# A token is a run of letters/digits, optionally continued by "-" + a lowercase suffix
# ("ICESCO-nun", "COP29-a", "Bakı-da"), by "." + a letter ("A.Hacızadə") or by an apostrophe
# + letter; every other non-space character is a token of its own. A hyphen followed by an
# upper-case letter ("Bakı-Qroznı", "Azərbaycan-Türkiyə", "anti-Azərbaycan") separates tokens.
_TOKEN = re.compile(r"\w+(?:(?:-(?=[a-zəçğıöşü0-9])|[.'’](?=\w))\w+)*|[^\w\s]", re.UNICODE)


def tokenize(sentence: str) -> list[tuple[int, int]]:
    """Character spans of the tokens of ``sentence``."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def _articles(real_news_dir: str | Path) -> dict[str, str]:
    path = Path(real_news_dir) / "az.jsonl"
    texts = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    return texts


def load(path_to_jsonl: str | Path, real_news_dir: str | Path,
         stats: dict | None = None) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Rebuild ``(sentence_text, [(start, end, label), ...])`` pairs (offsets relative to the sentence).

    Records whose article is missing or whose sha1 no longer matches are skipped and counted in
    ``stats`` (``missing``, ``sha1_mismatch``) when a dict is passed.
    """
    texts = _articles(real_news_dir)
    out: list[tuple[str, list[tuple[int, int, str]]]] = []
    counts = {"records": 0, "loaded": 0, "missing": 0, "sha1_mismatch": 0}
    with Path(path_to_jsonl).open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            counts["records"] += 1
            text = texts.get(rec["id"])
            if text is None:
                counts["missing"] += 1
                continue
            sentence = text[rec["start"]:rec["end"]]
            if hashlib.sha1(sentence.encode("utf-8")).hexdigest() != rec["sha1"]:
                counts["sha1_mismatch"] += 1
                continue
            spans = []
            for s, e, label in rec["spans"]:
                if label not in LABELS or not (0 <= s < e <= len(sentence)):
                    raise ValueError(f"bad span {[s, e, label]} in {rec['id']}:{rec['start']}")
                spans.append((s, e, label))
            out.append((sentence, sorted(spans)))
            counts["loaded"] += 1
    if stats is not None:
        stats.update(counts)
    return out


def to_iob(sentence: str, spans: list[tuple[int, int, str]]):
    """Tokens with IOB2 tags, plus the spans that do not fall on token boundaries."""
    toks = tokenize(sentence)
    tags = ["O"] * len(toks)
    misaligned = []
    for s, e, label in spans:
        first = next((i for i, (a, _) in enumerate(toks) if a == s), None)
        last = next((i for i, (_, b) in enumerate(toks) if b == e), None)
        if first is None or last is None or last < first:
            misaligned.append((s, e, label))
            continue
        tags[first] = "B-" + label
        for i in range(first + 1, last + 1):
            tags[i] = "I-" + label
    return [(sentence[a:b], t) for (a, b), t in zip(toks, tags)], misaligned


def iob_spans(pairs: list[tuple[str, str]], sentence: str) -> list[tuple[int, int, str]]:
    """Spans (sentence offsets) read back from an IOB2 token sequence of ``sentence``."""
    toks = tokenize(sentence)
    spans, cur = [], None
    for (a, b), (_, tag) in zip(toks, pairs):
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and (cur is None or cur[2] != tag[2:])):
            if cur:
                spans.append(tuple(cur))
            cur = [a, b, tag[2:]] if tag != "O" else None
        else:
            cur[1] = b
    if cur:
        spans.append(tuple(cur))
    return spans


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="IOB2 file to write (token<TAB>tag, blank line between sentences)")
    ap.add_argument("--ann", default=str(DEFAULT_ANN))
    ap.add_argument("--real-news", default=str(DEFAULT_REAL_NEWS))
    args = ap.parse_args(argv)

    stats: dict = {}
    data = load(args.ann, args.real_news, stats)
    n_spans = n_bad = n_roundtrip = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for sentence, spans in data:
            pairs, bad = to_iob(sentence, spans)
            n_spans += len(spans)
            n_bad += len(bad)
            for s, e, label in bad:
                print(f"misaligned {label} span {sentence[s:e]!r} in: {sentence}", file=sys.stderr)
            good = [sp for sp in spans if sp not in bad]
            if iob_spans(pairs, sentence) != good:
                n_roundtrip += 1
                print(f"round-trip differs: {sentence}", file=sys.stderr)
            for tok, tag in pairs:
                fh.write(f"{tok}\t{tag}\n")
            fh.write("\n")
    print(f"records {stats['records']}, written {stats['loaded']}, sha1 mismatches {stats['sha1_mismatch']}, "
          f"missing articles {stats['missing']}; spans {n_spans}, misaligned {n_bad}, "
          f"round-trip failures {n_roundtrip}", file=sys.stderr)
    return 0 if n_roundtrip == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
