"""Relevance: labels (one, or a CSV), training a calibrated model on them, scoring every stored and
every new article, cross-validated evaluation, and search/digest filtering by the score. Synthetic
az/en/fr articles: on-beat ones about e-government cooperation, off-beat ones about sport and weather."""
from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmon.cli.main import cli
from newsmon.model import Article, Document, Segment
from newsmon.nlp.relevance import RelevanceModel
from newsmon.store.articles import Store

ON = {"az": ["ASAN xidmət", "elektron hökumət", "memorandum imzalanıb", "əməkdaşlıq", "rəqəmsal xidmətlər",
             "dövlət agentliyi", "nazirlik", "təcrübə mübadiləsi"],
      "en": ["ASAN service", "e-government", "memorandum signed", "cooperation", "digital public services",
             "state agency", "ministry", "exchange of experience"],
      "fr": ["service ASAN", "administration numérique", "mémorandum signé", "coopération",
             "services publics numériques", "agence d'État", "ministère", "échange d'expérience"]}
OFF = {"az": ["futbol", "qol vurdu", "hava", "yağış", "konsert", "çempionat", "komanda", "temperatur"],
       "en": ["football", "scored a goal", "weather", "rain", "concert", "championship", "team", "temperature"],
       "fr": ["football", "a marqué un but", "météo", "pluie", "concert", "championnat", "équipe", "température"]}
FILLER = {"az": "Bu barədə məlumat verilib.", "en": "This was reported on Monday.", "fr": "Cela a été annoncé lundi."}


def synthetic(n_per_lang: int = 14, seed: int = 0) -> list[tuple[str, str, str, str]]:
    """(lang, title, text, label) with half of each language on the beat."""
    rng = random.Random(seed)
    out = []
    for lang in ("az", "en", "fr"):
        for i in range(n_per_lang):
            label = "relevant" if i % 2 == 0 else "irrelevant"
            words = ON[lang] if label == "relevant" else OFF[lang]
            title = " ".join(rng.sample(words, 3)).capitalize()
            text = " ".join(f"{' '.join(rng.sample(words, 4))}. {FILLER[lang]}" for _ in range(3))
            out.append((lang, title, text, label))
    return out


def _save(store: Store, i: int, lang: str, title: str, text: str) -> int:
    body = f"{title}\n{text}"
    return store.save_article(Article(doc=Document(url=f"https://x.example/{i}", source="s", title=title,
                                                   text=body, published=f"2025-09-{1 + i % 28:02d}"),
                                      lang=lang, lang_prob=0.99, segments=[Segment(0, len(body), lang, 0.99)]))


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A store of 42 labelled + 6 unlabelled synthetic articles, and a model trained on the labels."""
    tmp = tmp_path_factory.mktemp("rel")
    db, model_dir = tmp / "n.db", tmp / "model"
    store = Store(db)
    items = synthetic()
    ids = [_save(store, i, lang, title, text) for i, (lang, title, text, _) in enumerate(items)]
    extra = synthetic(2, seed=9)
    extra_ids = [_save(store, 100 + i, lang, title, text) for i, (lang, title, text, _) in enumerate(extra)]
    labels = tmp / "labels.csv"
    # half by id, half by URL, the way an analyst's spreadsheet may have them
    rows = ["id,url,label"] + [f"{aid},,{lab}" if k % 2 else f",https://x.example/{k},{lab}"
                               for k, (aid, (*_, lab)) in enumerate(zip(ids, items))]
    labels.write_text("\n".join(rows) + "\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "label", "--csv", str(labels), "--by", "test"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", str(db), "train", "relevance", "--out", str(model_dir)])
    assert result.exit_code == 0, result.output
    return db, model_dir, items, ids, extra, extra_ids


def test_labels_are_stored_and_every_article_scored(trained):
    db, model_dir, items, ids, extra, extra_ids = trained
    store = Store(db)
    assert store.db["labels"].count == len(items)
    scores = dict(store.db.execute("select article_id, score from relevance").fetchall())
    assert set(scores) == set(ids) | set(extra_ids)
    # unlabelled articles: every on-beat one above every off-beat one
    on = [scores[a] for a, item in zip(extra_ids, extra) if item[3] == "relevant"]
    off = [scores[a] for a, item in zip(extra_ids, extra) if item[3] == "irrelevant"]
    assert min(on) > 0.5 > max(off)
    meta = json.loads((model_dir / "meta.json").read_text())
    assert meta["labels"] == {"relevant": 21, "irrelevant": 21} and meta["languages"] == {"az": 14, "en": 14, "fr": 14}


def test_scores_are_scikit_learns_to_the_bit(trained):
    """`score` counts the character n-grams a word at a time: the matrix, hence every probability, must
    be scikit-learn's own, for repeated words, empty texts and odd whitespace alike."""
    _, model_dir, items, *_ = trained
    model = RelevanceModel.load(model_dir)
    texts = [f"{t}\n{x}" for _, t, x, _ in items] + ["", " \u00a0\t", "ASAN ASAN asan\u2003xidmət", "é"]
    for repeat in range(2):  # words seen before come from the cache
        expected = [float(p[list(model.estimator.classes_).index(1)]) for p in model.estimator.predict_proba(texts)]
        assert model.score(texts) == expected
        assert model._counters  # the word-by-word path ran, not scikit-learn's


