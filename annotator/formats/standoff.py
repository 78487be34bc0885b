"""What the offset formats (brat, doccano, Label Studio, spaCy, conll-multi) share.

Reading: label kinds, canonical text with offsets carried over, UTF-16 offsets recognised,
spans and relations checked and numbered. Writing: relations whose two spans were written.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from annotator.core.errors import InputError
from annotator.core.labels import name_error
from annotator.core.model import (
    AnnotatedDocument,
    Document,
    Kind,
    LabelSet,
    Relation,
    Span,
)
from annotator.core.text import text_sha256
from annotator.formats.base import ExportReport
from annotator.formats.decoding import canonical_with_map
from annotator.formats.jsonvalues import Fields, is_int, json_type
from annotator.formats.token_tags import describe

K = TypeVar("K", bound=Hashable)
KINDS = frozenset(k.value for k in Kind)


def kind_of(name: str, labels: LabelSet, hint: str | None = None) -> str:
    """The kind of a label read from a file: the project's, else the file's hint, else entity."""
    known = labels.get(name)
    if known is not None:
        return known.kind.value
    if hint in KINDS:
        return str(hint)
    return Kind.ENTITY.value


def new_labels(kinds: Mapping[str, str], labels: LabelSet) -> dict[str, Kind]:
    """The labels of ``kinds`` (label -> kind read) that the project lacks: the importer adds
    them (``AnnotatedDocument.new_labels``)."""
    return {name: Kind(kind) for name, kind in kinds.items() if name not in labels}


def check_new_label(name: str, labels: LabelSet, path: str, line: int | None) -> None:
    """InputError (file, line) if ``name`` is new to the project and no label name may be it."""
    if name not in labels:
        problem = name_error(name)
        if problem is not None:
            raise InputError(problem, path=path, line=line)


def label_hints(fields: Fields, key: str) -> dict[str, str]:
    """The file's ``{label: kind}`` (our exports' ``label_kinds``): kinds of labels the project
    may lack. InputError for anything but names mapped to known kinds."""
    hints = fields.mapping(key)
    for label, kind in hints.items():
        if not isinstance(kind, str) or kind not in KINDS:
            fields.fail(
                f'"{key}": the kind of {label!r} is {kind!r:.40}, not one of '
                f"{', '.join(k.value for k in Kind)}"
            )
    return hints


def label_kinds(labels: LabelSet) -> dict[str, str]:
    return {label.name: label.kind.value for label in labels}


# --- writing --------------------------------------------------------------------------------


def written_relations(
    doc: AnnotatedDocument, keys: Mapping[int, K], report: ExportReport, where: str
) -> list[tuple[Relation, K, K]]:
    """Relations whose two spans were written (``keys``: span id -> the format's id)."""
    out: list[tuple[Relation, K, K]] = []
    for rel in doc.relations:
        a, b = keys.get(rel.source_id), keys.get(rel.target_id)
        if a is None or b is None:
            report.not_expressed.append(
                f"{where} relation {rel.id} {rel.type} (span {rel.source_id} -> span "
                f"{rel.target_id}): one of its spans was not written"
            )
            continue
        out.append((rel, a, b))
    return out


def count_spans(report: ExportReport, spans: Iterable[Span]) -> None:
    for span in spans:
        report.spans_per_label[span.label] += 1


def span_note(doc: AnnotatedDocument, span: Span, where: str, why: str) -> str:
    return f"{where} {describe(doc.document.text, span)}: {why}"


# --- reading --------------------------------------------------------------------------------


def utf16_to_codepoints(text: str) -> Callable[[int], int | None]:
    """Turns a UTF-16 offset into ours; None inside a surrogate pair or past the end."""
    table: dict[int, int] = {}
    u16 = 0
    for i, ch in enumerate(text):
        table[u16] = i
        u16 += 2 if ord(ch) > 0xFFFF else 1
    table[u16] = len(text)
    return table.get


@dataclass
class DocBuilder:
    """Collects one document's spans and relations as read, then checks and numbers them."""

    raw_text: str
    path: str
    labels: LabelSet
    spans: list[tuple[int, int, str, str, Any]] = field(default_factory=list)
    relations: list[tuple[str, Any, Any]] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    hints: Mapping[str, str] = field(default_factory=dict)
    attributes: dict[Any, dict[str, Any]] = field(default_factory=dict)  # span key -> values
    keys: set[Any] = field(default_factory=set)

    def add_span(
        self,
        start: int,
        end: int,
        label: str,
        key: Any = None,
        annotator: str = "",
        *,
        line: int | None = None,
    ) -> None:
        if not is_int(start) or not is_int(end):
            raise InputError(
                f"span offsets must be integers: {start!r:.30}, {end!r:.30}",
                path=self.path,
                line=line,
            )
        if not isinstance(label, str):
            raise InputError(
                f"span [{start}, {end}): the label must be a string, not {json_type(label)}",
                path=self.path,
                line=line,
            )
        if not 0 <= start < end <= len(self.raw_text):
            raise InputError(
                f"span {label} [{start}, {end}) is outside the text (length {len(self.raw_text)})",
                path=self.path,
                line=line,
            )
        if not isinstance(label, str) or not label:
            raise InputError(f"span [{start}, {end}) has no label", path=self.path, line=line)
        if label not in self.kinds:
            check_new_label(label, self.labels, self.path, line)
            self.kinds[label] = kind_of(label, self.labels, self.hints.get(label))
        if key is not None:
            try:
                self.keys.add(key)
            except TypeError:
                raise InputError(
                    f"span {label} [{start}, {end}) has an id {key!r} that is not a number or "
                    "a string",
                    path=self.path,
                    line=line,
                ) from None
        self.spans.append((start, end, label, annotator, key))

    def add_attributes(self, key: Any, values: Mapping[str, Any]) -> bool:
        """Give the span added with ``key`` these attributes (merged with those it has);
        False, and nothing kept, when no span has that key."""
        if key not in self.keys:
            return False
        self.attributes.setdefault(key, {}).update(values)
        return True

    def add_relation(self, type_: str, source: Any, target: Any) -> None:
        self.relations.append((type_, source, target))

    def build(
        self,
        title: str,
        *,
        source: str = "",
        meta: Mapping[str, Any] | None = None,
        line: int | None = None,
    ) -> AnnotatedDocument:
        text, mapping = canonical_with_map(self.raw_text)
        spans: list[Span] = []
        ids: dict[Any, int] = {}
        for start, end, label, annotator, key in self.spans:
            a, b = (mapping[start], mapping[end]) if mapping else (start, end)
            if a >= b:
                raise InputError(
                    f"span {label} [{start}, {end}) covers no text", path=self.path, line=line
                )
            attributes = self.attributes.get(key, {}) if key is not None else {}
            span_id = len(spans) + 1  # a local number the relations refer to
            spans.append(Span(span_id, 0, a, b, label, annotator, attributes=attributes))
            if key is not None:
                ids[key] = span_id
        relations: list[Relation] = []
        for type_, source_key, target_key in self.relations:
            if source_key not in ids or target_key not in ids:
                missing = source_key if source_key not in ids else target_key
                raise InputError(
                    f"relation {type_} refers to {missing!r}, which is no span of this document",
                    path=self.path,
                    line=line,
                )
            relations.append(Relation(len(relations) + 1, type_, ids[source_key], ids[target_key]))
        full_meta: dict[str, Any] = dict(meta or {})
        full_meta["labels"] = dict(self.kinds)
        document = Document(None, title, text, text_sha256(text), source=source, meta=full_meta)
        return AnnotatedDocument(
            document, tuple(spans), tuple(relations), new_labels=new_labels(self.kinds, self.labels)
        )


def read_span_attributes(
    builder: DocBuilder, items: object, *, line: int | None = None, where: str = ""
) -> None:
    """Give the builder's spans the attributes of a conll-multi ``#doc`` line or a DocBin's user
    data: ``[[start, end, label, {...}], ...]``, the span's key (its extent and label) first.
    InputError for an entry of another shape or one that names no span."""
    if items is None:
        return
    prefix = f"{where}: " if where else ""
    if not isinstance(items, list | tuple):
        raise InputError(
            f'{prefix}"attributes" must be a list of [start, end, label, {{...}}]',
            path=builder.path,
            line=line,
        )
    for item in items:
        ok = isinstance(item, list | tuple) and len(item) == 4
        if not ok or not _is_key(item[:3]) or not isinstance(item[3], Mapping):
            raise InputError(
                f"{prefix}span attributes {item!r} are not [start, end, label, {{...}}]",
                path=builder.path,
                line=line,
            )
        start, end, label, values = item
        if not builder.add_attributes((start, end, label), dict(values)):
            raise InputError(
                f"{prefix}attributes for {label} [{start}, {end}), which is no span of this "
                "document",
                path=builder.path,
                line=line,
            )


def _is_key(key: Sequence[Any]) -> bool:
    start, end, label = key
    ints = all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end))
    return ints and isinstance(label, str)


