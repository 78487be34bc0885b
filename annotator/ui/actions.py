"""Every action of the window, declared as data: id, text, default keys.

The user may override any action's keys in QSettings under ``shortcuts/<id>`` (a key sequence
in portable text, several separated by "; ", an empty string for none). A key that an override
takes is removed from the action that had it by default, so one key never does two things.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.ui.settings import UserSettings
from annotator.ui.text import QT_TRANSLATE_NOOP


def shown_keys(keys: QKeySequence) -> str:
    """A key sequence as the window shows it: Qt's portable names (Ctrl+Alt+Shift+Left), the
    ones printed on the keys, in both interfaces. Qt's native text in Arabic names the arrows in
    Arabic ("Alt+Shift+اليسار"), which no isolate keeps in order inside an Arabic line."""
    return keys.toString(QKeySequence.SequenceFormat.PortableText)


log = logging.getLogger(__name__)

CONTEXT = "Actions"
MAX_KEY = 9


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str  # English source text, translated in the "Actions" context
    keys: tuple[str, ...] = ()  # default key sequences, portable text
    tip: str = ""


def _label_specs() -> list[ActionSpec]:
    specs = []
    for k in range(1, MAX_KEY + 1):
        specs.append(ActionSpec(f"label_{k}", QT_TRANSLATE_NOOP("Actions", "Label key"), (str(k),)))
    for k in range(1, MAX_KEY + 1):
        specs.append(
            ActionSpec(f"exact_{k}", QT_TRANSLATE_NOOP("Actions", "Exact label key"), (f"Alt+{k}",))
        )
    return specs


def _take_specs() -> list[ActionSpec]:
    """Curation: take the spans of the disagreement's Nth annotator (ADR 0076)."""
    return [
        ActionSpec(f"take_{k}", QT_TRANSLATE_NOOP("Actions", "Take annotator"), (f"Ctrl+{k}",))
        for k in range(1, MAX_KEY + 1)
    ]


