"""The shipped Azerbaijani NER pipeline (models/ner-az) and the training code that makes it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmon.cli.models import eval_group, train_group
from newsmon.eval.ner import evaluate, load_pipeline, read_iob
from newsmon.nlp.ner_labels import default_model, to_unified

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
WIKIANN_DEV = SHARED / "data/wikiann-az/dev.iob"
REAL_NEWS = SHARED / "data/real-news"
GOLD_AZ = REPO / "tests/data/ner-gold-az.iob"
NEWS_AZ = REPO / "corpus/training/az-news.iob"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(default_model("az"))


def _ents(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, to_unified(e.label_)) for e in nlp(text).ents}


@pytest.mark.slow
def test_shipped_model_is_small_and_self_contained():
    path = Path(default_model("az"))
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size < 40 * 1024 * 1024
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    assert meta["lang"] == "az" and meta["pipeline"] == ["tok2vec", "ner"]
    assert {"PERSON", "ORG", "LOC"} <= set(meta["labels"]["ner"])


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("Nazir Rəşad Nəbiyev dünən Bakıda Estoniya nümayəndə heyəti ilə görüşüb.",
     {("Rəşad Nəbiyev", "PERSON"), ("Bakıda", "LOC"), ("Estoniya", "LOC")}),
    ("Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi yeni elektron xidmətlər təqdim edib.",
     {("Rəqəmsal İnkişaf və Nəqliyyat Nazirliyi", "ORG")}),
    ("Prezident İlham Əliyev Fransa və Türkiyə ilə əməkdaşlığı müzakirə edib.",
     {("İlham Əliyev", "PERSON"), ("Fransa", "LOC"), ("Türkiyə", "LOC")}),
])
def test_shipped_model_finds_obvious_entities(nlp, text, expected):
    assert expected <= _ents(nlp, text)


@pytest.mark.slow
def test_shipped_model_on_news_gold(nlp):
    # The CI gold set: hand-written news sentences, none taken from WikiANN or from our training file.
    scores = evaluate(nlp, read_iob(GOLD_AZ))
    assert scores.n_sentences >= 30
    assert scores.overall.f1 >= 0.70, scores.to_dict()["overall"]
    assert scores.per_label["PERSON"].f1 >= 0.70 and scores.per_label["LOC"].f1 >= 0.80


@pytest.mark.slow
def test_shipped_model_on_wikiann_dev(nlp):
    if not WIKIANN_DEV.exists():
        pytest.skip(f"WikiANN dev not found at {WIKIANN_DEV} (../shared is absent)")
    meta = json.loads((Path(default_model("az")) / "meta.json").read_text(encoding="utf-8"))
    recorded = meta["newsmon_training"]["dev"]["overall"]["f1"]
    scores = evaluate(nlp, read_iob(WIKIANN_DEV), labels=["PERSON", "ORG", "LOC"])
    # The score recorded at training time is what the shipped files give, to rounding.
    assert scores.overall.f1 == pytest.approx(recorded, abs=0.002)
    assert scores.overall.f1 >= 0.83  # 0.844 when shipped (0.841 before the real news); the target of 0.88 is not met


@pytest.mark.slow
def test_shipped_model_on_held_out_real_news(nlp):
    """The real-news articles held out of training, scored as the pipeline runs (raw sentences, own tokenizer)."""
    from newsmon.eval.ner import evaluate_in_context
    from newsmon.train.standoff import LABELS, load_standoff, select

    if not REAL_NEWS.is_dir():
        pytest.skip(f"real-news text not found at {REAL_NEWS} (../shared is absent)")
    meta = json.loads((Path(default_model("az")) / "meta.json").read_text(encoding="utf-8"))
    recorded = meta["newsmon_training"]["watched"]["held-out"]["overall"]["f1"]
    settings = meta["newsmon_training"]["data"]["standoff_settings"]
    sents, _ = load_standoff(REPO / "corpus/training/az-realnews-ner.jsonl", REAL_NEWS)
    # Annotations are appended: the model's held-out part comes from the records the file had when it was
    # trained (new articles may add held-out sentences the recorded score never saw).
    trained_on = meta["newsmon_training"]["data"]["standoff"][0]["sentences"]
    held = select(sents[:trained_on], "held-out", settings["holdout_share"], settings["holdout_seed"])
    scores = evaluate_in_context(nlp, held, sorted(LABELS))
    # Training logged it on tokens, where one span off token edges is not counted: to rounding, the same.
    assert scores.overall.f1 == pytest.approx(recorded, abs=0.005)
    assert scores.overall.f1 >= 0.84  # 0.860 when shipped; 0.587 for the WikiANN-only model


def test_gold_and_training_sentences_do_not_overlap():
    gold = {" ".join(s.words) for s in read_iob(GOLD_AZ)}
    news = {" ".join(s.words) for s in read_iob(NEWS_AZ)}
    assert not gold & news


def test_train_ner_cli_tiny_run(tmp_path):
    """Two epochs on a few sentences: one dev line per epoch, a loadable pipeline, settings recorded."""
    import spacy

    out = tmp_path / "tiny-az"
    result = CliRunner().invoke(train_group, [
        "ner", "--lang", "az", "--train", str(NEWS_AZ), "--dev", str(GOLD_AZ), "--out", str(out),
        "--epochs", "2", "--seed", "1", "--width", "16", "--depth", "1"])
    assert result.exit_code == 0, result.output
    assert sum(line.startswith("epoch ") for line in result.output.splitlines()) == 2
    assert "best epoch" in result.output
    loaded = spacy.load(out)
    assert loaded.pipe_names == ["tok2vec", "ner"]
    assert {"PERSON", "ORG", "LOC", "DATE"} <= set(loaded.get_pipe("ner").labels)
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["newsmon_training"]["settings"]["width"] == 16
    assert meta["newsmon_training"]["settings"]["seed"] == 1
    assert [e["epoch"] for e in meta["newsmon_training"]["epochs"]] == [1, 2]  # every epoch, not only the best
    assert not list(out.rglob("*optimizer*"))
    # The freshly trained pipeline can be scored like any other.
    scored = CliRunner().invoke(eval_group, ["ner", "--lang", "az", "--gold", str(GOLD_AZ), "--model", str(out),
                                             "--format", "json"])
    assert scored.exit_code == 0 and json.loads(scored.output)["sentences"] >= 30


def test_silver_dates_tag_only_untagged_tokens():
    from newsmon.eval.ner import parse_iob
    from newsmon.train.ner import add_silver_dates

    sents = parse_iob(["Saziş\tO", "12\tO", "may\tO", "2024-cü\tO", "il\tO", "Bakıda\tB-LOC", "imzalanıb\tO",
                       "", "11\tB-ORG", "sentyabr\tI-ORG", "aktları\tI-ORG"])
    assert add_silver_dates(sents, "az") == 1
    assert sents[0].spans == [(1, 5, "DATE"), (5, 6, "LOC")]
    assert sents[1].spans == [(0, 3, "ORG")]  # a date inside a gold entity is left alone


def test_mention_replacement_swaps_mentions_within_their_label():
    from newsmon.eval.ner import Sentence
    from newsmon.train.ner import mention_replacement

    sents = [Sentence(["Əli", "Bakıda", "yaşayır", "."], [(0, 1, "PER"), (1, 2, "LOC")]),
             Sentence(["Ceyms", "Bond", "Londonda", "işləyir", "."], [(0, 2, "PER"), (2, 3, "LOC")]),
             Sentence(["Heç", "kim", "gəlmədi", "."], [])]
    persons = {("Əli",), ("Ceyms", "Bond")}
    places = {("Bakıda",), ("Londonda",)}
    out = mention_replacement(sents, copies=20, prob=0.5, seed=3)
    assert len(out) == 40  # a sentence without entities is not copied
    for s in out:
        labels = {label: tuple(s.words[a:b]) for a, b, label in s.spans}
        assert labels["PER"] in persons and labels["LOC"] in places
        assert s.words[-2] in ("yaşayır", "işləyir")  # the context is kept
    # Swaps happen (a person of one sentence in the other's context) and the run is seeded.
    assert any(s.words[-2] == "yaşayır" and s.words[0] == "Ceyms" for s in out)
    assert out == mention_replacement(sents, copies=20, prob=0.5, seed=3)
    assert sents[0].words == ["Əli", "Bakıda", "yaşayır", "."]  # the input is untouched


def test_pipeline_spans_and_errors_on_a_sentence_in_its_article():
    from newsmon.eval.ner import pipeline_spans, span_errors
    from newsmon.train.standoff import StandoffSentence

    context = "Bakı, 5 may. Prezident İlham Əliyev Özbəkistan Respublikasının naziri ilə görüşüb."
    start = context.index("Prezident")
    gold = [(context.index("İlham") - start, context.index(" Özbəkistan") - start, "PERSON"), (0, 3, "ORG")]
    item = StandoffSentence("az-test-1", start, len(context), context, gold)
    pred = pipeline_spans([item], "az")
    assert gold[0] in pred[0] and all(a >= 0 for a, _, _ in pred[0])  # the first sentence's "Bakı" is not in it
    errors = span_errors([item], pred)
    assert errors[0]["fn"] == [("Pre", "ORG")] and ("İlham Əliyev", "PERSON") not in errors[0]["fp"]