def test_model_round_trips_and_refuses_another_sklearn(trained, tmp_path):
    _, model_dir, items, *_ = trained
    model = RelevanceModel.load(model_dir)
    texts = [f"{t}\n{x}" for _, t, x, _ in items[:4]]
    assert model.score(texts) == RelevanceModel.load(model_dir).score(texts)
    meta = json.loads((model_dir / "meta.json").read_text())
    copy = tmp_path / "m"
    copy.mkdir()
    (copy / "model.joblib").write_bytes((model_dir / "model.joblib").read_bytes())
    (copy / "meta.json").write_text(json.dumps({**meta, "scikit_learn": "0.1.0"}))
    with pytest.raises(ValueError, match="retrain"):
        RelevanceModel.load(copy)


def test_eval_reports_cross_validated_figures_and_a_learning_curve(trained):
    db = trained[0]
    result = CliRunner().invoke(cli, ["--db", str(db), "eval", "relevance", "--folds", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["overall"]["n"] == 42 and report["overall"]["f1"] >= 0.9
    assert set(report["by_lang"]) == {"az", "en", "fr"}
    sizes = [p["train_size"] for p in report["learning_curve"]]
    assert sizes == sorted(sizes) and sizes[-1] == 28  # 2/3 of 42 in 3 folds
    table = CliRunner().invoke(cli, ["--db", str(db), "eval", "relevance", "--folds", "3"]).output
    assert "3-fold cross-validation" in table and "learning curve" in table


def test_calibration_folds_mix_the_blocks_labels_arrive_in():
    """Labels come sorted by id, i.e. in blocks by language: every calibration fold must hold items of every
    block (an unshuffled split fitted one sub-model on almost nothing but French)."""
    from newsmon.nlp.relevance import build_estimator
    folds = build_estimator("svm").named_steps["clf"].cv
    langs = [lang for lang in ("az", "en", "fr") for _ in range(20)]
    y = [k % 2 for k in range(60)]
    for _, held in folds.split(langs, y):
        assert {langs[k] for k in held} == {"az", "en", "fr"}


def test_held_out_figures_of_a_saved_model(trained, tmp_path):
    """held_out scores labelled articles with the saved model, without fitting: the figures per language
    come from its scores, and a model that ranks nothing right scores accordingly."""
    from newsmon.train.relevance import Labelled, held_out
    _, model_dir, *_ = trained
    model = RelevanceModel.load(model_dir)
    fresh = synthetic(6, seed=5)
    data, flipped = Labelled(), Labelled()
    for k, (lang, title, text, label) in enumerate(fresh):
        data.add(f"{title}\n{text}", label, k, lang, "test")
        flipped.add(f"{title}\n{text}", "irrelevant" if label == "relevant" else "relevant", k, lang, "test")
    figures = held_out(model, data)
    assert figures["model"] == model.name and figures["overall"]["n"] == 18
    assert set(figures["by_lang"]) == {"az", "en", "fr"} and figures["roc_auc"] == 1.0
    assert [row["score"] for row in figures["oof"]] == [round(s, 4) for s in model.score(data.texts)]
    assert held_out(model, flipped)["roc_auc"] == 0.0 and held_out(model, flipped)["overall"]["f1"] == 0.0


def test_search_and_export_filter_by_relevance(trained):
    db, _, items, ids, *_ = trained
    runner = CliRunner()
    every = json.loads(runner.invoke(cli, ["--db", str(db), "search", "ASAN", "--format", "json", "--limit", "100"]).output)
    kept = json.loads(runner.invoke(cli, ["--db", str(db), "search", "ASAN", "--min-relevance", "0.5",
                                          "--format", "json", "--limit", "100"]).output)
    assert kept and len(kept) <= len(every) and all(r["relevance"] >= 0.5 for r in kept)
    by_rel = json.loads(runner.invoke(cli, ["--db", str(db), "search", "ASAN", "--sort", "relevance",
                                            "--format", "json", "--limit", "100"]).output)
    scores = [r["relevance"] for r in by_rel]
    assert scores == sorted(scores, reverse=True) and len(by_rel) == len(every)


def test_label_errors_are_one_line_and_write_nothing(trained, tmp_path):
    db = trained[0]
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "label", "999999", "relevant"])
    assert result.exit_code == 1 and "no article with id 999999" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("id,label\n1,relevant\n2,maybe\n", encoding="utf-8")
    before = Store(db).db.execute("select label from labels where article_id = 1").fetchone()
    result = runner.invoke(cli, ["--db", str(db), "label", "--csv", str(bad)])
    assert result.exit_code == 1 and "bad.csv:3" in result.output
    assert Store(db).db.execute("select label from labels where article_id = 1").fetchone() == before
    result = runner.invoke(cli, ["--db", str(db), "label", "1", "maybe"])
    assert result.exit_code == 2


