"""The project search panel in the real window (Ctrl+Shift+F, issue 11, docs/adr/0067).

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/bench_search_panel.py [--documents 10000]

On a copy of bench_label_all's project (ANERcorp-made articles, built once and cached) opened
in the real window, for a rare, a middling and a frequent name, prints: the search from Enter
to the hits listed (the Job's search_project, then the tree), "Label all" (the edit built,
applied through the undo stack, the list's labels read again), its Ctrl+Z, and a second
"Label all" that finds nothing left. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_label_all import project, sentences  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from annotator.core.edits import Composite, RemoveSpan  # noqa: E402
from annotator.store import open_project  # noqa: E402
from annotator.ui.app import create_main_window  # noqa: E402
from annotator.ui.main_window import MainWindow  # noqa: E402
from annotator.ui.settings import UserSettings  # noqa: E402


def ms(start: float) -> str:
    return f"{(time.perf_counter() - start) * 1000:>7.0f}ms"


def copy(cached: Path, path: Path) -> None:
    """A consistent copy of the cached project without spans: bench_label_all applies its
    edits to the cache (and their inverses), maybe in another process right now."""
    with sqlite3.connect(cached) as source, sqlite3.connect(path) as target:
        source.backup(target)
    with open_project(path, create=False) as repo:
        gone = [RemoveSpan(s.id) for d in repo.document_ids() for s in repo.spans(d)]
        if gone:
            repo.apply(Composite(tuple(gone)))
            print(f"removed {len(gone)} spans left in the cached project by another run")


def row(app: QApplication, window: MainWindow, name: str) -> str:
    search, panel = window.search, window.search.panel
    panel.field.setText(name)
    start = time.perf_counter()
    search.search()
    while search.running:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    found = ms(start)
    hits = len(panel.all_hits())
    panel.set_labels(window.controller.labels, "LOC")
    start = time.perf_counter()
    made = search.label("all")
    app.processEvents()
    labelled = ms(start)
    start = time.perf_counter()
    window.controller.undo()
    app.processEvents()
    undone = ms(start)
    search.label("all")
    start = time.perf_counter()
    again = search.label("all")
    app.processEvents()
    nothing = ms(start)
    assert again == 0 and made == hits, (again, made, hits, window.status.action.text())
    return f"{name:>12} {hits:>6} {len(panel.results):>5} {found} {labelled} {undone} {nothing}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    args = parser.parse_args()
    cached = project(args.documents)
    _, names = sentences()
    ranked = [n for n, _ in names.most_common() if len(n) >= 4]
    chosen = [ranked[len(ranked) // 2], ranked[len(ranked) // 20], ranked[0]]
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.annot.db"
        copy(cached, path)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        user = UserSettings(settings)
        user.set_annotator("bench")
        user.set_language("en")
        window = create_main_window(path, user)
        window.show()
        app.processEvents()
        window.search.open()
        print(
            f"{'name':>12} {'hits':>6} {'docs':>5} {'listed':>9} {'label':>9} {'undo':>9}"
            f" {'again':>9}"
        )
        for name in chosen:
            print(row(app, window, name))
        window.close()


if __name__ == "__main__":
    main()
