"""Arabic-insensitive search: a folded key of the text with a map back to original offsets.

The key is a derived string, never stored as the document's text (DESIGN.md §2). Folding is
per character (plus one rule for runs of whitespace), decided in ``docs/adr/0002``:

- dropped: tashkeel (harakat, tanween, shadda, sukun, hamza above/below U+0654/U+0655,
  superscript alef U+0670, Quranic marks), tatweel, and invisible format characters
  (ZWNJ, ZWJ, ZWSP, soft hyphen, LRM/RLM/ALM, bidi embeddings and isolates, inner BOMs);
- a hamza's seat stands for it: أ إ آ ٱ → ا, ؤ → و, ئ → ي; ء on the line is a letter and stays;
- ى → ي, ة → ه; Persian ی → ي, ک → ك; Arabic-Indic digits → 0-9, ٫ → . and ٬ → ,;
- Arabic presentation forms (ﻻ) → their letters (NFKC); every whitespace character → one
  space, and whitespace right after whitespace is dropped; everything else is casefolded.

``search_key`` returns the key and ``offsets``: ``key[i]`` comes from ``text[offsets[i]]``, with
one final entry ``len(text)``. No pyarabic here: several of its normalisers change lengths.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import compress

_COMBINING = (
    (0x0610, 0x061A),  # Arabic signs (honorifics)
    (0x064B, 0x065F),  # harakat, tanween, shadda, sukun, hamza above/below, ...
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06DC),  # Quranic annotation marks
    (0x06DF, 0x06E8),
    (0x06EA, 0x06ED),
    (0x08D3, 0x08E1),  # Arabic extended-A marks
    (0x08E3, 0x08FF),
)
_INVISIBLE = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x061C, 0x061C),  # ALM
    (0x0640, 0x0640),  # tatweel
    (0x200B, 0x200F),  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner and invisible operators
    (0x2066, 0x2069),  # bidi isolates
    (0xFE70, 0xFE7F),  # presentation forms of tashkeel
    (0xFEFF, 0xFEFF),  # BOM inside the text
)


def _char_set(ranges: tuple[tuple[int, int], ...]) -> frozenset[str]:
    return frozenset(chr(c) for a, b in ranges for c in range(a, b + 1))


DROPPED = _char_set(_COMBINING + _INVISIBLE)
"""Characters that fold to nothing."""
MARKS = _char_set(_COMBINING)
"""The dropped combining marks: a match's end extends over those that follow its last letter."""

_SPACE_RUN_RE = re.compile("(?<=\x02)\x02+")

_LETTERS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "\u0672": "ا",  # alef with wavy hamza above
    "\u0673": "ا",  # alef with wavy hamza below
    "ؤ": "و",
    "ئ": "ي",
    "ى": "ي",
    "ة": "ه",
    "ی": "ي",  # Persian yeh
    "ک": "ك",  # keheh
    "ۀ": "ه",  # heh with yeh above
    "٫": ".",
    "٬": ",",
}
_LETTERS.update({chr(0x0660 + d): str(d) for d in range(10)})  # ٠-٩
_LETTERS.update({chr(0x06F0 + d): str(d) for d in range(10)})  # ۰-۹


def fold_char(ch: str) -> str:
    """The key of one character on its own ('' for a dropped one)."""
    if ch in DROPPED:
        return ""
    folded = _LETTERS.get(ch)
    if folded is not None:
        return folded
    if ch.isspace():
        return " "
    o = ord(ch)
    if 0xFB50 <= o <= 0xFDFF or 0xFE80 <= o <= 0xFEFC:
        nfkc = unicodedata.normalize("NFKC", ch)
        if nfkc != ch:
            return "".join(fold_char(c) for c in nfkc) or " "
    return ch.casefold()


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that folds each code point once, on first sight."""

    def __missing__(self, o: int) -> str:
        folded = fold_char(chr(o))
        self[o] = folded
        return folded


class _FlagTable(dict[int, str]):
    """A ``str.translate`` table to one flag per character: dropped, whitespace or kept."""

    def __missing__(self, o: int) -> str:
        ch = chr(o)
        flag = "\x00" if ch in DROPPED else "\x02" if ch.isspace() else "\x01"
        self[o] = flag
        return flag


_TABLE = _FoldTable()
_FLAGS = _FlagTable()


def search_key(text: str) -> tuple[str, list[int]]:
    """The folded key of ``text`` and, for each key index, the original code-point index.

    The map has ``len(key) + 1`` entries, the last one ``len(text)``; it is non-decreasing.
    """
    # One flag per character (0 dropped, 1 kept, 2 whitespace; whitespace after whitespace -> 0),
    # then the kept characters and their offsets with itertools.compress: C speed throughout.
    flags = text.translate(_FLAGS)
    flags = _SPACE_RUN_RE.sub(lambda m: "\x00" * len(m.group()), flags)
    keep = flags.encode("latin-1")
    offsets = list(compress(range(len(text)), keep))
    kept = "".join(compress(text, keep))
    key = kept.translate(_TABLE)
    if len(key) != len(kept):  # some character folded to several (ß → ss, ﻻ → لا)
        offsets = _widen(kept, offsets)
    offsets.append(len(text))
    return key, offsets


def _widen(kept: str, offsets: list[int]) -> list[int]:
    """Repeat the offset of each character that folds to several, once per key character."""
    wide = sorted(c for c in set(kept) if len(_TABLE[ord(c)]) > 1)
    widened: list[int] = []
    pos = 0
    for m in re.finditer(f"[{''.join(map(re.escape, wide))}]", kept):
        k = m.start()
        widened.extend(offsets[pos:k])
        widened.extend([offsets[k]] * len(_TABLE[ord(kept[k])]))
        pos = k + 1
    widened.extend(offsets[pos:])
    return widened


def _search_key_by_char(text: str) -> tuple[str, list[int]]:
    """The same key and map, one character at a time (the reference for ``search_key``)."""
    key: list[str] = []
    offsets: list[int] = []
    after_space = False
    for i, ch in enumerate(text):
        space = ch.isspace()
        folded = "" if space and after_space else fold_char(ch)
        after_space = space
        key.append(folded)
        offsets.extend([i] * len(folded))
    offsets.append(len(text))
    return "".join(key), offsets


def fold(text: str) -> str:
    """Only the key: for comparing words (clitic evidence, span texts)."""
    return search_key(text)[0]


class SearchIndex:
    """A text's key and offset map, computed once; ``find_all`` is then cheap."""

    __slots__ = ("key", "offsets", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.key, self.offsets = search_key(text)

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """Original ``(start, end)`` code-point offsets of every non-overlapping match.

        A match starts at its first letter and ends after its last letter and the marks on it
        (محمد finds the whole of مُحَمَّدٌ). A match never starts or ends inside the several key
        characters of one original character (s does not match half of ß).
        """
        q = fold(query)
        if not q:
            return []
        key, offsets, text = self.key, self.offsets, self.text
        n, size = len(text), len(q)
        found: list[tuple[int, int]] = []
        i = key.find(q)
        while i >= 0:
            j = i + size
            if (i == 0 or offsets[i - 1] != offsets[i]) and offsets[j] != offsets[j - 1]:
                end = offsets[j - 1] + 1
                while end < n and text[end] in MARKS:
                    end += 1
                found.append((offsets[i], end))
                i = key.find(q, j)
            else:
                i = key.find(q, i + 1)
        return found


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text`` as original offsets (see ``SearchIndex.find_all``)."""
    return SearchIndex(text).find_all(query)