def test_training_needs_both_classes(tmp_path):
    db = tmp_path / "n.db"
    store = Store(db)
    for i, (lang, title, text, _) in enumerate(synthetic(2)):
        aid = _save(store, i, lang, title, text)
        CliRunner().invoke(cli, ["--db", str(db), "label", str(aid), "relevant"])
    result = CliRunner().invoke(cli, ["--db", str(db), "train", "relevance", "--out", str(tmp_path / "m")])
    assert result.exit_code == 1 and "need at least" in result.output and not (tmp_path / "m").exists()


def test_new_articles_are_scored_in_the_pipeline(trained, tmp_path):
    """The pipeline scores what it annotates; the store keeps the score with the article."""
    from newsmon.pipeline import Pipeline

    class NoNer:
        def annotate(self, text, segments):
            return []

    _, model_dir, *_ = trained
    pipeline = Pipeline(ner=NoNer(), relevance=RelevanceModel.load(model_dir))
    store = Store(tmp_path / "p.db")
    on = pipeline.process(Document(url="https://p.example/1", source="s", title="ASAN service memorandum",
                                   text="ASAN service memorandum signed. e-government cooperation ministry. "
                                        "digital public services state agency."))
    off = pipeline.process(Document(url="https://p.example/2", source="s", title="Football",
                                    text="football team scored a goal. weather rain temperature concert."))
    assert on.relevance > 0.5 > off.relevance
    a, b = store.save_article(on), store.save_article(off)
    scores = dict(store.db.execute("select article_id, score from relevance").fetchall())
    assert scores[a] == pytest.approx(on.relevance, abs=1e-4) and scores[b] < 0.5
