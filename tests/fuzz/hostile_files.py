"""One real hostile file per class of issue 7 §3, with the words its one-line error must hold.

Used by tests/ops/test_hostile_import.py (through ``import_paths`` on a real project) and by the
window's import test (the same errors in the dialog's summary). Each ``Hostile`` is a file name,
its bytes, and a piece of the error the import must give (None: the file imports, with a note).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

TEXT = "قال الرئيس السيسي بالقاهرة: «الإصلاحات ستستمر»."
PER = (4, 17)  # الرئيس السيسي
QUOTE = (28, 47)  # «الإصلاحات ستستمر»


@dataclass(frozen=True, slots=True)
class Hostile:
    name: str
    data: bytes
    error: str  # a piece of the one-line error
    line: int | None = None  # the line the error names


def _jsonl(*records: object) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def _span(start: object = PER[0], end: object = PER[1], label: object = "PER", **more: object):
    return {"start": start, "end": end, "label": label, **more}


def _doccano(**more: object) -> dict[str, object]:
    entities = [
        {"id": 1, "label": "PER", "start_offset": PER[0], "end_offset": PER[1]},
        {"id": 2, "label": "QUOTE", "start_offset": QUOTE[0], "end_offset": QUOTE[1]},
    ]
    return {"text": TEXT, "entities": entities, "relations": [], **more}


def _task(value: dict[str, object], *results: dict[str, object], **data: object) -> bytes:
    region = {"id": "r1", "type": "labels", "from_name": "label", "to_name": "text"}
    result = [{**region, "value": value}, *results]
    task = {"data": {"text": TEXT, **data}, "annotations": [{"result": result}]}
    return json.dumps([task], ensure_ascii=False, indent=1).encode()


def _multi(head: str, rows: str = "قال\t0\t3\tO\tO\tO\n") -> bytes:
    return f"# token\tstart\tend\tentity\tevent\tquote\n#doc\t{head}\n{rows}\n".encode()


DEEP = "[" * 5000 + "]" * 5000
GOOD = _jsonl({"text": "سطر سليم"})
HOSTILE = (
    # integers over 4,300 digits, deep nesting, NaN and Infinity: every JSON reader
    Hostile(
        "huge.jsonl",
        GOOD + ('{"text": "نص", "spans": [{"start": ' + "1" * 4301 + "}]}\n").encode(),
        "an integer of 4,301 digits at column 36",
        2,
    ),
    Hostile("deep.jsonl", ('{"text": "نص", "meta": ' + DEEP + "}\n").encode(), "nested more", 1),
    Hostile(
        "nested-meta.jsonl",
        ('{"text": "نص", "meta": {"a": ' + "[" * 150 + "]" * 150 + "}}\n").encode(),
        '"meta" nests more than 100 levels deep',
        1,
    ),
    Hostile("nan.jsonl", '{"text": "نص", "meta": {"score": NaN}}\n'.encode(), "NaN is not", 1),
    Hostile(
        "infinite.json",
        '{"title": "خبر", "maintext": "نص الخبر", "score": 1e999}'.encode(),
        "too large for a float",
        1,
    ),
    Hostile(
        "minus-infinity.json",
        '{"title": "خبر",\n "maintext": "نص الخبر",\n "rank": -Infinity}'.encode(),
        "-Infinity is not a JSON number",
        3,
    ),
    Hostile("deep.json", ('{"maintext": "نص", "x": ' + DEEP + "}").encode(), "nested more", 1),
    Hostile(
        "deep-doccano.jsonl", ('{"text": "نص", "label": ' + DEEP + "}\n").encode(), "nested", 1
    ),
    Hostile(
        "deep-tasks.json", ('[{"data": {"text": "نص", "x": ' + DEEP + "}}]").encode(), "nested", 1
    ),
    Hostile("deep.tsv", _multi('{"text": "قال", "x": ' + DEEP + "}"), "nested more", 2),
    Hostile("huge.tsv", _multi('{"text": "قال", "id": ' + "7" * 4400 + "}"), "4,400 digits", 2),
    # wrong JSON types: refused, never coerced
    Hostile("id-list.jsonl", _jsonl({"text": TEXT, "spans": [_span(id=[1])]}), '"id" must be', 1),
    Hostile("relations-number.jsonl", _jsonl(_doccano(relations=3)), '"relations" must be', 1),
    Hostile(
        "annotator-number.jsonl",
        _jsonl({"text": TEXT, "spans": [_span(annotator=7)]}),
        '"annotator" must be a string, not a number',
        1,
    ),
    Hostile(
        "relation-type-number.jsonl",
        _jsonl(
            {
                "text": TEXT,
                "spans": [_span(), _span(*QUOTE, "QUOTE")],
                "relations": [{"from": 1, "to": 0, "type": 42}],
            }
        ),
        '"type" must be a non-empty string, not a number',
        1,
    ),
    Hostile(
        "entity-id-list.jsonl",
        _jsonl(
            {
                **_doccano(),
                "entities": [{"id": [1], "label": "PER", "start_offset": 4, "end_offset": 17}],
            }
        ),
        '"id" must be an integer or a string, not a list',
        1,
    ),
    Hostile(
        "relation-type.jsonl",
        _jsonl(_doccano(relations=[{"id": 1, "from_id": 2, "to_id": 1, "type": 42}])),
        '"type" must be a non-empty string, not a number',
        1,
    ),
    Hostile(
        "labels-string.json",
        _task({"start": PER[0], "end": PER[1], "labels": "PER"}),
        '"labels" must be a list, not a string',
    ),
    Hostile(
        "completed-by-list.json",
        json.dumps(
            [{"data": {"text": TEXT}, "annotations": [{"completed_by": [1], "result": []}]}]
        ).encode(),
        '"completed_by" must be a string, not a list',
    ),
    Hostile(
        "relations-wrong.tsv",
        _multi(json.dumps({"text": "قال", "relations": [["speaker", [0, 3], 5]]})),
        "a relation must be [type, [s, e, label], [s, e, label]]",
        2,
    ),
    # lone surrogates (half of an emoji, from a program that cut UTF-16 text)
    Hostile(
        "surrogate.jsonl", b'{"text": "\\ud83d \\u0646\\u0635", "entities": []}\n', "surrog", 1
    ),
    Hostile(
        "surrogate-task.json", b'[{"data": {"text": "\\u0646\\u0635 \\udc00"}}]', "lone UTF-16", 1
    ),
    Hostile("surrogate.tsv", _multi('{"text": "\\u0642\\u0627\\u0644\\ud800"}'), "surrogate", 2),
    # digits that str.isdigit() accepts and int() refuses, or reads silently
    Hostile("superscript.tsv", _multi('{"text": "قال"}', "قال\t0\t²\tO\tO\tO\n"), "columns", 3),
    Hostile("arabic-digits.tsv", _multi('{"text": "قال"}', "قال\t٠\t٣\tO\tO\tO\n"), "columns", 3),
    Hostile(
        "gap.tsv",
        b"# token\tstart\tend\tentity\tevent\tquote\nx\t0\t1\tO\tO\tO\n"
        b"y\t99999999999\t100000000000\tO\tO\tO\n",
        "characters between two tokens",
        3,
    ),
)


def brat_pair(ann: bytes, conf: bytes | None = None) -> dict[str, bytes]:
    """A brat folder: ``doc.txt`` (TEXT), ``doc.ann``, and ``annotation.conf`` if given."""
    files = {"doc.txt": TEXT.encode(), "doc.ann": ann}
    if conf is not None:
        files["annotation.conf"] = conf
    return files


def mixed_encodings() -> bytes:
    """A Windows-1256 article with a paragraph pasted in UTF-8."""
    article = "كشف وزير الدفاع الأميركي آشتون كارتر عن خطة للتحالف الدولي لمحاصرة الموصل. " * 3
    return article.encode("cp1256") + "\nالرقة والموصل وتركيا\n".encode()
