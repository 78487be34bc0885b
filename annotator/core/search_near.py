"""``find_words`` without folding the whole text: only windows around the places a cheap
pattern finds (issue 11, docs/adr/0060).

Folding a 4,000-character article for its search key costs ~2 ms, which over thousands of
candidate documents is most of a project-wide label-all. A match of the query is a run of the
text whose characters fold one by one to the query's key, with characters that fold to nothing
(tashkeel, tatweel, extra white space, the space find drops after عبد / أبو) between them. A
regular expression built from the key says where such runs start: a superset of the matches'
starts. ``find_words`` runs on a window around each (cut at white space, as many tokens either
side as the key has characters and two more: a match spans at most that many tokens, and
find's rules look at most one token beyond it), and a window's matches that start there are the
text's. A text with a character that folds to several (ﻻ, ß) and a query with a character
outside the Basic Multilingual Plane take the whole text.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left

from annotator.core.search import DROPPED, fold_char, query_keys
from annotator.core.search import find_words as _find_words

_SPACE_RE = re.compile(r"\s+")
_BMP = 0x10000


@functools.cache
def _folding_to() -> dict[str, str]:
    """For each key character: a regex class of the characters that fold to it alone."""
    by_key: dict[str, list[str]] = {}
    for c in range(_BMP):
        ch = chr(c)
        if 0xD800 <= c < 0xE000:
            continue
        folded = fold_char(ch)
        if len(folded) == 1:
            by_key.setdefault(folded, []).append(ch)
    return {k: "[" + "".join(map(re.escape, v)) + "]" for k, v in by_key.items()}


@functools.cache
def _several_re() -> re.Pattern[str]:
    """Characters that fold to several key characters."""
    several = [
        chr(c) for c in range(_BMP) if not 0xD800 <= c < 0xE000 and len(fold_char(chr(c))) > 1
    ]
    return re.compile("[" + "".join(map(re.escape, several)) + "]")


_GAP = "[" + "".join(map(re.escape, sorted(DROPPED))) + r"\s]*"


def _key_pattern(key: str, classes: dict[str, str]) -> str | None:
    parts: list[str] = []
    i = 0
    while i < len(key):
        ch = key[i]
        if ch not in classes:
            return None
        part = classes[ch]
        if key.startswith("يء", i):  # a word-final ئ is ي + ء
            part, i = f"(?:ئ|{part}{_GAP}{classes['ء']})", i + 1
        parts.append(part)
        i += 1
    return _GAP.join(parts)


@functools.cache
def _starts_re(query: str) -> tuple[re.Pattern[str], int] | None:
    """Where a match of ``query`` may start (overlapping), and its key's length; None: no
    pattern (the whole text is searched)."""
    keys = query_keys(query)
    classes = _folding_to()
    patterns = [_key_pattern(k, classes) for k in keys if k]
    if not patterns or any(p is None for p in patterns):
        return None
    return re.compile("(?=" + "|".join(f"(?:{p})" for p in patterns if p) + ")"), max(
        map(len, keys)
    )


def find_words(text: str, query: str) -> list[tuple[int, int]]:
    """The same as ``core.search.find_words(text, query)``, faster on a long text."""
    starts_re = _starts_re(query)
    if starts_re is None or _several_re().search(text):
        return _find_words(text, query)
    pattern, size = starts_re
    places = [m.start() for m in pattern.finditer(text)]
    if not places:
        return []
    spaces = [m.span() for m in _SPACE_RE.finditer(text)]
    space_starts = [a for a, _ in spaces]
    margin = size + 2
    found: set[tuple[int, int]] = set()
    for p in places:
        k = bisect_left(space_starts, p)  # the white-space runs before p: spaces[:k]
        left = spaces[k - margin][1] if k - margin >= 0 else 0
        right = spaces[k + margin - 1][0] if k + margin - 1 < len(spaces) else len(text)
        found.update(
            (left + a, left + b) for a, b in _find_words(text[left:right], query) if left + a == p
        )
    out: list[tuple[int, int]] = []
    for start, end in sorted(found):  # as find's matches: none overlaps an earlier one
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out
