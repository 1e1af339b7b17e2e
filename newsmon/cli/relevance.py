"""`newsmon label`, `newsmon score`, `newsmon train relevance`, `newsmon eval relevance`: relevance to
the beat (model in nlp/relevance.py, training and evaluation in train/relevance.py)."""
from __future__ import annotations

import csv
import json

import click

from newsmon.cli.context import CliContext
from newsmon.cli.output import render
from newsmon.model import now_iso
from newsmon.store import relevance as relevance_store
from newsmon.store.articles import Store


@click.command(name="label")
@click.argument("article_id", required=False, type=int)
@click.argument("label", required=False, type=click.Choice(relevance_store.LABEL_VALUES))
@click.option("--csv", "csv_path", type=click.Path(exists=True, dir_okay=False),
              help="Labels to import: a CSV with a label column and an id (store id) or url column.")
@click.option("--by", default=None, help="Who labels (kept with the label).")
@click.pass_obj
def label_command(obj: CliContext, article_id: int | None, label: str | None, csv_path: str | None,
                  by: str | None) -> None:
    """Label an article relevant or irrelevant to the beat (training data for `train relevance`).

    \b
    Example:
        newsmon label 42 relevant
        newsmon label --csv my-labels.csv      # columns: id (or url), label
    """
    store = obj.store
    if csv_path:
        if article_id is not None:
            raise click.UsageError("give either ARTICLE_ID LABEL or --csv FILE, not both")
        done = _label_csv(store, csv_path, by)
        obj.report(f"labelled {done} articles from {csv_path}")
        return
    if article_id is None or label is None:
        raise click.UsageError("give ARTICLE_ID and LABEL (relevant or irrelevant), or --csv FILE")
    try:
        relevance_store.set_label(store.db, article_id, label, by, now_iso())
    except KeyError as exc:
        raise click.ClickException(str(exc.args[0])) from None
    obj.report(f"article {article_id}: {label}")


def _label_csv(store: Store, path: str, by: str | None) -> int:
    """All rows or none: a bad row is reported with its line number and nothing is written."""
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if "label" not in (reader.fieldnames or []) or not {"id", "url"} & set(reader.fieldnames or []):
            raise click.ClickException(f"{path}: expected a header with label and id or url columns")
        for line, row in enumerate(reader, start=2):
            label = (row.get("label") or "").strip()
            if label not in relevance_store.LABEL_VALUES:
                raise click.ClickException(f"{path}:{line}: label must be relevant or irrelevant, got {label!r}")
            ident = (row.get("id") or "").strip()
            aid = relevance_store.article_id(store.db, int(ident) if ident.isdigit() else None,
                                             (row.get("url") or "").strip() or None)
            if aid is None:
                raise click.ClickException(f"{path}:{line}: no stored article {ident or row.get('url')!r}")
            rows.append((aid, label))
    at = now_iso()
    with store.db.conn:
        for aid, label in rows:
            relevance_store.set_label(store.db, aid, label, by, at)
    return len(rows)


@click.command(name="relevance")
@click.option("--kind", type=click.Choice(["logreg", "svm"]), default="logreg", show_default=True,
              help="Linear model under the calibration: logistic regression or linear SVM.")
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Model directory (default: $NEWSMON_RELEVANCE_MODEL, else models/relevance).")
@click.option("--no-score", is_flag=True, help="Do not rescore the stored articles afterwards.")
@click.pass_obj
def train_relevance(obj: CliContext, kind: str, out: str | None, no_score: bool) -> None:
    """Fit the relevance model on the store's labels and score every stored article.

    \b
    Example:
        newsmon label 12 relevant && newsmon label 13 irrelevant   # ... a few dozen of each
        newsmon train relevance --out my-beat-model
    """
    from newsmon.nlp.relevance import default_model_dir
    from newsmon.train.relevance import fit, from_store, score_store

    store = obj.store
    data = from_store(store)
    try:
        model = fit(data, kind, name="relevance", source=f"labels in {store.path}")
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    directory = model.save(out or default_model_dir())
    obj.report(f"trained on {data.counts()} -> {directory}")
    if not no_score:
        obj.report(f"scored {score_store(store, model)} articles")


@click.command(name="relevance")
@click.option("--kind", type=click.Choice(["logreg", "svm"]), default="logreg", show_default=True)
@click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 20))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def eval_relevance(obj: CliContext, kind: str, folds: int, fmt: str) -> None:
    """Cross-validated precision, recall and F1 of "relevant" on the store's labels, and the learning
    curve (F1 against the number of training articles).

    \b
    Example:
        newsmon eval relevance --folds 5 --format json
    """
    from newsmon.train.relevance import cross_validate, from_store, learning_curve

    data = from_store(obj.reader)
    try:
        report = cross_validate(data, kind, folds)
        report["learning_curve"] = learning_curve(data, kind, folds)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    report.pop("oof")
    if fmt == "json":
        click.echo(json.dumps(report, indent=2))
        return
    o = report["overall"]
    click.echo(f"{folds}-fold cross-validation, {kind}, {o['n']} labelled ({o['relevant']} relevant): "
               f"P {o['precision']:.3f}  R {o['recall']:.3f}  F1 {o['f1']:.3f}  ROC AUC {report['roc_auc']:.3f}")
    click.echo(render([{"lang": k, **v} for k, v in report["by_lang"].items()], "table"))
    click.echo("\nlearning curve")
    click.echo(render(report["learning_curve"], "table"))


@click.command(name="score")
@click.option("--model", "model_dir", type=click.Path(file_okay=False, exists=True), default=None,
              help="Model directory (default: $NEWSMON_RELEVANCE_MODEL, else models/relevance).")
@click.pass_obj
def score_command(obj: CliContext, model_dir: str | None) -> None:
    """Score every stored article with the relevance model (after installing or replacing one).

    \b
    Example:
        newsmon score && newsmon search ASAN --min-relevance 0.5
    """
    from newsmon.nlp.relevance import RelevanceModel, default_model_dir
    from newsmon.train.relevance import score_store

    try:
        model = RelevanceModel.load(model_dir or default_model_dir())
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    obj.report(f"scored {score_store(obj.store, model)} articles with {model.name}")
