"""Where the shipped files are: the fonts, the interface catalogs and the sample seeds.

They live at the top of the repository (``resources/``, ``seeds/``). A wheel carries copies in
``annotator/_data/`` (setup.py copies them at build time, docs/adr/0015-packaged-resources.md);
the source tree and the editable install have no copy and use the repository's folders. The
application bundle (PyInstaller, packaging/annotator.spec) puts the same ``annotator/_data/``
under its unpacked folder, ``sys._MEIPASS`` (docs/adr/0077-the-application-bundle.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

FROZEN = bool(getattr(sys, "frozen", False))  # running from the application bundle


def _package() -> Path:
    """The folder of the ``annotator`` package: in the bundle, under ``sys._MEIPASS``."""
    if FROZEN:
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "annotator"
    return Path(__file__).resolve().parents[1]


PACKAGE = _package()
PACKAGED = PACKAGE / "_data"  # filled in a wheel only
SOURCE_TREE = PACKAGE.parent


def shipped(*parts: str) -> Path:
    """The shipped file or folder ``parts`` (e.g. "resources", "fonts"): the package's copy
    first, else the source tree's; the package's path when neither exists (for messages)."""
    for root in (PACKAGED, SOURCE_TREE):
        path = root.joinpath(*parts)
        if path.exists():
            return path
    return (PACKAGED if PACKAGED.is_dir() else SOURCE_TREE).joinpath(*parts)


FONTS_DIR = shipped("resources", "fonts")
TRANSLATIONS_DIR = shipped("resources", "translations")
SEEDS_DIR = shipped("seeds")
ICON = shipped("resources", "icons", "arabic-news-annotator.png")
