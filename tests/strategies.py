"""Hypothesis strategies shared by the property tests.

Text mixes Arabic letters, tashkeel, tatweel, ZWNJ, NBSP, Latin, digits, punctuation, line breaks
and emoji (outside the BMP, two UTF-16 units each): everything that has broken offsets elsewhere.
"""

from __future__ import annotations

from hypothesis import strategies as st

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئىة"
TASHKEEL = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"
SPECIAL = "\u0640\u200c\u00a0\u200f\u200e"  # tatweel, ZWNJ, NBSP, RLM, LRM
LATIN = "abcXYZ"
DIGITS = "0123456789٠١٢٣"
PUNCT = '«»،؛؟.,:()"-!'
SPACES = "  \n"
EMOJI = "😀👍🏽🇸🇦"

ALPHABET = ARABIC_LETTERS + TASHKEEL + SPECIAL + LATIN + DIGITS + PUNCT + SPACES + EMOJI

mixed_text = st.text(alphabet=ALPHABET, max_size=200)
"""Any mix, including strings that begin with marks or spaces."""

arabic_words = st.lists(
    st.text(alphabet=ARABIC_LETTERS + TASHKEEL + "\u0640", min_size=1, max_size=8),
    min_size=1,
    max_size=30,
).map(" ".join)
"""Space-separated Arabic words, with tashkeel and tatweel."""


@st.composite
def text_with_spans(draw: st.DrawFn, labels: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")):
    """A non-empty text and a list of (start, end, label) inside it, possibly overlapping."""
    text = draw(st.text(alphabet=ALPHABET, min_size=1, max_size=200))
    n = len(text)
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, n - 1), st.integers(1, n), st.sampled_from(labels)).filter(
                lambda t: t[0] < t[1]
            ),
            max_size=8,
        )
    )
    return text, spans
