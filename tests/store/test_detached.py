"""The project's journal removed under an open connection (docs/adr/0016).

The hazard is real and reproduced here as the window met it: this process opens and closes
its own descriptor of the project file and of its -shm (which drops SQLite's POSIX locks), then
another process opens and closes the project, checkpoints and deletes -wal and -shm. The guard
must refuse every later write (nothing shown is lost), and closing the stale connection must not
checkpoint its journal over the other program's later writes.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.edits import AddSpan
from annotator.core.errors import ProjectFileError
from annotator.core.model import Span
from annotator.store import open_project
from annotator.store.guard import ProjectDetachedError, no_checkpoint_on_close

from .conftest import annotated_article

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")


def drop_locks(path: Path) -> None:
    """What a file dialog did: open and close the project's files in this process."""
    for suffix in ("", "-shm", "-wal"):
        os.close(os.open(f"{path}{suffix}", os.O_RDONLY))


def other_program(path: Path, sql: str = "SELECT count(*) FROM spans") -> None:
    """Another program (sqlite3, an `annotator import`) that opens, uses and closes the file."""
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.executescript(sys.argv[2])\n"
        "c.close()\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path), sql], check=True)


def spans_seen_by_another_process(path: Path) -> int:
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "print(c.execute('PRAGMA integrity_check').fetchone()[0],"
        " c.execute('SELECT count(*) FROM spans').fetchone()[0])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], check=True, capture_output=True, text=True
    ).stdout.split()
    assert out[0] == "ok"
    return int(out[1])


def test_a_write_after_the_journal_vanished_is_refused_and_reopen_goes_on(
    project_path: Path, article: str
) -> None:
    repo = open_project(project_path)
    try:
        repo.add_document(annotated_article(article))
        repo.apply(AddSpan(Span(None, 1, 0, 3, "EVENT", "a")))
        drop_locks(project_path)
        other_program(project_path)
        assert not Path(f"{project_path}-wal").exists()  # the hazard happened
        with pytest.raises(ProjectDetachedError, match=r"test\.annot\.db-wal was deleted"):
            repo.apply(AddSpan(Span(None, 1, 5, 9, "EVENT", "a")))
        with pytest.raises(ProjectDetachedError):  # reads too: they would be stale
            repo.spans(1)
        assert spans_seen_by_another_process(project_path) == 5  # 4 imported + the first edit
        repo.reopen()
        repo.apply(AddSpan(Span(None, 1, 5, 9, "EVENT", "a")))
        assert len(repo.spans(1)) == 6
    finally:
        repo.close()
    assert spans_seen_by_another_process(project_path) == 6


def test_closing_a_detached_connection_keeps_the_other_programs_writes(
    project_path: Path, article: str
) -> None:
    """Without the guard, closing here checkpointed the stale journal and truncated the file
    (measured: 1.2 MB cut to 8 kB, "database disk image is malformed")."""
    repo = open_project(project_path)
    repo.add_document(annotated_article(article))
    drop_locks(project_path)
    other_program(project_path)
    with pytest.raises(ProjectDetachedError):
        repo.apply(AddSpan(Span(None, 1, 0, 3, "EVENT", "a")))
    other_program(
        project_path,
        "CREATE TABLE filler (x); " + "INSERT INTO filler SELECT randomblob(3000) FROM"
        " (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
        " SELECT i FROM n);"
        ' INSERT INTO spans (document_id, start, "end", label, created, updated)'
        " VALUES (1, 0, 3, 'EVENT', 'x', 'x');",
    )
    repo.close()
    assert spans_seen_by_another_process(project_path) == 5


def test_no_checkpoint_on_close_is_available_on_this_python(project_path: Path) -> None:
    """Python 3.12+ through setconfig, 3.11 through the library itself; never a silent no."""
    repo = open_project(project_path)
    try:
        assert no_checkpoint_on_close(repo.db.conn)
    finally:
        repo.close()
    assert isinstance(repo.db.conn, sqlite3.Connection)


def test_the_guard_sees_a_replaced_project_file(project_path: Path, tmp_path: Path) -> None:
    repo = open_project(project_path)
    try:
        copy = tmp_path / "copy.db"
        copy.write_bytes(b"")
        os.replace(copy, project_path)  # another program saved a file over the project
        with pytest.raises(ProjectDetachedError, match="replaced"):
            repo.check_files()
    finally:
        repo.close()


def test_a_failed_reopen_keeps_every_call_typed_and_a_later_one_succeeds(
    project_path: Path, article: str, tmp_path: Path
) -> None:
    """While the file cannot be opened again (moved away, say), every call raises the typed
    error, never "cannot operate on a closed database"; once it is back, reopen goes on."""
    repo = open_project(project_path)
    try:
        repo.add_document(annotated_article(article))
        aside = tmp_path / "aside.db"
        os.replace(project_path, aside)
        with pytest.raises(ProjectDetachedError):
            repo.check_files()
        with pytest.raises(ProjectFileError):
            repo.reopen()
        with pytest.raises(ProjectDetachedError):
            repo.spans(1)
        with pytest.raises(ProjectDetachedError):
            repo.check_files()
        os.replace(aside, project_path)
        repo.reopen()
        assert len(repo.spans(1)) == 4
    finally:
        repo.close()
