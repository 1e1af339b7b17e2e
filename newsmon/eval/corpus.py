"""`newsmon eval corpus`: score the whole pipeline on a gold corpus such as corpus/sample-gold.jsonl.

Each gold line names a page of the site directory; the page goes through extraction and the full NLP
pipeline, and what comes out is compared with the gold:
  - entities: (text, label) pairs per article, counted as multisets, P/R/F1 per language and label;
  - dates: (text, value, precision) per article, P/R/F1, and the value accuracy on dates whose text
    was found (did we normalise it right?);
  - agreements: type + party set + date signed (eval_agreements.score_agreements), strict and lenient;
  - linking: of the gold mentions the pipeline found, the share whose canonical entity is right
    (canonical names compared folded), per language;
  - language: the article language against the gold.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmon.eval.agreements import read_gold, score_agreements
from newsmon.nlp.extract import extract_html
from newsmon.model import Article
from newsmon.samplesite import ORIGIN
from newsmon.eval.scoring import Counts
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

    def entity_total(self, lang: str | None = None, label: str | None = None) -> Counts:
        total = Counts()
        for (lg, lb), c in self.entities.items():
            if (lang is None or lg == lang) and (label is None or lb == label):
                total += c
        return total

    def as_dict(self) -> dict[str, Any]:
        def prf(c: Counts) -> dict[str, float | int]:
            return {"precision": round(c.precision, 4), "recall": round(c.recall, 4),
                    "f1": round(c.f1, 4), "tp": c.tp, "fp": c.fp, "fn": c.fn}

        def acc(pair: list[int]) -> dict[str, float | int]:
            return {"accuracy": round(pair[0] / pair[1], 4) if pair[1] else None,
                    "correct": pair[0], "total": pair[1]}

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
            [m.text for m in predicted if m.label == label],
            [e["text"] for e in gold.get("entities", []) if e["label"] == label])

    # linking: each gold mention found with the right label; right when the canonical name agrees
    by_surface: dict[tuple[str, str], list[str]] = defaultdict(list)
    for m in predicted:
        by_surface[(m.text, m.label)].append(fold(m.canonical_name or m.text))
    for e in gold.get("entities", []):
        names = by_surface.get((e["text"], e["label"]))
        if names:
            name = names.pop(0)
            scores.linking[lang][1] += 1
            scores.linking[lang][0] += int(name == fold(e["canonical"]))

    gold_dates = gold.get("dates", [])
    scores.dates[lang] += _multiset_counts([(d.text, d.value, d.precision) for d in article.dates],
                                           [(d["text"], d["value"], d["precision"]) for d in gold_dates])
    by_text: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for d in article.dates:
        by_text[d.text].append((d.value, d.precision))
    for d in gold_dates:
        found = by_text.get(d["text"])
        if found:
            scores.date_values[lang][1] += 1
            scores.date_values[lang][0] += int(found.pop(0) == (d["value"], d["precision"]))

    expected = gold.get("agreements") or []
    scores.agreements += score_agreements(article.agreements, expected)
    scores.agreements_lenient += score_agreements(article.agreements, expected, lenient=True)


def evaluate_corpus(gold_path: str | Path, site_dir: str | Path, pipeline: Any) -> CorpusScores:
    """Run `pipeline` over every gold page of `site_dir` and score it."""
    scores = CorpusScores()
    for gold in read_gold(gold_path):
        page = Path(site_dir) / gold["path"].lstrip("/")
        try:
            html = page.read_text(encoding="utf-8")
        except OSError as exc:
            scores.errors.append(f"{gold['path']}: cannot read {page} ({exc.strerror})")
            continue
        doc = extract_html(html, ORIGIN + gold["path"], "gold")
        if doc is None:
            scores.errors.append(f"{gold['path']}: no text extracted")
            continue
        score_article(pipeline.process(doc), gold, scores)
    return scores


def format_report(report: dict[str, Any]) -> str:
    lines = ["entities (text + label)          P      R      F1     tp    fp    fn"]

    def row(name: str, s: dict) -> str:
        return (f"  {name:30} {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}  "
                f"{s['tp']:5} {s['fp']:5} {s['fn']:5}")

    ent = report["entities"]
    lines.append(row("overall", ent["overall"]))
    lines += [row(f"lang {k}", v) for k, v in ent["by_language"].items()]
    lines += [row(f"label {k}", v) for k, v in ent["by_label"].items()]
    lines += [row(k, v) for k, v in ent["by_language_label"].items()]
    lines.append("dates (text + value + precision)")
    lines.append(row("overall", report["dates"]["overall"]))
    lines += [row(f"lang {k}", v) for k, v in report["dates"]["by_language"].items()]
    va = report["dates"]["value_accuracy"]
    lines.append(f"  value accuracy on found dates  {va['accuracy']}  ({va['correct']}/{va['total']})")
    lines.append("agreements (type + parties + date signed)")
    lines.append(row("strict", report["agreements"]["strict"]))
    lines.append(row("lenient (type + one party)", report["agreements"]["lenient"]))
    link = report["linking"]["overall"]
    lines.append(f"linking accuracy                 {link['accuracy']}  ({link['correct']}/{link['total']})")
    for k, v in report["linking"]["by_language"].items():
        lines.append(f"  lang {k:27} {v['accuracy']}  ({v['correct']}/{v['total']})")
    la = report["language"]
    lines.append(f"article language accuracy        {la['accuracy']}  ({la['correct']}/{la['total']})")
    lines += [f"  ! {e}" for e in report["errors"]]
    return "\n".join(lines)
