"""Format detection over what our own exports write: each file comes back in its own format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument
from annotator.formats import registry
from annotator.formats.base import ExportOptions, ExportReport
from tests.formats.format_helpers import sample_doc

FILES = {
    "jsonl": "documents.jsonl",
    "doccano": "doccano.jsonl",
    "labelstudio": "labelstudio.json",
    "conll": "entity.conll",
    "conll-multi": "conll-multi.tsv",
    "spacy": "corpus.spacy",
}


def long_doc() -> AnnotatedDocument:
    """A document whose text alone is longer than the head a reader sees (4096 bytes)."""
    doc = sample_doc()
    text = doc.document.text + "\n" + "وقال الوزير إن الاجتماع سيعقد غدا. " * 200
    return replace(doc, document=replace(doc.document, text=text))


@pytest.mark.parametrize("fmt", sorted(FILES))
@pytest.mark.parametrize("make", [sample_doc, long_doc])
def test_every_export_is_detected_as_its_format(
    tmp_path: Path, fmt: str, make: Callable[[], AnnotatedDocument]
) -> None:
    doc = make()
    registry.writer(fmt).write([doc], DEFAULT_LABELS, tmp_path, ExportOptions(), ExportReport())
    path = tmp_path / FILES[fmt]
    reader = registry.detect(path)
    assert reader.name == fmt
    [back] = reader.read(path, DEFAULT_LABELS)
    assert len(back.spans) > 0


def test_the_export_report_is_not_a_document(tmp_path: Path) -> None:
    registry.writer("brat").write(
        [sample_doc()], DEFAULT_LABELS, tmp_path, ExportOptions(), ExportReport()
    )
    assert registry.detect(tmp_path / "doc-000001.ann").name == "brat"
    with pytest.raises(InputError, match="export report"):
        registry.detect(tmp_path / "export-report.txt")
    other = tmp_path / "notes.txt"
    other.write_text("format: a line of an article\n", encoding="utf-8")
    assert registry.detect(other).name == "text"
