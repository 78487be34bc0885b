"""Plain text: one file, one document.

The text is the whole file (after decoding, canonical line ends and, unless turned off, the
boilerplate rules): the title line stays in it, so what annotators see and label is the article
as it was written. The title is the first non-empty line; the source is the file name. Lines the
boilerplate rules drop are listed in ``meta["boilerplate_dropped"]``. See docs/adr/0005.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Self

from annotator.core import boilerplate
from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, Document, LabelSet
from annotator.formats.base import ReaderWithNotes
from annotator.formats.decoding import read_text, title_from_text

TEXT_EXTENSIONS = (".txt", ".text")
DROPPED = "boilerplate_dropped"


class BoilerplateOptions:
    """What readers of scraped text share: whether and how to drop page chrome."""

    def __init__(
        self,
        *,
        keep_boilerplate: bool = False,
        rules: Iterable[boilerplate.BoilerplateRule] | None = None,
    ) -> None:
        self.keep_boilerplate = keep_boilerplate
        self.rules = boilerplate.DEFAULT_RULES if rules is None else tuple(rules)

    def configured(
        self, *, keep_boilerplate: bool, rules: Iterable[boilerplate.BoilerplateRule] | None
    ) -> Self:
        """A reader of the same format with these options."""
        return type(self)(keep_boilerplate=keep_boilerplate, rules=rules)

    def clean(self, text: str, path: Path) -> tuple[str, dict[str, Any]]:
        """The text without its chrome and the meta entry saying what went."""
        if self.keep_boilerplate:
            return text, {}
        clean, dropped = boilerplate.strip_boilerplate(text, self.rules)
        if not clean.strip():
            raise InputError(
                "nothing left once the boilerplate lines are dropped "
                "(import with --keep-boilerplate to keep them)",
                path=str(path),
            )
        return clean, ({DROPPED: _plain(dropped)} if dropped else {})


def _plain(records: object) -> object:
    """Dropped records as JSON values (the rules module may give dataclasses or dicts)."""
    if isinstance(records, list | tuple):
        return [_plain(r) for r in records]
    if isinstance(records, Mapping):
        return {str(k): _plain(v) for k, v in records.items()}
    fields = getattr(records, "__dataclass_fields__", None)
    if fields is not None:
        return {name: _plain(getattr(records, name)) for name in fields}
    return records


class PlainTextReader(BoilerplateOptions, ReaderWithNotes):
    name = "text"
    extensions = TEXT_EXTENSIONS

    def sniff(self, path: Path, head: bytes) -> bool:
        """A file whose extension says text; a file without extension that looks like text."""
        if path.suffix.lower() in self.extensions:
            return True
        if path.suffix:
            return False
        return head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" not in head

    def read_with_notes(
        self, path: Path, labels: LabelSet
    ) -> tuple[list[AnnotatedDocument], list[str]]:
        decoded = read_text(path)
        text, meta = self.clean(decoded.text, path)
        meta["encoding"] = decoded.encoding
        document = Document(
            id=None, title=title_from_text(text), text=text, source=path.name, meta=meta
        )
        return [AnnotatedDocument(document)], list(decoded.notes)


READER = PlainTextReader()
