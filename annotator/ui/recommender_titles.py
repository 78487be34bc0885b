"""The recommenders' names as the window shows them: translated, with the command line's name
beside it (``memory``, ``gazetteer``, ``quotes``, ``model``, ``spacy``: what ``--recommender``
takes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.ui.text import QT_TRANSLATE_NOOP, isolate

TITLES = {
    "memory": QT_TRANSLATE_NOOP("Recommenders", "Project memory: what is already labelled"),
    "gazetteer": QT_TRANSLATE_NOOP("Recommenders", "Gazetteers: the project's lists of names"),
    "quotes": QT_TRANSLATE_NOOP("Recommenders", "Quotes and their speakers"),
    "model": QT_TRANSLATE_NOOP("Recommenders", "The project's trained model"),
    "spacy": QT_TRANSLATE_NOOP("Recommenders", "Your own spaCy pipeline"),
}


def recommender_title(name: str) -> str:
    """``name``'s title in the interface language and its command-line name, or the name."""
    title = TITLES.get(name)
    if title is None:
        return name
    return f"{QCoreApplication.translate('Recommenders', title)} ({isolate(name)})"
