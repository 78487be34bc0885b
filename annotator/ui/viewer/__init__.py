"""The article viewer: a read-only, right-to-left text with its spans drawn by kind."""

from __future__ import annotations

from .offsets import OffsetMap, qt_text
from .view import ArticleView

__all__ = ["ArticleView", "OffsetMap", "qt_text"]
