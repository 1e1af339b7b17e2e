"""Regenerate the sample site's index, feeds, sitemap and robots.txt from its article pages.

    python corpus/build_site.py               # rewrite index.html, rss.xml, atom.xml, sitemap.xml, robots.txt
    python corpus/build_site.py --check       # exit 1 if any of them is out of date
    python corpus/build_site.py --merge-gold  # also write sample-gold.jsonl from gold-parts/*.jsonl
    python corpus/build_site.py --stats       # counts of the gold file (for README.md)

Articles are `site/{lang}/{yyyy}/{slug}.html`. Everything a page contributes (URL, title, date) is read
from the page itself, so adding an article is: write the page, run this script. Output is deterministic
(no "now" timestamps, stable ordering) so the generated files diff cleanly and a test can check them.
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import lxml.html

ORIGIN = "http://sample-site.test"  # placeholder origin; the test server rewrites it when serving
HERE = Path(__file__).resolve().parent
SITE = HERE / "site"
SITE_NAME = "E-Gov Monitor"
RSS_LANGS = ("en", "ru", "tr")  # discovery overlaps on purpose: RSS + sitemap for these,
ATOM_LANGS = ("fr", "az")  # Atom + sitemap for these
DRAFT = "/private/draft.html"  # in the sitemap but disallowed by robots.txt: the crawler must skip it
BAKU = timezone(timedelta(hours=4))

# Month names as they appear in visible bylines ("10 sentyabr 2025", "13 марта 2024", "21 Mayıs 2025").
MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
):
    for _i, _name in enumerate(_names.split(), start=1):
        MONTHS[_name] = _i
_MONTH_RE = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
_DMY = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+({_MONTH_RE})\s+(\d{{4}})", re.IGNORECASE)
_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}}),\s+(\d{{4}})", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


@dataclass(frozen=True)
class Page:
    path: str  # "/en/2025/slug.html"
    lang: str
    title: str
    published: str  # ISO date or datetime, as precise as the page gives it
    summary: str


def parse_visible_date(text: str) -> str | None:
    """First date written out in `text` (a byline), as an ISO date; None when there is none."""
    text = text.casefold()
    candidates = []
    for rx, order in ((_DMY, "dmy"), (_MDY, "mdy"), (_NUMERIC, "num"), (_ISO, "iso")):
        m = rx.search(text)
        if not m:
            continue
        if order == "dmy":
            d, mo, y = int(m[1]), MONTHS[m[2]], int(m[3])
        elif order == "mdy":
            d, mo, y = int(m[2]), MONTHS[m[1]], int(m[3])
        elif order == "num":
            d, mo, y = int(m[1]), int(m[2]), int(m[3])
        else:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
        try:
            candidates.append((m.start(), date(y, mo, d).isoformat()))
        except ValueError:
            continue
    return min(candidates)[1] if candidates else None


def page_date(doc: lxml.html.HtmlElement) -> str | None:
    """Publication date: article:published_time, else <time datetime>, else the byline text."""
    for value in doc.xpath('//meta[@property="article:published_time"]/@content') + doc.xpath("//time/@datetime"):
        if value.strip():
            return value.strip()
    for byline in doc.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " byline ")]'):
        found = parse_visible_date(byline.text_content())
        if found:
            return found
    return None


def read_page(file: Path, site: Path = SITE) -> Page:
    doc = lxml.html.fromstring(file.read_bytes())
    path = "/" + file.relative_to(site).as_posix()
    canonical = (doc.xpath('//link[@rel="canonical"]/@href') or [""])[0]
    # The canonical URL is what feeds and the sitemap publish, so it must point at this very file.
    if canonical != ORIGIN + path:
        raise ValueError(f"{path}: canonical {canonical!r} does not match {ORIGIN + path!r}")
    title = (doc.findtext(".//title") or "").strip()
    title = re.sub(rf"\s*\|\s*{re.escape(SITE_NAME)}$", "", title)
    published = page_date(doc)
    if not title or not published:
        raise ValueError(f"{path}: missing title or publication date")
    summary = (doc.xpath('//meta[@name="description"]/@content') or [""])[0].strip()
    if not summary:
        first = doc.xpath('//div[contains(@class, "article-body")]//p')
        summary = first[0].text_content().strip() if first else ""
    return Page(path=path, lang=doc.get("lang") or path.split("/")[1], title=title, published=published,
                summary=summary)


def article_files(site: Path = SITE) -> list[Path]:
    """Every article page: site/{lang}/{yyyy}/{slug}.html (not private/ or other folders)."""
    return sorted(f for f in site.glob("*/*/*.html") if re.fullmatch(r"[a-z]{2}", f.parts[-3])
                  and re.fullmatch(r"\d{4}", f.parts[-2]))


def scan(site: Path = SITE) -> list[Page]:
    return [read_page(f, site) for f in article_files(site)]


def _dt(published: str) -> datetime:
    """Feed timestamps need a time and zone: date-only pages are stamped midnight Baku time."""
    if len(published) == 10:
        return datetime.fromisoformat(published).replace(tzinfo=BAKU)
    return datetime.fromisoformat(published)


def _newest_first(pages: list[Page]) -> list[Page]:
    return sorted(pages, key=lambda p: (_dt(p.published), p.path), reverse=True)


def _x(s: str) -> str:
    """Escape element text (never used inside attributes)."""
    return html.escape(s, quote=False)


def render_rss(pages: list[Page]) -> str:
    items = [p for p in _newest_first(pages) if p.lang in RSS_LANGS]
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0">', "  <channel>",
           f"    <title>{SITE_NAME}</title>", f"    <link>{ORIGIN}/index.html</link>",
           "    <description>E-government and public service cooperation news</description>",
           "    <language>en</language>"]
    if items:
        out.append(f"    <lastBuildDate>{format_datetime(_dt(items[0].published))}</lastBuildDate>")
    for p in items:
        out += ["    <item>", f"      <title>{_x(p.title)}</title>", f"      <link>{ORIGIN}{p.path}</link>",
                f'      <guid isPermaLink="true">{ORIGIN}{p.path}</guid>',
                f"      <pubDate>{format_datetime(_dt(p.published))}</pubDate>",
                f"      <description>{_x(p.summary)}</description>", "    </item>"]
    out += ["  </channel>", "</rss>", ""]
    return "\n".join(out)


def render_atom(pages: list[Page]) -> str:
    entries = [p for p in _newest_first(pages) if p.lang in ATOM_LANGS]
    updated = _dt(entries[0].published).isoformat() if entries else "2023-01-01T00:00:00+04:00"
    out = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"  <title>{SITE_NAME}</title>", f"  <id>{ORIGIN}/atom.xml</id>",
           f'  <link rel="self" href="{ORIGIN}/atom.xml"/>', f'  <link href="{ORIGIN}/index.html"/>',
           f"  <updated>{updated}</updated>", f"  <author><name>{SITE_NAME}</name></author>"]
    for p in entries:
        stamp = _dt(p.published).isoformat()
        out += [f'  <entry xml:lang="{p.lang}">', f"    <title>{_x(p.title)}</title>",
                f'    <link href="{ORIGIN}{p.path}"/>', f"    <id>{ORIGIN}{p.path}</id>",
                f"    <published>{stamp}</published>", f"    <updated>{stamp}</updated>",
                f"    <summary>{_x(p.summary)}</summary>", "  </entry>"]
    out += ["</feed>", ""]
    return "\n".join(out)


def render_sitemap(pages: list[Page], site: Path = SITE) -> str:
    urls = [(p.path, p.published[:10]) for p in sorted(pages, key=lambda p: p.path)]
    draft = site / DRAFT.lstrip("/")
    if draft.exists():
        # The draft may carry no usable date ("date to be confirmed"): then no <lastmod>.
        found = page_date(lxml.html.fromstring(draft.read_bytes()))
        urls.append((DRAFT, found[:10] if found else None))
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, lastmod in urls:
        out.append(f"  <url><loc>{ORIGIN}{path}</loc>" + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
                   + "</url>")
    out += ["</urlset>", ""]
    return "\n".join(out)


def render_robots() -> str:
    return f"User-agent: *\nDisallow: /private/\n\nSitemap: {ORIGIN}/sitemap.xml\n"


LANG_NAMES = {"az": "Azərbaycanca", "en": "English", "fr": "Français", "ru": "Русский", "tr": "Türkçe"}


def render_index(pages: list[Page]) -> str:
    langs = sorted({p.lang for p in pages}, key=lambda l: (("az", "en", "fr").index(l) if l in ("az", "en", "fr")
                                                          else 3, l))
    sections = []
    for lang in langs:
        items = "\n".join(
            f'        <li><a href="{p.path}">{_x(p.title)}</a> <span class="date">{p.published[:10]}</span>'
            f"<p>{_x(p.summary)}</p></li>"
            for p in _newest_first([p for p in pages if p.lang == lang]))
        sections.append(f'    <section id="{lang}" lang="{lang}">\n      <h2>{LANG_NAMES.get(lang, lang)}</h2>\n'
                        f"      <ul>\n{items}\n      </ul>\n    </section>")
    body = "\n".join(sections)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{SITE_NAME} – e-government cooperation news</title>
  <link rel="canonical" href="{ORIGIN}/index.html">
  <link rel="alternate" type="application/rss+xml" title="{SITE_NAME} (RSS)" href="{ORIGIN}/rss.xml">
  <link rel="alternate" type="application/atom+xml" title="{SITE_NAME} (Atom)" href="{ORIGIN}/atom.xml">
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/index.html">{SITE_NAME}</a>
    <div class="lang-switch"><a href="#az">AZ</a> | <a href="#en">EN</a> | <a href="#fr">FR</a></div>
  </header>
  <main>
{body}
  </main>
  <footer class="site-footer">
    <p>© 2023–2025 {SITE_NAME}. <a href="{ORIGIN}/rss.xml">RSS</a> · <a href="{ORIGIN}/atom.xml">Atom</a> · <a href="{ORIGIN}/sitemap.xml">Sitemap</a></p>
  </footer>
</body>
</html>
"""


