"""Every edit applies in one transaction and its inverse restores the database exactly."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Composite,
    Edit,
    Relabel,
    RemoveRelation,
    RemoveSpan,
    Resize,
    SetStatus,
    StatusWas,
)
from annotator.core.errors import NotFoundError, ValidationError
from annotator.core.model import Relation, Span, Status, StoredSpan
from annotator.store import Repository

from .conftest import annotated_article, dump, find


@pytest.fixture
def doc_id(repo: Repository, article: str) -> int:
    item = replace(annotated_article(article), status=Status.IN_PROGRESS)
    doc = repo.add_document(item, annotator="ali")
    assert repo.status(doc.id, "ali") is Status.IN_PROGRESS  # type: ignore[union-attr, arg-type]
    assert doc is not None and doc.id is not None
    return doc.id


def status_updated(repo: Repository, document_id: int, annotator: str) -> str:
    return str(
        repo.db.conn.execute(
            "SELECT updated FROM document_status WHERE document_id = ? AND annotator = ?",
            (document_id, annotator),
        ).fetchone()[0]
    )


def round_trip(repo: Repository, edit: Edit) -> Edit:
    """Apply, check the inverse restores the dump, redo, check we are back after the edit."""
    before = dump(repo.path)
    inverse = repo.apply(edit)
    after = dump(repo.path)
    assert after != before
    redo = repo.apply(inverse)
    assert dump(repo.path) == before
    assert repo.apply(redo) is not None
    assert dump(repo.path) == after
    return inverse


def test_add_span_store_picks_id(repo: Repository, doc_id: int, article: str) -> None:
    start, end = find(article, "أنقرة")
    inverse = round_trip(repo, AddSpan(Span(None, doc_id, start, end, "LOC", "ali")))
    span = repo.span(5)
    # ali's status was already in progress: no status change; the undo expects the span as added
    assert inverse == RemoveSpan(5, expect=span.updated)
    assert span.text_in(article) == "أنقرة"
    assert span.created == span.updated and span.created.endswith("+00:00")


def test_add_span_moves_new_document_to_in_progress(repo: Repository, doc_id: int) -> None:
    assert repo.status(doc_id, "sara") is Status.NEW
    inverse = round_trip(repo, AddSpan(Span(None, doc_id, 0, 6, "LOC", "sara")))
    bumped = StatusWas(Status.IN_PROGRESS, status_updated(repo, doc_id, "sara"))
    assert inverse == Composite(
        (RemoveSpan(5, repo.span(5).updated), SetStatus(doc_id, "sara", Status.NEW, expect=bumped))
    )
    assert repo.status(doc_id, "sara") is Status.IN_PROGRESS


def test_add_span_with_id_and_timestamps(repo: Repository, doc_id: int) -> None:
    span = StoredSpan(40, doc_id, 0, 6, "LOC", "ali", "2026-01-01T00:00:00.000001+00:00",
                "2026-01-02T00:00:00.000002+00:00", {"k": [1, "ب"]})  # fmt: skip
    round_trip(repo, AddSpan(span))
    assert repo.span(40) == span


def test_remove_span_brings_back_its_relations(repo: Repository, doc_id: int) -> None:
    speaker = repo.relations(doc_id)[0]
    carter = repo.span(speaker.target_id)
    inverse = round_trip(repo, RemoveSpan(carter.id))  # type: ignore[arg-type]
    assert inverse == Composite((AddSpan(carter), AddRelation(speaker)))
    assert repo.relations(doc_id) == []  # round_trip leaves the edit applied


def test_relabel_and_resize_restore_updated(repo: Repository, doc_id: int, article: str) -> None:
    span = next(s for s in repo.spans(doc_id) if s.label == "PER")
    inverse = round_trip(repo, Relabel(span.id, "ORG"))  # type: ignore[arg-type]
    relabelled = repo.span(span.id)  # type: ignore[arg-type]
    assert inverse == Relabel(span.id, "PER", span.updated, expect=relabelled.updated)  # type: ignore[arg-type]
    assert relabelled.label == "ORG" and relabelled.updated > span.updated
    start, end = find(article, "وزير الدفاع")
    inverse = round_trip(repo, Resize(span.id, start, end))  # type: ignore[arg-type]
    assert isinstance(inverse, Resize)
    assert (inverse.start, inverse.end) == (span.start, span.end)


def test_relations_add_remove(repo: Repository, doc_id: int) -> None:
    spans = repo.spans(doc_id)
    quote = next(s for s in spans if s.label == "QUOTE")
    mosul = next(s for s in spans if s.label == "LOC")
    inverse = round_trip(repo, AddRelation(Relation(None, "about", quote.id, mosul.id, "ali")))  # type: ignore[arg-type]
    assert isinstance(inverse, RemoveRelation)
    relation = repo.relations(doc_id)[0]
    assert round_trip(repo, RemoveRelation(relation.id)) == AddRelation(relation)  # type: ignore[arg-type]


def test_set_status(repo: Repository, doc_id: int) -> None:
    inverse = round_trip(repo, SetStatus(doc_id, "sara", Status.DONE))
    done = StatusWas(Status.DONE, status_updated(repo, doc_id, "sara"))
    assert inverse == SetStatus(doc_id, "sara", Status.NEW, expect=done)
    old = status_updated(repo, doc_id, "ali")
    inverse = round_trip(repo, SetStatus(doc_id, "ali", Status.DONE))
    done = StatusWas(Status.DONE, status_updated(repo, doc_id, "ali"))
    assert inverse == SetStatus(doc_id, "ali", Status.IN_PROGRESS, old, expect=done)
    round_trip(repo, SetStatus(doc_id, "ali", Status.NEW))
    assert repo.status(doc_id, "ali") is Status.NEW


def test_composite_inverse_in_reverse(repo: Repository, doc_id: int) -> None:
    edit = Composite(
        (
            AddSpan(Span(None, doc_id, 0, 6, "LOC", "sara")),
            Relabel(5, "ORG"),
            SetStatus(doc_id, "sara", Status.DONE),
            Composite((RemoveSpan(1),)),
        )
    )
    inverse = round_trip(repo, edit)
    assert isinstance(inverse, Composite)
    assert isinstance(inverse.edits[0], AddSpan) and inverse.edits[0].span.id == 1
    last = inverse.edits[-1]
    assert isinstance(last, SetStatus) and last.expect is not None
    assert (last.document_id, last.annotator, last.status) == (doc_id, "sara", Status.NEW)
    assert last.expect.status is Status.IN_PROGRESS


INVALID = [
    pytest.param(lambda d: AddSpan(Span(None, d, 5, 5, "LOC")), "0 <= start < end", id="empty"),
    pytest.param(lambda d: AddSpan(Span(None, d, -1, 5, "LOC")), "0 <= start", id="negative"),
    pytest.param(lambda d: AddSpan(Span(None, d, 0, 10**6, "LOC")), "text length", id="beyond"),
    pytest.param(lambda d: AddSpan(Span(None, d, 0, 5, "PERS")), "unknown label", id="label"),
    pytest.param(lambda d: AddSpan(Span(None, d + 1, 0, 5, "LOC")), "does not exist", id="doc"),
    pytest.param(lambda d: AddSpan(Span(1, d, 0, 5, "LOC")), "already used", id="id-used"),
    pytest.param(lambda d: Relabel(1, "NOPE"), "unknown label", id="relabel"),
    pytest.param(lambda d: Resize(1, 3, 2), "start < end", id="resize"),
    pytest.param(lambda d: AddRelation(Relation(None, "speaker", 2, 99)), "99 does not", id="rel"),
    pytest.param(lambda d: AddRelation(Relation(None, "speaker", 2, 2)), "itself", id="self"),
    pytest.param(lambda d: AddRelation(Relation(None, "", 2, 1)), "type is empty", id="type"),
    pytest.param(
        lambda d: Composite((SetStatus(d, "sara", Status.DONE), Relabel(1, "NOPE"))),
        "unknown label",
        id="composite-rolls-back",
    ),
]


@pytest.mark.parametrize(("make", "message"), INVALID)
def test_invalid_edits_write_nothing(repo: Repository, doc_id: int, make, message: str) -> None:  # type: ignore[no-untyped-def]
    before = dump(repo.path)
    with pytest.raises(ValidationError, match=message):
        repo.apply(make(doc_id))
    assert dump(repo.path) == before
    assert not repo.db.conn.in_transaction


def test_duplicate_span_refused(repo: Repository, doc_id: int) -> None:
    span = repo.span(1)
    with pytest.raises(ValidationError, match="already exists"):
        repo.apply(AddSpan(Span(None, doc_id, span.start, span.end, span.label, span.annotator)))
    # the same place for another annotator, or with another label, is a different span
    repo.apply(AddSpan(Span(None, doc_id, span.start, span.end, span.label, "sara")))
    repo.apply(AddSpan(Span(None, doc_id, span.start, span.end, "ORG", span.annotator)))


@pytest.mark.parametrize(
    "edit", [RemoveSpan(99), Relabel(99, "PER"), Resize(99, 0, 1), RemoveRelation(99)]
)
def test_missing_ids(repo: Repository, doc_id: int, edit: Edit) -> None:
    before = dump(repo.path)
    with pytest.raises(NotFoundError, match="99 does not exist"):
        repo.apply(edit)
    assert dump(repo.path) == before


def test_set_status_unknown_document(repo: Repository, doc_id: int) -> None:
    with pytest.raises(NotFoundError):
        repo.apply(SetStatus(doc_id + 5, "ali", Status.DONE))


def test_document_of(repo: Repository, doc_id: int) -> None:
    assert repo.document_of(AddSpan(Span(None, doc_id, 0, 1, "LOC"))) == doc_id
    assert repo.document_of(RemoveSpan(1)) == doc_id
    assert repo.document_of(Relabel(2, "PER")) == doc_id
    assert repo.document_of(Resize(3, 0, 2)) == doc_id
    assert repo.document_of(AddRelation(Relation(None, "speaker", 2, 1))) == doc_id
    assert repo.document_of(RemoveRelation(1)) == doc_id
    assert repo.document_of(SetStatus(doc_id, "a", Status.DONE)) == doc_id
    assert repo.document_of(Composite((RemoveSpan(99), RemoveSpan(2)))) == doc_id
    assert repo.document_of(RemoveSpan(99)) is None


def test_apply_nested_in_an_outer_transaction_is_a_savepoint(repo: Repository, doc_id: int) -> None:
    from annotator.store.connection import write

    before = dump(repo.path)
    with pytest.raises(RuntimeError), write(repo.db, repo.path):
        repo.apply(SetStatus(doc_id, "sara", Status.DONE))
        with pytest.raises(ValidationError):
            repo.apply(Relabel(1, "NOPE"))  # rolls back to its savepoint only
        assert repo.status(doc_id, "sara") is Status.DONE
        raise RuntimeError("abandon the outer transaction")
    assert dump(repo.path) == before


def test_file_path_in_dump(repo: Repository) -> None:
    assert isinstance(repo.path, Path)
