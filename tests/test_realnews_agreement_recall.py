"""benchmarks/realnews_agreement_recall.py: its gold file is well formed, its draw is the gold's articles, and
it scores with eval's agreement matcher per language and half."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsmon.model import Agreement, Party

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def load():
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("realnews_agreement_recall", BENCH / "realnews_agreement_recall.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def assert_well_formed(a: dict) -> None:
    """One gold record: a known type and status, a name list per party (its canonical first), a date or null."""
    assert a["type"] in ("memorandum", "agreement", "protocol", "decree", "programme", "charter", "other")
    assert a["status"] in ("signed", "planned", "ratified", "implemented")
    assert len(a["party_names"]) == len(a["parties"]) and all(n[0] == p for n, p in zip(a["party_names"], a["parties"]))
    assert a["date_signed"] is None or set(a["date_signed"]) == {"value", "precision"}
    assert isinstance(a["start"], int) and a["start"] >= 0


def test_the_gold_file_is_well_formed():
    rec = load()
    gold = rec.read_gold()
    assert len(gold) == 3 * (rec.N_VOCAB + rec.N_RANDOM)
    for line in gold.values():
        assert line["half"] in ("tune", "heldout") and line["kind"] in ("vocab", "random")
        for a in line["agreements"]:
            assert_well_formed(a)


def test_the_draw_gives_the_gold_articles_and_halves():
    rec = load()
    if not rec.POOL.exists():
        pytest.skip(f"no real-news pool at {rec.POOL}")
    gold = rec.read_gold()
    drawn = {row["id"]: (half, kind) for lang in ("az", "en", "fr") for half, kind, row in rec.draw(lang)}
    assert drawn == {g["id"]: (g["half"], g["kind"]) for g in gold.values()}


def _agreement(type_: str, parties: list[str], date: str | None = None) -> Agreement:
    return Agreement(type=type_, title=type_, parties=[Party(name=p, text=p) for p in parties],
                     date_signed={"value": date, "precision": "day"} if date else None,
                     sentence="The sides signed it.", start=0, end=3)


def test_scores_use_the_party_names_and_count_each_language_and_half():
    rec = load()
    memo = {"type": "memorandum", "status": "signed", "parties": ["Azerbaijan", "Korea"],
            "party_names": [["Azerbaijan", "Azərbaycan"], ["Korea", "Koreya"]], "date_signed": None,
            "title": "memorandum", "start": 0}
    results = [
        # strict: a surface form of each party; lenient only: a wrong second party
        {"gold": {"id": "a", "lang": "az", "agreements": [memo, dict(memo, type="protocol")]}, "half": "tune",
         "text": "Memorandum imzalanıb.", "predicted": [_agreement("memorandum", ["Azərbaycan", "Koreya"]),
                                                        _agreement("protocol", ["Azərbaycan", "Yaponiya"])]},
        {"gold": {"id": "b", "lang": "en", "agreements": []}, "half": "heldout", "text": "x",
         "predicted": [_agreement("decree", ["Jane Doe"])]},
    ]
    rows = {(r["lang"], r["half"]): r for r in rec.scores(results)}
    assert (rows["az", "tune"]["strict"]["tp"], rows["az", "tune"]["strict"]["fn"]) == (1, 1)
    assert rows["az", "tune"]["lenient"]["tp"] == 2
    assert rows["en", "heldout"]["strict"]["fp"] == 1 and rows["all", "all"]["strict"]["fp"] == 2
    listed = rec.errors(results, "tune")
    assert [e["cause"] for e in listed] == ["wrong party"] and listed[0]["gold_sentence"] == "Memorandum imzalanıb."


def test_an_error_sentence_runs_past_an_initial_and_us():
    rec = load()
    text = "Today, President Donald J. Trump signed a U.S. order. Then he left."
    assert rec.sentence_at(text, 0) == "Today, President Donald J. Trump signed a U.S. order."


def test_the_second_tuning_half_is_well_formed_and_drawn_outside_every_earlier_sample():
    rec = load()
    tune2 = rec.read_gold(rec.TUNE2_GOLD)
    assert len(tune2) == 45 and not set(tune2) & set(rec.read_gold())
    assert {g["half"] for g in tune2.values()} == {"tune2"}
    assert sorted(g["lang"] for g in tune2.values()) == ["az"] * 15 + ["en"] * 15 + ["fr"] * 15
    for line in tune2.values():
        for a in line["agreements"]:
            assert len(a["party_names"]) == len(a["parties"]) and a["status"] in (
                "signed", "planned", "ratified", "implemented")
    if rec.POOL.exists():
        drawn = {row["id"] for lang in ("az", "en", "fr") for _, _, row in rec.tune2_draw(lang)}
        assert drawn == set(tune2)


@pytest.mark.parametrize("half, size", [("tune3", {"az": 15, "en": 15, "fr": 15}),
                                        ("tune4", {"az": 15, "en": 15, "fr": 0}),
                                        ("tune5", {"az": 4, "en": 10, "fr": 0})])
def test_later_halves_are_drawn_outside_every_earlier_draw(half, size):
    rec = load()
    if not rec.POOL.exists():
        pytest.skip(f"no real-news pool at {rec.POOL}")
    halves = [name for name, _, _ in rec.LATER_HALVES]
    for lang in ("az", "en", "fr"):
        earlier = {row["id"] for _, _, row in [*rec.draw(lang), *rec.tune2_draw(lang)]}
        for name, half_draw, _ in rec.LATER_HALVES[:halves.index(half)]:
            earlier |= {row["id"] for _, _, row in half_draw(lang)}
        rows = dict((name, d) for name, d, _ in rec.LATER_HALVES)[half](lang)
        ids = [row["id"] for _, _, row in rows]
        assert len(ids) == len(set(ids)) == size[lang] and {h for h, _, _ in rows} <= {half}
        assert not earlier & set(ids)


@pytest.mark.parametrize("half", ["tune3", "tune4", "tune5"])
def test_the_later_gold_lines_are_well_formed_and_of_drawn_articles(half):
    rec = load()
    _, half_draw, path = next(h for h in rec.LATER_HALVES if h[0] == half)
    if not path.exists():
        pytest.skip(f"no {half} gold lines yet")
    lines = rec.read_gold(path)
    others = set(rec.read_gold()) | set(rec.read_gold(rec.TUNE2_GOLD))
    for name, _, other in rec.LATER_HALVES:
        if name != half and other.exists():
            others |= set(rec.read_gold(other))
    assert not set(lines) & others
    for line in lines.values():
        assert line["half"] == half and line["kind"] in ("vocab", "random") and line["lang"] in ("az", "en", "fr")
        for a in line["agreements"]:
            assert_well_formed(a)
    if rec.POOL.exists():
        for lang in {line["lang"] for line in lines.values()}:  # a language is annotated whole or not at all
            drawn = {row["id"]: kind for _, kind, row in half_draw(lang)}
            assert drawn == {i: g["kind"] for i, g in lines.items() if g["lang"] == lang}
