"""import_paths on real project files: folders, formats, duplicates, refused files, labels."""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from annotator.core.model import DEFAULT_LABELS, AnnotatedDocument, Document, Kind, Span, Status
from annotator.formats.base import ExportOptions
from annotator.ops import collect_files, export_project, import_paths, seed_project
from annotator.store import Repository, open_project
from tests.strategies import text_with_spans

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
SEED = FIXTURES / "seed-article.txt"
ARABIC = "أعلن الجيش التركي أنه سيطر على أربع مناطق سكنية في شمال سوريا.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    with open_project(tmp_path / "p.annot.db") as r:
        yield r  # type: ignore[misc]


def jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def test_a_folder_with_one_bad_file_imports_the_others(repo: Repository, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED, folder / "a.txt")
    (folder / "sub" / "b.txt").write_bytes(ARABIC.encode("cp1256"))
    (folder / "sub" / "c.txt").write_bytes(codecs.BOM_UTF16_LE + "نص ثالث".encode("utf-16-le"))
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    (folder / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "x.txt").write_text("مخفي", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    report = import_paths(repo, [folder], progress=lambda done, total: seen.append((done, total)))
    assert report.imported == 3
    assert len(report.errors) == 1
    assert "broken.txt" in report.errors[0] and "binary file" in report.errors[0]
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    texts = [repo.document(i).text for i in repo.document_ids()]
    assert ARABIC in texts and "نص ثالث" in texts
    assert any("boilerplate" in note for note in report.notes)


def test_unknown_formats_are_skipped_in_folders_and_refused_by_name(
    repo: Repository, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "article.txt")
    (folder / "README.md").write_text("# notes", encoding="utf-8")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    report = import_paths(repo, [folder])
    assert (report.imported, report.errors) == (1, [])
    assert sum("skipped, not in a format" in note for note in report.notes) == 2
    named = import_paths(repo, [folder / "photo.png"])
    assert len(named.errors) == 1
    assert "photo.png" in named.errors[0] and "cannot tell the format" in named.errors[0]


def test_files_are_sorted_and_hidden_ones_skipped(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", ".c.txt", "z/y.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("نص", encoding="utf-8")
    files, errors = collect_files([tmp_path, tmp_path / "missing.txt"])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.txt", "b.txt", "z/y.txt"]
    assert errors == [f"{tmp_path / 'missing.txt'}: no such file or folder"]


def test_duplicates_are_skipped_and_counted(repo: Repository, tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "one.txt")
    shutil.copy(SEED, tmp_path / "two.txt")
    first = import_paths(repo, [tmp_path / "one.txt", tmp_path / "two.txt"])
    assert (first.imported, first.duplicates) == (1, 1)
    again = import_paths(repo, [tmp_path / "one.txt"])
    assert (again.imported, again.duplicates, again.errors) == (0, 1, [])


def test_keep_boilerplate(repo: Repository) -> None:
    import_paths(repo, [SEED], keep_boilerplate=True)
    [doc_id] = repo.document_ids()
    assert repo.document(doc_id).text == SEED.read_text(encoding="utf-8")


def test_jsonl_with_spans_relations_and_status(repo: Repository, tmp_path: Path) -> None:
    text = "قال كارتر: «بحث الوزيران نجاحات سوريا»."
    quote = (text.index("«"), text.index("»") + 1)
    path = jsonl(
        tmp_path / "in.jsonl",
        {
            "text": text,
            "status": "done",
            "spans": [
                {"start": 4, "end": 9, "label": "PER"},
                {"start": quote[0], "end": quote[1], "label": "QUOTE"},
            ],
            "relations": [{"from": 1, "to": 0}],
        },
    )
    report = import_paths(repo, [path], annotator="amal")
    assert (report.imported, report.spans, report.errors) == (1, 2, [])
    [doc_id] = repo.document_ids()
    doc = repo.annotated(doc_id)
    assert [(s.start, s.end, s.label, s.annotator) for s in doc.spans] == [
        (4, 9, "PER", "amal"),
        (*quote, "QUOTE", "amal"),
    ]
    [rel] = doc.relations
    assert repo.span(rel.source_id).label == "QUOTE"
    assert repo.status(doc_id, "amal") == Status.DONE


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"text": "نص قصير", "spans": [{"start": 0, "end": 40, "label": "PER"}]}, "out of range"),
        ({"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "PERS"}]}, "unknown label"),
    ],
)
def test_a_bad_line_imports_nothing_of_its_file(
    repo: Repository, tmp_path: Path, record: dict[str, object], message: str
) -> None:
    path = jsonl(tmp_path / "in.jsonl", {"text": "سطر سليم"}, record)
    shutil.copy(SEED, tmp_path / "other.txt")
    report = import_paths(repo, [path, tmp_path / "other.txt"])
    assert report.imported == 1
    [error] = report.errors
    assert error.startswith(f"{path}, line 2: ") and message in error
    assert repo.count_documents() == 1


