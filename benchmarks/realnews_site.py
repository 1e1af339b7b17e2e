"""Real news on loopback: build a news site from the real-news pool, serve it on 127.0.0.1, crawl it
with `newsmon crawl`, and use every part the three users rely on over what was crawled.

    .venv/bin/python benchmarks/realnews_site.py --per-outlet 60 --work /tmp/realnews
    .venv/bin/python benchmarks/realnews_site.py --per-outlet 60 --work /tmp/realnews --serve   # then browse

The pool (../shared/data/real-news/{az,en,fr}.jsonl) holds four outlets: AZƏRTAC and Report (az), the
White House briefing room (en) and a French press review (fr). For each, the most recent `--per-outlet`
articles become HTML pages the way a news site serves them (navigation, a "most read" box, a footer, the
date in <time> and in Open Graph), with an RSS feed of the latest 20 and a sitemap of all, announced in
robots.txt. Nothing is copied into the repository: the site and the database live in `--work`.

Then, through the CLI as a user types it (subprocess, the real models): crawl, stats, entities, entity,
search, agreements, digest in md/html/eml/json, export in every format read back with its own library
and compared with the store; the web UI's pages and charts (HTML and `?format=json`); Datasette with the
metadata newsmon writes, queried over HTTP (full-text search and each canned query). A report of what
each step gave (counts, bytes, seconds) goes to stdout and `--work`/report.json.
"""
from __future__ import annotations

import argparse
import csv
import email
import hashlib
import email.policy
import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import unicodedata
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from newsmon.samplesite import ORIGIN, serve  # noqa: E402

POOL = REPO.parent / "shared" / "data" / "real-news"
OUTLETS = {  # id prefix in the pool -> (path on the site, name shown on its pages)
    "az-azertag": ("azertag", "AZƏRTAC"),
    "az-report": ("report", "Report"),
    "en-wh": ("whitehouse", "The White House — Briefing Room"),
    "fr-aamc": ("aamc", "AAMC — revue de presse"),
}
FEED_ITEMS = 20
NAV = {"az": ("Xəbərlər", "Siyasət", "İqtisadiyyat"), "en": ("News", "Statements", "Briefings"),
       "fr": ("Actualités", "Politique", "Culture")}
FOOTER = {"az": "Bütün hüquqlar qorunur.", "en": "All rights reserved.", "fr": "Tous droits réservés."}
MOST_READ = {"az": "Ən çox oxunanlar", "en": "Most read", "fr": "Les plus lus"}


# -- the site --------------------------------------------------------------------------------------

def pool_articles(pool: Path = POOL) -> dict[str, list[dict[str, Any]]]:
    """The pool's articles by outlet prefix, newest first (ties by id, so a build is reproducible)."""
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for lang in ("az", "en", "fr"):
        with open(pool / f"{lang}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                prefix = next((p for p in OUTLETS if row["id"].startswith(p + "-")), None)
                if prefix and row.get("text", "").strip() and row.get("published"):
                    by_outlet[prefix].append(row)
    for rows in by_outlet.values():
        rows.sort(key=lambda r: (published_iso(r["published"]), r["id"]), reverse=True)
    return by_outlet


def published_iso(value: str) -> str:
    """The pool's publication stamps ("2024-10-16 00:00:00.000", "2024-02-03T00:07:21.361Z",
    "2021-01-20") as ISO 8601; a midnight with no zone is kept as the date alone."""
    value = value.strip().replace(" ", "T", 1)
    if value.endswith("T00:00:00.000") or len(value) == 10:
        return value[:10]
    return value.replace(".000", "").replace("Z", "+00:00")


def slug(article_id: str, prefix: str) -> str:
    """A file name that is its own URL path: ASCII letters, digits and hyphens (the French ids carry
    accents, which a server would otherwise have to match percent-encoded). Where letters were dropped
    (accents, Armenian titles) a short hash of the id keeps two articles from sharing a file."""
    rest = article_id[len(prefix) + 1:]
    ascii_id = unicodedata.normalize("NFKD", rest).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_id)[:70].strip("-")
    if name != rest:
        name = f"{name}-{hashlib.sha1(article_id.encode()).hexdigest()[:8]}".lstrip("-")
    return name


def page_html(row: dict[str, Any], outlet: str, name: str, others: list[tuple[str, str]]) -> str:
    lang, title, when = row["lang"], html.escape(row["title"].replace("\\_", "_")), published_iso(row["published"])
    url = f"{ORIGIN}/{outlet}/{slug(row['id'], next(p for p in OUTLETS if OUTLETS[p][0] == outlet))}.html"
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in row["text"].split("\n\n") if p.strip())
    nav = " ".join(f'<a href="/{outlet}/">{html.escape(n)}</a>' for n in NAV[lang])
    most_read = "".join(f'<li><a href="{href}">{html.escape(t)}</a></li>' for href, t in others)
    return f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{title} | {html.escape(name)}</title>
