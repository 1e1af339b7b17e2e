"""The digest rendered for people: terminal text, Markdown, HTML that survives a mail client, and a
complete RFC 5322 message (stdlib `email`) with the HTML, a plain-text part and the chart inline.

HTML for mail: every style is an inline `style` attribute (clients drop <style> blocks and <head>),
layout is tables, no JavaScript, no external resource; the chart is a PNG referenced as `cid:` in the
e-mail and as a `data:` URI in a standalone file. Every crawled value is escaped.
"""
from __future__ import annotations

import base64
import html
from collections import Counter
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Any

from newsmon import __version__

CHART_CID = "digest-chart"
FONT = "font-family:Arial,Helvetica,sans-serif;"
S = {  # the inline styles, written once
    "body": FONT + "margin:0;padding:12px;background:#ffffff;color:#222222;font-size:15px;line-height:1.45;",
    "wrap": "width:100%;max-width:720px;",
    "h1": FONT + "font-size:22px;margin:0 0 4px 0;color:#111111;",
    "h2": FONT + "font-size:17px;margin:22px 0 6px 0;color:#111111;border-bottom:2px solid #0072B2;"
          "padding-bottom:3px;",
    "h3": FONT + "font-size:15px;margin:14px 0 4px 0;color:#0072B2;",
    "muted": "color:#666666;font-size:13px;",
    "table": "border-collapse:collapse;width:100%;",
    "th": FONT + "text-align:left;padding:4px 6px;background:#f2f2f2;font-size:13px;border-bottom:1px solid #dddddd;",
    "td": FONT + "padding:4px 6px;font-size:14px;border-bottom:1px solid #eeeeee;vertical-align:top;",
    "a": "color:#0057a3;text-decoration:underline;",
    "up": "color:#1a7f37;font-weight:bold;", "down": "color:#b42318;font-weight:bold;",
    "img": "display:block;width:100%;max-width:720px;height:auto;border:0;",
}


def esc(value: Any) -> str:
    return "" if value is None else html.escape(str(value), quote=True)


def _link(url: str | None, text: Any) -> str:
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(url)}" style="{S["a"]}">{esc(text)}</a>'
    return esc(text)


def change_text(change: int) -> str:
    return f"+{change}" if change > 0 else ("±0" if change == 0 else str(change))


def relevance_text(score: float | None) -> str:
    return "–" if score is None else f"{score:.2f}"


def _day(data: dict[str, Any], key: str) -> str:
    """A period bound as a day; the end of the period is exclusive, so its last day is the one before."""
    value = data["period"][key]
    if key == "until":
        from datetime import datetime, timedelta
        value = (datetime.fromisoformat(value) - timedelta(seconds=1)).isoformat()
    return value[:10]


def previous_period(data: dict[str, Any]) -> str:
    """The previous period's length in words: "31 days", "24 hours"."""
    from datetime import datetime
    seconds = (datetime.fromisoformat(data["period"]["since"])
               - datetime.fromisoformat(data["period"]["previous_since"])).total_seconds()
    days, hours = round(seconds / 86400), round(seconds / 3600)
    if days >= 2:
        return f"{days} days"
    return f"{hours} hours" if hours != 1 else "hour"


def subject(data: dict[str, Any]) -> str:
    # Short enough (< 70 characters) to stay on the "Subject:" line: Python's e-mail folding moves a
    # longer value to a continuation line, which readers then show with a leading space.
    return (f"newsmon {_day(data, 'since')} to {_day(data, 'until')}: {len(data['articles'])} new articles, "
            f"{len(data['agreements'])} agreements")


def _parties(g: dict[str, Any]) -> str:
    return "; ".join(p["name"] for p in g["parties"]) or "parties not named"


def _signed(g: dict[str, Any]) -> str:
    return (g["date_signed"] or {}).get("value") or "date not given"


def to_text(data: dict[str, Any]) -> str:
    """Plain text for a terminal or the text/plain part of the e-mail."""
    articles = data["articles"]
    langs = Counter(a["lang"] for a in articles)
    period = f"since {data['since']}" + (f" until {data['until']}" if data["until"] else "")
    lines = [f"Digest {period}: {len(articles)} new articles"
             + (f" ({', '.join(f'{k} {v}' for k, v in langs.most_common())})" if articles else "")]
    for group in data["groups"]:
        lines.append(f"\n{group['name']}")
        for a in group["articles"]:
            score = f"  (relevance {a['relevance']:.2f})" if a["relevance"] is not None else ""
            lines.append(f"  {a['published'] or '':10.10}  [{a['lang']}] {a['title']}{score}\n"
                         f"              {a['url']}")
    if data["actors"]:
        lines.append(f"\nMost mentioned (change against the {previous_period(data)} before: "
                     f"{data['previous_articles']} articles):")
        lines += [f"  {actor['name']} ({actor['label']}): {actor['articles']} articles "
                  f"({change_text(actor['change'])})" for actor in data["actors"]]
    if data["agreements"]:
        lines.append("\nAgreements reported:")
        for g in data["agreements"]:
            lines.append(f"  {g['type']}, {g['status'] or 'status unclear'}, {_signed(g)}: {_parties(g)}")
    return "\n".join(lines)


