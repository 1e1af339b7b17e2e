"""Check corpus/gold-parts/az-ru-tr.jsonl against the pages (the checks the brief's test will make, and a few more)."""
import json, html, re
from collections import Counter
from pathlib import Path
root = Path(__file__).resolve().parents[2]; site = root / "site"; n = 0
for line in open(root / "gold-parts/az-ru-tr.jsonl", encoding="utf-8"):
    g = json.loads(line); n += 1
    raw = (site / g["path"].lstrip("/")).read_text(encoding="utf-8")
    assert f'<html lang="{g["lang"]}">' in raw
    h1 = html.unescape(re.search(r"<h1>(.*?)</h1>", raw).group(1)); assert h1 == g["title"]
    body = html.unescape(re.sub(r"<[^>]+>", "", re.search(r'<div class="article-body">(.*?)</div>', raw, re.S).group(1)))
    scope = h1 + "\n" + body
    for e in g["entities"]: assert e["label"] in ("PERSON", "ORG", "LOC") and e["text"] in scope, e
    for t, c in Counter(e["text"] for e in g["entities"]).items(): assert scope.count(t) >= c, (t, c)
    for d in g["dates"]:
        pat = {"year": r"\d{4}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}[d["precision"]]
        assert d["text"] in scope and re.fullmatch(f"{pat}(/{pat})?", d["value"]), d
    for a in g["agreements"]:
        assert a["type"] in ("memorandum", "agreement", "protocol", "decree", "programme", "charter", "other")
        assert a["status"] in ("signed", "planned", "ratified", "implemented")
    meta = "article:published_time" in raw and "<time" in raw
    assert meta == (g["published_in"] == "metadata")
    assert f'href="http://sample-site.test{g["path"]}"' in raw
print("ok", n, "gold lines")
