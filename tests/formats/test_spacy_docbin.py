"""spaCy DocBin: loads with spaCy, the text is ours, char_span finds every span exactly."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import DocBin

from annotator.core.model import DEFAULT_LABELS
from annotator.formats import spacy_docbin
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.token_tags import SPAN_EDGES_WARNING
from tests.formats.format_helpers import TEXT, doc_with, relation_ends, sample_doc, triples


def load(path: Path) -> list[spacy.tokens.Doc]:
    return list(DocBin().from_disk(path).get_docs(spacy.blank("xx").vocab))


def test_docbin_layers_and_char_span(tmp_path: Path) -> None:
    """Segment tokens: ب split off بالقاهرة (the span القاهرة is evidence), spans exact."""
    report = ExportReport()
    options = ExportOptions(tokens="segment")
    spacy_docbin.WRITER.write([sample_doc()], DEFAULT_LABELS, tmp_path, options, report)
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
    assert report.widened == [] and report.warnings == []


def test_whole_tokens_by_default_widen_and_report(tmp_path: Path) -> None:
    report = ExportReport()
    spacy_docbin.WRITER.write([sample_doc()], DEFAULT_LABELS, tmp_path, ExportOptions(), report)
    [sdoc] = load(tmp_path / "corpus.spacy")
    assert sdoc.text == TEXT and "بالقاهرة" in [t.text for t in sdoc]
    assert ("بالقاهرة", "LOC") in [(e.text, e.label_) for e in sdoc.ents]
    assert report.widened == ["doc 1 span 3 LOC [30, 37) 'القاهرة' widened to 'بالقاهرة'"]
    [back] = spacy_docbin.loads((tmp_path / "corpus.spacy").read_bytes(), DEFAULT_LABELS)
    assert relation_ends(back) == relation_ends(sample_doc())  # the speaker relation kept


def test_span_edges_warns_that_the_tokens_tell_the_labels(tmp_path: Path) -> None:
    report = ExportReport()
    options = ExportOptions(tokens="span-edges")
    spacy_docbin.WRITER.write([sample_doc()], DEFAULT_LABELS, tmp_path, options, report)
    assert report.warnings == [SPAN_EDGES_WARNING]
    assert "warning: span-edges tokens" in (tmp_path / "export-report.txt").read_text("utf-8")


def test_round_trip_with_overlaps_and_odd_white_space() -> None:
    text = " الرئيس  عبد\u00a0الفتاح\n\nالسيسي\u200f قال "
    spans = [(1, 20, "PER"), (1, 7, "ORG"), (0, 2, "LOC"), (12, 13, "MISC"), (20, 22, "QUOTE")]
    doc = doc_with(text, spans)
    report = ExportReport()
    data = spacy_docbin.dumps([doc], DEFAULT_LABELS, report, ExportOptions(tokens="span-edges"))
    [back] = spacy_docbin.loads(data, DEFAULT_LABELS)
    assert back.document.text == text
    assert triples(back) == triples(doc)
    assert len(report.not_expressed) == 2  # ORG and LOC overlap PER: in entity_overlaps
    assert all("entity_overlaps" in line for line in report.not_expressed)


def test_relations_and_titles_survive() -> None:
    [back] = spacy_docbin.loads(spacy_docbin.dumps([sample_doc(5)], DEFAULT_LABELS), DEFAULT_LABELS)
    assert back.document.title == "doc 5"
    assert relation_ends(back) == relation_ends(sample_doc())
