"""`newsmon eval corpus`: score the whole pipeline on a gold corpus such as corpus/sample-gold.jsonl.

Each gold line names a page of the site directory; the page goes through extraction and the full NLP
pipeline, and what comes out is compared with the gold:
  - entities: (text, label) pairs per article, counted as multisets, P/R/F1 per language and label;
  - dates: (text, value, precision) per article, P/R/F1, and the value accuracy on dates whose text
    was found (did we normalise it right?);
  - agreements: type + parties + date signed (`eval.agreements.score_agreements`; parties match any of
    the gold's `party_names` when it gives them), strict and lenient;
  - linking: of the gold mentions the pipeline found, the share whose canonical entity is right
    (canonical names compared folded), per language;
  - language: the article language against the gold.
Surface texts are compared with whitespace collapsed (`surface`): extraction turns every run of spaces,
including the no-break spaces French typography puts in "11\u00a0décembre", into one space, while the
gold keeps the page's characters; the two spell the same mention.
"""
from __future__ import annotations

import fnmatch
import json
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmon.eval.agreements import ERROR_CAUSES, classify_errors, score_agreements
from newsmon.eval.scoring import Counts
from newsmon.model import Article, DateMention, Document, Mention, Segment
from newsmon.nlp.extract import extract_html
from newsmon.samplesite import ORIGIN
from newsmon.text.normalize import fold

ENTITY_LABELS = ("PERSON", "ORG", "LOC")


@dataclass
class CorpusScores:
    entities: dict[tuple[str, str], Counts] = field(default_factory=lambda: defaultdict(Counts))
    dates: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    date_values: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    agreements: Counts = field(default_factory=Counts)
    agreements_lenient: Counts = field(default_factory=Counts)
    linking: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    language: list[int] = field(default_factory=lambda: [0, 0])
    errors: list[str] = field(default_factory=list)
    # per article, the (text, label) pairs predicted but not in the gold and the reverse (`entity_errors`)
    entity_misses: list[dict[str, Any]] = field(default_factory=list)

    def entity_total(self, lang: str | None = None, label: str | None = None) -> Counts:
        total = Counts()
        for (lg, lb), c in self.entities.items():
            if (lang is None or lg == lang) and (label is None or lb == label):
                total += c
        return total

    def as_dict(self) -> dict[str, Any]:
        prf, acc = _prf, _acc
        langs = sorted({lg for lg, _ in self.entities} | set(self.dates))
        dates_all = sum(self.dates.values(), Counts())
        values_all = [sum(v[0] for v in self.date_values.values()),
                      sum(v[1] for v in self.date_values.values())]
        linking_all = [sum(v[0] for v in self.linking.values()), sum(v[1] for v in self.linking.values())]
        return {
            "entities": {
                "overall": prf(self.entity_total()),
                "by_language": {lg: prf(self.entity_total(lg)) for lg in langs},
                "by_label": {lb: prf(self.entity_total(label=lb)) for lb in ENTITY_LABELS},
                "by_language_label": {f"{lg}/{lb}": prf(c) for (lg, lb), c in sorted(self.entities.items())},
            },
            "dates": {"overall": prf(dates_all), "by_language": {lg: prf(c) for lg, c in sorted(self.dates.items())},
                      "value_accuracy": acc(values_all),
                      "value_accuracy_by_language": {lg: acc(v) for lg, v in sorted(self.date_values.items())}},
            "agreements": {"strict": prf(self.agreements), "lenient": prf(self.agreements_lenient)},
            "linking": {"overall": acc(linking_all),
                        "by_language": {lg: acc(v) for lg, v in sorted(self.linking.items())}},
            "language": acc(self.language),
            "errors": self.errors,
        }

    def entity_errors(self, label: str | None = None) -> list[dict[str, Any]]:
        """Per article with an entity error, the spurious (`fp`) and missed (`fn`) mentions as
        [text, label], in the order of the text; only those of `label` when given."""
        out = []
        for miss in self.entity_misses:
            fp = [x for x in miss["fp"] if label is None or x[1] == label]
            fn = [x for x in miss["fn"] if label is None or x[1] == label]
            if fp or fn:
                out.append({"path": miss["path"], "lang": miss["lang"], "fp": fp, "fn": fn})
        return out


def _prf(c: Counts) -> dict[str, float | int]:
    return {"precision": round(c.precision, 4), "recall": round(c.recall, 4),
            "f1": round(c.f1, 4), "tp": c.tp, "fp": c.fp, "fn": c.fn}


def _acc(pair: list[int]) -> dict[str, float | int | None]:
    return {"accuracy": round(pair[0] / pair[1], 4) if pair[1] else None, "correct": pair[0], "total": pair[1]}


def surface(text: str) -> str:
    """A mention's text as extraction writes it: whitespace runs (NBSP included) as one space."""
    return " ".join(text.split())