SPECS: tuple[ActionSpec, ...] = (
    # Project menu
    ActionSpec("new_project", QT_TRANSLATE_NOOP("Actions", "&New project…"), ("Ctrl+N",)),
    ActionSpec("open_project", QT_TRANSLATE_NOOP("Actions", "&Open project…"), ("Ctrl+O",)),
    ActionSpec("import", QT_TRANSLATE_NOOP("Actions", "&Import articles…"), ("Ctrl+I",)),
    ActionSpec("export", QT_TRANSLATE_NOOP("Actions", "&Export…"), ("Ctrl+E",)),
    ActionSpec("dashboard", QT_TRANSLATE_NOOP("Actions", "&Dashboard…"), ()),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), ("Ctrl+Q",)),
    # Edit menu
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), ("Ctrl+Z",)),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), ("Ctrl+Shift+Z", "Ctrl+Y")),
    ActionSpec("labels", QT_TRANSLATE_NOOP("Actions", "&Labels…"), ()),
    ActionSpec("settings", QT_TRANSLATE_NOOP("Actions", "&Settings…"), ("Ctrl+,",)),
    # Annotate menu
    *_label_specs(),
    ActionSpec(
        "delete_span", QT_TRANSLATE_NOOP("Actions", "&Delete span"), ("Delete", "Backspace")
    ),
    ActionSpec("next_span", QT_TRANSLATE_NOOP("Actions", "Next span"), ("Tab",)),
    ActionSpec("previous_span", QT_TRANSLATE_NOOP("Actions", "Previous span"), ("Shift+Tab",)),
    # Boundaries move in the arrow's direction on screen; the viewer is right-to-left, so
    # Left moves a boundary towards the end of the text (see docs/adr/0011).
    ActionSpec(
        "start_left", QT_TRANSLATE_NOOP("Actions", "Move start boundary left"), ("Alt+Shift+Left",)
    ),
    ActionSpec(
        "start_right",
        QT_TRANSLATE_NOOP("Actions", "Move start boundary right"),
        ("Alt+Shift+Right",),
    ),
    ActionSpec(
        "end_left",
        QT_TRANSLATE_NOOP("Actions", "Move end boundary left"),
        ("Ctrl+Alt+Shift+Left",),
    ),
    ActionSpec(
        "end_right",
        QT_TRANSLATE_NOOP("Actions", "Move end boundary right"),
        ("Ctrl+Alt+Shift+Right",),
    ),
    ActionSpec("label_all", QT_TRANSLATE_NOOP("Actions", "Label all &occurrences"), ("Ctrl+L",)),
    ActionSpec(
        "label_all_project",
        QT_TRANSLATE_NOOP("Actions", "Label all occurrences in the &project"),
        ("Ctrl+Alt+L",),
    ),
    ActionSpec(
        "suggest", QT_TRANSLATE_NOOP("Actions", "&Suggest for this document"), ("Ctrl+Shift+S",)
    ),
    ActionSpec("suggestion_settings", QT_TRANSLATE_NOOP("Actions", "Suggestion se&ttings…"), ()),
    ActionSpec("next_suggestion", QT_TRANSLATE_NOOP("Actions", "Next suggestion"), ("N",)),
    ActionSpec(
        "previous_suggestion", QT_TRANSLATE_NOOP("Actions", "Previous suggestion"), ("Shift+N",)
    ),
    ActionSpec("accept_suggestion", QT_TRANSLATE_NOOP("Actions", "&Accept suggestion"), ("A",)),
    ActionSpec("reject_suggestion", QT_TRANSLATE_NOOP("Actions", "&Reject suggestion"), ("X",)),
    ActionSpec(
        "accept_all_suggestions",
        QT_TRANSLATE_NOOP("Actions", "Accept all suggestions of this document"),
        ("Ctrl+Shift+A",),
    ),
    ActionSpec(
        "reject_all_suggestions",
        QT_TRANSLATE_NOOP("Actions", "Reject all suggestions of this document"),
        ("Ctrl+Shift+X",),
    ),
    ActionSpec("agreement", QT_TRANSLATE_NOOP("Actions", "&Agreement…"), ()),  # Project → Team
    # Suggestions menu
    ActionSpec("consistency_report", QT_TRANSLATE_NOOP("Actions", "&Consistency report…"), ()),
    ActionSpec("recommender_quality", QT_TRANSLATE_NOOP("Actions", "Recommender &quality…"), ()),
    ActionSpec("train_model", QT_TRANSLATE_NOOP("Actions", "Train the &model…"), ()),
    ActionSpec("cancel_training", QT_TRANSLATE_NOOP("Actions", "Cancel &training"), ()),
    ActionSpec("pick_speaker", QT_TRANSLATE_NOOP("Actions", "&Pick speaker"), ("S",)),
    ActionSpec("remove_speaker", QT_TRANSLATE_NOOP("Actions", "Remove speaker"), ("Shift+S",)),
    # Project ▸ Curation (ADR 0076)
    ActionSpec("curate", QT_TRANSLATE_NOOP("Actions", "&Curate this document"), ("Ctrl+Shift+G",)),
    ActionSpec(
        "merge_agreed", QT_TRANSLATE_NOOP("Actions", "&Merge agreed spans"), ("Ctrl+Shift+M",)
    ),
    ActionSpec("next_disagreement", QT_TRANSLATE_NOOP("Actions", "Next disagreement"), ("D",)),
    ActionSpec(
        "previous_disagreement",
        QT_TRANSLATE_NOOP("Actions", "Previous disagreement"),
        ("Shift+D",),
    ),
    *_take_specs(),
    ActionSpec("take_neither", QT_TRANSLATE_NOOP("Actions", "Take &neither"), ("Ctrl+Delete",)),
    ActionSpec(
        "my_differences",
        QT_TRANSLATE_NOOP("Actions", "Show my &differences from the curated result"),
        (),
    ),
    ActionSpec(
        "edit_disagreement",
        QT_TRANSLATE_NOOP("Actions", "&Edit the disagreement (label keys)"),
        ("E",),
    ),
    # Go menu
    ActionSpec(
        "done_next",
        QT_TRANSLATE_NOOP("Actions", "Mark &done and open next"),
        ("Ctrl+Return", "Ctrl+Enter"),
    ),
    ActionSpec(
        "most_useful_next",
        QT_TRANSLATE_NOOP("Actions", "Open the most &useful document next"),
        ("Ctrl+Shift+U",),
    ),
    ActionSpec("next_document", QT_TRANSLATE_NOOP("Actions", "Next document"), ("Alt+PgDown",)),
    ActionSpec(
        "previous_document", QT_TRANSLATE_NOOP("Actions", "Previous document"), ("Alt+PgUp",)
    ),
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "&Find…"), ("Ctrl+F",)),
    ActionSpec("find_next", QT_TRANSLATE_NOOP("Actions", "Find next"), ("F3",)),
    ActionSpec("find_previous", QT_TRANSLATE_NOOP("Actions", "Find previous"), ("Shift+F3",)),
    ActionSpec(
        "search_project",
        QT_TRANSLATE_NOOP("Actions", "Searc&h the project…"),
        ("Ctrl+Shift+F",),
    ),
    # View menu
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &in"), ("Ctrl+=", "Ctrl++")),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom &out"), ("Ctrl+-",)),
    ActionSpec("zoom_reset", QT_TRANSLATE_NOOP("Actions", "&Normal size"), ("Ctrl+0",)),
    ActionSpec(
        "document_details",
        QT_TRANSLATE_NOOP("Actions", "Document &details…"),
        ("Ctrl+Shift+D",),
    ),
    ActionSpec("clitic_report", QT_TRANSLATE_NOOP("Actions", "&Clitic report…"), ()),
    ActionSpec(
        "show_all_annotators",
        QT_TRANSLATE_NOOP("Actions", "Show &everyone's spans"),
        ("Ctrl+Shift+O",),
    ),
    # Help menu
    ActionSpec("keyboard_map", QT_TRANSLATE_NOOP("Actions", "&Keyboard map"), ("F1",)),
    ActionSpec("user_guide", QT_TRANSLATE_NOOP("Actions", "User &guide"), ()),
    # the docks' own toggle actions (checked while the dock is shown), adopted by the window
    ActionSpec("show_documents", QT_TRANSLATE_NOOP("Actions", "Documents"), ()),
    ActionSpec("show_annotations", QT_TRANSLATE_NOOP("Actions", "Annotations"), ()),
)


