"""``annotator suggest`` with the gazetteer and quote recommenders on the sample article: a list
given with --gazetteer, quotes with their speakers, and each recommender that can suggest
nothing saying why."""

from __future__ import annotations

from pathlib import Path

from annotator.core.model import Kind
from annotator.store import open_project
from tests.cli.test_suggest import labelled, project, run

__all__ = ["project"]  # the fixture, shared


def test_a_gazetteer_given_on_the_command_line(project: Path, tmp_path: Path) -> None:
    names = tmp_path / "places.tsv"
    names.write_text("# places\nالرقة\tLOC\nالموصل\tLOC\nآشتون كارتر\tPER\n", encoding="utf-8")
    result = run("suggest", project, "--recommender", "gazetteer", "--gazetteer", names)
    assert result.exit_code == 0, result.output
    with open_project(project, create=False) as repo:
        text = repo.document(1).text
        found = [(text[s.start : s.end], s.label) for s in repo.suggestions(1)]
    assert ("الرقة", "LOC") in found and ("الموصل", "LOC") in found
    assert ("آشتون كارتر", "PER") in found
    assert found.count(("الرقة", "LOC")) == 7  # والرقة too, the و left out
    assert "gazetteer:" in result.output


def test_a_bad_gazetteer_line_is_one_line_naming_the_file_and_line(
    project: Path, tmp_path: Path
) -> None:
    names = tmp_path / "bad.tsv"
    names.write_text("الرقة\tLOC\nالموصل LOC\n", encoding="utf-8")
    result = run("suggest", project, "--recommender", "gazetteer", "--gazetteer", names)
    assert result.exit_code == 1
    assert f"{names}" in result.output and "line 2" in result.output
    with open_project(project, create=False) as repo:
        assert repo.suggestions() == []  # nothing stored


def test_the_gazetteer_asked_for_without_a_list_says_how_to_keep_one(project: Path) -> None:
    result = run("suggest", project, "--recommender", "gazetteer")
    assert result.exit_code == 0
    assert (
        "gazetteer: nothing suggested: no gazetteer in the project "
        "(annotator gazetteer PROJECT add FILE)" in result.output
    )


def test_quotes_with_their_speakers_after_the_entity_recommenders(project: Path) -> None:
    result = run("suggest", project)  # every recommender: no list, so the gazetteer says why
    assert result.exit_code == 0, result.output
    assert "gazetteer: nothing suggested: no gazetteer in the project" in result.output
    with open_project(project, create=False) as repo:
        text = repo.document(1).text
        labels = repo.labels()
        quotes = [s for s in repo.suggestions(1) if labels.get(s.label).kind is Kind.QUOTE]  # type: ignore[union-attr]
        assert len(quotes) == 5
        assert all(text[q.start - 1] in '«"“' or text[q.start - 1].isspace() for q in quotes)
        links = repo.suggested_links(1)
    speakers = {text[a:b] for link in links for a, b in [link.target]}
    assert "كارتر" in speakers  # the memory's كارتر (labelled in the other articles)


def test_a_project_with_nothing_labelled_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.annot.db"
    source = labelled(tmp_path / "plain.jsonl")
    plain = tmp_path / "plain.txt"
    plain.write_text(source.read_text(encoding="utf-8").split('"text": "')[1].split('"')[0])
    assert run("import", path, plain).exit_code == 0
    result = run("suggest", path, "--recommender", "memory")
    assert "memory: nothing suggested: no labelled text in the project yet" in result.output
