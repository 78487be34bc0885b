"""Typed errors: every expected failure is an AnnotatorError with a message a person can act on."""

from __future__ import annotations

import unicodedata

# Bidirectional embeddings, overrides and isolates: in a file name they reorder what is shown
# ("evil\u202etxt.exe"); the marks U+200E and U+200F are kept (Arabic names hold them).
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_HIDDEN = frozenset(("Cc", "Cs", "Zl", "Zp"))  # controls, surrogates, line/paragraph breaks


def one_line(text: str) -> str:
    """``text`` on one printable line: line breaks, other control characters, lone surrogates
    (a file name's bytes that are not UTF-8) and bidi overrides written as escapes (\\n, \\xff,
    \\u202e), so that an error naming a hostile file is still one line a terminal can print."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if _hidden(c) else c for c in text)


def _hidden(c: str) -> bool:
    return c in _BIDI_CONTROLS or unicodedata.category(c) in _HIDDEN


def _escape(c: str) -> str:
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as os.fsdecode carries it
        return f"\\x{code - 0xDC00:02x}"
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c)
    if named is not None:
        return named
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class AnnotatorError(Exception):
    """Base of every expected error."""


class Cancelled(AnnotatorError):
    """The user stopped a long task: an export writes nothing; an import keeps the files it
    had added (each file is one transaction) and names the others."""

    def __init__(self, what: str = "the task") -> None:
        super().__init__(f"{what} was cancelled")


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
        text = f"{', '.join(where)}: {message}" if where else message
        super().__init__(one_line(text))


class ValidationError(AnnotatorError):
    """A span, relation or label that breaks the rules (out of range, unknown label...)."""


class ConflictError(ValidationError):
    """An undo or redo whose span or status was changed since by another window or program."""


class NotYoursError(ValidationError):
    """An edit of another annotator's span, relation or status: refused, never applied to their
    work (docs/adr/0071); ``owner`` names whose it is."""

    def __init__(self, message: str, *, owner: str) -> None:
        self.owner = owner
        super().__init__(message)


class NotFoundError(AnnotatorError):
    """A document, span, relation or label id that does not exist."""


class ProjectLockedError(AnnotatorError):
    """Another process holds the project file."""


class ProjectFileError(AnnotatorError):
    """The project file cannot be opened or written (not a project, read-only, disk full...)."""