def spec(action_id: str) -> ActionSpec:
    for s in SPECS:
        if s.id == action_id:
            return s
    raise KeyError(action_id)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def parse_keys(text: str) -> tuple[str, ...]:
    """Key sequences from a settings value: "Ctrl+Y; F5" -> ("Ctrl+Y", "F5"); "" -> ()."""
    return tuple(part.strip() for part in text.split(";") if part.strip())


def resolve_keys(
    specs: Iterable[ActionSpec], overrides: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """The keys of each action: overrides win, and a key an override takes leaves its default
    owner. Pure, so conflict resolution is tested without a window."""
    specs = list(specs)
    taken: dict[str, str] = {}
    for action_id, keys in overrides.items():
        for key in keys:
            taken[_norm(key)] = action_id
    result: dict[str, tuple[str, ...]] = {}
    for s in specs:
        if s.id in overrides:
            result[s.id] = overrides[s.id]
            continue
        kept = []
        for key in s.keys:
            owner = taken.get(_norm(key))
            if owner is not None and owner != s.id:
                log.info("key %s moved from %s to %s by the user's settings", key, s.id, owner)
                continue
            kept.append(key)
        result[s.id] = tuple(kept)
    return result


def _norm(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


class ActionCollection(QObject):
    """The QActions of one window, built from SPECS with the user's overrides applied."""

    def __init__(self, parent: QObject, settings: UserSettings) -> None:
        super().__init__(parent)
        self._settings = settings
        self._actions: dict[str, QAction] = {}
        for s in SPECS:
            action = QAction(parent)
            action.setObjectName(s.id)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setAutoRepeat(s.id.startswith(("start_", "end_", "next_", "previous_", "zoom")))
            self._actions[s.id] = action
        self.apply_shortcuts()
        self.retranslate()

    def __getitem__(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._actions.values())

    def adopt(self, action_id: str, action: QAction) -> None:
        """Use ``action`` for ``action_id`` (a dock's checkable toggle action, which follows
        the dock's visibility), with the keys the user gave it or its defaults."""
        spec(action_id)
        self._actions.pop(action_id).deleteLater()
        action.setObjectName(action_id)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._actions[action_id] = action
        self.apply_shortcuts()
        self.retranslate()

    def ids(self) -> list[str]:
        return list(self._actions)

    def apply_shortcuts(self) -> None:
        overrides = {}
        for s in SPECS:
            value = self._settings.shortcut_override(s.id)
            if value is not None:
                overrides[s.id] = parse_keys(value)
        for action_id, keys in resolve_keys(SPECS, overrides).items():
            self._actions[action_id].setShortcuts([QKeySequence(k) for k in keys])

    def retranslate(self) -> None:
        for s in SPECS:
            self._actions[s.id].setText(translate(s.text))

    def key_text(self, action_id: str) -> str:
        """The first key of an action as the user sees it ("Ctrl+E"), or ""."""
        keys = self._actions[action_id].shortcuts()
        if not keys:
            return ""
        return shown_keys(keys[0])
