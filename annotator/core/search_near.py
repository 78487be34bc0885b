"""``find_words`` without folding the whole text: only windows around the places a cheap
pattern finds (issue 11, docs/adr/0060, docs/adr/0068).

Folding a 4,000-character article for its search key costs ~2 ms, which over thousands of
candidate documents is most of a project-wide label-all. A match of the query is a run of the
text whose characters fold one by one to the query's key, with characters that fold to nothing
(tashkeel, tatweel, extra white space, the space find drops after عبد / أبو) between them. A
regular expression built from the key says where such runs start: a superset of the matches'
starts. It begins with the first key character's class (so the regex engine skips to it) and,
for a key ending in an Arabic letter, refuses a run that an Arabic letter follows after the
last letter's marks (a match ends at the end of a token, which no letter continues: لبنان in
لبناني is no place). ``find_words`` runs on a window around each, cut at white space: as many
white-space runs either side as a match may hold (one for each space of the key and each place
where find may drop the space after عبد / أبو) and two more, since find's rules look at most
one run beyond the match; a window's matches that start there are the text's. The window's white space is looked for near the place, not over the
whole text. A text holding a character that folds to several key characters found in the
query's key (ﻻ in a query with لا) and a query with a character outside the Basic Multilingual
Plane take the whole text.
"""

from __future__ import annotations

import functools
import re
from itertools import islice

from annotator.core.search import DROPPED, MARKS, fold_char, query_keys
from annotator.core.search import find_words as _find_words

_SPACE_RE = re.compile(r"\s+")
_ONE_SPACE_RE = re.compile(r"\s")
_BMP = 0x10000
_ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a"
_AFTER_LAST = "[" + "".join(map(re.escape, sorted(MARKS))) + f"]*(?![{_ARABIC_LETTERS}])"
"""After a key's last Arabic letter: its marks, then no Arabic letter (the token goes on)."""
_JOIN_ENDS = frozenset("دويا")
"""The last key characters of عبد, ابو, ابي, ابا."""
_REACH = 10
"""Characters looked at before a place per token of a window's margin, at first (then four
times more)."""


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
def _several() -> dict[str, str]:
    """Each character that folds to several key characters, and its key."""
    out: dict[str, str] = {}
    for c in range(_BMP):
        if not 0xD800 <= c < 0xE000 and len(fold_char(chr(c))) > 1:
            out[chr(c)] = fold_char(chr(c))
    return out


_GAP = "[" + "".join(map(re.escape, sorted(DROPPED))) + r"\s]*"


def _key_parts(key: str, classes: dict[str, str]) -> list[str] | None:
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
    return parts


def _key_pattern(key: str, parts: list[str]) -> str:
    """The run of ``parts`` after the first, gaps between; refused when a letter follows."""
    rest = "".join(_GAP + p for p in parts[1:])
    return rest + (_AFTER_LAST if re.fullmatch(f"[{_ARABIC_LETTERS}]", key[-1]) else "")


@functools.cache
def _starts_re(query: str) -> tuple[re.Pattern[str], int, re.Pattern[str] | None] | None:
    """Where a match of ``query`` may start, the window's margin in white-space runs, and the characters that fold
    to several key characters found in its key (a text holding one is searched whole); None:
    no pattern (the whole text is searched)."""
    keys = [k for k in query_keys(query) if k]
    classes = _folding_to()
    split = [_key_parts(k, classes) for k in keys]
    if not keys or any(p is None for p in split):
        return None
    parts = [p for p in split if p is not None]
    firsts = {p[0] for p in parts}
    rests = "|".join(f"(?:{_key_pattern(k, p)})" for k, p in zip(keys, parts, strict=True))
    if len(firsts) == 1 and firsts <= set(classes.values()):  # one class: the engine skips
        pattern = f"{next(iter(firsts))}(?={rests})"
    else:
        pattern = (
            "(?="
            + "|".join(f"(?:{p[0]}{_key_pattern(k, p)})" for k, p in zip(keys, parts, strict=True))
            + ")"
        )
    several = sorted(c for c, f in _several().items() if any(f in k for k in keys))
    found = re.compile("[" + "".join(map(re.escape, several)) + "]") if several else None
    return re.compile(pattern), max(map(_runs_inside, keys)) + 2, found


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
    starts_re = _starts_re(query)
    if starts_re is None:
        return _find_words(text, query)
    pattern, margin, several = starts_re
    if several is not None and several.search(text):
        return _find_words(text, query)
    found: set[tuple[int, int]] = set()
    for m in pattern.finditer(text):
        p = m.start()
        left, right = _window(text, p, margin)
        found.update(
            (left + a, left + b) for a, b in _find_words(text[left:right], query) if left + a == p
        )
    out: list[tuple[int, int]] = []
    for start, end in sorted(found):  # as find's matches: none overlaps an earlier one
        if not out or start >= out[-1][1]:
            out.append((start, end))
    return out
