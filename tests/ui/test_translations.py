"""The Arabic catalog is current: every tr() string of annotator/ui has a translation in the
.ts, and the .qm says the same as the .ts (it was rebuilt after the last edit)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
import update_translations as catalogs  # noqa: E402

TS = REPO / "resources" / "translations" / "annotator_ar.ts"
QM = TS.with_suffix(".qm")


def test_every_interface_string_has_an_arabic_translation(tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    catalogs.lupdate(fresh)  # what the sources ask for now
    wanted = catalogs.messages(fresh)
    committed = catalogs.messages(TS)
    missing = sorted(f"{c}: {s!r}" for (c, s), text in wanted.items() if not text)
    assert not missing, "untranslated (run scripts/update_translations.py):\n" + "\n".join(missing)
    stale = sorted(f"{c}: {s!r}" for c, s in set(committed) - set(wanted))
    assert not stale, "strings no longer in the code:\n" + "\n".join(stale)


@pytest.mark.usefixtures("qapp")
def test_the_compiled_catalog_matches_the_source_catalog() -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    for (context, source), text in catalogs.messages(TS).items():
        assert translator.translate(context, source) == text, (context, source)


def test_arabic_translations_are_arabic_and_keep_placeholders() -> None:
    for (context, source), text in catalogs.messages(TS).items():
        assert text is not None
        for placeholder in ("{action}", "{label}", "{text}", "{key}", "{n}", "{path}", "{title}"):
            assert (placeholder in source) == (placeholder in text), (context, source)
        if any("a" <= ch.lower() <= "z" for ch in source.replace("{", "").split("}")[-1]):
            assert any("\u0600" <= ch <= "\u06ff" for ch in text) or text == source, (
                context,
                source,
            )
