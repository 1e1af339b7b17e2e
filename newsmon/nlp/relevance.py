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
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

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
    return _folded(text)


# Each vectorizer of the model (words, character n-grams) preprocesses the same texts of a batch: the
# second finds them folded (a tenth of scoring).
_folded = lru_cache(maxsize=64)(fold)


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
    _counters: dict[str, _WordGrams] = field(default_factory=dict, init=False, repr=False, compare=False)

    @property
    def name(self) -> str:
        return f"{self.meta.get('name', 'relevance')}@{self.meta.get('version', '?')}"

    def score(self, texts: Sequence[str]) -> list[float]:
        """Probability of "relevant" for each doc_text."""
        if not texts:
            return []
        classes = list(self.estimator.classes_)
        column = classes.index(1)
        return [float(p[column]) for p in self._predict_proba(list(texts))]

    def _predict_proba(self, texts: list[str]) -> Any:
        """`estimator.predict_proba(texts)`, with a character n-gram block counted by `_WordGrams`
        (the same matrix); an estimator of another shape goes through scikit-learn as it is."""
        steps = getattr(self.estimator, "steps", None)
        union = steps[0][1] if steps and len(steps) == 2 else None
        if not _countable(union):
            return self.estimator.predict_proba(texts)
        from scipy import sparse
        blocks = []
        for name, vectorizer in union.transformer_list:
            if _WordGrams.fits(vectorizer):
                counter = self._counters.get(name) or self._counters.setdefault(name, _WordGrams(vectorizer))
                blocks.append(vectorizer._tfidf.transform(counter.counts(texts), copy=False))
            else:
                blocks.append(vectorizer.transform(texts))
        return steps[1][1].predict_proba(sparse.hstack(blocks).tocsr())  # FeatureUnion's own hstack

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


def _countable(union: Any) -> bool:
    """A FeatureUnion of TF-IDF vectorizers, unweighted (what `build_estimator` makes)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion
    return (isinstance(union, FeatureUnion) and union.transformer_weights is None
            and all(isinstance(v, TfidfVectorizer) for _, v in union.transformer_list))


class _WordGrams:
    """The counts matrix of a fitted `char_wb` vectorizer, counted a word at a time.

    char_wb n-grams never cross a space, so a text's counts are the sums of its words' counts, and words
    repeat: each distinct word's columns are looked up once per process. scikit-learn looks up every
    n-gram of every text in its vocabulary (2 million lookups for 300 articles of 3,000 characters),
    more than half of scoring. Same matrix, bit for bit: `_char_wb_ngrams` and `_tfidf` are the
    vectorizer's own (private) steps, and tests/test_relevance.py compares the scores with its own."""

    def __init__(self, vectorizer: Any) -> None:
        self.vectorizer = vectorizer
        self.preprocess = vectorizer.build_preprocessor()
        vocabulary, grams = vectorizer.vocabulary_, vectorizer._char_wb_ngrams

        # an array per word: a text's columns are then one `np.concatenate` of its words' arrays, in C
        # (building them from tuples repeated per occurrence took twice as long)
        @lru_cache(maxsize=1 << 16)
        def columns(word: str) -> np.ndarray:
            return np.array([i for i in map(vocabulary.get, grams(word)) if i is not None], dtype=np.int64)
        self.columns = columns

    @staticmethod
    def fits(vectorizer: Any) -> bool:
        return vectorizer.analyzer == "char_wb" and not vectorizer.binary and vectorizer.input == "content"

    def counts(self, texts: list[str]) -> Any:
        from scipy import sparse
        indptr, indices, values = [0], [], []
        for text in texts:
            words = self.preprocess(self.vectorizer.decode(text)).split()
            found = np.concatenate([self.columns(w) for w in words]) if words else np.zeros(0, dtype=np.int64)
            cols, counts = np.unique(found, return_counts=True)
            indices.append(cols)
            values.append(counts)
            indptr.append(indptr[-1] + len(cols))
        return sparse.csr_matrix((np.concatenate(values), np.concatenate(indices), np.array(indptr)),
                                 shape=(len(texts), len(self.vectorizer.vocabulary_)), dtype=self.vectorizer.dtype)


def load_default() -> RelevanceModel | None:
    """The model the pipeline scores new articles with, or None when none is installed."""
    directory = default_model_dir()
    if not (directory / MODEL_FILE).is_file():
        return None
    return RelevanceModel.load(directory)
