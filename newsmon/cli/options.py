"""Options shared by the commands, each written once: output format, row limit, date range, label.

Every command that prints rows takes the same `--format` choices, the same `--limit` and the same
`--since/--until`; each says in its help which date it filters on.
"""
from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

import click

from newsmon.cli.output import FORMATS
from newsmon.model import LABELS

MAX_LIMIT = 1_000_000  # far above any listing; keeps a typo such as 99999999999999999999 out of SQLite

_DAY = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?")


class IsoDate(click.ParamType):
    """An ISO date: YYYY-MM-DD, YYYY-MM or YYYY (and, with `allow_time`, YYYY-MM-DDTHH:MM[:SS][+HH:MM]).

    Stored dates are ISO strings compared as text, so a `--since` bound is returned as typed (the
    shortest string that sorts before every date of that period) and an `--until` bound
    (`end=True`) is widened to the last day of its period (`2025-09` -> `2025-09-30`).
    """

    name = "date"

    def __init__(self, end: bool = False, allow_time: bool = False) -> None:
        self.end = end
        self.allow_time = allow_time

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        day = _DAY.fullmatch(text)
        try:
            if day:
                year, month, dom = (int(g) if g else None for g in day.groups())
                date(year, 1 if month is None else month, 1 if dom is None else dom)  # 2025-13, 2025-02-30: ValueError
                if not self.end or dom:
                    return text
                if month:
                    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
                return f"{year:04d}-12-31"
            if self.allow_time and _DATETIME.fullmatch(text):
                moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
                # fetch times are stored in UTC: compare like with like
                return moment.astimezone(timezone.utc).isoformat() if moment.tzinfo else moment.isoformat()
        except ValueError:
            pass
        expected = "YYYY-MM-DD, YYYY-MM or YYYY" + (" (or YYYY-MM-DDTHH:MM)" if self.allow_time else "")
        self.fail(f"expected a date as {expected}, got {text!r}", param, ctx)


LIMIT = click.IntRange(1, MAX_LIMIT)


def format_option(choices: tuple[str, ...] = FORMATS, default: str | None = None,
                  help: str | None = None) -> Callable:
    """`--format`. With no default, a table on a terminal and JSON in a pipe (as sqlite-utils does)."""
    text = help or ("Output format (default: table on a terminal, else json)." if default is None
                    else "Output format.")
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=default is not None, help=text)


def limit_option(default: int | None, help: str = "Rows to print.") -> Callable:
    """`--limit N` (1 to MAX_LIMIT), with `--top` kept as a hidden alias from older versions."""

    def decorator(f: Callable) -> Callable:
        @functools.wraps(f)
        def wrapper(*args: Any, limit: int | None, top: int | None = None, **kwargs: Any) -> Any:
            if top is not None:
                click.echo("warning: --top is deprecated, use --limit", err=True)
                limit = top
            return f(*args, limit=limit, **kwargs)

        wrapper = click.option("--top", "top", type=LIMIT, default=None, hidden=True)(wrapper)
        return click.option("--limit", type=LIMIT, default=default, show_default=default is not None,
                            help=help)(wrapper)
    return decorator


def date_range_options(what: str, allow_time: bool = False, since_help: str = "") -> Callable:
    """`--since DATE` and `--until DATE`, both inclusive, on the date `what` names."""
    since = IsoDate(allow_time=allow_time)
    until = IsoDate(end=True, allow_time=allow_time)
    forms = "YYYY-MM-DD, YYYY-MM or YYYY" + (", or a date and time" if allow_time else "")

    def decorator(f: Callable) -> Callable:
        f = click.option("--until", type=until, metavar="DATE",
                         help=f"Only those {what} on or before DATE ({forms}; a month or year "
                              "includes all of it).")(f)
        return click.option("--since", type=since, metavar="DATE",
                            help=f"Only those {what} on or after DATE ({forms}){since_help}.")(f)
    return decorator


class UpperChoice(click.Choice):
    """A choice among upper-case names (entity labels) that accepts any case and lists them as
    written (click's own case-insensitive Choice lists them in lower case)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return super().convert(value.upper() if isinstance(value, str) else value, param, ctx)


label_option = click.option("--label", type=UpperChoice(LABELS),
                            help="Only entities with this label (any case).")
