"""The corpus scorer: agreement parties against `party_names`, subsets, and `newsmon eval corpus` /
`eval agreements` output as table, JSON and CSV (on a tiny gold corpus, with the fake pipeline)."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import article_html  # noqa: E402

from newsmon.cli.main import cli  # noqa: E402
from newsmon.eval.agreements import score_agreements  # noqa: E402
from newsmon.eval.corpus import select_gold  # noqa: E402
from newsmon.eval.scoring import Counts  # noqa: E402
from newsmon.model import Agreement, Party  # noqa: E402

AZ_AND_IDB = {"type": "agreement", "parties": ["Azerbaijan", "Islamic Development Bank"],
              "party_names": [["Azerbaijan", "Azərbaycan", "Azərbaycanın", "SOCAR"],
                              ["Islamic Development Bank", "İslam İnkişaf Bankı", "IsDB"]],
              "date_signed": {"value": "2025-03-31", "precision": "day"}, "status": "signed"}


def agreement(*parties: tuple[str, str], date: str | None = "2025-03-31", type_: str = "agreement") -> Agreement:
    return Agreement(type_, "saziş", [Party(text, name) for text, name in parties],
                     {"value": date, "precision": "day"} if date else None, status="signed")


def both(predicted, gold) -> tuple[Counts, Counts]:
    return score_agreements(predicted, gold), score_agreements(predicted, gold, lenient=True)


def test_a_party_is_right_when_its_name_as_written_matches_an_alternative():
    # the extractor kept the case suffix and made no canonical name of its own: "Azərbaycanın"
    predicted = [agreement(("Azərbaycanın", "Azərbaycanın"), ("İslam İnkişaf Bankı", "Islamic Development Bank"))]
    assert both(predicted, [AZ_AND_IDB]) == (Counts(1, 0, 0), Counts(1, 0, 0))


def test_a_party_is_right_when_its_canonical_name_matches_an_alternative_folded():
    predicted = [agreement(("the state oil company", "socar"), ("IsDB", "ISLAM INKISAF BANKI"))]
    assert both(predicted, [AZ_AND_IDB]) == (Counts(1, 0, 0), Counts(1, 0, 0))


def test_parties_pair_off_one_to_one():
    gold = [{"type": "memorandum", "parties": ["A", "B"], "party_names": [["A", "Alpha"], ["B", "Alpha"]],
             "date_signed": None}]
    # "Alpha" could be either party; "A" only the first: a pairing exists (Alpha -> B, A -> A)
    assert score_agreements([agreement(("Alpha", "Alpha"), ("A", "A"), date=None, type_="memorandum")],
                            gold) == Counts(1, 0, 0)
    # two names of the first party do not make two parties
    two_names = [agreement(("A", "A"), ("Alpha", "Alpha"), date=None, type_="memorandum")]
    gold_one = [{**gold[0], "party_names": [["A", "Alpha"], ["B"]]}]
    assert both(two_names, gold_one) == (Counts(0, 1, 1), Counts(1, 0, 0))


def test_an_extra_or_missing_party_or_a_wrong_date_is_wrong_strictly_but_not_leniently():
    extra = [agreement(("Azərbaycan", "Azerbaijan"), ("IsDB", "IsDB"), ("AZƏRTAC", "AZERTAC"))]
    missing = [agreement(("Azərbaycan", "Azerbaijan"))]
    wrong_date = [agreement(("Azərbaycan", "Azerbaijan"), ("IsDB", "IsDB"), date="2025-03-30")]
    for predicted in (extra, missing, wrong_date):
        assert both(predicted, [AZ_AND_IDB]) == (Counts(0, 1, 1), Counts(1, 0, 0))
    nobody = [agreement(("AZƏRTAC", "AZERTAC"))]
    assert both(nobody, [AZ_AND_IDB]) == (Counts(0, 1, 1), Counts(0, 1, 1))


def test_gold_without_party_names_compares_canonical_names():
    gold = [{"type": "memorandum", "parties": ["Korea International Cooperation Agency"],
             "date_signed": None}]
    right = [agreement(("KOICA", "Korea International Cooperation Agency"), date=None, type_="memorandum")]
    wrong = [agreement(("KOICA", "KOICA"), date=None, type_="memorandum")]
    assert score_agreements(right, gold) == Counts(1, 0, 0)
    assert score_agreements(wrong, gold) == Counts(0, 1, 1)


def test_records_read_back_from_an_export_are_scored_the_same():
    exported = [{"type": "agreement", "parties": [{"text": "Azərbaycanın", "name": "Azərbaycanın"},
                                                  {"text": "IsDB", "name": "IsDB"}],
                 "date_signed": {"value": "2025-03-31", "precision": "day"}}]
    assert score_agreements(exported, [AZ_AND_IDB]) == Counts(1, 0, 0)


def test_party_names_must_give_one_list_per_party():
    with pytest.raises(ValueError, match="2 parties but 1 party_names lists"):
        score_agreements([], [{**AZ_AND_IDB, "party_names": [["Azerbaijan"]]}])


def test_select_gold_keeps_listed_paths_and_drops_excluded_ones():
    golds = [{"path": p} for p in ("/az/1.html", "/en/2.html", "/fr/3.html")]
    assert [g["path"] for g in select_gold(golds, exclude=["/fr/*"])] == ["/az/1.html", "/en/2.html"]
    assert [g["path"] for g in select_gold(golds, {"/fr/3.html", "/az/1.html"}, ["/az/*"])] == ["/fr/3.html"]


# --- the commands, on a two-article gold corpus ---------------------------------------------------

@pytest.fixture
def gold_corpus(tmp_path) -> tuple[Path, Path]:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "fr").mkdir()
    body = "The agency met its partners. " * 8
    (site / "en" / "1.html").write_text(article_html("KOICA and UNDP meet", f"KOICA and UNDP met. {body}"),
                                        encoding="utf-8")
    (site / "fr" / "2.html").write_text(article_html("ASAN à Paris", f"ASAN ouvre un centre. {body}", "fr"),
                                        encoding="utf-8")
    koica = {"text": "KOICA", "label": "ORG", "canonical": "KOICA"}
    gold = [
        {"path": "/en/1.html", "lang": "en", "entities": [koica, koica], "dates": [],
         "agreements": [{"type": "memorandum", "parties": ["KOICA", "UNDP"],
                         "party_names": [["KOICA"], ["UNDP"]], "date_signed": None}]},
        {"path": "/fr/2.html", "lang": "fr",
         "entities": [{"text": "ASAN", "label": "ORG", "canonical": "State Agency for Public Service"}],
         "dates": [], "agreements": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return path, site


def run_eval(*args: str):
    return CliRunner().invoke(cli, ["eval", *args], env={"NEWSMON_PIPELINE": "fake"})


def test_eval_corpus_json_and_subsets(gold_corpus, tmp_path):
    gold, site = gold_corpus
    report = json.loads(run_eval("corpus", "--gold", str(gold), "--site", str(site), "--format", "json").output)
    # the fake pipeline tags every KOICA, ASAN and UNDP (title and body: 6, of which 3 are gold), names
    # each by its surface (so ASAN's canonical name is wrong) and finds no agreement
    assert report["entities"]["overall"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "tp": 3, "fp": 3,
                                             "fn": 0}
    assert report["agreements"]["strict"]["fn"] == 1 and report["errors"] == []
    assert report["linking"]["overall"] == {"accuracy": 0.6667, "correct": 2, "total": 3}
    english = json.loads(run_eval("corpus", "--gold", str(gold), "--site", str(site), "--exclude", "/fr/*",
                                  "--format", "json").output)
    assert list(english["entities"]["by_language"]) == ["en"] and english["language"]["total"] == 1
    listed = tmp_path / "blind.txt"
    listed.write_text("# blind part\n/fr/2.html\n", encoding="utf-8")
    french = json.loads(run_eval("corpus", "--gold", str(gold), "--site", str(site), "--only-paths", str(listed),
                                 "--format", "json").output)
    assert list(french["entities"]["by_language"]) == ["fr"] and french["agreements"]["strict"]["fn"] == 0


def test_eval_corpus_table_and_csv(gold_corpus):
    gold, site = gold_corpus
    table = run_eval("corpus", "--gold", str(gold), "--site", str(site)).output.splitlines()
    assert table[0].split() == ["entities", "(text", "+", "label)", "P", "R", "F1", "tp", "fp", "fn"]
    assert table[1].split() == ["overall", "0.500", "1.000", "0.667", "3", "3", "0"]
    rows = list(csv.DictReader(io.StringIO(run_eval("corpus", "--gold", str(gold), "--site", str(site),
                                                    "--format", "csv").output)))
    first = rows[0]
    assert (first["metric"], first["scope"], first["f1"], first["tp"]) == ("entities", "overall", "0.6667", "3")
    assert ("linking", "overall", "0.6667") in [(r["metric"], r["scope"], r["accuracy"]) for r in rows]


def test_eval_agreements_with_the_pipeline_lists_the_misses(gold_corpus):
    gold, site = gold_corpus
    result = run_eval("agreements", "--gold", str(gold), "--site", str(site), "--pipeline", "--misses")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].split() == ["strict", "0.000", "0.000", "0.000", "0", "0", "1"]
    assert "== /en/1.html" in result.output and "   gold memorandum ['KOICA', 'UNDP'] None None" in result.output
    data = json.loads(run_eval("agreements", "--gold", str(gold), "--site", str(site), "--pipeline",
                               "--format", "json").output)
    assert [m["path"] for m in data["misses"]] == ["/en/1.html"]


def test_a_missing_page_is_reported_not_fatal(gold_corpus):
    gold, site = gold_corpus
    (site / "fr" / "2.html").unlink()
    report = json.loads(run_eval("corpus", "--gold", str(gold), "--site", str(site), "--format", "json").output)
    assert report["errors"] == [f"/fr/2.html: cannot read {site / 'fr' / '2.html'} (No such file or directory)"]


def test_a_no_break_space_in_the_gold_matches_the_space_extraction_writes():
    from newsmon.eval.corpus import CorpusScores, score_article
    from newsmon.model import Article, DateMention, Document, Mention

    text = "Le 11 décembre, Charles Aznavour chante."
    article = Article(Document("http://x/", "gold", "", text), "fr", 1.0,
                      mentions=[Mention("Charles Aznavour", "PERSON", 16, 32, "fr")],
                      dates=[DateMention("11 décembre", "2025-12-11", "day", 3, 14, True)])
    gold = {"lang": "fr", "entities": [{"text": "Charles\u00a0Aznavour", "label": "PERSON", "canonical": "X"}],
            "dates": [{"text": "11\u00a0décembre", "value": "2025-12-11", "precision": "day"}]}
    scores = CorpusScores()
    score_article(article, gold, scores)
    assert (scores.dates["fr"].tp, scores.dates["fr"].fp) == (1, 0)
    assert scores.entities[("fr", "PERSON")].tp == 1


def test_eval_corpus_lists_entity_errors_per_article(gold_corpus):
    gold, site = gold_corpus
    report = json.loads(run_eval("corpus", "--gold", str(gold), "--site", str(site), "--entity-errors", "ALL",
                                 "--format", "json").output)
    # the fake pipeline also tags UNDP twice (not in the gold) and ASAN in the French title and body
    assert report["entity_errors"] == [
        {"path": "/en/1.html", "lang": "en", "fp": [["UNDP", "ORG"], ["UNDP", "ORG"]], "fn": []},
        {"path": "/fr/2.html", "lang": "fr", "fp": [["ASAN", "ORG"]], "fn": []}]
    assert json.loads(run_eval("corpus", "--gold", str(gold), "--site", str(site), "--entity-errors", "PERSON",
                               "--format", "json").output)["entity_errors"] == []
    table = run_eval("corpus", "--gold", str(gold), "--site", str(site), "--entity-errors", "org").output
    assert "== /fr/2.html (fr)\n   + ORG    ASAN" in table
    assert "entity_errors" not in json.loads(run_eval("corpus", "--gold", str(gold), "--site", str(site),
                                                      "--format", "json").output)
