"""Where a match of a query may start in a text, found by C-speed regular expressions (issue
11, docs/adr/0060, docs/adr/0068): the places ``core.search_near`` searches around.

A match of the query is a run of the text whose characters fold one by one to the query's key,
with characters that fold to nothing (tashkeel, tatweel, extra white space, the space find
drops after عبد / أبو) between them. The places are a superset of the matches' starts:

- ``general``: one pattern over the whole text, led by the first key character's class, that
  refuses a run an Arabic letter continues after its last letter's marks (a match ends at the
  end of a token, which no letter continues: لبنان in لبناني is no place);
- ``anchored``: the same run found from a rarer key character near the start (the ق of الرقة,
  the ب of لبنان's ل... whichever is rarest in news text), each of its few spellings a literal
  that the regex engine skips to, the characters before it walked back one by one. A regex
  led by a character class tests every character of the text; one led by a literal does not,
  which makes it 2-3 times faster. It is used on a text without characters from U+F000 to
  U+FFFF (presentation forms: ﻝ is a spelling of ل the literals leave out), which UTF-8
  tells with one byte search.

A text holding a character that folds to several key characters found in the key (ﻻ in a
query with لا) gets None: the caller searches the whole text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from annotator.core.search import DROPPED, MARKS, fold_char, query_keys

QUERIES = 256  # queries whose patterns are kept: a long session types many

_BMP = 0x10000
_HIGH = 0xF000
"""Spellings from here on (presentation forms) are left out of the literals."""
_ARABIC_LETTERS = "\u0621-\u063a\u0641-\u064a"
_ARABIC_LETTER_RE = re.compile(f"[{_ARABIC_LETTERS}]")
_AFTER_LAST = "[" + "".join(map(re.escape, sorted(MARKS))) + f"]*(?![{_ARABIC_LETTERS}])"
"""After a key's last Arabic letter: its marks, then no Arabic letter (the token goes on)."""
_GAP = "[" + "".join(map(re.escape, sorted(DROPPED))) + r"\s]*"
FREQUENT = "اليمونهرتبعدسفقكحجشصطخزثذضغظء"
"""Arabic letters from the most frequent in news text to the rarest (an anchor is chosen by
this order)."""
_SPELLINGS = 3
"""At most so many literals for an anchor (ا has seven)."""
_REACH = 4
"""An anchor among the first so many key characters."""


@functools.cache
def preimages() -> dict[str, tuple[str, ...]]:
    """For each key character: the characters of the plane that fold to it alone."""
    by_key: dict[str, list[str]] = {}
    for c in range(_BMP):
        if not 0xD800 <= c < 0xE000 and len(fold_char(chr(c))) == 1:
            by_key.setdefault(fold_char(chr(c)), []).append(chr(c))
    return {k: tuple(v) for k, v in by_key.items()}


@functools.cache
def _several() -> dict[str, str]:
    """Each character that folds to several key characters, and its key."""
    found = ((chr(c), fold_char(chr(c))) for c in range(_BMP) if not 0xD800 <= c < 0xE000)
    return {c: f for c, f in found if len(f) > 1}


def _class(chars: tuple[str, ...]) -> str:
    return "[" + "".join(map(re.escape, chars)) + "]"


@dataclass(frozen=True, slots=True)
class Anchor:
    """Literals of the key character at ``index`` (each with the rest of the run after it)
    and the key characters before it, for walking back."""

    literals: tuple[re.Pattern[str], ...]
    before: tuple[frozenset[str], ...]
    high: tuple[str, ...]
    """Its other spellings (presentation forms): a text holding one takes ``general``."""


@dataclass(frozen=True, slots=True)
class Starts:
    general: re.Pattern[str]
    anchor: Anchor | None
    several: tuple[str, ...]
    """The characters folding to several key characters found in a key."""

    def places(self, text: str) -> list[int] | None:
        """Where a match may start, ascending; None: search the whole text."""
        if self.several and _holds(text, self.several):
            return None
        if self.anchor is None or _holds(text, self.anchor.high):
            return [m.start() for m in self.general.finditer(text)]
        return _walk_back(text, self.anchor)


