"""Render annotated article sources into corpus/site HTML pages and gold JSONL lines.

Markup inside titles and paragraphs:
  [text|P|canon]  PERSON   [text|O|canon] ORG   [text|L|canon] LOC   (canon may be an alias key)
  {text|value|precision}    date;   {text|value|precision|i}  date whose year came from publication date
"""
from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

from articles import ARTICLES, ALIASES

ORIGIN = "http://sample-site.test"
ROOT = Path(__file__).resolve().parents[2]  # corpus/
LABELS = {"P": "PERSON", "O": "ORG", "L": "LOC"}
TOKEN = re.compile(
    r"\[(?P<et>[^\[\]|]+)\|(?P<el>[POL])\|(?P<ec>[^\]|]+)\]"
    r"|\{(?P<dt>[^{}|]+)\|(?P<dv>[^|}]+)\|(?P<dp>year|month|day)(?P<di>\|i)?\}"
)

UI = {
    "az": {
        "menu": ["Xəbərlər", "Tədbirlər", "Memorandumlar", "Mükafatlar", "Əlaqə"],
        "home": "Ana səhifə", "news": "Xəbərlər", "related": "Digər xəbərlər",
        "share": "Paylaş", "copy": "Linki kopyala",
        "newsletter": "Həftəlik bülletenə abunə olun: e-hökumət sahəsində ən vacib xəbərlər hər bazar ertəsi poçtunuzda.",
        "subscribe": "Abunə ol", "email": "E-poçt ünvanınız",
        "footer": "© 2023–2025 E-Gov Monitor. Bütün hüquqlar qorunur. Materiallardan istifadə edərkən hiperlinklə istinad mütləqdir.",
        "contacts": "Əlaqə: redaksiya@sample-site.test · Tel.: +994 12 555 01 01 · Ünvan: Bakı şəhəri, Nizami küçəsi 10 (redaksiya)",
        "author": "Müəllif",
    },
    "ru": {
        "menu": ["Новости", "События", "Меморандумы", "Награды", "Контакты"],
        "home": "Главная", "news": "Новости", "related": "Читайте также",
        "share": "Поделиться", "copy": "Скопировать ссылку",
        "newsletter": "Подпишитесь на еженедельную рассылку: главные новости электронного правительства каждый понедельник.",
        "subscribe": "Подписаться", "email": "Ваш e-mail",
        "footer": "© 2023–2025 E-Gov Monitor. Все права защищены. При использовании материалов гиперссылка обязательна.",
        "contacts": "Контакты: redaktsiya@sample-site.test · Тел.: +994 12 555 01 01 · Адрес редакции: г. Баку, ул. Низами, 10",
        "author": "Автор",
    },
    "tr": {
        "menu": ["Haberler", "Etkinlikler", "Mutabakatlar", "Ödüller", "İletişim"],
        "home": "Ana sayfa", "news": "Haberler", "related": "İlgili haberler",
        "share": "Paylaş", "copy": "Bağlantıyı kopyala",
        "newsletter": "Haftalık bültenimize abone olun: e-devlet alanındaki en önemli haberler her pazartesi e-postanızda.",
        "subscribe": "Abone ol", "email": "E-posta adresiniz",
        "footer": "© 2023–2025 E-Gov Monitor. Tüm hakları saklıdır. Haberlerin kaynak gösterilmeden kullanılması yasaktır.",
        "contacts": "İletişim: editor@sample-site.test · Tel.: +994 12 555 01 01 · Adres: Bakü, Nizami Caddesi No: 10",
        "author": "Yazar",
    },
}


def parse(marked: str) -> tuple[str, list[dict], list[dict]]:
    """Strip markup; return plain text, entities and dates in order of appearance."""
    out, ents, dates, pos = [], [], [], 0
    for m in TOKEN.finditer(marked):
        out.append(marked[pos:m.start()])
        if m.group("et"):
            canon = ALIASES.get(m.group("ec"), m.group("ec"))
            ents.append({"text": m.group("et"), "label": LABELS[m.group("el")], "canonical": canon})
            out.append(m.group("et"))
        else:
            dates.append({"text": m.group("dt"), "value": m.group("dv"), "precision": m.group("dp"),
                          "inferred": bool(m.group("di"))})
            out.append(m.group("dt"))
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    if re.search(r"[\[\]{}]", text):
        raise ValueError(f"unparsed markup in: {text[:120]}")
    return text, ents, dates


def esc(s: str) -> str:
    return html.escape(s, quote=False)


