"""Suggestions in the window (issue 11): run the recommenders on the open document, step through
its open suggestions, accept or reject one or all of them. Each accept or reject is one
undoable edit through the store's inverse edits, like every other edit.

The suggestions live in the open document (core.open_document), which the viewer draws as
dashed frames. The "current" suggestion is the one selected (N / Shift+N), else the best-scoring
one under the caret. Running the recommenders is a ui.background.Job with a connection of its
own; the window keeps answering and the suggestions appear when it is done.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from annotator.core.edits import AcceptSuggestion, Composite, Edit, RejectSuggestion
from annotator.core.errors import AnnotatorError, Cancelled, NotFoundError
from annotator.core.open_document import OpenDocument
from annotator.core.recommender_settings import RecommenderSettings
from annotator.core.suggestions import Suggestion, SuggestionState
from annotator.ops import model_suggestions, spacy_pipeline, spacy_suggestions, suggesting
from annotator.store import Repository, open_project
from annotator.ui.background import Job, Step
from annotator.ui.suggestion_model import SuggestionListModel
from annotator.ui.text import QT_TRANSLATE_NOOP, isolate, ltr, short
from annotator.ui.viewer import ArticleView

# why a recommender produced nothing (ops/suggesting.py), in the window's words
REASONS = {
    suggesting.SWITCHED_OFF: QT_TRANSLATE_NOOP(
        "Suggestions", "switched off in the project's settings"
    ),
    suggesting.NO_LIST: QT_TRANSLATE_NOOP(
        "Suggestions", "no gazetteer in the project (Suggestions ▸ Suggestion settings…)"
    ),
    suggesting.NO_TEXT: QT_TRANSLATE_NOOP("Suggestions", "no labelled text in the project yet"),
    suggesting.NO_QUOTE_LABEL: QT_TRANSLATE_NOOP("Suggestions", "the project has no quote label"),
    model_suggestions.NO_MODEL: QT_TRANSLATE_NOOP(
        "Suggestions", "no trained model: train it (Suggestions ▸ Train the model…)"
    ),
    spacy_suggestions.NO_PIPELINE: QT_TRANSLATE_NOOP(
        "Suggestions", "no spaCy pipeline set (Suggestions ▸ Suggestion settings…)"
    ),
    spacy_pipeline.NOT_INSTALLED: QT_TRANSLATE_NOOP(
        "Suggestions", "spaCy is not installed: pip install spacy"
    ),
}


def reason_text(reason: str) -> str:
    words = REASONS.get(reason)
    return isolate(reason) if words is None else QCoreApplication.translate("Suggestions", words)


class Host(Protocol):
    """What the suggestion keys need of the window's controller."""

    @property
    def repo(self) -> Repository: ...

    @property
    def open(self) -> OpenDocument: ...

    @property
    def view(self) -> ArticleView: ...

    @property
    def annotator(self) -> str: ...

    @property
    def suggestion_model(self) -> SuggestionListModel: ...

    def push(self, edit: Edit, text: str, *, select: int | None = None) -> bool: ...

    def say(self, text: str) -> None: ...


