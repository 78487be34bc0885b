"""Many new spans in one edit (store/spans_bulk.py, docs/adr/0068) do what the usual path
(``span_edges.check_edges`` then ``edits_apply.apply_edit``) does: the same rows, statuses,
counts and inverse, and the same refusal with the same message, on a real project file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.core.edits import AddSpan, Composite, Edit, RemoveSpan, SetStatus
from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatedDocument, Document, Span, Status
from annotator.core.search import find_words
from annotator.store import Repository, edits_apply, open_project, span_edges
from annotator.store.connection import write
from annotator.store.spans_bulk import ReadTexts
from tests.ops.anercorp_articles import articles, names

TEXTS = articles(8, 200)
NAMES = names(8 * 200)[:12]


def _project(path: Path) -> Repository:
    repo = open_project(path)
    repo.add_documents(
        AnnotatedDocument(Document(None, f"مقال {i}", t)) for i, t in enumerate(TEXTS)
    )
    repo.apply(AddSpan(Span(None, 2, 0, 3, "PER", "amal")))  # document 2 IN_PROGRESS for amal
    repo.apply(AddSpan(Span(None, 3, 0, 3, "PER", "huda")))  # another annotator's status
    return repo


def _usual(repo: Repository, path: Path, edit: Edit) -> Edit:
    with write(repo.db, path):
        span_edges.check_edges(repo.db.conn, edit)
        return edits_apply.apply_edit(repo.db.conn, edit)


def _state(repo: Repository) -> tuple[list[Any], ...]:
    conn = repo.db.conn
    return (
        conn.execute(
            'SELECT id, document_id, start, "end", label, annotator, attributes, text FROM spans'
            " ORDER BY id"
        ).fetchall(),
        conn.execute(
            "SELECT document_id, annotator, status FROM document_status ORDER BY 1, 2"
        ).fetchall(),
        conn.execute("SELECT * FROM span_counts ORDER BY 1").fetchall(),
    )


def _shape(inverse: Edit) -> list[tuple[str, int, str]]:
    """The inverse without its time stamps."""
    assert isinstance(inverse, Composite)
    out = []
    for e in inverse.edits:
        if isinstance(e, RemoveSpan):
            out.append(("remove", e.span_id, ""))
        else:
            assert isinstance(e, SetStatus)
            out.append(("status", e.document_id, f"{e.annotator} {Status(e.status)}"))
    return out


def _edit(annotator: str = "amal") -> Composite:
    adds = [
        AddSpan(Span(None, d + 1, a, b, "LOC", annotator if d % 3 else "huda"))
        for name in NAMES
        for d, text in enumerate(TEXTS)
        for a, b in find_words(text, name)
    ]
    assert len(adds) > 50
    return Composite(tuple(adds))


def test_the_same_rows_statuses_counts_and_inverse_as_the_usual_path(tmp_path: Path) -> None:
    edit = _edit()
    with _project(tmp_path / "a.annot.db") as bulk, _project(tmp_path / "b.annot.db") as usual:
        inverse = bulk.apply(edit)
        expected = _usual(usual, tmp_path / "b.annot.db", edit)
        assert _state(bulk) == _state(usual)
        assert _shape(inverse) == _shape(expected)
        bulk.apply(inverse)
        usual.apply(expected)
        assert _state(bulk) == _state(usual)
        assert len(_state(bulk)[0]) == 2


def _refusal(tmp_path: Path, name: str, edit: Edit) -> str:
    with _project(tmp_path / f"{name}.annot.db") as repo:
        before = _state(repo)
        with pytest.raises(ValidationError) as raised:
            repo.apply(edit)
        assert _state(repo) == before  # nothing half-written
        return str(raised.value)


@pytest.mark.parametrize(
    "bad",
    [
        Span(None, 4, 10, 40, "LOC", "amal"),  # placed below where its text starts with a space
        Span(None, 99, 0, 3, "LOC", "amal"),
        Span(None, 4, 5, 10**6, "LOC", "amal"),
        Span(None, 4, 0, 3, "NO SUCH LABEL", "amal"),
        Span(None, 2, 0, 3, "PER", "amal"),  # already there
    ],
)
def test_the_same_refusal_as_the_usual_path(tmp_path: Path, bad: Span) -> None:
    if bad.start == 10:  # a range starting at a space of the text
        at = TEXTS[3].index(" ", 10)
        bad = Span(None, 4, at, at + 5, "LOC", "amal")
    good = list(_edit().edits)
    edit = Composite((*good[:20], AddSpan(bad), *good[20:]))
    message = _refusal(tmp_path, "bulk", edit)
    with _project(tmp_path / "usual.annot.db") as repo, pytest.raises(ValidationError) as raised:
        _usual(repo, tmp_path / "usual.annot.db", edit)
    assert message == str(raised.value)


def test_the_same_new_span_twice_goes_the_usual_way(tmp_path: Path) -> None:
    twice = AddSpan(Span(None, 5, 0, 3, "LOC", "amal"))
    message = _refusal(tmp_path, "twice", Composite((twice, *_edit().edits[:5], twice)))
    assert "the same span already exists" in message


def _read(edit: Composite) -> ReadTexts:
    """The texts of the edit's spans and their documents' lengths, as a caller reads them."""
    spans = [e.span for e in edit.edits if isinstance(e, AddSpan)]
    return ReadTexts(
        tuple(TEXTS[s.document_id - 1][s.start : s.end] for s in spans),
        {s.document_id: len(TEXTS[s.document_id - 1]) for s in spans},
    )


def test_texts_read_by_the_caller_write_the_same_rows_and_inverse(tmp_path: Path) -> None:
    """A label-all that read the texts in its own transaction hands them over: the same rows,
    statuses, counts and inverse as the store reading them itself."""
    edit = _edit()
    with _project(tmp_path / "a.annot.db") as read, _project(tmp_path / "b.annot.db") as itself:
        with read.transaction():
            inverse = read.apply(edit, read=_read(edit))
        expected = itself.apply(edit)
        assert _state(read) == _state(itself)
        assert _shape(inverse) == _shape(expected)


def test_texts_given_outside_a_transaction_or_wrong_are_refused(tmp_path: Path) -> None:
    edit = _edit()
    read = _read(edit)
    with _project(tmp_path / "p.annot.db") as repo:
        before = _state(repo)
        with pytest.raises(ValueError, match="outside the transaction"):
            repo.apply(edit, read=read)
        short = ReadTexts((read.spans[0][:-1], *read.spans[1:]), read.lengths)
        with pytest.raises(ValueError, match="is not its text"), repo.transaction():
            repo.apply(edit, read=short)
        with pytest.raises(ValueError, match="texts given for"), repo.transaction():
            repo.apply(edit, read=ReadTexts(read.spans[1:], read.lengths))
        assert _state(repo) == before  # nothing written
