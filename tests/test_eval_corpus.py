"""The corpus scorer: agreement parties against `party_names`, and subsets of the gold."""
from __future__ import annotations

import pytest

from newsmon.eval.agreements import score_agreements
from newsmon.eval.corpus import select_gold
from newsmon.eval.scoring import Counts
from newsmon.model import Agreement, Party

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