class SuggestionKeys:
    def __init__(self, host: Host) -> None:
        self.host = host
        self.settings = RecommenderSettings()  # the project's, read again on each refresh
        self.why: dict[str, str] = {}  # recommender -> why it produced nothing (the last run)

    # -- reading ----------------------------------------------------------------------------
    def read_settings(self) -> RecommenderSettings:
        self.settings = self.host.repo.recommender_settings(suggesting.recommender_names()).settings
        return self.settings

    def refresh(self) -> None:
        """Read the open document's open suggestions again (after an edit, a run), and the
        project's settings: those below the minimum score are not shown (nor drawn, nor
        stepped to); the list says how many, and why a recommender produced nothing."""
        doc = self.host.open
        if doc.document_id is None:
            return
        self.read_settings()
        found = self.host.repo.suggestions(doc.document_id)
        shown = [s for s in found if s.score >= self.settings.min_score]
        self.host.suggestion_model.set_note(self._note(found, shown))
        doc.set_suggestions(shown)

    def _note(self, found: Sequence[Suggestion], shown: Sequence[Suggestion]) -> str:
        low = ltr(f"{self.settings.min_score:.2f}")
        lines = []
        if len(found) > len(shown):
            lines.append(
                QCoreApplication.translate(
                    "Suggestions", "{n} below the minimum score {score}"
                ).format(n=ltr(str(len(found) - len(shown))), score=low)
            )
        for name in suggesting.recommender_names():
            if name not in self.settings.enabled:
                why = reason_text(suggesting.SWITCHED_OFF)
            elif name in self.why:
                why = reason_text(self.why[name])
            elif any(s.recommender == name for s in found) and not any(
                s.recommender == name for s in shown
            ):
                why = QCoreApplication.translate(
                    "Suggestions", "all below the minimum score {score}"
                ).format(score=low)
            else:
                continue
            lines.append(f"{isolate(name)}: {why}")
        return "\n".join(lines)

    def refresh_some(
        self,
        suggestion_ids: Sequence[int],
        closed: Mapping[int, SuggestionState] = MappingProxyType({}),
    ) -> None:
        """Only these suggestions read again (what an accept or reject changed): a document
        with a thousand open suggestions is not read whole after each key. Those ``closed``
        (accepted or rejected, the edit's inverse says) that the document shows go without
        being read."""
        doc = self.host.open
        if doc.document_id is None:
            return
        shown = {s.id: s for s in doc.suggestions if s.id in closed}
        try:
            changed = [
                replace(shown[i], state=closed[i]) if i in shown else self.host.repo.suggestion(i)
                for i in suggestion_ids
            ]
        except NotFoundError:  # gone (another program): read them all
            self.refresh()
            return
        low = self.settings.min_score
        doc.update_suggestions(
            s for s in changed if s.document_id == doc.document_id and s.score >= low
        )

    def current(self) -> Suggestion | None:
        doc = self.host.open
        chosen = doc.suggestion(doc.selected_suggestion)
        if chosen is not None:
            return chosen
        caret = self.host.view.selection()[0]
        under = [s for s in doc.suggestions if s.start <= caret < s.end]
        return max(under, key=lambda s: s.score) if under else None

    def describe(self, s: Suggestion) -> str:
        text = isolate(short(self.host.open.text[s.start : s.end]))
        return QCoreApplication.translate(
            "Suggestions", "Suggestion: {label} {text} ({recommender}, score {score})"
        ).format(
            label=isolate(s.label),
            text=text,
            recommender=isolate(s.recommender),
            score=ltr(f"{s.score:.2f}"),
        )

    # -- stepping ---------------------------------------------------------------------------
    def step(self, forward: bool = True) -> None:
        """Select the next (previous) open suggestion after (before) the caret or the one
        selected, wrapping round; the viewer shows it selected."""
        doc = self.host.open
        if not doc.suggestions:
            self.host.say(
                QCoreApplication.translate(
                    "Suggestions", "No open suggestion in this document (Suggestions ▸ Suggest)"
                )
            )
            return
        ids = [s.id for s in doc.suggestions]
        if doc.selected_suggestion in ids:
            at = ids.index(doc.selected_suggestion) + (1 if forward else -1)
        else:
            caret = self.host.view.selection()[0]
            after = [i for i, s in enumerate(doc.suggestions) if s.start >= caret]
            at = (after[0] if after else 0) if forward else (after[0] - 1 if after else -1)
        self._show(doc.suggestions[at % len(ids)])

    def select(self, suggestion_id: int) -> None:
        """Select this suggestion (a click on its row in the Suggestions list)."""
        chosen = self.host.open.suggestion(suggestion_id)
        if chosen is not None:
            self._show(chosen)

    def _show(self, chosen: Suggestion) -> None:
        self.host.view.select_span(None)
        self.host.view.set_selection(chosen.start, chosen.end)
        self.host.open.select_suggestion(chosen.id)
        self.host.say(self.describe(chosen))

    # -- accepting and rejecting ------------------------------------------------------------
    def accept(self) -> None:
        self._decide(QT_TRANSLATE_NOOP("Suggestions", "Accept {label} {text}"), accept=True)

    def reject(self) -> None:
        self._decide(QT_TRANSLATE_NOOP("Suggestions", "Reject {label} {text}"), accept=False)

    def _decide(self, words: str, *, accept: bool) -> None:
        """Accept or reject the current suggestion: one undoable edit, named in the bar."""
        chosen = self._chosen()
        if chosen is None or chosen.id is None:
            return
        action = QCoreApplication.translate("Suggestions", words).format(
            label=isolate(chosen.label),
            text=isolate(short(self.host.open.text[chosen.start : chosen.end])),
        )
        edit: Edit = (
            AcceptSuggestion(chosen.id, self.host.annotator)
            if accept
            else RejectSuggestion(chosen.id)
        )
        if self.host.push(edit, action):
            self.host.say(action)

    def accept_all(self) -> None:
        doc_id = self.host.open.document_id
        if doc_id is None:
            return
        _, edits = suggesting.accept_edits(
            self.host.repo,
            annotator=self.host.annotator,
            document_id=doc_id,
            min_score=self.settings.min_score,  # those shown
        )
        if not edits:
            self.host.say(
                QCoreApplication.translate("Suggestions", "No open suggestion to accept here")
            )
            return
        action = QCoreApplication.translate(
            "Suggestions", "Accept the {n} suggestion(s) of this document"
        ).format(n=ltr(str(len(edits))))
        if self.host.push(Composite(tuple(edits)), action):
            self.host.say(action)

    def reject_all(self) -> None:
        shown = [s.id for s in self.host.open.suggestions if s.id is not None]
        if not shown:
            self.host.say(
                QCoreApplication.translate("Suggestions", "No open suggestion to reject here")
            )
            return
        action = QCoreApplication.translate(
            "Suggestions", "Reject the {n} suggestion(s) of this document"
        ).format(n=ltr(str(len(shown))))
        if self.host.push(Composite(tuple(RejectSuggestion(i) for i in shown)), action):
            self.host.say(action)

    def _chosen(self) -> Suggestion | None:
        chosen = self.current()
        if chosen is None:
            self.host.say(
                QCoreApplication.translate(
                    "Suggestions", "No suggestion here: N selects the next one"
                )
            )
        return chosen

    # -- running the recommenders -----------------------------------------------------------
    def work(self, document_id: int) -> Callable[[Step], suggesting.SuggestReport]:
        """What a Job runs: the recommenders the project switches on, over one document, on a
        connection of its own."""
        project, timeout = self.host.repo.path, self.host.repo.timeout

        def work(step: Step) -> suggesting.SuggestReport:
            with open_project(project, create=False, timeout=timeout) as repo:
                return suggesting.suggest(
                    repo,
                    documents=[document_id],
                    progress=lambda done, total: step(done, total, ""),
                )

        return work

    def run(self, parent: QWidget) -> None:
        """The recommenders over the open document, beside the window (a Job): what they
        suggest replaces their open suggestions of it; rejected ones never come back."""
        doc_id = self.host.open.document_id
        if doc_id is None:
            return
        if not self.read_settings().enabled:
            self.host.say(
                QCoreApplication.translate(
                    "Suggestions",
                    "No recommender is switched on (Suggestions ▸ Suggestion settings…)",
                )
            )
            return
        label = QCoreApplication.translate("Suggestions", "Suggesting…")
        try:
            report = Job("suggest", self.work(doc_id), parent).run_modal(parent, label)
        except Cancelled:
            return
        except AnnotatorError as exc:
            self.host.say(str(exc))
            return
        self.finished(report)

    def finished(self, report: suggesting.SuggestReport) -> None:
        """A run on the open document ended: its suggestions shown, the bar says how many."""
        self.why = {
            n: why for n, why in report.why_nothing.items() if why != suggesting.SWITCHED_OFF
        }
        self.why.update(report.notes)  # what a recommender left out (labels not mapped)
        self.refresh()
        self.host.say(self._summary(report))

    def _summary(self, report: suggesting.SuggestReport) -> str:
        text = QCoreApplication.translate(
            "Suggestions", "{n} open suggestion(s) in this document; N selects the next"
        ).format(n=ltr(str(len(self.host.open.suggestions))))
        why = "; ".join(
            f"{isolate(name)}: {reason_text(reason)}"
            for name, reason in report.why_nothing.items()
            if reason != suggesting.SWITCHED_OFF
        )
        return f"{text} ({why})" if why else text

    def edit_settings(self, parent: QWidget) -> None:
        """Suggestions ▸ Suggestion settings…: stored in the project; the list and the frames
        follow the minimum score at once."""
        from annotator.ui.suggestion_settings_dialog import SuggestionSettingsDialog

        dialog = SuggestionSettingsDialog(self.host.repo, parent)
        saved = dialog.exec()
        if saved or dialog.lists_changed:
            self.refresh()
        if saved:
            self.host.say(QCoreApplication.translate("Suggestions", "Suggestion settings saved"))
