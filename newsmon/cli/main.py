"""The newsmon command line: a thin click layer over the library (crawl, store, pipeline)."""
from __future__ import annotations

import contextlib
import json
import logging
import sys
from collections import Counter
from pathlib import Path

import click

from newsmon import __version__
from newsmon.cli.output import FORMATS, default_format, render
from newsmon.model import AGREEMENT_TYPES, LABELS
from newsmon.settings import default_db_path
from newsmon.crawl.sources import parse_sources
from newsmon.store.articles import Store, StoreError

FORMAT_OPTION = click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                             help="Output format (default: table on a terminal, else json).")


def _open_store(ctx: click.Context) -> Store:
    try:
        return Store(ctx.obj["db"])
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


def _emit(rows: list[dict], fmt: str | None, columns: list[str] | None = None) -> None:
    click.echo(render(rows, fmt or default_format(), columns))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsmon")
@click.option("--db", default=None, metavar="PATH",
              help="SQLite database (default: $NEWSMON_DB, else ./newsmon.db).")
@click.option("--kb", "kb_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              metavar="FILE", help="Extra entity knowledge-base file (TOML, see models/kb/README.md); "
              "repeatable, later files override earlier ones.")
@click.option("-v", "--verbose", is_flag=True, help="Log every request and skipped page.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, kb_files: tuple[str, ...], verbose: bool) -> None:
    """Monitor news coverage of e-government cooperation in Azerbaijani, English and French.

    \b
    Example:
        newsmon crawl --sources corpus/sources/azerbaijan-egov.toml
        newsmon search "ASAN xidmət" --lang az
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"db": db or default_db_path(), "kb_files": kb_files}


def _kb():
    from newsmon.nlp.kb import KnowledgeBase
    ctx = click.get_current_context()
    try:
        return KnowledgeBase.load(ctx.find_root().obj.get("kb_files") or ())
    except (ValueError, OSError) as exc:
        raise click.ClickException(f"knowledge base: {exc}") from None


def _pipeline():
    # imported here so that --help and the query commands do not pay for loading spaCy
    from newsmon.cli.crawl import pipeline_for
    return pipeline_for(click.get_current_context())


def _report(line: str) -> None:
    click.echo(line, err=True)


@cli.command()
@click.argument("items", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--source", default="manual", show_default=True, help="Source name to store them under.")
@click.option("--lang", default=None, help="Language hint (detection still decides).")
@click.pass_context
def add(ctx: click.Context, items: tuple[str, ...], source: str, lang: str | None) -> None:
    """Ingest single documents: HTML files, plain-text files or URLs.

    \b
    Example:
        newsmon add saved-page.html notes.txt https://example.az/news/123
    """
    from newsmon.crawl.crawler import Crawler
    counts = Crawler(_open_store(ctx), _pipeline(), report=_report).add(items, source, lang)
    _report(f"added {counts.new}, duplicates {counts.duplicates}, already stored "
            f"{counts.skipped_known}, errors {counts.errors}")


@cli.command()
@click.argument("query")
@click.option("--lang", help="Only articles in this language (az, en, fr, ...).")
@click.option("--since", metavar="DATE", help="Published on or after (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Published on or before (YYYY-MM-DD).")
@click.option("--source", help="Only articles from this source.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@FORMAT_OPTION
@click.pass_context
def search(ctx, query, lang, since, until, source, limit, fmt) -> None:
    """Full-text search, best match first, with a snippet.

    Matching folds Azerbaijani letters and endings: `Aliyev` finds "Əliyev", `agentlik` finds
    "Agentliyinin". Put phrases in double quotes.

    \b
    Example:
        newsmon search 'memorandum KOICA' --since 2025-01-01 --format json
    """
    try:
        rows = _open_store(ctx).search(query, lang, since, until, source, limit)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    _emit(rows, fmt, ["id", "published", "lang", "source", "title", "snippet", "url"])


@cli.command()
@click.option("--label", type=click.Choice(LABELS, case_sensitive=False))
@click.option("--lang", help="Count only mentions in this language.")
@click.option("--top", default=20, show_default=True, type=click.IntRange(1))
@FORMAT_OPTION
@click.pass_context
def entities(ctx, label, lang, top, fmt) -> None:
    """Most mentioned canonical entities (all names of one entity count together).

    \b
    Example:
        newsmon entities --label ORG --top 10
    """
    _emit(_open_store(ctx).top_entities(label, lang, top), fmt)


@cli.command()
@click.argument("name")
@FORMAT_OPTION
@click.pass_context
def entity(ctx, name, fmt) -> None:
    """One entity: its names by language, mention count and the articles that mention it.

    NAME may be any of its names, in any language, or its id.

    \b
    Example:
        newsmon entity SAPSSI --format json
    """
    from newsmon.store.lookup import entity_records

    store = _open_store(ctx)
    records = entity_records(store, _kb(), name)
    if not records:
        raise click.ClickException(f"no entity named {name!r} in {store.path}")
    record = records[0]
    fmt = fmt or default_format()
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    if fmt == "table":
        click.echo(f"{record['name']}  [{record['label']}]  id={record['id']}  "
                   f"{record['mentions']} mentions in {len(record['articles'])} articles")
        for lang, names in sorted(record["names"].items()):
            click.echo(f"  {lang}: {'; '.join(names)}")
        click.echo()
    click.echo(render(record["articles"], fmt, ["published", "lang", "title", "url", "mentions"]))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@click.option("--include-duplicates", is_flag=True, help="Also export copies of stories already stored.")
@click.pass_context
def export(ctx, fmt, out, include_duplicates) -> None:
    """Export the annotated corpus, one JSON object per article.

    Each object has id, url, source, lang, title, published, text, segments, entities (with
    offsets and canonical ids), dates (ISO value and precision) and agreements.

    \b
    Example:
        newsmon export --format jsonl --out corpus.jsonl
    """
    store = _open_store(ctx)
    stream = open(out, "w", encoding="utf-8") if out else sys.stdout
    count = 0
    try:
        for record in store.export(include_duplicates):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if out:
            stream.close()
    if out:
        _report(f"exported {count} articles to {out}")


@cli.command()
@FORMAT_OPTION
@click.pass_context
def stats(ctx, fmt) -> None:
    """Counts per language, source and entity label.

    \b
    Example:
        newsmon stats --format json
    """
    data = _open_store(ctx).stats()
    fmt = fmt or default_format()
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for name, rows in data.items():
        if fmt == "table":
            click.echo(f"\n{name}")
        click.echo(render(rows, fmt))


@cli.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@FORMAT_OPTION
@click.pass_context
def runs(ctx, limit, fmt) -> None:
    """Past crawl runs with their counts.

    \b
    Example:
        newsmon runs --limit 5
    """
    _emit(_open_store(ctx).runs(limit), fmt, ["id", "started", "finished", "status", "discovered",
                                               "fetched", "new", "duplicates", "errors",
                                               "skipped_robots", "skipped_known", "sources"])


@cli.command()
@click.option("--party", metavar="NAME", help="Only agreements binding this party (any of its names).")
@click.option("--type", "type_", type=click.Choice(AGREEMENT_TYPES))
@click.option("--since", metavar="DATE", help="Signed (or, if undated, published) on or after.")
@FORMAT_OPTION
@click.pass_context
def agreements(ctx, party, type_, since, fmt) -> None:
    """Agreements found in the articles: type, parties, date signed, status.

    \b
    Example:
        newsmon agreements --party KOICA --type memorandum --format csv
    """
    from newsmon.store.lookup import entity_ids

    store = _open_store(ctx)
    ids = entity_ids(store, _kb(), party) if party else None
    rows = store.agreements(ids, party, type_, since)
    fmt = fmt or default_format()
    if fmt == "table":
        rows = [{**r, "parties": "; ".join(p["name"] for p in r["parties"]),
                 "date_signed": (r["date_signed"] or {}).get("value")} for r in rows]
    _emit(rows, fmt, ["date_signed", "type", "status", "parties", "title", "lang", "url"]
          if fmt != "json" else None)


@cli.command()
@click.option("--since", metavar="DATE", help="Articles stored since this date or datetime "
              "(default: the last 24 hours).")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="Actors to list.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def digest(ctx, since, top, fmt) -> None:
    """The daily digest: new articles, the actors they mention most, agreements reported.

    Meant to follow the cron crawl, e.g. mailed to the press office.

    \b
    Example:
        newsmon crawl --sources my-sources.toml && newsmon digest | mail -s "Coverage" press@example.az
    """
    from datetime import datetime, timedelta, timezone
    since = since or (datetime.now(timezone.utc) - timedelta(days=1)).replace(microsecond=0).isoformat()
    data = _open_store(ctx).digest(since, top)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    articles = data["articles"]
    langs = Counter(a["lang"] for a in articles)
    click.echo(f"Digest since {since}: {len(articles)} new articles"
               + (f" ({', '.join(f'{k} {v}' for k, v in langs.most_common())})" if articles else ""))
    for a in articles:
        click.echo(f"  {a['published'] or '':10.10}  [{a['lang']}] {a['title']}\n              {a['url']}")
    if data["actors"]:
        click.echo("\nMost mentioned:")
        for actor in data["actors"]:
            click.echo(f"  {actor['name']} ({actor['label']}): {actor['articles']} articles")
    if data["agreements"]:
        click.echo("\nAgreements reported:")
        for g in data["agreements"]:
            signed = (g["date_signed"] or {}).get("value") or "date not given"
            parties = "; ".join(p["name"] for p in g["parties"]) or "parties not named"
            click.echo(f"  {g['type']}, {g['status'] or 'status unclear'}, {signed}: {parties}")


def print_summary(store: Store, top: int = 8) -> None:
    """The digest printed after a demo crawl: articles per language and source, top actors."""
    data = store.stats()
    total = sum(r["articles"] for r in data["languages"])
    click.echo(f"\n{total} articles in {store.path}")
    click.echo("  by language: " + ", ".join(f"{r['lang']} {r['articles']}" for r in data["languages"]))
    click.echo("  by source:   " + ", ".join(f"{r['source']} {r['articles']}" for r in data["sources"]))
    for label in ("ORG", "PERSON"):
        click.echo(f"\nTop {label}:")
        click.echo(render(store.top_entities(label, None, top), "table",
                          ["name", "mentions", "articles"]))


@cli.command()
@click.option("--port", default=8642, show_default=True, type=click.IntRange(0, 65535),
              help="Loopback port to serve the sample site on (0: any free port). A fixed port keeps "
                   "the articles' URLs, so running the demo again stores nothing new.")
@click.pass_context
def demo(ctx, port: int) -> None:
    """Serve the bundled sample site on 127.0.0.1, crawl it, and print a summary.

    \b
    Example:
        newsmon --db demo.db demo
    """
    from newsmon.crawl.crawler import Crawler
    from newsmon.samplesite import sample_sources_text, serve
    store = _open_store(ctx)
    with contextlib.ExitStack() as stack:
        try:
            base = stack.enter_context(serve(port=port))
        except OSError as exc:
            raise click.ClickException(f"cannot serve on 127.0.0.1:{port} ({exc.strerror}); "
                                       "try --port 0") from None
        _report(f"serving corpus/site at {base}")
        sources = parse_sources(sample_sources_text(base), "corpus/sources/sample-site.toml")
        Crawler(store, _pipeline(), report=_report).crawl(sources, command="demo", label=base)
    print_summary(store)


def _register_optional() -> None:
    """Commands that live in their own modules (language ID, model training and evaluation)."""
    from newsmon.cli.crawl import crawl, reprocess, sources
    from newsmon.cli.lang import lang_command
    from newsmon.cli.models import eval_group, train_group
    from newsmon.cli.web import serve
    cli.add_command(crawl)
    cli.add_command(sources)
    cli.add_command(reprocess)
    cli.add_command(lang_command)
    cli.add_command(train_group)
    eval_group.add_command(eval_corpus)
    cli.add_command(eval_group)
    cli.add_command(serve)


@click.command("corpus")
@click.option("--gold", default="corpus/sample-gold.jsonl", show_default=True,
              type=click.Path(exists=True, dir_okay=False), help="Gold JSONL, one article per line.")
@click.option("--site", default="corpus/site", show_default=True, type=click.Path(exists=True, file_okay=False),
              help="Directory holding the pages named by the gold's `path`.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_corpus(gold: str, site: str, fmt: str) -> None:
    """Score the whole pipeline (entities, dates, agreements, linking) on a gold corpus.

    \b
    Example:
        newsmon eval corpus --gold corpus/sample-gold.jsonl --format json
    """
    from newsmon.eval.corpus import evaluate_corpus
    from newsmon.eval.report import format_report
    report = evaluate_corpus(gold, site, _pipeline()).as_dict()
    click.echo(json.dumps(report, indent=2) if fmt == "json" else format_report(report))


_register_optional()
