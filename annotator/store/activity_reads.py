"""The project's activity by annotator and day, for the dashboard (issue 13, docs/adr/0072):
spans per annotator and label, documents done and spans made per UTC day. Times are stored as
ISO 8601 UTC (``store.connection.now``), so a day is the first ten characters."""

from __future__ import annotations

from annotator.core.dashboard import Activity, DayCount
from annotator.store.project_file import ProjectFile


class ActivityReads(ProjectFile):
    def activity(self) -> Activity:
        """Everyone's spans by label, and each day's documents done and spans made."""
        with self._read():
            conn = self.db.conn
            spans = {
                (str(a), str(label)): int(n)
                for a, label, n in conn.execute(
                    "SELECT annotator, label, count(*) FROM spans GROUP BY annotator, label"
                )
            }
            days: dict[tuple[str, str], list[int]] = {}
            for day, annotator, n in conn.execute(
                "SELECT substr(updated, 1, 10), annotator, count(*) FROM document_status"
                " WHERE status = 'done' GROUP BY 1, 2"
            ):
                days.setdefault((str(day), str(annotator)), [0, 0])[0] = int(n)
            for day, annotator, n in conn.execute(
                "SELECT substr(created, 1, 10), annotator, count(*) FROM spans GROUP BY 1, 2"
            ):
                days.setdefault((str(day), str(annotator)), [0, 0])[1] = int(n)
        return Activity(
            spans,
            tuple(DayCount(day, a, done, made) for (day, a), (done, made) in sorted(days.items())),
        )
