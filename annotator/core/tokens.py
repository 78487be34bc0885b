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
from dataclasses import dataclass

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


def sentence_token_ranges(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Sentences as ``[first, last)`` token index ranges.

    A sentence ends after . ! ? ؟ … (and any closing quotes or brackets that follow, and any
    further end marks: «..», "؟!"), and wherever a line break separates two tokens. Commas,
    and the dot inside a number (3.5 is one token), never end a sentence. A quote or bracket
    after a space opens the next sentence (انتهى. "قال) rather than closing this one.
    """
    ranges: list[tuple[int, int]] = []
    first = 0
    n = len(tokens)
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is None:
            break
        if "\n" in text[tok.end : nxt.start]:
            ranges.append((first, i + 1))
            first = i + 1
            continue
        ends = tok.text in SENTENCE_END or (tok.text in CLOSERS and _after_end(tokens, i, first))
        closes = nxt.text in CLOSERS and nxt.start == tok.end
        if ends and nxt.text not in SENTENCE_END and not closes:
            ranges.append((first, i + 1))
            first = i + 1
    if first < n:
        ranges.append((first, n))
    return ranges


def _after_end(tokens: list[Token], i: int, first: int) -> bool:
    """True if the closers ending at token i follow a sentence-end mark."""
    j = i
    while j > first and tokens[j].text in CLOSERS:
        j -= 1
    return tokens[j].text in SENTENCE_END


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentences as ``(start, end)`` code-point offsets, from first to last token."""
    tokens = tokenize(text)
    return [(tokens[a].start, tokens[b - 1].end) for a, b in sentence_token_ranges(text, tokens)]
