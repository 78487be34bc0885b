"""Decoding rules: the encodings accepted at import and the files refused (docs/adr/0005)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InputError
from annotator.core.text import canonical_text
from annotator.formats.decoding import (
    CP1256,
    UTF8,
    UTF16BE,
    UTF16LE,
    canonical_with_map,
    decode_bytes,
    read_text,
    title_from_text,
)
from tests.strategies import ALPHABET

ARABIC = "كشف وزير الدفاع الأميركي آشتون كارتر عن خطة «للتحالف» الدولي، لمحاصرة الموصل والرقة.\n"


def test_utf8_without_and_with_bom() -> None:
    assert decode_bytes(ARABIC.encode(), "a.txt").text == ARABIC
    with_bom = decode_bytes(codecs.BOM_UTF8 + ARABIC.encode(), "a.txt")
    assert with_bom.text == ARABIC
    assert with_bom.encoding == UTF8


@pytest.mark.parametrize(("codec", "name"), [("utf-16-le", UTF16LE), ("utf-16-be", UTF16BE)])
def test_utf16_with_bom(codec: str, name: str) -> None:
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    decoded = decode_bytes(bom + ARABIC.replace("\n", "\r\n").encode(codec), "a.txt")
    assert decoded.text == ARABIC
    assert decoded.encoding == name


def test_windows_1256_when_not_utf8() -> None:
    decoded = decode_bytes(ARABIC.encode("cp1256"), "a.txt")
    assert decoded.text == ARABIC
    assert decoded.encoding == CP1256


def test_crlf_and_cr_become_lf_and_nothing_else_changes() -> None:
    raw = "\ufeffسطر\u00a0أول\r\nسطر ثانٍ\rـــ\u200c"
    assert decode_bytes(raw.encode(), "a.txt").text == "سطر\u00a0أول\nسطر ثانٍ\nـــ\u200c"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\r\n\t  \n", "empty file"),
        ("\u00a0\n".encode(), "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"abc" + bytes(range(1, 9)) * 4, "binary file"),
        ("café crème brûlée".encode("latin-1"), "undecodable bytes"),
        (bytes(range(0xC0, 0x100)), "undecodable bytes"),
        (codecs.BOM_UTF16_LE + "نص".encode("utf-16-le") + b"\x00", "undecodable bytes"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "undecodable bytes"),
        (codecs.BOM_UTF8 + b"ok \xff", "undecodable bytes"),
        (codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "binary file"),
    ],
)
def test_refused_files_name_the_file(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "folder/bad.txt")
    assert reason in str(caught.value)
    assert str(caught.value).startswith("folder/bad.txt")
    assert caught.value.path == "folder/bad.txt"


def test_read_text_of_missing_file_names_it(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    with pytest.raises(InputError, match=r"gone\.txt"):
        read_text(missing)


def test_title_is_the_first_non_empty_line() -> None:
    assert title_from_text("\n  \n  عنوان الخبر  \nالنص") == "عنوان الخبر"
    long = "كلمة " * 100
    title = title_from_text(long)
    assert title.endswith("…")
    assert len(title) <= 201
    assert title_from_text(" \n") == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=ALPHABET + "\r\ufeff", max_size=60))
def test_canonical_map_points_every_offset_to_the_same_place(raw: str) -> None:
    text, mapping = canonical_with_map(raw)
    assert text == canonical_text(raw)
    if mapping is None:
        assert text == raw
        return
    assert len(mapping) == len(raw) + 1
    assert mapping[-1] == len(text)
    assert mapping == sorted(mapping)
    for i in range(len(raw) + 1):
        inside_crlf = 0 < i < len(raw) and raw[i - 1] == "\r" and raw[i] == "\n"
        if not inside_crlf:
            assert mapping[i] == len(canonical_text(raw[:i]))


@pytest.mark.parametrize(
    ("data", "line"),
    [
        ("سطر أول\nسطر ثان\n".encode() + b"\xff\xfe bad\n", 3),  # UTF-8 then a bad byte
        (codecs.BOM_UTF8 + "أ\nب\n".encode() + b"ok \xff", 3),
        (codecs.BOM_UTF16_LE + "أ\nب\nج".encode("utf-16-le") + b"\x00\xd8a\x00", 3),
        (b"one\ntwo\n" + b"\x00\x01", 3),  # a NUL byte on line 3
        ("café\ncrème\nbrûlée".encode("latin-1"), 1),  # the first bad byte is on line 1
    ],
)
def test_refused_bytes_name_their_line(data: bytes, line: int) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.txt")
    assert info.value.line == line
    assert f"bad.txt, line {line}: " in str(info.value)
