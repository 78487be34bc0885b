"""The store refuses a span made or moved by hand onto white space; undo and redo of spans
that already have such edges (imported, or saved by an older version) still restore them."""

from __future__ import annotations

import pytest

from annotator.core.edits import AddSpan, Composite, RemoveSpan, Resize
from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatedDocument, Document, Span
from annotator.store import Repository

from .conftest import dump, find


@pytest.fixture(params=["text read first", "text not read"])
def doc_id(repo: Repository, article: str, request: pytest.FixtureRequest) -> int:
    """The document; the window reads it before editing (the check then uses that text),
    a script may not (the check reads the two edge characters from the file)."""
    doc = repo.add_document(AnnotatedDocument(Document(None, "t", article)), annotator="ali")
    assert doc is not None and doc.id is not None
    if request.param == "text read first":
        repo.annotated(doc.id)
    return doc.id


def test_a_new_span_ending_on_a_line_break_is_refused(
    repo: Repository, doc_id: int, article: str
) -> None:
    start, end = find(article, "والرقة")
    assert article[end] == "\n"  # the title line of the sample article ends with it
    before = dump(repo.path)
    with pytest.raises(ValidationError, match=r"ends with a line break"):
        repo.apply(AddSpan(Span(None, doc_id, start, end + 1, "LOC", "ali")))
    with pytest.raises(ValidationError, match=r"starts with a space"):
        repo.apply(AddSpan(Span(None, doc_id, start - 1, end, "LOC", "ali")))
    ok = Span(None, doc_id, start, end, "LOC", "ali")
    with pytest.raises(ValidationError, match=r"ends with a line break"):  # all or nothing
        repo.apply(Composite((AddSpan(ok), AddSpan(Span(None, doc_id, end - 2, end + 1, "ORG")))))
    assert dump(repo.path) == before
    repo.apply(AddSpan(ok))
    assert [(s.start, s.end) for s in repo.spans(doc_id)] == [(start, end)]


def test_a_resize_by_hand_onto_white_space_is_refused(
    repo: Repository, doc_id: int, article: str
) -> None:
    start, end = find(article, "والرقة")
    repo.apply(AddSpan(Span(None, doc_id, start, end, "LOC", "ali")))
    span_id = repo.spans(doc_id)[0].id or 0
    before = dump(repo.path)
    with pytest.raises(ValidationError, match=rf"span {span_id} \(LOC moved to .*line break"):
        repo.apply(Resize(span_id, start, end + 1))
    with pytest.raises(ValidationError, match=r"starts with a space"):
        repo.apply(Resize(span_id, start - 1, end))
    assert dump(repo.path) == before


def test_undo_and_redo_restore_a_span_whose_edges_predate_the_rule(
    repo: Repository, article: str
) -> None:
    start, end = find(article, "والرقة")
    old = Span(1, 0, start, end + 1, "LOC", "ali")  # as a file or an older version left it
    doc = repo.add_document(AnnotatedDocument(Document(None, "t", article), (old,)))
    assert doc is not None and doc.id is not None
    span_id = repo.spans(doc.id)[0].id or 0
    before = dump(repo.path)
    restore = repo.apply(RemoveSpan(span_id))  # AddSpan of the old span, with its id
    repo.apply(restore)
    assert dump(repo.path) == before
    repo.apply(repo.apply(Resize(span_id, start, end)))  # a fix, then its undo
    assert dump(repo.path) == before
    # a move by hand of the other edge keeps the line break: refused, with the reason
    with pytest.raises(ValidationError, match=r"ends with a line break"):
        repo.apply(Resize(span_id, start + 1, end + 1))
