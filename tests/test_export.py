"""`newsmon export`: every format read back with its own library (json, csv, pyarrow, spaCy) and
compared with the store."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmon.cli.main import cli
from newsmon.store.export import ExportFilters, export, select_ids
from users_fixture import build


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "news.db"
    store, ids = build(path)
    store.db["relevance"].insert_all([{"article_id": aid, "score": 0.9 if i in (0, 2, 4) else 0.1,
                                       "model": "test", "scored_at": "2025-09-20"}
                                      for i, aid in enumerate(ids)])
    expected = {r["id"]: r for r in store.export()}
    return path, store, ids, expected


def run(db: Path, *args: str):
    result = CliRunner().invoke(cli, ["--db", str(db), "export", *args], catch_exceptions=False)
    return result


def test_filters_select_like_search(corpus):
    path, store, ids, _ = corpus
    assert select_ids(store, ExportFilters()) == ids  # duplicates left out
    assert len(select_ids(store, ExportFilters(include_duplicates=True))) == len(ids) + 1
    assert select_ids(store, ExportFilters(lang="fr")) == ids[4:6]
    assert select_ids(store, ExportFilters(source="azertag", since="2025-09-18")) == ids[:2]
    assert select_ids(store, ExportFilters(until="2025-09-09")) == ids[6:8]
    assert select_ids(store, ExportFilters(query="Aliyev")) == []
    assert select_ids(store, ExportFilters(query="KOICA", lang="az")) == [ids[0]]
    assert select_ids(store, ExportFilters(min_relevance=0.5)) == [ids[0], ids[2], ids[4]]


def test_jsonl_round_trip_and_manifest(corpus, tmp_path):
    path, store, ids, expected = corpus
    out = tmp_path / "c.jsonl"
    result = run(path, "--format", "jsonl", "--out", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ids[2:4] + [ids[6]]
    for row in rows:
        relevance = row.pop("relevance")
        assert row == expected[row["id"]] and relevance in (0.9, 0.1)
    manifest = json.loads((tmp_path / "c.jsonl.manifest.json").read_text())
    assert manifest["count"] == 3 and manifest["filters"] == {"lang": "en"}
    assert manifest["ids"] == [r["id"] for r in rows] and manifest["newsmon_version"]
    assert manifest["models"]["ner"]["az"]["name"] == "ner_az" and manifest["models"]["ner"]["en"]["version"]
    assert "entities" in manifest["schema"]["fields"]


def test_text_formats_go_to_stdout_with_the_filters(corpus):
    path, _, ids, _ = corpus
    result = run(path)
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == ids
    assert [r["id"] for r in json.loads(run(path, "--format", "json", "--lang", "fr").output)] == ids[4:6]
    conll = run(path, "--format", "conll", "--limit", "1").output
    assert conll.count("-DOCSTART-") == 1 and "ASAN B-ORG\nxidmət I-ORG\n" in conll


def test_csv_round_trip(corpus, tmp_path):
    path, _, ids, expected = corpus
    out = tmp_path / "c.csv"
    assert run(path, "--format", "csv", "--out", str(out)).exit_code == 0
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [int(r["id"]) for r in rows] == ids
    for row in rows:
        want = expected[int(row["id"])]
        assert row["text"] == want["text"] and row["title"] == want["title"]  # newlines survive quoting
        assert json.loads(row["entities"]) == want["entities"]
        assert json.loads(row["agreements"]) == want["agreements"]
        assert json.loads(row["dates"]) == want["dates"]


def test_parquet_round_trip(corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path, _, ids, expected = corpus
    out = tmp_path / "c.parquet"
    assert run(path, "--format", "parquet", "--out", str(out)).exit_code == 0
    table = pq.read_table(out)
    assert table.num_rows == len(ids)
    for row in table.to_pylist():
        relevance = row.pop("relevance")
        want = expected[row["id"]]
        assert {k: row[k] for k in want} == want
        assert relevance in (0.9, 0.1)
    manifest = json.loads((tmp_path / "c.parquet.manifest.json").read_text())
    assert any(line.startswith("entities: list<") for line in manifest["schema"]["parquet"])


def _entity_texts(record: dict) -> list[tuple[str, str]]:
    return [(e["text"], e["label"]) for e in record["entities"]]


def test_conll_reads_back_with_spacys_converter(corpus, tmp_path):
    from spacy.training.converters import conll_ner_to_docs
    path, _, ids, expected = corpus
    out = tmp_path / "c.conll"
    assert run(path, "--format", "conll", "--out", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    docs = list(conll_ner_to_docs(text, n_sents=0, no_print=True))
    assert len(docs) == len(ids)
    manifest = json.loads((tmp_path / "c.conll.manifest.json").read_text())
    for doc, aid in zip(docs, manifest["ids"]):
        want = expected[aid]
        # a mention cutting a token ("Bakı" in "Bakıda") is widened to the whole token
        got = [(e.text, e.label_) for e in doc.ents]
        assert len(got) == len(want["entities"])
        assert all(g[0].startswith(w[0]) and g[1] == w[1] for g, w in zip(got, _entity_texts(want)))
        assert "".join(t.text for t in doc) == "".join(want["text"].split())
    # IOB2: every entity starts with B-, so two adjacent entities stay two
    tags = [line.split()[-1] for line in text.splitlines() if line and not line.startswith("-DOCSTART-")]
    assert all(tag == "O" or tag[:2] in ("B-", "I-") for tag in tags)
    assert all(not (cur.startswith("I-") and prev == "O") for prev, cur in zip(tags, tags[1:]))
    assert text.count("\n\n") > len(ids) * 2  # more sentences than documents
    assert manifest["alignment"]["mentions_widened_to_tokens"] >= 2  # at least the two "Bakıda"


def test_docbin_reads_back_with_entities_and_sentences(corpus, tmp_path):
    import spacy
    from spacy.tokens import DocBin
    path, _, ids, expected = corpus
    out = tmp_path / "c.spacy"
    assert run(path, "--format", "docbin", "--out", str(out), "--since", "2025-09-15").exit_code == 0
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("xx").vocab))
    assert [d.user_data["id"] for d in docs] == ids[:6]
    for doc in docs:
        want = expected[doc.user_data["id"]]
        assert doc.text == want["text"]
        got, stored = list(doc.ents), want["entities"]
        assert [e.label_ for e in got] == [e["label"] for e in stored]
        assert all(g.start_char == w["start"] and g.end_char >= w["end"] for g, w in zip(got, stored))
        assert sum(g.end_char > w["end"] for g, w in zip(got, stored)) == sum(
            w["text"] == "Bakı" and want["text"][w["end"]:w["end"] + 2] == "da" for w in stored)
        assert doc.has_annotation("SENT_START") and len(list(doc.sents)) >= 2


def test_docbin_trains_a_spacy_ner_directly(corpus, tmp_path):
    """The corpus is usable as spaCy training data as it is: Examples built from it update a model."""
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example
    path, _, _, _ = corpus
    out = tmp_path / "t.spacy"
    export(__import__("newsmon.store.articles", fromlist=["Store"]).Store(path), "docbin", out, ExportFilters())
    nlp = spacy.blank("xx")
    ner = nlp.add_pipe("ner")
    gold = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in gold]
    for label in {e.label_ for d in gold for e in d.ents}:
        ner.add_label(label)
    optimizer = nlp.initialize(lambda: examples)
    losses = nlp.update(examples, sgd=optimizer)
    assert losses["ner"] > 0


def test_bad_requests_are_one_line_errors(corpus, tmp_path):
    path = corpus[0]
    result = run(path, "--format", "parquet")
    assert result.exit_code != 0 and "--out" in result.output
    out = tmp_path / "missing-dir" / "x.parquet"
    result = run(path, "--format", "parquet", "--out", str(out))
    assert result.exit_code == 1 and result.output == f"Error: {out}: cannot write (No such file or directory)\n"
