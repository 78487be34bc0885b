"""The item models under Qt's model tester, and the lazy document list on many documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.modeltest import ModelTester

from annotator.core.edits import AddRelation, AddSpan, RemoveSpan, SetStatus
from annotator.core.model import (
    DEFAULT_LABELS,
    SPEAKER,
    AnnotatedDocument,
    Document,
    Relation,
    Span,
    Status,
)
from annotator.core.text import text_sha256
from annotator.store import open_project
from annotator.ui.document_model import ROWS_PER_PAGE, DocumentListModel
from annotator.ui.effects import flatten
from annotator.ui.main_window import MainWindow
from annotator.ui.span_model import SpanListModel
from annotator.ui.table_model import ReadOnlyTableModel
from tests.ui.window_helpers import find, key, text_of

TEXT = "قال كارتر إن «خطة عمليتنا العسكرية تفترض محاصرة الموصل والرقة» في لندن"


def many_documents(path: Path, n: int) -> None:
    with open_project(path) as repo:
        docs = [
            AnnotatedDocument(
                Document(None, f"مقال {i}", f"{TEXT} {i}", text_sha256(f"{TEXT} {i}"))
            )
            for i in range(n)
        ]
        repo.add_documents(docs)


def test_document_list_model_passes_the_model_tester(
    tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    path = tmp_path / "p.annot.db"
    many_documents(path, 30)
    with open_project(path) as repo:
        model = DocumentListModel(repo, "tester")
        qtmodeltester.check(model, force_py=True)
        repo.apply(AddSpan(Span(None, 3, 0, 3, "PER", "tester")))
        repo.apply(SetStatus(5, "tester", Status.DONE))
        model.refresh_document(3, membership=True)
        model.set_filter(Status.DONE, "")
        assert model.rowCount() == 1 and model.document_id(0) == 5
        model.set_filter(None, "1")  # titles with a 1 in them
        assert model.rowCount() == len([i for i in range(30) if "1" in str(i)])
        model.set_current(model.document_id(2))


def test_document_list_pages_through_many_documents(tmp_path: Path) -> None:
    path = tmp_path / "p.annot.db"
    n = ROWS_PER_PAGE * 3 + 7
    many_documents(path, n)
    with open_project(path) as repo:
        model = DocumentListModel(repo, "tester")
        assert model.rowCount() == n
        last = model.index(n - 1, 0)
        assert model.data(last) == f"مقال {n - 1}"
        assert model.row_of(model.document_id(n - 1) or 0) == n - 1
        model.set_current(model.document_id(n - 1))
        assert model.data(last, Qt.ItemDataRole.FontRole).bold()
        assert len(model._pages.pages) <= 2


def test_span_list_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    carter, quote = find(TEXT, "كارتر"), (TEXT.index("«"), TEXT.index("»") + 1)
    spans = [
        Span(1, 1, *carter, "PER"),
        Span(2, 1, *quote, "QUOTE"),
        Span(3, 1, *find(TEXT, "الموصل"), "LOC"),
    ]
    model = SpanListModel()
    model.set_document(TEXT, spans, [Relation(1, SPEAKER, 2, 1)], DEFAULT_LABELS)
    qtmodeltester.check(model, force_py=True)
    assert [model.span_at_row(r).id for r in range(3)] == [1, 2, 3]  # type: ignore[union-attr]
    assert model.index(1, model.SPEAKER).data() == "كارتر"
    alignment = Qt.AlignmentFlag(model.index(1, model.TEXT).data(Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight and alignment & Qt.AlignmentFlag.AlignAbsolute
    model.add_span(Span(4, 1, *find(TEXT, "لندن"), "LOC"))
    model.update_span(Span(3, 1, *find(TEXT, "والرقة"), "LOC"))
    model.remove_span(1)
    assert model.index(0, model.SPEAKER).data() == ""  # the speaker went with its span
    assert [model.span_at_row(r).id for r in range(3)] == [2, 3, 4]  # type: ignore[union-attr]


def test_models_follow_store_edits(tmp_path: Path) -> None:
    path = tmp_path / "p.annot.db"
    many_documents(path, 2)
    with open_project(path) as repo:
        repo.apply(AddSpan(Span(None, 1, 4, 9, "PER", "tester")))
        inverse = repo.apply(AddSpan(Span(None, 1, 13, 62, "QUOTE", "tester")))
        quote_id = next(e.span_id for e in flatten(inverse) if isinstance(e, RemoveSpan))
        repo.apply(AddRelation(Relation(None, SPEAKER, quote_id, 1, "tester")))
        annotated = repo.annotated(1)
        model = SpanListModel()
        model.set_document(
            annotated.document.text, list(annotated.spans), list(annotated.relations), repo.labels()
        )
        assert model.speaker_relation(quote_id) is not None


def test_both_tables_share_the_read_only_header_and_flags(window: MainWindow) -> None:
    """The document list and the span list get their headers, row numbers and read-only cells
    from one base class; a real click on a row selects it, nothing opens an editor."""
    window.view.set_selection(*find(text_of(window), "كارتر"))
    key(window, "1")
    sort_hint = (
        "Click to sort by this column; again for the other way, a third time for the order of"
        " import"
    )
    for table, headers, tip in (
        (window.documents.table, ["Title", "Status", "Spans", "Sure"], sort_hint),
        (window.side.table, ["Label", "Text", "Offsets", "Speaker", "Annotator"], None),
    ):
        model = table.model()
        assert isinstance(model, ReadOnlyTableModel)
        horizontal = Qt.Orientation.Horizontal
        assert [model.headerData(c, horizontal) for c in range(model.columnCount())] == headers
        assert model.headerData(0, Qt.Orientation.Vertical) == 1
        assert model.headerData(0, horizontal, Qt.ItemDataRole.ToolTipRole) == tip
        assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
        cell = model.index(0, 1)
        assert not model.flags(cell) & Qt.ItemFlag.ItemIsEditable
        table.selectionModel().clearSelection()
        QTest.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(cell).center()
        )
        QTest.mouseDClick(
            table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(cell).center()
        )
        assert table.selectionModel().isRowSelected(0, QModelIndex())
        assert table.state() != QAbstractItemView.State.EditingState
