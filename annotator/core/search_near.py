"""``find_words`` without folding the whole text: only windows around the places where a
match may start (issue 11, docs/adr/0060, docs/adr/0068).

Folding a 4,000-character article for its search key costs ~2 ms, which over thousands of
candidate documents is most of a project-wide label-all. ``core.match_starts`` says where a
match may start (a superset of the matches' starts, by regular expressions over the text).
``find_words`` runs on a window around each, cut at white space: as many white-space runs
either side as a match may hold (one for each space of the key and each place where find may
drop the space after عبد / أبو) and two more, since find's rules look at most one run beyond
the match; a window's matches that start there are the text's. The window's white space is
looked for near the place, not over the whole text. A text holding a character that folds to
several key characters found in the query's key (ﻻ in a query with لا) and a query with a
character outside the Basic Multilingual Plane take the whole text.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import islice

from annotator.core.match_starts import starts
from annotator.core.search import find_words as _find_words
from annotator.core.search import query_keys

QUERIES = 256  # queries whose patterns are kept: a long session types many

_SPACE_RE = re.compile(r"\s+")
_ONE_SPACE_RE = re.compile(r"\s")
_JOIN_ENDS = frozenset("دويا")
"""The last key characters of عبد, ابو, ابي, ابا."""
_REACH = 10
"""Characters looked at before a place per token of a window's margin, at first (then four
times more)."""


@functools.lru_cache(maxsize=QUERIES)
def _margin(query: str) -> int:
    """A window's white-space runs either side of a place."""
    return max(map(_runs_inside, query_keys(query))) + 2


def _runs_inside(key: str) -> int:
    """At most how many white-space runs a match of ``key`` holds: one for each space of the
    key, and one for each place where find drops the space after عبد / أبو / أبي / أبا (a key
    character ending one of them, a character after it)."""
    return key.count(" ") + sum(1 for ch in key[:-1] if ch in _JOIN_ENDS)


def _window(text: str, p: int, margin: int) -> tuple[int, int]:
    """From the end of the ``margin``-th white-space run before ``p`` (or the text's start) to
    the start of the ``margin``-th one at or after it (or the text's end); ``margin`` > 1."""
    reach = _REACH * margin
    while True:
        low = max(0, p - reach)
        before = [m.end() for m in _SPACE_RE.finditer(text, low, p)]
        if len(before) >= margin or low == 0:
            break
        reach *= 4
    runs = _SPACE_RE.finditer(text, p)
    if p > 0 and _ONE_SPACE_RE.match(text, p - 1) is not None:  # a run started before p
        runs = (m for m in runs if m.start() > p)
    after = [m.start() for m in islice(runs, margin)]
    left = before[-margin] if len(before) >= margin else 0
    right = after[margin - 1] if len(after) >= margin else len(text)
    return left, right


def find_words(text: str, query: str) -> list[tuple[int, int]]:
    """The same as ``core.search.find_words(text, query)``, faster on a long text."""
    return find_words_in([text], query)[0]


def find_words_in(texts: Sequence[str], query: str) -> list[list[tuple[int, int]]]:
    """``find_words(text, query)`` for each of ``texts``. For a query with one key that no
    two of its matches can overlap (no proper prefix of the key is also its suffix), the
    windows of all the texts are searched as one string, a space between them: a match
    that find keeps holds at most ``margin - 2`` white-space runs, so none starting at a
    place reaches a seam, and nothing before a place can overlap its match. Else each
    window is searched alone."""
    found_at = starts(query)
    out: list[list[tuple[int, int]]] = [[] for _ in texts]
    margin, alone = _margin(query), not _apart(query)
    pieces: list[tuple[int, int, int, int]] = []  # text, its offset, offset in all, length
    chunks: list[str] = []
    places: dict[int, set[int]] = {}
    at = 0
    for n, text in enumerate(texts):
        found = None if found_at is None else found_at.places(text)
        if found is None:
            out[n] = _find_words(text, query)
        elif found and alone:
            out[n] = _each_window(text, query, found, margin)
        elif found:
            places[n] = set(found)
            for left, right in _merged(text, found, margin):
                pieces.append((n, left, at, right - left))
                chunks.append(text[left:right])
                at += right - left + 1
    seams = [piece[2] for piece in pieces]
    for a, b in _find_words(" ".join(chunks), query) if chunks else ():
        n, offset, start, length = pieces[bisect_right(seams, a) - 1]
        if b <= start + length and offset + a - start in places[n]:
            out[n].append((offset + a - start, offset + b - start))
    return out


def _merged(text: str, places: list[int], margin: int) -> list[tuple[int, int]]:
    """The windows of ``places`` (ascending), those that overlap made one."""
    out: list[tuple[int, int]] = []
    for p in places:
        left, right = _window(text, p, margin)
        if out and left <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], right))
        else:
            out.append((left, right))
    return out


@functools.lru_cache(maxsize=QUERIES)
def _apart(query: str) -> bool:
    """One key, and no two of its matches can overlap."""
    keys = query_keys(query)
    key = keys[0]
    return len(keys) == 1 and not any(key[:n] == key[-n:] for n in range(1, len(key)))


def _each_window(text: str, query: str, places: list[int], margin: int) -> list[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for p in places:
        left, right = _window(text, p, margin)
        found.update(
            (left + a, left + b) for a, b in _find_words(text[left:right], query) if left + a == p
        )
    out: list[tuple[int, int]] = []
    for start, end in sorted(found):  # as find's matches: none overlaps an earlier one
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out
