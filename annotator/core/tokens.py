"""Tokens and sentences with code-point offsets (docs/adr/0044).

pyarabic's ``tokenize`` gives no offsets and glues punctuation to words; ``tokenize_with_location``
drops punctuation. This tokenizer keeps every visible character in exactly one token:

- a word is a run of letters, digits, combining marks (tashkeel), tatweel, ZWNJ/ZWJ;
- a number is one token with its inner separators, its range dash and a percent sign right
  after it: 3.5, 2,016, ٣٫٥, بـ34.3, 30%, ٢٥٪, 1931–32, 1625-1649;
- a Latin apostrophe between letters stays in its word (O'Donnell, GNU's);
- initials and one-letter abbreviations keep their dots: د. ق.م. J.R. (so no sentence ends
  there); a URL (http://, https://, www.) and an e-mail address are one token each;
- a soft hyphen, ZWSP, word joiner, LRM, RLM or ALM between two word characters is inside the
  word (الر\u00adقة is one token); elsewhere they separate tokens like spaces;
- a run of one repeated dash, star or apostrophe (-- ** '') is one token;
- every other visible character (« » ، ؛ ؟ . , : ( ) " - and symbols) is a token of its own,
  with any combining marks or variation selectors that follow it; an emoji stays whole with its
  skin tone, its ZWJ sequence (👨‍👩‍👧), its keycap (1️⃣) or its flag pair (🇸🇦);
- spaces, line breaks, NBSP and bidi control marks (LRM, RLM, ALM, embeddings, isolates, BOM)
  separate tokens and belong to none, so a newline is never inside a token.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import overload

_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
    "\u08d3-\u08e1\u08e3-\u08ff"  # Arabic extended-A marks
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # combining marks, keycap U+20E3
    "\ufe00-\ufe0f\U000e0100-\U000e01ef\U0001f3fb-\U0001f3ff"  # selectors, skin tones
    "\U000e0020-\U000e007f"  # emoji tag sequences (subdivision flags)
)
_JOINERS = "\u0640\u200c\u200d"
INVISIBLE_IN_WORD = "\u00ad\u200b\u2060\u200e\u200f\u061c"
"""Soft hyphen, ZWSP, word joiner, LRM, RLM, ALM: inside a word when between word characters."""
_GAP = "\\s\u200e\u200f\u061c\u00ad\u200b\u2060\u202a-\u202e\u2066-\u2069\ufeff"
_WORD = rf"[\w{_MARKS}{_JOINERS}]"  # letters, digits, _, marks, tatweel, ZWNJ/ZWJ
_LETTER = r"[^\W\d_]"
_LATIN = "A-Za-z\u00c0-\u024f"
_PERCENT = "%\u066a\u2030\u2031\ufe6a\uff05"  # % ٪ ‰ ‱ and their small and wide forms
_INNER = rf"""
    (?<=\d)[.,\u066b\u066c\-\u2013](?=\d)          # 3.5  1,000  ٣٫٥  1931–32  1625-1649
    | (?<=[{_LATIN}])['\u2019](?=[{_LATIN}])        # O'Donnell  GNU's
    | (?<={_WORD})[{INVISIBLE_IN_WORD}]+(?={_WORD}) # الر<soft hyphen>قة
"""
_URL = rf"(?:https?://|ftp://|www\.)[^{_GAP}<>\"«»()\[\]{{}}]*[^{_GAP}<>\"«»()\[\]{{}}.,;:!?'،؛؟]"
_EMAIL = r"[A-Za-z0-9][A-Za-z0-9._%+\-]*@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"

# A run of two or more bare Arabic letters that nothing of a word follows: what the rules below
# would make of it anyway (no URL, e-mail or initial starts so; a word ends where no word
# character or invisible mark follows), matched first because most tokens of a news text are
# such words (docs/adr/0050: a third of the tokenizer's time).
_ARABIC_WORD = rf"[\u0621-\u063a\u0641-\u064a]{{2,}}(?![\w{_MARKS}{_JOINERS}{INVISIBLE_IN_WORD}])"

_TOKEN_RE = re.compile(
    rf"""
    {_ARABIC_WORD}                        # the common case, as the word rule would cut it
    | {_URL}                              # a URL: http://labs.google.com/x?a=1
    | {_EMAIL}                            # an e-mail address
    | (?<!{_WORD})(?:{_LETTER}[{_MARKS}]*\.)+(?:{_LETTER}[{_MARKS}]*(?!{_WORD}))?
                                          # initials, one-letter abbreviations: د.  ق.م.  U.S.A
    | {_WORD}+(?:(?:{_INNER}){_WORD}+)*(?:(?<=\d)[{_PERCENT}])?  # words, numbers, percent sign
    | ([-*'])\1+                          # a run of one dash, star or apostrophe: -- ** ''
    | [\U0001f1e6-\U0001f1ff]{{2}}        # a flag: a pair of regional indicators
    | [^{_GAP}{_MARKS}][{_MARKS}]*        # any other visible character, with trailing marks,
      (?:\u200d[^\w{_GAP}{_MARKS}][{_MARKS}]*)*   # and the emoji joined to it by ZWJ
    | [{_MARKS}]+                         # stray marks (after a space)
    """,
    re.VERBOSE,
)

_span = re.Match.span

SENTENCE_END = frozenset(".!?؟…")
CLOSERS = frozenset("»\"')]}”’›")
_BREAK_CANDIDATE = re.compile(
    "[\n" + "".join(re.escape(c) for c in sorted(SENTENCE_END | CLOSERS)) + "]"
)
PERCENT_SIGNS = frozenset(_PERCENT)


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
    """What a selection snaps to: the tokens themselves (docs/adr/0036, 0044).

    A number is one token with its decimal point and percent sign (25%, بـ4.3%), so a drag
    touching any part of it selects it all; a number and a sign apart (``25 %``) stay apart.
    """
    return tokenize(text)


_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE_IN_WORD))


def token_form(token_text: str) -> str:
    """A token's text without the invisible marks inside it (الر<soft hyphen>قة → الرقة): the
    word a CoNLL token column writes. Formats whose offsets index the text keep the slice."""
    return token_text.translate(_INVISIBLE_TABLE)


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
        pairs = array("i", chain.from_iterable(map(_span, _TOKEN_RE.finditer(text))))
        return cls(text, pairs[0::2], pairs[1::2])

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
    the dot inside a number (3.5 is one token) and the dot of initials or a one-letter
    abbreviation (د. ق.م. J.R.: one token with its dot), never end a sentence. A quote or bracket
    after a space opens the next sentence (انتهى. "قال) rather than closing this one.
    """
    starts, ends = offsets_of(tokens)
    n = len(starts)

    def is_(k: int, marks: frozenset[str]) -> bool:  # the token is one of ``marks``
        return ends[k] - starts[k] == 1 and text[starts[k]] in marks

    # Only a token of one end mark or closer, or one a line break follows, can end a sentence:
    # those are found in the text by C loops (a regex, bisect), and only they are looked at.
    candidates: set[int] = set()
    for found in _BREAK_CANDIDATE.finditer(text):
        p = found.start()
        k = bisect_right(starts, p) - 1
        if k < 0 or k >= n - 1:
            continue
        if text[p] == "\n":
            if ends[k] <= p:  # between tokens k and k + 1 (never inside a token)
                candidates.add(k)
        elif starts[k] == p and ends[k] == p + 1:
            candidates.add(k)
    ranges: list[tuple[int, int]] = []
    first = 0
    for i in sorted(candidates):
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
