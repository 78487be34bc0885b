"""The CRF entity model trained on a slice of ANERcorp suggests real entities (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.crf_features import Lexicon, entity_key
from annotator.core.model import DEFAULT_LABELS
from annotator.formats import conll
from annotator.ops.crf_model import Example, Suggester, _evidence, out_of_fold, score, train

ANERCORP = Path(__file__).parent.parent / "fixtures" / "ANERCorp.txt"
F1_FLOOR = 0.35  # measured 0.51 on this slice (L-BFGS, before issue 12's second part)


def _examples() -> list[Example]:
    docs, _notes = conll.loads(ANERCORP.read_text(encoding="utf-8"), DEFAULT_LABELS, title="A")
    return [(d.document.text, [(s.start, s.end, s.label) for s in d.spans]) for d in docs]


def test_training_on_a_slice_suggests_entities_on_held_out_documents() -> None:
    examples = _examples()
    trained = train(examples[:15])
    assert trained.documents == 15 and "LOC" in trained.labels and trained.spans > 100
    suggester = Suggester(trained)
    try:
        scores = score(suggester, examples[90:92])
        predicted = suggester.predict(examples[90][0])
    finally:
        suggester.close()
    assert scores.prf()[2] > F1_FLOOR
    assert predicted and all(0.0 <= p.score <= 1.0 for p in predicted)


def test_nothing_to_learn_from_is_an_error() -> None:
    with pytest.raises(ValueError, match="no entity spans"):
        train([("قال أوباما إن واشنطن ستواصل.", [])])


def test_a_training_document_knows_the_other_folds_names_not_its_own() -> None:
    examples: list[Example] = [
        ("قال أوباما إن واشنطن ستواصل.", [(4, 10, "PERS"), (14, 20, "LOC")]),
        ("وصل جون كيري إلى بغداد.", [(4, 12, "PERS"), (17, 22, "LOC")]),
        ("عاد أوباما إلى واشنطن.", [(4, 10, "PERS")]),
    ]
    per_doc, full = out_of_fold(examples, Lexicon(gazetteer=frozenset({"دمشق"})), folds=3)
    kerry, obama = (entity_key("جون كيري"), "PERS"), (entity_key("أوباما"), "PERS")
    assert kerry not in per_doc[1].entities and kerry in per_doc[0].entities
    assert obama in per_doc[0].entities  # named in document 2 too
    assert (entity_key("واشنطن"), "LOC") not in per_doc[0].entities
    assert full.entities >= {kerry, obama} and full.gazetteer == frozenset({"دمشق"})


def test_an_unknown_training_algorithm_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown training algorithm 'sgd'"):
        train(_examples()[:1], algorithm="sgd")


def test_a_training_is_a_function_of_its_data() -> None:
    """crfsuite shuffles with the C library's unseeded rand(): without a seed, a second
    training in the same process made another model (and other k-fold figures)."""
    examples = _examples()[:2]
    first, second = train(examples), train(examples)
    assert first.model == second.model


def test_a_training_document_votes_with_the_other_folds_counts_not_its_own() -> None:
    """The naive Bayes votes (ADR 0066) are out of fold, like the known names: a word only one
    document has is unknown to that document's votes and known to the others'."""
    documents = [
        [(["قال", "الرئيس", "ميدفيديف", "امس"], ["O", "O", "B-PERS", "O"])],
        [(["وصل", "الرئيس", "بوتين", "الي", "كينيا"], ["O", "O", "B-PERS", "O", "B-LOC"])],
        [(["فاز", "فيدرر", "في", "مولدوفا"], ["O", "B-PERS", "O", "B-LOC"])],
    ]
    per_fold, full = _evidence(documents, ("O", "LOC", "PERS"), 3, {})
    assert "+1ميدفيديف" not in per_fold[0].contexts and "+1ميدفيديف" in per_fold[1].contexts
    assert "+1مولدوفا" in full.contexts and "+1مولدوفا" not in per_fold[2].contexts
    assert sum(per_fold[0].tokens) == 9 and sum(full.tokens) == 13
