"""Store errors in plain words, in the interface language, chosen by the error's type.

The store's messages are English and name the file (``/x/p.annot.db is being written by another
program…``): the window shows a translated sentence saying what happened and what to do, and
keeps the store's own words as the detail (a second line and the tooltip of the banner), for a
bug report or the person who looks after the file.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from annotator.core.errors import (
    AnnotatorError,
    ConflictError,
    NotFoundError,
    NotYoursError,
    ProjectFileError,
    ProjectLockedError,
)
from annotator.ops.exporting import LabelFilterError, NothingToExport
from annotator.store.guard import ProjectDetachedError
from annotator.ui.text import isolate


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
    if isinstance(error, NotYoursError):
        text = QCoreApplication.translate(
            "ErrorText",
            "Not changed: this is {owner}'s work. Another annotator's spans are shown to "
            "compare, not to edit: select the text and label it to make a span of your own.",
        ).format(owner=isolate(error.owner or "—"))
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


def export_failed(error: Exception, folder: str) -> Explained:
    """An export that wrote nothing: the filters matched nothing, a label name breaks the
    formats, or the folder cannot be written (read-only, full, a file in the way)."""
    if isinstance(error, NothingToExport):
        return Explained(_nothing_to_export(error), str(error))
    if isinstance(error, LabelFilterError):
        return Explained(_label_filter(error), str(error))
    if isinstance(error, OSError):
        where = isolate(folder)
        code = error.errno
        if code in (errno.EACCES, errno.EPERM, errno.EROFS):
            text = QCoreApplication.translate(
                "ErrorText",
                "The export cannot be written into {folder}: the folder is read-only, or you "
                "may not write there. Nothing was written; choose another folder.",
            )
        elif code in (errno.ENOSPC, errno.EDQUOT):
            text = QCoreApplication.translate(
                "ErrorText",
                "The export cannot be written into {folder}: the disk is full. Nothing was "
                "written; make room or choose another folder.",
            )
        elif code in (errno.EISDIR, errno.ENOTDIR, errno.EEXIST):
            text = QCoreApplication.translate(
                "ErrorText",
                "The export cannot be written into {folder}: a file or folder of that name is "
                "in the way. Nothing was written; choose another folder.",
            )
        else:
            text = QCoreApplication.translate(
                "ErrorText",
                "The export cannot be written into {folder}. Nothing was written.",
            )
        name = f"{error.filename}: " if error.filename else ""
        return Explained(text.format(folder=where), f"{name}{error.strerror or error}")
    return Explained(
        QCoreApplication.translate("ErrorText", "Not exported: {reason}").format(
            reason=isolate(str(error))
        ),
        "",
    )


def _label_filter(error: LabelFilterError) -> str:
    if not error.unknown:
        return QCoreApplication.translate(
            "ErrorText", "Not exported: no label is checked. Check the labels to export."
        )
    return QCoreApplication.translate(
        "ErrorText",
        "Not exported: the project has no label {labels} (any more: another program may have "
        "renamed it). Close the dialog and export again.",
    ).format(labels=isolate(", ".join(error.unknown)))


def _nothing_to_export(error: NothingToExport) -> str:
    if not error.filters:
        return QCoreApplication.translate(
            "ErrorText", "Nothing to export: the project has no documents. Nothing was written."
        )
    filters = isolate("; ".join(error.filters))
    if error.what == "documents":
        text = QCoreApplication.translate(
            "ErrorText",
            "Nothing to export: no document matches the filters ({filters}). Nothing was "
            "written; the files already in the folder are as they were.",
        )
    else:
        text = QCoreApplication.translate(
            "ErrorText",
            "Nothing to export: no span matches the filters ({filters}). Nothing was written; "
            "the files already in the folder are as they were.",
        )
    return text.format(filters=filters)
