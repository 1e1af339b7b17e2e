"""Our character n-gram language classifier: hashed n-grams, two linear models, numpy at prediction time.

Trained by `models/build_langid.py` and stored as plain arrays in `models/langid/charngram.npz`, so
loading it does not depend on the scikit-learn version that trained it:
- a logistic-regression model (SGDClassifier, log loss) on L2-normalised n-gram counts: strong on
  sentences and calibrated enough to say when it is unsure;
- a multinomial naive Bayes model on raw counts: every n-gram of a two-word phrase adds its own
  evidence, which is what short text needs (Azerbaijani vs Turkish word pairs).
Their scores are added (`nb_scale` weighs the second). Features are scikit-learn's HashingVectorizer
(stateless; MurmurHash3 with a fixed seed), built from the parameters saved next to the weights, so
training and prediction cannot drift apart.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32
from newsmon.settings import MODELS_DIR

MODEL_PATH = MODELS_DIR / "langid" / "charngram.npz"

# digits, punctuation and symbols say nothing about the language; they only dilute the n-grams
_NON_LETTERS = re.compile(r"[\W\d_]+")


def normalise(text: str) -> str:
    return _NON_LETTERS.sub(" ", text.lower()).strip()


def features(text: str, ngram_max: int) -> list[str]:
    """Character n-grams inside space-padded words (word starts and ends matter), plus whole words.

    Whole words are what separate close languages on short text ("haradan" is Azerbaijani, Turkish
    says "nereden") where their n-grams are shared.
    """
    out: list[str] = []
    for word in normalise(text).split():
        out.extend(word_features(word, ngram_max))
    return out


def word_features(word: str, ngram_max: int) -> list[str]:
    """The features of one word (see `features`)."""
    padded = f" {word} "
    size = len(padded)
    out = list(word)
    # one comprehension for all sizes: a generator per size cost a third more, on every new word
    out += [padded[i : i + n] for n in range(2, ngram_max + 1) for i in range(size - n + 1)]
    out.append("\x01" + word)
    return out


def vectorizer(ngram_max: int, n_features: int) -> HashingVectorizer:
    return HashingVectorizer(
        analyzer=partial(features, ngram_max=ngram_max),
        n_features=n_features,
        alternate_sign=False,
        norm=None,  # raw counts for naive Bayes; normalised per text for the logistic model
        dtype=np.float32,
    )


@dataclass(frozen=True)
class CharNgramModel:
    langs: tuple[str, ...]
    weights: np.ndarray  # (n_features, n_langs) float32, logistic regression
    bias: np.ndarray  # (n_langs,) float32
    nb_log_prob: np.ndarray  # (n_features, n_langs) float32, naive Bayes log P(feature | lang)
    nb_scale: float
    ngram_max: int
    _stacked: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_stacked", np.ascontiguousarray(np.hstack([self.weights, self.nb_log_prob])))
        n_features, ngram_max = self.weights.shape[0], self.ngram_max

        @lru_cache(maxsize=1 << 17)
        def word_buckets(word: str) -> np.ndarray:
            # HashingVectorizer's column for a signed MurmurHash3 value. sklearn special-cases
            # h == -2**31 only because abs() overflows an int32 in C; its formula there,
            # (2**31 - 1 - (n_features - 1)) % n_features, equals abs(h) % n_features, which Python
            # computes without overflow. One expression, no call per n-gram (a third of this function).
            return np.array([abs(murmurhash3_32(f, 0)) % n_features for f in word_features(word, ngram_max)],
                            dtype=np.int64)
        object.__setattr__(self, "_word_buckets", word_buckets)

    def counts(self, texts: Sequence[str]):
        """Hashed n-gram counts, a (len(texts), n_features) sparse matrix: HashingVectorizer's matrix
        (same buckets, sorted, duplicates summed), built from each distinct word's buckets, hashed
        once per process (words repeat; hashing every n-gram of every word was most of the time)."""
        n_features = self._stacked.shape[0]
        indptr = [0]
        indices: list[np.ndarray] = []
        data: list[np.ndarray] = []
        for text in texts:
            cols, counts = np.unique(self._buckets(text), return_counts=True)
            indices.append(cols)
            data.append(counts.astype(np.float32))
            indptr.append(indptr[-1] + len(cols))
        if not texts:
            return csr_matrix((0, n_features), dtype=np.float32)
        return csr_matrix((np.concatenate(data), np.concatenate(indices), np.array(indptr, dtype=np.int64)),
                          shape=(len(texts), n_features))

    def _buckets(self, text: str) -> np.ndarray:
        """The bucket of every feature of `text`, in `features` order."""
        words = normalise(text).split()
        if not words:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate([self._word_buckets(w) for w in words])

    def _scores_one(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """`scores` for one text without building a sparse matrix (half the cost of a one-sentence
        `detect`): the same MurmurHash3 buckets, summed straight from the weight rows."""
        buckets = self._buckets(text)
        n_langs = len(self.langs)
        if not len(buckets):
            return self.bias[None, :].copy(), np.zeros((1, n_langs), dtype=np.float32)
        both = self._stacked[buckets].sum(axis=0, dtype=np.float32)
        _, counts = np.unique(buckets, return_counts=True)
        lr = both[:n_langs] / np.sqrt(float((counts.astype(np.float64) ** 2).sum())) + self.bias
        return lr[None, :], both[None, n_langs:]

    def scores(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(logistic logits, naive Bayes log-likelihoods), each (len(texts), len(langs))."""
        if len(texts) == 1:
            return self._scores_one(texts[0])
        X = self.counts(texts)
        both = np.asarray(X @ self._stacked)  # one sparse product for both models
        # L2-normalising a row scales its product, so divide afterwards (cheaper than normalising X)
        rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
        norms = np.sqrt(np.bincount(rows, weights=X.data.astype(np.float64) ** 2, minlength=X.shape[0]))
        n_langs = len(self.langs)
        lr = both[:, :n_langs] / np.maximum(norms, 1e-12)[:, None] + self.bias
        return lr, both[:, n_langs:]

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            langs=np.array(self.langs),
            # float16 halves the file; the rounding is far below what changes an answer
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            nb_log_prob=self.nb_log_prob.astype(np.float16),
            nb_scale=np.array(self.nb_scale),
            ngram_max=np.array(self.ngram_max),
        )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CharNgramModel:
        with np.load(path, allow_pickle=False) as z:
            return cls(
                langs=tuple(str(x) for x in z["langs"]),
                weights=z["weights"].astype(np.float32),
                bias=z["bias"].astype(np.float32),
                nb_log_prob=z["nb_log_prob"].astype(np.float32),
                nb_scale=float(z["nb_scale"]),
                ngram_max=int(z["ngram_max"]),
            )
