"""A small az/en/fr store shared by the export, digest, relevance, chart, Datasette and browser tests.

Mentions are every occurrence of the named surfaces; fetch times are set explicitly (the digest
compares them) relative to NOW, so the previous-period comparison has something in both windows.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsmon.model import Agreement, Article, DateMention, Document, Mention, Party, Segment
from newsmon.store.articles import Store

NOW = datetime(2025, 9, 20, 12, 0, tzinfo=timezone.utc)
SAPSSI = "State Agency for Public Service and Social Innovations"
KOICA = "Korea International Cooperation Agency"
NAMES = {"sapssi": (SAPSSI, "ORG"), "koica": (KOICA, "ORG"), "undp": ("UNDP", "ORG"),
         "person:ulvi-mehdiyev": ("Ulvi Mehdiyev", "PERSON"), "loc:baku": ("Baku", "LOC")}

# (lang, source, title, body, published, days before NOW it was fetched, {surface: entity id}, agreement?)
ARTICLES = [
    ("az", "azertag", "ASAN xidmət və KOICA memorandum imzalayıb",
     "Bakı, 10 sentyabr. ASAN xidmət və KOICA elektron hökumət sahəsində əməkdaşlıq haqqında "
     "memorandum imzalayıb. Ülvi Mehdiyev bildirib ki, rəqəmsal xidmətlər genişlənəcək.",
     "2025-09-18", 2, {"ASAN xidmət": "sapssi", "KOICA": "koica", "Ülvi Mehdiyev": "person:ulvi-mehdiyev",
                       "Bakı": "loc:baku"}, True),
    ("az", "azertag", "Futbol: Qarabağ qalib gəlib",
     "Qarabağ komandası çempionatda növbəti oyununu qələbə ilə başa vurub. Oyun Bakıda keçirilib.",
     "2025-09-19", 1, {"Bakı": "loc:baku"}, False),
    ("en", "report-az", "ASAN service and UNDP expand e-government cooperation",
     "Baku, 17 September. The ASAN service and UNDP agreed to expand digital public services. "
     "Ulvi Mehdiyev said the e-government portal will reach more regions.",
     "2025-09-17", 3, {"ASAN service": "sapssi", "UNDP": "undp", "Ulvi Mehdiyev": "person:ulvi-mehdiyev",
                       "Baku": "loc:baku"}, False),
    ("en", "report-az", "Weather: rain expected in Baku",
     "Rain and wind are expected in Baku on Sunday, forecasters said. Temperatures will drop.",
     "2025-09-19", 1, {"Baku": "loc:baku"}, False),
    ("fr", "lemonde-az", "KOICA et l'agence ASAN signent un protocole",
     "Bakou, 16 septembre. La KOICA et l'agence ASAN ont signé un protocole sur les services publics "
     "numériques. Ulvi Mehdiyev a salué la coopération.",
     "2025-09-16", 4, {"KOICA": "koica", "ASAN": "sapssi", "Ulvi Mehdiyev": "person:ulvi-mehdiyev"}, True),
    ("fr", "lemonde-az", "Culture : un festival de jazz à Bakou",
     "Le festival de jazz de Bakou a réuni des musiciens de plusieurs pays. Le public était nombreux.",
     "2025-09-15", 5, {}, False),
    # the previous period (8-14 days before NOW): fewer ASAN mentions, so the change is positive
    ("en", "report-az", "ASAN service opens a centre in Ganja",
     "The ASAN service opened a new public service centre in Ganja. KOICA experts visited it.",
     "2025-09-09", 11, {"ASAN service": "sapssi", "KOICA": "koica"}, False),
    ("az", "azertag", "UNDP Bakıda seminar keçirib",
     "UNDP dövlət qulluqçuları üçün seminar təşkil edib. Seminar Bakıda keçirilib.",
     "2025-09-08", 12, {"UNDP": "undp", "Bakı": "loc:baku"}, False),
]


def build(path: Path) -> tuple[Store, list[int]]:
    """The store at `path` with ARTICLES (and one duplicate of the first), fetch times set; ids in
    ARTICLES order."""
    store = Store(path)
    ids = []
    for lang, source, title, body, published, days, names, with_agreement in ARTICLES:
        text = f"{title}\n{body}"
        mentions = []
        for surface, entity_id in names.items():
            start = text.find(surface)
            while start >= 0:
                canonical, label = NAMES[entity_id]
                mentions.append(Mention(surface, label, start, start + len(surface), lang, entity_id, canonical))
                start = text.find(surface, start + 1)
        mentions.sort(key=lambda m: (m.start, -m.end))
        dates = []
        day = text.find(f" {int(published[8:])} ") + 1  # "10 sentyabr", "17 September", ...
        if day > 0:
            dates.append(DateMention(text[day:day + 2], published, "day", day, day + 2))
        agreements = []
        if with_agreement:
            kind = "memorandum" if lang == "az" else "protocol"
            agreements.append(Agreement(kind, kind, [Party("ASAN", SAPSSI, "sapssi"), Party("KOICA", KOICA, "koica")],
                                        {"value": published, "precision": "day"}, "Bakı", "signed",
                                        body.split(".")[1], 0, 20))
        doc = Document(url=f"https://{source}.example/{len(ids) + 1}", source=source, title=title, text=text,
                       published=published, published_from="metadata")
        aid = store.save_article(Article(doc=doc, lang=lang, lang_prob=0.99,
                                         segments=[Segment(0, len(text), lang, 0.99)], mentions=mentions,
                                         dates=dates, agreements=agreements))
        fetched = (NOW - timedelta(days=days)).replace(microsecond=0).isoformat()
        store.db["articles"].update(aid, {"fetched_at": fetched})
        ids.append(aid)
    first = ARTICLES[0]
    copy = Document(url="https://mirror.example/1", source="mirror", title=first[2], text=f"{first[2]}\n{first[3]}",
                    published=first[4])
    store.save_article(Article(doc=copy, lang="az", lang_prob=0.99), duplicate_of=ids[0])
    return store, ids
