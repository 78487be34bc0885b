"""Many spans removed in one edit (store/spans_bulk_remove.py): the undo of a project-wide
label-all does what the usual path (``edits_apply.apply_edit``, step by step) does: the same
rows, links, statuses, counts and inverse, the same refusal with the same message, on a real
project file."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from annotator.core.edits import (
    AddRelation,
    AddSpan,
    Composite,
    Edit,
    Relabel,
    RemoveRelation,
    RemoveSpan,
    SetStatus,
)
from annotator.core.errors import AnnotatorError
from annotator.core.model import Relation, Span, Status
from annotator.store import Repository, edits_apply, spans_bulk_remove, spans_bulk_restore
from annotator.store.connection import write
from tests.store.test_spans_bulk import TEXTS, _edit, _project


def _usual(repo: Repository, path: Path, edit: Edit, actor: str | None = None) -> Edit:
    with write(repo.db, path):
        return edits_apply.apply_edit(repo.db.conn, edit, actor=actor)


def _state(repo: Repository) -> tuple[list[Any], ...]:
    conn = repo.db.conn
    return (
        conn.execute(
            'SELECT id, document_id, start, "end", label, annotator, attributes, text FROM spans'
            " ORDER BY id"
        ).fetchall(),
        conn.execute("SELECT * FROM relations ORDER BY id").fetchall(),
        conn.execute(
            "SELECT document_id, annotator, status FROM document_status ORDER BY 1, 2"
        ).fetchall(),
        conn.execute("SELECT * FROM span_counts ORDER BY 1").fetchall(),
    )


def _shape(edit: Edit) -> list[tuple[Any, ...]]:
    """An edit's steps without their time stamps."""
    steps = edit.edits if isinstance(edit, Composite) else (edit,)
    out: list[tuple[Any, ...]] = []
    for e in steps:
        match e:
            case AddSpan(span=s):
                out.append(("add", s.id, s.document_id, s.start, s.end, s.label, s.annotator))
            case AddRelation(relation=r):
                out.append(("link", r.id, r.source_id, r.target_id))
            case SetStatus():
                out.append(("status", e.document_id, e.annotator, Status(e.status)))
            case RemoveSpan():
                out.append(("remove", e.span_id))
            case RemoveRelation():
                out.append(("unlink", e.relation_id))
            case _:
                raise AssertionError(e)
    return out


def _labelled(path: Path) -> tuple[Repository, Edit]:
    """A project after a label-all of ORG (amal's and huda's spans) that also made one of
    amal's quotes, and two speaker links of amal's: from that quote (both ends removed by the
    undo) and from a quote made apart (one end kept)."""
    repo = _project(path)
    adds = [AddSpan(replace(e.span, label="ORG")) for e in _edit().edits if isinstance(e, AddSpan)]
    doc = next(a.span.document_id for a in adds if a.span.annotator == "amal")
    text = TEXTS[doc - 1]
    one = text.index(" ")  # the first two words: the two quotes
    two = text.index(" ", one + 1)
    quote = AddSpan(Span(None, doc, 0, one, "QUOTE", "amal"))
    inverse = repo.apply(Composite((quote, *adds)))
    ids = [e.span_id for e in inverse.edits if isinstance(e, RemoveSpan)]
    spans = {i: repo.span(i) for i in ids}
    quote_id = next(i for i in ids if spans[i].label == "QUOTE")
    speaker = next(i for i in ids if spans[i].document_id == doc and spans[i].label == "ORG")
    kept = repo.apply(AddSpan(Span(None, doc, one + 1, two, "QUOTE", "amal")))
    kept_id = next(e.span_id for e in _steps(kept) if isinstance(e, RemoveSpan))
    for source in (quote_id, kept_id):
        repo.apply(AddRelation(Relation(None, "speaker", source, speaker, "amal")))
    return repo, inverse


def _steps(edit: Edit) -> tuple[Edit, ...]:
    return edit.edits if isinstance(edit, Composite) else (edit,)


def test_the_undo_of_a_label_all_is_the_usual_paths(tmp_path: Path) -> None:
    bulk, undo = _labelled(tmp_path / "a.annot.db")
    usual, expected_undo = _labelled(tmp_path / "b.annot.db")
    assert _shape(undo) == _shape(expected_undo) and len(undo.edits) > 50
    assert spans_bulk_remove.removals(undo) is not None  # the undo takes the bulk way
    assert spans_bulk_remove.removals(Composite(undo.edits[:1])) is None  # one step: usual
    assert _state(bulk)[1]  # the link is there, and goes with the span
    redo = bulk.apply(undo)
    expected_redo = _usual(usual, tmp_path / "b.annot.db", expected_undo)
    assert _state(bulk) == _state(usual)
    assert _shape(redo) == _shape(expected_redo)
    assert any(isinstance(e, AddRelation) for e in redo.edits)  # the link comes back
    assert spans_bulk_restore.restores(redo) is not None  # the redo takes the bulk way too
    again = bulk.apply(redo)
    expected_again = _usual(usual, tmp_path / "b.annot.db", expected_redo)
    assert _state(bulk) == _state(usual)
    assert _shape(again) == _shape(expected_again)
    assert spans_bulk_remove.removals(again) is not None  # links and spans, the bulk way
    assert any(isinstance(e, RemoveRelation) for e in again.edits)
    bulk.apply(again)
    _usual(usual, tmp_path / "b.annot.db", expected_again)
    assert _state(bulk) == _state(usual)
    assert not any(r[5] == "amal" and r[4] == "LOC" for r in _state(bulk)[0])
    bulk.close()
    usual.close()