def test_invalid_json_names_the_line(repo: Repository, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"text": "سطر"}\n{"text": "سطر آخر"}\n{"text": \n', encoding="utf-8")
    report = import_paths(repo, [path])
    assert report.imported == 0
    assert report.errors[0].startswith(f"{path}, line 3: invalid JSON")


def test_labels_with_a_kind_are_added(repo: Repository, tmp_path: Path) -> None:
    spans = [{"start": 0, "end": 5, "label": "PERS", "kind": "entity"}]
    path = jsonl(tmp_path / "in.jsonl", {"text": "كارتر قال", "spans": spans})
    report = import_paths(repo, [path])
    assert report.errors == []
    assert repo.labels().kind_of("PERS") == Kind.ENTITY
    assert any("PERS" in note for note in report.notes)
    [doc_id] = repo.document_ids()
    [span] = repo.spans(doc_id)
    assert (span.label, dict(span.attributes)) == ("PERS", {})


def test_a_span_attribute_called_kind_round_trips_through_our_jsonl_export(
    tmp_path: Path,
) -> None:
    """Issue 7 §8: the kind of a new label once rode in ``attributes["kind"]``, so a span whose
    own attributes hold a ``kind`` was refused and a project could not re-import its export."""
    text = "قال الرئيس كارتر إن الاجتماع انتهى."
    with open_project(tmp_path / "a.annot.db") as first:
        first.ensure_label("TITLE", Kind.ENTITY)
        spans = (
            Span(1, 0, 4, 10, "TITLE", "amal", attributes={"kind": "nominal"}),
            Span(2, 0, 11, 16, "PER", "amal", attributes={"kind": "named", "note": "وزير"}),
            Span(3, 0, 20, 28, "EVENT", "amal", attributes={"kind": {"nested": [1, 2]}}),
        )
        first.add_documents([AnnotatedDocument(Document(None, "كارتر", text), spans)])
        export_project(first, "jsonl", tmp_path / "out")
        before = [(s.start, s.end, s.label, dict(s.attributes)) for s in first.spans(1)]
    with open_project(tmp_path / "b.annot.db") as second:
        report = import_paths(second, [tmp_path / "out" / "documents.jsonl"])
        assert (report.errors, report.imported) == ([], 1)
        assert second.labels().kind_of("TITLE") is Kind.ENTITY
        after = [(s.start, s.end, s.label, dict(s.attributes)) for s in second.spans(1)]
    assert after == before
    assert before[0][3] == {"kind": "nominal"}


def test_a_new_label_whose_name_breaks_exports_refuses_the_file(
    repo: Repository, tmp_path: Path
) -> None:
    good = jsonl(tmp_path / "good.jsonl", {"text": "كارتر قال"})
    spans = [{"start": 0, "end": 5, "label": "[events]\u202e", "kind": "quote"}]
    bad = jsonl(tmp_path / "bad.jsonl", {"text": "نص آخر"}, {"text": "كارتر", "spans": spans})
    report = import_paths(repo, [good, bad])
    [error] = report.errors
    assert error.startswith(f"{bad}, line 2: span 0: label '[events]\\u202e': ")
    assert "bidi control (U+202E RIGHT-TO-LEFT OVERRIDE)" in error
    assert report.imported == 1 and repo.labels().names == DEFAULT_LABELS.names


def test_store_refusal_leaves_only_that_file_out(repo: Repository, tmp_path: Path) -> None:
    # A relation from a span to itself passes the reader but not the store.
    bad = jsonl(
        tmp_path / "bad.jsonl",
        {"text": "كارتر", "spans": [{"start": 0, "end": 5, "label": "PER"}],
         "relations": [{"from": 0, "to": 0}]},
    )  # fmt: skip
    good = jsonl(tmp_path / "good.jsonl", {"text": "نص سليم"})
    report = import_paths(repo, [bad, good])
    assert report.imported == 1
    assert len(report.errors) == 1 and str(bad) in report.errors[0]


def test_newsplease_import(repo: Repository) -> None:
    report = import_paths(repo, [FIXTURES / "newsplease-article.json"])
    assert report.imported == 1
    [doc_id] = repo.document_ids()
    doc = repo.document(doc_id)
    assert doc.url == "https://www.example.com/news/world/1.html"
    assert doc.text.startswith(doc.title + "\n\n")


def test_seed_project_only_on_first_run(tmp_path: Path) -> None:
    project = tmp_path / "seeded.annot.db"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEED, seeds / "article.txt")
    report = seed_project(project, seeds)
    assert report is not None and report.imported == 1
    assert seed_project(project, seeds) is None
    with open_project(project, create=False) as repo:
        assert repo.count_documents() == 1


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(case=text_with_spans(labels=("PER", "ORG", "LOC", "MISC", "EVENT", "QUOTE")))
def test_import_jsonl_import_is_the_identity(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, list[tuple[int, int, str]]]
) -> None:
    text, triples = case
    assume(text.strip())
    triples = sorted(set(triples))
    tmp = tmp_path_factory.mktemp("rt")
    spans = [{"start": a, "end": b, "label": label} for a, b, label in triples]
    source = jsonl(tmp / "in.jsonl", {"text": text, "spans": spans})
    with open_project(tmp / "a.annot.db") as first:
        assert import_paths(first, [source]).errors == []
        export_project(first, "jsonl", tmp / "out", options=ExportOptions())
    with open_project(tmp / "b.annot.db") as second:
        report = import_paths(second, [tmp / "out" / "documents.jsonl"])
        assert report.errors == []
        [doc_id] = second.document_ids()
        doc = second.annotated(doc_id)
    assert doc.document.text == text
    assert sorted((s.start, s.end, s.label) for s in doc.spans) == triples


