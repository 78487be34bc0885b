"""Suggest when a document opens (issue 11, docs/adr/0059): with the project's setting on, the
recommenders it switches on run on each document the window opens, on a background Job (its
own connection): opening and keys never wait for them.

One Job per document at a time. Its result is in the project file when it ends; it is shown
only if that document is still the open one: a run for a document the user has left does not
disturb the one on screen (its suggestions are there when the user comes back).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QCoreApplication, QObject, Slot

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.ops.suggesting import SuggestReport
from annotator.ui.background import Job
from annotator.ui.suggestion_keys import SuggestionKeys
from annotator.ui.text import ltr


class _Ended(QObject):
    """Receives the end of one document's Job on the GUI thread (a QObject slot: the Job's
    signal is emitted on its own thread)."""

    def __init__(self, document_id: int, ended: Callable[[int], None], parent: QObject) -> None:
        super().__init__(parent)
        self.document_id = document_id
        self._ended = ended

    @Slot()
    def finished(self) -> None:
        self._ended(self.document_id)


class SuggestOnOpen(QObject):
    def __init__(self, keys: SuggestionKeys, parent: QObject) -> None:
        super().__init__(parent)
        self.keys = keys
        self.jobs: dict[int, tuple[Job[SuggestReport], _Ended]] = {}  # document id -> its run

    @property
    def running(self) -> bool:
        return bool(self.jobs)

    def opened(self, document_id: int) -> None:
        """A document opened: run the recommenders on it if the project says so."""
        settings = self.keys.settings  # read by the refresh that showed the document
        if not settings.run_on_open or not settings.enabled or document_id in self.jobs:
            return
        job = Job("suggest-on-open", self.keys.work(document_id), self)
        ended = _Ended(document_id, self._ended, self)
        job.signals.finished.connect(ended.finished)
        self.jobs[document_id] = (job, ended)
        job.start()

    def _ended(self, document_id: int) -> None:
        running = self.jobs.pop(document_id, None)
        if running is None:  # the project was closed meanwhile
            return
        job, ended = running
        ended.deleteLater()
        job.signals.deleteLater()
        try:
            report = job.result()
        except Cancelled:
            return
        except AnnotatorError as exc:
            self.keys.host.say(str(exc))
            return
        if self.keys.host.open.document_id != document_id:
            return  # stored; the document on screen is another one
        self.keys.finished(report)
        self.keys.host.say(
            QCoreApplication.translate(
                "Suggestions", "Suggested on opening: {n} open suggestion(s); N selects the next"
            ).format(n=ltr(str(len(self.keys.host.open.suggestions))))
        )

    def close(self) -> None:
        """The window closes the project: runs still going stop at their next step and are
        waited for (one document each), so none reports to a window that is gone."""
        jobs, self.jobs = list(self.jobs.values()), {}
        for job, _ in jobs:
            job.cancel()
        for job, ended in jobs:
            job.signals.finished.disconnect(ended.finished)
            with suppress(AnnotatorError):  # cancelled, or it failed: nobody to tell now
                job.result()