<link rel="canonical" href="{url}">
<link rel="alternate" type="application/rss+xml" href="{ORIGIN}/{outlet}/rss.xml">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{html.escape(name)}">
<meta property="article:published_time" content="{when}">
</head><body>
<header><a href="/">{html.escape(name)}</a><nav>{nav}</nav></header>
<main><article><h1>{title}</h1><time datetime="{when}">{when[:10]}</time>
{paragraphs}
</article>
<aside><h2>{MOST_READ[lang]}</h2><ul>{most_read}</ul></aside></main>
<footer>© {html.escape(name)}. {FOOTER[lang]}</footer>
</body></html>
"""


def build_site(out: Path, per_outlet: int, pool: Path = POOL) -> dict[str, list[str]]:
    """Write the site under `out`; returns the article ids per outlet path, in the order written."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written: dict[str, list[str]] = {}
    sitemaps = []
    for prefix, rows in sorted(pool_articles(pool).items()):
        outlet, name = OUTLETS[prefix]
        rows = rows[:per_outlet]
        folder = out / outlet
        folder.mkdir()
        links = [(f"/{outlet}/{slug(r['id'], prefix)}.html", r["title"].replace("\\_", "_")) for r in rows]
        for i, row in enumerate(rows):
            others = [links[j] for j in range(i + 1, min(i + 6, len(rows)))]
            (folder / f"{slug(row['id'], prefix)}.html").write_text(page_html(row, outlet, name, others), "utf-8")
        (folder / "sitemap.xml").write_text(sitemap_xml(
            (f"{ORIGIN}{href}", published_iso(r["published"])) for (href, _), r in zip(links, rows)), "utf-8")
        (folder / "rss.xml").write_text(rss_xml(name, outlet, rows[:FEED_ITEMS], links), "utf-8")
        items = "".join(f'<li><a href="{href}">{html.escape(t)}</a></li>' for href, t in links)
        (folder / "index.html").write_text(
            f'<!doctype html><html lang="{rows[0]["lang"]}"><head><meta charset="utf-8"><title>'
            f"{html.escape(name)}</title></head><body><ul>{items}</ul></body></html>\n", "utf-8")
        sitemaps.append(f"{ORIGIN}/{outlet}/sitemap.xml")
        written[outlet] = [r["id"] for r in rows]
    (out / "robots.txt").write_text("User-agent: *\nAllow: /\n" + "".join(f"Sitemap: {s}\n" for s in sitemaps),
                                    "utf-8")
    (out / "index.html").write_text("<!doctype html><html><head><meta charset=\"utf-8\"><title>Real news on "
                                    "loopback</title></head><body>" + "".join(
                                        f'<p><a href="/{o}/">{html.escape(n)}</a></p>' for o, n in OUTLETS.values())
                                    + "</body></html>\n", "utf-8")
    return written


def sitemap_xml(entries: Iterable[tuple[str, str]]) -> str:
    urls = "".join(f"<url><loc>{html.escape(loc)}</loc><lastmod>{lastmod}</lastmod></url>\n"
                   for loc, lastmod in entries)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')


def rss_xml(name: str, outlet: str, rows: list[dict[str, Any]], links: list[tuple[str, str]]) -> str:
    from email.utils import format_datetime
    from datetime import datetime, timezone

    items = []
    for row, (href, title) in zip(rows, links):
        when = datetime.fromisoformat(published_iso(row["published"]))
        when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
        items.append(f"<item><title>{html.escape(title)}</title><link>{ORIGIN}{href}</link>"
                     f"<guid>{ORIGIN}{href}</guid><pubDate>{format_datetime(when)}</pubDate></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
            f"<title>{html.escape(name)}</title><link>{ORIGIN}/{outlet}/</link>"
            f"<description>{html.escape(name)}</description>\n" + "\n".join(items) + "\n</channel></rss>\n")


def sources_text(base: str, outlets: Iterable[str]) -> str:
    """A sources file for the site served at `base`: each outlet's feed and sitemap, as a user declares them."""
    parts = ["# Real news on loopback (benchmarks/realnews_site.py)\n[defaults]\ndelay = 0.0\n"]
    for outlet in outlets:
        parts.append(f'[[sources]]\nname = "{outlet}"\nfeeds = ["{base}/{outlet}/rss.xml"]\n'
                     f'sitemaps = ["{base}/{outlet}/sitemap.xml"]\n')
    return "\n".join(parts)


# -- using it --------------------------------------------------------------------------------------

