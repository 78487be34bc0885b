"""The application bundle's parts that can be checked without building it (docs/adr/0077):
the PyInstaller spec names every file the package reads at run time, leaves out nothing the
package imports, and the install scripts give a user a menu entry, the command and the project
file type, in a temporary HOME. The bundle itself is built and run by ``make dist-check``."""

from __future__ import annotations

import ast
import configparser
import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.formats.registry import MODULES

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "packaging" / "annotator.spec"
LINUX = REPO / "packaging" / "linux"


def spec_list(name: str) -> list[object]:
    """A list the spec assigns as a literal (DATAS, HIDDEN_IMPORTS, EXCLUDES)."""
    for node in ast.parse(SPEC.read_text("utf-8")).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return value
    raise AssertionError(f"{SPEC}: no {name} = [...]")


def test_the_spec_ships_every_file_the_package_reads() -> None:
    datas = {str(source): str(target) for source, target in spec_list("DATAS")}  # type: ignore[misc]
    shipped = {
        str(p.relative_to(REPO))
        for top in ("resources", "seeds")
        for p in (REPO / top).rglob("*")
        if p.is_file() and p.suffix != ".ts"  # the catalogs' sources: the .qm is read
    }
    assert shipped <= set(datas), f"not in the spec's DATAS: {sorted(shipped - set(datas))}"
    for source, target in datas.items():
        assert (REPO / source).is_file(), f"{SPEC}: {source} does not exist"
        # where annotator/ui/paths.py looks in the bundle: annotator/_data/<the same path>
        assert target == str(Path("annotator/_data", source).parent)


def test_the_spec_keeps_what_the_package_imports() -> None:
    hidden = set(spec_list("HIDDEN_IMPORTS"))
    assert set(MODULES.values()) - {"annotator.formats.spacy_docbin"} <= hidden
    assert {"annotator.ui.app", "pycrfsuite"} <= hidden  # imported by name / compiled
    excluded = set(spec_list("EXCLUDES"))
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    needed = {"PySide6", "sqlite_utils", "pyarabic", "pycrfsuite", "krippendorff", "numpy"}
    needed |= {"click"}
    assert not needed & excluded
    assert "spacy" in excluded and "spacy" not in " ".join(project["dependencies"])


def stand_in_bundle(folder: Path) -> Path:
    """The files finish_bundle.py puts beside the executable, and an executable that says
    what it was asked (the built one takes minutes: make dist-check runs it)."""
    folder.mkdir()
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy(LINUX / script, folder / script)
    (folder / "share").mkdir()
    for name in ("arabic-news-annotator.desktop", "arabic-news-annotator-mime.xml"):
        shutil.copy(LINUX / name, folder / "share" / name)
    for name in ("arabic-news-annotator.png", "arabic-news-annotator.svg"):
        shutil.copy(REPO / "resources" / "icons" / name, folder / "share" / name)
    exe = folder / "annotator"
    exe.write_text('#!/bin/sh\necho "annotator $*"\n')
    exe.chmod(0o755)
    return folder


def run_script(script: Path, home: Path) -> str:
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    done = subprocess.run(["sh", str(script)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")
def test_install_gives_the_user_a_menu_entry_the_command_and_the_file_type(
    tmp_path: Path,
) -> None:
    bundle = stand_in_bundle(tmp_path / "arabic news annotator")  # a space in the path too
    home = tmp_path / "home"
    home.mkdir()
    run_script(bundle / "install.sh", home)
    run_script(bundle / "install.sh", home)  # again: the same result
    data = home / ".local" / "share"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(data / "applications" / "arabic-news-annotator.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f'"{bundle / "annotator"}" gui %f'
    assert desktop["Type"] == "Application" and desktop["Icon"] == "arabic-news-annotator"
    (mime_type,) = [t for t in desktop["MimeType"].split(";") if t]
    mime = ET.parse(data / "mime" / "packages" / "arabic-news-annotator.xml").getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    (declared,) = mime.iter(f"{ns}mime-type")
    assert declared.get("type") == mime_type
    assert [g.get("pattern") for g in declared.iter(f"{ns}glob")] == ["*.annot.db"]
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / "arabic-news-annotator.png").is_file()
    command = home / ".local" / "bin" / "annotator"
    assert command.is_symlink() and command.resolve() == (bundle / "annotator").resolve()
    said = subprocess.run([str(command), "stats", "x"], capture_output=True, text=True)
    assert said.stdout == "annotator stats x\n"
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(data / "applications" / "arabic-news-annotator.desktop")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout + check.stderr

    run_script(bundle / "uninstall.sh", home)
    run_script(bundle / "uninstall.sh", home)  # again: nothing left to remove, no error
    assert not command.exists() and not command.is_symlink()
    assert not (data / "applications" / "arabic-news-annotator.desktop").exists()
    assert not (data / "mime" / "packages" / "arabic-news-annotator.xml").exists()


def test_install_refuses_to_run_outside_the_bundle(tmp_path: Path) -> None:
    folder = tmp_path / "loose"
    folder.mkdir()
    shutil.copy(LINUX / "install.sh", folder / "install.sh")
    done = subprocess.run(
        ["sh", str(folder / "install.sh")],
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "annotator not found" in done.stderr
    assert not (tmp_path / ".local").exists()  # nothing half-installed
