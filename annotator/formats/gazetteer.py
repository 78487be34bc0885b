"""Gazetteer files: lists of names with their labels, for the gazetteer recommender
(core/recommend_gazetteer.py; docs/adr/0054).

Two formats, told apart by the file's suffix (``.json``; ``.tsv``, ``.tab``, ``.txt``), else by
the content (a first visible character ``[`` or ``{`` is JSON):

- TSV, one ``name<TAB>label`` a line; UTF-8 (a byte order mark allowed; UTF-16 with its mark
  and Arabic Windows-1256 are read as every import reads them, core decoding); lines whose
  first visible character is ``#`` are comments; blank lines are skipped; white space around
  a name or a label is dropped;
- JSON, ``[{"name": ..., "label": ...}, ...]`` or ``{"LABEL": [names], ...}``.

Every bad line is an InputError naming the file and the line: a missing tab, more than two
fields, an empty name, a name with no word in it, an empty or invalid label name, a label the
project does not have (when a LabelSet is given), invalid JSON. The error lists how many more
lines are bad. A refused file yields nothing: no half list.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.labels import name_error
from annotator.core.model import LabelSet
from annotator.core.recommend_gazetteer import Gazetteer, GazetteerEntry
from annotator.formats.decoding import decode_bytes
from annotator.formats.jsonvalues import Where, json_type, load

_TSV_SUFFIXES = (".tsv", ".tab", ".txt")


class GazetteerError(InputError):
    """A refused gazetteer file: the first problem as the message, all of them in ``problems``
    (each a one-line ``path, line N: reason``)."""

    def __init__(self, problems: list[InputError], path: str) -> None:
        first = problems[0]
        more = len(problems) - 1
        reason = first.reason + (f" (and {more} more bad line{'s' * (more > 1)})" if more else "")
        super().__init__(reason, path=path, line=first.line)
        self.problems = tuple(str(p) for p in problems)


def read_gazetteer(
    path: Path, labels: LabelSet | None = None, *, weight: float = 1.0, name: str = ""
) -> Gazetteer:
    """The list in the file at ``path`` (named ``name``, by default the file's stem)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", path=str(path)) from exc
    text = decode_bytes(data, str(path)).text
    return loads(text, str(path), labels, weight=weight, name=name or path.stem)


def loads(
    text: str,
    path: str,
    labels: LabelSet | None = None,
    *,
    weight: float = 1.0,
    name: str = "",
) -> Gazetteer:
    """The list in ``text`` (the content of ``path``, which names it in errors)."""
    body = text.lstrip("\ufeff")
    suffix = Path(path).suffix.lower()
    if suffix == ".json" or (suffix not in _TSV_SUFFIXES and body.lstrip()[:1] in ("[", "{")):
        entries = _json_entries(body, path)
    else:
        entries = _tsv_entries(body, path)
    problems = [p for p in (_check(entry, path, labels) for entry in entries) if p is not None]
    problems += [p for p in entries if isinstance(p, InputError)]
    good = [entry for entry in entries if isinstance(entry, GazetteerEntry)]
    if problems:
        problems.sort(key=lambda p: p.line or 0)
        raise GazetteerError(problems, path)
    if not good:
        raise InputError("no names in this gazetteer", path=path)
    return Gazetteer(name or Path(path).stem, tuple(good), weight)


def _check(
    entry: GazetteerEntry | InputError, path: str, labels: LabelSet | None
) -> InputError | None:
    if isinstance(entry, InputError):
        return None
    where = Where(path, entry.line or None)
    if not entry.name:
        return where.error("empty name")
    if not any(ch.isalnum() for ch in entry.name):
        return where.error(f"the name {entry.name!r} holds no word")
    if not entry.label:
        return where.error(f"empty label for {entry.name!r}")
    if labels is not None:
        if entry.label not in labels:
            known = ", ".join(labels.names)
            return where.error(f"unknown label {entry.label!r} (the project's labels: {known})")
        return None
    problem = name_error(entry.label)
    return None if problem is None else where.error(problem)


def _tsv_entries(text: str, path: str) -> list[GazetteerEntry | InputError]:
    out: list[GazetteerEntry | InputError] = []
    for number, line in enumerate(text.split("\n"), 1):
        visible = line.strip()
        if not visible or visible.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            out.append(InputError("no tab: a line is name<TAB>label", path=path, line=number))
        elif len(fields) > 2:
            out.append(
                InputError(
                    f"{len(fields)} fields: a line is name<TAB>label, one tab",
                    path=path,
                    line=number,
                )
            )
        else:
            out.append(GazetteerEntry(fields[0].strip(), fields[1].strip(), number))
    return out


def _json_entries(text: str, path: str) -> list[GazetteerEntry | InputError]:
    value = load(text, Where(path))
    lines = _Lines(text)
    out: list[GazetteerEntry | InputError] = []
    if isinstance(value, list):
        for n, item in enumerate(value, 1):
            if not isinstance(item, Mapping):
                out.append(_item_error(path, f"entry {n} must be an object, not {json_type(item)}"))
                continue
            entry = _object_entry(item, n, path, lines)
            out.append(entry)
        return out
    if not isinstance(value, dict):
        raise InputError(
            'a JSON gazetteer is a list of {"name", "label"} objects or an object of '
            f"label: [names], not {json_type(value)}",
            path=path,
        )
    for label, names in value.items():
        line = lines.of(label)
        if not isinstance(names, list):
            out.append(
                InputError(
                    f"{label!r} must map to a list of names, not {json_type(names)}",
                    path=path,
                    line=line,
                )
            )
            continue
        for item in names:
            if not isinstance(item, str):
                out.append(
                    InputError(
                        f"the names of {label!r} must be strings, not {json_type(item)}",
                        path=path,
                        line=line,
                    )
                )
                continue
            out.append(GazetteerEntry(item.strip(), label.strip(), lines.of(item) or line or 0))
    return out


def _object_entry(
    item: Mapping[str, Any], n: int, path: str, lines: _Lines
) -> GazetteerEntry | InputError:
    name, label = item.get("name"), item.get("label")
    for key, value in (("name", name), ("label", label)):
        if not isinstance(value, str):
            found = "missing" if key not in item else json_type(value)
            return _item_error(path, f'entry {n}: "{key}" must be a string ({found})')
    assert isinstance(name, str) and isinstance(label, str)
    return GazetteerEntry(name.strip(), label.strip(), lines.of(name) or 0)


def _item_error(path: str, message: str) -> InputError:
    return InputError(message, path=path)


class _Lines:
    """The line of a JSON string in the source: the first one, after the last one found, that
    is written as ``"value"`` (as is or ASCII-escaped). 0 when it cannot be told."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._at = 0

    def of(self, value: str) -> int:
        for literal in (json.dumps(value, ensure_ascii=False), json.dumps(value)):
            k = self._text.find(literal, self._at)
            if k >= 0:
                self._at = k + len(literal)
                return self._text.count("\n", 0, k) + 1
        return 0
