"""check() finds what was corrupted by hand; stats() counts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.core.edits import AddSpan, SetStatus
from annotator.core.errors import ProjectFileError
from annotator.core.model import AnnotatedDocument, Document, Span, Status
from annotator.store import ProjectStats, Repository, open_project

from .conftest import annotated_article


def corrupt(path: Path, *statements: str) -> None:
    """Change the file behind the store's back, foreign keys off, as a careless tool would."""
    conn = sqlite3.connect(path, isolation_level=None)
    for sql in statements:
        conn.execute(sql)
    conn.close()


def test_clean_project_has_no_problems(repo: Repository, article: str) -> None:
    repo.add_document(annotated_article(article))
    assert repo.check() == []


def test_span_beyond_its_text(project_path: Path, article: str) -> None:
    with open_project(project_path) as repo:
        repo.add_document(annotated_article(article))
    corrupt(project_path, f'UPDATE spans SET "end" = {len(article) + 3} WHERE id = 3')
    with open_project(project_path) as repo:
        [problem] = repo.check()
    assert problem.startswith("span 3 (LOC at ") and "in document 1" in problem
    assert f"outside the text (must be 0 <= start < end <= {len(article)})" in problem


def test_text_edited_after_import(project_path: Path, article: str) -> None:
    with open_project(project_path) as repo:
        repo.add_document(annotated_article(article))
    corrupt(project_path, "UPDATE documents SET text = replace(text, 'داعش', 'داعس')")
    with open_project(project_path) as repo:
        assert repo.check() == [
            "document 1: the text does not match its sha256 (changed after import)"
        ]


def test_dangling_rows(project_path: Path, article: str) -> None:
    with open_project(project_path) as repo:
        repo.add_document(annotated_article(article))
        repo.add_document(
            AnnotatedDocument(Document(None, "b", "نص قصير"), (Span(1, 0, 0, 2, "LOC"),))
        )
    corrupt(
        project_path,
        "UPDATE spans SET label = 'GONE' WHERE id = 1",
        "UPDATE relations SET target_id = 5",  # span 5 is in document 2
        "INSERT INTO relations (type, source_id, target_id) VALUES ('speaker', 2, 77)",
        "UPDATE documents SET text = text || 'x', text_sha256 = 'y' WHERE id = 2",
    )
    with open_project(project_path) as repo:
        problems = repo.check()
    text = "\n".join(problems)
    assert "spans row 1 refers to a missing row of labels" in text
    assert "span 1 (GONE at" in text and "unknown label 'GONE'" in text
    assert (
        "relation 1 (speaker from span 2 to span 5): the spans are in different documents" in text
    )
    assert "relation 2 (speaker from span 2 to span 77): span 77 does not exist" in text
    assert "document 2: recorded length 7, but the text has 8 characters" in text
    assert "document 2: the text does not match its sha256" in text


def test_stats(repo: Repository, article: str) -> None:
    repo.ensure_annotator("nadia")
    repo.add_document(annotated_article(article), annotator="ali")
    repo.add_document(AnnotatedDocument(Document(None, "b", "نص قصير")))
    repo.add_document(AnnotatedDocument(Document(None, "c", "نص ثالث")))
    repo.apply(SetStatus(1, "ali", Status.DONE))
    repo.apply(AddSpan(Span(None, 2, 0, 2, "EVENT", "sara")))  # sara: document 2 in progress
    repo.apply(SetStatus(1, "sara", Status.IN_PROGRESS))
    stats = repo.stats()
    assert isinstance(stats, ProjectStats)
    assert (stats.documents, stats.spans, stats.relations) == (3, 5, 1)
    assert stats.by_status == {Status.NEW: 1, Status.IN_PROGRESS: 1, Status.DONE: 1}
    assert stats.by_annotator == {
        "ali": {Status.NEW: 2, Status.IN_PROGRESS: 0, Status.DONE: 1},
        "nadia": {Status.NEW: 3, Status.IN_PROGRESS: 0, Status.DONE: 0},
        "sara": {Status.NEW: 1, Status.IN_PROGRESS: 2, Status.DONE: 0},
    }
    assert stats.spans_by_label == {
        "PER": 1, "ORG": 0, "LOC": 2, "MISC": 0, "EVENT": 1, "QUOTE": 1,
    }  # fmt: skip
    assert stats.spans_by_annotator == {"ali": 4, "sara": 1}


def test_damaged_json_and_offsets_are_problems_and_reading_them_is_a_typed_error(
    project_path: Path, article: str
) -> None:
    """A careless tool writes what our schema cannot forbid: metadata or attributes that are
    not JSON objects, offsets that are not integers. check() names each one; reading the row
    is a ProjectFileError that says to run check, not a JSONDecodeError or a TypeError."""
    with open_project(project_path) as repo:
        repo.add_document(annotated_article(article))
    corrupt(
        project_path,
        "UPDATE documents SET meta = '{bad' WHERE id = 1",
        "UPDATE spans SET attributes = '[1]' WHERE id = 2",
        "UPDATE spans SET start = 0.5 WHERE id = 3",
        "UPDATE spans SET attributes = X'00FF' WHERE id = 4",
    )
    with open_project(project_path) as repo:
        problems = repo.check()
        assert problems[0] == "document 1: its metadata is not a JSON object: '{bad'"
        assert "span 3 (LOC at 0.5-" in problems[1] and problems[1].endswith(
            "the offsets are not integers"
        )
        assert problems[2:] == [
            "span 2: its attributes are not a JSON object: '[1]'",
            "span 4: its attributes are not a JSON object: X'00FF'",
        ]
        with pytest.raises(ProjectFileError, match="the metadata of document 1: not a JSON"):
            repo.document(1)
        with pytest.raises(ProjectFileError, match="annotator check"):
            repo.spans(1)
    corrupt(
        project_path,
        "UPDATE documents SET meta = '{}'",
        "UPDATE spans SET start = 1, attributes = '{}'",
        "UPDATE spans SET \"end\" = 'z' WHERE id = 1",
    )
    with open_project(project_path) as repo:
        assert [p.split(": ", 1)[1] for p in repo.check()] == ["the offsets are not integers"]
        with pytest.raises(ProjectFileError, match="span 1: offsets 1, 'z' are not integers"):
            repo.spans(1)
