"""The clitic evidence kept in the project file (schema 4, docs/adr/0045): the folded word
counts of the whole project, filled as documents are imported, and each span's own text, kept
right under every edit, undo and import; an older file read as it is gives the same."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from annotator.core.edits import AddSpan, Composite, RemoveSpan, Resize
from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.core.search import fold
from annotator.core.tokens import word_tokens
from annotator.store import Repository, open_project
from annotator.store.evidence import folded_counts

from .conftest import FIXTURES, annotated_article, find

SECOND = "وصل وزير الخارجية إلى أنقرة في زيارة لتركيا، وقال إن تركيا شريك."


def stored_texts(repo: Repository, document_id: int) -> dict[int, str]:
    return dict(repo.span_texts_of(document_id))


def sliced(repo: Repository, document_id: int) -> dict[int, str]:
    text = repo.document(document_id).text
    return {s.id: text[s.start : s.end] for s in repo.spans(document_id)}


def test_the_word_counts_grow_with_every_import_and_only_then(
    repo: Repository, article: str
) -> None:
    first = repo.add_document(annotated_article(article))
    assert first is not None and first.id is not None
    counts = repo.token_counts()
    assert counts == folded_counts([article])
    assert counts[fold("لتركيا")] == sum(1 for w in word_tokens(article) if w == "لتركيا")
    repo.add_document(AnnotatedDocument(Document(None, "ثانية", SECOND)))
    repo.add_document(AnnotatedDocument(Document(None, "again", SECOND)))  # a duplicate text
    assert repo.token_counts() == folded_counts([article, SECOND])
    assert repo.token_counts()["تركيا"] == counts.get("تركيا", 0) + 1
    before = repo.token_counts()
    repo.apply(AddSpan(Span(None, first.id, *find(article, "أنقرة"), "LOC", "amal")))
    assert repo.token_counts() == before  # spans are no words: the counts are the texts'
    assert repo.check() == []


def test_a_span_stores_its_text_under_every_edit_and_undo(repo: Repository, article: str) -> None:
    doc = repo.add_document(annotated_article(article))
    assert doc is not None and doc.id is not None
    assert stored_texts(repo, doc.id) == sliced(repo, doc.id)
    assert "الرقة" in stored_texts(repo, doc.id).values()
    repo.document(doc.id)  # the text the window has read: sliced from it
    add = repo.apply(AddSpan(Span(None, doc.id, *find(article, "لتركيا"), "LOC", "amal")))
    first = add.edits[0] if isinstance(add, Composite) else add
    assert isinstance(first, RemoveSpan)
    new_id = first.span_id
    assert stored_texts(repo, doc.id)[new_id] == "لتركيا"
    start, end = find(article, "لتركيا")
    back = repo.apply(Resize(new_id, start + 1, end))
    assert stored_texts(repo, doc.id)[new_id] == "تركيا"
    repo.apply(back)
    assert stored_texts(repo, doc.id)[new_id] == "لتركيا"
    restore = repo.apply(RemoveSpan(new_id))
    assert new_id not in stored_texts(repo, doc.id)
    repo.apply(restore)  # the undo brings the span back with its id and its text
    assert stored_texts(repo, doc.id)[new_id] == "لتركيا"
    assert stored_texts(repo, doc.id) == sliced(repo, doc.id)
    assert repo.check() == []


def test_a_span_text_without_the_read_text_is_read_by_code_points(
    project_path: Path, article: str
) -> None:
    """Another connection, which never read the document: SQLite's substr, in code points
    (an emoji before the span is one, not two UTF-16 units)."""
    text = "😀 قال الرئيس في واشنطن\n"
    with open_project(project_path) as repo:
        doc = repo.add_document(AnnotatedDocument(Document(None, "t", text)))
        assert doc is not None and doc.id is not None
    with open_project(project_path) as other:
        other.apply(AddSpan(Span(None, doc.id, *find(text, "واشنطن"), "LOC", "amal")))
        assert list(stored_texts(other, doc.id).values()) == ["واشنطن"]


def test_span_text_counts_leave_out_one_document(repo: Repository, article: str) -> None:
    first = repo.add_document(annotated_article(article))
    second = repo.add_document(
        AnnotatedDocument(
            Document(None, "ثانية", SECOND), (Span(1, 0, *find(SECOND, "أنقرة"), "LOC"),)
        )
    )
    assert first is not None and second is not None
    everything = dict(repo.span_text_counts())
    assert everything["أنقرة"] == 1 and everything["الرقة"] == 1
    assert "أنقرة" not in dict(repo.span_text_counts(except_document=second.id))
    assert "الرقة" not in dict(repo.span_text_counts(except_document=first.id))


def test_an_older_file_read_as_it_is_gives_the_same_evidence(tmp_path: Path) -> None:
    """A read-only open does not upgrade a schema-3 file: its evidence comes from the texts,
    equal to what the upgrade stores."""
    old = tmp_path / "old.annot.db"
    shutil.copy(FIXTURES / "projects" / "schema-3.annot.db", old)
    with open_project(old, create=False, read_only=True) as repo:
        counts, texts = repo.token_counts(), repo.span_text_counts()
        by_document = {d: stored_texts(repo, d) for d in repo.document_ids()}
    with open_project(old, create=False) as repo:  # upgraded
        assert repo.token_counts() == counts
        assert sorted(repo.span_text_counts()) == sorted(texts)
        assert {d: stored_texts(repo, d) for d in repo.document_ids()} == by_document
        assert repo.check() == []


def test_check_names_a_wrong_stored_text_and_repair_writes_it_again(
    repo: Repository, project_path: Path, article: str
) -> None:
    repo.add_document(annotated_article(article))
    conn = sqlite3.connect(project_path)
    with conn:
        conn.execute("UPDATE spans SET text = 'والرقة' WHERE text = 'الرقة'")
        conn.execute("UPDATE token_counts SET count = count + 1 WHERE key = 'واشنطن'")
    conn.close()
    problems = repo.check()
    assert len(problems) == 2
    assert "1 span(s) store a text other than" in problems[0]
    assert "token counts" in problems[1]
    assert any("clitic evidence" in line for line in repo.repair())
    assert repo.check() == []


def test_a_composite_of_adds_stores_every_text(repo: Repository, article: str) -> None:
    doc = repo.add_document(AnnotatedDocument(Document(None, "t", article)))
    assert doc is not None and doc.id is not None
    repo.apply(
        Composite(
            tuple(
                AddSpan(Span(None, doc.id, *find(article, w), "LOC", "amal"))
                for w in ("واشنطن", "أنقرة")
            )
        )
    )
    assert sorted(stored_texts(repo, doc.id).values()) == ["أنقرة", "واشنطن"]


def test_counting_by_pieces_is_counting_every_token(article: str) -> None:
    """The import counts white-space-separated pieces once each: the same as folding every
    word token of the texts (ANERcorp's excerpt, the article, marks, tatweel, numbers)."""
    texts = [article, (FIXTURES / "anercorp_sample.txt").read_text(encoding="utf-8"),
             "بـ34.3% وَالرَّقّة  لـ«رويترز» ٢٥٪ ﻭﺍﻟﺮﻗﺔ\u00a0الرقة\tO'Donnell 1931–32"]  # fmt: skip
    expected: dict[str, int] = {}
    for text in texts:
        for word in word_tokens(text):
            if fold(word):
                expected[fold(word)] = expected.get(fold(word), 0) + 1
    assert folded_counts(texts) == expected
