"""canonical_text: leading BOMs go, CRLF and CR become LF, nothing else changes."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.text import canonical_text, text_sha256
from tests.strategies import ALPHABET


def test_leading_boms_are_stripped_inner_ones_kept() -> None:
    assert canonical_text("\ufeff\ufeffنص") == "نص"
    assert canonical_text("نص\ufeffآخر") == "نص\ufeffآخر"


def test_line_ends_become_lf() -> None:
    assert canonical_text("أ\r\nب\rج\nد\r\n") == "أ\nب\nج\nد\n"
    assert canonical_text("\r\r\n\n") == "\n\n\n"


def test_nothing_else_changes() -> None:
    raw = "e\u0301 مُحَمَّد  مـــحمد\u00a0\u200c\u200f\t«داعش» ﻻ 😀 \n\n\n"
    assert canonical_text(raw) == raw


def test_sha256_is_of_the_utf8_text() -> None:
    assert text_sha256("") == hashlib.sha256(b"").hexdigest()
    assert text_sha256("داعش") == hashlib.sha256("داعش".encode()).hexdigest()


_RAW = st.text(alphabet=ALPHABET + "\r\ufeff", max_size=200)


def _reference(raw: str) -> str:
    i = 0
    while i < len(raw) and raw[i] == "\ufeff":
        i += 1
    out = []
    while i < len(raw):
        ch = raw[i]
        if ch == "\r":
            out.append("\n")
            if i + 1 < len(raw) and raw[i + 1] == "\n":
                i += 1
        else:
            out.append(ch)
        i += 1
    return "".join(out)


@settings(max_examples=200, deadline=None)
@given(_RAW)
def test_canonical_text_matches_a_character_by_character_reference(raw: str) -> None:
    out = canonical_text(raw)
    assert out == _reference(raw)
    assert "\r" not in out
    assert not out.startswith("\ufeff")
    assert canonical_text(out) == out


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=200))
def test_text_without_cr_or_leading_bom_is_unchanged(raw: str) -> None:
    assert canonical_text(raw) == raw


def test_the_hash_of_a_long_text_is_taken_in_slices_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    from annotator.core import text as text_module

    monkeypatch.setattr(text_module, "HASH_SLICE", 3)
    sample = "قال 😀 كارتر\nفي لندن"
    assert text_sha256(sample) == hashlib.sha256(sample.encode()).hexdigest()
    with pytest.raises(UnicodeEncodeError) as err:
        text_sha256("abcdefg\ud800")
    assert err.value.start == 7 and err.value.object == "abcdefg\ud800"
