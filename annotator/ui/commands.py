"""One generic undo command over the store's edit values (docs/adr/0010).

The command holds only values: the edit, and once applied its inverse. ``redo`` applies the
edit and keeps the inverse the store returns; ``undo`` applies the inverse and keeps what that
returns as the edit to redo, so a redone AddSpan gets back the same id and timestamps.

The store commits every edit before ``apply`` returns, and the runner draws it only after that.
When the write fails, nothing is drawn and the stack does not change:

- the first ``redo`` (inside ``QUndoStack.push``) marks the command obsolete before re-raising,
  so Qt deletes it instead of keeping it (DESIGN.md §7);
- undo and redo go through :func:`undo` / :func:`redo` below, which apply the edit first and
  move the stack's index only when the write succeeded.

An undo or redo that the store refuses because another window or program changed its span
since (ConflictError) can never succeed: that step is taken out of the history (marked obsolete,
which QUndoStack deletes without calling it), so the steps before it stay reachable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.edits import Edit
from annotator.core.errors import AnnotatorError, ConflictError


class EditRunner(Protocol):
    """Applies an edit to the project (committed on return) and then updates the view."""

    def run(self, edit: Edit) -> Edit: ...

    def show_applied(self, edit: Edit, inverse: Edit) -> None:
        """Update the view for an edit already applied (elsewhere) with this inverse."""


class EditCommand(QUndoCommand):
    """``applied``: the inverse of ``edit`` when it was applied already (project-wide
    label-all writes on its Job's connection): the first redo only shows it."""

    def __init__(
        self, runner: EditRunner, edit: Edit, text: str, applied: Edit | None = None
    ) -> None:
        super().__init__(text)
        self._runner = runner
        self.edit: Edit = edit
        self.inverse: Edit | None = None
        self._applied = applied
        self.error: AnnotatorError | None = None
        self._done_ahead = False  # set by undo()/redo() below: the work is already done
        self._error_args: tuple[object, ...] = ()

    # QUndoCommand ------------------------------------------------------------------------
    def redo(self) -> None:
        if self._done_ahead:
            self._done_ahead = False
            return
        if self._applied is not None:
            self.inverse, self._applied = self._applied, None
            self._runner.show_applied(self.edit, self.inverse)
            return
        first = self.inverse is None
        try:
            self.apply_redo()
        except AnnotatorError as exc:
            self.error = exc
            self._error_args = exc.args
            if first:
                self.setObsolete(True)
            raise

    def undo(self) -> None:
        if self._done_ahead:
            self._done_ahead = False
            return
        self.apply_undo()

    # the work, callable ahead of the stack ------------------------------------------------
    def apply_redo(self) -> None:
        self.inverse = self._runner.run(self.edit)
        self.error = None

    def apply_undo(self) -> None:
        if self.inverse is None:
            raise RuntimeError("undo of an edit that was never applied")
        self.edit = self._runner.run(self.inverse)
        self.error = None


def push(stack: QUndoStack, command: EditCommand) -> AnnotatorError | None:
    """Push and apply a new command; on a failed write return the error, stack unchanged."""
    try:
        stack.push(command)
    except AnnotatorError as exc:
        # PySide re-raises the same exception with "Error calling Python override..." put in
        # front of its message: give it back its own words.
        exc.args = command._error_args or exc.args
        return exc
    return None


def undo(stack: QUndoStack) -> AnnotatorError | None:
    """Undo the last command; on a failed write return the error and leave the stack as it was."""
    index = stack.index()
    if index == 0:
        return None
    command = stack.command(index - 1)
    if isinstance(command, EditCommand):
        try:
            command.apply_undo()
        except ConflictError as exc:
            _drop(stack, command, stack.undo)
            return exc
        except AnnotatorError as exc:
            return exc
        command._done_ahead = True
    stack.undo()
    return None


def redo(stack: QUndoStack) -> AnnotatorError | None:
    """Redo the next command; on a failed write return the error and leave the stack as it was."""
    index = stack.index()
    if index >= stack.count():
        return None
    command = stack.command(index)
    if isinstance(command, EditCommand):
        try:
            command.apply_redo()
        except ConflictError as exc:
            _drop(stack, command, stack.redo)
            return exc
        except AnnotatorError as exc:
            return exc
        command._done_ahead = True
    stack.redo()
    return None


def _drop(stack: QUndoStack, command: QUndoCommand, step: Callable[[], None]) -> None:
    """Take ``command`` out of the history: Qt deletes an obsolete command on undo/redo."""
    command.setObsolete(True)
    step()
