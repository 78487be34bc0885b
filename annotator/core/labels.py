"""What a label name may be: the one rule every path uses (docs/adr/0020-label-names.md).

The Labels dialog, the store (saving a label, adding the labels an import brings), the readers
(a label the project does not know yet), ``annotator check`` and the exports all ask
``name_problem``. A name is refused when some export format could not hold it or when two
names could look the same: empty, too long, white space (CoNLL tags are white-space separated),
control characters, bidi controls (a U+202E in a name reverses what is shown after it), other
invisible format characters, noncharacters (U+FFFE: not XML), surrogates, unassigned and
private-use code points, and a combining mark in first place. Syntax that a format can escape
(``<`` in a Label Studio config, ``[events]`` or ``!X`` in a brat ``annotation.conf``) is not
refused here: that format's writer escapes it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

MAX_NAME_LENGTH = 64  # code points

# The bidi controls: embeddings, overrides and isolates, the marks (LRM, RLM, ALM).
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, pop, overrides
    "\u2066\u2067\u2068\u2069"  # isolates
    "\u200e\u200f\u061c"  # LRM, RLM, ALM
)


class NameProblem(StrEnum):
    """Why a label name is refused (the UI translates each; ``describe`` says it in English)."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    WHITESPACE = "whitespace"
    CONTROL = "control"
    BIDI = "bidi"
    INVISIBLE = "invisible"
    NONCHARACTER = "noncharacter"
    UNASSIGNED = "unassigned"
    COMBINING_FIRST = "combining_first"


_ENGLISH = {
    NameProblem.EMPTY: "a name cannot be empty",
    NameProblem.TOO_LONG: f"a name has at most {MAX_NAME_LENGTH} characters",
    NameProblem.WHITESPACE: "a name cannot hold white space",
    NameProblem.CONTROL: "a name cannot hold a control character",
    NameProblem.BIDI: "a name cannot hold a bidi control",
    NameProblem.INVISIBLE: "a name cannot hold an invisible format character",
    NameProblem.NONCHARACTER: "a name cannot hold a noncharacter or a lone surrogate",
    NameProblem.UNASSIGNED: "a name cannot hold an unassigned or private-use code point",
    NameProblem.COMBINING_FIRST: "a name cannot begin with a combining mark",
}


@dataclass(frozen=True, slots=True)
class NameCheck:
    """A refused name: the problem and the character at fault (None for empty, too long)."""

    problem: NameProblem
    char: str | None = None

    def describe(self) -> str:
        """The reason in English, naming the character (``U+202E RIGHT-TO-LEFT OVERRIDE``)."""
        reason = _ENGLISH[self.problem]
        return f"{reason} ({char_name(self.char)})" if self.char is not None else reason


def char_name(char: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``; the code point alone for a character with no name."""
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


def is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def name_problem(name: str) -> NameCheck | None:
    """Why ``name`` cannot be a label name, or None when it can."""
    if not name:
        return NameCheck(NameProblem.EMPTY)
    if len(name) > MAX_NAME_LENGTH:
        return NameCheck(NameProblem.TOO_LONG)
    for char in name:
        found = _char_problem(char)
        if found is not None:
            return NameCheck(found, char)
    if unicodedata.category(name[0]).startswith("M"):
        return NameCheck(NameProblem.COMBINING_FIRST, name[0])
    return None


def _char_problem(char: str) -> NameProblem | None:
    category = unicodedata.category(char)
    if char.isspace() or category in ("Zs", "Zl", "Zp"):
        return NameProblem.WHITESPACE
    if category == "Cc":
        return NameProblem.CONTROL
    if char in BIDI_CONTROLS:
        return NameProblem.BIDI
    if category == "Cf":
        return NameProblem.INVISIBLE
    if category == "Cs" or is_noncharacter(char):
        return NameProblem.NONCHARACTER
    if category in ("Cn", "Co"):
        return NameProblem.UNASSIGNED
    return None


def name_error(name: str) -> str | None:
    """``label 'X\\u202e': a name cannot hold a bidi control (U+202E ...)``, or None if valid.

    ``repr`` shows the invisible characters of the name as escapes."""
    found = name_problem(name)
    return None if found is None else f"label {shown(name)}: {found.describe()}"


def shown(name: str) -> str:
    """The name quoted for a message, invisible characters escaped, a long name cut."""
    if len(name) > MAX_NAME_LENGTH:
        return f"{name[:MAX_NAME_LENGTH]!r}… ({len(name)} characters)"
    return repr(name)
