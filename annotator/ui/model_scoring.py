"""Active learning in the window (issue 12, docs/adr/0073): the project's model scores the
unfinished documents on a background Job (a project connection of its own) when the window
opens and after every training it stores, so "next most useful" and the list's Certainty
column are ready without a key ever waiting for it; Go → Open the most useful document next
(a checkable action, remembered in the user's settings) makes Ctrl+Enter open the document
the model is least sure of.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.ops import active_learning
from annotator.store import open_project
from annotator.ui.background import Job, Step, Watch
from annotator.ui.document_model import DocumentListModel
from annotator.ui.text import ltr

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class ModelScoring(QObject):
    """One scoring Job at a time; a request while one runs starts another after it (a new
    model was stored meanwhile: the running one may have read the old one)."""

    scored = Signal(int)  # documents scored: the list shows their certainty

    def __init__(
        self,
        project: Path,
        timeout: float,
        annotator: Callable[[], str],
        say: Callable[[str], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.project, self.timeout, self.annotator, self.say = project, timeout, annotator, say
        self.watch: Watch | None = None
        self._again = False
        # after a training: the scoring's own message would replace the training's ("the
        # model recommender is switched on") a moment after it shows; the list says it
        self._quiet = False

    @property
    def running(self) -> bool:
        return self.watch is not None

    def start_after_training(self) -> None:
        """``start``, saying nothing when it succeeds: the training's message stays."""
        self._quiet = True
        self.start()

    def start(self) -> None:
        if self.watch is not None:
            self._again = True
            return
        project, timeout, annotator = self.project, self.timeout, self.annotator()

        def work(step: Step) -> active_learning.Scored:
            with open_project(project, create=False, timeout=timeout) as repo:
                return active_learning.score_unfinished(repo, annotator, step=step)

        job: Job[active_learning.Scored] = Job("score-documents", work, self)
        self.watch, self._again = Watch(job, self, self._ended), False
        job.start()

    def _ended(self, watch: Watch) -> None:
        if watch is not self.watch:  # closed meanwhile
            return
        self.watch = None
        try:
            scored = watch.job.result()
        except (active_learning.NoModel, Cancelled):
            scored = None  # nothing to score with; the training's state says why
        except AnnotatorError as exc:  # an unreadable model, a locked file
            self.say(self.tr("The documents were not scored: {reason}").format(reason=str(exc)))
            scored = None
        quiet = self._quiet
        self._quiet = quiet and self._again  # the run asked meanwhile came after a training
        if scored is not None and scored.documents:
            self.scored.emit(scored.documents)
            if not quiet:
                self.say(
                    self.tr("The model scored {count} documents for Open the most useful").format(
                        count=ltr(str(scored.documents))
                    )
                )
        if self._again:
            self.start()

    def close(self) -> None:
        """The window closes: a run going on stops at its next batch and is waited for."""
        watch, self.watch = self.watch, None
        if watch is None:
            return
        watch.job.cancel()
        with suppress(AnnotatorError):
            watch.job.result()


def wire_active_learning(window: MainWindow) -> None:
    """The Go menu's option, the scoring after each stored training and at the start, the
    list's Certainty column (hidden while the project has no model)."""
    c, scoring = window.controller, window.scoring
    toggle = window.action_set["most_useful_next"]
    toggle.setCheckable(True)
    toggle.setChecked(window.navigator.most_useful)

    def toggled(on: bool) -> None:
        window.navigator.most_useful = on
        window.settings.set_most_useful_next(on)
        text = (
            QCoreApplication.translate(
                "ModelScoring", "{key} opens the document the model is least sure of"
            )
            if on
            else QCoreApplication.translate(
                "ModelScoring", "{key} opens the next unfinished document in list order"
            )
        )
        c.say(text.format(key=ltr(window.action_set.key_text("done_next"))))

    toggle.toggled.connect(toggled)
    window.training.stored.connect(scoring.start_after_training)
    table, column = window.documents.table, DocumentListModel.CERTAINTY

    def shown(_count: int) -> None:
        table.setColumnHidden(column, False)
        c.document_model.reload()

    scoring.scored.connect(shown)
    has_model = active_learning.model_id(window.repo) is not None  # one indexed read
    table.setColumnHidden(column, not has_model)  # no room taken before a model scores
    if has_model:
        scoring.start()
