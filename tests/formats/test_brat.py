"""brat standoff: .txt + .ann per document, annotation.conf, relations; import of a folder."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS, Kind, Label, LabelSet, Relation
from annotator.formats import brat
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.brat_conf import ESCAPE_MARK
from tests.formats.format_helpers import (
    FIXTURES,
    TEXT,
    doc_with,
    relation_ends,
    sample_doc,
    triples,
)


def test_files_and_lines(tmp_path: Path) -> None:
    report = ExportReport()
    brat.WRITER.write([sample_doc(3)], DEFAULT_LABELS, tmp_path, ExportOptions(), report)
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["annotation.conf", "doc-000003.ann", "doc-000003.txt", "export-report.txt"]
    assert (tmp_path / "doc-000003.txt").read_text(encoding="utf-8") == TEXT
    ann = (tmp_path / "doc-000003.ann").read_text(encoding="utf-8").splitlines()
    assert ann[0] == "T1\tEVENT 0 3\tقال"
    assert "T2\tPER 4 28\tالرئيس عبد الفتاح السيسي" in ann
    assert "T3\tLOC 30 37\tالقاهرة" in ann
    assert ann[-1] == "R1\tspeaker Arg1:T4 Arg2:T2"
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    assert "# kind: entity\nPER\nORG\nLOC\nMISC\n# kind: event\nEVENT\n# kind: quote\nQUOTE" in conf
    assert "speaker\tArg1:QUOTE, Arg2:PER|ORG" in conf and "<OVERLAP>" in conf


def test_round_trip_folder_and_pair(tmp_path: Path) -> None:
    docs = [sample_doc(1), sample_doc(2)]
    brat.WRITER.write(docs, DEFAULT_LABELS, tmp_path, ExportOptions(), ExportReport())
    assert brat.READER.sniff(tmp_path, b"")
    back = brat.READER.read(tmp_path, DEFAULT_LABELS)
    assert [d.document.title for d in back] == ["doc-000001", "doc-000002"]
    for doc, got in zip(docs, back, strict=True):
        assert got.document.text == TEXT
        assert triples(got) == triples(doc) and relation_ends(got) == relation_ends(doc)
    [one] = brat.READER.read(tmp_path / "doc-000002.ann", DEFAULT_LABELS)
    assert triples(one) == triples(docs[1])


def test_span_over_a_line_break_becomes_fragments(tmp_path: Path) -> None:
    text = "قال «نعم\nلا» ثم"
    doc = doc_with(text, [(5, 11, "QUOTE")])
    ann = brat.dumps_ann(doc, ExportReport(), "doc 1")
    assert ann == "T1\tQUOTE 5 8;9 11\tنعم لا\n"
    notes: list[str] = []
    got = brat.loads(text, ann, DEFAULT_LABELS, title="x", notes=notes)
    assert triples(got) == [(5, 11, "QUOTE")] and notes == []


def test_a_discontinuous_span_is_joined_and_the_import_says_so() -> None:
    text = "قال عبد الفتاح والرئيس السيسي"
    ann = "T1\tPER 4 14;23 29\tعبد الفتاح السيسي\n"  # brat's discontinuous annotation
    notes: list[str] = []
    got = brat.loads(text, ann, DEFAULT_LABELS, title="x", notes=notes)
    assert triples(got) == [(4, 29, "PER")]
    assert notes == [
        "x: 1 discontinuous span(s) (T1) imported as one span from the first fragment to the "
        "last, text between included"
    ]


def test_kinds_from_conf_and_unknown_labels(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("قال جورج بوش", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPERS 4 12\tجورج بوش\nA1\tNegated T1\n", encoding="utf-8")
    (tmp_path / "annotation.conf").write_text(
        "[entities]\n# kind: quote\nSAID\n# kind: entity\nPERS\n[relations]\n", encoding="utf-8"
    )
    docs, notes = brat.read_with_notes(tmp_path, DEFAULT_LABELS)
    [span] = docs[0].spans
    assert span.label == "PERS" and docs[0].new_labels == {"PERS": Kind.ENTITY}
    assert dict(span.attributes) == {"Negated": True}  # a binary brat attribute
    assert notes == []


def test_utf16_offsets_from_brats_client_are_converted(tmp_path: Path) -> None:
    text = "😀 قال أوباما"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPER 7 13\tأوباما\n", encoding="utf-8")  # UTF-16 units
    docs, notes = brat.read_with_notes(tmp_path / "a.txt", DEFAULT_LABELS)
    assert triples(docs[0]) == [(6, 12, "PER")] and "UTF-16" in notes[0]


def test_crlf_and_bom_offsets_are_carried_to_the_canonical_text(tmp_path: Path) -> None:
    raw = "\ufeffسطر\r\nقال أوباما"
    (tmp_path / "a.txt").write_bytes(raw.encode("utf-8"))
    (tmp_path / "a.ann").write_text("T1\tPER 10 16\tأوباما\n", encoding="utf-8")
    [doc] = brat.READER.read(tmp_path / "a.ann", DEFAULT_LABELS)
    assert doc.document.text == "سطر\nقال أوباما"
    assert [doc.document.text[s.start : s.end] for s in doc.spans] == ["أوباما"]


@pytest.mark.parametrize(
    ("ann", "line", "words"),
    [
        ("T1\tPER 0 3\tقال\nT2\tPER 4 x\tأوباما\n", 2, "bad offsets"),
        ("T1\tPER 0 3\tقول\n", 1, "offsets must be character offsets"),
        ("T1\tPER 0 3\tقال\nR1\tspeaker Arg1:T1 Arg2:T9\n", None, "'T9'"),
        ("T1\tPER 0 99\t\n", 1, "outside the text"),
        ("T1\n", 1, "bad text-bound line"),
    ],
)
def test_bad_ann_lines(tmp_path: Path, ann: str, line: int | None, words: str) -> None:
    with pytest.raises(InputError) as err:
        brat.loads("قال أوباما", ann, DEFAULT_LABELS, title="a", path="a.ann")
    assert err.value.line == line and words in str(err.value)


def test_missing_txt_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.ann").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.txt is missing"):
        brat.READER.read(tmp_path, DEFAULT_LABELS)


def test_reads_the_shared_example(tmp_path: Path) -> None:
    """T, R, A (attribute) and # (note) lines are read; the E (event) line is counted."""
    docs, notes = brat.read_with_notes(FIXTURES / "formats" / "brat.ann", DEFAULT_LABELS)
    doc = docs[0]
    assert triples(doc) == [
        (0, 3, "EVENT"),
        (4, 28, "ENTITY"),
        (30, 37, "ENTITY"),
        (46, 62, "QUOTE"),
    ]
    assert relation_ends(doc) == [("SAID_BY", (46, 62, "QUOTE"), (4, 28, "ENTITY"))]
    assert [dict(s.attributes) for s in doc.spans] == [
        {},
        {"EntityType": "PER"},
        {"EntityType": "LOC", "note": "proclitic ب excluded from the span"},
        {},
    ]
    assert notes == [
        "brat: 1 line(s) ignored: events, normalisations, and attributes or notes of anything "
        "but a span"
    ]


