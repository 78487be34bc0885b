"""The consistency report: the same text labelled differently across the project (issue 11;
docs/adr/0054). الرقة as LOC in nine places and ORG in one is listed, with the count of each
label and where the labels other than the most frequent one are, so an annotator can look at
those few places.

Texts are the same when their search keys are (``clitics.span_key``: tashkeel, tatweel, hamza
and alef forms, ة/ه and ى/ي ignored, surrounding white space dropped): الرقة and الرقه are one
text. Labels are compared within a kind only when a LabelSet is given (a text that is both a
QUOTE and an ORG is not an inconsistency); without one, every label is compared with every
other. Pure: the store gives the rows, the CLI and the window print ``render``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.clitics import span_key
from annotator.core.model import LabelSet

Row = tuple[int, str, str] | tuple[int, str, str, int]
"""(document id, span text, label), optionally with the span's start offset."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where a span is: its document, its start (None when the row gave none) and its text."""

    document_id: int
    start: int | None
    text: str


@dataclass(frozen=True, slots=True)
class Inconsistency:
    """One text (by key) labelled differently. ``counts``: (label, spans) most first, then by
    name; ``majority`` the most frequent label, None when two or more tie; ``elsewhere`` the
    places of every other label (all labels when they tie), label by label."""

    key: str
    text: str  # the form written most often
    counts: tuple[tuple[str, int], ...]
    majority: str | None
    elsewhere: tuple[tuple[str, tuple[Place, ...]], ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)


def inconsistencies(rows: Iterable[Row], labels: LabelSet | None = None) -> list[Inconsistency]:
    """The texts labelled differently, the most frequent texts first (then by key)."""
    groups: dict[tuple[str, str], list[tuple[str, Place]]] = {}
    for row in rows:
        document_id, text, label = row[0], row[1], row[2]
        start = row[3] if len(row) == 4 else None
        key = span_key(text)
        if not key:
            continue
        kind = _kind(labels, label)
        groups.setdefault((kind, key), []).append((label, Place(document_id, start, text)))
    found = [_inconsistency(key, members) for (_, key), members in groups.items()]
    report = [item for item in found if item is not None]
    report.sort(key=lambda item: (-item.total, item.key))
    return report


def _kind(labels: LabelSet | None, label: str) -> str:
    if labels is None:
        return ""
    found = labels.get(label)
    return "" if found is None else found.kind.value


def _inconsistency(key: str, members: list[tuple[str, Place]]) -> Inconsistency | None:
    counts = Counter(label for label, _ in members)
    if len(counts) < 2:
        return None
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    top = ordered[0][1]
    majority = ordered[0][0] if ordered[1][1] < top else None
    forms = Counter(place.text.strip() for _, place in members)
    text = sorted(forms.items(), key=lambda item: (-item[1], item[0]))[0][0]
    elsewhere = tuple(
        (
            label,
            tuple(
                sorted(
                    (place for lb, place in members if lb == label),
                    key=lambda p: (p.document_id, -1 if p.start is None else p.start),
                )
            ),
        )
        for label, _ in ordered
        if label != majority
    )
    return Inconsistency(key, text, tuple(ordered), majority, elsewhere)


def render(report: list[Inconsistency], *, limit: int = 10) -> str:
    """The report as plain text for the command line: one line a text, then one line a label
    other than the majority with at most ``limit`` places (and how many more)."""
    if not report:
        return "no text is labelled differently\n"
    lines = [f"{len(report)} text{'s' * (len(report) != 1)} labelled differently (by search key):"]
    for item in report:
        counts = ", ".join(f"{label} {n}" for label, n in item.counts)
        lines.append(f"{item.text}  ({item.total} spans: {counts})")
        for label, places in item.elsewhere:
            shown = ", ".join(_place(p, item.text) for p in places[:limit])
            more = f" and {len(places) - limit} more" if len(places) > limit else ""
            lines.append(f"  {label} in {shown}{more}")
    return "\n".join(lines) + "\n"


def _place(place: Place, form: str) -> str:
    """``document 3 at 120``, with the text when it is written otherwise (``(الرقه)``)."""
    where = f"document {place.document_id}"
    if place.start is not None:
        where += f" at {place.start}"
    text = place.text.strip()
    return where if text == form else f"{where} ({text})"
