"""JSON from files we do not trust: parsed within limits, read with the type each value must have.

``load(source, where)`` is ``json.loads`` turning every way a file defeats it into one InputError
naming the file and line, never another exception:

- invalid JSON (JSONDecodeError);
- an integer of more than 4,300 digits (Python refuses to convert it: ValueError);
- nesting deeper than Python's parser goes (RecursionError near 1,000 levels); values kept as
  they are (metadata, attributes) are also refused past MAX_DEPTH levels, as the store and the
  writers encode them again deeper in the stack, and SQLite's JSON functions stop at 1,000;
- NaN, Infinity and numbers too large for a float (1e999 reads as infinity): they are not JSON,
  SQLite's ``json_valid`` refuses them, so ``annotator check`` would reject the project later;
- a lone UTF-16 surrogate escape (``\\ud83d`` without its pair), which no text can hold.

``Fields`` reads the members of an object: a member of the wrong type is an InputError naming
the key and the type found, never a coercion (an annotator ``7`` does not become "", a relation
type ``42`` does not become "speaker", a label ``"PER"`` where a list is expected is not split
into three labels). See docs/adr/0017-hostile-input.md.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NoReturn, TypeGuard

from annotator.core.errors import InputError
from annotator.formats.decoding import lone_surrogate_error

MAX_DEPTH = 100  # levels of nesting accepted in a value kept as it is (metadata, attributes)
INT_DIGITS = 4300  # Python's limit for int(str) (sys.get_int_max_str_digits)


@dataclass(frozen=True, slots=True)
class Where:
    """The file (and line) an error names."""

    path: str
    line: int | None = None

    def error(self, message: str) -> InputError:
        return InputError(message, path=self.path, line=self.line)

    def fail(self, message: str) -> NoReturn:
        raise self.error(message)


class _NotJson(ValueError):
    """Raised by the parser hooks: a NaN, an Infinity, a float that overflows."""


def _constant(name: str) -> object:
    raise _NotJson(name)


def _float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _NotJson(literal)
    return value


_DECODER = json.JSONDecoder(parse_constant=_constant, parse_float=_float)

# What the scanner below looks at: strings (skipped), brackets, constants, numbers.
_TOKENS = re.compile(
    r'"(?:[^"\\]|\\.)*"?|[\[{]|[\]}]|-?(?:NaN|Infinity)|-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?',
    re.S,
)


def json_type(value: object) -> str:
    """The JSON name of a parsed value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _problem(source: str, depth_limit: int | None) -> tuple[int, str] | None:
    """Where (character index) and what the first value is that ``load`` refuses."""
    depth = 0
    for m in _TOKENS.finditer(source):
        token = m.group()
        first = token[0]
        if first == '"':
            continue
        if first in "[{":
            depth += 1
            if depth_limit is not None and depth > depth_limit:
                return m.start(), f"nested more than {depth_limit} levels deep"
        elif first in "]}":
            depth -= 1
        elif token.lstrip("-") in ("NaN", "Infinity"):
            return m.start(), f"{token} is not a JSON number (write null, or a number)"
        elif m.group(1) is None and m.group(2) is None:
            if len(token.lstrip("-")) > INT_DIGITS:
                return m.start(), f"an integer of {len(token.lstrip('-')):,} digits"
        elif not math.isfinite(float(token)):
            return m.start(), f"the number {token[:20]} is too large for a float"
    return None


def _line_col(source: str, index: int) -> tuple[int, int]:
    line = source.count("\n", 0, index) + 1
    return line, index - (source.rfind("\n", 0, index) + 1) + 1


def load(source: str, where: Where) -> Any:
    """``source`` parsed (InputError naming ``where`` if it cannot be, see the module doc).

    With ``where.line`` set, ``source`` is that one line of the file (JSONL) and messages give
    a column; otherwise they give the line inside ``source``.
    """
    try:
        value = _DECODER.decode(source)
    except json.JSONDecodeError as exc:
        _refuse(where, f"invalid JSON: {exc.msg}", source, exc.pos)
    except (ValueError, RecursionError) as exc:  # digits, NaN, overflow; depth
        found = _problem(source, MAX_DEPTH if isinstance(exc, RecursionError) else None)
        if found is None:  # never seen: the scanner finds what the parser refused
            _refuse(where, f"cannot read this JSON: {exc}", source, None)
        _refuse(where, found[1], source, found[0])
    broken = lone_surrogate_error(source, value)
    if broken is not None:
        message, line = broken
        if where.line is not None:
            raise where.error(message)
        raise InputError(message, path=where.path, line=line)
    return value


