"""`newsmon export`: the annotated corpus for researchers (the work is in newsmon.store.export)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from newsmon.cli.context import CliContext
from newsmon.cli.options import date_range_options, format_option, limit_option
from newsmon.cli.output import write_records
from newsmon.store.export import FORMATS, SUFFIX, SpacyDocs, ExportFilters, export, records, select_ids, write_conll


@click.command(name="export")
@click.argument("query", required=False)
@format_option(FORMATS, "jsonl",
               help="jsonl: one JSON object per line; json: one array; csv: one row per article, lists as "
                    "JSON in their cells; parquet (pyarrow); conll: tokens with IOB2 tags per sentence; "
                    "docbin: a spaCy DocBin with entities and sentence starts.")
@click.option("--out", type=click.Path(dir_okay=False),
              help="File to write; the manifest goes beside it as FILE.manifest.json. Without it, the text "
                   "formats go to stdout (without a manifest).")
@click.option("--lang", help="Only articles in this language.")
@click.option("--source", help="Only articles from this source.")
@date_range_options("published")
@click.option("--min-relevance", type=click.FloatRange(0, 1), help="Only articles scored at least this.")
@click.option("--include-duplicates", is_flag=True, help="Also export copies of stories already stored.")
@limit_option(None, "Articles to export (default: all).")
@click.pass_obj
def export_command(obj: CliContext, query: str | None, fmt: str, out: str | None, lang: str | None,
                   source: str | None, since: str | None, until: str | None, min_relevance: float | None,
                   include_duplicates: bool, limit: int | None) -> None:
    """Export the annotated corpus: JSONL, JSON, CSV, Parquet, CoNLL (IOB2) or a spaCy DocBin.

    QUERY (optional) keeps the articles matching it, as `newsmon search` does. With --out, a manifest
    is written beside the data: count, filters, newsmon version, models, schema, article ids in order.

    \b
    Example:
        newsmon export --format jsonl --out corpus.jsonl
        newsmon export --format parquet --out corpus.parquet --lang az --since 2025-01-01
        newsmon export memorandum --format docbin --out train.spacy
    """
    filters = ExportFilters(query, lang, source, since, until, include_duplicates, min_relevance)
    store = obj.reader
    try:
        if out is None:
            if fmt in ("parquet", "docbin"):
                raise click.UsageError(f"--format {fmt} needs --out FILE (e.g. --out corpus{SUFFIX[fmt]})")
            rows = records(store, select_ids(store, filters)[:limit])
            if fmt == "conll":
                write_conll(rows, sys.stdout, SpacyDocs())
            else:
                write_records(rows, fmt, sys.stdout)
            return
        result = export(store, fmt, Path(out), filters, limit, write_records)
    except ValueError as exc:  # an empty query
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot write ({exc.strerror or exc})") from None
    obj.report(f"exported {result.count} articles to {out} (manifest {result.manifest})")
