"""Render resources/icons/arabic-news-annotator.svg to the 256 px PNG next to it.

The SVG is the source (drawn by hand); the PNG is what the desktop entry, the window and the
bundle use where SVG is not read. Run after editing the SVG: .venv/bin/python scripts/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZE = 256


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage painting needs one)
    renderer = QSvgRenderer(str(ICONS / "arabic-news-annotator.svg"))
    if not renderer.isValid():
        print(f"{ICONS / 'arabic-news-annotator.svg'}: not a valid SVG", file=sys.stderr)
        return 1
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    out = ICONS / "arabic-news-annotator.png"
    if not image.save(str(out)):
        print(f"{out}: cannot write", file=sys.stderr)
        return 1
    print(out.relative_to(ICONS.parents[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
