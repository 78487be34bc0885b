"""One key at a time, from its start to the end of the paint that shows its result (bench_x11.py).

``Bench.measure(keys, widget, shown)`` sends the keys, runs the event loop until a paint of
``widget`` ends with ``shown()`` true, and returns the milliseconds from the key's start: its X
stamp (``XKeys``, real X input) or the moment QTest sent it (``PostedKeys``, offscreen).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLineEdit, QPlainTextEdit, QWidget

from benchmarks.x11_input import KeyStamps, PaintClock, XdotoolKeys, monotonic_ms

TIMEOUT_MS = 60_000  # no paint showing the result by then: the row fails, loudly
NONE = Qt.KeyboardModifier.NoModifier
KEYS: dict[str, tuple[Qt.Key, Qt.KeyboardModifier]] = {
    "3": (Qt.Key.Key_3, NONE),
    "7": (Qt.Key.Key_7, NONE),
    "ctrl+z": (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
}


class XKeys:
    """Real key presses through the X server (xdotool); a timing starts at the X stamp of the
    last key press Qt took before the paint, plus the mean of the stamp's cut to milliseconds."""

    def __init__(self, xdotool: XdotoolKeys, stamps: KeyStamps, offset_ms: float) -> None:
        self.xdotool, self.stamps, self.offset_ms = xdotool, stamps, offset_ms
        self.delays: list[float] = []  # X stamp -> Qt's GUI thread took the event
        self._first = 0

    def send(self, keys: str, widget: QWidget) -> None:
        self._first = len(self.stamps.presses)
        self.xdotool.key(keys)

    def start(self, end: float) -> float:
        presses = [p for p in self.stamps.presses[self._first :] if p[0] <= end]
        if not presses:
            raise RuntimeError("the paint came before any X key press reached the window")
        received, stamp = presses[-1]
        if not 0 <= received - stamp < 10_000:
            raise RuntimeError(
                f"an X key press stamped {stamp} ms arrived at {received:.1f} ms of this "
                "process's CLOCK_MONOTONIC: the X server does not stamp with that clock"
            )
        self.delays.append(received - stamp)
        return stamp + self.offset_ms

    def focus(self, widget: QWidget) -> None:
        self.xdotool.focus(int(widget.window().winId()))


class PostedKeys:
    """Offscreen: QTest sends the key in the event loop's next turn; the timing starts there,
    so the key's handling, the loop's turn and the repaint are all in it."""

    def __init__(self) -> None:
        self._at = 0.0

    def send(self, keys: str, widget: QWidget) -> None:
        key, modifiers = KEYS[keys]
        receiver = QApplication.focusWidget() or widget  # as X sends it: to the focus

        def press() -> None:
            self._at = monotonic_ms()
            QTest.keyClick(receiver, key, modifiers)

        QTimer.singleShot(0, press)

    def start(self, end: float) -> float:
        return self._at

    def focus(self, widget: QWidget) -> None:
        return None


class Bench:
    def __init__(self, clock: PaintClock, sender: XKeys | PostedKeys) -> None:
        self.clock, self.sender = clock, sender

    def wait(self, ms: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(max(1, round(ms)), loop.quit)
        loop.exec()

    def settle(self, quiet_ms: float = 60, limit_s: float = 60) -> None:
        """Run the event loop until no watched widget has painted for ``quiet_ms``."""
        deadline = time.monotonic() + limit_s
        while True:
            before = self.clock.paints
            self.wait(quiet_ms)
            if self.clock.paints == before or time.monotonic() > deadline:
                return

    def focus(self, widget: QWidget) -> None:
        """The keyboard focus on ``widget``, its window active (without a window manager Qt
        sets the X input focus itself; xdotool windowfocus if that did not take)."""
        top = widget.window()
        for attempt in range(3):
            if QApplication.platformName() != "offscreen":  # it cannot raise a window
                top.raise_()
            top.activateWindow()
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            for _ in range(50):
                self.wait(20)
                if top.isActiveWindow() and QApplication.focusWidget() is widget:
                    return
            if attempt == 0:
                self.sender.focus(widget)
        raise RuntimeError(f"{type(widget).__name__} never got the keyboard focus")

    def measure(
        self,
        keys: str,
        widget: QWidget,
        shown: Callable[[], bool],
        where: Callable[[], QRect] | None = None,
    ) -> float:
        """Milliseconds from the key's start to the end of the first paint of ``widget`` after
        which ``shown()`` holds and that painted over ``where()`` (the result's place, in the
        painted widget's coordinates), both checked after each of its paints, outside the
        timing."""
        if shown():
            raise RuntimeError(f"the result of {keys!r} shows before the key was sent")
        ends: list[float] = []
        loop = QEventLoop()

        def painted(painted_widget: QWidget, at: float) -> None:
            if painted_widget is not widget or ends or not shown():
                return
            if where is None or self.clock.region.intersects(where()):
                ends.append(at)
                loop.quit()

        self.clock.listener = painted
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(TIMEOUT_MS)
        self.sender.send(keys, widget)
        loop.exec()
        timer.stop()
        self.clock.listener = lambda painted_widget, at: None
        if not ends:
            raise RuntimeError(f"no paint of {type(widget).__name__} showed {keys!r} in time")
        return ends[0] - self.sender.start(ends[0])


class Bare(QWidget):
    """The baselines, in a window of their own beside the app's: a bare QPlainTextEdit (a key
    types a character into the same text, Ctrl+Z takes it back: Qt's own edit and repaint)
    and a bare QLineEdit (a key typed into an empty one)."""

    def __init__(self, clock: PaintClock) -> None:
        super().__init__()
        self.setWindowTitle("baseline")
        self.edit = QPlainTextEdit(self)
        self.line = QLineEdit(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.line)
        clock.watch(self.edit)
        clock.watch(self.line)

    def load(self, text: str, like: QPlainTextEdit) -> None:
        """``text`` in the bare edit, with the viewer's size, font, wrapping and direction."""
        if any(ord(c) > 0xFFFF for c in text):
            raise ValueError("the bare baseline takes code points as Qt positions: BMP text only")
        self.edit.setFont(QFont(like.font()))
        self.edit.setLineWrapMode(like.lineWrapMode())
        self.edit.setWordWrapMode(like.wordWrapMode())
        self.edit.setPlainText(text)
        option = self.edit.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.document().setDefaultTextOption(option)
        self.edit.setFixedSize(like.size())
        self.adjustSize()

    def put_cursor(self, position: int) -> None:
        cursor = self.edit.textCursor()
        cursor.setPosition(position, QTextCursor.MoveMode.MoveAnchor)
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()

    def cursor_rect(self) -> QRect:
        return self.edit.cursorRect()

    def length(self) -> int:
        return self.edit.document().characterCount()


def median(samples: list[float]) -> float:
    return statistics.median(samples) if samples else float("nan")