def _refused(
    tmp_path: Path,
    name: str,
    change: Any,
    actor: str | None = None,
    *,
    redo: bool = False,
    again: bool = False,
) -> str:
    """The message of undoing the label-all (with ``redo``: of redoing it after its undo;
    ``again``: of undoing that redo)
    after ``change(repo, edit)``, and that nothing was written; the same on a second project
    by the usual path."""
    messages = []
    for way in ("bulk", "usual"):
        path = tmp_path / f"{name}-{way}.annot.db"
        repo, undo = _labelled(path)
        if redo or again:
            undo = repo.apply(undo)
        if again:
            undo = repo.apply(undo)
        undo = change(repo, undo)
        before = _state(repo)
        with pytest.raises(AnnotatorError) as raised:
            if way == "bulk":
                repo.apply(undo, actor=actor)
            else:
                _usual(repo, path, undo, actor)
        assert _state(repo) == before  # nothing half-written
        stamp = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+\+00:00", "TIME", str(raised.value))
        messages.append((type(raised.value), stamp))
        repo.close()
    assert messages[0] == messages[1]
    return messages[0][1]


def _nth_remove(undo: Edit, n: int) -> RemoveSpan:
    removes = [e for e in undo.edits if isinstance(e, RemoveSpan)]
    return removes[n]


def test_a_span_changed_since_is_the_same_conflict(tmp_path: Path) -> None:
    def change(repo: Repository, undo: Edit) -> Edit:
        repo.apply(Relabel(_nth_remove(undo, 30).span_id, "PER"))
        return undo

    assert "was changed since by another window" in _refused(tmp_path, "relabelled", change)


def test_a_span_gone_is_the_same_conflict(tmp_path: Path) -> None:
    def change(repo: Repository, undo: Edit) -> Edit:
        repo.apply(RemoveSpan(_nth_remove(undo, 40).span_id))
        return undo

    assert "no longer exists" in _refused(tmp_path, "gone", change)


def test_a_status_changed_since_is_the_same_conflict(tmp_path: Path) -> None:
    def change(repo: Repository, undo: Edit) -> Edit:
        status = next(e for e in undo.edits if isinstance(e, SetStatus))
        repo.apply(SetStatus(status.document_id, status.annotator, Status.DONE))
        return undo

    assert "status of document" in _refused(tmp_path, "done", change)


def test_another_annotators_span_is_refused_the_same_way(tmp_path: Path) -> None:
    message = _refused(tmp_path, "theirs", lambda repo, undo: undo, actor="amal")
    assert "is the work of 'huda'" in message


def test_a_span_removed_twice_goes_the_usual_way(tmp_path: Path) -> None:
    def change(repo: Repository, undo: Edit) -> Edit:
        return Composite((*undo.edits, replace(_nth_remove(undo, 0), expect=None)))

    assert "does not exist" in _refused(tmp_path, "twice", change)


def test_a_redo_onto_a_span_made_since_is_the_same_refusal(tmp_path: Path) -> None:
    def change(repo: Repository, redo: Edit) -> Edit:
        adds = [e for e in redo.edits if isinstance(e, AddSpan)]
        repo.apply(AddSpan(replace(adds[25].span, id=None, created=None, updated=None)))
        return redo

    message = _refused(tmp_path, "made-again", change, redo=True)
    assert "the same span already exists" in message


def test_a_redo_after_a_status_changed_is_the_same_conflict(tmp_path: Path) -> None:
    def change(repo: Repository, redo: Edit) -> Edit:
        status = next(e for e in redo.edits if isinstance(e, SetStatus))
        repo.apply(SetStatus(status.document_id, status.annotator, Status.DONE))
        return redo

    assert "status of document" in _refused(tmp_path, "redo-done", change, redo=True)


def test_a_redo_of_anothers_spans_is_refused_the_same_way(tmp_path: Path) -> None:
    message = _refused(tmp_path, "redo-theirs", lambda r, e: e, actor="amal", redo=True)
    assert "is the work of 'huda'" in message


def test_undoing_the_redo_after_its_link_was_removed_is_the_same_conflict(tmp_path: Path) -> None:
    def change(repo: Repository, undo: Edit) -> Edit:
        unlink = next(e for e in undo.edits if isinstance(e, RemoveRelation))
        repo.apply(RemoveRelation(unlink.relation_id))
        return undo

    message = _refused(tmp_path, "unlinked", change, again=True)
    assert "no longer exists: another window or program removed it" in message


def test_undoing_the_redo_of_anothers_spans_is_refused_the_same_way(tmp_path: Path) -> None:
    message = _refused(tmp_path, "again-theirs", lambda r, e: e, actor="amal", again=True)
    assert "is the work of 'huda'" in message
