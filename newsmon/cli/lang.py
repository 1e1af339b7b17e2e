"""`newsmon lang`: language of each line on stdin."""
from __future__ import annotations

import sys

import click

from newsmon.cli.options import format_option
from newsmon.cli.output import write_records
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
@format_option(("table", "json", "csv", "jsonl"), "table",
               help="table: code<TAB>probability, one line per input line (for cut and paste); "
                    "json: one array of {text, lang, prob}; csv: text,lang,prob; jsonl: one object per line.")
@click.option("--candidates", default=",".join(DEFAULT_LANGS), show_default=True,
              help="Comma-separated languages to prefer; text clearly in another language is still "
                   "reported as that language.")
def lang_command(fmt: str, candidates: str) -> None:
    """Identify the language of each line read from stdin.

    One output line (row) per input line, in order, written as the input arrives; a line with no
    letters gets "und".

    \b
    Example:
      printf 'Bu gün hava çox gözəldir.\\nBugün hava çok güzel.\\n' | newsmon lang
      az	1.0000
      tr	1.0000
    """
    from newsmon.nlp import language

    cands = _parse_candidates(candidates)
    out = sys.stdout

    def guesses():
        batch: list[str] = []
        for line in sys.stdin:
            batch.append(line.rstrip("\r\n"))
            if len(batch) >= BATCH:
                yield from zip(batch, language.detect_many(batch, cands))
                out.flush()  # each batch's answers leave before the next is read: usable in a pipe
                batch = []
        yield from zip(batch, language.detect_many(batch, cands))

    if fmt == "table":
        for _, guess in guesses():
            out.write(f"{guess.lang}\t{guess.prob:.4f}\n")
        return
    rows = ({"text": text, "lang": guess.lang, "prob": guess.prob} for text, guess in guesses())
    write_records(rows, fmt, out)


if __name__ == "__main__":
    lang_command()
