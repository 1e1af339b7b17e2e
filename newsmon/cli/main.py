"""The newsmon command line: a thin click layer over the library (crawl, store, pipeline).

The group builds one `CliContext` (lazy store, knowledge base, pipeline) that commands receive with
`@click.pass_obj`; shared options (`--format`, `--limit`, `--since/--until`, `--label`) come from
`newsmon.cli.options`. The query commands live here; crawling, the web UI, language ID and the
maintainer commands (demo, eval, train) in their own modules.
"""
from __future__ import annotations

import contextlib
import importlib
import json
import logging
import sys
from typing import TYPE_CHECKING, Any

import click

from newsmon import __version__
from newsmon.cli.context import PROCESSES_OPTION, CliContext
from newsmon.cli.options import date_range_options, format_option, label_option, limit_option
from newsmon.cli.output import default_format, render, render_sections
from newsmon.model import AGREEMENT_TYPES

if TYPE_CHECKING:  # imported where used, so that the CLI starts without the store
    from newsmon.store.articles import Store

MAINTAINER_COMMANDS = ("demo", "eval", "train")


# Commands that live in their own modules, imported when called (or listed by --help): a query
# command starts without the crawler, the web server, the exporters and their libraries.
LAZY_COMMANDS = {
    "crawl": "newsmon.cli.crawl:crawl", "sources": "newsmon.cli.crawl:sources",
    "reprocess": "newsmon.cli.crawl:reprocess", "lang": "newsmon.cli.lang:lang_command",
    "serve": "newsmon.cli.web:serve", "datasette-metadata": "newsmon.cli.datasette:datasette_metadata",
    "eval": "newsmon.cli.models:eval_group", "train": "newsmon.cli.models:train_group",
    "export": "newsmon.cli.export:export_command", "digest": "newsmon.cli.digest:digest_command",
    "label": "newsmon.cli.relevance:label_command", "score": "newsmon.cli.relevance:score_command",
}


