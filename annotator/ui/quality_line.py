"""The recommenders' quality in the Suggestions panel (issue 11, docs/adr/0070): a line under
the list with each recommender's F1, precision and recall against the documents marked done
and what they were computed on, a button to measure (again) and one for the table per label
(Suggestions → Recommender quality…); each suggestion's row says in its tooltip how good its
recommender is on its label.

The figures are ``ops.recommender_quality.measure``'s, the dialog's and ``annotator suggest
--evaluate``'s. Measuring reads every document marked done (4 s over 40 ANERcorp documents),
so it runs on a background Job with a read-only connection of its own when the annotator asks
or the dialog measured; an edit to the project afterwards marks the figures out of date (they
stay, with Measure again beside them) rather than measuring again behind the annotator's keys.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import suppress

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from annotator.core.errors import AnnotatorError, Cancelled
from annotator.ops.recommender_quality import QualityReport, measure
from annotator.ops.suggesting import Quality
from annotator.store import Repository, open_project
from annotator.ui.background import Job, Step, Watch
from annotator.ui.text import isolate, ltr


def overall(report: QualityReport) -> list[Quality]:
    """Each measured recommender's figures over all its labels (micro: counts summed)."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for q in report.table:
        counts = sums[q.recommender]
        counts[0] += q.right
        counts[1] += q.suggested
        counts[2] += q.gold
    return [Quality(name, "", *counts) for name, counts in sums.items()]


def per_label(report: QualityReport) -> dict[tuple[str, str], Quality]:
    return {(q.recommender, q.label): q for q in report.table}


class QualityLine(QWidget):
    """The line itself, with a Measure button (which emits ``measureAsked``) and a Per label…
    button (``detailsAsked``: the quality dialog)."""

    measureAsked = Signal()
    detailsAsked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestion-quality")
        self.text = QLabel(self)
        self.text.setObjectName("suggestion-quality-text")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.measure_button = QToolButton(self)
        self.measure_button.setObjectName("measure-quality")
        self.details_button = QToolButton(self)
        self.details_button.setObjectName("quality-per-label")
        for button in (self.measure_button, self.details_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay the viewer's
        self.measure_button.clicked.connect(self.measureAsked)
        self.details_button.clicked.connect(self.detailsAsked)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.measure_button)
        buttons.addWidget(self.details_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.report: QualityReport | None = None
        self.stale = False
        self.measuring = False
        self.failure = ""
        self.show_state()

    def show_state(self) -> None:
        """The line for what is known now (also after a change of interface language)."""
        self.measure_button.setText(
            self.tr("Measure again") if self.report is not None else self.tr("Measure quality")
        )
        self.measure_button.setEnabled(not self.measuring)
        self.details_button.setText(self.tr("Per label…"))
        self.details_button.setVisible(bool(self.report and self.report.documents))
        if self.measuring:
            text = self.tr("Measuring the recommenders on the documents marked done…")
        elif self.failure:
            text = self.tr("The quality could not be measured: {error}").format(
                error=isolate(self.failure)
            )
        elif self.report is None:
            text = self.tr("Quality against your documents marked done: not measured yet.")
        elif self.report.documents == 0:
            text = self.tr(
                "Quality: no document is marked done yet to measure the recommenders against."
            )
        else:
            text = self._figures(self.report)
        self.text.setText(text)

    def _figures(self, report: QualityReport) -> str:
        parts = [
            self.tr("{name} {f1} (precision {p}, recall {r})").format(
                name=isolate(q.recommender),  # as the list's Recommender column
                f1=ltr(f"F1 {q.f1:.2f}"),  # one left-to-right piece in Arabic too
                p=ltr(f"{q.precision:.2f}"),
                r=ltr(f"{q.recall:.2f}"),
            )
            for q in overall(report)
        ]
        if not parts:
            parts = [self.tr("no recommender can suggest anything in this project")]
        line = self.tr("Quality over {n} document(s) marked done, {spans} span(s): ").format(
            n=ltr(str(report.documents)), spans=ltr(str(report.spans))
        ) + self.tr("; ").join(parts)
        if self.stale:
            line += " " + self.tr("(the project changed since it was measured)")
        return line


class QualityWatch(QObject):
    """Measures on a Job when asked and shows the result on the line; ``measured`` carries each
    report (the suggestion list's tooltips read it)."""

    measured = Signal(object)  # QualityReport

    def __init__(self, repo: Repository, line: QualityLine, parent: QObject) -> None:
        super().__init__(parent)
        self.repo, self.line = repo, line
        self.running: Watch | None = None
        line.measureAsked.connect(self.measure)

    def measure(self) -> None:
        if self.running is not None:
            return
        project, timeout = self.repo.path, self.repo.timeout

        def work(step: Step) -> QualityReport:
            with open_project(project, create=False, read_only=True, timeout=timeout) as repo:
                return measure(repo, progress=lambda done, total: step(done, total, ""))

        job: Job[QualityReport] = Job("quality-line", work)
        self.running = Watch(job, self, self.ended)
        self.line.measuring, self.line.failure = True, ""
        self.line.show_state()
        job.start()

    def ended(self, ended: Watch) -> None:
        if ended is not self.running:
            return  # closed meanwhile
        self.running = None
        self.line.measuring = False
        try:
            report: QualityReport = ended.job.result()
        except Cancelled:
            self.line.show_state()
            return
        except AnnotatorError as exc:
            self.line.failure = str(exc)
            self.line.show_state()
            return
        self.show(report)

    def show(self, report: QualityReport) -> None:
        """A report measured here or by the quality dialog."""
        self.line.report, self.line.stale, self.line.failure = report, False, ""
        self.line.show_state()
        self.measured.emit(report)

    def changed(self) -> None:
        """The project was edited: figures measured before are out of date."""
        if self.line.report is not None and not self.line.stale:
            self.line.stale = True
            self.line.show_state()

    def close(self) -> None:
        """The window closes: a measure still running stops at its next document."""
        running, self.running = self.running, None
        if running is not None:
            running.job.cancel()
            running.job.signals.finished.disconnect(running.finished)
            with suppress(AnnotatorError):
                running.job.result()
