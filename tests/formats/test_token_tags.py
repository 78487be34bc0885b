"""The token modes (whole, segment, span-edges), and tags per layer in the four schemes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from annotator.core.clitics import CliticAnalyser
from annotator.core.model import DEFAULT_LABELS, Kind, Span
from annotator.core.tokens import tokenize
from annotator.formats.token_tags import export_tokens, layer_tags, mode_error, tag_names
from tests.strategies import text_with_spans

# The sentence of the format examples (shared/examples/schemes_table.md).
TEXT = "قال الرئيس عبد الفتاح السيسي بالقاهرة أمس إن «الإصلاحات ستستمر»."


def span(start: int, end: int, label: str, ident: int = 0) -> Span:
    return Span(ident or None, 0, start, end, label)


def at(word: str, label: str, ident: int = 0) -> Span:
    start = TEXT.index(word)
    return span(start, start + len(word), label, ident)


def test_span_edges_mode_cuts_the_clitic_off_only_where_a_span_starts() -> None:
    spans = [at("القاهرة", "LOC")]
    tokens = [t.text for t in export_tokens(TEXT, spans, "span-edges")]
    assert tokens[:7] == ["قال", "الرئيس", "عبد", "الفتاح", "السيسي", "ب", "القاهرة"]
    assert [t.text for t in export_tokens(TEXT, [], "span-edges")][5] == "بالقاهرة"  # the leak
    assert [t.text for t in export_tokens(TEXT, spans)][5] == "بالقاهرة"  # whole by default


# An unlabelled وبالقاهرة and a labelled بالقاهرة, والرقة twice (one labelled) and وقال.
SEGMENTED = "وقال الوفد في بالقاهرة إن الرقة هادئة. وبالقاهرة والرقة قال الوفد والرقة."


def test_segment_mode_splits_every_proclitic_the_analyser_finds_labelled_or_not() -> None:
    cairo = SEGMENTED.index("القاهرة")
    spans = [
        span(cairo, cairo + 7, "LOC"),
        span(SEGMENTED.index("الرقة"), SEGMENTED.index("الرقة") + 5, "LOC"),
    ]
    analyser = CliticAnalyser.from_texts([SEGMENTED], ["القاهرة", "الرقة"])
    with_labels = export_tokens(SEGMENTED, spans, "segment", clitics=analyser)
    words = [t.text for t in with_labels]
    assert words[:5] == ["و", "قال", "الوفد", "في", "ب"]
    assert words.count("الرقة") == 3 and words.count("القاهرة") == 2
    assert "وب" in words  # وبالقاهرة = وب + القاهرة, unlabelled
    assert export_tokens(SEGMENTED, [], "segment", clitics=analyser) == with_labels
    result = layer_tags(SEGMENTED, with_labels, spans, mode="segment")
    assert result.widened == [] and result.problems == []  # exact where the analyser agrees


def test_segment_mode_widens_a_span_the_analyser_does_not_split() -> None:
    text = "وصل وفد إلى واشنطن"
    wrong = span(1, 3, "LOC")  # a span starting inside a word the analyser keeps whole
    analyser = CliticAnalyser.from_texts([text])
    tokens = export_tokens(text, [wrong], "segment", clitics=analyser)
    assert [t.text for t in tokens] == ["وصل", "وفد", "إلى", "واشنطن"]
    assert layer_tags(text, tokens, [wrong], mode="segment").widened == [(wrong, 0, 3)]


def test_split_is_refused_with_the_modes_that_replace_it() -> None:
    with pytest.raises(ValueError, match=r"removed.*whole.*segment.*span-edges"):
        export_tokens(TEXT, [], "split")
    assert mode_error("split") is not None and mode_error("segment") is None
    with pytest.raises(ValueError, match="clitic analyser"):
        export_tokens(TEXT, [], "segment")


@given(text_with_spans())
@settings(max_examples=200, deadline=None)
def test_whole_and_segment_tokens_never_depend_on_the_labels(
    case: tuple[str, list[tuple[int, int, str]]],
) -> None:
    text, triples = case
    spans = [span(a, b, label) for a, b, label in triples]
    analyser = CliticAnalyser.from_texts([text], [text[a:b] for a, b, _ in triples])
    for mode in ("whole", "segment"):
        labelled = export_tokens(text, spans, mode, clitics=analyser)
        assert labelled == export_tokens(text, [], mode, clitics=analyser)
        assert "".join(t.text for t in labelled) == "".join(t.text for t in tokenize(text))


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("iob1", ["I-EVENT", "I-PER", "I-PER", "I-PER", "I-PER", "O", "I-LOC"]),
        ("iob2", ["B-EVENT", "B-PER", "I-PER", "I-PER", "I-PER", "O", "B-LOC"]),
        ("bioes", ["S-EVENT", "B-PER", "I-PER", "I-PER", "E-PER", "O", "S-LOC"]),
        ("bilou", ["U-EVENT", "B-PER", "I-PER", "I-PER", "L-PER", "O", "U-LOC"]),
    ],
)
def test_schemes_match_the_reference_table(scheme: str, expected: list[str]) -> None:
    person = span(TEXT.index("الرئيس"), TEXT.index("السيسي") + len("السيسي"), "PER")
    spans = [at("قال", "EVENT"), person, at("القاهرة", "LOC")]
    tokens = export_tokens(TEXT, spans, "span-edges")  # the table splits ب off القاهرة
    tags = layer_tags(TEXT, tokens, spans, scheme, "span-edges").tags
    assert tags[:7] == expected
    assert set(tags[7:]) == {"O"}


def test_iob1_uses_b_only_between_touching_chunks_of_one_label() -> None:
    text = "عبد الفتاح السيسي"
    spans = [span(0, 10, "PER", 1), span(11, 17, "PER", 2)]
    tokens = export_tokens(text, spans)
    assert layer_tags(text, tokens, spans, "iob1").tags == ["I-PER", "I-PER", "B-PER"]


def test_overlap_in_one_layer_keeps_the_outer_span_and_says_why() -> None:
    outer = span(TEXT.index("الرئيس"), TEXT.index("السيسي") + len("السيسي"), "PER", 1)
    inner = at("السيسي", "PER", 2)
    result = layer_tags(TEXT, export_tokens(TEXT, [outer, inner]), [inner, outer])
    assert result.kept == [outer]
    assert [(s, "overlaps span 1" in why) for s, why in result.problems] == [(inner, True)]


def test_whole_mode_widens_and_reports() -> None:
    loc = at("القاهرة", "LOC")
    tokens = export_tokens(TEXT, [loc], "whole")
    result = layer_tags(TEXT, tokens, [loc], mode="whole")
    assert result.widened == [(loc, loc.start - 1, loc.end)]
    assert result.tags[5] == "B-LOC"


def test_span_on_spaces_only_is_a_problem() -> None:
    blank = span(3, 4, "PER")
    result = layer_tags(TEXT, export_tokens(TEXT, [blank]), [blank])
    assert result.kept == []
    assert "no token" in result.problems[0][1]


def test_tag_names_per_layer() -> None:
    assert tag_names(DEFAULT_LABELS, Kind.ENTITY)[:3] == ["O", "B-PER", "I-PER"]
    assert tag_names(DEFAULT_LABELS, Kind.QUOTE, "bilou") == [
        "O",
        "B-QUOTE",
        "I-QUOTE",
        "L-QUOTE",
        "U-QUOTE",
    ]


@settings(max_examples=150, deadline=None)
@given(text_with_spans())
def test_span_edges_tokens_never_cross_a_span_boundary(
    case: tuple[str, list[tuple[int, int, str]]],
) -> None:
    text, triples = case
    spans = [span(a, b, label) for a, b, label in triples]
    tokens = export_tokens(text, spans, "span-edges")
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == "".join(t.text for t in tokenize(text))
    for s in spans:
        for t in tokens:
            assert not t.start < s.start < t.end
            assert not t.start < s.end < t.end
    # every span is either in the tags or reported
    result = layer_tags(text, tokens, spans, mode="span-edges")
    reported = [s for s, _ in result.problems]
    assert all(s in result.kept or s in reported for s in spans)
