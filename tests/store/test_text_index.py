"""The texts' search index (schema 7, docs/adr/0060): filled by the migration, kept in step by
the import, watched by check and rebuilt by repair."""

from __future__ import annotations

import shutil
from pathlib import Path

from annotator.core.model import AnnotatedDocument, Document
from annotator.core.search import find_words
from annotator.store import open_project, text_index

FIXTURES = Path(__file__).parents[1] / "fixtures" / "projects"


def test_an_old_project_gets_the_index_and_it_names_where_find_finds(tmp_path: Path) -> None:
    path = tmp_path / "old.annot.db"
    shutil.copy(FIXTURES / "schema-6.annot.db", path)
    with open_project(path) as repo:  # migration 7
        texts = {d: repo.document(d).text for d in repo.document_ids()}
        words = {w for t in texts.values() for w in t.split()}
        for word in sorted(words):
            where = {d for d, t in texts.items() if find_words(t, word)}
            assert where <= set(repo.text_candidates(word)), word
        assert repo.text_candidates("انقره") == [d for d, t in texts.items() if "أنقرة" in t]
        assert repo.check() == []


def test_an_import_indexes_its_documents(tmp_path: Path) -> None:
    with open_project(tmp_path / "p.annot.db") as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, t, f"زار الوفد {t} أمس")) for t in ("بغداد", "دمشق")
        )
        assert repo.text_candidates("دمشق") == [2]
        repo.add_document(AnnotatedDocument(Document(None, "ب", "وصل الرئيس إلى دِمَشْق")))
        assert repo.text_candidates("دمشق") == [2, 3]
        assert repo.text_candidates("القاهرة") == []
        assert repo.text_candidates("في") == [1, 2, 3]  # too short for trigrams: every document
        assert repo.check() == []


def test_a_removed_document_leaves_the_index_in_step(tmp_path: Path) -> None:
    """No edit removes a document today; the index has the call for when one does."""
    with open_project(tmp_path / "p.annot.db") as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, t, f"نص عن {t}")) for t in ("بغداد", "دمشق")
        )
        conn = repo.db.conn
        with repo.transaction():
            text_index.forget(conn, [2])
            conn.execute("DELETE FROM documents WHERE id = 2")
        assert repo.text_candidates("دمشق") == []
        assert text_index.check(conn) == []


def test_check_sees_a_stale_index_and_repair_builds_it_again(tmp_path: Path) -> None:
    path = tmp_path / "p.annot.db"
    with open_project(path) as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, t, f"نص عن {t}")) for t in ("بغداد", "دمشق")
        )
        with repo.transaction():
            text_index.forget(repo.db.conn, [1])  # the index no longer names document 1
    with open_project(path, read_only=True) as repo:
        assert any("texts' search index differs" in p for p in repo.check())
    with open_project(path) as repo:
        assert any("texts' search index" in d for d in repo.repair())
        assert repo.check() == []
        assert repo.text_candidates("بغداد") == [1]
