import csv
import io
import json

from newsmon.cli.output import render

ROWS = [{"id": 1, "title": "ASAN xidmət, Cibuti", "tags": ["a", "b"]}, {"id": 2, "title": None, "tags": []}]


def test_json_and_csv_are_machine_readable():
    assert json.loads(render(ROWS, "json")) == ROWS
    rows = list(csv.DictReader(io.StringIO(render(ROWS, "csv"))))
    assert rows[0]["title"] == "ASAN xidmət, Cibuti" and json.loads(rows[0]["tags"]) == ["a", "b"]


def test_table_has_header_and_one_line_per_row():
    lines = render(ROWS, "table").splitlines()
    assert lines[0].split() == ["id", "title", "tags"] and len(lines) == 4
    assert render([], "table") == "(no results)"
