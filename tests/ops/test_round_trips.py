"""A project's export imported into a new project, through the real files of each format:
label names with a format's syntax keep their kind, span attributes come back (issue 7)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from annotator.core.model import AnnotatedDocument, Document, Kind, Relation, Span
from annotator.ops import export_project, import_paths
from annotator.store import open_project

TEXT = "قال الوزير كارتر في واشنطن إن «الحرب انتهت» أمس بعد الاجتماع"

# label -> kind: names with brat and XML syntax, all valid label names
LABELS = {
    "[events]": Kind.QUOTE,  # once broke the brat conf's sections: came back an entity
    "!X": Kind.EVENT,
    "<OVERLAP>": Kind.ENTITY,
    "ORG:GOV|x,y": Kind.ENTITY,
    "شخص&": Kind.ENTITY,
}
SPANS: list[tuple[str, str, dict[str, Any]]] = [  # word, label, attributes
    ("الوزير", "ORG:GOV|x,y", {"kind": "nominal"}),
    ("كارتر", "شخص&", {"kind": "named", "confidence": 0.9, "checked": True}),
    ("واشنطن", "<OVERLAP>", {"note": "عاصمة الولايات المتحدة", "alias": ["DC"]}),
    ("«الحرب انتهت»", "[events]", {"kind": "direct"}),
    ("الاجتماع", "!X", {}),
]
FILES = {
    "jsonl": "documents.jsonl",
    "brat": ".",
    "doccano": "doccano.jsonl",
    "labelstudio": "labelstudio.json",
    "conll-multi": "conll-multi.tsv",
    "spacy": "corpus.spacy",
}


def place(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.mark.parametrize("fmt", list(FILES))
def test_export_then_import_into_a_new_project(fmt: str, tmp_path: Path) -> None:
    with open_project(tmp_path / "a.annot.db") as first:
        for name, kind in LABELS.items():
            first.ensure_label(name, kind)
        # the speaker may be a شخص& (the brat conf escapes the name; core/speakers.py)
        first.save_label(replace(first.ensure_label("شخص&", Kind.ENTITY), speaker=True))
        spans = tuple(
            Span(i, 0, *place(TEXT, word), label, "amal", attributes=attributes)
            for i, (word, label, attributes) in enumerate(SPANS, 1)
        )
        doc = AnnotatedDocument(
            Document(None, "كارتر", TEXT), spans, (Relation(1, "speaker", 4, 2),)
        )
        first.add_documents([doc], annotator="amal")
        report = export_project(first, fmt, tmp_path / "out")
        assert report.not_expressed == []
        before = sorted((s.start, s.end, s.label, dict(s.attributes)) for s in first.spans(1))
    with open_project(tmp_path / "b.annot.db") as second:
        imported = import_paths(second, [tmp_path / "out" / FILES[fmt]])
        assert (imported.errors, imported.imported) == ([], 1)
        labels = second.labels()
        assert {name: labels.kind_of(name) for name in LABELS} == LABELS
        after = sorted((s.start, s.end, s.label, dict(s.attributes)) for s in second.spans(1))
        [relation] = second.relations(1)
        by_id = {s.id: s.label for s in second.spans(1)}
        assert (by_id[relation.source_id], by_id[relation.target_id]) == ("[events]", "شخص&")
    assert after == before