def test_a_type_whose_name_breaks_exports_names_its_ann_line() -> None:
    ann = "T1\tPER 0 3\tقال\nT2\tNOM\x07 4 8\tجورج\n"
    with pytest.raises(InputError) as err:
        brat.loads("قال جورج", ann, DEFAULT_LABELS, title="a", path="a.ann")
    assert (
        str(err.value)
        == "a.ann, line 2: label 'NOM\\x07': a name cannot hold a control character (U+0007)"
    )


HOSTILE = {
    "[events]": Kind.QUOTE,  # once opened the events section: the quote came back an entity
    "!X": Kind.EVENT,  # brat: a type that cannot be chosen
    "<OVERLAP>": Kind.ENTITY,  # brat: a macro
    "ORG:GOV|x,y;z": Kind.ENTITY,
    "#x=1": Kind.ENTITY,
    "100%": Kind.EVENT,
    "-": Kind.ENTITY,  # brat: a separator line
    "مكان": Kind.ENTITY,
}


def hostile_labels() -> LabelSet:
    return LabelSet(
        tuple(Label(n, k, "#cccccc", None, i) for i, (n, k) in enumerate(HOSTILE.items()))
    )


def test_labels_with_brat_syntax_are_escaped_and_come_back_with_their_kind(
    tmp_path: Path,
) -> None:
    labels = hostile_labels()
    names = list(HOSTILE)
    text = " ".join(f"كلمة{i}" for i in range(len(names)))
    words = text.split(" ")
    spans = [(text.index(w), text.index(w) + len(w), n) for w, n in zip(words, names, strict=True)]
    doc = doc_with(text, spans)
    report = ExportReport()
    brat.WRITER.write([doc], labels, tmp_path, ExportOptions(), report)
    assert report.not_expressed == []
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8").splitlines()
    sections = [line for line in conf if line.startswith("[")]
    assert sections == ["[entities]", "[relations]", "[events]", "[attributes]"]
    entities = conf[conf.index("[entities]") + 1 : conf.index("[relations]")]
    types = [line for line in entities if line and not line.startswith("#")]
    assert len(types) == len(names)
    assert all(t[0] not in "!<-" and not set(t) & set(":;|,=#") for t in types)
    ann = (tmp_path / "doc-000001.ann").read_text(encoding="utf-8")
    assert "T1\t%5Bevents%5D 0 5\tكلمة0\n" in ann
    docs, notes = brat.read_with_notes(tmp_path, DEFAULT_LABELS)  # a project without them
    assert triples(docs[0]) == triples(doc)
    assert docs[0].new_labels == HOSTILE
    assert notes == []
    # Someone else's brat folder (no escape mark in its conf) is read as written: %5B stays.
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    (tmp_path / "annotation.conf").write_text(conf.replace(ESCAPE_MARK, ""), encoding="utf-8")
    [doc] = brat.READER.read(tmp_path, DEFAULT_LABELS)
    assert doc.spans[0].label == "%5Bevents%5D"


