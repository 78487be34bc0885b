"""Export a project through a format's writer: filters, progress, and the export report."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from pathlib import Path

from annotator.core.errors import AnnotatorError, ValidationError
from annotator.core.labels import name_error
from annotator.core.model import AnnotatedDocument, Status
from annotator.formats import registry
from annotator.formats.base import REPORT_FILE, AtomicFiles, ExportOptions, ExportReport
from annotator.ops.importing import Progress
from annotator.store import Repository

DEFAULT_OUT = Path("exports")


def export_project(
    repo: Repository,
    fmt: str,
    out_dir: str | Path = DEFAULT_OUT,
    *,
    options: ExportOptions | None = None,
    status: Status | None = None,
    annotator: str | None = None,
    labels: Collection[str] | None = None,
    progress: Progress | None = None,
) -> ExportReport:
    """Write the project's documents (filtered) in format ``fmt`` into ``out_dir``.

    ``status``: only documents with that status (for ``annotator``, or for any annotator);
    ``annotator``: only that annotator's spans; ``labels``: only spans with these labels.
    The writer writes to temporary names and renames at the end; the report (what was written,
    what could not be expressed) is also written as ``export-report.txt``.
    """
    try:
        writer = registry.writer(fmt)
    except KeyError as exc:
        raise AnnotatorError(str(exc.args[0])) from None
    labelset = repo.labels()
    for label in labelset:  # a name saved before the rule (or by another tool) breaks formats
        problem = name_error(label.name)
        if problem is not None:
            raise ValidationError(
                f"cannot export: {problem}; rename it (Labels…, or annotator check lists them)"
            )
    if labels is not None:
        unknown = sorted(set(labels) - set(labelset.names))
        if unknown:
            raise ValidationError(
                f"unknown label(s) {', '.join(unknown)}; the project has "
                f"{', '.join(labelset.names)}"
            )
    docs = list(repo.iter_annotated(status=status, annotator=annotator, labels=labels))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = ExportReport(format=fmt)
    _report_filters(repo, docs, report, status=status, annotator=annotator, labels=labels)
    writer.write(_fed(docs, progress), labelset, out, options or ExportOptions(), report)
    if not any(p.name == REPORT_FILE for p in report.files):  # a writer that wrote none
        with AtomicFiles() as files:
            files.write_report(out, report)
    return report


def _report_filters(
    repo: Repository,
    docs: list[AnnotatedDocument],
    report: ExportReport,
    *,
    status: Status | None,
    annotator: str | None,
    labels: Collection[str] | None,
) -> None:
    """Name the filters in the report and count the spans and relations they left out of the
    exported documents (documents left out by ``status`` are simply not exported)."""
    if status is not None:
        report.filters.append(f"status: {status.value}")
    if annotator is not None:
        report.filters.append(f"annotator: {annotator}")
    if labels is not None:
        report.filters.append(f"labels: {', '.join(sorted(labels))}")
    if annotator is None and labels is None:
        return
    spans = relations = 0
    for doc in docs:
        assert doc.document.id is not None
        spans += len(repo.spans(doc.document.id)) - len(doc.spans)
        relations += len(repo.relations(doc.document.id)) - len(doc.relations)
    report.filtered_out.append(f"{spans} span(s) and {relations} relation(s)")


def _fed(docs: list[AnnotatedDocument], progress: Progress | None) -> Iterator[AnnotatedDocument]:
    for done, doc in enumerate(docs, start=1):
        yield doc
        if progress is not None:
            progress(done, len(docs))
