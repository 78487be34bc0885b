"""Valid files of every importable format: what the fuzz suite mutates.

Real examples (the fixtures: the sample article, ANERcorp, the hand-checked files of the tools
we read) and files our own writers export from the sample documents, which carry every field a
reader looks at (ids, kinds, relations, metadata). A seed is a ``Seed``: the format and the
files of one import unit (a brat pair comes with its ``annotation.conf``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Document
from annotator.formats import brat, conll_multi, doccano, jsonl, labelstudio, spacy_docbin
from annotator.formats.base import ExportOptions, ExportReport
from tests.formats.format_helpers import sample_doc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FORMATS = (
    "text",
    "newsplease",
    "jsonl",
    "conll",
    "conll-multi",
    "spacy",
    "brat",
    "doccano",
    "labelstudio",
)
JSON_FORMATS = frozenset({"newsplease", "jsonl", "doccano", "labelstudio"})
LINE_FORMATS = frozenset({"text", "conll", "conll-multi", "brat"})


@dataclass(frozen=True, slots=True)
class Seed:
    fmt: str
    files: tuple[tuple[str, bytes], ...]  # (name, content); the first is the one to import

    @property
    def main(self) -> str:
        return self.files[0][0]


def _fixture(*parts: str) -> bytes:
    return FIXTURES.joinpath(*parts).read_bytes()


def _documents() -> list[AnnotatedDocument]:
    """The sample documents, one with metadata and an annotator (what exports carry)."""
    first = sample_doc(1)
    meta = {"lang": "ar", "tags": ["سياسة", 3], "nested": {"a": [1, {"b": None}]}}
    doc = first.document
    second = Document(2, "مقال ثان", doc.text + "\nسطر آخر.", meta=meta)
    return [first, AnnotatedDocument(second, first.spans, first.relations)]


@functools.cache
def seeds() -> dict[str, tuple[Seed, ...]]:
    docs = _documents()
    labels = DEFAULT_LABELS
    article = _fixture("import", "seed-article.txt")
    anercorp = b"\n".join(_fixture("anercorp_sample.txt").split(b"\n")[:80]) + b"\n"
    one = docs[0]
    ann = brat.dumps_ann(one, ExportReport(), "doc")
    conf = brat.dumps_conf(labels, ["speaker"])
    out: dict[str, list[Seed]] = {
        "text": [
            Seed("text", (("article.txt", article),)),
            Seed("text", (("article.txt", article.decode().encode("cp1256", "replace")),)),
            Seed("text", (("article.txt", article.decode().encode("utf-16")),)),
        ],
        "newsplease": [
            Seed("newsplease", (("article.json", _fixture("import", "newsplease-article.json")),))
        ],
        "jsonl": [
            Seed("jsonl", (("documents.jsonl", jsonl.dumps(docs, labels).encode()),)),
        ],
        "conll": [
            Seed("conll", (("ANERCorp.txt", anercorp),)),
            Seed("conll", (("news.conll", _fixture("formats", "conll2003_4col.txt")),)),
            Seed("conll", (("two.conll", _fixture("formats", "conll_2col.txt")),)),
        ],
        "conll-multi": [
            Seed(
                "conll-multi",
                (("conll-multi.tsv", conll_multi.dumps(docs, labels, ExportOptions()).encode()),),
            )
        ],
        "brat": [
            Seed(
                "brat",
                (
                    ("brat.ann", _fixture("formats", "brat.ann")),
                    ("brat.txt", _fixture("formats", "brat.txt")),
                ),
            ),
            Seed(
                "brat",
                (
                    ("doc-000001.ann", ann.encode()),
                    ("doc-000001.txt", one.document.text.encode()),
                    (brat.CONF, conf.encode()),
                ),
            ),
        ],
        "doccano": [
            Seed("doccano", (("doccano.jsonl", _fixture("formats", "doccano_rel.jsonl")),)),
            Seed("doccano", (("seq.jsonl", _fixture("formats", "doccano_seq.jsonl")),)),
            Seed("doccano", (("doccano.jsonl", doccano.dumps(docs, labels).encode()),)),
        ],
        "labelstudio": [
            Seed("labelstudio", (("tasks.json", _fixture("formats", "labelstudio_tasks.json")),)),
            Seed("labelstudio", (("labelstudio.json", labelstudio.dumps(docs, labels).encode()),)),
        ],
        "spacy": [],
    }
    if spacy_docbin.AVAILABLE:
        out["spacy"].append(Seed("spacy", (("corpus.spacy", spacy_docbin.dumps(docs, labels)),)))
    return {fmt: tuple(found) for fmt, found in out.items()}
