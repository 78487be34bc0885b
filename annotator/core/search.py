"""Arabic-insensitive search: a folded key of the text with a map back to original offsets.

The key is a derived string, never stored as the document's text (DESIGN.md §2). Folding is
per character (plus one rule for runs of whitespace), decided in ``docs/adr/0002``:

- dropped: tashkeel (harakat, tanween, shadda, sukun, hamza above/below U+0654/U+0655,
  superscript alef U+0670, Quranic marks), tatweel, and invisible format characters
  (ZWNJ, ZWJ, ZWSP, soft hyphen, LRM/RLM/ALM, bidi embeddings and isolates, inner BOMs);
- hamza on an alef is the alef: أ إ آ ٱ → ا; hamza on و or ي or on the line is the hamza, its
  seat a spelling choice (docs/adr/0044): ؤ ئ ء → ء (مسؤول = مسئول, رؤوس = رءوس), and a
  word-final ئ is ي + ء (شئ = شيء, شاطئ = شاطيء);
- ى → ي, ة → ه; the Persian, Urdu and Kurdish letters to their Arabic bases: ی ې ے → ي,
  ک گ ڭ → ك, ھ ہ ە ۀ → ه, ڤ → ف, پ → ب, چ → ج, ژ → ز, ڨ → ق; Arabic-Indic digits → 0-9, ٫ → .
  and ٬ → ,, ٪ → %;
- Arabic presentation forms (ﻻ) → their letters (NFKC); every whitespace character → one
  space, and whitespace right after whitespace is dropped; everything else is casefolded;
- for find only (``SearchIndex``, ``join_names=True``): the space after عبد and أبو/أبي/أبا
  is dropped, so عبد الله finds عبدالله and أبوظبي finds أبو ظبي (and back).

``search_key`` returns the key and ``offsets``: ``key[i]`` comes from ``text[offsets[i]]``, with
one final entry ``len(text)``. No pyarabic here: several of its normalisers change lengths.

``find_words`` is the matcher for labelling in bulk: whole words, or words after proclitics
(و ف ب ك ل), never مصر inside مصرف nor علي for على.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from itertools import compress

from annotator.core.tokens import token_offsets

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
    "ؤ": "ء",  # hamza on waw: the hamza (its seat is spelling, مسؤول = مسئول)
    "ئ": "ء",  # hamza on yeh
    "ى": "ي",
    "ة": "ه",
    "ی": "ي",  # Persian yeh (U+06CC)
    "ې": "ي",  # yeh with two dots below (Pashto, Uyghur)
    "ے": "ي",  # yeh barree (Urdu)
    "ۓ": "ي",  # yeh barree with hamza
    "ک": "ك",  # keheh (Persian, Urdu kaf)
    "گ": "ك",  # gaf
    "ڭ": "ك",  # ng (Maghrebi g)
    "ھ": "ه",  # heh doachashmee (Urdu)
    "ہ": "ه",  # heh goal (Urdu)
    "ە": "ه",  # ae (Kurdish)
    "ۀ": "ه",  # heh with yeh above
    "ڤ": "ف",  # veh (ڤيينا = فيينا)
    "ڥ": "ف",  # Maghrebi veh
    "پ": "ب",  # peh
    "چ": "ج",  # tcheh
    "ژ": "ز",  # jeh
    "ڨ": "ق",  # Algerian qaf (g)
    "٫": ".",
    "٬": ",",
    "٪": "%",  # Arabic percent sign
    "\ufe6a": "%",  # small percent sign
    "\uff05": "%",  # fullwidth percent sign
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


def search_key(text: str, *, join_names: bool = False) -> tuple[str, list[int]]:
    """The folded key of ``text`` and, for each key index, the original code-point index.

    The map has ``len(key) + 1`` entries, the last one ``len(text)``; it is non-decreasing.
    ``join_names`` drops the space after عبد and أبو/أبي/أبا (find's key, not ``fold``'s).
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
    return _in_context(text, key, offsets, join_names)


_LETTER = r"[^\W\d_]"
_FINAL_HAMZA_RE = re.compile(rf"(?<={_LETTER})ء(?!{_LETTER})")
_NAME_SPACE_RE = re.compile(rf"(?<!{_LETTER})[وف]?[بكل]?(?:عبد|ابو|ابي|ابا)( )(?={_LETTER})")


def _in_context(text: str, key: str, offsets: list[int], join_names: bool) -> tuple[str, list[int]]:
    """The rules that look at neighbours: a word-final ئ is ي + ء; with ``join_names``, the
    space after عبد/أبو/أبي/أبا goes. Both keep the map non-decreasing."""
    if "ء" in key:
        finals = [
            m.start() for m in _FINAL_HAMZA_RE.finditer(key) if text[offsets[m.start()]] == "ئ"
        ]
        for i in reversed(finals):
            key = f"{key[:i]}ي{key[i:]}"
            offsets.insert(i, offsets[i])
    if join_names and " " in key:
        spaces = [m.start(1) for m in _NAME_SPACE_RE.finditer(key)]
        for i in reversed(spaces):
            key = key[:i] + key[i + 1 :]
            del offsets[i]
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


def _search_key_by_char(text: str, *, join_names: bool = False) -> tuple[str, list[int]]:
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
    return _in_context(text, "".join(key), offsets, join_names)


