"""Tokens split at span boundaries, and tags per layer in the four schemes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from annotator.core.model import DEFAULT_LABELS, Kind, Span
from annotator.core.tokens import tokenize
from annotator.formats.token_tags import export_tokens, layer_tags, tag_names
from tests.strategies import text_with_spans

# The sentence of the format examples (shared/examples/schemes_table.md).
TEXT = "قال الرئيس عبد الفتاح السيسي بالقاهرة أمس إن «الإصلاحات ستستمر»."


def span(start: int, end: int, label: str, ident: int = 0) -> Span:
    return Span(ident or None, 0, start, end, label)


def at(word: str, label: str, ident: int = 0) -> Span:
    start = TEXT.index(word)
    return span(start, start + len(word), label, ident)


def test_split_mode_cuts_the_clitic_off() -> None:
    spans = [at("القاهرة", "LOC")]
    tokens = [t.text for t in export_tokens(TEXT, spans)]
    assert tokens[:7] == ["قال", "الرئيس", "عبد", "الفتاح", "السيسي", "ب", "القاهرة"]
    assert [t.text for t in export_tokens(TEXT, spans, "whole")][5] == "بالقاهرة"


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
    tokens = export_tokens(TEXT, spans)
    tags = layer_tags(TEXT, tokens, spans, scheme).tags
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
def test_split_tokens_never_cross_a_span_boundary(
    case: tuple[str, list[tuple[int, int, str]]],
) -> None:
    text, triples = case
    spans = [span(a, b, label) for a, b, label in triples]
    tokens = export_tokens(text, spans)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == "".join(t.text for t in tokenize(text))
    for s in spans:
        for t in tokens:
            assert not t.start < s.start < t.end
            assert not t.start < s.end < t.end
    # every span is either in the tags or reported
    result = layer_tags(text, tokens, spans)
    reported = [s for s, _ in result.problems]
    assert all(s in result.kept or s in reported for s in spans)
