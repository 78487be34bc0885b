"""The Arabic font shipped in resources/fonts/ (Noto Naskh Arabic, OFL); the system font else."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from annotator.ui import paths

log = logging.getLogger(__name__)

FONTS_DIR = paths.FONTS_DIR
FONT_FILES = ("NotoNaskhArabic-Regular.ttf", "NotoNaskhArabic-Bold.ttf")

_family: str | None = None


def load_fonts(directory: Path | None = None) -> str:
    """Register the shipped fonts once (needs a QGuiApplication); return the family to use.

    Falls back to the system's general font when the files are missing or Qt refuses them.
    """
    global _family
    if _family is not None and directory is None:
        return _family
    folder = directory or FONTS_DIR
    family = ""
    for name in FONT_FILES:
        path = folder / name
        if not path.is_file():
            log.warning("font file missing: %s", path)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("Qt could not load the font %s", path)
            continue
        family = family or families[0]
    if not family:
        family = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    if directory is None:
        _family = family
    return family