class NewsmonGroup(click.Group):
    """Lists the everyday commands first and the maintainer commands (demo, eval, train) apart;
    the commands of LAZY_COMMANDS are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            module, attr = LAZY_COMMANDS[cmd_name].split(":")
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        sections: dict[str, list[tuple[str, str]]] = {"Commands": [], "Maintainer commands": []}
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            section = "Maintainer commands" if name in MAINTAINER_COMMANDS else "Commands"
            sections[section].append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        for title, rows in sections.items():
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


@click.group(cls=NewsmonGroup, context_settings={"help_option_names": ["-h", "--help"]})
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
    ctx.obj = CliContext(db=db, kb_files=kb_files) if db else CliContext(kb_files=kb_files)
    ctx.call_on_close(ctx.obj.close)


def _emit(rows: list[dict], fmt: str | None, columns: list[str] | None = None) -> None:
    click.echo(render(rows, fmt or default_format(), columns))


@cli.command()
@click.argument("items", nargs=-1, required=True, metavar="PATH_OR_URL...")
@click.option("--source", default="manual", show_default=True, help="Source name to store them under.")
@click.option("--lang", default=None, help="Language hint (detection still decides).")
@PROCESSES_OPTION
@click.pass_obj
def add(obj: CliContext, items: tuple[str, ...], source: str, lang: str | None, processes: int | None) -> None:
    """Ingest single documents: HTML files, plain-text files or URLs.

    One line per item that could not be added, then a summary. Exit status 1 when any item
    could not be added (the others are still stored).

    \b
    Example:
        newsmon add saved-page.html notes.txt https://example.az/news/123
    """
    from newsmon.crawl.crawler import Crawler
    with obj.annotator(processes) as annotator:
        counts = Crawler(obj.store, annotator, report=obj.report).add(items, source, lang)
    obj.report(f"added {counts.new}, duplicates {counts.duplicates}, already stored "
               f"{counts.skipped_known}, errors {counts.errors}")
    if counts.errors:
        sys.exit(1)


@cli.command()
@click.argument("query")
@click.option("--lang", help="Only articles in this language (az, en, fr, ...).")
@date_range_options("published")
@click.option("--source", help="Only articles from this source.")
@limit_option(20, "Articles to list.")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Rows to skip (the next page).")
@click.option("--min-relevance", type=click.FloatRange(0, 1), help="Only articles scored at least this "
              "(relevance to the beat, see `newsmon train relevance`).")
@click.option("--sort", type=click.Choice(["rank", "relevance", "newest"]), default="rank", show_default=True,
              help="Best match first, most relevant to the beat first, or latest stored first. "
                   "'rank' orders the newest 2,000 matches by bm25, then the next 2,000 if the page "
                   "is not full: a common word costs the same at any size, and a better match older "
                   "than its newest 2,000 comes after them.")
@format_option()
@click.pass_obj
def search(obj: CliContext, query: str, lang: str | None, since: str | None, until: str | None,
           source: str | None, limit: int, offset: int, min_relevance: float | None, sort: str,
           fmt: str | None) -> None:
    """Full-text search, best match first, with a snippet.

    Matching folds Azerbaijani letters and endings: `Aliyev` finds "Əliyev", `agentlik` finds
    "Agentliyinin". Put phrases in double quotes. --since/--until filter on the publication date.

    \b
    Example:
        newsmon search 'memorandum KOICA' --since 2025-01-01 --format json
    """
    try:
        rows = obj.reader.search(query, lang, since, until, source, limit, min_relevance=min_relevance,
                                 sort=sort, offset=offset)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    _emit(rows, fmt, ["id", "published", "lang", "source", "relevance", "title", "snippet", "url"])


@cli.command()
@label_option
@click.option("--lang", help="Count only mentions in this language.")
@limit_option(20, "Entities to list.")
@format_option()
@click.pass_obj
def entities(obj: CliContext, label: str | None, lang: str | None, limit: int, fmt: str | None) -> None:
    """Most mentioned canonical entities (all names of one entity count together).

    \b
    Example:
        newsmon entities --label ORG --limit 10
    """
    _emit(obj.reader.top_entities(label, lang, limit), fmt)


@cli.command()
@click.argument("name")
@limit_option(50, "Articles to list, newest first (a page: --offset for the next; the totals are counts).")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Rows to skip (the next page).")
@format_option()
@click.pass_obj
def entity(obj: CliContext, name: str, limit: int | None, offset: int, fmt: str | None) -> None:
    """One entity: its names by language, mention count and the articles that mention it.

    NAME may be any of its names, in any language, or its id.

    \b
    Example:
        newsmon entity SAPSSI --format json
    """
    from newsmon.store.lookup import entity_records

    records = entity_records(obj.reader, obj.kb, name, limit=limit, offset=offset)
    if not records:
        raise click.ClickException(f"no entity named {name!r} in {obj.reader.path}")
    record = records[0]
    fmt = fmt or default_format()
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    if fmt == "table":
        click.echo(f"{record['name']}  [{record['label']}]  id={record['id']}  "
                   f"{record['mentions']} mentions in {record['total_articles']} articles")
        for lang, names in sorted(record["names"].items()):
            click.echo(f"  {lang}: {'; '.join(names)}")
        click.echo()
    click.echo(render(record["articles"], fmt, ["published", "lang", "title", "url", "mentions"]))
    if fmt == "table" and (offset or len(record["articles"]) < record["total_articles"]):
        click.echo(f"articles {offset + 1}-{offset + len(record['articles'])} of {record['total_articles']}")


@cli.command()
@format_option()
@click.pass_obj
def stats(obj: CliContext, fmt: str | None) -> None:
    """Counts per language, source and entity label.

    \b
    Example:
        newsmon stats --format json
    """
    click.echo(render_sections(obj.reader.stats(), fmt or default_format()))


@cli.command()
@limit_option(20, "Runs to list, latest first.")
@format_option()
@click.pass_obj
def runs(obj: CliContext, limit: int, fmt: str | None) -> None:
    """Past crawl runs with their counts.

    \b
    Example:
        newsmon runs --limit 5
    """
    _emit(obj.reader.runs(limit), fmt, ["id", "started", "finished", "status", "discovered",
                                       "fetched", "new", "duplicates", "errors",
                                       "skipped_robots", "skipped_known", "sources"])


def _agreement_cells(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Agreement records with parties and date as plain text, for tables."""
    return [{**r, "parties": "; ".join(p["name"] for p in r["parties"]),
             "date_signed": (r["date_signed"] or {}).get("value")} for r in rows]


