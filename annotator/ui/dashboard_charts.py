"""The dashboard's charts (Qt Charts, docs/adr/0072): statuses per annotator as stacked bars,
spans per label with a bar per annotator, running totals by day as lines, each pair's F1.
Each chart is built anew from the figures (a few dozen points): nothing here keeps state."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from annotator.core.agreement import PairScore
from annotator.core.dashboard import Series
from annotator.core.model import Status
from annotator.ui.annotator_colours import COLOURS, colour_of
from annotator.ui.document_model import status_text

STATUS_COLOURS = {Status.NEW: "#b0b7c3", Status.IN_PROGRESS: "#e0a030", Status.DONE: "#3a9a5b"}


def colours(names: Sequence[str]) -> dict[str, QColor]:
    """Each annotator's colour (ui/annotator_colours), except that two names of one chart
    whose colours are the same get the next colour nobody in it has: a chart must tell them
    apart."""
    out: dict[str, QColor] = {}
    for name in names:
        colour = colour_of(name)
        taken = {c.name() for c in out.values()}
        if colour.name() in taken:
            free = [c for c in COLOURS if QColor(c).name() not in taken]
            colour = QColor(free[0]) if free else colour
        out[name] = colour
    return out


def view(name: str, parent: QWidget | None = None) -> QChartView:
    chart_view = QChartView(parent)
    chart_view.setObjectName(name)
    chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
    chart_view.setMinimumSize(320, 220)
    return chart_view


def _chart(title: str, direction: Qt.LayoutDirection) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setLayoutDirection(direction)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _rtl(direction: Qt.LayoutDirection) -> bool:
    return direction == Qt.LayoutDirection.RightToLeft


def _start(direction: Qt.LayoutDirection) -> Qt.AlignmentFlag:
    """The side a reading starts on: the names' axis goes there, bars grow away from it."""
    return Qt.AlignmentFlag.AlignRight if _rtl(direction) else Qt.AlignmentFlag.AlignLeft


def _value_axis(top: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setLabelFormat("%d")
    axis.setRange(0, max(top, 1))
    axis.setTickCount(min(max(top, 1), 5) + 1)
    return axis


def statuses(
    rows: Sequence[tuple[str, dict[Status, int]]], direction: Qt.LayoutDirection
) -> QChart:
    """A stacked bar per row (everyone, then each annotator): new, in progress, done."""
    chart = _chart(QCoreApplication.translate("Dashboard", "Documents by status"), direction)
    series = QHorizontalStackedBarSeries()
    for status in Status:
        bars = QBarSet(status_text(status))
        bars.setColor(QColor(STATUS_COLOURS[status]))
        bars.append([float(counts.get(status, 0)) for _, counts in reversed(rows)])
        series.append(bars)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([name for name, _ in reversed(rows)])  # the first row on top
    chart.addAxis(names, _start(direction))
    series.attachAxis(names)
    counts = _value_axis(max((sum(c.values()) for _, c in rows), default=0))
    counts.setReverse(_rtl(direction))  # right to left, the bars grow from the right
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(counts)
    return chart


def agreement(pairs: Sequence[PairScore], direction: Qt.LayoutDirection) -> QChart:
    """Per pair of annotators (the first on top), its F1 by exact and by overlap matching."""
    chart = _chart(QCoreApplication.translate("Dashboard", "Agreement (F1)"), direction)
    series = QHorizontalBarSeries()
    for title, colour, exact in (
        (QCoreApplication.translate("Dashboard", "exact"), "#4a78c2", True),
        (QCoreApplication.translate("Dashboard", "overlap"), "#9fb8e0", False),
    ):
        bars = QBarSet(title)
        bars.setColor(QColor(colour))
        bars.append([float((p.exact if exact else p.overlap).f1 or 0.0) for p in reversed(pairs)])
        series.append(bars)
    chart.addSeries(series)
    names = QBarCategoryAxis()
    names.append([" – ".join(p.annotators) for p in reversed(pairs)])
    chart.addAxis(names, _start(direction))
    series.attachAxis(names)
    values = QValueAxis()
    values.setRange(0.0, 1.0)
    values.setTickCount(6)  # 0, 0.2, … 1
    values.setLabelFormat("%.1f")
    values.setReverse(_rtl(direction))
    chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(values)
    return chart


def spans(
    labels: Sequence[str],
    table: Sequence[tuple[str, list[int], int]],
    direction: Qt.LayoutDirection,
) -> QChart:
    """Per label, a bar for each annotator in their colour."""
    chart = _chart(QCoreApplication.translate("Dashboard", "Spans by label"), direction)
    series = QBarSeries()
    by_name = colours([name for name, _, _ in table])
    for name, counts, _ in table:
        bars = QBarSet(name)
        bars.setColor(by_name[name])
        bars.append([float(n) for n in counts])
        series.append(bars)
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    axis.setReverse(_rtl(direction))  # the first label where reading starts
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    values = _value_axis(max((max(c, default=0) for _, c, _ in table), default=0))
    chart.addAxis(values, _start(direction))
    series.attachAxis(values)
    return chart


def progress(title: str, lines: Sequence[Series], direction: Qt.LayoutDirection) -> QChart:
    """A running total per annotator over the days (first and last day on the axis)."""
    chart = _chart(title, direction)
    days: tuple[str, ...] = lines[0].days if lines else ()
    by_name = colours([line.annotator for line in lines])
    for line in lines:
        series = QLineSeries()
        series.setName(line.annotator)
        series.setColor(by_name[line.annotator])
        series.setPointsVisible(True)  # one day is a point, not an invisible line
        series.setMarkerSize(9)
        for x, total in enumerate(line.totals):
            series.append(float(x), float(total))
        chart.addSeries(series)
    axis = _days_axis(days)
    axis.setReverse(_rtl(direction))  # time runs the way the interface reads
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    counts = _value_axis(max((line.totals[-1] for line in lines), default=0))
    chart.addAxis(counts, _start(direction))
    for drawn in chart.series():
        drawn.attachAxis(axis)
        drawn.attachAxis(counts)
    return chart


def _days_axis(days: Sequence[str]) -> QAbstractAxis:
    """Each day named, up to twelve; beyond, days counted from the first."""
    if len(days) <= 12:
        named = QBarCategoryAxis()
        named.append(list(days))
        return named
    counted = QValueAxis()
    counted.setLabelFormat("%d")
    counted.setRange(0, len(days) - 1)
    counted.setTitleText(
        QCoreApplication.translate("Dashboard", "days since {first}").format(first=days[0])
    )
    return counted
