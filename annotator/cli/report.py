"""Plain-text summaries the commands print: import and export reports, project stats."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import Status
from annotator.formats.base import ExportReport, ImportReport
from annotator.store import ProjectStats


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def format_import(report: ImportReport) -> str:
    attached = (
        f"{_n(report.attached_spans, 'span')} attached to {_n(report.attached, 'document')}"
        " already here; "
        if report.attached
        else ""
    )
    lines = [
        f"imported {_n(report.imported, 'document')} with {_n(report.spans, 'span')}; "
        f"{attached}{_n(report.duplicates, 'duplicate')} skipped; "
        f"{_n(len(report.errors), 'file')} refused"
    ]
    lines.extend(f"  {note}" for note in report.notes)
    return "\n".join(lines)


def format_export(report: ExportReport, out: Path) -> str:
    spans = sum(report.spans_per_label.values())
    lines = [
        f"exported {_n(report.documents, 'document')} with {_n(spans, 'span')} "
        f"as {report.format} to {out}"
    ]
    lines.extend(f"  {p.name}" for p in report.files)
    if report.widened:
        lines.append(f"{_n(len(report.widened), 'span')} widened to whole tokens")
    if report.not_expressed:
        lines.append(f"{_n(len(report.not_expressed), 'span')} not expressed in every part")
    if report.widened or report.not_expressed:
        lines.append(f"details in {out / 'export-report.txt'}")
    return "\n".join(lines)


def format_stats(stats: ProjectStats) -> str:
    lines = [f"documents: {stats.documents}"]
    lines.extend(f"  {s.value}: {stats.by_status.get(s, 0)}" for s in Status)
    if stats.by_annotator:
        lines.append("documents by annotator:")
        for name, counts in stats.by_annotator.items():
            parts = ", ".join(f"{s.value} {counts.get(s, 0)}" for s in Status)
            lines.append(f"  {name or '(no name)'}: {parts}")
    lines.append(f"spans: {stats.spans}")
    lines.extend(f"  {label}: {n}" for label, n in stats.spans_by_label.items())
    if stats.spans_by_annotator:
        lines.append("spans by annotator:")
        lines.extend(
            f"  {name or '(no name)'}: {n}" for name, n in stats.spans_by_annotator.items()
        )
    lines.append(f"relations: {stats.relations}")
    return "\n".join(lines)
