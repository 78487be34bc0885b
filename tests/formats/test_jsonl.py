"""JSONL: reading lines into documents, writing documents with tokens and integer tags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings

from annotator.core.errors import InputError
from annotator.core.model import (
    DEFAULT_LABELS,
    AnnotatedDocument,
    Document,
    Kind,
    Relation,
    Span,
    Status,
)
from annotator.formats import registry
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.jsonl import READER, WRITER, dumps, label_lists, loads
from tests.strategies import text_with_spans

TEXT = "قال كارتر في لندن: «بحث الوزيران نجاحات سوريا»."


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def annotated() -> AnnotatedDocument:
    quote = TEXT.index("«")
    return AnnotatedDocument(
        Document(7, "عنوان", TEXT, source="s.txt", meta={"language": "ar"}),
        (
            Span(1, 7, *at("كارتر"), "PER", annotator="amal"),
            Span(2, 7, *at("لندن"), "LOC", annotator="amal"),
            Span(3, 7, quote, TEXT.index("»") + 1, "QUOTE", annotator="amal"),
            Span(4, 7, *at("بحث"), "EVENT", annotator="amal"),
        ),
        (Relation(1, "speaker", 3, 1, "amal"),),
        Status.DONE,
    )


# --- reading ---------------------------------------------------------------------------------


def test_minimal_line() -> None:
    [doc] = loads(line(text=TEXT), DEFAULT_LABELS)
    assert doc.document.text == TEXT
    assert doc.document.title == TEXT
    assert doc.spans == ()


def test_spans_and_relations_by_index() -> None:
    spans = [
        {"start": at("كارتر")[0], "end": at("كارتر")[1], "label": "PER"},
        {"start": TEXT.index("«"), "end": TEXT.index("»") + 1, "label": "QUOTE"},
    ]
    content = line(text=TEXT, title="t", spans=spans, relations=[{"from": 1, "to": 0}])
    [doc] = loads(content, DEFAULT_LABELS)
    assert [(s.start, s.end, s.label) for s in doc.spans] == [
        (*at("كارتر"), "PER"),
        (TEXT.index("«"), TEXT.index("»") + 1, "QUOTE"),
    ]
    [rel] = doc.relations
    assert (rel.type, rel.source_id, rel.target_id) == ("speaker", 2, 1)


def test_relations_by_span_id() -> None:
    spans = [
        {"id": 40, "start": 4, "end": 9, "label": "PER"},
        {"id": 41, "start": 19, "end": 47, "label": "QUOTE"},
    ]
    [doc] = loads(line(text=TEXT, spans=spans, relations=[{"from": 41, "to": 40}]), DEFAULT_LABELS)
    assert (doc.relations[0].source_id, doc.relations[0].target_id) == (2, 1)


def test_crlf_in_text_moves_the_offsets_with_it() -> None:
    raw = "سطر أول\r\nكارتر"
    [doc] = loads(line(text=raw, spans=[{"start": 9, "end": 14, "label": "PER"}]), DEFAULT_LABELS)
    assert doc.document.text == "سطر أول\nكارتر"
    span = doc.spans[0]
    assert doc.document.text[span.start : span.end] == "كارتر"


def test_unknown_label_with_a_kind_is_carried_for_the_import() -> None:
    """The kind of a new label travels on the document, never inside the span's attributes."""
    spans = [{"start": 4, "end": 9, "label": "PERS", "kind": "entity", "attributes": {"kind": "x"}}]
    [doc] = loads(line(text=TEXT, spans=spans), DEFAULT_LABELS)
    assert doc.new_labels == {"PERS": Kind.ENTITY}
    assert doc.spans[0].attributes == {"kind": "x"}


