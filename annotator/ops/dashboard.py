"""Project → Dashboard and ``annotator stats`` (issue 13, docs/adr/0072): the project's counts
(documents by status per annotator, spans by label), its activity by annotator and day, and the
annotators' agreement at a glance (each pair over the documents both marked done, as
``annotator agreement`` computes it, docs/adr/0074), read in one go so the window and the
command line show the same numbers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.agreement import Agreement
from annotator.core.dashboard import Activity
from annotator.ops.agreement import agreement_report
from annotator.store import Repository
from annotator.store.queries import ProjectStats

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Dashboard:
    stats: ProjectStats
    activity: Activity
    agreement: Agreement

    def labels(self) -> list[str]:
        """The project's labels in their order, then any label only spans still carry."""
        known = list(self.stats.spans_by_label)
        return known + [label for label in self.activity.labels() if label not in known]


def dashboard(repo: Repository, *, progress: Progress | None = None) -> Dashboard:
    """The dashboard's figures (``progress``: three steps, for the window's bar)."""
    stats = repo.stats()
    if progress is not None:
        progress(1, 3)
    activity = repo.activity()
    if progress is not None:
        progress(2, 3)
    agreement = agreement_report(repo).agreement
    if progress is not None:
        progress(3, 3)
    return Dashboard(stats, activity, agreement)
