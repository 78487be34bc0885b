"""A JSONL file of more than STREAM documents is read and written in batches, in one transaction
for the whole file: what it imports is what a whole read imported, and a refused line anywhere
leaves nothing of the file in the project (docs/adr/0047)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from annotator.core.model import DEFAULT_LABELS, Kind
from annotator.formats.decoding import read_text, utf8_lines
from annotator.formats.jsonl import READER
from annotator.ops import import_paths
from annotator.ops.importing import STREAM
from annotator.store import Repository, open_project

WORDS = ("أعلن", "الجيش", "التركي", "سيطرته", "على", "مناطق", "في", "شمال", "سوريا", "اليوم")
MORE = STREAM * 2 + 300  # three batches, the last one short


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    with open_project(tmp_path / "p.annot.db") as r:
        yield r  # type: ignore[misc]


def article(n: int) -> str:
    """A distinct short Arabic article: ``n`` written in words of WORDS, then a sentence."""
    digits = [WORDS[int(d)] for d in str(n)]
    return f"{' '.join(digits)} قال المتحدث باسم الجيش في بيان.\n"


def record(n: int, **extra: object) -> dict[str, object]:
    text = article(n)
    return {"text": text, "spans": [{"start": 0, "end": text.index(" "), "label": "LOC"}]} | extra


def write(path: Path, records: list[dict[str, object]], bad: str | None = None) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    if bad is not None:
        lines.append(bad)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_big_file_imports_what_a_whole_read_imported(repo: Repository, tmp_path: Path) -> None:
    records = [record(n) for n in range(MORE)]
    records.append(record(7))  # the same text as line 8, two batches away: a duplicate
    # a label the project lacks, first brought by a line of the second batch
    text = article(MORE)
    records[STREAM + 5] = {
        "text": text,
        "spans": [{"start": 0, "end": text.index(" "), "label": "BORDER", "kind": "entity"}],
    }
    path = write(tmp_path / "big.jsonl", records)
    report = import_paths(repo, [path], annotator="ليلى")
    assert report.errors == []
    assert (report.imported, report.duplicates, report.spans) == (MORE, 1, MORE)
    assert repo.count_documents() == MORE
    assert repo.labels().kind_of("BORDER") == Kind.ENTITY
    assert f"{path}: label BORDER added to the project (entity)" in report.notes
    first, last = repo.document_ids()[0], repo.document_ids()[-1]
    assert repo.document(first).text == article(0)
    assert repo.document(last).text == article(MORE - 1)
    [span] = repo.spans(last)
    assert (span.label, span.annotator) == ("LOC", "ليلى")


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"text": ', "invalid JSON"),
        (json.dumps({"text": "نص", "spans": [{"start": 0, "end": 2, "label": "X"}]}),
         "unknown label 'X'"),
    ],
)  # fmt: skip
def test_a_bad_line_in_the_last_batch_imports_nothing_of_the_file(
    repo: Repository, tmp_path: Path, bad: str, message: str
) -> None:
    records = [record(n) for n in range(MORE)]
    text = article(MORE)
    records[3] = {  # a new label in the first batch, added to the store before the bad line
        "text": text,
        "spans": [{"start": 0, "end": text.index(" "), "label": "BORDER", "kind": "entity"}],
    }
    path = write(tmp_path / "big.jsonl", records, bad)
    other = write(tmp_path / "other.jsonl", [{"text": "نص آخر سليم"}])
    report = import_paths(repo, [path, other])
    [error] = report.errors
    assert error.startswith(f"{path}, line {MORE + 1}: ") and message in error
    assert report.imported == 1 and report.spans == 0
    assert [repo.document(i).text for i in repo.document_ids()] == ["نص آخر سليم"]
    assert repo.labels().names == DEFAULT_LABELS.names
    assert not any("BORDER" in note for note in report.notes)


def test_a_label_given_two_kinds_in_two_batches_refuses_the_file(
    repo: Repository, tmp_path: Path
) -> None:
    records = [record(n) for n in range(MORE)]
    for line, kind in ((10, "entity"), (STREAM + 10, "event")):
        text = article(MORE + line)
        span = {"start": 0, "end": text.index(" "), "label": "BORDER", "kind": kind}
        records[line] = {"text": text, "spans": [span]}
    path = write(tmp_path / "big.jsonl", records)
    report = import_paths(repo, [path])
    [error] = report.errors
    assert str(path) in error and "'BORDER' comes as both entity and event" in error
    assert repo.count_documents() == 0 and "BORDER" not in repo.labels()


def test_the_reader_gives_a_line_before_it_reads_the_next(tmp_path: Path) -> None:
    path = write(tmp_path / "in.jsonl", [record(1), record(2)], bad="not json")
    stream = READER.stream(path, DEFAULT_LABELS)
    assert stream is not None
    assert next(stream).document.text == article(1)
    assert next(stream).document.text == article(2)
    with pytest.raises(Exception, match="line 3: invalid JSON"):
        next(stream)


@pytest.mark.parametrize(
    "data",
    [
        "سطر\nسطر ثان\n".encode(),
        codecs.BOM_UTF8 + "\ufeffسطر\r\nثان\rثالث\n\n".encode(),
        "أ\r\n\r\nب".encode(),
        " \n\ufeffسطر".encode(),
    ],
)
def test_the_lines_of_a_utf8_file_are_those_of_its_whole_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    lines = utf8_lines(path)
    assert lines is not None
    whole = read_text(path).text.split("\n")
    assert [line for _, line in lines] == (whole[:-1] if whole[-1] == "" else whole)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + "سطر".encode("utf-16-le"),
        "سطر عربي".encode("cp1256"),
        b'{"text": "a\x00"}',
        b"\x01\x02\x03\x04 binary",
        b"",
        codecs.BOM_UTF8 + b" \r\n\t",
        "\ufeff\ufeff".encode(),
    ],
)
def test_anything_but_plain_utf8_is_left_to_the_whole_read(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    assert utf8_lines(path) is None


def test_a_big_file_of_another_annotator_attaches_to_the_texts_already_there(
    repo: Repository, tmp_path: Path
) -> None:
    """The streamed path attaches too (ADR 0071): every document's span goes to the text
    already imported, and the same file again attaches nothing."""
    path = write(tmp_path / "big.jsonl", [record(n) for n in range(STREAM + 20)])
    import_paths(repo, [path], annotator="ali")
    report = import_paths(repo, [path], annotator="badr", attach=True)
    assert (report.imported, report.duplicates) == (0, 0)
    assert (report.attached, report.attached_spans) == (STREAM + 20, STREAM + 20)
    doc_id = repo.document_ids()[0]
    assert [s.annotator for s in repo.spans(doc_id)] == ["ali", "badr"]
    again = import_paths(repo, [path], annotator="badr", attach=True)
    assert (again.attached, again.duplicates) == (0, STREAM + 20)
    assert repo.counts(doc_id) == (2, 0)
    assert repo.check() == []
