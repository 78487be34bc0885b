"""Scraped-page chrome dropped at import, by a configurable list of line rules.

A rule matches a whole line, stripped of surrounding whitespace and direction marks, with
``re.fullmatch``. ``where="any"`` drops a matching line anywhere; ``where="last"`` only among
the trailing lines (after the last line of content: only blank lines and other dropped lines
may follow it). Blank lines are never dropped by a rule. The default rules:

=================  ======  =======================================================
name               where   matches
=================  ======  =======================================================
font-size widget   any     ت + ت - الحجم الطبيعي (any spacing, either sign order)
photo caption      any     أرشيفية, (أرشيفية), صورة أرشيفية
share link         last    Email, E-mail, Share, Print, طباعة, مشاركة (any case)
=================  ======  =======================================================

Where lines are dropped, the blank lines around them collapse to the longest run of blank
lines among them, so paragraphs stay as they were; at the start or end of the text they go.
Nothing else changes. Every dropped line is reported as ``{"rule", "line", "text"}`` (line
numbers from 1, in the input) for the document's metadata. A project or the command line can
pass its own rules as JSON: ``[{"name": ..., "pattern": ..., "where": "any" | "last"}]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.core.errors import InputError

WHERE = ("any", "last")
# whitespace and direction marks around a line; str.strip is linear where an edge regex is not
_EDGE_CHARS = (
    "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "\u200e\u200f\u061c\ufeff"
)


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    """Drop a line whose stripped text fully matches ``pattern``; ``where`` is any or last."""

    name: str
    pattern: str
    where: str = "any"
    _regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.where not in WHERE:
            raise ValueError(
                f"rule {self.name!r}: where must be 'any' or 'last', not {self.where!r}"
            )
        try:
            regex = re.compile(self.pattern)
        except re.error as exc:
            raise ValueError(f"rule {self.name!r}: bad pattern {self.pattern!r}: {exc}") from exc
        object.__setattr__(self, "_regex", regex)

    def matches(self, line: str) -> bool:
        stripped = _strip(line)
        return bool(stripped) and self._regex.fullmatch(stripped) is not None


DEFAULT_RULES: tuple[BoilerplateRule, ...] = (
    BoilerplateRule("font-size widget", r"ت\s*[-+−–]\s*ت\s*[-+−–]\s*الحجم\s*الطبيعي"),
    BoilerplateRule("photo caption", r"\(\s*(?:صورة\s+)?[أا]رشيفية\s*\)|(?:صورة\s+)?[أا]رشيفية"),
    BoilerplateRule("share link", r"(?i:e-?mail|share|print)|طباعة|مشاركة", "last"),
)


def _strip(line: str) -> str:
    return line.strip(_EDGE_CHARS)


def strip_boilerplate(
    text: str, rules: Iterable[BoilerplateRule] = DEFAULT_RULES
) -> tuple[str, list[dict[str, Any]]]:
    """The text without the lines the rules match, and a record of each dropped line."""
    rules = tuple(rules)
    newline_at_end = text.endswith("\n")
    lines = (text[:-1] if newline_at_end else text).split("\n")
    blank = [not _strip(line) for line in lines]
    dropped: dict[int, str] = {}
    anywhere = [r for r in rules if r.where == "any"]
    for i, line in enumerate(lines):
        rule = _first_match(anywhere, line) if not blank[i] else None
        if rule is not None:
            dropped[i] = rule.name
    at_end = [r for r in rules if r.where == "last"]
    for i in range(len(lines) - 1, -1, -1):
        if blank[i] or i in dropped:
            continue
        rule = _first_match(at_end, lines[i])
        if rule is None:
            break
        dropped[i] = rule.name
    if not dropped:
        return text, []
    kept = _collapse(lines, blank, dropped)
    cleaned = "\n".join(kept) + ("\n" if newline_at_end and kept else "")
    records = [{"rule": dropped[i], "line": i + 1, "text": lines[i]} for i in sorted(dropped)]
    return cleaned, records


def _first_match(rules: list[BoilerplateRule], line: str) -> BoilerplateRule | None:
    return next((r for r in rules if r.matches(line)), None)


def _collapse(lines: list[str], blank: list[bool], dropped: dict[int, str]) -> list[str]:
    """Lines without the dropped ones; each gap they leave keeps its longest run of blanks."""
    kept: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if not blank[i] and i not in dropped:
            kept.append(lines[i])
            i += 1
            continue
        j = i
        while j < n and (blank[j] or j in dropped):
            j += 1
        if not any(k in dropped for k in range(i, j)):
            kept.extend(lines[i:j])  # blank lines no rule touched
        elif i > 0 and j < n:
            kept.extend(_longest_blank_run(lines, blank, i, j))
        i = j
    return kept


def _longest_blank_run(lines: list[str], blank: list[bool], i: int, j: int) -> list[str]:
    best: tuple[int, int] = (i, i)
    start = i
    for k in range(i, j + 1):
        if k == j or not blank[k]:
            if k - start > best[1] - best[0]:
                best = (start, k)
            start = k + 1
    return lines[best[0] : best[1]]


def rules_from_json(data: object, *, path: str | None = None) -> tuple[BoilerplateRule, ...]:
    """Rules from parsed JSON: a list of ``{"name", "pattern", "where"?}`` or ``{"rules": list}``.

    Errors are InputErrors naming ``path`` and the rule's number (from 1).
    """
    if isinstance(data, dict) and set(data) == {"rules"}:
        data = data["rules"]
    if not isinstance(data, list):
        raise InputError("boilerplate rules must be a JSON list of rules", path=path)
    rules = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise InputError(f"rule {number} is not an object", path=path)
        unknown = set(item) - {"name", "pattern", "where"}
        if unknown:
            raise InputError(f"rule {number}: unknown keys {sorted(unknown)}", path=path)
        name, pattern, where = item.get("name"), item.get("pattern"), item.get("where", "any")
        if not isinstance(name, str) or not name:
            raise InputError(f"rule {number}: 'name' must be a non-empty string", path=path)
        if not isinstance(pattern, str) or not pattern:
            raise InputError(f"rule {number}: 'pattern' must be a non-empty string", path=path)
        if not isinstance(where, str):
            raise InputError(f"rule {number}: 'where' must be 'any' or 'last'", path=path)
        try:
            rules.append(BoilerplateRule(name, pattern, where))
        except ValueError as exc:
            raise InputError(f"rule {number}: {exc}", path=path) from exc
    return tuple(rules)


def rules_to_json(rules: Iterable[BoilerplateRule] = DEFAULT_RULES) -> list[dict[str, str]]:
    """The JSON form ``rules_from_json`` reads (a starting point for a project's own list)."""
    return [{"name": r.name, "pattern": r.pattern, "where": r.where} for r in rules]