def newsmon(db: Path, *args: str, timeout: float = 3600) -> tuple[str, float]:
    """Run `newsmon --db DB ARGS` as a user would; stdout and seconds, or exit with its error."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsmon", "--db", str(db), *args], env=env, cwd=db.parent,
                          capture_output=True, text=True, timeout=timeout)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"newsmon {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return done.stdout, seconds


def get(url: str) -> tuple[bytes, float]:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as response:
        body = response.read()
    return body, time.perf_counter() - start


def use_cli(db: Path, work: Path, report: dict[str, Any]) -> str:
    """stats, entities, entity, search, agreements and the digest in every format; the top actor's id."""
    stats = json.loads(newsmon(db, "stats", "--format", "json")[0])
    report["stats"] = stats
    entities = json.loads(newsmon(db, "entities", "--limit", "15", "--format", "json")[0])
    report["top_entities"] = [(e.get("canonical") or e.get("name"), e.get("mentions")) for e in entities]
    top_id = entities[0].get("id") or entities[0].get("canonical_id")
    entity = json.loads(newsmon(db, "entity", top_id, "--limit", "5", "--format", "json")[0])
    report["entity"] = {"id": top_id, "names": entity.get("names"), "articles": entity.get("total_articles",
                                                                                          entity.get("articles"))}
    for query in ("memorandum", "memorandum imzalanıb", "accord"):
        rows, seconds = newsmon(db, "search", query, "--limit", "5", "--format", "json")
        report.setdefault("search", {})[query] = {"hits": len(json.loads(rows)), "seconds": round(seconds, 2)}
    agreements = json.loads(newsmon(db, "agreements", "--limit", "1000", "--format", "json")[0])
    report["agreements"] = {"count": len(agreements),
                            "by_type": dict(sorted(_count(a.get("type") for a in agreements).items()))}
    digests = {}
    for fmt in ("md", "html", "eml", "json"):
        out = work / f"digest.{fmt}"
        _, seconds = newsmon(db, "digest", "--since", "2000-01-01", "--format", fmt, "--out", str(out))
        digests[fmt] = {"bytes": out.stat().st_size, "seconds": round(seconds, 2)}
    message = email.message_from_bytes((work / "digest.eml").read_bytes(), policy=email.policy.default)
    digests["eml"].update(subject=message["Subject"], parts=[p.get_content_type() for p in message.walk()])
    data = json.loads((work / "digest.json").read_text("utf-8"))
    digests["json"].update({k: len(v) for k, v in data.items() if isinstance(v, list)})
    report["digest"] = digests
    return top_id


def _count(values: Iterable[Any]) -> dict[Any, int]:
    counts: dict[Any, int] = defaultdict(int)
    for value in values:
        counts[value] += 1
    return dict(counts)


def use_exports(db: Path, work: Path, report: dict[str, Any]) -> None:
    """Every export format, read back with its own library and compared with the JSONL export."""
    import pyarrow.parquet as pq
    import spacy
    from spacy.tokens import DocBin
    from spacy.training.converters import conll_ner_to_docs

    result: dict[str, Any] = {}
    for fmt, name in (("jsonl", "c.jsonl"), ("csv", "c.csv"), ("parquet", "c.parquet"), ("conll", "c.conll"),
                      ("docbin", "c.spacy")):
        _, seconds = newsmon(db, "export", "--format", fmt, "--out", str(work / name))
        result[fmt] = {"bytes": (work / name).stat().st_size, "seconds": round(seconds, 2)}
    records = [json.loads(line) for line in (work / "c.jsonl").read_text("utf-8").splitlines()]
    by_id = {r["id"]: r for r in records}
    entities = sum(len(r["entities"]) for r in records)
    csv.field_size_limit(sys.maxsize)  # a long article's text and entity list pass the 128 KB default
    with open(work / "c.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    result["csv"]["same_as_jsonl"] = all(json.loads(row["entities"]) == by_id[row["id"]]["entities"]
                                         for row in rows if row["id"] in by_id) and len(rows) == len(records)
    table = pq.read_table(work / "c.parquet").to_pylist()
    result["parquet"]["same_as_jsonl"] = len(table) == len(records) and all(
        row["text"] == by_id[row["id"]]["text"] and len(row["entities"]) == len(by_id[row["id"]]["entities"])
        for row in table)
    docs = list(conll_ner_to_docs((work / "c.conll").read_text("utf-8"), n_sents=0, no_print=True))
    result["conll"].update(docs=len(docs), entities=sum(len(d.ents) for d in docs))
    docbin = list(DocBin().from_disk(work / "c.spacy").get_docs(spacy.blank("xx").vocab))
    result["docbin"].update(docs=len(docbin), entities=sum(len(d.ents) for d in docbin),
                            sentences=sum(len(list(d.sents)) for d in docbin),
                            same_text=all(d.text == by_id[d.user_data["id"]]["text"] for d in docbin))
    result["jsonl"].update(articles=len(records), entities=entities)
    report["export"] = result


