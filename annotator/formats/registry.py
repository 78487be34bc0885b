"""The format registry: name -> module. Each module exposes ``READER`` and/or ``WRITER``.

Modules are imported lazily, so an optional format (spaCy) costs nothing until it is used.
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path

from annotator.core.errors import InputError
from annotator.formats.base import REPORT_FILE, Reader, Writer

HEAD = 4096  # bytes a reader sees to recognise a file
FIRST_LINE_MAX = 1 << 20  # ... or its whole first line, when that is longer
UNKNOWN_FORMAT = "cannot tell the format of this file"  # the caller says how to give it

MODULES: dict[str, str] = {
    "text": "annotator.formats.plaintext",
    "newsplease": "annotator.formats.newsplease",
    "jsonl": "annotator.formats.jsonl",
    "conll": "annotator.formats.conll",
    "conll-multi": "annotator.formats.conll_multi",
    "spacy": "annotator.formats.spacy_docbin",
    "brat": "annotator.formats.brat",
    "doccano": "annotator.formats.doccano",
    "labelstudio": "annotator.formats.labelstudio",
}


@functools.cache
def _module_attr(name: str, attr: str) -> object | None:
    module_name = MODULES.get(name)
    if module_name is None:
        return None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            return None
        raise
    return getattr(module, attr, None)


def writer(name: str) -> Writer:
    found = _module_attr(name, "WRITER")
    if found is None:
        raise KeyError(f"no exporter for format {name!r}; known: {', '.join(writer_names())}")
    return found  # type: ignore[return-value]


def reader(name: str) -> Reader:
    found = _module_attr(name, "READER")
    if found is None:
        raise KeyError(f"no importer for format {name!r}; known: {', '.join(reader_names())}")
    return found  # type: ignore[return-value]


def writer_names() -> list[str]:
    return [n for n in MODULES if _module_attr(n, "WRITER") is not None]


def reader_names() -> list[str]:
    return [n for n in MODULES if _module_attr(n, "READER") is not None]


def missing_writers() -> dict[str, str]:
    """Formats not offered because a package they need is not installed: name -> package
    (``{"spacy": "spacy"}`` without spaCy)."""
    found = {}
    for name in MODULES:
        needs = _module_attr(name, "NEEDS")
        if isinstance(needs, str) and _module_attr(name, "WRITER") is None:
            found[name] = needs
    return found


def detect(path: Path) -> Reader:
    """The reader for ``path``, by extension first and content (``sniff``) second.

    Order matters: more specific formats are asked first; plain text is the fallback for files
    whose extension says text. The export report found in an export folder is no document.
    """
    head = b""
    if path.is_file():
        with path.open("rb") as f:
            head = f.read(HEAD)
            if len(head) == HEAD and b"\n" not in head:
                # one long line (JSONL, a one-line JSON export): read it whole, so that a
                # reader sees its keys (doccano's "entities" after a long "text")
                rest = f.read(FIRST_LINE_MAX - HEAD)
                cut = rest.find(b"\n")
                head += rest if cut < 0 else rest[: cut + 1]
    if path.name == REPORT_FILE and head.startswith(b"format: "):
        raise InputError("an export report, not a document", path=str(path))
    candidates = [reader(n) for n in reader_names()]
    candidates.sort(key=lambda r: r.name == "text")  # plain text is the fallback: asked last
    for r in candidates:
        if path.suffix.lower() in r.extensions and r.sniff(path, head):
            return r
    for r in candidates:
        if r.sniff(path, head):
            return r
    raise InputError(UNKNOWN_FORMAT, path=str(path))