# The first two sentences of ANERcorp (Benajiba et al., 2007; see tests/fixtures/import/README.md).
ANERCORP_HEAD = """\
فرانكفورت B-LOC
(د O
ب O
أ) O
أعلن O
اتحاد B-ORG
صناعة I-ORG
السيارات I-ORG
في O
ألمانيا B-LOC
امس O
الاول O
أن O
شركات O
صناعة O
السيارات O
في O
ألمانيا B-LOC
تواجه O
عاما O
صعبا O
في O
ظل O
ركود O
السوق O
الداخلية O
والصادرات O
وهي O
تسعي O
لان O
يبلغ O
الانتاج O
حوالي O
خمسة O
ملايين O
سيارة O
في O
عام O
2002 O
. O
وقال O
رئيس O
الاتحاد O
برند B-PERS
جوتشولك I-PERS
عند O
إعلان O
آخر O
تقرير O
سنوي O
للاتحاد O
إن O
مستقبل O
السوق O
مازال O
يفتقر O
إلي O
الخطوط O
الواضحة O
. O
"""


def test_conll_labels_come_with_their_kind_and_notes_reach_the_report(
    repo: Repository, tmp_path: Path
) -> None:
    path = tmp_path / "anercorp-head.conll"
    path.write_text(ANERCORP_HEAD, encoding="utf-8")
    report = import_paths(repo, [path])
    assert (report.imported, report.errors) == (1, [])
    assert repo.labels().kind_of("PERS") == Kind.ENTITY
    assert any("label PERS added" in note for note in report.notes)
    assert any(note.startswith(f"{path}: ") and "PERS" not in note for note in report.notes)
    [doc_id] = repo.document_ids()
    doc = repo.annotated(doc_id)
    assert {doc.document.text[s.start : s.end] for s in doc.spans} >= {"اتحاد صناعة السيارات"}
    assert all(not s.attributes for s in doc.spans)


