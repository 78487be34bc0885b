"""Quote marks paired: where the text inside « », “ ” or " " is (docs/adr/0054).

- Guillemets nest: «قال: «داعش» انسحب» is one pair, the outer one; an inner pair is not
  reported. An unclosed « (or one whose » comes more than ``MAX_QUOTE`` characters later) is no
  pair, and the pairs inside it are reported as if it were not there; a stray » is ignored.
- Curly and straight double quotes do not say which side they are on (Arabic text writes “…”
  and ”…“ alike): a mark followed by a letter opens, the next mark preceded by no white space
  closes. They do not nest.
- Pairs of different kinds: the outermost wins, a pair crossing an earlier one is dropped.

A pair may cross line breaks (a quote running over two paragraphs). ``content`` is the text
inside the marks without the white space and direction marks at its edges (core/edges.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.core.edges import trim

MAX_QUOTE = 3000  # characters from opening to closing mark: further apart, no pair
_MARKS_RE = re.compile('[«»“”"]')


@dataclass(frozen=True, slots=True)
class MarkPair:
    """The opening mark at ``opener``, the closing one at ``closer`` (indices of the marks)."""

    opener: int
    closer: int

    def content(self, text: str) -> tuple[int, int]:
        """The quoted text's ``(start, end)``: inside the marks, trimmed (start == end when
        nothing but white space is inside)."""
        return trim(text, self.opener + 1, self.closer)


@dataclass(slots=True)
class _Frame:
    opener: int
    inner: list[MarkPair]


def guillemet_pairs(text: str, limit: int = MAX_QUOTE) -> list[MarkPair]:
    """The outermost « » pairs in order (see the module doc for nesting and unclosed marks)."""
    found: list[MarkPair] = []
    stack: list[_Frame] = []
    for m in _MARKS_RE.finditer(text):
        p, mark = m.start(), m.group()
        if mark not in "«»":
            continue
        while stack and p - stack[0].opener > limit:  # too old to close: never a quote
            found.extend(stack.pop(0).inner)
        if mark == "«":
            stack.append(_Frame(p, []))
        elif stack:
            frame = stack.pop()
            pair = MarkPair(frame.opener, p)
            (stack[-1].inner if stack else found).append(pair)
    for frame in stack:  # unclosed: what they held counts on its own
        found.extend(frame.inner)
    return sorted(found, key=lambda pair: pair.opener)


def double_quote_pairs(text: str, marks: str, limit: int = MAX_QUOTE) -> list[MarkPair]:
    """Pairs of the side-less ``marks`` (``“”`` or ``"``): a mark before a non-space opens, the
    next one after a non-space closes it."""
    found: list[MarkPair] = []
    opener: int | None = None
    n = len(text)
    for m in _MARKS_RE.finditer(text):
        p = m.start()
        if m.group() not in marks:
            continue
        before_space = p + 1 >= n or text[p + 1].isspace()
        after_space = p == 0 or text[p - 1].isspace()
        if opener is not None and not after_space and p - opener <= limit:
            found.append(MarkPair(opener, p))
            opener = None
        elif not before_space:
            opener = p
        else:
            opener = None
    return found


def quote_pairs(text: str, limit: int = MAX_QUOTE) -> list[MarkPair]:
    """Every outermost pair of quote marks of any kind, in order, none crossing another."""
    pairs = [
        *guillemet_pairs(text, limit),
        *double_quote_pairs(text, "“”", limit),
        *double_quote_pairs(text, '"', limit),
    ]
    pairs.sort(key=lambda pair: (pair.opener, -pair.closer))
    kept: list[MarkPair] = []
    for pair in pairs:
        if kept and pair.opener < kept[-1].closer:
            continue  # inside the last one kept (nested) or crossing it: not a pair of its own
        kept.append(pair)
    return kept