def peek(data: bytes | str) -> Any:
    """``data`` parsed, or None when it cannot be (for sniffing: never raises)."""
    try:
        return json.loads(data)
    except (ValueError, RecursionError):  # JSONDecodeError, bad UTF-8, 4,301 digits; depth
        return None


def _refuse(where: Where, message: str, source: str, index: int | None) -> NoReturn:
    if index is None:
        raise where.error(message)
    line, column = _line_col(source, index)
    if where.line is not None:
        raise where.error(f"{message} at column {column}")
    raise InputError(f"{message} at column {column}", path=where.path, line=line)


def check_depth(value: object, where: Where, what: str) -> None:
    """InputError if ``value`` nests more than MAX_DEPTH lists and objects."""
    level: list[tuple[object, int]] = [(value, 1)]
    while level:
        item, depth = level.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > MAX_DEPTH:
            where.fail(f"{what} nests more than {MAX_DEPTH} levels deep")
        level.extend((child, depth + 1) for child in children)


class Fields:
    """The members of one JSON object, each read with the type it must have.

    ``what`` prefixes messages ("span 3: ", "task 2: "). Missing members and null take the
    default; any other type is refused with the key and the type found.
    """

    __slots__ = ("obj", "what", "where")

    def __init__(self, obj: Mapping[str, Any], where: Where, what: str = "") -> None:
        self.obj = obj
        self.where = where
        self.what = what

    def fail(self, message: str) -> NoReturn:
        self.where.fail(f"{self.what}{message}")

    def wrong(self, key: str, expected: str) -> NoReturn:
        self.fail(f'"{key}" must be {expected}, not {json_type(self.obj[key])}')

    def has(self, key: str) -> bool:
        return self.obj.get(key) is not None

    def string(self, key: str, default: str = "") -> str:
        value = self.obj.get(key)
        if value is None:
            return default
        if not isinstance(value, str):
            self.wrong(key, "a string")
        return value

    def name(self, key: str) -> str:
        """A non-empty string, required (a label)."""
        value = self.obj.get(key)
        if isinstance(value, str) and value:
            return value
        if value is None or value == "":
            self.fail(f'"{key}" must be a non-empty string')
        self.wrong(key, "a non-empty string")

    def integer(self, key: str) -> int:
        """An integer, required (an offset). true and false are not integers."""
        value = self.obj.get(key)
        if not is_int(value):
            if value is None:
                self.fail(f'"{key}" must be an integer')
            self.wrong(key, "an integer")
        return value

    def ident(self, key: str) -> int | str | None:
        """An id: an integer or a string; None when missing."""
        value = self.obj.get(key)
        if value is None:
            return None
        if not (is_int(value) or isinstance(value, str)):
            self.wrong(key, "an integer or a string")
        return value

    def mapping(self, key: str) -> dict[str, Any]:
        """An object ({} when missing), nested at most MAX_DEPTH levels."""
        value = self.obj.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.wrong(key, "an object")
        check_depth(value, self.where, f'{self.what}"{key}"')
        return value

    def items(self, key: str) -> list[Any]:
        """A list ([] when missing)."""
        value = self.obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.wrong(key, "a list")
        return value

    def objects(self, key: str, what: str) -> list[Fields]:
        """A list of objects, each as Fields prefixed ``what`` and its 1-based number."""
        out = []
        for n, item in enumerate(self.items(key), 1):
            if not isinstance(item, dict):
                self.fail(f"{what} {n} must be an object, not {json_type(item)}")
            out.append(Fields(item, self.where, f"{self.what}{what} {n}: "))
        return out

    def strings(self, key: str) -> list[str]:
        """A list of non-empty strings ([] when missing)."""
        values = self.items(key)
        for value in values:
            if not isinstance(value, str) or not value:
                self.fail(f'"{key}" must be a list of names, and holds {json_type(value)}')
        return values


def is_int(value: object) -> TypeGuard[int]:
    """An integer, and not true or false (which Python counts as 1 and 0)."""
    return isinstance(value, int) and not isinstance(value, bool)


_ASCII_DIGITS = re.compile(r"[0-9]{1,18}")


def ascii_int(text: str) -> int | None:
    """The number written in ASCII digits (an offset in a text format), else None.

    ``int()`` also takes ``٣`` (Arabic-Indic), ``+3``, ``3_000`` and spaces, and raises on
    ``²`` (which ``str.isdigit`` accepts): an offset is written 0-9 only, and 18 digits at most.
    """
    return int(text) if _ASCII_DIGITS.fullmatch(text) else None
