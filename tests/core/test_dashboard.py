"""The dashboard's running totals and tables (core/dashboard.py), on hand-made days."""

from __future__ import annotations

from annotator.core.dashboard import DayCount, Series, every_day, label_table, running_totals


def test_every_day_includes_both_ends_and_crosses_a_month() -> None:
    assert every_day("2026-11-29", "2026-12-02") == [
        "2026-11-29",
        "2026-11-30",
        "2026-12-01",
        "2026-12-02",
    ]
    assert every_day("2026-12-01", "2026-12-01") == ["2026-12-01"]


def test_running_totals_fill_the_days_nobody_worked_with_a_flat_line() -> None:
    days = [
        DayCount("2026-12-01", "ali", done=2, spans=30),
        DayCount("2026-12-01", "منى", done=1, spans=5),
        DayCount("2026-12-03", "ali", done=1, spans=0),
    ]
    assert running_totals(days, "done") == [
        Series("ali", ("2026-12-01", "2026-12-02", "2026-12-03"), (2, 2, 3)),
        Series("منى", ("2026-12-01", "2026-12-02", "2026-12-03"), (1, 1, 1)),
    ]
    # spans: the last day has none, so the calendar stops at the first
    assert running_totals(days, "spans") == [
        Series("ali", ("2026-12-01",), (30,)),
        Series("منى", ("2026-12-01",), (5,)),
    ]


def test_no_activity_gives_no_series() -> None:
    assert running_totals([], "done") == []
    assert running_totals([DayCount("2026-12-01", "ali", spans=3)], "done") == []


def test_the_label_table_has_a_column_for_every_label_and_a_total() -> None:
    spans = {("ali", "PER"): 3, ("ali", "LOC"): 1, ("badr", "QUOTE"): 2}
    assert label_table(spans, ["PER", "LOC", "ORG", "QUOTE"]) == [
        ("ali", [3, 1, 0, 0], 4),
        ("badr", [0, 0, 0, 2], 2),
    ]
