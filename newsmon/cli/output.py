"""Rendering rows for the terminal and for scripts: table, JSON or CSV (as sqlite-utils does)."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

FORMATS = ("table", "json", "csv")


def default_format() -> str:
    return "table" if sys.stdout.isatty() else "json"


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def render_table(rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> str:
    if not rows:
        return "(no results)"
    columns = list(columns or rows[0].keys())
    total = shutil.get_terminal_size((160, 24)).columns
    widths = {c: max(len(c), *(len(_cell(r.get(c), 10_000)) for r in rows)) for c in columns}
    # shrink the widest columns until the table fits the terminal
    while sum(widths.values()) + 2 * (len(columns) - 1) > total and max(widths.values()) > 12:
        widest = max(widths, key=widths.__getitem__)
        widths[widest] -= 1
    lines = ["  ".join(c.ljust(widths[c]) for c in columns),
             "  ".join("-" * widths[c] for c in columns)]
    for row in rows:
        lines.append("  ".join(_cell(row.get(c), widths[c]).ljust(widths[c]) for c in columns).rstrip())
    return "\n".join(lines)


def _csv_cells(row: dict[str, Any]) -> dict[str, Any]:
    """Lists and objects go into a CSV cell as JSON, so nothing is lost."""
    return {c: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for c, v in row.items()}


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        columns = list(columns or (rows[0].keys() if rows else []))
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(_csv_cells(row))
        return buffer.getvalue().rstrip("\n")
    return render_table(rows, columns)


def render_sections(sections: Mapping[str, Sequence[dict[str, Any]]], fmt: str) -> str:
    """Several named lists of rows (stats, digest) in one output.

    json: one object of lists; table: a titled table per section; csv: one CSV whose first column
    names the section, the other columns the union of the sections' columns (one valid file, not
    several CSVs with different headers back to back).
    """
    if fmt == "json":
        return json.dumps({k: list(v) for k, v in sections.items()}, ensure_ascii=False, indent=2)
    if fmt == "csv":
        columns: dict[str, None] = {"section": None}
        for rows in sections.values():
            for row in rows:
                columns.update(dict.fromkeys(row))
        return render([{"section": name, **row} for name, rows in sections.items() for row in rows],
                      "csv", list(columns))
    return "\n\n".join(f"{name}\n{render_table(rows)}" for name, rows in sections.items())


def write_records(records: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> int:
    """Stream records as JSON lines, one JSON array or CSV (columns from the first record) without
    holding them all in memory; returns how many were written."""
    count = 0
    writer: csv.DictWriter | None = None
    if fmt == "json":
        stream.write("[")
    for record in records:
        if fmt == "jsonl":
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "json":
            stream.write(("\n" if count == 0 else ",\n") + json.dumps(record, ensure_ascii=False))
        else:
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(record), extrasaction="ignore",
                                        lineterminator="\n")
                writer.writeheader()
            writer.writerow(_csv_cells(record))
        count += 1
    if fmt == "json":
        stream.write("\n]\n" if count else "]\n")
    return count
