"""The reads behind agreement (docs/adr/0074) on a real project file: speaker links of the
quotes both annotated, whose documents count, and the figures a sheet was made from."""

from __future__ import annotations

from pathlib import Path

from annotator.ops.agreement import agreement_report
from tests.ops.team_project import team_project

TEXT = "قال محمد بن سلمان في الرياض إن السعودية «ستبقى قوية» أمام خالد بن علي."


def at(word: str, label: str) -> tuple[int, int, str]:
    start = TEXT.index(word)
    return (start, start + len(word), label)


QUOTE, SPEAKER, OTHER = (
    at("«ستبقى قوية»", "QUOTE"),
    at("محمد بن سلمان", "PER"),
    at("خالد بن علي", "PER"),
)


def test_the_speakers_of_the_quotes_both_annotated(tmp_path: Path) -> None:
    texts = [TEXT, TEXT + " ", TEXT + "  "]
    work = {name: [[QUOTE, SPEAKER, OTHER]] * 3 for name in ("ali", "badr")}
    speakers = {
        "ali": [[(0, 1)], [(0, 1)], [(0, 1)]],
        "badr": [[(0, 1)], [(0, 2)], []],  # the same, another person, none
    }
    with team_project(tmp_path / "p.annot.db", texts, work, speakers=speakers) as repo:
        report = agreement_report(repo)
    pair = report.agreement.pairs[0]
    assert (pair.speakers.compared, pair.speakers.agreed) == (3, 1)
    assert pair.exact.f1 == 1.0 and pair.documents == 3
    assert [len(s.work["ali"].speakers) for s in report.sheets] == [1, 1, 1]


def test_a_label_filter_keeps_only_those_spans(tmp_path: Path) -> None:
    work = {"ali": [[QUOTE, SPEAKER]], "badr": [[SPEAKER]]}
    with team_project(tmp_path / "p.annot.db", [TEXT], work) as repo:
        every = agreement_report(repo).agreement.pairs[0]
        people = agreement_report(repo, labels=["PER"]).agreement.pairs[0]
    assert every.exact.f1 == 2 / 3 and people.exact.f1 == 1.0
    assert set(people.per_label) == {"PER"}


def test_work_reads_give_the_places_of_the_annotators_named(tmp_path: Path) -> None:
    work = {"ali": [[QUOTE, SPEAKER]], "badr": [[QUOTE, OTHER]]}
    speakers = {"ali": [[(0, 1)]], "badr": [[(0, 1)]]}
    with team_project(tmp_path / "p.annot.db", [TEXT], work, speakers=speakers) as repo:
        (read,) = repo.work_reads(repo.document_ids(), annotators=["badr"])
        everyone = next(iter(repo.work_reads(repo.document_ids())))
        assert list(repo.work_reads([12345])) == []  # no such document: nothing
    assert read.text == TEXT and read.title == "text 0"
    assert sorted(read.places.values()) == sorted([(*QUOTE, "badr"), (*OTHER, "badr")])
    assert len(read.speakers) == 1 and len(everyone.speakers) == 2
    assert len(everyone.places) == 4
