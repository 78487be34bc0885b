"""A wheel carries what the installed app needs besides the code: the Arabic fonts and their
licence, the interface catalogs and the sample article (docs/adr/0015-packaged-resources.md).

Builds the wheel with the venv's own setuptools from a copy of the files an sdist holds, so the
work tree gets no build/ folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SDIST_FILES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "COPYING")
SDIST_FOLDERS = ("annotator", "resources", "seeds")


def build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    for name in SDIST_FILES:
        shutil.copy2(REPO / name, source / name)
    for name in SDIST_FOLDERS:
        shutil.copytree(
            REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "_data")
        )
    out = tmp_path / "dist"
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    done = subprocess.run(
        [*pip, "--no-cache-dir", "-w", str(out), str(source)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = out.glob("arabic_news_annotator-*.whl")
    return wheel


def test_the_wheel_holds_the_fonts_the_catalogs_the_licences_and_the_sample(
    tmp_path: Path,
) -> None:
    data = "annotator/_data/"
    with zipfile.ZipFile(build_wheel(tmp_path)) as wheel:
        names = set(wheel.namelist())
        article = wheel.read(data + "seeds/washington-turkey-isis.txt")
    expected = {
        data + "resources/fonts/NotoNaskhArabic-Regular.ttf",
        data + "resources/fonts/NotoNaskhArabic-Bold.ttf",
        data + "resources/fonts/OFL.txt",
        data + "resources/translations/annotator_ar.qm",
        data + "seeds/washington-turkey-isis.txt",
        "annotator/ui/paths.py",
    }
    assert expected <= names, sorted(expected - names)
    licences = {name.rsplit("/", 1)[-1] for name in names if ".dist-info/licenses/" in name}
    assert {"COPYING", "OFL.txt"} <= licences, sorted(names)
    # the shipped copy is the repository's, byte for byte
    assert article == (REPO / "seeds" / "washington-turkey-isis.txt").read_bytes()
