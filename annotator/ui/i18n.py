"""Interface languages: Qt translation catalogs in resources/translations/, and the direction.

English is the source language (no catalog). Arabic comes from ``annotator_ar.qm`` (built from
``annotator_ar.ts`` with pyside6-lrelease) and mirrors the whole interface to right-to-left.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from annotator.ui import bidi_style, paths

log = logging.getLogger(__name__)

TRANSLATIONS = paths.TRANSLATIONS_DIR
CATALOG = "annotator"

_installed: list[QTranslator] = []


def system_language() -> str:
    """ "ar" when the system locale is Arabic, else "en"."""
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def effective_language(setting: str) -> str:
    return setting if setting in ("en", "ar") else system_language()


def direction(language: str) -> Qt.LayoutDirection:
    return QLocale(language).textDirection()


def install(language: str, app: QCoreApplication | None = None) -> str:
    """Install the catalogs of ``language`` ("" = system) and set the layout direction.

    Replaces any catalogs installed before, so the language can change while running.
    Returns the language in effect.
    """
    app = app or QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs a QApplication")
    language = effective_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "en":
        ours = QTranslator(app)
        if ours.load(f"{CATALOG}_{language}", str(TRANSLATIONS)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("no %s catalog in %s", language, TRANSLATIONS)
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):  # Qt's own buttons: OK, Cancel...
            app.installTranslator(qt)
            _installed.append(qt)
    if isinstance(app, QApplication):
        app.setLayoutDirection(direction(language))
        bidi_style.install(app)  # menu shortcuts left to right in either direction
    return language


def lines_follow_interface(edit: QPlainTextEdit) -> None:
    """Lay every line of a report out in the interface's direction and align it to the side
    where reading starts. A line such as "  PER: 3" has no strong letter of its own and is
    otherwise laid out left to right inside an Arabic report; AlignLeading is AlignLeft in Qt 6,
    hence the absolute alignment."""
    rtl = edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = edit.document().defaultTextOption()
    option.setTextDirection(edit.layoutDirection())
    side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
    edit.document().setDefaultTextOption(option)
