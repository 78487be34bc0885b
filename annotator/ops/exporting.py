"""Export a project through a format's writer: filters, progress, and the export report."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path

from annotator.core.clitics import CliticAnalyser, SpanEvidence
from annotator.core.errors import AnnotatorError, ValidationError
from annotator.core.labels import name_error
from annotator.core.model import AnnotatedDocument, LabelSet, Status
from annotator.formats import registry
from annotator.formats.base import (
    REPORT_FILE,
    AtomicFiles,
    ExportOptions,
    ExportReport,
    RenderingWriter,
)
from annotator.formats.temporaries import clean_stale_temporaries
from annotator.formats.token_tags import SEGMENT
from annotator.ops import export_jobs
from annotator.ops.importing import Progress
from annotator.store import Repository
from annotator.store.export_reads import ExportRead

DEFAULT_OUT = Path("exports")


class NothingToExport(AnnotatorError):
    """The filters match no document, or (an annotator or label filter) no span of the
    documents they match: nothing is written, an earlier export in the folder stays as it was.

    ``what``: ``"documents"`` or ``"spans"``; ``filters``: as the report names them."""

    def __init__(self, what: str, filters: list[str], out: Path) -> None:
        self.what = what
        self.filters = list(filters)
        self.out = out
        if not filters:
            why = "the project has no documents"
        else:
            nothing = "no document" if what == "documents" else "no span"
            why = f"{nothing} matches the filters ({'; '.join(filters)})"
        super().__init__(f"nothing to export: {why}; nothing was written into {out}")


class LabelFilterError(ValidationError):
    """A label filter that names no label, or labels the project does not have (``unknown``;
    ``known``: the project's labels). The command line and the window both check with
    ``check_label_filter``, so both say the same."""

    def __init__(self, unknown: Sequence[str], known: Sequence[str]) -> None:
        self.unknown = list(unknown)
        self.known = list(known)
        super().__init__(
            f"unknown label(s) {', '.join(self.unknown)}; the project has {', '.join(self.known)}"
            if self.unknown
            else "no label given"
        )


def check_label_filter(labels: Collection[str] | None, labelset: LabelSet) -> None:
    """LabelFilterError unless ``labels`` (None: no filter) names labels of ``labelset``, at
    least one."""
    if labels is None:
        return
    unknown = sorted(set(labels) - set(labelset.names))
    if unknown or not labels:
        raise LabelFilterError(unknown, labelset.names)


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
    jobs: int | None = None,
) -> ExportReport:
    """Write the project's documents (filtered) in format ``fmt`` into ``out_dir``.

    ``status``: only documents with that status (for ``annotator``, or for any annotator);
    ``annotator``: only that annotator's spans; ``labels``: only spans with these labels.
    The documents stream from the store to the writer, read a batch at a time (at most 500
    documents and 2 million characters, or one longer document: docs/adr/0050), so memory
    grows with the largest document, never with the project. The writer writes to temporary
    names and renames at the end; temporary files an earlier, killed export left in
    ``out_dir`` are removed first.
    The report (what was written, what could not be expressed) is also written as
    ``export-report.txt``.

    ``jobs``: processes that render the documents (docs/adr/0052); None: one a core from
    about 12,000 short documents on (export_jobs.job_count), in this process below that; 1: always
    in this process. The files and the report are the same whatever the number.

    LabelFilterError for a label filter of no label or of labels the project does not have.
    NothingToExport if the filters match no document, or, with an annotator or label filter,
    no span: no file is written or replaced (the check on spans ends the stream, so the
    writer's temporary files are removed before any is renamed).
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
    check_label_filter(labels, labelset)
    if (options or ExportOptions()).with_suggestions and fmt != "jsonl":
        raise ValidationError(
            f"cannot export suggestions as {fmt}: only jsonl holds them (--with-suggestions)"
        )
    total = repo.export_count(status=status, annotator=annotator)
    out = Path(out_dir)
    report = ExportReport(format=fmt)
    _name_filters(report, status=status, annotator=annotator, labels=labels)
    if not total:  # before anything is made or replaced in the folder
        raise NothingToExport("documents", report.filters, out)
    out.mkdir(parents=True, exist_ok=True)
    clean_stale_temporaries(out)
    counting = annotator is not None or labels is not None
    options = options or ExportOptions()
    if options.tokens == SEGMENT and options.clitics is None and "tokens" in writer.uses:
        options = replace(options, clitics=project_clitics(repo))
    batches = repo.export_batches(status=status, annotator=annotator)  # read as needed
    first = [] if jobs == 1 else list(islice(batches, export_jobs.PARALLEL_FROM))
    workers = export_jobs.job_count(jobs, len(first))
    if workers > 1 and export_jobs.can_render_apart(writer, repo):
        assert isinstance(writer, RenderingWriter)
        job = export_jobs.job_of(
            repo, fmt, labelset, options, status=status, annotator=annotator, span_labels=labels
        )
        rendered = export_jobs.rendered_batches(job, chain(first, batches), workers)
        pieces = _pieces(rendered, total, report, progress, count_left_out=counting, out=out)
        writer.write_rendered(pieces, labelset, out, options, report)
    else:
        reads = repo.export_reads(
            status=status,
            annotator=annotator,
            labels=labels,
            suggestions=options.with_suggestions,
        )
        fed = _fed(reads, total, report, progress, count_left_out=counting, out=out)
        writer.write(fed, labelset, out, options, report)
    if not any(p.name == REPORT_FILE for p in report.files):  # a writer that wrote none
        with AtomicFiles() as files:
            files.write_report(out, report)
    return report


def project_clitics(repo: Repository) -> CliticAnalyser:
    """The clitic analyser of ``segment`` tokens: the token counts of every document of the
    project and the texts of all its spans, whatever the export's filters (so the tokens of a
    document do not change with them). Both are the evidence the project file keeps (ADR
    0045: the counts the import adds, the text stored with each span; a file older than that
    is counted from its texts), so no text is read for it; memory grows with the vocabulary,
    not the project."""
    with repo.reading():
        counts = repo.token_counts()
        span_texts = {text for text, _ in repo.span_text_counts()}
    return CliticAnalyser.live(counts, SpanEvidence(span_texts))


def _name_filters(
    report: ExportReport,
    *,
    status: Status | None,
    annotator: str | None,
    labels: Collection[str] | None,
) -> None:
    if status is not None:
        report.filters.append(f"status: {status.value}")
    if annotator is not None:
        report.filters.append(f"annotator: {annotator}")
    if labels is not None:
        report.filters.append(f"labels: {', '.join(sorted(labels))}")


def _fed(
    reads: Iterator[ExportRead],
    total: int,
    report: ExportReport,
    progress: Progress | None,
    *,
    count_left_out: bool,
    out: Path,
) -> Iterator[AnnotatedDocument]:
    """The documents one at a time, as the store reads them (a batch at a time): none is
    kept once the writer asks for the next. With an annotator or label filter, the spans and
    relations it left out of the exported documents are counted on the way (documents left
    out by ``status`` are simply not exported) and named in the report once the last
    document went; if those filters kept no span at all, NothingToExport ends the stream."""
    spans = relations = kept = 0
    for done, read in enumerate(reads, start=1):
        doc = read.document
        kept += len(doc.spans)
        spans += read.spans_left_out
        relations += read.relations_left_out
        del read
        yield doc
        del doc  # the writer holds the only reference while it writes the next one
        if progress is not None:
            progress(done, max(total, done))
    if count_left_out:
        _name_left_out(report, kept, spans, relations, out)


def _pieces(
    rendered: Iterator[export_jobs.Rendered],
    total: int,
    report: ExportReport,
    progress: Progress | None,
    *,
    count_left_out: bool,
    out: Path,
) -> Iterator[bytes]:
    """``_fed`` for batches rendered by worker processes: each batch's bytes, its report taken
    into ``report`` first; the same counts, the same end."""
    spans = relations = kept = done = 0
    for part in rendered:
        report.add(part.report)
        kept += part.spans
        spans += part.spans_left_out
        relations += part.relations_left_out
        done += part.documents
        yield part.data
        if progress is not None:
            progress(done, max(total, done))
    if count_left_out:
        _name_left_out(report, kept, spans, relations, out)


def _name_left_out(report: ExportReport, kept: int, spans: int, relations: int, out: Path) -> None:
    if not kept:  # raised inside the writer: its files are abandoned, none renamed
        raise NothingToExport("spans", report.filters, out)
    report.left_out = (spans, relations)
    report.filtered_out.append(f"{spans} span(s) and {relations} relation(s)")
