"""Span attributes in the formats that can hold them, the report where they cannot; label names
with the syntax of a format, escaped by its writer (issue 7 §5, §8)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import DocBin

from annotator.core.errors import InputError, ValidationError
from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Kind, Label, LabelSet
from annotator.formats import conll, conll_multi, doccano, labelstudio, registry, spacy_docbin
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.spacy_docbin import vocab
from tests.formats.format_helpers import relation_ends, sample_doc

ATTRIBUTES: dict[str, dict[str, Any]] = {
    "PER": {"kind": "named", "confidence": 0.8, "checked": True},
    "LOC": {"note": "حرف الجر ب خارج الكيان", "alias": ["القاهرة", "مصر"], "n": None},
    "QUOTE": {"kind": "direct"},
}


def with_attributes(doc: AnnotatedDocument) -> AnnotatedDocument:
    """The sample document, its first PER, LOC and QUOTE spans with attributes."""
    spans, seen = [], set()
    for span in doc.spans:
        if span.label in ATTRIBUTES and span.label not in seen:
            seen.add(span.label)
            span = replace(span, attributes=ATTRIBUTES[span.label])
        spans.append(span)
    return replace(doc, spans=tuple(spans))


def attributes_by_place(doc: AnnotatedDocument) -> list[tuple[int, int, str, dict[str, Any]]]:
    return sorted((s.start, s.end, s.label, dict(s.attributes)) for s in doc.spans)


def read_back(fmt: str, out: Path) -> list[AnnotatedDocument]:
    files = {
        "labelstudio": labelstudio.FILE,
        "doccano": doccano.FILE,
        "conll-multi": conll_multi.FILE,
        "spacy": spacy_docbin.FILE,
    }
    return registry.reader(fmt).read(out / files[fmt], DEFAULT_LABELS)


@pytest.mark.parametrize("fmt", ["labelstudio", "doccano", "conll-multi", "spacy"])
def test_attributes_are_written_and_read_back(fmt: str, tmp_path: Path) -> None:
    doc = with_attributes(sample_doc())
    report = ExportReport()
    options = ExportOptions(tokens="segment")  # every span of sample_doc exact
    registry.writer(fmt).write([doc], DEFAULT_LABELS, tmp_path, options, report)
    assert report.not_expressed == []
    [back] = read_back(fmt, tmp_path)
    assert attributes_by_place(back) == attributes_by_place(doc)
    assert relation_ends(back) == relation_ends(doc)


def test_labelstudio_puts_them_in_the_region_meta_and_reads_its_region_note(
    tmp_path: Path,
) -> None:
    doc = with_attributes(sample_doc())
    labelstudio.WRITER.write([doc], DEFAULT_LABELS, tmp_path, ExportOptions(), ExportReport())
    [task] = json.loads((tmp_path / labelstudio.FILE).read_text(encoding="utf-8"))
    regions: dict[str, Any] = {}
    for region in task["annotations"][0]["result"]:
        if "value" in region:
            regions.setdefault(region["value"]["labels"][0], region)  # the first of each label
    assert regions["PER"]["meta"] == {"attributes": ATTRIBUTES["PER"]}
    assert "meta" not in regions["EVENT"]
    # A Label Studio annotator wrote a region note (meta.text) on the EVENT region.
    regions["EVENT"]["meta"] = {"text": ["فعل القول"]}
    [back], _ = labelstudio.loads(json.dumps([task]), DEFAULT_LABELS)
    event = next(s for s in back.spans if s.label == "EVENT")
    assert dict(event.attributes) == {"note": "فعل القول"}


def test_doccano_keeps_them_on_the_line_and_names_those_whose_span_is_gone(
    tmp_path: Path,
) -> None:
    doc = with_attributes(sample_doc())
    doccano.WRITER.write([doc], DEFAULT_LABELS, tmp_path, ExportOptions(), ExportReport())
    line = json.loads((tmp_path / doccano.FILE).read_text(encoding="utf-8"))
    # doccano 1.8 keeps an entity's id, label and offsets only, and the line's other keys
    assert all(e.keys() == {"id", "label", "start_offset", "end_offset"} for e in line["entities"])
    assert [a["label"] for a in line["span_attributes"]] == ["PER", "LOC", "QUOTE"]
    # In doccano the LOC span was deleted: the example keeps its metadata.
    line["entities"] = [e for e in line["entities"] if e["label"] != "LOC"]
    line["relations"] = []
    path = tmp_path / "edited.jsonl"
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    [back], notes = doccano.READER.read_with_notes(path, DEFAULT_LABELS)
    assert notes == [
        "line 1: 1 span_attributes entry left out: no span at those offsets with that label "
        "(changed in doccano?)"
    ]
    assert {s.label: dict(s.attributes) for s in back.spans if s.attributes} == {
        "PER": ATTRIBUTES["PER"],
        "QUOTE": ATTRIBUTES["QUOTE"],
    }


def test_conll_multi_names_a_widened_span_by_its_tokens(tmp_path: Path) -> None:
    """بالقاهرة without its ب, exported with whole tokens: the attributes follow the token."""
    doc = with_attributes(sample_doc())
    report = ExportReport()
    options = ExportOptions(tokens="whole")
    conll_multi.WRITER.write([doc], DEFAULT_LABELS, tmp_path, options, report)
    [back] = conll_multi.READER.read(tmp_path / conll_multi.FILE, DEFAULT_LABELS)
    loc = next(s for s in back.spans if s.label == "LOC" and s.attributes)
    assert back.document.text[loc.start : loc.end] == "بالقاهرة"
    assert dict(loc.attributes) == ATTRIBUTES["LOC"]


@pytest.mark.parametrize(
    ("attributes", "message"),
    [
        ('"nope"', "must be a list"),
        ("[[1, 2, 3]]", r"are not \[start, end, label"),
        ('[[0, 1, "PER", {"a": 1}]]', r"attributes for PER \[0, 1\), which is no span"),
    ],
)
def test_conll_multi_bad_attributes_name_the_doc_line(attributes: str, message: str) -> None:
    head = {"text": "قال كارتر", "attributes": json.loads(attributes)}
    content = f"{conll_multi.HEADER}#doc\t{json.dumps(head)}\nقال\t0\t3\tO\tB-EVENT\tO\n"
    content += "كارتر\t4\t9\tB-PER\tO\tO\n"
    with pytest.raises(InputError, match=rf"^x\.tsv, line 2: .*{message}"):
        conll_multi.loads(content, DEFAULT_LABELS, path="x.tsv")


def test_the_spacy_docbin_keeps_them_in_user_data(tmp_path: Path) -> None:
    doc = with_attributes(sample_doc())
    data = spacy_docbin.dumps([doc], DEFAULT_LABELS)
    [sdoc] = DocBin().from_bytes(data).get_docs(vocab())
    rows = sdoc.user_data["annotator"]["attributes"]
    assert sorted(r[2] for r in rows) == ["LOC", "PER", "QUOTE"]


def test_conll_reports_the_attributes_it_cannot_hold() -> None:
    doc = with_attributes(sample_doc())
    report = ExportReport()
    conll.dumps([doc], DEFAULT_LABELS, ExportOptions(), report)
    assert (
        "doc 1: the attributes (alias, checked, confidence, kind, n, note) of 2 span(s): "
        "CoNLL has no place for attributes"
    ) in report.not_expressed


SYNTAX = ["<OVERLAP>", "a&b", 'say "x"', "it's", "[events]", "!X", "شخص<>", "</Labels>"]


@pytest.mark.parametrize("bad", ["QUOTE\x01", "X\ufffe", "Y\x0b"])
def test_the_labelstudio_config_is_always_xml(bad: str, tmp_path: Path) -> None:
    """Names with XML syntax are escaped (an XML parser gives them back); a name XML cannot
    hold, saved before the rule, reaches the writer only if called directly (export_project
    refuses first): the writer still writes no config that is not XML, and no file at all."""
    labels = LabelSet(
        tuple(Label(n, Kind.ENTITY, "#cccccc", None, i) for i, n in enumerate(SYNTAX))
    )
    root = ET.fromstring(labelstudio.dumps_config(labels, ["speaker", "a<b"]))
    assert [e.get("value") for e in root.iter("Label")] == SYNTAX
    assert [e.get("value") for e in root.iter("Relation")] == ["a<b", "speaker"]
    labels = LabelSet((*DEFAULT_LABELS.labels, Label(bad, Kind.ENTITY, "#cccccc", None, 9)))
    with pytest.raises(ValidationError, match="cannot be written in a Label Studio config"):
        labelstudio.WRITER.write([sample_doc()], labels, tmp_path, ExportOptions(), ExportReport())
    assert list(tmp_path.iterdir()) == []