def test_a_new_label_with_two_kinds_or_a_bad_name_is_an_error_naming_the_line() -> None:
    two = [
        {"start": 4, "end": 9, "label": "PERS", "kind": "entity"},
        {"start": 0, "end": 3, "label": "PERS", "kind": "event"},
    ]
    with pytest.raises(InputError, match=r"^f\.jsonl, line 1: span 1: label .PERS. is entity"):
        loads(line(text=TEXT, spans=two), DEFAULT_LABELS, path="f.jsonl")
    bad = [{"start": 4, "end": 9, "label": "QUOTE\u202e", "kind": "quote"}]
    content = line(text=TEXT) + "\n" + line(text=TEXT, spans=bad)
    with pytest.raises(
        InputError, match=r"^f.jsonl, line 2: span 0: label 'QUOTE\\u202e': .* bidi"
    ):
        loads(content, DEFAULT_LABELS, path="f.jsonl")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "نص"', "line 2: invalid JSON"),
        ("[1, 2]", "line 2: each line must be a JSON object"),
        ('{"title": "بلا نص"}', 'line 2: no "text" string'),
        ('{"text": 5}', "must be a string"),
        ('{"text": "  "}', "empty text"),
        (line(text="نص قصير", spans=[{"start": 0, "end": 99, "label": "PER"}]), "out of range"),
        (line(text="نص قصير", spans=[{"start": 3, "end": 3, "label": "PER"}]), "out of range"),
        (line(text="نص قصير", spans=[{"start": "0", "end": 2, "label": "PER"}]), "integers"),
        (line(text="نص قصير", spans=[{"start": 0, "end": 2, "label": "PERS"}]), "unknown label"),
        (
            line(text="نص قصير", spans=[{"start": 0, "end": 2, "label": "PERS", "kind": "x"}]),
            "unknown kind",
        ),
        (
            line(text="نص قصير", spans=[{"start": 0, "end": 2, "label": "PER", "kind": "quote"}]),
            "is entity in the project",
        ),
        (
            line(text="نص قصير", spans=[{"start": 0, "end": 2, "label": "PER", "text": "صق"}]),
            "are the offsets code points",
        ),
        (line(text="نص قصير", relations=[{"from": 0, "to": 1}]), "no span index"),
        (
            line(text="نص قصير", spans=[{"start": 0, "end": 2, "label": "PER"}] * 2),
            "appears twice",
        ),
        (line(text="نص قصير", status="finished"), "unknown status"),
        (line(text="نص قصير", offset_unit="utf16"), "only"),
        (line(text="نص قصير", meta=[1]), '"meta" must be an object'),
    ],
)
def test_bad_lines_name_file_and_line(content: str, message: str) -> None:
    good = line(text="سطر سليم")
    with pytest.raises(InputError) as caught:
        loads(good + "\n" + content + "\n", DEFAULT_LABELS, path="corpus.jsonl")
    assert str(caught.value).startswith("corpus.jsonl, line 2")
    assert message in str(caught.value)
    assert caught.value.line == 2


def test_reader_reads_a_file_and_refuses_an_empty_one(tmp_path: Path) -> None:
    good = tmp_path / "a.jsonl"
    good.write_text(line(text=TEXT) + "\n\n" + line(text="نص ثان") + "\n", encoding="utf-8")
    assert [d.document.text for d in READER.read(good, DEFAULT_LABELS)] == [TEXT, "نص ثان"]
    empty = tmp_path / "b.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        READER.read(empty, DEFAULT_LABELS)


def test_detected_by_extension_and_content(tmp_path: Path) -> None:
    ours = tmp_path / "a.jsonl"
    ours.write_text(line(text=TEXT, spans=[]) + "\n", encoding="utf-8")
    assert registry.detect(ours).name == "jsonl"
    doccano = tmp_path / "d.jsonl"
    doccano.write_text(line(text=TEXT, label=[[0, 3, "PER"]]) + "\n", encoding="utf-8")
    assert not READER.sniff(doccano, doccano.read_bytes())


# --- writing ---------------------------------------------------------------------------------


def test_record_layout() -> None:
    report = ExportReport()
    [record] = [
        json.loads(x) for x in dumps([annotated()], DEFAULT_LABELS, report=report).split("\n") if x
    ]
    assert record["offset_unit"] == "codepoint"
    assert (record["id"], record["title"], record["text"], record["status"]) == (
        7,
        "عنوان",
        TEXT,
        "done",
    )
    assert record["meta"] == {"language": "ar"}
    assert record["spans"][0] == {
        "id": 1,
        "start": 4,
        "end": 9,
        "label": "PER",
        "kind": "entity",
        "text": "كارتر",
        "annotator": "amal",
        "attributes": {},
    }
    assert record["relations"] == [
        {"id": 1, "type": "speaker", "from": 3, "to": 1, "annotator": "amal"}
    ]
    tokens, offsets = record["tokens"], record["token_offsets"]
    assert all(TEXT[a:b] == tok for tok, (a, b) in zip(tokens, offsets, strict=True))
    names = label_lists(DEFAULT_LABELS)
    tags = {f: [names[f][i] for i in record[f]] for f in ("ner_tags", "event_tags", "quote_tags")}
    assert tags["ner_tags"][tokens.index("كارتر")] == "B-PER"
    assert tags["ner_tags"][tokens.index("لندن")] == "B-LOC"
    assert tags["event_tags"][tokens.index("بحث")] == "B-EVENT"
    assert tags["quote_tags"][tokens.index("«") : tokens.index("»") + 1] == ["B-QUOTE"] + [
        "I-QUOTE"
    ] * (tokens.index("»") - tokens.index("«"))
    assert report.documents == 1
    assert report.not_expressed == []


