"""HTML for `newsmon serve` (see web.py): plain server-rendered pages, no JavaScript.

Everything shown comes from crawled pages and is untrusted: every value goes through `esc` (or `link`,
which also refuses any URL that is not http(s)), and nothing is ever inserted into the HTML unescaped.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from http import HTTPStatus
from typing import Any
from urllib.parse import quote, urlencode

from newsmon.model import AGREEMENT_TYPES, LABELS


Cell = Callable[[dict[str, Any]], str]
NAV = [("/", "Overview"), ("/search", "Search"), ("/entities", "Entities"),
       ("/agreements", "Agreements"), ("/agreements/charts", "Agreement charts"), ("/digest", "Digest"),
       ("/export.jsonl", "Export (JSONL)")]
CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72em;padding:0 1em 2em;color:#222}
nav{padding:.6em 0;border-bottom:1px solid #ccc;margin-bottom:1em}nav a{margin-right:1em}
table{border-collapse:collapse;margin:.5em 0 1.2em}th,td{border-bottom:1px solid #e3e3e3;
padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f4f4f4}
mark{background:#ffe58a}.muted{color:#777}.error{color:#a00;font-weight:bold}
form{margin:.5em 0 1em}input,select{font:inherit;margin-right:.4em}input[name=q]{width:22em}
figure.chart{margin:.5em 0 1.2em}figure.chart svg{max-width:100%;height:auto}
@media (max-width:600px){input[name=q]{width:100%}table{display:block;overflow-x:auto}}
"""


def esc(value: Any) -> str:
    """A value as HTML text (None as empty), quotes escaped too so it is safe in attributes."""
    return "" if value is None else html.escape(str(value), quote=True)


def href(path: str, **params: Any) -> str:
    """An escaped local URL with the non-empty `params` as its query string."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return esc(f"{path}?{query}" if query else path)


def entity_href(entity_id: str) -> str:
    return esc("/entity/" + quote(entity_id, safe=""))


def link(url: str | None, text: Any = None) -> str:
    """A link to an article's original URL; only http(s) URLs become links (never javascript:)."""
    label = esc(text if text not in (None, "") else url)
    if url and re.match(r"https?://", url, re.IGNORECASE):
        return f'<a href="{esc(url)}" rel="noopener noreferrer">{label}</a>'
    return label


# Match markers the store puts around search hits for us: control characters, which the text extractor
# never keeps, so brackets in an article's own text ("[photo]") are never taken for a match.
MARKS = ("\x02", "\x03")


def highlight(snippet: str | None) -> str:
    """A snippet with MARKS around its matches, as escaped HTML with <mark>."""
    return esc(snippet).replace(MARKS[0], "<mark>").replace(MARKS[1], "</mark>")


def bracketed(snippet: str | None) -> str | None:
    """The same snippet with [brackets], as the CLI shows it."""
    return snippet and snippet.replace(MARKS[0], "[").replace(MARKS[1], "]")


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[tuple[str, str | Cell]],
          empty: str = "No results.") -> str:
    """Rows as an HTML table; a column is (header, key) or (header, function returning HTML)."""
    if not rows:
        return f'<p class="muted">{esc(empty)}</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h, _ in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{cell(row) if callable(cell) else esc(row.get(cell))}</td>"
                         for _, cell in columns) + "</tr>"
        for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def layout(title: str, body: str, json_url: str | None = None) -> str:
    nav = "".join(f'<a href="{p}">{esc(t)}</a>' for p, t in NAV)
    alt = f' · <a href="{json_url}">JSON</a>' if json_url else ""
    full = title if title == "newsmon" else f"{title} · newsmon"
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(full)}</title><style>{CSS}</style></head><body>"
            f"<nav>{nav}</nav><h1>{esc(title)}</h1>{body}"
            f'<p class="muted">newsmon, read-only{alt}</p></body></html>')


def error_page(status: int, message: str) -> str:
    return layout(f"{status} {HTTPStatus(status).phrase}",
                  f'<p class="error">{esc(message)}</p><p><a href="/">Back to the overview</a></p>')


def _field(name: str, value: Any, placeholder: str = "", size: int = 10) -> str:
    return (f'<label>{esc(name)} <input name="{esc(name)}" value="{esc(value)}" size="{size}" '
            f'placeholder="{esc(placeholder)}"></label>')


