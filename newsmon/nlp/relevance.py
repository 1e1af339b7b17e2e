"""Relevance to the beat: a calibrated linear classifier over word and character n-grams.

One model for az, en and fr together: character n-grams carry Azerbaijani suffixes and shared names
(ASAN, KOICA, e-gov...) across languages, word n-grams carry phrases. Text is folded first (ə/ı/ü,
accents, case) so spelling variants share features. The score is a calibrated probability of
"relevant" (CalibratedClassifierCV, sigmoid), so a threshold of 0.5 means what it says.

The model is saved with joblib next to a meta.json (name, version, training counts, scikit-learn
version); `load` refuses a model saved by another scikit-learn major.minor with a clear message.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmon.settings import MODELS_DIR
from newsmon.text.normalize import fold

MODEL_FILE = "model.joblib"
META_FILE = "meta.json"
TEXT_CHARS = 3000  # title + opening: what decides the beat (see corpus/relevance/README.md); bounds cost
KINDS = ("logreg", "svm")


def default_model_dir() -> Path:
    import os
    return Path(os.environ.get("NEWSMON_RELEVANCE_MODEL") or MODELS_DIR / "relevance")


def doc_text(title: str | None, text: str | None) -> str:
    """What the classifier reads: the title, then the opening of the text."""
    return f"{title or ''}\n{(text or '')[:TEXT_CHARS]}"


def preprocess(text: str) -> str:
    """Folded text (module-level so that a saved model can be unpickled)."""
    return fold(text)


def build_estimator(kind: str = "logreg", C: float = 4.0, calibration_folds: int = 3):  # noqa: N803
    """Unfitted scikit-learn pipeline: word (1-2) + char_wb (2-5) TF-IDF -> calibrated linear model."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.svm import LinearSVC

    if kind not in KINDS:
        raise ValueError(f"model kind must be one of {', '.join(KINDS)}, got {kind!r}")
    features = FeatureUnion([
        ("word", TfidfVectorizer(preprocessor=preprocess, analyzer="word", ngram_range=(1, 2), min_df=2,
                                 max_features=50_000, sublinear_tf=True, token_pattern=r"(?u)\b\w\w+\b")),
        ("char", TfidfVectorizer(preprocessor=preprocess, analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                 max_features=100_000, sublinear_tf=True)),
    ])
    linear = (LogisticRegression(C=C, class_weight="balanced", max_iter=5000) if kind == "logreg"
              else LinearSVC(C=C / 8, class_weight="balanced"))
    # Shuffled calibration folds: an integer cv splits in input order, and labels arrive sorted by id, i.e.
    # in blocks by language and source, so each of the calibrated sub-models was fitted without one block
    # and calibrated on it (with 410 French labels of 795, one sub-model saw almost only French).
    folds = StratifiedKFold(n_splits=calibration_folds, shuffle=True, random_state=0)
    return Pipeline([("features", features),
                     ("clf", CalibratedClassifierCV(linear, method="sigmoid", cv=folds))])


@dataclass
class RelevanceModel:
    """A fitted estimator and what is known about it."""

    estimator: Any
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.meta.get('name', 'relevance')}@{self.meta.get('version', '?')}"

    def score(self, texts: Sequence[str]) -> list[float]:
        """Probability of "relevant" for each doc_text."""
        if not texts:
            return []
        classes = list(self.estimator.classes_)
        column = classes.index(1)
        return [float(p[column]) for p in self.estimator.predict_proba(list(texts))]

    def save(self, directory: str | Path) -> Path:
        import joblib
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        joblib.dump(self.estimator, directory / MODEL_FILE, compress=3)
        (directory / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False, indent=2) + "\n",
                                           encoding="utf-8")
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> RelevanceModel:
        import joblib
        import sklearn
        directory = Path(directory)
        meta_path, model_path = directory / META_FILE, directory / MODEL_FILE
        if not model_path.is_file():
            raise FileNotFoundError(f"{model_path}: no relevance model (train one: newsmon train relevance)")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        saved = str(meta.get("scikit_learn", ""))
        if saved and saved.split(".")[:2] != sklearn.__version__.split(".")[:2]:
            raise ValueError(f"{model_path}: saved with scikit-learn {saved}, this is "
                             f"{sklearn.__version__}; retrain it (newsmon train relevance)")
        return cls(joblib.load(model_path), meta)


def load_default() -> RelevanceModel | None:
    """The model the pipeline scores new articles with, or None when none is installed."""
    directory = default_model_dir()
    if not (directory / MODEL_FILE).is_file():
        return None
    return RelevanceModel.load(directory)
