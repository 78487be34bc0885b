"""Features and tags of the CRF entity model on real Arabic (issue 12)."""

from __future__ import annotations

from annotator.core.crf_features import (
    Lexicon,
    sentence_features,
    sentences_of,
    spans_of,
    stem_of,
    tags_for,
)

TEXT = "قصفت الطائرات والرقة أمس، وقال أوباما إن واشنطن ستواصل."


def test_a_token_after_a_proclitic_has_its_stem_features() -> None:
    words = [t.text for t in sentences_of(TEXT)[0]]
    features = sentence_features(words, Lexicon(gazetteer=frozenset({"الرقه"})))
    raqqa = features[words.index("والرقة")]
    assert stem_of("والرقة") == ("و", "الرقة")
    assert raqqa["p"] == "و" and raqqa["s"] == "الرقه" and raqqa["gaz"] == 1.0
    assert raqqa["-1:k"] == "الطاءرات" and raqqa["pre2"] == "ال"


def test_a_stem_span_tags_and_decodes_to_the_stem_offsets() -> None:
    start = TEXT.index("الرقة")
    tokens = sentences_of(TEXT)[0]
    tags = tags_for(tokens, [(start, start + 5, "LOC")])
    assert tags[2] == "B+LOC"
    assert [(s, e, label) for s, e, label, _f, _l in spans_of(tokens, tags)] == [
        (start, start + 5, "LOC")
    ]


def test_a_whole_word_span_keeps_its_token() -> None:
    start = TEXT.index("واشنطن")
    tokens = sentences_of(TEXT)[0]
    tags = tags_for(tokens, [(start, start + 6, "LOC")])
    assert "B-LOC" in tags
    assert spans_of(tokens, tags)[0][:3] == (start, start + 6, "LOC")