def attribute_rows(spans: Iterable[tuple[Span, tuple[int, int]]]) -> list[list[Any]]:
    """``[[start, end, label, {...}], ...]`` for the spans that have attributes, at the extent
    they were written with (a span widened to whole tokens: its token extent)."""
    return [[a, b, s.label, dict(s.attributes)] for s, (a, b) in spans if s.attributes]


def relation_ends(
    rel: object, fields: Fields
) -> tuple[str, tuple[int, int, str], tuple[int, int, str]]:
    """A relation written as ``[type, [start, end, label], [start, end, label]]`` (conll-multi's
    ``#doc`` line, spaCy's user data); InputError naming ``fields``' file otherwise."""
    ends = []
    if isinstance(rel, list) and len(rel) == 3 and isinstance(rel[0], str) and rel[0]:
        for end in rel[1:]:
            if (
                isinstance(end, list)
                and len(end) == 3
                and is_int(end[0])
                and is_int(end[1])
                and isinstance(end[2], str)
            ):
                ends.append((end[0], end[1], end[2]))
    if len(ends) != 2:
        fields.fail(f"a relation must be [type, [s, e, label], [s, e, label]], not {rel!r:.60}")
    assert isinstance(rel, list)
    return rel[0], ends[0], ends[1]


def check_text(
    text: str,
    start: int,
    end: int,
    expected: str | None,
    to_cp: Callable[[int], int | None],
) -> tuple[int, int, bool] | None:
    """``(start, end, was_utf16)`` if the offsets select ``expected`` as code points or as UTF-16
    units; the offsets unchanged when there is nothing to check; None when neither fits."""
    if expected is None or text[start:end] == expected:
        return start, end, False
    a, b = to_cp(start), to_cp(end)
    if a is not None and b is not None and text[a:b] == expected:
        return a, b, True
    return None
