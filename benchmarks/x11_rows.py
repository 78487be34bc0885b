"""The rows of bench_x11.py: the real window on a project, keys measured by x11_harness.Bench,
each row beside its baseline of the same run."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from annotator.core.tokens import tokenize
from annotator.ui.app import create_main_window
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from benchmarks.x11_documents import WHO, Article
from benchmarks.x11_harness import TIMEOUT_MS, Bare, Bench, PostedKeys, XKeys, median
from benchmarks.x11_input import KeyStamps, PaintClock, XdotoolKeys, monotonic_ms, stamp_offset_ms

WINDOW = (1280, 800)
BARE = "bare QPlainTextEdit, same text and key"
LINE = "bare QLineEdit, same key"
ALONE = "the same start, a project of the sample article alone"
Figures = dict[str, tuple[float, float]]  # row -> (window ms, baseline ms)


def free_words(view: object, text: str, count: int) -> list[tuple[int, int]]:
    """``count`` words from the middle of the text on with no span over their middle (again
    from the first when there are fewer: an undo frees a word for the next run)."""
    span_at = view.span_at  # type: ignore[attr-defined]
    middle = len(text) // 2
    words = [t for t in tokenize(text) if t.is_word and len(t.text) > 3]
    words = [t for t in words if t.start >= middle] + [t for t in words if t.start < middle]
    free = [(t.start, t.end) for t in words if not span_at((t.start + t.end) // 2)]
    if not free:
        raise RuntimeError("no word without a span to label")
    free = free[: count * 3 : 3] or free
    return [free[i % len(free)] for i in range(count)]


def _quiet_offscreen(kind: QtMsgType, context: object, message: str) -> None:
    """Qt's messages, less the offscreen platform's "This plugin does not support raise()"."""
    if not message.startswith("This plugin does not support"):
        print(message, file=sys.stderr)


class Rows:
    def __init__(self, folder: Path, runs: int, *, offscreen: bool) -> None:
        self.app = QApplication.instance() or QApplication([])
        wanted = "offscreen" if offscreen else "xcb"
        if self.app.platformName() != wanted:  # type: ignore[union-attr]
            raise RuntimeError(f"Qt runs on {self.app.platformName()!r}, not {wanted!r}")  # type: ignore[union-attr]
        self.folder, self.runs = folder, runs
        self.clock = PaintClock()
        self.xdotool: XdotoolKeys | None = None
        self.sender: XKeys | PostedKeys
        if offscreen:
            qInstallMessageHandler(_quiet_offscreen)
            self.sender = PostedKeys()
            self.how = "keys sent by QTest"
        else:
            stamps = KeyStamps()
            self.app.installNativeEventFilter(stamps)  # type: ignore[union-attr]
            self.xdotool = XdotoolKeys(os.environ["DISPLAY"])
            offset = stamp_offset_ms()
            self.sender = XKeys(self.xdotool, stamps, offset)
            self.how = f"start: the key press's X stamp + {offset:.1f} ms"
        self.bench = Bench(self.clock, self.sender)
        self.bare = Bare(self.clock)
        self.bare.move(WINDOW[0] + 20, 0)
        self.bare.show()
        self._windows = 0

    def close(self) -> None:
        self.bare.close()
        if self.xdotool is not None:
            self.xdotool.close()

    # -- windows ----------------------------------------------------------------------------

    def window(self, path: Path) -> MainWindow:
        """The real window on ``path`` (temporary settings), watched, not yet shown."""
        self._windows += 1
        ini = str(self.folder / f"window-{self._windows}.ini")
        settings = UserSettings(QSettings(ini, QSettings.Format.IniFormat))
        settings.set_annotator(WHO)
        window = create_main_window(path, settings)
        window.resize(*WINDOW)
        window.move(0, 0)
        self.clock.watch(window.view.text_edit)
        self.clock.watch(window.documents.table)
        return window

    def shown(self, path: Path) -> MainWindow:
        window = self.window(path)
        window.show()
        self.bench.settle()
        self.wait_evidence(window)
        return window

    def shut(self, window: MainWindow) -> None:
        window.close()
        self.bench.settle()
        window.deleteLater()
        self.bench.wait(20)

    def wait_evidence(self, window: MainWindow) -> None:
        """Until the clitic evidence (a worker thread) has arrived: no run shares the GIL."""
        snapper = getattr(window.controller, "snapper", None)
        while snapper is not None and not snapper.ready:
            self.bench.wait(20)
        self.bench.settle()

    def start(self, path: Path) -> float:
        """Milliseconds from create_main_window to the end of the viewer's first paint of a
        document."""
        ends: list[float] = []
        loop = QEventLoop()
        began = monotonic_ms()
        window = self.window(path)

        def painted(widget: object, at: float) -> None:
            if widget is window.view.text_edit and window.view.text and not ends:
                ends.append(at)
                loop.quit()

        self.clock.listener = painted
        QTimer.singleShot(TIMEOUT_MS, loop.quit)
        window.show()
        loop.exec()
        self.clock.listener = lambda widget, at: None
        self.wait_evidence(window)
        self.shut(window)
        if not ends:
            raise RuntimeError(f"the viewer never painted a document of {path.name}")
        return ends[0] - began

    # -- the keys ---------------------------------------------------------------------------

    def edits(self, window: MainWindow) -> Figures:
        """Label key 3 on a word with no span, then Ctrl+Z, ``runs`` times; each run the same
        two keys typed into the bare edit holding the same text."""
        view, bench, bare = window.view, self.bench, self.bare
        edit = view.text_edit
        words = free_words(view, view.text, self.runs)
        bare.load(view.text, edit)
        view.set_scroll_value(words[0][0])
        bench.settle()
        labels, undos, keys, unkeys = [], [], [], []
        for start, end in words:
            mid = (start + end) // 2
            place = lambda mid=mid: view.char_rect(mid)  # noqa: E731
            bench.focus(edit)
            view.select_span(None)
            view.set_selection(start, end)
            bench.settle()
            labelled = lambda mid=mid: len(view.span_at(mid)) == 1  # noqa: E731
            labels.append(bench.measure("3", edit, labelled, place))
            self.wait_evidence(window)
            gone = lambda mid=mid: not view.span_at(mid)  # noqa: E731
            undos.append(bench.measure("ctrl+z", edit, gone, place))
            self.wait_evidence(window)
            key, unkey = self.bare_key("3", start)
            keys.append(key)
            unkeys.append(unkey)
        return {
            "label key 3 -> span painted": (median(labels), median(keys)),
            "undo Ctrl+Z -> span gone, painted": (median(undos), median(unkeys)),
        }

    def bare_key(self, key: str, position: int) -> tuple[float, float]:
        """The baseline of a key: ``key`` typed into the bare edit at ``position``, then
        Ctrl+Z (milliseconds each)."""
        bench, bare = self.bench, self.bare
        bench.focus(bare.edit)
        bare.put_cursor(position)
        bench.settle()
        n = bare.length()
        typed = bench.measure(key, bare.edit, lambda: bare.length() == n + 1, bare.cursor_rect)
        bench.settle()
        undone = bench.measure("ctrl+z", bare.edit, lambda: bare.length() == n, bare.cursor_rect)
        bench.settle()
        return typed, undone

    def articles(self, path: Path, chosen: list[Article]) -> Iterator[tuple[int, Article, Figures]]:
        window = self.shown(path)
        model = window.controller.document_model
        try:
            for number, article in enumerate(chosen):
                window.controller.open_document(model.document_id(number) or 0)
                self.bench.settle()
                if window.view.text != article.text:
                    raise RuntimeError(f"row {number} of the document list is not {article.name}")
                yield number, article, self.edits(window)
        finally:
            self.shut(window)

    def big(self, big: Path, alone: Path) -> Iterator[tuple[str, tuple[float, float], str]]:
        starts, alone_starts = [], []
        for _ in range(min(self.runs, 3)):
            starts.append(self.start(big))
            alone_starts.append(self.start(alone))
        figures = (median(starts), median(alone_starts))
        yield "window start -> viewer's first paint", figures, ALONE
        window = self.shown(big)
        try:
            model = window.controller.document_model
            window.controller.open_document(model.document_id(1) or 0)
            self.wait_evidence(window)
            for name, figures in self.edits(window).items():
                yield name, figures, BARE
        finally:
            self.shut(window)

    def project(self, path: Path) -> Iterator[tuple[str, tuple[float, float], str]]:
        window = self.shown(path)
        try:
            for name, figures in self.edits(window).items():
                yield name, figures, BARE
            yield "filter: a digit typed, list painted", self.filter(window), LINE
            third = self.filter(window, "12", "3")
            yield "filter: a third digit typed (12 -> 123: the trigram index)", third, LINE
        finally:
            self.shut(window)

    def suggestions(self, path: Path) -> Iterator[tuple[str, tuple[float, float], str]]:
        """The label key and its undo, then the accept key A on a selected suggestion and its
        undo, with the project's open suggestions drawn (issue 11)."""
        window = self.shown(path)
        try:
            for name, figures in self.edits(window).items():
                yield name, figures, BARE
            yield from self.accepts(window)
        finally:
            self.shut(window)

    def accepts(self, window: MainWindow) -> Iterator[tuple[str, tuple[float, float], str]]:
        view, bench, bare = window.view, self.bench, self.bare
        edit, keys = view.text_edit, window.controller.suggestion_keys
        # as the label key's words: every third from the middle on (the span list, which
        # follows the new span, scrolls as little as there)
        shown = window.controller.open.suggestions
        middle = len(view.text) // 2
        chosen = [s for s in shown if s.start >= middle][::3]
        bare.load(view.text, edit)
        accepts, undos, typed_a, unkeys = [], [], [], []
        for suggestion in chosen[: self.runs]:
            assert suggestion.id is not None
            mid = (suggestion.start + suggestion.end) // 2
            place = lambda mid=mid: view.char_rect(mid)  # noqa: E731
            bench.focus(edit)
            keys.select(suggestion.id)
            bench.settle()
            count = len(view.span_at(mid))
            accepted = lambda mid=mid, n=count: len(view.span_at(mid)) == n + 1  # noqa: E731
            accepts.append(bench.measure("a", edit, accepted, place))
            self.wait_evidence(window)
            back = lambda mid=mid, n=count: len(view.span_at(mid)) == n  # noqa: E731
            undos.append(bench.measure("ctrl+z", edit, back, place))
            self.wait_evidence(window)
            key, unkey = self.bare_key("a", suggestion.start)
            typed_a.append(key)
            unkeys.append(unkey)
        drawn = f"{len(window.controller.open.suggestions):,} suggestions drawn"
        yield f"accept key A -> span painted ({drawn})", (median(accepts), median(typed_a)), BARE
        yield "undo of the accept -> span gone, painted", (median(undos), median(unkeys)), BARE

    def filter(self, window: MainWindow, before: str = "", key: str = "7") -> tuple[float, float]:
        """``key`` typed into the title filter holding ``before`` (by default a digit into the
        empty filter: the bounded scan of one or two characters; after two: the trigram index,
        ADR 0049), to the end of the list's paint of the filtered rows; the same key typed into
        a bare QLineEdit holding ``before``."""
        bench, line = self.bench, self.bare.line
        search, table = window.documents.search, window.documents.table
        resets = [0]
        window.controller.document_model.modelReset.connect(lambda: resets.append(0))
        filtered, typed = [], []
        want = before + key
        for _ in range(self.runs):
            search.setText(before)
            bench.focus(search)
            search.end(False)
            bench.settle()
            done = len(resets)
            shown = lambda done=done: len(resets) > done and search.text() == want  # noqa: E731
            filtered.append(bench.measure(key, table, shown))
            bench.settle()
            line.setText(before)
            bench.focus(line)
            line.end(False)
            bench.settle()
            typed.append(bench.measure(key, line, lambda: line.text() == want))
            bench.settle()
        search.setText("")
        return median(filtered), median(typed)

    def print_stamps(self) -> None:
        if isinstance(self.sender, XKeys) and self.sender.delays:
            delays = self.sender.delays
            print(
                f"\nX stamp -> Qt's GUI thread took the key press: median {median(delays):.2f} ms"
                f", max {max(delays):.2f} ms over {len(delays)} presses (the stamp is cut to "
                f"whole ms; each start is the stamp + {self.sender.offset_ms:.1f} ms)"
            )
