"""Per-user settings in an injected QSettings (tests pass an ini file in a temporary folder).

Everything that belongs to the annotations lives in the project file; here are only the
user's things: annotator name, curator name and merge strategy (ADR 0076), interface language,
viewer font and zoom, window geometry, recent projects, shortcut overrides, and per project the
place to come back to (document, scroll position, selection).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from annotator.core.curation import DEFAULT_CURATOR, Strategy
from annotator.core.document_order import DocumentOrder

MAX_RECENT = 10
LANGUAGES = ("en", "ar")


@dataclass(frozen=True, slots=True)
class Place:
    """Where the annotator was in a project: restored on reopening."""

    document_id: int | None = None
    scroll: int = 0
    selection: tuple[int, int] = (0, 0)
    span_id: int | None = None


def project_key(path: str | Path) -> str:
    """A settings group name for a project path (paths hold slashes, which QSettings nests)."""
    resolved = str(Path(path).expanduser().resolve())
    return hashlib.sha1(resolved.encode("utf-8")).hexdigest()[:16]


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[call-overload,no-any-return]
    except (TypeError, ValueError):
        return default


def _opt_int(value: object) -> int | None:
    if value in (None, "", "none"):
        return None
    try:
        return int(value)  # type: ignore[call-overload,no-any-return]
    except (TypeError, ValueError):
        return None


class UserSettings:
    """Typed access to the QSettings keys the window uses."""

    def __init__(self, qsettings: QSettings) -> None:
        self.q = qsettings

    # -- the annotator -------------------------------------------------------------------
    def annotator(self) -> str:
        return str(self.q.value("annotator/name", "") or "")

    def set_annotator(self, name: str) -> None:
        self.q.setValue("annotator/name", name.strip())

    def curator(self) -> str:
        """The curator annotator: whose spans the curated result is (ADR 0076)."""
        return str(self.q.value("curation/curator", "") or "").strip() or DEFAULT_CURATOR

    def set_curator(self, name: str) -> None:
        self.q.setValue("curation/curator", name.strip())

    def curation_strategy(self) -> Strategy:
        """What "merge agreed" merges: all (every annotator) or majority (ADR 0076)."""
        value = str(self.q.value("curation/strategy", "") or "")
        return Strategy(value) if value in {s.value for s in Strategy} else Strategy.ALL

    def set_curation_strategy(self, strategy: Strategy) -> None:
        self.q.setValue("curation/strategy", strategy.value)

    # -- interface -----------------------------------------------------------------------
    def language(self) -> str:
        """ "en", "ar", or "" (follow the system locale)."""
        value = str(self.q.value("ui/language", "") or "")
        return value if value in LANGUAGES else ""

    def set_language(self, language: str) -> None:
        self.q.setValue("ui/language", language if language in LANGUAGES else "")

    def zoom(self) -> int:
        return _int(self.q.value("viewer/zoom", 0), 0)

    def set_zoom(self, zoom: int) -> None:
        self.q.setValue("viewer/zoom", int(zoom))

    def font_family(self) -> str:
        return str(self.q.value("viewer/font", "") or "")

    def set_font_family(self, family: str) -> None:
        self.q.setValue("viewer/font", family)

    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self, rtl: bool = False) -> QByteArray | None:
        """Dock positions; one state per direction, as the docks swap sides in Arabic."""
        value = self.q.value("window/state-rtl" if rtl else "window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray, rtl: bool = False) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state-rtl" if rtl else "window/state", state)

    def document_order(self) -> DocumentOrder:
        """The order of the document list, as the annotator last sorted it."""
        return DocumentOrder.parse(self.q.value("documents/order", ""))

    def set_document_order(self, order: DocumentOrder) -> None:
        self.q.setValue("documents/order", order.text())

    def most_useful_next(self) -> bool:
        """Ctrl+Enter opens the document the model is least sure of (ADR 0073)."""
        return str(self.q.value("navigation/most-useful", "false")).lower() == "true"

    def set_most_useful_next(self, on: bool) -> None:
        self.q.setValue("navigation/most-useful", "true" if on else "false")

    # -- shortcuts -----------------------------------------------------------------------
    def shortcut_override(self, action_id: str) -> str | None:
        """The user's key sequence for an action ("" means no key), or None for the default."""
        value = self.q.value(f"shortcuts/{action_id}")
        return None if value is None else str(value)

    def set_shortcut_override(self, action_id: str, keys: str | None) -> None:
        if keys is None:
            self.q.remove(f"shortcuts/{action_id}")
        else:
            self.q.setValue(f"shortcuts/{action_id}", keys)

    # -- projects ------------------------------------------------------------------------
    def recent_projects(self) -> list[str]:
        value = self.q.value("projects/recent", [])
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, list):
            return [str(v) for v in value if v]
        return []

    def add_recent_project(self, path: str | Path) -> None:
        resolved = str(Path(path).expanduser().resolve())
        recent = [p for p in self.recent_projects() if p != resolved]
        self.q.setValue("projects/recent", [resolved, *recent][:MAX_RECENT])

    def remove_recent_project(self, path: str | Path) -> None:
        resolved = str(Path(path).expanduser().resolve())
        self.q.setValue("projects/recent", [p for p in self.recent_projects() if p != resolved])

    def place(self, project: str | Path) -> Place:
        group = f"places/{project_key(project)}"
        start = _int(self.q.value(f"{group}/selection_start", 0), 0)
        end = _int(self.q.value(f"{group}/selection_end", start), start)
        return Place(
            document_id=_opt_int(self.q.value(f"{group}/document")),
            scroll=_int(self.q.value(f"{group}/scroll", 0), 0),
            selection=(start, max(start, end)),
            span_id=_opt_int(self.q.value(f"{group}/span")),
        )

    def save_place(self, project: str | Path, place: Place, *, sync: bool = False) -> None:
        """Qt writes the settings file on its own soon after (and at exit); ``sync`` writes
        it now (on close)."""
        group = f"places/{project_key(project)}"
        self.q.setValue(f"{group}/path", str(Path(project).expanduser().resolve()))
        self.q.setValue(f"{group}/document", "" if place.document_id is None else place.document_id)
        self.q.setValue(f"{group}/scroll", place.scroll)
        self.q.setValue(f"{group}/selection_start", place.selection[0])
        self.q.setValue(f"{group}/selection_end", place.selection[1])
        self.q.setValue(f"{group}/span", "" if place.span_id is None else place.span_id)
        if sync:
            self.q.sync()

    def sync(self) -> None:
        self.q.sync()
