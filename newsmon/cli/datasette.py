"""`newsmon datasette-metadata`: the metadata file that opens the database in Datasette with canned
queries (newsmon/store/datasette.py), registered by cli/main.py."""
from __future__ import annotations

from pathlib import Path

import click

from newsmon.cli.context import CliContext
from newsmon.store.datasette import database_name, dump, metadata


@click.command("datasette-metadata")
@click.option("--out", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.option("--format", "fmt", type=click.Choice(("json", "yaml")), default=None,
              help="Default: yaml when --out ends in .yaml or .yml, else json.")
@click.pass_obj
def datasette_metadata(obj: CliContext, out: str | None, fmt: str | None) -> None:
    """Write a Datasette metadata file for the database: table descriptions, facets, the full-text
    index on articles, and canned queries (an entity's articles, agreements by party, articles by
    relevance).

    Datasette names the database after its file, so open the same file the metadata was made for.
    Needs Datasette: pip install 'newsmon[datasette]'.

    \b
    Example:
        newsmon --db coverage.db datasette-metadata --out metadata.yaml
        datasette coverage.db -m metadata.yaml
    """
    fmt = fmt or ("yaml" if out and Path(out).suffix.lower() in (".yaml", ".yml") else "json")
    try:
        text = dump(metadata(obj.reader), fmt)
    except ImportError:  # YAML needs PyYAML, which comes with Datasette
        raise click.ClickException("--format yaml needs PyYAML: pip install 'newsmon[datasette]', "
                                   "or write JSON") from None
    if not out:
        click.echo(text, nl=False)
        return
    try:
        Path(out).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"{out}: cannot write ({exc.strerror})") from None
    obj.report(f"wrote {out}; open with: datasette {obj.db} -m {out}  "
               f"(database name: {database_name(obj.db)})")
