"""The analyst's chart sections of the web UI: an entity's mentions over time by language and the
entities that appear with it, the articles behind a pair, and agreements over time by type and party.

Charts are SVG drawn on the server (web/charts.py) and put inline: no JavaScript, no extra request,
text in them stays text. Each chart is a <figure> with a caption and, below it, the table of the same
numbers, so the page reads without the picture too; `?format=json` gives the data.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsmon.web.pages import ARTICLE_COLUMNS, _entity_cell, esc, href, layout, table


def figure(name: str, svg: bytes, caption: str) -> str:
    return (f'<figure class="chart" id="chart-{esc(name)}" data-chart="{esc(name)}">'
            f'{svg.decode("utf-8")}<figcaption class="muted">{esc(caption)}</figcaption></figure>')


def time_chart(name: str, data: Mapping[str, Any], title: str, caption: str, stacked: bool = False,
               ylabel: str = "mentions") -> str:
    """A time-series figure, or a line saying there is nothing to draw."""
    if not data["series"]:
        return f'<p class="muted">No data for “{esc(title)}” yet.</p>'
    from newsmon.web.charts import time_series
    svg = time_series(data["days"], data["series"], title, fmt="svg", ylabel=ylabel, stacked=stacked)
    return figure(name, svg, f"{caption} (per {data['bucket']})")


def entity_sections(record: Mapping[str, Any]) -> str:
    """Timeline by language and co-occurring entities, for the entity page."""
    timeline = time_chart("timeline", record["timeline"], f"Mentions of {record['name']} by language",
                          "Mentions per language of the mention")
    pairs = table(record["cooccurring"], [
        ("appears with", _entity_cell), ("label", "label"),
        ("shared articles", lambda r: f'<a href="{href("/pair", a=record["id"], b=r["id"])}">'
                                      f'{esc(r["articles"])}</a>')],
        empty="No other entity appears in its articles.")
    return (f"<h2>Mentions over time</h2>{timeline}"
            f"<h2>Appears most often with</h2>{pairs}")


def pair(a: Mapping[str, Any], b: Mapping[str, Any], rows: list[dict]) -> str:
    body = (f'<p>Articles mentioning both <a href="/entity/{esc(a["id"])}">{esc(a["name"])}</a> and '
            f'<a href="/entity/{esc(b["id"])}">{esc(b["name"])}</a>: {len(rows)}.</p>'
            + table(rows, ARTICLE_COLUMNS, empty="No article mentions both."))
    return layout(f"{a['name']} + {b['name']}", body, href("/pair", a=a["id"], b=b["id"], format="json"))


def agreement_charts(data: Mapping[str, Any]) -> str:
    by_type = time_chart("by-type", data["by_type"], "Agreements by type", "Agreements reported, by type",
                         stacked=True, ylabel="agreements")
    by_party = time_chart("by-party", data["by_party"], "Agreements by party",
                          "Agreements reported, by party (the most frequent parties)", ylabel="agreements")
    parties = table(data["parties"], [("party", lambda r: f'<a href="{href("/agreements", party=r["name"])}">'
                                                          f'{esc(r["name"])}</a>'),
                                      ("agreements", "agreements")], empty="No agreements yet.")
    return layout("Agreements over time", f"{by_type}{by_party}<h2>Parties</h2>{parties}",
                  href("/agreements/charts", format="json"))
