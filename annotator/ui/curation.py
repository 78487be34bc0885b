"""Curating the open document (issue 13, ADR 0076): the window acts as the curator annotator.

Curation mode makes the curator (Settings key ``curation/curator``, default ``gold``) the
window's annotator and shows everyone's spans: the curator's as ordinary spans, each
annotator's framed in their colour (View ▸ Annotators, ADR 0071). "Merge agreed" makes the
spans the annotators agree on the curator's (one edit); the disagreements (core.curation) are
listed in the Disagreements dock and walked with keys. Each take (annotator N's spans, or
neither) is one undoable edit by the curator, which replaces the curator's spans in the
disagreement's range. A disagreement is resolved when the curator has a span in its range, or
when "neither" was taken (remembered while the window is open: it leaves no span to find).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from annotator.core.curation import (
    Choice,
    Curation,
    Disagreement,
    by_annotator,
    curate,
    differences,
    layer_of,
    merge_edit,
    merge_spans,
    resolved,
    take_edit,
)
from annotator.core.edits import Edit
from annotator.core.model import StoredSpan
from annotator.ui import commands
from annotator.ui.controller import AnnotationController
from annotator.ui.settings import UserSettings
from annotator.ui.text import isolate, ltr, short

NEITHER = ""  # the decision "take neither"


@dataclass(frozen=True, slots=True)
class Row:
    """One disagreement as the dock lists it."""

    disagreement: Disagreement
    resolved: bool
    decided: str | None  # whose spans were taken here, NEITHER, or None (not by a take)


class Decision(commands.EditCommand):
    """A take: the edit, and the decision remembered while it is done (forgotten on undo)."""

    def __init__(self, session: CurationSession, edit: Edit, text: str, key: tuple[int, ...]):
        super().__init__(session.controller, edit, text)
        self.session, self.key, self.choice = session, key, NEITHER

    def apply_redo(self) -> None:
        super().apply_redo()
        self.session.decided[self.key] = self.choice
        self.session.refresh()

    def apply_undo(self) -> None:
        super().apply_undo()
        self.session.decided.pop(self.key, None)
        self.session.refresh()


class CurationSession(QObject):
    changed = Signal()  # the rows, the current row or the mode changed

    def __init__(self, controller: AnnotationController, settings: UserSettings) -> None:
        super().__init__(controller)
        self.controller, self.settings = controller, settings
        self.active = False
        self.reviewing = False  # the read-only mode: my differences from the curated result
        self.curation: Curation | None = None
        self.rows: list[Row] = []
        self.current: int | None = None
        self.decided: dict[tuple[int, ...], str] = {}  # (document, start, end) -> decision
        self._before: tuple[str, tuple[str, ...] | None] | None = None  # annotator, others
        controller.documentOpened.connect(lambda _id: self.refresh())
        controller.documentEdited.connect(lambda _id: self.refresh())
        controller.stack.indexChanged.connect(lambda _i: self.refresh())

    @property
    def curator(self) -> str:
        return self.settings.curator()

    # -- the mode ---------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.active:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        c = self.controller
        if c.document_id is None:
            c.say(QCoreApplication.translate("Curation", "Open a document to curate it"))
            return
        work, _mine = by_annotator(c.repo.spans(c.document_id), self.curator)
        if len(work) < 2:
            c.say(
                QCoreApplication.translate(
                    "Curation",
                    "Curation needs the spans of two annotators or more; this document has {n}",
                ).format(n=ltr(str(len(work))))
            )
            self.changed.emit()
            return
        self._before = (c.annotator, c.others)
        self.active = True
        c.set_annotator(self.curator)
        c.show_annotators(None)
        self.refresh()
        self.current = None
        self.step(True)
        c.say(
            QCoreApplication.translate(
                "Curation", "Curating as {curator}: {open} of {n} disagreements open"
            ).format(
                curator=isolate(self.curator),
                open=ltr(str(self.open_count())),
                n=ltr(str(len(self.rows))),
            )
        )

    def review(self) -> None:
        """Switch the read-only view of my differences from the curated result on or off: the
        curator's spans framed beside mine, the places where they differ listed and walked."""
        c = self.controller
        if self.active:
            if not self.reviewing:
                c.say(QCoreApplication.translate("Curation", "End the curation first"))
                return
            self.stop()
            return
        if c.document_id is None or c.annotator == self.curator:
            c.say(
                QCoreApplication.translate(
                    "Curation", "Open a document, as an annotator other than the curator"
                )
            )
            return
        if not c.repo.spans(c.document_id, annotators=[self.curator]):
            c.say(
                QCoreApplication.translate(
                    "Curation", "{curator} has no spans in this document: nothing curated yet"
                ).format(curator=isolate(self.curator))
            )
            return
        self._before = (c.annotator, c.others)
        self.active = self.reviewing = True
        c.show_annotators((self.curator,))
        self.refresh()
        self.current = None
        self.step(True)
        c.say(
            QCoreApplication.translate(
                "Curation", "{n} differences of yours from the curated result of {curator}"
            ).format(n=ltr(str(len(self.rows))), curator=isolate(self.curator))
        )

    def stop(self) -> None:
        if not self.active:
            return
        reviewing, self.active, self.reviewing = self.reviewing, False, False
        c = self.controller
        if self._before is not None:
            annotator, others = self._before
            if not reviewing:
                c.set_annotator(annotator)
            c.show_annotators(others)
        self.rows, self.curation, self.current = [], None, None
        self.changed.emit()
        c.say(
            QCoreApplication.translate("Curation", "Curation ended: working as {name}").format(
                name=isolate(c.annotator)
            )
        )

    # -- what is open -----------------------------------------------------------------------
    def _spans(self) -> tuple[dict[str, list[StoredSpan]], list[StoredSpan]]:
        return by_annotator(self.controller.open.spans.values(), self.curator)

    def refresh(self) -> None:
        """Compute the disagreements of the open document again (after every edit and undo)."""
        c = self.controller
        if self.active and not self.reviewing and c.annotator != self.curator:
            self.active = False  # Settings named another annotator
        if not self.active or c.document_id is None:
            self.rows, self.curation = [], None
            self.changed.emit()
            return
        work, mine = self._spans()
        layer = layer_of(c.labels)
        if self.reviewing:
            self.rows = [
                Row(d, False, None)
                for d in differences(
                    c.annotator, work.get(c.annotator, []), self.curator, mine, layer=layer
                )
            ]
            self._keep_current()
            return
        self.curation = curate(work, self.settings.curation_strategy(), layer=layer)
        found = self.curation.disagreements
        self.rows = [
            Row(d, done or self._key(d) in self.decided, self.decided.get(self._key(d)))
            for d, done in zip(found, resolved(found, mine, layer=layer), strict=True)
        ]
        self._keep_current()

    def _keep_current(self) -> None:
        if self.current is not None and self.current >= len(self.rows):
            self.current = None
        self.changed.emit()

    def _key(self, d: Disagreement) -> tuple[int, ...]:
        return (self.controller.document_id or 0, d.start, d.end)

    def open_count(self) -> int:
        return sum(1 for r in self.rows if not r.resolved)

    def row(self) -> Row | None:
        return None if self.current is None else self.rows[self.current]

    # -- keys -------------------------------------------------------------------------------
    def _current_row(self) -> Row | None:
        if not self._ready():
            return None
        if self.reviewing:
            self.controller.say(
                QCoreApplication.translate(
                    "Curation", "Read only: these are your differences from the curated result"
                )
            )
            return None
        row = self.row()
        if row is None:
            self.controller.say(
                QCoreApplication.translate(
                    "Curation", "Select a disagreement first (Next disagreement)"
                )
            )
        return row

    def _ready(self) -> bool:
        if not self.active:
            self.controller.say(
                QCoreApplication.translate(
                    "Curation", "Start curating first: Project ▸ Curation ▸ Curate this document"
                )
            )
        return self.active

    def step(self, forward: bool) -> None:
        """Select the next (previous) open disagreement, wrapping round; its range selected in
        the viewer, so a label key labels it as the curator's (the "edit" of a take)."""
        if not self._ready():
            return
        n = len(self.rows)
        if self.open_count() == 0:
            self.controller.say(
                QCoreApplication.translate(
                    "Curation", "No open disagreement: all {n} resolved"
                ).format(n=ltr(str(n)))
            )
            return
        here = self.current if self.current is not None else (-1 if forward else n)
        for i in range(1, n + 1):
            j = (here + i if forward else here - i) % n
            if not self.rows[j].resolved:
                self.select(j)
                return

    def select(self, index: int) -> None:
        self.current = index
        d = self.rows[index].disagreement
        view = self.controller.view
        view.select_span(None)
        view.set_selection(d.start, d.end)
        self.changed.emit()

    def edit(self) -> None:
        """Select the current disagreement's range: the label keys then label it."""
        row = self._current_row()
        if row is None:
            return
        self.select(self.rows.index(row))
        self.controller.say(
            QCoreApplication.translate(
                "Curation", "Label the selection with a label key: it becomes the curator's"
            )
        )

    def take(self, number: int) -> None:
        """Take the spans of the current disagreement's annotator ``number`` (1-based)."""
        row = self._current_row()
        if row is None:
            return
        choices = row.disagreement.choices
        if not 1 <= number <= len(choices):
            self.controller.say(
                QCoreApplication.translate(
                    "Curation", "This disagreement has {n} annotators"
                ).format(n=ltr(str(len(choices))))
            )
            return
        self._take(row.disagreement, choices[number - 1])

    def take_neither(self) -> None:
        row = self._current_row()
        if row is None:
            return
        self._take(row.disagreement, None)

    def _take(self, d: Disagreement, choice: Choice | None) -> None:
        c = self.controller
        _work, mine = self._spans()
        edit = take_edit(
            d, choice, mine, self.curator, c.document_id or 0, layer=layer_of(c.labels)
        )
        words = isolate(short(c.open.text[d.start : d.end]))
        if choice is None:
            text = QCoreApplication.translate("Curation", "Take neither at {text}").format(
                text=words
            )
        else:
            text = QCoreApplication.translate("Curation", "Take {name}'s spans at {text}").format(
                name=isolate(choice.annotator), text=words
            )
        command = Decision(self, edit, text, self._key(d))
        command.choice = NEITHER if choice is None else choice.annotator
        if c.push(edit, text, command=command):
            c.say(text)
            self.step(True)

    def merge_agreed(self) -> None:
        """Make the agreed spans the curator's: one edit (undone as one)."""
        if not self._ready() or self.reviewing or self.curation is None:
            return
        c = self.controller
        _work, mine = self._spans()
        keys = merge_spans(self.curation, mine, layer=layer_of(c.labels))
        if not keys:
            c.say(
                QCoreApplication.translate(
                    "Curation", "Nothing to merge: the curator has every agreed span already"
                )
            )
            return
        text = QCoreApplication.translate("Curation", "Merge {n} agreed spans as {curator}").format(
            n=ltr(str(len(keys))), curator=isolate(self.curator)
        )
        if c.push(merge_edit(c.document_id or 0, keys, self.curator), text):
            c.say(text)
