"""The document list sorts by a click on any column header (issue 8 §18): a second click
reverses, a third goes back to import order; the order is kept in the user's settings, works
with the filter, is what Alt+PgDown / Alt+PgUp follow, and is read from the store page by page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from annotator.core.document_order import DocumentOrder, SortKey
from annotator.core.edits import SetStatus
from annotator.core.model import AnnotatedDocument, Document, Span, Status
from annotator.store import open_project
from annotator.ui.document_model import ROWS_PER_PAGE, DocumentListModel
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.window_helpers import ANNOTATOR, find, key, make_project, open_window, text_of

# title, spans, status: added after the sample article (id 1, "واشنطن تجدد…", 0 spans, new)
EXTRA = (
    ("بغداد", 2, Status.DONE),
    ("أنقرة", 0, Status.IN_PROGRESS),
    ("Zagreb", 3, Status.NEW),
    ("beirut", 1, Status.DONE),
    ("الرقة", 1, Status.NEW),
)


def project_of(folder: Path) -> Path:
    path = make_project(folder)
    with open_project(path) as repo:
        for n, (title, spans, status) in enumerate(EXTRA):
            text = f"نص المقال رقم {n} عن {title}"
            found = tuple(Span(None, 0, i, i + 1, "MISC", ANNOTATOR) for i in range(spans))
            added = repo.add_document(AnnotatedDocument(Document(None, title, text), found))
            assert added is not None and added.id is not None
            if status is not Status.NEW:
                repo.apply(SetStatus(added.id, ANNOTATOR, status))
    return path


def user(settings: QSettings) -> UserSettings:
    found = UserSettings(settings)
    found.set_annotator(ANNOTATOR)
    found.set_language("en")
    return found


def click_header(window: MainWindow, column: int) -> None:
    header = window.documents.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    QTest.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def column(window: MainWindow, column: int) -> list[object]:
    model = window.documents.table.model()
    return [
        model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
        for row in range(model.rowCount())
    ]


def titles(window: MainWindow) -> list[str]:
    return [str(t) for t in column(window, DocumentListModel.TITLE)]


def highlighted_document(window: MainWindow) -> int | None:
    rows = window.documents.table.selectionModel().selectedRows()
    return window.controller.document_model.document_id(rows[0].row()) if rows else None


def test_clicking_headers_sorts_reverses_and_goes_back(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    window = open_window(qtbot, project_of(tmp_path), user(settings))
    imported = titles(window)
    first = imported[0]
    assert imported[1:] == [t for t, _, _ in EXTRA]
    click_header(window, DocumentListModel.TITLE)
    by_title = sorted(imported, key=lambda t: (t.lower(), imported.index(t)))
    assert titles(window) == by_title == ["beirut", "Zagreb", "أنقرة", "الرقة", "بغداد", first]
    click_header(window, DocumentListModel.TITLE)
    assert titles(window) == by_title[::-1]
    click_header(window, DocumentListModel.TITLE)
    assert titles(window) == imported  # a third click: import order
    click_header(window, DocumentListModel.SPANS)
    assert column(window, DocumentListModel.SPANS) == [0, 0, 1, 1, 2, 3]
    assert titles(window) == [first, "أنقرة", "beirut", "الرقة", "بغداد", "Zagreb"]
    click_header(window, DocumentListModel.STATUS)
    assert column(window, DocumentListModel.STATUS) == ["new"] * 3 + ["in progress"] + ["done"] * 2
    click_header(window, DocumentListModel.STATUS)
    assert titles(window) == ["beirut", "بغداد", "أنقرة", "الرقة", "Zagreb", first]
    assert highlighted_document(window) == window.controller.document_id  # still its row


def test_the_order_is_kept_in_the_settings(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    path = project_of(tmp_path)
    window = open_window(qtbot, path, user(settings))
    click_header(window, DocumentListModel.SPANS)
    click_header(window, DocumentListModel.SPANS)
    shown = titles(window)
    assert user(settings).document_order() == DocumentOrder(SortKey.SPANS, descending=True)
    window.close()

    again = open_window(qtbot, path, user(settings))
    assert titles(again) == shown
    header = again.documents.table.horizontalHeader()
    assert header.sortIndicatorSection() == DocumentListModel.SPANS
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    click_header(again, DocumentListModel.SPANS)  # the third click from the saved state
    assert user(settings).document_order() == DocumentOrder()


def test_the_filter_keeps_the_order(qtbot: QtBot, tmp_path: Path, settings: QSettings) -> None:
    window = open_window(qtbot, project_of(tmp_path), user(settings))
    click_header(window, DocumentListModel.TITLE)
    click_header(window, DocumentListModel.TITLE)
    first = titles(window)[0]  # the sample article: و sorts after the other letters
    window.documents.search.setText("ا")  # titles with an alef: أنقرة's hamza seat is one too
    assert titles(window) == [first, "بغداد", "الرقة", "أنقرة"]
    key(window, "Alt+PgDown")
    assert window.controller.document is not None
    assert window.controller.document.title == "بغداد"
    # the position counts what the list shows: the second of four, not of the six
    assert window.status.position.text() == "Document \u20662\u2069 of \u20664\u2069"
    window.documents.status.setCurrentIndex(window.documents.status.findData("new"))
    assert titles(window) == [first, "الرقة"]


def test_next_and_previous_document_follow_the_order_shown(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    window = open_window(qtbot, project_of(tmp_path), user(settings))
    click_header(window, DocumentListModel.TITLE)
    table = window.documents.table
    rect = table.visualRect(table.model().index(0, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.controller.document is not None
    assert window.controller.document.title == "beirut"
    assert window.status.position.text() == "Document \u20661\u2069 of \u20666\u2069"
    seen = []
    for _ in range(5):
        key(window, "Alt+PgDown")
        assert window.controller.document is not None
        seen.append(window.controller.document.title)
        assert highlighted_document(window) == window.controller.document_id
    assert seen == titles(window)[1:]
    assert window.status.position.text() == "Document \u20666\u2069 of \u20666\u2069"
    key(window, "Alt+PgDown")
    assert window.status.action.text() == "This is the last document"
    key(window, "Alt+PgUp")
    assert window.controller.document.title == "بغداد"


def test_sorted_by_spans_the_open_document_moves_and_stays_highlighted(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    window = open_window(qtbot, project_of(tmp_path), user(settings))
    click_header(window, DocumentListModel.SPANS)
    click_header(window, DocumentListModel.SPANS)  # most spans first
    article = window.controller.document_id
    assert window.controller.document_model.row_of(article or 0) == 5
    text = text_of(window)
    for word in ("كارتر", "أنقرة", "واشنطن", "البنتاغون"):
        window.view.set_selection(*find(text, word))
        key(window, "3")
    assert column(window, DocumentListModel.SPANS)[0] == 4  # the article's row is first now
    assert window.controller.document_model.row_of(article or 0) == 0
    assert highlighted_document(window) == article
    key(window, "Ctrl+Z")
    key(window, "Ctrl+Z")
    assert column(window, DocumentListModel.SPANS)[:2] == [3, 2]
    assert highlighted_document(window) == article


def test_a_sort_reads_only_the_pages_shown(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    path = make_project(tmp_path)
    with open_project(path) as repo:
        repo.add_documents(
            AnnotatedDocument(Document(None, f"مقال {n % 97}", f"نص قصير رقم {n}"))
            for n in range(5 * ROWS_PER_PAGE)
        )
    window = open_window(qtbot, path, user(settings))
    model = window.controller.document_model
    statements: list[str] = []
    window.repo.db.conn.set_trace_callback(statements.append)
    for section in (DocumentListModel.TITLE, DocumentListModel.SPANS, DocumentListModel.STATUS):
        click_header(window, section)
        window.documents.table.viewport().grab()  # painted: the rows shown were read
        assert 0 < len(model._pages.pages) <= 2, "a sort read more than the rows shown"
    ordered = [s for s in statements if s.startswith("SELECT") and "ORDER BY" in s]
    assert ordered and all("LIMIT" in s for s in ordered)  # never every row in order
