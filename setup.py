"""Build step only (the metadata is in pyproject.toml): a wheel carries the shipped files.

``resources/`` (fonts, interface catalogs) and ``seeds/`` (the sample article) stay at the top
of the repository; build_py copies them into the wheel's ``annotator/_data/``, where
annotator/ui/paths.py looks first. Editable installs skip the copy and read the repository's
folders. docs/adr/0015-packaged-resources.md.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED = ("resources", "seeds", "README.md")  # the README is the user guide (Help menu)
TARGET = Path("annotator", "_data")


def shipped_files() -> list[Path]:
    """The files to ship, relative to the repository root."""
    found = []
    for name in SHIPPED:
        top = ROOT / name
        found += [top] if top.is_file() else list(top.rglob("*"))
    return sorted(
        path.relative_to(ROOT)
        for path in found
        if path.is_file() and "__pycache__" not in path.parts
    )


class BuildPyWithShippedFiles(build_py):
    """build_py, then copy resources/ and seeds/ into <build_lib>/annotator/_data/."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # the editable install reads the repository's folders
            return
        for source, target in self._shipped_mapping().items():
            self.mkpath(str(Path(target).parent))
            self.copy_file(source, target, preserve_mode=False)

    def _shipped_mapping(self) -> dict[str, str]:
        return {
            str(ROOT / path): str(Path(self.build_lib) / TARGET / path) for path in shipped_files()
        }

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        return [*outputs, *self._shipped_mapping().values()]

    def get_output_mapping(self) -> dict[str, str]:
        mapping = super().get_output_mapping()
        if self.editable_mode:
            return mapping
        return {**mapping, **{t: s for s, t in self._shipped_mapping().items()}}


setup(cmdclass={"build_py": BuildPyWithShippedFiles})