ATTRIBUTES = [
    {"kind": "nominal", "certainty": "high"},  # A lines
    {"kind": "named", "confidence": 0.8, "checked": True, "alias": ["بوش", "جورج"]},
    {"note": "ليس متأكدا\nسطر ثان", "x:y": "a|b", "empty": "", "none": None, "n": 3},
]


def test_span_attributes_are_a_lines_and_a_json_note_and_come_back(tmp_path: Path) -> None:
    text = "قال الرئيس جورج بوش في واشنطن"
    base = doc_with(text, [(4, 10, "MISC"), (11, 19, "PER"), (23, 29, "LOC")])
    spans = tuple(replace(s, attributes=a) for s, a in zip(base.spans, ATTRIBUTES, strict=True))
    doc = replace(base, spans=spans)
    report = ExportReport()
    brat.WRITER.write([doc], DEFAULT_LABELS, tmp_path, ExportOptions(), report)
    assert report.not_expressed == []
    ann = (tmp_path / "doc-000001.ann").read_text(encoding="utf-8").splitlines()
    assert "A1\tkind T1 nominal" in ann and "A2\tcertainty T1 high" in ann
    assert "A3\tkind T2 named" in ann and "A4\tx%3Ay T3 a%7Cb" in ann
    [note] = [line for line in ann if line.startswith("#1\t")]
    assert note.startswith("#1\tAnnotatorNotes T2\t{")
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    assert "kind\tArg:<ENTITY>, Value:named|nominal" in conf
    assert "x%3Ay\tArg:<ENTITY>, Value:a%7Cb" in conf
    [back] = brat.READER.read(tmp_path, DEFAULT_LABELS)
    assert [dict(s.attributes) for s in back.spans] == ATTRIBUTES


def test_a_speaker_link_the_conf_forbids_is_not_written(tmp_path: Path) -> None:
    """The quote's speaker is a LOC (a link an older program let through): annotation.conf says
    `Arg2:PER|ORG`, so the .ann leaves the relation out and the report says why; a label the
    project allows as a speaker is listed in the conf (issue 8 §1)."""
    doc = replace(sample_doc(3), relations=(Relation(1, "speaker", 4, 3),))
    report = ExportReport()
    brat.WRITER.write([doc], DEFAULT_LABELS, tmp_path, ExportOptions(), report)
    ann = (tmp_path / "doc-000003.ann").read_text(encoding="utf-8")
    assert "\nR" not in ann
    [note] = report.not_expressed
    assert "relation 1 speaker" in note and "LOC cannot be a speaker" in note
    loc = replace(DEFAULT_LABELS.labels[2], speaker=True)
    allowed = LabelSet((*DEFAULT_LABELS.labels[:2], loc, *DEFAULT_LABELS.labels[3:]))
    brat.WRITER.write([doc], allowed, tmp_path / "b", ExportOptions(), ExportReport())
    conf = (tmp_path / "b" / "annotation.conf").read_text(encoding="utf-8")
    assert "speaker\tArg1:QUOTE, Arg2:PER|ORG|LOC" in conf
    assert "R1\tspeaker Arg1:" in (tmp_path / "b" / "doc-000003.ann").read_text(encoding="utf-8")
