"""Pipeline speed: newsmon's whole NLP pipeline against the spaCy NER it runs, and N worker processes vs 1.

On a fixed sample of real news (../shared/data/real-news: the first LIMIT/3 articles of each of az, en,
fr, in file order), all in this one command:
  raw NER    the tok2vec+ner pipelines newsmon loads (same models, same loading), preloaded, one
             `nlp.pipe` per language over the articles of that language, one process;
  pipeline   `Pipeline.process_many` in batches, as `add` runs it: language ID per paragraph, NER per
             segment, KB matching, dates, linking, agreements; models preloaded, one process;
  processes  the same through `newsmon.workers.Annotator` with 1 and with N worker processes
             (workers started and their models loaded before the clock starts), results compared;
             each side runs from a new interpreter, so neither finds the texts' words already cached.
Ratios are measured in the same run, so they compare across machines; words/s are for this machine.
Wall-clock ratios suffer when other jobs share the cores: the CPU-time ratio of pipeline vs NER and the
load average are printed beside them.

    .venv/bin/python benchmarks/bench_pipeline.py [--limit 300] [--processes 2]
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsmon.crawl.jobs import BATCH  # noqa: E402
from newsmon.model import Document  # noqa: E402

LANGS = ("az", "en", "fr")


def load_sample(real_news: Path, limit: int) -> list[Document]:
    """The first limit/3 articles of each language, interleaved az, en, fr (a crawl's mix)."""
    per_lang = []
    for lang in LANGS:
        rows = []
        with open(real_news / f"{lang}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                if len(rows) == limit // len(LANGS):
                    break
                r = json.loads(line)
                rows.append(Document(url=r["url"], source=f"real-news-{lang}", title=r["title"], text=r["text"],
                                     published=r.get("published"), lang_hint=lang))
        per_lang.append(rows)
    return [doc for group in zip(*per_lang) for doc in group]


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def raw_ner(docs: list[Document]) -> tuple[float, float]:
    """(wall, cpu) seconds of the NER pipelines alone over each language's articles."""
    from newsmon.nlp.ner import NerStage
    stage = NerStage()
    wall = cpu = 0.0
    for lang in LANGS:
        nlp = stage.pipeline(lang)
        texts = [d.text for d in docs if d.lang_hint == lang]
        list(nlp.pipe(texts[:3]))  # warm-up
        _, w, c = _timed(lambda: sum(len(doc.ents) for doc in nlp.pipe(texts)))
        wall, cpu = wall + w, cpu + c
    return wall, cpu


def full_pipeline(docs: list[Document]) -> tuple[list, float, float]:
    from newsmon.pipeline import Pipeline
    pipeline = Pipeline()
    pipeline.warm_up()
    pipeline.process_many(docs[:3])
    fresh = [_copy(d) for d in docs]
    return _timed(lambda: [a for i in range(0, len(fresh), BATCH) for a in pipeline.process_many(fresh[i:i + BATCH])])


def in_processes(docs: list[Document], processes: int) -> tuple[list, float]:
    from newsmon.workers import Annotator
    with Annotator(processes) as annotator:
        annotator.warm_up()
        fresh = [_copy(d) for d in docs]
        articles, wall, _ = _timed(lambda: list(annotator.map(fresh)))
    return articles, wall


def _fresh_run(docs: list[Document], processes: int) -> tuple[list, float]:
    """`in_processes` in a fresh interpreter, returning the articles' summaries."""
    articles, wall = in_processes(docs, processes)
    return _summary(articles), wall


def in_fresh_process(docs: list[Document], processes: int) -> tuple[list, float]:
    """`in_processes` run from a new interpreter. One process annotates inline, in the process that
    calls it: run here, after `full_pipeline` went over the same texts, it would find every word
    in this process's caches (stems, folds, n-gram counts) while N workers start with theirs empty.
    From a new interpreter both sides start cold, as a crawl does."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_fresh_run, docs, processes).result()


def _copy(doc: Document) -> Document:
    return Document(**vars(doc))  # the pipeline fills `published`: every run starts from the same input


def _summary(articles: list) -> list:
    return [(a.lang, [(m.start, m.end, m.label, m.canonical_id) for m in a.mentions], len(a.agreements))
            for a in articles]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=300, help="articles, split evenly over az, en, fr")
    parser.add_argument("--processes", type=int, default=2, help="worker processes to compare with one")
    parser.add_argument("--real-news", type=Path, default=REPO.parent / "shared" / "data" / "real-news")
    args = parser.parse_args(argv)
    if not (args.real_news / "az.jsonl").is_file():
        print(f"needs {args.real_news} (the shared real-news texts)", file=sys.stderr)
        return 2
    docs = load_sample(args.real_news, args.limit)
    words = sum(len(d.text.split()) for d in docs)
    load_before = os.getloadavg()[0]

    ner_wall, ner_cpu = raw_ner(docs)
    one, pipe_wall, pipe_cpu = full_pipeline(docs)
    single, single_wall = in_fresh_process(docs, 1)
    multi, multi_wall = in_fresh_process(docs, args.processes)
    same = multi == single == _summary(one)

    print(f"{len(docs)} real-news articles (az/en/fr), {words:,} words; {os.cpu_count()} cores, "
          f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")
    print(f"{'run':<34} {'seconds':>8} {'words/s':>9} {'cpu s':>7}")
    print(f"{'raw spaCy NER (tok2vec+ner, pipe)':<34} {ner_wall:8.1f} {words / ner_wall:9.0f} {ner_cpu:7.1f}")
    print(f"{'full pipeline, 1 process':<34} {pipe_wall:8.1f} {words / pipe_wall:9.0f} {pipe_cpu:7.1f}")
    print(f"{'workers: 1 process':<34} {single_wall:8.1f} {words / single_wall:9.0f}")
    print(f"{f'workers: {args.processes} processes':<34} {multi_wall:8.1f} {words / multi_wall:9.0f}")
    print(f"pipeline / raw NER: {ner_wall / pipe_wall:.2f}x wall (target >= 0.8), {ner_cpu / pipe_cpu:.2f}x cpu")
    print(f"{args.processes} processes / 1: {single_wall / multi_wall:.2f}x (target >= 1.8); "
          f"results identical: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