_FEW = 8
"""Characters looked for one by one (``str.find`` skips at C speed); more: by a class."""


def _holds(text: str, chars: tuple[str, ...]) -> bool:
    if len(chars) <= _FEW:
        return any(c in text for c in chars)
    return _class_re(chars).search(text) is not None


@functools.lru_cache(maxsize=QUERIES)
def _class_re(chars: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_class(chars))


_GAPS = frozenset(DROPPED)


def _walk_back(text: str, anchor: Anchor) -> list[int]:
    out: set[int] = set()
    for literal in anchor.literals:
        for m in literal.finditer(text):
            j = m.start() - 1
            for chars in reversed(anchor.before):
                while j >= 0 and (text[j] in _GAPS or text[j].isspace()):
                    j -= 1
                if j < 0 or text[j] not in chars:
                    break
                j -= 1
            else:
                out.add(j + 1)
    return sorted(out)


def _parts(key: str) -> list[str] | None:
    """A regex for each key character (a word-final ئ's ي + ء as one); None: a character
    outside the plane."""
    chars = preimages()
    parts: list[str] = []
    i = 0
    while i < len(key):
        if key[i] not in chars:
            return None
        part = _class(chars[key[i]])
        if key.startswith("يء", i):  # a word-final ئ is ي + ء
            part, i = f"(?:ئ|{part}{_GAP}{_class(chars['ء'])})", i + 1
        parts.append(part)
        i += 1
    return parts


def _rest(key: str, parts: list[str], after: int) -> str:
    """The run after part ``after``, gaps between; refused when a letter follows it."""
    rest = "".join(_GAP + p for p in parts[after + 1 :])
    return rest + (_AFTER_LAST if _ARABIC_LETTER_RE.fullmatch(key[-1]) else "")


def _anchor(keys: list[str], parts: list[list[str]]) -> Anchor | None:
    """The rarest Arabic letter among the first key characters that every key shares, none
    of them a space or a final ئ, spelt in at most ``_SPELLINGS`` ways below U+F000."""
    chars = preimages()
    shared = min(len(p) for p in parts)
    best: tuple[int, int] | None = None
    for k in range(min(shared, _REACH)):
        ch = keys[0][k]
        if any(p[k] != parts[0][k] or key[k] != ch for p, key in zip(parts, keys, strict=True)):
            break
        if ch not in FREQUENT or parts[0][k].startswith("(?:"):
            break
        spelt = [c for c in chars[ch] if ord(c) < _HIGH]
        if len(spelt) <= _SPELLINGS and (best is None or FREQUENT.index(ch) > best[0]):
            best = (FREQUENT.index(ch), k)
    if best is None:
        return None
    k = best[1]
    rests = "|".join(f"(?:{_rest(key, p, k)})" for key, p in zip(keys, parts, strict=True))
    literals = tuple(
        re.compile(re.escape(c) + f"(?={rests})") for c in chars[keys[0][k]] if ord(c) < _HIGH
    )
    before = tuple(frozenset(chars[keys[0][i]]) for i in range(k))
    return Anchor(literals, before, tuple(c for c in chars[keys[0][k]] if ord(c) >= _HIGH))


@functools.lru_cache(maxsize=QUERIES)
def starts(query: str) -> Starts | None:
    """The places' patterns for ``query``; None: no pattern (the whole text is searched)."""
    keys = [k for k in query_keys(query) if k]
    split = [_parts(k) for k in keys]
    if not keys or any(p is None for p in split):
        return None
    parts = [p for p in split if p is not None]
    firsts = {p[0] for p in parts}
    if len(firsts) == 1 and not parts[0][0].startswith("(?:"):  # one class leads
        rests = "|".join(f"(?:{_rest(key, p, 0)})" for key, p in zip(keys, parts, strict=True))
        general = f"{parts[0][0]}(?={rests})"
    else:
        runs = (f"(?:{p[0]}{_rest(key, p, 0)})" for key, p in zip(keys, parts, strict=True))
        general = "(?=" + "|".join(runs) + ")"
    several = sorted(c for c, f in _several().items() if any(f in k for k in keys))
    return Starts(
        re.compile(general),
        _anchor(keys, parts),
        tuple(several),
    )
