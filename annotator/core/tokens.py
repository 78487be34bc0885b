"""Tokens and sentences with code-point offsets.

pyarabic's ``tokenize`` gives no offsets and glues punctuation to words; ``tokenize_with_location``
drops punctuation. This tokenizer keeps every non-space character in exactly one token:

- a word is a run of letters, digits, combining marks (tashkeel), tatweel, ZWNJ/ZWJ;
- a number with inner separators stays whole: 3.5, 2,016, ٣٫٥;
- every other visible character (« » ، ؛ ؟ . , : ( ) " - and symbols) is a token of its own,
  with any combining marks or variation selectors that follow it; an emoji stays whole with its
  skin tone, its ZWJ sequence (👨‍👩‍👧), its keycap (1️⃣) or its flag pair (🇸🇦);
- spaces, line breaks, NBSP and bidi control marks (LRM, RLM, ALM, embeddings, isolates, BOM)
  separate tokens and belong to none, so a newline is never inside a token.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff"  # Arabic extended-A marks
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # combining marks, keycap U+20E3
    "\ufe00-\ufe0f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff"  # selectors, skin tones
    "\U000e0020-\U000e007f"  # emoji tag sequences (subdivision flags)
)
_JOINERS = "\u0640\u200c\u200d"
_GAP = "\\s\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"
_WORD = rf"[^\W_]|[_{_MARKS}{_JOINERS}]"

_TOKEN_RE = re.compile(
    rf"""
    \d+(?:[.,\u066b\u066c]\d+)+          # numbers with inner separators: 3.5  1,000  ٣٫٥
    | (?:{_WORD})+                        # words with their marks and tatweel
    | [\U0001f1e6-\U0001f1ff]{{2}}        # a flag: a pair of regional indicators
    | [^{_GAP}{_MARKS}][{_MARKS}]*        # any other visible character, with trailing marks,
      (?:\u200d[^\w{_GAP}{_MARKS}][{_MARKS}]*)*   # and the emoji joined to it by ZWJ
    | [{_MARKS}]+                         # stray marks (after a space)
    """,
    re.VERBOSE,
)

SENTENCE_END = frozenset(".!?؟…")
CLOSERS = frozenset("»\"')]}”’›")
DECIMAL_SEPARATORS = frozenset(".,\u066b\u066c")  # . , and the Arabic decimal and thousands
PERCENT_SIGNS = frozenset("%\u066a\u2030\u2031\ufe6a\uff05")  # % ٪ ‰ ‱ and their variants


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        """True for words and numbers (also when they start with tatweel or ZWNJ)."""
        return any(ch.isalnum() for ch in self.text)


def tokenize(text: str) -> list[Token]:
    """Tokens in order; every token's text is ``text[start:end]``."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def token_offsets(text: str) -> list[tuple[int, int]]:
    """Only the ``(start, end)`` pairs: the fast path for benchmarks and highlighting."""
    return [m.span() for m in _TOKEN_RE.finditer(text)]


def selection_units(text: str) -> list[Token]:
    """What a selection snaps to: the tokens, with a number whole with its decimal point and
    its percent sign (docs/adr/0036).

    The tokenizer keeps 3.5 whole, but not 25% (``25`` ``%``: export tokens stay as they are)
    nor a number glued to a letter (بـ4.3%: ``بـ4`` ``.`` ``3`` ``%``). Here a token ending in
    a digit takes in a directly following ``.``/``,``/``٫``/``٬`` plus digits, and a directly
    following percent sign (% ٪ ‰ ‱), so a drag touching any part of 25% or بـ4.3% selects it
    all.
    """
    tokens = tokenize(text)
    units: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        start, end = tokens[i].start, tokens[i].end
        i += 1
        while i < n and tokens[i].start == end and text[end - 1].isdigit():
            nxt = tokens[i]
            if nxt.end - nxt.start == 1 and text[nxt.start] in PERCENT_SIGNS:
                end, i = nxt.end, i + 1
            elif (
                nxt.end - nxt.start == 1
                and text[nxt.start] in DECIMAL_SEPARATORS
                and i + 1 < n
                and tokens[i + 1].start == nxt.end
                and text[nxt.end].isdigit()
            ):
                end, i = tokens[i + 1].end, i + 2
            else:
                break
        units.append(Token(start, end, text[start:end]))
    return units


