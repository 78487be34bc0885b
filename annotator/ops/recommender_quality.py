"""The quality table the window shows (Suggestions → Recommender quality…, docs/adr/0061):
``suggesting.evaluate`` over the documents marked done, for every recommender that can suggest
something in this project, with what it was computed on. The figures are those ``annotator
suggest --evaluate`` prints for the same recommenders. No Qt: the window runs it on a Job.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from annotator.ops import model_suggestions, suggesting
from annotator.ops.suggesting import Context, Quality
from annotator.store import Repository


@dataclass(slots=True)
class QualityReport:
    documents: int = 0  # documents marked done (by any annotator)
    spans: int = 0  # their distinct spans (start, end, label): what is measured against
    table: list[Quality] = field(default_factory=list)
    left_out: dict[str, str] = field(default_factory=dict)  # recommender -> why it cannot run


def measure(
    repo: Repository,
    names: Sequence[str] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> QualityReport:
    """Measure ``names`` (default: every registered recommender) against the documents marked
    done; one that can suggest nothing here (``suggesting.why_nothing``) is left out, with why."""
    chosen = list(names) if names is not None else suggesting.recommender_names()
    context = Context(repo, repo.labels(), gazetteers=repo.gazetteers())
    report = QualityReport()
    try:
        for name in chosen:
            why = suggesting.why_nothing(context, name)
            if why is not None:
                report.left_out[name] = why
    finally:
        model_suggestions.close(context.cache)
    running = [n for n in chosen if n not in report.left_out]
    report.documents, report.table = suggesting.evaluate(repo, running, progress=progress)
    report.spans = sum({q.label: q.gold for q in report.table}.values())
    return report
