"""The agreement dialog's chart (docs/adr/0074): one pair's F1 per label, exact beside overlap,
with Qt Charts (it ships with PySide6). The labels run left to right in both languages (Qt
does not mirror a chart's axis); the numbers are in the labels table above it."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from annotator.core.agreement import PairScore
from annotator.ui.text import isolate


class AgreementChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement-chart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.show_pair(None)

    def show_pair(self, pair: PairScore | None) -> None:
        """F1 per label (labels with spans on either side), then all labels together."""
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        if pair is None:
            chart.setTitle(
                QCoreApplication.translate("AgreementChart", "Choose a pair in the matrix")
            )
            self.setChart(chart)
            return
        chart.setTitle(
            QCoreApplication.translate("AgreementChart", "F1 per label: {a} and {b}").format(
                a=isolate(pair.annotators[0]), b=isolate(pair.annotators[1])
            )
        )
        exact, overlap = (
            QBarSet(QCoreApplication.translate("AgreementChart", "exact")),
            QBarSet(QCoreApplication.translate("AgreementChart", "overlap")),
        )
        names = []
        for label, score in (
            *pair.per_label.items(),
            (QCoreApplication.translate("AgreementChart", "all"), None),
        ):
            e = pair.exact if score is None else score.exact
            o = pair.overlap if score is None else score.overlap
            exact.append(e.f1 or 0.0)
            overlap.append(o.f1 or 0.0)
            names.append(label)
        series = QBarSeries()
        series.append(exact)
        series.append(overlap)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(names)
        axis_y = QValueAxis()
        axis_y.setRange(0.0, 1.0)
        axis_y.setLabelFormat("%.1f")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        self.setChart(chart)
