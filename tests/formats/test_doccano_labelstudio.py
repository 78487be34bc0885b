"""doccano JSONL and Label Studio tasks: the shapes those tools import, and back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS, Kind
from annotator.formats import doccano, labelstudio
from annotator.formats.base import ExportOptions, ExportReport
from tests.formats.format_helpers import (
    FIXTURES,
    TEXT,
    doc_with,
    relation_ends,
    sample_doc,
    triples,
)

EXAMPLE = "قال الرئيس عبد الفتاح السيسي بالقاهرة أمس إن «الإصلاحات ستستمر»."
EXAMPLE_SPANS = [(0, 3, "EVENT"), (4, 28, "ENTITY"), (30, 37, "ENTITY"), (46, 62, "QUOTE")]


def test_doccano_shape_and_round_trip(tmp_path: Path) -> None:
    report = ExportReport()
    doccano.WRITER.write(
        [sample_doc(1), sample_doc(2)], DEFAULT_LABELS, tmp_path, ExportOptions(), report
    )
    lines = (tmp_path / "doccano.jsonl").read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    assert set(first) >= {"id", "text", "entities", "relations"}
    assert first["entities"][1] == {"id": 2, "label": "PER", "start_offset": 4, "end_offset": 28}
    assert first["relations"] == [{"id": 1, "from_id": 4, "to_id": 2, "type": "speaker"}]
    path = tmp_path / "doccano.jsonl"
    assert doccano.READER.sniff(path, path.read_bytes()[:4096])
    back = doccano.READER.read(path, DEFAULT_LABELS)
    assert [triples(d) for d in back] == [triples(sample_doc())] * 2
    assert relation_ends(back[0]) == relation_ends(sample_doc())
    assert report.spans_per_label["LOC"] == 4 and report.documents == 2


def test_doccano_reads_the_shared_examples(tmp_path: Path) -> None:
    rel = FIXTURES / "formats" / "doccano_rel.jsonl"
    seq = FIXTURES / "formats" / "doccano_seq.jsonl"
    [a] = doccano.READER.read(rel, DEFAULT_LABELS)
    [b] = doccano.READER.read(seq, DEFAULT_LABELS)
    assert a.document.text == b.document.text == EXAMPLE
    assert triples(a) == triples(b) == EXAMPLE_SPANS
    assert relation_ends(a) == [("SAID_BY", (46, 62, "QUOTE"), (4, 28, "ENTITY"))]
    assert a.new_labels == {"ENTITY": Kind.ENTITY}  # ENTITY is not a project label
    assert all(not s.attributes for s in a.spans)


def test_doccano_bad_lines() -> None:
    with pytest.raises(InputError) as err:
        doccano.loads(
            '{"text": "قال", "label": [[0, 3, "PER"]]}\n{"text": 3}\n',
            DEFAULT_LABELS,
            path="d.jsonl",
        )
    assert err.value.line == 2
    with pytest.raises(InputError, match="outside the text"):
        doccano.loads('{"text": "قال", "label": [[0, 9, "PER"]]}', DEFAULT_LABELS)
    with pytest.raises(InputError, match="invalid JSON"):
        doccano.loads("{nope", DEFAULT_LABELS)


def test_labelstudio_shape_config_and_round_trip(tmp_path: Path) -> None:
    report = ExportReport()
    labelstudio.WRITER.write([sample_doc(7)], DEFAULT_LABELS, tmp_path, ExportOptions(), report)
    tasks = json.loads((tmp_path / "labelstudio.json").read_text(encoding="utf-8"))
    result = tasks[0]["annotations"][0]["result"]
    assert result[1] == {
        "id": "s2",
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": "manual",
        "value": {"start": 4, "end": 28, "text": "الرئيس عبد الفتاح السيسي", "labels": ["PER"]},
    }
    assert result[-1] == {
        "from_id": "s4",
        "to_id": "s2",
        "type": "relation",
        "direction": "right",
        "labels": ["speaker"],
    }
    config = (tmp_path / "labelstudio-config.xml").read_text(encoding="utf-8")
    assert '<Label value="PER" background="#f4a3a3"/>' in config
    assert '<Relation value="speaker"/>' in config and '<Text name="text" value="$text"/>' in config
    path = tmp_path / "labelstudio.json"
    assert labelstudio.READER.sniff(path, path.read_bytes()[:4096])
    [back] = labelstudio.READER.read(path, DEFAULT_LABELS)
    assert back.document.text == TEXT and back.document.title == "doc 7"
    assert triples(back) == triples(sample_doc())
    assert relation_ends(back) == relation_ends(sample_doc())


def test_labelstudio_reads_the_shared_example() -> None:
    [doc] = labelstudio.READER.read(FIXTURES / "formats" / "labelstudio_tasks.json", DEFAULT_LABELS)
    assert doc.document.text == EXAMPLE and triples(doc) == EXAMPLE_SPANS
    assert relation_ends(doc) == [("SAID_BY", (46, 62, "QUOTE"), (4, 28, "ENTITY"))]


def test_labelstudio_emoji_offsets_are_code_points() -> None:
    text = "😀 قال أوباما 👍🏽 في واشنطن"
    a, b = text.index("أوباما"), text.index("واشنطن")
    assert (a, b) == (6, 19)  # code points; in UTF-16 units they would be 7 and 21
    doc = doc_with(text, [(a, a + 6, "PER"), (b, b + 6, "LOC")])
    out = json.loads(labelstudio.dumps([doc], DEFAULT_LABELS))
    values = [r["value"] for r in out[0]["annotations"][0]["result"]]
    assert [(v["start"], v["end"], v["text"]) for v in values] == [
        (6, 12, "أوباما"),
        (19, 25, "واشنطن"),
    ]
    back, notes = labelstudio.loads(json.dumps(out), DEFAULT_LABELS)
    assert triples(back[0]) == triples(doc) and notes == []


def test_labelstudio_old_utf16_offsets_are_converted() -> None:
    text = "😀 قال أوباما"
    task = {
        "data": {"text": text},
        "annotations": [
            {
                "result": [
                    {
                        "id": "a",
                        "from_name": "label",
                        "to_name": "text",
                        "type": "labels",
                        "value": {"start": 7, "end": 13, "text": "أوباما", "labels": ["PER"]},
                    },
                    {"id": "b", "type": "choices", "value": {"choices": ["x"]}},
                ]
            }
        ],
    }
    [doc], notes = labelstudio.loads(json.dumps([task]), DEFAULT_LABELS)
    assert triples(doc) == [(6, 12, "PER")]
    assert notes == [
        "task 1: 1 region(s) had UTF-16 offsets, converted to code points",
        "task 1: 1 result(s) other than labels and relations ignored",
    ]


def test_labelstudio_text_that_fits_no_offsets_is_refused() -> None:
    task = {
        "data": {"text": "قال أوباما"},
        "annotations": [
            {
                "result": [
                    {
                        "id": "a",
                        "type": "labels",
                        "value": {"start": 0, "end": 3, "text": "لا", "labels": ["X"]},
                    }
                ]
            }
        ],
    }
    with pytest.raises(InputError, match="region 'a' says 'لا'"):
        labelstudio.loads(json.dumps([task]), DEFAULT_LABELS, path="t.json")
