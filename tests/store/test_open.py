"""Opening, creating, migrating and refusing project files."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlite_utils import Database

from annotator.core.edits import AddSpan, SetStatus
from annotator.core.errors import ProjectFileError
from annotator.core.model import (
    DEFAULT_LABELS,
    AnnotatedDocument,
    Document,
    Kind,
    Label,
    Span,
    Status,
)
from annotator.store import open_project
from annotator.store.schema import APPLICATION_ID, MIGRATIONS, migrate, schema_version

from .conftest import annotated_article, dump


def test_new_project_is_migrated_with_default_labels(project_path: Path) -> None:
    with open_project(project_path) as repo:
        assert repo.path == project_path
        assert repo.labels() == DEFAULT_LABELS
        assert repo.count_documents() == 0
        assert repo.check() == []
    conn = sqlite3.connect(project_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {
        "documents",
        "labels",
        "annotators",
        "spans",
        "relations",
        "document_status",
        "sqlite_sequence",  # AUTOINCREMENT's: span and relation ids are never reused
        "token_counts",  # the clitic evidence's word counts (schema 4)
        # the document list (schema 5): folded titles, their FTS5 index and its shadow
        # tables, span counts
        "title_keys",
        "title_search",
        "title_search_data",
        "title_search_idx",
        "title_search_config",
        "span_counts",
        # suggestions and their speaker links (schema 6)
        "suggestions",
        "suggested_links",
        # the project's gazetteers and recommender settings (schema 7)
        "gazetteers",
        "gazetteer_entries",
        "project_settings",
        # the texts' search index (schema 8): contentless, only its shadow tables hold rows
        "text_search",
        "text_search_data",
        "text_search_idx",
        "text_search_config",
        "trained_models",  # the project's own trained models (schema 9)
        "document_certainty",  # how sure the model is of each document (schema 10)
    }
    conn.close()


def test_connection_pragmas(repo) -> None:  # type: ignore[no-untyped-def]
    conn = repo.db.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_reopening_keeps_everything(project_path: Path, article: str) -> None:
    with open_project(project_path) as repo:
        doc = repo.add_document(annotated_article(article), annotator="ali")
        assert doc is not None
        repo.save_label(Label("PERS", Kind.ENTITY, "#123456"))
    before = dump(project_path)
    with open_project(project_path, create=False, timeout=1.0) as repo:
        assert repo.document(doc.id).text == article  # type: ignore[arg-type]
        assert "PERS" in repo.labels()
        assert repo.db.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 1000
    assert dump(project_path) == before


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="does not exist"):
        open_project(tmp_path / "nope.annot.db", create=False)
    assert not (tmp_path / "nope.annot.db").exists()


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="folder"):
        open_project(tmp_path)


def test_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.annot.db"
    path.write_text("هذا ليس ملف مشروع\n" * 200, encoding="utf-8")
    with pytest.raises(ProjectFileError, match=r"not a project file .*not an SQLite"):
        open_project(path)


def test_other_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with Database(path) as db:
        db["things"].insert({"a": 1})
    with pytest.raises(ProjectFileError, match="not an annotator project"):
        open_project(path)


def test_newer_schema(project_path: Path) -> None:
    open_project(project_path).close()
    conn = sqlite3.connect(project_path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(ProjectFileError, match="newer version"):
        open_project(project_path)


def test_empty_file_without_create(tmp_path: Path) -> None:
    path = tmp_path / "empty.annot.db"
    path.touch()
    with pytest.raises(ProjectFileError, match="empty"):
        open_project(path, create=False)
    with open_project(path) as repo:  # an empty file is a new project when create=True
        assert len(repo.labels()) == len(DEFAULT_LABELS)


def test_migrations_each_in_a_transaction(tmp_path: Path) -> None:
    """A later migration is appended; a failing one leaves the file at the previous version."""
    path = tmp_path / "m.annot.db"
    open_project(path).close()

    def m002_add_table(db: Database) -> None:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")

    def m003_broken(db: Database) -> None:
        db.execute("CREATE TABLE more (id INTEGER PRIMARY KEY)")
        raise RuntimeError("broken migration")

    db = Database(sqlite3.connect(path))
    with pytest.raises(RuntimeError):
        migrate(db, path, (*MIGRATIONS, m002_add_table, m003_broken))
    assert schema_version(db) == len(MIGRATIONS) + 1
    assert db["notes"].exists()
    assert not db["more"].exists()
    assert migrate(db, path, (*MIGRATIONS, m002_add_table)) == 0  # nothing pending, idempotent
    db.close()


def test_read_only_open_refuses_writes_and_changes_nothing(
    project_path: Path, article: str
) -> None:
    """Root ignores chmod, so "cannot write" is reproduced with SQLite's mode=ro."""
    with open_project(project_path) as repo:
        doc = repo.add_document(annotated_article(article))
        assert doc is not None and doc.id is not None
    before = dump(project_path)
    with open_project(project_path, read_only=True) as repo:
        assert repo.read_only
        assert repo.spans(doc.id)  # reading works
        with pytest.raises(ProjectFileError, match=r"test\.annot\.db cannot be written"):
            repo.apply(AddSpan(Span(None, doc.id, 0, 6, "LOC")))
        with pytest.raises(ProjectFileError, match="read-only"):
            repo.apply(SetStatus(doc.id, "ali", Status.DONE))
        with pytest.raises(ProjectFileError):
            repo.save_label(Label("X", Kind.ENTITY, "#000000"))
        assert repo.status(doc.id, "ali") is Status.NEW
    assert dump(project_path) == before


