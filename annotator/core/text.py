"""The canonical text of a document: fixed once at import, never changed afterwards."""

from __future__ import annotations

import hashlib


def canonical_text(raw: str) -> str:
    """Strip every leading U+FEFF and turn CRLF and lone CR into LF. Nothing else.

    No NFC, no tashkeel stripping, no whitespace collapsing: each of these would shift offsets.
    """
    return raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