def use_web(db: Path, top_id: str, report: dict[str, Any]) -> None:
    """Every page of `newsmon serve`, HTML and JSON; charts must be drawn (an inline SVG)."""
    from newsmon.web.server import make_server

    server = make_server(db, port=0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = server.url.rstrip("/")
    pages: dict[str, Any] = {}
    try:
        pair = json.loads(get(f"{base}/entity/{urllib.parse.quote(top_id)}?format=json")[0])
        partner = next(iter(pair.get("cooccurring") or pair.get("with") or []), None)
        paths = ["/", "/search?q=memorandum", "/entities", f"/entity/{urllib.parse.quote(top_id)}",
                 "/agreements", "/agreements/charts", "/digest?since=2000-01-01"]
        if partner:
            other = partner.get("id") or partner.get("entity_id")
            paths.append(f"/pair?a={urllib.parse.quote(top_id)}&b={urllib.parse.quote(str(other))}")
        for path in paths:
            body, seconds = get(base + path)
            data, json_seconds = get(base + path + ("&" if "?" in path else "?") + "format=json")
            json.loads(data)
            pages[path] = {"html_kb": round(len(body) / 1024, 1), "svg_charts": body.count(b"<svg"),
                           "seconds": round(seconds, 2), "json_kb": round(len(data) / 1024, 1),
                           "json_seconds": round(json_seconds, 2)}
    finally:
        server.shutdown()
        server.server_close()
    report["web"] = pages


def use_datasette(db: Path, work: Path, report: dict[str, Any]) -> None:
    """Datasette on loopback with newsmon's metadata: full-text search and every canned query answer."""
    import yaml

    metadata = work / "metadata.yml"
    newsmon(db, "datasette-metadata", "--out", str(metadata))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "newsmon.store.datasette_plugin", "serve", str(db),
                             "-m", str(metadata), "-h",
                             "127.0.0.1", "-p", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/{db.stem}"
    answers: dict[str, Any] = {}
    try:
        for _ in range(240):
            try:
                get(f"http://127.0.0.1:{port}/-/versions.json")
                break
            except OSError:
                time.sleep(0.5)
        body = json.loads(get(f"{base}/articles.json?_search=memorandum&_shape=array")[0])
        answers["fts articles 'memorandum'"] = len(body)
        queries = yaml.safe_load(metadata.read_text("utf-8"))["databases"][db.stem]["queries"]
        for name in queries:
            url = f"{base}/{name}.json?_shape=array"
            params = {"entity": report["entity"]["id"], "party": report["entity"]["id"], "min_relevance": "0.5",
                      "q": "memorandum"}
            url += "&" + urllib.parse.urlencode(params)
            answers[name] = len(json.loads(get(url)[0]))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    report["datasette"] = answers


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-outlet", type=int, default=60, help="Articles per outlet (default 60).")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsmon-realnews"), help="Site, db, outputs.")
    parser.add_argument("--processes", default="", help="Passed to `newsmon crawl --processes`.")
    parser.add_argument("--reuse", action="store_true", help="Keep the site and database of an earlier run "
                        "in --work; only use them.")
    parser.add_argument("--serve", action="store_true", help="After the run, keep the web UI up (Ctrl-C).")
    args = parser.parse_args()
    if not POOL.is_dir():
        sys.exit(f"the real-news pool is not at {POOL} (../shared/data/real-news beside the repository)")
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    db = work / "realnews.db"
    if args.reuse and db.is_file():
        report: dict[str, Any] = json.loads((work / "report.json").read_text("utf-8")) if (
            work / "report.json").is_file() else {}
        top_id = use_cli(db, work, report)
    else:
        for stale in work.glob("realnews.db*"):
            stale.unlink()
        written = build_site(work / "site", args.per_outlet)
        report = {"site": {o: len(ids) for o, ids in written.items()}}
        with serve(work / "site") as base:
            (work / "sources.toml").write_text(sources_text(base, written), "utf-8")
            crawl = ["crawl", "--sources", str(work / "sources.toml")]
            crawl += ["--processes", args.processes] if args.processes else []
            _, seconds = newsmon(db, *crawl)
            report["crawl"] = {"seconds": round(seconds, 1),
                               "run": json.loads(newsmon(db, "runs", "--format", "json")[0])[0]}
            top_id = use_cli(db, work, report)
        (work / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    use_exports(db, work, report)
    use_web(db, top_id, report)
    use_datasette(db, work, report)
    (work / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    print(json.dumps(report, ensure_ascii=False, indent=1))
    if args.serve:
        subprocess.run([sys.executable, "-m", "newsmon", "--db", str(db), "serve"], env={
            **os.environ, "PYTHONPATH": str(REPO)})
    return 0


if __name__ == "__main__":
    sys.exit(main())
