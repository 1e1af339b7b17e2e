"""The crawl's writes committed in groups of pages instead of three commits per page (issue 13).

Every SQLite statement on the main thread lets the fetch threads take the GIL, and getting it back
is what a commit costs under load; a page used to take three transactions (its response, its
article, its frontier row). A group transaction now holds up to `size` pages' writes; inside it
each article is still one unit (a savepoint: `Store.transaction(savepoint=True)`), so a page that
fails undoes only its own writes, and a kill loses whole groups, never half an article: a resumed
crawl does that group's pages again. The group is committed before the main thread waits for
anything (a fetch, a listing, the annotator), so the write lock is never held while idle and the
fetch threads' own writes (robots.txt in the HTTP cache) are not kept waiting.
"""
from __future__ import annotations

import contextlib
from types import TracebackType

from newsmon.store.articles import Store

GROUP = 32  # pages per commit


class GroupCommit:
    def __init__(self, store: Store, size: int = GROUP) -> None:
        self.store = store
        self.size = size
        self._open: contextlib.ExitStack | None = None
        self._pages = 0

    def page(self) -> None:
        """Called before a page's writes: they join the open group (a new one when none is)."""
        if self._open is not None and self._pages >= self.size:
            self.commit()
        if self._open is None:
            self._open = contextlib.ExitStack()
            self._open.enter_context(self.store.transaction())
        self._pages += 1

    def commit(self) -> None:
        """Commit the open group, if any (before waiting, and at the end)."""
        if self._open is not None:
            group, self._open, self._pages = self._open, None, 0
            group.close()

    def __enter__(self) -> "GroupCommit":
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        """Commit what is open, or roll it back when the run stops on an exception."""
        if self._open is not None:
            group, self._open, self._pages = self._open, None, 0
            group.__exit__(kind, exc, tb)