def to_markdown(data: dict[str, Any]) -> str:
    def cell(value: Any) -> str:
        return str(value if value is not None else "").replace("|", "\\|").replace("\n", " ")

    out = [f"# Coverage digest, {_day(data, 'since')} to {_day(data, 'until')}", "",
           f"{len(data['articles'])} new articles (previous period: {data['previous_articles']}).", ""]
    for group in data["groups"]:
        out.append(f"## {cell(group['name'])}")
        out.append("")
        for a in group["articles"]:
            out.append(f"- [{cell(a['title'])}]({a['url']}) — {a['lang']}, {cell(a['source'])}, "
                       f"{a['published'] or 'undated'}, relevance {relevance_text(a['relevance'])}")
        out.append("")
    if data["actors"]:
        out += ["## Most mentioned actors", "", "| actor | label | articles | previous | change |",
                "| --- | --- | ---: | ---: | ---: |"]
        out += [f"| {cell(a['name'])} | {a['label']} | {a['articles']} | {a['previous']} | "
                f"{change_text(a['change'])} |" for a in data["actors"]]
        out.append("")
    if data["agreements"]:
        out += ["## Agreements reported", "", "| type | status | signed | parties | article |",
                "| --- | --- | --- | --- | --- |"]
        out += [f"| {g['type']} | {g['status'] or ''} | {_signed(g)} | {cell(_parties(g))} | "
                f"[link]({g['url']}) |" for g in data["agreements"]]
        out.append("")
    return "\n".join(out)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th style="{S["th"]}">{h}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f'<td style="{S["td"]}">{c}</td>' for c in row) + "</tr>"
                   for row in rows)
    return (f'<table role="presentation" cellpadding="0" cellspacing="0" style="{S["table"]}">'
            f"<tr>{head}</tr>{body}</table>")


def to_html(data: dict[str, Any], chart_src: str | None) -> str:
    """A whole HTML document, mail-safe; `chart_src` is a cid: or data: URI, or None (no chart)."""
    parts = [f'<h1 style="{S["h1"]}">Coverage digest</h1>',
             f'<p style="{S["muted"]}">{esc(_day(data, "since"))} to {esc(_day(data, "until"))} · '
             f'{len(data["articles"])} new articles (previous period {data["previous_articles"]}) · '
             f'{len(data["agreements"])} agreements</p>']
    if data["actors"]:
        rows = [[esc(a["name"]), esc(a["label"]), str(a["articles"]), str(a["previous"]),
                 f'<span style="{S["up"] if a["change"] > 0 else S["down"] if a["change"] < 0 else ""}">'
                 f'{esc(change_text(a["change"]))}</span>'] for a in data["actors"]]
        parts += [f'<h2 style="{S["h2"]}">Most mentioned actors</h2>',
                  _table(["actor", "label", "articles", "before", "change"], rows)]
    if chart_src and data["daily"]["series"]:
        parts.append(f'<img src="{esc(chart_src)}" width="720" alt="Mentions per day of the top actors" '
                     f'style="{S["img"]}">')
    if data["agreements"]:
        # the type links to the article (no column of its own): four columns fit a 375 px phone
        rows = [[_link(g["url"], g["type"]), esc(g["status"] or ""), esc(_signed(g)), esc(_parties(g))]
                for g in data["agreements"]]
        parts += [f'<h2 style="{S["h2"]}">Agreements reported</h2>',
                  _table(["type", "status", "signed", "parties"], rows)]
    parts.append(f'<h2 style="{S["h2"]}">New articles, most relevant first</h2>')
    if not data["articles"]:
        parts.append(f'<p style="{S["muted"]}">Nothing new in this period.</p>')
    for group in data["groups"]:
        parts.append(f'<h3 style="{S["h3"]}">{esc(group["name"])} ({len(group["articles"])})</h3>')
        rows = [[_link(a["url"], a["title"] or a["url"]) + f'<br><span style="{S["muted"]}">{esc(a["source"])}'
                 f' · {esc(a["lang"])} · {esc(a["published"] or "undated")}</span>',
                 esc(relevance_text(a["relevance"]))] for a in group["articles"]]
        parts.append(_table(["article", "relevance"], rows))
    parts.append(f'<p style="{S["muted"]}">newsmon {esc(__version__)}</p>')
    return ('<!DOCTYPE html><html><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{esc(subject(data))}</title></head><body style="{S["body"]}">'
            f'<div style="{S["wrap"]}">{"".join(parts)}</div></body></html>')


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def to_email(data: dict[str, Any], chart_png: bytes | None, sender: str, to: list[str],
             subject_line: str | None = None) -> EmailMessage:
    """A complete RFC 5322 message: multipart/alternative of text and (related) HTML + chart PNG."""
    msg = EmailMessage()
    msg["Subject"] = subject_line or subject(data)
    msg["From"] = sender
    msg["To"] = ", ".join(to) if to else sender
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    msg["X-Mailer"] = f"newsmon {__version__}"
    msg.set_content(to_text(data))
    with_chart = chart_png is not None and bool(data["daily"]["series"])
    msg.add_alternative(to_html(data, f"cid:{CHART_CID}" if with_chart else None), subtype="html")
    if with_chart:
        html_part = msg.get_payload()[1]
        html_part.add_related(chart_png, maintype="image", subtype="png", cid=f"<{CHART_CID}>",
                              filename="mentions-per-day.png", disposition="inline")
    return msg


def chart(data: dict[str, Any], fmt: str = "png") -> bytes | None:
    """Mentions per day of the top actors (None when the period has none)."""
    if not data["daily"]["series"]:
        return None
    from newsmon.web.charts import time_series  # matplotlib only when a chart is drawn
    return time_series(data["daily"]["days"], data["daily"]["series"],
                       f"Mentions per {data['daily']['bucket']}, top actors", fmt=fmt)
