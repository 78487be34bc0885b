"""The consistency report with the places to look at: each text labelled differently in the
project (core/consistency.py) and, for the labels other than the most frequent one, where those
spans are, with their document's title and a few words around them (docs/adr/0061). No Qt:
the window's Consistency report reads it on a Job; the command line prints core's ``render``.

A place is found again in the window by its document, start and label (the rows carry no span
id): two annotators' spans at one place with one label are one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.core.consistency import Inconsistency, inconsistencies
from annotator.store import Repository

CONTEXT = 40  # characters of the article shown on each side of a place
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PlaceInContext:
    """One span of a minority label: its document, offsets, label, its text as written and
    the words before and after it (white space runs shown as one space, "…" where cut)."""

    document_id: int
    title: str
    start: int
    end: int
    label: str
    text: str
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class ReportItem:
    inconsistency: Inconsistency
    places: tuple[PlaceInContext, ...]  # label by label, as ``inconsistency.elsewhere``

    @property
    def text(self) -> str:
        return self.inconsistency.text

    @property
    def counts(self) -> tuple[tuple[str, int], ...]:
        return self.inconsistency.counts


@dataclass(slots=True)
class ConsistencyReport:
    spans: int = 0  # the spans compared
    items: list[ReportItem] = field(default_factory=list)


def context(text: str, start: int, end: int, width: int = CONTEXT) -> tuple[str, str]:
    """The ``width`` characters before ``start`` and after ``end``, on one line."""
    left, right = max(0, start - width), min(len(text), end + width)
    before = _SPACE.sub(" ", text[left:start])
    after = _SPACE.sub(" ", text[end:right])
    return ("…" if left > 0 else "") + before, after + ("…" if right < len(text) else "")


def consistency_report(
    repo: Repository,
    *,
    annotator: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ConsistencyReport:
    """The project's report (``annotator``: only their spans), most spans first; every
    document holding a minority place is read once. ``progress(done, total)`` per document."""
    rows = repo.labelled_places(annotator=annotator)
    found = inconsistencies(rows, repo.labels())
    wanted = sorted(
        {p.document_id for item in found for _, places in item.elsewhere for p in places}
    )
    documents: dict[int, tuple[str, str]] = {}
    for done, document_id in enumerate(wanted, 1):
        document = repo.document(document_id)
        documents[document_id] = (document.title, document.text)
        if progress is not None:
            progress(done, len(wanted))
    report = ConsistencyReport(spans=len(rows))
    for item in found:
        places = []
        for label, where in item.elsewhere:
            for place in where:
                assert place.start is not None  # labelled_places gives every start
                title, text = documents[place.document_id]
                end = place.start + len(place.text)
                before, after = context(text, place.start, end)
                places.append(
                    PlaceInContext(
                        place.document_id, title, place.start, end, label, place.text, before, after
                    )
                )
        report.items.append(ReportItem(item, tuple(places)))
    return report
