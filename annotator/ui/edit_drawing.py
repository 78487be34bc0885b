"""What the window redraws after an edit: read from the edit and its inverse (ui/effects.py),
only what they touched: a span put or removed, the speaker links, the suggestions an accept or
a reject closed, the document list's row; the open document read again after a project-wide
label-all or a change of the label set. The controller calls it after every edit it applies
or is told was applied (docs/adr/0080)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.core.edits import Edit
from annotator.core.errors import NotFoundError
from annotator.ui.effects import effects
from annotator.ui.project_label_all import touches_several

if TYPE_CHECKING:
    from annotator.ui.controller import AnnotationController


def draw(c: AnnotationController, edit: Edit, inverse: Edit, target: int | None) -> None:
    """Draw what ``edit`` (applied, ``inverse`` its undo) touched: only what changed."""
    if touches_several(edit, inverse):  # project-wide label-all and its undo: read again
        c.last_effects = None  # (what a one-document edit's caller asks of it: none of these)
        c.reread_document()
        c.document_model.reload()
        if c.document_id is not None:
            c.documentEdited.emit(c.document_id)
        return
    found = c.last_effects = effects(edit, inverse)
    if found.labels:  # the label set changed: every span's look, a rename their labels
        c.labels = c.repo.labels()
        c.labelsChanged.emit()
        c.reread_document()
        return
    gone = False  # a span of the open document went: its count in the list changed
    if target is not None and target != c.document_id:
        c.open_document(target)
        gone = bool(found.spans)  # whatever went there, the document is read again
    else:
        for span_id in found.spans:
            try:
                span = c.repo.span(span_id)
            except NotFoundError:
                gone = True
                c.open.remove_span(span_id)
                continue
            c.open.put_span(span)
        if found.relations and c.document_id is not None:
            c.open.set_relations(c.repo.relations(c.document_id))
        if found.suggestion_ids:
            c.suggestion_keys.refresh_some(found.suggestion_ids, found.closed)
        elif found.suggestions:
            c.suggestion_keys.refresh()
    present = [s for s in found.spans if c.open.span(s) is not None]
    if c.select_after is not None:
        c.view.select_span(c.select_after)
    elif found.added and found.added[0] in present:
        c.view.select_span(found.added[0])
    elif present and not found.relations:
        c.view.select_span(present[0])
    if target is not None:
        c.document_model.refresh_document(
            target, membership=found.status, counts=bool(found.added) or gone
        )
        c.documentEdited.emit(target)
