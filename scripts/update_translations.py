"""Refresh the interface catalogs: pyside6-lupdate over annotator/ui, then pyside6-lrelease.

    .venv/bin/python scripts/update_translations.py          # update .ts and build .qm
    .venv/bin/python scripts/update_translations.py --check  # fail if a string lacks Arabic

New strings arrive in resources/translations/annotator_ar.ts marked "unfinished": translate
them there (Qt Linguist, or any editor), then run this again to build the .qm.
tests/ui/test_translations.py fails while a string is untranslated or the .qm is stale.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("ar",)


def tool(name: str) -> str:
    """A PySide6 tool next to the running interpreter (the venv), else on PATH."""
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "annotator" / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(qm)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation, None when missing or unfinished."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = None
            if translation is not None and translation.get("type") not in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                text = translation.text or None
            found[(name, source)] = text
    return found


def main() -> int:
    check = "--check" in sys.argv
    missing = 0
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"annotator_{language}.ts"
        qm = ts.with_suffix(".qm")
        if not check:
            lupdate(ts)
            lrelease(ts, qm)
        for (context, source), text in messages(ts).items():
            if text is None:
                missing += 1
                print(f"{ts.name}: no translation for {context}: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
