"""Typed errors: every expected failure is an AnnotatorError with a message a person can act on."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of every expected error."""


class InputError(AnnotatorError):
    """Bad input file: names the file and, where known, the line or offset."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        offset: int | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.offset = offset
        self.reason = message
        where = []
        if path is not None:
            where.append(str(path))
        if line is not None:
            where.append(f"line {line}")
        if offset is not None:
            where.append(f"offset {offset}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class ValidationError(AnnotatorError):
    """A span, relation or label that breaks the rules (out of range, unknown label...)."""


class ConflictError(ValidationError):
    """An undo or redo whose span or status was changed since by another window or program."""


class NotFoundError(AnnotatorError):
    """A document, span, relation or label id that does not exist."""


class ProjectLockedError(AnnotatorError):
    """Another process holds the project file."""


class ProjectFileError(AnnotatorError):
    """The project file cannot be opened or written (not a project, read-only, disk full...)."""
