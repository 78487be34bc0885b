"""Writers that stream a document in pieces write the very bytes of the whole-value encoding.

The batch and slice sizes are made tiny here, so every document is cut into many pieces.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Document, Relation, Span
from annotator.core.tokens import TokenList, sentence_token_ranges, tokenize
from annotator.formats import jsonl, jsonl_lines, labelstudio
from annotator.formats.base import ExportOptions, ExportReport
from annotator.formats.token_tags import TOKEN_MODES, Tags
from tests.strategies import mixed_text, text_with_spans


@pytest.fixture(autouse=True)
def _tiny_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl_lines, "TEXT_SLICE", 7)
    monkeypatch.setattr(jsonl_lines, "BATCH", 3)


def documents(text: str, spans: list[tuple[int, int, str]]) -> list[AnnotatedDocument]:
    values = tuple(Span(k, 0, a, b, label, "amal") for k, (a, b, label) in enumerate(spans, 1))
    relations = (Relation(1, "speaker", 1, len(values)),) if len(values) > 1 else ()
    doc = AnnotatedDocument(Document(7, 'عنوان "x"', text, meta={"a": [1]}), values, relations)
    return [doc, AnnotatedDocument(Document(8, "", text[::-1] or "x"))]


@settings(max_examples=150, deadline=None)
@given(text_with_spans())
def test_a_jsonl_line_is_json_dumps_of_its_record(case: tuple[str, list]) -> None:
    for mode in TOKEN_MODES:
        out = jsonl.dumps(documents(*case), DEFAULT_LABELS, ExportOptions(tokens=mode))
        for line in out.splitlines():
            assert line == json.dumps(json.loads(line), ensure_ascii=False)


@settings(max_examples=100, deadline=None)
@given(text_with_spans())
def test_label_studio_tasks_are_json_dumps_of_the_list(case: tuple[str, list]) -> None:
    out = "".join(labelstudio.iter_chunks(documents(*case), DEFAULT_LABELS, ExportReport()))
    assert out == json.dumps(json.loads(out), ensure_ascii=False, indent=1) + "\n"
    assert labelstudio.dumps([], DEFAULT_LABELS) == "[]\n"


@settings(max_examples=200, deadline=None)
@given(mixed_text)
def test_a_token_list_is_the_tokenizer_s_tokens(text: str) -> None:
    compact = TokenList.of(text)
    assert compact == tokenize(text) and list(compact) == tokenize(text)
    assert sentence_token_ranges(text, compact) == sentence_token_ranges(text, tokenize(text))
    assert compact[1:3] == tokenize(text)[1:3]


def test_tags_read_like_a_list_of_strings() -> None:
    tags = Tags(4)
    tags[1], tags[2] = "B-PER", "I-PER"
    assert tags == ["O", "B-PER", "I-PER", "O"] and tags[1:3] == ["B-PER", "I-PER"]
    assert tags.names == ["O", "B-PER", "I-PER"] and len(tags.codes) == 4
