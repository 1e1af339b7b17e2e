"""NER speed: words per second of newsmon's az pipeline against the English and French small models.

All pipelines run in this one process, one after another, on the same volume of text: the FLORES-200
devtest sentences of each language (parallel translations, so the three texts say the same thing),
read in place from ../shared and cut to the same number of whitespace words. `nlp.pipe`, one process,
after a warm-up pass. en/fr are measured twice: as loaded (tagger, parser, lemmatizer...) and with
only the components NER needs, which is how newsmon's NER stage runs them.

    .venv/bin/python benchmarks/bench_ner_speed.py [--words 20000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsmon.eval.ner import load_pipeline  # noqa: E402
from newsmon.nlp.ner_labels import default_model  # noqa: E402

FLORES = {
    "az": "az/flores200_azj_Latn_devtest.txt",
    "en": "en/flores200_eng_Latn_devtest.txt",
    "fr": "fr/flores200_fra_Latn_devtest.txt",
}


def load_texts(shared: Path, lang: str, n_words: int) -> list[str]:
    """Sentences of the language's FLORES file, cycled until they hold `n_words` whitespace words."""
    lines = [ln.strip() for ln in (shared / "data/langid-train" / FLORES[lang]).read_text("utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    texts, count, i = [], 0, 0
    while count < n_words:
        words = lines[i % len(lines)].split()
        words = words[: n_words - count]
        texts.append(" ".join(words))
        count += len(words)
        i += 1
    return texts


def words_per_second(nlp, texts: list[str], repeat: int) -> tuple[float, int]:
    """Best of `repeat` timed passes (after one warm-up pass): words (spaCy tokens) per second."""
    n_tokens = sum(len(doc) for doc in nlp.pipe(texts[:200], batch_size=256))  # warm-up
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        n_tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        best = min(best, time.perf_counter() - start)
    return n_tokens / best, n_tokens


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=20000, help="whitespace words per language")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = parser.parse_args(argv)
    if not (args.shared / "data/langid-train").is_dir():
        print(f"needs {args.shared}/data/langid-train (the shared data) for the text", file=sys.stderr)
        return 2

    import spacy

    rows = []
    for lang in ("az", "en", "fr"):
        texts = load_texts(args.shared, lang, args.words)
        name = default_model(lang)
        variants = [("ner only", load_pipeline(name))]
        if lang != "az":
            variants.insert(0, ("full", spacy.load(name)))
        for variant, nlp in variants:
            wps, n_tokens = words_per_second(nlp, texts, args.repeat)
            rows.append((lang, Path(name).name, variant, "+".join(nlp.pipe_names), n_tokens, wps))

    en_ref = {variant: wps for lang, _, variant, _, _, wps in rows if lang == "en"}
    print(f"{args.words} whitespace words per language, best of {args.repeat}, nlp.pipe, 1 process")
    print(f"{'lang':<4} {'model':<24} {'variant':<9} {'tokens':>7} {'words/s':>9} {'/en full':>8} "
          f"{'/en ner':>8}  pipes")
    for lang, model, variant, pipes, n_tokens, wps in rows:
        print(f"{lang:<4} {model:<24} {variant:<9} {n_tokens:7d} {wps:9.0f} {wps / en_ref['full']:8.2f} "
              f"{wps / en_ref['ner only']:8.2f}  {pipes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
