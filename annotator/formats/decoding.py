"""Bytes to canonical text: the encodings we accept and the files we refuse.

Accepted, in this order:

1. a byte order mark says it: UTF-8 (EF BB BF), UTF-16 LE (FF FE), UTF-16 BE (FE FF);
2. no mark: UTF-8 when the bytes are valid UTF-8;
3. otherwise Windows-1256 (the Arabic Windows code page), but only when what it decodes to looks
   like Arabic text: the non-ASCII characters are mostly Arabic letters and punctuation. Any other
   byte soup (Latin-1, random bytes) is refused as undecodable rather than guessed.

Refused with an InputError naming the file: a NUL byte without a UTF-16 mark, or more than 1% of
control characters ("binary file"); a file that is empty or holds only white space; bytes that
are none of the above. The result goes through ``canonical_text`` (leading BOMs stripped, CRLF
and CR turned into LF, nothing else). A Windows-1256 file holding UTF-8 Arabic as well is read,
with a note for the import report (``Decoded.notes``). See docs/adr/0005-import-rules.md and
docs/adr/0017-hostile-input.md.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.text import canonical_text

UTF8 = "utf-8"
UTF16LE = "utf-16-le"
UTF16BE = "utf-16-be"
CP1256 = "windows-1256"

_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc except \t\n\v\f\r
# Non-ASCII characters expected in Arabic text encoded as Windows-1256.
_ARABIC_EXTRA = frozenset("\u00a0«»×÷\u200c\u200d\u200e\u200f…–—‘’“”•")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str  # canonical text
    encoding: str
    notes: tuple[str, ...] = ()  # for the import report (a UTF-8 part in a Windows-1256 file)


def read_text(path: Path) -> Decoded:
    """The canonical text of the file at ``path``. InputError (naming the file) if refused."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from exc
    return decode_bytes(data, str(path))


def decode_bytes(data: bytes, path: str) -> Decoded:
    """Decode ``data`` (the content of ``path``, which only names it in errors)."""
    if data.startswith(codecs.BOM_UTF8):
        raw = _decode(data, UTF8, path, skipped=3, what="UTF-8 (it starts with a UTF-8 mark)")
        encoding = UTF8
    elif data.startswith(codecs.BOM_UTF16_LE):
        raw = _decode(data, UTF16LE, path, skipped=2, what="UTF-16 LE")
        encoding = UTF16LE
    elif data.startswith(codecs.BOM_UTF16_BE):
        raw = _decode(data, UTF16BE, path, skipped=2, what="UTF-16 BE")
        encoding = UTF16BE
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise InputError(
                f"binary file (a NUL byte at byte {nul})", path=path, line=_line_at(data, nul)
            )
        try:
            raw = data.decode(UTF8)
            encoding = UTF8
        except UnicodeDecodeError as exc:
            raw = _windows_1256(data, path, exc.start)
            encoding = CP1256
    _refuse_binary(raw, path)
    text = canonical_text(raw)
    if not text or text.isspace():
        raise InputError(
            "empty file (nothing but white space)" if text else "empty file", path=path
        )
    return Decoded(text, encoding, utf8_parts(data) if encoding == CP1256 else ())


# Three Arabic letters or more in a row as UTF-8 (lead byte D8-DB, one continuation byte): in
# Windows-1256 these bytes read as ط ظ ع غ each followed by a symbol (ط§ظ„), which Arabic text
# never is, so such a run is a UTF-8 part of the file, garbled by the Windows-1256 reading.
_UTF8_ARABIC = re.compile(rb"(?:[\xd8-\xdb][\x80-\xbf]){3,}")


def utf8_parts(data: bytes) -> tuple[str, ...]:
    """A note when ``data``, read as Windows-1256, holds runs of UTF-8 Arabic (a file that mixes
    two encodings): those runs are mojibake in the text, which the import must not hide."""
    runs = list(_UTF8_ARABIC.finditer(data))
    if not runs:
        return ()
    first = runs[0].start()
    return (
        f"read as Windows-1256, but {len(runs)} run(s) of its bytes are UTF-8 Arabic (the first "
        f"at byte {first}, line {_line_at(data, first, CP1256)}): the file mixes two encodings "
        "and those parts are garbled in the text (ال reads ط§ظ„); convert the file to UTF-8",
    )


def decode_utf8(data: bytes, path: str) -> str:
    """UTF-8 (a leading mark skipped), for files only ever written in it (brat's ``.ann`` and
    ``annotation.conf``); InputError naming the byte and line that is not. Empty is fine."""
    skipped = 3 if data.startswith(codecs.BOM_UTF8) else 0
    return _decode(data, UTF8, path, skipped=skipped, what="UTF-8")


def _line_at(data: bytes, pos: int, encoding: str = UTF8, skipped: int = 0) -> int:
    """The 1-based line of byte ``pos``: the lines decoded before it, bad bytes replaced."""
    return data[skipped:pos].decode(encoding, errors="replace").count("\n") + 1


def _decode(data: bytes, encoding: str, path: str, *, skipped: int, what: str) -> str:
    try:
        return data[skipped:].decode(encoding)
    except UnicodeDecodeError as exc:
        at = exc.start + skipped
        raise InputError(
            f"undecodable bytes: not valid {what} at byte {at}",
            path=path,
            line=_line_at(data, at, encoding, skipped),
        ) from exc


