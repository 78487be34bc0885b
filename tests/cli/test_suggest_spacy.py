"""``annotator suggest --recommender spacy --pipeline DIR`` (issue 12, docs/adr/0078) with a
real spaCy pipeline the session trained from a project's spans (tests/spacy_pipelines.py): its
entities stored as suggestions with the project's labels, the label map renaming and dropping,
every bad directory one line naming it, ``--evaluate`` measuring it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from annotator.cli.main import cli
from annotator.core.edits import SetStatus
from annotator.core.model import AnnotatedDocument, Document, Status
from annotator.store import open_project
from tests.spacy_pipelines import anercorp_project

pytest.importorskip("spacy")
MAP = "PERSON=PERS,GPE=LOC"  # ORGANIZATION is not mapped (the project has ORG): dropped


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """ANERcorp's two documents with their spans, and a copy of the first without a span
    (document 3, after a title line of its own), where the pipeline finds what it learned."""
    path = anercorp_project(tmp_path)
    with open_project(path, create=False) as repo:
        text = repo.document(1).text
        repo.add_document(AnnotatedDocument(Document(None, "copy", "نسخة ثانية\n" + text), ()))
    return path


def suggested(path: Path) -> list[tuple[str, str, int, int]]:
    with open_project(path, create=False, read_only=True) as repo:
        text = repo.document(3).text
        return [
            (text[s.start : s.end], s.label, s.start, s.end)
            for s in repo.suggestions(3, recommenders=["spacy"])
        ]


def test_suggest_stores_the_pipeline_s_entities_with_the_project_s_labels(
    project: Path, spacy_pipeline: Path
) -> None:
    result = run(
        "suggest", project, "--recommender", "spacy", "--pipeline", spacy_pipeline, "--map", MAP
    )
    assert result.exit_code == 0, result.output
    assert re.search(r"^spacy: \d+ suggestions over 3 documents", result.output, re.M)
    dropped = re.search(
        r"^spacy: (\d+) entities of labels neither mapped nor in the project "
        r"dropped \(ORGANIZATION \1\)",
        result.output,
        re.M,
    )
    assert dropped, result.output
    found = suggested(project)
    assert {"PERS", "LOC"} <= {label for _, label, _, _ in found} <= {"PERS", "LOC", "MISC"}
    with open_project(project, create=False, read_only=True) as repo:
        text = repo.document(3).text
        first = repo.document(1).text
        gold = {(first[s.start : s.end], s.label) for s in repo.spans(1)}
        assert not repo.suggestions(1, recommenders=["spacy"])  # never over a span
        settings = repo.recommender_settings(["memory", "gazetteer", "quotes", "spacy"]).settings
    assert settings.pipeline == str(spacy_pipeline) and dict(settings.label_map) == {
        "PERSON": "PERS",
        "GPE": "LOC",
    }
    right = sum((t, lb) in gold for t, lb, _, _ in found)
    assert right >= 0.7 * len(found)  # it learned the spans of this very text
    for t, _, start, end in found:  # on our text exactly, whole words, no space at the edges
        assert t == t.strip() and t
        assert start == 0 or not text[start - 1].isalnum()
        assert end == len(text) or not text[end].isalnum()


def test_a_proclitic_kept_by_spacy_s_tokens_is_left_out(
    project: Path, spacy_pipeline: Path, tmp_path: Path
) -> None:
    """spaCy's Arabic tokens keep و/ب on the word (وإسرائيل, بلبنان) and its ner tags the whole
    token. In a project that labels stems (here: nothing labelled yet, the default labels) the
    suggestion is the stem where the evidence says so (core/clitics: إسرائيل and لبنان are
    far more frequent words than وإسرائيل and بلبنان), and واشنطن (no و + اشنطن) stays whole.
    In the ANERcorp project, whose spans keep the clitic (وإسرائيل is a span), it stays whole."""
    import spacy

    with open_project(project, create=False, read_only=True) as repo:
        text = repo.document(1).text
    plain = tmp_path / "plain.annot.db"
    with open_project(plain) as repo:
        repo.add_document(AnnotatedDocument(Document(None, "article", text), ()))
    raw = [(e.start_char, e.end_char) for e in spacy.load(spacy_pipeline)(text).ents]
    stems = {"وإسرائيل": "إسرائيل", "بلبنان": "لبنان"}
    glued = [(s, e) for s, e in raw if text[s:e] in stems]
    assert {text[s:e] for s, e in glued} == set(stems), "the pipeline tags other words now"
    result = run(
        "suggest",
        plain,
        "--recommender",
        "spacy",
        "--pipeline",
        spacy_pipeline,
        "--map",
        "PERSON=PER,GPE=LOC,ORGANIZATION=ORG",
    )
    assert result.exit_code == 0, result.output
    with open_project(plain, create=False, read_only=True) as repo:
        places = {(s.start, s.end) for s in repo.suggestions(1)}
    for s, e in glued:
        assert (s + 1, e) in places and (s, e) not in places, text[s:e]
    washington = [(s, e) for s, e in raw if text[s:e] == "واشنطن"]
    assert washington and all(place in places for place in washington)
    assert (
        run(
            "suggest", project, "--recommender", "spacy", "--pipeline", spacy_pipeline, "--map", MAP
        ).exit_code
        == 0
    )
    kept = {(s, e) for _, _, s, e in suggested(project)}
    shift = len("نسخة ثانية\n")
    assert any((s + shift, e + shift) in kept for s, e in glued if text[s:e] == "وإسرائيل")


def test_the_map_renames_and_without_it_the_others_are_dropped(
    project: Path, spacy_pipeline: Path
) -> None:
    result = run("suggest", project, "--recommender", "spacy", "--pipeline", spacy_pipeline)
    assert result.exit_code == 0, result.output
    assert {label for _, label, _, _ in suggested(project)} <= {"MISC"}  # its own name
    line = next(x for x in result.output.splitlines() if "dropped" in x)
    assert re.fullmatch(
        r"spacy: \d+ entities of labels neither mapped nor in the project "
        r"dropped \(GPE \d+, ORGANIZATION \d+, PERSON \d+\); map them with "
        r"--map LABEL=PROJECT_LABEL",
        line,
    ), line
    again = run(
        "suggest",
        project,
        "--recommender",
        "spacy",
        "--map",
        "PERSON=PERS",
        "--map",
        "ORGANIZATION=ORG",
    )
    assert again.exit_code == 0, again.output
    assert {"PERS", "ORG"} <= {label for _, label, _, _ in suggested(project)}
    assert "LOC" not in {label for _, label, _, _ in suggested(project)}
    bad = run("suggest", project, "--recommender", "spacy", "--map", "GPE=PLACE")
    assert bad.exit_code == 1
    assert bad.output.splitlines() == [
        "Error: label map GPE=PLACE: 'PLACE' is no label of the project "
        "(EVENT, LOC, MISC, ORG, PER, PERS, QUOTE)"
    ]
    typo = run("suggest", project, "--map", "GPE:LOC")
    assert typo.exit_code == 2 and "label map 'GPE:LOC': write PIPELINE_LABEL=LABEL" in typo.output


def bad_directories(tmp_path: Path, pipeline: Path) -> dict[str, tuple[Path, str]]:
    import spacy

    missing = tmp_path / "missing"
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    broken = tmp_path / "broken"
    shutil.copytree(pipeline, broken)
    (broken / "config.cfg").write_text('[nlp]\nlang = "zz"\n', encoding="utf-8")
    blank = tmp_path / "blank"
    spacy.blank("ar").to_disk(blank)
    return {
        "missing": (missing, f"spaCy pipeline {missing}: no such directory"),
        "file": (a_file, f"spaCy pipeline {a_file}: is a file, not a directory"),
        "empty": (empty, f"spaCy pipeline {empty}: not a spaCy pipeline (no config.cfg)"),
        "broken": (broken, f"spaCy pipeline {broken}: cannot be loaded: "),
        "blank": (
            blank,
            f"spaCy pipeline {blank}: no ner or spancat component (it has no component)",
        ),
    }


def test_a_bad_directory_is_one_line_naming_it_and_nothing_is_stored(
    project: Path, spacy_pipeline: Path, tmp_path: Path
) -> None:
    for what, (directory, message) in bad_directories(tmp_path, spacy_pipeline).items():
        for command in ("suggest", "settings"):
            result = run(command, project, "--pipeline", directory)
            assert result.exit_code == 1, (what, result.output)
            lines = result.output.splitlines()
            assert len(lines) == 1 and lines[0].startswith(f"Error: {message}"), (what, lines)
    assert "spacy-pipeline: (none)" in run("settings", project).output


def test_a_pipeline_gone_since_it_was_set_is_said_and_the_others_run(
    project: Path, spacy_pipeline: Path, tmp_path: Path
) -> None:
    moved = tmp_path / "moved"
    shutil.copytree(spacy_pipeline, moved)
    set_it = run("settings", project, "--pipeline", moved, "--map", MAP)
    assert set_it.exit_code == 0, set_it.output
    assert set_it.output.splitlines()[0].startswith(
        "changed: recommenders: memory, gazetteer, quotes, spacy (was memory, gazetteer, quotes)"
    )  # the first pipeline switches it on
    shutil.rmtree(moved)
    result = run("suggest", project)
    assert result.exit_code == 0, result.output
    assert f"spacy: nothing suggested: spaCy pipeline {moved}: no such directory" in result.output
    assert re.search(r"^memory: \d+ suggestions", result.output, re.M)


def test_evaluate_includes_the_pipeline(project: Path, spacy_pipeline: Path) -> None:
    with open_project(project, create=False) as repo:
        repo.apply(SetStatus(1, "amal", Status.DONE))
    unset = run("suggest", project, "--evaluate", "--recommender", "spacy")
    assert unset.output.splitlines()[-1].startswith("spacy: not measured: no spaCy pipeline set")
    assert run("settings", project, "--pipeline", spacy_pipeline, "--map", MAP).exit_code == 0
    result = run("suggest", project, "--evaluate")
    assert result.exit_code == 0, result.output
    rows = {tuple(x.split()[:2]): x for x in result.output.splitlines() if x.startswith("spacy ")}
    assert {("spacy", "LOC"), ("spacy", "PERS")} <= set(rows)
    loc = rows[("spacy", "LOC")].split()
    assert float(loc[4]) > 0.5  # F1 on the document it learned from
    assert "not measured" not in result.output
