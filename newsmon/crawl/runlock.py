"""One crawl at a time per database file, whatever path names it (issue 10).

The lock is a BSD `flock` on the database file itself, so the kernel keys it on the file's identity
(device and inode): a symlink, a hard link, a relative or an absolute path all meet the same lock,
and it goes away with the process that holds it (SIGKILL included), so a stale lock never blocks.
On Linux `flock` and the POSIX `fcntl` locks SQLite takes do not interact.

The descriptor is never closed. Closing *any* descriptor of a file drops every POSIX lock this
process holds on it, SQLite's included (in WAL mode each connection keeps a shared lock on the
database file for as long as it is open; without it another process closing its last connection
would checkpoint and delete the WAL under us). So, like SQLite's own unix VFS, we keep one
descriptor per database file for the life of the process and only lock and unlock it.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator

__all__ = ["CrawlLocked", "run_lock"]


class CrawlLocked(RuntimeError):
    """Another crawl is running on the same database (an overlapping cron run)."""


_guard = threading.Lock()
_descriptors: dict[tuple[int, int], int] = {}  # (st_dev, st_ino) -> an open descriptor, never closed
_held: set[tuple[int, int]] = set()  # locked by a run of this process


def _descriptor(db_path: str) -> tuple[tuple[int, int], int]:
    try:
        found = os.stat(db_path)
    except FileNotFoundError:
        found = None
    if found is not None and (found.st_dev, found.st_ino) in _descriptors:
        key = (found.st_dev, found.st_ino)
        return key, _descriptors[key]
    # a database about to be created starts as an empty file, which SQLite takes as an empty database
    fd = os.open(db_path, os.O_RDONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
    opened = os.fstat(fd)
    key = (opened.st_dev, opened.st_ino)
    # if the path now names a file we already hold (a race with a rename), this descriptor stays
    # open unused: closing it would drop SQLite's locks
    return key, _descriptors.setdefault(key, fd)


@contextlib.contextmanager
def run_lock(db_path: str) -> Iterator[None]:
    """Hold an exclusive lock on the database file for the whole run; raises CrawlLocked when
    another run (in this process or any other) holds it."""
    if db_path in ("", ":memory:"):
        yield
        return
    refused = CrawlLocked(f"{db_path}: another crawl is running on this database")
    with _guard:
        key, fd = _descriptor(db_path)
        if key in _held:
            raise refused
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise refused from None
        _held.add(key)
    try:
        yield
    finally:
        with _guard:
            _held.discard(key)
            fcntl.flock(fd, fcntl.LOCK_UN)
