"""The canonical text of a document: fixed once at import, never changed afterwards."""

from __future__ import annotations

import hashlib


def canonical_text(raw: str) -> str:
    """Strip every leading U+FEFF and turn CRLF and lone CR into LF. Nothing else.

    No NFC, no tashkeel stripping, no whitespace collapsing: each of these would shift offsets.
    """
    return raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


HASH_SLICE = 1 << 20  # characters encoded at a time: a 100 MB text is never copied whole


def text_sha256(text: str) -> str:
    """The sha256 of the UTF-8 text; UnicodeEncodeError (offsets into ``text``) for a lone
    surrogate, which is no character."""
    digest = hashlib.sha256()
    for i in range(0, len(text), HASH_SLICE):
        try:
            digest.update(text[i : i + HASH_SLICE].encode("utf-8"))
        except UnicodeEncodeError as exc:
            raise UnicodeEncodeError(
                exc.encoding, text, exc.start + i, exc.end + i, exc.reason
            ) from None
    return digest.hexdigest()