def _select(name: str, value: str | None, choices: Iterable[str]) -> str:
    options = '<option value="">any</option>' + "".join(
        f'<option{" selected" if c == value else ""}>{esc(c)}</option>' for c in choices)
    return f'<label>{esc(name)} <select name="{esc(name)}">{options}</select></label>'


def _form(action: str, *fields: str) -> str:
    return f'<form action="{action}" method="get">{"".join(fields)}<button>Go</button></form>'


def _date(row: Mapping[str, Any], key: str = "published") -> str:
    return esc((row.get(key) or "")[:10])


def _title(row: Mapping[str, Any]) -> str:
    return link(row.get("url"), row.get("title") or "(no title)")


def _article(record: Mapping[str, Any]) -> str:
    """An agreement's article (the digest's agreements carry only its URL)."""
    return link(record.get("url"), record.get("article_title") or "article")


def _entity_cell(row: Mapping[str, Any]) -> str:
    return f'<a href="{entity_href(row["id"])}">{esc(row["name"])}</a>'


def _parties(record: Mapping[str, Any]) -> str:
    parts = []
    for p in record.get("parties") or []:
        name = esc(p.get("name") or p.get("text"))
        parts.append(f'<a href="{entity_href(p["canonical_id"])}">{name}</a>' if p.get("canonical_id")
                     else name)
    return "; ".join(parts) or '<span class="muted">not named</span>'


def _signed(record: Mapping[str, Any]) -> str:
    return esc((record.get("date_signed") or {}).get("value")) or '<span class="muted">not given</span>'


def _relevance(row: Mapping[str, Any]) -> str:
    score = row.get("relevance")
    return '<span class="muted">–</span>' if score is None else esc(f"{score:.2f}")


ARTICLE_COLUMNS: list[tuple[str, str | Cell]] = [
    ("date", _date), ("lang", "lang"), ("source", "source"), ("title", _title)]
AGREEMENT_COLUMNS: list[tuple[str, str | Cell]] = [
    ("signed", _signed), ("type", "type"), ("as written", "title"), ("status", "status"),
    ("parties", _parties), ("place", "place"), ("article", _article), ("lang", "lang")]


def overview(stats: Mapping[str, list[dict]], runs: list[dict], db: str) -> str:
    total = sum(r["articles"] for r in stats["languages"])
    langs = table(stats["languages"], [
        ("language", lambda r: f'<a href="{href("/entities", lang=r["lang"])}">{esc(r["lang"])}</a>'),
        ("articles", "articles")])
    sources = table(stats["sources"], [("source", "source"), ("articles", "articles")])
    labels = table(stats["labels"], [
        ("label", lambda r: f'<a href="{href("/entities", label=r["label"])}">{esc(r["label"])}</a>'),
        ("mentions", "mentions"), ("entities", "entities")], empty="No entities yet.")
    run_table = table(runs, [(c, c) for c in ("id", "started", "finished", "status", "new",
                                               "duplicates", "errors", "sources")], empty="No runs yet.")
    return layout("newsmon", f"""
<p>{total} articles in <code>{esc(db)}</code>.</p>
{_form("/search", _field("q", "", "e.g. Aliyev memorandum", 30))}
<p>Browse: <a href="/entities">top entities</a> · <a href="/agreements">agreements</a> ·
<a href="/digest">what arrived recently</a> · <a href="/export.jsonl">the annotated corpus (JSON lines)</a></p>
<h2>Articles by language</h2>{langs}<h2>Articles by source</h2>{sources}
<h2>Mentions by label</h2>{labels}<h2>Latest crawl runs</h2>{run_table}""", href("/", format="json"))


def search(params: Mapping[str, Any], rows: list[dict] | None) -> str:
    form = _form("/search", _field("q", params.get("q"), "words or \"a phrase\"", 30),
                 _field("lang", params.get("lang"), "az", 3),
                 _field("since", params.get("since"), "YYYY-MM-DD"),
                 _field("until", params.get("until"), "YYYY-MM-DD"),
                 _field("source", params.get("source"), "", 12),
                 _field("limit", params.get("limit"), "20", 4),
                 _field("min_relevance", params.get("min_relevance"), "0.5", 4),
                 _select("sort", params.get("sort") if params.get("sort") != "rank" else None,
                         ("relevance",)))
    if rows is None:
        return layout("Search", form + '<p class="muted">Azerbaijani letters and endings are folded: '
                      "<code>Aliyev</code> finds “Əliyev”, <code>agentlik</code> finds “Agentliyinin”.</p>")
    result = table(rows, [*ARTICLE_COLUMNS, ("relevance", _relevance),
                          ("snippet", lambda r: highlight(r.get("snippet")))])
    return layout(f"Search: {params['q']}", f"{form}<p>{len(rows)} results, best first.</p>{result}",
                  href("/search", **params, format="json"))