def test_overlaps_in_one_layer_are_reported_and_kept_in_spans() -> None:
    doc = annotated()
    nested = Span(9, 7, at("كارتر")[0], at("كارتر")[0] + 3, "MISC")
    doc = AnnotatedDocument(doc.document, (*doc.spans, nested), doc.relations, doc.status)
    report = ExportReport()
    [record] = [json.loads(x) for x in dumps([doc], DEFAULT_LABELS, report=report).split("\n") if x]
    assert len(record["spans"]) == 5
    [lost] = report.not_expressed
    assert "span 9 MISC" in lost and "ner_tags" in lost and "overlaps span 1" in lost


def test_writer_files_and_read_back(tmp_path: Path) -> None:
    report = ExportReport()
    WRITER.write([annotated()], DEFAULT_LABELS, tmp_path, ExportOptions(), report)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "documents.jsonl",
        "export-report.txt",
        "labels.json",
    ]
    assert json.loads((tmp_path / "labels.json").read_text(encoding="utf-8")) == label_lists(
        DEFAULT_LABELS
    )
    assert "documents: 1" in (tmp_path / "export-report.txt").read_text(encoding="utf-8")
    [back] = READER.read(tmp_path / "documents.jsonl", DEFAULT_LABELS)
    original = annotated()
    assert back.document.text == original.document.text
    assert back.document.title == original.document.title
    assert back.status == Status.DONE
    assert [(s.start, s.end, s.label, s.annotator) for s in back.spans] == [
        (s.start, s.end, s.label, s.annotator)
        for s in sorted(original.spans, key=lambda s: s.start)
    ]
    [rel] = back.relations
    assert back.spans[rel.source_id - 1].label == "QUOTE"
    assert back.spans[rel.target_id - 1].label == "PER"


def test_failed_export_leaves_no_file(tmp_path: Path) -> None:
    def broken():  # type: ignore[no-untyped-def]
        yield annotated()
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        WRITER.write(broken(), DEFAULT_LABELS, tmp_path, ExportOptions(), ExportReport())
    assert list(tmp_path.iterdir()) == []


def test_hugging_face_datasets_reads_the_tags_as_class_labels(tmp_path: Path) -> None:
    datasets = pytest.importorskip("datasets")
    from datasets import ClassLabel, Features, Json, Sequence, Value

    WRITER.write([annotated()], DEFAULT_LABELS, tmp_path, ExportOptions(), ExportReport())
    names = json.loads((tmp_path / "labels.json").read_text(encoding="utf-8"))
    span = {
        k: Value("int64") if k in ("id", "start", "end") else Value("string")
        for k in ("id", "start", "end", "label", "kind", "text", "annotator")
    }
    features = Features(
        {
            "id": Value("int64"),
            **{k: Value("string") for k in ("title", "text", "offset_unit", "source", "url")},
            "published": Value("string"),
            "status": Value("string"),
            "meta": Json(),
            "spans": [{**span, "attributes": Json()}],
            "relations": [
                {
                    "id": Value("int64"),
                    "type": Value("string"),
                    "from": Value("int64"),
                    "to": Value("int64"),
                    "annotator": Value("string"),
                }
            ],
            "tokens": Sequence(Value("string")),
            "token_offsets": Sequence(Sequence(Value("int64"))),
            **{field: Sequence(ClassLabel(names=labels)) for field, labels in names.items()},
        }
    )
    dataset = datasets.load_dataset(
        "json",
        data_files=str(tmp_path / "documents.jsonl"),
        features=features,
        split="train",
        cache_dir=str(tmp_path / "cache"),
    )
    row = dataset[0]
    ner = dataset.features["ner_tags"].feature
    tags = dict(zip(row["tokens"], ner.int2str(row["ner_tags"]), strict=True))
    assert tags["كارتر"] == "B-PER"
    assert tags["لندن"] == "B-LOC"
    assert row["text"] == TEXT
    assert row["meta"] == {"language": "ar"}


@settings(max_examples=100, deadline=None)
@given(text_with_spans())
def test_dumps_then_loads_is_the_identity(case: tuple[str, list[tuple[int, int, str]]]) -> None:
    text, triples = case
    assume(text.strip())  # a text of white space only is refused as empty
    spans = tuple(Span(i + 1, 1, a, b, label) for i, (a, b, label) in enumerate(triples))
    doc = AnnotatedDocument(Document(1, "t", text), spans)
    if len(set(triples)) < len(triples):
        with pytest.raises(InputError, match="appears twice"):
            loads(dumps([doc], DEFAULT_LABELS), DEFAULT_LABELS)
        return
    [back] = loads(dumps([doc], DEFAULT_LABELS), DEFAULT_LABELS)
    assert back.document.text == text
    assert sorted((s.start, s.end, s.label) for s in back.spans) == sorted(triples)
