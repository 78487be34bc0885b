"""An export rendered by worker processes (docs/adr/0052) writes the bytes and the report of one
rendered in this process, in the formats that render a document at a time, with every filter
and token mode; a failure in a worker is the same one-line error and leaves nothing written.

The batches are made tiny here (in this process, which cuts them), so a few hundred documents
cross many batch edges and every worker renders many batches. Real worker processes (spawn)
and a real project file on disk: nothing is mocked.
"""

from __future__ import annotations

import resource
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import cli
from annotator.core.edits import SetStatus
from annotator.core.errors import AnnotatorError
from annotator.core.model import AnnotatedDocument, Document, Kind, Relation, Span, Status
from annotator.formats.base import ExportOptions
from annotator.ops import export_jobs, export_project
from annotator.ops.exporting import NothingToExport
from annotator.store import export_reads, open_project

WORDS = ("قال", "كارتر", "في", "لندن", "إن", "الرقة", "محاصرة", "والموصل", "بواشنطن", "بلندن")


def document(n: int) -> AnnotatedDocument:
    words = [WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(5 + n % 40)]
    text = " ".join(words) + f" {n}."
    spans, at = [], 0
    for k, word in enumerate(words):
        if k % 3 == n % 3:
            label = ("PER", "LOC", "EVENT")[k % 3]
            spans.append(
                Span(len(spans) + 1, 0, at, at + len(word), label, ("amal", "omar")[k % 2])
            )
        at += len(word) + 1
    if n % 4 == 0 and len(spans) > 1:  # a quote and its speaker
        spans.append(Span(len(spans) + 1, 0, 0, at - 1, "QUOTE", "amal"))
        return AnnotatedDocument(
            Document(None, f"خبر {n}", text),
            tuple(spans),
            (Relation(1, "speaker", len(spans), 1, "amal"),),
        )
    return AnnotatedDocument(Document(None, f"خبر {n}", text), tuple(spans))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("jobs") / "p.annot.db"
    with open_project(path) as repo:
        repo.add_documents((document(n) for n in range(240)), annotator="amal")
        for doc_id in range(1, 241, 3):
            repo.apply(SetStatus(doc_id, "amal", Status.DONE))
    return path


@pytest.fixture(autouse=True)
def _tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_reads, "BATCH", 9)


