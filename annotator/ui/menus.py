"""The window's menu bar, declared as data: which actions of the action table go in which menu.

The actions themselves (texts, default keys, user overrides) are in ``actions.py``; the window
wires what they do. The label menus are filled from the label set whenever it changes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMenuBar

from annotator.core.model import LabelSet
from annotator.ui.actions import ActionCollection
from annotator.ui.text import QT_TRANSLATE_NOOP, isolate

CONTEXT = "MainWindow"  # the menu titles were translated there before they moved here

# (menu name, title, items): an item is an action id, None for a separator, or a submenu name
LAYOUT: tuple[tuple[str, str, tuple[str | None, ...]], ...] = (
    (
        "project",
        QT_TRANSLATE_NOOP("MainWindow", "&Project"),
        (
            "new_project",
            "open_project",
            "@recent",
            None,
            "import",
            "export",
            None,
            "dashboard",
            "@team",
            "@curation",
            None,
            "quit",
        ),
    ),
    (
        "edit",
        QT_TRANSLATE_NOOP("MainWindow", "&Edit"),
        ("undo", "redo", None, "labels", "settings"),
    ),
    (
        "annotate",
        QT_TRANSLATE_NOOP("MainWindow", "&Annotate"),
        (
            "@label",
            "@exact",
            None,
            "delete_span",
            "label_all",
            "label_all_project",
            "next_span",
            "previous_span",
            None,
            "start_left",
            "start_right",
            "end_left",
            "end_right",
            None,
            "pick_speaker",
            "remove_speaker",
        ),
    ),
    (
        "suggestions",
        QT_TRANSLATE_NOOP("MainWindow", "S&uggestions"),
        (
            "suggest",
            "next_suggestion",
            "previous_suggestion",
            "accept_suggestion",
            "reject_suggestion",
            "accept_all_suggestions",
            "reject_all_suggestions",
            None,
            "suggestion_settings",
            "consistency_report",
            "recommender_quality",
            None,
            "train_model",
            "cancel_training",
        ),
    ),
    (
        "go",
        QT_TRANSLATE_NOOP("MainWindow", "&Go"),
        (
            "done_next",
            "most_useful_next",
            "next_document",
            "previous_document",
            None,
            "find",
            "find_next",
            "find_previous",
            "search_project",
        ),
    ),
    (
        "view",
        QT_TRANSLATE_NOOP("MainWindow", "&View"),
        (
            "zoom_in",
            "zoom_out",
            "zoom_reset",
            None,
            "document_details",
            "clitic_report",
            None,
            "@annotators",
            "show_all_annotators",
            None,
            "show_documents",
            "show_annotations",
        ),
    ),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help"), ("keyboard_map", "user_guide")),
)
SUBMENUS = {
    "recent": QT_TRANSLATE_NOOP("MainWindow", "Open &recent"),
    "label": QT_TRANSLATE_NOOP("MainWindow", "&Label selection"),
    "exact": QT_TRANSLATE_NOOP("MainWindow", "Label e&xactly (no snapping)"),
    "annotators": QT_TRANSLATE_NOOP("MainWindow", "A&nnotators"),
    "team": QT_TRANSLATE_NOOP("MainWindow", "&Team"),
    "curation": QT_TRANSLATE_NOOP("MainWindow", "C&uration"),
}
LABEL_KEYS = range(1, 10)


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class WindowMenus:
    """The menus of one window, by name ("project", …, and the submenus "recent", "label",
    "exact")."""

    def __init__(self, bar: QMenuBar, actions: ActionCollection) -> None:
        self.actions = actions
        self.menus: dict[str, QMenu] = {}
        for name, _title, items in LAYOUT:
            menu = self.menus[name] = bar.addMenu("")
            for item in items:
                if item is None:
                    menu.addSeparator()
                elif item.startswith("@"):
                    self.menus[item[1:]] = menu.addMenu("")
                else:
                    menu.addAction(actions[item])
        self.menus["recent"].setObjectName("recent-projects")
        self.menus["team"].addAction(actions["agreement"])

    def __getitem__(self, name: str) -> QMenu:
        return self.menus[name]

    def retranslate(self, labels: LabelSet) -> None:
        for name, title, _items in LAYOUT:
            self.menus[name].setTitle(_tr(title))
        for name, title in SUBMENUS.items():
            self.menus[name].setTitle(_tr(title))
        self.fill_label_menus(labels)

    def fill_label_menus(self, labels: LabelSet) -> None:
        """One item per label with a key; each key action holds its label's name (None for a
        key with no label: it stays enabled and, pressed, says so)."""
        label_menu, exact_menu = self.menus["label"], self.menus["exact"]
        label_menu.clear()
        exact_menu.clear()
        for key in LABEL_KEYS:
            label = labels.by_key(key)
            label_action, exact_action = self.actions[f"label_{key}"], self.actions[f"exact_{key}"]
            label_action.setData(None if label is None else label.name)
            exact_action.setData(None if label is None else label.name)
            if label is None:
                continue
            label_action.setText(
                QCoreApplication.translate("MainWindow", "Label as {label}").format(
                    label=isolate(label.name)
                )
            )
            exact_action.setText(
                QCoreApplication.translate("MainWindow", "Label exactly as {label}").format(
                    label=isolate(label.name)
                )
            )
            label_menu.addAction(label_action)
            exact_menu.addAction(exact_action)
