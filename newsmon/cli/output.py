"""Rendering rows for the terminal and for scripts: table, JSON or CSV (as sqlite-utils does)."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from collections.abc import Sequence
from typing import Any

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


def render(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None) -> str:
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        columns = list(columns or (rows[0].keys() if rows else []))
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for c, v in row.items()})
        return buffer.getvalue().rstrip("\n")
    return render_table(rows, columns)
