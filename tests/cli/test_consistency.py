"""``annotator consistency``: the texts labelled differently across a real project."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_suggest import run


def articles(path: Path) -> Path:
    """الرقة as LOC in three articles, as ORG in one (written الرقه there), كارتر always PER."""
    lines = []
    for n, (form, label) in enumerate(
        [("الرقة", "LOC"), ("الرقة", "LOC"), ("الرقه", "ORG"), ("الرقة", "LOC")]
    ):
        text = f"قال كارتر إن {form} محاصرة منذ {n} أيام."
        spans = [
            {"start": text.index("كارتر"), "end": text.index("كارتر") + 5, "label": "PER"},
            {"start": text.index(form), "end": text.index(form) + len(form), "label": label},
        ]
        lines.append(json.dumps({"text": text, "spans": spans}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_text_labelled_differently_is_listed_with_where(tmp_path: Path) -> None:
    project = tmp_path / "p.annot.db"
    assert (
        run("import", project, articles(tmp_path / "a.jsonl"), "--annotator", "amal").exit_code == 0
    )
    result = run("consistency", project)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "1 text labelled differently (by search key):"
    assert lines[1] == "الرقة  (4 spans: LOC 3, ORG 1)"
    assert lines[2].startswith("  ORG in document 3 at ") and lines[2].endswith("(الرقه)")
    assert "كارتر" not in result.output  # always PER: consistent
    nobody = run("consistency", project, "--annotator", "omar")
    assert nobody.output == "no text is labelled differently\n"
