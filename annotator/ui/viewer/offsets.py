"""Code points (our offsets) <-> UTF-16 code units (Qt's positions), and the text Qt is given.

Pure Python, no Qt: the one place where the two units meet (DESIGN.md §2). Qt positions are
named ``*_u16``. Arabic is all in the BMP; emoji and some symbols are not and take two UTF-16
units, so the map only needs the code-point indices of the non-BMP characters and a bisect.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_SURROGATE = re.compile("[\ud800-\udfff]")

# Characters QTextCursor.insertText() would not keep as they are, mapped to a character of the
# same UTF-16 length that it keeps: CR would merge with a following LF into one block break,
# U+FDD0/U+FDD1 are Qt's frame markers, and a leading U+FEFF is dropped on the way into Qt.
_QT_SAFE = str.maketrans({"\r": "\n", "\ufdd0": "\ufffd", "\ufdd1": "\ufffd", "\ufeff": "\u2060"})

_UNSAFE = "\r\ufdd0\ufdd1\ufeff"

# What Qt splits paragraphs (QTextBlocks) on, once _QT_SAFE has been applied.
BLOCK_SEPARATORS = re.compile("[\n\u2029]")


def qt_text(text: str) -> str:
    """The string to hand to Qt: same length in UTF-16 units, position for position."""
    safe = text.translate(_QT_SAFE) if any(c in text for c in _UNSAFE) else text
    if _SURROGATE.search(safe):  # a lone surrogate cannot cross into a QString intact
        safe = _SURROGATE.sub("\ufffd", safe)
    return safe


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def u16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class OffsetMap:
    """Converts positions in one text between code points and UTF-16 units, both ways.

    ``cp_to_u16`` and ``u16_to_cp`` are O(1) for an all-BMP text and O(log n) otherwise, where
    n is the number of characters outside the BMP.
    """

    __slots__ = ("_astral_cp", "_astral_u16", "length_cp", "length_u16")

    def __init__(self, text: str) -> None:
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 position of the high surrogate of each astral character.
        self._astral_u16 = [cp + k for k, cp in enumerate(self._astral_cp)]
        self.length_cp = len(text)
        self.length_u16 = len(text) + len(self._astral_cp)

    def cp_to_u16(self, cp: int) -> int:
        """The UTF-16 position of code point ``cp`` (0 <= cp <= length_cp)."""
        if not 0 <= cp <= self.length_cp:
            raise IndexError(f"code point {cp} outside 0..{self.length_cp}")
        if not self._astral_cp:
            return cp
        return cp + bisect_left(self._astral_cp, cp)

    def u16_to_cp(self, u16: int, *, round_up: bool = False) -> int:
        """The code point at UTF-16 position ``u16``.

        A position between the two halves of a surrogate pair falls on the character's start,
        or after the character with ``round_up`` (use it for the end of a range).
        """
        if not 0 <= u16 <= self.length_u16:
            raise IndexError(f"UTF-16 position {u16} outside 0..{self.length_u16}")
        if not self._astral_u16:
            return u16
        before = bisect_right(self._astral_u16, u16 - 2)  # astral characters wholly before u16
        if before < len(self._astral_u16) and self._astral_u16[before] == u16 - 1:
            cp = self._astral_cp[before]
            return cp + 1 if round_up else cp
        return u16 - before

    def range_to_u16(self, start: int, end: int) -> tuple[int, int]:
        return self.cp_to_u16(start), self.cp_to_u16(end)

    def range_to_cp(self, start_u16: int, end_u16: int) -> tuple[int, int]:
        """A UTF-16 range widened to whole code points."""
        return self.u16_to_cp(start_u16), self.u16_to_cp(end_u16, round_up=True)