def test_set_read_only_then_writable_again(repo, article: str) -> None:  # type: ignore[no-untyped-def]
    doc = repo.add_document(annotated_article(article))
    before = dump(repo.path)
    repo.set_read_only()
    assert repo.read_only
    with pytest.raises(ProjectFileError, match="cannot be written"):
        repo.apply(AddSpan(Span(None, doc.id, 0, 6, "LOC")))
    assert dump(repo.path) == before
    repo.set_read_only(False)
    repo.apply(AddSpan(Span(None, doc.id, 0, 6, "LOC")))
    assert len(repo.spans(doc.id)) == 5


def test_read_only_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="does not exist"):
        open_project(tmp_path / "x.annot.db", read_only=True)


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="cannot be opened"):
        open_project(tmp_path / "no" / "such" / "folder" / "p.annot.db")


def test_full_disk_is_a_project_file_error(repo, article: str) -> None:  # type: ignore[no-untyped-def]
    """``max_page_count`` makes SQLite report SQLITE_FULL, as a full disk does."""
    pages = repo.db.conn.execute("PRAGMA page_count").fetchone()[0]
    repo.db.conn.execute(f"PRAGMA max_page_count = {pages}")
    before = dump(repo.path)
    with pytest.raises(ProjectFileError, match="disk is full"):
        repo.add_document(AnnotatedDocument(Document(None, "big", article * 20)))
    assert dump(repo.path) == before
    assert not repo.db.conn.in_transaction


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """The folder made read-only for real: chmod, or for root (who ignores it) the immutable
    attribute; skipped where neither holds."""
    folder.chmod(0o555)
    immutable = False
    try:
        if os.access(folder, os.W_OK):
            chattr = shutil.which("chattr")
            immutable = (
                chattr is not None
                and subprocess.run(
                    [chattr, "+i", str(folder)], capture_output=True, check=False
                ).returncode
                == 0
            )
            if not immutable:
                pytest.skip("cannot make a folder read-only here (root without chattr +i)")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_a_project_in_a_read_only_folder(tmp_path: Path, article: str) -> None:
    """A WAL project needs -wal and -shm files beside it: in a read-only folder, writing says
    so in plain words, and reading (stats, check, export) still works."""
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "p.annot.db"
    with open_project(path) as repo:
        repo.add_document(annotated_article(article))
    before = path.read_bytes()
    with read_only_folder(folder):
        with pytest.raises(ProjectFileError, match=r"its folder .* is read-only, and SQLite needs"):
            open_project(path)
        with pytest.raises(ProjectFileError, match=r"cannot be created: the folder .* read-only"):
            open_project(folder / "new.annot.db")
        with open_project(path, read_only=True) as repo:
            assert repo.count_documents() == 1
            assert repo.check() == []
        assert sorted(p.name for p in folder.iterdir()) == ["p.annot.db"]
    assert path.read_bytes() == before