def _windows_1256(data: bytes, path: str, bad_at: int) -> str:
    text = data.decode(CP1256, errors="replace")
    foreign = [c for c in text if ord(c) >= 0x80]
    arabic = sum(1 for c in foreign if "\u0600" <= c <= "\u06ff" or c in _ARABIC_EXTRA)
    if "\ufffd" in text or arabic < 0.8 * len(foreign):
        raise InputError(
            f"undecodable bytes at byte {bad_at}: not UTF-8, not UTF-16 with a byte order mark, "
            "and not Arabic Windows-1256 text; convert the file to UTF-8",
            path=path,
            line=_line_at(data, bad_at),
        )
    return text


def _refuse_binary(text: str, path: str) -> None:
    if "\x00" in text:
        raise InputError(f"binary file (a NUL character at {text.index(chr(0))})", path=path)
    if _CONTROLS.search(text) is None:
        return
    controls = len(_CONTROLS.findall(text))
    if controls > max(2, len(text) // 100):
        raise InputError(f"binary file ({controls} control characters)", path=path)


def canonical_with_map(raw: str) -> tuple[str, list[int] | None]:
    """``canonical_text(raw)`` and a map from every offset in ``raw`` (0..len) to one in the result.

    None when the text is already canonical (the map would be the identity). Offsets inside a
    dropped character (a leading BOM, the CR of a CRLF) map to where that character stood.
    """
    if "\r" not in raw and not raw.startswith("\ufeff"):
        return raw, None  # already canonical
    text = canonical_text(raw)
    mapping: list[int] = []
    out = 0
    i = 0
    n = len(raw)
    while i < n and raw[i] == "\ufeff":
        mapping.append(0)
        i += 1
    while i < n:
        mapping.append(out)
        if raw[i] == "\r" and i + 1 < n and raw[i + 1] == "\n":
            i += 1
            mapping.append(out)
        out += 1
        i += 1
    mapping.append(out)
    return text, mapping


# A \\uD800-\\uDBFF escape not followed by a \\uDC00-\\uDFFF one, or a low one without a high one
# before it (an escaped backslash before the "u" is not caught: the walk below decides).
_LONE_ESCAPE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


def lone_surrogate_error(source: str, value: object) -> tuple[str, int] | None:
    """Why the JSON ``value`` parsed from ``source`` cannot be stored, and on which line of
    ``source`` (1-based); None when it can.

    ``json.loads`` turns an escape such as ``\\ud83d`` without its pair into a lone surrogate,
    which is not a character: no UTF-8 file and no SQLite text can hold it. The message gives the
    column of the escape when it can find it.
    """
    if "\\u" not in source or not _has_surrogate(value):
        return None
    found = _LONE_ESCAPE.search(source)
    if found is None:
        where, line = "", 1
    else:
        line = source.count("\n", 0, found.start()) + 1
        column = found.start() - (source.rfind("\n", 0, found.start()) + 1) + 1
        where = f" {found.group()} at column {column}"
    message = (
        f"a lone UTF-16 surrogate escape{where}: half of a broken character pair, which is not "
        "a character; fix the program that wrote this JSON"
    )
    return message, line


def _has_surrogate(value: object) -> bool:
    if isinstance(value, str):
        return not value.isascii() and any("\ud800" <= c <= "\udfff" for c in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_surrogate(v) for v in value)
    return False


TITLE_MAX = 200


def title_from_text(text: str) -> str:
    """The first non-empty line, stripped; cut at a word boundary after TITLE_MAX characters."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            if len(line) <= TITLE_MAX:
                return line
            cut = line.rfind(" ", 0, TITLE_MAX)
            return line[: cut if cut > TITLE_MAX // 2 else TITLE_MAX].rstrip() + "…"
    return ""


CHUNK = 1 << 20  # bytes read at a time by the line reader's check


def utf8_lines(path: Path) -> Iterator[tuple[int, str]] | None:
    """The canonical lines of a UTF-8 file, numbered from 1, read one at a time: the lines of
    ``read_text(path).text.split("\\n")``, never the whole text at once (docs/adr/0047).

    None when the file is anything but plain UTF-8 text (a UTF-16 mark, bytes that are not
    UTF-8, a NUL, a binary file, an empty one): ``read_text`` then reads it whole and says
    what it is, exactly as before. A first pass over the bytes checks that, in chunks."""
    decoder = codecs.getincrementaldecoder(UTF8)()
    controls = chars = 0
    lead = blank = True  # lead: nothing but U+FEFF so far (canonical_text strips those)
    try:
        with path.open("rb") as f:
            head = f.read(CHUNK)
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return None
            chars -= head.startswith(codecs.BOM_UTF8)  # read_text skips the mark
            chunk = head
            while chunk:
                if b"\x00" in chunk:
                    return None
                text = decoder.decode(chunk)
                chars += len(text)
                controls += len(_CONTROLS.findall(text))
                if blank:
                    rest = text.lstrip("\ufeff") if lead else text
                    lead = lead and not rest
                    blank = rest.isspace() or not rest
                chunk = f.read(CHUNK)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from exc
    if blank or controls > max(2, chars // 100):
        return None
    return _lines(path)


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    number = 0
    with path.open("rb") as f:
        for raw_line in f:
            try:
                line = raw_line.decode(UTF8)
            except UnicodeDecodeError as exc:
                raise InputError("the file changed while it was read", path=str(path)) from exc
            if number == 0:
                line = line.lstrip("\ufeff")
            line = line.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n")
            for piece in line.split("\n"):
                number += 1
                yield number, piece
