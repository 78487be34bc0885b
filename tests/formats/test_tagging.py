"""The token layer shared by the token formats: decoding tags, rebuilding text, sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Document, Kind, Span
from annotator.core.tokens import Token, tokenize
from annotator.formats import jsonl, spacy_docbin
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.tagging import (
    analyser_of,
    decode,
    detect_scheme,
    document_tokens,
    join_tokens,
    parse_tag,
    source_tokens,
    starts_with_inside,
    token_table,
)
from annotator.formats.token_tags import TOKEN_MODES, layer_tags, split_at
from tests.formats.format_helpers import at, doc_with, sample_doc
from tests.strategies import text_with_spans


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
        (["I-PER", "I-PER", "O", "I-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),  # IOB1
        (["I-PER", "B-PER", "I-PER"], [(0, 1, "PER"), (1, 3, "PER")]),  # IOB1: B- after same
        (["S-PER", "B-LOC", "I-LOC", "E-LOC", "O"], [(0, 1, "PER"), (1, 4, "LOC")]),
        (["U-PER", "B-LOC", "L-LOC", "U-LOC"], [(0, 1, "PER"), (1, 3, "LOC"), (3, 4, "LOC")]),
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),  # lenient: I- of another label
        (["B-PERS", "I-PERS"], [(0, 2, "PERS")]),
        ([], []),
    ],
)
def test_decode(tags: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert decode(tags) == expected


@given(
    st.lists(st.tuples(st.integers(1, 3), st.sampled_from(["PER", "LOC", ""])), max_size=12),
    st.sampled_from(["iob1", "iob2", "bioes", "bilou"]),
)
@settings(max_examples=150, deadline=None)
def test_decode_inverts_every_scheme(runs: list[tuple[int, str]], scheme: str) -> None:
    """Entities laid out as runs (label "" = outside) survive encode then decode."""
    spans, pos = [], 0
    for length, label in runs:
        if label:
            spans.append(Span(len(spans) + 1, 0, pos, pos + length, label))
        pos += length
    tokens = [Token(i, i + 1, "x") for i in range(pos)]
    tags = layer_tags("x" * pos, tokens, spans, scheme).tags
    assert decode(tags) == [(s.start, s.end, s.label) for s in spans]


def test_parse_tag_refuses_what_is_not_a_tag() -> None:
    assert parse_tag("O") == ("O", "")
    assert parse_tag("B-PERS") == ("B", "PERS")
    for bad in ("X-PER", "B-", "B_PER", "PER", "o", "", "BB-PER", "I- "):
        assert parse_tag(bad) is None, bad


def test_iob1_and_scheme_detection() -> None:
    assert starts_with_inside(["O", "B-PER", "I-PER"]) == -1
    assert starts_with_inside(["O", "I-PER"]) == 1
    assert starts_with_inside(["B-PER", "I-LOC"]) == 1
    assert detect_scheme(["B-PER", "I-PER"]) == "iob2"
    assert detect_scheme(["S-PER", "E-PER"]) == "bioes"
    assert detect_scheme(["U-PER", "L-PER"]) == "bilou"


def test_join_tokens_spaces_and_punctuation() -> None:
    text, offsets = join_tokens(
        [["قال", "(", "د", "ب", "أ", ")", ":", "«", "نعم", "»", "."], ["ثم", "،", "لا", "؟"]]
    )
    assert text == "قال (د ب أ): «نعم».\nثم، لا؟"
    assert [text[a:b] for a, b in offsets] == [
        "قال",
        "(",
        "د",
        "ب",
        "أ",
        ")",
        ":",
        "«",
        "نعم",
        "»",
        ".",
        "ثم",
        "،",
        "لا",
        "؟",
    ]


def test_split_tokens_at_span_edges() -> None:
    text = "والرقة وواشنطن"
    tokens = split_at(text, tokenize(text), [1, 8, 10])
    assert [t.text for t in tokens] == ["و", "الرقة", "و", "وا", "شنطن"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_source_tokens_are_checked_against_the_text() -> None:
    text = "(د ب أ) قال"
    assert [
        t.text for t in source_tokens(text, {"tokens": [[0, 2], [3, 4], [5, 7], [8, 11]]}) or []
    ] == ["(د", "ب", "أ)", "قال"]
    for bad in ([[0, 3]], [[3, 4], [0, 2]], [[0, 99]], [[1, 1]], "x", [[0, "2"]]):
        assert source_tokens(text, {"tokens": bad}) is None
    doc = AnnotatedDocument(Document(1, "t", text, meta={"tokens": [[0, 3]]}))
    assert document_tokens(doc) == tokenize(text)  # bad corpus tokens: ours


def test_token_table_segment_whole_and_sentences() -> None:
    doc = sample_doc()
    report = ExportReport()
    options = ExportOptions(tokens="segment", clitics=analyser_of([doc]))
    table = token_table(doc, DEFAULT_LABELS, [Kind.ENTITY], options, report, "doc 1")
    words = [t.text for t in table.tokens]
    assert "ب" in words and "القاهرة" in words and len(table.sentences) == 2
    # ب of بالقاهرة and و of وأعلنت (a conjunction before a verb)
    assert report.widened == [] and report.not_expressed == [] and report.proclitics_split == 2
    report = ExportReport()
    table = token_table(doc, DEFAULT_LABELS, [Kind.ENTITY], ExportOptions(), report, "doc 1")
    assert report.widened == ["doc 1 span 3 LOC [30, 37) 'القاهرة' widened to 'بالقاهرة'"]
    assert table.extent[3] == (29, 37)


def test_sentences_never_cut_a_span() -> None:
    # "Dr." is no one-letter abbreviation: the tokenizer ends a sentence after it, the span not
    text = "قال Dr. محمد علي. ثم ذهب."
    doc = AnnotatedDocument(Document(1, "t", text), (at(text, "Dr. محمد علي", "PER", 1),))
    table = token_table(doc, DEFAULT_LABELS, [Kind.ENTITY], ExportOptions(), ExportReport(), "d")
    cut = [(a, b) for a, b in table.sentences]
    assert cut == [(0, 6), (6, 9)]  # not after "Dr."


def test_token_texts_are_the_text() -> None:
    tokens = [Token(0, 1, "x")]
    assert split_at("x", tokens, []) == tokens


@given(text_with_spans(labels=("PER", "LOC", "EVENT", "QUOTE")), st.sampled_from(TOKEN_MODES))
@settings(max_examples=100, deadline=None)
def test_every_token_format_cuts_the_same_tokens(
    case: tuple[str, list[tuple[int, int, str]]], mode: str
) -> None:
    """One token rule (``token_tags.export_tokens``): JSONL, the CoNLL formats' token table and
    spaCy's words are the same tokens of a document."""
    doc = doc_with(*case)
    options = ExportOptions(tokens=mode, clitics=analyser_of([doc]))
    record = jsonl.to_record(doc, DEFAULT_LABELS, options, ExportReport())
    table = token_table(doc, DEFAULT_LABELS, list(Kind), options, ExportReport(), "d")
    assert record["token_offsets"] == [[t.start, t.end] for t in table.tokens]
    # spaCy's words spell the text: every token, and words for the gaps
    cut = doc.spans if mode == "span-edges" else ()
    words, spaces = spacy_docbin.words_and_spaces(doc.document.text, table.tokens, cut)
    places, pos = set(), 0
    for word, space in zip(words, spaces, strict=True):
        places.add((pos, pos + len(word)))
        pos += len(word) + space
    assert {(t.start, t.end) for t in table.tokens} <= places
    assert pos == len(doc.document.text)
