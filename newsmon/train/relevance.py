"""Training and evaluating the relevance classifier (newsmon.nlp.relevance) on labelled articles.

Labels come from the store (`newsmon label`) or, for the shipped model, from a labels CSV whose texts
are read from JSONL files by id (models/build_relevance.py). Evaluation is stratified k-fold
cross-validation of the whole pipeline (features are refitted in every fold, so nothing of a test fold
leaks into its vocabulary), plus a learning curve of F1 against the training-set size.
"""
from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from newsmon.model import now_iso
from newsmon import __version__
from newsmon.nlp.relevance import RelevanceModel, build_estimator, doc_text
from newsmon.store import relevance as relevance_store
from newsmon.store.articles import Store

MIN_PER_CLASS = 4  # fewer examples of a class than this cannot be calibrated and cross-validated


@dataclass
class Labelled:
    """Texts (doc_text form) with 1 = relevant, 0 = irrelevant, and per-item metadata."""

    texts: list[str] = field(default_factory=list)
    y: list[int] = field(default_factory=list)
    ids: list[Any] = field(default_factory=list)
    langs: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)  # how each item was sampled, when known

    def add(self, text: str, label: str, item_id: Any, lang: str, group: str = "") -> None:
        self.texts.append(text)
        self.y.append(1 if label == "relevant" else 0)
        self.ids.append(item_id)
        self.langs.append(lang)
        self.groups.append(group)

    def counts(self) -> dict[str, int]:
        return {"relevant": sum(self.y), "irrelevant": len(self.y) - sum(self.y)}

    def check(self, folds: int) -> None:
        c = self.counts()
        need = max(MIN_PER_CLASS, folds)
        if min(c.values()) < need:
            raise ValueError(f"need at least {need} labelled articles of each class, have "
                             f"{c['relevant']} relevant and {c['irrelevant']} irrelevant "
                             "(label more: newsmon label ID relevant|irrelevant)")


def from_store(store: Store) -> Labelled:
    data = Labelled()
    for row in relevance_store.labelled_texts(store.db):
        data.add(doc_text(row["title"], row["text"]), row["label"], row["id"], row["lang"], "store")
    return data


