"""Gazetteer files: TSV and JSON, every bad line named, a refused file yields nothing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS
from annotator.formats.gazetteer import GazetteerError, loads, read_gazetteer


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_tsv_with_bom_comments_and_blank_lines(tmp_path: Path) -> None:
    data = codecs.BOM_UTF8 + "# أماكن\n\nالرقة\tLOC\r\n  # تعليق\n آشتون كارتر \t PER\n".encode()
    g = read_gazetteer(write(tmp_path, "places.tsv", data), DEFAULT_LABELS, weight=0.9)
    assert [(e.name, e.label, e.line) for e in g.entries] == [
        ("الرقة", "LOC", 3),
        ("آشتون كارتر", "PER", 5),
    ]
    assert (g.name, g.weight) == ("places", 0.9)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("الرقة\tLOC\nالموصل LOC\n", "x.tsv, line 2: no tab: a line is name<TAB>label"),
        ("الرقة\tLOC\textra\n", "x.tsv, line 1: 3 fields: a line is name<TAB>label, one tab"),
        ("\tLOC\n", "x.tsv, line 1: empty name"),
        ("الرقة\t\n", "x.tsv, line 1: empty label for 'الرقة'"),
        ("«»\tLOC\n", "x.tsv, line 1: the name '«»' holds no word"),
        (
            "الرقة\tPLACE\n",
            "x.tsv, line 1: unknown label 'PLACE' (the project's labels: PER, ORG, LOC, MISC, "
            "EVENT, QUOTE)",
        ),
        ("# nothing\n\n", "x.tsv: no names in this gazetteer"),
    ],
)
def test_bad_tsv_lines(content: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        loads(content, "x.tsv", DEFAULT_LABELS)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_every_bad_line_is_listed_and_nothing_is_returned() -> None:
    content = "الرقة\tLOC\nسوريا\tPLACE\nبلا تاب\n\tLOC\nتركيا\tLOC\n"
    with pytest.raises(GazetteerError) as caught:
        loads(content, "x.tsv", DEFAULT_LABELS)
    assert str(caught.value).startswith("x.tsv, line 2: unknown label 'PLACE'")
    assert str(caught.value).endswith("(and 2 more bad lines)")
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "x.tsv, line 2",
        "x.tsv, line 3",
        "x.tsv, line 4",
    ]


def test_without_a_label_set_the_label_names_are_checked() -> None:
    g = loads("الرقة\tPLACE\n", "x.tsv")
    assert g.entries[0].label == "PLACE"
    with pytest.raises(InputError, match="line 1: label 'A\\\\u202eB': a name cannot hold a bidi"):
        loads("الرقة\tA\u202eB\n", "x.tsv")


def test_json_list_of_objects(tmp_path: Path) -> None:
    data = '[\n  {"name": "الرقة", "label": "LOC"},\n  {"name": "داعش", "label": "ORG"}\n]\n'
    g = read_gazetteer(write(tmp_path, "g.json", data), DEFAULT_LABELS)
    assert [(e.name, e.label, e.line) for e in g.entries] == [
        ("الرقة", "LOC", 2),
        ("داعش", "ORG", 3),
    ]


def test_json_object_of_lists() -> None:
    g = loads('{\n "LOC": ["الرقة", "الموصل"],\n "ORG": ["داعش"]\n}', "g.json", DEFAULT_LABELS)
    assert [(e.name, e.label, e.line) for e in g.entries] == [
        ("الرقة", "LOC", 2),
        ("الموصل", "LOC", 2),
        ("داعش", "ORG", 3),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '[\n{"name": "الرقة", "label": "LOC"},\n{"name": "x" "label": "LOC"}\n]',
            "g.json, line 3: invalid JSON: Expecting ',' delimiter at column 14",
        ),
        ('[\n{"name": "الرقة", "label": "PLACE"}\n]', "g.json, line 2: unknown label 'PLACE'"),
        ('[{"name": "الرقة"}]', 'g.json: entry 1: "label" must be a string (missing)'),
        ('[{"name": 3, "label": "LOC"}]', 'g.json: entry 1: "name" must be a string (a number)'),
        ('["الرقة"]', "g.json: entry 1 must be an object, not a string"),
        ('{"LOC": "الرقة"}', "g.json, line 1: 'LOC' must map to a list of names, not a string"),
        ('{"LOC": [1]}', "g.json, line 1: the names of 'LOC' must be strings, not a number"),
        ('{\n"LOC": ["الرقة", ""]\n}', "g.json, line 2: empty name"),
        ("[]", "g.json: no names in this gazetteer"),
        ('"الرقة"', 'g.json: a JSON gazetteer is a list of {"name", "label"} objects'),
    ],
)
def test_bad_json(content: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        loads(content, "g.json", DEFAULT_LABELS)
    assert str(caught.value).startswith(message)


def test_the_suffix_decides_then_the_content() -> None:
    assert loads("[كذا]\tMISC\n", "g.tsv").entries[0].name == "[كذا]"
    assert loads('[{"name": "الرقة", "label": "LOC"}]', "g").entries[0].name == "الرقة"
    with pytest.raises(InputError, match=r"g\.json, line 1: invalid JSON"):
        loads("الرقة\tLOC\n", "g.json")


def test_files_that_are_not_text(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="binary file"):
        read_gazetteer(write(tmp_path, "g.tsv", b"\x00\x01\x02"))
    with pytest.raises(InputError, match="empty file"):
        read_gazetteer(write(tmp_path, "e.tsv", b""))
    with pytest.raises(InputError, match="cannot read the file"):
        read_gazetteer(tmp_path / "missing.tsv")
