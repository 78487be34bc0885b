"""CoNLL export (read back by seqeval in strict mode and by ``spacy convert``) and import."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from seqeval.metrics import classification_report
from seqeval.scheme import BILOU, IOB1, IOB2, IOBES, Entities
from spacy.tokens import DocBin

from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Document, Kind, Span
from annotator.formats import conll, registry
from annotator.formats.base import ExportOptions, ExportReport
from tests.formats.format_helpers import (
    ANERCORP,
    FIXTURES,
    TEXT,
    doc_with,
    labels_of,
    sample_doc,
)

SEQEVAL = {"iob1": IOB1, "iob2": IOB2, "bioes": IOBES, "bilou": BILOU}


@pytest.fixture(scope="module")
def anercorp() -> tuple[list[AnnotatedDocument], list[str]]:
    return conll.read_with_notes(ANERCORP, DEFAULT_LABELS)


@pytest.fixture(scope="module")
def anercorp_lines() -> list[str]:
    return ANERCORP.read_text(encoding="utf-8").split("\n")


def sentences_of(conll_text: str) -> list[list[tuple[str, str]]]:
    """(token, tag) sentences, as every CoNLL reader splits them (DOCSTART aside)."""
    out: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    for line in conll_text.split("\n"):
        if not line:
            if sent:
                out.append(sent)
            sent = []
        elif not line.startswith("-DOCSTART-"):
            fields = line.split(" ")
            assert len(fields) == 4 and fields[1:3] == ["_", "_"], line
            sent.append((fields[0], fields[3]))
    return out


def test_layout_docstart_blank_lines_and_whole_clitic_tokens() -> None:
    out = conll.dumps([sample_doc(1), sample_doc(2)], DEFAULT_LABELS)
    lines = out.split("\n")
    assert lines[:4] == ["-DOCSTART- -X- O O", "", "قال _ _ O", "الرئيس _ _ B-PER"]
    assert "السيسي _ _ I-PER\nبالقاهرة _ _ B-LOC\n" in out  # whole tokens by default
    assert out.count("-DOCSTART- -X- O O\n\n") == 2
    assert ". _ _ O\n\nوأعلنت _ _ O\n" in out  # a blank line between sentences
    assert out.endswith(". _ _ O\n\n")


def test_a_soft_hyphen_inside_a_word_is_one_token_without_it() -> None:
    # the text keeps U+00AD (a site's hyphenation hint); the export writes one token, the word
    text = "سيطر التنظيم على الر\u00adقة أمس"
    start = text.index("الر")
    out = conll.dumps([doc_with(text, [(start, start + 6, "LOC")])], DEFAULT_LABELS)
    assert "الرقة _ _ B-LOC\nأمس _ _ O\n" in out
    assert "\u00ad" not in out and "I-LOC" not in out


def test_event_and_quote_layers() -> None:
    out = conll.dumps([sample_doc()], DEFAULT_LABELS, ExportOptions(layer=Kind.QUOTE))
    assert "الإصلاحات _ _ B-QUOTE\nستستمر _ _ I-QUOTE\n" in out
    assert "B-PER" not in out
    out = conll.dumps([sample_doc()], DEFAULT_LABELS, ExportOptions(layer=Kind.EVENT))
    assert "قال _ _ B-EVENT\n" in out and "انسحابها _ _ B-EVENT\n" in out


@pytest.mark.parametrize("tokens", ["whole", "segment", "span-edges"])
@pytest.mark.parametrize("scheme", ["iob1", "iob2", "bioes", "bilou"])
def test_seqeval_strict_finds_exactly_our_spans(scheme: str, tokens: str) -> None:
    """In every token mode; in whole mode بالقاهرة stands for القاهرة (a widened span), in
    segment mode ب is split off (the span القاهرة is evidence) and every span is exact."""
    docs = [sample_doc(1), sample_doc(2)]
    out = conll.dumps(docs, DEFAULT_LABELS, ExportOptions(scheme=scheme, tokens=tokens))
    sents = sentences_of(out)
    tags = [[t for _, t in s] for s in sents]
    found = [
        (" ".join(tok for tok, _ in sents[e.sent_id][e.start : e.end]), e.tag)
        for e in Entities(tags, SEQEVAL[scheme], suffix=False).entities
        for e in e
    ]
    text = TEXT
    widened = {"القاهرة": "بالقاهرة"} if tokens == "whole" else {}
    ours = [
        (widened.get(text[s.start : s.end], text[s.start : s.end]), s.label)
        for d in docs
        for s in d.spans
        if s.label in ("PER", "ORG", "LOC", "MISC")
    ]
    assert sorted(found) == sorted(ours)
    report = classification_report(
        tags, tags, mode="strict", scheme=SEQEVAL[scheme], output_dict=True
    )
    assert report["micro avg"]["f1-score"] == 1.0


def test_iob1_entity_at_a_sentence_start_after_one_at_the_end_of_the_last() -> None:
    """The two are adjacent tokens, but in different sentences: no B- (IOB1 B- means "after
    an entity of the same label in this sentence"); seqeval strict finds both."""
    text = "زخم أميركي لمعركتي الموصل\nالرقة تنتظر"
    doc = doc_with(text, [(19, 25, "LOC"), (26, 31, "LOC")])
    out = conll.dumps([doc], DEFAULT_LABELS, ExportOptions(scheme="iob1"))
    sents = [[tag for _, tag in sent] for sent in sentences_of(out)]
    assert sents == [["O", "O", "O", "I-LOC"], ["I-LOC", "O"]]
    assert len([e for es in Entities(sents, IOB1, suffix=False).entities for e in es]) == 2


def test_spacy_convert_reads_our_documents_and_entities(tmp_path: Path) -> None:
    docs = [sample_doc(1), sample_doc(2)]
    path = tmp_path / "entity.conll"
    options = ExportOptions(tokens="segment")  # exact spans here: القاهرة is span evidence
    path.write_text(conll.dumps(docs, DEFAULT_LABELS, options), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(path), str(tmp_path), "--converter", "ner"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    nlp = spacy.blank("xx")
    converted = list(DocBin().from_disk(tmp_path / "entity.spacy").get_docs(nlp.vocab))
    assert len(converted) == 2  # one spaCy doc per -DOCSTART-
    for sdoc, doc in zip(converted, docs, strict=True):
        want = [
            (TEXT[s.start : s.end], s.label)
            for s in sorted(doc.spans, key=lambda s: s.start)
            if s.label in ("PER", "ORG", "LOC")
        ]
        assert [(e.text, e.label_) for e in sdoc.ents] == want


def test_overlapping_entities_keep_the_earlier_longer_and_report_the_rest() -> None:
    text = "الرئيس عبد الفتاح السيسي"
    doc = doc_with(text, [(0, 24, "PER"), (0, 6, "ORG"), (11, 17, "LOC")])
    report = ExportReport()
    out = conll.dumps([doc], DEFAULT_LABELS, report=report)
    assert "الرئيس _ _ B-PER\nعبد _ _ I-PER\nالفتاح _ _ I-PER\nالسيسي _ _ I-PER\n" in out
    assert len(report.not_expressed) == 2
    assert report.not_expressed[0].startswith("doc 1 span 2 ORG [0, 6) 'الرئيس': it overlaps")
    assert "span 3 LOC" in report.not_expressed[1]
    assert report.spans_per_label == {"PER": 1}


def test_whole_tokens_widen_and_report() -> None:
    report = ExportReport()
    out = conll.dumps([sample_doc(3)], DEFAULT_LABELS, ExportOptions(tokens="whole"), report)
    assert "بالقاهرة _ _ B-LOC\n" in out
    assert report.widened == ["doc 3 span 3 LOC [30, 37) 'القاهرة' widened to 'بالقاهرة'"]


def test_writer_writes_file_and_report(tmp_path: Path) -> None:
    report = ExportReport()
    conll.WRITER.write([sample_doc()], DEFAULT_LABELS, tmp_path, ExportOptions(), report)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entity.conll", "export-report.txt"]
    text = (tmp_path / "export-report.txt").read_text(encoding="utf-8")
    assert "documents: 1" in text and "PER: 1" in text and "entity.conll" in text
    assert "relation" in text  # the speaker relation CoNLL cannot hold is listed


def test_failed_export_leaves_no_file(tmp_path: Path) -> None:
    def docs() -> Iterator[AnnotatedDocument]:
        yield sample_doc(1)
        raise RuntimeError("the store went away")

    with pytest.raises(RuntimeError):
        conll.WRITER.write(docs(), DEFAULT_LABELS, tmp_path, ExportOptions(), ExportReport())
    assert list(tmp_path.iterdir()) == []


# --- import ---------------------------------------------------------------------------------


def test_import_rebuilds_text_and_spans_land_on_the_tokens() -> None:
    src = "قال B-EVENT\nالرئيس B-PER\nعبد I-PER\n( O\nمصر B-LOC\n) O\n« O\nنعم O\n» O\n. O\n"
    docs, _ = conll.loads(src, DEFAULT_LABELS)
    [doc] = docs
    text = doc.document.text
    assert text == "قال الرئيس عبد (مصر) «نعم»."
    assert [(text[s.start : s.end], s.label) for s in doc.spans] == [
        ("قال", "EVENT"),
        ("الرئيس عبد", "PER"),
        ("مصر", "LOC"),
    ]
    assert doc.document.meta["labels"] == {"EVENT": "event", "PER": "entity", "LOC": "entity"}


def test_import_tab_four_columns_bom_crlf_docstart(tmp_path: Path) -> None:
    raw = (
        "\ufeff-DOCSTART-\t-X-\t-X-\tO\r\n\r\nنعم\t_\t_\tO\r\n\r\nقال\tVB\t_\tO\r\n"
        "أوباما\tNN\t_\tB-PER\r\nNew York\tNN\t_\tB-LOC\r\nأ)\t_\t_\tO\r\n\r\n"
        "-DOCSTART-\t-X-\t-X-\tO\r\n\r\nفي\t_\t_\tO\r\n"
        "واشنطن\t_\t_\tB-LOC\r\n"
    )
    path = tmp_path / "x.conll"
    path.write_bytes(raw.encode("utf-8"))
    docs, notes = conll.read_with_notes(path, DEFAULT_LABELS)
    assert [d.document.text for d in docs] == ["نعم\nقال أوباما New York أ)", "في واشنطن"]
    assert [[(d.document.text[s.start : s.end], s.label) for s in d.spans] for d in docs] == [
        [("أوباما", "PER"), ("New York", "LOC")],
        [("واشنطن", "LOC")],
    ]
    assert docs[0].document.meta["tokens"] == [
        [0, 3],
        [4, 7],
        [8, 14],
        [15, 18],
        [19, 23],
        [24, 26],
    ]
    assert notes == []
    assert conll.READER.sniff(path, raw.encode("utf-8")[:4096])


def test_import_iob1_direction_marks_and_pers_labels() -> None:
    src = "\u200fقال O\nجورج I-PERS\u200f\nبوش I-PERS\n\u200f O\nفي O\nالعراق I-LOC\n. O\n"
    docs, notes = conll.loads(src, DEFAULT_LABELS)
    doc = docs[0]
    assert doc.document.text == "قال جورج بوش في العراق."
    assert [(doc.document.text[s.start : s.end], s.label) for s in doc.spans] == [
        ("جورج بوش", "PERS"),
        ("العراق", "LOC"),
    ]
    assert doc.document.meta["labels"]["PERS"] == "entity"
    assert doc.document.meta["direction_marks_removed"] == 2
    assert "tags read as IOB1 (an I- tag starts an entity at line 2)" in notes
    assert "3 direction marks (U+200E, U+200F) removed from tokens and tags" in notes
    assert any(n.startswith("1 tokens made only of direction marks dropped") for n in notes)


def test_no_docstart_cuts_documents_of_fifty_sentences() -> None:
    src = "".join(f"جملة O\nرقم O\n{i} O\n. O\n" for i in range(120))
    docs, notes = conll.loads(src, DEFAULT_LABELS, title="ANERCorp")
    assert [d.document.title for d in docs] == ["ANERCorp 1", "ANERCorp 2", "ANERCorp 3"]
    assert [d.document.text.count("\n") + 1 for d in docs] == [50, 50, 20]
    assert notes[0].startswith("no blank lines between sentences")
    assert "120 sentences cut into 3 documents of 50 sentences" in notes[1]


@pytest.mark.parametrize(
    ("src", "line", "words"),
    [
        ("قال O\nأوباما B-PER\nواشنطن X-LOC\n", 3, "'X-LOC' is not a tag"),
        ("قال O\nأوباما\n", 2, "a token with no tag"),
        ("قال O\nأوباما PER\n", 2, "'PER' is not a tag"),
    ],
)
def test_malformed_files_name_file_and_line(src: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as err:
        conll.loads(src, DEFAULT_LABELS, path="bad.conll")
    assert err.value.line == line and err.value.path == "bad.conll"
    assert words in str(err.value) and str(err.value).startswith(f"bad.conll, line {line}: ")


@pytest.mark.parametrize(("tokens", "cairo"), [("whole", "بالقاهرة"), ("segment", "القاهرة")])
def test_export_then_import_keeps_every_expressed_span(tokens: str, cairo: str) -> None:
    doc = sample_doc()
    out = conll.dumps([doc], DEFAULT_LABELS, ExportOptions(tokens=tokens))
    back, _ = conll.loads(out, DEFAULT_LABELS)
    text = back[0].document.text
    assert [(text[s.start : s.end], s.label) for s in back[0].spans] == [
        ("الرئيس عبد الفتاح السيسي", "PER"),
        (cairo, "LOC"),
        ("وحدات حماية الشعب", "ORG"),
        ("الرقة", "LOC"),
    ]


def test_anercorp_round_trip_whole_tokens(
    anercorp: tuple[list[AnnotatedDocument], list[str]], anercorp_lines: list[str]
) -> None:
    """ANERcorp in, --tokens whole out: the identical token and tag sequence, marks aside."""
    docs, notes = anercorp
    expected, marks = [], 0
    for line in anercorp_lines:
        fields = line.split()
        if not fields or (line[:1] == " " and len(fields) == 1):
            continue
        token = fields[0].replace("\u200e", "").replace("\u200f", "")
        marks += line.count("\u200e") + line.count("\u200f")  # a line has them in 3 columns
        if token:
            expected.append((token, fields[-1]))
    report = ExportReport()
    out = conll.dumps(docs, labels_of(docs), ExportOptions(tokens="whole"), report)
    got = [(tok, tag) for sent in sentences_of(out) for tok, tag in sent]
    assert got == expected
    assert report.widened == [] and report.not_expressed == []
    assert f"{marks} direction marks (U+200E, U+200F) removed from tokens and tags" in notes
    assert sum(d.document.meta.get("direction_marks_removed", 0) for d in docs) == marks - 186


def test_anercorp_documents(anercorp: tuple[list[AnnotatedDocument], list[str]]) -> None:
    docs, notes = anercorp
    assert len(docs) == 98 and docs[0].document.title == "ANERCorp 1"
    assert docs[0].document.text.startswith("فرانكفورت (د ب أ) أعلن اتحاد صناعة السيارات")
    first = docs[0]
    assert [(first.document.text[s.start : s.end], s.label) for s in first.spans[:3]] == [
        ("فرانكفورت", "LOC"),
        ("اتحاد صناعة السيارات", "ORG"),
        ("ألمانيا", "LOC"),
    ]
    assert labels_of(docs).get("PERS") is not None
    assert any("empty token" in n for n in notes) and any("columns" in n for n in notes)


def test_sniff() -> None:
    assert conll.looks_like_conll("قال O\nأوباما B-PER\n".encode())
    assert conll.looks_like_conll(b"-DOCSTART- -X- O O\n\nEU B-ORG\nrejects O\n")
    assert not conll.looks_like_conll("قال الرئيس عبد الفتاح السيسي\nسطر آخر\n".encode())
    assert not conll.looks_like_conll(b'{"text": "x"}\n')
    # direction marks on tokens and on tags (ANERcorp), and " O" lines with an empty token
    assert conll.looks_like_conll(
        "\u200fقال\u200e O\u200f\n أوباما B-PER\u200f\n O\nx O\n".encode()
    )


@pytest.mark.parametrize(
    ("name", "src", "line", "words"),
    [
        ("bad.txt", "قال O\nالرئيس B-PER\nعبد X-PER\nالفتاح I-PER\nقال O\n", 3, "not a tag"),
        ("notag.txt", "قال O\nالرئيس B-PER\nعبد\nالفتاح I-PER\nقال O\n", 3, "no tag"),
        ("bad.conll", "قال O\nالرئيس B-PER\nعبد X-PER\nالفتاح X-PER\nقال O\n", 3, "not a tag"),
        ("marks.txt", "\u200fقال\u200e O\u200f\nعبد PER\u200f\nقال O\nأمس O\n", 2, "not a tag"),
    ],
)
def test_a_conll_file_with_a_bad_line_is_detected_and_refused_at_that_line(
    tmp_path: Path, name: str, src: str, line: int, words: str
) -> None:
    """Not imported as plain text, nor refused as 'cannot tell the format': the line is named."""
    path = tmp_path / name
    path.write_text(src, encoding="utf-8")
    reader = registry.detect(path)
    assert reader.name == "conll"
    with pytest.raises(InputError) as err:
        reader.read(path, DEFAULT_LABELS)
    assert err.value.line == line and words in str(err.value)


def test_plain_text_is_not_taken_for_conll(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("قاذفات B-52 فوق الصحراء\nقال الرئيس عبد الفتاح السيسي\nسطر آخر\n", "utf-8")
    assert registry.detect(path).name == "text"


def test_spans_of_an_unknown_label_are_reported() -> None:
    doc = AnnotatedDocument(Document(4, "t", "قال أوباما"), (Span(1, 4, 4, 10, "NOPE"),))
    report = ExportReport()
    conll.dumps([doc], DEFAULT_LABELS, report=report)
    assert report.not_expressed == [
        "doc 4 span 1 NOPE [4, 10) 'أوباما': its label is not in the label set"
    ]


def test_reads_the_shared_examples() -> None:
    four, notes = conll.read_with_notes(FIXTURES / "formats" / "conll2003_4col.txt", DEFAULT_LABELS)
    two, _ = conll.read_with_notes(FIXTURES / "formats" / "conll_2col.txt", DEFAULT_LABELS)
    for docs in (four, two):
        [doc] = docs
        text = doc.document.text
        assert text == "قال الرئيس عبد الفتاح السيسي ب القاهرة أمس إن «الإصلاحات ستستمر»."
        assert [(text[s.start : s.end], s.label) for s in doc.spans] == [
            ("قال", "EVENT"),
            ("الرئيس عبد الفتاح السيسي", "ENTITY"),
            ("القاهرة", "ENTITY"),
        ]
    assert notes == ["no blank lines between sentences: a sentence ends at . · ؟ ! ? … tagged O"]


def test_the_report_counts_the_spans_of_the_layers_the_file_does_not_hold() -> None:
    report = ExportReport()
    conll.dumps([sample_doc()], DEFAULT_LABELS, ExportOptions(layer=Kind.ENTITY), report)
    assert any(
        w.startswith("2 event span(s): this file holds the entity layer only")
        for w in report.not_expressed
    )
    assert any(w.startswith("1 quote span(s)") for w in report.not_expressed)
    report = ExportReport()
    conll.dumps([sample_doc()], DEFAULT_LABELS, ExportOptions(layer=Kind.QUOTE), report)
    assert any(w.startswith("4 entity span(s)") for w in report.not_expressed)


def test_a_tag_whose_label_breaks_exports_names_its_line() -> None:
    content = "قال O\nكارتر B-PER\nفي O\nلندن B-LOC\u200b\n"
    with pytest.raises(InputError) as err:
        conll.loads(content, DEFAULT_LABELS, path="a.conll")
    assert str(err.value) == (
        "a.conll, line 4: label 'LOC\\u200b': a name cannot hold an invisible format character"
        " (U+200B ZERO WIDTH SPACE)"
    )
    [doc], _ = conll.loads("كارتر B-PERS\n", DEFAULT_LABELS)
    assert doc.new_labels == {"PERS": Kind.ENTITY} and not doc.spans[0].attributes
