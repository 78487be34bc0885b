"""Long work on a thread of its own, with progress and cancel (../shared/DESIGN.md §8: nothing
slow on the GUI thread).

``Job(work)`` runs ``work(step)`` on a Python thread; ``work`` opens what it needs itself (a
project connection of its own: SQLite connections of one process share their locks correctly)
and calls ``step(done, total, what)`` as it goes. ``step`` carries the progress to the GUI thread (a
signal of a QObject living there) and, once ``cancel()`` was asked, raises ``Cancelled`` inside
the work, so the work stops where it is and unwinds: an export's temporary files are removed,
nothing is renamed. ``run_modal`` shows a progress window with a Cancel button and waits in a
local event loop, so the window keeps painting while the work runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.core.errors import Cancelled

T = TypeVar("T")
Step = Callable[[int, int, str], None]  # done, total (0: not known), what is done now


class _Signals(QObject):
    progress = Signal(int, int, str)  # done, total (0: not known), what is done now
    finished = Signal()


class _Relay(QObject):
    """Receives a job's progress on the GUI thread: a signal emitted on the job's thread is
    queued to a slot of a QObject living here (a plain Python callable would be called on the
    job's thread, and touching a widget from there aborts the process)."""

    def __init__(self, moved: Callable[[int, int, str], None], parent: QObject) -> None:
        super().__init__(parent)
        self._moved: Callable[[int, int, str], None] | None = moved

    def forget(self) -> None:
        """The owner replaced or cancelled this run: its progress is not shown any more (its
        end still reaches ``ended``, which drops it)."""
        self._moved = None

    @Slot(int, int, str)
    def moved(self, done: int, total: int, what: str) -> None:
        if self._moved is not None:
            self._moved(done, total, what)

    def stop(self) -> None:
        """Progress still queued when the work has ended is dropped: a window-modal progress
        window's setValue runs the event loop, which could delete the window inside it."""
        self._moved = None


class Watch(QObject):
    """A Job run beside the window, watched from the GUI thread: its progress and its end reach
    ``moved`` and ``ended`` through slots of this QObject (a signal emitted on the Job's
    thread reaches a plain callable on that thread, where touching a widget aborts). The
    owner keeps the watch of its current run and compares it in ``ended``: an answer of a run
    it replaced or cancelled is dropped there. The Job's signals and the watch are deleted
    after the end."""

    def __init__(
        self,
        job: Job[Any],
        parent: QObject,
        ended: Callable[[Watch], None],
        moved: Callable[[int, int, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.job = job
        self._ended, self._moved = ended, moved
        job.signals.progress.connect(self.moved)
        job.signals.finished.connect(self.finished)

    def forget(self) -> None:
        """The owner replaced or cancelled this run: its progress is not shown any more (its
        end still reaches ``ended``, which drops it)."""
        self._moved = None

    @Slot(int, int, str)
    def moved(self, done: int, total: int, what: str) -> None:
        if self._moved is not None:
            self._moved(done, total, what)

    @Slot()
    def finished(self) -> None:
        self._ended(self)
        self.job.signals.deleteLater()
        self.deleteLater()


# Jobs started and not yet let go of: only the GUI thread adds and removes (docs/adr/0081)
_started: set[Job[Any]] = set()


class _Reaper(QObject):
    """Lets go of the jobs whose work has ended, on the GUI thread, once their thread is over.

    A job's thread holds the job, and through its work all the work's closure holds, until
    the thread's very end, a moment after it emitted ``finished``. Were its owner to forget
    the run before, the thread would drop the last reference, and a Qt object deleted there
    leaves its timers registered with the GUI thread's event loop, which fires them on freed
    memory later (``QTimerInfoList::activateTimers``: a segfault seen in CI)."""

    @Slot()
    def reap(self) -> None:
        for job in [job for job in _started if job._ended.is_set()]:
            job._thread.join()  # short: emitting ``finished`` was the thread's last act
            _started.discard(job)


_reaper: _Reaper | None = None


def _reaper_here() -> _Reaper:
    global _reaper
    if _reaper is None:  # made by the first start, on the GUI thread, where it stays
        _reaper = _Reaper()
    return _reaper


class Job(Generic[T]):
    """``work(step)`` on a thread of its own; ``result()`` is its value or raises its error."""

    def __init__(self, name: str, work: Callable[[Step], T], parent: QObject | None = None):
        self.name = name
        self.signals = _Signals(parent)
        self._work = work
        self._cancel = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None
        self._done = False
        self._ended = threading.Event()  # set by the thread just before it emits ``finished``
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        """Start the work (on the GUI thread): the job is kept until its thread is over."""
        _started.add(self)
        self.signals.finished.connect(_reaper_here().reap)
        self._thread.start()

    def cancel(self) -> None:
        """Ask the work to stop: its next ``step`` raises Cancelled."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def step(self, done: int, total: int, what: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled(f"the {self.name}")
        self.signals.progress.emit(done, total, what)

    def result(self) -> T:
        """The work's value, or the error it raised (once ``finished`` has been emitted)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._done
        return self._value  # type: ignore[return-value]

    def _run(self) -> None:
        try:
            self._value = self._work(self.step)
            self._done = True
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self._error = exc
        finally:
            self._ended.set()
            self.signals.finished.emit()

    def run_modal(
        self,
        parent: QWidget,
        label: str,
        *,
        after_ms: int = 300,
        describe: Callable[[int, int, str], str] | None = None,
    ) -> T:
        """Run with a window-modal progress window (its Cancel button cancels) and wait for the
        end in a local event loop; the progress window is gone on every path. ``describe``:
        the progress window's text for a step (done, total, what), else ``label`` throughout."""
        cancel = QCoreApplication.translate("Background", "Cancel")
        progress = QProgressDialog(label, cancel, 0, 0, parent)
        progress.setObjectName(f"{self.name}-progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(after_ms)
        progress.setAutoReset(False)
        progress.setAutoClose(False)
        progress.canceled.connect(self.cancel)

        def moved(done: int, total: int, what: str) -> None:
            if describe is not None:
                progress.setLabelText(describe(done, total, what))
            progress.setMaximum(0 if total <= 1 else total)  # one item, or none known: busy
            progress.setValue(done)

        loop = QEventLoop(parent)
        relay = _Relay(moved, progress)
        self.signals.progress.connect(relay.moved)
        self.signals.finished.connect(loop.quit)
        try:
            self.start()
            loop.exec()
            return self.result()
        finally:
            relay.stop()
            progress.close()
            progress.deleteLater()
            self.signals.deleteLater()
            if parent.isVisible():  # the progress window took the keyboard: give it back
                parent.window().activateWindow()
