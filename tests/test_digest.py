"""`newsmon digest`: data (previous-period change, grouping, relevance order), the md/html/json/eml
renderings, and sending through a loopback SMTP server (aiosmtpd)."""
from __future__ import annotations

import email
import email.policy
import json
import re
import socket
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsmon.cli.main import cli
from newsmon.store.articles import Store
from users_fixture import NOW, build

SINCE, UNTIL = "2025-09-13T12:00", "2025-09-20T11:59:59"  # until is inclusive: exactly 7 days


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("digest") / "news.db"
    store, ids = build(path)
    # the weather article scores highest: relevance, not date or actor, decides the order in a group
    store.db["relevance"].insert_all([{"article_id": aid, "score": s, "model": "t", "scored_at": "x"}
                                      for aid, s in zip(ids, (0.9, 0.05, 0.8, 0.2, 0.7, 0.1, 0.6, 0.5))])
    store.close()
    return path


def digest(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), "digest", "--since", SINCE, "--until", UNTIL, *args],
                              catch_exceptions=False)


def test_actors_compare_with_the_previous_period(db):
    data = Store(db).digest(SINCE, until=UNTIL)
    assert data["period"] == {"since": "2025-09-13T12:00:00+00:00", "until": "2025-09-20T12:00:00+00:00",
                              "previous_since": "2025-09-06T12:00:00+00:00"}
    assert data["previous_articles"] == 2
    actors = {a["id"]: a for a in data["actors"]}
    assert (actors["sapssi"]["articles"], actors["sapssi"]["previous"], actors["sapssi"]["change"]) == (3, 1, 2)
    assert (actors["undp"]["articles"], actors["undp"]["previous"], actors["undp"]["change"]) == (1, 1, 0)
    assert "loc:baku" not in actors  # places are not actors


def test_articles_most_relevant_first_grouped_by_actor(db):
    data = Store(db).digest(SINCE, until=UNTIL)
    assert [a["relevance"] for a in data["articles"]] == [0.9, 0.8, 0.7, 0.2, 0.1, 0.05]
    groups = {g["name"]: [a["title"] for a in g["articles"]] for g in data["groups"]}
    assert groups["State Agency for Public Service and Social Innovations"][0].startswith("ASAN xidmət")
    assert groups["Other coverage"] == ["Weather: rain expected in Baku", "Culture : un festival de jazz à Bakou",
                                        "Futbol: Qarabağ qalib gəlib"]
    assert sum(len(g["articles"]) for g in data["groups"]) == 6
    assert data["daily"]["days"] == ["2025-09-15", "2025-09-16", "2025-09-17", "2025-09-18", "2025-09-19"]
    sapssi = next(s for s in data["daily"]["series"] if s["id"] == "sapssi")
    assert sapssi["counts"] == [0, 2, 2, 2, 0]
    only = Store(db).digest(SINCE, until=UNTIL, min_relevance=0.5)
    assert len(only["articles"]) == 3 and only["previous_articles"] == 2


def test_json_and_markdown(db):
    data = json.loads(digest(db, "--format", "json").output)
    assert len(data["articles"]) == 6 and len(data["agreements"]) == 2
    md = digest(db, "--format", "md").output
    assert md.startswith("# Coverage digest, 2025-09-13 to 2025-09-20")
    assert "| State Agency for Public Service and Social Innovations | ORG | 3 | 1 | +2 |" in md
    assert "- [ASAN xidmət və KOICA memorandum imzalayıb](https://azertag.example/1)" in md


def test_html_is_mail_safe_with_the_chart_inline(db, tmp_path):
    out = tmp_path / "d.html"
    assert digest(db, "--format", "html", "--out", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "<style" not in page.lower()
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]{1000,}"', page)
    assert not re.search(r'(src|href)="(?!https?://|data:image/png)', page)  # no relative or js: links
    assert 'style="' in page and "Most mentioned actors" in page and "+2" in page


def _parse(raw: bytes):
    return email.message_from_bytes(raw, policy=email.policy.default)


def test_eml_is_a_complete_message(db):
    result = CliRunner().invoke(cli, ["--db", str(db), "digest", "--since", SINCE, "--until", UNTIL,
                                      "--format", "eml", "--to", "press@example.az", "--from", "bot@example.az"])
    msg = _parse(result.stdout_bytes)
    for header in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
        assert msg[header], header
    assert msg["To"] == "press@example.az" and "6 new articles" in msg["Subject"]
    # on the header's own line, not folded onto the next (which readers show with a leading space)
    assert msg["Subject"] == msg["Subject"].strip() and b"\nSubject: newsmon " in b"\n" + result.stdout_bytes
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    assert "Digest since" in text and 'src="cid:digest-chart"' in html
    (image,) = [p for p in msg.walk() if p.get_content_type() == "image/png"]
    assert image["Content-ID"] == "<digest-chart>" and image.get_content()[:8] == b"\x89PNG\r\n\x1a\n"


def test_smtp_sends_to_a_loopback_server(db):
    aiosmtpd = pytest.importorskip("aiosmtpd.controller")

    class Collect:
        def __init__(self) -> None:
            self.messages: list[tuple[str, list[str], bytes]] = []
            self.got = threading.Event()

        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
            self.got.set()
            return "250 OK"

    handler = Collect()
    with socket.socket() as probe:  # a free port: the Controller checks its server by connecting to it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = aiosmtpd.Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        result = CliRunner().invoke(cli, ["--db", str(db), "digest", "--since", SINCE, "--until", UNTIL,
                                          "--smtp", f"127.0.0.1:{port}", "--to", "a@example.az",
                                          "--to", "b@example.az", "--from", "bot@example.az"])
        assert result.exit_code == 0, result.output
        assert handler.got.wait(10)
    finally:
        controller.stop()
    (sender, rcpts, raw), = handler.messages
    assert sender == "bot@example.az" and rcpts == ["a@example.az", "b@example.az"]
    msg = _parse(raw)
    assert msg.get_body(("html",)) is not None and "Coverage digest" in msg.get_body(("html",)).get_content()


def test_bad_options_are_clear_errors(db):
    result = digest(db, "--smtp", "nohost")
    assert result.exit_code == 2 and "HOST:PORT" in result.output
    result = digest(db, "--smtp", "127.0.0.1:25")
    assert result.exit_code == 2 and "--to" in result.output
    result = CliRunner().invoke(cli, ["--db", str(db), "digest", "--since", "2025-09-20", "--until", "2025-09-01"])
    assert result.exit_code == 1 and "must not be before" in result.output
    result = CliRunner().invoke(cli, ["--db", str(db), "digest", "--since", "yesterday"])
    assert result.exit_code == 2 and "expected a date" in result.output


def test_default_period_is_the_last_day(db):
    assert NOW.year == 2025  # the fixture is in the past: nothing arrived in the last 24 hours
    result = CliRunner().invoke(cli, ["--db", str(db), "digest"])
    assert result.exit_code == 0 and ": 0 new articles" in result.output


def test_subject_stays_on_its_header_line_for_a_busy_month():
    """A long subject is folded by Python's e-mail package onto a continuation line, which mail readers
    show with a leading space: the default subject must fit on the "Subject:" line for any counts."""
    from email.message import EmailMessage

    from newsmon.web.digest import subject
    data = {"period": {"since": "2025-09-01T00:00:00+00:00", "until": "2025-10-01T00:00:00+00:00"},
            "articles": [{}] * 12345, "agreements": [{}] * 678}
    msg = EmailMessage()
    msg["Subject"] = subject(data)
    assert msg.as_string().startswith("Subject: newsmon 2025-09-01 to 2025-09-30: 12345 new articles")
