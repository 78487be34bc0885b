"""The project file and its journal as this connection opened them (docs/adr/0016).

SQLite's POSIX locks belong to the process, not to the connection: closing *any* descriptor of
the project file in this process (a file dialog reading it to show its type, a copy, a header
check) silently drops the locks of our connection (sqlite.org/howtocorrupt.html §2.2). Another
program that then opens and closes the project believes it is the last user, checkpoints and
deletes ``-wal`` and ``-shm``; our connection goes on committing into the deleted ``-wal``, every
later edit is shown and never reaches the file, and closing our connection normally
checkpoints that stale journal over the other program's pages and truncates the file.

The code never opens the project files besides the connection (the dialogs and the importer
see to that); this guard is the second line. It records the (device, inode) of the three files
when the connection opens, and :meth:`FileGuard.check` (before and after every commit, and on
the window's timer) raises :class:`ProjectDetachedError` once one of them is gone or replaced.
From then on the connection refuses every statement and closes without a checkpoint.
"""

from __future__ import annotations

import ctypes
import os
import sqlite3
import sys
from pathlib import Path

from annotator.core.errors import ProjectFileError

COMPANIONS = ("-wal", "-shm")
SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE = 1006

FileId = tuple[int, int]


class ProjectDetachedError(ProjectFileError):
    """The project's journal (or the file itself) was removed or replaced under the open
    connection: nothing more can be read or written through it; reopen the project."""


def file_id(path: Path) -> FileId | None:
    """(device, inode) of ``path`` (a stat, never an open); None if it does not exist."""
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return st.st_dev, st.st_ino


class FileGuard:
    """Identities of the project file and its ``-wal``/``-shm`` as the connection opened them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.names = {"": path, **{s: Path(f"{path}{s}") for s in COMPANIONS}}
        self.ids: dict[str, FileId | None] = {s: file_id(p) for s, p in self.names.items()}
        self.detached: str | None = None  # why, once detected

    def own_ids(self) -> set[FileId]:
        """The identities of the files this connection holds (for importers to skip)."""
        return {i for i in self.ids.values() if i is not None}

    def check(self) -> None:
        """Raise ProjectDetachedError if a file was deleted or replaced since the open."""
        if self.detached is None:
            for suffix, path in self.names.items():
                now = file_id(path)
                before = self.ids[suffix]
                if before is None:
                    self.ids[suffix] = now  # created after the open (first read): keep it
                elif now != before:
                    what = "deleted" if now is None else "replaced by another file"
                    self.detached = f"{path.name} was {what} by another program"
                    break
        if self.detached is not None:
            raise ProjectDetachedError(
                f"{self.path}: {self.detached} while this program had the project open "
                "(a program that closed the project while this one had lost its file locks); "
                "nothing more is read or written through this connection: open the project again"
            )


class ProjectConnection(sqlite3.Connection):
    """A connection that knows the files it opened (``guard``, None for read-only ones)."""

    guard: FileGuard | None = None


def close_connection(conn: sqlite3.Connection) -> None:
    """Close ``conn``; a detached one without the checkpoint SQLite runs on the last close,
    which would copy the stale journal over newer pages of the file."""
    if _closed(conn):
        return
    guard = getattr(conn, "guard", None)
    if guard is not None:
        try:
            guard.check()
        except ProjectDetachedError:
            if not no_checkpoint_on_close(conn):
                _KEPT_OPEN.append(conn)  # never closed: better than a corrupted project
                return
    conn.close()


_KEPT_OPEN: list[sqlite3.Connection] = []


def _closed(conn: sqlite3.Connection) -> bool:
    try:
        conn.total_changes  # noqa: B018 - raises on a closed connection, runs no SQL
    except sqlite3.ProgrammingError:
        return True
    return False


def no_checkpoint_on_close(conn: sqlite3.Connection) -> bool:
    """Set SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE on ``conn``; False if this Python cannot."""
    if _closed(conn):
        return False
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        setconfig(SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, True)
        return True
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return False
    # Python 3.11's Connection object starts with its sqlite3* after the object header.
    import _sqlite3

    try:
        library = ctypes.CDLL(_sqlite3.__file__)
        handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
        if not handle:
            return False
        filename = library.sqlite3_db_filename
        filename.restype = ctypes.c_char_p
        filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        known = os.fsdecode(filename(handle, b"main") or b"")
    except (OSError, AttributeError, ValueError):
        return False
    guard = getattr(conn, "guard", None)
    if guard is None or os.path.realpath(known) != os.path.realpath(guard.path):
        return False  # not the handle we think: do not touch it
    result = ctypes.c_int(-1)
    config = library.sqlite3_db_config
    config.restype = ctypes.c_int
    rc = config(
        ctypes.c_void_p(handle),
        ctypes.c_int(SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE),
        ctypes.c_int(1),
        ctypes.byref(result),
    )
    return rc == 0 and result.value == 1
