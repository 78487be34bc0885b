"""A Job watched beside the window lets go of what its work held on the GUI thread, never on
its own (docs/adr/0081).

A Qt object deleted on another thread than its own leaves its timers registered with the GUI
thread's event loop, which later fires them on freed memory (a segfault in
``QTimerInfoList::activateTimers``, seen in CI). A Job's thread holds the Job (and through its
work everything the work's closure holds) until the thread's very end, a moment after it
emitted ``finished``. If the owner has forgotten the run by then, the thread would drop the
last reference.
"""

from __future__ import annotations

import sys
import threading
import time
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.background import Job, Step, Watch

LINGER_S = 0.3  # how long the job's thread stays alive after emitting finished


def _linger_after_run() -> None:
    """On this (the job's) thread: once ``Job._run`` returns, that is after it emitted
    ``finished``, wait LINGER_S before the thread lets go of its frame: the widest the race
    between the GUI thread's deletions and the thread's end can be."""
    run_code = Job._run.__code__
    frame = sys._getframe(1)
    while frame.f_code is not run_code:
        assert frame.f_back is not None, "not called from a Job's work"
        frame = frame.f_back

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:  # holds no frame: no cycle
        if event == "return" and frame.f_code is run_code:
            time.sleep(LINGER_S)
        return None

    sys.settrace(lambda *_: None)  # a global trace function turns frame tracing on here
    frame.f_trace = tracer
    frame.f_trace_lines = False


class _Held:
    """Stands for what a work's closure holds (a widget, a timer): records where it dies."""

    def __init__(self, died_on: list[str]) -> None:
        self.died_on = died_on
        self.timer = QTimer()  # a Qt object with a timer running, as a dialog has
        self.timer.start(60_000)

    def __del__(self) -> None:
        self.died_on.append(threading.current_thread().name)


def test_a_forgotten_watch_lets_go_of_the_work_on_the_gui_thread(qtbot: QtBot) -> None:
    died_on: list[str] = []
    owner = QObject()

    def make_work() -> Any:
        held = _Held(died_on)

        def work(step: Step) -> int:
            _linger_after_run()
            return held.timer.interval()

        return work

    ended: list[Watch] = []
    job: Job[int] = Job("lingering", make_work())
    Watch(job, owner, ended.append)  # the owner keeps nothing: a run it forgot
    job.start()
    del job
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    ended.clear()  # the owner drops the run without asking for its result
    for _ in range(5):  # the watch's deferred deletion, and any left
        QApplication.sendPostedEvents(None, 0)
        QApplication.processEvents()
    qtbot.waitUntil(lambda: bool(died_on), timeout=5000)
    assert died_on == [threading.main_thread().name]
    owner.deleteLater()
