"""Properties: spans -> each format -> spans is the identity wherever the format can express
them; every span it cannot express is named in the export report (nothing dropped silently)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from seqeval.scheme import BILOU, IOB1, IOBES, Entities

from annotator.core.model import DEFAULT_LABELS, SPEAKER, AnnotatedDocument, Kind, Relation
from annotator.core.tokens import tokenize
from annotator.formats import brat, conll, conll_multi, doccano, labelstudio, spacy_docbin
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.tagging import decode
from annotator.formats.token_tags import TOKEN_MODES
from tests.formats.format_helpers import doc_with, relation_ends, triples
from tests.strategies import text_with_spans

KINDS_MIXED = ("PER", "LOC", "EVENT", "QUOTE")
SEQEVAL = {"iob1": IOB1, "bioes": IOBES, "bilou": BILOU}
Ends = tuple[str, tuple[int, int, str], tuple[int, int, str]]
_GAP = re.compile("[\\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")


def named(report: ExportReport, span_id: int | None) -> bool:
    return any(f"span {span_id} " in line for line in report.not_expressed)


def widened(report: ExportReport, span_id: int | None) -> bool:
    return any(f"span {span_id} " in line for line in report.widened)


def moved_with_a_reported_span(
    doc: AnnotatedDocument, start: int, end: int, label: str, report: ExportReport
) -> bool:
    """``[start, end)`` is a span of ours, reported, with only white space of it left out
    (trimmed edges) and, if it was reported as widened, whole tokens' characters added."""
    text = doc.document.text
    for s in doc.spans:
        if s.label != label or not (named(report, s.id) or widened(report, s.id)):
            continue
        if max(s.start, start) >= min(s.end, end):
            continue  # no character in common
        left_out = text[s.start : max(s.start, start)] + text[min(s.end, end) : s.end]
        added = start < s.start or end > s.end
        if not _GAP.sub("", left_out) and (not added or widened(report, s.id)):
            return True
    return False


def exact_or_reported(
    doc: AnnotatedDocument, back: AnnotatedDocument, report: ExportReport
) -> None:
    """Each span read back is one of ours, or one of ours trimmed or widened as the report
    says; each of ours not read back is in the report."""
    assert back.document.text == doc.document.text
    ours = Counter(triples(doc))
    got = Counter(triples(back))
    missing = ours - got
    for span in doc.spans:
        if missing[(span.start, span.end, span.label)]:
            assert named(report, span.id) or widened(report, span.id), (span, report)
    extra = got - ours
    for start, end, label in extra.elements():
        assert moved_with_a_reported_span(doc, start, end, label, report), (start, end, label)


OFFSET_FORMATS: dict[str, Callable[[AnnotatedDocument, ExportReport], AnnotatedDocument]] = {
    "brat": lambda d, r: brat.loads(
        d.document.text, brat.dumps_ann(d, r, "doc 1"), DEFAULT_LABELS, title="t"
    ),
    "doccano": lambda d, r: doccano.loads(doccano.dumps([d], DEFAULT_LABELS, r), DEFAULT_LABELS)[0],
    "labelstudio": lambda d, r: labelstudio.loads(
        labelstudio.dumps([d], DEFAULT_LABELS, r), DEFAULT_LABELS
    )[0][0],
    "spacy": lambda d, r: spacy_docbin.loads(
        spacy_docbin.dumps([d], DEFAULT_LABELS, r), DEFAULT_LABELS
    )[0],
}


@given(text_with_spans(labels=KINDS_MIXED))
@settings(max_examples=100, deadline=None)
def test_offset_formats_keep_every_span(case: tuple[str, list[tuple[int, int, str]]]) -> None:
    text, spans = case
    doc = doc_with(text, spans)
    for name, round_trip in OFFSET_FORMATS.items():
        report = ExportReport()
        back = round_trip(doc, report)
        exact_or_reported(doc, back, report)
        if name in ("doccano", "labelstudio"):
            assert triples(back) == triples(doc) and report.not_expressed == []
        elif name == "brat":  # a brat span cannot begin or end with a line break
            exact = all(text[s.start] != "\n" != text[s.end - 1] for s in doc.spans)
            assert exact == (not report.not_expressed)


@given(text_with_spans(labels=KINDS_MIXED), st.sampled_from(TOKEN_MODES))
@settings(max_examples=100, deadline=None)
def test_conll_multi_is_exact_unless_reported(
    case: tuple[str, list[tuple[int, int, str]]], tokens: str
) -> None:
    text, spans = case
    doc = doc_with(text, spans)
    report = ExportReport()
    options = ExportOptions(tokens=tokens)
    back = conll_multi.loads(
        conll_multi.dumps([doc], DEFAULT_LABELS, options, report), DEFAULT_LABELS
    )
    if tokens == "span-edges":
        assert report.widened == []
    assert len(back) == 1
    exact_or_reported(doc, back[0], report)