def test_conll_in_a_txt_file_is_detected_by_its_content(repo: Repository, tmp_path: Path) -> None:
    """ANERcorp ships as a .txt: without --format it must still be read as CoNLL."""
    head = (FIXTURES.parent / "anercorp_sample.txt").read_text(encoding="utf-8").splitlines()[:200]
    path = tmp_path / "ANERCorp.txt"
    path.write_text("\n".join(head) + "\n", encoding="utf-8")
    report = import_paths(repo, [path])
    assert report.errors == []
    assert report.spans > 0  # tags became spans: not one big plain-text document


def test_a_brat_folder_imports_each_pair_once(repo: Repository, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    for name in ("brat.txt", "brat.ann"):
        shutil.copy(FIXTURES.parent / "formats" / name, folder / name)
    report = import_paths(repo, [folder])
    assert report.errors == []
    assert (report.imported, report.duplicates) == (1, 0)
    assert report.spans > 0


def test_json_with_a_broken_surrogate_escape_is_refused_with_its_line(
    repo: Repository, tmp_path: Path
) -> None:
    """A lone "\\ud83d" escape (half an emoji, written by a program that cut UTF-16 text) used
    to crash the whole import with a UnicodeEncodeError; now only that file is refused."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص سليم"}\n{"text": "نص \\ud83d مكسور"}\n', encoding="utf-8")
    label = tmp_path / "label.jsonl"  # a new label's name, the whole file refused
    label.write_text(
        '{"text": "نص آخر", "spans": [{"start": 0, "end": 2, "label": "X\\udc00", '
        '"kind": "entity"}]}\n',
        encoding="utf-8",
    )
    article = tmp_path / "article.json"
    article.write_text('{"title": "عنوان",\n "maintext": "\\udc00 نص"}', encoding="utf-8")
    good = jsonl(tmp_path / "good.jsonl", {"text": ARABIC})
    report = import_paths(repo, [bad, label, article, good])
    assert report.imported == 1
    assert report.errors == [
        f"{bad}, line 2: a lone UTF-16 surrogate escape \\ud83d at column 14: half of a broken "
        "character pair, which is not a character; fix the program that wrote this JSON",
        f"{label}, line 1: a lone UTF-16 surrogate escape \\udc00 at column 64: half of a broken "
        "character pair, which is not a character; fix the program that wrote this JSON",
        f"{article}, line 2: a lone UTF-16 surrogate escape \\udc00 at column 15: half of a "
        "broken character pair, which is not a character; fix the program that wrote this JSON",
    ]
    assert repo.count_documents() == 1
    assert "X\udc00" not in repo.labels().names


def test_the_project_itself_is_never_read(tmp_path: Path) -> None:
    """Importing the project's own folder (or naming its file) skips the project file and its
    journal by their inode, without opening them: closing such a descriptor would drop the
    connection's locks (docs/adr/0016)."""
    folder = tmp_path / "work"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.txt")
    project = folder / "p.annot.db"
    with open_project(project) as repo:
        report = import_paths(repo, [folder])
        assert report.imported == 1
        assert (
            sorted(n.split(": ")[1] for n in report.notes if "own file" in n)
            == ["skipped, it is this project's own file"] * 3
        )
        report = import_paths(repo, [project, Path(f"{project}-wal")])
        assert report.imported == 0
        assert [e.split(": ", 1)[1] for e in report.errors] == [
            "is this project's own file, not an article"
        ] * 2
        repo.check_files()  # still attached: nothing dropped the locks
