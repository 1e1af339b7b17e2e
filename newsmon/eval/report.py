"""Reports of the corpus scores (`eval.corpus`) for the terminal (a fixed-width table) and for CSV
(one row per figure); JSON is the scores' own `as_dict()`."""
from __future__ import annotations

from typing import Any

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


def format_entity_errors(errors: list[dict[str, Any]]) -> str:
    """`eval corpus --entity-errors`: per article, the spurious (+) and missed (-) mentions."""
    lines = []
    for miss in errors:
        lines.append(f"== {miss['path']} ({miss['lang']})")
        lines += [f"   + {label:6} {text}" for text, label in miss["fp"]]
        lines += [f"   - {label:6} {text}" for text, label in miss["fn"]]
    return "\n".join(lines)


def report_rows(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every figure of a corpus or agreement report as one flat row: metric, scope, then P/R/F1 and
    counts, or accuracy with its fraction."""
    rows: list[dict[str, Any]] = []

    def add(metric: str, scope: str, figures: dict[str, Any]) -> None:
        rows.append({"metric": metric, "scope": scope, **figures})

    if "entities" in report:
        ent = report["entities"]
        add("entities", "overall", ent["overall"])
        for key in ("by_language", "by_label", "by_language_label"):
            for scope, figures in ent[key].items():
                add("entities", scope, figures)
        add("dates", "overall", report["dates"]["overall"])
        for scope, figures in report["dates"]["by_language"].items():
            add("dates", scope, figures)
        add("date_values", "overall", report["dates"]["value_accuracy"])
        for scope, figures in report["dates"]["value_accuracy_by_language"].items():
            add("date_values", scope, figures)
    for scope, figures in report["agreements"].items():
        add("agreements", scope, figures)
    if "linking" in report:
        add("linking", "overall", report["linking"]["overall"])
        for scope, figures in report["linking"]["by_language"].items():
            add("linking", scope, figures)
        add("language", "overall", report["language"])
    return rows


REPORT_COLUMNS = ["metric", "scope", "precision", "recall", "f1", "tp", "fp", "fn", "accuracy", "correct",
                  "total"]


def format_agreement_report(report: dict[str, Any], show_misses: bool = False) -> str:
    """`eval agreements`: strict and lenient figures, then (with `show_misses`) every article with a
    wrong or missed record, gold and predicted side by side."""
    lines = ["agreements (type + parties + date signed)  P      R      F1     tp    fp    fn"]
    for name, s in report["agreements"].items():
        lines.append(f"  {name:40} {s['precision']:.3f}  {s['recall']:.3f}  {s['f1']:.3f}  "
                     f"{s['tp']:5} {s['fp']:5} {s['fn']:5}")
    if report.get("causes"):
        lines.append("error causes (records not matched strictly)")
        lines += [f"  {cause:40} {n:5}" for cause, n in report["causes"].items()]
    for miss in report["misses"] if show_misses else ():
        lines.append(f"== {miss['path']}")
        for g in miss["gold"]:
            lines.append(f"   gold {g['type']} {sorted(g['parties'])} {g['date_signed']} {g['status']}")
        for p in miss["predicted"]:
            lines.append(f"   pred {p['type']} {sorted(p['parties'])} {p['date_signed']} {p['status']} | "
                         f"{p['sentence'][:110]}")
        for c in miss.get("causes", ()):
            lines.append(f"   -> {c['cause']}: gold #{c['gold']}, pred #{c['predicted']}")
    lines += [f"  ! {e}" for e in report["errors"]]
    return "\n".join(lines)
