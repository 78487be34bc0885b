"""Store errors in plain words, in the interface language, chosen by the error's type.

The store's messages are English and name the file (``/x/p.annot.db is being written by another
program…``): the window shows a translated sentence saying what happened and what to do, and
keeps the store's own words as the detail (a second line and the tooltip of the banner), for a
bug report or the person who looks after the file.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from annotator.core.errors import (
    AnnotatorError,
    ConflictError,
    NotFoundError,
    ProjectFileError,
    ProjectLockedError,
)
from annotator.store.guard import ProjectDetachedError


@dataclass(frozen=True, slots=True)
class Explained:
    """``text``: what the user reads first; ``detail``: the error's own (English) message,
    empty when ``text`` already holds it."""

    text: str
    detail: str

    def as_text(self) -> str:
        """Both, for a message box: the sentence, a blank line, the detail."""
        return f"{self.text}\n\n{self.detail}" if self.detail else self.text


def _locked() -> str:
    return QCoreApplication.translate(
        "ErrorText",
        "The project is being written by another program (for example an import). "
        "Try again in a moment.",
    )


def write_failed(error: AnnotatorError) -> Explained:
    """An edit (or its undo or redo) that the project file did not take."""
    detail = str(error)
    if isinstance(error, ProjectLockedError):
        return Explained(_locked(), detail)
    if isinstance(error, ProjectDetachedError):
        return project_reopened(error)
    if isinstance(error, ProjectFileError):
        text = QCoreApplication.translate(
            "ErrorText",
            "The project file cannot be written (read-only, disk full or removed). "
            "Nothing was changed.",
        )
        return Explained(text, detail)
    # ValidationError, NotFoundError...: the detail is what the user needs to know
    return Explained(
        QCoreApplication.translate("ErrorText", "Not saved: {reason}").format(reason=detail), ""
    )


def step_refused(error: ConflictError, action: str, *, undo: bool) -> Explained:
    """An undo or redo refused because another window or program changed its target since."""
    text = (
        QCoreApplication.translate(
            "ErrorText",
            "Not undone: {action}. Another window or program has changed it since; this step "
            "was taken out of the undo history.",
        )
        if undo
        else QCoreApplication.translate(
            "ErrorText",
            "Not redone: {action}. Another window or program has changed it since; this step "
            "was taken out of the undo history.",
        )
    )
    return Explained(text.format(action=action), str(error))


def project_reopened(error: ProjectDetachedError) -> Explained:
    """The project's journal was removed under the window, which opened the file again."""
    text = QCoreApplication.translate(
        "ErrorText",
        "Another program removed the project's journal file while this window had the project "
        "open. The project was opened again from the file and the article shows what it holds: "
        "if your last action is not there, do it again.",
    )
    return Explained(text, str(error))


def project_not_opened(error: AnnotatorError) -> Explained:
    """Opening a project file failed (not a project, locked, newer schema, unreadable)."""
    if isinstance(error, ProjectLockedError):
        return Explained(_locked(), str(error))
    return Explained(
        QCoreApplication.translate("ErrorText", "The project cannot be opened."), str(error)
    )


def document_not_opened(error: AnnotatorError) -> Explained:
    """Reading a document of the open project failed."""
    if isinstance(error, ProjectLockedError):
        return Explained(_locked(), str(error))
    if isinstance(error, NotFoundError):
        return Explained(
            QCoreApplication.translate("ErrorText", "The document is no longer in the project."),
            str(error),
        )
    return Explained(
        QCoreApplication.translate("ErrorText", "The document cannot be opened."), str(error)
    )
