"""spaCy DocBin: loads with spaCy, the text is ours, char_span finds every span exactly."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import DocBin

from annotator.core.model import DEFAULT_LABELS
from annotator.formats import spacy_docbin
from annotator.formats.base import ExportOptions, ExportReport
from tests.formats.format_helpers import TEXT, doc_with, relation_ends, sample_doc, triples


def load(path: Path) -> list[spacy.tokens.Doc]:
    return list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))


def test_docbin_layers_and_char_span(tmp_path: Path) -> None:
    report = ExportReport()
    spacy_docbin.WRITER.write([sample_doc()], DEFAULT_LABELS, tmp_path, ExportOptions(), report)
    [sdoc] = load(tmp_path / "corpus.spacy")
    assert sdoc.text == TEXT
    assert [(e.text, e.label_) for e in sdoc.ents] == [
        ("الرئيس عبد الفتاح السيسي", "PER"),
        ("القاهرة", "LOC"),
        ("وحدات حماية الشعب", "ORG"),
        ("الرقة", "LOC"),
    ]
    assert [(s.text, s.label_) for s in sdoc.spans["quote"]] == [("الإصلاحات ستستمر", "QUOTE")]
    assert [s.text for s in sdoc.spans["event"]] == ["قال", "انسحابها"]
    for span in sample_doc().spans:  # the JSONL offsets are spaCy's character offsets
        found = sdoc.char_span(span.start, span.end)
        assert found is not None and found.text == TEXT[span.start : span.end]
    assert "ب" in [t.text for t in sdoc]  # the clitic is a token of its own
    assert sdoc.user_data["annotator"]["offset_unit"] == "codepoint"
    assert report.not_expressed == [] and report.spans_per_label["LOC"] == 2


def test_round_trip_with_overlaps_and_odd_white_space() -> None:
    text = " الرئيس  عبد\u00a0الفتاح\n\nالسيسي\u200f قال "
    spans = [(1, 20, "PER"), (1, 7, "ORG"), (0, 2, "LOC"), (12, 13, "MISC"), (20, 22, "QUOTE")]
    doc = doc_with(text, spans)
    report = ExportReport()
    data = spacy_docbin.dumps([doc], DEFAULT_LABELS, report)
    [back] = spacy_docbin.loads(data, DEFAULT_LABELS)
    assert back.document.text == text
    assert triples(back) == triples(doc)
    assert len(report.not_expressed) == 2  # ORG and LOC overlap PER: in entity_overlaps
    assert all("entity_overlaps" in line for line in report.not_expressed)


def test_relations_and_titles_survive() -> None:
    [back] = spacy_docbin.loads(spacy_docbin.dumps([sample_doc(5)], DEFAULT_LABELS), DEFAULT_LABELS)
    assert back.document.title == "doc 5"
    assert relation_ends(back) == relation_ends(sample_doc())
