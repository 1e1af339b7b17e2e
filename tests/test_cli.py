"""The command line in-process (click's CliRunner): help, option validation, formats, date ranges,
`add` and the global `--kb` option. The fake pipeline stands in for the models unless a test is
about the real path (marked slow)."""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parent))
from fixture_sites import article_html, story  # noqa: E402

from newsmon.cli.main import MAINTAINER_COMMANDS, cli  # noqa: E402
from newsmon.model import Agreement, Article, Document, Mention, Party, Segment  # noqa: E402
from newsmon.store.articles import Store  # noqa: E402


def invoke(*args: str, db: Path | None = None, fake: bool = True, stdin: str | None = None):
    env = {"NEWSMON_PIPELINE": "fake" if fake else ""}
    return CliRunner().invoke(cli, [*(["--db", str(db)] if db else []), *args], env=env, input=stdin)


def _commands(group: click.Group, path: tuple[str, ...] = ()):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):  # commands loaded on first use are listed too
        command = group.get_command(ctx, name)
        yield (*path, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))


COMMANDS = dict(_commands(cli))


# --- help and the command list ----------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_every_command_has_help_with_an_example(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    example = result.output.split("Example:")[1]
    assert "newsmon " in example and f" {path[-1]}" in example


def test_every_format_option_offers_json():
    for path, command in COMMANDS.items():
        for param in command.params:
            if param.name == "fmt":
                assert "json" in param.type.choices, path


def test_maintainer_commands_are_listed_apart_and_keep_their_names():
    listing = CliRunner().invoke(cli, ["--help"]).output
    everyday, maintainer = listing.split("Maintainer commands:")
    names = [line.split()[0] for line in maintainer.strip().splitlines()]
    assert names == sorted(MAINTAINER_COMMANDS)
    assert not any(f"  {name} " in everyday for name in MAINTAINER_COMMANDS)
    for path in (("demo",), ("eval", "corpus"), ("eval", "agreements"), ("eval", "ner"), ("train", "ner")):
        assert path in COMMANDS  # as the Makefile and the README call them


def test_labels_are_listed_in_capitals_and_taken_in_any_case(tmp_path):
    assert "[PERSON|ORG|LOC|DATE|MISC]" in CliRunner().invoke(cli, ["entities", "--help"]).output
    result = invoke("entities", "--label", "org", "--format", "json", db=tmp_path / "n.db")
    assert result.exit_code == 0 and json.loads(result.output) == []


# --- bad input: exit 2, one clear line, nothing opened -----------------------------------------------

@pytest.mark.parametrize("args", [
    ("search", "ASAN", "--since", "notadate"),
    ("search", "ASAN", "--since", "2025-9-1"),
    ("search", "ASAN", "--until", "yesterday"),
    ("search", "ASAN", "--until", "2025-02-30"),
    ("agreements", "--since", "notadate"),
    ("agreements", "--until", "2025-13"),
    ("digest", "--since", "notadate"),
])
def test_bad_dates_are_refused(args, tmp_path):
    result = invoke(*args, db=tmp_path / "n.db")
    assert result.exit_code == 2
    option, value = args[-2], args[-1]
    assert result.output.splitlines()[-1] == (
        f"Error: Invalid value for '{option}': expected a date as YYYY-MM-DD, YYYY-MM or YYYY"
        f"{' (or YYYY-MM-DDTHH:MM)' if args[0] == 'digest' else ''}, got {value!r}")
    assert not (tmp_path / "n.db").exists()


@pytest.mark.parametrize("args", [
    ("search", "ASAN", "--limit", "99999999999999999999"),
    ("entities", "--limit", "0"),
    ("runs", "--limit", "-1"),
])
def test_limits_are_bounded(args, tmp_path):
    result = invoke(*args, db=tmp_path / "n.db")
    assert result.exit_code == 2 and "Invalid value for '--limit'" in result.output
    assert "Traceback" not in result.output


# --- a small store for the query commands ---------------------------------------------------------

def _article(url: str, title: str, published: str, agreements=(), lang: str = "en") -> Article:
    text = f"{title}\nKOICA signed a memorandum."
    start = text.index("KOICA")
    return Article(doc=Document(url=url, source="news", title=title, text=text, published=published),
                   lang=lang, lang_prob=1.0, segments=[Segment(0, len(text), lang, 1.0)],
                   mentions=[Mention("KOICA", "ORG", start, start + 5, lang, "koica", "KOICA")],
                   agreements=list(agreements))


