"""The project's progress as numbers (issue 13, docs/adr/0072): what the dashboard draws and
``annotator stats`` prints.

``Activity`` is what the store counts by day: documents that reached "done" and spans made, per
annotator and UTC day. A project keeps each document's current status with the time it was
given, not its history, so a document done and reopened since counts on neither day, and a
span removed since is not counted on the day it was made. The figures say so ("as the project
stands"), rather than pretending to a log the file does not keep.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class DayCount:
    """What one annotator did on one UTC day (``YYYY-MM-DD``), as the project stands."""

    day: str
    annotator: str
    done: int = 0  # documents whose status "done" was given that day
    spans: int = 0  # spans made that day (and not removed since)


@dataclass(frozen=True, slots=True)
class Activity:
    """Spans per annotator and label, and the days' counts ascending by day then annotator."""

    spans: Mapping[tuple[str, str], int] = field(default_factory=dict, hash=False)
    days: tuple[DayCount, ...] = ()

    def annotators(self) -> list[str]:
        return sorted({a for a, _ in self.spans} | {d.annotator for d in self.days})

    def labels(self) -> list[str]:
        return sorted({label for _, label in self.spans})


@dataclass(frozen=True, slots=True)
class Series:
    """One annotator's running total by day, on every day of the project's span of days."""

    annotator: str
    days: tuple[str, ...]
    totals: tuple[int, ...]


def every_day(first: str, last: str) -> list[str]:
    """Each day from ``first`` to ``last`` (ISO dates), both included."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)]


def running_totals(days: Iterable[DayCount], what: str) -> list[Series]:
    """For each annotator, the running total of ``what`` ("done" or "spans") over every day
    from the first day anyone did anything to the last, gaps included (a flat line, not a
    jump that hides a week off)."""
    counts = [d for d in days if getattr(d, what)]
    if not counts:
        return []
    calendar = every_day(min(d.day for d in counts), max(d.day for d in counts))
    by: dict[str, dict[str, int]] = {}
    for d in counts:
        by.setdefault(d.annotator, {})[d.day] = by.get(d.annotator, {}).get(d.day, 0) + int(
            getattr(d, what)
        )
    out = []
    for annotator in sorted(by):
        total, totals = 0, []
        for day in calendar:
            total += by[annotator].get(day, 0)
            totals.append(total)
        out.append(Series(annotator, tuple(calendar), tuple(totals)))
    return out


def label_table(
    spans: Mapping[tuple[str, str], int], labels: Iterable[str]
) -> list[tuple[str, list[int], int]]:
    """Rows ``(annotator, counts in the order of labels, total)`` of the spans table, the
    annotators in name order; labels nobody used still get a column (zeros say it)."""
    order = list(labels)
    annotators = sorted({a for a, _ in spans})
    rows = []
    for annotator in annotators:
        counts = [spans.get((annotator, label), 0) for label in order]
        rows.append((annotator, counts, sum(counts)))
    return rows
