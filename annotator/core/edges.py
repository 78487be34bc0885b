"""The one rule for the edges of a span made by hand: never white space (docs/adr/0035).

A span that an annotator makes or moves keeps the characters they chose, but it never starts
or ends with a space, a tab, a line break (LF, U+2028, U+2029), a no-break or other Unicode
space, or an invisible direction mark (LRM, RLM, ALM, bidi embeddings and isolates, BOM):
none of them is seen at the edge of a highlighted span, and the export formats disagree on
them (JSONL keeps them, brat cuts them, CoNLL reports them). These are exactly the characters
the tokenizer puts between tokens, so a span with clean edges starts and ends inside a token.

The window trims a selection labelled exactly (Alt + label key) and refuses a boundary move
onto such a character; the store refuses a new span or a resize by hand that breaks the rule.
"""

from __future__ import annotations

INVISIBLE_MARKS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


def is_gap(char: str) -> bool:
    """True for a character no span may start or end with (white space, direction marks)."""
    return char.isspace() or char in INVISIBLE_MARKS


def gap_name(char: str) -> str:
    """What the character is, in plain English: "a line break", "a space"..."""
    if char in LINE_BREAKS:
        return "a line break"
    if char in INVISIBLE_MARKS:
        return "an invisible direction mark"
    if char == "\t":
        return "a tab"
    return "a space"


def edge_problem(text: str, start: int, end: int) -> str | None:
    """Why ``text[start:end]`` may not be a span made by hand, or None if its edges are clean.

    "starts with a space", "ends with a line break"... (the range itself is checked elsewhere).
    """
    if not 0 <= start < end <= len(text):
        return None
    return edges_problem(text[start], text[end - 1])


def edges_problem(first: str, last: str) -> str | None:
    """``edge_problem`` from a span's first and last characters only (the store reads just
    these two from a long text)."""
    if is_gap(first):
        return f"starts with {gap_name(first)}"
    if is_gap(last):
        return f"ends with {gap_name(last)}"
    return None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the white space and direction marks at its edges (start ==
    end when nothing else is left)."""
    start, end = max(0, start), min(len(text), end)
    while start < end and is_gap(text[start]):
        start += 1
    while end > start and is_gap(text[end - 1]):
        end -= 1
    return start, end