def page(a: dict, title: str, paras: list[str], related: list[tuple[str, str, str]]) -> str:
    ui = UI[a["lang"]]
    url = f"{ORIGIN}{a['path']}"
    year = a["path"].split("/")[2]
    head_meta = []
    if a.get("author_meta"):
        head_meta.append(f'  <meta name="author" content="{html.escape(a["author"])}">')
    if a["published_in"] == "metadata":
        head_meta.append(f'  <meta property="article:published_time" content="{a["datetime"]}">')
        when = f'<time datetime="{a["datetime"]}">{esc(a["date_text"])}</time>'
    else:
        when = f'<span class="date">{esc(a["date_text"])}</span>'
    menu = "\n".join(f'      <li><a href="/index.html#{i}">{esc(x)}</a></li>' for i, x in enumerate(ui["menu"]))
    body = "\n".join(f"        <p>{esc(p)}</p>" for p in paras)
    rel = "\n".join(
        f'      <li><a href="{p}">{esc(t)}</a><p class="teaser">{esc(s)}</p></li>' for p, t, s in related)
    meta = "\n".join(head_meta)
    return f"""<!DOCTYPE html>
<html lang="{a['lang']}">
<head>
  <meta charset="utf-8">
  <title>{esc(title)} | E-Gov Monitor</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="description" content="{html.escape(a['description'])}">
{meta}
  <link rel="canonical" href="{url}">
  <link rel="alternate" type="application/rss+xml" title="E-Gov Monitor RSS" href="{ORIGIN}/rss.xml">
  <link rel="stylesheet" href="/static/site.css">
</head>
<body>
  <header class="site-header">
    <a class="site-name" href="/index.html">E-Gov Monitor</a>
    <div class="lang-switch"><a href="/index.html#az">AZ</a> | <a href="/index.html#en">EN</a> | <a href="/index.html#fr">FR</a></div>
  </header>
  <nav class="menu">
    <ul>
{menu}
    </ul>
  </nav>
  <nav class="breadcrumb"><a href="/index.html">{esc(ui['home'])}</a> › <a href="/index.html#news">{esc(ui['news'])}</a> › <span>{year}</span></nav>
  <main>
    <article class="news">
      <h1>{esc(title)}</h1>
      <div class="byline">{esc(ui['author'])}: <span class="author">{esc(a['author'])}</span> · {when}</div>
      <div class="article-body">
{body}
      </div>
      <div class="share">{esc(ui['share'])}: <button type="button" data-share="facebook">Facebook</button> <button type="button" data-share="x">X</button> <button type="button" data-share="telegram">Telegram</button> <button type="button" data-share="copy">{esc(ui['copy'])}</button></div>
    </article>
    <aside class="related">
      <h2>{esc(ui['related'])}</h2>
      <ul>
{rel}
      </ul>
    </aside>
    <aside class="newsletter">
      <p>{esc(ui['newsletter'])}</p>
      <form action="/newsletter" method="post"><input type="email" name="email" placeholder="{esc(ui['email'])}"> <button type="submit">{esc(ui['subscribe'])}</button></form>
    </aside>
  </main>
  <footer class="site-footer">
    <p>{esc(ui['footer'])}</p>
    <p>{esc(ui['contacts'])}</p>
  </footer>
</body>
</html>
"""


def main() -> int:
    by_path = {a["path"]: a for a in ARTICLES}
    gold = []
    for a in ARTICLES:
        title, tents, tdates = parse(a["title"])
        paras, ents, dates = [], list(tents), list(tdates)
        for p in a["body"]:
            text, e, d = parse(p)
            paras.append(text)
            ents += e
            dates += d
        words = sum(len(p.split()) for p in paras)
        related = []
        for rp in a["related"]:
            r = by_path[rp]
            related.append((rp, parse(r["title"])[0], r["teaser"]))
        out = ROOT / "site" / a["path"].lstrip("/")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page(a, title, paras, related), encoding="utf-8")
        gold.append({
            "path": a["path"], "lang": a["lang"], "title": title,
            "published": a["datetime"][:10], "published_in": a["published_in"],
            "other_langs": [], "entities": ents, "dates": dates, "agreements": a["agreements"],
        })
        print(f"{a['path']}: {words} words, {len(ents)} entities, {len(dates)} dates, "
              f"{len(a['agreements'])} agreements", file=sys.stderr)
    gold.sort(key=lambda g: g["path"])
    part = ROOT / "gold-parts" / "az-ru-tr.jsonl"
    part.parent.mkdir(parents=True, exist_ok=True)
    part.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
