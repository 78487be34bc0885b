"""Settings: annotator name, interface language, viewer font and zoom, the curator and the
curation's merge strategy (ADR 0076); kept in QSettings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from annotator.core.curation import Strategy
from annotator.ui.settings import UserSettings
from annotator.ui.viewer import ArticleView
from annotator.ui.viewer.view import ZOOM_RANGE


@dataclass(frozen=True, slots=True)
class SettingsValues:
    annotator: str
    language: str  # "", "en", "ar"
    font_family: str  # "" = the shipped Arabic font
    zoom: int
    curator: str = ""  # "": the default curator (gold)
    strategy: Strategy = Strategy.ALL


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: UserSettings,
        annotator: str,
        view: ArticleView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.annotator = QLineEdit(annotator, self)
        self.annotator.setObjectName("annotator-name")
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        self.language.addItem(self.tr("System language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("العربية", "ar")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language())))
        self.shipped_font = QComboBox(self)
        self.shipped_font.addItem(self.tr("Shipped Arabic font (Noto Naskh Arabic)"), "")
        self.shipped_font.addItem(self.tr("Another font:"), "other")
        self.font_choice = QFontComboBox(self)
        self.font_choice.setWritingSystem(QFontDatabase.WritingSystem.Arabic)
        family = settings.font_family()
        self.font_choice.setCurrentFont(QFont(family or view.font_family()))
        self.shipped_font.setCurrentIndex(1 if family else 0)
        self.font_choice.setEnabled(bool(family))
        self.shipped_font.currentIndexChanged.connect(lambda i: self.font_choice.setEnabled(i == 1))
        self.zoom = QSpinBox(self)
        self.zoom.setObjectName("zoom")
        self.zoom.setRange(*ZOOM_RANGE)
        self.zoom.setValue(view.zoom())
        self.zoom.setSuffix(self.tr(" pt"))
        self.curator = QLineEdit(settings.curator(), self)
        self.curator.setObjectName("curator-name")
        self.strategy = QComboBox(self)
        self.strategy.setObjectName("curation-strategy")
        self.strategy.addItem(self.tr("Spans every annotator has"), Strategy.ALL.value)
        self.strategy.addItem(self.tr("Spans more than half of them have"), Strategy.MAJORITY.value)
        self.strategy.setCurrentIndex(
            max(0, self.strategy.findData(settings.curation_strategy().value))
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Annotator name:"), self.annotator)
        form.addRow(self.tr("Interface language:"), self.language)
        form.addRow(self.tr("Article font:"), self.shipped_font)
        form.addRow("", self.font_choice)
        form.addRow(self.tr("Zoom (relative to normal size):"), self.zoom)
        form.addRow(self.tr("Curator (whose spans are the curated result):"), self.curator)
        form.addRow(self.tr("Curation merges:"), self.strategy)
        form.addRow(buttons)

    def result_values(self) -> SettingsValues:
        family = (
            self.font_choice.currentFont().family() if self.shipped_font.currentIndex() == 1 else ""
        )
        return SettingsValues(
            annotator=self.annotator.text().strip(),
            language=str(self.language.currentData() or ""),
            font_family=family,
            zoom=self.zoom.value(),
            curator=self.curator.text().strip(),
            strategy=Strategy(self.strategy.currentData()),
        )
