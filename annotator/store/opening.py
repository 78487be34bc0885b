"""Opening a project file: refuse what is not ours, upgrade what is older (docs/adr/0026, 0028)."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from annotator.core.errors import ProjectFileError
from annotator.store.connection import connect, errors
from annotator.store.guard import close_connection
from annotator.store.schema import READABLE_FROM, check_file, migrate, schema_version
from annotator.store.verify import refuse_foreign


def open_database(
    path: Path, *, create: bool, timeout: float, read_only: bool, verify: bool = True
) -> Database:
    if not path.exists() and (not create or read_only):
        raise ProjectFileError(f"{path} does not exist")
    if path.exists() and path.is_dir():
        raise ProjectFileError(f"{path} is a folder, not a project file")
    db = connect(path, timeout=timeout, read_only=read_only)
    try:
        with errors(path):
            pending = check_file(db, path, create=create)
            version = schema_version(db)
            if verify and version > 0:
                refuse_foreign(db.conn, path, version)
        if pending and version > 0 and (read_only or not verify):
            if version < READABLE_FROM:
                raise ProjectFileError(
                    f"{path} needs an upgrade, which a read-only file cannot get"
                )
        elif pending:
            migrate(db, path)
    except BaseException:
        close_connection(db.conn)
        raise
    return db
