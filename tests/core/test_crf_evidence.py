"""The naive Bayes votes of the CRF entity model on real Arabic (issue 12, ADR 0066)."""

from __future__ import annotations

import pytest

from annotator.core import crf_evidence
from annotator.core.crf_evidence import BadEvidence, Evidence, EvidenceCounts, stem_grams

LABELS = ("O", "LOC", "PERS")
SENTENCES = [
    (["فاز", "فيدرر", "علي", "نادال", "في", "مولدوفا"], ["O", "PERS", "O", "PERS", "O", "LOC"]),
    (["وصل", "الرئيس", "الي", "ليتوانيا", "امس"], ["O", "O", "O", "LOC", "O"]),
    (["قال", "الرئيس", "بوتين", "في", "روسيا"], ["O", "O", "PERS", "O", "LOC"]),
    (["وصل", "الرئيس", "ميدفيديف", "الي", "كينيا"], ["O", "O", "PERS", "O", "LOC"]),
]


def _counts() -> EvidenceCounts:
    counts = EvidenceCounts(LABELS)
    for stems, labels in SENTENCES:
        counts.add(stems, labels)
    return counts


def test_the_letters_of_a_stem_with_its_edges() -> None:
    grams = stem_grams("فيدرر")
    assert "<ف" in grams and "رر>" in grams and "<في" in grams and "درر>" in grams


def test_an_unseen_word_after_a_title_gets_the_context_vote_of_names() -> None:
    evidence = _counts().table()
    features = evidence.features(["قال", "الرئيس", "ساركوزي", "في", "باريس"])
    assert "cnb=PERS" in features[2]  # after الرئيس: a person, though never seen
    assert "cnb=O" in features[1]
    assert any(f.startswith("nb=") for f in features[2])  # its letters vote too
    assert "-1nb=" + features[1][0].split("=", 1)[1] in features[2]  # the word before's vote


def test_a_fold_less_its_own_counts_is_the_other_folds_counts() -> None:
    every, first, rest = _counts(), EvidenceCounts(LABELS), EvidenceCounts(LABELS)
    first.add(*SENTENCES[0])
    for stems, labels in SENTENCES[1:]:
        rest.add(stems, labels)
    assert every.table(first) == rest.table()
    assert "فيدرر" not in str(every.table(first).contexts)


def test_the_votes_go_through_json_unchanged() -> None:
    evidence = _counts().table()
    again = Evidence.from_json(evidence.to_json())
    stems = ["وصل", "الرئيس", "فيدرر", "الي", "مولدوفا"]
    assert again.features(stems) == evidence.features(stems)


def test_the_letter_votes_kept_are_bounded_and_the_same_once_forgotten(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(crf_evidence, "MEMO_LIMIT", 3)
    evidence, fresh = _counts().table(), _counts().table()
    stems = ["فيدرر", "مولدوفا", "نادال", "كينيا", "ساركوزي", "فيدرر"]
    votes = [evidence.letters_vote(s) for s in stems]
    assert len(evidence._stems) <= 3
    assert votes == [fresh.letters_vote(s) for s in stems]


@pytest.mark.parametrize(
    ("stored", "says"),
    [
        ("not json", "not JSON"),
        ("5", "not the five parts written"),
        ('[["LOC", "O"], {}, {}, [0, 0], [0, 0]]', "labels are not O and the entity labels"),
        ('[["O", "LOC"], {"<فا": [1]}, {}, [1, 1], [1, 1]]', "grams '<فا': not 2 counts"),
        ('[["O", "LOC"], {"<فا": [1, true]}, {}, [1, 1], [1, 1]]', "grams hold other things"),
        ('[["O", "LOC"], {}, {"-1فاز": [1, -3]}, [1, 1], [1, 1]]', "contexts hold other things"),
        ('[["O", "LOC"], {}, {"فاز": [1, 3]}, [1, 1], [1, 1]]', "context 'فاز' has no offset"),
        ('[["O", "LOC"], {}, {}, [1], [1, 1]]', "types: not 2 counts"),
    ],
)
def test_stored_votes_that_are_not_what_was_written_are_refused(stored: str, says: str) -> None:
    with pytest.raises(BadEvidence, match=says):
        Evidence.from_json(stored)


def test_votes_of_no_letters_and_no_contexts_still_vote() -> None:
    evidence = Evidence.from_json('[["O", "LOC"], {}, {}, [0, 0], [3, 1]]')
    features = evidence.features(["فاز", "فيدرر"])
    assert len(features) == 2 and all(f for f in features)
