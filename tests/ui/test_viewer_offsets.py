"""The code point <-> UTF-16 map, the text handed to Qt, and the per-block span index (no Qt)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import StoredSpan
from annotator.ui.viewer.index import SpanIndex
from annotator.ui.viewer.offsets import OffsetMap, qt_text, u16_length
from tests.strategies import mixed_text, text_with_spans


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


@settings(max_examples=200, deadline=None)
@given(mixed_text)
def test_round_trip_on_every_position(text: str) -> None:
    m = OffsetMap(text)
    assert m.length_u16 == utf16_len(text) == u16_length(text)
    for cp in range(len(text) + 1):
        u16 = m.cp_to_u16(cp)
        assert u16 == utf16_len(text[:cp])
        assert m.u16_to_cp(u16) == cp
        assert m.u16_to_cp(u16, round_up=True) == cp
    for u16 in range(m.length_u16 + 1):
        down, up = m.u16_to_cp(u16), m.u16_to_cp(u16, round_up=True)
        assert m.cp_to_u16(down) <= u16 <= m.cp_to_u16(up)
        assert up - down in (0, 1)


def test_emoji_positions() -> None:
    text = "😀 واشنطن 👍🏽!"
    m = OffsetMap(text)
    assert m.cp_to_u16(1) == 2  # after the first emoji
    assert m.u16_to_cp(1) == 0  # between the halves of the pair: its start
    assert m.u16_to_cp(1, round_up=True) == 1
    start = text.index("و")
    assert m.range_to_u16(start, start + 6) == (start + 1, start + 7)
    assert m.range_to_cp(start + 1, start + 7) == (start, start + 6)
    assert m.cp_to_u16(len(text)) == utf16_len(text)


def test_out_of_range_positions_are_refused() -> None:
    m = OffsetMap("ab😀")
    with pytest.raises(IndexError, match="code point 4"):
        m.cp_to_u16(4)
    with pytest.raises(IndexError, match="UTF-16 position 5"):
        m.u16_to_cp(5)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="a\r\n\ufeff\ufdd0\ufdd1\u2029😀", max_size=30))
def test_qt_text_keeps_every_position(text: str) -> None:
    safe = qt_text(text)
    assert u16_length(safe) == u16_length(text)
    assert "\r" not in safe and "\ufeff" not in safe
    assert [i for i, c in enumerate(text) if c not in "\r\ufeff\ufdd0\ufdd1"] == [
        i for i, c in enumerate(safe) if c == text[i]
    ]


def test_blocks_split_on_line_and_paragraph_separators() -> None:
    text = "أ\nب\u2029ج\n"
    index = SpanIndex(text)
    assert index.block_count == 4
    assert [index.block_start(b) for b in range(4)] == [0, 2, 4, 6]
    assert [index.block_end(b) for b in range(4)] == [1, 3, 5, 6]
    assert index.block_of(1) == 0  # the newline belongs to the block it ends
    assert list(index.blocks_of(0, 3)) == [0, 1]
    assert list(index.blocks_of(2, 2)) == []


def spans_of(raw: list[tuple[int, int, str]]) -> list[StoredSpan]:
    return [StoredSpan(i + 1, 1, s, e, label) for i, (s, e, label) in enumerate(raw)]


@settings(max_examples=100, deadline=None)
@given(text_with_spans())
def test_index_agrees_with_a_scan(case: tuple[str, list[tuple[int, int, str]]]) -> None:
    text, raw = case
    spans = spans_of(raw)
    index = SpanIndex(text, spans)
    for pos in range(len(text)):
        covering = [s for s in spans if s.start <= pos < s.end]
        assert sorted(index.covering(pos)) == sorted(s.id for s in covering)  # type: ignore[misc]
        lengths = [index.get(i).end - index.get(i).start for i in index.covering(pos)]  # type: ignore[union-attr]
        assert lengths == sorted(lengths)
    for block in range(index.block_count):
        lo = index.block_start(block)
        hi = index.block_start(block + 1) if block + 1 < index.block_count else len(text)
        expected = {s.id for s in spans if s.start < hi and s.end > lo}
        assert {s.id for s in index.spans_in_block(block)} == expected


def test_add_replace_remove_report_touched_blocks() -> None:
    text = "\n".join(["سطر"] * 10)  # blocks start every 4 code points
    index = SpanIndex(text, [StoredSpan(1, 1, 4, 7, "PER")])
    assert index.add(StoredSpan(2, 1, 9, 14, "LOC")) == [2, 3]
    assert index.add(StoredSpan(1, 1, 36, 39, "PER")) == [1, 9]  # moved: old and new blocks only
    assert list(index.remove(2)) == [2, 3]
    assert list(index.remove(2)) == []
    assert [s.id for s in index.spans_in_block(9)] == [1]
    with pytest.raises(ValueError, match="outside"):
        index.add(StoredSpan(3, 1, 30, 99, "PER"))


def test_neighbour_walks_reading_order_and_wraps() -> None:
    text = "ا" * 50
    index = SpanIndex(
        text,
        [
            StoredSpan(3, 1, 20, 25, "PER"),
            StoredSpan(1, 1, 0, 10, "QUOTE"),
            StoredSpan(2, 1, 2, 5, "PER"),
        ],
    )
    assert index.neighbour(None, 0) == 1
    assert index.neighbour(1, 0) == 2
    assert index.neighbour(2, 0) == 3
    assert index.neighbour(3, 0) == 1  # wraps
    assert index.neighbour(1, 0, backwards=True) == 3
    assert index.neighbour(None, 6) == 3
    assert index.neighbour(None, 6, backwards=True) == 2
    assert SpanIndex("").neighbour(None, 0) is None
