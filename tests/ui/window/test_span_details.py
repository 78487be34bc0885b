"""Issue 8 item 17: a span's details on hover, and the document's metadata from the menus.

The tooltip comes from Qt's own hover machinery (real mouse moves, then Qt's ToolTip event
after its delay); the details dialog is opened from the View menu with real clicks and with
its key. What both say is checked against the project file, read by a second connection.
Screenshots of both, in both interface languages, go to tests/ui/screenshots/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QTableWidget, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from annotator.ops.importing import import_paths
from annotator.store import open_project
from annotator.ui import i18n
from annotator.ui.document_details import DocumentDetails
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import UserSettings
from tests.ui.viewer_helpers import click
from tests.ui.window_helpers import ANNOTATOR, REPO, SEED, find, key, open_window, text_of

NEWSPLEASE = REPO / "tests" / "fixtures" / "import" / "newsplease-article.json"


@pytest.fixture(autouse=True)
def _back_to_english() -> Iterator[None]:
    yield
    i18n.install("en")


def window_in(qtbot: QtBot, tmp_path: Path, settings: QSettings, language: str) -> MainWindow:
    """The window on a project of the sample article as scraped (its boilerplate dropped at
    import) and the same article as news-please wrote it (URL, date, site)."""
    project = tmp_path / "details.annot.db"
    with open_project(project) as repo:
        assert import_paths(repo, [SEED, NEWSPLEASE], annotator=ANNOTATOR).imported == 2
    user = UserSettings(settings)
    user.set_annotator(ANNOTATOR)
    user.set_language(language)
    window = open_window(qtbot, project, user)
    window.resize(1280, 800)
    return window


def hover(qtbot: QtBot, window: MainWindow, pos: int) -> str:
    """Move the mouse onto the character at ``pos`` and wait for Qt's tooltip; its text."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    viewport = window.view.viewport()
    point = window.view.char_rect(pos).center()
    QTest.mouseMove(viewport, point + QPoint(0, 2))
    QTest.mouseMove(viewport, point)
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    return QToolTip.text()


def tooltip_widget() -> QWidget:
    return next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel"))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_hovering_spans_shows_label_annotator_offsets_and_speaker(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    window = window_in(qtbot, tmp_path, settings, language)
    text = text_of(window)
    quote_start = text.index("«إنه ينبغي")
    quote = (quote_start, text.index("»", quote_start) + 1)
    ishaq = find(text, "إيشق", 1)
    inside = text.index("وحدات حماية الشعب", quote_start)  # inside the quote
    units = (inside, inside + len("وحدات حماية الشعب"))
    window.view.set_selection(*quote)
    key(window, "Alt+6")
    quote_id = window.view.selected_span()
    window.view.set_selection(*ishaq)
    key(window, "1")
    window.view.set_selection(*units)
    key(window, "2")
    window.view.select_span(quote_id)
    key(window, "S")
    click(window.view, ishaq[0] + 1)
    window.view.select_span(None)

    with open_project(window.project, create=False) as repo:  # what the file says
        document_id = window.controller.document_id or 0
        spans = {s.label: s for s in repo.spans(document_id)}
        (relation,) = repo.relations(document_id)
    saved_quote, speaker = spans["QUOTE"], spans["PER"]
    assert (relation.source_id, relation.target_id) == (saved_quote.id, speaker.id)
    quote_tip = hover(qtbot, window, quote[0] + 3)
    english = language == "en"
    for part in (
        "QUOTE",
        f"{saved_quote.start}–{saved_quote.end}",
        saved_quote.annotator,
        "إيشق",
        "PER",
        "Speaker" if english else "المتحدث",
        "Annotator" if english else "الموسِّم",
    ):
        assert part in quote_tip, part
    if english:
        assert "(quote)" in quote_tip
    assert tooltip_widget().grab().save(str(screenshot_dir / f"tooltip-quote-{language}.png"))

    nested = hover(qtbot, window, units[0] + 2)  # an ORG inside the quote: both, ORG first
    assert nested.index("ORG") < nested.index("QUOTE")
    assert f"{spans['ORG'].start}–{spans['ORG'].end}" in nested
    assert nested.count("<table") == 2

    speaker_tip = hover(qtbot, window, ishaq[0] + 1)
    assert f"{speaker.start}–{speaker.end}" in speaker_tip and "QUOTE" not in speaker_tip
    assert window.view.span_tooltip(text.index("واشنطن")) == ""  # no span: no tooltip


def open_view_menu_item(qtbot: QtBot, window: MainWindow, action_id: str) -> None:
    """Click the View menu in the menu bar, then the item, with the mouse."""
    bar = window.menuBar()
    menu = window.menu("view")
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center()
    )
    qtbot.waitUntil(menu.isVisible)
    action = window.action_set[action_id]
    assert action in menu.actions()
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


def details_dialog(window: MainWindow) -> DocumentDetails:
    dialog = window.findChild(DocumentDetails, "document-details")
    assert dialog is not None and dialog.isVisible()
    return dialog


@pytest.mark.parametrize("language", ["en", "ar"])
def test_document_details_from_the_menu_follow_the_document(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, screenshot_dir: Path, language: str
) -> None:
    window = window_in(qtbot, tmp_path, settings, language)
    open_view_menu_item(qtbot, window, "document_details")
    dialog = details_dialog(window)
    with open_project(window.project, create=False) as repo:
        documents = {i: repo.document(i) for i in repo.document_ids()}
    shown = documents[window.controller.document_id or 0]
    assert shown.source == "washington-turkey-isis.txt"
    assert dialog.fields["source"].text() == shown.source
    assert dialog.fields["text_sha256"].text() == shown.text_sha256
    assert dialog.fields["length"].text() == f"{len(shown.text):,}"
    table: QTableWidget = dialog.dropped
    rows = [
        tuple(table.item(r, c).text() for c in range(3))  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]
    dropped = shown.meta["boilerplate_dropped"]
    assert rows == [(str(d["line"]), d["rule"], d["text"]) for d in dropped]
    assert ("7", "font-size widget", "ت + ت - الحجم الطبيعي") in rows
    assert 'encoding: "utf-8"' in dialog.other.toPlainText()
    qtbot.waitUntil(lambda: dialog.isVisible())
    assert dialog.grab().save(str(screenshot_dir / f"document-details-{language}.png"))

    window.activateWindow()
    qtbot.waitActive(window)
    window.view.setFocus()
    key(window, "Alt+PgDown")  # the next document: the dialog follows
    other = documents[window.controller.document_id or 0]
    assert other.url == "https://www.example.com/news/world/1.html"
    assert dialog.fields["url"].text().count(other.url) == 2  # the link and its text
    assert dialog.fields["published"].text() == other.published == "2016-09-09 00:00:00"
    assert dialog.fields["source"].text() == "www.example.com"
    assert table.rowCount() == 0
    assert "date_download" in dialog.other.toPlainText()
    dialog.close()
    key(window, "Ctrl+Shift+D")  # and its key opens it again
    assert details_dialog(window).fields["source"].text() == "www.example.com"
    assert isinstance(window.menu("view"), QMenu)