def _memorandum(date: str | None) -> Agreement:
    return Agreement("memorandum", "memorandum", [Party("KOICA", "KOICA", "koica")],
                     {"value": date, "precision": "month" if len(date) == 7 else "day"} if date else None,
                     None, "signed", "KOICA signed a memorandum.", 0, 10)


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "news.db"
    store = Store(path)
    for url, title, published, fetched, agreements in [
        ("https://a.example/1", "August story", "2025-08-01", "2025-09-01T08:00:00+00:00", [_memorandum("2016-10")]),
        ("https://a.example/2", "September story", "2025-09-10", "2025-09-01T20:00:00+00:00", []),
        ("https://a.example/3", "Late September story", "2025-09-30T23:00:00+04:00", "2025-09-02T08:00:00+00:00",
         [_memorandum(None)]),
        ("https://a.example/4", "October story", "2025-10-01", "2025-10-02T08:00:00+00:00", []),
    ]:
        article_id = store.save_article(_article(url, title, published, agreements))
        store.db.execute("update articles set fetched_at = ? where id = ?", [fetched, article_id])
    store.db.conn.commit()
    store.close()
    return path


def _titles(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return sorted(row["title"] for row in json.loads(result.output))


@pytest.mark.parametrize("since, until, expected", [
    ("2025-09", "2025-09", ["Late September story", "September story"]),
    ("2025-09-11", None, ["Late September story", "October story"]),
    (None, "2025-09-10", ["August story", "September story"]),
    ("2025", "2025", ["August story", "Late September story", "October story", "September story"]),
])
def test_search_since_until_on_the_publication_date(db, since, until, expected):
    args = [*(["--since", since] if since else []), *(["--until", until] if until else [])]
    assert _titles(invoke("search", "memorandum", *args, "--format", "json", db=db)) == expected


def test_agreements_since_until_on_the_signing_or_else_publication_date(db):
    def titles(*args):
        result = invoke("agreements", *args, "--format", "json", db=db)
        assert result.exit_code == 0, result.output
        return [r["article_title"] for r in json.loads(result.output)]

    assert titles("--until", "2016") == ["August story"]  # signed 2016-10, published 2025
    assert titles("--since", "2016-10", "--until", "2016-10") == ["August story"]
    assert titles("--since", "2025-09") == ["Late September story"]  # no date signed: published
    assert titles("--limit", "1") == ["Late September story"]  # latest first


def test_digest_since_until_on_the_fetch_time(db):
    def titles(*args):
        result = invoke("digest", *args, "--format", "json", db=db)
        assert result.exit_code == 0, result.output
        return sorted(a["title"] for a in json.loads(result.output)["articles"])

    assert titles("--since", "2025-09-01", "--until", "2025-09-01") == ["August story", "September story"]
    assert titles("--since", "2025-09-01T12:00", "--until", "2025-09") == ["Late September story",
                                                                           "September story"]
    assert titles("--since", "2025-09-01T13:00+04:00", "--until", "2025-09-01T21:00:00+00:00") == [
        "September story"]


def test_digest_as_text_csv_and_json(db):
    text = invoke("digest", "--since", "2025-10", "--until", "2025-10", db=db)
    assert text.exit_code == 0
    assert text.output == ("Digest since 2025-10 until 2025-10-31: 1 new articles (en 1)\n\n"
                           "KOICA\n"
                           "  2025-10-01  [en] October story\n"
                           "              https://a.example/4\n\n"
                           "Most mentioned (change against the 31 days before: 3 articles):\n"
                           "  KOICA (ORG): 1 articles (-2)\n")
    rows = list(csv.DictReader(io.StringIO(invoke("digest", "--since", "2025-10", "--format", "csv",
                                                  db=db).output)))
    assert [(r["section"], r["title"] or r["name"]) for r in rows] == [("articles", "October story"),
                                                                       ("actors", "KOICA")]
    data = json.loads(invoke("digest", "--since", "2025-09-02", "--until", "2025-09-02", "--format", "json",
                             db=db).output)
    assert data["until"] == "2025-09-02" and [g["type"] for g in data["agreements"]] == ["memorandum"]


def test_top_is_a_hidden_alias_of_limit(db):
    result = invoke("entities", "--top", "1", "--format", "json", db=db)
    assert result.exit_code == 0 and [r["id"] for r in json.loads(result.stdout)] == ["koica"]
    assert result.stderr == "warning: --top is deprecated, use --limit\n"
    assert "--top" not in invoke("entities", "--help").output


def test_export_as_jsonl_json_and_csv(db, tmp_path):
    lines = invoke("export", db=db).output.splitlines()
    assert [json.loads(line)["title"] for line in lines] == ["August story", "September story",
                                                             "Late September story", "October story"]
    assert json.loads(invoke("export", "--format", "json", "--limit", "2", db=db).output)[1]["id"] == 2
    rows = list(csv.DictReader(io.StringIO(invoke("export", "--format", "csv", db=db).output)))
    assert len(rows) == 4 and json.loads(rows[0]["entities"])[0]["canonical_id"] == "koica"
    out = tmp_path / "missing" / "corpus.jsonl"
    result = invoke("export", "--out", str(out), db=db)
    assert result.exit_code == 1 and result.output == f"Error: {out}: cannot write (No such file or directory)\n"


def test_stats_csv_is_one_file_with_a_section_column(db):
    rows = list(csv.DictReader(io.StringIO(invoke("stats", "--format", "csv", db=db).output)))
    assert [(r["section"], r["lang"] or r["source"] or r["label"]) for r in rows] == [
        ("languages", "en"), ("sources", "news"), ("labels", "ORG")]


# --- newsmon add ----------------------------------------------------------------------------------

def test_add_an_html_file_and_a_text_file(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(article_html("KOICA opens an office", story(1)), encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("ASAN and UNDP meet\n\nThe ASAN centre hosted UNDP experts.\n", encoding="utf-8")
    db = tmp_path / "n.db"
    result = invoke("add", str(page), str(notes), "--lang", "en", db=db)
    assert (result.exit_code, result.output) == (0, "added 2, duplicates 0, already stored 0, errors 0\n")
    stored = [json.loads(line) for line in invoke("export", db=db).output.splitlines()]
    assert [(r["title"], r["source"], r["url"]) for r in stored] == [
        ("KOICA opens an office", "manual", page.resolve().as_uri()),
        ("ASAN and UNDP meet", "manual", notes.resolve().as_uri())]
    assert [e["canonical_id"] for e in stored[1]["entities"]] == ["sapssi", "undp", "sapssi", "undp"]
    again = invoke("add", str(notes), db=db)
    assert (again.exit_code, again.output) == (0, "added 0, duplicates 0, already stored 1, errors 0\n")


def test_add_a_missing_file_fails_with_one_line_and_adds_the_rest(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("KOICA in Baku\n\nKOICA staff visited Baku.\n", encoding="utf-8")
    missing = tmp_path / "gone.html"
    result = invoke("add", str(missing), str(notes), db=tmp_path / "n.db")
    assert result.exit_code == 1
    assert result.output == (f"{missing}: cannot read (No such file or directory)\n"
                             "added 1, duplicates 0, already stored 0, errors 1\n")
    assert [json.loads(line)["title"] for line in invoke("export", db=tmp_path / "n.db").output.splitlines()] == [
        "KOICA in Baku"]


# --- the global --kb option -----------------------------------------------------------------------

EXTRA_KB = """
[[entity]]
id = "caspian-data-bureau"
label = "ORG"
name = "Caspian Data Bureau"
acronyms = ["CDB"]
names.en = ["Caspian Data Bureau"]
names.az = ["Xəzər Məlumat Bürosu"]
"""


def test_kb_file_names_an_entity_the_shipped_kb_does_not_know(tmp_path):
    db = tmp_path / "n.db"
    store = Store(db)
    text = "CDB signs with KOICA"
    store.save_article(Article(
        doc=Document(url="https://a.example/cdb", source="news", title=text, text=text, published="2025-09-10"),
        lang="en", lang_prob=1.0, segments=[Segment(0, len(text), "en", 1.0)],
        mentions=[Mention("CDB", "ORG", 0, 3, "en", "caspian-data-bureau", "Caspian Data Bureau")]))
    store.close()
    kb = tmp_path / "extra.toml"
    kb.write_text(EXTRA_KB, encoding="utf-8")
    without = invoke("entity", "Xəzər Məlumat Bürosu", db=db)
    assert without.exit_code == 1 and without.output == f"Error: no entity named 'Xəzər Məlumat Bürosu' in {db}\n"
    found = invoke("--kb", str(kb), "entity", "Xəzər Məlumat Bürosu", "--format", "json", db=db)
    assert found.exit_code == 0, found.output
    record = json.loads(found.output)
    assert (record["id"], record["names"]["az"]) == ("caspian-data-bureau", ["Xəzər Məlumat Bürosu"])


def test_a_broken_kb_file_is_a_one_line_error(tmp_path):
    kb = tmp_path / "bad.toml"
    kb.write_text('[[entity]]\nid = "x"\nlabel = "THING"\nname = "X"\n', encoding="utf-8")
    result = invoke("--kb", str(kb), "entity", "X", db=tmp_path / "n.db")
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1
    assert result.output.startswith("Error: knowledge base: ") and "THING" in result.output


@pytest.mark.slow
def test_kb_file_changes_how_the_real_pipeline_links_a_name(tmp_path):
    kb = tmp_path / "extra.toml"
    kb.write_text(EXTRA_KB, encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("Caspian Data Bureau and KOICA sign a memorandum\n\nThe Caspian Data Bureau and the "
                     "Korea International Cooperation Agency signed a memorandum of understanding in Baku on "
                     "10 September 2025.\n", encoding="utf-8")

    def linked(*global_args: str) -> set[str]:
        db = tmp_path / f"{len(global_args)}.db"
        result = invoke(*global_args, "add", str(notes), db=db, fake=False)
        assert result.exit_code == 0, result.output
        (record,) = [json.loads(line) for line in invoke("export", db=db).output.splitlines()]
        return {e["canonical_id"] for e in record["entities"] if e["text"] == "Caspian Data Bureau"}

    assert linked() == {"org:caspian-data-bureau"}  # an id made from the name: not in the KB
    assert linked("--kb", str(kb)) == {"caspian-data-bureau"}  # the extra file's entity
