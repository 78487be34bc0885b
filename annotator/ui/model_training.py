"""Suggestions ▸ Train the model… (issue 12, docs/adr/0069): the project's CRF model trained
and cross-validated on a background Job with a project connection of its own, then stored in
the project file; the keys keep working meanwhile (nothing modal: crfsuite learns in a process
of its own, ops/training_apart.py). With the project's setting
"retrain after every N new spans" (N > 0) it starts by itself once N spans were added since
the last start (or since the project was opened). The state is a permanent
field of the status bar: "Model: training…", "Model: trained on N spans in M documents at
TIME (F1 x.xx)", "Model: failed: reason", or that there is none yet. Suggestions ▸ Cancel
training ends the training process at once; nothing is stored then.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.ops import model_store
from annotator.store import open_project
from annotator.ui.background import Job, Step
from annotator.ui.text import ltr

Trained = tuple[model_store.Model, bool]


class _Ended(QObject):
    """Receives the Job's end on the GUI thread (a QObject slot: the signal comes from the
    Job's thread)."""

    def __init__(self, ended: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._ended = ended

    @Slot()
    def finished(self) -> None:
        self._ended()


class _Moved(QObject):
    def __init__(self, moved: Callable[[int, int, str], None], parent: QObject) -> None:
        super().__init__(parent)
        self._moved = moved

    @Slot(int, int, str)
    def moved(self, done: int, total: int, what: str) -> None:
        self._moved(done, total, what)


def _when(iso: str) -> str:
    moment = QDateTime.fromString(iso[:23], Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        return iso
    moment.setTimeZone(QDateTime.currentDateTimeUtc().timeZone())
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def trained_text(model: model_store.Model) -> str:
    return QCoreApplication.translate(
        "ModelTraining",
        "Model: trained on {spans} spans in {documents} documents at {time} ({f1})",
    ).format(
        spans=ltr(str(model.trained.spans)),
        documents=ltr(str(model.trained.documents)),
        time=ltr(_when(model.when)),
        f1=ltr(f"F1 {model.f1:.2f}"),  # one run left to right: "F1 0.72"
    )


class ModelTraining(QObject):
    """The window's training: one Job at a time, its state in the status bar; ``stored``
    once a model is stored (the documents are scored with it then, ADR 0073)."""

    stored = Signal()

    def __init__(
        self,
        project: Path,
        timeout: float,
        bar: QStatusBar,
        cancel_action: QAction,
        say: Callable[[str], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.project, self.timeout, self.say = project, timeout, say
        self.state = QLabel(bar)
        self.state.setObjectName("model-state")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        bar.addPermanentWidget(self.state)
        self.cancel_action = cancel_action
        cancel_action.setEnabled(False)
        self.job: Job[Trained] | None = None
        self._relays: tuple[_Ended, _Moved] | None = None
        self._failed: str | None = None
        self._counted: Callable[[], int] | None = None
        self._baseline = 0
        self.refresh()

    def count_with(self, counted: Callable[[], int]) -> None:
        """Count the project's spans with ``counted`` (the window's connection): what
        ``edited`` compares with the count when the last training started."""
        self._counted = counted
        self._baseline = counted()

    def edited(self, retrain_every: int) -> None:
        """A document was edited: start training if ``retrain_every`` new spans were added."""
        if retrain_every <= 0 or self.job is not None or self._counted is None:
            return
        if self._counted() - self._baseline >= retrain_every:
            self.start(automatic=True)

    @property
    def running(self) -> bool:
        return self.job is not None

    def refresh(self) -> None:
        """The state as the project file has it (or the run going on, or the last failure)."""
        if self.job is not None:
            self.state.setText(self.tr("Model: training…"))
            return
        if self._failed is not None:
            self.state.setText(self.tr("Model: failed: {reason}").format(reason=self._failed))
            return
        try:
            with open_project(self.project, create=False, read_only=True) as repo:
                model = model_store.stored_model(repo)
                if model is not None:
                    model_store.suggester(model).close()  # its bytes load
        except model_store.ModelUnreadable:
            self.state.setText(self.tr("Model: the stored model cannot be read: train it again"))
            return
        except AnnotatorError as exc:
            self.state.setText(self.tr("Model: failed: {reason}").format(reason=str(exc)))
            return
        if model is None:
            self.state.setText(self.tr("Model: none trained yet"))
        else:
            self.state.setText(trained_text(model))

    def start(self, *, automatic: bool = False) -> None:
        """Train on a Job; a second request while one runs is refused in the status bar."""
        if self._counted is not None:
            self._baseline = self._counted()
        if self.job is not None:
            self.say(self.tr("The model is being trained already"))
            return
        project, timeout = self.project, self.timeout

        def work(step: Step) -> Trained:
            with open_project(project, create=False, timeout=timeout) as repo:
                return model_store.train_and_store(repo, step=step, apart=True)

        job: Job[Trained] = Job("train-model", work, self)
        ended, moved = _Ended(self._ended, self), _Moved(self._moved, self)
        job.signals.finished.connect(ended.finished)
        job.signals.progress.connect(moved.moved)
        self.job, self._relays, self._failed = job, (ended, moved), None
        self.cancel_action.setEnabled(True)
        self.refresh()
        if automatic:
            self.say(self.tr("New spans: training the model again in the background"))
        else:
            self.say(self.tr("Training the model in the background; the keys keep working"))
        job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _moved(self, done: int, total: int, what: str) -> None:
        if self.job is None or what != "fold":
            return
        self.state.setText(
            self.tr("Model: training… (fold {fold} of {folds})").format(
                fold=ltr(str(done - 1)), folds=ltr(str(total - 2))
            )
        )

    def _ended(self) -> None:
        job, relays = self.job, self._relays
        if job is None or relays is None:  # closed meanwhile
            return
        self.job, self._relays = None, None
        self.cancel_action.setEnabled(False)
        for relay in relays:
            relay.deleteLater()
        job.signals.deleteLater()
        try:
            model, first = job.result()
        except Cancelled:
            self.say(self.tr("Training cancelled: the stored model is as it was"))
        except AnnotatorError as exc:
            self._failed = str(exc)
            self.say(self.tr("Training failed: {reason}").format(reason=str(exc)))
        else:
            text = trained_text(model)
            if first:
                text = self.tr("{trained}; the model recommender is switched on").format(
                    trained=text
                )
            self.say(text)
            self.stored.emit()
        self.refresh()

    def close(self) -> None:
        """The window closes: a run going on stops at its next step and is waited for."""
        job, self.job = self.job, None
        if job is None:
            return
        job.cancel()
        if self._relays is not None:
            job.signals.finished.disconnect(self._relays[0].finished)
        with suppress(AnnotatorError):
            job.result()