def render_all(site: Path = SITE) -> dict[str, str]:
    """File name (relative to site/) -> expected content."""
    pages = scan(site)
    return {"index.html": render_index(pages), "rss.xml": render_rss(pages), "atom.xml": render_atom(pages),
            "sitemap.xml": render_sitemap(pages, site), "robots.txt": render_robots()}


def merged_gold(parts_dir: Path = HERE / "gold-parts") -> str:
    """The gold parts as one JSONL text, one line per article, sorted by path."""
    records = []
    for part in sorted(parts_dir.glob("*.jsonl")):
        for line in part.read_text(encoding="utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    paths = [r["path"] for r in records]
    if len(paths) != len(set(paths)):
        raise ValueError("duplicate paths across gold parts")
    records.sort(key=lambda r: r["path"])
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def merge_gold(parts_dir: Path = HERE / "gold-parts", out: Path = HERE / "sample-gold.jsonl") -> int:
    text = merged_gold(parts_dir)
    out.write_text(text, encoding="utf-8")
    return text.count("\n")


def gold_stats(gold: Path = HERE / "sample-gold.jsonl") -> dict[str, dict[str, int]]:
    """Counts for corpus/README.md: articles per language, entities per label, dates, agreements."""
    from collections import Counter

    records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    dates = [d for r in records for d in r["dates"]]
    return {
        "articles": dict(Counter(r["lang"] for r in records)),
        "published_in": dict(Counter(r["published_in"] for r in records)),
        "entities": dict(Counter(e["label"] for r in records for e in r["entities"])),
        "dates": {**Counter(d["precision"] for d in dates), "total": len(dates),
                  "ranges": sum("/" in d["value"] for d in dates), "inferred": sum(d["inferred"] for d in dates)},
        "agreements": dict(Counter(a["type"] for r in records for a in r["agreements"])),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report files that are out of date")
    ap.add_argument("--merge-gold", action="store_true", help="also write sample-gold.jsonl from gold-parts/")
    ap.add_argument("--stats", action="store_true", help="print the gold counts quoted in README.md and exit")
    args = ap.parse_args(argv)
    if args.stats:
        for key, counts in gold_stats().items():
            print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        return 0
    stale = []
    for name, content in render_all().items():
        target = SITE / name
        if target.exists() and target.read_text(encoding="utf-8") == content:
            continue
        stale.append(name)
        if not args.check:
            target.write_text(content, encoding="utf-8")
    if args.check:
        print("out of date: " + ", ".join(stale) if stale else "up to date")
        return 1 if stale else 0
    print(f"{len(article_files())} articles; rewrote: {', '.join(stale) or 'nothing'}")
    if args.merge_gold:
        print(f"sample-gold.jsonl: {merge_gold()} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