def fold(text: str) -> str:
    """Only the key: for comparing words (clitic evidence, span texts)."""
    return search_key(text)[0]


class SearchIndex:
    """A text's key and offset map, computed once; ``find_all`` is then cheap.

    Find's key joins عبد/أبو names (``join_names``): عبد الله and عبدالله find each other."""

    __slots__ = ("join_names", "key", "offsets", "text")

    def __init__(self, text: str, *, join_names: bool = True) -> None:
        self.text = text
        self.join_names = join_names
        self.key, self.offsets = search_key(text, join_names=join_names)

    def find_all(self, query: str) -> list[tuple[int, int]]:
        """Original ``(start, end)`` code-point offsets of every non-overlapping match.

        A match starts at its first letter and ends after its last letter and the marks on it
        (محمد finds the whole of مُحَمَّدٌ). A match never starts or ends inside the several key
        characters of one original character (s does not match half of ß).
        """
        q = _query_key(query, self.join_names)
        if not q:
            return []
        found = self._matches(q)
        if q.endswith("يء") and query.rstrip("".join(MARKS))[-1:] == "ئ":
            # the query's last ئ is word-final only in the query (Xئ of XئX): also as a hamza
            found = _disjoint(sorted(found + self._matches(q[:-2] + "ء")))
        return found

    def _matches(self, q: str) -> list[tuple[int, int]]:
        key, offsets, text = self.key, self.offsets, self.text
        n, size = len(text), len(q)
        found: list[tuple[int, int]] = []
        i = key.find(q)
        while i >= 0:
            j = i + size
            # a final ئ is ي + ء in the key: its hamza alone is still a match of a hamza
            hamza_of_final = key[i] == "ء" and text[offsets[i]] == "ئ"
            starts_whole = i == 0 or offsets[i - 1] != offsets[i] or hamza_of_final
            if starts_whole and offsets[j] != offsets[j - 1]:
                end = offsets[j - 1] + 1
                while end < n and text[end] in MARKS:
                    end += 1
                found.append((offsets[i], end))
                i = key.find(q, j)
            else:
                i = key.find(q, i + 1)
        return found


@functools.lru_cache(maxsize=256)
def _query_key(query: str, join_names: bool) -> str:
    """A query's key, kept: project-wide label-all searches thousands of windows for one
    query (core/search_near.py)."""
    return search_key(query, join_names=join_names)[0]


def _disjoint(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted matches without the ones that overlap an earlier one."""
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def query_keys(query: str) -> tuple[str, ...]:
    """The keys a text's key must contain for ``query`` to be found in it as find finds it:
    the query's key (find's, names joined), and also the key with a hamza for a last ئ that
    is word-final only in the query (``SearchIndex.find_all``). The document list's title
    filter matches with these (store/list_index.py); ``("",)`` for a query that folds to
    nothing."""
    key = search_key(query, join_names=True)[0]
    if key.endswith("يء") and query.rstrip("".join(MARKS))[-1:] == "ئ":
        return key, key[:-2] + "ء"
    return (key,)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every match of ``query`` in ``text`` as original offsets (see ``SearchIndex.find_all``)."""
    return SearchIndex(text).find_all(query)


# --- whole words, for labelling in bulk (issue 11) ------------------------------------------

PROCLITICS = frozenset(["و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"])
"""What may stand before a whole-word match inside its token (folded): a conjunction and/or a
preposition. Not ال (the query carries its own article) and not the future س (no name takes
it); لل (ل + ال) leaves no ا to match, so للعراق is not a match of العراق."""

_FINAL_YEH = {"ى": "maqsura", "ي": "yeh"}


def find_words(text: str, query: str, index: SearchIndex | None = None) -> list[tuple[int, int]]:
    """Matches of ``query`` that are whole words, or whole words after proclitics.

    The matches of find (``SearchIndex.find_all``: tashkeel, hamza forms... ignored) whose end
    is the end of a token and whose start is the start of a token or follows one of
    ``PROCLITICS`` in it: مصر finds مصر، ومصر، بمصر، لمصر but not مصرف or مصري; الرقة finds
    والرقة. A final ى and a final ي are told apart here (علي never matches على). ``index``
    is the text's SearchIndex when one exists already.
    """
    index = index if index is not None and index.text == text else SearchIndex(text)
    pairs = token_offsets(text)
    starts = [a for a, _ in pairs]
    ends = [b for _, b in pairs]
    last = _final_yeh(query)
    found: list[tuple[int, int]] = []
    for s, e in index.find_all(query):
        k = bisect_right(starts, s) - 1
        m = bisect_left(ends, e)
        if k < 0 or m == len(ends) or ends[m] != e or not s < ends[k]:
            continue
        if s > starts[k] and fold(text[starts[k] : s]) not in PROCLITICS:
            continue
        if last and _final_yeh(text[s:e]) not in (None, last):
            continue
        found.append((s, e))
    return found


def _final_yeh(word: str) -> str | None:
    """ "maqsura" if the last letter is ى, "yeh" if it is ي, else None."""
    for ch in reversed(word):
        if ch not in DROPPED:
            return _FINAL_YEH.get(ch)
    return None