def _multiset_counts(predicted: Iterable[tuple], gold: Iterable[tuple]) -> Counts:
    p, g = Counter(predicted), Counter(gold)
    tp = sum((p & g).values())
    return Counts(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def score_article(article: Article, gold: dict[str, Any], scores: CorpusScores) -> None:
    lang = gold["lang"]
    scores.language[1] += 1
    scores.language[0] += int(article.lang == lang)
    if article.lang != lang:
        scores.errors.append(f"{gold['path']}: language {article.lang}, gold {lang}")

    predicted = [m for m in article.mentions if m.label in ENTITY_LABELS]
    for label in ENTITY_LABELS:
        scores.entities[(lang, label)] += _multiset_counts(
            [surface(m.text) for m in predicted if m.label == label],
            [surface(e["text"]) for e in gold.get("entities", []) if e["label"] == label])
    said = [(surface(m.text), m.label) for m in predicted]
    meant = [(surface(e["text"]), e["label"]) for e in gold.get("entities", [])]
    spurious, missed = Counter(said) - Counter(meant), Counter(meant) - Counter(said)
    scores.entity_misses.append({"path": gold.get("path", ""), "lang": lang,
                                 "fp": [list(x) for x in _in_order(said, spurious)],
                                 "fn": [list(x) for x in _in_order(meant, missed)]})

    # linking: each gold mention found with the right label; right when the canonical name agrees
    by_surface: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in predicted:
        by_surface[(surface(m.text), m.label)].append(fold(m.canonical_name or m.text))
    for e in gold.get("entities", []):
        names = by_surface.get((surface(e["text"]), e["label"]))
        if names:
            name = names.pop(0)
            scores.linking[lang][1] += 1
            scores.linking[lang][0] += int(name == fold(e["canonical"]))

    score_dates(article.dates, gold.get("dates", []), lang, scores)

    expected = gold.get("agreements") or []
    scores.agreements += score_agreements(article.agreements, expected)
    scores.agreements_lenient += score_agreements(article.agreements, expected, lenient=True)


def score_dates(predicted: Iterable[DateMention], gold_dates: list[dict[str, Any]], lang: str,
                scores: CorpusScores) -> None:
    """One article's dates against its gold (`text`, `value`, `precision`), into `scores` under `lang`:
    (text, value, precision) as multisets for P/R/F1, and the value accuracy of gold dates whose text
    was found. Also the matcher of benchmarks/realnews_dates.py."""
    predicted = list(predicted)
    scores.dates[lang] += _multiset_counts([(surface(d.text), d.value, d.precision) for d in predicted],
                                           [(surface(d["text"]), d["value"], d["precision"]) for d in gold_dates])
    by_text: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for d in predicted:
        by_text[surface(d.text)].append((d.value, d.precision))
    for d in gold_dates:
        found = by_text.get(surface(d["text"]))
        if found:
            scores.date_values[lang][1] += 1
            scores.date_values[lang][0] += int(found.pop(0) == (d["value"], d["precision"]))


def _in_order(items: list[tuple[str, str]], wanted: Counter) -> list[tuple[str, str]]:
    """The items of the `wanted` multiset, in their order in `items`."""
    left, out = Counter(wanted), []
    for item in items:
        if left[item] > 0:
            left[item] -= 1
            out.append(item)
    return out


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold corpus: one JSON object per line (`path`, `lang`, `entities`, `dates`, `agreements`)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def select_gold(golds: Iterable[dict[str, Any]], only_paths: Collection[str] | None = None,
                exclude: Iterable[str] = ()) -> list[dict[str, Any]]:
    """The gold articles to score: those whose `path` is in `only_paths` (all when None) and matches
    none of the `exclude` glob patterns, e.g. to report a blind subset apart."""
    patterns = list(exclude)
    return [g for g in golds if (only_paths is None or g["path"] in only_paths)
            and not any(fnmatch.fnmatchcase(g["path"], p) for p in patterns)]


def read_paths(path: str | Path) -> set[str]:
    """Gold paths listed in a file, one per line; blank lines and `#` comments are skipped."""
    with open(path, encoding="utf-8") as f:
        return {line.split("#", 1)[0].strip() for line in f} - {""}


def _locate(text: str, items: Iterable[dict[str, Any]]) -> list[tuple[int, int, dict]]:
    """Offsets of gold items in `text`, in order: each is searched after the previous one, falling back
    to the first occurrence anywhere (gold lists title and body mentions in reading order)."""
    out, pos = [], 0
    for item in items:
        said = surface(item["text"])
        at = text.find(said, pos)
        if at < 0:
            at = text.find(said)
        if at < 0:
            continue
        out.append((at, at + len(said), item))
        pos = at + len(said)
    return out


def _segments(text: str, lang: str, other_langs: list[str]) -> list[Segment]:
    """Per-paragraph languages for the oracle: the article language, except that paragraphs written
    mostly with Azerbaijani letters are marked az on a mixed page."""
    segments, pos = [], 0
    for para in text.split("\n"):
        seg_lang = lang
        if "az" in other_langs and sum(para.count(c) for c in "əığşƏİĞŞ") >= 3:
            seg_lang = "az"
        segments.append(Segment(pos, pos + len(para), seg_lang, 1.0))
        pos += len(para) + 1
    return segments


def oracle_article(gold: dict[str, Any], doc: Document) -> Article:
    """The article with the gold entities and dates as its (perfectly linked) mentions, and the
    agreements `find_agreements` makes of them: the agreement stage alone, apart from NER, linking
    and date errors."""
    from newsmon.nlp.agreements.find import find_agreements

    doc.published = gold.get("published") or doc.published
    lang = gold.get("lang", "en")
    mentions = [Mention(doc.text[s:e], item["label"], s, e, lang, canonical_id=fold(item["canonical"]),
                        canonical_name=item["canonical"])
                for s, e, item in _locate(doc.text, gold.get("entities", []))]
    dates = [DateMention(doc.text[s:e], item["value"], item["precision"], s, e, item.get("inferred", False))
             for s, e, item in _locate(doc.text, gold.get("dates", []))]
    segments = _segments(doc.text, lang, gold.get("other_langs") or [])
    article = Article(doc=doc, lang=lang, lang_prob=1.0, segments=segments, mentions=mentions, dates=dates)
    article.agreements = find_agreements(article, None)
    return article


def gold_articles(golds: Iterable[dict[str, Any]], site_dir: str | Path, pipeline: Any = None,
                  errors: list[str] | None = None) -> Iterator[tuple[dict[str, Any], Article]]:
    """Each gold line with the article made of its page: by `pipeline`, or with none by
    `oracle_article`. Pages that cannot be read or have no text are skipped, with a line in `errors`."""
    errors = [] if errors is None else errors
    for gold in golds:
        page = Path(site_dir) / gold["path"].lstrip("/")
        try:
            html = page.read_text(encoding="utf-8")
        except OSError as exc:
            errors.append(f"{gold['path']}: cannot read {page} ({exc.strerror})")
            continue
        doc = extract_html(html, ORIGIN + gold["path"], "gold")
        if doc is None:
            errors.append(f"{gold['path']}: no text extracted")
            continue
        yield gold, (pipeline.process(doc) if pipeline is not None else oracle_article(gold, doc))


def evaluate_corpus(gold_path: str | Path, site_dir: str | Path, pipeline: Any,
                    only_paths: Collection[str] | None = None, exclude: Iterable[str] = ()) -> CorpusScores:
    """Run `pipeline` over every gold page of `site_dir` (or the subset selected as in `select_gold`)
    and score it."""
    scores = CorpusScores()
    golds = select_gold(read_gold(gold_path), only_paths, exclude)
    for gold, article in gold_articles(golds, site_dir, pipeline, scores.errors):
        score_article(article, gold, scores)
    return scores


@dataclass
class AgreementScores:
    strict: Counts = field(default_factory=Counts)
    lenient: Counts = field(default_factory=Counts)
    errors: list[str] = field(default_factory=list)  # pages that could not be scored
    misses: list[dict[str, Any]] = field(default_factory=list)  # articles with a wrong or missed record
    causes: Counter[str] = field(default_factory=Counter)  # error cause -> how many (`classify_errors`)

    def as_dict(self) -> dict[str, Any]:
        return {"agreements": {"strict": _prf(self.strict), "lenient": _prf(self.lenient)},
                "causes": {c: self.causes[c] for c in ERROR_CAUSES if self.causes[c]},
                "errors": self.errors, "misses": self.misses}


def evaluate_agreements(gold_path: str | Path, site_dir: str | Path, pipeline: Any = None,
                        only_paths: Collection[str] | None = None,
                        exclude: Iterable[str] = ()) -> AgreementScores:
    """Agreement extraction alone: with no `pipeline`, from the gold entities and dates
    (`oracle_article`); with one, from what the whole pipeline finds. Scored as in `eval corpus`,
    with each article that has a wrong or missed record kept in `misses`."""
    scores = AgreementScores()
    golds = select_gold(read_gold(gold_path), only_paths, exclude)
    for gold, article in gold_articles(golds, site_dir, pipeline, scores.errors):
        expected = gold.get("agreements") or []
        strict = score_agreements(article.agreements, expected)
        scores.strict += strict
        scores.lenient += score_agreements(article.agreements, expected, lenient=True)
        if strict.fp or strict.fn:
            causes = classify_errors(article.agreements, expected)
            scores.causes.update(c for c, _, _ in causes)
            scores.misses.append({
                "path": gold["path"],
                "causes": [{"cause": c, "gold": g, "predicted": p} for c, g, p in causes],
                "gold": [{"type": g["type"], "parties": g.get("parties") or [],
                          "date_signed": (g.get("date_signed") or {}).get("value"), "status": g.get("status")}
                         for g in expected],
                "predicted": [{"type": p.type, "parties": [x.name for x in p.parties],
                               "date_signed": (p.date_signed or {}).get("value"), "status": p.status,
                               "sentence": p.sentence} for p in article.agreements]})
    return scores
