"""Build the shipped relevance model (models/relevance/) from the hand labels in corpus/relevance/labels.csv.

The texts are not in the repository: they are read by id from ../shared/data/real-news/{az,en,fr}.jsonl.
Prints the cross-validated figures (overall, per language, keyword-sampled vs random items), the learning
curve, and the score distribution on the real-news articles nobody labelled; writes them to
models/relevance/report.json beside the model.

    python models/build_relevance.py [--labels corpus/relevance/labels.csv] [--shared ../shared]
    python models/build_relevance.py --test corpus/relevance/labels-test.csv   # the saved model, held out

--test scores labelled articles the model was not trained on with the model already saved in --out (no
fitting) and records the figures under "held_out" in its report.json, by model name; a rebuild keeps them.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsmon.nlp.relevance import RelevanceModel, doc_text  # noqa: E402
from newsmon.train.relevance import cross_validate, fit, from_csv, held_out, learning_curve  # noqa: E402


def evaluate(data, kind: str | None, folds: int) -> dict:
    """Cross-validated figures of both kinds, the better one chosen, and its learning curve."""
    report: dict = {"kinds": {}}
    for name in ("logreg", "svm"):
        cv = cross_validate(data, name, folds)
        cv.pop("oof")
        report["kinds"][name] = cv
        o = cv["overall"]
        print(f"{name}: {folds}-fold CV  P {o['precision']:.3f}  R {o['recall']:.3f}  F1 {o['f1']:.3f}  "
              f"AUC {cv['roc_auc']:.3f}")
        for group, figures in {**cv["by_lang"], **cv["by_sample"]}.items():
            print(f"    {group:8} n={figures['n']:3} relevant={figures['relevant']:3}  P {figures['precision']:.3f}"
                  f"  R {figures['recall']:.3f}  F1 {figures['f1']:.3f}  AUC {figures.get('roc_auc', float('nan')):.3f}")
    report["chosen"] = kind or max(report["kinds"], key=lambda k: report["kinds"][k]["overall"]["f1"])
    print(f"model: {report['chosen']}")
    report["learning_curve"] = learning_curve(data, report["chosen"], folds)
    print("learning curve (F1 cross-validated):",
          ", ".join(f"{p['train_size']}: {p['f1_cv']:.3f}" for p in report["learning_curve"]))
    return report


def shown(path: str | Path) -> str:
    """A path as recorded in report.json: relative to the repository when inside it (no checkout's name)."""
    full = Path(path).resolve()
    return str(full.relative_to(REPO) if full.is_relative_to(REPO) else full)


def print_figures(figures: dict) -> None:
    o = figures["overall"]
    print(f"    {'all':8} n={o['n']:3} relevant={o['relevant']:3}  P {o['precision']:.3f}  R {o['recall']:.3f}"
          f"  F1 {o['f1']:.3f}  AUC {figures.get('roc_auc', float('nan')):.3f}")
    for group, part in figures["by_lang"].items():
        print(f"    {group:8} n={part['n']:3} relevant={part['relevant']:3}  P {part['precision']:.3f}"
              f"  R {part['recall']:.3f}  F1 {part['f1']:.3f}  AUC {part.get('roc_auc', float('nan')):.3f}")


def test(labels: str, trained: str, news: list[Path], directory: Path) -> None:
    """Score held-out labels with the saved model and record the figures beside it."""
    model = RelevanceModel.load(directory)
    data = from_csv(labels, news)
    trained_on = set(from_csv(trained, news).ids)
    overlap = trained_on & set(data.ids)
    if overlap:  # a test item the model was fitted on would flatter it
        sys.exit(f"{len(overlap)} test ids are in the training labels, e.g. {sorted(overlap)[0]!r}")
    figures = held_out(model, data)
    print(f"held-out test of {model.name} on {labels}: {data.counts()}")
    print_figures(figures)
    figures.pop("oof")
    report_path = directory / "report.json"
    report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.is_file() else {}
    report.setdefault("held_out", {})[model.name] = {"labels": shown(labels), **figures}
    report_path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", default=str(REPO / "corpus/relevance/labels.csv"))
    parser.add_argument("--shared", default=str(REPO.parent / "shared"))
    parser.add_argument("--out", default=str(REPO / "models/relevance"))
    parser.add_argument("--kind", choices=["logreg", "svm"], help="default: the better cross-validated F1")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-eval", action="store_true", help="only fit and save (no cross-validation, "
                        "no learning curve): the figures of the last full run stay in report.json")
    parser.add_argument("--test", metavar="FILE", help="labels the saved model was not trained on: score "
                        "them with it (no fitting) and record P/R/F1/AUC in its report.json")
    args = parser.parse_args()

    news = [Path(args.shared) / "data/real-news" / f"{lang}.jsonl" for lang in ("az", "en", "fr")]
    if args.test:
        test(args.test, args.labels, news, Path(args.out))
        return
    data = from_csv(args.labels, news)
    print(f"labels: {data.counts()} by language {dict(Counter(data.langs))} by sample {dict(Counter(data.groups))}")

    report_path = Path(args.out) / "report.json"
    before = json.loads(report_path.read_text(encoding="utf-8")) if report_path.is_file() else {}
    report = {"labels": shown(args.labels), "counts": data.counts(), "kinds": {}}
    if args.no_eval and before:
        report = before
    report["held_out"] = before.get("held_out", {})  # earlier models' test figures stay on record
    if not args.no_eval:
        report.update(evaluate(data, args.kind, args.folds))
    kind = args.kind or report.get("chosen") or "svm"
    model = fit(data, kind, name="relevance-egov", source="corpus/relevance/labels.csv "
                "(texts: shared/data/real-news)")
    # trained on every label; the unlabelled real-news articles are what it will meet
    labelled = set(data.ids)
    unlabelled: dict[str, list[tuple[str, str, float]]] = {}
    for path in news:
        items = [json.loads(line) for line in path.open(encoding="utf-8")]
        items = [r for r in items if r["id"] not in labelled]
        scores = model.score([doc_text(r.get("title"), r.get("text")) for r in items])
        unlabelled[path.stem] = sorted(((r["id"], r.get("title") or "", s) for r, s in zip(items, scores)),
                                       key=lambda t: -t[2])
    report["unlabelled"] = {
        lang: {"n": len(rows), "scored_0.5_or_more": sum(s >= 0.5 for *_, s in rows),
               "top": [{"id": i, "title": t[:100], "score": round(s, 3)} for i, t, s in rows[:15]]}
        for lang, rows in unlabelled.items()}
    for lang, part in report["unlabelled"].items():
        print(f"unlabelled {lang}: {part['n']} articles, {part['scored_0.5_or_more']} scored >= 0.5")
    directory = model.save(args.out)
    report["chosen"] = kind
    (directory / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"saved {directory} ({model.name})")


if __name__ == "__main__":
    main()
