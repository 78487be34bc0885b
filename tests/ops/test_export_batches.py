"""An export reads the store in batches (docs/adr/0050) and writes what it wrote when it read
one document at a time: the same bytes, the same report, in every format and with every filter.

The reference is the per-document read the export made before the batches
(``store.queries.annotated`` of each selected id, with the filters), written by the same
writer. Batches are made tiny (7 documents, a few hundred characters), so every kind of batch
edge is crossed; laziness is checked on the statements SQLite runs, never by timing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.clitics import CliticAnalyser
from annotator.core.edits import SetStatus
from annotator.core.model import AnnotatedDocument, Document, Relation, Span, Status
from annotator.formats import registry
from annotator.formats.base import ExportOptions, ExportReport
from annotator.ops import export_project
from annotator.store import Repository, export_reads, open_project
from annotator.store.queries import annotated, counts
from annotator.store.rows import fetch_status

DOCUMENTS = 1_000
BATCH = 7
WORDS = (
    "قال",
    "كارتر",
    "في",
    "لندن",
    "إن",
    "الرقة",
    "محاصرة",
    "والموصل",
    "بواشنطن",
    "بلندن",
    "فكارتر",
)


@pytest.fixture(autouse=True)
def _tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_reads, "BATCH", BATCH)
    monkeypatch.setattr(export_reads, "BATCH_CHARACTERS", 400)


def document(n: int) -> AnnotatedDocument:
    words = [WORDS[(n * 7 + k * 3) % len(WORDS)] for k in range(4 + n % 60)]
    text = " ".join(words) + f" {n}."
    spans, at = [], 0
    for k, word in enumerate(words):
        if k % 3 == n % 3:
            who = ("amal", "omar", "")[k % 3]
            spans.append(Span(len(spans) + 1, 0, at, at + len(word), ("PER", "LOC")[k % 2], who))
        at += len(word) + 1
    if n % 5 == 0 and len(spans) > 1:  # a quote whose speaker is a span of another annotator
        spans.append(Span(len(spans) + 1, 0, 0, at - 1, "QUOTE", "amal"))
    relations = (
        (Relation(1, "speaker", len(spans), 1, "amal"),)
        if spans and spans[-1].label == "QUOTE"
        else ()
    )
    return AnnotatedDocument(Document(None, f"خبر {n}", text), tuple(spans), relations)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("batches") / "p.annot.db"
    with open_project(path) as repo:
        repo.add_documents((document(n) for n in range(DOCUMENTS)), annotator="amal")
        for doc_id in range(1, DOCUMENTS + 1, 3):
            repo.apply(SetStatus(doc_id, "amal", Status.DONE))
        for doc_id in range(1, DOCUMENTS + 1, 4):
            repo.apply(SetStatus(doc_id, "omar", Status.IN_PROGRESS))
        with repo.transaction():  # a hole in the ids, as a deletion leaves
            repo.db.conn.execute("DELETE FROM documents WHERE id BETWEEN 30 AND 45")
    yield path


@pytest.fixture
def repo(project: Path) -> Iterator[Repository]:
    with open_project(project, create=False, read_only=True) as r:
        yield r


def selected(conn: sqlite3.Connection, status: Status | None, annotator: str | None) -> list[int]:
    """The ids the export selected before the batches, by the SQL it ran then."""
    if status is None:
        rows = conn.execute("SELECT id FROM documents ORDER BY id")
    elif annotator is not None:
        rows = conn.execute(
            "SELECT d.id FROM documents d LEFT JOIN document_status s ON s.document_id = d.id"
            " AND s.annotator = ? WHERE "
            + ("s.status IS NULL" if status is Status.NEW else "s.status = ?")
            + " ORDER BY d.id",
            [annotator] if status is Status.NEW else [annotator, status.value],
        )
    elif status is Status.NEW:
        rows = conn.execute(
            "SELECT id FROM documents d WHERE NOT EXISTS"
            " (SELECT 1 FROM document_status s WHERE s.document_id = d.id) ORDER BY id"
        )
    else:
        rows = conn.execute(
            "SELECT id FROM documents d WHERE EXISTS (SELECT 1 FROM document_status s"
            " WHERE s.document_id = d.id AND s.status = ?) ORDER BY id",
            [status.value],
        )
    return [r[0] for r in rows]


FILTERS = [
    {},
    {"status": Status.DONE},
    {"status": Status.NEW},
    {"status": Status.IN_PROGRESS, "annotator": "omar"},
    {"status": Status.NEW, "annotator": "omar"},
    {"annotator": "amal"},
    {"labels": ["LOC", "QUOTE"]},
    {"annotator": "omar", "labels": ["PER"]},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f"{k}" for k in f) or "all")
def test_batches_read_what_one_document_at_a_time_read(
    repo: Repository, filters: dict[str, object]
) -> None:
    status, annotator = filters.get("status"), filters.get("annotator")
    labels = filters.get("labels")
    conn = repo.db.conn
    ids = selected(conn, status, annotator)  # type: ignore[arg-type]
    before = [
        annotated(
            conn,
            i,
            annotators=None if annotator is None else [annotator],  # type: ignore[list-item]
            labels=labels,  # type: ignore[arg-type]
            status=status if annotator is None else fetch_status(conn, i, annotator),  # type: ignore[arg-type]
        )
        for i in ids
    ]
    reads = list(repo.export_reads(**filters))  # type: ignore[arg-type]
    assert [r.document for r in reads] == before
    assert repo.export_count(status=status, annotator=annotator) == len(ids)  # type: ignore[arg-type]
    for read, old in zip(reads, before, strict=True):
        assert old.document.id is not None
        spans, relations = counts(conn, old.document.id)
        assert (read.spans_left_out, read.relations_left_out) == (
            spans - len(old.spans),
            relations - len(old.relations),
        )
    assert list(repo.export_reads(ids=ids[5:40:3], **filters)) == reads[5:40:3]  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", registry.writer_names())
def test_an_export_in_batches_writes_the_bytes_of_one_at_a_time(
    repo: Repository, tmp_path: Path, fmt: str
) -> None:
    conn = repo.db.conn
    labels = repo.labels()
    options = ExportOptions()
    for n, filters in enumerate([{}, {"status": Status.DONE, "labels": ["LOC", "QUOTE"]}]):
        out = tmp_path / f"new-{n}"
        export_project(repo, fmt, out, options=options, **filters)  # type: ignore[arg-type]
        old = tmp_path / f"old-{n}"
        report = ExportReport(format=fmt)
        docs = [
            annotated(conn, i, labels=filters.get("labels"), status=filters.get("status"))  # type: ignore[arg-type]
            for i in selected(conn, filters.get("status"), None)  # type: ignore[arg-type]
        ]
        registry.writer(fmt).write(docs, labels, old, options, report)
        written = sorted(p.name for p in out.iterdir())
        assert written == sorted(p.name for p in old.iterdir())
        for name in written:
            if name == "export-report.txt":  # the filters' lines are export_project's
                new_lines = (out / name).read_text(encoding="utf-8").splitlines()
                old_lines = (old / name).read_text(encoding="utf-8").splitlines()
                assert [x for x in new_lines if "filters" not in x] == old_lines
            else:
                assert (out / name).read_bytes() == (old / name).read_bytes(), name


def test_the_store_is_read_lazily_a_batch_at_a_time(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In one process (test_export_jobs: with worker processes)."""
    monkeypatch.setattr(export_reads, "BATCH_CHARACTERS", 1 << 20)  # batches of BATCH exactly
    statements: list[str] = []
    repo.db.conn.set_trace_callback(statements.append)
    batches_read: list[int] = []

    def progress(done: int, total: int) -> None:
        batches_read.append(sum(1 for s in statements if s.startswith("SELECT id, length")))

    try:
        export_project(repo, "conll", tmp_path / "out", progress=progress, jobs=1)
    finally:
        repo.db.conn.set_trace_callback(None)
    total = len(batches_read)
    assert total == DOCUMENTS - 16
    # when document k is written, the batches read are those up to k's: never all of them
    assert batches_read == [(done - 1) // BATCH + 1 for done in range(1, total + 1)]
    # a handful of statements a batch, none per document
    assert len(statements) < 10 * (total // BATCH + 2)


@pytest.mark.parametrize("fmt", ["conll", "jsonl", "conll-multi"])
def test_segment_tokens_from_the_kept_evidence_are_those_from_the_texts(
    tmp_path: Path, fmt: str
) -> None:
    """The analyser of ``segment`` is built from the counts and span texts the project keeps
    (ADR 0045), remembered across documents; before, from every text and span read again."""

    def by_counts(n: int) -> AnnotatedDocument:
        """The token counts (لندن more often than بلندن) decide the splits of بلندن and فكارتر
        (no span is their stem), the span texts that والموصل stays whole."""
        doc = document(n)
        text = doc.document.text + " لندن"
        spans = tuple(s for s in doc.spans if text[s.start : s.end] in ("الرقة", "قال", "والموصل"))
        return AnnotatedDocument(Document(None, doc.document.title, text), spans)

    with open_project(tmp_path / "p.annot.db") as repo:
        repo.add_documents((by_counts(n) for n in range(300)), annotator="amal")
        options = ExportOptions(tokens="segment")
        report = export_project(repo, fmt, tmp_path / "new", options=options)
        assert report.proclitics_split > 300  # و and ب cut off
        docs = [repo.annotated(i) for i in repo.document_ids()]
        spans = {d.document.text[s.start : s.end] for d in docs for s in d.spans}
        analyser = CliticAnalyser.from_texts((d.document.text for d in docs), spans)
        old = ExportOptions(tokens="segment", clitics=analyser)
        registry.writer(fmt).write(docs, repo.labels(), tmp_path / "old", old, ExportReport())
    for path in (tmp_path / "old").iterdir():
        assert (tmp_path / "new" / path.name).read_bytes() == path.read_bytes(), path.name
