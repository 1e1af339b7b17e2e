"""Build the language-ID models in models/langid/ from ../shared/data/langid-train/.

    .venv/bin/python models/build_langid.py [--data ../shared/data/langid-train] [--out models/langid]

Writes
- langdetect-az.json: a langdetect profile for Azerbaijani (langdetect ships none), from az train lines;
- charngram.npz: our hashed character n-gram classifier over every language in the data;
- langid-sources.json: which files (sha256, line counts) and which split the models were built from.

Only the train part of the split in `newsmon.langid_data` is read: the held-out 10 % is what
benchmarks/bench_langid.py measures on. Deterministic: fixed seeds, one core.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import SGDClassifier
from sklearn.naive_bayes import MultinomialNB
from sklearn.preprocessing import normalize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from newsmon.train import langid_data
from newsmon.nlp.langdetect_engine import build_profile  # noqa: E402
from newsmon.nlp.langid_model import CharNgramModel, vectorizer  # noqa: E402

NGRAM_MAX = 5
N_FEATURES = 2**18
# Big languages are capped so the classifier does not learn "when in doubt, English"; the cap is
# above every small language's size, so they all keep everything they have.
MAX_SENTENCES = 20_000
ALPHA = 5e-7
EPOCHS = 20
SEED = 0
# Half of the training mix's log class prior is taken out of the bias: the mix (20k English
# sentences, 1k Crimean Tatar) is an accident of what data exists, not of what the pipeline will see,
# and left in, it pulls short ambiguous text towards the big languages (Azerbaijani towards Turkish).
PRIOR_CORRECTION = 0.5
NB_ALPHA = 0.003
# Weight of naive Bayes in the sum of the two models' scores; see models/langid/README.md.
NB_SCALE = 0.3


def training_items(sentences: list[str], seed: int) -> list[str]:
    """Sentences plus short snippets cut from them: short text is where detectors fail, so we train on it."""
    n = len(sentences)
    return (
        sentences
        + langid_data.short_items(sentences, 1, n, seed + 1)
        + langid_data.short_items(sentences, 2, n, seed + 2)
        + langid_data.short_items(sentences, 3, n // 2, seed + 3)
    )


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=langid_data.DEFAULT_ROOT)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "langid")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    texts: list[str] = []
    labels: list[str] = []
    sources: dict[str, dict] = {}
    langs = langid_data.languages(args.data)
    for i, lang in enumerate(langs):
        train, held = langid_data.split(langid_data.read_lines(args.data, lang))
        random.Random(SEED + i).shuffle(train)
        train = train[:MAX_SENTENCES]
        if lang == "az":
            profile = build_profile("az", train)
            (args.out / "langdetect-az.json").write_text(json.dumps(profile, ensure_ascii=False), encoding="utf-8")
        items = training_items(train, SEED + 10 * i)
        texts += items
        labels += [lang] * len(items)
        sources[lang] = {
            "files": {p.name: sha256(p) for p in langid_data.files(args.data, lang)},
            "train_sentences": len(train),
            "heldout_sentences": len(held),
            "training_items": len(items),
        }
        print(f"{lang}: {len(train)} train sentences, {len(held)} held out, {len(items)} items", file=sys.stderr)

    t0 = time.time()
    X = vectorizer(NGRAM_MAX, N_FEATURES).transform(texts)
    y = np.array(labels)
    clf = SGDClassifier(loss="log_loss", alpha=ALPHA, max_iter=EPOCHS, tol=None, random_state=SEED)
    clf.fit(normalize(X), y)
    # uniform class prior: the training mix says nothing about what the pipeline will read
    nb = MultinomialNB(alpha=NB_ALPHA, fit_prior=False).fit(X, y)
    assert list(nb.classes_) == list(clf.classes_)
    print(f"trained on {X.shape[0]} items in {time.time() - t0:.0f}s", file=sys.stderr)

    counts = np.array([labels.count(c) for c in clf.classes_], dtype=np.float64)
    bias = clf.intercept_ - PRIOR_CORRECTION * np.log(counts / counts.sum())
    model = CharNgramModel(
        langs=tuple(str(c) for c in clf.classes_),
        weights=np.ascontiguousarray(clf.coef_.T, dtype=np.float32),
        bias=bias.astype(np.float32),
        nb_log_prob=np.ascontiguousarray(nb.feature_log_prob_.T, dtype=np.float32),
        nb_scale=NB_SCALE,
        ngram_max=NGRAM_MAX,
    )
    model.save(args.out / "charngram.npz")
    meta = {
        "split": {"seed": langid_data.SPLIT_SEED, "heldout_per_mille": langid_data.HELDOUT_PER_MILLE},
        "params": {"ngram_max": NGRAM_MAX, "n_features": N_FEATURES, "max_sentences": MAX_SENTENCES,
                   "alpha": ALPHA, "epochs": EPOCHS, "seed": SEED,
                   "prior_correction": PRIOR_CORRECTION, "nb_alpha": NB_ALPHA, "nb_scale": NB_SCALE},
        "languages": sources,
    }
    (args.out / "langid-sources.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
