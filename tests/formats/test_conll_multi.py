"""conll-multi: one IOB2 column per kind; lossless round trip; bad files refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS
from annotator.formats import conll_multi
from annotator.formats.base import ExportOptions, ExportReport
from tests.formats.format_helpers import TEXT, doc_with, relation_ends, sample_doc, triples


def test_layout() -> None:
    out = conll_multi.dumps([sample_doc()], DEFAULT_LABELS, ExportOptions(tokens="segment"))
    lines = out.split("\n")
    assert lines[0] == "# token\tstart\tend\tentity\tevent\tquote"
    assert lines[1].startswith('#doc\t{"id": 1, "title": "doc 1", "text": "قال الرئيس')
    assert lines[2] == "قال\t0\t3\tO\tB-EVENT\tO"
    assert "ب\t29\t30\tO\tO\tO\nالقاهرة\t30\t37\tB-LOC\tO\tO\n" in out
    assert "الإصلاحات\t46\t55\tO\tO\tB-QUOTE\nستستمر\t56\t62\tO\tO\tI-QUOTE\n" in out
    assert "\n\nو\t" in out and "\nأعلنت\t" in out  # blank line between sentences; و split


@pytest.mark.parametrize("tokens", ["segment", "span-edges"])
def test_round_trip_is_lossless(tmp_path: Path, tokens: str) -> None:
    """Exact wherever no span was widened: in segment mode (the analyser splits ب off
    بالقاهرة, the span القاهرة being evidence) and in span-edges mode."""
    docs = [sample_doc(1), sample_doc(2)]
    report = ExportReport()
    conll_multi.WRITER.write(docs, DEFAULT_LABELS, tmp_path, ExportOptions(tokens=tokens), report)
    assert report.not_expressed == [] and report.widened == [] and report.documents == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["conll-multi.tsv", "export-report.txt"]
    path = tmp_path / "conll-multi.tsv"
    assert conll_multi.READER.sniff(path, path.read_bytes()[:4096])
    back = conll_multi.READER.read(path, DEFAULT_LABELS)
    for doc, got in zip(docs, back, strict=True):
        assert got.document.text == TEXT and got.document.title == doc.document.title
        assert triples(got) == triples(doc)
        assert relation_ends(got) == relation_ends(doc)
        assert got.document.meta["labels"]["QUOTE"] == "quote"


def test_overlap_within_a_kind_is_reported_across_kinds_kept() -> None:
    text = "قال الرئيس عبد الفتاح السيسي"
    doc = doc_with(text, [(4, 28, "PER"), (4, 10, "ORG"), (0, 28, "QUOTE"), (0, 3, "EVENT")])
    report = ExportReport()
    back = conll_multi.loads(
        conll_multi.dumps([doc], DEFAULT_LABELS, report=report), DEFAULT_LABELS
    )
    assert triples(back[0]) == [(0, 3, "EVENT"), (0, 28, "QUOTE"), (4, 28, "PER")]
    assert len(report.not_expressed) == 1 and "span 2 ORG" in report.not_expressed[0]


def test_file_without_doc_lines_rebuilds_text_from_offsets() -> None:
    src = (
        "# token\tstart\tend\tentity\tquote\n"
        "قال\t0\t3\tO\tO\nأوباما\t4\t10\tB-PER\tO\n\n«\t11\t12\tO\tO\nنعم\t12\t15\tO\tB-QUOTE\n"
        "»\t15\t16\tO\tO\n\nفي\t0\t2\tO\tO\nواشنطن\t3\t9\tB-LOC\tO\n"
    )
    docs = conll_multi.loads(src, DEFAULT_LABELS, title="x")
    assert [d.document.text for d in docs] == ["قال أوباما\n«نعم»", "في واشنطن"]
    assert [d.document.title for d in docs] == ["x 1", "x 2"]
    assert triples(docs[0]) == [(4, 10, "PER"), (12, 15, "QUOTE")]
    assert docs[0].document.meta["labels"] == {"PER": "entity", "QUOTE": "quote"}


@pytest.mark.parametrize(
    ("src", "line", "words"),
    [
        ("# token\tstart\tend\tentity_event\tquote\n", 1, "unknown layer 'entity_event'"),
        ("قال\t0\t3\tO\n", 1, "the first line must be the header"),
        ("# token\tstart\tend\tentity\nقال\t0\t3\tX-PER\n", 2, "'X-PER' is not a tag"),
        ("# token\tstart\tend\tentity\nقال\t0\t3\n", 2, "expected 4 tab-separated columns"),
        ("# token\tstart\tend\tentity\nقال\t0\t3\tO\nلا\t1\t3\tO\n", 3, "offsets go backwards"),
        ("# token\tstart\tend\tentity\nقال\t0\t5\tO\n", 2, "is not 5 characters long"),
        (
            '# token\tstart\tend\tentity\n#doc\t{"text": "قال"}\nقول\t0\t3\tO\n',
            3,
            "is not the text at [0, 3)",
        ),
    ],
)
def test_bad_files_name_the_line(src: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as err:
        conll_multi.loads(src, DEFAULT_LABELS, path="m.tsv")
    assert err.value.line == line and words in str(err.value)


def test_shared_example_is_refused_for_its_unknown_layer() -> None:
    """The shared example merges entity and event in one column; we refuse to guess."""
    src = "# token\tstart\tend\tentity_event\tquote\nقال\t0\t3\tB-EVENT\tO\n"
    with pytest.raises(InputError, match="known: entity, event, quote"):
        conll_multi.loads(src, DEFAULT_LABELS)
