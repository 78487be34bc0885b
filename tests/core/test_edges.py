"""The span-edge rule: a span made by hand never starts or ends with white space."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core.edges import edge_problem, is_gap, trim
from annotator.core.tokens import tokenize
from tests.strategies import mixed_text

TITLE = "زخم أميركي لمعركتي الموصل والرقة\n\nأرشيفية"


def test_a_line_break_or_space_at_an_edge_is_named() -> None:
    start = TITLE.index("والرقة")
    assert edge_problem(TITLE, start, start + len("والرقة")) is None
    assert edge_problem(TITLE, start, start + len("والرقة") + 1) == "ends with a line break"
    assert edge_problem(TITLE, start - 1, start + 3) == "starts with a space"
    assert edge_problem("\u200fالرقة", 0, 6) == "starts with an invisible direction mark"
    assert edge_problem("الرقة\u00a0", 0, 6) == "ends with a space"  # NBSP


def test_trim_keeps_the_characters_between_the_edges() -> None:
    start = TITLE.index("والرقة")
    assert trim(TITLE, start - 1, start + len("والرقة") + 2) == (start, start + len("والرقة"))
    inner = TITLE.index("الموصل")
    # a space inside is kept: only the edges are trimmed
    assert trim(TITLE, inner, start + 6) == (inner, start + 6)
    a, z = trim(TITLE, start + 6, start + 8)  # two line breaks: nothing left
    assert a == z


@given(mixed_text, st.data())
def test_trimmed_ranges_start_and_end_inside_tokens(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    a, z = trim(text, start, end)
    assert start <= a <= z <= end
    if a < z:
        assert edge_problem(text, a, z) is None
        tokens = tokenize(text)  # the gaps are the tokenizer's: the edges are inside tokens
        assert any(t.start <= a < t.end for t in tokens), (text, a)
        assert any(t.start <= z - 1 < t.end for t in tokens), (text, z)
    else:
        assert all(is_gap(c) for c in text[start:end])
