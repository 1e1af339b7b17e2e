"""Consistency checks on the annotated sources: unannotated name stems, counts, wordcounts."""
import re, sys, html
from articles import ARTICLES
from build import TOKEN
STEMS = ["Bakı","Azərbaycan","ASAN","Mehdiyev","Əliyev","KOICA","BMT","UNDP","UN DESA","Koreya","Özbəkistan","Gürcüstan",
 "Cibuti","İtaliya","Seul","Daşkənd","Səmərqənd","Tbilisi","Roma","Afrika","Agentliy","Nazirliy","Universitet","İRİA",
 "Uqanda","Efiopiya","Somali","İndoneziya","Əfqanıstan","Türkiyə","Gəncə","Şuşa","Ağdam","Füzuli","Zəngilan","Ağalı",
 "Hoyma","İnçhon","Batumi","Şamaxı","Avropa","Qazaxıstan","Formez","Kabinet","Assosiasiya","Dövlət Xidmətləri Evi",
 "Ташкент","Самарканд","Баку","Узбекистан","Мехдиев","Алиев","ПРООН","агентств","Азербайдж","Агентств",
 "Azerbaycan","Ankara","Bakü","Türkiye","TİKA","Aliyev","Ajans","Ofisi","Afrika","Asya","Milletler","Mehdiyev"]
bad = 0
for a in ARTICLES:
    for chunk in [a["title"]] + a["body"]:
        spans, plain, pos = [], [], 0
        for m in TOKEN.finditer(chunk):
            plain.append(chunk[pos:m.start()]); start = sum(map(len, plain))
            t = m.group("et") or m.group("dt"); plain.append(t); spans.append((start, start+len(t))); pos = m.end()
        plain.append(chunk[pos:]); text = "".join(plain)
        for st in STEMS:
            for m in re.finditer(re.escape(st), text):
                if not any(s <= m.start() < e for s, e in spans):
                    bad += 1; print(a["path"], "UNANNOTATED", st, "|", text[max(0,m.start()-30):m.end()+30])
    n = sum(len(re.findall(r"\w+", TOKEN.sub(lambda m: m.group('et') or m.group('dt'), p))) for p in a["body"])
    if n < 150: print(a["path"], "too short", n); bad += 1
print("problems:", bad)
