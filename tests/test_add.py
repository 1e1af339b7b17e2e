"""`newsmon add` with careless input (issue 10, item 7): binary files are refused, a text too long
for spaCy goes through in pieces, and one bad item never drops the rest of the batch; whatever was
not added makes the exit status 1."""
import os
import random

import pytest
import spacy
from click.testing import CliRunner

from newsmon.cli.main import cli
from newsmon.crawl.crawler import Crawler
from newsmon.crawl.charset import is_binary
from newsmon.fake_pipeline import FakePipeline
from newsmon.model import Segment
from newsmon.nlp.ner import NerStage, chunks
from newsmon.store.articles import Store

TEXT = "KOICA and ASAN\n\nThe Korea International Cooperation Agency signed a memorandum in Baku.\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8


def test_binary_data_is_told_from_text_in_any_encoding():
    assert is_binary(ELF)
    assert is_binary(random.Random(7).randbytes(20_000))
    assert not is_binary(TEXT.encode())
    assert not is_binary("Azərbaycan Respublikası".encode("utf-8"))
    assert not is_binary("Россия и Азербайджан".encode("cp1251"))
    assert not is_binary("Türkiye".encode("utf-16"))  # NUL bytes, but a BOM says what they are


@pytest.fixture
def batch(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "page.html").write_text(f"<html><body><article><h1>UNDP</h1><p>{'UNDP opened an office. ' * 10}"
                                        "</p></article></body></html>", encoding="utf-8")
    (tmp_path / "random.bin").write_bytes(random.Random(1).randbytes(4096))
    (tmp_path / "prog").write_bytes(ELF)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    items = ["good.txt", "random.bin", "prog", "missing.txt", "empty.txt", "folder", "page.html"]
    return tmp_path, [str(tmp_path / name) for name in items]


def test_a_batch_with_bad_items_adds_the_good_ones_and_names_each_bad_one(batch):
    tmp_path, items = batch
    lines: list[str] = []
    store = Store(tmp_path / "n.db")
    counts = Crawler(store, FakePipeline(), report=lines.append).add(items)
    assert (counts.new, counts.errors) == (2, 5)
    assert store.db.execute("select count(*) from articles").fetchone()[0] == 2
    said = "\n".join(lines)
    for name, reason in (("random.bin", "binary data"), ("prog", "binary data"), ("missing.txt", "cannot read"),
                         ("empty.txt", "no article text"), ("folder", "cannot read")):
        assert f"{name}: " in said and reason in said.split(f"{name}: ", 1)[1].split("\n")[0], name


def test_the_cli_exits_1_when_anything_was_not_added(batch, monkeypatch):
    tmp_path, items = batch
    monkeypatch.setenv("NEWSMON_PIPELINE", "fake")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "n.db"), "add", *items])
    assert result.exit_code == 1
    assert "added 2," in result.output and "errors 5" in result.output
    only_good = CliRunner().invoke(cli, ["--db", str(tmp_path / "m.db"), "add", items[0]])
    assert only_good.exit_code == 0, only_good.output


def test_an_item_that_breaks_the_pipeline_does_not_drop_the_rest(batch):
    tmp_path, items = batch

    class Breaks(FakePipeline):
        def process(self, doc):
            if doc.url.endswith("good.txt"):
                raise ValueError("[E088] Text of length 1200000 exceeds maximum of 1000000.")
            return super().process(doc)
    lines: list[str] = []
    counts = Crawler(Store(tmp_path / "n.db"), Breaks(), report=lines.append).add([items[0], items[-1]])
    assert (counts.new, counts.errors) == (1, 1)
    assert any("good.txt: not added (ValueError: [E088]" in line for line in lines)


def test_a_text_longer_than_spacy_takes_is_annotated_in_pieces():
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "KOICA"}])
    stage = NerStage(models={})
    stage._loaded["en"] = nlp
    paragraph = "The agency met the ministry again today. " * 40 + "\n"
    text = paragraph * 700 + "KOICA signed the memorandum.\n"  # 1.15 million characters
    assert len(text) > nlp.max_length
    mentions = stage.annotate(text, [Segment(0, len(text), "en", 1.0)])
    assert [(m.text, text[m.start:m.end]) for m in mentions] == [("KOICA", "KOICA")]


def test_chunks_cover_the_text_and_cut_where_paragraphs_end():
    text = ("word " * 30 + "\n") * 50
    spans = chunks(text, 0, len(text), size=400)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(end - start <= 400 for start, end in spans)
    assert all(text[end - 1] == "\n" for _, end in spans[:-1])
    assert os.path.commonprefix([text, "".join(text[s:e] for s, e in spans)]) == text
