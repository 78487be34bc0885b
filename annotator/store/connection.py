"""Opening a project file, transactions, and turning SQLite errors into our typed errors.

Every write runs inside :func:`write` (``BEGIN IMMEDIATE``: the write lock is taken at the
start, so a second writer waits ``busy_timeout`` there and never half-way through an edit).
Nested calls become savepoints through sqlite-utils' ``Database.atomic``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from annotator.core.errors import (
    AnnotatorError,
    ProjectFileError,
    ProjectLockedError,
    ValidationError,
)
from annotator.store.guard import FileGuard, ProjectConnection


def now() -> str:
    """ISO 8601 UTC with microseconds: ``2026-11-24T10:31:02.123456+00:00``."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def connect(path: Path, *, timeout: float, read_only: bool) -> Database:
    """A sqlite-utils Database on ``path`` with our pragmas (WAL, foreign keys, busy timeout)."""
    try:
        if read_only:
            uri = "file:" + quote(str(path.absolute())) + "?mode=ro"
            if _read_only_folder(path) and not Path(f"{path}-wal").exists():
                # SQLite cannot create the -shm file a WAL project needs to be read; with no -wal
                # beside it nobody can be writing it, so it can be read as an immutable file.
                uri += "&immutable=1"
            conn = sqlite3.connect(uri, uri=True, timeout=timeout, factory=ProjectConnection)
        else:
            conn = sqlite3.connect(str(path), timeout=timeout, factory=ProjectConnection)
    except sqlite3.Error as exc:
        raise translate(exc, path) from exc
    db = Database(conn, execute_plugins=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        # a project file is untrusted input: no functions with side effects from its schema
        conn.execute("PRAGMA trusted_schema = OFF")
        if not read_only:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.guard = FileGuard(path)  # -wal and -shm exist once the journal mode is read
    except sqlite3.Error as exc:
        conn.close()
        raise translate(exc, path) from exc
    return db


def _read_only_folder(path: Path) -> bool:
    folder = path.absolute().parent
    return folder.is_dir() and not os.access(folder, os.W_OK)


def translate(exc: sqlite3.Error, path: Path) -> AnnotatorError:
    """The typed error, in plain words naming the file, for a SQLite error."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return ProjectLockedError(
            f"{path} is being written by another program; try again in a moment, "
            "or close the other window that has this project open"
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return ProjectFileError(f"{path} cannot be written: the file or its folder is read-only")
    if name == "SQLITE_FULL" or "disk is full" in text:
        return ProjectFileError(f"{path} cannot be written: the disk is full")
    if name == "SQLITE_NOTADB" or "not a database" in text:
        return ProjectFileError(f"{path} is not a project file (not an SQLite database)")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        if _read_only_folder(path):
            folder = path.absolute().parent
            if not path.exists():
                return ProjectFileError(
                    f"{path} cannot be created: the folder {folder} is read-only"
                )
            return ProjectFileError(
                f"{path} cannot be opened for writing: its folder {folder} is read-only, and "
                f"SQLite needs to create {path.name}-wal and {path.name}-shm beside it; "
                "copy the project to a folder you can write"
            )
        return ProjectFileError(f"{path} cannot be opened: {text}")
    if name.startswith("SQLITE_CONSTRAINT") or isinstance(exc, sqlite3.IntegrityError):
        return ValidationError(f"{path}: the change breaks a rule of the project: {text}")
    return ProjectFileError(f"{path}: {text}")


def guard_of(db: Database) -> FileGuard | None:
    return getattr(db.conn, "guard", None)


@contextmanager
def errors(path: Path, guard: FileGuard | None = None) -> Iterator[None]:
    """Turn any sqlite3 error raised inside into our typed errors (and a string SQLite cannot
    encode into a ValidationError). With the connection's ``guard``, nothing runs once its
    files were removed under it, and an error then says so rather than "malformed"."""
    if guard is not None and guard.detached is not None:
        guard.check()
    try:
        yield
    except sqlite3.Error as exc:
        if guard is not None:
            guard.check()
        raise translate(exc, path) from exc
    except UnicodeEncodeError as exc:  # a str SQLite cannot take: a lone surrogate (\ud800)
        raise ValidationError(
            f"{path}: cannot store {exc.object[max(0, exc.start - 20) : exc.end + 20]!r}: "
            f"it holds a lone UTF-16 surrogate U+{ord(exc.object[exc.start]):04X}, "
            "which is not a character"
        ) from exc


@contextmanager
def write(db: Database, path: Path) -> Iterator[None]:
    """One write transaction (``BEGIN IMMEDIATE``), or a savepoint when one is already open.

    Commits on success, rolls back on any exception; sqlite3 errors come out typed. The
    connection's files are checked just before the commit (a journal deleted under it: roll
    back, nothing is lost) and just after it (deleted during the commit: the caller is told
    the change may not be in the file).
    """
    conn = db.conn
    guard = guard_of(db)
    with errors(path, guard):
        if conn.in_transaction:
            with db.atomic():
                yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            if guard is not None:
                guard.check()
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if guard is not None:
            guard.check()


@contextmanager
def read(db: Database, path: Path) -> Iterator[None]:
    """A read transaction, so several queries see one snapshot (nested: no-op)."""
    conn = db.conn
    with errors(path, guard_of(db)):
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")
