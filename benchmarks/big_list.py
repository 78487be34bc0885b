"""A project of many short documents for bench_window.py: its titles, and the per-key
measurements of the document list (issue 10: label key, undo, the title filter typed one
letter at a time, paging at the end of the list).

Titles are news headlines of 4-9 words drawn with a fixed seed from the sample article's words
and a few place names (العراق in about one title of seven, sometimes with a kasra: العِراق;
Reuters and CNN in Latin letters), so a filter matches a realistic share of the project.
Every figure is the real window offscreen: the key event sent, one turn of the event loop,
the whole window painted (``grab``); medians of repeated runs.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from window_turns import open_window

from annotator.core.model import AnnotatedDocument, Document
from annotator.core.tokens import tokenize
from annotator.store import open_project
from annotator.ui.main_window import MainWindow

PLACES = (
    "العراق", "سوريا", "تركيا", "مصر", "واشنطن", "الرقة", "الموصل", "بغداد", "دمشق", "أنقرة",
    "العِراق", "لبنان", "Reuters", "CNN",
)  # fmt: skip
TEXT = "قال كارتر إن الخطة تمضي في الرقة والموصل"
FILTER_QUERIES = ("العراق", "تمضي الخطة")  # a place typed letter by letter; words of titles


def titles(sample: str, count: int, seed: int = 5) -> list[str]:
    words = [t.text for t in tokenize(sample) if t.is_word and len(t.text) > 2]
    rng = random.Random(seed)
    return [
        " ".join(
            rng.choice(PLACES) if rng.random() < 0.15 else rng.choice(words)
            for _ in range(rng.randint(4, 9))
        )
        for _ in range(count)
    ]


def make_list_project(path: Path, sample: str, count: int) -> Path:
    if not path.exists():
        with open_project(path) as repo:
            repo.add_documents(
                AnnotatedDocument(Document(None, title, f"{TEXT} {i}"))
                for i, title in enumerate(titles(sample, count))
            )
    return path


def open_list_window(path: Path, folder: Path, who: str, app: QApplication) -> MainWindow:
    ini = folder / f"{path.stem}.ini"
    ini.unlink(missing_ok=True)
    window = open_window(path, ini, who)
    window.grab()
    return window


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def frame(app: QApplication, window: MainWindow, action: Callable[[], object]) -> float:
    """Seconds: the action (a key event), one turn of the event loop, the window painted."""
    start = time.perf_counter()
    action()
    app.processEvents()
    window.grab()
    return time.perf_counter() - start


def label_and_undo(app: QApplication, window: MainWindow, runs: int) -> tuple[float, float]:
    """Medians (ms) of a label key on a word of the open document, and of its undo."""
    text = window.controller.document.text if window.controller.document else ""
    words = [t for t in tokenize(text) if t.is_word]
    edit = window.view.text_edit
    labels, undos = [], []
    for n in range(runs + 3):  # three to warm up
        word = words[n % len(words)]
        window.view.select_span(None)
        window.view.set_selection(word.start, word.end)
        app.processEvents()
        label = frame(app, window, lambda: QTest.keyClick(edit, Qt.Key.Key_3))
        undo = frame(
            app,
            window,
            lambda: QTest.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier),
        )
        if n >= 3:
            labels.append(label)
            undos.append(undo)
    return median_ms(labels), median_ms(undos)


def type_char(widget: QWidget, char: str) -> None:
    """A real key press and release carrying ``char`` (QTest's key clicks know only ASCII)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def filter_keys(app: QApplication, window: MainWindow, query: str, runs: int) -> list[float]:
    """Median (ms) of each key of ``query`` typed into the list's filter, one at a time."""
    box = window.documents.search
    box.setFocus()
    samples: list[list[float]] = [[] for _ in query]
    for n in range(runs + 1):
        box.clear()
        app.processEvents()
        for i, char in enumerate(query):
            spent = frame(app, window, lambda c=char: type_char(box, c))
            if n:
                samples[i].append(spent)
    box.clear()
    app.processEvents()
    return [median_ms(s) for s in samples]


def like_baseline(path: Path, query: str, runs: int) -> list[float]:
    """What each key cost the list before issue 10, in SQL alone: the LIKE count of the
    titles and the first page of the LIKE filter (no window)."""
    conn = sqlite3.connect(path)
    out = []
    for i in range(1, len(query) + 1):
        like = f"%{query[:i]}%"
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            conn.execute("SELECT count(*) FROM documents d WHERE d.title LIKE ?", [like]).fetchall()
            conn.execute(
                "SELECT d.id FROM documents d INDEXED BY documents_list WHERE d.title LIKE ?"
                " ORDER BY d.id LIMIT 200",
                [like],
            ).fetchall()
            samples.append(time.perf_counter() - start)
        out.append(median_ms(samples))
    conn.close()
    return out


def end_of_list(app: QApplication, window: MainWindow, runs: int) -> tuple[float, float]:
    """Medians (ms): the list read again and its scroll bar dragged to the end, painted; then
    PageUp from there (the page before, a keyset read), painted."""
    table = window.documents.table
    bar = table.verticalScrollBar()
    model = window.controller.document_model
    jumps, pages = [], []
    for _ in range(runs):
        bar.setValue(0)
        model.reload()  # nothing read near the end: from the end, backwards
        app.processEvents()
        jumps.append(frame(app, window, lambda: bar.setValue(bar.maximum())))
        for _ in range(3):
            pages.append(
                frame(app, window, lambda: bar.setValue(bar.value() - 10 * bar.pageStep()))
            )
    bar.setValue(0)
    return median_ms(jumps), median_ms(pages)


def offset_baseline(path: Path, order: str, runs: int) -> float:
    """The page at the end of the list as read before issue 10 (LIMIT/OFFSET), SQL alone."""
    conn = sqlite3.connect(path)
    count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        conn.execute(
            f"SELECT d.id FROM documents d INDEXED BY documents_list ORDER BY {order}"
            " LIMIT 200 OFFSET ?",
            [max(0, count - 200)],
        ).fetchall()
        samples.append(time.perf_counter() - start)
    conn.close()
    return median_ms(samples)
