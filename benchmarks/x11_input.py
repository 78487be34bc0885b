"""The clocks of bench_x11.py: an Xvfb server, xdotool keys, the X stamp of a key press, and the
end of a widget's paint. See bench_x11.py's doc string and docs/adr/0051 for why these.

Nothing here starts unless asked; the pure parts (x_stamp_ms, stamp_offset_ms) are tested
without X.
"""

from __future__ import annotations

import ctypes
import os
import select
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractNativeEventFilter, QEvent, QObject
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

XCB_KEY_PRESS = 2
CLOCK_MONOTONIC_COARSE = getattr(time, "CLOCK_MONOTONIC_COARSE", 6)  # Linux's id


def monotonic_ms() -> float:
    """CLOCK_MONOTONIC in milliseconds: the clock the X server stamps its events with."""
    return time.clock_gettime(time.CLOCK_MONOTONIC) * 1000.0


def x_stamp_ms(now_ms: float, stamp: int) -> int:
    """An X event's 32-bit millisecond stamp as a point of ``monotonic_ms()``, taken by a
    receiver at ``now_ms`` (after the stamp): the stamp wraps every 49.7 days."""
    whole = int(now_ms)
    return whole - ((whole - stamp) & 0xFFFFFFFF)


def stamp_offset_ms(coarse_resolution: float | None = None) -> float:
    """How far, on average, the true instant of an event lies after its X stamp.

    The X server stamps with GetTimeInMillis(): CLOCK_MONOTONIC_COARSE if that clock's
    resolution is 1 ms or finer, else CLOCK_MONOTONIC; either way cut to whole milliseconds.
    Cutting loses 0.5 ms on average; the coarse clock (when used) lags by half its tick more.
    """
    if coarse_resolution is None:
        try:
            coarse_resolution = time.clock_getres(CLOCK_MONOTONIC_COARSE)
        except OSError:
            coarse_resolution = 1.0  # no coarse clock: the server uses CLOCK_MONOTONIC
    if coarse_resolution <= 0.001:
        return 0.5 + coarse_resolution * 1000.0 / 2
    return 0.5


def missing_tools() -> list[str]:
    return [name for name in ("Xvfb", "xdotool") if shutil.which(name) is None]


class Xvfb:
    """An Xvfb server on a display it picks itself (-displayfd), stopped by ``close``."""

    def __init__(self, width: int, height: int, log: Path) -> None:
        read, write = os.pipe()
        self._log = log.open("wb")
        screen = f"{width}x{height}x24"
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", screen, "-nolisten", "tcp"],
            pass_fds=(write,),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
        )
        os.close(write)
        number = b""
        deadline = time.monotonic() + 20
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read], [], [], 0.5)
            if ready:
                chunk = os.read(read, 16)
                if not chunk:
                    break
                number += chunk
        os.close(read)
        if not number.strip().isdigit():
            self.close()
            raise RuntimeError(f"Xvfb did not start: see {log}")
        self.display = f":{int(number)}"

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._log.close()


class XdotoolKeys:
    """One xdotool process for the whole run, reading its commands line by line (``xdotool -``):
    ``key 3`` is an XTest key press and release, real input to the focused window."""

    def __init__(self, display: str) -> None:
        env = {**os.environ, "DISPLAY": display}
        self.display = display
        self.proc = subprocess.Popen(
            ["xdotool", "-"], stdin=subprocess.PIPE, text=True, env=env, bufsize=1
        )

    def key(self, keys: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"key {keys}\n")
        self.proc.stdin.flush()

    def focus(self, window_id: int) -> None:
        """XSetInputFocus on a window (there is no window manager to activate it)."""
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", str(window_id)],
            env={**os.environ, "DISPLAY": self.display},
            check=False,
            timeout=10,
        )

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


class KeyStamps(QAbstractNativeEventFilter):
    """Every X KeyPress the process handles: (when Qt's GUI thread took it from the xcb queue,
    its X stamp as a point of ``monotonic_ms()``). Runs before Qt makes a QKeyEvent of it."""

    def __init__(self) -> None:
        super().__init__()
        self.presses: list[tuple[float, int]] = []

    def nativeEventFilter(self, kind: object, message: object) -> tuple[bool, int]:
        address = int(message)  # type: ignore[call-overload]
        if address and ctypes.c_uint8.from_address(address).value & 0x7F == XCB_KEY_PRESS:
            now = monotonic_ms()
            stamp = ctypes.c_uint32.from_address(address + 4).value  # xcb_key_press_event_t.time
            self.presses.append((now, x_stamp_ms(now, stamp)))
        return False, 0


class PaintClock(QObject):
    """The instant a watched widget's paint has ended: its Paint event is handled inside this
    filter, then the time taken, so the figure holds the whole paint and nothing after it.

    A scroll area paints its viewport from Qt's own viewport filter (the area's
    ``viewportEvent``); this filter, installed later, runs first and calls that same
    ``viewportEvent``, then stops the event as Qt's filter would. A plain widget's Paint goes
    to its ``event``.
    """

    def __init__(self) -> None:
        super().__init__()
        self._painters: dict[QObject, Callable[[QEvent], bool]] = {}
        self._owners: dict[QObject, QWidget] = {}
        self.listener: Callable[[QWidget, float], None] = lambda widget, at: None
        self.paints = 0
        self.region = QRegion()  # what the last paint painted (the widget's coordinates)

    def watch(self, widget: QWidget) -> None:
        if isinstance(widget, QAbstractScrollArea):
            target: QWidget = widget.viewport()
            self._painters[target] = widget.viewportEvent
        else:
            target = widget
            self._painters[target] = widget.event
        self._owners[target] = widget
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint:
            return False
        paint = self._painters.get(watched)
        if paint is None:
            return False
        handled = paint(event)
        at = monotonic_ms()
        self.paints += 1
        self.region = QRegion(event.region())  # type: ignore[attr-defined]
        self.listener(self._owners[watched], at)
        del handled  # Qt's own filter returns True for a painted viewport: stop the event too
        return True
