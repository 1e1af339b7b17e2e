"""Settings in one place: defaults for politeness, paths to shipped models, language pipelines."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from newsmon import __version__

REPO_ROOT = Path(__file__).resolve().parent.parent


def _shipped(name: str) -> Path:
    """Where `models/` or `corpus/` is: beside the package in a source checkout or an editable install,
    inside it (`newsmon/_data/<name>`, see pyproject.toml) in an installed wheel."""
    installed = Path(__file__).resolve().parent / "_data" / name
    return installed if installed.is_dir() else REPO_ROOT / name


# One setting each; the environment overrides (e.g. a model directory built elsewhere).
MODELS_DIR = Path(os.environ.get("NEWSMON_MODELS") or _shipped("models"))
CORPUS_DIR = Path(os.environ.get("NEWSMON_CORPUS") or _shipped("corpus"))
DEFAULT_DB = "newsmon.db"

# Languages language identification chooses between by default; others are reported as what they are.
DEFAULT_LANGS: tuple[str, ...] = ("az", "en", "fr", "tr", "ru")

USER_AGENT = f"newsmon/{__version__} (news monitoring bot)"


@dataclass(frozen=True)
class Politeness:
    """How we treat a source's hosts. Every key can be set per source or in the sources file's [defaults]."""

    delay: float = 1.0  # seconds between requests to one host
    concurrency: int = 2  # requests in flight per host
    obey_robots: bool = True
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds, connect and each read; a whole response gets three times this
    max_bytes: int = 10_000_000  # responses larger than this (or sitemaps unpacking larger) are dropped
    # hosts reached indirectly (redirects, feed and sitemap entries elsewhere) may be on loopback or
    # private addresses; the hosts a source names always may
    allow_private: bool = False
    # a sitemap index of indexes is followed this many levels down, visiting at most this many
    # sitemaps per source and run (newest first)
    sitemap_depth: int = 3
    max_sitemaps: int = 100

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(cls.__dataclass_fields__)

    @property
    def deadline(self) -> float:
        """Seconds one request may take in all: connect, headers and body."""
        return max(self.timeout, 0.001) * 3


def default_db_path() -> str:
    return os.environ.get("NEWSMON_DB") or DEFAULT_DB
