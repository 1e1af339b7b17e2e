"""benchmarks/realnews_regression.py counts what it should, on a pool of our own two-line articles."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from newsmon.fake_pipeline import FakePipeline

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "realnews_regression.py"


def load():
    spec = importlib.util.spec_from_file_location("realnews_regression", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_report_counts_entities_and_unknown_names(tmp_path):
    rr = load()
    rows = [{"id": "en-1", "lang": "en", "title": "ASAN and KOICA", "published": "2025-09-10T08:00:00Z",
             "text": "ASAN met KOICA in Baku.\n\nKOICA will help."},
            {"id": "en-2", "lang": "en", "title": "UNDP", "published": None, "text": "UNDP said nothing new."}]
    (tmp_path / "en.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    report = rr.run(tmp_path, None, ("en",), pipeline=FakePipeline(), kb_ids={"koica"})
    en = report["languages"]["en"]
    # the title joins the text unless the text starts with it ("UNDP"): 11 + 4 words
    assert en["articles"] == 2 and en["words"] == 15
    # ASAN twice (title and text), KOICA three times, UNDP once: 6 ORG mentions in 15 words
    assert en["entities_per_1000_words"]["ORG"] == round(6000 / 15, 2)
    assert dict(en["top_unknown_org"]) == {"ASAN": 2, "UNDP": 1}  # KOICA is in the KB
    assert en["single_word_person_share"] is None and en["agreements_per_article"] == 0


def test_limit_takes_the_first_articles_of_each_language(tmp_path):
    rr = load()
    (tmp_path / "fr.jsonl").write_text("".join(json.dumps({"id": f"fr-{i}", "title": "T", "text": "Un texte."}) + "\n"
                                               for i in range(5)), encoding="utf-8")
    assert [r["id"] for r in rr.read_pool(tmp_path, "fr", 2)] == ["fr-0", "fr-1"]
