"""Sources are declared data: a TOML file of [[sources]] tables (Fundus-style), validated on load.

    [defaults]            # optional, applies to every source
    delay = 1.0

    [[sources]]
    name = "azertag-en"
    feeds = ["https://azertag.az/en/rss"]
    sitemaps = []
    urls = []
    lang = "en"           # a hint only, never trusted over detection
"""
from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsmon.settings import Politeness

LIST_KEYS = ("feeds", "sitemaps", "urls")
SOURCE_KEYS = ("name", "home", "lang", *LIST_KEYS, *Politeness.keys())


class SourcesError(ValueError):
    """A sources file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class Source:
    name: str
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    home: str | None = None
    lang: str | None = None
    politeness: Politeness = field(default_factory=Politeness)

    @property
    def named_urls(self) -> tuple[str, ...]:
        """Every URL the sources file names for this source: their hosts are trusted."""
        return (*self.feeds, *self.sitemaps, *self.urls, *((self.home,) if self.home else ()))


def is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:  # "http://[::1/x": an unclosed IPv6 bracket
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url


def _line_of(text: str, needle: str, after_line: int = 0) -> int:
    """1-based line of the first line at or after `after_line` containing `needle` (0 if none)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if number >= after_line and needle in line:
            return number
    return 0


def _block_lines(text: str) -> list[int]:
    """Line numbers of each [[sources]] header, in order."""
    return [n for n, line in enumerate(text.splitlines(), start=1)
            if re.match(r"\s*\[\[\s*sources\s*\]\]", line)]


# What each politeness key takes: its type, and the smallest value that makes sense (None: any).
_KEY_TYPES: dict[str, tuple[type | tuple[type, ...], float | None]] = {
    "delay": ((int, float), 0), "concurrency": (int, 1), "obey_robots": (bool, None),
    "user_agent": (str, None), "timeout": ((int, float), 0.001), "max_bytes": (int, 1),
    "allow_private": (bool, None), "sitemap_depth": (int, 0), "max_sitemaps": (int, 1),
}


def _politeness(table: dict[str, Any], base: Politeness, where: str) -> Politeness:
    values = {k: table[k] for k in Politeness.keys() if k in table}
    for key, value in values.items():
        kind, least = _KEY_TYPES[key]
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            raise SourcesError(f"{where}: '{key}' has the wrong type ({value!r})")
        if least is None:
            continue
        if not math.isfinite(value):
            raise SourcesError(f"{where}: '{key}' must be a finite number, got {value!r}")
        if value < least:
            raise SourcesError(f"{where}: '{key}' must be "
                               + ("at least 0" if least == 0 else "more than 0") + f", got {value!r}")
    return replace(base, **values)


def parse_sources(text: str, filename: str = "<sources>") -> list[Source]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{filename}: {exc}") from None
    unknown_top = set(data) - {"sources", "defaults"}
    if unknown_top:
        key = sorted(unknown_top)[0]
        raise SourcesError(f"{filename}:{_line_of(text, key)}: unknown table or key '{key}' "
                           "(expected [defaults] and [[sources]])")
    defaults_table = data.get("defaults", {})
    if not isinstance(defaults_table, dict):
        raise SourcesError(f"{filename}:{_line_of(text, 'defaults')}: 'defaults' must be a [defaults] "
                           f"table, got {defaults_table!r}")
    tables = data.get("sources", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise SourcesError(f"{filename}:{_line_of(text, 'sources')}: 'sources' must be [[sources]] "
                           f"tables, got {tables!r}")
    unknown = set(defaults_table) - set(Politeness.keys())
    if unknown:
        key = sorted(unknown)[0]
        raise SourcesError(f"{filename}:{_line_of(text, key)}: unknown key '{key}' in [defaults]")
    defaults = _politeness(defaults_table, Politeness(), f"{filename}: [defaults]")

    headers = _block_lines(text)
    sources: list[Source] = []
    seen: set[str] = set()
    for index, table in enumerate(tables):
        start = headers[index] if index < len(headers) else 0
        where = f"{filename}:{start}"
        unknown = set(table) - set(SOURCE_KEYS)
        if unknown:
            key = sorted(unknown)[0]
            raise SourcesError(f"{filename}:{_line_of(text, key, start) or start}: unknown key '{key}' "
                               f"(allowed: {', '.join(SOURCE_KEYS)})")
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            raise SourcesError(f"{where}: source has no 'name'")
        if name in seen:
            raise SourcesError(f"{filename}:{_line_of(text, name, start)}: duplicate source name '{name}'")
        seen.add(name)
        lists: dict[str, tuple[str, ...]] = {}
        for key in LIST_KEYS:
            value = table.get(key, [])
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SourcesError(f"{filename}:{_line_of(text, key, start)}: '{key}' must be a list of URLs")
            for url in value:
                if not is_http_url(url):
                    raise SourcesError(f"{filename}:{_line_of(text, url, start)}: malformed URL {url!r} "
                                       f"in '{key}' of source '{name}'")
            lists[key] = tuple(value)
        home = table.get("home")
        if home is not None and (not isinstance(home, str) or not is_http_url(home)):
            raise SourcesError(f"{filename}:{_line_of(text, 'home', start)}: malformed URL {home!r} "
                               f"in 'home' of source '{name}'")
        if not any(lists.values()) and not home:
            raise SourcesError(f"{where}: source '{name}' has no feeds, sitemaps, urls or home")
        lang = table.get("lang")
        if lang is not None and not (isinstance(lang, str) and re.fullmatch(r"[a-z]{2,3}", lang)):
            raise SourcesError(f"{filename}:{_line_of(text, 'lang', start)}: 'lang' must be a language "
                               f"code such as \"az\", got {lang!r}")
        sources.append(Source(name=name, home=home, lang=lang,
                              politeness=_politeness(table, defaults, where), **lists))
    if not sources:
        raise SourcesError(f"{filename}: no [[sources]] tables")
    return sources


def load_sources(path: str | Path) -> list[Source]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SourcesError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        raise SourcesError(f"{path}:{line}: not UTF-8 text (byte {exc.object[exc.start]:#04x}); "
                           "save the file as UTF-8") from None
    return parse_sources(text, str(path))
