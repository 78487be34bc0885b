"""The project file: SQLite through sqlite-utils. See docs/adr/0004-store.md."""

from __future__ import annotations

from annotator.store.queries import ProjectStats
from annotator.store.repository import Repository, open_project

__all__ = ["ProjectStats", "Repository", "open_project"]