def entities(params: Mapping[str, Any], rows: list[dict]) -> str:
    form = _form("/entities", _select("label", params.get("label"), LABELS),
                 _field("lang", params.get("lang"), "az", 3), _field("top", params.get("top"), "20", 4))
    result = table(rows, [("name", _entity_cell), ("label", "label"), ("mentions", "mentions"),
                          ("articles", "articles")])
    return layout("Top entities", form + result, href("/entities", **params, format="json"))


def entity(record: Mapping[str, Any], charts: str = "") -> str:
    names = "".join(f"<li><b>{esc(lang)}</b>: {'; '.join(esc(n) for n in values)}</li>"
                    for lang, values in sorted(record["names"].items()))
    acronyms = record.get("acronyms")
    extra = f"<p>Acronyms and brands: {esc('; '.join(acronyms))}</p>" if acronyms else ""
    articles = table(record["articles"], [*ARTICLE_COLUMNS, ("mentions", "mentions")],
                     empty="No stored article mentions it.")
    shown = len(record["articles"])
    latest = (f"<p>The latest {shown} of {esc(record['total_articles'])}.</p>"
              if shown < record.get("total_articles", shown) else "")
    body = (f'<p>{esc(record["label"])} · id <code>{esc(record["id"])}</code> · '
            f'{esc(record["mentions"])} mentions in {esc(record["total_articles"])} articles · '
            f'<a href="{href("/agreements", party=record["name"])}">its agreements</a></p>'
            f"<h2>Names by language</h2><ul>{names}</ul>{extra}{charts}<h2>Articles</h2>{latest}{articles}")
    return layout(record["name"], body, href("/entity/" + quote(record["id"], safe=""), format="json"))


def entity_choices(name: str, records: list[dict]) -> str:
    rows = table(records, [("name", _entity_cell), ("label", "label"), ("id", "id"),
                           ("mentions", "mentions"),
                           ("articles", lambda r: esc(r["total_articles"]))])
    return layout(f"Entities named {name}", f"<p>Several entities answer to this name; choose one.</p>{rows}",
                  href("/entity", name=name, format="json"))


def agreements(params: Mapping[str, Any], rows: list[dict]) -> str:
    form = _form("/agreements", _field("party", params.get("party"), "KOICA", 14),
                 _select("type", params.get("type"), AGREEMENT_TYPES),
                 _field("since", params.get("since"), "YYYY-MM-DD"))
    return layout("Agreements", form + table(rows, AGREEMENT_COLUMNS, empty="No agreements found."),
                  href("/agreements", **params, format="json"))


def digest(params: Mapping[str, Any], data: Mapping[str, Any], presets: Mapping[str, str],
           chart: str = "") -> str:
    form = _form("/digest", _field("since", data["since"], "YYYY-MM-DD", 25),
                 _field("top", params.get("top"), "10", 4),
                 _field("min_relevance", params.get("min_relevance"), "0.5", 4))
    quick = " · ".join(f'<a href="{href("/digest", since=v)}">{esc(k)}</a>' for k, v in presets.items())
    actors = table(data["actors"], [
        ("name", _entity_cell), ("label", "label"), ("articles", "articles"), ("mentions", "mentions"),
        ("before", "previous"), ("change", lambda r: esc(f"{r['change']:+d}"))],
        empty="No actors.")
    agreements_ = table(data["agreements"], [c for c in AGREEMENT_COLUMNS if c[0] not in ("lang",)],
                        empty="No agreements reported.")
    body = (f"{form}<p>Quick: {quick}</p><p>{len(data['articles'])} new articles stored since "
            f"{esc(data['since'])}, most relevant first.</p>"
            f"{table(data['articles'], [*ARTICLE_COLUMNS, ('relevance', _relevance)], empty='Nothing new.')}"
            f"<h2>Most mentioned</h2>{actors}{chart}<h2>Agreements reported</h2>{agreements_}")
    return layout("Digest", body, href("/digest", **params, since=data["since"], format="json"))
