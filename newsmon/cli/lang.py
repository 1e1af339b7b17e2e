"""`newsmon lang`: language of each line on stdin."""
from __future__ import annotations

import json
import sys

import click

from newsmon.settings import DEFAULT_LANGS

BATCH = 512  # lines per vectorised call: fast, yet output starts before a long stdin ends


def _parse_candidates(value: str | None) -> list[str] | None:
    if not value:
        return None
    cands = [c.strip() for c in value.split(",") if c.strip()]
    from newsmon.nlp.language import supported  # loads the model: only when the command runs

    unknown = [c for c in cands if c not in supported()]
    if unknown:
        raise click.BadParameter(f"unsupported: {', '.join(unknown)}; choose from {', '.join(supported())}")
    return cands


@click.command("lang")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: code<TAB>probability per line; json: one JSON object per line.")
@click.option("--candidates", default=",".join(DEFAULT_LANGS), show_default=True,
              help="Comma-separated languages to prefer; text clearly in another language is still "
                   "reported as that language.")
def lang_command(fmt: str, candidates: str) -> None:
    """Identify the language of each line read from stdin.

    One output line per input line, in order; a line with no letters gets "und".

    \b
    Example:
      printf 'Bu gün hava çox gözəldir.\\nBugün hava çok güzel.\\n' | newsmon lang
      az	1.0000
      tr	1.0000
    """
    from newsmon.nlp import language

    cands = _parse_candidates(candidates)
    batch: list[str] = []

    def flush() -> None:
        for text, guess in zip(batch, language.detect_many(batch, cands)):
            if fmt == "json":
                click.echo(json.dumps({"text": text, "lang": guess.lang, "prob": guess.prob}, ensure_ascii=False))
            else:
                click.echo(f"{guess.lang}\t{guess.prob:.4f}")
        batch.clear()

    for line in sys.stdin:
        batch.append(line.rstrip("\r\n"))
        if len(batch) >= BATCH:
            flush()
    flush()


if __name__ == "__main__":
    lang_command()
