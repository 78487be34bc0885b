"""Speed of the whole window, offscreen: a key press is stored, drawn and undoable.

Usage: python benchmarks/bench_window.py [--runs R] [--documents N]
       [--only-big | --only-list | --only-articles]

Two project files are built in a temporary folder: the sample article repeated to 6,000 tokens
with 1,000 spans, and to 150,000 characters with 10,000 spans (entities of 1-3 tokens, events,
quotes of 8-40 tokens, at random tokens with a fixed seed). The real window
(create_main_window) opens each; every figure is the median of R runs, in milliseconds:

- open: switching to the article (store read, viewer, span list, status bar) + first paint;
- label key: a real key event "3" on a selection -> snapped span committed to the file, span
  list row, viewer drawn;
- undo: Ctrl+Z -> the inverse committed, the span gone from list and viewer;
- relabel / resize / delete on the 10,000-span document;
- baselines in the same run: a bare ``repo.apply(AddSpan)`` + its inverse (no window at all),
  and the viewer repainted whole with nothing changed.

Each of these times the action and the event loop's turns until the window is painted and
still (window_turns.py: what Qt paints is what the edit made dirty, as on a screen; no grab).
- a big project (issue 7): the sample article, then one document of ``--big-chars`` characters
  with ``--big-spans`` spans, the project's newest: the window's start (create_main_window,
  shown, the event loop's turn, painted), a label key pressed at once after it (the key, the
  event loop's turn, the whole window painted), when the clitic evidence (read by a worker
  thread) arrived, and a label key then; next to the same on a project of the sample article
  alone.

- many documents (issue 10, big_list.py): projects of 50, 10,000 and ``--documents`` short
  documents with news titles: the label key and undo, every key of two title filters typed one
  letter at a time, the end of the list (import and title order), each the key, one turn of
  the event loop and the whole window painted; beside schema 4's LIKE and OFFSET queries timed
  in the same run, and the growth from 10,000 to ``--documents``; ``--only-list`` runs only
  these.

``--only-articles`` runs only the two articles (6,000 tokens; 150,000 characters).

Targets (issue 4): label key and undo <= 16 ms, open <= 100 ms; 10,000 spans: every edit
< 50 ms. Not a test: nothing here asserts a time. Figures go into docs/benchmarks-window.md.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import big_list  # noqa: E402  (benchmarks/big_list.py, beside this script)
from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.document_order import DocumentOrder, SortKey  # noqa: E402
from annotator.core.edits import AddSpan  # noqa: E402
from annotator.core.model import AnnotatedDocument, Document, Span  # noqa: E402
from annotator.core.text import text_sha256  # noqa: E402
from annotator.core.tokens import tokenize  # noqa: E402
from annotator.store import Repository, open_project  # noqa: E402
from annotator.ui.app import create_main_window  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.settings import UserSettings  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_turns import Paints, open_window, settle, turn  # noqa: E402
from x11_documents import random_spans  # noqa: E402  (one way to draw spans, for both)

SAMPLE = ROOT / "seeds" / "washington-turkey-isis.txt"
WHO = "bench"


def article(*, tokens: int | None = None, chars: int | None = None) -> str:
    sample = SAMPLE.read_text(encoding="utf-8").strip()
    text = sample
    while (tokens is not None and len(tokenize(text)) < tokens) or (
        chars is not None and len(text) < chars
    ):
        text += "\n\n" + sample
    return text[:chars] if chars is not None else text


def make_project(folder: Path, name: str, text: str, spans: int) -> Path:
    path = folder / f"{name}.annot.db"
    doc = AnnotatedDocument(
        Document(None, name, text, text_sha256(text)), tuple(random_spans(text, spans))
    )
    other = "قال كارتر إن الخطة تمضي."  # a second document, to switch away and back
    with open_project(path) as repo:
        repo.add_document(doc, annotator=WHO)
        repo.add_document(AnnotatedDocument(Document(None, "b", other, text_sha256(other))))
    return path


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def free_words(window: MainWindow, count: int, seed: int = 7) -> list[tuple[int, int]]:
    """Words that no LOC span covers exactly, spread over the article."""
    text = window.controller.document.text if window.controller.document else ""
    taken = {(s.start, s.end) for s in window.controller.span_model.spans() if s.label == "LOC"}
    words = [(t.start, t.end) for t in tokenize(text) if t.is_word and len(t.text) > 3]
    rng = random.Random(seed)
    rng.shuffle(words)
    return [w for w in words if w not in taken][:count]


def press(window: MainWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    QTest.keyClick(window.view.text_edit, key, modifiers)


def bench_document(window: MainWindow, runs: int, *, big: bool) -> dict[str, float]:
    c = window.controller
    none = Qt.KeyboardModifier.NoModifier
    ctrl = Qt.KeyboardModifier.ControlModifier
    doc_id = c.document_id or 0
    other = c.document_model.document_id(1) or 0
    opens, labels, undos, relabels, resizes, deletes, paints = [], [], [], [], [], [], []
    idles: list[float] = []
    idle = QApplication.processEvents  # the event loop's turn between two key presses
    watch = Paints(window.view.viewport())

    def key(k: Qt.Key, mods: Qt.KeyboardModifier) -> float:
        """The key, and the turns until the window is painted and still (window_turns)."""
        return turn(watch, lambda: press(window, k, mods))

    for _ in range(3):  # warm up: fonts, caches, the clitic evidence
        c.open_document(other)
        c.open_document(doc_id)
        settle(watch)
    for _ in range(runs):
        c.open_document(other)
        settle(watch)
        opens.append(turn(watch, lambda: c.open_document(doc_id)))
    for start, end in free_words(window, runs):
        window.view.select_span(None)
        window.view.set_selection(start, end)
        settle(watch)
        labels.append(key(Qt.Key.Key_3, none))
        idles.append(timed(idle))  # deferred: the clitic evidence takes the new span text
        if big:
            relabels.append(key(Qt.Key.Key_4, none))
            shift = ctrl | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
            # the end one letter towards the start (right, in the right-to-left viewer): a real
            # resize (towards the end it would stop on the space after the word, and say so)
            resizes.append(key(Qt.Key.Key_Right, shift))
            deletes.append(key(Qt.Key.Key_Delete, none))
            for _ in range(3):
                press(window, Qt.Key.Key_Z, ctrl)  # back to the labelled span
            settle(watch)
        undos.append(key(Qt.Key.Key_Z, ctrl))
        paints.append(turn(watch, window.view.viewport().update))
    figures = {
        "open article + first paint": median_ms(opens),
        "label key -> stored + painted": median_ms(labels),
        "undo (Ctrl+Z) -> stored + painted": median_ms(undos),
        "idle time after a label key (clitic evidence)": median_ms(idles),
        "baseline: viewer repainted, nothing changed": median_ms(paints),
    }
    if big:
        figures["relabel key -> stored + painted"] = median_ms(relabels)
        figures["resize key -> stored + painted"] = median_ms(resizes)
        figures["delete key -> stored + painted"] = median_ms(deletes)
    return figures


def bench_bare_apply(repo: Repository, document_id: int, runs: int) -> float:
    text = repo.document(document_id).text
    words = [t for t in tokenize(text) if t.is_word][: runs * 3 : 3]
    samples = []
    for word in words[:runs]:
        span = Span(None, document_id, word.start, word.end, "MISC", "bare")
        samples.append(timed(lambda s=span: repo.apply(repo.apply(AddSpan(s)))))
    return median_ms(samples)


def bench_many_documents(folder: Path, app: QApplication, count: int, runs: int) -> None:
    """Projects of many short documents with news titles (big_list.py): the label key, undo,
    every key of a filter typed one letter at a time, the end of the list, each at 50, 10,000
    and ``count`` documents (the growth), beside the same run's baselines; then the list's
    sorts, one run each."""
    sample = SAMPLE.read_text(encoding="utf-8")
    sizes = sorted({50, min(10_000, count), count})
    rows: dict[str, dict[int, float]] = {}

    def put(name: str, size: int, value: float) -> None:
        rows.setdefault(name, {})[size] = value

    for size in sizes:
        path = big_list.make_list_project(folder / f"list-{size}.annot.db", sample, size)
        window = big_list.open_list_window(path, folder, WHO, app)
        label, undo = big_list.label_and_undo(app, window, runs)
        put("label key -> stored, whole window painted", size, label)
        put("undo (Ctrl+Z) -> stored, whole window painted", size, undo)
        for query in big_list.FILTER_QUERIES:
            typed = big_list.filter_keys(app, window, query, max(3, runs // 3))
            like = big_list.like_baseline(path, query, max(3, runs // 3))
            for i, (key, before) in enumerate(zip(typed, like, strict=True)):
                typed_so_far = query[: i + 1]
                put(f"filter {typed_so_far!r}: the key -> list + window painted", size, key)
                put(f"  baseline {typed_so_far!r}: schema 4's LIKE count + page, SQL", size, before)
        for order in (DocumentOrder(), DocumentOrder(SortKey.TITLE)):
            window.documents.set_order(order)
            jump, back = big_list.end_of_list(app, window, max(3, runs // 3))
            name = order.key.value
            put(f"{name} order: jump to the end (read from the end) + paint", size, jump)
            put(f"{name} order: ten screens back up (keyset) + paint", size, back)
            sql = "d.id" if order.key is SortKey.IMPORT else "d.title COLLATE NOCASE, d.id"
            put(
                f"  baseline: the last page by LIMIT/OFFSET, SQL alone ({name})",
                size,
                big_list.offset_baseline(path, sql, runs),
            )
        window.documents.set_order(DocumentOrder())
        if size == count:
            sorts = bench_sorts(window, app, count)
        window.close()
        app.processEvents()
    print(f"\nmany documents: median of {runs} runs (filters, pages: {max(3, runs // 3)})")
    print(f"  {'':<64}" + "".join(f"{size:>10,}" for size in sizes) + "   growth")
    for name, values in rows.items():
        cells = "".join(f"{values.get(size, float('nan')):10.2f}" for size in sizes)
        small, big = values.get(sizes[-2]), values.get(sizes[-1])
        growth = f"{big / small:6.2f}x" if small and big and len(sizes) > 2 else ""
        print(f"  {name:<64}{cells}   {growth}")
    print(f"\n{count:,} documents, the list's sorts (single runs)")
    for label, value in sorts.items():
        print(f"  {label:<64} {value:8.2f}")


def bench_sorts(window: MainWindow, app: QApplication, count: int) -> dict[str, float]:
    """Sorting the list by each column, and the label key with the list sorted by spans."""
    table = window.documents.table
    bar = table.verticalScrollBar()
    figures: dict[str, float] = {}
    samples = []
    for value in range(0, bar.maximum(), max(1, bar.maximum() // 20)):
        samples.append(timed(lambda v=value: (bar.setValue(v), table.viewport().grab())))
    figures["scroll the document list (a jump + paint)"] = median_ms(samples)
    figures["open the last document (Alt+PgDown after a jump)"] = 1000 * timed(
        lambda: (
            window.navigator.go(window.controller.document_model.document_id(count - 2) or 0),
            window.navigator.step(+1),
            window.grab(),
        )
    )
    for key in (SortKey.TITLE, SortKey.STATUS, SortKey.SPANS):
        name = key.value
        figures[f"sort by {name} + paint (the open document's row selected)"] = 1000 * timed(
            lambda k=key: (window.documents.set_order(DocumentOrder(k)), table.viewport().grab())
        )
        figures[f"sorted by {name}: jump to the end + paint"] = 1000 * timed(
            lambda: (bar.setValue(bar.maximum()), table.viewport().grab())
        )
        bar.setValue(0)
    text = window.controller.document.text if window.controller.document else ""
    word = next(t for t in tokenize(text) if t.is_word)
    window.view.set_selection(word.start, word.end)
    figures["sorted by spans: label key (the row moves) + paint"] = 1000 * timed(
        lambda: (QTest.keyClick(window.view.text_edit, Qt.Key.Key_3), window.grab())
    )
    window.controller.document_model.set_order(DocumentOrder())
    return figures


def big_project(folder: Path, chars: int, count: int) -> Path:
    """The sample article, then one big document holding the project's ``count`` newest spans
    (every word, then two-word spans, until there are ``count``)."""
    path = folder / "big-project.annot.db"
    text = article(chars=chars)
    words = [t for t in tokenize(text) if t.is_word]
    places = [(t.start, t.end) for t in words]
    places += [(a.start, b.end) for a, b in pairwise(words)]
    spans = tuple(
        Span(n, 0, a, b, ("PER", "ORG", "LOC", "MISC")[n % 4], WHO)
        for n, (a, b) in enumerate(places[:count], start=1)
    )
    sample = SAMPLE.read_text(encoding="utf-8")
    with open_project(path) as repo:
        repo.add_document(AnnotatedDocument(Document(None, "sample", sample)), annotator=WHO)
        repo.add_document(AnnotatedDocument(Document(None, "big", text), spans), annotator=WHO)
    return path


def window_start(path: Path, folder: Path, app: QApplication, n: int) -> dict[str, float]:
    """Seconds: the window painted; a label key at once after; the evidence arrived."""
    settings = UserSettings(QSettings(str(folder / f"start-{n}.ini"), QSettings.Format.IniFormat))
    settings.set_annotator(WHO)
    start = time.perf_counter()
    window = create_main_window(path, settings)
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    app.processEvents()
    window.grab()
    shown = time.perf_counter()
    text = window.controller.document.text if window.controller.document else ""
    word = next(t for t in tokenize(text)[n * 7 :] if t.is_word and len(t.text) > 3)
    window.view.set_selection(word.start, word.end)

    def label() -> None:
        QTest.keyClick(window.view.text_edit, Qt.Key.Key_3)
        app.processEvents()  # the event loop's turn
        window.grab()  # the whole window painted

    labelled = timed(label)
    while not window.controller.snapper.ready:
        app.processEvents()
        time.sleep(0.005)
    arrived = time.perf_counter() - start
    word = next(t for t in tokenize(text)[n * 7 + 20 :] if t.is_word and len(t.text) > 3)
    window.view.set_selection(word.start, word.end)
    app.processEvents()
    after = timed(label)
    window.close()
    app.processEvents()
    return {"start": shown - start, "label": labelled, "evidence": arrived, "after": after}


def bench_big_project(
    folder: Path, app: QApplication, runs: int, chars: int, spans: int
) -> dict[str, float]:
    big = big_project(folder, chars, spans)
    small = folder / "sample-only.annot.db"
    with open_project(small) as repo:
        sample = SAMPLE.read_text(encoding="utf-8")
        repo.add_document(AnnotatedDocument(Document(None, "sample", sample)), annotator=WHO)
    runs_big = [window_start(big, folder, app, n) for n in range(runs)]
    runs_small = [window_start(small, folder, app, 50 + n) for n in range(runs)]
    figures = {
        "window start + first paint": median_ms([r["start"] for r in runs_big]),
        "label key at once after the start": median_ms([r["label"] for r in runs_big]),
        "the clitic evidence arrived (worker), from the start": median_ms(
            [r["evidence"] for r in runs_big]
        ),
        "label key once the evidence is there": median_ms([r["after"] for r in runs_big]),
        "baseline: start + first paint, sample article alone": median_ms(
            [r["start"] for r in runs_small]
        ),
        "baseline: its evidence arrived": median_ms([r["evidence"] for r in runs_small]),
        "baseline: its label key at once after the start": median_ms(
            [r["label"] for r in runs_small]
        ),
    }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--big-chars", type=int, default=5_800_000)
    parser.add_argument("--big-spans", type=int, default=1_000_000)
    parser.add_argument("--only-big", action="store_true", help="only the big project")
    parser.add_argument(
        "--only-list", action="store_true", help="only the projects of many documents"
    )
    parser.add_argument(
        "--only-articles", action="store_true", help="only the 6,000-token and 150,000-char rows"
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="bench-window-"))
    if args.only_list:
        bench_many_documents(folder, app, args.documents, args.runs)
        return
    cases = [
        ("6,000 tokens, 1,000 spans", article(tokens=6000), 1000, False),
        ("150,000 characters, 10,000 spans", article(chars=150_000), 10_000, True),
    ]
    print(f"median of {args.runs} runs, milliseconds, offscreen, PySide6 window 1280x800")
    if not args.only_articles:
        figures = bench_big_project(folder, app, min(args.runs, 5), args.big_chars, args.big_spans)
        print(
            f"\nbig project: the sample article, then {args.big_chars:,} characters with "
            f"{args.big_spans:,} spans (the newest); median of {min(args.runs, 5)} starts"
        )
        for label, value in figures.items():
            print(f"  {label:<52} {value:10.1f}")
    if args.only_big:
        return
    for name, text, spans, big in cases:
        path = make_project(folder, name.split(",")[0].replace(" ", ""), text, spans)
        window = open_window(path, folder / f"{len(text)}.ini", WHO)
        figures = bench_document(window, args.runs, big=big)
        figures["baseline: bare repo.apply(AddSpan) + inverse"] = bench_bare_apply(
            window.repo, window.controller.document_id or 0, args.runs
        )
        window.close()
        print(f"\n{name} ({len(tokenize(text))} tokens, {len(text)} characters)")
        for label, value in figures.items():
            print(f"  {label:<48} {value:8.2f}")
    if not args.only_articles:
        bench_many_documents(folder, app, args.documents, args.runs)


if __name__ == "__main__":
    main()
