"""A project file from elsewhere is untrusted input (docs/adr/0028): crafted files with the right
application id and version, made with plain sqlite3 as an attacker would."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.core.edits import AddSpan
from annotator.core.errors import ProjectFileError
from annotator.core.model import Span
from annotator.ops import check_project, repair_project
from annotator.store import open_project

from .conftest import annotated_article

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(project_path: Path, article: str) -> Path:
    with open_project(project_path) as repo:
        repo.add_document(annotated_article(article))
    return project_path


def craft(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    for sql in statements:
        conn.execute(sql)
    conn.close()


def spans_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM spans").fetchone()[0])
    finally:
        conn.close()


TRIGGER = (
    "CREATE TRIGGER wipe AFTER INSERT ON spans BEGIN DELETE FROM spans WHERE id <> new.id; END"
)


def test_a_foreign_trigger_is_refused_reported_and_repaired(project: Path) -> None:
    craft(project, TRIGGER)
    with pytest.raises(ProjectFileError, match=r"trigger 'wipe' was not made by this program"):
        open_project(project, create=False)
    with pytest.raises(ProjectFileError, match="trigger"):
        open_project(project, create=False, read_only=True)
    problems = check_project(project)
    assert problems and "trigger" in problems[0] and "--repair" in problems[0]
    backup, done = repair_project(project)
    assert done == [
        "removed: trigger 'wipe' was not made by this program"
        " (a trigger can change or delete annotations on any edit)"
    ]
    assert backup.name == "test.before-repair.annot.db" and backup.exists()
    assert check_project(project) == []
    with open_project(project, create=False) as repo:
        repo.apply(AddSpan(Span(None, 1, 0, 3, "EVENT", "a")))
    assert spans_in(project) == 5  # the four imported ones are still there
    with pytest.raises(ProjectFileError, match="trigger"):
        open_project(backup, create=False)  # the copy is the file as it was


def test_a_view_in_place_of_a_table_never_hangs_a_command(project: Path) -> None:
    """The documents table replaced by a view that never ends: every command refuses at once
    (it runs in a child with a timeout: a hang fails the test, not the suite)."""
    craft(
        project,
        "PRAGMA foreign_keys = OFF",
        "ALTER TABLE documents RENAME TO old_documents",
        "CREATE VIEW documents AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
        " SELECT i AS id, '' AS title, 0 AS length, '' AS text FROM n",
    )
    for command in (["stats"], ["check"], ["export", "--out", str(project.parent / "out")]):
        result = subprocess.run(
            [sys.executable, "-m", "annotator", *command, str(project)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=ROOT,
        )
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stderr
    assert any(
        "the view 'documents'" in p or "view 'documents'" in p for p in check_project(project)
    )
    with pytest.raises(ProjectFileError, match="cannot be repaired"):
        repair_project(project)


def test_a_changed_table_is_refused(project: Path) -> None:
    craft(project, "ALTER TABLE spans ADD COLUMN extra TEXT")
    with pytest.raises(ProjectFileError, match="table 'spans' is not as this program makes"):
        open_project(project, create=False)
    assert "the data was not checked" in check_project(project)[-1]


def test_a_blob_text_and_an_unknown_kind_are_one_line_errors(project: Path) -> None:
    craft(
        project,
        "UPDATE documents SET text = CAST(text AS BLOB)",
        "UPDATE labels SET kind = 'nominal' WHERE name = 'MISC'",
    )
    with open_project(project, create=False) as repo:
        with pytest.raises(ProjectFileError, match="the text of document 1 is bytes, not text"):
            repo.document(1)
        with pytest.raises(ProjectFileError, match="kind of label 'MISC'"):
            repo.labels()
    problems = check_project(project)
    assert "document 1: its text is bytes, not text" in problems
    assert "label 'MISC': unknown kind 'nominal' (entity, event or quote)" in problems
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "export", str(project), "--out", str(project.parent)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_connections_do_not_trust_the_schema(project: Path) -> None:
    with open_project(project, create=False) as repo:
        assert repo.db.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
