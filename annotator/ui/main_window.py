"""The main window: builds the widgets and wires them; the logic lives in the controller.

Document list (dock) | find bar, error banner and article viewer | labels and spans (dock).
In the Arabic interface the whole layout mirrors; the viewer stays right-to-left always.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Kind
from annotator.store import Repository
from annotator.ui import docks, i18n
from annotator.ui.actions import ActionCollection
from annotator.ui.annotators_menu import AnnotatorsMenu
from annotator.ui.controller import AnnotationController
from annotator.ui.curation_menu import CurationMenu
from annotator.ui.document_details import DocumentDetails
from annotator.ui.find_bar import FindBar
from annotator.ui.help import EmptyProjectHint
from annotator.ui.menus import WindowMenus
from annotator.ui.model_scoring import ModelScoring, wire_active_learning
from annotator.ui.model_training import ModelTraining
from annotator.ui.navigation import Navigator
from annotator.ui.panels import DocumentPanel, SidePanel
from annotator.ui.project_label_all import label_all_in_project
from annotator.ui.project_watch import ProjectWatch
from annotator.ui.search_dock import ProjectSearch
from annotator.ui.settings import UserSettings
from annotator.ui.status import ErrorBanner, StatusPanel
from annotator.ui.suggestion_reports import SuggestionReports
from annotator.ui.suggestions_menu import wire_suggestions
from annotator.ui.team_menu import TeamReports
from annotator.ui.team_packages import TeamMenu
from annotator.ui.text import isolate, ltr, short
from annotator.ui.viewer import ArticleView
from annotator.ui.window_actions import WindowActions

if TYPE_CHECKING:  # the dialog is imported when first opened
    from annotator.ui.settings_dialog import SettingsValues


class MainWindow(QMainWindow):
    projectRequested = Signal(str)  # open this existing project (never created)
    newProjectRequested = Signal(str)  # create this project and open it (Project → New project…)
    sampleRequested = Signal()  # open the sample project (the empty project's hint)

    def __init__(self, repo: Repository, settings: UserSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main-window")
        self.repo = repo
        self.settings = settings
        self.project = Path(repo.path)
        self.view = ArticleView(self)
        self.view.setObjectName("article-view")
        self.controller = AnnotationController(repo, self.view, settings, self)
        self.navigator = Navigator(self.controller, settings, self.project, self)
        self.controller.before_switch = self.navigator.save_place
        self.watch = ProjectWatch(self.controller, self)
        self.action_set = ActionCollection(self, settings)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.banner = ErrorBanner(self)
        self.details: DocumentDetails | None = None  # View → Document details…, made when asked
        self.reports = SuggestionReports(self, self)  # Suggestions → Consistency report…
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.view, 1)
        self.hint = EmptyProjectHint(self)  # in place of the article while there is none
        layout.addWidget(self.hint, 1)
        self.setCentralWidget(central)
        self.documents = DocumentPanel(self.controller.document_model, self)
        self.documents.set_order(settings.document_order())
        self.documents.orderChanged.connect(settings.set_document_order)
        self.side = SidePanel(self.controller.span_model, self, self.controller.suggestion_model)
        self.documents_dock = self._dock("documents-dock", self.documents)
        self.side_dock = self._dock("annotations-dock", self.side)
        # dock areas do not mirror by themselves: the document list goes where reading starts
        docks.place(self, self.documents_dock, self.side_dock, self.rtl)
        self.action_set.adopt("show_documents", self.documents_dock.toggleViewAction())
        self.action_set.adopt("show_annotations", self.side_dock.toggleViewAction())
        self.search = ProjectSearch(self, self)  # Go → Search the project…, at the bottom
        self.status = StatusPanel(self.statusBar())
        self.training = ModelTraining(  # Suggestions → Train the model…, its state
            self.project,
            repo.timeout,
            self.statusBar(),
            self.action_set["cancel_training"],
            self.controller.say,
            self,
        )
        self.scoring = ModelScoring(  # the documents' certainty, for Open the most useful
            self.project, repo.timeout, lambda: self.controller.annotator, self.controller.say, self
        )
        self.window_actions = WindowActions(self, self)
        self.menus = WindowMenus(self.menuBar(), self.action_set)
        self.menus["recent"].aboutToShow.connect(self.window_actions.fill_recent_menu)
        self.annotators = AnnotatorsMenu(
            self.menus["annotators"], self.action_set["show_all_annotators"], self.controller
        )
        self.packages = TeamMenu(  # Project ▸ Team: work packages and merge (ADR 0075)
            self.menus["team"], self.project, repo.timeout, repo.annotators, self._merged, self
        )
        for action in self.action_set:
            self.addAction(action)  # shortcuts work even while a menu is hidden
        self._wire()
        self.view.set_zoom(settings.zoom())
        if settings.font_family():
            self.view.set_font_family(settings.font_family())
        self.side.label_palette.set_labels(self.controller.labels)
        self.retranslate()
        self.resize(1280, 800)
        geometry = settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        docks.restore(self, settings.window_state(self.rtl), self.rtl)  # else the default
        self.navigator.restore()
        self.settings.add_recent_project(self.project)
        self.refresh_status()
        self._show_title()

    @property
    def rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _dock(self, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable  # else View → it is greyed
        )
        return dock

    # -- wiring -----------------------------------------------------------------------------
    def _wire(self) -> None:
        c, a, v = self.controller, self.action_set, self.view
        for key in range(1, 10):
            a[f"label_{key}"].triggered.connect(lambda _=False, k=key: c.label_key(k))
            a[f"exact_{key}"].triggered.connect(lambda _=False, k=key: c.label_key(k, exact=True))
        a["delete_span"].triggered.connect(c.delete_selected)
        a["label_all"].triggered.connect(c.label_all)
        a["label_all_project"].triggered.connect(lambda: label_all_in_project(c, self))
        a["next_span"].triggered.connect(lambda: c.select_next_span())
        a["previous_span"].triggered.connect(lambda: c.select_next_span(backwards=True))
        a["start_left"].triggered.connect(lambda: c.move_boundary("start", "left"))
        a["start_right"].triggered.connect(lambda: c.move_boundary("start", "right"))
        a["end_left"].triggered.connect(lambda: c.move_boundary("end", "left"))
        a["end_right"].triggered.connect(lambda: c.move_boundary("end", "right"))
        a["pick_speaker"].triggered.connect(c.speakers.start)
        a["remove_speaker"].triggered.connect(c.speakers.remove)
        a["undo"].triggered.connect(c.undo)
        a["redo"].triggered.connect(c.redo)
        a["done_next"].triggered.connect(self.navigator.done_and_next)
        a["next_document"].triggered.connect(lambda: self.navigator.step(+1))
        a["previous_document"].triggered.connect(lambda: self.navigator.step(-1))
        a["find"].triggered.connect(self.find_bar.open_bar)
        a["find_next"].triggered.connect(lambda: self._find_step(False))
        a["find_previous"].triggered.connect(lambda: self._find_step(True))
        a["search_project"].triggered.connect(self.search.open)
        a["zoom_in"].triggered.connect(v.zoom_in)
        a["zoom_out"].triggered.connect(v.zoom_out)
        a["zoom_reset"].triggered.connect(v.zoom_reset)
        a["document_details"].triggered.connect(self.show_document_details)
        wire_suggestions(self)  # the Suggestions menu
        self.team = TeamReports(self.repo, self.action_set, self.reports, self)  # Project → Team
        self.curation = CurationMenu(self)  # Project ▸ Curation and the Disagreements dock
        wire_active_learning(self)  # Go → Open the most useful document next
        self.window_actions.wire()
        c.stack.canUndoChanged.connect(a["undo"].setEnabled)
        c.stack.canRedoChanged.connect(a["redo"].setEnabled)
        a["undo"].setEnabled(False)
        a["redo"].setEnabled(False)
        c.message.connect(self._on_message)
        c.failed.connect(self._on_failed)
        c.documentOpened.connect(self._on_document_opened)
        c.documentEdited.connect(lambda _id: self.refresh_status(position=False))
        # filtered, sorted or reloaded: the position counts what the list shows
        c.document_model.modelReset.connect(self.refresh_status)
        c.labelsChanged.connect(self._on_labels_changed)
        c.detached.connect(self.watch.reopen)
        c.outdated.connect(self.watch.refresh)
        c.documentsChanged.connect(self._on_documents_changed)
        c.speakers.pickingChanged.connect(self._on_picking)
        v.spanSelected.connect(self.side.show_span)
        v.spanSelected.connect(lambda _id: self._update_speaker_buttons())
        v.zoomChanged.connect(self.settings.set_zoom)
        self.side.spanActivated.connect(self._on_span_activated)
        self.side.label_palette.labelClicked.connect(self._on_palette_clicked)
        self.side.pick_button.clicked.connect(c.speakers.start)
        self.side.remove_speaker_button.clicked.connect(c.speakers.remove)
        self.documents.documentActivated.connect(self.navigator.go)
        self.find_bar.matchSelected.connect(self._on_match)
        self.find_bar.matchesChanged.connect(self.view.set_found)
        self.find_bar.closed.connect(lambda: self.view.setFocus())
        self.view.text_edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter / Shift+Enter in the viewer go to the next / previous match while finding;
        Esc cancels picking a speaker, then closes the find bar."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if (
                key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.find_bar.active
                and not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            ):
                self._find_step(bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
                return True
            if key == Qt.Key.Key_Escape:
                if self.controller.speakers.picking:
                    self.controller.speakers.cancel()
                    self.controller.message.emit(self.tr("Picking the speaker cancelled"))
                    return True
                if self.find_bar.isVisible():
                    self.find_bar.close_bar()
                    return True
        return super().eventFilter(watched, event)

    # -- reactions --------------------------------------------------------------------------
    def _on_message(self, text: str) -> None:
        self.status.show_action(text)
        self.banner.hide()

    def _on_failed(self, text: str, detail: str) -> None:
        self.banner.show_error(text, detail)
        self.status.show_action(text)

    def _on_document_opened(self, document_id: int) -> None:
        self.status.show_action("")  # what was done in the last document is no news here
        document = self.controller.document
        if document is not None:
            self.find_bar.set_text(document.text)
        self._show_title()
        self.documents.show_current(document_id)
        self.refresh_status()
        self._update_speaker_buttons()

    def _show_title(self) -> None:
        """The project file, then the open document: "sample.annot.db — Annotator". Every
        edit is in the file before it is shown, so there is no unsaved-changes marker."""
        project = isolate(self.project.name)
        document = self.controller.document
        if document is None:
            title = self.tr("{project} — Annotator").format(project=project)
        else:
            title = self.tr("{project}: {document} — Annotator").format(
                project=project, document=isolate(short(document.title, 60))
            )
        self.setWindowTitle(title)
        self.setWindowFilePath(str(self.project))

    def _on_documents_changed(self) -> None:
        if self.controller.document_id is None:  # the first articles of an empty project
            self.navigator.restore()
        self.documents.show_current()
        self.refresh_status()

    def _on_labels_changed(self) -> None:
        self.side.label_palette.set_labels(self.controller.labels)
        self.menus.fill_label_menus(self.controller.labels)
        if self.window_actions.map is not None:  # an open keyboard map names the labels
            self.window_actions.map.refresh()

    def _on_picking(self, picking: bool) -> None:
        self.side.pick_button.setDown(picking)
        self.view.viewport().setCursor(
            Qt.CursorShape.CrossCursor if picking else Qt.CursorShape.IBeamCursor
        )

    def _on_span_activated(self, span_id: int) -> None:
        if self.controller.speakers.picking:
            self.controller.speakers.clicked(span_id)
            return
        self.view.select_span(span_id)
        self.view.setFocus()

    def _on_palette_clicked(self, name: str) -> None:
        exact = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.AltModifier)
        self.controller.label(name, exact=exact)

    def _on_match(self, start: int, end: int) -> None:
        self.controller.select_found(start, end)
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_document_details(self) -> None:
        """Open (or raise) the details of the document on screen; they follow the document."""
        if self.details is None:
            details = self.details = DocumentDetails(self)
            self.controller.documentOpened.connect(
                lambda _id: details.show_document(self.controller.document)
            )
        self.details.show_document(self.controller.document)
        self.details.show()
        self.details.raise_()

    def _find_step(self, backwards: bool) -> None:
        if not self.find_bar.isVisible():
            self.find_bar.open_bar()
            return
        self.find_bar.step(backwards=backwards)

    def _update_speaker_buttons(self) -> None:
        span_id = self.view.selected_span()
        span = None if span_id is None else self.controller.span_model.span_by_id(span_id)
        label = None if span is None else self.controller.labels.get(span.label)
        is_quote = label is not None and label.kind is Kind.QUOTE
        self.side.pick_button.setEnabled(is_quote)
        self.side.remove_speaker_button.setEnabled(
            span is not None
            and is_quote
            and self.controller.span_model.speaker_relation(span.id) is not None
        )

    def refresh_status(self, *, position: bool = True) -> None:
        """The status bar; the document position (two queries) only when it can change."""
        self.status.show_annotator(self.controller.annotator)
        if position:
            where, total = self.navigator.position()
            self.status.show_position(where, total)
            empty = total == 0  # an empty project: the hint says how to add articles
            self.hint.setVisible(empty)
            self.view.setVisible(not empty)
        self.status.show_spans(self.controller.span_model.rowCount())
        self._update_speaker_buttons()

    # -- what the project and dialog actions ask of the window (window_actions.ActionsHost) --
    @property
    def annotator(self) -> str:
        return self.controller.annotator

    @property
    def label_edits(self) -> AnnotationController:
        return self.controller

    def _merged(self) -> None:
        self.after_import(True)

    def after_import(self, imported: bool) -> None:
        c = self.controller
        if self.repo.labels() != c.labels:  # the import brought labels (ANERcorp's PERS)
            c.reload_labels()  # their buttons, colours and menus, before a document opens
        if imported:
            c.document_model.reload()
            if c.document_id is None:
                self.navigator.restore()
            self.documents.show_current()
            self.refresh_status()

    def labels_edited(self, renamed: bool) -> None:
        self.controller.reload_labels(renamed=renamed)

    def apply_settings(self, values: SettingsValues) -> None:
        self.curation.session.stop()  # the settings may name another annotator or curator
        old_language = self.settings.language()
        self.settings.set_annotator(values.annotator)
        self.controller.set_annotator(values.annotator)
        self.settings.set_font_family(values.font_family)
        self.view.set_font_family(values.font_family or None)
        self.view.set_zoom(values.zoom)
        self.refresh_status()
        if values.language != old_language:
            self.settings.set_language(values.language)
            self.set_language(values.language)  # at once, in this window: the undo history stays

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.action_set.retranslate()
        self.menus.retranslate(self.controller.labels)
        self.hint.retranslate(self.action_set.key_text("import"))
        self.documents_dock.setWindowTitle(self.tr("Documents"))
        self.side_dock.setWindowTitle(self.tr("Annotations"))
        self.side.pick_button.setText(
            self.tr("Pick speaker ({key})").format(
                key=ltr(self.action_set.key_text("pick_speaker"))
            )
        )
        self.side.remove_speaker_button.setText(self.tr("Remove speaker"))
        self.side.retranslate()
        self.controller.suggestion_keys.refresh()  # the list's note, in the new language
        self.documents.retranslate()
        self.find_bar.retranslate()
        self.search.retranslate()
        self.training.refresh()  # the model's state, in the new language
        self.curation.retranslate()

    # -- closing ----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch the interface language now ("" = the system's): every text, the direction,
        and the docks to their side of it (the layout last used in that direction, else the
        present one mirrored). The undo history and the place in the article stay."""
        was_rtl = self.rtl
        self.settings.save_window(self.saveGeometry(), docks.save(self, was_rtl), was_rtl)
        i18n.install(language)
        if self.rtl != was_rtl and not docks.restore(
            self, self.settings.window_state(self.rtl), self.rtl
        ):
            docks.mirror(self, [self.documents_dock, self.side_dock, self.curation.dock])
        self.retranslate()
        self.status.show_action("")  # the last message was in the old language
        self.controller.document_model.retranslate()
        self.controller.span_model.retranslate()
        self.refresh_status()
        self._show_title()
        if self.window_actions.map is not None:
            self.window_actions.map.refresh()
        if self.window_actions.clitics is not None:
            self.window_actions.clitics.retranslate()
        self.reports.retranslate()
        self.team.retranslate()
        if self.details is not None:  # its row names were made in the old language
            shown = self.details.isVisible()
            self.details.close()
            self.details.deleteLater()
            self.details = None
            if shown:
                self.show_document_details()

    def save_state(self) -> None:
        self.navigator.save_place(sync=True)
        self.settings.save_window(self.saveGeometry(), docks.save(self, self.rtl), self.rtl)
        self.settings.sync()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.watch.poll()  # back from a dialog or another program: is the file as it was?

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
        if event.isAccepted():
            self.reports.close()
            self.search.close()
            self.training.close()
            self.scoring.close()
            self.controller.close()
            self.repo.close()

    def menu(self, name: str) -> QMenu:
        """A menu by name: project, recent, edit, annotate, label, exact, go, view, help."""
        return self.menus[name]
