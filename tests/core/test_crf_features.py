"""Features and tags of the CRF entity model on real Arabic (issue 12, ADR 0066)."""

from __future__ import annotations

from annotator.core.crf_features import (
    Lexicon,
    entity_key,
    is_nisba,
    name_features,
    repeated_names,
    sentence_features,
    sentences_of,
    spans_of,
    stem_of,
    tags_for,
    word_features,
)

TEXT = "قصفت الطائرات والرقة أمس، وقال أوباما إن واشنطن ستواصل."


def _words(text: str = TEXT) -> list[str]:
    return [t.text for t in sentences_of(text)[0]]


def test_a_token_after_a_proclitic_has_its_stem_features() -> None:
    words = _words()
    features = sentence_features(words, Lexicon())
    raqqa = set(features[words.index("والرقة")])
    assert stem_of("والرقة") == ("و", "الرقة")
    assert {"s=الرقه", "k=والرقه", "p=و", "-1s=الطاءرات", "+1s=امس"} <= raqqa
    assert "pre2=ال" in raqqa and "suf3=رقه" in raqqa and "pre4=الرق" in raqqa


def test_version_1_features_have_letter_trigrams_and_vowel_pattern() -> None:
    # what a model stored before the naive Bayes votes was trained on (ADR 0066)
    old = set(word_features("مولدوفا", version=1).own)
    assert {"c3=<مو", "c3=فا>", "cv=CVCCVCV", "vowels=3/7"} <= old
    new = set(word_features("مولدوفا").own)
    assert not any(f.startswith(("c3=", "cv=", "vowels=")) for f in new)
    assert old - new == {f for f in old if f.startswith(("c3=", "cv=", "vowels="))}
    words = _words()
    assert sentence_features(words, Lexicon(), version=1) != sentence_features(words, Lexicon())


def test_a_word_without_proclitic_gives_its_stem_only() -> None:
    own = word_features("تركيا").own
    assert "s=تركيا" in own and not any(f.startswith(("k=", "p=", "w=")) for f in own)
    assert "w=أوباما" in word_features("أوباما").own  # folding changed it: the word as written


def test_the_sentence_edges_and_word_pairs_are_features() -> None:
    features = sentence_features(_words(), Lexicon())
    assert {"-1edge", "-2edge", "-1k|k=|قصفت"} <= set(features[0])
    assert {"+1edge", "k|+1k=.|"} <= set(features[-1])


def test_a_known_name_marks_its_words_and_its_neighbours() -> None:
    words = _words("وصل وزير الخارجية جون كيري إلى بغداد.")
    lexicon = Lexicon(entities=frozenset({(entity_key("جون كيري"), "PERS")}))
    features = sentence_features(words, lexicon)
    john, kerry = words.index("جون"), words.index("كيري")
    assert "m=B-PERS" in features[john] and "m=I-PERS" in features[kerry]
    assert "+1m=B-PERS" in features[john - 1] and "-1m=I-PERS" in features[kerry + 1]


def test_a_known_name_after_a_proclitic_is_marked_at_its_stem() -> None:
    words = _words()
    keys = [word_features(w).key for w in words]
    stems = [word_features(w).stem for w in words]
    names = name_features(keys, stems, Lexicon(gazetteer=frozenset({"الرقه"})))
    assert names[words.index("والرقة")] == ["m=B+-GAZ"]


def test_nisba_of_real_words() -> None:
    assert is_nisba("المصريه") and is_nisba("السوريين") and not is_nisba("علي")
    assert "nisba" in word_features("الأمريكية").own


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


def test_a_name_found_once_is_found_again_where_it_repeats() -> None:
    text = "وصل روجيه فيدرر إلى نيويورك.\nوقال فيدرر إن روجيه فيدرر سيلعب في نيويورك."
    sentences = sentences_of(text)
    found = [spans_of(s, tags_for(s, [])) for s in sentences]
    first = sentences[0]
    found[0] = [
        (first[1].start, first[2].end, "PERS", 1, 3),
        (first[4].start, first[4].end, "LOC", 4, 5),
    ]
    keys = [[word_features(t.text).key for t in s] for s in sentences]
    again = repeated_names(sentences, keys, found)
    assert again[0] == []
    got = {text[s:e]: label for s, e, label, _f, _l in again[1]}
    assert got == {"روجيه فيدرر": "PERS", "نيويورك": "LOC"}  # وقال فيدرر: not the whole name
