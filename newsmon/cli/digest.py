"""`newsmon digest`: what arrived, for the press officer (data in store/digest.py, rendering in
web/digest.py); `--smtp HOST:PORT --to ADDR` sends the e-mail form."""
from __future__ import annotations

import json
import smtplib
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import click

from newsmon.cli.context import CliContext
from newsmon.cli.options import date_range_options, format_option, limit_option
from newsmon.cli.output import render_sections

FORMATS = ("table", "text", "json", "csv", "md", "html", "eml")


def _smtp_address(value: str | None) -> tuple[str, int] | None:
    if value is None:
        return None
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise click.BadParameter(f"expected HOST:PORT, got {value!r}", param_hint="--smtp")
    return host.strip("[]"), int(port)


@click.command(name="digest")
@date_range_options("articles fetched", allow_time=True, since_help="; default: the last 24 hours")
@limit_option(10, "Most mentioned actors to list.")
@click.option("--min-relevance", type=click.FloatRange(0, 1),
              help="Leave out articles scored below this (and unscored ones).")
@format_option(FORMATS, "table",
               help="table (or text): the text digest, for a terminal; md; html (mail-safe, chart inline); "
                    "json: the data; csv: one CSV whose first column names the part; eml: an RFC 5322 message.")
@click.option("--out", type=click.Path(dir_okay=False), help="File to write (default: stdout).")
@click.option("--smtp", metavar="HOST:PORT", help="Send the digest as e-mail through this SMTP server.")
@click.option("--to", "recipients", multiple=True, metavar="ADDR", help="Recipient (repeatable).")
@click.option("--from", "sender", default="newsmon@localhost", show_default=True, metavar="ADDR")
@click.option("--subject", help="Subject line (default: period and counts).")
@click.pass_obj
def digest_command(obj: CliContext, since: str | None, until: str | None, limit: int,
                   min_relevance: float | None, fmt: str, out: str | None, smtp: str | None,
                   recipients: tuple[str, ...], sender: str, subject: str | None) -> None:
    """The digest: new articles most relevant first grouped by actor, the most mentioned actors with
    their change against the previous period of the same length, agreements reported, and a chart of
    mentions per day. --since/--until filter on when the article was fetched, so a story published
    late is not missed.

    \b
    Example:
        newsmon crawl --sources my-sources.toml && newsmon digest | mail -s "Coverage" press@example.az
        newsmon digest --since 2025-09-01 --format html --out digest.html
        newsmon digest --format eml --to press@example.az | /usr/sbin/sendmail -t
        newsmon digest --since 2025-09-13 --smtp mail.example.az:25 --to press@example.az
    """
    from newsmon.web import digest as render

    address = _smtp_address(smtp)
    if address and not recipients:
        raise click.UsageError("--smtp needs at least one --to ADDR")
    since = since or (datetime.now(timezone.utc) - timedelta(days=1)).replace(microsecond=0).isoformat()
    try:
        data = obj.reader.digest(since, limit, until, min_relevance)
    except ValueError as exc:  # until before since
        raise click.ClickException(f"digest: {exc}") from None

    if address or fmt == "eml":
        message = render.to_email(data, render.chart(data, "png"), sender, list(recipients), subject)
    if address:
        try:
            with smtplib.SMTP(*address, timeout=30) as smtp_client:
                refused = smtp_client.send_message(message)
        except (OSError, smtplib.SMTPException) as exc:
            raise click.ClickException(f"cannot send through {smtp}: {exc}") from None
        if refused:
            raise click.ClickException(f"refused recipients: {', '.join(refused)}")
        obj.report(f"sent digest ({len(data['articles'])} articles) to {', '.join(recipients)} via {smtp}")
        if fmt in ("text", "table") and not out:
            return

    if fmt == "eml":
        body: str | bytes = message.as_bytes()
    elif fmt == "json":
        body = json.dumps(data, ensure_ascii=False, indent=2)
    elif fmt == "csv":
        body = render_sections({k: data[k] for k in ("articles", "actors", "agreements")}, fmt)
    elif fmt == "md":
        body = render.to_markdown(data)
    elif fmt == "html":
        png = render.chart(data, "png")
        body = render.to_html(data, render.data_uri(png) if png else None)
    else:
        body = render.to_text(data)
    if out:
        try:
            Path(out).write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
        except OSError as exc:
            raise click.ClickException(f"{out}: cannot write ({exc.strerror or exc})") from None
        obj.report(f"wrote {fmt} digest ({len(data['articles'])} articles) to {out}")
    elif isinstance(body, bytes):
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
    else:
        click.echo(body)