def word_tokens(text: str) -> Iterator[str]:
    """The text of every word token, one at a time (counting words needs no token list)."""
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        if any(ch.isalnum() for ch in word):
            yield word


class TokenList(Sequence[Token]):
    """The tokens of one text as two arrays of offsets: 8 bytes a token, where a list of
    Token objects takes about 170 (a 100 MB article has 11 million tokens). A Token is made
    when an item is read; ``starts`` and ``ends`` are the offsets themselves (C ints: a
    text of up to 2 ** 31 characters)."""

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: array[int], ends: array[int]) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends

    @classmethod
    def of(cls, text: str) -> TokenList:
        """The tokenizer's tokens of ``text`` (as ``tokenize``), without a Token each."""
        starts, ends = array("i"), array("i")
        for m in _TOKEN_RE.finditer(text):
            a, b = m.span()
            starts.append(a)
            ends.append(b)
        return cls(text, starts, ends)

    @classmethod
    def from_pairs(cls, text: str, pairs: Iterable[tuple[int, int]]) -> TokenList:
        starts, ends = array("i"), array("i")
        for a, b in pairs:
            starts.append(a)
            ends.append(b)
        return cls(text, starts, ends)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> TokenList: ...

    def __getitem__(self, index: int | slice) -> Token | TokenList:
        if isinstance(index, slice):
            return TokenList(self.text, self.starts[index], self.ends[index])
        a, b = self.starts[index], self.ends[index]
        return Token(a, b, self.text[a:b])

    def __iter__(self) -> Iterator[Token]:
        text = self.text
        for a, b in zip(self.starts, self.ends, strict=True):
            yield Token(a, b, text[a:b])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TokenList):
            return (self.text, self.starts, self.ends) == (other.text, other.starts, other.ends)
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TokenList({len(self)} tokens)"


def offsets_of(tokens: Sequence[Token]) -> tuple[Sequence[int], Sequence[int]]:
    """The starts and ends of ``tokens``: the arrays of a TokenList, else two lists."""
    if isinstance(tokens, TokenList):
        return tokens.starts, tokens.ends
    return [t.start for t in tokens], [t.end for t in tokens]


def sentence_token_ranges(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Sentences as ``[first, last)`` token index ranges.

    A sentence ends after . ! ? ؟ … (and any closing quotes or brackets that follow, and any
    further end marks: «..», "؟!"), and wherever a line break separates two tokens. Commas,
    and the dot inside a number (3.5 is one token), never end a sentence. A quote or bracket
    after a space opens the next sentence (انتهى. "قال) rather than closing this one.
    """
    starts, ends = offsets_of(tokens)

    def is_(k: int, marks: frozenset[str]) -> bool:  # the token is one of ``marks``
        return ends[k] - starts[k] == 1 and text[starts[k]] in marks

    ranges: list[tuple[int, int]] = []
    first = 0
    n = len(starts)
    for i in range(n - 1):
        end, following = ends[i], starts[i + 1]
        if text.find("\n", end, following) >= 0:
            ranges.append((first, i + 1))
            first = i + 1
            continue
        ends_here = is_(i, SENTENCE_END) or (is_(i, CLOSERS) and _after_end(is_, i, first))
        closes = following == end and is_(i + 1, CLOSERS)
        if ends_here and not is_(i + 1, SENTENCE_END) and not closes:
            ranges.append((first, i + 1))
            first = i + 1
    if first < n:
        ranges.append((first, n))
    return ranges


def _after_end(is_: Callable[[int, frozenset[str]], bool], i: int, first: int) -> bool:
    """True if the closers ending at token i follow a sentence-end mark."""
    j = i
    while j > first and is_(j, CLOSERS):
        j -= 1
    return is_(j, SENTENCE_END)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)`` code-point offsets, from first to last token."""
    tokens = tokenize(text)
    return [(tokens[a].start, tokens[b - 1].end) for a, b in sentence_token_ranges(text, tokens)]
