"""Finish the folder PyInstaller built (``make dist``, docs/adr/0077): the install scripts, the
desktop entry, the file type and the icon under ``share/``, the licences under ``licenses/``,
then ``dist/arabic-news-annotator-VERSION-linux-x86_64.tar.gz`` of the whole folder.

    .venv/bin/python scripts/finish_bundle.py dist/arabic-news-annotator
"""

from __future__ import annotations

import importlib.metadata
import platform
import shutil
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
SHARE = (
    LINUX / "arabic-news-annotator.desktop",
    LINUX / "arabic-news-annotator-mime.xml",
    ROOT / "resources" / "icons" / "arabic-news-annotator.png",
    ROOT / "resources" / "icons" / "arabic-news-annotator.svg",
)


def licences(into: Path) -> None:
    """Ours, the fonts', Qt's (PySide6 is LGPL-3.0) and pyarabic's (GPL)."""
    into.mkdir(exist_ok=True)
    shutil.copy(ROOT / "COPYING", into / "COPYING")
    shutil.copy(ROOT / "resources" / "fonts" / "OFL.txt", into / "NotoNaskhArabic-OFL.txt")
    shutil.copy(ROOT / "packaging" / "licenses" / "LGPL-3.0.txt", into / "PySide6-Qt-LGPL-3.0.txt")
    for package in ("PyArabic", "python-crfsuite", "krippendorff"):
        try:
            files = importlib.metadata.files(package) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for file in files:
            if file.name.upper().startswith(("LICENSE", "COPYING")):
                shutil.copy(Path(str(file.locate())), into / f"{package}-{file.name}")


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "arabic-news-annotator"
    if not (folder / "annotator").is_file():
        print(f"{folder}: no annotator executable: build it first (make dist)", file=sys.stderr)
        return 1
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy(LINUX / script, folder / script)
        (folder / script).chmod(0o755)
    share = folder / "share"
    share.mkdir(exist_ok=True)
    for file in SHARE:
        shutil.copy(file, share / file.name)
    licences(folder / "licenses")
    version = importlib.metadata.version("arabic-news-annotator")
    archive = folder.parent / f"{folder.name}-{version}-linux-{platform.machine()}.tar.gz"
    partial = archive.with_name(archive.name + ".part")  # whole or not at all
    with tarfile.open(partial, "w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    partial.replace(archive)
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"{folder}: {size / 2**20:.0f} MB; {archive}: {archive.stat().st_size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
