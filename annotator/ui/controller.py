"""The annotation logic of the window: every user action becomes one edit value.

The controller builds the edit (snapping a selection to tokens, relabel, delete, boundary moves,
speaker links, status), pushes ONE generic undo command that applies it through
``Repository.apply`` (committed to the project file), and only then redraws what the edit
touched. A failed write shows a plain message and changes neither the stack nor the view.
Document switching and the place to come back to live in :mod:`annotator.ui.navigation`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.core.edits import (
    Edit,
    RemoveSpan,
    Resize,
)
from annotator.core.errors import AnnotatorError, ConflictError
from annotator.core.model import SPEAKER, Document, LabelSet, Relation, StoredSpan
from annotator.core.open_document import OpenDocument
from annotator.store import Repository
from annotator.store.guard import ProjectDetachedError
from annotator.ui import annotator_colours, commands, edit_drawing, labelling
from annotator.ui.clitic_snap import Snapper
from annotator.ui.document_model import DocumentListModel
from annotator.ui.document_views import SnapperOf, SpanListOf, SuggestionListOf, ViewerOf
from annotator.ui.edge_text import move_refused
from annotator.ui.effects import Effects
from annotator.ui.error_text import step_refused, write_failed
from annotator.ui.evidence import EvidenceWorker, SpanSnapshot
from annotator.ui.first_start import PLACEHOLDER
from annotator.ui.label_all import label_all_occurrences
from annotator.ui.settings import UserSettings
from annotator.ui.span_model import SpanListModel
from annotator.ui.speakers import SpeakerLinks
from annotator.ui.suggest_on_open import SuggestOnOpen
from annotator.ui.suggestion_keys import SuggestionKeys
from annotator.ui.suggestion_model import SuggestionListModel
from annotator.ui.text import isolate, joined, ltr, short
from annotator.ui.viewer import ArticleView

log = logging.getLogger(__name__)

# The viewer is always right-to-left: the Left arrow points towards the end of the text.
LEFT_STEP = +1
RIGHT_STEP = -1


def default_annotator() -> str:
    """The name used while the user has set none: neutral, never the system user ("root")."""
    return PLACEHOLDER


class AnnotationController(QObject):
    message = Signal(str)  # what the last action did, for the status bar
    failed = Signal(str, str)  # a write failed (plain words, the error's own): nothing changed
    documentOpened = Signal(int)
    documentEdited = Signal(int)
    pickingChanged = Signal(bool)
    labelsChanged = Signal()
    documentsChanged = Signal()  # another program changed the project: the list was reloaded
    detached = Signal(object)  # a ProjectDetachedError: the watch reopens the project
    outdated = Signal()  # another program changed what an undo meant to change: re-read now
    evidenceReady = Signal()  # the clitic evidence asked for last has arrived

    def __init__(
        self,
        repo: Repository,
        view: ArticleView,
        settings: UserSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.repo = repo
        self.view = view
        self.settings = settings
        # a work package opens as the annotator it was made for (docs/adr/0075)
        package = repo.package_info()
        self.annotator = package.annotator if package else settings.annotator()
        self.annotator = self.annotator or default_annotator()
        # the other annotators whose spans are shown (ADR 0071); None: everyone, newcomers too
        self.others: tuple[str, ...] | None = ()
        view.owner = self.annotator
        self.labels: LabelSet = repo.labels()
        self.stack = QUndoStack(self)
        self.span_model = SpanListModel(self)
        self.document_model = DocumentListModel(repo, self.annotator, self)
        self.document_model.set_counted(self.shown())
        self.evidence = EvidenceWorker(repo.path, self)
        self.snapper = Snapper(self.evidence)
        # the open document, in one place; the viewer, the span list and the snapper follow it
        self.open = OpenDocument()
        self.open.labels = self.labels
        self.suggestion_model = SuggestionListModel(self)
        for follower in (
            ViewerOf(view),
            SpanListOf(self.span_model),
            SnapperOf(self.snapper),
            SuggestionListOf(self.suggestion_model),
        ):
            self.open.subscribe(follower)
        # bound to this QObject: delivered on the GUI thread, in order
        self.evidence.spansReady.connect(self._take_span_evidence)
        self.evidence.countsReady.connect(self._take_count_evidence)
        self.evidence.finished.connect(self._evidence_finished)
        self.select_after: int | None = None
        self.closed = False  # the window closed the project: no more reading
        self.before_switch: Callable[[], None] | None = None  # the navigator saves the place
        self.speakers = SpeakerLinks(self, self)
        self.suggestion_keys = SuggestionKeys(self)
        self.on_open = SuggestOnOpen(self.suggestion_keys, self)  # the project's "run on open"
        self.documentOpened.connect(self.on_open.opened)
        self.last_effects: Effects | None = None  # what the last applied edit touched
        # a find match selected in the viewer: labelled as it is, until the selection changes
        self.found: tuple[int, int] | None = None
        view.selectionChanged.connect(self._selection_changed)
        view.spanClicked.connect(self.speakers.clicked)
        view.speaker_of = self._speaker_of  # span tooltips name a quote's speaker

    # -- the document on screen (navigation.py opens documents) -----------------------------
    @property
    def document(self) -> Document | None:
        return self.open.document

    @property
    def relations(self) -> list[Relation]:
        return self.open.relations

    @property
    def document_id(self) -> int | None:
        return self.open.document_id

    def show_document(
        self, document: Document, spans: list[StoredSpan], relations: list[Relation]
    ) -> None:
        self.speakers.cancel()
        self.found = None
        self.open.open(document, spans, relations, self.labels)
        self.suggestion_keys.refresh()
        self.document_model.set_current(document.id)
        if document.id is not None:
            self.documentOpened.emit(document.id)

    def select_found(self, start: int, end: int) -> None:
        """Select a find match: a label key then labels exactly it (no snapping, no proclitic
        left out: the annotator searched for these characters); changed by hand, it snaps."""
        self.view.select_span(None)
        self.view.set_selection(start, end)
        self.found = self.view.selection() if start != end else None

    def _selection_changed(self, start: int, end: int) -> None:
        if self.found != (start, end):
            self.found = None

    def open_document(self, document_id: int) -> None:
        if self.before_switch is not None and self.document_id not in (None, document_id):
            self.before_switch()
        annotated = self.repo.annotated(
            document_id, annotator=self.annotator, annotators=self.shown()
        )
        self.show_document(annotated.document, list(annotated.spans), list(annotated.relations))

    def shown(self) -> tuple[str, ...] | None:
        """Whose spans the window shows: the current annotator's, then the others asked for
        (None: everyone's)."""
        if self.others is None:
            return None
        return (self.annotator, *(o for o in self.others if o != self.annotator))

    def show_annotators(self, others: tuple[str, ...] | None) -> None:
        """Show these other annotators' spans beside the current one's (View ▸ Annotators):
        framed in their colour, never edited here (ADR 0071)."""
        if others == self.others:
            return
        if others != ():
            # their frames told apart (ui/annotator_colours.py); locked: the names' own colours
            with contextlib.suppress(AnnotatorError):
                annotator_colours.assign([self.annotator, *self.repo.annotators()])
        self.others = others
        self.document_model.set_counted(self.shown())
        self.reread_document()

    def set_annotator(self, name: str) -> None:
        """The annotator named in Settings: from now on the owner of new spans, and one of the
        project's annotators (the export dialog lists them) even before their first span."""
        self.annotator = name.strip() or default_annotator()
        self.view.owner = self.annotator
        try:
            self.repo.ensure_annotator(self.annotator)
        except AnnotatorError as exc:  # read-only or locked: the name still applies here
            self._failed(exc)
        self.document_model.set_annotator(self.annotator, self.shown())
        if self.document_id is not None:
            self.reread_document()  # their spans, not the last annotator's
            self.documentEdited.emit(self.document_id)

    def reload_labels(self, *, renamed: bool = False) -> None:
        """The label set changed in the project (an import brought labels, another program):
        redraw with it; ``renamed``: span labels changed too, re-read the document. The undo
        history stays: label-set changes are edits like the others (docs/adr/0030)."""
        self.labels = self.repo.labels()
        self.labelsChanged.emit()
        if renamed:
            self.reread_document()
            return
        self.open.set_labels(self.labels)

    def reread_document(self) -> None:
        """Read the open document again, keeping the selected span and the scroll."""
        if self.document_id is not None:
            place = (self.view.selected_span(), self.view.scroll_value())
            self.open_document(self.document_id)
            self.view.select_span(place[0])
            self.view.set_scroll_value(place[1])

    # -- applying edits: the EditRunner of the undo commands --------------------------------
    def run(self, edit: Edit) -> Edit:
        """Apply ``edit`` (committed when apply returns), then draw what it touched."""
        target = self.repo.document_of(edit)
        inverse = self.repo.apply(edit, actor=self.annotator)
        self._show(edit, inverse, target)
        return inverse

    def show_applied(self, edit: Edit, inverse: Edit) -> None:
        """Draw an edit applied elsewhere (a Job's connection), ``inverse`` its undo."""
        self._show(edit, inverse, self.repo.document_of(edit))

    def _show(self, edit: Edit, inverse: Edit, target: int | None) -> None:
        try:
            edit_drawing.draw(self, edit, inverse, target)
        except AnnotatorError as exc:  # the edit is saved; only drawing it failed: reload
            log.warning("redrawing after an edit failed (%s); reloading the document", exc)
            if self.document_id is not None:
                self.open_document(self.document_id)

    # -- clitic evidence from the worker (docs/adr/0025) ------------------------------------
    def _take_span_evidence(self, found: SpanSnapshot) -> None:
        if not self.closed:
            self.snapper.take_spans(found)

    def _take_count_evidence(self, counts: dict[str, int]) -> None:
        if not self.closed:
            self.snapper.take_counts(counts)

    def project_changed(self) -> None:
        """Another program committed to the file: the evidence is read again (worker)."""
        if not self.closed:
            self.snapper.reload()

    def _evidence_finished(self, generation: int) -> None:
        self.snapper.take_finished(generation)
        self.evidenceReady.emit()

    def close(self) -> None:
        """The window closes the project: no more reading, the evidence worker stops, the
        runs on opening end (each is one document's)."""
        self.closed = True
        self.snapper.close()
        self.on_open.close()

    def push(
        self,
        edit: Edit,
        text: str,
        *,
        select: int | None = None,
        command: commands.EditCommand | None = None,
    ) -> bool:
        """One user action: apply and record ``edit`` (in ``command``, one that does more on
        undo and redo: a curation take); False (and a message) if it failed."""
        error = self.try_push(edit, text, select=select, command=command)
        if error is not None:
            self._failed(error)
            return False
        return True

    def push_applied(self, edit: Edit, inverse: Edit, text: str, *, select: int | None) -> bool:
        """``push`` for an edit a Job applied already (``inverse``: its undo)."""
        command = commands.EditCommand(self, edit, text, applied=inverse)
        return self.push(edit, text, select=select, command=command)

    def try_push(
        self,
        edit: Edit,
        text: str,
        *,
        select: int | None = None,
        command: commands.EditCommand | None = None,
    ) -> AnnotatorError | None:
        """``push`` for a caller that shows the error itself (a dialog): the error, or None."""
        self.select_after = select
        self.last_effects = None
        try:
            return commands.push(self.stack, command or commands.EditCommand(self, edit, text))
        finally:
            self.select_after = None

    def push_labels(self, edit: Edit, text: str) -> AnnotatorError | None:
        """The Labels dialog's one edit, undoable like the others; the status bar says what it
        did and how many speaker links it removed (the store removes those it breaks)."""
        error = self.try_push(edit, text)
        if error is None:
            dropped = self.last_effects.dropped if self.last_effects else 0
            note = self.tr("{n} speaker link(s) removed: they broke the speaker rule").format(
                n=ltr(str(dropped))
            )
            self.message.emit(joined(text, note) if dropped else text)
        return error

    def undo(self) -> None:
        text = self.stack.undoText()
        error = commands.undo(self.stack)
        if isinstance(error, ConflictError):
            shown = step_refused(error, text, undo=True)
            self.failed.emit(shown.text, shown.detail)
            self.outdated.emit()
        elif error is not None:
            self._failed(error)
        elif text:
            self.message.emit(self.tr("Undone: {action}").format(action=text))

    def redo(self) -> None:
        text = self.stack.redoText()
        error = commands.redo(self.stack)
        if isinstance(error, ConflictError):
            shown = step_refused(error, text, undo=False)
            self.failed.emit(shown.text, shown.detail)
            self.outdated.emit()
        elif error is not None:
            self._failed(error)
        elif text:
            self.message.emit(self.tr("Redone: {action}").format(action=text))

    def say(self, text: str) -> None:
        """Show ``text`` in the status bar (what an action did, or why it did nothing)."""
        self.message.emit(text)

    def _failed(self, error: AnnotatorError) -> None:
        log.warning("edit not saved: %s", error)
        if isinstance(error, ProjectDetachedError):
            self.detached.emit(error)  # reopened from the file, and the message says so
            return
        shown = write_failed(error)
        self.failed.emit(shown.text, shown.detail)

    # -- labelling --------------------------------------------------------------------------
    def label_key(self, key: int, *, exact: bool = False) -> None:
        label = self.labels.by_key(key)
        if label is None:
            self.message.emit(self.tr("No label on key {key}").format(key=ltr(str(key))))
            return
        self.label(label.name, exact=exact)

    def label(self, name: str, *, exact: bool = False) -> None:
        """Label the selection (snapped to tokens unless ``exact``); relabel a selected span
        (ui.labelling)."""
        labelling.label(self, name, exact=exact)

    def label_all(self) -> None:
        """Label every other occurrence of the selected span's text (ui.label_all)."""
        label_all_occurrences(self)

    def _speaker_of(self, quote_id: int) -> StoredSpan | None:
        relation = self.span_model.speaker_relation(quote_id)
        return None if relation is None else self.span_model.span_by_id(relation.target_id)

    def selected_span(self) -> StoredSpan | None:
        span_id = self.view.selected_span()
        return None if span_id is None else self.span_model.span_by_id(span_id)

    # -- delete, boundaries, span navigation ------------------------------------------------
    def delete_selected(self) -> None:
        span = self.selected_span()
        if span is None:
            self.message.emit(self.tr("Select a span to delete (click it, or Tab)"))
            return
        words = isolate(short(span.text_in(self.document.text if self.document else "")))
        action = self.tr("Delete {label} {text}").format(label=isolate(span.label), text=words)
        links = sum(
            1 for r in self.relations if r.type == SPEAKER and span.id in (r.source_id, r.target_id)
        )
        if self.push(RemoveSpan(span.id), action):  # the store removes its links with it
            note = self.tr("its speaker link removed too")
            self.message.emit(joined(action, note) if links else action)

    def move_boundary(self, edge: str, arrow: str) -> None:
        """Move the selected span's ``edge`` ("start"/"end") one character towards ``arrow``
        ("left"/"right") on screen: in the right-to-left viewer, left is towards the end."""
        span = self.selected_span()
        if span is None or self.document is None:
            self.message.emit(self.tr("Select a span to move its boundaries"))
            return
        step = LEFT_STEP if arrow == "left" else RIGHT_STEP
        start, end = span.start, span.end
        if edge == "start":
            start += step
        else:
            end += step
        if not (0 <= start < end <= len(self.document.text)):
            self.message.emit(self.tr("The span cannot get shorter or leave the text"))
            return
        refused = move_refused(self.document.text, start, end)
        if refused is not None:
            self.message.emit(refused)
            return
        if labelling.same_span(self, start, end, span.label) is not None:
            self.message.emit(
                self.tr("A {label} span with these bounds is already there").format(
                    label=isolate(span.label)
                )
            )
            return
        words = isolate(short(self.document.text[start:end]))
        action = self.tr("Resize {label} to {text}").format(label=isolate(span.label), text=words)
        if self.push(Resize(span.id, start, end), action, select=span.id):
            self.message.emit(action)

    def select_next_span(self, backwards: bool = False) -> None:
        span_id = self.view.next_span(backwards=backwards)
        if span_id is None:
            self.message.emit(self.tr("No spans in this document yet"))
            return
        self.view.select_span(span_id)
