"""The tokenizer and the sentence splitter made faster (docs/adr/0050) cut exactly as before.

The references are the code before: the token regex without the Arabic-word shortcut and with
the word loop written ``W(W|INNER)*``, and the sentence loop that looks at every token. They are
compared on hypothesis texts that mix everything the rules know, on ANERcorp's text and on the
sample article.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import tokens as T
from annotator.core.tokens import (
    CLOSERS,
    SENTENCE_END,
    TokenList,
    offsets_of,
    sentence_token_ranges,
    token_offsets,
    tokenize,
)
from tests.strategies import mixed_text

FIXTURES = Path(__file__).parent.parent / "fixtures"

REFERENCE_RE = re.compile(
    rf"""
    {T._URL}
    | {T._EMAIL}
    | (?<!{T._WORD})(?:{T._LETTER}[{T._MARKS}]*\.)+(?:{T._LETTER}[{T._MARKS}]*(?!{T._WORD}))?
    | (?:{T._WORD})(?:{T._WORD}|{T._INNER})*(?:(?<=\d)[{T._PERCENT}])?
    | ([-*'])\1+
    | [\U0001f1e6-\U0001f1ff]{{2}}
    | [^{T._GAP}{T._MARKS}][{T._MARKS}]*
      (?:\u200d[^\w{T._GAP}{T._MARKS}][{T._MARKS}]*)*
    | [{T._MARKS}]+
    """,
    re.VERBOSE,
)


def reference_sentences(text: str, tokens: TokenList) -> list[tuple[int, int]]:
    starts, ends = offsets_of(tokens)

    def is_(k: int, marks: frozenset[str]) -> bool:
        return ends[k] - starts[k] == 1 and text[starts[k]] in marks

    def after_end(i: int, first: int) -> bool:
        j = i
        while j > first and is_(j, CLOSERS):
            j -= 1
        return is_(j, SENTENCE_END)

    ranges: list[tuple[int, int]] = []
    first = 0
    n = len(starts)
    for i in range(n - 1):
        end, following = ends[i], starts[i + 1]
        if text.find("\n", end, following) >= 0:
            ranges.append((first, i + 1))
            first = i + 1
            continue
        ends_here = is_(i, SENTENCE_END) or (is_(i, CLOSERS) and after_end(i, first))
        closes = following == end and is_(i + 1, CLOSERS)
        if ends_here and not is_(i + 1, SENTENCE_END) and not closes:
            ranges.append((first, i + 1))
            first = i + 1
    if first < n:
        ranges.append((first, n))
    return ranges


def same_as_before(text: str) -> None:
    before = [m.span() for m in REFERENCE_RE.finditer(text)]
    tokens = TokenList.of(text)
    assert list(zip(tokens.starts, tokens.ends, strict=True)) == before
    assert token_offsets(text) == before
    assert [(t.start, t.end) for t in tokenize(text)] == before
    assert sentence_token_ranges(text, tokens) == reference_sentences(text, tokens)


PIECES = st.sampled_from(
    ["قال", "والرقة", "د", "ق", ".", "م", "3", "٫", "5", "%", "–", "-", "'", "O", "s", "بـ",
     "\u064e", "\u0651", "\u0640", "\u200c", "\u200d", " ", "\n", "\u00ad", "\u200b", "\u2060",
     "\u200f", "\u200e", "\u061c", "http://", "www.", "@", "a", "؟", "»", "«", "!", "…", ")",
     '"', "ـ", "ڤ", "ی", "٣", "😀", "\ufeff", "\u00a0", "--", "**"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
def test_the_tokens_and_sentences_of_pieces_are_those_of_before(text: str) -> None:
    same_as_before(text)


@settings(max_examples=300, deadline=None)
@given(mixed_text)
def test_the_tokens_and_sentences_of_mixed_text_are_those_of_before(text: str) -> None:
    same_as_before(text)


def test_anercorp_and_the_sample_article_are_cut_as_before() -> None:
    words = [
        line.rsplit(" ", 1)[0]
        for line in (FIXTURES / "ANERCorp.txt").read_text("utf-8").split("\n")
    ]
    corpus = " ".join(words)
    for at in range(0, len(corpus), 200_000):  # with line breaks now and then
        same_as_before(corpus[at : at + 200_000].replace(" . ", " .\n", 3))
    same_as_before((FIXTURES / "washington-turkey-isis.txt").read_text("utf-8"))
