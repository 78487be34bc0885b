"""The connection side of a project file: opening again, transactions, read-only, the guard
that notices a journal removed under it. ``Repository`` adds the domain on top."""

from __future__ import annotations

from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType
from typing import Self

from sqlite_utils import Database

from annotator.core.errors import AnnotatorError
from annotator.store.connection import errors, guard_of, read, write
from annotator.store.guard import FileId, close_connection
from annotator.store.opening import open_database


class ProjectFile:
    """One open connection to a project file."""

    def __init__(
        self, db: Database, path: Path, *, read_only: bool = False, timeout: float = 5.0
    ) -> None:
        self.db = db
        self.path = path
        self._read_only = read_only
        self._timeout = timeout

    # -- lifetime ---------------------------------------------------------------------------

    @property
    def timeout(self) -> float:
        """Seconds a statement waits for another program's write (a connection of its own,
        such as the window's import thread, waits as long)."""
        return self._timeout

    def close(self) -> None:
        close_connection(self.db.conn)

    def reopen(self) -> None:
        """Close the connection (without a checkpoint if its files were removed under it) and
        open the project file again: the way on after a ProjectDetachedError."""
        guard = guard_of(self.db)
        close_connection(self.db.conn)
        try:
            self.db = open_database(
                self.path, create=False, timeout=self._timeout, read_only=self._read_only
            )
        except AnnotatorError as exc:
            # the old connection is closed: every call says so (typed) until a reopen succeeds
            if guard is not None and guard.detached is None:
                guard.detached = f"it could not be opened again ({exc})"
            raise

    def check_files(self) -> None:
        """ProjectDetachedError if the project's journal was removed under the connection."""
        guard = guard_of(self.db)
        if guard is not None:
            guard.check()

    def data_version(self) -> int:
        """A number that changes when another connection commits (``PRAGMA data_version``)."""
        with self._errors():
            return int(self.db.conn.execute("PRAGMA data_version").fetchone()[0])

    def own_file_ids(self) -> set[FileId]:
        """(device, inode) of the project file and its journal: files an import must not read
        (opening and closing them would drop this connection's locks)."""
        guard = guard_of(self.db)
        return set() if guard is None else guard.own_ids()

    def _errors(self) -> AbstractContextManager[None]:
        return errors(self.path, guard_of(self.db))

    def _read(self) -> AbstractContextManager[None]:
        return read(self.db, self.path)

    def _write(self) -> AbstractContextManager[None]:
        return write(self.db, self.path)

    def reading(self) -> AbstractContextManager[None]:
        """One read transaction around several calls: they all see the same snapshot of the
        file (the clitic evidence of a document and of the rest of the project)."""
        return self._read()

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction around several calls, each of which becomes a savepoint in
        it: after the block all of them are in the file, or, on an exception, none (an import
        adds the labels a file brings and its documents together)."""
        return self._write()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.path)!r})"

    @property
    def read_only(self) -> bool:
        """True when writes are refused (opened read-only, or ``set_read_only()``)."""
        with self._errors():
            query_only = self.db.conn.execute("PRAGMA query_only").fetchone()[0]
        return self._read_only or bool(query_only)

    def set_read_only(self, read_only: bool = True) -> None:
        """Refuse (or allow again) writes on this connection (``PRAGMA query_only``).

        Every later write raises ProjectFileError and changes nothing: the way to reproduce
        "cannot write" in tests, where root ignores file permissions.
        """
        with self._errors():
            self.db.conn.execute(f"PRAGMA query_only = {1 if read_only else 0}")
