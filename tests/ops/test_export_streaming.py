"""export_project streams: a batch at a time from the store, one document at a time to the
files (docs/adr/0023, 0050).

Checked structurally, never by measuring memory: while the writer works on a document, the
documents before it are gone (no AnnotatedDocument of them is alive, only the rest of the
batch read), and what it wrote of them is already in its temporary files on disk.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from annotator.core.model import AnnotatedDocument, Document, Span, Status
from annotator.formats import registry
from annotator.formats.temporaries import TEMPORARY
from annotator.ops import export_project
from annotator.ops.exporting import NothingToExport
from annotator.store import Repository, export_reads, open_project

SEED = Path(__file__).resolve().parents[2] / "seeds" / "washington-turkey-isis.txt"
DOCUMENTS = 8
BATCH = 3  # documents the store reads at a time here
BUFFER = 8192  # what a text file object may hold back before writing


@pytest.fixture(autouse=True)
def _small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_reads, "BATCH", BATCH)


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    article = SEED.read_text(encoding="utf-8").strip()
    with open_project(tmp_path / "p.annot.db") as r:
        docs = []
        for n in range(DOCUMENTS):
            text = f"{article}\n\n{article}\n\nالخبر رقم {n}"
            start = text.index("واشنطن")
            spans = (Span(1, 0, start, start + len("واشنطن"), "LOC", "amal"),)
            docs.append(AnnotatedDocument(Document(None, f"خبر {n}", text), spans, (), Status.DONE))
        r.add_documents(docs, annotator="amal")
        del docs  # only the project holds them now
        yield r  # type: ignore[misc]


def alive_documents() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, AnnotatedDocument))


def written(out: Path) -> int:
    """Bytes in the export's temporary files so far (nothing is renamed before the end)."""
    return sum(p.stat().st_size for p in out.iterdir() if TEMPORARY.match(p.name))


@pytest.mark.parametrize("fmt", registry.writer_names())
def test_the_export_holds_one_batch_at_most(repo: Repository, tmp_path: Path, fmt: str) -> None:
    before = alive_documents()  # other tests' values, still around
    alive: list[int] = []
    export_project(
        repo,
        fmt,
        tmp_path / fmt,
        progress=lambda done, total: alive.append(alive_documents() - before),
    )
    assert len(alive) == DOCUMENTS
    # the rest of the batch read, and the one the writer just finished (its loop variable)
    assert max(alive) <= BATCH, alive
    assert alive[BATCH - 1] <= 1, alive  # the first batch is done: none of it is left


@pytest.mark.parametrize("fmt", [f for f in registry.writer_names() if f != "spacy"])
def test_each_document_is_on_disk_before_the_next_is_read(
    repo: Repository, tmp_path: Path, fmt: str
) -> None:
    """(spaCy's DocBin is one compressed blob: it can only be written at the end.)"""
    out = tmp_path / fmt
    sizes = [len(repo.document(i).text.encode()) for i in repo.document_ids()]
    behind: list[int] = []

    def progress(done: int, total: int) -> None:
        behind.append(sum(sizes[:done]) - written(out))

    export_project(repo, fmt, out, progress=progress)
    assert len(behind) == DOCUMENTS
    assert max(behind) <= BUFFER, behind  # at most a file buffer not yet written


def test_filters_are_counted_on_the_way(repo: Repository, tmp_path: Path) -> None:
    report = export_project(repo, "jsonl", tmp_path / "out", annotator="amal", labels=["LOC"])
    assert report.filtered_out == ["0 span(s) and 0 relation(s)"]
    lines = (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert [len(json.loads(line)["spans"]) for line in lines] == [1] * DOCUMENTS
    # a filter that keeps no span ends the stream after the last document: nothing written
    with pytest.raises(NothingToExport, match="no span matches the filters"):
        export_project(repo, "jsonl", tmp_path / "per", labels=["PER"])
    assert list((tmp_path / "per").iterdir()) == []