def from_csv(labels_csv: str | Path, texts: Iterable[str | Path]) -> Labelled:
    """Labels (id,lang,label[,sampled_by]) joined by id with the texts of JSONL files ({id, title, text});
    rows labelled "unsure" are left out."""
    wanted: dict[str, dict[str, str]] = {}
    with open(labels_csv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("label") == "unsure":  # the annotator could not decide: no training signal
                continue
            if row.get("label") not in relevance_store.LABEL_VALUES:
                raise ValueError(f"{labels_csv}: id {row.get('id')!r}: label must be relevant or irrelevant, "
                                 f"got {row.get('label')!r}")
            wanted[row["id"]] = row
    found: dict[str, str] = {}
    for path in texts:
        with open(path, encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if record.get("id") in wanted:
                    found[record["id"]] = doc_text(record.get("title"), record.get("text"))
    missing = [i for i in wanted if i not in found]
    if missing:
        raise ValueError(f"{len(missing)} labelled ids have no text in the given files, e.g. {missing[0]!r}")
    data = Labelled()
    for item_id, row in wanted.items():
        data.add(found[item_id], row["label"], item_id, row.get("lang", ""), row.get("sampled_by", ""))
    return data


def fit(data: Labelled, kind: str = "logreg", name: str = "relevance", source: str = "") -> RelevanceModel:
    import sklearn
    data.check(3)
    estimator = build_estimator(kind)
    estimator.fit(data.texts, data.y)
    meta = {"name": name, "version": datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S"),
            "trained": now_iso(), "kind": kind,
            "labels": data.counts(), "languages": dict(Counter(data.langs)), "source": source,
            "features": "folded title + first 3000 chars; TF-IDF word 1-2 grams + char_wb 2-5 grams",
            "calibration": "CalibratedClassifierCV(sigmoid, 3 shuffled stratified folds)",
            "newsmon": __version__, "scikit_learn": sklearn.__version__}
    return RelevanceModel(estimator, meta)


def _prf(y_true: Sequence[int], y_pred: Sequence[int]) -> dict[str, float]:
    from sklearn.metrics import precision_recall_fscore_support
    p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, average="binary", pos_label=1, zero_division=0)
    return {"precision": round(float(p), 3), "recall": round(float(r), 3), "f1": round(float(f), 3),
            "n": len(y_true), "relevant": int(sum(y_true))}


def cross_validate(data: Labelled, kind: str = "logreg", folds: int = 5, seed: int = 0,
                   threshold: float = 0.5) -> dict[str, Any]:
    """Out-of-fold scores for every item: P/R/F1 of "relevant" overall, per language and per sampling
    group, plus ROC AUC and the out-of-fold probabilities (for further analysis)."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    data.check(folds)
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    proba = cross_val_predict(build_estimator(kind), data.texts, data.y, cv=cv, method="predict_proba")[:, 1]
    return {"kind": kind, "folds": folds, **figures(data, proba, threshold)}


def held_out(model: RelevanceModel, data: Labelled, threshold: float = 0.5) -> dict[str, Any]:
    """The figures of a fitted model on labelled items it was not trained on (a held-out test set)."""
    return {"model": model.name, **figures(data, model.score(data.texts), threshold)}


def figures(data: Labelled, proba: Sequence[float], threshold: float = 0.5) -> dict[str, Any]:
    """P/R/F1 of "relevant" at the threshold and ROC AUC, overall, per language and per sampling group,
    from one score per item; plus the scores themselves ("oof": out of fold when they come from
    cross-validation) for further analysis."""
    from sklearn.metrics import roc_auc_score
    pred = [int(p >= threshold) for p in proba]
    out: dict[str, Any] = {"threshold": threshold, "overall": _prf(data.y, pred)}
    if len(set(data.y)) == 2:
        out["roc_auc"] = round(float(roc_auc_score(data.y, proba)), 3)
    for key, values in (("by_lang", data.langs), ("by_sample", data.groups)):
        part = {}
        for value in sorted(set(values)):
            idx = [i for i, v in enumerate(values) if v == value]
            part[value or "?"] = _prf([data.y[i] for i in idx], [pred[i] for i in idx])
            ys = {data.y[i] for i in idx}
            if len(ys) == 2:  # ranking quality within the group, independent of the threshold
                part[value or "?"]["roc_auc"] = round(float(roc_auc_score([data.y[i] for i in idx],
                                                                          [proba[i] for i in idx])), 3)
        out[key] = part
    out["oof"] = [{"id": i, "label": y, "score": round(float(p), 4)} for i, y, p in zip(data.ids, data.y, proba)]
    return out


def learning_curve(data: Labelled, kind: str = "logreg", folds: int = 5, seed: int = 0,
                   sizes: Sequence[float] = (0.2, 0.4, 0.6, 0.8, 1.0)) -> list[dict[str, Any]]:
    """F1 of "relevant" (cross-validated) against the number of training items."""
    import warnings

    from sklearn.model_selection import StratifiedKFold, learning_curve as sk_learning_curve
    data.check(folds)
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():  # the smallest sizes may lack a class in a calibration fold
        warnings.simplefilter("ignore")
        n, train, test = sk_learning_curve(build_estimator(kind), data.texts, data.y, cv=cv, scoring="f1",
                                           train_sizes=list(sizes), shuffle=True, random_state=seed,
                                           error_score=0.0)
    return [{"train_size": int(k), "f1_train": round(float(tr.mean()), 3), "f1_cv": round(float(te.mean()), 3),
             "f1_cv_std": round(float(te.std()), 3)} for k, tr, te in zip(n, train, test)]


def score_store(store: Store, model: RelevanceModel, batch: int = 500) -> int:
    """Score every stored article (duplicates too: a copy is as relevant as its original)."""
    at = now_iso()
    total = 0
    last = 0
    while True:
        rows = store.db.execute("select id, title, text from articles where id > ? order by id limit ?",
                                [last, batch]).fetchall()
        if not rows:
            return total
        scores = model.score([doc_text(title, text) for _, title, text in rows])
        total += relevance_store.write_scores(store.db, zip((r[0] for r in rows), scores), model.name, at)
        last = rows[-1][0]