def children_cpu() -> float:
    """CPU seconds of this process's children that ended and were waited for."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


CASES = [
    ("jsonl", {}, ExportOptions()),
    ("jsonl", {"status": Status.DONE, "labels": ["LOC", "QUOTE"]}, ExportOptions(tokens="segment")),
    ("conll", {"annotator": "omar"}, ExportOptions(tokens="span-edges", scheme="bioes")),
    ("conll", {}, ExportOptions(layer=Kind.EVENT, tokens="segment")),
]


@pytest.mark.parametrize(("fmt", "filters", "options"), CASES, ids=lambda c: str(c)[:40])
def test_workers_write_the_bytes_and_report_of_one_process(
    project: Path, tmp_path: Path, fmt: str, filters: dict[str, object], options: ExportOptions
) -> None:
    with open_project(project, create=False, read_only=True) as repo:
        alone = export_project(repo, fmt, tmp_path / "one", options=options, jobs=1, **filters)  # type: ignore[arg-type]
        before = children_cpu()
        seen: list[tuple[int, int]] = []
        apart = export_project(
            repo,
            fmt,
            tmp_path / "two",
            options=options,
            jobs=2,
            progress=lambda done, total: seen.append((done, total)),
            **filters,  # type: ignore[arg-type]
        )
    assert children_cpu() > before  # worker processes did the rendering, and were waited for
    assert files_of(tmp_path / "two") == files_of(tmp_path / "one")
    assert apart.to_text() == alone.to_text()
    assert apart.documents == alone.documents > 9 * 4  # many batches
    assert seen[-1] == (alone.documents, alone.documents)
    assert len(seen) >= alone.documents // 9  # a step a batch
    if options.layer is Kind.EVENT:  # the other layers are named once, counted over all batches
        notes = [n for n in apart.not_expressed if "this file holds the event layer" in n]
        assert len(notes) == 2, notes  # one line for the entities, one for the quotes


def test_a_writer_that_cannot_render_apart_writes_in_this_process(
    project: Path, tmp_path: Path
) -> None:
    with open_project(project, create=False, read_only=True) as repo:
        export_project(repo, "brat", tmp_path / "one", jobs=1)
        export_project(repo, "brat", tmp_path / "two", jobs=2)
    assert files_of(tmp_path / "two") == files_of(tmp_path / "one")


def test_spans_filtered_to_nothing_in_workers_write_nothing(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.jsonl").write_text("an earlier export\n", encoding="utf-8")
    with (
        open_project(project, create=False, read_only=True) as repo,
        pytest.raises(NothingToExport, match="no span matches the filters"),
    ):
        export_project(repo, "jsonl", out, annotator="nobody", jobs=2)
    assert files_of(out) == {"documents.jsonl": b"an earlier export\n"}  # no temporary left


def test_a_failure_in_a_worker_is_the_one_line_error_of_one_process(
    project: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.annot.db"
    with open_project(project, create=False, read_only=True) as repo:
        repo.db.conn.execute("VACUUM INTO ?", [str(broken)])
    conn = sqlite3.connect(broken)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute("UPDATE document_status SET status = 'finished?' WHERE document_id = 100")
    conn.commit()
    conn.close()
    messages = []
    for jobs in (1, 2):
        out = tmp_path / f"out-{jobs}"
        with (
            open_project(broken, create=False, read_only=True) as repo,
            pytest.raises(AnnotatorError) as caught,
        ):
            export_project(repo, "jsonl", out, jobs=jobs)
        messages.append(str(caught.value))
        assert not out.exists() or not any(out.iterdir()), list(out.iterdir())
    assert messages[0] == messages[1]
    assert "document 100" in messages[0] and "\n" not in messages[0]


def test_workers_take_batches_as_the_writing_needs_them(project: Path) -> None:
    with open_project(project, create=False, read_only=True) as repo:
        job = export_jobs.job_of(
            repo,
            "conll",
            repo.labels(),
            ExportOptions(),
            status=None,
            annotator=None,
            span_labels=None,
        )
        batches = list(repo.export_batches())
    taken = 0

    def given() -> Iterator[list[int]]:
        nonlocal taken
        for batch in batches:
            taken += 1
            yield batch

    jobs = 2
    done = []
    for n, part in enumerate(export_jobs.rendered_batches(job, given(), jobs), start=1):
        assert taken <= n + jobs * export_jobs.AHEAD  # never the whole project ahead
        done.append(part.documents)
    assert done == [len(b) for b in batches]


def test_the_number_of_jobs() -> None:
    assert export_jobs.job_count(None, export_jobs.PARALLEL_FROM - 1) == 1
    assert 1 <= export_jobs.job_count(None, 200) <= export_jobs.MAX_JOBS
    assert export_jobs.job_count(None, 200) == min(export_jobs.usable_cpus(), export_jobs.MAX_JOBS)
    assert export_jobs.job_count(3, 1) == 3
    with pytest.raises(AnnotatorError, match="--jobs must be 1 or more"):
        export_jobs.job_count(0, 200)


def test_the_command_line_takes_jobs(project: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for jobs in ("1", "2"):
        out = tmp_path / jobs
        argv = ["export", str(project), "--format", "conll", "--out", str(out), "--jobs", jobs]
        result = runner.invoke(cli, argv)
        assert result.exit_code == 0, result.output
    assert files_of(tmp_path / "2") == files_of(tmp_path / "1")
    result = runner.invoke(cli, ["export", str(project), "--jobs", "0"])
    assert result.exit_code == 2 and "--jobs" in result.output