@given(text_with_spans())
@example(("0\u200e0", [(1, 2, "PER")]))  # a span of a direction mark only: reported
@settings(max_examples=100, deadline=None)
def test_conll_keeps_tokens_and_labels_of_every_expressed_span(
    case: tuple[str, list[tuple[int, int, str]]],
) -> None:
    """CoNLL rebuilds the text from tokens, so a span comes back as the same tokens (the same
    characters, white space aside) with the same label; the rest is in the report."""
    text, spans = case
    assume(tokenize(text))
    doc = doc_with(text, spans)
    report = ExportReport()
    options = ExportOptions(tokens="span-edges")  # no span widened (see the next test)
    back, _ = conll.loads(conll.dumps([doc], DEFAULT_LABELS, options, report), DEFAULT_LABELS)
    new_text = back[0].document.text
    got = Counter((s.label, _GAP.sub("", new_text[s.start : s.end])) for s in back[0].spans)
    ours = Counter((s.label, _GAP.sub("", text[s.start : s.end])) for s in doc.spans)
    assert not got - ours
    for span in doc.spans:
        key = (span.label, _GAP.sub("", text[span.start : span.end]))
        if (ours - got)[key]:
            assert named(report, span.id) or any(
                named(report, s.id)
                for s in doc.spans
                if (s.label, _GAP.sub("", text[s.start : s.end])) == key
            )


@given(
    text_with_spans(labels=KINDS_MIXED),
    st.sampled_from(["iob1", "bioes", "bilou"]),
    st.sampled_from(TOKEN_MODES),
)
@settings(max_examples=100, deadline=None)
def test_conll_schemes_and_token_modes_read_back_alike(
    case: tuple[str, list[tuple[int, int, str]]], scheme: str, tokens: str
) -> None:
    """Every scheme reads back to the spans IOB2 gives (same tokens, same layer), and in
    ``whole`` mode each span not on token edges is in the report (widened or not expressed)."""
    text, spans = case
    assume(tokenize(text))
    doc = doc_with(text, spans)
    for layer in (Kind.ENTITY, Kind.EVENT, Kind.QUOTE):
        report = ExportReport()
        out = conll.dumps([doc], DEFAULT_LABELS, ExportOptions(layer, scheme, tokens), report)
        base = conll.dumps([doc], DEFAULT_LABELS, ExportOptions(layer, "iob2", tokens))
        got, _ = conll.loads(out, DEFAULT_LABELS)
        want, _ = conll.loads(base, DEFAULT_LABELS)
        assert got[0].document.text == want[0].document.text
        assert triples(got[0]) == triples(want[0])
        sents = [
            [line.rsplit(" ", 1)[1] for line in block.split("\n") if line]
            for block in out.split("\n\n")
            if block and not block.startswith("-DOCSTART-")
        ]
        strict = Entities(sents, SEQEVAL[scheme], suffix=False).entities
        assert [[e.to_tuple()[1:] for e in es] for es in strict] == [
            [(label, a, b) for a, b, label in decode(tags)] for tags in sents
        ]  # seqeval in strict mode finds exactly the entities we mean
        if tokens == "whole":
            edges = {e for t in tokenize(text) for e in (t.start, t.end)}
            for span in doc.spans:
                if DEFAULT_LABELS.kind_of(span.label) != layer:
                    continue
                if span.start not in edges or span.end not in edges:
                    assert any(f"span {span.id} " in w for w in report.widened) or named(
                        report, span.id
                    ), (span, report)


RELATION_FORMATS: dict[str, Callable[[AnnotatedDocument, ExportReport], AnnotatedDocument]] = {
    **OFFSET_FORMATS,
    "conll-multi": lambda d, r: conll_multi.loads(
        conll_multi.dumps([d], DEFAULT_LABELS, report=r), DEFAULT_LABELS
    )[0],
}


@given(text_with_spans(labels=KINDS_MIXED), st.data())
@settings(max_examples=100, deadline=None)
def test_relations_come_back_between_the_same_spans_or_are_reported(
    case: tuple[str, list[tuple[int, int, str]]], data: st.DataObject
) -> None:
    text, spans = case
    assume(len(spans) >= 2)
    doc = doc_with(text, spans)
    pairs = data.draw(
        st.lists(
            st.tuples(st.integers(1, len(spans)), st.integers(1, len(spans))).filter(
                lambda p: p[0] != p[1]
            ),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    relations = tuple(Relation(n, SPEAKER, a, b) for n, (a, b) in enumerate(pairs, 1))
    doc = replace(doc, relations=relations)
    for name, round_trip in RELATION_FORMATS.items():
        report = ExportReport()
        back = round_trip(doc, report)
        got = Counter(relation_ends(back))
        want = Counter(relation_ends(doc))
        for _, *ends in (got - want).elements():  # an end moved only with a reported span
            for start, end, label in ends:
                assert (start, end, label) in triples(doc) or moved_with_a_reported_span(
                    doc, start, end, label, report
                ), (name, report.not_expressed)
        excused: Counter[Ends] = Counter()  # reported, or an end span reported
        for rel in doc.relations:
            if any(f"relation {rel.id} " in line for line in report.not_expressed) or any(
                named(report, i) or widened(report, i) for i in (rel.source_id, rel.target_id)
            ):
                excused[relation_ends(replace(doc, relations=(rel,)))[0]] += 1
        assert not (want - got) - excused, (name, report.not_expressed)