@cli.command()
@click.option("--party", metavar="NAME", help="Only agreements binding this party (any of its names).")
@click.option("--type", "type_", type=click.Choice(AGREEMENT_TYPES))
@date_range_options("signed (or, when the text gives no date, published)")
@limit_option(50, "Agreements to list, latest first (a page: --offset for the next).")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Rows to skip (the next page).")
@format_option()
@click.pass_obj
def agreements(obj: CliContext, party: str | None, type_: str | None, since: str | None,
               until: str | None, limit: int | None, offset: int, fmt: str | None) -> None:
    """Agreements found in the articles: type, parties, date signed, status.

    --since/--until filter on the signing date, or on the publication date when the text gives
    no signing date.

    \b
    Example:
        newsmon agreements --party KOICA --type memorandum --since 2025 --format csv
    """
    from newsmon.store.lookup import entity_ids

    store = obj.reader
    ids = entity_ids(store, obj.kb, party) if party else None
    rows = store.agreements(ids, party, type_, since, until=until, limit=limit, offset=offset)
    fmt = fmt or default_format()
    if fmt == "table":
        rows = _agreement_cells(rows)
    _emit(rows, fmt, ["date_signed", "type", "status", "parties", "title", "lang", "url"]
          if fmt != "json" else None)
    if fmt == "table" and (offset or len(rows) == limit):  # a page of a table: of how many
        total = store.count_agreements(ids, party, type_, since, until=until)
        if offset or total > len(rows):
            click.echo(f"agreements {offset + 1}-{offset + len(rows)} of {total}")


def print_summary(store: Store, top: int = 8) -> None:
    """The digest printed after a demo crawl: articles per language and source, top actors."""
    data = store.stats()
    total = sum(r["articles"] for r in data["languages"])
    click.echo(f"\n{total} articles in {store.path}")
    click.echo("  by language: " + ", ".join(f"{r['lang']} {r['articles']}" for r in data["languages"]))
    click.echo("  by source:   " + ", ".join(f"{r['source']} {r['articles']}" for r in data["sources"]))
    for label in ("ORG", "PERSON"):
        click.echo(f"\nTop {label}:")
        click.echo(render(store.top_entities(label, None, top), "table", ["name", "mentions", "articles"]))


@cli.command()
@click.option("--port", default=8642, show_default=True, type=click.IntRange(0, 65535),
              help="Loopback port to serve the sample site on (0: any free port). A fixed port keeps "
                   "the articles' URLs, so running the demo again stores nothing new.")
@click.pass_obj
def demo(obj: CliContext, port: int) -> None:
    """Serve the bundled sample site on 127.0.0.1, crawl it, and print a summary.

    \b
    Example:
        newsmon --db demo.db demo
    """
    from newsmon.crawl.crawler import Crawler
    from newsmon.crawl.sources import parse_sources
    from newsmon.samplesite import sample_sources_text, serve
    store = obj.store
    with contextlib.ExitStack() as stack:
        try:
            base = stack.enter_context(serve(port=port))
        except OSError as exc:
            raise click.ClickException(f"cannot serve on 127.0.0.1:{port} ({exc.strerror}); "
                                       "try --port 0") from None
        obj.report(f"serving corpus/site at {base}")
        sources = parse_sources(sample_sources_text(base), "corpus/sources/sample-site.toml")
        Crawler(store, obj.pipeline, report=obj.report).crawl(sources, command="demo", label=base)
    print_summary(store)


