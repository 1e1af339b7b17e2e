"""What every command shares: the database, the knowledge base and the pipeline, each opened on first use.

The `newsmon` group builds one `CliContext` from the global options (`--db`, `--kb`) and commands receive
it with `@click.pass_obj`. Opening the store, loading the knowledge base and building the pipeline, and
turning their failures into a one-line error, are written here once.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from newsmon.settings import default_db_path

PROCESSES_OPTION = click.option(
    "--processes", type=click.IntRange(1, 64), default=None, metavar="N",
    help="Worker processes for extraction and NLP, each loading the models once "
         "(default: one per core; 1 runs everything in this process).")

if TYPE_CHECKING:  # imported where used: `newsmon --version` and --help start without them
    from newsmon.nlp.kb import KnowledgeBase
    from newsmon.store.articles import Store


def _kb_cache_path(kb_files: tuple[str, ...]) -> Path | None:
    """Where the knowledge base built from these files is kept, named by what it is built from:
    the files (path, size, mtime) and the code that reads and indexes them (newsmon/nlp, newsmon/text),
    so an edit to either makes a new one. None when a file cannot be read (the load reports it)."""
    import hashlib
    import sys

    import newsmon
    from newsmon.nlp.kb_file import DEFAULT_KB_PATH
    package = Path(newsmon.__file__).parent
    sources = [DEFAULT_KB_PATH, *map(Path, kb_files),
               *sorted((package / "nlp").glob("*.py")), *sorted((package / "text").glob("*.py"))]
    key = hashlib.sha1(sys.version.encode())
    try:
        for path in sources:
            st = path.stat()
            key.update(f"{path.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    except OSError:
        return None
    home = os.environ.get("NEWSMON_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newsmon")
    return Path(home) / f"kb-{key.hexdigest()[:20]}.pickle"


def load_kb(kb_files: tuple[str, ...]) -> KnowledgeBase:
    """`KnowledgeBase.load`, kept between runs: parsing the TOML and indexing every name costs a
    query command ~150 ms of CPU (`entity`, `agreements --party` resolve names with it), reading
    the pickled index back ~15 ms. The pickle is this user's own cache, written only by newsmon
    (atomically); an unreadable or stale one is rebuilt, an unwritable cache directory ignored.
    Only the shipped knowledge base alone is kept (one file): with --kb files it is loaded as ever."""
    import pickle

    from newsmon.nlp.kb import KnowledgeBase
    path = None if kb_files else _kb_cache_path(kb_files)
    if path is not None:
        try:
            with open(path, "rb") as fh:
                kb = pickle.load(fh)
            if isinstance(kb, KnowledgeBase):
                return kb
        except Exception:  # noqa: BLE001 - a missing, truncated or foreign cache file: build it again
            pass
    kb = KnowledgeBase.load(kb_files)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        except OSError:
            pass
    return kb


@dataclass
class CliContext:
    db: str = field(default_factory=default_db_path)
    kb_files: tuple[str, ...] = ()
    _store: Store | None = field(default=None, init=False, repr=False)
    _reader: Store | None = field(default=None, init=False, repr=False)
    _kb: KnowledgeBase | None = field(default=None, init=False, repr=False)
    _pipeline: Any = field(default=None, init=False, repr=False)

    @property
    def store(self) -> Store:
        """The database, opened (created or migrated) on first use."""
        if self._store is None:
            from newsmon.store.articles import Store, StoreError
            try:
                self._store = Store(self.db)
            except StoreError as exc:
                raise click.ClickException(str(exc)) from None
        return self._store

    @property
    def reader(self) -> Store:
        """The database opened for reading only, for the query commands: it works on a read-only
        file and writes nothing (a database of an older schema is upgraded first, if it can be)."""
        if self._reader is None:
            from newsmon.store.articles import Store, StoreError
            try:
                self._reader = Store(self.db, readonly=True)
            except StoreError as exc:
                raise click.ClickException(str(exc)) from None
        return self._reader

    @property
    def kb(self) -> KnowledgeBase:
        """The shipped knowledge base plus the `--kb` files, loaded on first use."""
        if self._kb is None:
            try:
                self._kb = load_kb(self.kb_files)
            except (ValueError, OSError) as exc:
                raise click.ClickException(f"knowledge base: {exc}") from None
        return self._kb

    @property
    def pipeline(self) -> Any:
        """The NLP pipeline (with the `--kb` files), or the fake one when NEWSMON_PIPELINE=fake (tests).
        Imported here so that --help and the query commands do not pay for loading spaCy."""
        if self._pipeline is None:
            from newsmon.fake_pipeline import make_pipeline
            try:
                self._pipeline = make_pipeline(self.kb_files)
            except (ValueError, OSError) as exc:
                raise click.ClickException(f"knowledge base: {exc}") from None
        return self._pipeline

    def annotator(self, processes: int | None) -> Any:
        """Extraction and NLP in `processes` worker processes (see `newsmon.workers`; None: one per
        core). The knowledge base is checked here first, so a bad --kb file stops the command
        before any worker starts; with NEWSMON_PIPELINE=fake (tests) the workers run the fake one."""
        from newsmon.workers import Annotator
        if os.environ.get("NEWSMON_PIPELINE") != "fake":
            self.kb  # noqa: B018 - loads and validates, or exits with a one-line error
        return Annotator(processes, self.kb_files)

    @staticmethod
    def report(line: str) -> None:
        """Progress and summaries go to stderr, so stdout stays the data."""
        click.echo(line, err=True)

    def close(self) -> None:
        for store in (self._store, self._reader):
            if store is not None:
                store.close()
        self._store = self._reader = None
