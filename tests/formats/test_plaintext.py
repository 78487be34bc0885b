"""Plain text import: encodings, title, boilerplate, bad files (docs/adr/0005)."""

from __future__ import annotations

import codecs
import shutil
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.model import DEFAULT_LABELS
from annotator.formats import registry
from annotator.formats.plaintext import DROPPED, READER, PlainTextReader

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
SEED = FIXTURES / "seed-article.txt"
TITLE = "واشنطن تجدد دعمها لتركيا في عملية تطهير حدودها من «داعش»"
CHROME = ("ت + ت - الحجم الطبيعي", "أرشيفية", "Email")
ARABIC = "أعلن الجيش التركي أنه سيطر على أربع مناطق سكنية في شمال سوريا.\nتوغل تركي\n"


def test_seed_article_title_source_and_chrome_dropped() -> None:
    [doc] = READER.read(SEED, DEFAULT_LABELS)
    d = doc.document
    assert d.title == TITLE
    assert d.source == "seed-article.txt"
    assert d.text.startswith(TITLE + "\n")
    for chrome in CHROME:
        assert chrome not in d.text
    assert "كشف وزير الدفاع الأميركي آشتون كارتر" in d.text
    assert len(d.meta[DROPPED]) == 3
    assert d.meta["encoding"] == "utf-8"
    assert doc.spans == ()


def test_keep_boilerplate_keeps_the_file_as_it_is() -> None:
    [doc] = PlainTextReader(keep_boilerplate=True).read(SEED, DEFAULT_LABELS)
    assert doc.document.text == SEED.read_text(encoding="utf-8")
    assert DROPPED not in doc.document.meta


def test_utf16_with_bom_imports_right(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ARABIC.replace("\n", "\r\n").encode("utf-16-le"))
    [doc] = READER.read(path, DEFAULT_LABELS)
    assert doc.document.text == ARABIC
    assert doc.document.meta["encoding"] == "utf-16-le"


def test_windows_1256_imports_right(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    [doc] = READER.read(path, DEFAULT_LABELS)
    assert doc.document.text == ARABIC
    assert doc.document.title == ARABIC.split("\n")[0]
    assert doc.document.meta["encoding"] == "windows-1256"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"\n \n", "empty file"),
        (b"GIF89a\x01\x00\x01\x00\x00\xff\x00,", "binary file"),
        ("Ça coûte très cher".encode("latin-1"), "undecodable bytes"),
    ],
)
def test_bad_files_name_the_file(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        READER.read(path, DEFAULT_LABELS)
    assert str(path) in str(caught.value)
    assert reason in str(caught.value)


def test_only_chrome_is_refused_unless_kept(tmp_path: Path) -> None:
    path = tmp_path / "chrome.txt"
    path.write_text("ت + ت - الحجم الطبيعي\n", encoding="utf-8")
    with pytest.raises(InputError, match="keep-boilerplate"):
        READER.read(path, DEFAULT_LABELS)
    [doc] = PlainTextReader(keep_boilerplate=True).read(path, DEFAULT_LABELS)
    assert doc.document.title == "ت + ت - الحجم الطبيعي"


def test_detected_by_extension_and_as_the_fallback(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    shutil.copy(SEED, txt)
    assert registry.detect(txt).name == "text"
    bare = tmp_path / "README"
    shutil.copy(SEED, bare)
    assert registry.detect(bare).name == "text"
    binary = tmp_path / "photo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(InputError, match="cannot tell the format"):
        registry.detect(binary)
