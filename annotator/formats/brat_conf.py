"""brat's ``annotation.conf`` and its type names: what our labels become in brat, and back.

brat's syntax reserves characters in type names: ``[entities]`` opens a section, ``!X`` is a
type that cannot be chosen, ``<OVERLAP>`` and ``<X>=`` are macros, ``#`` a comment, ``|`` and
``,`` separate alternatives and arguments, ``:`` an argument's role, ``;`` fragments in ``.ann``
lines, white space the fields. A label is therefore written as a brat type with every such
character as ``%XX`` (its UTF-8 bytes, as in a URL; ``%`` itself too), so ``[events]`` (a quote
label) stays a type of the entities section and comes back as a quote. The conf says so in a
comment line (``ESCAPE_MARK``), and the reader undoes it only in a folder whose conf says so: a
brat corpus of someone else is read as written. Attribute names and values are escaped alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote

from annotator.core.model import SPEAKER, Kind, LabelSet

CONF = "annotation.conf"
RESERVED = frozenset("%:;|,!<>[]#=")
ESCAPE_MARK = "# Type, attribute and value names: brat's reserved characters as %XX (UTF-8)."
_KIND_PREFIX = "# kind:"
_KIND_COMMENT = re.compile(r"^#\s*kind:\s*(\w+)")


def escape(name: str) -> str:
    """The brat type (or attribute) name of ``name``: reserved, white-space and invisible
    characters as ``%XX``; a name made only of ``-`` (brat's separator line) too."""
    out = "".join(
        quote(c, safe="") if c in RESERVED or not c.isprintable() or c.isspace() else c
        for c in name
    )
    if out and set(out) == {"-"}:
        out = "%2D" + out[1:]
    return out


def unescape(name: str) -> str:
    return unquote(name, errors="strict")


@dataclass(frozen=True, slots=True)
class ConfInfo:
    """What our reader takes from an ``annotation.conf``: label -> kind, and whether the type
    names in the folder are escaped (the conf is ours)."""

    kinds: Mapping[str, str]
    escaped: bool

    def name(self, written: str) -> str:
        """The label (or attribute) name a type name of this folder stands for."""
        if not self.escaped:
            return written
        try:
            return unescape(written)
        except UnicodeDecodeError:
            return written


NO_CONF = ConfInfo({}, escaped=False)


def dumps_conf(
    labels: LabelSet,
    relation_types: Iterable[str],
    attribute_values: Mapping[str, Iterable[str]] | None = None,
) -> str:
    """``annotation.conf``: every label an entity type, grouped under its kind; the relations
    (``speaker`` from the quote labels to the labels allowed as speakers); the attributes
    written as ``A`` lines, each with the values it takes."""
    lines = [
        "# Written by the Arabic news annotator. Kinds are layers: spans of different kinds",
        "# overlap freely (a quote holds entities).",
        ESCAPE_MARK,
        "[entities]",
    ]
    for kind in Kind:
        names = [escape(label.name) for label in labels.of_kind(kind)]
        if names:
            lines.append(f"{_KIND_PREFIX} {kind.value}")
            lines.extend(names)
    # the speaker rule (core/speakers.py): from a quote label to a label allowed as a speaker;
    # with none of either, no speaker line (and dumps_ann writes no speaker relation)
    quotes = "|".join(escape(label.name) for label in labels.of_kind(Kind.QUOTE))
    speakers = "|".join(escape(name) for name in labels.speakers)
    lines += ["", "[relations]"]
    if quotes and speakers:
        lines.append(f"{SPEAKER}\tArg1:{quotes}, Arg2:{speakers}")
    lines.extend(
        f"{escape(t)}\tArg1:<ENTITY>, Arg2:<ENTITY>"
        for t in sorted(set(relation_types))
        if t != SPEAKER
    )
    lines.append("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>")
    lines += ["", "[events]", "", "[attributes]"]
    for name, values in sorted((attribute_values or {}).items()):
        choices = "|".join(escape(v) for v in sorted(set(values)))
        lines.append(f"{escape(name)}\tArg:<ENTITY>, Value:{choices}")
    lines.append("")
    return "\n".join(lines)


def read_conf(conf: str) -> ConfInfo:
    """Label -> kind from the ``# kind:`` comments of an ``annotation.conf``, and whether its
    names are escaped (it carries ``ESCAPE_MARK``)."""
    escaped = any(line.strip() == ESCAPE_MARK for line in conf.splitlines())
    info = ConfInfo({}, escaped)
    kinds: dict[str, str] = {}
    section = ""
    kind = ""
    for raw in conf.splitlines():
        line = raw.strip()
        if line.startswith("[") and line.endswith("]"):
            section, kind = line[1:-1], ""
        elif section == "entities" and (m := _KIND_COMMENT.match(line)):
            kind = m.group(1)
        elif section == "entities" and line and not line.startswith("#") and kind:
            kinds[info.name(line.split()[0].lstrip("!"))] = kind
    return ConfInfo(kinds, escaped)
