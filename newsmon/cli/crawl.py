"""Crawl commands: `crawl`, `sources discover URL` and `reprocess` (registered by cli/main.py)."""
from __future__ import annotations

import sqlite3

import click

from newsmon.cli.context import PROCESSES_OPTION, CliContext
from newsmon.crawl.sources import SourcesError, load_sources
from newsmon.settings import Politeness


@click.command()
@click.option("--sources", "sources_path", required=True, type=click.Path(dir_okay=False),
              help="TOML file of [[sources]] (feeds, sitemaps, urls or home).")
@click.option("--workers", default=8, show_default=True, type=click.IntRange(1, 64),
              help="Requests in flight across all hosts (each host keeps its own cap and delay).")
@click.option("--contact", envvar="NEWSMON_CONTACT", default="", metavar="URL_OR_EMAIL",
              help="Added to the User-Agent so webmasters can reach you (default: $NEWSMON_CONTACT).")
@PROCESSES_OPTION
@click.pass_obj
def crawl(obj: CliContext, sources_path: str, workers: int, contact: str, processes: int | None) -> None:
    """Fetch every feed, sitemap and homepage in a sources file and store new articles.

    Polite by default (robots.txt, 1 s between requests to a host, 2 in flight per host).
    Unchanged feeds cost a 304; stored URLs are never fetched again; copies of a stored story are
    recorded as duplicates. A killed run resumes where it stopped. A progress bar shows on a
    terminal; under cron there is one line per source and a summary. Exit status is 0 when the
    run completed, even if some pages failed; 1 when it could not run (bad sources file,
    unusable database, another crawl still running on the same database).

    \b
    Example:
        newsmon --db coverage.db crawl --sources corpus/sources/azerbaijan-egov.toml
    """
    from newsmon.crawl.crawler import Crawler
    from newsmon.crawl.runlock import CrawlLocked
    from newsmon.crawl.fetch import Fetcher
    from newsmon.crawl.progress import Progress
    try:
        sources = load_sources(sources_path)
    except SourcesError as exc:
        raise click.ClickException(str(exc)) from None
    store = obj.store
    fetcher = Fetcher(concurrency=workers, contact=contact)
    with obj.annotator(processes) as annotator:
        crawler = Crawler(store, annotator, fetcher=fetcher, report=obj.report, progress=Progress(),
                          workers=workers)
        try:
            counts = crawler.crawl(sources, label=sources_path)
        except sqlite3.Error as exc:
            raise click.ClickException(f"{store.path}: database error ({exc})") from None
        except CrawlLocked as exc:
            raise click.ClickException(str(exc)) from None
    obj.report(f"done: {counts.summary()}")


@click.group()
def sources() -> None:
    """Work with sources files: find a site's feeds and sitemaps.

    \b
    Example:
        newsmon sources discover https://report.az/en/
    """


@sources.command()
@click.argument("url")
@click.option("--name", help="Source name (default: from the host and language path).")
@click.option("--lang", help="Language hint to write into the block.")
@click.option("--no-probe", is_flag=True, help="Do not try common feed paths and /sitemap.xml.")
def discover(url: str, name: str | None, lang: str | None, no_probe: bool) -> None:
    """Find a site's feeds and sitemaps and print a ready-to-paste [[sources]] block.

    Looks for <link rel="alternate"> feeds on the page, then common feed paths, and for
    `Sitemap:` lines in robots.txt, then /sitemap.xml. Polite like a crawl.

    \b
    Example:
        newsmon sources discover https://azertag.az/en/ --lang en >> my-sources.toml
    """
    from newsmon.crawl.autodiscover import autodiscover, toml_block
    from newsmon.crawl.fetch import Fetcher
    from newsmon.crawl.sources import is_http_url
    if not is_http_url(url):
        raise click.BadParameter(f"not an http(s) URL: {url!r}", param_hint="URL")
    fetcher = Fetcher(Politeness(delay=0.5))
    found = autodiscover(url, fetcher, probe=not no_probe)
    click.echo(toml_block(found, name, lang))


@click.command()
@click.option("--source", help="Only articles of this source.")
@PROCESSES_OPTION
@click.pass_obj
def reprocess(obj: CliContext, source: str | None, processes: int | None) -> None:
    """Rerun extraction and NLP over every stored raw response, fetching nothing.

    Use after a model upgrade: articles keep their ids and duplicate status, their text and
    annotations are rebuilt.

    \b
    Example:
        newsmon --db coverage.db reprocess --source azertag-en
    """
    from newsmon.crawl.reprocess import reprocess as run
    store = obj.store
    with obj.annotator(processes) as annotator:
        try:
            counts = run(store, annotator, source, report=obj.report)
        except sqlite3.Error as exc:
            raise click.ClickException(f"{store.path}: database error ({exc})") from None
    obj.report(f"reprocessed {counts.reprocessed} articles, {counts.no_text} without text kept as they were")
