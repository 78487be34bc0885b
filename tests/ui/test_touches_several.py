"""Which edits the window draws by reading the open document and the list again: those whose
spans or statuses are in more than one document (project-wide label-all and its undo)."""

from __future__ import annotations

from annotator.core.edits import AddSpan, Composite, RemoveSpan, SetStatus
from annotator.core.model import Span, Status
from annotator.ui.project_label_all import touches_several


def _add(doc: int, at: int) -> AddSpan:
    return AddSpan(Span(None, doc, at, at + 3, "LOC", "amal"))


def test_one_document_is_not_several() -> None:
    edit = Composite((_add(1, 0), _add(1, 10), SetStatus(1, "amal", Status.IN_PROGRESS)))
    inverse = Composite((RemoveSpan(7), RemoveSpan(8), SetStatus(1, "amal", Status.NEW)))
    assert not touches_several(edit, inverse)
    assert not touches_several(RemoveSpan(7), _add(1, 0))  # an undo: its inverse says where


def test_two_documents_in_the_edit_or_in_its_inverse_are_several() -> None:
    assert touches_several(Composite((_add(1, 0), _add(2, 0))), Composite(()))
    undo = Composite((RemoveSpan(7), RemoveSpan(8)))
    assert touches_several(undo, Composite((_add(1, 0), _add(3, 0))))
    assert touches_several(_add(1, 0), SetStatus(2, "amal", Status.NEW))
    many = Composite(tuple(_add(d, 0) for d in range(1, 10_001)))
    assert touches_several(many, many)
